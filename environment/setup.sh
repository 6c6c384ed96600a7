#!/usr/bin/env bash
# Idempotent set-up on a fresh Debian machine (as root, with only Java 17+ and Maven installed), or on any machine
# with Python 3 and pip:
#   1. Jupyter's headless executor (Debian packages where apt works; otherwise a Python venv with pip),
#   2. the library build (lib/target/jars/: the jar + runtime dependencies that notebooks load with %jars),
#   3. the Java kernel under the kernelspec name "java" (rapaio-jupyter-kernel from Maven Central), unless a
#      "java" kernel such as IJava/JJava is already installed.
# Environment: EMOAUG_PYTHON (a python3 that has nbclient), EMOAUG_KERNEL_HEAP (default 4g),
#              EMOAUG_FORCE_KERNEL=1 (replace an existing "java" kernel).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$here/environment/.state"
mkdir -p "$state"
say() { echo "[setup] $*" >&2; }
# Maven 3.8's console library (jansi) writes ESC[0m resets even with -B -q, which end up in captured set-up logs;
# .mvn/jvm.config turns that off for every mvn run in the checkout, this for the one install_kernel.py runs elsewhere
export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }-Djansi.noreset=true"

# --- 0. toolchain ---------------------------------------------------------------------------------------
command -v java >/dev/null || { say "java not found: install a JDK 17+"; exit 1; }
command -v mvn >/dev/null || { say "mvn not found: install Maven"; exit 1; }
jv=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${jv%%.*}" -lt 17 ] 2>/dev/null; then say "Java $jv found; Java 17 or newer is required"; exit 1; fi

# --- 1. Jupyter executor --------------------------------------------------------------------------------
has_nbclient() { "$1" -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1; }
py=""
for cand in "${EMOAUG_PYTHON:-}" "$state/venv/bin/python" /usr/bin/python3; do
  if [ -n "$cand" ] && [ -x "$cand" ] && has_nbclient "$cand"; then py="$cand"; break; fi
done
if [ -z "$py" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  say "installing Jupyter from Debian packages (jupyter-nbconvert python3-nbclient python3-ipykernel)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends jupyter-nbconvert python3-nbclient python3-ipykernel >"$state/apt.log" 2>&1; then
    apt-get update -q >>"$state/apt.log" 2>&1 || true
    apt-get install -y -q --no-install-recommends jupyter-nbconvert python3-nbclient python3-ipykernel >>"$state/apt.log" 2>&1 \
      || say "apt-get could not install Jupyter (see $state/apt.log); trying pip"
  fi
  has_nbclient /usr/bin/python3 && py=/usr/bin/python3
fi
if [ -z "$py" ]; then
  base=$(command -v python3 || true)
  [ -n "$base" ] || { say "no python3 found: install python3 (and python3-venv) or Jupyter's Debian packages"; exit 1; }
  say "installing Jupyter (nbclient, nbformat, jupyter_client, ipykernel) into $state/venv with pip"
  "$base" -m venv "$state/venv"
  "$state/venv/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  "$state/venv/bin/python" -m pip install -q nbclient nbformat jupyter_client ipykernel
  py="$state/venv/bin/python"
fi
echo "$py" > "$state/python"
say "Jupyter executor: $py ($("$py" -c 'import nbclient; print("nbclient", nbclient.__version__)'))"

# --- 2. library build -----------------------------------------------------------------------------------
say "building the library (mvn -pl lib package, tests skipped here)"
rm -rf "$here/lib/target/jars"
(cd "$here" && mvn -q -B -DskipTests -pl lib package) || { say "library build failed"; exit 1; }   # lib/sweep (Spark) is built on first use of emoaug sweep and by the tests

# --- 3. Java kernel ---------------------------------------------------------------------------------------
"$py" "$here/environment/install_kernel.py" --state "$state" --heap "${EMOAUG_KERNEL_HEAP:-4g}" \
  ${EMOAUG_FORCE_KERNEL:+--force}
say "done"
