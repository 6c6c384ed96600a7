package org.emoaugnet.data.loaders;

import org.emoaugnet.data.Emotion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.data.BadFile;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Utterance;

/**
 * CREMA-D: {@code AudioWAV/AAAA_SSS_EEE_LL.wav} (actor 1001–1091, sentence code, emotion, level LO/MD/HI/XX).
 * Gender comes from {@code VideoDemographics.csv} (ActorID,Age,Sex,...) beside {@code AudioWAV/} when present.
 */
public class CremaDLoader implements CorpusLoader {
    static final Pattern NAME = Pattern.compile("(\\d{4})_([A-Z]{3})_(ANG|DIS|FEA|HAP|NEU|SAD)_(LO|MD|HI|XX|X)\\.wav");

    @Override
    public String name() { return "crema-d"; }

    @Override
    public String displayName() { return "CREMA-D"; }

    @Override
    public String licence() { return "Cao et al. (2014), IEEE Transactions on Affective Computing 5(4); Open Database License (ODbL)"; }

    @Override
    public Map<String, Emotion> labels() { return LabelMaps.CREMAD; }

    @Override
    public boolean recognises(Path dir) {
        return Files2.anyWavMatches(dir.resolve("AudioWAV"), 1, NAME.pattern(), 5);
    }

    @Override
    public Result load(Path root) throws IOException {
        Map<String, Gender> genders = demographics(root.resolve("VideoDemographics.csv"));
        List<Utterance> out = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path f : Files2.wavs(root.resolve("AudioWAV"), 1)) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (!m.matches()) { bad.add(new BadFile(f, "name does not follow AAAA_SSS_EEE_LL.wav")); continue; }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("sentence", m.group(2));
            meta.put("level", m.group(4));
            out.add(new Utterance(Files2.stem(f), f, name(), m.group(1), genders.getOrDefault(m.group(1), Gender.UNKNOWN),
                    m.group(3), LabelMaps.map(name(), labels(), m.group(3)), meta));
        }
        if (out.isEmpty() && bad.isEmpty()) throw new IOException(root + ": no AudioWAV/*.wav files found (not a CREMA-D layout)");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("layout", "AudioWAV/AAAA_SSS_EEE_LL.wav (+ VideoDemographics.csv)");
        info.put("licence", "Open Database License (Cao et al. 2014)");
        return new Result(new Corpus(name(), root, out, info), bad);
    }

    private static Map<String, Gender> demographics(Path csv) throws IOException {
        Map<String, Gender> m = new HashMap<>();
        if (!Files.isRegularFile(csv)) return m;
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length < 3) continue;
            String sex = f[2].trim().toLowerCase(java.util.Locale.ROOT);
            m.put(f[0].trim(), sex.startsWith("f") ? Gender.FEMALE : sex.startsWith("m") ? Gender.MALE : Gender.UNKNOWN);
        }
        return m;
    }

    @Override
    public String speakerOf(String id) { return CorpusLoader.speakerBeforeUnderscore(id, displayName()); }
}
