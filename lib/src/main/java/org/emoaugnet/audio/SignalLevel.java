package org.emoaugnet.audio;

/**
 * How loud decoded audio is at its extremes, on the file's own samples (before resampling, which would smear both):
 * its peak magnitude and the share of samples at full scale. What tells a digitally silent recording (an empty take, a
 * muted input) or a clipped one (an overdriven input) from speech that a model can be trusted on.
 *
 * @param peak         the largest sample magnitude over every channel (1.0 = full scale)
 * @param clippedShare the share of samples, over every channel, whose magnitude is at least {@link #FULL_SCALE}
 */
public record SignalLevel(double peak, double clippedShare) {
    /**
     * A sample of this magnitude or more is at full scale: the largest positive 16-bit value (32767 / 32768); the
     * negative extreme, -1, and a float file's overshoot count too.
     */
    public static final double FULL_SCALE = 32767.0 / 32768.0;

    /** A recording whose peak is below this level (dBFS) is digitally silent: -60 dBFS is 33 of 32768 at 16 bits. */
    public static final double SILENCE_DBFS = -60;

    /** A recording with more than this share of its samples at full scale is clipped (0.1 %: 16 samples of a 1-second 16 kHz clip). */
    public static final double CLIPPED_SHARE = 0.001;

    /** The level of decoded audio, {@code channels[channel][frame]}. */
    public static SignalLevel of(float[][] channels) {
        double peak = 0;
        long atFullScale = 0, n = 0;
        for (float[] ch : channels) {
            for (float v : ch) {
                double a = Math.abs(v);
                if (a > peak) peak = a;
                if (a >= FULL_SCALE) atFullScale++;
            }
            n += ch.length;
        }
        return new SignalLevel(peak, n == 0 ? 0 : atFullScale / (double) n);
    }

    /** The peak in dBFS; negative infinity when every sample is zero. */
    public double peakDbfs() { return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak); }

    /** Whether the peak is below {@link #SILENCE_DBFS} (every sample zero included). */
    public boolean silent() { return peakDbfs() < SILENCE_DBFS; }

    /** Whether more than {@link #CLIPPED_SHARE} of the samples are at full scale. */
    public boolean clipped() { return clippedShare > CLIPPED_SHARE; }
}
