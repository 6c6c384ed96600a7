package org.emoaugnet.model.fused;

/**
 * Batch normalisation per channel over batch and time (or over the batch for 2-D input), as DL4J's
 * BatchNormalization computes it: biased batch variance, {@code std = sqrt(var + eps)}, running statistics with
 * {@code decay}, stored either as variance or (DL4J's default) as log10 of the standard deviation. Parameter
 * offsets are into the network's flat parameter vector.
 */
final class BatchNormStage extends Stage {
    private final int gamma, beta, mean, spread;
    private final boolean logStd;
    private final double eps, decay;
    private final float[] xhat, std, mu;
    private final double[] batchMean, batchVar;

    BatchNormStage(int c, int t, int capacity, int gamma, int beta, int mean, int spread, boolean logStd, double eps, double decay) {
        super(c, t, c, t, capacity, true);
        this.gamma = gamma;
        this.beta = beta;
        this.mean = mean;
        this.spread = spread;
        this.logStd = logStd;
        this.eps = eps;
        this.decay = decay;
        this.xhat = new float[capacity * c * t];
        this.std = new float[c];
        this.mu = new float[c];
        this.batchMean = new double[c];
        this.batchVar = new double[c];
    }

    /**
     * Training-mode normalisation of one lane alone (its samples are the whole batch): {@link FusedNetwork} uses the
     * collective steps below instead, with the statistics of every lane.
     */
    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        if (train) {
            double[] sums = new double[inC], dev = new double[inC], mean = new double[inC];
            channelSums(x, mb, sums);
            double n = (double) mb * inT;
            for (int ch = 0; ch < inC; ch++) mean[ch] = sums[ch] / n;
            channelDeviations(x, mb, mean, dev);
            for (int ch = 0; ch < inC; ch++) dev[ch] /= n;
            setBatchStatistics(mean, dev);
        } else {
            float[] p = net.theta();
            for (int ch = 0; ch < inC; ch++) {
                mu[ch] = p[mean + ch];
                double var = logStd ? Math.pow(10.0, 2.0 * p[spread + ch]) : p[spread + ch];
                std[ch] = (float) Math.sqrt((float) var + (float) eps);
            }
        }
        normalize(net, x, mb);
    }

    /** Adds each channel's sum over this lane's samples and positions to {@code out}. */
    void channelSums(float[] x, int mb, double[] out) {
        for (int ch = 0; ch < inC; ch++) {
            double s = 0;
            for (int b = 0; b < mb; b++) s += VecMath.sum(x, (b * inC + ch) * inT, inT);
            out[ch] += s;
        }
    }

    /** Adds each channel's summed squared deviation from {@code mean} over this lane's samples to {@code out}. */
    void channelDeviations(float[] x, int mb, double[] mean, double[] out) {
        for (int ch = 0; ch < inC; ch++) {
            double v = 0;
            for (int b = 0; b < mb; b++) v += VecMath.squaredDeviation(x, (b * inC + ch) * inT, inT, mean[ch]);
            out[ch] += v;
        }
    }

    /** The whole batch's mean and (biased) variance per channel, which this lane normalises with. */
    void setBatchStatistics(double[] mean, double[] var) {
        for (int ch = 0; ch < inC; ch++) {
            batchMean[ch] = mean[ch];
            batchVar[ch] = var[ch];
            mu[ch] = (float) mean[ch];
            std[ch] = (float) Math.sqrt((float) var[ch] + (float) eps);
        }
    }

    /** {@code y = γ·(x − μ)/σ + β} with the statistics set last. */
    void normalize(Lane net, float[] x, int mb) {
        float[] p = net.theta();
        int c = inC, t = inT;
        for (int b = 0; b < mb; b++) {
            for (int ch = 0; ch < c; ch++) {
                int o = (b * c + ch) * t;
                float m = mu[ch], inv = 1f / std[ch], g = p[gamma + ch], be = p[beta + ch];
                for (int i = o; i < o + t; i++) {
                    float h = (x[i] - m) * inv;
                    xhat[i] = h;
                    y[i] = g * h + be;
                }
            }
        }
    }

    /** Backward pass of one lane alone (see {@link #forward}). */
    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        double[] sb = new double[inC], sg = new double[inC];
        gradientSums(dy, mb, sb, sg);
        parameterGradient(net, sb, sg);
        if (needDx) inputGradient(net, dy, mb, sb, sg, (double) mb * inT);
    }

    /** Adds this lane's per-channel sums of {@code dy} and {@code dy·x̂} to {@code sb} and {@code sg}. */
    void gradientSums(float[] dy, int mb, double[] sb, double[] sg) {
        for (int ch = 0; ch < inC; ch++) {
            double b0 = 0, g0 = 0;
            for (int b = 0; b < mb; b++) {
                int o = (b * inC + ch) * inT;
                b0 += VecMath.sum(dy, o, inT);
                g0 += VecMath.dot(dy, xhat, o, inT);
            }
            sb[ch] += b0;
            sg[ch] += g0;
        }
    }

    /** Adds the batch's γ and β gradients (the sums over every lane) to {@code net}'s gradient. */
    void parameterGradient(Lane net, double[] sb, double[] sg) {
        float[] g = net.grad();
        for (int ch = 0; ch < inC; ch++) {
            g[beta + ch] += (float) sb[ch];
            g[gamma + ch] += (float) sg[ch];
        }
    }

    /** This lane's input gradient from the batch's sums over {@code count} values per channel. */
    void inputGradient(Lane net, float[] dy, int mb, double[] sb, double[] sg, double count) {
        float[] p = net.theta();
        float n = (float) count;
        for (int ch = 0; ch < inC; ch++) {
            float k = p[gamma + ch] / std[ch], mb0 = (float) (sb[ch] / n), mg = (float) (sg[ch] / n);
            for (int b = 0; b < mb; b++) {
                int o = (b * inC + ch) * inT;
                for (int i = o; i < o + inT; i++) dx[i] = k * (dy[i] - mb0 - xhat[i] * mg);
            }
        }
    }

    @Override
    void afterStep(FusedNetwork net) {
        float[] p = net.theta();
        for (int ch = 0; ch < inC; ch++) {
            float m = p[mean + ch];
            p[mean + ch] = m - (float) ((1 - decay) * (m - batchMean[ch]));
            if (logStd) {
                double vi = Math.pow(10.0, 2.0 * p[spread + ch]);
                double vi1 = decay * vi + (1 - decay) * batchVar[ch];
                p[spread + ch] = (float) (p[spread + ch] - Math.log(vi / vi1) / (2 * Math.log(10)));
            } else {
                float v = p[spread + ch];
                p[spread + ch] = v - (float) ((1 - decay) * (v - batchVar[ch]));
            }
        }
    }
}
