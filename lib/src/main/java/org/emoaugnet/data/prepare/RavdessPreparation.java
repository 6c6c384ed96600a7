package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.emoaugnet.audio.AudioFormatException;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.data.CorpusException;

/**
 * Rebuilds the 16 kHz RAVDESS copy that the committed runs used from the 48 kHz originals a user downloaded
 * (Zenodo record 1188976, {@code Audio_Speech_Actors_01-24.zip}, or that archive extracted): checks the originals
 * against the committed list of their SHA-256 ({@link ChecksumList#RAVDESS_ORIGINALS}), converts each with
 * {@code sox -R in.wav -r 16000 -c 1 -b 16 out.wav} (see {@link Sox}) into the target folder, keeping the
 * {@code Actor_XX/} layout, and checks the result against the committed list of the 16 kHz files
 * ({@link ChecksumList#RAVDESS_16K}).
 */
public final class RavdessPreparation {
    /** The layout of the originals and of the prepared copy. */
    public static final Pattern LAYOUT = Pattern.compile("Actor_\\d\\d/[^/]+\\.(?i:wav)");
    /** The rate of the prepared copy. */
    public static final int RATE = 16_000;
    /** How many lines of each kind of difference a report shows. */
    private static final int SHOWN = 25;

    private final ChecksumList originals;
    private final ChecksumList converted;

    /** Against these lists (tests use lists of their own generated files). */
    public RavdessPreparation(ChecksumList originals, ChecksumList converted) {
        this.originals = originals;
        this.converted = converted;
    }

    /** Against the committed lists. */
    public static RavdessPreparation committed() throws IOException {
        return new RavdessPreparation(ChecksumList.committed(ChecksumList.RAVDESS_ORIGINALS), ChecksumList.committed(ChecksumList.RAVDESS_16K));
    }

    /**
     * The originals against the list.
     *
     * @param source      the archive or folder
     * @param comparison  their SHA-256 against the list
     * @param undecodable differing or unlisted files that do not decode as WAV, each with the decoder's reason
     */
    public record OriginalsCheck(Path source, ChecksumList.Comparison comparison, List<String> undecodable) {
        public OriginalsCheck {
            undecodable = List.copyOf(undecodable);
        }

        public boolean matches() { return comparison.matches(); }

        public String text() {
            StringBuilder sb = new StringBuilder("RAVDESS originals in " + source + ":\n  " + comparison.text(SHOWN).replace("\n  ", "\n    "));
            for (String u : undecodable) sb.append("  does not decode: ").append(u).append('\n');
            return sb.toString();
        }
    }

    /**
     * A prepared copy.
     *
     * @param originals   the check of the originals (all identical, or there would be no copy)
     * @param out         the prepared folder
     * @param sox         the SoX that converted them
     * @param soxWarnings what SoX said, by layout path, for the files where it said anything (clipping in resampling)
     * @param output      the prepared files against the list of the committed runs' 16 kHz files
     */
    public record Result(OriginalsCheck originals, Path out, Sox sox, Map<String, String> soxWarnings, ChecksumList.Comparison output) {
        public Result {
            soxWarnings = Map.copyOf(soxWarnings);
        }

        /** Byte-identical to the 16 kHz files of the committed runs. */
        public boolean identical() { return output.matches(); }

        public String text() {
            StringBuilder sb = new StringBuilder(originals.text());
            sb.append("converted with SoX ").append(sox.version()).append(" (").append(sox.executable()).append("): sox -R in.wav -r ")
                    .append(RATE).append(" -c 1 -b 16 out.wav, ").append(output.identical().size() + output.differing().size() + output.extra().size())
                    .append(" files into ").append(out).append('\n');
            if (!sox.isCommittedVersion())
                sb.append("  note: the committed copy was made with SoX ").append(Sox.COMMITTED_VERSION).append("; another version may resample differently\n");
            if (!soxWarnings.isEmpty())
                sb.append("  SoX warned (clipped samples) on ").append(soxWarnings.size()).append(" file(s): ")
                        .append(String.join(", ", new java.util.TreeSet<>(soxWarnings.keySet()))).append('\n');
            sb.append("prepared files:\n  ").append(output.text(SHOWN).replace("\n  ", "\n    "));
            sb.append(identical() ? "=> byte-identical to the 16 kHz files the committed runs used\n"
                    : "=> NOT byte-identical to the 16 kHz files the committed runs used (differences above)\n");
            return sb.toString();
        }
    }

    /** Checks the originals in an archive or folder against the list. */
    public OriginalsCheck check(Path source) throws IOException {
        try (SourceTree src = SourceTree.open(source, LAYOUT)) {
            Path scratch = Files.createTempDirectory("emoaug-ravdess-check");
            try {
                return check(src, scratch);
            } finally {
                Staging.delete(scratch);
            }
        }
    }

    private OriginalsCheck check(SourceTree src, Path scratch) throws IOException {
        if (src.files().isEmpty())
            throw new CorpusException(src.path() + ": no RAVDESS files (Actor_XX/03-01-EE-II-SS-RR-AA.wav) in it");
        ChecksumList.Comparison c = originals.compare(src.sha256s());
        List<String> suspects = new ArrayList<>(c.extra());
        c.differing().forEach(d -> suspects.add(d.path()));
        List<String> undecodable = new ArrayList<>();
        for (String f : suspects) {
            Path p = src.materialise(f, scratch);
            try {
                WavReader.read(p);
            } catch (AudioFormatException e) {
                // the point of this read: say why a file differs when it is not audio at all
                undecodable.add(src.describe(f) + ": " + e.problem());
            } finally {
                if (src.copies()) Files.delete(p);
            }
        }
        return new OriginalsCheck(src.path(), c, undecodable);
    }

    /**
     * Checks the originals, converts them into {@code out} (absent or empty; written in a staging folder and moved
     * there when complete) and checks the result. The originals must be the listed ones: otherwise, or without SoX,
     * nothing is written and the error says why.
     */
    public Result prepare(Path source, Path out, Optional<Sox> sox) throws IOException {
        try (SourceTree src = SourceTree.open(source, LAYOUT)) {
            Path staging = Staging.begin(out);
            Path scratch = Staging.scratch(out);
            boolean committed = false;
            try {
                OriginalsCheck check = check(src, scratch);
                if (!check.matches())
                    throw new CorpusException(check.text() + "these are not the originals the committed 16 kHz copy was made from; nothing converted");
                if (sox.isEmpty()) throw new CorpusException(check.text() + Sox.missingMessage());
                Map<String, String> warnings = new java.util.TreeMap<>();
                for (String f : src.files()) {
                    Path in = src.materialise(f, scratch);
                    Path target = staging.resolve(f);
                    Files.createDirectories(target.getParent());
                    String said = sox.get().toMono16(in, target, RATE);
                    if (!said.isEmpty()) warnings.put(f, said);
                    if (src.copies()) Files.delete(in);
                }
                ChecksumList.Comparison output;
                try (SourceTree done = SourceTree.open(staging, LAYOUT)) {
                    output = converted.compare(done.sha256s());
                }
                Staging.commit(staging, out);
                committed = true;
                return new Result(check, out, sox.get(), warnings, output);
            } finally {
                if (!committed) Staging.delete(staging);
                Staging.delete(scratch);
            }
        }
    }
}
