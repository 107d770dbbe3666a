#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and runs migrate end to end on
# the embedded default (SQLite) in a scratch project: init, then load the models.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh build >/dev/null
migrate="$PWD/build/migrate"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
echo "\$ migrate init demo"
"$migrate" init demo
cd demo
echo "\$ migrate models"
"$migrate" models
