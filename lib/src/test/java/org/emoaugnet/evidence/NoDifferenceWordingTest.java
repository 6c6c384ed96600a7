package org.emoaugnet.evidence;

import org.emoaugnet.publish.LedgerTest;

import org.emoaugnet.publish.Findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * What a reader sees never says "no difference" beside its own interval that excludes zero: the README's findings
 * block and every committed notebook output, sentence by sentence. A difference's interval is written with signed
 * ends ("+6.5 to +10.2", "[+35.0, +47.0]"), unlike a metric's ("52.0 [46.4, 57.4]").
 */
public class NoDifferenceWordingTest {
    static final Pattern SIGNED = Pattern.compile("([+-]\\d+(?:\\.\\d+)?) to ([+-]\\d+(?:\\.\\d+)?)|\\[([+-]\\d+(?:\\.\\d+)?), ([+-]\\d+(?:\\.\\d+)?)\\]");
    /** A sentence ends at a full stop followed by a space and a capital, or at a line end. */
    static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.)\\s+(?=[A-Z*])|\\n");

    /** The sentences of {@code text} that say "no difference" while an interval of their own excludes zero. */
    public static List<String> contradictions(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            if (!s.toLowerCase(Locale.ROOT).contains("no difference")) continue;
            Matcher m = SIGNED.matcher(s);
            while (m.find()) {
                double lo = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(3)), hi = Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(4));
                if (lo > 0 || hi < 0) {
                    out.add(s.strip());
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void theScannerFindsExactlyTheContradictions() {
        String bad = "public-4 − none: +19.8 points over 5 seeds (+19.1 +20.5 +21.5 +20.8 +17.3; 95% t CI +17.7 to +21.9; sign-flip p = 0.063, Holm 0.125); "
                + "not tested on the same recordings, so no item-level comparison; from 5 paired runs — no difference established at either unit.";
        String badItem = "relu: -0.4 points over 3 seeds (95% t CI -2.0 to +1.2); -3.0 over recordings [-5.0, -1.0] — no difference established.";
        String good = "noise − none: +2.1 points over 5 folds (95% t CI -1.3 to +5.4; paired t p = 0.170, Holm 1.000); +2.0 over recordings "
                + "(95% CI resampling speakers, then recordings, -0.6 to +4.6) — no difference established: the paired t-test could reject and did not.";
        String established = "all − none: +20.4 points (95% t CI +18.7 to +22.1) — established. Pitch − none: +0.4 [-1.0, +2.0], no difference established.";
        String metric = "WA 52.0 [46.4, 57.4] over recordings; no difference established for ELU (95% t CI -1.0 to +2.0).";
        assertEquals(List.of(bad), contradictions(bad));
        assertEquals(List.of(badItem), contradictions(badItem));
        assertEquals(List.of(), contradictions(good));
        assertEquals(List.of(), contradictions(established), "an interval that excludes zero in another sentence is not this one's");
        assertEquals(List.of(), contradictions(metric), "an unsigned metric interval is not a difference's");
        assertEquals(2, contradictions(bad + "\n" + good + "\n" + badItem).size());
    }

    /**
     * The committed README findings and notebook outputs. Fails until they are re-rendered with {@link org.emoaugnet.eval.TestVerdict}'s
     * wording (the outputs committed before it say "no difference" beside t intervals that exclude zero).
     */
    @Test
    void committedFindingsAndNotebookOutputsNeverContradictTheirIntervals() throws Exception {
        Path root = LedgerTest.projectRoot();
        List<String> found = new ArrayList<>();
        String readme = Files.readString(root.resolve("README.md"));
        int a = readme.indexOf(Findings.START), z = readme.indexOf(Findings.END);
        assertTrue(a >= 0 && z > a, "README.md lacks its findings markers");
        for (String s : contradictions(readme.substring(a, z))) found.add("README.md: " + s);
        try (var files = Files.list(root.resolve("notebooks"))) {
            for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList())
                for (String s : contradictions(outputs(nb))) found.add(nb.getFileName() + ": " + s);
        }
        assertTrue(found.isEmpty(), found.size() + " sentence(s) say \"no difference\" where their own interval excludes zero:\n" + String.join("\n", found));
    }

    /** The text of every stream and text/plain output of a notebook. */
    static String outputs(Path ipynb) throws Exception {
        StringBuilder b = new StringBuilder();
        for (JsonNode cell : new ObjectMapper().readTree(ipynb.toFile()).path("cells"))
            for (JsonNode o : cell.path("outputs")) {
                for (JsonNode line : o.path("text")) b.append(line.asText());
                for (JsonNode line : o.path("data").path("text/plain")) b.append(line.asText());
                b.append('\n');
            }
        return b.toString();
    }
}
