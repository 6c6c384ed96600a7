package org.emoaugnet.publish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.emoaugnet.run.RecordCheck;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.OutputLog;

/**
 * What {@code emoaug ledger} publishes, all or nothing: {@code LEDGER.md}, {@code ledger.csv}, {@code ledger.png},
 * {@code MANIFEST.json} and the generated blocks of README.md and the other {@link ReadmeTables#PAGES}.
 * <ol>
 *   <li>Every run record under {@code results/runs} is checked first ({@link RecordCheck#full}: checksum, every file's
 *       SHA-256, every test metric recomputed from its predictions), and a run folder without a record is an error:
 *       nothing is built from evidence that does not check out.</li>
 *   <li>Everything is built in a staging copy of the results folder (beside it, so that moves stay on one file system;
 *       its {@code runs} a link to the real runs) and of the pages.</li>
 *   <li>Only when every step succeeded are the files that changed moved into place, each in one rename. A failure
 *       before that leaves every published file byte-identical.</li>
 * </ol>
 */
public final class Publication {
    private Publication() {}

    /** What was published: the ledger's rows and the files that changed. */
    public record Outcome(List<Ledger.Row> rows, List<Path> changed) {
        public Outcome {
            rows = List.copyOf(rows);
            changed = List.copyOf(changed);
        }
    }

    /**
     * Publishes the ledger of {@code results} (and, with {@code pages}, the generated blocks of the project's pages).
     *
     * @throws IOException naming the first run or file that does not check out, or the step that failed; nothing is
     *                     written then
     */
    public static Outcome ledger(Path projectRoot, Path results, boolean pages, PrintStream log) throws IOException {
        Path runs = results.resolve("runs");
        checkInputs(runs);
        Path parent = results.toAbsolutePath().normalize().getParent();
        Path staged = Files.createTempDirectory(parent, ".publish-results-"), stagedPages = Files.createTempDirectory(parent, ".publish-pages-");
        Path before = OutputLog.resultsOverride();
        try {
            copyTree(results, staged, "runs");
            if (Files.isDirectory(runs)) Files.createSymbolicLink(staged.resolve("runs"), runs.toAbsolutePath().normalize());
            OutputLog.setResults(staged);   // the outputs written now are logged in the staged manifest
            List<Ledger.Row> rows = Ledger.write(projectRoot, runs, staged);
            Manifest.write(projectRoot, staged, log);
            if (pages) {
                for (String page : ReadmeTables.PAGES)
                    if (Files.isRegularFile(projectRoot.resolve(page))) {
                        Path copy = stagedPages.resolve(page);
                        Files.createDirectories(copy.getParent());
                        Files.copy(projectRoot.resolve(page), copy);
                    }
                Path readme = stagedPages.resolve("README.md");
                Ledger.updateReadme(readme, rows);
                for (String page : ReadmeTables.PAGES) if (Files.isRegularFile(stagedPages.resolve(page))) ReadmeTables.update(stagedPages.resolve(page), projectRoot);
                Findings.updateReadme(readme, projectRoot, rows);
            }
            List<Path> changed = new ArrayList<>(install(staged, results));
            if (pages) changed.addAll(install(stagedPages, projectRoot));
            return new Outcome(rows, changed);
        } finally {
            OutputLog.setResults(before);
            delete(staged);
            delete(stagedPages);
        }
    }

    /** Checks every run under {@code runs} in full; fails naming the first problem (and how many runs have one). */
    static void checkInputs(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) return;
        List<String> problems = new ArrayList<>();
        for (Path dir : runFolders(runs)) {
            if (!RunRecord.finished(dir)) { problems.add(dir + ": a run folder without its " + RunRecord.FILE + " (deleted or never written)"); continue; }
            problems.addAll(RecordCheck.full(dir));
        }
        if (!problems.isEmpty())
            throw new IOException(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s); environment/emoaug records check lists them)" : "")
                    + "; nothing was published");
    }

    /** Every run folder: {@code <experiment>/<run>} holding a record or any file, and each evaluation with a record. */
    static List<Path> runFolders(Path runs) throws IOException {
        List<Path> out = new ArrayList<>(RunRecord.folders(runs));
        try (var exps = Files.list(runs)) {
            for (Path e : exps.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList())
                try (var rs = Files.list(e)) {
                    for (Path r : rs.filter(Files::isDirectory).sorted().toList()) {
                        String name = r.getFileName().toString();
                        if (name.startsWith(".") || name.equals("superseded") || out.contains(r)) continue;
                        try (var fs = Files.list(r)) {
                            if (fs.anyMatch(Files::isRegularFile)) out.add(r);
                        }
                    }
                }
        }
        return out;
    }

    /** Copies {@code from} into {@code to}, leaving out the top-level folder {@code skip} and hidden files. */
    private static void copyTree(Path from, Path to, String skip) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().isEmpty()) continue;
                if (rel.getName(0).toString().equals(skip) || rel.getFileName().toString().startsWith(".")) continue;
                if (Files.isDirectory(p)) Files.createDirectories(to.resolve(rel));
                else Files.copy(p, to.resolve(rel));
            }
        }
    }

    /** Moves every file of {@code staged} whose bytes differ from its counterpart under {@code target} into place; returns those targets. */
    private static List<Path> install(Path staged, Path target) throws IOException {
        List<Path> changed = new ArrayList<>();
        List<Path> files;
        try (var s = Files.walk(staged)) {
            files = s.filter(Files::isRegularFile).filter(p -> !staged.relativize(p).getName(0).toString().equals("runs"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path f : files) {
            Path t = target.resolve(staged.relativize(f).toString());
            byte[] bytes = Files.readAllBytes(f);
            if (Files.isRegularFile(t) && Arrays.equals(bytes, Files.readAllBytes(t))) continue;
            AtomicFiles.write(t, bytes);
            changed.add(t);
        }
        return changed;
    }

    /** Deletes a staging folder (a link inside it is removed, never followed). */
    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
