package org.emoaugnet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Count and duration tables of a scanned corpus. */
public final class CorpusTables {
    private CorpusTables() {}

    /** Utterances per harmonised emotion, split by gender, with total duration. */
    public static Table byEmotion(CorpusScan.Report r) {
        Map<Emotion, int[]> counts = new java.util.EnumMap<>(Emotion.class);
        Map<Emotion, Double> dur = new java.util.EnumMap<>(Emotion.class);
        for (CorpusScan.FileInfo f : r.files()) {
            Utterance u = f.utterance();
            int[] c = counts.computeIfAbsent(u.emotion(), k -> new int[3]);
            c[u.gender().ordinal()]++;
            dur.merge(u.emotion(), f.duration(), Double::sum);
        }
        StringColumn e = StringColumn.create("emotion");
        IntColumn n = IntColumn.create("files"), m = IntColumn.create("male"), fe = IntColumn.create("female"), un = IntColumn.create("gender_unknown");
        DoubleColumn d = DoubleColumn.create("duration_s");
        counts.forEach((k, c) -> {
            e.append(k.label()); n.append(c[0] + c[1] + c[2]); m.append(c[0]); fe.append(c[1]); un.append(c[2]);
            d.append(Math.round(dur.get(k) * 10) / 10.0);
        });
        Table t = Table.create(r.corpus().name() + ": files by emotion", e, n, m, fe);
        if (un.asList().stream().anyMatch(x -> x > 0)) t.addColumns(un);
        return t.addColumns(d);
    }

    /** Utterances per speaker with gender, emotion spread and duration. */
    public static Table bySpeaker(CorpusScan.Report r) {
        Map<String, List<CorpusScan.FileInfo>> by = new TreeMap<>();
        for (CorpusScan.FileInfo f : r.files()) by.computeIfAbsent(f.utterance().speaker(), k -> new ArrayList<>()).add(f);
        StringColumn s = StringColumn.create("speaker"), g = StringColumn.create("gender");
        IntColumn n = IntColumn.create("files"), ne = IntColumn.create("emotions");
        DoubleColumn d = DoubleColumn.create("duration_s"), md = DoubleColumn.create("mean_duration_s");
        by.forEach((k, fs) -> {
            s.append(k);
            g.append(fs.get(0).utterance().gender().label());
            n.append(fs.size());
            ne.append((int) fs.stream().map(f -> f.utterance().emotion()).distinct().count());
            double tot = fs.stream().mapToDouble(CorpusScan.FileInfo::duration).sum();
            d.append(Math.round(tot * 10) / 10.0);
            md.append(Math.round(tot / fs.size() * 1000) / 1000.0);
        });
        return Table.create(r.corpus().name() + ": files by speaker", s, g, n, ne, d, md);
    }

    /** Counts per class of a class set (what a classifier will see). */
    public static Table byClass(CorpusScan.Report r, ClassSet cs) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (String c : cs.classes()) m.put(c, 0);
        int dropped = 0;
        for (CorpusScan.FileInfo f : r.files()) {
            if (cs.keeps(f.utterance())) m.merge(cs.classOf(f.utterance()), 1, Integer::sum);
            else dropped++;
        }
        m.values().removeIf(v -> v == 0);
        StringColumn c = StringColumn.create("class");
        IntColumn n = IntColumn.create("files");
        DoubleColumn share = DoubleColumn.create("share");
        int total = m.values().stream().mapToInt(Integer::intValue).sum();
        m.forEach((k, v) -> { c.append(k); n.append(v); share.append(Math.round(1000.0 * v / total) / 1000.0); });
        if (dropped > 0) { c.append("(dropped)"); n.append(dropped); share.append(Double.NaN); }
        return Table.create(r.corpus().name() + " under " + cs.name(), c, n, share);
    }

    /** Summary statistics of file durations and formats (the corpus folder by its name, not its machine path). */
    public static Table summary(CorpusScan.Report r) {
        double[] d = r.files().stream().mapToDouble(CorpusScan.FileInfo::duration).sorted().toArray();
        StringColumn k = StringColumn.create("property"), v = StringColumn.create("value");
        java.util.function.BiConsumer<String, Object> add = (a, b) -> { k.append(a); v.append(String.valueOf(b)); };
        add.accept("corpus", r.corpus().name());
        // the folder's name only: a published table carries no path of the machine that made it
        add.accept("folder", r.corpus().root() == null || r.corpus().root().getFileName() == null ? "" : r.corpus().root().getFileName());
        add.accept("files", r.files().size());
        add.accept("bad files", r.bad().size());
        add.accept("speakers", r.corpus().speakers().size());
        add.accept("sample rates", r.files().stream().map(CorpusScan.FileInfo::sampleRate).distinct().sorted().toList());
        add.accept("channels", r.files().stream().map(CorpusScan.FileInfo::channels).distinct().sorted().toList());
        add.accept("encodings", r.files().stream().map(CorpusScan.FileInfo::encoding).distinct().sorted().toList());
        if (d.length > 0) {
            add.accept("total duration (s)", String.format(java.util.Locale.ROOT, "%.1f", java.util.Arrays.stream(d).sum()));
            add.accept("duration min / median / max (s)", String.format(java.util.Locale.ROOT, "%.3f / %.3f / %.3f", d[0], d[d.length / 2], d[d.length - 1]));
        }
        // a count, not the list: the groups themselves are one sentence of notebook 01 and the "audio_sha256" column of 01-files.csv
        var groups = r.duplicateGroups();
        add.accept("identical-audio groups", groups.size() + " (" + groups.stream().mapToInt(List::size).sum() + " files)");
        r.corpus().info().forEach(add::accept);
        return Table.create(r.corpus().name() + ": summary", k, v);
    }

    /**
     * What notebook 01 found about a corpus, in one sentence computed from its scan: recordings and speakers, the class
     * set's classes, the largest class's share (the WA of always answering it; its UA is 100 / classes) and the
     * identical-audio groups.
     */
    public static String sentence(CorpusScan.Report r, ClassSet cs) {
        Table t = byClass(r, cs);
        Table kept = t.where(t.stringColumn("class").isNotEqualTo("(dropped)"));
        int total = (int) kept.intColumn("files").sum(), classes = kept.rowCount();
        int largest = -1;
        for (int i = 0; i < classes; i++) if (largest < 0 || kept.intColumn("files").get(i) > kept.intColumn("files").get(largest)) largest = i;
        var groups = r.duplicateGroups();
        return String.format(java.util.Locale.ROOT,
                "%s: %d recordings of %d speakers (%d bad files skipped); under %s, %d recordings in %d classes, the largest (%s) "
                        + "holding %.1f %% of them: always answering it scores WA %.1f %% and UA %.1f %%, the floor every result is read against; "
                        + "%d group%s of identical audio (%d files; where they fall in each split is in the split diagnostics).",
                r.corpus().name(), r.files().size(), r.corpus().speakers().size(), r.bad().size(), cs.name(), total, classes,
                largest < 0 ? "none" : kept.stringColumn("class").get(largest),
                largest < 0 ? Double.NaN : 100.0 * kept.intColumn("files").get(largest) / total,
                largest < 0 ? Double.NaN : 100.0 * kept.intColumn("files").get(largest) / total, classes == 0 ? Double.NaN : 100.0 / classes,
                groups.size(), groups.size() == 1 ? "" : "s", groups.stream().mapToInt(List::size).sum());
    }
}
