package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The code and machine that produced a run, read at write time: the git commit and whether the work tree had
 * uncommitted changes, the SHA-256 of the library jar that ran (builds are reproducible, so rebuilding a commit
 * tells whether it is that code), the versions of the libraries that compute the numbers read from the jars on the
 * classpath, the JVM, the ND4J backend and native classifier, the thread count, and the numeric environment
 * (OpenBLAS/oneDNN/OpenMP variables, processor) with whether the numeric kernels ran pinned ({@code kernels}, see
 * {@link NumericKernels}: a run made otherwise is machine-specific). {@code origin} says whether the
 * runner wrote these values or a migration carried them over from an older record (then missing values read
 * {@link #UNKNOWN}).
 */
public record Provenance(String gitCommit, String gitDirty, String codeJarSha256, String codeVersion, Map<String, String> dependencies,
                         String jvm, String os, String nd4jBackend, String nd4jClassifier, String threads, Map<String, String> environment,
                         NumericKernels.Mode kernels, String origin) {
    public static final String UNKNOWN = "unknown";

    /** The libraries whose versions a record names: one class each, whose jar is read. */
    private static final Map<String, String> MARKERS = Map.of(
            "deeplearning4j-nn", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
            "nd4j-api", "org.nd4j.linalg.factory.Nd4j",
            "tablesaw-core", "tech.tablesaw.api.Table",
            "TarsosDSP", "be.tarsos.dsp.AudioEvent",
            "commons-math3", "org.apache.commons.math3.util.FastMath");

    /**
     * Environment variables that change native numerics (OpenBLAS kernel choice, OpenMP threads) and the processor,
     * recorded because the same spec is reproduced exactly only where these agree; with them, the pinned ones of
     * {@link NumericKernels#pinned()} (e.g. oneDNN's {@code DNNL_MAX_CPU_ISA}).
     */
    public static final java.util.List<String> NUMERIC_ENVIRONMENT = java.util.List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS",
            "OMP_NUM_THREADS", "ND4J_SKIP_BLAS_THREADS");

    public Provenance {
        dependencies = java.util.Collections.unmodifiableMap(new TreeMap<>(dependencies));
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    }

    /**
     * The numeric environment of this process: {@link #NUMERIC_ENVIRONMENT} and the pinned variables ("unset" where
     * unset), {@code cpu} (model name, cores) and {@code cpu_simd}.
     */
    public static Map<String, String> numericEnvironment() {
        Map<String, String> m = new TreeMap<>();
        for (String v : NumericKernels.variables(NUMERIC_ENVIRONMENT)) {
            String x = System.getenv(v);
            m.put(v, x == null ? NumericKernels.UNSET : x);
        }
        NumericKernels.Machine here = NumericKernels.Machine.current();
        m.put("cpu", here.cpu() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        m.put("cpu_simd", here.simd());   // oneDNN dispatches by this unless DNNL_MAX_CPU_ISA caps it
        return m;
    }

    private static volatile Provenance current;

    /**
     * The native thread count of runs in this process: {@code OMP_NUM_THREADS}, else {@link NumericKernels#UNSET}.
     * Recorded as {@code provenance.threads}; since run-spec/3 not part of the spec, whose trainer gives the same
     * numbers for any thread count.
     */
    public static String threadsOfThisProcess() {
        String t = System.getenv("OMP_NUM_THREADS");
        return t == null || t.isBlank() ? NumericKernels.UNSET : t.trim();
    }

    /** This process's provenance (computed once; the git state is read from {@code EMOAUG_HOME} or the working directory). */
    public static Provenance current() {
        Provenance p = current;
        if (p == null) {
            Path root = Path.of(System.getenv().getOrDefault("EMOAUG_HOME", ".")).toAbsolutePath().normalize();
            Map<String, String> deps = new TreeMap<>();
            MARKERS.forEach((name, cls) -> deps.put(name, versionOf(cls)));
            p = new Provenance(detectGitCommit(root), detectGitDirty(root), detectCodeJarSha256(),
                    String.valueOf(Provenance.class.getPackage().getImplementationVersion()), deps,
                    System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"), backend(), detectNd4jClassifier(), threadsOfThisProcess(),
                    numericEnvironment(), NumericKernels.current(), "written by the runner");
            current = p;
        }
        return p;
    }

    /** {@code Implementation-Version} or the Maven {@code pom.properties} version of the jar a class comes from. */
    static String versionOf(String className) {
        try {
            Class<?> c = Class.forName(className, false, Provenance.class.getClassLoader());
            String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
            if (v != null) return v;
            var src = c.getProtectionDomain().getCodeSource();
            if (src == null) return UNKNOWN;
            Path jar = Path.of(src.getLocation().toURI());
            if (!Files.isRegularFile(jar)) return UNKNOWN;
            try (JarFile jf = new JarFile(jar.toFile())) {
                var e = jf.stream().filter(x -> x.getName().startsWith("META-INF/maven/") && x.getName().endsWith("/pom.properties")).findFirst();
                if (e.isPresent()) {
                    java.util.Properties p = new java.util.Properties();
                    try (var in = jf.getInputStream(e.get())) {
                        p.load(in);
                    }
                    if (p.getProperty("version") != null) return p.getProperty("version");
                }
            }
            return jar.getFileName().toString();
        } catch (Exception | LinkageError e) {
            return UNKNOWN;   // the jar cannot be located or read: provenance records the version as unknown rather than guess
        }
    }

    private static String backend() {
        try {
            return org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName();
        } catch (Exception | LinkageError e) {
            return UNKNOWN;   // no ND4J backend loads here (a run would fail on its own): provenance records it as unknown
        }
    }

    /** The classifier of the ND4J native jar on the class path (e.g. {@code linux-x86_64-onednn-avx2}). */
    public static String detectNd4jClassifier() {
        String cp = System.getProperty("java.class.path", "");
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("nd4j-native-[0-9][^/\\\\]*?-((?:linux|macosx|windows|android)-[^/\\\\]+)\\.jar$");
        for (String e : cp.split(java.io.File.pathSeparator)) {
            var m = p.matcher(e);
            if (m.find()) return m.group(1);
        }
        try {   // notebooks load jars through the kernel's class loader: look where ND4J's native classes came from
            var src = Class.forName("org.nd4j.linalg.cpu.nativecpu.CpuBackend").getProtectionDomain().getCodeSource();
            Path dir = Path.of(src.getLocation().toURI()).getParent();
            try (var s = Files.list(dir)) {
                for (Path f : s.map(Path::getFileName).sorted().toList()) {
                    var m = p.matcher(f.toString());
                    if (m.find()) return m.group(1);
                }
            }
        } catch (Exception | LinkageError e) {
            // ND4J's native classes are not loadable or their folder is unreadable: the classifier is recorded as unknown
        }
        return UNKNOWN;
    }

    /**
     * SHA-256 of the library jar these classes were loaded from, or "not a jar (classes directory)". The build is
     * reproducible ({@code project.build.outputTimestamp}), so rebuilding a commit tells whether it is the code that ran.
     */
    public static String detectCodeJarSha256() {
        try {
            var src = Provenance.class.getProtectionDomain().getCodeSource();
            if (src == null) return "unknown";
            Path p = Path.of(src.getLocation().toURI());
            if (!Files.isRegularFile(p)) return "not a jar (classes directory)";
            return org.emoaugnet.util.Sha256.of(p);
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";   // provenance records why the jar could not be hashed
        }
    }

    /** The checked-out commit, read from {@code .git} without a git binary; "unknown" outside a repository. */
    static String detectGitCommit(Path projectRoot) {
        try {
            Path git = projectRoot.resolve(".git");
            if (Files.isRegularFile(git)) {   // worktree: "gitdir: <path>"
                git = projectRoot.resolve(Files.readString(git).trim().substring("gitdir:".length()).trim());
            }
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref:")) return head;
            String ref = head.substring(4).trim();
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) return Files.readString(loose).trim();
            Path common = Files.isRegularFile(git.resolve("commondir")) ? git.resolve(Files.readString(git.resolve("commondir")).trim()) : git;
            if (Files.isRegularFile(common.resolve(ref))) return Files.readString(common.resolve(ref)).trim();
            Path packed = common.resolve("packed-refs");
            if (Files.isRegularFile(packed))
                for (String l : Files.readAllLines(packed)) if (l.endsWith(" " + ref)) return l.substring(0, l.indexOf(' '));
        } catch (IOException | RuntimeException e) {
            // no readable git metadata (an exported tree): the commit is recorded as unknown, which is the truth here
        }
        return "unknown";
    }

    /** "true" when {@code git status} lists changes to tracked files, "false" when clean, else "unknown". */
    static String detectGitDirty(Path root) {
        try {
            Process pr = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            String out = new String(pr.getInputStream().readAllBytes());
            if (!pr.waitFor(20, TimeUnit.SECONDS) || pr.exitValue() != 0) return UNKNOWN;
            return String.valueOf(!out.isBlank());
        } catch (IOException | InterruptedException e) {
            // no git binary, or interrupted: whether the tree was clean is recorded as unknown
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    /** As {@code key → value} (dependencies as {@code dependency.<name>}). */
    public Map<String, String> fields() {
        Map<String, String> m = new TreeMap<>();
        m.put("git_commit", gitCommit);
        m.put("git_dirty", gitDirty);
        m.put("code_jar_sha256", codeJarSha256);
        m.put("code_version", codeVersion);
        dependencies.forEach((k, v) -> m.put("dependency." + k, v));
        m.put("jvm", jvm);
        m.put("os", os);
        m.put("nd4j_backend", nd4jBackend);
        m.put("nd4j_classifier", nd4jClassifier);
        m.put("threads", threads);
        environment.forEach((k, v) -> m.put("environment." + k, v));
        if (kernels != NumericKernels.Mode.UNRECORDED) m.put("kernels", kernels.key());   // older records do not name it
        m.put("origin", origin);
        return m;
    }

    public static Provenance fromFields(Map<String, String> f) {
        Map<String, String> deps = new TreeMap<>(), env = new TreeMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith("dependency.")) deps.put(k.substring("dependency.".length()), v);
            if (k.startsWith("environment.")) env.put(k.substring("environment.".length()), v);
        });
        java.util.function.Function<String, String> g = k -> f.getOrDefault(k, UNKNOWN);
        return new Provenance(g.apply("git_commit"), g.apply("git_dirty"), g.apply("code_jar_sha256"), g.apply("code_version"), deps,
                g.apply("jvm"), g.apply("os"), g.apply("nd4j_backend"), g.apply("nd4j_classifier"), g.apply("threads"), env,
                f.containsKey("kernels") ? NumericKernels.Mode.ofKey(f.get("kernels")) : NumericKernels.Mode.UNRECORDED, g.apply("origin"));
    }
}
