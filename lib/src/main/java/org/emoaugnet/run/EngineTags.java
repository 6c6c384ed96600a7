package org.emoaugnet.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run made by another engine is re-made: this checkout re-makes only runs of its own engine (the network and
 * trainer revisions of {@link RunSpec.Engine#current}, read from {@code ModelFactory.REVISION} and
 * {@code Trainer.ENGINE}); a record of another engine names the git tag of the last commit whose code made it, defined
 * here once, by the trainer revision it starts with.
 *
 * <p>{@value #FUSED_1} is the tag of the last commit that trains with the fused network's first revision
 * ({@code fused-1/...}: its numbers depend on the native thread count, which its specs record). A run-spec/1 record
 * (no trainer recorded: DL4J's own {@code fit} trained it, before the fused trainer) maps to it as well: no tagged
 * checkout has that path; {@value #FUSED_1} is the nearest, and there the run is re-made with the revisions that
 * checkout records, so its verification reports another spec and compares the predictions.
 */
public final class EngineTags {
    private EngineTags() {}

    /** The tag of the last commit with the fused network's first revision ({@code Trainer.ENGINE} {@code fused-1/loop-2}). */
    public static final String FUSED_1 = "engine-fused-1";

    /**
     * The commit {@link #FUSED_1} points at (a clone without tags reaches it by this hash: {@code git worktree add DIR
     * <hash>}).
     */
    public static final String FUSED_1_COMMIT = "d34d0b5d46f7f47a1d9743631a9ea92674121d46";

    /** Tag by the revision a record's {@code trainer} starts with. */
    private static final Map<String, String> BY_TRAINER = Map.of("fused-1", FUSED_1);

    /** What a record's engine is called in messages: its trainer revision, or that a run-spec/1 record names none. */
    public static String describe(RunSpec.Engine e) {
        return e.legacy() ? "no trainer recorded (" + RunSpec.VERSION_1 + ": DL4J's own fit)" : "trainer " + e.trainer() + ", network " + e.network();
    }

    /**
     * What a label calls engine {@code e}, briefly: its trainer revision ({@code fused-2/loop-2}), with its network
     * revision in parentheses when that is not the current network's, or the spec format of a run-spec/1 record (which
     * names neither); never its thread count.
     */
    public static String name(RunSpec.Engine e) {
        if (e.legacy()) return e.version();
        return e.trainer() + (e.network().equals(RunSpec.Engine.current().network()) ? "" : " (network " + e.network() + ")");
    }

    /**
     * The tag whose checkout re-makes runs of engine {@code e}: by the trainer revision it starts with, {@link #FUSED_1}
     * for a run-spec/1 record; empty for the current engine and for an engine no tag is defined for.
     */
    public static Optional<String> of(RunSpec.Engine e) {
        if (e.isCurrent()) return Optional.empty();
        if (e.legacy()) return Optional.of(FUSED_1);
        for (var t : BY_TRAINER.entrySet())
            if (e.trainer().equals(t.getKey()) || e.trainer().startsWith(t.getKey() + "/")) return Optional.of(t.getValue());
        return Optional.empty();
    }

    /**
     * What {@code records verify} says of a record made by another engine ({@code run}, {@code <experiment>/<run>} under
     * {@code runsRoot}): that it is not re-made here, and the tag with the exact commands that re-make it there (a
     * worktree of the tag beside this checkout, so this one stays as it is, reading the same records), or, when no tag
     * is defined, the commit its provenance names.
     */
    public static String notHere(String run, RunSpec.Engine e, String gitCommit, Path runsRoot) {
        RunSpec.Engine now = RunSpec.Engine.current();
        String head = run + ": not verifiable here: made by another engine (" + describe(e) + "; this checkout's: " + describe(now) + "), so not re-made with this one; ";
        Optional<String> tag = of(e);
        if (tag.isEmpty())
            return head + "no tag is defined for it (EngineTags); re-make it at the commit its record names (provenance.git_commit " + gitCommit + ")";
        String wt = "../emoaugnet-" + tag.get();
        return head + "re-make it at git tag " + tag.get() + " (commit " + FUSED_1_COMMIT + "): git worktree add " + wt + " " + tag.get() + " && cd " + wt
                + " && environment/emoaug records verify " + run + " --runs " + runsRoot.toAbsolutePath().normalize();
    }
}
