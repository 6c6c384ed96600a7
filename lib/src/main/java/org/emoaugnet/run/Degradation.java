package org.emoaugnet.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.augment.Augmentation;
import org.emoaugnet.augment.Babble;
import org.emoaugnet.augment.Noise;
import org.emoaugnet.augment.Reverb;
import org.emoaugnet.augment.Telephone;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.features.FeatureExtraction;
import org.emoaugnet.features.FeatureSpec;

/**
 * One test condition of a robustness evaluation: how test speech is degraded at test time ({@code augmentation} null
 * for clean speech). {@code level}: SNR in dB, RT60 in s, else NaN. {@link #key} is what an evaluation's spec records
 * ({@link RunSpec.Evaluation#degradation}).
 */
public record Degradation(String name, String kind, double level, Augmentation augmentation) {
    /** The key of clean speech. */
    public static final String NONE = "none";

    /** Seed of the degradations' random draws on the test recordings. */
    public static final long SEED = ExperimentRunner.AUGMENTATION_SEED + 1000;

    /** Recordings the babble of a model's conditions is built from (its training recordings, never a test one). */
    public static final int BABBLE_RECORDINGS = 24;

    /** {@code augmentation.key()}, or {@value #NONE} for clean speech. */
    public String key() { return augmentation == null ? NONE : augmentation.key(); }

    /**
     * The conditions: clean; white noise and babble (4 talkers from {@code babblePool}) at 20, 10, 5 and 0 dB SNR;
     * reverberation with RT60 0.3 and 0.8 s; telephone band; telephone band with μ-law. Quick: one level of each.
     */
    public static List<Degradation> conditions(float[] babblePool, boolean quick) {
        List<Degradation> out = new ArrayList<>();
        out.add(new Degradation("clean", "clean", Double.NaN, null));
        double[] snrs = quick ? new double[] {10} : new double[] {20, 10, 5, 0};
        for (double s : snrs) out.add(new Degradation("white-" + (int) s + "dB", "white noise", s, Noise.snr(s, Noise.Colour.WHITE)));
        Babble b = new Babble(babblePool, 4, 0);
        for (double s : snrs) out.add(new Degradation("babble-" + (int) s + "dB", "babble", s, b.atSnr(s)));
        for (double rt : quick ? new double[] {0.5} : new double[] {0.3, 0.8})
            out.add(new Degradation("reverb-" + rt + "s", "reverberation", rt, new Reverb(rt, 0)));
        if (!quick) out.add(new Degradation("telephone-band", "telephone", Double.NaN, new Telephone(false)));
        out.add(new Degradation("telephone-mulaw", "telephone", Double.NaN, new Telephone(true)));
        return out;
    }

    /** The conditions of a model trained on {@code train} with training seed {@code seed} (its babble from {@link #babblePool}). */
    public static List<Degradation> conditions(List<Utterance> train, long seed, FeatureSpec features, boolean quick) throws IOException {
        return conditions(babblePool(train, BABBLE_RECORDINGS, seed, features), quick);
    }

    /** The full and the quick conditions of a model trained on {@code train} with seed {@code seed}, each once. */
    public static List<Degradation> all(List<Utterance> train, long seed, FeatureSpec features) throws IOException {
        float[] pool = babblePool(train, BABBLE_RECORDINGS, seed, features);
        List<Degradation> out = new ArrayList<>();
        for (boolean quick : new boolean[] {false, true})
            for (Degradation d : conditions(pool, quick)) if (out.stream().noneMatch(x -> x.key().equals(d.key()))) out.add(d);
        return out;
    }

    /**
     * The position of condition {@code name} in the order conditions are listed (the full list, then the quick-only
     * ones): tables list evaluations in this order. Names of no condition come last.
     */
    public static int rank(String name) {
        List<String> names = new ArrayList<>();
        float[] pool = new float[16000];
        for (boolean quick : new boolean[] {false, true})
            for (Degradation d : conditions(pool, quick)) if (!names.contains(d.name())) names.add(d.name());
        int i = names.indexOf(name);
        return i < 0 ? names.size() : i;
    }

    /** Concatenated clips of up to {@code n} recordings (seeded choice), the babble source; never a test recording. */
    public static float[] babblePool(List<Utterance> from, int n, long seed, FeatureSpec features) throws IOException {
        List<Utterance> pick = new ArrayList<>(from);
        java.util.Collections.shuffle(pick, new java.util.Random(seed));
        List<float[]> clips = new ArrayList<>();
        int len = 0;
        for (Utterance u : pick.subList(0, Math.min(n, pick.size()))) {
            float[] c = FeatureExtraction.load(u, features);
            clips.add(c);
            len += c.length;
        }
        float[] pool = new float[len];
        int at = 0;
        for (float[] c : clips) { System.arraycopy(c, 0, pool, at, c.length); at += c.length; }
        return pool;
    }
}
