#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and runs the
# main job.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PARETOKIT_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh"
"$BUILD_DIR/apps/paretokit" --help
