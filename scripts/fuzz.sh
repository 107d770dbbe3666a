#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang (ASan + UBSan) into build-fuzz/
# and runs each of them for SECONDS (default 60), all at once, on a corpus seeded from
# fuzz/seeds, tests/fixtures and migrations-example. Exits non-zero when any harness
# finds a crash; the input that crashed is kept as build-fuzz/findings/<harness>/crash-*.
#
#   bash scripts/fuzz.sh [SECONDS] [HARNESS...]    (harnesses: model_loader revision_file
#                                                   config database_url; default all)
# The corpus in build-fuzz/corpus/<harness> grows from run to run; see fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds="${1:-60}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(model_loader revision_file config database_url)
dir=build-fuzz

export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
[ -f "$dir/CMakeCache.txt" ] ||
    CC=clang CXX=clang++ cmake -S . -B "$dir" -DMIGRATE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=(--target "${h}_fuzz"); done
cmake --build "$dir" -j "$(nproc)" "${targets[@]}" >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }

# Seeds: small files of ours plus the project's own fixtures and example.
seed() {  # seed HARNESS FILE...
    local corpus="$dir/corpus/$1"
    shift
    mkdir -p "$corpus"
    for f in "$@"; do [ -f "$f" ] && cp "$f" "$corpus/seed_$(echo "$f" | tr '/' '_')"; done
    return 0
}
shopt -s nullglob globstar
seed model_loader tests/fixtures/models/**/*.yaml tests/fixtures/models/**/*.json migrations-example/models/*.yaml
seed revision_file migrations-example/migrations/versions/*.yaml
seed config fuzz/seeds/config/* migrations-example/migrate.yaml
seed database_url fuzz/seeds/url/*

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
pids=()
for h in "${harnesses[@]}"; do
    mkdir -p "$dir/findings/$h"
    "$dir/fuzz/${h}_fuzz" "$dir/corpus/$h" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/findings/$h/" >"$dir/findings/$h.log" 2>&1 &
    pids+=($!)
done
status=0
for i in "${!harnesses[@]}"; do
    h=${harnesses[$i]}
    if wait "${pids[$i]}"; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/findings/$h.log" | grep -o '[0-9]*$' || echo "?")
        echo "fuzz: $h ok ($runs inputs in ${seconds}s, corpus $(ls "$dir/corpus/$h" | wc -l) files)"
    else
        status=1
        echo "fuzz: $h FOUND A PROBLEM; input kept in $dir/findings/$h/, log follows"
        tail -n 60 "$dir/findings/$h.log"
    fi
done
exit $status
