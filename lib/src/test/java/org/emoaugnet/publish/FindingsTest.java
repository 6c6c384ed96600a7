package org.emoaugnet.publish;

import org.emoaugnet.evidence.NoDifferenceWordingTest;
import org.emoaugnet.evidence.VerdictsTest;

import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.publish.Findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings are tables computed from result tables: constructed tables whose rows, verdicts and power are known. */
class FindingsTest {
    @Test
    void robustnessNamesConditionsByTheirVerdictFromTheWrittenTable(@TempDir Path dir) throws Exception {
        java.util.Map<String, Comparison> cmp = new java.util.LinkedHashMap<>();
        cmp.put("clean", VerdictsTest.constructed("seed", "clean", 1.0, 2.0, 3.0));
        cmp.put("white-20dB", VerdictsTest.constructed("seed", "white", 40.0, 41.0, 42.0));
        cmp.put("telephone-band", VerdictsTest.constructed("seed", "tel", 6.0, 8.4, 10.7));
        tech.tablesaw.api.Table t = StudyReport.comparisonTable("effect", cmp);
        t.insertColumn(0, tech.tablesaw.api.StringColumn.create("activation", java.util.Collections.nCopies(t.rowCount(), "relu")));
        Path csv = dir.resolve("05-robustness-augmentation.csv");
        org.emoaugnet.util.Tables.saveCsv(t, csv);
        String s = Findings.tests("Public-4 − none, ReLU", "constructed", Findings.read(csv), "condition", java.util.List.of());
        assertTrue(s.contains("| condition | Δ over seeds [95 % t CI] (n) |"), s);
        assertTrue(s.contains("| white-20dB | +41.0 [+38.5, +43.5] (3) |") && s.contains("| established |"), s);
        assertTrue(s.contains("| clean | +2.0 [-0.5, +4.5] (3) |"), s);
        String clean = s.lines().filter(l -> l.startsWith("| clean |")).findFirst().orElseThrow();
        assertFalse(clean.endsWith("| established |"), clean);
        assertTrue(s.contains("\nPower: detects ") && s.contains("rows detect 2.0 points"), s);
        assertTrue(s.lines().filter(l -> l.startsWith("| ")).count() == 4, "a header row and one row per comparison:\n" + s);
        assertTrue(NoDifferenceWordingTest.contradictions(s).isEmpty(), s);
    }

    /**
     * A row whose test cannot detect the difference that matters says so in its own verdict cell, in the findings (from
     * the numbers) and in the README's CSV tables (from the CSV's verdict name and minimal detectable Δ) alike.
     */
    @Test
    void aRowWhoseTestCannotDetectTheDifferenceThatMattersSaysWhatItDetects(@TempDir Path dir) throws Exception {
        java.util.Map<String, Comparison> cmp = new java.util.LinkedHashMap<>();
        cmp.put("noise − none", VerdictsTest.constructed("fold", "noisy", 1.5, 1.2, -1.6, 5.5, 3.8));
        cmp.put("pitch − none", VerdictsTest.constructed("fold", "tight", 0.1, -0.1, 0.2, 0.0, -0.2));
        tech.tablesaw.api.Table t = StudyReport.comparisonTable("ablation", cmp);
        Path csv = dir.resolve("02-ablation-si.csv");
        org.emoaugnet.util.Tables.saveCsv(t, csv);
        double weak = t.doubleColumn(org.emoaugnet.evidence.TestColumns.MDE).get(0), strong = t.doubleColumn(org.emoaugnet.evidence.TestColumns.MDE).get(1);
        assertTrue(weak > Comparison.EFFECT_THAT_MATTERS && strong <= Comparison.EFFECT_THAT_MATTERS, weak + " / " + strong);
        String label = String.format(java.util.Locale.ROOT, "not established; detects ≥ %.1f points", weak);
        String s = Findings.tests("Recipes − none", "constructed", Findings.read(csv), "recipe", java.util.List.of());
        String noise = s.lines().filter(l -> l.startsWith("| noise − none |")).findFirst().orElseThrow(), pitch = s.lines().filter(l -> l.startsWith("| pitch − none |")).findFirst().orElseThrow();
        assertTrue(noise.endsWith("| " + label + " |"), noise);
        assertTrue(pitch.endsWith("| no difference established |"), "a test that detects 2 points and did not reject: " + pitch);
        String readme = ReadmeTables.tests(ReadmeTables.read(csv), org.emoaugnet.evidence.TestColumns.COMPARISON);
        assertTrue(readme.lines().filter(l -> l.startsWith("| noise − none |")).findFirst().orElseThrow().endsWith("| " + label + " |"), readme);
        assertTrue(readme.lines().filter(l -> l.startsWith("| pitch − none |")).findFirst().orElseThrow().endsWith("| no difference established |"), readme);
    }

