package org.emoaugnet.augment;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Babble noise built from the corpus itself: {@code talkers} segments drawn (seeded per copy) from a pool of
 * concatenated speech of other recordings, summed and scaled to a signal-to-noise ratio over the clip. The pool is
 * part of the key (by hash), so cached features never mix two pools.
 */
public final class Babble implements Augmentation {
    private final float[] pool;
    private final int talkers;
    private final double snrDb;
    private final String poolHash;

    public Babble(float[] pool, int talkers, double snrDb) {
        if (pool.length == 0 || talkers < 1) throw new IllegalArgumentException("babble needs a non-empty pool and at least one talker");
        this.pool = pool;
        this.talkers = talkers;
        this.snrDb = snrDb;
        this.poolHash = hash(pool);
    }

    public Babble atSnr(double snr) { return new Babble(pool, talkers, snr); }

    @Override
    public float[] apply(float[] y, int sr, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] n = new double[y.length];
        for (int t = 0; t < talkers; t++) {
            int start = r.nextInt(Math.max(1, pool.length - y.length));
            for (int i = 0; i < y.length; i++) n[i] += pool[(start + i) % pool.length];
        }
        double ps = 0, pn = 0;
        for (int i = 0; i < y.length; i++) { ps += y[i] * (double) y[i]; pn += n[i] * n[i]; }
        if (pn == 0 || ps == 0) return y.clone();
        double g = Math.sqrt(ps / pn / Math.pow(10, snrDb / 10));
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (float) (y[i] + g * n[i]);
        return out;
    }

    @Override
    public String name() { return "babble-" + Seeds.num(snrDb) + "dB"; }

    @Override
    public String key() { return "babble(snr_db=" + snrDb + ",talkers=" + talkers + ",pool=" + poolHash + ")"; }

    private static String hash(float[] pool) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * pool.length);
            b.asFloatBuffer().put(pool);
            return HexFormat.of().formatHex(md.digest(b.array())).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
