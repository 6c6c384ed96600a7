#!/usr/bin/env python3
"""End-to-end check of interactive use in a real browser.

Starts environment/notebook-server on a free loopback port in a scratch folder (a copy of nothing committed: a new
notebook that loads the library with %jars, beside a link to lib/), opens the notebook in headless Chromium through
the server, waits for the Java kernel, runs the %jars cell with Shift+Enter, then does what a researcher does:
types a new cell that calls the library, runs it, and waits for its output. Checks the output, then stops the server
and checks that its port is closed. Exit code 0 when every step passed; each step is printed.
Needs Debian's chromium, chromium-driver and python3-selenium (environment/test.sh installs them)."""
import json, os, shutil, signal, socket, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPECT = "browser check: 6 x 7 = 42"
# a cell a researcher might type: a library call (the compact CNN-LSTM's default training budget) and a computed line
TYPED = ('System.out.println("browser check: 6 x 7 = " + (6 * 7) + "; epochs cap " '
         '+ org.emoaugnet.run.Defaults.TRAINING.epochs())')


def step(msg):
    print(f"[browser-check] {msg}", flush=True)


def fail(msg, driver=None, shots=None):
    if driver is not None and shots:
        try:
            driver.save_screenshot(os.path.join(shots, "failure.png"))
            step(f"screenshot: {os.path.join(shots, 'failure.png')}")
        except Exception:
            pass
    print(f"[browser-check] FAILED: {msg}", flush=True)
    return 1


def scratch_notebook(folder):
    os.makedirs(os.path.join(folder, "notebooks"))
    os.symlink(os.path.join(ROOT, "lib"), os.path.join(folder, "lib"))
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["Browser check (scratch)"]},
                    {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                     "source": ["%jars ../lib/target/jars/"]}],
          "metadata": {"kernelspec": {"display_name": "Java", "language": "java", "name": "java"}},
          "nbformat": 4, "nbformat_minor": 5}
    with open(os.path.join(folder, "notebooks", "check.ipynb"), "w") as f:
        json.dump(nb, f)
    return os.path.join(folder, "notebooks")


def port_open(port):
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_for(what, fn, timeout, interval=0.5):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            v = fn()
            if v:
                return v
        except Exception:
            pass
        time.sleep(interval)
    raise TimeoutError(f"{what} not within {timeout:g}s")


def main():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.common.action_chains import ActionChains
    except ImportError:
        return fail("python selenium not found (Debian: apt-get install python3-selenium)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_bin = shutil.which("chromedriver")
    if not chromium or not driver_bin:
        return fail("chromium and chromedriver not found (Debian: apt-get install chromium chromium-driver)")

    tmp = tempfile.mkdtemp(prefix="emoaug-browser-")
    folder = scratch_notebook(tmp)
    server = subprocess.Popen([os.path.join(ROOT, "environment", "notebook-server"), "--port", "0", "--dir", folder],
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    driver, port, rc = None, None, 1
    try:
        url = None
        t0 = time.monotonic()
        for line in server.stdout:  # the command prints one "open URL" line once the server answers
            if line.startswith("[notebook-server] open "):
                url = line.split(" open ", 1)[1].strip()
                break
        if not url:
            return fail(f"environment/notebook-server printed no URL (exit code {server.wait()})")
        port = int(url.split(":")[2].split("/")[0])
        step(f"server up on 127.0.0.1:{port} in {time.monotonic() - t0:.1f}s")
        if not url.startswith("http://127.0.0.1:"):
            return fail(f"the server is not on loopback: {url}")

        opts = webdriver.ChromeOptions()
        opts.binary_location = chromium
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  f"--user-data-dir={os.path.join(tmp, 'chromium-profile')}", "--window-size=1280,900"):
            opts.add_argument(a)
        driver = webdriver.Chrome(service=Service(driver_bin), options=opts)
        nb_url = url.replace("/tree?", "/notebooks/check.ipynb?")
        driver.get(nb_url)
        step(f"opened {nb_url.split('?')[0]} in {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}")
        wait_for("the Java kernel to be ready", lambda: driver.execute_script(
            "return window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
            " && Jupyter.notebook.kernel.name === 'java' && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null"), 120)
        step("Java kernel connected and idle")

        cells = driver.find_elements(By.CSS_SELECTOR, "div.cell.code_cell")
        cells[0].find_element(By.CSS_SELECTOR, ".CodeMirror").click()
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()  # runs the %jars cell, adds a new one below
        wait_for("the %jars cell to finish", lambda: driver.execute_script(
            "var c = Jupyter.notebook.get_cell(1); return c.input_prompt_number !== null && c.input_prompt_number !== '*'"), 120)
        step("ran the %jars cell (library on the kernel's class path)")

        new = wait_for("a new cell", lambda: driver.find_elements(By.CSS_SELECTOR, "div.cell.code_cell")[1], 10)
        new.find_element(By.CSS_SELECTOR, ".CodeMirror").click()
        ActionChains(driver).send_keys(TYPED).perform()
        typed = driver.execute_script("return Jupyter.notebook.get_cell(2).get_text()")
        if typed != TYPED:
            return fail(f"the typed cell reads {typed!r}, not {TYPED!r}", driver, tmp)
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        out = wait_for("the typed cell's output", lambda: (lambda t: t if EXPECT in t else None)(
            new.find_element(By.CSS_SELECTOR, ".output_area").text), 120)
        errors = driver.find_elements(By.CSS_SELECTOR, ".output_error, .output_stderr")
        if errors:
            return fail("an error output appeared: " + errors[0].text[:500], driver, tmp)
        step(f"typed a cell, ran it, output appeared: {out.strip()!r}")
        rc = 0
    except TimeoutError as e:
        return fail(str(e), driver, tmp)
    finally:
        if driver is not None:
            driver.quit()
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)  # the command stops its server on SIGTERM
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if port is not None:
            try:
                wait_for("the port to close", lambda: not port_open(port), 10)
                step(f"server stopped, port {port} closed")
            except TimeoutError:
                rc = fail(f"port {port} still open after the server was stopped")
        if rc == 0:
            shutil.rmtree(tmp, ignore_errors=True)
    if rc == 0:
        step("passed")
    return rc


if __name__ == "__main__":
    sys.exit(main())
