package org.emoaugnet.run;

import org.emoaugnet.run.NumericKernels;
import org.emoaugnet.run.Provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.emoaugnet.run.NumericKernels.Machine;
import org.emoaugnet.run.NumericKernels.Mode;
import org.junit.jupiter.api.Test;

class NumericKernelsTest {
    private static final Machine AVX512 = new Machine(true, "Intel(R) Xeon(R) Processor", Set.of("sse2", "avx", "avx2", "fma", "avx512f"));
    private static final Machine AVX2 = new Machine(true, "AMD EPYC", Set.of("sse2", "avx", "avx2", "fma"));
    private static final Machine AVX_ONLY = new Machine(true, "Intel Xeon E5-2670", Set.of("sse2", "avx"));
    private static final Machine ARM = new Machine(false, "unknown", Set.of());

    private static Map<String, String> env(Map<String, String> base, String... kv) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void theJarCarriesEnvironmentKernelsEnvAndPinsBothLibraries() throws Exception {
        Path root = Path.of(System.getProperty("emoaug.projectRoot", ".."));
        Path file = root.resolve("environment/kernels.env");
        assertEquals(NumericKernels.parse(Files.readAllLines(file), file.toString()), NumericKernels.pinned(),
                "the jar's kernels.env is a stale copy of environment/kernels.env: rebuild (mvn package)");
        assertTrue(NumericKernels.pinned().containsKey("OPENBLAS_CORETYPE"), NumericKernels.pinned().toString());
        assertTrue(NumericKernels.pinned().containsKey("DNNL_MAX_CPU_ISA"), "oneDNN 2.3 in ND4J's onednn natives reads DNNL_MAX_CPU_ISA");
    }

    @Test
    void mavensTestJvmRunsPinnedAsKernelsEnvSays() {
        assumeTrue(Machine.current().canRunPin(), "this machine cannot run the pinned kernels");
        assertEquals(Mode.PINNED, NumericKernels.mode(System.getenv(), NumericKernels.pinned(), Machine.current()),
                "the test JVM's environment (pom.xml, pluginManagement of surefire/failsafe) differs from environment/kernels.env "
                        + NumericKernels.pinned());
    }

    @Test
    void modeSaysWhetherTheProcessRunsPinnedAndWhyNot() {
        Map<String, String> pin = Map.of("OPENBLAS_CORETYPE", "Haswell", "DNNL_MAX_CPU_ISA", "AVX2");
        Map<String, String> pinned = env(Map.of("OMP_NUM_THREADS", "1"), "OPENBLAS_CORETYPE", "Haswell", "DNNL_MAX_CPU_ISA", "AVX2");
        assertEquals(Mode.PINNED, NumericKernels.mode(pinned, pin, AVX512));
        assertEquals(Mode.PINNED, NumericKernels.mode(pinned, pin, new Machine(true, "macOS", Set.of())), "flags unknown: the architecture decides");
        assertEquals(Mode.NATIVE_NOT_PINNED, NumericKernels.mode(Map.of("OPENBLAS_CORETYPE", "Haswell"), pin, AVX2), "half a pin is no pin");
        assertEquals(Mode.NATIVE_NOT_PINNED, NumericKernels.mode(env(pinned, "DNNL_MAX_CPU_ISA", "AVX512_CORE"), pin, AVX512));
        assertEquals(Mode.NATIVE_OPTED_OUT, NumericKernels.mode(Map.of(NumericKernels.OPT_OUT, "1"), pin, AVX512));
        assertEquals(Mode.PINNED, NumericKernels.mode(env(pinned, NumericKernels.OPT_OUT, "1"), pin, AVX512),
                "an opt-out whose environment has the pinned values anyway runs pinned");
        assertEquals(Mode.NATIVE_UNSUPPORTED, NumericKernels.mode(Map.of(), pin, AVX_ONLY));
        assertEquals(Mode.NATIVE_UNSUPPORTED, NumericKernels.mode(pinned, pin, ARM));
        for (Mode m : Mode.values()) {
            assertEquals(m, Mode.ofKey(m.key()));
            assertEquals(m != Mode.PINNED, m.machineSpecific());
        }
        assertThrows(IllegalArgumentException.class, () -> Mode.ofKey("pinnned"));
    }

