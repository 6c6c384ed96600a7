package org.emoaugnet.data.prepare;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.emoaugnet.data.CorpusException;
import org.junit.jupiter.api.Test;

class ChecksumListTest {
    static final String A = "a".repeat(64), B = "b".repeat(64), C = "c".repeat(64);

    @Test
    void readsAndWritesSha256sumText() throws Exception {
        ChecksumList l = ChecksumList.parse("t", B + "  x/2.wav\n" + A.toUpperCase() + " *x/1.wav\n");
        assertEquals(List.of("x/1.wav", "x/2.wav"), List.copyOf(l.sha256ByPath().keySet()));
        assertEquals(A, l.sha256ByPath().get("x/1.wav"));
        assertEquals(A + "  x/1.wav\n" + B + "  x/2.wav\n", l.text());
        assertEquals(l, ChecksumList.parse("t", l.text()));
    }

    @Test
    void headerCommentsAreSkippedAsSha256sumSkipsThem() throws Exception {
        ChecksumList l = ChecksumList.parse("t", "# where the files come from\n# what was found in them\n" + A + "  x/1.wav\n");
        assertEquals(Map.of("x/1.wav", A), l.sha256ByPath());
        var e = assertThrows(CorpusException.class, () -> ChecksumList.parse("list.sha256", "# header\n" + A + "  x/1.wav\n # not a comment\n"));
        assertTrue(e.getMessage().startsWith("list.sha256 line 3: "), e.getMessage());
    }

    @Test
    void aMalformedOrRepeatedLineIsAnErrorNamingTheListAndLine() {
        var e = assertThrows(CorpusException.class, () -> ChecksumList.parse("list.sha256", A + "  x/1.wav\nnot a line\n"));
        assertTrue(e.getMessage().startsWith("list.sha256 line 2: "), e.getMessage());
        var d = assertThrows(CorpusException.class, () -> ChecksumList.parse("list.sha256", A + "  x/1.wav\n" + B + "  x/1.wav\n"));
        assertTrue(d.getMessage().contains("line 2: x/1.wav is listed twice"), d.getMessage());
    }

    @Test
    void comparesFilesFoundWithTheList() {
        ChecksumList l = ChecksumList.of("t", Map.of("1", A, "2", B, "3", C));
        var c = l.compare(Map.of("1", A, "2", C, "4", A));
        assertEquals(List.of("1"), c.identical());
        assertEquals(List.of("3"), c.missing());
        assertEquals(List.of("4"), c.extra());
        assertEquals(List.of(new ChecksumList.Difference("2", B, C)), c.differing());
        assertFalse(c.matches());
        assertTrue(c.text(10).startsWith("1 of 3 listed files byte-identical to t, 1 missing, 1 differing, 1 not listed\n"), c.text(10));
        assertTrue(l.compare(Map.of("1", A, "2", B, "3", C)).matches());
    }

    @Test
    void theCommittedRavdessListsNameTheSame1440Files() throws Exception {
        ChecksumList originals = ChecksumList.committed(ChecksumList.RAVDESS_ORIGINALS);
        ChecksumList converted = ChecksumList.committed(ChecksumList.RAVDESS_16K);
        assertEquals(1440, originals.size());
        assertEquals(originals.sha256ByPath().keySet(), converted.sha256ByPath().keySet());
        assertTrue(originals.sha256ByPath().keySet().stream().allMatch(p -> RavdessPreparation.LAYOUT.matcher(p).matches()));
        for (int a = 1; a <= 24; a++) {
            String actor = String.format("Actor_%02d/", a);
            assertEquals(60, originals.sha256ByPath().keySet().stream().filter(p -> p.startsWith(actor)).count(), actor);
        }
    }
}
