package org.emoaugnet.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.emoaugnet.util.AtomicFiles;

/** Writes mono or multi-channel WAV files (16-bit PCM with rounding and clipping, or 32-bit float), atomically. */
public final class WavWriter {
    private WavWriter() {}

    public static void writePcm16(Path file, float[] mono, int sampleRate) throws IOException {
        write(file, new float[][] {mono}, sampleRate, 16, false);
    }

    public static void writeFloat32(Path file, float[] mono, int sampleRate) throws IOException {
        write(file, new float[][] {mono}, sampleRate, 32, true);
    }

    /** Writes {@code channels[c][i]} interleaved, with the given bits (8, 16, 24, 32 PCM or 32/64 float). */
    public static void write(Path file, float[][] channels, int sampleRate, int bits, boolean isFloat) throws IOException {
        AtomicFiles.write(file, encode(channels, sampleRate, bits, isFloat));
    }

    /** The bytes of a canonical 44-byte-header WAV file. */
    public static byte[] encode(float[][] channels, int sampleRate, int bits, boolean isFloat) {
        int nch = channels.length;
        int n = channels[0].length;
        int bps = bits / 8;
        int dataLen = n * nch * bps;
        ByteBuffer b = ByteBuffer.allocate(44 + dataLen).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataLen)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) (isFloat ? 3 : 1)).putShort((short) nch).putInt(sampleRate)
                .putInt(sampleRate * nch * bps).putShort((short) (nch * bps)).putShort((short) bits)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataLen);
        for (int i = 0; i < n; i++) {
            for (float[] ch : channels) {
                double x = ch[i];
                if (isFloat) {
                    if (bits == 32) b.putFloat((float) x); else b.putDouble(x);
                    continue;
                }
                switch (bits) {
                    case 8: b.put((byte) (clip(Math.round(x * 128.0), -128, 127) + 128)); break;
                    case 16: b.putShort((short) clip(Math.round(x * 32768.0), -32768, 32767)); break;
                    case 24: {
                        long v = clip(Math.round(x * 8388608.0), -8388608, 8388607);
                        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                        break;
                    }
                    case 32: b.putInt((int) clip(Math.round(x * 2147483648.0), Integer.MIN_VALUE, Integer.MAX_VALUE)); break;
                    default: throw new IllegalArgumentException("unsupported PCM bits " + bits);
                }
            }
        }
        return b.array();
    }

    private static long clip(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
