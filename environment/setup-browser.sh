#!/usr/bin/env bash
# Test-only set-up for the browser check: Debian's chromium, chromium-driver and python3-selenium, and the notebook
# server (jupyter-notebook), installed with apt as root when missing. Idempotent; does nothing when all are present.
set -euo pipefail
state="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.state"
mkdir -p "$state"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || need+=(python3-selenium)
/usr/bin/python3 -c 'import notebook.notebookapp' >/dev/null 2>&1 || need+=(jupyter-notebook)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "[setup-browser] installing ${need[*]} from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${need[@]}" >"$state/apt-browser.log" 2>&1 \
    || { apt-get update -q >>"$state/apt-browser.log" 2>&1 || true
         apt-get install -y -q --no-install-recommends "${need[@]}" >>"$state/apt-browser.log" 2>&1 \
           || echo "[setup-browser] apt-get could not install ${need[*]} (see $state/apt-browser.log)" >&2; }
else
  echo "[setup-browser] missing ${need[*]}; install them (Debian packages) to run the browser check" >&2
fi
