package org.emoaugnet.data;

import java.util.List;

/**
 * One train/validation/test partition of utterances. {@code validation} is carved from training data only and
 * may be empty.
 *
 * @param name     e.g. {@code fold-3} or {@code random-80-20-seed42}
 * @param protocol how the partition was made (stated in every report)
 */
public record Fold(String name, String protocol, List<Utterance> train, List<Utterance> validation, List<Utterance> test) {
    public Fold {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    public Fold(String name, String protocol, List<Utterance> train, List<Utterance> test) {
        this(name, protocol, train, List.of(), test);
    }
}
