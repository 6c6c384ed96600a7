package org.emoaugnet.publish;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Compares regenerated results with the committed ones: every table ({@code .csv}) cell by cell and every figure
 * ({@code .png}) pixel by pixel, for the files both folders hold under the same relative path (run folders aside).
 * Used by {@code emoaug results compare} after re-executing the notebooks into a scratch folder (the main job's
 * default), so a stale committed number shows up as a listed difference.
 */
public final class Regeneration {
    private Regeneration() {}

    /** One compared file: its path relative to the results folders, and the differences (empty: identical). */
    public record FileDiff(String path, List<String> differences) {
        public boolean same() { return differences.isEmpty(); }
    }

    /** What a comparison found: the compared files, and the files only one side has. */
    public record Report(List<FileDiff> compared, List<String> onlyCommitted, List<String> onlyRegenerated) {
        public List<FileDiff> differing() { return compared.stream().filter(d -> !d.same()).toList(); }

        /** {@link #text(int, boolean)} with long lists of one-sided files summarised by folder. */
        public String text(int perFile) { return text(perFile, false); }

        /**
         * A plain summary with every difference (at most {@code perFile} lines per file), then the files only one side
         * has: each named when {@code listAll} or when they are at most {@link Regeneration#LISTED}, else counted by top-level folder
         * (a regenerated folder that holds only some notebooks' outputs lacks many committed files, and a hundred lines of
         * them would bury the differences).
         */
        public String text(int perFile, boolean listAll) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%d file(s) compared: %d identical, %d differ; %d only committed, %d only regenerated%n",
                    compared.size(), compared.size() - differing().size(), differing().size(), onlyCommitted.size(), onlyRegenerated.size()));
            for (FileDiff d : differing()) {
                sb.append("DIFFERS ").append(d.path()).append('\n');
                d.differences().stream().limit(perFile).forEach(l -> sb.append("  ").append(l).append('\n'));
                if (d.differences().size() > perFile) sb.append("  ... ").append(d.differences().size() - perFile).append(" more\n");
            }
            oneSided(sb, "only committed", onlyCommitted, listAll);
            oneSided(sb, "only regenerated", onlyRegenerated, listAll);
            return sb.toString();
        }

        private static void oneSided(StringBuilder sb, String label, List<String> files, boolean listAll) {
            if (listAll || files.size() <= LISTED) {
                files.forEach(p -> sb.append(label).append(": ").append(p).append('\n'));
                return;
            }
            java.util.Map<String, Integer> byFolder = new java.util.TreeMap<>();
            for (String p : files) byFolder.merge(p.contains("/") ? p.substring(0, p.indexOf('/') + 1) : "(top level)", 1, Integer::sum);
            sb.append(label).append(": ").append(files.size()).append(" files (each listed with --all):");
            byFolder.forEach((folder, n) -> sb.append(' ').append(folder).append(' ').append(n).append(','));
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
    }

    /** One-sided files named one by one up to this many (of each side); more are counted by folder. */
    public static final int LISTED = 10;

    /** Compares the tables and figures of {@code regenerated} with those of {@code committed}, exactly. */
    public static Report compare(Path committed, Path regenerated) throws IOException { return compare(committed, regenerated, 0); }

    /**
     * Compares the tables and figures of {@code regenerated} with those of {@code committed}; numeric cells may differ
     * by {@code tolerance} × max(1, |committed value|) (0: the text must be identical).
     */
    public static Report compare(Path committed, Path regenerated, double tolerance) throws IOException {
        List<String> a = files(committed), b = files(regenerated);
        List<FileDiff> compared = new ArrayList<>();
        List<String> onlyA = new ArrayList<>(), onlyB = new ArrayList<>();
        for (String p : a) {
            if (!b.contains(p)) { onlyA.add(p); continue; }
            compared.add(new FileDiff(p, p.endsWith(".png") ? pixels(committed.resolve(p), regenerated.resolve(p))
                    : cells(committed.resolve(p), regenerated.resolve(p), tolerance)));
        }
        for (String p : b) if (!a.contains(p)) onlyB.add(p);
        return new Report(compared, onlyA, onlyB);
    }

    static List<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("runs/") && (p.endsWith(".csv") || p.endsWith(".png"))).sorted().toList();
        }
    }

    /** Cell-by-cell differences of two CSV files (as text: a number written differently is a difference). */
    static List<String> cells(Path a, Path b, double tolerance) throws IOException {
        List<String> la = Files.readAllLines(a), lb = Files.readAllLines(b), out = new ArrayList<>();
        if (la.size() != lb.size()) out.add("rows: " + (la.size() - 1) + " committed, " + (lb.size() - 1) + " regenerated");
        String[] head = la.isEmpty() ? new String[0] : la.get(0).split(",", -1);
        for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
            if (la.get(i).equals(lb.get(i))) continue;
            String[] x = la.get(i).split(",", -1), y = lb.get(i).split(",", -1);
            if (x.length != y.length) { out.add("line " + (i + 1) + ": '" + la.get(i) + "' -> '" + lb.get(i) + "'"); continue; }
            for (int c = 0; c < x.length; c++)
                if (!x[c].equals(y[c]) && !close(x[c], y[c], tolerance)) out.add(String.format(Locale.ROOT, "line %d, %s: %s -> %s", i + 1, c < head.length ? head[c] : "column " + (c + 1), x[c], y[c]));
        }
        return out;
    }

    private static boolean close(String a, String b, double tolerance) {
        if (tolerance <= 0) return false;
        try {
            double x = Double.parseDouble(a), y = Double.parseDouble(b);
            return Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x));
        } catch (NumberFormatException e) {
            return false;   // not both numbers: text cells match only when equal, which the caller has already checked
        }
    }

    /** Size and pixel differences of two PNG files. */
    static List<String> pixels(Path a, Path b) throws IOException {
        BufferedImage x = ImageIO.read(a.toFile()), y = ImageIO.read(b.toFile());
        if (x == null || y == null) return List.of("not a readable PNG");
        if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight())
            return List.of("size " + x.getWidth() + "x" + x.getHeight() + " -> " + y.getWidth() + "x" + y.getHeight());
        long n = 0;
        for (int i = 0; i < x.getWidth(); i++)
            for (int j = 0; j < x.getHeight(); j++) if (x.getRGB(i, j) != y.getRGB(i, j)) n++;
        return n == 0 ? List.of() : List.of(String.format(Locale.ROOT, "%d of %d pixels differ (%.2f %%)", n, (long) x.getWidth() * x.getHeight(),
                100.0 * n / ((long) x.getWidth() * x.getHeight())));
    }
}
