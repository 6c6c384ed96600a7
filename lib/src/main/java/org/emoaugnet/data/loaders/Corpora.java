package org.emoaugnet.data.loaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.CorpusException;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.PublishedFoldSet;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.SplitDiagnostics;
import org.emoaugnet.data.SplitReport;
import java.util.Map;
import tech.tablesaw.api.Table;
import org.emoaugnet.data.synth.SyntheticCorpus;
import org.emoaugnet.util.ConfigValues;
import org.emoaugnet.util.ConfigurationException;
import org.emoaugnet.util.Settings;

/**
 * The corpus registry: finds corpora by their layout under a data folder and opens them (with no data folder
 * configured, the synthetic corpus is generated into the cache and used), and answers every per-corpus question
 * from the corpus's one definition ({@link CorpusLoader}): label table, default class set, speaker-independent folds,
 * display name, licence, the paper's claims.
 */
public final class Corpora {
    private Corpora() {}

    /** The definition of a corpus name ({@code emodb-2s} → EmoDB's). */
    public static CorpusLoader definition(String corpus) { return CorpusLoader.defining(corpus); }

    /** Every corpus name the definitions produce (derivatives included), longest first. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (CorpusLoader l : CorpusLoader.all()) out.addAll(l.names());
        out.sort(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()));
        return out;
    }

    /**
     * The speaker of an utterance key {@code <corpus>/<id>} (as prediction files name test items), by the corpus's
     * definition.
     *
     * @throws IllegalArgumentException when the key names no known corpus or its id has not that corpus's form
     */
    public static String speakerOfKey(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0) throw new IllegalArgumentException("'" + key + "' is not an utterance key <corpus>/<id>");
        String corpus = key.substring(0, slash);
        CorpusLoader l;
        try {
            l = definition(corpus);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("utterance key '" + key + "' names no known corpus", e);
        }
        return l.speakerOf(key.substring(slash + 1));
    }

    /** The class set a corpus is evaluated with unless an experiment names another. */
    public static ClassSet defaultClassSet(String corpus) { return definition(corpus).defaultClassSet(); }

    /** The corpus's label table (its labels → harmonised emotions). */
    public static Map<String, Emotion> labels(String corpus) { return definition(corpus).labels(); }

    /** The label table as a printable table. */
    public static Table labelTable(String corpus) { return LabelMaps.table(corpus, labels(corpus)); }

    /** The corpus's labels → emotions → classes of {@code cs}. */
    public static Table classTable(ClassSet cs, String corpus) { return cs.table(corpus, labels(corpus)); }

    /** The speaker-independent folds of a (class-filtered) corpus, by its definition's policy. */
    public static List<Fold> speakerIndependent(Corpus c, long seed) { return definition(c.name()).speakerIndependentFolds(c, seed); }

    /**
     * The speaker-independent folds of a (class-filtered) corpus under a fold set: {@link FoldSet#DEFAULT} is the
     * corpus's own policy ({@link #speakerIndependent(Corpus, long)}), a fold file its folds of the corpus
     * ({@link FoldFile#folds}, checked against the corpus's speakers and the classes of {@code cs}), any other a
     * published set the corpus offers.
     *
     * @throws IllegalArgumentException when the corpus does not offer {@code set} (or lacks speakers it names)
     * @throws org.emoaugnet.util.ConfigurationException when a fold file names a speaker the corpus lacks or a fold's
     *         test side lacks a class
     */
    public static List<Fold> speakerIndependent(Corpus c, ClassSet cs, long seed, FoldSet set) {
        if (set instanceof FoldFile file) return file.folds(c, cs);
        return set == FoldSet.DEFAULT ? speakerIndependent(c, seed) : definition(c.name()).foldSetFolds(c, (PublishedFoldSet) set);
    }

    /**
     * The fold set of a speaker-independent experiment on {@code corpus} that names none ({@link CorpusLoader#defaultFoldSet}):
     * {@link FoldSet#DEFAULT} but for a corpus with a committed fold file (URDU). A name no definition claims (a
     * renamed or pooled corpus) gets {@link FoldSet#DEFAULT}.
     */
    public static FoldSet defaultFoldSet(String corpus) {
        for (CorpusLoader l : CorpusLoader.all()) if (l.defines(corpus)) return l.defaultFoldSet();
        return FoldSet.DEFAULT;
    }

    /**
     * Whether a speaker-independent split of {@code corpus} takes its folds from {@code set} (a fold file, or a
     * published set the corpus offers) rather than from the corpus's own policy (seeded speaker folds).
     */
    public static boolean foldsFrom(String corpus, FoldSet set) {
        return set instanceof FoldFile || definition(corpus).foldSets().contains(set);
    }

    /** The paper-style random split beside the speaker-independent folds ({@link SplitDiagnostics}). */
    public static List<SplitReport> splitDiagnostics(CorpusScan.Report r, ClassSet cs, long seed) {
        return SplitDiagnostics.compare(r, cs, speakerIndependent(cs.apply(r.corpus()), seed), seed);
    }

    /** The name readers see. */
    public static String displayName(String corpus) { return definition(corpus).displayName(); }

    /** A corpus root recognised by a loader. */
    public record Found(String loader, Path root) {
        public CorpusLoader.Result load() throws IOException { return CorpusLoader.named(loader).load(root); }
    }

    /**
     * Looks for corpus layouts at {@code dataRoot} and up to three folder levels below it. The first loader that
     * recognises a folder claims it, and its subfolders are not searched further.
     */
    public static List<Found> find(Path dataRoot) throws IOException {
        if (!Files.isDirectory(dataRoot)) throw new IOException(dataRoot + ": data folder does not exist");
        List<Found> out = new ArrayList<>();
        search(dataRoot, 0, out);
        return out;
    }

    private static void search(Path dir, int depth, List<Found> out) throws IOException {
        for (CorpusLoader l : CorpusLoader.all()) {
            if (l.recognises(dir)) { out.add(new Found(l.name(), dir)); return; }
        }
        if (depth >= 3) return;
        List<Path> subs;
        try (Stream<Path> s = Files.list(dir)) {
            subs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path p : subs) search(p, depth + 1, out);
    }

    /**
     * Loads and scans the corpora the settings ask for: those found under {@code data} (restricted to
     * {@code corpora} when given, matched against loader or corpus name), or else the synthetic corpus. Every
     * bad file of a corpus is reported at once ({@link CorpusException}) unless {@code skipBad} is set, in which
     * case bad files are left out and listed in the report.
     */
    public static List<CorpusScan.Report> open(Settings s) throws IOException {
        for (String name : s.corpora())   // before any folder is read: a misspelt name would otherwise match nothing
            if (CorpusLoader.all().stream().noneMatch(l -> l.name().equals(name) || l.defines(name)))
                throw ConfigurationException.value("settings", "corpus", String.join(",", s.corpora()),
                        "comma-separated corpus names (EMOAUG_CORPUS, --corpus), each " + ConfigValues.oneOf(name, names()) + " ('" + name + "' is none)");
        List<CorpusScan.Report> out = new ArrayList<>();
        if (s.data().isEmpty()) {
            Path dir = SyntheticCorpus.ensure(s.cache(), new SyntheticCorpus.Config(8, s.seed(), 16000));
            out.add(open(new Found("synthetic", dir), s.skipBad()));
            return out;
        }
        List<Found> found = find(s.data().get());
        if (found.isEmpty()) throw new CorpusException(s.data().get() + ": no known corpus layout found (looked for "
                + CorpusLoader.all().stream().map(CorpusLoader::name).toList() + ")");
        for (Found f : found) {
            CorpusLoader.Result r = f.load();
            String name = r.corpus().name();
            if (!s.corpora().isEmpty() && !s.corpora().contains(name) && !s.corpora().contains(f.loader())) continue;
            out.add(scan(r, s.skipBad()));
        }
        if (out.isEmpty()) throw new CorpusException("none of the requested corpora " + s.corpora() + " is under " + s.data().get()
                + " (found: " + found.stream().map(f -> f.loader() + " at " + f.root()).toList() + ")");
        return out;
    }

    /**
     * The corpus a single-corpus analysis uses: the one whose definition ranks first ({@link CorpusLoader#primaryRank}:
     * RAVDESS, the paper's corpus we can run, then IEMOCAP, then the synthetic corpus), else the first;
     * {@code EMOAUG_CORPUS} narrows the list beforehand.
     */
    public static CorpusScan.Report primary(List<CorpusScan.Report> reports) {
        CorpusScan.Report best = reports.get(0);
        for (CorpusScan.Report r : reports)
            if (definition(r.corpus().name()).primaryRank() < definition(best.corpus().name()).primaryRank()) best = r;
        return best;
    }

    /** Loads and scans one found corpus. */
    public static CorpusScan.Report open(Found f, boolean skipBad) throws IOException {
        return scan(f.load(), skipBad);
    }

    private static CorpusScan.Report scan(CorpusLoader.Result r, boolean skipBad) throws CorpusException {
        CorpusScan.Report rep = CorpusScan.scan(r.corpus(), r.bad());
        if (!skipBad) rep.requireClean();
        return new CorpusScan.Report(rep.usable(), rep.files(), rep.bad());
    }

    /** The classes every corpus's default class set has, as one class set. */
    public static ClassSet commonClasses(List<String> corpora) {
        List<String> common = new ArrayList<>(Corpora.defaultClassSet(corpora.get(0)).classes());
        for (String c : corpora) common.retainAll(Corpora.defaultClassSet(c).classes());
        Map<Emotion, String> m = new java.util.EnumMap<>(Emotion.class);
        for (String c : corpora) Corpora.defaultClassSet(c).mapping().forEach((e, n) -> { if (common.contains(n)) m.put(e, n); });
        return new ClassSet("common-" + String.join("-", corpora), "classes shared by " + corpora + ": " + common, m);
    }

    /**
     * The class set {@link #commonClasses} gave the name {@code common-<corpus>-<corpus>...}, its corpus names read against the
     * registry's ({@link #names()}, longest first, since names contain hyphens).
     */
    public static ClassSet commonClassesNamed(String name) {
        if (!name.startsWith("common-")) throw new IllegalArgumentException("'" + name + "' is not a class set of common classes");
        List<String> parts = new ArrayList<>();
        String rest = name.substring("common-".length());
        while (!rest.isEmpty()) {
            String r = rest;
            String hit = Corpora.names().stream().filter(c -> r.equals(c) || r.startsWith(c + "-")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown corpus in class set '" + name + "'"));
            parts.add(hit);
            rest = rest.length() == hit.length() ? "" : rest.substring(hit.length() + 1);
        }
        return commonClasses(parts);
    }
}
