package org.emoaugnet.data.loaders;

import org.emoaugnet.data.Splits;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.ClassSet;
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
 * IEMOCAP: {@code Session1..5/dialog/EmoEvaluation/<dialog>.txt} label files and
 * {@code Session1..5/sentences/wav/<dialog>/<utterance>.wav}. The speaker is the session plus the gender letter
 * of the utterance's last name segment ({@code Ses01F_impro01_M003} is spoken by {@code Ses01M}).
 *
 * <p>Metadata: session, dialog, improvised or scripted, start/end, valence/arousal/dominance, the number of
 * categorical evaluators ({@code C-E*}) and how many of them chose the majority label ({@code agreement}).
 */
public class IemocapLoader implements CorpusLoader {
    static final Pattern TURN = Pattern.compile("^\\[(\\d+\\.?\\d*) - (\\d+\\.?\\d*)\\]\\s+(\\S+)\\s+(\\S+)\\s+\\[([^\\]]*)\\]");
    static final Pattern SESSION_DIR = Pattern.compile("Session([1-5])");
    static final Map<String, String> CATEGORY = Map.ofEntries(
            Map.entry("neutral state", "neu"), Map.entry("neutral", "neu"), Map.entry("happiness", "hap"),
            Map.entry("excited", "exc"), Map.entry("sadness", "sad"), Map.entry("anger", "ang"),
            Map.entry("frustration", "fru"), Map.entry("surprise", "sur"), Map.entry("fear", "fea"),
            Map.entry("disgust", "dis"), Map.entry("other", "oth"));

    @Override
    public String name() { return "iemocap"; }

    @Override
    public String displayName() { return "IEMOCAP"; }

    @Override
    public String licence() { return "Busso et al. (2008), Language Resources and Evaluation 42(4); licensed by USC SAIL on request, not redistributable"; }

    @Override
    public boolean freelyAvailable() { return false; }

    @Override
    public Map<String, Emotion> labels() { return LabelMaps.IEMOCAP; }

    /** The standard 4 classes, excited merged into happy. */
    @Override
    public ClassSet defaultClassSet() { return ClassSet.IEMOCAP_4; }

    /** Leave one session out (two speakers per session). */
    @Override
    public List<Fold> speakerIndependentFolds(Corpus c, long seed) { return Splits.leaveOneSessionOut(c.utterances()); }

    @Override
    public List<PaperClaim> paperClaims() { return List.of(new PaperClaim("relu", 95.78, 92.52), new PaperClaim("elu", 96.75, 91.28)); }

    @Override
    public int primaryRank() { return 1; }

    @Override
    public boolean recognises(Path dir) {
        for (int s = 1; s <= 5; s++)
            if (Files.isDirectory(dir.resolve("Session" + s).resolve("dialog").resolve("EmoEvaluation"))) return true;
        return false;
    }

    @Override
    public Result load(Path root) throws IOException {
        List<Utterance> out = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path sdir : Files2.subdirs(root)) {
            Matcher sm = SESSION_DIR.matcher(sdir.getFileName().toString());
            if (!sm.matches()) continue;
            Path evalDir = sdir.resolve("dialog").resolve("EmoEvaluation");
            if (!Files.isDirectory(evalDir)) continue;
            List<Path> labelFiles;
            try (var s = Files.list(evalDir)) {
                labelFiles = s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p)).sorted().toList();
            }
            for (Path lf : labelFiles) parseLabelFile(root, sm.group(1), lf, out, bad);
        }
        if (out.isEmpty() && bad.isEmpty()) throw new IOException(root + ": no Session*/dialog/EmoEvaluation/*.txt labels found (not an IEMOCAP layout)");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("layout", "SessionN/dialog/EmoEvaluation/*.txt + SessionN/sentences/wav/<dialog>/<utt>.wav");
        info.put("licence", "IEMOCAP release agreement (USC SAIL); licensed data, not redistributable");
        return new Result(new Corpus(name(), root, out, info), bad);
    }

    private void parseLabelFile(Path root, String session, Path lf, List<Utterance> out, List<BadFile> bad) throws IOException {
        List<String> lines = Files.readAllLines(lf, StandardCharsets.ISO_8859_1);
        String dialog = Files2.stem(lf);
        int i = 0;
        while (i < lines.size()) {
            Matcher m = TURN.matcher(lines.get(i));
            if (!m.find()) { i++; continue; }
            String utt = m.group(3), label = m.group(4);
            String[] vad = m.group(5).split(",");
            int evaluators = 0, agree = 0;
            i++;
            while (i < lines.size() && !lines.get(i).startsWith("[")) {
                String l = lines.get(i);
                if (l.startsWith("C-E")) {
                    evaluators++;
                    String cats = l.substring(l.indexOf(':') + 1).split("\t(?=\\()|\\(", 2)[0];
                    for (String c : cats.split(";")) {
                        String code = CATEGORY.get(c.trim().toLowerCase(java.util.Locale.ROOT));
                        if (label.equals(code)) { agree++; break; }
                    }
                }
                i++;
            }
            Path wav = root.resolve("Session" + session).resolve("sentences").resolve("wav").resolve(dialog).resolve(utt + ".wav");
            if (!LabelMaps.IEMOCAP.containsKey(label)) { bad.add(new BadFile(lf, "utterance " + utt + ": unknown label '" + label + "'")); continue; }
            if (!Files.isRegularFile(wav)) { bad.add(new BadFile(wav, "audio for labelled utterance " + utt + " is missing")); continue; }
            String last = utt.substring(utt.lastIndexOf('_') + 1);
            char g = last.isEmpty() ? '?' : last.charAt(0);
            String speaker = "Ses0" + session + g;
            Map<String, String> meta = new HashMap<>();
            meta.put("session", session);
            meta.put("dialog", dialog);
            meta.put("type", dialog.contains("impro") ? "improvised" : "scripted");
            meta.put("start", m.group(1));
            meta.put("end", m.group(2));
            if (vad.length == 3) {
                meta.put("valence", vad[0].trim());
                meta.put("arousal", vad[1].trim());
                meta.put("dominance", vad[2].trim());
            }
            meta.put("evaluators", String.valueOf(evaluators));
            meta.put("agreement", String.valueOf(agree));
            out.add(new Utterance(utt, wav, name(), speaker, g == 'F' ? Gender.FEMALE : g == 'M' ? Gender.MALE : Gender.UNKNOWN,
                    label, LabelMaps.map(name(), labels(), label), meta));
        }
    }

    @Override
    public String speakerOf(String id) {
        String last = id.substring(id.lastIndexOf('_') + 1);
        if (!id.startsWith("Ses0") || id.length() < 5 || last.isEmpty())
            throw new IllegalArgumentException("'" + id + "' is not an IEMOCAP utterance id (SesNN..._Xnnn)");
        return id.substring(0, 5) + last.charAt(0);
    }
}
