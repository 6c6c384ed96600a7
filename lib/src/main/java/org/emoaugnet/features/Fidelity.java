package org.emoaugnet.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Our features against a golden librosa reference case ({@code mfcc.csv}, {@code mel_power.csv}, {@code rms.csv},
 * {@code zcr.csv} in librosa's {@code (n, T)} orientation): the worst deviations, for tests and the fidelity panel
 * of notebook 03.
 *
 * @param frames      our frame count
 * @param refFrames   the reference's frame count
 * @param mfccMaxAbs  max |Δ| over all MFCC values
 * @param melMaxRel   max relative error of mel power over bands within 80 dB of the clip maximum
 * @param rmsMaxRel   max relative error of RMS (frames with non-zero reference)
 * @param zcrMaxAbs   max |Δ| of ZCR
 * @param mfcc        our MFCC {@code [T][n]}
 * @param mfccRef     the reference MFCC {@code [T][n]}
 */
public record Fidelity(String name, int frames, int refFrames, double mfccMaxAbs, double melMaxRel, double rmsMaxRel,
                       double zcrMaxAbs, float[][] mfcc, float[][] mfccRef) {

    public static Fidelity compare(String name, Path caseDir, float[] y, FeatureConfig cfg) throws IOException {
        FeatureExtractor fx = new FeatureExtractor(cfg);
        double[][] mfccRef = csv(caseDir.resolve("mfcc.csv")), melRef = csv(caseDir.resolve("mel_power.csv"));
        double[] rmsRef = csv(caseDir.resolve("rms.csv"))[0], zcrRef = csv(caseDir.resolve("zcr.csv"))[0];
        Features.MfccRmsZcr f = fx.mfccRmsZcr(y);
        float[][] mel = fx.melPower(y);
        int t = Math.min(f.frames(), mfccRef[0].length);
        double melMax = 0;
        for (double[] r : melRef) for (double v : r) melMax = Math.max(melMax, v);
        double mf = 0, ml = 0, rm = 0, zc = 0;
        float[][] ref = new float[t][mfccRef.length];
        for (int i = 0; i < t; i++) {
            for (int m = 0; m < melRef.length; m++) if (melRef[m][i] >= melMax * 1e-8) ml = Math.max(ml, Math.abs(mel[i][m] - melRef[m][i]) / melRef[m][i]);
            for (int k = 0; k < mfccRef.length; k++) {
                ref[i][k] = (float) mfccRef[k][i];
                mf = Math.max(mf, Math.abs(f.mfcc()[i][k] - mfccRef[k][i]));
            }
            if (rmsRef[i] > 0) rm = Math.max(rm, Math.abs(f.rms()[i] - rmsRef[i]) / rmsRef[i]);
            zc = Math.max(zc, Math.abs(f.zcr()[i] - zcrRef[i]));
        }
        return new Fidelity(name, f.frames(), mfccRef[0].length, mf, ml, rm, zc, f.mfcc(), ref);
    }

    /** A headerless numeric CSV as rows of doubles (the golden references' format). */
    public static double[][] csv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        double[][] out = new double[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            out[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) out[i][j] = Double.parseDouble(f[j]);
        }
        return out;
    }

    /**
     * Every golden case: the committed references under {@code golden} (a chirp and noise at 22,050 Hz, a chirp
     * resampled from 44,100 Hz by our resampler and, as its own row, librosa's resampled signal itself), and, when
     * {@code extra} names the full reference folder, its two recordings of speech and music.
     */
    public static java.util.List<Fidelity> goldenCases(Path golden, java.util.Optional<Path> extra) throws IOException {
        FeatureConfig cfg = FeatureConfig.librosa();
        java.util.List<Fidelity> fid = new java.util.ArrayList<>();
        for (String[] c : new String[][] {{"chirp_22050", "chirp_22050_pcm16.wav"}, {"noise_22050", "noise_22050_pcm16.wav"},
                {"chirp_44100_to_22050", "chirp_44100_pcm16.wav"}})
            fid.add(compare(c[0], golden.resolve(c[0]), org.emoaugnet.audio.AudioLoader.load(golden.resolve("inputs").resolve(c[1]), 22050), cfg));
        double[][] soxr = csv(golden.resolve("chirp_44100_to_22050/y.csv"));
        int n = 0;
        for (double[] row : soxr) n += row.length;
        float[] y = new float[n];
        int k = 0;
        for (double[] row : soxr) for (double v : row) y[k++] = (float) v;
        fid.add(2, compare("chirp_44100_to_22050 (libsoxr output)", golden.resolve("chirp_44100_to_22050"), y, cfg));
        if (extra.isPresent() && java.nio.file.Files.isDirectory(extra.get().resolve("ljspeech_LJ050-0131"))) {
            Path g = extra.get();
            fid.add(compare("ljspeech_LJ050-0131", g.resolve("ljspeech_LJ050-0131"), org.emoaugnet.audio.AudioLoader.load(g.resolve("LJ050-0131.wav"), 22050), cfg));
            fid.add(compare("librosa_test1_22050_stereo", g.resolve("librosa_test1_22050_stereo"), org.emoaugnet.audio.AudioLoader.load(g.resolve("test1_22050.wav"), 22050), cfg));
        }
        return fid;
    }

    /** The cases as a table: frame counts and the largest deviation of each feature. */
    public static tech.tablesaw.api.Table table(java.util.List<Fidelity> fid) {
        return tech.tablesaw.api.Table.create("fidelity against librosa",
                tech.tablesaw.api.StringColumn.create("case", fid.stream().map(Fidelity::name).toList()),
                tech.tablesaw.api.IntColumn.create("frames", fid.stream().mapToInt(Fidelity::frames).toArray()),
                tech.tablesaw.api.IntColumn.create("librosa_frames", fid.stream().mapToInt(Fidelity::refFrames).toArray()),
                tech.tablesaw.api.DoubleColumn.create("mfcc_max_abs", fid.stream().mapToDouble(Fidelity::mfccMaxAbs).toArray()),
                tech.tablesaw.api.DoubleColumn.create("mel_max_rel", fid.stream().mapToDouble(Fidelity::melMaxRel).toArray()),
                tech.tablesaw.api.DoubleColumn.create("rms_max_rel", fid.stream().mapToDouble(Fidelity::rmsMaxRel).toArray()),
                tech.tablesaw.api.DoubleColumn.create("zcr_max_abs", fid.stream().mapToDouble(Fidelity::zcrMaxAbs).toArray()));
    }

    /** The agreement with librosa in one sentence: cases, frame counts, and the largest deviation of each feature over all cases. */
    public static String sentence(java.util.List<Fidelity> fid) {
        long framesDiffer = fid.stream().filter(f -> f.frames() != f.refFrames()).count();
        return String.format(java.util.Locale.ROOT, "Over %d reference case%s computed by librosa: %s; largest deviations MFCC |Δ| %.2g, "
                        + "mel power %.2g relative, RMS %.2g relative, ZCR |Δ| %.2g.",
                fid.size(), fid.size() == 1 ? "" : "s", framesDiffer == 0 ? "every frame count equal" : framesDiffer + " with another frame count",
                fid.stream().mapToDouble(Fidelity::mfccMaxAbs).max().orElse(Double.NaN), fid.stream().mapToDouble(Fidelity::melMaxRel).max().orElse(Double.NaN),
                fid.stream().mapToDouble(Fidelity::rmsMaxRel).max().orElse(Double.NaN), fid.stream().mapToDouble(Fidelity::zcrMaxAbs).max().orElse(Double.NaN));
    }
}
