package org.emoaugnet.features;

import java.util.Map;
import org.emoaugnet.augment.PitchShift;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Measurements of what augmentations do to a clip, for notebook 02. */
public final class AugmentationReport {
    private AugmentationReport() {}

    /**
     * Per augmented clip: length, level change (RMS dB relative to the original) and the mean absolute MFCC change
     * over the frames both have.
     */
    public static Table describe(float[] original, Map<String, float[]> augmented, int sr) {
        FeatureExtractor fx = FeatureExtractor.forThread(new FeatureConfig(sr, 2048, 512, 128, 20, 0, 0, 80, org.emoaugnet.dsp.PadMode.CONSTANT));
        float[][] m0 = fx.mfcc(original);
        double l0 = rmsDb(original);
        StringColumn name = StringColumn.create("augmentation");
        IntColumn len = IntColumn.create("samples");
        DoubleColumn level = DoubleColumn.create("level_change_db"), dm = DoubleColumn.create("mfcc_mean_abs_change"),
                dc0 = DoubleColumn.create("c0_mean_change");
        augmented.forEach((k, y) -> {
            float[][] m = fx.mfcc(y);
            int t = Math.min(m.length, m0.length);
            double s = 0, c0 = 0;
            for (int i = 0; i < t; i++) {
                c0 += m[i][0] - m0[i][0];
                for (int j = 0; j < m[i].length; j++) s += Math.abs(m[i][j] - m0[i][j]);
            }
            name.append(k);
            len.append(y.length);
            level.append(round(rmsDb(y) - l0));
            dm.append(round(s / (t * m0[0].length)));
            dc0.append(round(c0 / t));
        });
        return Table.create("what each augmentation does to one clip", name, len, level, dm, dc0);
    }

    /**
     * Pitch shift of a 440 Hz tone by +2 semitones with both implementations: measured frequency (ideal 493.88 Hz)
     * and level change; a phase vocoder loses some level, WSOLA keeps it.
     */
    public static Table toneCheck(int sr) {
        float[] tone = new float[2 * sr];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / sr));
        StringColumn impl = StringColumn.create("implementation");
        DoubleColumn f = DoubleColumn.create("measured_hz"), ideal = DoubleColumn.create("ideal_hz"), lvl = DoubleColumn.create("level_change_db");
        for (PitchShift.Impl i : PitchShift.Impl.values()) {
            float[] y = PitchShift.of(2).using(i).apply(tone, sr, 0);
            impl.append(i.name());
            f.append(round(zeroCrossingFrequency(y, sr)));
            ideal.append(round(440 * Math.pow(2, 2 / 12.0)));
            lvl.append(round(rmsDb(java.util.Arrays.copyOfRange(y, sr / 4, y.length - sr / 4)) - rmsDb(tone)));
        }
        return Table.create("+2 semitones on a 440 Hz tone", impl, f, ideal, lvl);
    }

    /** Frequency from the mean period between upward zero crossings in the middle half (interpolated). */
    static double zeroCrossingFrequency(float[] y, int sr) {
        double first = -1, last = -1;
        int count = 0;
        for (int i = y.length / 4; i < 3 * y.length / 4; i++) {
            if (y[i - 1] < 0 && y[i] >= 0) {
                double t = i - 1 + y[i - 1] / (y[i - 1] - y[i]);
                if (first < 0) first = t; else count++;
                last = t;
            }
        }
        return count == 0 ? Double.NaN : sr * count / (last - first);
    }

    static double rmsDb(float[] y) {
        double s = 0;
        for (float v : y) s += v * v;
        return 10 * Math.log10(s / y.length + 1e-20);
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
