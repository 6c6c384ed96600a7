package org.emoaugnet.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The numeric kernels a run depends on, pinned so that a run reproduces bit for bit on any x86-64 machine with AVX2:
 * OpenBLAS's matrix-product kernels (picked by CPU unless {@code OPENBLAS_CORETYPE} names them) and oneDNN's
 * convolutions (dispatched up to the CPU's best instruction set unless {@code DNNL_MAX_CPU_ISA} caps it). The pinned
 * values live in {@code environment/kernels.env}, which the build copies into the jar; the launchers set them before
 * the JVM starts ({@code environment/pinned-kernels}), because OpenBLAS and oneDNN read them from the process
 * environment, which Java cannot change. This class checks what the process got ({@link #current}), which every run
 * records in its provenance, and plans how {@code records verify} reproduces a record's own settings ({@link #plan}).
 * See docs/reproducibility.md.
 */
public final class NumericKernels {
    private NumericKernels() {}

    /** The opt-out: {@code EMOAUG_NATIVE_KERNELS=1} (the launcher's {@code --native-kernels} sets it). */
    public static final String OPT_OUT = "EMOAUG_NATIVE_KERNELS";
    /**
     * Set by {@code records verify} in the child JVM that reproduces a record under the record's own settings: that
     * process is not pinned by design, and says so instead of warning.
     */
    public static final String FROM_RECORD = "EMOAUG_KERNELS_FROM_RECORD";
    /** The value a record's environment gives a variable that was not set. */
    public static final String UNSET = "unset";
    static final String RESOURCE = "kernels.env";
    private static final Pattern LINE = Pattern.compile("[A-Z_][A-Z0-9_]*=.*");

    /** How a process ran its numeric kernels, as its runs record it ({@code provenance.kernels}). */
    public enum Mode {
        PINNED("pinned", "pinned to environment/kernels.env: comparable bit for bit with pinned runs on any x86-64 CPU with AVX2"),
        NATIVE_OPTED_OUT("native-opted-out", "native kernels by choice (" + OPT_OUT + "=1): machine-specific"),
        NATIVE_NOT_PINNED("native-not-pinned", "native kernels: the JVM was not started through environment/pinned-kernels "
                + "(environment/emoaug, the notebook kernel, Maven's test JVMs do that): machine-specific"),
        NATIVE_UNSUPPORTED("native-unsupported-machine", "native kernels: this machine cannot run the pinned ones (they need x86-64 "
                + "with AVX2): not comparable with pinned runs"),
        /** Records written before the mode was recorded. */
        UNRECORDED("unrecorded", "not recorded (a record older than the pin)");

        private final String key, meaning;

        Mode(String key, String meaning) {
            this.key = key;
            this.meaning = meaning;
        }

        /** The value stored in records. */
        public String key() { return key; }

        /** What it means, for people. */
        public String meaning() { return meaning; }

        /** Whether runs made so are reproduced bit for bit only on a machine like the one that made them. */
        public boolean machineSpecific() { return this != PINNED; }

        public static Mode ofKey(String key) {
            for (Mode m : values()) if (m.key.equals(key)) return m;
            throw new IllegalArgumentException("unknown numeric-kernel mode '" + key + "' (known: pinned, native-opted-out, "
                    + "native-not-pinned, native-unsupported-machine, unrecorded)");
        }
    }

    /**
     * The processor as the pin needs to know it: whether it is x86-64, its model name and its instruction-set flags
     * ({@code flags} empty where they cannot be read, e.g. outside Linux).
     */
    public record Machine(boolean x86_64, String cpu, Set<String> flags) {
        public Machine {
            flags = Set.copyOf(flags);
        }

        /** Whether the pinned kernels run here: x86-64 with AVX2 (assumed where the flags cannot be read). */
        public boolean canRunPin() { return x86_64 && (flags.isEmpty() || flags.contains("avx2")); }

        /** The best vector extension: avx512, avx2, avx, sse, or {@link Provenance#UNKNOWN}. */
        public String simd() {
            if (flags.isEmpty()) return Provenance.UNKNOWN;
            return flags.contains("avx512f") ? "avx512" : flags.contains("avx2") ? "avx2" : flags.contains("avx") ? "avx" : "sse";
        }

        private static volatile Machine here;

        /** This machine (read once from {@code /proc/cpuinfo} and {@code os.arch}). */
        public static Machine current() {
            Machine m = here;
            if (m == null) {
                String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
                String cpu = Provenance.UNKNOWN;
                Set<String> flags = Set.of();
                try {
                    for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                        if (l.startsWith("model name") && cpu.equals(Provenance.UNKNOWN)) cpu = l.substring(l.indexOf(':') + 1).trim();
                        if (l.startsWith("flags") && flags.isEmpty()) flags = Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+"));
                    }
                } catch (IOException | RuntimeException e) {
                    // not Linux: the model and flags stay unknown (canRunPin then trusts the architecture)
                }
                m = new Machine(arch.equals("amd64") || arch.equals("x86_64"), cpu, flags);
                here = m;
            }
            return m;
        }
    }

    /** Parses {@code KEY=VALUE} lines (blank lines and {@code #} comments skipped); anything else is an error naming the source and line. */
    public static Map<String, String> parse(List<String> lines, String source) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (!LINE.matcher(l).matches()) throw new IllegalArgumentException(source + ", line " + (i + 1) + ": not a KEY=VALUE line: " + l);
            int eq = l.indexOf('=');
            if (m.put(l.substring(0, eq), l.substring(eq + 1)) != null)
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": " + l.substring(0, eq) + " is set twice");
        }
        if (m.isEmpty()) throw new IllegalArgumentException(source + ": pins nothing");
        return Collections.unmodifiableMap(m);
    }

    private static volatile Map<String, String> pinned;

    /** The pinned values (variable → value), read from the copy of {@code environment/kernels.env} in the jar. */
    public static Map<String, String> pinned() {
        Map<String, String> p = pinned;
        if (p == null) {
            try (InputStream in = NumericKernels.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("org/emoaugnet/run/" + RESOURCE + " is missing from the library's class path "
                        + "(the build copies it from environment/kernels.env: rebuild with mvn package)");
                p = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), "environment/kernels.env (in the jar)");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the pinned numeric kernels: " + e.getMessage(), e);
            }
            pinned = p;
        }
        return p;
    }

    /** How a process with environment {@code env} on {@code machine} runs its kernels, given the pin. */
    public static Mode mode(Map<String, String> env, Map<String, String> pin, Machine machine) {
        boolean matches = pin.entrySet().stream().allMatch(e -> e.getValue().equals(env.get(e.getKey())));
        if (matches && machine.canRunPin()) return Mode.PINNED;
        if (!machine.canRunPin()) return Mode.NATIVE_UNSUPPORTED;
        if ("1".equals(env.get(OPT_OUT))) return Mode.NATIVE_OPTED_OUT;
        return Mode.NATIVE_NOT_PINNED;
    }

    private static volatile Mode current;

    /**
     * This process's mode; the first call says on standard error when it is not {@link Mode#PINNED} (the runner calls it
     * before it starts runs, so the warning comes before the work).
     */
    public static Mode current() {
        Mode m = current;
        if (m == null) {
            synchronized (NumericKernels.class) {
                if (current == null) {
                    current = mode(System.getenv(), pinned(), Machine.current());
                    announcement(current, System.getenv(FROM_RECORD) != null).ifPresent(System.err::println);
                }
                m = current;
            }
        }
        return m;
    }

    /**
     * What a process says on standard error about its kernels: nothing when pinned; in a child JVM that {@code records
     * verify} started with a record's own settings ({@code fromRecord}), that it was so started on purpose (not the
     * opt-out or launcher warnings, which do not apply to it); otherwise the mode's meaning.
     */
    static Optional<String> announcement(Mode m, boolean fromRecord) {
        if (fromRecord)
            return Optional.of("[kernels] started by records verify with the record's own numeric-kernel settings, on purpose (this process: "
                    + m.key() + ")");
        return m == Mode.PINNED ? Optional.empty()
                : Optional.of("[kernels] " + m.meaning() + "; runs record it (provenance.kernels=" + m.key() + "); see docs/reproducibility.md");
    }

    /**
     * The variables that change results or their reproducibility and are recorded with every run: the pinned ones
     * and the thread counts ({@code extra}), pinned ones first.
     */
    public static List<String> variables(List<String> extra) {
        var s = new java.util.LinkedHashSet<>(pinned().keySet());
        s.addAll(extra);
        return List.copyOf(s);
    }

    /**
     * How {@code records verify} reproduces a record: the variables a child JVM must set ({@code set}) or remove
     * ({@code unset}) to have the record's values (both empty: this process has them), or why this machine cannot
     * ({@code refusal}); {@code otherConvolutionKernels}: the record's convolutions ran oneDNN natively on a CPU with
     * another best instruction set than this one's, so oneDNN runs other kernels here and the predictions are expected
     * to differ (an AVX-512 record on an AVX2-only CPU: AVX-512 kernels cannot run here, and no setting makes the AVX2
     * ones give their bits); {@code notes} say what the comparison cannot promise.
     */
    public record Plan(Map<String, String> set, Set<String> unset, Optional<String> refusal, boolean otherConvolutionKernels, List<String> notes) {
        public Plan {
            set = Collections.unmodifiableSortedMap(new TreeMap<>(set));
            unset = Collections.unmodifiableSortedSet(new TreeSet<>(unset));
            notes = List.copyOf(notes);
        }

        /** Whether this process verifies the record itself. */
        public boolean inProcess() { return refusal.isEmpty() && set.isEmpty() && unset.isEmpty(); }

        /** {@code env} with the record's values applied. */
        public Map<String, String> applyTo(Map<String, String> env) {
            Map<String, String> m = new TreeMap<>(env);
            unset.forEach(m::remove);
            m.putAll(set);
            return m;
        }

        /** The differences, as a person would set them ("OPENBLAS_CORETYPE=Haswell, unset DNNL_MAX_CPU_ISA"). */
        public String describe() {
            List<String> parts = new ArrayList<>();
            set.forEach((k, v) -> parts.add(k + "=" + v));
            unset.forEach(k -> parts.add("unset " + k));
            return String.join(", ", parts);
        }
    }

    /**
     * Plans the verification of a record whose provenance environment is {@code recorded} (variable → value, "unset" for
     * unset ones, plus {@code cpu} and {@code cpu_simd}) in a process with environment {@code env} on {@code machine}.
     * A variable the record lacks (records older than the variable's recording) is taken as unset, with a note.
     */
    public static Plan plan(Map<String, String> recorded, Mode recordedMode, Map<String, String> env, Machine machine) {
        Map<String, String> set = new TreeMap<>();
        Set<String> unset = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String v : variables(Provenance.NUMERIC_ENVIRONMENT)) {
            String want = recorded.get(v);
            if (want == null) {
                missing.add(v);
                want = UNSET;
            }
            String have = env.get(v);
            if (want.equals(UNSET)) {
                if (have != null) unset.add(v);
            } else if (!want.equals(have)) set.put(v, want);
        }
        if (!missing.isEmpty())
            notes.add("the record does not name " + String.join(", ", missing) + " (written before they were recorded): taken as unset");
        Map<String, String> pin = pinned();
        boolean usesPinnedValues = pin.entrySet().stream().anyMatch(e -> e.getValue().equals(recorded.get(e.getKey())));
        if (usesPinnedValues && !machine.canRunPin())
            return new Plan(Map.of(), Set.of(), Optional.of("the record ran pinned numeric kernels (" + pin.keySet().stream()
                    .filter(recorded::containsKey).map(k -> k + "=" + recorded.get(k)).reduce((a, b) -> a + ", " + b).orElse("")
                    + "), which need an x86-64 CPU with AVX2; this machine " + (machine.x86_64() ? "has no AVX2" : "is not x86-64")), false, notes);
        String recordedSimd = recorded.getOrDefault("cpu_simd", Provenance.UNKNOWN);
        boolean nativeConvolutions = pin.keySet().stream().filter(k -> k.endsWith("_MAX_CPU_ISA")).anyMatch(k -> !recorded.containsKey(k) || recorded.get(k).equals(UNSET));
        boolean otherConvolutionKernels = nativeConvolutions && !recordedSimd.equals(machine.simd());
        if (otherConvolutionKernels)
            notes.add("the record's convolutions ran oneDNN up to its CPU's best instruction set (" + recordedSimd + "); this CPU's is "
                    + machine.simd() + ", so oneDNN runs other convolution kernels here, which round differently: the predictions are "
                    + "expected to differ without any fault in the code (such a record reproduces on a CPU with " + recordedSimd
                    + "; docs/reproducibility.md)");
        if (recordedMode != Mode.PINNED && recordedMode != Mode.UNRECORDED)
            notes.add("the record was made with " + recordedMode.meaning() + " (on " + recorded.getOrDefault("cpu", Provenance.UNKNOWN) + ")");
        return new Plan(set, unset, Optional.empty(), otherConvolutionKernels, notes);
    }
}
