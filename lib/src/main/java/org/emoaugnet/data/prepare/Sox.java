package org.emoaugnet.data.prepare;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SoX command-line tool (Debian package {@code sox}), which made the committed 16 kHz RAVDESS copy:
 * {@code sox -R in.wav -r 16000 -c 1 -b 16 out.wav}. {@code -R} seeds SoX's automatic TPDF dither with a fixed
 * value, so the output is repeatable; {@code -c 1} averages the channels of the few dual-mono originals.
 *
 * @param executable the {@code sox} program
 * @param version    what {@code sox --version} reports ({@code 14.4.2})
 */
public record Sox(Path executable, String version) {
    /** The version that made the committed 16 kHz copies (RAVDESS; SAVEE and URDU too). */
    public static final String COMMITTED_VERSION = "14.4.2";

    private static final Pattern VERSION = Pattern.compile("SoX v(\\S+)");

    /** SoX on the {@code PATH}, if there. */
    public static Optional<Sox> find() throws IOException {
        return find(System.getenv().getOrDefault("PATH", ""));
    }

    /** SoX in one of the folders of {@code searchPath} (separated as {@code PATH} is), if there. */
    public static Optional<Sox> find(String searchPath) throws IOException {
        for (String dir : searchPath.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "sox");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                Run r = run(List.of(p.toString(), "--version"));
                Matcher m = VERSION.matcher(r.output());
                if (r.exit() != 0 || !m.find())
                    throw new IOException(p + " --version: exit " + r.exit() + ", no 'SoX v…' in its output: " + r.output().strip());
                return Optional.of(new Sox(p, m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** What to do when SoX is not there. */
    public static String missingMessage() {
        return "SoX is not installed (no 'sox' on the PATH). Install Debian's sox package (as root: apt-get install -y sox;"
                + " environment/emoaug corpus prepare does this itself when run as root on Debian), then run the command again";
    }

    /** Whether this is the version that made the committed 16 kHz copy. */
    public boolean isCommittedVersion() { return COMMITTED_VERSION.equals(version); }

    /**
     * {@code sox -R in -r rate -c 1 -b 16 out}: returns what SoX printed (its warnings, e.g. about clipped samples;
     * empty when none). A failure is an error naming the input and quoting SoX.
     */
    public String toMono16(Path in, Path out, int rate) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "-R", in.toString(), "-r", String.valueOf(rate), "-c", "1",
                "-b", "16", out.toString()));
        Run r = run(cmd);
        if (r.exit() != 0) throw new IOException(in + ": SoX failed (exit " + r.exit() + "): " + r.output().strip());
        return r.output().strip();
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Run(p.waitFor(), out);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(cmd.get(0) + ": interrupted", e);
        }
    }
}
