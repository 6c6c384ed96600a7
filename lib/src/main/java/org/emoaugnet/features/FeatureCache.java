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
import org.emoaugnet.features.FeatureConfig.Representation;
import org.emoaugnet.util.AtomicFiles;

/**
 * Features on disk, keyed by the SHA-256 of the audio file's bytes plus every extraction and augmentation
 * parameter (the feature spec's key, which names the representation unless it is the default MFCC/RMS/ZCR) and the
 * code version ({@link #CODE_VERSION}). Entries are written atomically, so an interrupted run
 * leaves only complete entries behind and the next run reuses them; a corrupt entry is recomputed. Shared by
 * notebooks, the CLI and experiments. {@link #clear()} (or {@code emoaug cache clear}) removes everything.
 */
public final class FeatureCache {
    /** Bump when extraction or augmentation code changes what it computes. */
    public static final String CODE_VERSION = "features-1";
    private static final int MAGIC = 0x454D4631; // "EMF1": MFCC, RMS, ZCR
    private static final int MAGIC_SEQUENCE = 0x454D4632; // "EMF2": a representation's [T][C] frame sequence

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

    /**
     * The cached features for {@code key}, or null (also when the entry holds another representation than
     * {@code expected}, which the key already rules out unless two keys collide).
     */
    public Features get(String key, Representation expected) {
        if (dir == null) { misses.incrementAndGet(); return null; }
        Path p = path(key);
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(p)))) {
            Features f = read(in);
            if (f.representation() != expected) throw new IOException("holds " + f.representation() + ", expected " + expected);
            hits.incrementAndGet();
            return f;
        } catch (NoSuchFileException e) {   // not cached yet: a miss, computed by the caller
            misses.incrementAndGet();
            return null;
        } catch (IOException e) { // truncated, corrupt or of another representation: recompute
            misses.incrementAndGet();
            return null;
        }
    }

    public void put(String key, Features f) throws IOException {
        if (dir == null) return;
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            write(out, f);
        }
        AtomicFiles.write(path(key), bos.toByteArray());
    }

    /**
     * The paper's features keep their original layout (magic EMF1, T, C, MFCC, RMS, ZCR), so that existing entries
     * stay valid; other representations are stored as magic EMF2, the representation's name, T, C and the
     * {@code [T][C]} frame sequence.
     */
    private static void write(DataOutputStream out, Features f) throws IOException {
        if (f instanceof Features.MfccRmsZcr m) {
            int t = m.frames(), c = m.nMfcc();
            out.writeInt(MAGIC);
            out.writeInt(t);
            out.writeInt(c);
            for (float[] row : m.mfcc()) for (float v : row) out.writeFloat(v);
            for (float v : m.rms()) out.writeFloat(v);
            for (float v : m.zcr()) out.writeFloat(v);
            return;
        }
        float[][] seq = f.sequence();
        out.writeInt(MAGIC_SEQUENCE);
        out.writeUTF(f.representation().name());
        out.writeInt(f.frames());
        out.writeInt(f.channels());
        for (float[] row : seq) for (float v : row) out.writeFloat(v);
    }

    private static Features read(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic == MAGIC) {
            int t = in.readInt(), c = in.readInt();
            float[][] mfcc = new float[t][c];
            float[] rms = new float[t], zcr = new float[t];
            for (int f = 0; f < t; f++) for (int j = 0; j < c; j++) mfcc[f][j] = in.readFloat();
            for (int f = 0; f < t; f++) rms[f] = in.readFloat();
            for (int f = 0; f < t; f++) zcr[f] = in.readFloat();
            return new Features.MfccRmsZcr(mfcc, rms, zcr);
        }
        if (magic != MAGIC_SEQUENCE) throw new IOException("bad magic");
        Representation r;
        try {
            r = Representation.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown representation: " + e.getMessage(), e);
        }
        int t = in.readInt(), c = in.readInt();
        float[][] seq = new float[t][c];
        for (int f = 0; f < t; f++) for (int j = 0; j < c; j++) seq[f][j] = in.readFloat();
        return switch (r) {
            case LOG_MEL -> new Features.LogMel(seq);
            case LOG_MEL_DELTAS -> {
                if (c % 3 != 0) throw new IOException(c + " channels are not three equal blocks");
                int n = c / 3;
                float[][] bands = new float[t][], d1 = new float[t][], d2 = new float[t][];
                for (int f = 0; f < t; f++) {
                    bands[f] = java.util.Arrays.copyOfRange(seq[f], 0, n);
                    d1[f] = java.util.Arrays.copyOfRange(seq[f], n, 2 * n);
                    d2[f] = java.util.Arrays.copyOfRange(seq[f], 2 * n, c);
                }
                yield new Features.LogMelDeltas(bands, d1, d2);
            }
            case MFCC_RMS_ZCR -> throw new IOException("MFCC/RMS/ZCR entries use the EMF1 layout");
        };
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
