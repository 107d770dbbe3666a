#!/usr/bin/env bash
# Fetches the real-schema corpus: downloads the Debian packages that ship the SQL
# schemas and Alembic revision graphs the corpus tests use (`apt-get download`, no
# install), and unpacks each with `dpkg-deb -x` into the cache folder
#   ${MIGRATE_CORPUS_CACHE:-$HOME/.cache/migrate-corpus}
# as  debs/<package>_<version>_<arch>.deb  and  root/<package>/<files of the package>.
# Cached between runs: a package already downloaded and unpacked is not fetched again
# (delete the folder to fetch the newest versions). `apt-get update` runs only when a
# download fails. Writes versions.txt ("<package> <version>" per line) and prints the
# cache folder on stdout. Nothing it downloads belongs in the repository.
set -euo pipefail

PACKAGES=(
  ejabberd
  freeradius-config
  bacula-director-pgsql bacula-director-sqlite3 bacula-director-mysql
  kamailio-postgres-modules kamailio-sqlite-modules kamailio-mysql-modules
  python3-nova python3-cinder python3-aodh python3-barbican python3-placement
)

cache="${MIGRATE_CORPUS_CACHE:-$HOME/.cache/migrate-corpus}"
mkdir -p "$cache/debs" "$cache/root"
cache=$(cd "$cache" && pwd)

# One fetch at a time per cache folder (ctest may start several corpus tests at once).
exec 9>"$cache/.lock"
flock 9

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
updated=0

deb_of() { ls "$cache/debs/$1"_*.deb 2>/dev/null | sort -V | tail -1 || true; }

download() {
  local pkg="$1" tmp
  tmp=$(mktemp -d "$cache/debs/.download.XXXXXX")
  # apt's download sandbox user must be able to write the folder.
  chmod 0777 "$tmp"
  if ! (cd "$tmp" && apt-get download -qq "$pkg" >/dev/null 2>"$tmp/.err"); then
    if [ "$updated" = 0 ]; then
      echo "corpus: refreshing the package lists (apt-get update) to find $pkg" >&2
      $SUDO apt-get update -qq >/dev/null
      updated=1
    fi
    (cd "$tmp" && apt-get download -qq "$pkg" >/dev/null 2>"$tmp/.err") || {
      echo "corpus: cannot download Debian package '$pkg':" >&2
      cat "$tmp/.err" >&2
      rm -rf "$tmp"
      return 1
    }
  fi
  mv "$tmp"/*.deb "$cache/debs/"
  rm -rf "$tmp"
}

: > "$cache/versions.txt.new"
for pkg in "${PACKAGES[@]}"; do
  deb=$(deb_of "$pkg")
  if [ -z "$deb" ]; then
    echo "corpus: downloading $pkg" >&2
    download "$pkg"
    deb=$(deb_of "$pkg")
  fi
  stamp="$cache/root/$pkg/.unpacked-$(basename "$deb")"
  if [ ! -f "$stamp" ]; then
    rm -rf "$cache/root/$pkg"
    mkdir -p "$cache/root/$pkg"
    dpkg-deb -x "$deb" "$cache/root/$pkg"
    touch "$stamp"
  fi
  echo "$pkg $(dpkg-deb -f "$deb" Version)" >> "$cache/versions.txt.new"
done
mv "$cache/versions.txt.new" "$cache/versions.txt"
echo "$cache"
