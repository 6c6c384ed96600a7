#!/usr/bin/env python3
"""Executes the suite's Java notebooks headless with nbclient.

    run_notebooks.py [--quick] [--data DIR] [--corpus NAMES] [--output-dir DIR] [--results DIR]
                     [--update-committed] [--fresh] [NOTEBOOK ...]

NOTEBOOK is a file name, a path or a number prefix ("01"); default: every notebooks/NN-*.ipynb in numeric order.
Settings reach the notebooks as environment variables (EMOAUG_QUICK, EMOAUG_DATA, EMOAUG_CORPUS, EMOAUG_RESULTS,
EMOAUG_HOME), because Java kernels have no papermill parameters.

Where outputs go: by default nothing committed is touched. Executed notebooks go to build/main/notebooks/ and
figures, tables and run records to build/main/results/; that results folder starts with a copy of the committed run
records (results/runs/), so runs whose specification is unchanged are reused rather than retrained. --fresh trains
every run whatever an earlier job left: the results folder (build/main/results/, or --results DIR) is moved aside
whole, in one rename, to DIR.before-fresh-<UTC time> beside it, and is not seeded; it never applies to the committed
results/ (so not with --update-committed), and a run read back all the same fails the job. --update-committed writes
the executed notebooks in place and results into results/ (how the committed evidence is refreshed, deliberately),
all or nothing: they are staged in build/update-committed/ and published only when every notebook ran.
At the end the job says how many runs it trained and how many it read back (finished under an unchanged spec before
it started): the runner appends each outcome to the file EMOAUG_RUN_EVENTS names (build/main/run-events-*.tsv).
Notebooks are written atomically. The first cell error stops the run, naming the notebook and the cell; the partial
notebook is kept as NAME.failed.ipynb beside the output. A kernel that does not answer within --startup-timeout
seconds is killed and started again (up to --retries times), and the run says so.
"""
import argparse, glob, os, re, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def log(msg):
    print(f"[notebooks] {msg}", file=sys.stderr, flush=True)


def resolve(names):
    nbdir = os.path.join(ROOT, "notebooks")
    every = sorted(glob.glob(os.path.join(nbdir, "[0-9][0-9]-*.ipynb")))
    if not names:
        return every
    out = []
    for n in names:
        if os.path.isfile(n):
            out.append(os.path.abspath(n))
            continue
        hits = [p for p in every if os.path.basename(p).startswith(n)]
        if len(hits) != 1:
            sys.exit(f"[notebooks] '{n}' matches {len(hits)} notebooks in {nbdir}: {[os.path.basename(h) for h in hits]}")
        out.append(hits[0])
    return out


def seed_runs(committed, target):
    """Copies committed run folders that the target lacks (never overwriting): the runner reuses those whose spec is unchanged."""
    import shutil
    if not os.path.isdir(committed):
        return
    n = 0
    for exp in sorted(os.listdir(committed)):
        src = os.path.join(committed, exp)
        if not os.path.isdir(src):
            continue
        for run in sorted(os.listdir(src)):
            s, d = os.path.join(src, run), os.path.join(target, exp, run)
            if run.startswith(".") or run == "superseded" or not os.path.isfile(os.path.join(s, "record.properties")) or os.path.exists(d):
                continue
            os.makedirs(os.path.dirname(d), exist_ok=True)
            tmp = os.path.join(target, exp, ".copying-" + run)   # hidden: readers skip dot-folders, so a broken copy is never a run
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(s, tmp)
            os.replace(tmp, d)
            n += 1
    if n:
        log(f"seeded {os.path.relpath(target, os.getcwd())} with {n} committed run(s); runs whose spec is unchanged are reused")