    @Test
    void parseIsStrict() {
        assertEquals(Map.of("A", "1", "B_2", "x=y"), NumericKernels.parse(List.of("# c", "", "A=1", "  B_2=x=y"), "f"));
        var bad = assertThrows(IllegalArgumentException.class, () -> NumericKernels.parse(List.of("A=1", "export B=2"), "kernels.env"));
        assertTrue(bad.getMessage().contains("kernels.env, line 2"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumericKernels.parse(List.of("A=1", "A=2"), "f"));
        assertThrows(IllegalArgumentException.class, () -> NumericKernels.parse(List.of("# nothing"), "f"));
    }

    /** A record's environment as the runner writes it in this process, with some values replaced. */
    private static Map<String, String> recorded(Map<String, String> env, String cpuSimd) {
        Map<String, String> m = new TreeMap<>();
        for (String v : NumericKernels.variables(Provenance.NUMERIC_ENVIRONMENT)) m.put(v, env.getOrDefault(v, NumericKernels.UNSET));
        m.put("cpu", "some CPU (2 cores)");
        m.put("cpu_simd", cpuSimd);
        return m;
    }

    @Test
    void verificationRunsHereOnlyWhereTheProcessHasTheRecordsSettings() {
        Map<String, String> pinnedEnv = env(NumericKernels.pinned(), "OMP_NUM_THREADS", "1", "PATH", "/usr/bin");
        var same = NumericKernels.plan(recorded(pinnedEnv, "avx2"), Mode.PINNED, pinnedEnv, AVX512);
        assertTrue(same.inProcess(), same.toString());
        assertTrue(same.notes().isEmpty(), same.notes().toString());

        // a record made with two OpenMP threads: the child gets them
        var threads = NumericKernels.plan(recorded(env(pinnedEnv, "OMP_NUM_THREADS", "2"), "avx2"), Mode.PINNED, pinnedEnv, AVX512);
        assertEquals(Map.of("OMP_NUM_THREADS", "2"), threads.set());
        assertFalse(threads.inProcess());
        assertEquals("2", threads.applyTo(pinnedEnv).get("OMP_NUM_THREADS"));
        assertEquals("/usr/bin", threads.applyTo(pinnedEnv).get("PATH"), "everything else is inherited");
    }

    @Test
    void aRecordOlderThanThePinIsVerifiedWithoutTheVariablesItDoesNotName() {
        // the committed runs: OpenBLAS pinned by hand, oneDNN not named (dispatching natively on an AVX-512 CPU)
        Map<String, String> old = recorded(Map.of("OPENBLAS_CORETYPE", "Haswell", "OPENBLAS_L2_SIZE", "512", "OMP_NUM_THREADS", "1"), "avx512");
        old.remove("DNNL_MAX_CPU_ISA");
        Map<String, String> launcher = env(NumericKernels.pinned(), "OMP_NUM_THREADS", "1");
        var plan = NumericKernels.plan(old, Mode.UNRECORDED, launcher, AVX512);
        assertFalse(plan.inProcess());
        assertEquals(Set.of("DNNL_MAX_CPU_ISA"), plan.unset());
        assertEquals(Map.of(), plan.set());
        assertFalse(plan.applyTo(launcher).containsKey("DNNL_MAX_CPU_ISA"));
        assertEquals("unset DNNL_MAX_CPU_ISA", plan.describe());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("DNNL_MAX_CPU_ISA") && n.contains("taken as unset")), plan.notes().toString());
        assertTrue(plan.notes().stream().noneMatch(n -> n.contains("expected to differ")), "same instruction set: nothing to warn about");
        assertFalse(plan.otherConvolutionKernels());

        var elsewhere = NumericKernels.plan(old, Mode.UNRECORDED, launcher, AVX2);
        assertTrue(elsewhere.refusal().isEmpty());
        assertTrue(elsewhere.notes().stream().anyMatch(n -> n.contains("avx512") && n.contains("expected to differ")), elsewhere.notes().toString());
        assertTrue(elsewhere.otherConvolutionKernels(), "an AVX-512 record's convolutions cannot run their kernels on an AVX2-only CPU");

        // under the pin the convolutions run the AVX2 kernels on every CPU: no such expectation
        Map<String, String> pinnedEnv = env(NumericKernels.pinned(), "OMP_NUM_THREADS", "1");
        var pinned = NumericKernels.plan(recorded(pinnedEnv, "avx512"), Mode.PINNED, pinnedEnv, AVX2);
        assertTrue(pinned.inProcess(), pinned.toString());
        assertFalse(pinned.otherConvolutionKernels());
    }

    @Test
    void aPinnedRecordIsNotVerifiableWhereThePinCannotRun() {
        Map<String, String> pinnedEnv = env(NumericKernels.pinned(), "OMP_NUM_THREADS", "1");
        for (Machine m : List.of(AVX_ONLY, ARM)) {
            var plan = NumericKernels.plan(recorded(pinnedEnv, "avx2"), Mode.PINNED, Map.of("OMP_NUM_THREADS", "1"), m);
            assertTrue(plan.refusal().isPresent(), m.toString());
            assertTrue(plan.refusal().get().contains("AVX2"), plan.refusal().get());
            assertFalse(plan.inProcess());
        }
        // a native record from such a machine is verified natively (and said to be machine-specific)
        Map<String, String> nativeEnv = Map.of("OMP_NUM_THREADS", "1", NumericKernels.OPT_OUT, "1");
        var plan = NumericKernels.plan(recorded(nativeEnv, "avx"), Mode.NATIVE_UNSUPPORTED, nativeEnv, AVX_ONLY);
        assertTrue(plan.inProcess(), plan.toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("not comparable")), plan.notes().toString());
    }

    @Test
    void provenanceRecordsTheModeAndOlderRecordsReadAsUnrecorded() {
        Map<String, String> f = new TreeMap<>(Map.of("git_commit", "abc", "environment.OPENBLAS_CORETYPE", "Haswell", "kernels", "native-opted-out"));
        Provenance p = Provenance.fromFields(f);
        assertEquals(Mode.NATIVE_OPTED_OUT, p.kernels());
        assertEquals("native-opted-out", p.fields().get("kernels"));
        f.remove("kernels");
        Provenance old = Provenance.fromFields(f);
        assertEquals(Mode.UNRECORDED, old.kernels());
        assertFalse(old.fields().containsKey("kernels"), "an older record's fields stay as they were");
        assertTrue(Provenance.numericEnvironment().keySet().containsAll(NumericKernels.pinned().keySet()));
    }
}
