package org.emoaugnet.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of decoded audio (all channels, float bits), so that identical audio matches whatever its header. */
public final class AudioHash {
    private AudioHash() {}

    public static String of(float[][] channels, int sampleRate) {
        MessageDigest md = sha256();
        md.update(java.nio.ByteBuffer.allocate(8).putInt(sampleRate).putInt(channels.length).array());
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * 4096);
        for (float[] ch : channels) {
            for (int i = 0; i < ch.length; i++) {
                if (!buf.hasRemaining()) { md.update(buf.array(), 0, buf.position()); buf.clear(); }
                buf.putInt(Float.floatToIntBits(ch[i]));
            }
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
