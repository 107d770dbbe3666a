#!/usr/bin/env bash
# Configures and builds migrate into build/ (or the folder given as $1, with extra
# CMake arguments after it). Incremental: re-running only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
# Let ccache share objects between checkouts of the tree (a fresh clone in CI).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
shift || true
# Warnings are errors here (and so in CI), not in a user's plain cmake build.
[ -f "$dir/CMakeCache.txt" ] || cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIGRATE_WERROR=ON "$@" >/dev/null
# MIGRATE_BUILD_TARGETS="a b" builds only those targets (the sanitizer pass of test.sh).
targets=()
for t in ${MIGRATE_BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$dir" -j "$(nproc)" "${targets[@]}"
