package org.emoaugnet.audio;

import java.nio.file.Path;

/** A file that cannot be read as audio. The message always names the file and the problem. */
public class AudioFormatException extends java.io.IOException {
    private final Path file;
    private final String problem;

    public AudioFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public AudioFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() { return file; }

    public String problem() { return problem; }
}
