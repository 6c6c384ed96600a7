package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.emoaugnet.audio.AudioFormatException;
import org.emoaugnet.audio.WavInfo;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.data.CorpusException;

/**
 * Rebuilds a corpus's 16 kHz copy from its public source ({@link PublicCorpus}: an archive or folder in the source's
 * layout): checks every source file against the committed list of their SHA-256 (missing, extra and differing files
 * each named, and nothing written, when they are not the listed ones), reads every header ({@link AudioAudit}: formats,
 * durations, whether the files were cut or padded to a length), converts each with
 * {@code sox -R in.wav -r 16000 -c 1 -b 16 out.wav} (see {@link Sox}) or copies it when it is 16 kHz already, keeping
 * the layout paths, into the target folder (staged and moved there when complete), checks every prepared file (16 kHz,
 * mono, 16-bit, as long as its original, as many as the originals) and compares them with the committed list of the
 * prepared files.
 */
public final class SourcePreparation {
    /** The rate of every prepared copy. */
    public static final int RATE = 16_000;
    /** How many lines of each kind of difference a report shows. */
    static final int SHOWN = 25;
    /** How far a prepared file's length may be from its original's at {@link #RATE} (rounding), in samples. */
    static final int LENGTH_TOLERANCE = 1;

    private final PublicCorpus corpus;
    private final ChecksumList originals;
    private final ChecksumList prepared;

    /** Against these lists (tests use lists of their own generated files). */
    public SourcePreparation(PublicCorpus corpus, ChecksumList originals, ChecksumList prepared) {
        this.corpus = corpus;
        this.originals = originals;
        this.prepared = prepared;
    }

    /** Against the corpus's committed lists. */
    public static SourcePreparation committed(PublicCorpus corpus) throws IOException {
        return new SourcePreparation(corpus, ChecksumList.committed(corpus.originals()), ChecksumList.committed(corpus.prepared()));
    }

    /**
     * The originals against the list, and what their headers say.
     *
     * @param corpus      the corpus's name
     * @param source      the archive or folder
     * @param comparison  their SHA-256 against the list
     * @param undecodable files that do not decode as WAV, each with the decoder's reason
     * @param headers     the header of every file that decodes, by layout path
     * @param audit       what those headers say
     */
    public record OriginalsCheck(String corpus, Path source, ChecksumList.Comparison comparison, List<String> undecodable,
                                 SortedMap<String, WavInfo> headers, AudioAudit audit) {
        public OriginalsCheck {
            undecodable = List.copyOf(undecodable);
            headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
        }

        public boolean matches() { return comparison.matches() && undecodable.isEmpty(); }

        public String text() {
            StringBuilder sb = new StringBuilder(corpus + " originals in " + source + ":\n  " + comparison.text(SHOWN).replace("\n  ", "\n    "));
            for (String u : undecodable.subList(0, Math.min(SHOWN, undecodable.size()))) sb.append("  does not decode: ").append(u).append('\n');
            if (undecodable.size() > SHOWN) sb.append("  ... and ").append(undecodable.size() - SHOWN).append(" more that do not decode\n");
            sb.append("  headers: ").append(audit.text().replace("\n", "\n    ").stripTrailing()).append('\n');
            return sb.toString();
        }
    }

    /**
     * A prepared copy.
     *
     * @param originals     the check of the originals (all identical, or there would be no copy)
     * @param out           the prepared folder
     * @param sox           the SoX that converted them (empty when they were copied)
     * @param soxWarnings   what SoX said, by layout path, for the files where it said anything (clipping in resampling)
     * @param preparedAudit what the prepared files' headers say (each checked: 16 kHz, mono, 16-bit, its original's length)
     * @param output        the prepared files against the committed list of the prepared files
     * @param preparedAre   what that list is
     */
    public record Result(OriginalsCheck originals, Path out, Optional<Sox> sox, Map<String, String> soxWarnings, AudioAudit preparedAudit,
                         ChecksumList.Comparison output, String preparedAre) {
        public Result {
            soxWarnings = Collections.unmodifiableSortedMap(new TreeMap<>(soxWarnings));
        }

        /** Byte-identical to the committed list of the prepared files. */
        public boolean identical() { return output.matches(); }

        public String text() {
            StringBuilder sb = new StringBuilder(originals.text());
            int n = output.identical().size() + output.differing().size() + output.extra().size();
            if (sox.isPresent()) {
                sb.append("converted with SoX ").append(sox.get().version()).append(" (").append(sox.get().executable()).append("): sox -R in.wav -r ")
                        .append(RATE).append(" -c 1 -b 16 out.wav, ").append(n).append(" files into ").append(out).append('\n');
                if (!sox.get().isCommittedVersion())
                    sb.append("  note: the committed lists were made with SoX ").append(Sox.COMMITTED_VERSION).append("; another version may resample differently\n");
            } else {
                sb.append("copied unchanged (").append(RATE / 1000).append(" kHz mono 16-bit already): ").append(n).append(" files into ").append(out).append('\n');
            }
            if (!soxWarnings.isEmpty()) {
                List<String> named = new ArrayList<>(soxWarnings.keySet());
                sb.append("  SoX warned (clipped samples) on ").append(named.size()).append(" file(s): ")
                        .append(String.join(", ", named.subList(0, Math.min(SHOWN, named.size()))))
                        .append(named.size() > SHOWN ? " and " + (named.size() - SHOWN) + " more" : "").append('\n');
            }
            sb.append("  checked: ").append(preparedAudit.text().replace("\n", "\n    ").stripTrailing())
                    .append("\n    each as long as its original (within ").append(LENGTH_TOLERANCE).append(" sample at ").append(RATE).append(" Hz)\n");
            sb.append("prepared files:\n  ").append(output.text(SHOWN).replace("\n  ", "\n    "));
            sb.append(identical() ? "=> byte-identical to " + preparedAre + "\n"
                    : "=> NOT byte-identical to " + preparedAre + " (differences above)\n");
            return sb.toString();
        }
    }

