package org.emoaugnet.data.loaders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.data.BadFile;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.Splits;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Utterance;

/**
 * URDU (Latif et al. 2018, clips of Urdu talk shows): {@code Angry|Happy|Neutral|Sad/SGX_FXX_EYY.wav} as the authors'
 * repository holds it and {@code corpus prepare --urdu} writes it. {@code S} then the speaker's gender ({@code M},
 * {@code F}) and number ({@code SM1}: the speaker id, the same in every emotion folder), {@code F} and the file's
 * number for that speaker in that emotion, the emotion letter ({@code A, H, N, S}, which must agree with the folder)
 * and the file's number in that emotion. 100 files per emotion; the 29 speaker ids spread unevenly over the emotions
 * (only 4 speakers have angry files), so its speaker-independent folds are the committed fold file
 * {@code experiments/urdu/folds/speaker-folds.csv} ({@link #speakerFolds}, which the build copies into the library's
 * jar), which puts every class in every test and validation fold; a seeded speaker 5-fold cannot. They are the
 * corpus's own policy ({@link #speakerIndependentFolds}) and the fold set of every speaker-independent URDU experiment
 * that names none ({@link #defaultFoldSet}), so its runs' specifications name the file's folds.
 */
public class UrduLoader implements CorpusLoader {
    static final Pattern NAME = Pattern.compile("S([MF])(\\d+)_F(\\d+)_([AHNS])(\\d+)\\.wav", Pattern.CASE_INSENSITIVE);
    /** The emotion folders and the letter their files carry. */
    static final Map<String, String> FOLDERS = Map.of("Angry", "A", "Happy", "H", "Neutral", "N", "Sad", "S");

    /** The committed fold file, relative to the project root. */
    public static final String SPEAKER_FOLDS_FILE = "experiments/urdu/folds/speaker-folds.csv";

    /** Where the library's jar carries a copy of {@link #SPEAKER_FOLDS_FILE} (the build copies it there). */
    public static final String SPEAKER_FOLDS_RESOURCE = "/org/emoaugnet/data/loaders/urdu/speaker-folds.csv";

    private static volatile FoldFile speakerFolds;

    /**
     * URDU's speaker-independent folds: the committed fold file {@link #SPEAKER_FOLDS_FILE} as the library's jar
     * carries it, read and checked once ({@link FoldFile#parse}).
     *
     * @throws IllegalStateException when the jar lacks its copy (a build that did not copy it)
     */
    public static FoldFile speakerFolds() {
        FoldFile f = speakerFolds;
        if (f != null) return f;
        try (java.io.InputStream in = UrduLoader.class.getResourceAsStream(SPEAKER_FOLDS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the library lacks " + SPEAKER_FOLDS_RESOURCE + " (the build copies " + SPEAKER_FOLDS_FILE + " there)");
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            f = FoldFile.parse(SPEAKER_FOLDS_FILE + " (the library's copy)", text.lines().toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + SPEAKER_FOLDS_RESOURCE, e);
        }
        return speakerFolds = f;
    }

    @Override
    public String name() { return "urdu"; }

    /** The committed speaker folds ({@link #speakerFolds}). */
    @Override
    public FoldSet defaultFoldSet() { return speakerFolds(); }

    /** The committed speaker folds ({@link #speakerFolds}) on a (class-filtered) corpus: 4 folds, each with its own validation speakers. */
    @Override
    public List<Fold> speakerIndependentFolds(Corpus c, long seed) { return Splits.ofFoldSet(c.utterances(), speakerFolds()); }

    @Override
    public String displayName() { return "URDU"; }

    @Override
    public String licence() {
        return "Latif, Qayyum, Usman & Qadir (2018), Cross Lingual Speech Emotion Recognition: Urdu vs. Western Languages (arXiv 1812.10411);"
                + " research purposes only";
    }

    @Override
    public Map<String, Emotion> labels() { return LabelMaps.URDU; }

    @Override
    public ClassSet defaultClassSet() { return ClassSet.URDU_4; }

    @Override
    public boolean recognises(Path dir) {
        for (String f : FOLDERS.keySet())
            if (Files2.anyWavMatches(dir.resolve(f), 1, NAME.pattern(), 5)) return true;
        return false;
    }

    @Override
    public Result load(Path root) throws IOException {
        List<Utterance> out = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (String folder : new java.util.TreeSet<>(FOLDERS.keySet())) {
            for (Path f : Files2.wavs(root.resolve(folder), 1)) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) { bad.add(new BadFile(f, "name does not follow SGX_FXX_EYY.wav (e.g. SM1_F10_A010.wav)")); continue; }
                String letter = m.group(4).toUpperCase(java.util.Locale.ROOT);
                if (!letter.equals(FOLDERS.get(folder))) {
                    bad.add(new BadFile(f, "emotion letter " + letter + " in a file of folder " + folder + " (whose files carry " + FOLDERS.get(folder) + ")"));
                    continue;
                }
                String gender = m.group(1).toUpperCase(java.util.Locale.ROOT);
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("speaker_file", m.group(3));
                meta.put("emotion_file", m.group(5));
                out.add(new Utterance(Files2.stem(f), f, name(), "S" + gender + m.group(2), gender.equals("M") ? Gender.MALE : Gender.FEMALE,
                        letter, LabelMaps.map(name(), labels(), letter), meta));
            }
        }
        if (out.isEmpty() && bad.isEmpty()) throw new IOException(root + ": no URDU files (Angry|Happy|Neutral|Sad/SGX_FXX_EYY.wav) found");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("layout", "Angry|Happy|Neutral|Sad/SGX_FXX_EYY.wav");
        info.put("licence", "research purposes only (Latif et al. 2018)");
        info.put("note", "the authors' release is fixed-length clips (2.000 s or 3.0035 s, one of 0.992 s): durations carry no information");
        return new Result(new Corpus(name(), root, out, info), bad);
    }

    @Override
    public String speakerOf(String id) {
        int u = id.indexOf('_');
        if (u <= 1 || !NAME.matcher(id + ".wav").matches())
            throw new IllegalArgumentException("'" + id + "' is not a " + displayName() + " id (SGX_FXX_EYY)");
        return "S" + id.substring(1, u).toUpperCase(java.util.Locale.ROOT);
    }
}
