package org.emoaugnet.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One row per original recording with the interpretable summaries notebook 03 plots per emotion: mean RMS level
 * (dB), mean ZCR, the first MFCCs' means, and the median F0 of voiced frames (TarsosDSP FastYin, 2048-sample
 * frames at 22,050 Hz, 60–500 Hz kept).
 */
public final class UtteranceSummary {
    private UtteranceSummary() {}

    /** @throws IllegalArgumentException unless the set holds the paper's features (MFCC, RMS, ZCR) */
    public static Table of(FeatureSet set, ClassSet cs, boolean withF0) throws IOException {
        if (set.spec().representation() != FeatureConfig.Representation.MFCC_RMS_ZCR)
            throw new IllegalArgumentException("utterance summaries need MFCC, RMS and ZCR; the set holds " + set.spec().representation());
        List<FeatureSet.Row> rows = set.rows().stream().filter(r -> r.copy() == 0).toList();
        double[] f0 = new double[rows.size()];
        if (withF0) {
            Progress p = new Progress("F0 (FastYin)", rows.size());
            try {
                IntStream.range(0, rows.size()).parallel().forEach(i -> {
                    try {
                        float[] y = FeatureExtraction.load(rows.get(i).source(), set.spec());
                        float[] c = PitchTracker.contour(y, set.spec().features().sampleRate(), 2048, 512, PitchTracker.Method.FAST_YIN);
                        for (int k = 0; k < c.length; k++) if (c[k] < 60 || c[k] > 500) c[k] = Float.NaN;
                        f0[i] = PitchTracker.medianVoiced(c);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    p.step();
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        StringColumn key = StringColumn.create("utterance"), spk = StringColumn.create("speaker"), gen = StringColumn.create("gender"),
                cls = StringColumn.create("class");
        DoubleColumn rms = DoubleColumn.create("rms_db"), zcr = DoubleColumn.create("zcr"), c1 = DoubleColumn.create("mfcc1"),
                c2 = DoubleColumn.create("mfcc2"), c3 = DoubleColumn.create("mfcc3"), pitch = DoubleColumn.create("f0_median_hz");
        for (int i = 0; i < rows.size(); i++) {
            Utterance u = rows.get(i).source();
            if (!cs.keeps(u)) continue;
            Features.MfccRmsZcr f = (Features.MfccRmsZcr) rows.get(i).features(); // checked above: the spec's representation
            float[] st = UtteranceStats.meanStd(f.sequence());
            int n = f.mfcc()[0].length;
            double e = 0;
            for (float v : f.rms()) e += v * v;
            key.append(u.key()); spk.append(u.speaker()); gen.append(u.gender().label()); cls.append(cs.classOf(u));
            rms.append(10 * Math.log10(e / f.frames() + 1e-12));
            zcr.append(st[n + 1]);
            c1.append(st[0]); c2.append(st[1]); c3.append(st[2]);
            pitch.append(withF0 ? f0[i] : Double.NaN);
        }
        return Table.create("utterance summaries", key, spk, gen, cls, rms, zcr, c1, c2, c3, pitch);
    }

    /** One column of a summary table split by class, in the order of {@code classes} (classes without rows left out). */
    public static java.util.Map<String, double[]> byClass(tech.tablesaw.api.Table summary, String column, java.util.List<String> classes) {
        java.util.Map<String, double[]> groups = new java.util.LinkedHashMap<>();
        for (String c : classes) {
            double[] v = summary.where(summary.stringColumn("class").isEqualTo(c)).doubleColumn(column).asDoubleArray();
            if (v.length > 0) groups.put(c, v);
        }
        return groups;
    }
}
