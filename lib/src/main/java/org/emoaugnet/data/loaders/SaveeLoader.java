package org.emoaugnet.data.loaders;

import org.emoaugnet.data.Emotion;
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
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Splits;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Utterance;

/**
 * SAVEE (Surrey): the flat layout {@code DC_a01.wav} (speaker, emotion code, sentence number) as most mirrors
 * ship it and {@code corpus prepare --savee} writes it, or the original {@code AudioData/DC/a01.wav}. Four male
 * speakers DC, JE, JK, KL, each with 15 sentences of every emotion ({@code a, d, f, h, sa, su}) and 30 neutral
 * ({@code n}); all 7 emotions are its classes ({@link ClassSet#SAVEE_7}) and its folds leave one speaker out.
 */
public class SaveeLoader implements CorpusLoader {
    static final Pattern FLAT = Pattern.compile("(DC|JE|JK|KL)_(a|d|f|h|n|sa|su)(\\d\\d)\\.wav");
    static final Pattern NESTED = Pattern.compile("(a|d|f|h|n|sa|su)(\\d\\d)\\.wav");

    @Override
    public String name() { return "savee"; }

    @Override
    public String displayName() { return "SAVEE"; }

    @Override
    public String licence() {
        return "Haq & Jackson (2009), Surrey Audio-Visual Expressed Emotion database; free for research use after registration with the University of Surrey";
    }

    @Override
    public Map<String, Emotion> labels() { return LabelMaps.SAVEE; }

    @Override
    public ClassSet defaultClassSet() { return ClassSet.SAVEE_7; }

    /** Leave one speaker out: 4 folds, each testing one speaker's 120 files. */
    @Override
    public List<Fold> speakerIndependentFolds(Corpus c, long seed) { return Splits.leaveOneSpeakerOut(c.utterances()); }

    @Override
    public boolean recognises(Path dir) {
        if (Files2.anyWavMatches(dir, 1, FLAT.pattern(), 5)) return true;
        for (String s : new String[] {"DC", "JE", "JK", "KL"})
            if (Files2.anyWavMatches(dir.resolve(s), 1, NESTED.pattern(), 5)) return true;
        return false;
    }

    @Override
    public Result load(Path root) throws IOException {
        List<Utterance> out = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path f : Files2.wavs(root, 2)) {
            String n = f.getFileName().toString();
            String speaker, code, num;
            Matcher m = FLAT.matcher(n);
            Matcher nm = NESTED.matcher(n);
            if (m.matches()) {
                speaker = m.group(1); code = m.group(2); num = m.group(3);
            } else if (nm.matches() && f.getParent().getFileName().toString().matches("DC|JE|JK|KL")) {
                speaker = f.getParent().getFileName().toString(); code = nm.group(1); num = nm.group(2);
            } else {
                bad.add(new BadFile(f, "name follows neither SP_eNN.wav nor SP/eNN.wav"));
                continue;
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("sentence", num);
            out.add(new Utterance(speaker + "_" + code + num, f, name(), speaker, Gender.MALE, code, LabelMaps.map(name(), labels(), code), meta));
        }
        if (out.isEmpty() && bad.isEmpty()) throw new IOException(root + ": no SAVEE files found");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("layout", "SP_eNN.wav or SP/eNN.wav");
        info.put("licence", "free for research use after registration with the University of Surrey (Haq & Jackson 2009)");
        return new Result(new Corpus(name(), root, out, info), bad);
    }

    @Override
    public String speakerOf(String id) { return CorpusLoader.speakerBeforeUnderscore(id, displayName()); }
}
