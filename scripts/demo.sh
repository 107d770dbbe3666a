#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and runs the worked example
# (migrations-example/) on SQLite in a scratch copy: upgrade head, history, current.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh build >/dev/null
migrate="$PWD/build/migrate"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -r migrations-example "$scratch/blog"
rm -f "$scratch/blog/"*.db
cd "$scratch/blog"
unset DATABASE_URL   # the example's migrate.yaml then uses sqlite:///example.db
run() {
    echo "\$ migrate $*"
    "$migrate" "$@"
    echo
}
run upgrade head
run history --indicate-current
run current
run check
