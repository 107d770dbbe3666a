#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs dependencies, builds
# (normal and ASan+UBSan), starts a throwaway PostgreSQL 15 and a throwaway MariaDB 10.11
# on 127.0.0.1, runs every test tier with ctest in both builds, and stops the servers
# whatever happened. The
# real-schema corpus (label `corpus`, tests/corpus/README.md) runs in the normal build
# only, to keep the wall time small. Then the packager's Release build of the binary
# (scripts/release_check.sh) and a smoke run of each fuzz harness (scripts/fuzz.sh,
# clang, ASan+UBSan).
# Set MIGRATE_SKIP_SANITIZE=1 to skip the sanitizer pass, MIGRATE_SKIP_FUZZ=1 the fuzz
# run, during local iteration.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/setup.sh
bash scripts/build.sh build
[ "${MIGRATE_SKIP_SANITIZE:-0}" = 1 ] || bash scripts/build.sh build-asan -DMIGRATE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug

pgdir=$(mktemp -d /tmp/migrate-pg.XXXXXX)
mydir=$(mktemp -d /tmp/migrate-mariadb.XXXXXX)
trap 'bash "$root/scripts/pg_test_server.sh" stop "$pgdir"; bash "$root/scripts/mariadb_test_server.sh" stop "$mydir"' EXIT
MIGRATE_TEST_PG_URL=$(bash scripts/pg_test_server.sh start "$pgdir")
export MIGRATE_TEST_PG_URL
echo "test: PostgreSQL running at ${MIGRATE_TEST_PG_URL/:migrate-test-pw@/:***@}"
MIGRATE_TEST_MYSQL_URL=$(bash scripts/mariadb_test_server.sh start "$mydir")
export MIGRATE_TEST_MYSQL_URL
echo "test: MariaDB running at ${MIGRATE_TEST_MYSQL_URL/:migrate-test-pw@/:***@}"

status=0
(cd build && ctest --output-on-failure -j "$(nproc)") || status=1
if [ "${MIGRATE_SKIP_SANITIZE:-0}" != 1 ]; then
  echo "test: running the suite again under AddressSanitizer + UndefinedBehaviorSanitizer"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # Not again under the sanitizers: the corpus, and the two autogenerate catalogues
  # (each scenario through the binary, 10x slower instrumented); the other tests drive
  # the same parsers, differ and runner.
  (cd build-asan && ctest --output-on-failure -j "$(nproc)" -LE corpus -E "e2e:autogenerate catalogue on") || status=1
fi
bash scripts/release_check.sh || status=1
if [ "${MIGRATE_SKIP_FUZZ:-0}" != 1 ]; then
  bash scripts/fuzz.sh "${MIGRATE_FUZZ_SECONDS:-60}" || status=1
fi
exit $status
