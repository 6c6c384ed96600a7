#!/usr/bin/env python3
"""Starts a Jupyter notebook server on 127.0.0.1 with a fresh random token, waits until it answers, and prints the
URL to open (one line starting "[notebook-server] open "). Stops the server on Ctrl-C or SIGTERM.
Run through environment/notebook-server, which installs the server and sets up the library and the Java kernel."""
import argparse, os, secrets, signal, socket, subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--port", type=int, default=8888, help="0 = any free port")
    ap.add_argument("--dir", default=os.path.join(ROOT, "notebooks"))
    ap.add_argument("--startup-timeout", type=float, default=60)
    a = ap.parse_args()
    port = a.port or free_port()
    folder = os.path.abspath(a.dir)
    if not os.path.isdir(folder):
        sys.exit(f"[notebook-server] no such folder: {folder}")
    token = secrets.token_hex(24)
    env = dict(os.environ, EMOAUG_HOME=ROOT)
    cmd = [sys.executable, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--NotebookApp.port_retries=0", f"--NotebookApp.token={token}", f"--notebook-dir={folder}",
           "--NotebookApp.open_browser=False"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(os.path.join(ROOT, "environment", ".state", "notebook-server.log"), "ab")
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop(*_):
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        print("[notebook-server] stopped", file=sys.stderr, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    deadline = time.monotonic() + a.startup_timeout
    status = f"http://127.0.0.1:{port}/api/status?token={token}"
    while True:
        if server.poll() is not None:
            sys.exit(f"[notebook-server] the server exited with code {server.returncode} "
                     f"(port {port} in use?); its log: environment/.state/notebook-server.log")
        try:
            urllib.request.urlopen(status, timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                os.killpg(server.pid, signal.SIGTERM)
                sys.exit(f"[notebook-server] the server did not answer within {a.startup_timeout:g}s; "
                         "its log: environment/.state/notebook-server.log")
            time.sleep(0.3)
    data = os.environ.get("EMOAUG_DATA") or "none set: the synthetic corpus"
    print(f"[notebook-server] notebooks in {os.path.relpath(folder, ROOT)}, data: {data}, Java kernel \"java\"; Ctrl-C stops it",
          file=sys.stderr, flush=True)
    print(f"[notebook-server] open http://127.0.0.1:{port}/tree?token={token}", flush=True)
    server.wait()
    sys.exit(f"[notebook-server] the server stopped by itself (code {server.returncode}); its log: environment/.state/notebook-server.log")


if __name__ == "__main__":
    main()
