#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs dependencies, builds,
# starts a throwaway PostgreSQL 15 and a throwaway MariaDB 10.11 on 127.0.0.1, runs every
# test tier with ctest, and stops the servers whatever happened. Then the tests that
# exercise parsing and the runner (the unit and e2e tiers) again under AddressSanitizer +
# UndefinedBehaviorSanitizer, the packager's Release build of the binary
# (scripts/release_check.sh) and a smoke run of each fuzz harness (scripts/fuzz.sh).
#
# Wall time on 2 cores is kept down by overlapping: the sanitizer build compiles while
# the normal suite runs (the suite waits on servers and processes much of the time).
# The real-schema corpus (label `corpus`) and the autogenerate catalogues run in the
# normal build only; the dialect tier (real servers, no parsing of user input beyond
# what e2e drives) too.
# Set MIGRATE_SKIP_SANITIZE=1 to skip the sanitizer pass, MIGRATE_SKIP_FUZZ=1 the fuzz
# run, during local iteration. Each phase prints its duration.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$SECONDS
phase() { echo "test: $1 done after $((SECONDS - started)) s"; }

bash scripts/setup.sh
phase "setup"
bash scripts/build.sh build
phase "build"

pgdir=$(mktemp -d /tmp/migrate-pg.XXXXXX)
mydir=$(mktemp -d /tmp/migrate-mariadb.XXXXXX)
asan_pid=""
cleanup() {
  [ -z "$asan_pid" ] || kill "$asan_pid" 2>/dev/null || true
  bash "$root/scripts/pg_test_server.sh" stop "$pgdir"
  bash "$root/scripts/mariadb_test_server.sh" stop "$mydir"
}
trap cleanup EXIT
MIGRATE_TEST_PG_URL=$(bash scripts/pg_test_server.sh start "$pgdir")
export MIGRATE_TEST_PG_URL
echo "test: PostgreSQL running at ${MIGRATE_TEST_PG_URL/:migrate-test-pw@/:***@}"
MIGRATE_TEST_MYSQL_URL=$(bash scripts/mariadb_test_server.sh start "$mydir")
export MIGRATE_TEST_MYSQL_URL
echo "test: MariaDB running at ${MIGRATE_TEST_MYSQL_URL/:migrate-test-pw@/:***@}"

sanitize=1
[ "${MIGRATE_SKIP_SANITIZE:-0}" = 1 ] && sanitize=0
asan_log=$(mktemp /tmp/migrate-asan-build.XXXXXX)
if [ $sanitize = 1 ]; then
  MIGRATE_BUILD_TARGETS="migrate unit_tests e2e_tests" \
    bash scripts/build.sh build-asan -DMIGRATE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
    >"$asan_log" 2>&1 &
  asan_pid=$!
fi

status=0
(cd build && ctest --output-on-failure -j "$(nproc)") || status=1
phase "suite"
if [ $sanitize = 1 ]; then
  asan_ok=1
  wait "$asan_pid" || asan_ok=0
  asan_pid=""
  phase "sanitizer build"
  if [ $asan_ok = 0 ]; then
    tail -50 "$asan_log"
    echo "test: the sanitizer build failed"
    status=1
  else
    echo "test: the unit and e2e tiers again under AddressSanitizer + UndefinedBehaviorSanitizer"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    # Not the corpus nor the autogenerate catalogues (each scenario through the binary,
    # 10x slower instrumented), nor the source checks (style, layers).
    (cd build-asan && ctest --output-on-failure -j "$(nproc)" -L "^(unit|e2e)$" -LE corpus \
      -E "e2e:autogenerate catalogue on|^style:|^layers:|^dialects:") || status=1
    phase "sanitizer suite"
  fi
fi
rm -f "$asan_log"
bash scripts/release_check.sh || status=1
phase "release build"
if [ "${MIGRATE_SKIP_FUZZ:-0}" != 1 ]; then
  bash scripts/fuzz.sh "${MIGRATE_FUZZ_SECONDS:-60}" || status=1
  phase "fuzz"
fi
exit $status
