package org.emoaugnet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emoaugnet.data.prepare.ChecksumList;
import org.emoaugnet.publish.LedgerTest;
import org.junit.jupiter.api.Test;

/**
 * The committed URDU speaker folds ({@code experiments/urdu/folds/speaker-folds.csv}) against the committed list of
 * the URDU files (their names give speakers and classes): read with a small parser of this test's own (the suite's
 * fold-file reader is another change), then checked for what a speaker-independent fold set must be, every class in
 * every test fold, and that the rule stated in the file's header gives exactly these folds.
 */
class UrduSpeakerFoldsTest {
    static final Path FILE = LedgerTest.projectRoot().resolve("experiments/urdu/folds/speaker-folds.csv");
    static final List<String> CLASSES = List.of("angry", "happy", "neutral", "sad");

    record Row(String name, List<String> test, List<String> validation) {}

    static List<Row> read(Path file) throws Exception {
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!header) {
                assertEquals("fold,test,validation", line, file + ": the header");
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            assertEquals(3, f.length, file + ": " + line);
            rows.add(new Row(f[0], List.of(f[1].split(";")), List.of(f[2].split(";"))));
        }
        return rows;
    }

    /** Files of each class, by speaker id, from the committed list's names ({@code Angry/SM1_F1_A01.wav}). */
    static Map<String, Map<String, Integer>> filesBySpeaker() throws Exception {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (String p : ChecksumList.committed(ChecksumList.URDU_ORIGINALS).sha256ByPath().keySet()) {
            String cls = p.substring(0, p.indexOf('/')).toLowerCase(java.util.Locale.ROOT);
            String speaker = p.substring(p.indexOf('/') + 1, p.indexOf('_'));
            out.computeIfAbsent(speaker, k -> new TreeMap<>()).merge(cls, 1, Integer::sum);
        }
        return out;
    }

    @Test
    void everyClassIsInEveryTestAndValidationFoldAndNoSpeakerIsOnTwoSides() throws Exception {
        List<Row> rows = read(FILE);
        Map<String, Map<String, Integer>> files = filesBySpeaker();
        assertEquals(29, files.size(), "speaker ids in the file names");
        assertEquals(List.of("urdu-fold-1", "urdu-fold-2", "urdu-fold-3", "urdu-fold-4"), rows.stream().map(Row::name).toList());
        Set<String> tested = new HashSet<>();
        for (Row r : rows) {
            assertFalse(r.name().matches("(emobox-)?fold-[0-9]+|session-.*"), r.name() + " must not be a built-in fold name");
            for (String s : r.test()) {
                assertTrue(files.containsKey(s), r.name() + ": " + s + " is no URDU speaker");
                assertTrue(tested.add(s), s + " tested twice");
            }
            for (String s : r.validation()) {
                assertTrue(files.containsKey(s), r.name() + ": " + s + " is no URDU speaker");
                assertFalse(r.test().contains(s), r.name() + ": " + s + " both tested and validating");
            }
            Set<String> train = new TreeSet<>(files.keySet());
            train.removeAll(r.test());
            train.removeAll(r.validation());
            for (var side : Map.of("test", r.test(), "validation", r.validation(), "train", List.copyOf(train)).entrySet())
                for (String c : CLASSES)
                    assertTrue(side.getValue().stream().anyMatch(s -> files.get(s).getOrDefault(c, 0) > 0), r.name() + ": no " + c + " in " + side.getKey());
        }
        assertEquals(files.keySet(), tested, "every speaker is tested once");
        int total = rows.stream().mapToInt(r -> count(files, r.test())).sum();
        assertEquals(400, total);
    }

    @Test
    void theRuleInTheHeaderGivesTheseFolds() throws Exception {
        Map<String, Map<String, Integer>> files = filesBySpeaker();
        Comparator<String> byId = Comparator.comparing((String s) -> s.substring(0, 2)).thenComparingInt(s -> Integer.parseInt(s.substring(2)));
        // 1. one fold per speaker with angry files
        List<List<String>> folds = new ArrayList<>();
        files.keySet().stream().filter(s -> files.get(s).containsKey("angry")).sorted(byId).forEach(s -> folds.add(new ArrayList<>(List.of(s))));
        assertEquals(4, folds.size());
        // 2. the rest, most files first, into the fold lacking most of their classes, then the smallest, then the first
        List<String> rest = files.keySet().stream().filter(s -> !files.get(s).containsKey("angry"))
                .sorted(Comparator.comparingInt((String s) -> -count(files, List.of(s))).thenComparing(byId)).toList();
        for (String s : rest) {
            int best = 0;
            int[] bestKey = null;
            for (int k = 0; k < folds.size(); k++) {
                Map<String, Integer> has = classes(files, folds.get(k));
                int lacking = (int) files.get(s).keySet().stream().filter(c -> !has.containsKey(c)).count();
                int[] key = {-lacking, count(files, folds.get(k)), k};
                if (bestKey == null || java.util.Arrays.compare(key, bestKey) < 0) { bestKey = key; best = k; }
            }
            folds.get(best).add(s);
        }
        // 3. validation: the next fold's test speakers
        Map<String, List<List<String>>> expected = new LinkedHashMap<>();
        for (int k = 0; k < folds.size(); k++)
            expected.put("urdu-fold-" + (k + 1), List.of(sorted(folds.get(k), byId), sorted(folds.get((k + 1) % folds.size()), byId)));
        Map<String, List<List<String>>> committed = new LinkedHashMap<>();
        for (Row r : read(FILE)) committed.put(r.name(), List.of(r.test(), r.validation()));
        assertEquals(expected, committed);
    }

    /** The committed file is a fold file the experiments read ({@link FoldFile}): its format and checks accept it as it is. */
    @Test
    void theLibrarysFoldFileReaderAcceptsIt() {
        FoldFile f = FoldFile.read(FILE);
        assertEquals(4, f.size(), "one fold per speaker with angry recordings");
    }

    @Test
    void theParserRefusesAFileWithoutItsHeader() throws Exception {
        Path bad = Files.createTempFile("folds", ".csv");
        try {
            Files.writeString(bad, "# no header\nurdu-fold-1,SM1,SM2\n");
            assertThrows(org.opentest4j.AssertionFailedError.class, () -> read(bad));
        } finally {
            Files.delete(bad);
        }
    }

    private static int count(Map<String, Map<String, Integer>> files, List<String> speakers) {
        return speakers.stream().mapToInt(s -> files.get(s).values().stream().mapToInt(Integer::intValue).sum()).sum();
    }

    private static Map<String, Integer> classes(Map<String, Map<String, Integer>> files, List<String> speakers) {
        Map<String, Integer> m = new TreeMap<>();
        for (String s : speakers) files.get(s).forEach((c, n) -> m.merge(c, n, Integer::sum));
        return m;
    }

    private static List<String> sorted(List<String> speakers, Comparator<String> order) { return speakers.stream().sorted(order).toList(); }
}
