#!/usr/bin/env bash
# Shared set-up for the README's two commands: installs the Debian packages
# that are missing, then configures (Release) and builds in build/.
# Re-runnable: a second run installs nothing and builds incrementally.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PARETOKIT_BUILD_DIR:-$ROOT/build}"

PACKAGES=(
  cmake make g++ pkg-config
  libboost-graph-dev libboost-program-options-dev libboost-math-dev libboost-random-dev
  libeigen3-dev libtbb-dev nlohmann-json3-dev catch2 libbenchmark-dev
  libpagmo-dev liblbfgspp-dev
  libopenmpi-dev openmpi-bin  # optional: sweep --evaluator mpi (built where found)
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "paretokit: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "paretokit: missing Debian packages; run as root:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

jobs="$(nproc 2>/dev/null || echo 2)"
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build "$BUILD_DIR" --parallel "$jobs" >&2
