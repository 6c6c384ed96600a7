package org.emoaugnet.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.design.Sweep;
import org.emoaugnet.features.FeatureCache;

/**
 * The feature extraction of a sweep as a Spark job, for corpora too large for one machine: every distinct feature set
 * its runs need ({@link Sweep#features}) cut into slices of recordings, one task per slice, each extracting into the
 * sweep's feature cache (the same per-recording entries the runs read, so the sweep that follows finds them there).
 */
public final class SparkFeatures {
    private SparkFeatures() {}

    /** One slice: feature set {@code work} (index into {@link Sweep#features}), recordings {@code from} to {@code to}. */
    public record Slice(int work, int from, int to) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a slice did: entries found in the cache and entries computed. */
    public record SliceOutcome(Slice slice, long hits, long computed, double seconds, String host, String error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Report(int featureSets, int recordings, List<SliceOutcome> outcomes, double wallSeconds) {
        public long computed() { return outcomes.stream().mapToLong(SliceOutcome::computed).sum(); }

        public long hits() { return outcomes.stream().mapToLong(SliceOutcome::hits).sum(); }

        public List<SliceOutcome> failures() { return outcomes.stream().filter(o -> !o.error().isEmpty()).toList(); }
    }

    static final String FEATURES = "features";

    /** The sweep's feature sets, planned once per JVM ({@link Plans}). */
    static List<SpecJobs.FeatureWork> planned(Sweep sweep) {
        return Plans.get(sweep, FEATURES, Sweep::features);
    }

    /** Runs on an executor: extracts one slice into the sweep's cache. */
    static SliceOutcome extract(Sweep sweep, Slice slice) {
        long t0 = System.nanoTime();
        try {
            SpecJobs.FeatureWork w = planned(sweep).get(slice.work());
            // a cache object of this task's own, so that its hit and miss counts are this slice's
            FeatureCache own = new FeatureCache(w.cache().dir());
            new SpecJobs.FeatureWork(w.key(), w.utterances(), w.spec(), w.recipe(), own).extract(slice.from(), slice.to());
            return new SliceOutcome(slice, own.hits(), own.misses(), (System.nanoTime() - t0) / 1e9, SweepTask.host(), "");
        } catch (Exception e) {   // the failure travels in the outcome (its text): the driver prints every failed slice, the command exits 4
            return new SliceOutcome(slice, 0, 0, (System.nanoTime() - t0) / 1e9, SweepTask.host(), e.toString());
        }
    }

    public static Report run(Sweep sweep, SparkSweep.Options o, int recordingsPerTask, PrintStream log) throws IOException {
        if (recordingsPerTask < 1) throw new IllegalArgumentException("recordings per task must be at least 1, got " + recordingsPerTask);
        long t0 = System.nanoTime();
        List<SpecJobs.FeatureWork> work = sweep.features();
        if (o.isLocal()) Plans.put(sweep, FEATURES, work);   // tasks in this JVM use the driver's plan
        List<Slice> slices = new ArrayList<>();
        int recordings = 0;
        for (int i = 0; i < work.size(); i++) {
            int n = work.get(i).size();
            recordings += n;
            for (int from = 0; from < n; from += recordingsPerTask) slices.add(new Slice(i, from, Math.min(n, from + recordingsPerTask)));
        }
        log.printf(Locale.ROOT, "[sweep features] %s: %d feature sets, %d recordings in all, %d tasks of up to %d recordings on %s%n",
                sweep.describe(), work.size(), recordings, slices.size(), recordingsPerTask, o.master());
        List<SliceOutcome> out;
        try (JavaSparkContext sc = new JavaSparkContext(SparkSweep.conf(sweep, o, "emoaug sweep features: " + sweep.describe()))) {
            sc.setLogLevel("WARN");
            out = sc.parallelize(slices, Math.max(1, slices.size())).map(sl -> extract(sweep, sl)).collect();
        }
        Report r = new Report(work.size(), recordings, out, (System.nanoTime() - t0) / 1e9);
        for (SliceOutcome f : r.failures()) log.printf(Locale.ROOT, "[sweep features] FAILED %s on %s: %s%n", f.slice(), f.host(), f.error());
        log.printf(Locale.ROOT, "[sweep features] %d entries computed, %d found in the cache, %d failed slices; wall time %.1f s%n",
                r.computed(), r.hits(), r.failures().size(), r.wallSeconds());
        return r;
    }
}
