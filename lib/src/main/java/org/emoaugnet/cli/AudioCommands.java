package org.emoaugnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.emoaugnet.audio.AudioLoader;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.augment.Augmentation;
import org.emoaugnet.augment.AugmentationSpec;
import org.emoaugnet.augment.PitchShift;
import org.emoaugnet.features.FeatureConfig;
import org.emoaugnet.features.FeatureExtractor;
import org.emoaugnet.features.Features;
import org.emoaugnet.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug augment} and {@code emoaug features}: one audio file at a time. */
final class AudioCommands {
    private AudioCommands() {}

    /** The pitch-shift implementations by the names {@code --impl} takes. */
    enum Impl {
        pv(PitchShift.Impl.PHASE_VOCODER), wsola(PitchShift.Impl.WSOLA);

        final PitchShift.Impl impl;

        Impl(PitchShift.Impl impl) { this.impl = impl; }
    }

    @Command(name = "augment", description = "apply an augmentation (e.g. noise, pitch:0.7, stretch:0.8, shift, snr:10:pink, pitch:0.7+noise) to a file "
            + "loaded at HZ and write a 16-bit WAV")
    static final class Augment implements CommandAction {
        @Option(names = "--in", required = true, paramLabel = "IN.wav", description = "the audio file")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "OUT.wav", description = "the WAV file to write")
        Path out;

        @Option(names = "--aug", required = true, paramLabel = "SPEC", description = "the augmentation (AugmentationSpec: noise, pitch:0.7, stretch:0.8, shift, snr:10:pink; + chains)")
        String aug;

        @Option(names = "--impl", paramLabel = "pv|wsola", description = "pitch-shift implementation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        Impl impl = Impl.pv;

        @Option(names = "--seed", paramLabel = "S", description = "the augmentation's seed (default: ${DEFAULT-VALUE})")
        long seed = 42;

        @Option(names = "--rate", paramLabel = "HZ", description = "the working rate (default: ${DEFAULT-VALUE})")
        int rate = AudioLoader.DEFAULT_RATE;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Augmentation a;
            try {
                a = AugmentationSpec.parse(aug, impl.impl);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--aug: " + e.getMessage());
            }
            float[] y = AudioLoader.load(in, rate);
            float[] z = a.apply(y, rate, seed);
            WavWriter.writePcm16(out, z, rate);
            Main.out(spec).printf("%s -> %s: %s, %d -> %d samples at %d Hz%n", in, out, a.key(), y.length, z.length, rate);
            return ExitCode.OK;
        }
    }

    @Command(name = "features", description = "librosa-default features, one row per frame: frame,time_s,rms,zcr,mfcc_1..mfcc_20")
    static final class FeatureRows implements CommandAction {
        @Option(names = "--in", required = true, paramLabel = "IN.wav", description = "the audio file")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "the CSV file to write")
        Path out;

        @Option(names = "--offset", paramLabel = "S", description = "seconds skipped at the start (default: ${DEFAULT-VALUE})")
        double offset = 0;

        @Option(names = "--duration", paramLabel = "S", description = "seconds read; negative: to the end (default: ${DEFAULT-VALUE})")
        double duration = -1;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            FeatureConfig cfg = FeatureConfig.librosa();
            float[] y = AudioLoader.load(in, cfg.sampleRate(), offset, duration);
            Features.MfccRmsZcr f = new FeatureExtractor(cfg).mfccRmsZcr(y);
            StringBuilder sb = new StringBuilder("frame,time_s,rms,zcr");
            for (int k = 1; k <= cfg.nMfcc(); k++) sb.append(",mfcc_").append(k);
            sb.append('\n');
            for (int t = 0; t < f.frames(); t++) {
                sb.append(t).append(',').append(String.format(Locale.ROOT, "%.6f", (double) t * cfg.hop() / cfg.sampleRate()))
                        .append(',').append(f.rms()[t]).append(',').append(f.zcr()[t]);
                for (float v : f.mfcc()[t]) sb.append(',').append(v);
                sb.append('\n');
            }
            AtomicFiles.writeString(out, sb.toString());
            PrintStream o = Main.out(spec);
            o.printf("%s -> %s: %d frames x %d features%n", in, out, f.frames(), cfg.nMfcc() + 2);
            return ExitCode.OK;
        }
    }
}
