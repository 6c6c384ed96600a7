package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.util.Sha256;

/** Small generated corpora in the layouts of the public downloads, with their own checksum lists. */
final class GeneratedOriginals {
    private GeneratedOriginals() {}

    /** Generated RAVDESS originals (48 kHz, 16-bit; the third one dual-mono stereo like 5 of the real ones). */
    static final List<String> RAVDESS = List.of("Actor_01/03-01-01-01-01-01-01.wav", "Actor_01/03-01-05-02-01-02-01.wav",
            "Actor_02/03-01-02-01-01-02-02.wav", "Actor_02/03-01-08-02-02-01-02.wav");

    /** Writes the files under {@code root} (layout paths as given) and returns their checksum list. */
    static ChecksumList writeRavdess(Path root) throws IOException {
        Map<String, String> sha = new TreeMap<>();
        for (int i = 0; i < RAVDESS.size(); i++) {
            float[] x = tone(48_000, 0.5 + 0.1 * i, 180 + 40 * i, i);
            float[][] channels = i == 2 ? new float[][] {x, x.clone()} : new float[][] {x};
            Path f = root.resolve(RAVDESS.get(i));
            Files.createDirectories(f.getParent());
            WavWriter.write(f, channels, 48_000, 16, false);
            sha.put(RAVDESS.get(i), Sha256.of(f));
        }
        return ChecksumList.of("generated-48k", sha);
    }

    /** A seeded harmonic tone with a little noise: audio the resampler and the dither have something to do with. */
    static float[] tone(int rate, double seconds, double f0, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int n = 0; n < x.length; n++) {
            double t = (double) n / rate;
            x[n] = (float) (0.3 * Math.sin(2 * Math.PI * f0 * t) + 0.1 * Math.sin(2 * Math.PI * 3 * f0 * t) + 0.01 * r.nextGaussian());
        }
        return x;
    }

    /** Zips every file under {@code root} (entry names relative to it, prefixed with {@code prefix}), stored or deflated. */
    static Path zip(Path root, Path zip, String prefix, boolean deflate) throws IOException {
        List<Path> files;
        try (var s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            z.setLevel(deflate ? 6 : 0);
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(prefix + root.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return zip;
    }
}
