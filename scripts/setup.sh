#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test migrate.
# Idempotent and quiet when everything is already there.
set -euo pipefail

PACKAGES=(
  build-essential cmake ccache pkg-config
  libcli11-dev libyaml-dev libsqlite3-dev libpq-dev nlohmann-json3-dev catch2
  libmariadb-dev mariadb-server mariadb-client  # the MySQL/MariaDB dialect and its test server
  postgresql postgresql-client sqlite3 python3 python3-jsonschema python3-yaml graphviz
  alembic  # the Alembic oracle of the corpus (tests/corpus)
  clang libclang-rt-14-dev  # the fuzz harnesses (fuzz/, libFuzzer)
  clang-format  # scripts/check_style.sh
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
