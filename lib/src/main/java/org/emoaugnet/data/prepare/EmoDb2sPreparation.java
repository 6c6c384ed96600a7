package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.emoaugnet.audio.AudioFormatException;
import org.emoaugnet.audio.Resampler;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.data.CorpusException;
import org.emoaugnet.util.AtomicFiles;

/**
 * Builds an EmoDB 2-second derivative from the full corpus (the official {@code download.zip}, or it extracted:
 * {@code wav/SSTTTEV.wav}, 16 kHz) by the rule of the third-party derivative that the committed runs used: each
 * file mixed to mono, resampled to 22,050 Hz, then cut or zero-padded at its end to exactly 44,100 samples (2.000 s),
 * written as 16-bit PCM WAV.
 *
 * <p><b>Not byte-identical to the committed derivative.</b> Its maker's resampler (and rounding to 16 bits) is
 * unknown; this one uses the library's soxr-HQ-equivalent {@link Resampler} (librosa's default), and
 * {@link WavWriter}'s rounding. The names and count are those of the committed derivative; its SHA-256 list
 * ({@link ChecksumList#EMODB_2S}) is used to check the input's file names and to count (and report) how many
 * prepared files happen to be identical.
 */
public final class EmoDb2sPreparation {
    /** The layout of the full corpus and of the derivative. */
    public static final Pattern LAYOUT = PublicCorpus.EMODB.layout();
    /** The rate of the full corpus. */
    public static final int FULL_RATE = 16_000;
    /** The derivative's rate. */
    public static final int RATE = 22_050;
    /** The derivative's length of every file: 2.000 s at {@link #RATE}. */
    public static final int SAMPLES = 44_100;
    private static final int SHOWN = 25;

    private final ChecksumList committedDerivative;

    /** Names and SHA-256 of the derivative to compare with (tests use lists of their own). */
    public EmoDb2sPreparation(ChecksumList committedDerivative) {
        this.committedDerivative = committedDerivative;
    }

    /** Against the committed third-party derivative. */
    public static EmoDb2sPreparation committed() throws IOException {
        return new EmoDb2sPreparation(ChecksumList.committed(ChecksumList.EMODB_2S));
    }

    /**
     * A prepared derivative.
     *
     * @param source         the full corpus (archive or folder)
     * @param out            the prepared folder
     * @param filesByRate    how many input files had each sample rate
     * @param cut            files longer than 2 s after resampling, cut at 2 s
     * @param padded         files shorter than 2 s after resampling, zero-padded to 2 s
     * @param againstCommitted the prepared files against the committed third-party derivative's SHA-256
     */
    public record Result(Path source, Path out, SortedMap<Integer, Integer> filesByRate, int cut, int padded,
                         ChecksumList.Comparison againstCommitted) {
        public Result {
            filesByRate = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(filesByRate));
        }

        public String text() {
            int n = cut + padded + exact();
            String rateNote = filesByRate.keySet().equals(java.util.Set.of(FULL_RATE)) ? ""
                    : "  note: EmoDB's download.zip holds " + FULL_RATE + " Hz files; this input is not it\n";
            return "EmoDB (full corpus) in " + source + ": " + n + " files, sample rate(s) " + filesByRate + " (Hz: files)\n" + rateNote
                    + "built the 2-second derivative into " + out + ": mono, resampled to " + RATE + " Hz (the library's soxr-HQ-equivalent"
                    + " resampler), cut (" + cut + ") or zero-padded (" + padded + ") to " + SAMPLES + " samples, 16-bit PCM\n"
                    + "  against the committed third-party derivative: " + againstCommitted.identical().size() + " of "
                    + againstCommitted.listed() + " files byte-identical\n"
                    + (againstCommitted.matches() ? "=> byte-identical to the derivative the committed runs used\n"
                    : "=> NOT byte-identical to the derivative the committed runs used: that derivative's resampler is unknown, so"
                    + " numbers on this copy can differ slightly from the committed ones, and runs on it are new runs (their data"
                    + " manifest differs)\n");
        }

        private int exact() {
            return filesByRate.values().stream().mapToInt(Integer::intValue).sum() - cut - padded;
        }
    }

    /** Builds the derivative from {@code source} into {@code out} (absent or empty; moved there when complete). */
    public Result prepare(Path source, Path out) throws IOException {
        try (SourceTree src = SourceTree.open(source, LAYOUT)) {
            requireListedNames(src);
            Path staging = Staging.begin(out);
            Path scratch = Staging.scratch(out);
            boolean committed = false;
            try {
                SortedMap<Integer, Integer> rates = new TreeMap<>();
                int cut = 0, padded = 0;
                List<String> bad = new ArrayList<>();
                for (String f : src.files()) {
                    Path in = src.materialise(f, scratch);
                    WavReader.Decoded d;
                    try {
                        d = WavReader.read(in);
                    } catch (AudioFormatException e) {
                        // collected, so that the error lists every bad file, not only the first
                        bad.add(src.describe(f) + ": " + e.problem());
                        continue;
                    } finally {
                        if (src.copies()) Files.delete(in);
                    }
                    rates.merge(d.info().sampleRate(), 1, Integer::sum);
                    float[] y = Resampler.resample(d.mono(), d.info().sampleRate(), RATE);
                    if (y.length > SAMPLES) cut++;
                    else if (y.length < SAMPLES) padded++;
                    byte[] wav = WavWriter.encode(new float[][] {Arrays.copyOf(y, SAMPLES)}, RATE, 16, false);
                    AtomicFiles.write(staging.resolve(f), wav);
                }
                if (!bad.isEmpty())
                    throw new CorpusException(src.path() + ": " + bad.size() + " file(s) do not decode as WAV:\n  " + String.join("\n  ", bad));
                ChecksumList.Comparison against;
                try (SourceTree done = SourceTree.open(staging, LAYOUT)) {
                    against = committedDerivative.compare(done.sha256s());
                }
                Staging.commit(staging, out);
                committed = true;
                return new Result(src.path(), out, rates, cut, padded, against);
            } finally {
                if (!committed) Staging.delete(staging);
                Staging.delete(scratch);
            }
        }
    }

    /** The input must hold exactly the derivative's files (by name): EmoDB's 535 recordings. */
    private void requireListedNames(SourceTree src) throws CorpusException {
        if (src.files().isEmpty()) throw new CorpusException(src.path() + ": no EmoDB files (wav/SSTTTEV.wav) in it");
        Map<String, String> names = new TreeMap<>();
        for (String f : src.files()) names.put(f, "");
        ChecksumList.Comparison c = committedDerivative.compare(names);
        if (!c.missing().isEmpty() || !c.extra().isEmpty()) {
            StringBuilder sb = new StringBuilder(src.path() + ": not the " + committedDerivative.size() + " EmoDB recordings of "
                    + committedDerivative.name() + " (" + c.missing().size() + " missing, " + c.extra().size() + " not listed)\n");
            c.missing().stream().limit(SHOWN).forEach(m -> sb.append("  missing: ").append(m).append('\n'));
            c.extra().stream().limit(SHOWN).forEach(m -> sb.append("  not listed: ").append(m).append('\n'));
            throw new CorpusException(sb.toString().stripTrailing());
        }
    }
}
