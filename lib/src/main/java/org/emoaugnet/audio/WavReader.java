package org.emoaugnet.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files: integer PCM 8/16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE with either,
 * any channel count and sample rate. Samples are scaled as libsndfile does (PCM16 {@code / 32768}, PCM24
 * {@code / 2^23}, PCM32 {@code / 2^31}, PCM8 unsigned {@code (b - 128) / 128}).
 *
 * <p>Every malformed file raises {@link AudioFormatException} naming the file and the problem: missing, empty,
 * not RIFF/WAVE, truncated header or data, missing fmt/data chunk, unsupported encoding, zero-length audio.
 */
public final class WavReader {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {}

    /** Decoded audio: channel-major samples {@code data[channel][frame]}. */
    public record Decoded(WavInfo info, float[][] channels) {
        /** Float32 mean over channels, as librosa's {@code to_mono}. */
        public float[] mono() {
            if (channels.length == 1) return channels[0];
            int n = channels[0].length;
            float[] out = new float[n];
            for (float[] ch : channels) for (int i = 0; i < n; i++) out[i] += ch[i];
            float inv = channels.length;
            for (int i = 0; i < n; i++) out[i] /= inv;
            return out;
        }
    }

    /** Reads only the header. */
    public static WavInfo info(Path file) throws IOException {
        byte[] head = readHead(file);
        return parse(file, head, false, Files.size(file)).info();
    }

    /** Reads the whole file. */
    public static Decoded read(Path file) throws IOException {
        byte[] all = readAll(file);
        return parse(file, all, true, all.length);
    }

    /**
     * Reads a window of frames, counted at the native rate as librosa does: {@code offsetFrames} frames are
     * skipped and at most {@code maxFrames} frames are returned (negative = to the end).
     */
    public static Decoded read(Path file, long offsetFrames, long maxFrames) throws IOException {
        Decoded all = read(file);
        long n = all.info().frames();
        int from = (int) Math.min(Math.max(0, offsetFrames), n);
        int to = maxFrames < 0 ? (int) n : (int) Math.min(n, from + maxFrames);
        float[][] cut = new float[all.channels().length][];
        for (int c = 0; c < cut.length; c++) cut[c] = java.util.Arrays.copyOfRange(all.channels()[c], from, to);
        WavInfo i = all.info();
        return new Decoded(new WavInfo(i.sampleRate(), i.channels(), i.bitsPerSample(), i.floatingPoint(), to - from), cut);
    }

