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

    /** Generated SAVEE originals in the flat layout of robertjkeck2/EmoNet's {@code server/data/SAVEE/} (44.1 kHz mono 16-bit). */
    static final List<String> SAVEE = List.of("DC_a01.wav", "DC_n01.wav", "DC_n02.wav", "JE_sa01.wav", "JK_su01.wav", "KL_h01.wav");

    /** Generated URDU originals in the layout of siddiquelatif/URDU-Dataset (44.1 kHz mono 16-bit). */
    static final List<String> URDU = List.of("Angry/SM1_F1_A01.wav", "Angry/SM3_F1_A02.wav", "Happy/SF1_F1_H01.wav",
            "Neutral/SM3_F1_N01.wav", "Sad/SF10_F1_S01.wav");

    /** Generated EmoDB originals in the layout of the official download's {@code wav/} (16 kHz mono 16-bit). */
    static final List<String> EMODB = List.of("wav/03a01Fa.wav", "wav/08b02Tc.wav", "wav/16a04Wb.wav");

    /**
     * Writes mono 16-bit files of different lengths (0.3 s and up) at {@code rate} under {@code root} (layout paths as
     * given) and returns their checksum list, named {@code name}.
     */
    static ChecksumList writeMono(Path root, List<String> files, int rate, String name) throws IOException {
        Map<String, String> sha = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = root.resolve(files.get(i));
            Files.createDirectories(f.getParent());
            WavWriter.write(f, new float[][] {tone(rate, 0.3 + 0.07 * i, 150 + 30 * i, 100 + i)}, rate, 16, false);
            sha.put(files.get(i), Sha256.of(f));
        }
        return ChecksumList.of(name, sha);
    }

    /**
     * The 16 kHz list of {@code files} under {@code originals}, made with SoX run by hand exactly as the committed lists
     * were made ({@code sox -R in.wav -r 16000 -c 1 -b 16 out.wav}; not through the class under test), into {@code work}.
     */
    static ChecksumList soxByHand(Sox sox, Path originals, List<String> files, Path work, String name) throws IOException, InterruptedException {
        Map<String, String> sha = new TreeMap<>();
        for (String f : files) {
            Path out = work.resolve(f);
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder(sox.executable().toString(), "-R", originals.resolve(f).toString(), "-r", "16000", "-c", "1",
                    "-b", "16", out.toString()).inheritIO().start();
            if (p.waitFor() != 0) throw new IOException("sox by hand failed on " + f);
            sha.put(f, Sha256.of(out));
        }
        return ChecksumList.of(name, sha);
    }

    /**
     * Tars every file under {@code root} as {@code git archive} does (POSIX ustar; a pax global header with the commit
     * first; a folder entry before its files), entry names prefixed with {@code prefix}; a name longer than the ustar
     * field gets a pax {@code path} header. Gzip-compressed when {@code gzip}.
     */
    static Path tar(Path root, Path tar, String prefix, boolean gzip) throws IOException {
        List<Path> files;
        try (var s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        tarEntry(b, "pax_global_header", 'g', pax("comment", "63132ce8a8a258a188fdeb8b63ab1f19f03bcc3c"));
        java.util.Set<String> folders = new java.util.TreeSet<>();
        for (Path f : files) {
            String name = prefix + root.relativize(f).toString().replace('\\', '/');
            int slash = name.lastIndexOf('/');
            if (slash > 0 && folders.add(name.substring(0, slash + 1))) tarEntry(b, name.substring(0, slash + 1), '5', new byte[0]);
            tarEntry(b, name, '0', Files.readAllBytes(f));
        }
        b.write(new byte[1024]);
        byte[] bytes = b.toByteArray();
        if (gzip) {
            java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
            try (var g = new java.util.zip.GZIPOutputStream(z)) {
                g.write(bytes);
            }
            bytes = z.toByteArray();
        }
        Files.write(tar, bytes);
        return tar;
    }

    private static byte[] pax(String key, String value) {
        String rec = " " + key + "=" + value + "\n";
        int len = rec.length() + String.valueOf(rec.length()).length();
        if (String.valueOf(len).length() != String.valueOf(rec.length()).length()) len++;
        return (len + rec).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void tarEntry(java.io.ByteArrayOutputStream out, String name, char type, byte[] data) throws IOException {
        if (name.length() > 99) {   // too long for the ustar name field: a pax header names it, the field holds its end
            tarEntry(out, "PaxHeader", 'x', pax("path", name));
            name = name.substring(name.length() - 99);
        }
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, type == '5' ? "0000775" : "0000664");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, String.format("%011o", 1589077401L));
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        put(h, 265, "root");
        put(h, 297, "root");
        long sum = 0;
        for (byte x : h) sum += x & 0xff;
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, at, b.length);
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