    @Test
    void theCrossCorpusSentenceCountsUnconvergedCells(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("05-cross-corpus.csv");
        Files.writeString(csv, "variant,train,test,kind,experiment,test_items,runs,converged runs,WA (%),UA (%),UA 95% CI low (speakers→recordings),"
                + "UA 95% CI high (speakers→recordings)\n"
                + "main,a,a,within (speaker-independent),e1,10,5,5,50,48,40,56\n"
                + "main,a,b,cross-corpus,e2,10,1,0,20,21,15,27\n"
                + "main,b,a,cross-corpus,e3,10,1,1,25,24,18,30\n");
        String s = Findings.crossCorpus(Findings.read(csv));
        assertTrue(s.contains("| a | a | within | 48.0 [40.0, 56.0] | 5 |") && s.contains("| a | b | across | 21.0 [15.0, 27.0] | 1 |"), s);
        assertTrue(s.contains("1 of the grid's 3 cells"), s);
    }

    @Test
    void proseWordsCountsTheWordsOutsideTablesAndMarkers() {
        String block = Findings.START + "\n**Title.** Five words in prose.\n\n| a | b |\n|---|---|\n| one two | three |\nPower: detects 5.6–11.6 points.\n" + Findings.END;
        assertEquals(9, Findings.proseWords(block), "'**Title.** Five words in prose.' and 'Power: detects 5.6–11.6 points.'; tables and markers not counted");
        assertEquals(0, Findings.proseWords("| only | a table |\n|---|---|"));
    }

    /** The findings the committed results give stay a summary: at most {@link Findings#MAX_PROSE_WORDS} words outside their tables. */
    @Test
    void theGeneratedFindingsHoldAtMostFiveHundredWordsOutsideTheirTables() throws Exception {
        String block = Findings.block(LedgerTest.projectRoot());
        int words = Findings.proseWords(block);
        assertTrue(words <= Findings.MAX_PROSE_WORDS, words + " words outside the findings' tables, over " + Findings.MAX_PROSE_WORDS + ":\n" + block);
    }

    /** The README's committed findings block likewise (it is the generated one once environment/emoaug ledger has run). */
    @Test
    void theCommittedFindingsHoldAtMostFiveHundredWordsOutsideTheirTables() throws Exception {
        String readme = Files.readString(LedgerTest.projectRoot().resolve("README.md"));
        int a = readme.indexOf(Findings.START), z = readme.indexOf(Findings.END);
        assertTrue(a >= 0 && z > a, "README.md lacks its findings markers");
        int words = Findings.proseWords(readme.substring(a, z + Findings.END.length()));
        assertTrue(words <= Findings.MAX_PROSE_WORDS, words + " words outside the README findings' tables, over " + Findings.MAX_PROSE_WORDS
                + ": run environment/emoaug ledger, or shorten Findings");
    }

    /**
     * Every committed test table's stored verdict (the name README's CSV tables read, {@link ReadmeTables}) is the one
     * {@link org.emoaugnet.eval.TestVerdict#of} gives for that row's own numbers: a CSV written under older verdict rules
     * fails here, naming the notebook to re-run, before its README table can disagree with the findings.
     */
    @Test
    void committedTestTablesCarryTheVerdictsTheirNumbersGive() throws Exception {
        Path results = LedgerTest.projectRoot().resolve("results");
        java.util.List<String> stale = new java.util.ArrayList<>();
        int rows = 0;
        try (var files = Files.walk(results)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv") && !f.startsWith(results.resolve("runs"))).sorted().toList()) {
                String header = Files.newBufferedReader(csv).readLine();
                if (header == null || !header.contains(org.emoaugnet.evidence.TestColumns.MDE) || !header.endsWith("," + org.emoaugnet.evidence.TestColumns.VERDICT)) continue;
                tech.tablesaw.api.Table t = Findings.read(csv);
                t = t.where(t.stringColumn(org.emoaugnet.evidence.TestColumns.COMPARISON).isNotMissing());
                for (int i = 0; i < t.rowCount(); i++, rows++) {
                    String stored = t.stringColumn(org.emoaugnet.evidence.TestColumns.VERDICT).get(i),
                            now = org.emoaugnet.eval.TestVerdict.of(StudyReport.numbers(t, i)).verdict().name();
                    if (!stored.equals(now)) stale.add(results.relativize(csv) + ", " + t.stringColumn(org.emoaugnet.evidence.TestColumns.COMPARISON).get(i) + ": " + stored + " -> " + now);
                }
            }
        }
        assertTrue(rows > 0, "no committed test table found under " + results);
        assertTrue(stale.isEmpty(), stale.size() + " of " + rows + " committed test rows carry a verdict their numbers no longer give (re-run the notebook that writes each):\n"
                + String.join("\n", stale));
    }
}
