package org.emoaugnet.run;

import org.emoaugnet.publish.LedgerTest;

import org.emoaugnet.run.DataManifest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.prepare.ChecksumList;
import org.junit.jupiter.api.Test;

/**
 * The committed checksum lists of the corpora are the data of the committed runs: the data manifest that
 * {@link DataManifest} computes from a list (the files' SHA-256 by name) is the one every committed run recorded
 * ({@code spec.data.sha256}, {@code spec.data.recordings}). So a corpus rebuilt byte-identical to a list gives runs
 * with the committed runs' identity.
 */
class DataManifestChecksumsTest {
    /** {@code corpus/id} → SHA-256 for the listed files, as DataManifest keys recordings (id = file name without .wav). */
    static List<Map.Entry<String, String>> keyed(String corpus, ChecksumList list, java.util.function.Predicate<String> keep) {
        return list.sha256ByPath().entrySet().stream()
                .map(e -> Map.entry(corpus + "/" + e.getKey().substring(e.getKey().lastIndexOf('/') + 1).replaceFirst("\\.wav$", ""), e.getValue()))
                .filter(e -> keep.test(e.getKey()))
                .toList();
    }

    /** The record.properties of every committed run whose data is exactly {@code corpora}. */
    static List<Properties> records(String corpora) throws IOException {
        Path runs = LedgerTest.projectRoot().resolve("results/runs");
        List<Path> files;
        try (Stream<Path> s = Files.walk(runs, 3)) {
            files = s.filter(p -> p.getFileName().toString().equals("record.properties")).sorted().toList();
        }
        List<Properties> out = new java.util.ArrayList<>();
        for (Path f : files) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f)) {
                p.load(r);
            }
            if (corpora.equals(p.getProperty("spec.data.corpora"))) out.add(p);
        }
        return out;
    }

    /** The emotions a recorded class set keeps: the keys of its mapping, {@code …{ANGRY=angry, CALM=neutral, …}}. */
    static Set<Emotion> emotions(String classSet) {
        String mapping = classSet.substring(classSet.lastIndexOf('{') + 1, classSet.lastIndexOf('}'));
        Set<Emotion> out = java.util.EnumSet.noneOf(Emotion.class);
        for (String pair : mapping.split(", ")) out.add(Emotion.valueOf(pair.substring(0, pair.indexOf('='))));
        return out;
    }

    /**
     * Every committed run on {@code corpus} alone recorded the manifest that the list gives for the recordings of its
     * class set ({@code emotionCode} takes an id to the corpus's own label).
     */
    static int check(String corpus, String list, Map<String, Emotion> labels, java.util.function.Function<String, String> emotionCode) throws IOException {
        ChecksumList l = ChecksumList.committed(list);
        List<Properties> runs = records(corpus);
        for (Properties p : runs) {
            Set<Emotion> kept = emotions(p.getProperty("spec.class_set"));
            DataManifest m = DataManifest.ofFileHashes(keyed(corpus, l,
                    k -> kept.contains(labels.get(emotionCode.apply(k.substring(k.indexOf('/') + 1))))));
            String run = p.getProperty("experiment") + " (" + p.getProperty("spec.class_set") + ")";
            assertEquals(corpus, m.corpora());
            assertEquals(p.getProperty("spec.data.recordings"), String.valueOf(m.recordings()), run);
            assertEquals(p.getProperty("spec.data.sha256"), m.sha256(), run);
        }
        return runs.size();
    }

    @Test
    void theCommitted16kHzRavdessListGivesEveryCommittedRavdessRunsDataManifest() throws IOException {
        // RAVDESS ids are MM-VV-EE-II-SS-RR-AA: the emotion code is the third field
        int runs = check("ravdess", ChecksumList.RAVDESS_16K, LabelMaps.RAVDESS, id -> id.split("-")[2]);
        assertTrue(runs >= 200, "committed RAVDESS runs: " + runs);
        // the list is the whole corpus: 24 actors x 60 recordings
        assertEquals(1440, DataManifest.ofFileHashes(keyed("ravdess", ChecksumList.committed(ChecksumList.RAVDESS_16K), k -> true)).recordings());
    }

    @Test
    void theCommittedEmoDb2sListGivesEveryCommittedEmoDb2sRunsDataManifest() throws IOException {
        // EmoDB ids are SSTTTEV: the emotion letter is the sixth character
        int runs = check("emodb-2s", ChecksumList.EMODB_2S, LabelMaps.EMODB, id -> id.substring(5, 6));
        assertTrue(runs >= 1, "committed emodb-2s runs: " + runs);
    }
}
