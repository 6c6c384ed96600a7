#!/usr/bin/env python3
"""Counts first-time start-ups of the Java kernel: starts it N times, each time waiting for its kernel_info reply
and the result of one small cell, and prints how many answered at the first attempt and how long they took.

A start that does not answer within --timeout seconds counts as a failure and is killed (no retry: this measures
what the notebook runner's retry hides). --load K runs K busy processes meanwhile, because a race between threads
shows up more often on a loaded machine. Usage: environment/kernel-check [--starts 50] [--load 2] [--kernel java]
"""
import argparse, multiprocessing, os, statistics, sys, time


def spin(stop):
    x = 0
    while not stop.is_set():
        x = (x * 31 + 7) % 1000003


def thread_dump(km, path):
    """The hung kernel's Java threads (jstack), to see which of its loops are alive."""
    import shutil, subprocess
    pid = getattr(getattr(km, "provisioner", None), "pid", None) or getattr(getattr(km, "kernel", None), "pid", None)
    jstack = shutil.which("jstack")
    if pid and jstack:
        with open(path, "ab") as f:
            f.write(b"\n--- jstack ---\n")
            subprocess.run([jstack, str(pid)], stdout=f, stderr=subprocess.STDOUT, timeout=30)


def one_start(kernel, timeout, log):
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=kernel)
    t0 = time.monotonic()
    with open(log, "wb") as err:
        km.start_kernel(stderr=err, stdout=err)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        up = time.monotonic() - t0
        reply = kc.execute_interactive("1 + 1", timeout=max(1.0, timeout - up), output_hook=lambda m: None)
        ok = reply["content"]["status"] == "ok"
        return ok, up, time.monotonic() - t0, "" if ok else "the cell did not run"
    except Exception as e:  # RuntimeError from wait_for_ready, TimeoutError from execute
        thread_dump(km, log)
        return False, time.monotonic() - t0, time.monotonic() - t0, f"{type(e).__name__}: {e}"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=50)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a start may take before it counts as failed")
    ap.add_argument("--load", type=int, default=0, help="busy processes running during the starts")
    ap.add_argument("--kernel", default="java")
    ap.add_argument("--logs", default=None, help="folder for the kernel's output of failed starts (with a thread dump)")
    a = ap.parse_args()
    import tempfile
    logs = a.logs or tempfile.mkdtemp(prefix="kernel-check-")
    os.makedirs(logs, exist_ok=True)
    stop = multiprocessing.Event()
    hogs = [multiprocessing.Process(target=spin, args=(stop,), daemon=True) for _ in range(a.load)]
    for h in hogs:
        h.start()
    ups, fails, rescued = [], [], []
    try:
        for i in range(1, a.starts + 1):
            log = os.path.join(logs, f"start-{i}.log")
            ok, up, total, why = one_start(a.kernel, a.timeout, log)
            with open(log, "rb") as f:
                fixed = [l for l in f.read().decode("utf-8", "replace").splitlines() if l.startswith("[kernel-fix]")]
            if fixed:  # a loop survived an exception that would have ended it (environment/kernel-fix)
                rescued.append(i)
                print(f"[kernel-check] start {i}: {fixed[0]}", file=sys.stderr, flush=True)
            if ok:
                ups.append(up)
                os.remove(log)
            else:
                fails.append(i)
                why += f" (kernel output and threads: {log})"
            print(f"[kernel-check] start {i}/{a.starts}: {'answered' if ok else 'FAILED'} "
                  f"after {up:.1f}s (cell done at {total:.1f}s){'; ' + why if why else ''}", file=sys.stderr, flush=True)
    finally:
        stop.set()
        for h in hogs:
            h.join(timeout=5)
    cpus = os.cpu_count()
    print(f"kernel '{a.kernel}': {len(ups)} of {a.starts} starts answered first time "
          f"(load {a.load} busy processes on {cpus} cores, timeout {a.timeout:g}s)")
    if ups:
        print(f"start-up to kernel_info reply: median {statistics.median(ups):.2f}s, max {max(ups):.2f}s")
    if rescued:
        print(f"starts where a kernel loop survived an exception (environment/kernel-fix): {', '.join(map(str, rescued))}")
    if fails:
        print(f"failed starts: {', '.join(map(str, fails))}")
    return 0 if not fails else 1


if __name__ == "__main__":
    sys.exit(main())
