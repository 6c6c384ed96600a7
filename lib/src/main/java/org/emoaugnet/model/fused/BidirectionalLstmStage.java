package org.emoaugnet.model.fused;

/**
 * DL4J's {@code Bidirectional} wrapper around an LSTM: two {@link LstmStage}s with parameters of their own, the
 * forward one on the sequence as given, the backward one on the sequence reversed in time, whose outputs are
 * reversed back and combined step by step: CONCAT ({@code [batch, 2·units, time]}, forward units first), ADD (their
 * sum) or AVERAGE ({@code (f + b) · 0.5}, rounded as DL4J's {@code addi} then {@code muli(0.5)}); DL4J's MUL is not
 * implemented. Wrapped in {@code LastTimeStep}, the output is the combined sequence's step {@code time − 1}, exactly
 * what DL4J's LastTimeStepLayer takes: the forward LSTM's last step (it has read the whole sequence) and the backward
 * LSTM's <em>first</em> step (it has read only the last input step). That is not Keras' Bidirectional with
 * {@code return_sequences=False}, which takes the backward LSTM's last step; pooling over time reads both directions'
 * every step.
 */
final class BidirectionalLstmStage extends Stage {
    /** How the two directions' outputs are combined (DL4J's Bidirectional.Mode less MUL). */
    enum Combine { CONCAT, ADD, AVERAGE }

    private final Combine combine;
    private final boolean last;
    private final int h, steps;
    private final LstmStage fwd, bwd;
    private final float[] reversed, dyFwd, dyBwd;

    /**
     * @param fwdOffsets offsets of the forward LSTM's input weights, recurrent weights and bias in the parameter vector
     * @param bwdOffsets the same for the backward LSTM
     */
    BidirectionalLstmStage(int nIn, int steps, int units, Combine combine, boolean last, int[] fwdOffsets, int[] bwdOffsets, int capacity,
                           boolean needsDx) {
        super(nIn, steps, combine == Combine.CONCAT ? 2 * units : units, last ? 1 : steps, capacity, needsDx);
        this.combine = combine;
        this.last = last;
        this.h = units;
        this.steps = steps;
        this.fwd = new LstmStage(nIn, steps, units, false, fwdOffsets[0], fwdOffsets[1], fwdOffsets[2], capacity, needsDx);
        this.bwd = new LstmStage(nIn, steps, units, false, bwdOffsets[0], bwdOffsets[1], bwdOffsets[2], capacity, needsDx);
        this.reversed = new float[capacity * nIn * steps];
        this.dyFwd = new float[capacity * units * steps];
        this.dyBwd = new float[capacity * units * steps];
    }

    /** Row-wise time reversal of {@code rows} rows of {@link #steps} values. */
    private void reverse(float[] from, float[] to, int rows) {
        for (int r = 0; r < rows; r++) {
            int o = r * steps, e = o + steps - 1;
            for (int t = 0; t < steps; t++) to[o + t] = from[e - t];
        }
    }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        reverse(x, reversed, mb * inC);
        fwd.forward(net, x, mb, train);
        bwd.forward(net, reversed, mb, train);
        float[] f = fwd.y, b = bwd.y;
        int first = last ? steps - 1 : 0;
        for (int s = 0; s < mb; s++)
            for (int j = 0; j < h; j++) {
                int row = (s * h + j) * steps;
                for (int t = first; t < steps; t++) {
                    float fv = f[row + t], bv = b[row + steps - 1 - t];
                    int tt = t - first;
                    switch (combine) {
                        case CONCAT -> {
                            y[(s * 2 * h + j) * outT + tt] = fv;
                            y[(s * 2 * h + h + j) * outT + tt] = bv;
                        }
                        case ADD -> y[(s * h + j) * outT + tt] = fv + bv;
                        case AVERAGE -> y[(s * h + j) * outT + tt] = (fv + bv) * 0.5f;
                    }
                }
            }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        int first = last ? steps - 1 : 0;
        if (last) {
            java.util.Arrays.fill(dyFwd, 0, mb * h * steps, 0f);
            java.util.Arrays.fill(dyBwd, 0, mb * h * steps, 0f);
        }
        for (int s = 0; s < mb; s++)
            for (int j = 0; j < h; j++) {
                int row = (s * h + j) * steps;
                for (int t = first; t < steps; t++) {
                    int tt = t - first;
                    float df, db;
                    switch (combine) {
                        case CONCAT -> {
                            df = dy[(s * 2 * h + j) * outT + tt];
                            db = dy[(s * 2 * h + h + j) * outT + tt];
                        }
                        case ADD -> df = db = dy[(s * h + j) * outT + tt];
                        default -> df = db = dy[(s * h + j) * outT + tt] * 0.5f;
                    }
                    dyFwd[row + t] = df;
                    dyBwd[row + steps - 1 - t] = db;
                }
            }
        fwd.backward(net, dyFwd, mb, needDx);
        bwd.backward(net, dyBwd, mb, needDx);
        if (!needDx) return;
        float[] a = fwd.dx, b = bwd.dx;
        for (int r = 0, rows = mb * inC; r < rows; r++) {
            int o = r * steps, e = o + steps - 1;
            for (int t = 0; t < steps; t++) dx[o + t] = a[o + t] + b[e - t];
        }
    }
}
