#!/usr/bin/env python3
"""Installs rapaio-jupyter-kernel under the kernelspec name "java" (the name IJava/JJava use).

Leaves an existing "java" kernel that this script did not install alone (IJava, JJava, ...) unless --force.
The kernel jar is resolved from Maven Central by Maven, version pinned below. One class of it is replaced at start-up
by our fix in environment/kernel-fix/ (compiled here, put first on the kernel's class path): a loop thread could end
before its first pass, and an early request could kill the shell loop, leaving a kernel that never answers (see that
file; counted with environment/kernel-check). The kernel starts through environment/pinned-kernels, copied into the
kernelspec with environment/kernels.env, so notebook runs use the same pinned numeric kernels as the CLI
(docs/reproducibility.md); EMOAUG_NATIVE_KERNELS=1 in the environment of the notebook server or run_notebooks.py
opts out when the kernel starts.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

RJK_VERSION = "3.0.1"
FIX = "loopthread-2"  # revision of environment/kernel-fix; part of the marker, so a changed fix reinstalls
PIN = ("pinned-kernels", "kernels.env")  # environment/ files the kernel starts through (copied: no link back into this checkout)
MARKER = "emoaugnet-installed"


def compile_fix(here, out):
    """Compiles environment/kernel-fix/**/*.java into out (class files only)."""
    src = os.path.join(here, "kernel-fix")
    files = [os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".java")]
    javac = shutil.which("javac")
    if not javac:
        sys.exit("[setup] javac not found: a JDK 17+ (not only a JRE) is needed to compile environment/kernel-fix")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    subprocess.run([javac, "--release", "17", "-nowarn", "-d", out] + sorted(files), check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--state", required=True)
    ap.add_argument("--heap", default="4g")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    ksm = KernelSpecManager()
    try:
        existing = ksm.get_kernel_spec("java")
        ours = MARKER in json.dumps(existing.metadata or {})
        if not ours and not a.force:
            print(f"[setup] keeping the existing 'java' kernel at {existing.resource_dir} "
                  f"({' '.join(existing.argv[:3])} ...); set EMOAUG_FORCE_KERNEL=1 to replace it", file=sys.stderr)
            return
    except NoSuchKernel:
        pass

    kdir = os.path.join(a.state, "kernel")
    jar = os.path.join(kdir, f"rapaio-jupyter-kernel-{RJK_VERSION}.jar")
    if not os.path.exists(jar):
        os.makedirs(kdir, exist_ok=True)
        print(f"[setup] fetching io.github.padreati:rapaio-jupyter-kernel:{RJK_VERSION} with Maven", file=sys.stderr)
        subprocess.run(["mvn", "-q", "-B", "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy",
                        f"-Dartifact=io.github.padreati:rapaio-jupyter-kernel:{RJK_VERSION}",
                        f"-DoutputDirectory={kdir}"], check=True)
    java = shutil.which("java") or "java"
    spec = {
        "argv": ["/bin/sh", "{resource_dir}/" + PIN[0], java, f"-Xmx{a.heap}", "-Djava.awt.headless=true", "-XX:+UseParallelGC",
                 "-cp", "{resource_dir}/fix" + os.pathsep + "{resource_dir}/" + os.path.basename(jar),
                 "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
        "display_name": "Java",
        "language": "java",
        "interrupt_mode": "message",
        "env": {"RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"},
        "metadata": {MARKER: f"rapaio-jupyter-kernel {RJK_VERSION} + {FIX} + pinned numeric kernels"},
    }
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "java")
        os.makedirs(src)
        with open(os.path.join(src, "kernel.json"), "w") as f:
            json.dump(spec, f, indent=2)
        shutil.copy(jar, src)  # the kernelspec folder holds its own jar: no link back into this checkout
        for f in PIN:
            shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), f), src)
        compile_fix(os.path.dirname(os.path.abspath(__file__)), os.path.join(src, "fix"))
        in_venv = sys.prefix != getattr(sys, "base_prefix", sys.prefix)
        if in_venv:
            dest = ksm.install_kernel_spec(src, kernel_name="java", prefix=sys.prefix)
        elif os.geteuid() == 0:
            dest = ksm.install_kernel_spec(src, kernel_name="java", prefix="/usr/local")
        else:
            dest = ksm.install_kernel_spec(src, kernel_name="java", user=True)
    print(f"[setup] Java kernel 'java' (rapaio-jupyter-kernel {RJK_VERSION} with {FIX}, heap {a.heap}) installed in {dest}; it starts through {PIN[0]} (numeric kernels pinned to {PIN[1]})", file=sys.stderr)


if __name__ == "__main__":
    main()
