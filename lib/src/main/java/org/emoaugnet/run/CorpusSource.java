package org.emoaugnet.run;


import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.CorpusException;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.util.Settings;

/**
 * Where a plan's corpora come from, by name, each opened once: either the corpora of a {@link Settings} (the corpus
 * named, opened alone from its data folder; without a data folder, or for the generated {@code synthetic} and
 * {@code synthetic-b} corpora the cross-corpus grid adds, generated as {@link CrossCorpusStudy#corpora} makes them),
 * or a fixed list of corpora already open (notebooks, tests).
 */
public final class CorpusSource {
    private final Settings settings;   // null: only the corpora given
    private final boolean retryFailed;
    private final Map<String, Corpus> opened = new LinkedHashMap<>();

    private CorpusSource(Settings settings, Collection<Corpus> given, boolean retryFailed) {
        this.settings = settings;
        this.retryFailed = retryFailed;
        for (Corpus c : given) opened.put(c.name(), c);
    }

    /** The corpora of {@code s}, opened on first use. */
    public static CorpusSource of(Settings s) { return new CorpusSource(s, List.of(), s.retryFailed()); }

    /** Exactly these corpora. */
    public static CorpusSource of(Collection<Corpus> corpora) { return of(corpora, false); }

    /** Exactly these corpora, planned under settings that retry failed runs or not ({@link #retryFailed}). */
    public static CorpusSource of(Collection<Corpus> corpora, boolean retryFailed) { return new CorpusSource(null, corpora, retryFailed); }

    /**
     * Whether the plan's runs that failed in an earlier attempt are trained again: the settings' {@code retry_failed}
     * (the command line's {@code --retry-failed}, {@code EMOAUG_RETRY_FAILED}); designs run their jobs with it
     * ({@code Design.run}).
     */
    public boolean retryFailed() { return retryFailed; }

    /** Exactly these corpora. */
    public static CorpusSource of(Corpus... corpora) { return of(List.of(corpora)); }

    /**
     * The corpus named {@code name}; a pooled name ({@code emodb-2s+ravdess+savee}, {@link CrossCorpus#pooledName}) is
     * its corpora, each opened as by its own name, pooled as one training corpus ({@link CrossCorpus#pool}).
     */
    public synchronized Corpus corpus(String name) throws IOException {
        Corpus c = opened.get(name);
        if (c != null) return c;
        if (CrossCorpus.isPooled(name)) {
            List<Corpus> parts = new java.util.ArrayList<>();
            for (String p : CrossCorpus.parts(name)) parts.add(corpus(p));
            c = CrossCorpus.pool(parts);
            opened.put(name, c);
            return c;
        }
        if (settings == null) throw new IOException("corpus '" + name + "' is not available (the plan was given " + opened.keySet() + ")");
        c = open(name);
        opened.put(name, c);
        return c;
    }

    /** The primary corpus of the settings ({@link Corpora#primary}); of a fixed list, its first corpus. */
    public synchronized Corpus primary() throws IOException {
        if (settings == null) {
            if (opened.isEmpty()) throw new IOException("no corpus given");
            return opened.values().iterator().next();
        }
        List<CorpusScan.Report> all = Corpora.open(settings);
        for (CorpusScan.Report r : all) opened.putIfAbsent(r.corpus().name(), r.corpus());
        return opened.get(Corpora.primary(all).corpus().name());
    }

    private Corpus open(String name) throws IOException {
        if (settings.data().isPresent()) {
            Settings only = settings.withCorpora(List.of(name));
            try {
                for (CorpusScan.Report r : Corpora.open(only)) if (r.corpus().name().equals(name)) return r.corpus();
            } catch (CorpusException e) {
                // the data folder does not hold it: the generated corpora below are made instead, any other name fails below
                if (!generated(name)) throw e;
            }
        }
        if (name.equals("synthetic")) return CorpusSource.synthetic(settings, 8, settings.seed(), "synthetic");
        if (name.equals("synthetic-b")) return CorpusSource.synthetic(settings, 4, settings.seed() + 1, "synthetic-b");
        throw new IOException("corpus '" + name + "' not found under " + settings.data().map(Object::toString).orElse("the synthetic corpus")
                + " (configure it with --data / EMOAUG_DATA)");
    }

    private static boolean generated(String name) { return name.equals("synthetic") || name.equals("synthetic-b"); }

    /** The generated corpus {@code name} with {@code speakers} speakers drawn with {@code seed} (cached under the settings' cache folder). */
    public static Corpus synthetic(Settings s, int speakers, long seed, String name) throws IOException {
        java.nio.file.Path dir = org.emoaugnet.data.synth.SyntheticCorpus.ensure(s.cache(), new org.emoaugnet.data.synth.SyntheticCorpus.Config(speakers, seed, 16000));
        Corpus c = new org.emoaugnet.data.loaders.SyntheticLoader().load(dir).corpus();
        return name.equals(c.name()) ? c : CrossCorpus.renamed(c, name);
    }
}
