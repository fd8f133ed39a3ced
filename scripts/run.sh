#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and runs the
# main job: a default sweep (NSGA-III on DTLZ2 with 3 objectives, 250
# generations, seed 1) into a new run folder under runs/, then its HTML report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PARETOKIT_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh"

paretokit="$BUILD_DIR/apps/paretokit"
out="$ROOT/runs/quickstart-$(date +%Y%m%d-%H%M%S)"
"$paretokit" sweep --problem dtlz2 --problem-params '{"n_obj": 3}' \
  --algorithm nsga3 --generations 250 --seed 1 --out "$out"
"$paretokit" report "$out" >/dev/null
echo "report:  $out/report.html"
