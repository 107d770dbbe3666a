#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and runs migrate end to end on
# the embedded default (SQLite) in a scratch project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh build >/dev/null
./build/migrate --help
