package org.emoaugnet.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.emoaugnet.model.Predictor;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * {@code predict}'s output, one record per file as soon as it is predicted, in one of three {@link Format}s with the
 * same columns: {@code file}, {@code class} (the most probable), one probability per class of the model (in its order),
 * {@code warnings} ({@link Predictor.Warning}) and {@code error} (why the file could not be predicted; then class and
 * probabilities are empty).
 */
final class PredictionWriter {
    /** How records are written. */
    enum Format {
        /**
         * Tab-separated, a header line first; in a cell a backslash, tab, newline and carriage return are written
         * {@code \\}, {@code \t}, {@code \n}, {@code \r}, so a file name cannot shift the columns; warnings are joined by "; ".
         */
        tsv,
        /** RFC 4180: comma-separated, CRLF line ends, a header line first, a cell with a comma, quote or line break quoted. */
        csv,
        /** A JSON array of objects {@code {file, class, probabilities: {class: p}, warnings: [...], error}}, one object a line. */
        json
    }

    /** One file's outcome: its prediction, or the error that stopped it. */
    record Outcome(Path file, Optional<Predictor.Prediction> prediction, Optional<String> error) {
        static Outcome of(Predictor.Prediction p) { return new Outcome(p.file(), Optional.of(p), Optional.empty()); }

        static Outcome failed(Path file, String error) { return new Outcome(file, Optional.empty(), Optional.of(error)); }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Format format;
    private final List<String> classes;
    private final PrintStream out;
    private int written;

    /** Writes the header (tsv, csv) or the array's opening (json). */
    PredictionWriter(Format format, List<String> classes, PrintStream out) {
        this.format = format;
        this.classes = List.copyOf(classes);
        this.out = out;
        List<String> header = new ArrayList<>(List.of("file", "class"));
        header.addAll(this.classes);
        header.addAll(List.of("warnings", "error"));
        switch (format) {
            case tsv, csv -> line(header);
            case json -> out.print("[");
        }
        out.flush();
    }

    /** Writes one file's record. */
    void write(Outcome o) {
        switch (format) {
            case tsv, csv -> {
                List<String> cells = new ArrayList<>(List.of(o.file().toString(), o.prediction().map(Predictor.Prediction::best).orElse("")));
                for (int i = 0; i < classes.size(); i++) {
                    int k = i;
                    cells.add(o.prediction().map(p -> String.format(Locale.ROOT, "%.4f", p.probabilities()[k])).orElse(""));
                }
                cells.add(String.join("; ", o.prediction().map(p -> p.warnings().stream().map(Predictor.Warning::text).toList()).orElse(List.of())));
                cells.add(o.error().orElse(""));
                line(cells);
            }
            case json -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", o.file().toString());
                m.put("class", o.prediction().map(Predictor.Prediction::best).orElse(null));
                Map<String, Double> probabilities = new LinkedHashMap<>();
                o.prediction().ifPresent(p -> {
                    for (int i = 0; i < p.classes().size(); i++) probabilities.put(p.classes().get(i), p.probabilities()[i]);
                });
                m.put("probabilities", probabilities);
                m.put("warnings", o.prediction().map(p -> p.warnings().stream().map(Predictor.Warning::text).toList()).orElse(List.of()));
                m.put("error", o.error().orElse(null));
                try {
                    out.print((written == 0 ? "\n" : ",\n") + JSON.writeValueAsString(m));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("predict: cannot write the record of " + o.file() + " as JSON", e);
                }
            }
        }
        written++;
        out.flush();
    }

    /** Closes the JSON array; nothing for the line formats. */
    void finish() {
        if (format == Format.json) out.println("\n]");
        out.flush();
    }

    private void line(List<String> cells) {
        if (format == Format.tsv) out.print(String.join("\t", cells.stream().map(PredictionWriter::tsvCell).toList()) + "\n");
        else out.print(String.join(",", cells.stream().map(PredictionWriter::csvCell).toList()) + "\r\n");
    }

    /** A TSV cell: backslash, tab, newline and carriage return escaped as {@code \\ \t \n \r}. */
    static String tsvCell(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** An RFC 4180 field ({@link org.emoaugnet.util.Tables#csvField}). */
    static String csvCell(String s) { return org.emoaugnet.util.Tables.csvField(s); }
}
