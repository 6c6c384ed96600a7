package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.util.Sha256;

/**
 * The files of a run folder and their SHA-256, as its record lists them ({@code file.<name>=<sha256>}): every regular
 * file directly in the folder except the record itself ({@value RunRecord#FILE}, and {@code record-v*.properties}
 * kept by migrations) and hidden files. Sub-folders (a kept network, {@code model/}) are not part of the record.
 * {@link #check} is what every reader of a run does before it uses a file: a listed file that is missing or hashes
 * otherwise, or a file the record does not list, is an error naming the file and both hashes.
 */
public final class RunFiles {
    /** The prefix of the record's file fields. */
    public static final String PREFIX = "file.";

    private RunFiles() {}

    /** Whether {@code name} is a file of the run that its record lists. */
    static boolean listed(String name) {
        return !name.startsWith(".") && !name.equals(RunRecord.FILE) && !(name.startsWith("record-v") && name.endsWith(".properties"));
    }

    /** The SHA-256 of every listed file in {@code dir}, by name. */
    public static Map<String, String> hash(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path f : files(dir)) out.put(f.getFileName().toString(), Sha256.of(f));
        return out;
    }

    /** The listed files in {@code dir}, sorted by name. */
    static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(f -> listed(f.getFileName().toString())).sorted().forEach(out::add);
        }
        return out;
    }

    /**
     * Checks the files of {@code dir} against {@code recorded} (name to SHA-256): each listed file exists and hashes to
     * its recorded value, and no other file is there.
     *
     * @throws IOException naming the first file that differs, with both hashes
     */
    public static void check(Path dir, Map<String, String> recorded) throws IOException {
        for (var e : recorded.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f))
                throw new IOException(f + ": missing, but the run record lists it (SHA-256 " + e.getValue() + ")");
            same(f, e.getValue());
        }
        for (Path f : files(dir))
            if (!recorded.containsKey(f.getFileName().toString()))
                throw new IOException(f + ": not listed in the run record " + dir.resolve(RunRecord.FILE) + " (added after the run was recorded)");
    }

    /** Checks one file of a run folder against its record, when the folder has a record of the current format listing it. */
    public static void checkOne(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !RunRecord.finished(dir)) return;
        Map<String, String> m = RunRecord.load(dir);
        if (!RunRecord.FORMAT.equals(m.get("format"))) return;
        String name = file.getFileName().toString(), recorded = m.get(PREFIX + name);
        if (recorded == null) throw new IOException(file + ": not listed in the run record " + dir.resolve(RunRecord.FILE));
        same(file, recorded);
    }

    /** Fails naming {@code f} and both hashes unless it hashes to {@code recorded}. */
    static void same(Path f, String recorded) throws IOException {
        String now = Sha256.of(f);
        if (!now.equals(recorded))
            throw new IOException(f + ": changed since the run was recorded: its SHA-256 is " + now + ", the record "
                    + f.toAbsolutePath().getParent().resolve(RunRecord.FILE) + " says " + recorded);
    }
}
