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
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Utterance;

/**
 * URDU (Latif et al. 2018, clips of Urdu talk shows): {@code Angry|Happy|Neutral|Sad/SGX_FXX_EYY.wav} as the authors'
 * repository holds it and {@code corpus prepare --urdu} writes it. {@code S} then the speaker's gender ({@code M},
 * {@code F}) and number ({@code SM1}: the speaker id, the same in every emotion folder), {@code F} and the file's
 * number for that speaker in that emotion, the emotion letter ({@code A, H, N, S}, which must agree with the folder)
 * and the file's number in that emotion. 100 files per emotion; the 29 speaker ids spread unevenly over the emotions
 * (only 4 speakers have angry files), so its speaker-independent folds for experiments are the committed fold file
 * {@code experiments/urdu/folds/speaker-folds.csv}, which puts every class in every test fold; the generic speaker
 * 5-fold ({@link CorpusLoader#speakerIndependentFolds}) cannot.
 */
public class UrduLoader implements CorpusLoader {
    static final Pattern NAME = Pattern.compile("S([MF])(\\d+)_F(\\d+)_([AHNS])(\\d+)\\.wav", Pattern.CASE_INSENSITIVE);
    /** The emotion folders and the letter their files carry. */
    static final Map<String, String> FOLDERS = Map.of("Angry", "A", "Happy", "H", "Neutral", "N", "Sad", "S");

    @Override
    public String name() { return "urdu"; }

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
