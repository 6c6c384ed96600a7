package org.emoaugnet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.emoaugnet.data.loaders.CorpusLoader;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.evidence.PaperClaims;
import org.junit.jupiter.api.Test;

/** Every corpus is defined in one place, completely, and the registry answers for derivatives. */
class CorpusRegistryTest {
    @Test
    void everyDefinitionIsComplete() {
        for (CorpusLoader l : CorpusLoader.all()) {
            assertFalse(l.displayName().isBlank(), l.name());
            assertFalse(l.licence().isBlank(), l.name());
            assertFalse(l.labels().isEmpty(), l.name());
            ClassSet cs = l.defaultClassSet();
            long kept = l.labels().values().stream().filter(cs.mapping()::containsKey).map(cs.mapping()::get).distinct().count();
            assertTrue(kept >= 2, l.name() + ": its default class set keeps " + kept + " of its classes");
            assertSame(l.getClass(), Corpora.definition(l.name()).getClass());
        }
    }

    @Test
    void anUnknownCorpusNameInTheSettingsIsAConfigurationErrorBeforeAnyFolderIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var s = org.emoaugnet.util.Settings.resolve(java.util.Map.of("EMOAUG_HOME", dir.toString()), java.util.Map.of("data", dir.toString(), "corpus", "ravdess,emodbb"));
        var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> Corpora.open(s));
        assertTrue(e.getMessage().startsWith("settings: corpus=ravdess,emodbb: must be comma-separated corpus names") && e.getMessage().contains("did you mean 'emodb'?")
                && e.getMessage().contains("'emodbb' is none"), e.getMessage());
    }

    @Test
    void derivativesAnswerToTheirParentAndPoliciesComeFromTheDefinition() {
        assertEquals("EmoDB", Corpora.displayName("emodb-2s"));
        assertEquals(ClassSet.EMODB_7, Corpora.defaultClassSet("emodb-2s"));
        assertEquals(ClassSet.RAVDESS_7_PAPER, Corpora.defaultClassSet("synthetic-b"));
        assertFalse(Corpora.definition("iemocap").freelyAvailable());
        assertThrows(IllegalArgumentException.class, () -> Corpora.definition("no-such-corpus"));
        assertEquals(List.of("iemocap", "iemocap", "ravdess", "ravdess"), PaperClaims.ALL.stream().map(PaperClaims.Claim::corpus).toList());
        assertEquals(94.53, PaperClaims.of("ravdess", "relu").wa());
        assertNull(PaperClaims.of("emodb", "relu"), "the paper reports nothing on EmoDB");
        assertTrue(Corpora.names().containsAll(List.of("ravdess", "emodb", "emodb-2s", "synthetic", "synthetic-b", "iemocap")), Corpora.names().toString());
        var names = List.of("emodb-2s", "ravdess", "synthetic");
        assertEquals(org.emoaugnet.data.loaders.Corpora.commonClasses(names),
                org.emoaugnet.data.loaders.Corpora.commonClassesNamed("common-emodb-2s-ravdess-synthetic"), "hyphenated corpus names are read back");
        assertThrows(IllegalArgumentException.class, () -> org.emoaugnet.data.loaders.Corpora.commonClassesNamed("common-ravdess-klingon"));
    }

    /** The cross-corpus grid of RAVDESS, EmoDB, SAVEE and URDU is on the four classes they all have. */
    @Test
    void theFourRealCorporaShareAngryHappyNeutralAndSad() {
        var names = List.of("ravdess", "emodb", "savee", "urdu");
        ClassSet common = Corpora.commonClasses(names);
        assertEquals(List.of("angry", "happy", "neutral", "sad"), common.classes().stream().sorted().toList());
        for (String c : names) {
            long kept = Corpora.labels(c).values().stream().filter(common.mapping()::containsKey).map(common.mapping()::get).distinct().count();
            assertEquals(4, kept, c + " has all four shared classes under its own labels");
        }
        assertEquals(common, Corpora.commonClassesNamed("common-ravdess-emodb-savee-urdu"));
        assertEquals(ClassSet.URDU_4.classes(), Corpora.commonClasses(List.of("urdu", "savee")).classes());
        assertEquals(ClassSet.SAVEE_7, Corpora.defaultClassSet("savee"));
        assertTrue(Corpora.definition("savee").licence().contains("registration with the University of Surrey"));
        assertTrue(Corpora.definition("urdu").licence().contains("research purposes only"));
    }
}