def set_aside(results):
    """Moves an existing, non-empty results folder aside in one rename (to RESULTS.before-fresh-<UTC time> beside it) so
    that nothing of an earlier job is read back; returns where it went, or None when there was nothing to move. Never
    the committed results/ or a folder holding it."""
    results = os.path.abspath(results)
    committed = os.path.realpath(os.path.join(ROOT, "results"))
    real = os.path.realpath(results)
    if real == committed or committed.startswith(real.rstrip(os.sep) + os.sep) or real.startswith(committed + os.sep):
        sys.exit(f"[notebooks] --fresh moves the results folder aside, and {results} is (or holds, or lies in) the committed "
                 f"results/; choose another --results folder")
    if not os.path.isdir(results) or not os.listdir(results):
        return None
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    aside, n = f"{results}.before-fresh-{stamp}", 1
    while os.path.exists(aside):
        n += 1
        aside = f"{results}.before-fresh-{stamp}-{n}"
    os.rename(results, aside)   # one atomic rename on the same file system; a failure stops the job with its reason
    return aside


STAGING = ("build", "update-committed")


def stage_committed(a):
    """--update-committed works in a staging copy (build/update-committed/: results/ with a copy of the committed runs,
    notebooks/), so that a failing notebook publishes nothing (publish_staged moves the outputs in only when every
    notebook ran); runs trained meanwhile are kept whatever happens (keep_runs)."""
    import shutil
    staging = os.path.join(ROOT, *STAGING)
    shutil.rmtree(staging, ignore_errors=True)
    committed = os.path.join(ROOT, "results")
    shutil.copytree(committed, os.path.join(staging, "results"),
                    ignore=lambda d, names: [n for n in names if n.startswith(".") or (d == committed and n == "runs")])
    seed_runs(os.path.join(committed, "runs"), os.path.join(staging, "results", "runs"))
    a.results, a.output_dir, a.staging = os.path.join(staging, "results"), os.path.join(staging, "notebooks"), staging


def keep_runs(staged, committed):
    """Copies the runs the job trained in the staging folder into the committed runs: a run the committed folder lacks,
    or whose record differs (the committed one is moved to its experiment's superseded/ first, as the runner does), and
    an evaluation (eval-*/) a committed run lacks. Returns how many were copied."""
    import shutil, time
    n = 0

    def same(x, y):
        with open(x, "rb") as f, open(y, "rb") as g:
            return f.read() == g.read()

    def install(src, dst):
        tmp = os.path.join(os.path.dirname(dst), ".copying-" + os.path.basename(dst))
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(src, tmp)
        os.replace(tmp, dst)

    for exp in sorted(os.listdir(staged)) if os.path.isdir(staged) else []:
        for run in sorted(os.listdir(os.path.join(staged, exp))) if os.path.isdir(os.path.join(staged, exp)) else []:
            s, d = os.path.join(staged, exp, run), os.path.join(committed, exp, run)
            if run.startswith(".") or run == "superseded" or not os.path.isfile(os.path.join(s, "record.properties")):
                continue
            if os.path.isdir(d) and not same(os.path.join(s, "record.properties"), os.path.join(d, "record.properties")):
                aside = os.path.join(committed, exp, "superseded", f"{run}-{int(time.time() * 1000)}")
                os.makedirs(os.path.dirname(aside), exist_ok=True)
                os.replace(d, aside)
            if not os.path.isdir(d):
                os.makedirs(os.path.dirname(d), exist_ok=True)
                install(s, d)
                n += 1
                continue
            for ev in sorted(os.listdir(s)):
                if ev.startswith("eval-") and os.path.isfile(os.path.join(s, ev, "record.properties")) and not os.path.isdir(os.path.join(d, ev)):
                    install(os.path.join(s, ev), os.path.join(d, ev))
                    n += 1
    return n


