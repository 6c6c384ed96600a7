package org.emoaugnet.run;

import java.io.IOException;

/**
 * A run the {@link Runner} does not train: its spec is of another engine than this checkout's (its experiment is
 * pinned to an older engine in {@code experiments/engine-pins.csv}, {@link EnginePins}), and it is missing or its
 * folder holds another spec. The message names the run, the engine, the pin and the git tag whose checkout trains it
 * ({@link EngineTags}); nothing was computed, moved or deleted. An {@link IOException}, so that every driver passes it on
 * as it passes on a job's other errors.
 */
public final class OtherEngineException extends IOException {
    public OtherEngineException(String message) { super(message); }
}
