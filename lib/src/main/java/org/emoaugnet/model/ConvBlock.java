package org.emoaugnet.model;

/**
 * One 1-D convolution block: Conv1D (same padding) → [BatchNorm] → activation → [MaxPool] → [Dropout], or with
 * {@code bnAfterActivation} Conv1D → activation → BatchNorm → [MaxPool] → [Dropout] (the order of Keras code that
 * writes {@code Conv1D(..., activation='relu')} followed by {@code BatchNormalization()}). In a 2-D trunk
 * ({@link ModelConfig.Trunk#CONV2D}) the same block is 2-D with square sizes: a kernel × kernel convolution with stride
 * × stride, pool × pool max pooling with stride poolStride × poolStride (Truncate mode: floor, where the 1-D blocks pool
 * in Same mode).
 *
 * @param filters    output channels
 * @param kernel     kernel size (2-D: kernel × kernel)
 * @param stride     convolution stride (2-D: in both directions)
 * @param batchNorm  batch normalisation after the convolution
 * @param pool       max-pool size (0 or 1: none; 2-D: pool × pool)
 * @param poolStride max-pool stride (2-D: in both directions)
 * @param dropout    Keras-style drop probability after the block (0: none)
 * @param bnAfterActivation batch normalisation after the activation instead of before it
 */
public record ConvBlock(int filters, int kernel, int stride, boolean batchNorm, int pool, int poolStride, double dropout,
                        boolean bnAfterActivation) {
    public ConvBlock(int filters, int kernel, int stride, boolean batchNorm, int pool, int poolStride, double dropout) {
        this(filters, kernel, stride, batchNorm, pool, poolStride, dropout, false);
    }

    public ConvBlock {
        if (filters <= 0 || kernel <= 0 || stride <= 0) throw new IllegalArgumentException("conv sizes must be positive");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout is a drop probability in [0,1): " + dropout);
    }
}
