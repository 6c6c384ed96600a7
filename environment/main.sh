#!/usr/bin/env bash
# The main job: set everything up, then execute every notebook headless, in numeric order, writing their outputs
# in place and their figures/tables under results/<corpus>/. Uses the synthetic corpus unless EMOAUG_DATA (or
# --data DIR) names a folder of corpora. Extra arguments go to run_notebooks.py (e.g. --quick, 01, --data DIR).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/setup.sh"
exec "$here/run-notebooks" "$@"
