package org.emoaugnet.util;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnownKeysTest {
    static final List<String> KNOWN = List.of("name", "corpus", "activation", "epochs", "seeds", "lr", "lr_factor", "lr_patience");

    @Test
    void editDistanceCountsTranspositionsAsOneEdit() {
        assertEquals(0, KnownKeys.distance("seed", "seed"));
        assertEquals(1, KnownKeys.distance("epoch", "epochs"), "one insertion");
        assertEquals(1, KnownKeys.distance("sead", "seed"), "one substitution");
        assertEquals(1, KnownKeys.distance("acitvation", "activation"), "one adjacent transposition");
        assertEquals(2, KnownKeys.distance("actvaiton", "activation"));
        assertEquals(3, KnownKeys.distance("", "abc"));
        assertEquals(KnownKeys.distance("kitten", "sitting"), KnownKeys.distance("sitting", "kitten"));
        assertEquals(3, KnownKeys.distance("kitten", "sitting"));
    }

    @Test
    void suggestsTheNearestKnownKeyOnlyWhenItIsClose() {
        assertEquals(Optional.of("epochs"), KnownKeys.nearest("epoch", KNOWN));
        assertEquals(Optional.of("activation"), KnownKeys.nearest("acitvation", KNOWN));
        assertEquals(Optional.of("activation"), KnownKeys.nearest("Activation", KNOWN), "case is ignored");
        assertEquals(Optional.of("lr_patience"), KnownKeys.nearest("lr_patiance", KNOWN));
        assertEquals(Optional.empty(), KnownKeys.nearest("xyz", KNOWN), "nothing is close");
        assertEquals(Optional.empty(), KnownKeys.nearest("batch_size", KNOWN));
        assertEquals(Optional.empty(), KnownKeys.nearest("ab", KNOWN), "a short key needs a near match (lr is 2 edits away)");
    }

    @Test
    void everyUnknownKeyIsNamedWithItsSuggestion() {
        KnownKeys.check("f.properties", List.of("name", "seeds", "lr"), KNOWN, "key", "");   // all known: no error
        var e = assertThrows(KnownKeys.UnknownKeyException.class,
                () -> KnownKeys.check("f.properties", List.of("name", "epoch", "acitvation", "xyz"), KNOWN, "key", ""));
        assertEquals(List.of("epoch", "acitvation", "xyz"), e.unknown());
        String m = e.getMessage();
        assertTrue(m.startsWith("f.properties: "), m);
        assertTrue(m.contains("unknown key 'epoch' — did you mean 'epochs'?"), m);
        assertTrue(m.contains("unknown key 'acitvation' — did you mean 'activation'?"), m);
        assertTrue(m.contains("unknown key 'xyz'") && !m.contains("'xyz' — did you mean"), "no suggestion when nothing is close: " + m);
        var o = assertThrows(KnownKeys.UnknownKeyException.class, () -> KnownKeys.check("emoaug x", List.of("sead"), List.of("seed", "data"), "option", "--"));
        assertTrue(o.getMessage().contains("unknown option '--sead' — did you mean '--seed'?"), o.getMessage());
        assertTrue(o.getMessage().contains("known options: --data, --seed"), o.getMessage());
    }
}
