package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run records as tests need them: a committed record copied, and made as if by another engine (its spec's engine
 * replaced, its spec hash and checksum written anew), so that tests of {@code records verify} and of the sample's
 * draw do not depend on which engine made the committed records.
 */
public final class RecordFixtures {
    private RecordFixtures() {}

    /** Copies the files of run folder {@code from} (not its subfolders) into {@code to}; returns {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }

    /**
     * Rewrites the record in {@code runDir} as if engine {@code e} had made it: its {@code spec.*} fields (the format
     * follows the engine), {@code spec_sha256} and checksum; every other field as it was. Returns the new spec.
     */
    public static RunSpec withEngine(Path runDir, RunSpec.Engine e) throws IOException {
        Map<String, String> m = new TreeMap<>(RunRecord.load(runDir)), spec = new TreeMap<>();
        m.forEach((k, v) -> { if (k.startsWith("spec.")) spec.put(k.substring(5), v); });
        RunSpec s = RunSpec.fromFields(spec).withEngine(e);
        m.keySet().removeIf(k -> k.startsWith("spec."));
        s.fields().forEach((k, v) -> m.put("spec." + k, v));
        m.put("spec_sha256", s.sha256());
        m.put(RecordCheck.CHECKSUM, RecordCheck.checksum(m));
        RunRecord.store(runDir, m);
        RunRecord.read(runDir);   // reads back
        return s;
    }

    /** The engine of a run made by the fused network's first revision when that is not this checkout's ({@code fused-1/loop-2}, else {@code fused-1/loop-1}). */
    public static RunSpec.Engine oldFused1() {
        RunSpec.Engine now = RunSpec.Engine.current();
        return new RunSpec.Engine("1", now.network(), "fused-1/loop-2".equals(now.trainer()) ? "fused-1/loop-1" : "fused-1/loop-2");
    }
}
