package org.emoaugnet.design;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.emoaugnet.util.ConfigurationException;
import org.emoaugnet.util.Sha256;

/**
 * A pre-registered search plan: a folder whose files (the plan's text {@value #TEXT}, its settings and its candidates)
 * are committed before the first of its runs. Its {@link #sha256} hashes every file of the folder (paths and contents),
 * so that any edit makes another plan; every run of the plan records it in its specification ({@code plan}, {@code
 * RunSpec.Learning#plan}), so a run of one plan is never counted for another, and a reader can count every run a plan
 * made. Whether the plan was committed before a run started is read from git ({@link #registration}) and from the
 * run's record (its start: finished time less wall time).
 *
 * <p>A plan may read files outside its folder (a nested search's inner fold files): {@link #inputs}. They are not in
 * the hash, which stays the folder's; each run records what it read of them (a fold file's rows are in its run's
 * specification, so an edited fold file makes other runs), and they are part of the registration: committed, and
 * unchanged since, like the folder.
 *
 * @param dir    the plan's folder
 * @param sha256 SHA-256 of the lines {@code <path relative to dir, '/'-separated> <SHA-256 of the file>} of every
 *               regular file under {@code dir}, sorted by path, each line ending in a newline
 * @param files  those relative paths, sorted
 * @param inputs files outside {@code dir} that the plan reads, in the order given
 */
public record SearchPlan(Path dir, String sha256, List<String> files, List<Path> inputs) {
    /** The plan's text, which every plan folder holds. */
    public static final String TEXT = "plan.md";

    public SearchPlan {
        files = List.copyOf(files);
        inputs = List.copyOf(inputs);
    }

    /**
     * The plan in {@code dir}.
     *
     * @throws ConfigurationException naming the folder when it does not exist or lacks {@value #TEXT}
     */
    public static SearchPlan read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new ConfigurationException(dir + ": no such plan folder");
        if (!Files.isRegularFile(dir.resolve(TEXT))) throw new ConfigurationException(dir + ": a plan folder holds its text, " + TEXT);
        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) files.add(dir.relativize(p).toString().replace('\\', '/'));
        }
        files.sort(null);
        StringBuilder b = new StringBuilder();
        for (String f : files) b.append(f).append(' ').append(Sha256.of(dir.resolve(f))).append('\n');
        return new SearchPlan(dir, Sha256.of(b.toString()), files, List.of());
    }

    /** The same plan reading {@code inputs} outside its folder as well (its hash unchanged; its registration covers them). */
    public SearchPlan reading(List<Path> inputs) { return new SearchPlan(dir, sha256, files, inputs); }

    /** The first 12 hex digits of {@link #sha256}, as labels name the plan. */
    public String shortHash() { return sha256.substring(0, 12); }

    /**
     * Where the plan stands in git: the last commit that changed its folder or one of its {@link #inputs} and when,
     * and whether the working copy of any of them differs from it (edited or untracked files).
     *
     * @param commit     the commit's hash, empty when the folder or one of its inputs was never committed (or git is
     *                   not there)
     * @param committed  the commit's time, empty with it
     * @param clean      whether the folder's files and the inputs are exactly the commit's
     */
    public record Registration(String commit, Optional<Instant> committed, boolean clean) {
        /** Whether the plan as it is now was committed: a run may start. */
        public boolean registered() { return !commit.isEmpty() && clean; }
    }

    /** The plan's {@link Registration}, asked of git in the folder's repository. */
    public Registration registration() throws IOException {
        List<String> paths = new ArrayList<>(List.of("."));
        for (Path in : inputs) {
            paths.add(in.toAbsolutePath().normalize().toString());
            if (git("log", "-1", "--format=%H", "--", paths.get(paths.size() - 1)).isBlank()) return new Registration("", Optional.empty(), false);
        }
        String log = git(concat(List.of("log", "-1", "--format=%H %cI", "--"), paths)).strip();
        String status = git(concat(List.of("status", "--porcelain", "--untracked-files=all", "--"), paths));
        if (log.isEmpty()) return new Registration("", Optional.empty(), false);
        String[] f = log.split(" ");
        return new Registration(f[0], Optional.of(java.time.OffsetDateTime.parse(f[1]).toInstant()), status.isBlank());
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private String git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) throw new IOException(dir + ": git " + String.join(" ", args) + " did not finish in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(dir + ": interrupted while asking git about the plan", e);
        }
        if (p.exitValue() != 0) throw new IOException(dir + ": git " + String.join(" ", args) + " failed: " + out.strip());
        return out;
    }
}
