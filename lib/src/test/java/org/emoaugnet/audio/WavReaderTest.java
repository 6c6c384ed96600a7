package org.emoaugnet.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.emoaugnet.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavReaderTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({"8,false,0.01", "16,false,0.0001", "24,false,1e-6", "32,false,1e-8", "32,true,0", "64,true,0"})
    void roundTripsEveryEncoding(int bits, boolean isFloat, double tol) throws Exception {
        float[] y = Fixtures.sine(8000, 0.1, 440, 0.5);
        Path f = dir.resolve("x.wav");
        WavWriter.write(f, new float[][] {y}, 8000, bits, isFloat);
        WavReader.Decoded d = WavReader.read(f);
        assertEquals(8000, d.info().sampleRate());
        assertEquals(bits, d.info().bitsPerSample());
        assertEquals(isFloat, d.info().floatingPoint());
        assertEquals(y.length, d.info().frames());
        for (int i = 0; i < y.length; i++) assertEquals(y[i], d.channels()[0][i], tol + 1e-9, "sample " + i);
    }

    @Test
    void pcm16ScalesLikeLibsndfile() throws Exception {
        Path f = dir.resolve("s.wav");
        WavWriter.write(f, new float[][] {{-1f, 0.5f, 32767 / 32768f}}, 16000, 16, false);
        float[] y = WavReader.read(f).mono();
        assertArrayEquals(new float[] {-1f, 0.5f, 32767 / 32768f}, y);
    }

    @Test
    void stereoIsMixedToMonoByMean() throws Exception {
        Path f = dir.resolve("st.wav");
        WavWriter.write(f, new float[][] {{0.5f, 0.25f}, {0.1f, -0.25f}}, 22050, 32, true);
        WavReader.Decoded d = WavReader.read(f);
        assertEquals(2, d.info().channels());
        assertArrayEquals(new float[] {0.3f, 0f}, d.mono(), 1e-7f);
    }

    @Test
    void readsWaveFormatExtensibleAndSkipsUnknownChunks() throws Exception {
        // fmt (extensible, 40 bytes) + LIST chunk + data
        short[] pcm = {1000, -1000, 2000};
        ByteBuffer b = ByteBuffer.allocate(12 + 48 + 14 + 8 + 6).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).putShort((short) 1).putInt(16000).putInt(32000)
                .putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4)
                .putShort((short) 1).put(new byte[14]);
        b.put("LIST".getBytes()).putInt(5).put(new byte[] {1, 2, 3, 4, 5}).put((byte) 0);
        b.put("data".getBytes()).putInt(6);
        for (short s : pcm) b.putShort(s);
        Path f = dir.resolve("ext.wav");
        Files.write(f, b.array());
        float[] y = WavReader.read(f).mono();
        assertArrayEquals(new float[] {1000 / 32768f, -1000 / 32768f, 2000 / 32768f}, y);
    }

    @Test
    void windowCountsNativeFrames() throws Exception {
        Path f = dir.resolve("w.wav");
        float[] y = new float[100];
        for (int i = 0; i < y.length; i++) y[i] = i / 1000f;
        WavWriter.write(f, new float[][] {y}, 1000, 32, true);
        float[] cut = WavReader.read(f, 10, 5).mono();
        assertArrayEquals(Arrays.copyOfRange(y, 10, 15), cut);
        assertEquals(10, WavReader.read(f, 90, 50).mono().length, "a short file yields fewer frames");
    }

    // ---- bad input: every case names the file and the problem ----

    private void assertBad(Path f, String problemFragment) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.problem().contains(problemFragment), "problem '" + e.problem() + "' should mention '" + problemFragment + "'");
        assertEquals(f, e.file());
    }

    private byte[] validBytes() {
        return WavWriter.encode(new float[][] {Fixtures.sine(8000, 0.01, 440, 0.5)}, 8000, 16, false);
    }

    @Test
    void missingFile() { assertBad(dir.resolve("nope.wav"), "does not exist"); }

    @Test
    void directory() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d.wav"));
        assertBad(d, "directory");
    }

    @Test
    void emptyFile() throws Exception { assertBad(Files.write(dir.resolve("e.wav"), new byte[0]), "empty"); }

    @Test
    void tinyFile() throws Exception { assertBad(Files.write(dir.resolve("t.wav"), new byte[] {'R', 'I', 'F'}), "truncated"); }

    @Test
    void notRiff() throws Exception {
        assertBad(Files.write(dir.resolve("mp3.wav"), "ID3\u0003 this is not a wave file".getBytes()), "not a RIFF/WAVE");
    }

    @Test
    void truncatedData() throws Exception {
        byte[] b = validBytes();
        assertBad(Files.write(dir.resolve("cut.wav"), Arrays.copyOf(b, b.length - 40)), "truncated");
    }

    @Test
    void truncatedHeader() throws Exception {
        assertBad(Files.write(dir.resolve("hdr.wav"), Arrays.copyOf(validBytes(), 30)), "truncated");
    }

    @Test
    void noDataChunk() throws Exception {
        byte[] b = Arrays.copyOf(validBytes(), 36);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 28);
        assertBad(Files.write(dir.resolve("nodata.wav"), b), "no data chunk");
    }

    @Test
    void unsupportedEncoding() throws Exception {
        byte[] b = validBytes();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 2); // MS ADPCM
        assertBad(Files.write(dir.resolve("adpcm.wav"), b), "unsupported encoding");
        byte[] c = validBytes();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12).putShort(32, (short) 2);
        assertBad(Files.write(dir.resolve("pcm12.wav"), c), "unsupported encoding");
    }

    @Test
    void zeroLengthAudio() throws Exception {
        Path f = dir.resolve("zero.wav");
        Files.write(f, WavWriter.encode(new float[][] {new float[0]}, 8000, 16, false));
        assertBad(f, "zero-length");
    }

    @Test
    void infoReadsOnlyTheHeaderButChecksTruncation() throws Exception {
        Path f = Files.write(dir.resolve("ok.wav"), validBytes());
        assertEquals(80, WavReader.info(f).frames());
        byte[] b = validBytes();
        Path g = Files.write(dir.resolve("cut2.wav"), Arrays.copyOf(b, b.length - 10));
        assertThrows(AudioFormatException.class, () -> WavReader.info(g));
    }
}
