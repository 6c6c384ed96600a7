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
    private final float[] xhat, std;
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
        this.batchMean = new double[c];
        this.batchVar = new double[c];
    }

    @Override
    void forward(FusedNetwork net, float[] x, int mb, boolean train) {
        float[] p = net.theta();
        int c = inC, t = inT;
        float[] mu = new float[c];
        if (train) {
            double n = (double) mb * t;
            for (int ch = 0; ch < c; ch++) {
                double s = 0;
                for (int b = 0; b < mb; b++) s += VecMath.sum(x, (b * c + ch) * t, t);
                double m = s / n, v = 0;
                for (int b = 0; b < mb; b++) v += VecMath.squaredDeviation(x, (b * c + ch) * t, t, m);
                batchMean[ch] = m;
                batchVar[ch] = v / n;
                mu[ch] = (float) m;
                std[ch] = (float) Math.sqrt((float) (v / n) + (float) eps);
            }
        } else {
            for (int ch = 0; ch < c; ch++) {
                mu[ch] = p[mean + ch];
                double var = logStd ? Math.pow(10.0, 2.0 * p[spread + ch]) : p[spread + ch];
                std[ch] = (float) Math.sqrt((float) var + (float) eps);
            }
        }
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

    @Override
    void backward(FusedNetwork net, float[] dy, int mb, boolean needDx) {
        float[] p = net.theta(), g = net.grad();
        int c = inC, t = inT;
        float n = (float) mb * t;
        for (int ch = 0; ch < c; ch++) {
            double sb = 0, sg = 0;
            for (int b = 0; b < mb; b++) {
                int o = (b * c + ch) * t;
                sb += VecMath.sum(dy, o, t);
                sg += VecMath.dot(dy, xhat, o, t);
            }
            g[beta + ch] += (float) sb;
            g[gamma + ch] += (float) sg;
            float k = p[gamma + ch] / std[ch], mb0 = (float) (sb / n), mg = (float) (sg / n);
            for (int b = 0; b < mb; b++) {
                int o = (b * c + ch) * t;
                for (int i = o; i < o + t; i++) dx[i] = k * (dy[i] - mb0 - xhat[i] * mg);
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