    private static byte[] readAll(Path file) throws IOException {
        try {
            if (Files.isDirectory(file)) throw new AudioFormatException(file, "is a directory, not a WAV file");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file, "file does not exist", e);
        }
    }

    /** The first 1 MiB of the file: enough for any header this reader supports. */
    private static byte[] readHead(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(1 << 20);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file, "file does not exist", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) throw new AudioFormatException(file, "is a directory, not a WAV file");
            throw e;
        }
    }

    private static Decoded parse(Path file, byte[] bytes, boolean decode, long totalLength) throws AudioFormatException {
        if (bytes.length == 0) throw new AudioFormatException(file, "empty file (0 bytes)");
        if (bytes.length < 12) throw new AudioFormatException(file, "truncated: " + bytes.length + " bytes is shorter than a RIFF header");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String riff = ascii(bytes, 0);
        if (riff.equals("RIFX") || riff.equals("RF64"))
            throw new AudioFormatException(file, "unsupported container " + riff + " (only little-endian RIFF WAVE is read)");
        if (!riff.equals("RIFF") || !ascii(bytes, 8).equals("WAVE"))
            throw new AudioFormatException(file, "not a RIFF/WAVE file (starts with '" + printable(bytes) + "')");

        int pos = 12;
        int format = -1, channels = 0, rate = 0, bits = 0, blockAlign = 0;
        int dataStart = -1;
        long dataLen = -1;
        while (pos + 8 <= bytes.length) {
            String id = ascii(bytes, pos);
            long len = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (len < 16 || body + 16 > bytes.length)
                    throw new AudioFormatException(file, "truncated fmt chunk");
                format = Short.toUnsignedInt(b.getShort(body));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(b.getShort(body + 12));
                bits = Short.toUnsignedInt(b.getShort(body + 14));
                if (format == FORMAT_EXTENSIBLE) {
                    if (len < 40 || body + 40 > bytes.length)
                        throw new AudioFormatException(file, "truncated WAVE_FORMAT_EXTENSIBLE fmt chunk");
                    format = Short.toUnsignedInt(b.getShort(body + 24)); // first two bytes of the sub-format GUID
                }
            } else if (id.equals("data")) {
                dataStart = body;
                dataLen = len;
                if (format != -1) break;
            }
            long next = body + len + (len & 1);
            if (next > bytes.length && !id.equals("data")) {
                if (next > totalLength) throw new AudioFormatException(file, "truncated: chunk '" + id.strip() + "' runs past the end of the file");
                throw new AudioFormatException(file, "header chunk '" + id.strip() + "' is implausibly large (" + len + " bytes)");
            }
            if (next > bytes.length) break; // the data chunk runs past what was read: judged below
            pos = (int) next;
        }
        if (format == -1) throw new AudioFormatException(file, "no fmt chunk (truncated or not a WAV file)");
        if (dataStart < 0) throw new AudioFormatException(file, "no data chunk (truncated header)");
        if (channels <= 0) throw new AudioFormatException(file, "invalid channel count " + channels);
        if (rate <= 0) throw new AudioFormatException(file, "invalid sample rate " + rate);
        boolean isFloat;
        if (format == FORMAT_PCM) {
            if (bits != 8 && bits != 16 && bits != 24 && bits != 32)
                throw new AudioFormatException(file, "unsupported encoding: " + bits + "-bit integer PCM");
            isFloat = false;
        } else if (format == FORMAT_FLOAT) {
            if (bits != 32 && bits != 64)
                throw new AudioFormatException(file, "unsupported encoding: " + bits + "-bit float");
            isFloat = true;
        } else {
            throw new AudioFormatException(file, "unsupported encoding: WAV format tag 0x" + Integer.toHexString(format)
                    + " (" + formatName(format) + "); only PCM and IEEE float are read");
        }
        int bytesPerSample = bits / 8;
        int frameBytes = bytesPerSample * channels;
        if (blockAlign != 0 && blockAlign != frameBytes)
            throw new AudioFormatException(file, "inconsistent header: block align " + blockAlign + " for " + channels + " x " + bits + "-bit");
        long available = totalLength - dataStart;
        if (dataLen > available) {
            throw new AudioFormatException(file, "truncated: data chunk declares " + dataLen + " bytes but only "
                    + available + " are present");
        }
        long frames = dataLen / frameBytes;
        if (frames == 0) throw new AudioFormatException(file, "zero-length audio (data chunk holds no complete frame)");
        WavInfo info = new WavInfo(rate, channels, bits, isFloat, frames);
        if (!decode) return new Decoded(info, null);
        if (frames > Integer.MAX_VALUE) throw new AudioFormatException(file, "too long to decode in memory");
        int n = (int) frames;
        float[][] out = new float[channels][n];
        int p = dataStart;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = sample(b, p, bits, isFloat);
                p += bytesPerSample;
            }
        }
        return new Decoded(info, out);
    }

    private static float sample(ByteBuffer b, int p, int bits, boolean isFloat) {
        if (isFloat) return bits == 32 ? b.getFloat(p) : (float) b.getDouble(p);
        switch (bits) {
            case 8: return ((b.get(p) & 0xFF) - 128) / 128f;
            case 16: return b.getShort(p) / 32768f;
            case 24: {
                int v = (b.get(p) & 0xFF) | ((b.get(p + 1) & 0xFF) << 8) | (b.get(p + 2) << 16);
                return v / 8388608f;
            }
            default: return (float) (b.getInt(p) / 2147483648.0);
        }
    }

    private static String formatName(int tag) {
        switch (tag) {
            case 2: return "MS ADPCM";
            case 6: return "A-law";
            case 7: return "mu-law";
            case 0x11: return "IMA ADPCM";
            case 0x55: return "MP3";
            default: return "unknown";
        }
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            int c = bytes[i] & 0xFF;
            sb.append(c >= 32 && c < 127 ? (char) c : '?');
        }
        return sb.toString();
    }
}
