package org.emoaugnet.cli;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the files a command reads, before any work: a missing one is named with what it was to be. */
final class InputFiles {
    private InputFiles() {}

    /** {@code file}, when it is a regular file; else an error saying that the {@code what} (e.g. "configuration file") does not exist. */
    static Path file(Path file, String what) throws FileNotFoundException {
        if (Files.isDirectory(file)) throw new FileNotFoundException(what + " " + file + " is a folder, not a file");
        if (!Files.isRegularFile(file)) throw new FileNotFoundException(what + " " + file + " does not exist");
        return file;
    }

    /** {@code dir}, when it is a folder; else an error saying that the {@code what} does not exist. */
    static Path folder(Path dir, String what) throws FileNotFoundException {
        if (Files.isRegularFile(dir)) throw new FileNotFoundException(what + " " + dir + " is a file, not a folder");
        if (!Files.isDirectory(dir)) throw new FileNotFoundException(what + " " + dir + " does not exist");
        return dir;
    }
}
