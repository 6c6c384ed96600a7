package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.emoaugnet.util.Sha256;

/** A corpus in a folder (an extracted archive, or a prepared corpus). */
final class FolderSource implements SourceTree {
    /** Deep enough for a corpus extracted a few folders down (a repository's data folder). */
    private static final int MAX_DEPTH = 8;

    private final Path root;
    private final Map<String, String> inner;   // layout path -> path relative to root

    private FolderSource(Path root, Map<String, String> inner) {
        this.root = root;
        this.inner = inner;
    }

    static FolderSource open(Path root, Pattern layout) throws IOException {
        Map<String, String> m = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
            String lp = SourceTree.layoutPath(rel, layout);
            if (lp != null) SourceTree.add(m, lp, rel, root);
        }
        return new FolderSource(root, m);
    }

    @Override
    public Path path() { return root; }

    @Override
    public List<String> files() { return List.copyOf(inner.keySet()); }

    @Override
    public String describe(String file) { return file(file).toString(); }

    @Override
    public String sha256(String file) throws IOException { return Sha256.of(file(file)); }

    @Override
    public Path materialise(String file, Path scratch) { return file(file); }

    @Override
    public boolean copies() { return false; }

    @Override
    public void close() {}

    private Path file(String file) {
        String rel = inner.get(file);
        if (rel == null) throw new IllegalArgumentException(root + ": has no corpus file " + file);
        return root.resolve(rel);
    }
}
