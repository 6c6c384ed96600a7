package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.emoaugnet.data.CorpusException;

/**
 * A corpus in a zip archive, read in place. A truncated or damaged archive is an error naming it; an entry that
 * cannot be read back (bad CRC, cut short) is an error naming the archive and the entry.
 */
final class ZipSource implements SourceTree {
    private final Path archive;
    private final ZipFile zip;
    private final Map<String, String> inner;   // layout path -> entry name

    private ZipSource(Path archive, ZipFile zip, Map<String, String> inner) {
        this.archive = archive;
        this.zip = zip;
        this.inner = inner;
    }

    static ZipSource open(Path archive, Pattern layout) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (ZipException e) {
            CorpusException c = new CorpusException(archive + ": not a readable zip archive (truncated, damaged or not a zip file): " + e.getMessage());
            c.initCause(e);
            throw c;
        }
        try {
            Map<String, String> m = new TreeMap<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory()) continue;
                String lp = SourceTree.layoutPath(e.getName(), layout);
                if (lp != null) SourceTree.add(m, lp, e.getName(), archive);
            }
            return new ZipSource(archive, zip, m);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    @Override
    public Path path() { return archive; }

    @Override
    public List<String> files() { return List.copyOf(inner.keySet()); }

    @Override
    public String describe(String file) { return archive + "!" + entryName(file); }

    @Override
    public String sha256(String file) throws IOException { return ArchiveEntry.sha256(sink -> read(file, sink)); }

    @Override
    public Path materialise(String file, Path scratch) throws IOException { return ArchiveEntry.materialise(sink -> read(file, sink), scratch.resolve(file)); }

    /** Passes an entry's bytes to {@code sink}, checking them against the entry's CRC-32 (which ZipFile does not). */
    private void read(String file, ArchiveEntry.Sink sink) throws IOException {
        ZipEntry e = zip.getEntry(entryName(file));
        CRC32 crc = new CRC32();
        try (InputStream in = zip.getInputStream(e)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                sink.accept(buf, 0, n);
            }
        } catch (IOException x) {
            throw unreadable(file, x);
        }
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc())
            throw unreadable(file, new ZipException("CRC-32 " + Long.toHexString(crc.getValue()) + " instead of " + Long.toHexString(e.getCrc())));
    }


    @Override
    public boolean copies() { return true; }

    @Override
    public void close() throws IOException { zip.close(); }

    private String entryName(String file) {
        String name = inner.get(file);
        if (name == null) throw new IllegalArgumentException(archive + ": has no corpus file " + file);
        return name;
    }

    private CorpusException unreadable(String file, IOException e) {
        CorpusException c = new CorpusException(describe(file) + ": cannot be read from the archive (damaged or cut short): " + e.getMessage());
        c.initCause(e);
        return c;
    }
}