def publish_staged(staging):
    """Moves every staged table, figure, manifest and executed notebook whose bytes differ from the committed one into
    place (each by one rename), once every notebook ran; returns the paths that changed."""
    changed = []
    for sub, target in (("results", os.path.join(ROOT, "results")), ("notebooks", os.path.join(ROOT, "notebooks"))):
        base = os.path.join(staging, sub)
        for d, dirs, files in os.walk(base):
            rel = os.path.relpath(d, base)
            if sub == "results" and (rel == "runs" or rel.startswith("runs" + os.sep)):
                continue
            dirs[:] = [x for x in dirs if not x.startswith(".")]
            for f in files:
                if f.startswith("."):
                    continue
                src, dst = os.path.join(d, f), os.path.normpath(os.path.join(target, rel, f))
                with open(src, "rb") as x:
                    data = x.read()
                if os.path.isfile(dst):
                    with open(dst, "rb") as y:
                        if y.read() == data:
                            continue
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                tmp = os.path.join(os.path.dirname(dst), "." + f + ".publishing")
                with open(tmp, "wb") as out:
                    out.write(data)
                os.replace(tmp, dst)
                changed.append(os.path.relpath(dst, ROOT))
    return changed


def prepare_results(a):
    """The results folder of this job: the default build/main/results seeded with the committed runs, or, with --fresh,
    whatever an earlier job left moved aside (set_aside) and nothing seeded; with --update-committed a staging copy
    (stage_committed)."""
    if a.fresh and a.update_committed:
        sys.exit("[notebooks] --fresh trains every run into a new results folder; it does not combine with --update-committed "
                 "(the committed results/ are never moved aside)")
    if a.fresh and a.no_train:
        sys.exit("[notebooks] --fresh trains every run and --no-train trains none; choose one")
    if a.update_committed:
        stage_committed(a)
    else:
        build = os.path.join(ROOT, "build", "main")
        if not a.output_dir:
            a.output_dir = os.path.join(build, "notebooks")
        default = not a.results
        if default:
            a.results = os.path.join(build, "results")
        if a.fresh:
            aside = set_aside(a.results)
            if aside:
                log(f"--fresh: moved the earlier {os.path.relpath(a.results, os.getcwd())} aside to "
                    f"{os.path.relpath(aside, os.getcwd())} (delete it when it is no longer needed); every run trains anew")
        elif default:
            seed_runs(os.path.join(ROOT, "results", "runs"), os.path.join(a.results, "runs"))


OUTCOMES = ("trained", "read-back")   # the runner's words (org.emoaugnet.run.RunEvents)


