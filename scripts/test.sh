#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs every test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PARETOKIT_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$jobs" --timeout 900
