package org.emoaugnet.features;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.emoaugnet.util.AtomicFiles;

/**
 * Features on disk, keyed by the SHA-256 of the audio file's bytes plus every extraction and augmentation
 * parameter and the code version ({@link #CODE_VERSION}). Entries are written atomically, so an interrupted run
 * leaves only complete entries behind and the next run reuses them; a corrupt entry is recomputed. Shared by
 * notebooks, the CLI and experiments. {@link #clear()} (or {@code emoaug cache clear}) removes everything.
 */
public final class FeatureCache {
    /** Bump when extraction or augmentation code changes what it computes. */
    public static final String CODE_VERSION = "features-1";
    private static final int MAGIC = 0x454D4631; // "EMF1"

    private final Path dir;
    private final AtomicLong hits = new AtomicLong(), misses = new AtomicLong();

    public FeatureCache(Path dir) { this.dir = dir; }

    /** A cache that stores nothing (every lookup misses). */
    public static FeatureCache disabled() { return new FeatureCache(null); }

    public Path dir() { return dir; }

    public long hits() { return hits.get(); }

    public long misses() { return misses.get(); }

    /** The cache key of one (file content, parameters) pair. */
    public static String key(String fileSha256, String parameters) {
        return org.emoaugnet.util.Sha256.of(fileSha256 + "|" + parameters + "|" + CODE_VERSION);
    }

    /** SHA-256 of a file's bytes. */
    public static String fileHash(Path file) throws IOException { return org.emoaugnet.util.Sha256.of(file); }

    /** The cached features for {@code key}, or null. */
    public Features get(String key) {
        if (dir == null) { misses.incrementAndGet(); return null; }
        Path p = path(key);
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(p)))) {
            if (in.readInt() != MAGIC) throw new IOException("bad magic");
            int t = in.readInt(), c = in.readInt();
            float[][] mfcc = new float[t][c];
            float[] rms = new float[t], zcr = new float[t];
            for (int f = 0; f < t; f++) for (int j = 0; j < c; j++) mfcc[f][j] = in.readFloat();
            for (int f = 0; f < t; f++) rms[f] = in.readFloat();
            for (int f = 0; f < t; f++) zcr[f] = in.readFloat();
            hits.incrementAndGet();
            return new Features(mfcc, rms, zcr);
        } catch (NoSuchFileException e) {   // not cached yet: a miss, computed by the caller
            misses.incrementAndGet();
            return null;
        } catch (IOException e) { // truncated or corrupt: recompute
            misses.incrementAndGet();
            return null;
        }
    }

    public void put(String key, Features f) throws IOException {
        if (dir == null) return;
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            int t = f.frames(), c = t == 0 ? 0 : f.mfcc()[0].length;
            out.writeInt(MAGIC);
            out.writeInt(t);
            out.writeInt(c);
            for (float[] row : f.mfcc()) for (float v : row) out.writeFloat(v);
            for (float v : f.rms()) out.writeFloat(v);
            for (float v : f.zcr()) out.writeFloat(v);
        }
        AtomicFiles.write(path(key), bos.toByteArray());
    }

    /** Deletes every entry. */
    public void clear() throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Number of entries and bytes on disk. */
    public long[] size() throws IOException {
        if (dir == null || !Files.exists(dir)) return new long[] {0, 0};
        try (Stream<Path> s = Files.walk(dir)) {
            long[] r = {0, 0};
            s.filter(Files::isRegularFile).forEach(p -> { r[0]++; r[1] += p.toFile().length(); });
            return r;
        }
    }

    private Path path(String key) { return dir.resolve(key.substring(0, 2)).resolve(key + ".f32"); }

}