def count_runs(events):
    """Distinct runs the runner trained and read back, from its events file (RunEvents: outcome, experiment/run, spec
    hash, time, pid@host per line). A run trained in this job and read back later counts as trained once."""
    trained, read_back = set(), set()
    if not os.path.isfile(events):
        return 0, 0
    with open(events, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5 or fields[0] not in OUTCOMES or not fields[1]:
                raise ValueError(f"{events}, line {i}: not a run event (outcome {'/'.join(OUTCOMES)}, run, spec, time, pid@host): {line.strip()!r}")
            (trained if fields[0] == "trained" else read_back).add(fields[1])
    return len(trained), len(read_back - trained)


def report_runs(events, fresh):
    """Says how many runs the job trained and read back; returns False when --fresh read any back or the events are unreadable."""
    where = os.path.relpath(events, os.getcwd())
    try:
        trained, read_back = count_runs(events)
    except (OSError, ValueError) as e:
        log(f"FAILED: cannot tell which runs were trained and which read back: {e}")
        return False
    if trained + read_back == 0:
        log("runs: none trained or read back (these notebooks resolve no runs)")
        return True
    log(f"runs: {trained} trained, {read_back} read back (finished under an unchanged spec before this job); each run's outcome in {where}")
    if fresh and read_back:
        log(f"FAILED: --fresh should have trained every run, but {read_back} were read back (listed as read-back in {where})")
        return False
    return True


def events_file():
    """A new, empty events file for this job under build/main/, named by the start time (and unique)."""
    d = os.path.join(ROOT, "build", "main")
    os.makedirs(d, exist_ok=True)
    fd, path = tempfile.mkstemp(dir=d, prefix=f"run-events-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-", suffix=".tsv")
    os.close(fd)
    return path


def write_atomic(nb, path):
    import nbformat
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, prefix="." + os.path.basename(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
LOG_LINE = re.compile(r"^(\[[^\]]+\] )?(TRACE|DEBUG|INFO) [\w.$]+ - ")
UUID_ONLY = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def clean_text(text, paths):
    """Terminal escapes, the kernel's per-jar classpath lines and library log records removed; machine paths made relative."""
    out, in_log = [], False
    for line in ANSI.sub("", text).splitlines(keepends=True):
        bare = line.rstrip("\n")
        if bare.startswith("Add ") and bare.endswith(" to classpath"):
            continue
        if LOG_LINE.match(bare):
            in_log = True   # a log record; its continuation lines (indented or key: value) follow until the next ordinary line
            continue
        if in_log and (bare.startswith(" ") or re.match(r"^[A-Z_]+(:|$)", bare) or bare.startswith("STD version")):
            continue
        in_log = False
        for absolute, shown in paths:
            line = line.replace(absolute, shown)
        out.append(line)
    return "".join(out)


def clean_outputs(nb, paths):
    """What a reader should see: every output cleaned (clean_text), empty streams, empty results and display ids dropped."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for o in cell.get("outputs", []):
            if o.get("output_type") == "stream":
                o["text"] = clean_text(o.get("text", ""), paths)
                if not o["text"]:
                    continue
            elif o.get("output_type") in ("execute_result", "display_data"):
                data = o.get("data", {})
                if "text/plain" in data:
                    data["text/plain"] = clean_text(data["text/plain"] if isinstance(data["text/plain"], str) else "".join(data["text/plain"]), paths)
                    shown = data["text/plain"].strip().strip('"')
                    if o.get("output_type") == "execute_result" and len(data) == 1 and (not shown or UUID_ONLY.match(shown)):
                        continue   # the display id that display(...) returns, or nothing at all: not a result a reader needs
            elif o.get("output_type") == "error":
                o["evalue"] = clean_text(o.get("evalue", ""), paths)
                o["traceback"] = [clean_text(t, paths) for t in o.get("traceback", [])]
            kept.append(o)
        cell["outputs"] = kept
    return nb


def machine_paths(a):
    """Absolute paths of this run, longest first, with what a reader sees instead."""
    pairs = [(os.path.abspath(ROOT) + os.sep, "")]
    if a.results:
        pairs.append((os.path.abspath(a.results), "results"))
    if a.data:
        pairs.append((os.path.abspath(a.data), "$EMOAUG_DATA"))
    cache = os.environ.get("EMOAUG_CACHE")
    if cache:
        pairs.append((os.path.abspath(cache), "$EMOAUG_CACHE"))
    return sorted(pairs, key=lambda p: -len(p[0]))


def pin_kernels():
    """Pins the numeric kernels (environment/kernels.env) in this process's environment, which the kernels and the
    launcher started from here inherit; the kernel itself starts through environment/pinned-kernels as well (see
    install_kernel.py). Not where EMOAUG_NATIVE_KERNELS=1 (opt-out) or the machine cannot run them (pinned-kernels says so)."""
    path = os.path.join(HERE, "kernels.env")
    pins = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if not re.match(r"^[A-Z_][A-Z0-9_]*=", line):
                sys.exit(f"[notebooks] {path}, line {n}: not a KEY=VALUE line: {line}")
            k, v = line.split("=", 1)
            pins[k] = v
    if os.environ.get("EMOAUG_NATIVE_KERNELS") == "1":
        return "native numeric kernels (EMOAUG_NATIVE_KERNELS=1: runs are marked machine-specific)"
    import platform
    flags = ""
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            flags = f.read()
    if platform.machine().lower() not in ("x86_64", "amd64") or (flags and not re.search(r"\bavx2\b", flags)):
        return "native numeric kernels (this machine cannot run the pinned ones: runs are marked not comparable)"
    os.environ.update(pins)
    return "numeric kernels pinned (" + ", ".join(f"{k}={v}" for k, v in pins.items()) + ")"


def first_line(src):
    s = src.strip().splitlines()
    return (s[0][:80] + (" ..." if len(s) > 1 or len(s[0]) > 80 else "")) if s else "(empty)"


def run_one(path, out_path, a):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    name = os.path.basename(path)
    os.environ["EMOAUG_PRODUCER"] = "notebooks/" + name   # entered with every figure and table the notebook saves (results/MANIFEST.json)
    deadline = time.monotonic() + a.timeout
    for attempt in range(1, a.retries + 2):
        nb = nbformat.read(path, as_version=4)
        ks = nb.metadata.get("kernelspec", {}).get("name", "java")
        if ks != a.kernel:
            log(f"{name}: notebook asks for kernel '{ks}', running it with '{a.kernel}'")
        client = NotebookClient(nb, kernel_name=a.kernel, startup_timeout=a.startup_timeout,
                                timeout=max(1, int(deadline - time.monotonic())),
                                resources={"metadata": {"path": os.path.dirname(path)}})
        started = False
        t0 = time.monotonic()
        klog = os.path.join(tempfile.gettempdir(), f"emoaug-kernel-{os.path.splitext(name)[0]}.log")
        try:
            with open(klog, "wb") as kerr, client.setup_kernel(stderr=kerr):
                started = True
                log(f"{name}: kernel up in {time.monotonic() - t0:.1f}s" + (f" (attempt {attempt})" if attempt > 1 else ""))
                for i, cell in enumerate(nb.cells):
                    if cell.cell_type != "code":
                        continue
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise CellTimeoutError.error_from_timeout_and_cell(f"notebook time limit of {a.timeout}s reached", a.timeout, cell)
                    client.timeout = max(1, int(remaining))
                    tc = time.monotonic()
                    try:
                        client.execute_cell(cell, i)
                    except (CellExecutionError, CellTimeoutError) as e:
                        failed = os.path.splitext(out_path)[0] + ".failed.ipynb"
                        write_atomic(nb, failed)
                        kind = "timed out" if isinstance(e, CellTimeoutError) else "raised an error"
                        log(f"FAILED: {name}, cell {i} ({first_line(cell.source)}) {kind} after {time.monotonic() - tc:.1f}s")
                        log(f"partial notebook with outputs: {failed}; kernel log: {klog}")
                        print(str(e)[-4000:], file=sys.stderr)
                        return False
                    if a.verbose:
                        log(f"{name}: cell {i} done in {time.monotonic() - tc:.1f}s")
            write_atomic(clean_outputs(nb, machine_paths(a)), out_path)
            log(f"{name}: ok in {time.monotonic() - t0:.1f}s -> {os.path.relpath(out_path, os.getcwd())}")
            return True
        except Exception as e:  # kernel start-up failures: retry; anything after start-up is a real error
            if started:
                log(f"FAILED: {name}: {type(e).__name__}: {e} (kernel log: {klog})")
                return False
            if attempt <= a.retries:
                log(f"{name}: the Java kernel did not answer within {a.startup_timeout}s ({type(e).__name__}: {e}); "
                    f"killed it, retrying (attempt {attempt + 1} of {a.retries + 1})")
                continue
            log(f"FAILED: {name}: the Java kernel did not start after {a.retries + 1} attempts: {e}")
            return False
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*")
    ap.add_argument("--quick", action="store_true", help="CI mode: fewer files, epochs and seeds (EMOAUG_QUICK=1)")
    ap.add_argument("--no-train", action="store_true",
                    help="report only (EMOAUG_TRAIN=0): read back the runs that exist, train none; tables say what is missing")
    ap.add_argument("--data", help="folder with corpora (EMOAUG_DATA); default: the synthetic corpus")
    ap.add_argument("--corpus", help="comma-separated corpus names (EMOAUG_CORPUS)")
    ap.add_argument("--results", help="results folder (EMOAUG_RESULTS); default <project>/results")
    ap.add_argument("--output-dir", help="write executed notebooks here (default build/main/notebooks)")
    ap.add_argument("--update-committed", action="store_true",
                    help="write executed notebooks in place and results into results/ (refreshes the committed evidence)")
    ap.add_argument("--fresh", action="store_true",
                    help="train every run: move the results folder an earlier job left aside (never results/) and do not seed it")
    ap.add_argument("--compare", action="store_true",
                    help="afterwards compare the regenerated tables and figures with the committed results/ (emoaug results compare)")
    ap.add_argument("--timeout", type=int, default=None, help="seconds per notebook (default 3600, quick 900)")
    ap.add_argument("--startup-timeout", type=int, default=int(os.environ.get("EMOAUG_KERNEL_STARTUP_TIMEOUT", 60)))
    ap.add_argument("--retries", type=int, default=3, help="kernel start-up retries")
    ap.add_argument("--kernel", default="java")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    if a.timeout is None:
        a.timeout = 900 if a.quick else 3600

    if a.update_committed and (a.output_dir or a.results):
        sys.exit("[notebooks] --update-committed writes in place and into results/; it does not combine with --output-dir or --results")
    jars = glob.glob(os.path.join(ROOT, "lib", "target", "jars", "emoaugnet-lib-*.jar"))
    if not jars:
        sys.exit("[notebooks] lib/target/jars/ has no library jar: run environment/setup.sh (or mvn package) first")
    paths = resolve(a.notebooks)
    if not paths:
        sys.exit("[notebooks] no notebooks found")
    prepare_results(a)
    events = events_file()
    os.environ["EMOAUG_RUN_EVENTS"] = events
    os.environ["EMOAUG_HOME"] = ROOT
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ["EMOAUG_PROGRESS"] = "0"   # progress lines are for interactive readers; never committed into notebooks
    if a.quick:
        os.environ["EMOAUG_QUICK"] = "1"
    if a.no_train:
        os.environ["EMOAUG_TRAIN"] = "0"
    for flag, var in (("data", "EMOAUG_DATA"), ("corpus", "EMOAUG_CORPUS"), ("results", "EMOAUG_RESULTS")):
        v = getattr(a, flag)
        if v:
            os.environ[var] = os.path.abspath(v) if flag != "corpus" else v
    kernels = pin_kernels()
    log(f"running {len(paths)} notebook(s); quick={bool(a.quick)}, data={os.environ.get('EMOAUG_DATA', '(synthetic)')}, "
        f"limit {a.timeout}s each; {kernels}")
    for p in paths:
        out = os.path.join(os.path.abspath(a.output_dir), os.path.basename(p)) if a.output_dir else p
        if not run_one(p, out, a):
            report_runs(events, a.fresh)   # what the notebooks before the failure trained and read back
            if a.update_committed:
                kept = keep_runs(os.path.join(a.results, "runs"), os.path.join(ROOT, "results", "runs"))
                log(f"nothing published: the committed notebooks, tables and figures are unchanged; {kept} run(s) trained are kept in "
                    f"results/runs; the staged outputs are in {os.path.relpath(a.staging, os.getcwd())}")
            sys.exit(1)
    log("all notebooks ran")
    if not report_runs(events, a.fresh):
        sys.exit(1)
    if a.compare and not a.update_committed:
        import subprocess
        rc = subprocess.call([os.path.join(HERE, "emoaug"), "results", "compare", "--regenerated", a.results])
        if rc not in (0, 3):
            sys.exit(rc)
        log("regenerated results " + ("match the committed ones" if rc == 0 else "differ from the committed ones (listed above)"))
    if a.update_committed:
        import shutil
        kept = keep_runs(os.path.join(a.results, "runs"), os.path.join(ROOT, "results", "runs"))
        changed = publish_staged(a.staging)
        shutil.rmtree(a.staging, ignore_errors=True)
        log(f"every notebook ran: {len(changed)} file(s) published into notebooks/ and results/, {kept} new run(s) kept in results/runs "
            "(review with git diff, then environment/emoaug ledger)")
    else:
        log(f"executed notebooks in {os.path.relpath(a.output_dir, os.getcwd())}, figures and tables in "
            f"{os.path.relpath(a.results, os.getcwd())}; the committed notebooks and results/ are untouched "
            f"(--update-committed refreshes them)")


if __name__ == "__main__":
    main()
