package org.emoaugnet.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads every file of a corpus once (in parallel, with progress), checks that it decodes, and records format,
 * duration, peak level and an audio content hash. All bad files are collected and reported together.
 */
public final class CorpusScan {
    private CorpusScan() {}

    /** One readable file. */
    public record FileInfo(Utterance utterance, int sampleRate, int channels, String encoding, double duration,
                           double peak, String hash) {}

    /** What a scan found. */
    public record Report(Corpus corpus, List<FileInfo> files, List<BadFile> bad) {
        /** The corpus without its bad files. */
        public Corpus usable() {
            var badPaths = bad.stream().map(BadFile::path).collect(java.util.stream.Collectors.toSet());
            return corpus.filter(u -> !badPaths.contains(u.path()));
        }

        /** Utterance key → audio hash. */
        public Map<String, String> hashes() {
            Map<String, String> m = new HashMap<>();
            for (FileInfo f : files) m.put(f.utterance().key(), f.hash());
            return m;
        }

        /** Groups of utterances with identical audio (each group has ≥ 2 members). */
        public List<List<String>> duplicateGroups() {
            Map<String, List<String>> byHash = new java.util.TreeMap<>();
            for (FileInfo f : files) byHash.computeIfAbsent(f.hash(), k -> new ArrayList<>()).add(f.utterance().key());
            return byHash.values().stream().filter(g -> g.size() > 1).map(g -> { Collections.sort(g); return g; }).toList();
        }

        /** Fails with every bad file listed, unless there are none. */
        public Report requireClean() throws CorpusException {
            if (!bad.isEmpty()) throw new CorpusException(corpus.name(), bad);
            return this;
        }

        public Table table() {
            StringColumn id = StringColumn.create("id"), spk = StringColumn.create("speaker"),
                    gen = StringColumn.create("gender"), lab = StringColumn.create("label"),
                    emo = StringColumn.create("emotion"), enc = StringColumn.create("encoding"),
                    hash = StringColumn.create("audio_sha256");
            IntColumn sr = IntColumn.create("sample_rate"), ch = IntColumn.create("channels");
            DoubleColumn dur = DoubleColumn.create("duration_s"), peak = DoubleColumn.create("peak");
            for (FileInfo f : files) {
                Utterance u = f.utterance();
                id.append(u.id()); spk.append(u.speaker()); gen.append(u.gender().label()); lab.append(u.label());
                emo.append(u.emotion().label()); enc.append(f.encoding()); hash.append(f.hash());
                sr.append(f.sampleRate()); ch.append(f.channels()); dur.append(f.duration()); peak.append(f.peak());
            }
            return Table.create(corpus.name() + " files", id, spk, gen, lab, emo, sr, ch, enc, dur, peak, hash);
        }
    }

    public static Report scan(Corpus corpus) {
        return scan(corpus, List.of());
    }

    /** Scans every file; {@code loaderBad} (naming problems found by the loader) are added to the report. */
    public static Report scan(Corpus corpus, List<BadFile> loaderBad) {
        List<Utterance> us = corpus.utterances();
        FileInfo[] infos = new FileInfo[us.size()];
        BadFile[] bads = new BadFile[us.size()];
        Progress p = new Progress("scan " + corpus.name(), us.size());
        IntStream.range(0, us.size()).parallel().forEach(i -> {
            Utterance u = us.get(i);
            try {
                WavReader.Decoded d = WavReader.read(u.path());
                double peak = 0;
                for (float[] c : d.channels()) for (float v : c) peak = Math.max(peak, Math.abs(v));
                infos[i] = new FileInfo(u, d.info().sampleRate(), d.info().channels(), d.info().encoding(),
                        d.info().durationSeconds(), peak, AudioHash.of(d.channels(), d.info().sampleRate()));
            } catch (IOException e) {   // listed as a bad file: the report names every one (requireClean fails on them unless skip_bad)
                bads[i] = new BadFile(u.path(), e instanceof org.emoaugnet.audio.AudioFormatException afe ? afe.problem() : e.toString());
            }
            p.step();
        });
        List<FileInfo> ok = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>(loaderBad);
        for (int i = 0; i < infos.length; i++) {
            if (infos[i] != null) ok.add(infos[i]);
            if (bads[i] != null) bad.add(bads[i]);
        }
        bad.sort(Comparator.comparing(b -> b.path().toString()));
        return new Report(corpus, ok, bad);
    }
}
