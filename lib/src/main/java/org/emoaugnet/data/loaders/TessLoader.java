package org.emoaugnet.data.loaders;

import org.emoaugnet.data.Emotion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.data.BadFile;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Utterance;

/**
 * TESS (Toronto): {@code OAF_word_emotion.wav} / {@code YAF_word_emotion.wav}, usually in per-speaker-emotion
 * folders. Two female speakers (OAF aged 64, YAF aged 26); {@code ps} is pleasant surprise.
 */
public class TessLoader implements CorpusLoader {
    static final Pattern NAME = Pattern.compile("(OAF|YAF)_([A-Za-z]+)_(angry|disgust|fear|happy|neutral|ps|sad)\\.wav", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() { return "tess"; }

    @Override
    public String displayName() { return "TESS"; }

    @Override
    public String licence() { return "Dupuis & Pichora-Fuller (2010), Toronto emotional speech set; CC BY-NC-ND 4.0"; }

    @Override
    public Map<String, Emotion> labels() { return LabelMaps.TESS; }

    @Override
    public boolean recognises(Path dir) {
        return Files2.anyWavMatches(dir, 2, "(?i)" + NAME.pattern(), 5); // files or per-speaker-emotion folders
    }

    @Override
    public Result load(Path root) throws IOException {
        List<Utterance> out = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path f : Files2.wavs(root, 3)) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (!m.matches()) { bad.add(new BadFile(f, "name does not follow OAF|YAF_word_emotion.wav")); continue; }
            String speaker = m.group(1).toUpperCase(Locale.ROOT);
            String emo = m.group(3).toLowerCase(Locale.ROOT);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("word", m.group(2).toLowerCase(Locale.ROOT));
            meta.put("age", speaker.equals("OAF") ? "64" : "26");
            out.add(new Utterance(speaker + "_" + meta.get("word") + "_" + emo, f, name(), speaker, Gender.FEMALE, emo,
                    LabelMaps.map(name(), labels(), emo), meta));
        }
        if (out.isEmpty() && bad.isEmpty()) throw new IOException(root + ": no TESS files found");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("layout", "[folders/]OAF|YAF_word_emotion.wav");
        info.put("licence", "CC BY-NC-ND 4.0 (Dupuis & Pichora-Fuller 2010)");
        return new Result(new Corpus(name(), root, out, info), bad);
    }

    @Override
    public String speakerOf(String id) { return CorpusLoader.speakerBeforeUnderscore(id, displayName()); }
}
