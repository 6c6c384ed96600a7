package org.emoaugnet.augment;

import java.util.SplittableRandom;
import org.emoaugnet.dsp.Fft;
import org.emoaugnet.util.Gaussian;

/**
 * Reverberation by a synthetic room impulse response: a unit direct path followed by Gaussian noise under an
 * exponential decay reaching −60 dB at {@code rt60} seconds (Polack's statistical model), direct-to-reverberant
 * energy ratio {@code drrDb}. One room per condition: the response is drawn from a fixed seed, not the copy seed,
 * so every test item hears the same room. The output keeps the input length and RMS level.
 */
public record Reverb(double rt60, double drrDb) implements Augmentation {
    public Reverb {
        if (!(rt60 > 0) || rt60 > 5) throw new IllegalArgumentException("rt60 must be in (0, 5] s: " + rt60);
    }

    /** The impulse response at {@code sr}. */
    public double[] impulseResponse(int sr) {
        int n = (int) Math.ceil(rt60 * sr);
        double[] h = new double[n + 1];
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        double tail = 0;
        for (int i = 1; i <= n; i++) {
            h[i] = Gaussian.next(r) * Math.exp(-6.907755 * i / (rt60 * sr)); // ln(1000): −60 dB in amplitude at rt60
            tail += h[i] * h[i];
        }
        double g = Math.sqrt(Math.pow(10, -drrDb / 10) / tail);       // direct energy 1, reverberant 10^(−DRR/10)
        for (int i = 1; i <= n; i++) h[i] *= g;
        h[0] = 1;
        return h;
    }

    @Override
    public float[] apply(float[] y, int sr, long seed) {
        double[] h = impulseResponse(sr);
        int size = Integer.highestOneBit(y.length + h.length - 1) << 1;
        Fft fft = new Fft(size);
        double[] ar = new double[size], ai = new double[size], br = new double[size], bi = new double[size];
        for (int i = 0; i < y.length; i++) ar[i] = y[i];
        System.arraycopy(h, 0, br, 0, h.length);
        fft.forward(ar, ai);
        fft.forward(br, bi);
        for (int k = 0; k < size; k++) {   // product, conjugated so that a forward transform inverts it
            double re = ar[k] * br[k] - ai[k] * bi[k], im = ar[k] * bi[k] + ai[k] * br[k];
            ar[k] = re;
            ai[k] = -im;
        }
        fft.forward(ar, ai);
        double pin = 0, pout = 0;
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) (ar[i] / size);
            pin += y[i] * (double) y[i];
            pout += out[i] * (double) out[i];
        }
        if (pout > 0) {
            float g = (float) Math.sqrt(pin / pout);
            for (int i = 0; i < out.length; i++) out[i] *= g;
        }
        return out;
    }

    @Override
    public String name() { return "reverb-" + Seeds.num(rt60) + "s"; }

    @Override
    public String key() { return "reverb(rt60=" + rt60 + ",drr_db=" + drrDb + ",rir_seed=0x5EED,model=polack)"; }
}
