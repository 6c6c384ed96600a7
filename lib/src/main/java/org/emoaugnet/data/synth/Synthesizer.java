package org.emoaugnet.data.synth;

import java.util.SplittableRandom;

/**
 * A small source-filter speech synthesiser: a Rosenberg glottal pulse train with jitter and shimmer, aspiration
 * noise, a spectral-tilt low-pass, three time-varying formant resonators following a vowel sequence, syllable
 * amplitude envelopes with fricative bursts between syllables, F0 declination with accents, then level, room
 * noise and recording gain. Pure function of its arguments.
 */
public final class Synthesizer {
    /** Vowel formant targets F1, F2, F3 (adult male, Peterson &amp; Barney 1952). */
    static final double[][] VOWELS = {
            {730, 1090, 2440}, // a
            {270, 2290, 3010}, // i
            {300, 870, 2240},  // u
            {530, 1840, 2480}, // e
            {570, 840, 2410},  // o
            {660, 1720, 2410}, // ae
    };
    static final double[] BANDWIDTHS = {130, 160, 220};

    /** The two "statements": vowel index per syllable and relative syllable length (like RAVDESS's two sentences). */
    static final int[][] STATEMENT_VOWELS = {{1, 0, 4, 5, 1, 0, 4}, {4, 0, 1, 3, 1, 0, 4}};
    static final double[][] STATEMENT_LENGTHS = {{0.8, 1.0, 1.2, 0.9, 0.8, 1.0, 1.6}, {1.1, 0.9, 1.0, 0.9, 0.8, 1.0, 1.6}};

    private Synthesizer() {}

