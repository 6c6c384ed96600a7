package org.emoaugnet.evidence;

import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs that are the same evidence under more than one experiment name. A run is identified by its spec hash
 * ({@link RunSpec#sha256()}, recorded as {@link RunRecord#specSha256()}): two experiments whose runs have the same
 * hashes hold byte-identical computations (the runner reuses a finished run by that hash), so a table lists them
 * once with both names and a family of tests never counts them twice.
 */
public final class SharedRuns {
    private final Map<String, Set<String>> experimentsByHash;

    private SharedRuns(Map<String, Set<String>> experimentsByHash) { this.experimentsByHash = experimentsByHash; }

    /** Every finished run under {@code runsRoot} (one folder per experiment), indexed by spec hash. */
    public static SharedRuns scan(Path runsRoot) throws IOException {
        Map<String, Set<String>> by = new TreeMap<>();
        if (Files.isDirectory(runsRoot)) {
            List<Path> experiments;
            try (var s = Files.list(runsRoot)) {
                experiments = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path e : experiments)
                for (Path r : StudyReport.runs(e)) by.computeIfAbsent(RunRecord.read(r).specSha256(), k -> new TreeSet<>()).add(e.getFileName().toString());
        }
        return new SharedRuns(by);
    }

    /**
     * The other experiments that hold <em>every</em> one of these runs (same spec hashes), sorted; empty when the runs
     * are their experiment's alone.
     */
    public List<String> alsoUnder(List<Path> runs, String experiment) throws IOException {
        Set<String> common = null;
        for (Path r : runs) {
            Set<String> here = experimentsByHash.getOrDefault(RunRecord.read(r).specSha256(), Set.of());
            if (common == null) common = new TreeSet<>(here);
            else common.retainAll(here);
        }
        if (common == null) return List.of();
        common.remove(experiment);
        return List.copyOf(common);
    }

    /**
     * The other experiments that hold any of these runs (same spec hashes), each with how many: "x" when it holds all
     * of them, "x (3 of 15 runs)" when it holds some; joined by ", ", sorted; "" when the runs are {@code experiment}'s
     * alone. Names in {@code shownBeside} (already in the same row) are left out.
     */
    public String describe(List<Path> runs, String experiment, Collection<String> shownBeside) throws IOException {
        Map<String, Integer> count = new TreeMap<>();
        for (Path r : runs)
            for (String e : experimentsByHash.getOrDefault(RunRecord.read(r).specSha256(), Set.of()))
                if (!e.equals(experiment) && !shownBeside.contains(e)) count.merge(e, 1, Integer::sum);
        List<String> out = new ArrayList<>();
        count.forEach((e, k) -> out.add(k == runs.size() ? e : e + " (" + k + " of " + runs.size() + " runs)"));
        return String.join(", ", out);
    }

    /** The identity of a set of runs: their sorted spec hashes (equal sets, equal identities). */
    public static String identity(List<Path> runs) throws IOException {
        List<String> h = new ArrayList<>();
        for (Path r : runs) h.add(RunRecord.read(r).specSha256());
        return RunSpec.sha256(String.join("\n", new TreeSet<>(h)));
    }

    /**
     * The identity of one comparison: both sides' spec hashes (each side sorted) and the test condition the runs were
     * scored under ("test" for their own test set, a degradation's name in the robustness study).
     */
    public static String identity(Collection<String> specsA, Collection<String> specsB, String condition) {
        return RunSpec.sha256(String.join(",", new TreeSet<>(specsA)) + "|" + String.join(",", new TreeSet<>(specsB)) + "|" + condition);
    }

    /** "a = b" for names that hold the same runs. */
    static String joined(Collection<String> names) { return String.join(" = ", names); }
}
