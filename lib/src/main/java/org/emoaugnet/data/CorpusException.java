package org.emoaugnet.data;

import java.util.List;

/** A corpus with files that cannot be used; lists every bad file, not only the first. */
public class CorpusException extends java.io.IOException {
    private final List<BadFile> badFiles;

    public CorpusException(String corpus, List<BadFile> badFiles) {
        super(message(corpus, badFiles));
        this.badFiles = List.copyOf(badFiles);
    }

    public CorpusException(String message) {
        super(message);
        this.badFiles = List.of();
    }

    public List<BadFile> badFiles() { return badFiles; }

    private static String message(String corpus, List<BadFile> bad) {
        StringBuilder sb = new StringBuilder(corpus + ": " + bad.size() + " bad file(s)");
        int shown = Math.min(bad.size(), 25);
        for (int i = 0; i < shown; i++) sb.append("\n  ").append(bad.get(i));
        if (bad.size() > shown) sb.append("\n  ... and ").append(bad.size() - shown).append(" more");
        sb.append("\n(use skipBad / --skip-bad to continue without them)");
        return sb.toString();
    }
}
