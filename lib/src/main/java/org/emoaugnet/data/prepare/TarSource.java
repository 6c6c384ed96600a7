package org.emoaugnet.data.prepare;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.emoaugnet.data.CorpusException;

/**
 * A corpus in a tar archive, as {@code git archive} writes one (POSIX ustar with pax headers) or GitHub serves one
 * gzip-compressed ({@code .tar.gz}); GNU long names are read too. A plain tar is read in place; a compressed one is
 * first decompressed into a temporary file (deleted on {@link #close}), since its entries cannot be reached otherwise
 * without reading it from the start. A header whose checksum is wrong, or an archive cut short, is an error naming
 * the archive and where.
 */
final class TarSource implements SourceTree {
    private static final int BLOCK = 512;

    private final Path archive;
    private final Path plain;        // the uncompressed tar: the archive itself, or a temporary copy
    private final FileChannel channel;
    private final Map<String, Entry> inner;   // layout path -> entry

    private record Entry(String name, long offset, long size) {}

    private TarSource(Path archive, Path plain, FileChannel channel, Map<String, Entry> inner) {
        this.archive = archive;
        this.plain = plain;
        this.channel = channel;
        this.inner = inner;
    }

    /** Whether the first bytes of a file are those of a tar archive (ustar magic at 257) or of gzip data. */
    static boolean looksLikeTar(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return true;
        return head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    static TarSource open(Path archive, Pattern layout) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(archive)) {
            head = in.readNBytes(2);
        }
        boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        Path plain = gzip ? gunzip(archive) : archive;
        FileChannel ch = null;
        try {
            ch = FileChannel.open(plain, StandardOpenOption.READ);
            Map<String, Entry> m = new TreeMap<>();
            Map<String, String> names = new TreeMap<>();
            for (Entry e : entries(archive, ch)) {
                String lp = SourceTree.layoutPath(e.name(), layout);
                if (lp == null) continue;
                SourceTree.add(names, lp, e.name(), archive);
                m.put(lp, e);
            }
            return new TarSource(archive, plain, ch, m);
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            if (gzip) Files.deleteIfExists(plain);
            throw e;
        }
    }

    private static Path gunzip(Path archive) throws IOException {
        Path tmp = Files.createTempFile("emoaug-source-", ".tar");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16); OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            CorpusException c = new CorpusException(archive + ": not a readable gzip-compressed archive (truncated or damaged): " + e.getMessage());
            c.initCause(e);
            throw c;
        }
        return tmp;
    }

    /** The regular files of the archive, with their data's place, in archive order. */
    private static List<Entry> entries(Path archive, FileChannel ch) throws IOException {
        List<Entry> out = new java.util.ArrayList<>();
        long pos = 0, length = ch.size();
        String longName = null, paxPath = null;
        Long paxSize = null;
        while (true) {
            if (pos + BLOCK > length) throw damaged(archive, "cut short at byte " + pos + " (no end-of-archive blocks)");
            byte[] h = read(ch, pos, BLOCK);
            if (allZero(h)) return out;   // the end-of-archive block
            if (checksum(h) != octal(h, 148, 8))
                throw damaged(archive, "the header at byte " + pos + " has a wrong checksum (damaged, or not a tar archive)");
            char type = (char) h[156];
            long size = paxSize != null && (type == '0' || type == 0) ? paxSize : size(h);
            long data = pos + BLOCK;
            if (data + size > length) throw damaged(archive, "cut short in the entry at byte " + pos);
            switch (type) {
                case 'L' -> longName = cString(read(ch, data, (int) size), 0, (int) size);
                case 'x' -> {
                    Map<String, String> pax = pax(read(ch, data, (int) size));
                    paxPath = pax.get("path");
                    paxSize = pax.containsKey("size") ? Long.parseLong(pax.get("size")) : null;
                }
                case 'g', 'K' -> { /* a global pax header or a GNU long link name: nothing a corpus file needs */ }
                default -> {
                    // a folder, a link or a file: the long name or pax header before it was its own
                    String name = paxPath != null ? paxPath : longName != null ? longName : ustarName(h);
                    if (type == '0' || type == 0 || type == '7') out.add(new Entry(name, data, size));
                    longName = null;
                    paxPath = null;
                    paxSize = null;
                }
            }
            pos = data + (size + BLOCK - 1) / BLOCK * BLOCK;
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Records {@code "<length> <key>=<value>\n"}. */
    private static Map<String, String> pax(byte[] b) {
        Map<String, String> m = new TreeMap<>();
        int i = 0;
        while (i < b.length && b[i] != 0) {
            int sp = i;
            while (sp < b.length && b[sp] != ' ') sp++;
            int len = Integer.parseInt(new String(b, i, sp - i, StandardCharsets.US_ASCII));
            String rec = new String(b, sp + 1, i + len - sp - 2, StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            m.put(rec.substring(0, eq), rec.substring(eq + 1));
            i += len;
        }
        return m;
    }

    private static long size(byte[] h) {
        if ((h[124] & 0x80) != 0) {   // base-256 (GNU) for sizes of 8 GiB and more
            long v = 0;
            for (int i = 125; i < 136; i++) v = (v << 8) | (h[i] & 0xff);
            return v;
        }
        return octal(h, 124, 12);
    }

    private static long octal(byte[] h, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') { if (v > 0) break; else continue; }
            if (b < '0' || b > '7') return -1;
            v = v * 8 + (b - '0');
        }
        return v;
    }

    private static long checksum(byte[] h) {
        long s = 0;
        for (int i = 0; i < BLOCK; i++) s += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        return s;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static byte[] read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) throw new EOFException("end of file at byte " + (pos + buf.position()));
        }
        return buf.array();
    }

    private static CorpusException damaged(Path archive, String what) {
        return new CorpusException(archive + ": not a readable tar archive: " + what);
    }

    @Override
    public Path path() { return archive; }

    @Override
    public List<String> files() { return List.copyOf(inner.keySet()); }

    @Override
    public String describe(String file) { return archive + "!" + entry(file).name(); }

    @Override
    public String sha256(String file) throws IOException { return ArchiveEntry.sha256(sink -> copy(file, sink)); }

    @Override
    public Path materialise(String file, Path scratch) throws IOException { return ArchiveEntry.materialise(sink -> copy(file, sink), scratch.resolve(file)); }


    private void copy(String file, ArchiveEntry.Sink sink) throws IOException {
        Entry e = entry(file);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (long done = 0; done < e.size(); ) {
            buf.clear().limit((int) Math.min(buf.capacity(), e.size() - done));
            int n = channel.read(buf, e.offset() + done);
            if (n < 0) throw damaged(archive, describe(file) + " is cut short");
            sink.accept(buf.array(), 0, n);
            done += n;
        }
    }

    @Override
    public boolean copies() { return true; }

    @Override
    public void close() throws IOException {
        channel.close();
        if (!plain.equals(archive)) Files.deleteIfExists(plain);
    }

    private Entry entry(String file) {
        Entry e = inner.get(file);
        if (e == null) throw new IllegalArgumentException(archive + ": has no corpus file " + file);
        return e;
    }
}
