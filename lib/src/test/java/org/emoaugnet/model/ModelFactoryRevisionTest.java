package org.emoaugnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The presets of {@link ModelFactory#REVISION} 2 build the networks they built when committed runs were trained: the
 * SHA-256 of each one's DL4J configuration JSON (ReLU and ELU, on a 4 × 40 input, 7 classes) equals the value the
 * builder gave before the heads of {@link ModelConfig.Pooling} were added (computed on commit 32809ea). A change to
 * the builder that changes one of them must bump the revision, and then this table.
 */
class ModelFactoryRevisionTest {
    static final Map<String, String> REVISION_2 = Map.of(
            "compact-cnn-lstm relu", "b1188e8636377c0107704ab4c0c971dee7f12fe39355972877f5e41b06946869",
            "compact-cnn-lstm elu", "39dba27a4bc5ef5b3f8d2ff51b335ab0b5085409756646e1388ecc304476aebe",
            "paper-cnn-lstm relu", "baf9eee7129d8fe1c8cd5eb2859db6a8e65118fc6b2de9b9f3e1b6d5a45329f3",
            "paper-cnn-lstm elu", "5199f9e9b14ff109405f0e800e7fe85fcfe106eb96a101156144c23240d7da90",
            "public-conv1d relu", "293f1a97e1fad8539913a7e972d34bb9f9acb7622b6e382c6515e6d0763c2d32",
            "public-conv1d elu", "507e492676163c80369610925938d512ca0e1079609bc73a3be3c6b1d2589680");

    /**
     * The strong presets, added later under the same revision: their configuration JSON on the same input as computed on
     * commit d34d0b5, before the 2-D trunk ({@link ModelConfig.Trunk}) was added, which left every 1-D network as it was.
     */
    static final Map<String, String> STRONG = Map.of(
            "strong-cnn-bilstm relu", "f8ef58e0f69df77e9c40221f0b186007f5aad8723a3d6c83b27b291ecf7c8ffb",
            "strong-cnn-bilstm elu", "4cf61b54da3754d2cbe01cabe3eee216bcf376dfe1cb0aa774a4b0b7bab6f3f7",
            "strong-cnn-pool relu", "06f385ffa7747bbd479bf29dfd74ccc4d2d2979e014977e65037822ff05a0936",
            "strong-cnn-pool elu", "322bc0293296bd64134693237ff902c0c298d5b84dcea20ac5e9226e985fe20c");

    static String configSha(String preset, String act) throws Exception {
        String json = ModelFactory.build(ModelConfig.preset(preset, act), 4, 40, 7, 1e-3, 1).getLayerWiseConfigurations().toJson();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void revisionTwoPresetsBuildTheirCommittedNetworks() throws Exception {
        assertEquals("2", ModelFactory.REVISION, "a new revision needs a new table here");
        Map<String, String> now = new TreeMap<>();
        for (String p : new String[] {"compact-cnn-lstm", "paper-cnn-lstm", "public-conv1d"})
            for (String a : new String[] {"relu", "elu"}) now.put(p + " " + a, configSha(p, a));
        assertEquals(new TreeMap<>(REVISION_2), now);
    }

    @Test
    void strongPresetsBuildTheNetworksTheyBuiltBeforeThe2dTrunk() throws Exception {
        Map<String, String> now = new TreeMap<>();
        for (String p : new String[] {"strong-cnn-bilstm", "strong-cnn-pool"})
            for (String a : new String[] {"relu", "elu"}) now.put(p + " " + a, configSha(p, a));
        assertEquals(new TreeMap<>(STRONG), now);
    }
}
