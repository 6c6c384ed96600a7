package org.emoaugnet.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.design.Sweep;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.util.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature extraction as Spark tasks over slices of recordings fills the same cache, with the same values, as the serial path. */
class SparkFeaturesTest {
    @TempDir Path tmp;

    @Test
    void slicesExtractedBySparkAreTheEntriesTheRunsRead() throws Exception {
        Path root = SparkSweepTest.root();
        // the generated synthetic corpus of the project's cache, a feature cache of this test's own
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache);
        Path corpus = root.resolve(".cache");
        try (var s = Files.list(corpus)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("synthetic")).toList())
                Files.createSymbolicLink(cache.resolve(p.getFileName()), p);
        }
        Map<String, String> env = Map.of("EMOAUG_HOME", root.toString(), "EMOAUG_CACHE", cache.toString());
        Sweep sweep = Sweep.study(Settings.resolve(env, Map.of("quick", "true", "data", "", "corpus", "")), tmp.resolve("runs"));
        List<SpecJobs.FeatureWork> work = sweep.features();
        assertFalse(work.isEmpty());
        assertTrue(work.size() < sweep.jobs().size(), "experiments that differ only in training share one feature set");

        SparkFeatures.Report r = SparkFeatures.run(sweep, SparkSweep.Options.local(2), 100, System.err);
        assertTrue(r.failures().isEmpty(), String.valueOf(r.failures()));
        assertTrue(r.computed() > 0, "a fresh cache is filled by the tasks");
        assertTrue(r.outcomes().size() > work.size(), "each feature set is cut into several slices");

        for (SpecJobs.FeatureWork w : work) {
            FeatureCache reread = new FeatureCache(w.cache().dir());
            FeatureSet viaSpark = new SpecJobs.FeatureWork(w.key(), w.utterances(), w.spec(), w.recipe(), reread).extract(0, w.size());
            assertEquals(0, reread.misses(), w.key() + ": every entry a run needs is in the cache");
            // the values against a serial extraction into a cache of its own (the first 64 recordings, to keep the test short)
            int n = Math.min(64, w.size());
            FeatureSet serial = new SpecJobs.FeatureWork(w.key(), w.utterances(), w.spec(), w.recipe(), new FeatureCache(tmp.resolve("serial-" + w.key().hashCode())))
                    .extract(0, n);
            assertEquals(n * w.recipe().size(), serial.rows().size());
            for (int i = 0; i < serial.rows().size(); i++) {
                var a = serial.rows().get(i).features();
                var b = viaSpark.rows().get(i).features();
                assertTrue(a.sameValues(b), w.key() + " row " + i + ": the same values");
            }
        }
        SparkFeatures.Report again = SparkFeatures.run(sweep, SparkSweep.Options.local(2), 100, System.err);
        assertEquals(0, again.computed(), "a second extraction finds everything in the cache");
    }
}
