#!/usr/bin/env bash
# Starts or stops a throwaway MariaDB server for the tests.
#   mariadb_test_server.sh start DIR   -> prints the server URL on stdout
#   mariadb_test_server.sh stop DIR
# The server listens on 127.0.0.1 only, on a free port, with its data, socket, pid
# file and log in DIR (never the system server's /run/mysqld socket), and runs as the
# `mysql` user. It has a user `migrate` with a password and a database `migrate`;
# the user may create and drop databases (each test makes its own).
set -euo pipefail
action="${1:-}"; dir="${2:-}"
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
as_mysql() { if [ "$(id -u)" -eq 0 ]; then runuser -u mysql -- "$@"; else "$@"; fi; }
password="migrate-test-pw"

case "$action" in
  start)
    command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] \
      || { echo "mariadb_test_server: mariadbd not found (package mariadb-server)" >&2; exit 1; }
    mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" -eq 0 ] && chown mysql: "$dir"
    as_mysql mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=socket \
      --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
    cat >"$dir/init.sql" <<SQL
CREATE USER IF NOT EXISTS 'migrate'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS 'migrate'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'migrate'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'migrate'@'localhost' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS migrate CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
SQL
    [ "$(id -u)" -eq 0 ] && chown mysql: "$dir/init.sql"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_mysql "$mariadbd" --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" \
      --pid-file="$dir/mysqld.pid" --log-error="$dir/server.log" --port="$port" \
      --bind-address=127.0.0.1 --skip-name-resolve --init-file="$dir/init.sql" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --sync-binlog=0 \
      --innodb-buffer-pool-size=64M --max-connections=300 --skip-log-bin \
      >/dev/null 2>&1 </dev/null &
    launcher=$!
    echo "$launcher" >"$dir/launcher.pid"
    for _ in $(seq 1 600); do
      if mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$port" -u migrate -p"$password" \
           -e "SELECT 1" migrate >/dev/null 2>&1; then
        echo "mysql://migrate:$password@127.0.0.1:$port/migrate"
        exit 0
      fi
      kill -0 "$launcher" 2>/dev/null || { echo "mariadb_test_server: the server exited" >&2
        cat "$dir/server.log" >&2 2>/dev/null; exit 1; }
      sleep 0.1
    done
    echo "mariadb_test_server: the server did not come up within 60 s" >&2
    cat "$dir/server.log" >&2 2>/dev/null || true
    exit 1
    ;;
  stop)
    for f in mysqld.pid launcher.pid; do
      pid=$(cat "$dir/$f" 2>/dev/null || true)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
      fi
    done
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
