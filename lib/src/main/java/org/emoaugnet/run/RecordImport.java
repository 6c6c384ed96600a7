package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Finished runs made in another runs folder (a long study trained in the background, from a worktree, into its own
 * folder) brought into a runs folder ({@code environment/emoaug records import}): every record under the source is
 * checked in full ({@link RecordCheck#full}) and against its place (its {@code experiment} field names the folder it
 * lies in), and every target is either absent or holds the same record, before anything is copied; then each run's
 * record and listed files (never a kept network, {@code model/}, nor hidden files) are copied into a hidden folder beside
 * the target and moved into place in one step, so that a reader never sees half a run. A target that holds another
 * record is an error naming both: the runner never replaces a record silently, and neither does an import.
 */
public final class RecordImport {
    private RecordImport() {}

    /** What an import did: the runs copied and those the target already had (the same record), as {@code <experiment>/<run>}. */
    public record Outcome(List<String> imported, List<String> alreadyThere) {
        public Outcome { imported = List.copyOf(imported); alreadyThere = List.copyOf(alreadyThere); }
    }

    /** The import refused, before anything was copied: every problem found, one line each naming the file. */
    public static final class Refused extends IOException {
        private final List<String> problems;

        Refused(Path from, List<String> problems) {
            super("records import from " + from + ": nothing copied; " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        /** The problems, one sentence each naming the file. */
        public List<String> problems() { return problems; }
    }

    /**
     * Imports every finished run under {@code from} into {@code runsRoot}.
     *
     * @throws Refused listing every problem (a record that does not check out, one in the wrong folder, a target holding
     *         another record or a folder in the way), before anything is copied
     * @throws IOException when {@code from} holds no run record, or reading or copying fails
     */
    public static Outcome into(Path from, Path runsRoot) throws IOException {
        List<Path> runs = RunRecord.folders(from);
        if (runs.isEmpty()) throw new IOException(from + ": no finished run records there (<experiment>/<run>/" + RunRecord.FILE + ")");
        List<String> problems = new ArrayList<>(), imported = new ArrayList<>(), already = new ArrayList<>();
        List<Path> todo = new ArrayList<>();
        for (Path dir : runs) {
            Path rel = from.relativize(dir);
            String name = name(rel);
            List<String> found = RecordCheck.full(dir);
            if (!found.isEmpty()) {
                problems.addAll(found);
                continue;
            }
            // RecordCheck.full has read the record and checked it in full: its fields are all that is needed here
            String experiment = RunRecord.load(dir).get("experiment"), place = name.substring(0, name.lastIndexOf('/'));
            if (!experiment.equals(place)) {
                problems.add(dir.resolve(RunRecord.FILE) + ": its experiment is " + experiment + ", but it lies in " + place);
                continue;
            }
            Path target = runsRoot.resolve(rel);
            if (RunRecord.finished(target)) {
                byte[] a = Files.readAllBytes(dir.resolve(RunRecord.FILE)), b = Files.readAllBytes(target.resolve(RunRecord.FILE));
                if (Arrays.equals(a, b)) already.add(name);
                else problems.add(target.resolve(RunRecord.FILE) + ": holds another record than " + dir.resolve(RunRecord.FILE) + " (spec "
                        + RunRecord.load(target).get("spec_sha256") + " there, " + RunRecord.load(dir).get("spec_sha256")
                        + " to import); an import never replaces a record: move the old run aside (for example into its experiment's superseded/) first");
                continue;
            }
            if (Files.exists(target))
                problems.add(target + ": a folder without a finished run record is in the way (a run in progress, or left unfinished); move it aside first");
            else todo.add(dir);
        }
        if (!problems.isEmpty())
            throw new Refused(from, problems);
        for (Path dir : todo) {
            Path rel = from.relativize(dir), target = runsRoot.resolve(rel);
            Files.createDirectories(target.getParent());
            Path tmp = target.getParent().resolve(".importing-" + target.getFileName() + "-" + UUID.randomUUID().toString().substring(0, 8));
            try {
                Files.createDirectory(tmp);
                try (var s = Files.list(dir)) {
                    for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList())
                        Files.copy(f, tmp.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                RunRecord.read(tmp);   // the copy hashes to its record before it is moved into place, in one step
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                if (Files.exists(tmp)) Runner.deleteTree(tmp);
            }
            imported.add(name(rel));
        }
        return new Outcome(imported, already);
    }

    /** A run's place under a runs folder as records name it: {@code <experiment>/<run>}, with forward slashes. */
    private static String name(Path rel) {
        List<String> parts = new ArrayList<>();
        for (Path p : rel) parts.add(p.toString());
        return String.join("/", parts);
    }
}
