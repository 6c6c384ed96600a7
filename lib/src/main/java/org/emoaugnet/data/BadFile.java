package org.emoaugnet.data;

import java.nio.file.Path;

/** A file that a loader or scan could not use, and why. */
public record BadFile(Path path, String problem) {
    @Override
    public String toString() { return path + ": " + problem; }
}
