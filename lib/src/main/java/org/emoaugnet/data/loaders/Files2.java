package org.emoaugnet.data.loaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Small folder helpers shared by the loaders. */
final class Files2 {
    private Files2() {}

    /** WAV files (case-insensitive extension) below {@code dir}, at most {@code depth} levels down, sorted. */
    static List<Path> wavs(Path dir, int depth) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(Files::isRegularFile).filter(p -> isWav(p)).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static boolean isWav(Path p) {
        String n = p.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".wav") && !n.startsWith(".");
    }

    static List<Path> subdirs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /** True if any of the first {@code limit} WAVs below {@code dir} (depth) matches {@code regex}. */
    static boolean anyWavMatches(Path dir, int depth, String regex, int limit) {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(Files2::isWav).limit(limit).anyMatch(p -> p.getFileName().toString().matches(regex));
        } catch (IOException | UncheckedIOException e) {
            org.slf4j.LoggerFactory.getLogger(Files2.class).warn("{}: cannot be read while looking for a corpus layout ({}); not recognised", dir, e.toString());
            return false;
        }
    }
}
