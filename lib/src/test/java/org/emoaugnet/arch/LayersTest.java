package org.emoaugnet.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The library's packages are layered: a package may use packages of its own layer or below, never above. The layers,
 * bottom to top (docs/architecture.md draws them): utilities; signal processing and audio; data (corpora, splits);
 * evaluation metrics and tests; augmentation; features; model and trainer; plots; the run engine (specification,
 * record, runner, predictions, migration); evidence (intervals, comparisons, study tables); designs (what runs a
 * study plans: study, ablation, cross-corpus grid, robustness, model search); publishing (ledger, findings, README
 * blocks, manifest); the command line.
 */
class LayersTest {
    /** Top-level packages bottom to top; a sub-package ({@code data.loaders}) belongs to its top-level package's layer. */
    static final List<String> LAYERS = List.of("util", "dsp", "audio", "data", "eval", "augment", "features", "model", "plot",
            "run", "evidence", "design", "publish", "cli");

    static int layer(String pkg) {
        int i = LAYERS.indexOf(pkg.split("\\.")[0]);
        if (i < 0) throw new AssertionError("package '" + pkg + "' has no layer: add it to LayersTest.LAYERS and docs/architecture.md");
        return i;
    }

    /** Every reference from a package to a package of a higher layer, as "from -> to". */
    static List<String> upward(Map<String, Set<String>> graph) {
        List<String> out = new ArrayList<>();
        graph.forEach((from, tos) -> {
            for (String to : tos) if (layer(to) > layer(from)) out.add(from + " -> " + to);
        });
        return out;
    }

    @Test
    void noPackageUsesAHigherLayer() throws Exception {
        Map<String, Set<String>> g = PackageCyclesTest.graph();
        for (String p : g.keySet()) layer(p);   // every package is placed
        assertTrue(g.keySet().containsAll(List.of("run", "evidence", "design", "publish")), g.keySet().toString());
        List<String> up = upward(g);
        assertTrue(up.isEmpty(), "references to a higher layer (" + String.join(" < ", LAYERS) + "):\n" + String.join("\n", up));
    }

    @Test
    void aConstructedUpwardImportIsCaught() {
        Map<String, Set<String>> g = new TreeMap<>(Map.of("run", Set.of("model", "util"), "design", Set.of("run", "evidence"),
                "publish", Set.of("design")));
        assertEquals(List.of(), upward(g));
        g.put("run", Set.of("model", "design"));   // the engine importing a design
        assertEquals(List.of("run -> design"), upward(g));
        g.put("data.loaders", Set.of("features"));   // a sub-package takes its top-level package's layer
        assertEquals(List.of("data.loaders -> features", "run -> design"), upward(g).stream().sorted().toList());
    }
}