    /**
     * Renders one utterance.
     *
     * @param voice     the speaker
     * @param p         the emotion's cues (already scaled for intensity)
     * @param statement 0 or 1
     * @param sr        sample rate
     * @param rnd       per-utterance random source (variation, jitter, noise)
     */
    public static float[] render(Voice voice, EmotionProsody p, int statement, int sr, SplittableRandom rnd) {
        int[] vowels = STATEMENT_VOWELS[statement];
        double[] lens = STATEMENT_LENGTHS[statement];
        // per-utterance variation of the cues (the same speaker never says it twice the same way)
        double tempo = p.tempo() * voice.rateFactor() * (1 + 0.08 * gauss(rnd));
        double f0Base = voice.f0() * Math.pow(2, (p.f0Shift() + 0.8 * gauss(rnd)) / 12.0);
        double range = p.f0Range() * (1 + 0.15 * gauss(rnd));
        double levelDb = p.loudnessDb() + voice.levelDb() + 1.5 * gauss(rnd);
        double tilt = Math.max(0.05, Math.min(0.92, p.tilt() + voice.tiltOffset() + 0.05 * gauss(rnd)));
        double jitter = Math.max(0.001, p.jitter() * (1 + 0.3 * gauss(rnd)));
        double breath = p.breath() * (1 + 0.3 * Math.abs(gauss(rnd)));

        double syll = 0.19 / tempo;
        double lead = 0.15 + 0.25 * rnd.nextDouble(), tail = 0.2 + 0.25 * rnd.nextDouble();
        double[] start = new double[vowels.length], dur = new double[vowels.length];
        double t = lead;
        for (int i = 0; i < vowels.length; i++) {
            dur[i] = syll * lens[i] * (1 + 0.12 * gauss(rnd));
            start[i] = t;
            t += dur[i] + syll * 0.35 * (1 + 0.3 * rnd.nextDouble()); // consonant gap
        }
        double speechEnd = t;
        int n = (int) ((speechEnd + tail) * sr);
        float[] out = new float[n];

        // accent pattern: syllables 2 and 5 (0-based 1 and 4) carry pitch accents, plus random ones
        double[] accent = new double[vowels.length];
        for (int i = 0; i < accent.length; i++) accent[i] = (i == 1 || i == 4 ? 1.0 : 0.25) * (0.7 + 0.6 * rnd.nextDouble());

        double phase = 0, periodJitter = 1, shimmer = 1;
        double lp = 0, prevSrc = 0;
        double[] y1 = new double[3], y2 = new double[3];
        double fricLp = 0;
        for (int s = 0; s < n; s++) {
            double time = (double) s / sr;
            // which syllable and where in it
            int k = -1;
            for (int i = 0; i < vowels.length; i++) if (time >= start[i] && time < start[i] + dur[i]) { k = i; break; }
            double env = 0, fric = 0;
            int near = nearestSyllable(start, dur, time);
            if (k >= 0) {
                double x = (time - start[k]) / dur[k];
                env = Math.sin(Math.PI * Math.min(1, x * 1.6)) * (x < 0.625 ? 1 : 1 - (x - 0.625) / 0.375 * 0.9);
                env = Math.max(0, env);
            } else if (time > start[0] - 0.05 && time < speechEnd) {
                // fricative / plosive noise in gaps between syllables
                double gapPos = gapPosition(start, dur, time);
                fric = gapPos >= 0 ? 0.25 * Math.sin(Math.PI * gapPos) : 0;
            }
            // F0 contour: declination, accents, final rise/fall
            double prog = Math.max(0, Math.min(1, (time - start[0]) / Math.max(1e-3, speechEnd - start[0])));
            double acc = 0;
            if (k >= 0) acc = accent[k] * Math.sin(Math.PI * (time - start[k]) / dur[k]);
            double semis = -2.0 * prog + 2.5 * range * acc + p.finalRise() * Math.max(0, prog - 0.75) / 0.25;
            double f0 = f0Base * Math.pow(2, semis / 12.0) * periodJitter;

            // glottal source (Rosenberg pulse, differentiated for lip radiation)
            phase += f0 / sr;
            if (phase >= 1) {
                phase -= 1;
                periodJitter = 1 + jitter * gauss(rnd);
                shimmer = 1 + 3 * jitter * gauss(rnd);
            }
            double g = phase < 0.4 ? 0.5 * (1 - Math.cos(Math.PI * phase / 0.4)) : phase < 0.6 ? Math.cos(Math.PI * (phase - 0.4) / 0.4) : 0;
            double src = (g - prevSrc) * shimmer * (f0Base / f0); // the derivative grows with F0: keep the level F0-independent
            prevSrc = g;
            src += breath * 0.02 * gauss(rnd);
            lp = (1 - tilt) * src + tilt * lp;
            double voiced = lp * env;

            // formants interpolated towards the nearest syllable's vowel
            double[] target = VOWELS[vowels[near]];
            double in = voiced * 6;
            double acc3 = 0;
            for (int f = 0; f < 3; f++) {
                double fc = target[f] * voice.formantScale();
                if (fc > 0.45 * sr) continue;
                double r = Math.exp(-Math.PI * BANDWIDTHS[f] / sr);
                double a1 = -2 * r * Math.cos(2 * Math.PI * fc / sr), a2 = r * r;
                double y = (1 - r) * in - a1 * y1[f] - a2 * y2[f];
                y2[f] = y1[f];
                y1[f] = y;
                acc3 += y * (f == 0 ? 1.0 : f == 1 ? 0.7 : 0.4);
            }
            double noise = gauss(rnd);
            fricLp = 0.3 * noise + 0.7 * fricLp;
            double hiss = (noise - fricLp) * fric * 0.04;
            out[s] = (float) (acc3 + hiss);
        }
        // level: normalise the voiced part to a reference RMS, then apply level in dB and a random recording gain
        double sum = 0;
        for (float v : out) sum += v * v;
        double rms = Math.sqrt(sum / n) + 1e-12;
        double gain = 0.05 / rms * Math.pow(10, (levelDb + 4 * gauss(rnd)) / 20);
        double snrDb = 22 + 18 * rnd.nextDouble();
        double noiseRms = 0.05 * Math.pow(10, levelDb / 20) * Math.pow(10, -snrDb / 20);
        for (int s = 0; s < n; s++) {
            double v = out[s] * gain + noiseRms * gauss(rnd);
            out[s] = (float) Math.max(-1, Math.min(1, v));
        }
        return out;
    }

    private static int nearestSyllable(double[] start, double[] dur, double t) {
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int i = 0; i < start.length; i++) {
            double c = start[i] + dur[i] / 2, d = Math.abs(t - c);
            if (d < bd) { bd = d; best = i; }
        }
        return best;
    }

    /** Position 0..1 inside the gap before the next syllable, or -1. */
    private static double gapPosition(double[] start, double[] dur, double t) {
        for (int i = 0; i < start.length; i++) {
            double gs = i == 0 ? start[0] - 0.05 : start[i - 1] + dur[i - 1];
            if (t >= gs && t < start[i]) return (t - gs) / (start[i] - gs);
        }
        return -1;
    }

    static double gauss(SplittableRandom r) {
        return org.emoaugnet.util.Gaussian.next(r);
    }
}
