package org.emoaugnet.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link AudioLoader#load(Path, int, double, double)} kept in memory: the studies load the same recordings once per
 * recipe, variant and degradation, and decoding plus resampling is a large share of extracting features on a cold
 * cache. Entries are keyed by the file (absolute path, size, modification time) and the request (rate, offset,
 * duration), so an edited file is read again; the least recently used go once the samples held exceed the bound
 * (an eighth of the heap, at most 512 MB). Callers get their own copy. Thread-safe.
 */
public final class AudioMemo {
    private static final long MAX_SAMPLES = Math.min(Runtime.getRuntime().maxMemory() / 8, 512L << 20) / Float.BYTES;

    private record Key(Path file, long size, long modified, int rate, double offset, double duration) {}

    private static final LinkedHashMap<Key, float[]> HELD = new LinkedHashMap<>(64, 0.75f, true);
    private static long held;   // samples in HELD

    private AudioMemo() {}

    /** The same samples as {@link AudioLoader#load(Path, int, double, double)}, from memory when held. */
    public static float[] load(Path file, int rate, double offset, double duration) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) return AudioLoader.load(file, rate, offset, duration);   // its error names the file and the problem
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        Key key = new Key(abs, a.size(), a.lastModifiedTime().toMillis(), rate, offset, duration);
        synchronized (HELD) {
            float[] y = HELD.get(key);
            if (y != null) return y.clone();
        }
        float[] y = AudioLoader.load(file, rate, offset, duration);
        if (y.length <= MAX_SAMPLES / 4) {
            synchronized (HELD) {
                if (HELD.put(key, y.clone()) == null) held += y.length;
                for (Iterator<float[]> it = HELD.values().iterator(); held > MAX_SAMPLES && it.hasNext(); ) {
                    held -= it.next().length;
                    it.remove();
                }
            }
        }
        return y;
    }
}
