package org.emoaugnet.data.loaders;

import org.emoaugnet.data.Splits;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.PublishedFoldSet;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.ClassSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * RAVDESS: {@code Actor_XX/MM-VV-EE-II-SS-RR-AA.wav} (modality, vocal channel, emotion, intensity, statement,
 * repetition, actor). Odd actors are male, even female. The actor field must match the folder.
 */
public class RavdessLoader implements CorpusLoader {
    static final Pattern NAME = Pattern.compile("(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)\\.wav", Pattern.CASE_INSENSITIVE);
    static final Pattern ACTOR_DIR = Pattern.compile("Actor_(\\d\\d)");

    @Override
    public String name() { return "ravdess"; }

    @Override
    public String displayName() { return "RAVDESS"; }

    @Override
    public String licence() {
        return "Livingstone & Russo (2018), PLoS ONE 13(5): e0196391, doi:10.1371/journal.pone.0196391; Zenodo 1188976; CC BY-NC-SA 4.0";
    }

    @Override
    public Map<String, Emotion> labels() { return LabelMaps.RAVDESS; }

    /** Calm merged into neutral (7 classes), as the public pipeline and the paper's WA/UA pairs suggest. */
    @Override
    public ClassSet defaultClassSet() { return ClassSet.RAVDESS_7_PAPER; }

    /** The published actor-disjoint 5 folds (with their validation actors) when all 24 actors are there. */
    @Override
    public List<Fold> speakerIndependentFolds(Corpus c, long seed) {
        return c.speakers().size() == 24 ? Splits.ravdessActorFolds(c.utterances()) : CorpusLoader.super.speakerIndependentFolds(c, seed);
    }

    /** The ResLSTM-SA 5 folds (the default) and EmoBox's 6 ({@link FoldSet}). */
    @Override
    public List<PublishedFoldSet> foldSets() { return List.of(FoldSet.RESLSTM_5, FoldSet.EMOBOX_6); }

    /** The actor folds of {@code set}; every one of the 24 actors must be there (a fold set names them all). */
    @Override
    public List<Fold> foldSetFolds(Corpus c, PublishedFoldSet set) {
        if (!foldSets().contains(set)) return CorpusLoader.super.foldSetFolds(c, set);
        List<String> missing = new ArrayList<>();
        for (int a = 1; a <= 24; a++) if (!c.speakers().contains(String.format("Actor_%02d", a))) missing.add(String.format("Actor_%02d", a));
        if (!missing.isEmpty())
            throw new IllegalArgumentException("the " + set.key() + " fold set needs all 24 RAVDESS actors; " + c.name() + " lacks " + missing);
        return Splits.ravdessActorFolds(c.utterances(), set);
    }

    @Override
    public List<PaperClaim> paperClaims() { return List.of(new PaperClaim("relu", 94.53, 94.98), new PaperClaim("elu", 93.72, 94.64)); }

    @Override
    public int primaryRank() { return 0; }

    @Override
    public boolean recognises(Path dir) {
        try {
            for (Path d : Files2.subdirs(dir))
                if (ACTOR_DIR.matcher(d.getFileName().toString()).matches()
                        && Files2.anyWavMatches(d, 1, NAME.pattern(), 5)) return true;
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RavdessLoader.class).warn("{}: cannot be read while looking for RAVDESS ({}); not recognised", dir, e.toString());
            return false;
        }
        return false;
    }

    @Override
    public Result load(Path root) throws IOException {
        return load(root, name());
    }

    /** Loads a RAVDESS-layout tree under another corpus name (the synthetic corpus uses this). */
    protected Result load(Path root, String corpusName) throws IOException {
        List<Utterance> out = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path dir : Files2.subdirs(root)) {
            Matcher dm = ACTOR_DIR.matcher(dir.getFileName().toString());
            if (!dm.matches()) continue;
            for (Path f : Files2.wavs(dir, 1)) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) { bad.add(new BadFile(f, "name does not follow MM-VV-EE-II-SS-RR-AA.wav")); continue; }
                if (!m.group(7).equals(dm.group(1))) {
                    bad.add(new BadFile(f, "actor field " + m.group(7) + " does not match folder " + dir.getFileName()));
                    continue;
                }
                String emo = m.group(3);
                if (!LabelMaps.RAVDESS.containsKey(emo)) { bad.add(new BadFile(f, "unknown emotion code " + emo)); continue; }
                int actor = Integer.parseInt(m.group(7));
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("modality", m.group(1).equals("03") ? "audio-only" : m.group(1).equals("01") ? "audio-video" : "video-only");
                meta.put("vocal_channel", m.group(2).equals("01") ? "speech" : "song");
                meta.put("intensity", m.group(4).equals("01") ? "normal" : "strong");
                meta.put("statement", m.group(5).equals("01") ? "kids" : "dogs");
                meta.put("repetition", String.valueOf(Integer.parseInt(m.group(6))));
                out.add(new Utterance(Files2.stem(f), f, corpusName, "Actor_" + m.group(7),
                        actor % 2 == 1 ? Gender.MALE : Gender.FEMALE, emo, LabelMaps.map(name(), labels(), emo), meta));
            }
        }
        if (out.isEmpty() && bad.isEmpty()) throw new IOException(root + ": no Actor_XX/*.wav files found (not a RAVDESS layout)");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("layout", "Actor_XX/MM-VV-EE-II-SS-RR-AA.wav");
        info.put("licence", "CC BY-NC-SA 4.0 (Livingstone & Russo 2018, PLoS ONE 13(5): e0196391)");
        return new Result(new Corpus(corpusName, root, out, info), bad);
    }

    @Override
    public String speakerOf(String id) {
        Matcher m = NAME.matcher(id + ".wav");
        if (!m.matches()) throw new IllegalArgumentException("'" + id + "' is not a RAVDESS id (MM-VV-EE-II-SS-RR-AA)");
        return "Actor_" + m.group(7);
    }
}
