package org.emoaugnet.model.fused;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;

/**
 * Where a fused network spends its time, stage by stage (a measuring tool, not a test): builds a preset on random
 * input, then times each stage's forward pass in inference mode and in training mode, and its backward pass, as
 * milliseconds per batch (median over the repeats after a warm-up). Run from the repository root after
 * {@code mvn -pl lib test-compile}:
 * <pre>
 * java -cp 'lib/target/test-classes:lib/target/classes:lib/target/jars/*' org.emoaugnet.model.fused.StageProfile strong-cnn-pool 64 301 8 32 20
 * </pre>
 * Arguments: preset, channels, frames, classes, batch, repeats. Set {@code OMP_NUM_THREADS=1} as the launcher does.
 */
public final class StageProfile {
    private StageProfile() {}

    public static void main(String[] args) throws Exception {
        String preset = args.length > 0 ? args[0] : "strong-cnn-pool";
        int c = args.length > 1 ? Integer.parseInt(args[1]) : 64, t = args.length > 2 ? Integer.parseInt(args[2]) : 301,
                k = args.length > 3 ? Integer.parseInt(args[3]) : 8, mb = args.length > 4 ? Integer.parseInt(args[4]) : 32,
                repeats = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        var dl4j = ModelFactory.build(ModelConfig.preset(preset, "relu"), c, t, k, 1e-3, 42);
        FusedNetwork net = FusedNetwork.compile(dl4j, c, t, mb, 42);
        var field = FusedNetwork.class.getDeclaredField("stages");
        field.setAccessible(true);
        @SuppressWarnings("unchecked") List<Stage> stages = (List<Stage>) field.get(net);
        SplittableRandom rnd = new SplittableRandom(42);
        float[] x = new float[mb * c * t];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
        int[] labels = new int[mb];
        for (int i = 0; i < mb; i++) labels[i] = rnd.nextInt(k);
        for (int w = 0; w < 3; w++) net.fit(x, labels, mb);   // warm-up: JIT, native primitives, Adam state
        int n = stages.size();
        double[][] inf = new double[n][repeats], fwd = new double[n][repeats], bwd = new double[n][repeats];
        for (int r = 0; r < repeats; r++) {
            float[] in = x;
            for (int s = 0; s < n; s++) {
                long t0 = System.nanoTime();
                stages.get(s).forward(net, in, mb, false);
                inf[s][r] = (System.nanoTime() - t0) / 1e6;
                in = stages.get(s).y;
            }
            in = x;
            for (int s = 0; s < n; s++) {
                long t0 = System.nanoTime();
                stages.get(s).forward(net, in, mb, true);
                fwd[s][r] = (System.nanoTime() - t0) / 1e6;
                in = stages.get(s).y;
            }
            float[] d = new float[mb * k];
            for (int i = 0; i < d.length; i++) d[i] = (float) (rnd.nextGaussian() / mb);
            for (int s = n - 1; s >= 0; s--) {
                long t0 = System.nanoTime();
                stages.get(s).backward(net, d, mb, s > 0);
                bwd[s][r] = (System.nanoTime() - t0) / 1e6;
                d = stages.get(s).dx;
            }
        }
        System.out.printf(Locale.ROOT, "%s on %d × %d, %d classes, batch %d, median of %d repeats (ms per batch)%n", preset, c, t, k, mb, repeats);
        System.out.printf(Locale.ROOT, "%-3s %-22s %-16s %10s %10s %10s%n", "#", "stage", "out (C × T)", "inference", "fwd train", "backward");
        double[] total = new double[3];
        for (int s = 0; s < n; s++) {
            Stage st = stages.get(s);
            double a = median(inf[s]), b = median(fwd[s]), e = median(bwd[s]);
            total[0] += a;
            total[1] += b;
            total[2] += e;
            System.out.printf(Locale.ROOT, "%-3d %-22s %-16s %10.3f %10.3f %10.3f%n", s, st.getClass().getSimpleName(), st.outC + " × " + st.outT, a, b, e);
        }
        System.out.printf(Locale.ROOT, "    %-22s %-16s %10.3f %10.3f %10.3f%n", "total", "", total[0], total[1], total[2]);
        System.out.printf(Locale.ROOT, "    samples/s from these totals: inference %.0f, training (forward + backward, no optimiser) %.0f%n",
                1000 * mb / total[0], 1000 * mb / (total[1] + total[2]));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
