package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.data.CorpusException;

/**
 * SHA-256 of every file of a corpus tree, by path relative to the corpus folder ({@code Actor_01/03-01-…-01.wav}).
 * The text form is GNU coreutils' {@code sha256sum} output, one {@code <64 hex digits><two spaces><path>} line per
 * file, sorted by path, so that a reader can also check a folder with {@code sha256sum -c LIST} in it. Lines that
 * start with {@code #} are comments (as {@code sha256sum -c} reads them too): a committed list's header says where
 * its files come from and what was found in them.
 *
 * @param name          where the list comes from (for messages)
 * @param sha256ByPath  lower-case hex SHA-256 by relative path, sorted by path
 */
public record ChecksumList(String name, SortedMap<String, String> sha256ByPath) {
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](\\S.*)");
    /** The package's folder on the class path, where the committed lists are. */
    private static final String RESOURCES = "/org/emoaugnet/data/prepare/";

    /** The committed list of the 48 kHz RAVDESS originals (Zenodo 1188976, Audio_Speech_Actors_01-24.zip). */
    public static final String RAVDESS_ORIGINALS = "ravdess-48k.sha256";
    /** The committed list of the 16 kHz RAVDESS files that the committed runs used. */
    public static final String RAVDESS_16K = "ravdess-16k.sha256";
    /** The committed list of the third-party EmoDB 2-second derivative that the committed runs used. */
    public static final String EMODB_2S = "emodb-2s.sha256";
    /** The committed list of the 535 original 16 kHz EmoDB files ({@code wav/} of the official download). */
    public static final String EMODB_ORIGINALS = "emodb-16k.sha256";
    /** The committed list of the 480 SAVEE originals (44.1 kHz) as GitHub {@code robertjkeck2/EmoNet} holds them at commit 63132ce. */
    public static final String SAVEE_ORIGINALS = "savee-44k.sha256";
    /** The committed list of the 16 kHz SAVEE files {@code corpus prepare --savee} makes from them. */
    public static final String SAVEE_16K = "savee-16k.sha256";
    /** The committed list of the 400 URDU originals (44.1 kHz) as the authors' GitHub {@code siddiquelatif/URDU-Dataset} holds them. */
    public static final String URDU_ORIGINALS = "urdu-44k.sha256";
    /** The committed list of the 16 kHz URDU files {@code corpus prepare --urdu} makes from them. */
    public static final String URDU_16K = "urdu-16k.sha256";

    public ChecksumList {
        sha256ByPath = Collections.unmodifiableSortedMap(new TreeMap<>(sha256ByPath));
    }

    /** A list of the given files (any map; kept sorted by path). */
    public static ChecksumList of(String name, Map<String, String> sha256ByPath) {
        return new ChecksumList(name, new TreeMap<>(sha256ByPath));
    }

    /** One of the committed lists (the constants of this class). */
    public static ChecksumList committed(String fileName) throws IOException {
        try (InputStream in = ChecksumList.class.getResourceAsStream(RESOURCES + fileName)) {
            if (in == null) throw new IOException("the committed checksum list " + RESOURCES + fileName + " is not on the class path");
            return parse(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static ChecksumList read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file));
    }

    /**
     * Parses {@code sha256sum} text; lines starting with {@code #} are comments. A malformed or repeated line is an
     * error naming the list and the line.
     */
    public static ChecksumList parse(String name, String text) throws CorpusException {
        TreeMap<String, String> m = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty() && i == lines.length - 1) break;
            if (l.startsWith("#")) continue;
            Matcher x = LINE.matcher(l);
            if (!x.matches())
                throw new CorpusException(name + " line " + (i + 1) + ": not '<SHA-256 in hex>  <path>': '" + l + "'");
            if (m.put(x.group(2), x.group(1).toLowerCase(java.util.Locale.ROOT)) != null)
                throw new CorpusException(name + " line " + (i + 1) + ": " + x.group(2) + " is listed twice");
        }
        return new ChecksumList(name, m);
    }

    /** The {@code sha256sum} text: one line per file, sorted by path. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sha256ByPath.forEach((p, h) -> sb.append(h).append("  ").append(p).append('\n'));
        return sb.toString();
    }

    public int size() { return sha256ByPath.size(); }

    /** The files found ({@code actual}, SHA-256 by relative path) against this list. */
    public Comparison compare(Map<String, String> actual) {
        List<String> identical = new ArrayList<>(), missing = new ArrayList<>(), extra = new ArrayList<>();
        List<Difference> differing = new ArrayList<>();
        sha256ByPath.forEach((p, h) -> {
            String a = actual.get(p);
            if (a == null) missing.add(p);
            else if (a.equals(h)) identical.add(p);
            else differing.add(new Difference(p, h, a));
        });
        new TreeMap<>(actual).keySet().stream().filter(p -> !sha256ByPath.containsKey(p)).forEach(extra::add);
        return new Comparison(name, identical, missing, extra, differing);
    }

    /** A file whose content is not the listed one. */
    public record Difference(String path, String expectedSha256, String actualSha256) {}

    /**
     * Files found against a list.
     *
     * @param list      the list's name
     * @param identical listed files found with the listed content
     * @param missing   listed files not found
     * @param extra     files found that the list does not name
     * @param differing listed files found with other content
     */
    public record Comparison(String list, List<String> identical, List<String> missing, List<String> extra, List<Difference> differing) {
        public Comparison {
            identical = List.copyOf(identical);
            missing = List.copyOf(missing);
            extra = List.copyOf(extra);
            differing = List.copyOf(differing);
        }

        /** Every listed file found with its content, and nothing else. */
        public boolean matches() { return missing.isEmpty() && extra.isEmpty() && differing.isEmpty(); }

        public int listed() { return identical.size() + missing.size() + differing.size(); }

        /** One summary line, then up to {@code limit} lines for each kind of difference. */
        public String text(int limit) {
            StringBuilder sb = new StringBuilder();
            sb.append(identical.size()).append(" of ").append(listed()).append(" listed files byte-identical to ").append(list);
            if (!missing.isEmpty()) sb.append(", ").append(missing.size()).append(" missing");
            if (!differing.isEmpty()) sb.append(", ").append(differing.size()).append(" differing");
            if (!extra.isEmpty()) sb.append(", ").append(extra.size()).append(" not listed");
            sb.append('\n');
            lines(sb, "missing", missing, limit);
            lines(sb, "differing", differing.stream().map(d -> d.path() + " (SHA-256 " + d.actualSha256() + ", listed "
                    + d.expectedSha256() + ")").toList(), limit);
            lines(sb, "not listed", extra, limit);
            return sb.toString();
        }

        private static void lines(StringBuilder sb, String what, List<String> items, int limit) {
            for (int i = 0; i < Math.min(limit, items.size()); i++) sb.append("  ").append(what).append(": ").append(items.get(i)).append('\n');
            if (items.size() > limit) sb.append("  ... and ").append(items.size() - limit).append(" more ").append(what).append('\n');
        }
    }
}
