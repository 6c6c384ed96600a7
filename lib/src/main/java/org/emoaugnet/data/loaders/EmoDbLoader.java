package org.emoaugnet.data.loaders;

import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.ClassSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.audio.WavInfo;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.data.BadFile;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Utterance;

/**
 * EmoDB (Berlin): {@code wav/SSTTTEV.wav}: speaker (2 digits), text code (letter + 2 digits), emotion letter,
 * version letter. Speakers 03, 10, 11, 12, 15 are male. A tree whose files all have the same length of exactly
 * 2 s is the 2-second derivative and is named {@code emodb-2s}: its numbers are not comparable with full EmoDB.
 */
public class EmoDbLoader implements CorpusLoader {
    static final Pattern NAME = Pattern.compile("(\\d\\d)([a-z]\\d\\d)([WLEAFTN])([a-z])\\.wav");
    static final Set<String> MALE = Set.of("03", "10", "11", "12", "15");

    @Override
    public String name() { return "emodb"; }

    /** Also the 2-second derivative, named {@code emodb-2s}. */
    @Override
    public List<String> names() { return List.of("emodb", "emodb-2s"); }

    @Override
    public boolean defines(String corpusName) { return names().contains(corpusName); }

    @Override
    public String displayName() { return "EmoDB"; }

    @Override
    public String licence() {
        return "Burkhardt et al. (2005), A Database of German Emotional Speech, Interspeech; free for research use (the 2-second derivative "
                + "emodb-2s is not comparable to full EmoDB)";
    }

    @Override
    public Map<String, Emotion> labels() { return LabelMaps.EMODB; }

    @Override
    public ClassSet defaultClassSet() { return ClassSet.EMODB_7; }

    @Override
    public boolean recognises(Path dir) {
        return Files2.anyWavMatches(dir.resolve("wav"), 1, NAME.pattern(), 5);
    }

    @Override
    public Result load(Path root) throws IOException {
        List<Utterance> out = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        List<Path> files = Files2.wavs(root.resolve("wav"), 1);
        if (files.isEmpty()) throw new IOException(root + ": no wav/*.wav files found (not an EmoDB layout)");
        java.util.Set<Long> lengths = new java.util.HashSet<>();
        int rate = 0;
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (!m.matches()) { bad.add(new BadFile(f, "name does not follow SSTTTEV.wav")); continue; }
            try {
                WavInfo i = WavReader.info(f);
                lengths.add(i.frames());
                rate = i.sampleRate();
            } catch (IOException e) {
                lengths.add(-1L); // judged by the scan; keeps the file listed
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("text", m.group(2));
            meta.put("version", m.group(4));
            out.add(new Utterance(Files2.stem(f), f, "", m.group(1), MALE.contains(m.group(1)) ? Gender.MALE : Gender.FEMALE,
                    m.group(3), LabelMaps.map(name(), labels(), m.group(3)), meta));
        }
        boolean twoSecond = lengths.size() == 1 && rate > 0 && lengths.iterator().next() == 2L * rate;
        String name = twoSecond ? "emodb-2s" : "emodb";
        List<Utterance> named = out.stream().map(u -> new Utterance(u.id(), u.path(), name, u.speaker(), u.gender(),
                u.label(), u.emotion(), u.meta())).toList();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("layout", "wav/SSTTTEV.wav");
        info.put("licence", "free for research use (Burkhardt et al., Interspeech 2005)");
        if (twoSecond) info.put("note", "2-second derivative: every file cut or zero-padded to exactly 2 s; not comparable with full EmoDB");
        return new Result(new Corpus(name, root, named, info), bad);
    }

    @Override
    public String speakerOf(String id) {
        if (id.length() < 2 || !Character.isDigit(id.charAt(0)) || !Character.isDigit(id.charAt(1)))
            throw new IllegalArgumentException("'" + id + "' is not an EmoDB id (speaker digits first)");
        return id.substring(0, 2);
    }
}
