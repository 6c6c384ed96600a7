package org.emoaugnet.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which epoch's weights a run keeps, and so what its convergence means ({@link StopReason#converged}).
 *
 * <ul>
 *   <li>{@link #VAL_UA} ({@code val_ua}): the epoch with the best validation UA; early stopping and the plateau schedule
 *       read the same score (the recipe of every run before the fixed-budget search).</li>
 *   <li>{@link #LAST} ({@code last}): the last epoch of a fixed budget (warmup-cosine schedule, no early stopping); no
 *       score chooses anything during training, so validation actors only draw curves and may be absent. Converged
 *       when the training loss is flat over the last tenth of the schedule ({@link StopReason#lossFlat}).</li>
 * </ul>
 */
public enum Selection {
    VAL_UA, LAST;

    /** The name run specifications ({@code training.selection}) and experiment files ({@code selection}) use. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Every selection's {@link #key}, in declaration order. */
    public static List<String> keys() { return Arrays.stream(values()).map(Selection::key).toList(); }

    /** The selection of {@code key}; an error naming the known ones for another. */
    public static Selection of(String key) {
        for (Selection s : values()) if (s.key().equals(key)) return s;
        throw new IllegalArgumentException("unknown selection '" + key + "' (" + String.join(", ", keys()) + ")");
    }
}
