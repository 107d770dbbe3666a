#!/usr/bin/env bash
# The build a user or a packager runs: Release, the binary alone (-DBUILD_TESTING=OFF, so
# no Catch2), then `cmake --install` into a staging folder and a run of the installed
# binary. Warnings fail it here (-DMIGRATE_WERROR=ON), so the default Release build is
# known to compile cleanly. Objects are shared through ccache from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build-release
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
[ -f "$dir/CMakeCache.txt" ] ||
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DMIGRATE_WERROR=ON >/dev/null
cmake --build "$dir" -j "$(nproc)" --target migrate >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
rm -rf "$dir/stage"
cmake --install "$dir" --prefix "$dir/stage" >/dev/null
work=$(mktemp -d /tmp/migrate-release.XXXXXX)
trap 'rm -rf "$work"' EXIT
bin="$PWD/$dir/stage/bin/migrate"
(cd "$work" && "$bin" init app >/dev/null && cd app && "$bin" revision --autogenerate -m first -q >/dev/null &&
    "$bin" upgrade head -q && "$bin" check -q)
echo "release: $("$bin" --version) built in Release, installed to $dir/stage/bin and ran init/revision/upgrade/check"
