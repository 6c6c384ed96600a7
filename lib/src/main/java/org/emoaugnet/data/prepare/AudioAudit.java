package org.emoaugnet.data.prepare;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.emoaugnet.audio.WavInfo;

/**
 * What the WAV headers of a corpus's files say, and whether the files look like recordings of their own length: the
 * EmoDB lesson (the copy the committed runs used turned out to be a third party's derivative, every file cut or
 * zero-padded to exactly 2.000 s). Recordings of speech vary in length file by file; a copy in which one length holds
 * a large share of the files ({@link #FIXED_LENGTH_SHARE} or more) was cut or padded to it, and {@link #text} says so.
 * Headers are judged by the bytes a file holds beyond its samples (44 for a plain RIFF/WAVE header).
 *
 * @param files          how many files were read
 * @param formats        files by format ({@code 44100 Hz mono pcm16}), sorted
 * @param minSeconds     the shortest file
 * @param medianSeconds  the median length (the lower middle one for an even count)
 * @param maxSeconds     the longest file
 * @param distinctLengths how many different lengths (in samples, at their rate) the files have
 * @param commonSeconds  the most common length (the shortest of those tied)
 * @param commonFiles    how many files have it
 * @param minOverhead    the fewest bytes a file holds beyond its samples (header and any other chunks)
 * @param maxOverhead    the most
 */
public record AudioAudit(int files, SortedMap<String, Integer> formats, double minSeconds, double medianSeconds, double maxSeconds,
                         int distinctLengths, double commonSeconds, int commonFiles, long minOverhead, long maxOverhead) {
    /** The share of files at one length from which a copy counts as cut or padded to it. */
    public static final double FIXED_LENGTH_SHARE = 0.10;
    /** The fewest bytes a RIFF/WAVE file holds beyond its samples (the plain 44-byte header). */
    public static final long MIN_OVERHEAD = 44;
    /** The most a plausible file holds beyond its samples (metadata chunks); more is not a plain recording. */
    public static final long MAX_OVERHEAD = 64 * 1024;

    public AudioAudit {
        formats = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(formats));
    }

    /** One file: its header and its size in bytes. */
    public record Measured(WavInfo info, long bytes) {
        long overhead() { return bytes - info.frames() * info.channels() * (info.bitsPerSample() / 8); }
    }

    /** The audit of these files (none: an audit of 0 files). */
    public static AudioAudit of(Collection<Measured> measured) {
        if (measured.isEmpty()) return new AudioAudit(0, new TreeMap<>(), 0, 0, 0, 0, 0, 0, 0, 0);
        SortedMap<String, Integer> formats = new TreeMap<>();
        Map<String, Integer> byLength = new HashMap<>();
        List<Double> seconds = measured.stream().map(m -> m.info().durationSeconds()).sorted().toList();
        long minOver = Long.MAX_VALUE, maxOver = Long.MIN_VALUE;
        for (Measured m : measured) {
            WavInfo i = m.info();
            formats.merge(i.sampleRate() + " Hz " + (i.channels() == 1 ? "mono" : i.channels() + " channels") + " " + i.encoding(), 1, Integer::sum);
            byLength.merge(i.frames() + "@" + i.sampleRate(), 1, Integer::sum);
            minOver = Math.min(minOver, m.overhead());
            maxOver = Math.max(maxOver, m.overhead());
        }
        int common = byLength.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        double commonSeconds = measured.stream().filter(m -> byLength.get(m.info().frames() + "@" + m.info().sampleRate()) == common)
                .mapToDouble(m -> m.info().durationSeconds()).min().orElseThrow();
        return new AudioAudit(measured.size(), formats, seconds.get(0), seconds.get((seconds.size() - 1) / 2), seconds.get(seconds.size() - 1),
                byLength.size(), commonSeconds, common, minOver, maxOver);
    }

    /** One length holds {@link #FIXED_LENGTH_SHARE} of the files or more (and at least 2): cut or padded clips. */
    public boolean fixedLength() { return commonFiles >= 2 && commonFiles >= FIXED_LENGTH_SHARE * files; }

    /** Every file holds between {@link #MIN_OVERHEAD} and {@link #MAX_OVERHEAD} bytes beyond its samples. */
    public boolean plausibleHeaders() { return files > 0 && minOverhead >= MIN_OVERHEAD && maxOverhead <= MAX_OVERHEAD; }

    /** Lines (each ending in a newline) saying what was found, with the verdicts. */
    public String text() {
        if (files == 0) return "no file decodes as WAV\n";
        StringBuilder sb = new StringBuilder();
        sb.append(files).append(" files, ").append(formats.size() == 1 ? formats.firstKey()
                : String.join(", ", formats.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
        sb.append(plausibleHeaders() ? "; headers plausible (" + range(minOverhead, maxOverhead) + " bytes beside the samples)"
                : "; UNUSUAL HEADERS: " + range(minOverhead, maxOverhead) + " bytes beside the samples (a plain header has " + MIN_OVERHEAD + ")");
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "durations %.3f-%.3f s (median %.3f s), %d distinct lengths; the most common, %.3f s, holds %d file(s)",
                minSeconds, maxSeconds, medianSeconds, distinctLengths, commonSeconds, commonFiles));
        sb.append(fixedLength()
                ? String.format(Locale.ROOT, ": FIXED LENGTH, %d of %d files exactly %.3f s: clips cut or padded to a length, not recordings of their own length%n",
                commonFiles, files, commonSeconds)
                : ": lengths vary, as recordings of their own length do\n");
        return sb.toString();
    }

    private static String range(long a, long b) { return a == b ? String.valueOf(a) : a + "-" + b; }
}
