package org.emoaugnet.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Uncertainty and comparison: bootstrap confidence intervals over test items, McNemar's test and a paired
 * bootstrap/permutation test for two models on the same items, and mean ± s.d. across seeds and folds. All
 * resampling is seeded.
 */
public final class Statistics {
    private Statistics() {}

    /** A point estimate with a confidence interval. */
    public record Interval(double estimate, double low, double high) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.4f [%.4f, %.4f]", estimate, low, high);
        }
    }

    /** Mean and sample standard deviation (n − 1). */
    public record MeanSd(double mean, double sd, int n) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.4f ± %.4f (n=%d)", mean, sd, n);
        }
    }

    public static MeanSd meanSd(double... v) {
        double m = Arrays.stream(v).average().orElse(Double.NaN), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return new MeanSd(m, v.length > 1 ? Math.sqrt(s / (v.length - 1)) : Double.NaN, v.length);
    }

    /**
     * Percentile bootstrap interval of {@code metric(truth, predicted)} over test items ({@code b} resamples,
     * level {@code 1 - alpha}).
     */
    public static Interval bootstrap(int[] truth, int[] pred, BiFunction<int[], int[], Double> metric, int b, double alpha, long seed) {
        double est = metric.apply(truth, pred);
        double[] v = new double[b];
        SplittableRandom r = new SplittableRandom(seed);
        int n = truth.length;
        int[] t = new int[n], p = new int[n];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < n; j++) { int k = r.nextInt(n); t[j] = truth[k]; p[j] = pred[k]; }
            v[i] = metric.apply(t, p);
        }
        Arrays.sort(v);
        return new Interval(est, quantile(v, alpha / 2), quantile(v, 1 - alpha / 2));
    }

    /** McNemar's test on the items where exactly one model is right. */
    public record McNemar(int onlyA, int onlyB, double statistic, double pValue, boolean exact) {}

    /**
     * McNemar's test: exact two-sided binomial p-value when fewer than 25 discordant items, else the chi-square
     * statistic with continuity correction {@code (|b − c| − 1)² / (b + c)} on 1 degree of freedom.
     */
    public static McNemar mcnemar(int[] truth, int[] predA, int[] predB) {
        int b = 0, c = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean a = predA[i] == truth[i], bb = predB[i] == truth[i];
            if (a && !bb) b++;
            if (!a && bb) c++;
        }
        int d = b + c;
        if (d == 0) return new McNemar(b, c, 0, 1, true);
        if (d < 25) {
            int k = Math.min(b, c);
            double p = 0;
            for (int i = 0; i <= k; i++) p += binomial(d, i) * Math.pow(0.5, d);
            return new McNemar(b, c, k, Math.min(1, 2 * p), true);
        }
        double stat = Math.pow(Math.abs(b - c) - 1, 2) / d;
        return new McNemar(b, c, stat, chiSquare1Survival(stat), false);
    }

    /**
     * Paired test of a metric difference (A − B) on the same items: the bootstrap interval of the difference and a
     * sign-flip permutation p-value (each item's two predictions swapped between the models with probability ½).
     */
    public record PairedTest(Interval difference, double pValue) {}

    public static PairedTest paired(int[] truth, int[] predA, int[] predB, BiFunction<int[], int[], Double> metric, int b, long seed) {
        int n = truth.length;
        double obs = metric.apply(truth, predA) - metric.apply(truth, predB);
        SplittableRandom r = new SplittableRandom(seed);
        double[] boot = new double[b];
        int[] t = new int[n], pa = new int[n], pb = new int[n];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < n; j++) { int k = r.nextInt(n); t[j] = truth[k]; pa[j] = predA[k]; pb[j] = predB[k]; }
            boot[i] = metric.apply(t, pa) - metric.apply(t, pb);
        }
        Arrays.sort(boot);
        int extreme = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < n; j++) {
                boolean swap = r.nextBoolean();
                pa[j] = swap ? predB[j] : predA[j];
                pb[j] = swap ? predA[j] : predB[j];
            }
            if (Math.abs(metric.apply(truth, pa) - metric.apply(truth, pb)) >= Math.abs(obs) - 1e-12) extreme++;
        }
        return new PairedTest(new Interval(obs, quantile(boot, 0.025), quantile(boot, 0.975)), (extreme + 1.0) / (b + 1.0));
    }

    /**
     * Two-sided sign-flip (paired permutation) test of mean zero for paired differences: exact over all 2^n sign
     * patterns when n ≤ 16, otherwise {@code b} random patterns drawn with {@code seed}.
     */
    public static double signFlip(double[] d, int b, long seed) {
        int n = d.length;
        double obs = Math.abs(Arrays.stream(d).sum()) - 1e-9;
        if (n <= 16) {
            int extreme = 0;
            for (int mask = 0; mask < (1 << n); mask++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += ((mask >> i) & 1) == 1 ? -d[i] : d[i];
                if (Math.abs(s) >= obs) extreme++;
            }
            return (double) extreme / (1 << n);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int extreme = 0;
        for (int k = 0; k < b; k++) {
            double s = 0;
            for (double v : d) s += r.nextBoolean() ? -v : v;
            if (Math.abs(s) >= obs) extreme++;
        }
        return (extreme + 1.0) / (b + 1.0);
    }

    /** WA as a metric function for the resampling methods. */
    public static double wa(int[] t, int[] p) {
        int c = 0;
        for (int i = 0; i < t.length; i++) if (t[i] == p[i]) c++;
        return (double) c / t.length;
    }

    /** UA (mean recall over the classes present in {@code t}) as a metric function. */
    public static double ua(int[] t, int[] p) {
        int k = 0;
        for (int v : t) k = Math.max(k, v + 1);
        for (int v : p) k = Math.max(k, v + 1);
        int[] tp = new int[k], sup = new int[k];
        for (int i = 0; i < t.length; i++) { sup[t[i]]++; if (t[i] == p[i]) tp[t[i]]++; }
        double s = 0;
        int present = 0;
        for (int c = 0; c < k; c++) if (sup[c] > 0) { s += (double) tp[c] / sup[c]; present++; }
        return s / present;
    }

    /** Linear-interpolation quantile (numpy's default) of an already sorted array. */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    /** P(χ²₁ > x) = erfc(√(x/2)). */
    static double chiSquare1Survival(double x) {
        return erfc(Math.sqrt(x / 2));
    }

    /** Complementary error function (Numerical Recipes' erfcc, relative error &lt; 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
