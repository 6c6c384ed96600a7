package org.emoaugnet.features;

/**
 * Principal component analysis of standardised rows by a Jacobi eigen-decomposition of the covariance matrix
 * (exact and deterministic for the few dozen dimensions of per-utterance statistics).
 */
public final class Pca {
    private final double[][] components; // [k][d]
    private final double[] explained;     // variance share per component

    private Pca(double[][] components, double[] explained) {
        this.components = components;
        this.explained = explained;
    }

    /** Fits {@code k} components on rows that are already centred (e.g. standardised by a {@link Scaler}). */
    public static Pca fit(float[][] rows, int k) {
        int n = rows.length, d = rows[0].length;
        double[] mean = new double[d];
        for (float[] r : rows) for (int j = 0; j < d; j++) mean[j] += r[j] / n;
        double[][] c = new double[d][d];
        for (float[] r : rows)
            for (int a = 0; a < d; a++) {
                double va = r[a] - mean[a];
                for (int b = a; b < d; b++) c[a][b] += va * (r[b] - mean[b]) / (n - 1);
            }
        for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) c[a][b] = c[b][a];
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) for (int q = p + 1; q < d; q++) off += c[p][q] * c[p][q];
            if (off < 1e-22) break;
            for (int p = 0; p < d; p++)
                for (int q = p + 1; q < d; q++) {
                    if (Math.abs(c[p][q]) < 1e-300) continue;
                    double theta = (c[q][q] - c[p][p]) / (2 * c[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double cs = 1 / Math.sqrt(t * t + 1), sn = t * cs;
                    for (int r = 0; r < d; r++) {
                        double x = c[r][p], y = c[r][q];
                        c[r][p] = cs * x - sn * y;
                        c[r][q] = sn * x + cs * y;
                    }
                    for (int r = 0; r < d; r++) {
                        double x = c[p][r], y = c[q][r];
                        c[p][r] = cs * x - sn * y;
                        c[q][r] = sn * x + cs * y;
                    }
                    for (int r = 0; r < d; r++) {
                        double x = v[r][p], y = v[r][q];
                        v[r][p] = cs * x - sn * y;
                        v[r][q] = sn * x + cs * y;
                    }
                }
        }
        Integer[] order = new Integer[d];
        double total = 0;
        for (int i = 0; i < d; i++) { order[i] = i; total += c[i][i]; }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(c[y][y], c[x][x]));
        double[][] comp = new double[k][d];
        double[] ex = new double[k];
        for (int i = 0; i < k; i++) {
            int col = order[i];
            // sign convention: the largest-magnitude loading is positive (deterministic output)
            int big = 0;
            for (int r = 0; r < d; r++) if (Math.abs(v[r][col]) > Math.abs(v[big][col])) big = r;
            double sgn = Math.signum(v[big][col]);
            for (int r = 0; r < d; r++) comp[i][r] = sgn * v[r][col];
            ex[i] = c[col][col] / total;
        }
        return new Pca(comp, ex);
    }

    public double[] explained() { return explained.clone(); }

    /** Projections {@code [n][k]}. */
    public double[][] project(float[][] rows) {
        double[][] out = new double[rows.length][components.length];
        for (int i = 0; i < rows.length; i++)
            for (int k = 0; k < components.length; k++) {
                double s = 0;
                for (int j = 0; j < rows[i].length; j++) s += components[k][j] * rows[i][j];
                out[i][k] = s;
            }
        return out;
    }
}
