package org.emoaugnet.design;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.SpecJobs;

/**
 * What a plan will cost to train, estimated before any run from one run whose time is known (a {@link Reference}).
 * The estimate of a planned run is the reference's time scaled by the work per epoch: training rows (its training
 * recordings, validation speakers out, × the copies of its recipe; {@link SpecJobs#trainingRecordings}) × frames per
 * row (the clip window's, {@link FeatureSpec#frames}) × the epochs it is expected to run, against the reference's.
 * Assumptions, stated where the estimate is printed: the time of a run is proportional to rows × frames × epochs (the
 * compact CNN-LSTM's convolutions and LSTM steps run over every frame of every row, every epoch; extracting features,
 * cached once per recording and copy, and testing are left out); a run stops after as many epochs as the runs it is
 * compared with did (early stopping decides it: {@link #PREVIOUS_GRID_EPOCHS}); the machine is the reference's, one
 * run per core.
 */
public final class PlanCost {
    private PlanCost() {}

    /**
     * A run whose time is known: what it is, its training rows and frames per row, and its time on one core (low and
     * high).
     */
    public record Reference(String what, long trainingRows, int frames, double epochs, double secondsLow, double secondsHigh) {
        public Reference {
            if (trainingRows <= 0 || frames <= 0 || !(epochs > 0) || !(secondsLow > 0) || !(secondsHigh >= secondsLow))
                throw new IllegalArgumentException("a reference run needs rows, frames, epochs and 0 < low <= high seconds: " + trainingRows + ", " + frames
                        + ", " + epochs + ", " + secondsLow + ", " + secondsHigh);
        }

        /** Work of the reference run, in row-frame-epochs. */
        public double work() { return trainingRows * (double) frames * epochs; }
    }

    /**
     * Epochs a run of notebook 05's grid is expected to run: the median of the 60 runs of its previous grid (RAVDESS,
     * EmoDB-2s and the synthetic corpus; the same model, features and convergence budget; engine fused-1), 19 (11 to
     * 41); each stopped by patience.
     */
    public static final double PREVIOUS_GRID_EPOCHS = 19;

    /**
     * The reference of the suite's per-run figure: notebook 04's speaker-independent RAVDESS run of the compact
     * CNN-LSTM (experiment {@code ravdess-si-compact-relu}: public-4, the public pipeline's 2.5 s window of 108 frames,
     * 17 training actors' 1,020 recordings × 4 copies = 4,080 training rows on folds 1-4), about 30 to 50 s on one core
     * under the fused trainer. Its 15 committed records (engine fused-1, two shared cores) took 28 to 95 s, median 51 s,
     * after 11 to 32 epochs, median 17.
     */
    public static final Reference RAVDESS_SI = new Reference("a speaker-independent RAVDESS run of compact-cnn-lstm (ravdess-si-compact-relu: "
            + "4,080 training rows of 108 frames, 17 epochs, about 30-50 s on one core)", 4080, 108, 17, 30, 50);

    /** One planned run's estimate: its training recordings, the copies of its recipe, its frames per row, and its time on one core. */
    public record Estimate(PlannedRun run, int trainingRecordings, int copies, int frames, double secondsLow, double secondsHigh) {
        /** Training rows: recordings × copies. */
        public long trainingRows() { return (long) trainingRecordings * copies; }
    }

    /**
     * The estimate of every run of {@code plan} against {@code ref}, each expected to run {@code epochs} epochs, its
     * training side computed as the run's job would ({@code jobs}).
     */
    public static List<Estimate> of(List<PlannedRun> plan, SpecJobs jobs, Reference ref, double epochs) throws IOException {
        List<Estimate> out = new ArrayList<>();
        for (PlannedRun p : plan) out.add(of(p, jobs, ref, epochs));
        return out;
    }

    /** One run's estimate ({@link #of(List, SpecJobs, Reference, double)}); a clip window of variable length is taken to be the reference's. */
    public static Estimate of(PlannedRun p, SpecJobs jobs, Reference ref, double epochs) throws IOException {
        int recordings = jobs.trainingRecordings(p);
        SpecJobs.Parts parts = SpecJobs.Parts.of(p.spec());
        int copies = p.spec().evaluates() ? 0 : parts.recipe().size();
        int frames = parts.features().frames() > 0 ? parts.features().frames() : ref.frames();
        double share = (double) recordings * copies * frames * epochs / ref.work();
        return new Estimate(p, recordings, copies, frames, share * ref.secondsLow(), share * ref.secondsHigh());
    }

    /** Seconds on one core, low and high, summed over estimates. */
    public static double[] seconds(List<Estimate> es) {
        double lo = 0, hi = 0;
        for (Estimate e : es) { lo += e.secondsLow(); hi += e.secondsHigh(); }
        return new double[] {lo, hi};
    }
}
