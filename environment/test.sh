#!/usr/bin/env bash
# The test command: set up (Jupyter, kernel, library), then run every unit and integration test with Maven.
# Integration tests execute the notebooks headless in quick mode on the synthetic corpus, scan ../shared/data
# (or EMOAUG_TEST_DATA) when it exists, and run the browser check (environment/browser-check: the notebook server
# command, headless Chromium typing and running a cell; it installs chromium, chromium-driver, python3-selenium and
# jupyter-notebook from Debian's packages when they are missing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/environment/setup.sh"
cd "$here"
exec mvn -B verify "$@"