    /** Checks the originals in an archive or folder against the list and reads their headers. */
    public OriginalsCheck check(Path source) throws IOException {
        try (SourceTree src = SourceTree.open(source, corpus.layout())) {
            Path scratch = Files.createTempDirectory("emoaug-" + corpus.folder() + "-check");
            try {
                return check(src, scratch);
            } finally {
                Staging.delete(scratch);
            }
        }
    }

    private OriginalsCheck check(SourceTree src, Path scratch) throws IOException {
        if (src.files().isEmpty())
            throw new CorpusException(src.path() + ": no " + corpus.name() + " files (" + corpus.layoutExample() + ") in it");
        ChecksumList.Comparison c = originals.compare(src.sha256s());
        List<String> undecodable = new ArrayList<>();
        SortedMap<String, WavInfo> headers = new TreeMap<>();
        List<AudioAudit.Measured> measured = new ArrayList<>();
        for (String f : src.files()) {
            Path p = src.materialise(f, scratch);
            try {
                WavInfo i = WavReader.info(p);
                headers.put(f, i);
                measured.add(new AudioAudit.Measured(i, Files.size(p)));
            } catch (AudioFormatException e) {
                // collected, so that the report names every file that is not audio at all, not only the first
                undecodable.add(src.describe(f) + ": " + e.problem());
            } finally {
                if (src.copies()) Files.delete(p);
            }
        }
        return new OriginalsCheck(corpus.name(), src.path(), c, undecodable, headers, AudioAudit.of(measured));
    }

    /**
     * Checks the originals, converts (or copies) them into {@code out} (absent or empty; written in a staging folder
     * and moved there when complete), checks every prepared file and compares them with the committed list. The
     * originals must be the listed ones: otherwise, or without SoX where the corpus needs it, nothing is written and
     * the error says why.
     */
    public Result prepare(Path source, Path out, Optional<Sox> sox) throws IOException {
        try (SourceTree src = SourceTree.open(source, corpus.layout())) {
            Path staging = Staging.begin(out);
            Path scratch = Staging.scratch(out);
            boolean committed = false;
            try {
                OriginalsCheck check = check(src, scratch);
                if (!check.matches())
                    throw new CorpusException(check.text() + "these are not the " + corpus.name() + " originals of " + originals.name() + "; nothing converted");
                boolean convert = corpus.conversion() == PublicCorpus.Conversion.SOX_16K;
                if (convert && sox.isEmpty()) throw new CorpusException(check.text() + Sox.missingMessage());
                Map<String, String> warnings = new TreeMap<>();
                for (String f : src.files()) {
                    Path in = src.materialise(f, scratch);
                    Path target = staging.resolve(f);
                    Files.createDirectories(target.getParent());
                    if (convert) {
                        String said = sox.get().toMono16(in, target, RATE);
                        if (!said.isEmpty()) warnings.put(f, said);
                    } else {
                        Files.copy(in, target);
                    }
                    if (src.copies()) Files.delete(in);
                }
                AudioAudit audit;
                ChecksumList.Comparison output;
                try (SourceTree done = SourceTree.open(staging, corpus.layout())) {
                    audit = requirePrepared(check, done);
                    output = prepared.compare(done.sha256s());
                }
                Staging.commit(staging, out);
                committed = true;
                return new Result(check, out, convert ? sox : Optional.empty(), warnings, audit, output, corpus.preparedAre());
            } finally {
                if (!committed) Staging.delete(staging);
                Staging.delete(scratch);
            }
        }
    }

    /**
     * Every prepared file is 16 kHz mono 16-bit PCM and as long as its original at 16 kHz, and there are as many as
     * originals; otherwise an error naming each file and its problem (the conversion went wrong: nothing is kept).
     */
    private AudioAudit requirePrepared(OriginalsCheck check, SourceTree done) throws IOException {
        List<String> problems = new ArrayList<>();
        List<AudioAudit.Measured> measured = new ArrayList<>();
        if (done.files().size() != check.headers().size())
            problems.add(done.files().size() + " prepared files from " + check.headers().size() + " originals");
        for (String f : done.files()) {
            Path p = done.materialise(f, done.path());
            WavInfo i = WavReader.info(p);
            measured.add(new AudioAudit.Measured(i, Files.size(p)));
            WavInfo o = check.headers().get(f);
            long expected = o == null ? -1 : Math.round(o.frames() * (double) RATE / o.sampleRate());
            if (i.sampleRate() != RATE || i.channels() != 1 || i.bitsPerSample() != 16 || i.floatingPoint())
                problems.add(f + ": " + i.sampleRate() + " Hz, " + i.channels() + " channel(s), " + i.encoding() + " instead of " + RATE + " Hz mono pcm16");
            else if (o == null)
                problems.add(f + ": has no original");
            else if (Math.abs(i.frames() - expected) > LENGTH_TOLERANCE)
                problems.add(f + ": " + i.frames() + " samples, its original's " + o.frames() + " at " + o.sampleRate() + " Hz give " + expected);
        }
        if (!problems.isEmpty())
            throw new CorpusException(corpus.name() + ": the prepared files are not what the conversion should give (nothing kept):\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(SHOWN, problems.size())))
                    + (problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : ""));
        return AudioAudit.of(measured);
    }
}
