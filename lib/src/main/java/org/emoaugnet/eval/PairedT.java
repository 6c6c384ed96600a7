package org.emoaugnet.eval;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The paired t-test on unit differences (one difference per independent unit: a fold or a seed), two-sided, and its
 * power: the minimal effect it detects at a given power, and how many units a given effect needs.
 *
 * <p>Power is computed <b>exactly</b> from the noncentral t distribution, not with the normal-approximation formula
 * {@code (t_{1-a/2,n-1} + t_{power,n-1}) · sd / √n}, which is noticeably optimistic for the 3 to 5 units the studies
 * have. With {@code λ} the noncentrality {@code effect · √n / sd}, the statistic is {@code T = (Z + λ) / S}, where
 * {@code S = √(V / df)} and {@code V ~ χ²(df)}, so
 * {@code power = E_S[Φ(−c·S + λ) + Φ(−c·S − λ)]} with {@code c = t_{1−α/2, df}}; the expectation is integrated over
 * {@code S} with Simpson's rule (the density of {@code S} has no singularity for any {@code df ≥ 1}), and the
 * minimal detectable {@code λ} is found by bisection. Commons Math 3 has no noncentral t distribution; this is
 * checked against a seeded simulation in the tests.
 */
public final class PairedT {
    private PairedT() {}

    /** Power the minimal detectable effect is computed at. */
    public static final double POWER = 0.8;

    /**
     * One paired t-test. {@code p} is NaN with fewer than two units (no test exists); with zero spread it is 0 for a
     * non-zero mean and 1 for a zero mean.
     *
     * @param n    units
     * @param mean mean difference
     * @param sd   sample s.d. of the differences (n − 1)
     * @param low  lower end of the 95 % t interval of the mean (NaN with fewer than two units)
     * @param high upper end
     * @param p    two-sided p-value of mean zero
     */
    public record Result(int n, double mean, double sd, double low, double high, double p) {}

    /** The two-sided paired t-test of mean zero on the differences {@code d}, with the 95 % t interval. */
    public static Result test(double[] d) {
        Statistics.MeanSd ms = Statistics.meanSd(d);
        int n = d.length;
        if (n < 2) return new Result(n, ms.mean(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        TDistribution t = new TDistribution(n - 1);
        double se = ms.sd() / Math.sqrt(n), half = t.inverseCumulativeProbability(0.975) * se;
        double p = se == 0 ? (ms.mean() == 0 ? 1 : 0) : Math.min(1, 2 * t.cumulativeProbability(-Math.abs(ms.mean() / se)));
        return new Result(n, ms.mean(), ms.sd(), ms.mean() - half, ms.mean() + half, p);
    }

    /**
     * The smallest two-sided p the t-test over {@code n} units can give: 0 for two or more units (the statistic is
     * unbounded), 1 for fewer (no test).
     */
    public static double smallestP(int n) { return n >= 2 ? 0 : 1; }

    /**
     * Power of the two-sided one-sample (paired) t-test at level {@code alpha} with {@code df} degrees of freedom when
     * the true noncentrality is {@code lambda}; exact up to the quadrature (see the class comment).
     */
    public static double power(double lambda, int df, double alpha) {
        if (df < 1) throw new IllegalArgumentException("a t-test needs df >= 1, got " + df);
        return power(lambda, df, new TDistribution(df).inverseCumulativeProbability(1 - alpha / 2), new ChiSquaredDistribution(df));
    }

    /** {@link #power} with the critical value {@code c} and the χ² distribution of {@code df} given. */
    private static double power(double lambda, int df, double c, ChiSquaredDistribution chi) {
        double top = Math.sqrt((df + 12 * Math.sqrt(2.0 * df) + 60) / df);   // P(S > top) is negligible
        int k = 600;   // Simpson intervals (even); the integrand is smooth, so this is exact to far below the shown precision
        double h = top / k, sum = 0;
        for (int i = 0; i <= k; i++) {
            double s = i * h;
            double dens = s == 0 ? (df == 1 ? 2 * Math.sqrt(1 / (2 * Math.PI)) : 0) : 2 * df * s * chi.density(df * s * s);
            double f = dens * (Z.cumulativeProbability(lambda - c * s) + Z.cumulativeProbability(-lambda - c * s));
            sum += f * (i == 0 || i == k ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return Math.min(1, sum * h / 3);
    }

    private static final NormalDistribution Z = new NormalDistribution();

    /**
     * The minimal detectable effect (same units as {@code sd}) of a two-sided paired t-test over {@code n} units at
     * level {@code alpha} and the given power, from the between-unit s.d.; NaN with fewer than two units or an
     * unknown s.d., 0 with zero spread.
     */
    public static double minimalDetectableEffect(double sd, int n, double alpha, double power) {
        if (n < 2 || Double.isNaN(sd)) return Double.NaN;
        if (sd == 0) return 0;
        int df = n - 1;
        double c = new TDistribution(df).inverseCumulativeProbability(1 - alpha / 2);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(df);
        double lo = 0, hi = 1;
        while (power(hi, df, c, chi) < power) hi *= 2;
        while (hi - lo > 1e-6 * hi) {
            double mid = (lo + hi) / 2;
            if (power(mid, df, c, chi) < power) lo = mid;
            else hi = mid;
        }
        return hi * sd / Math.sqrt(n);
    }

    /**
     * The fewest units (at least 2) for which a two-sided paired t-test at level {@code alpha} detects {@code effect}
     * with the given power, when the differences spread with s.d. {@code sd}; -1 when even {@code max} units do not,
     * or when the s.d. is unknown.
     */
    public static int unitsFor(double effect, double sd, double alpha, double power, int max) {
        if (Double.isNaN(sd) || effect <= 0) return -1;
        if (sd == 0) return 2;
        java.util.function.IntPredicate enough = n -> power(Math.abs(effect) * Math.sqrt(n) / sd, n - 1, alpha) >= power;
        if (!enough.test(max)) return -1;
        int lo = 1, hi = max;   // enough(hi), !enough(lo) (one unit never suffices)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (enough.test(mid)) hi = mid;
            else lo = mid;
        }
        return hi;
    }
}
