#!/usr/bin/env bash
# The main job: set everything up, then execute every notebook headless, in numeric order. By default the executed
# notebooks go to build/main/notebooks/ and figures, tables and run records to build/main/results/ (seeded with the
# committed run records, so runs whose spec is unchanged are reused): nothing committed is overwritten.
# --update-committed refreshes the committed notebooks and results/ instead. Uses the synthetic corpus unless
# EMOAUG_DATA (or --data DIR) names a folder of corpora. Extra arguments go to run_notebooks.py (e.g. --quick, 01,
# --data DIR, --fresh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/setup.sh"
exec "$here/run-notebooks" "$@"
