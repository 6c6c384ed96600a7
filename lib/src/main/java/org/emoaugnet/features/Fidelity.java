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
        Features f = fx.extract(y);
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
}
