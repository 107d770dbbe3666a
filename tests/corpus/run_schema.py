#!/usr/bin/python3
"""Runs one corpus case: a real schema on one dialect, through the built binary.

  run_schema.py --migrate BIN --schema NAME --dialect sqlite|postgresql|mysql

1. loads the schema script into a fresh database (sqlite3 / psql / mariadb), the
   "original";
2. `migrate reflect -o models`, then `migrate models` must exit 0;
3. `migrate revision --autogenerate` against a fresh empty database, `upgrade head`;
4. compares the new database with the original item by item, reading both with the
   catalog readers of this folder (not migrate's reflection), and prints each
   difference; objects reflect listed as "not managed" may be missing;
5. `migrate check` must exit 0 right after the upgrade;
6. `migrate downgrade base` must leave the database without managed objects.
Exit 0 when all hold, 1 otherwise; 77 (skipped) for PostgreSQL without
MIGRATE_TEST_PG_URL or MySQL without MIGRATE_TEST_MYSQL_URL, unless CI=true, where
that is a failure.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases  # noqa: E402
import inspect_mysql  # noqa: E402
import inspect_postgresql  # noqa: E402
import inspect_sqlite  # noqa: E402
from structure_compare import compare  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION_TABLES = ["migrate_version", "migrate_version_log"]
SKIP = 77


class Failed(Exception):
    pass


def cache_folder():
    cache = os.environ.get("MIGRATE_CORPUS_CACHE") or os.path.expanduser("~/.cache/migrate-corpus")
    if not os.path.exists(os.path.join(cache, "versions.txt")):
        subprocess.run(["bash", os.path.join(HERE, "fetch.sh")], check=True, stdout=subprocess.DEVNULL)
    return cache


class SqliteSide:
    name = "sqlite"

    def __init__(self, work):
        self.work = work

    def create(self, label):
        return os.path.join(self.work, label + ".db")

    def url(self, db):
        return "sqlite:///" + db

    def load(self, db, files):
        script = cases.script_text(files)
        r = subprocess.run(["sqlite3", "-bail", "-batch", db], input=script,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise Failed("loading the schema into SQLite failed:\n" + r.stderr)

    def structure(self, db, hidden=()):
        return inspect_sqlite.structure(inspect_sqlite.read_catalog(db), hidden)

    def drop_all(self):
        pass


class PostgresSide:
    name = "postgresql"

    def __init__(self, server_url):
        self.server_url = server_url
        self.databases = []

    def psql(self, url, *args, **kwargs):
        return subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, *args],
                              capture_output=True, text=True, **kwargs)

    def create(self, label):
        name = "corpus_%s_%s" % (label, uuid.uuid4().hex[:10])
        r = self.psql(self.server_url, "-c", "CREATE DATABASE " + name)
        if r.returncode != 0:
            raise Failed("cannot create database %s: %s" % (name, r.stderr))
        self.databases.append(name)
        parts = urllib.parse.urlsplit(self.server_url)
        return urllib.parse.urlunsplit(parts._replace(path="/" + name))

    def url(self, db):
        return db

    def load(self, db, files):
        script = cases.script_text(files)
        r = self.psql(db, "-f", "-", input=script)
        if r.returncode != 0:
            raise Failed("loading the schema into PostgreSQL failed:\n" + r.stderr)

    def structure(self, db, hidden=()):
        return inspect_postgresql.structure(inspect_postgresql.read_catalog(db), hidden)

    def drop_all(self):
        for name in self.databases:
            self.psql(self.server_url, "-c", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)


class MysqlSide:
    """MariaDB/MySQL: one fresh database per label on the test server, loaded with the
    `mariadb` command-line client (which reads the scripts' DELIMITER lines)."""
    name = "mysql"

    def __init__(self, server_url):
        self.server = urllib.parse.urlsplit(server_url)
        self.databases = []

    def client(self, database, **kwargs):
        s = self.server
        env = dict(os.environ, MYSQL_PWD=urllib.parse.unquote(s.password or ""))
        args = ["mariadb", "--batch", "-h", s.hostname or "localhost", "-P", str(s.port or 3306),
                "-u", urllib.parse.unquote(s.username or "")] + ([database] if database else [])
        return subprocess.run(args, capture_output=True, text=True, env=env, **kwargs)

    def create(self, label):
        name = "corpus_%s_%s" % (label, uuid.uuid4().hex[:10])
        r = self.client(None, input="CREATE DATABASE %s;\n" % name)
        if r.returncode != 0:
            raise Failed("cannot create database %s: %s" % (name, r.stderr))
        self.databases.append(name)
        return urllib.parse.urlunsplit(self.server._replace(path="/" + name))

    def url(self, db):
        return db

    def load(self, db, files):
        r = self.client(urllib.parse.urlsplit(db).path.lstrip("/"), input=cases.script_text(files))
        if r.returncode != 0:
            raise Failed("loading the schema into MySQL failed:\n" + r.stderr)

    def structure(self, db, hidden=()):
        return inspect_mysql.structure(inspect_mysql.read_catalog(db), hidden)

    def drop_all(self):
        for name in self.databases:
            self.client(None, input="DROP DATABASE IF EXISTS %s;\n" % name)


SERVERS = {"postgresql": ("MIGRATE_TEST_PG_URL", "PostgreSQL"),
           "mysql": ("MIGRATE_TEST_MYSQL_URL", "MySQL")}


def make_side(dialect, work):
    if dialect == "sqlite":
        return SqliteSide(work)
    if dialect == "mysql":
        return MysqlSide(os.environ["MIGRATE_TEST_MYSQL_URL"])
    return PostgresSide(os.environ["MIGRATE_TEST_PG_URL"])


def require_server(dialect):
    """Exits (skipped, or failed under CI) when the dialect's test server is not given."""
    if dialect == "sqlite" or os.environ.get(SERVERS[dialect][0]):
        return
    variable, server = SERVERS[dialect]
    if os.environ.get("CI") in ("true", "1"):
        print("FAILED: no %s test server (%s is not set) under CI=true" % (server, variable))
        sys.exit(1)
    print("skipped: no %s test server (set %s, or run scripts/test.sh)" % (server, variable))
    sys.exit(SKIP)


class Case:
    """One schema on one dialect: runs the steps, collects the failures."""

    def __init__(self, migrate, work, side):
        self.migrate, self.work, self.side = migrate, work, side
        self.failures = []

    def run(self, *args, expect=0):
        shown = " ".join(a if " " not in a else repr(a) for a in args)
        print("$ migrate " + shown)
        r = subprocess.run([self.migrate, *args], cwd=self.work, capture_output=True, text=True)
        if r.returncode != expect:
            output = (r.stdout + r.stderr).strip()
            raise Failed("`migrate %s` exited %d, expected %d:\n%s" % (shown, r.returncode, expect, output))
        return r.stdout

    def fail(self, message):
        print("FAIL: " + message)
        self.failures.append(message)

    def adopt(self, original, new):
        """Reflect the original, check the models, write and apply the first revision.
        Returns reflect's "not managed" list as (kind, name) pairs."""
        self.run("init", ".")
        os.remove(os.path.join(self.work, "models", "example.yaml"))
        report = json.loads(self.run("--json", "--url", self.side.url(original), "reflect", "-o", "models"))
        not_managed = [(o["kind"], o["name"]) for o in report["result"]["not_managed"]]
        for kind, name in not_managed:
            print("  not managed: %s %s" % (kind, name))
        self.run("--url", self.side.url(new), "models")
        self.run("--url", self.side.url(new), "revision", "--autogenerate", "-m", "adopt")
        self.run("--url", self.side.url(new), "upgrade", "head")
        return not_managed

    def compare(self, original, new, not_managed):
        before = self.side.structure(original)
        after = self.side.structure(new, VERSION_TABLES)
        differences, carried_not, notes = compare(before, after, not_managed)
        for line in notes:
            print("  note: " + line)
        for key in carried_not:
            print("  not carried (listed as not managed): " + key)
        for line in differences:
            print("  " + line)
        print("compared %d objects of the original: %d difference(s)" % (len(before), len(differences)))
        if differences:
            self.fail("%d structural difference(s) between the original and the new database"
                      % len(differences))

    def downgrade(self, new):
        self.run("--url", self.side.url(new), "downgrade", "base")
        left = sorted(self.side.structure(new, VERSION_TABLES))
        if left:
            self.fail("after `downgrade base` the database still holds:\n  " + "\n  ".join(left))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--migrate", required=True, help="the built migrate binary")
    parser.add_argument("--schema", required=True, choices=sorted(cases.SCHEMAS))
    parser.add_argument("--dialect", required=True, choices=["sqlite", "postgresql", "mysql"])
    args = parser.parse_args()

    require_server(args.dialect)
    work = tempfile.mkdtemp(prefix="migrate-corpus-%s-%s-" % (args.schema, args.dialect))
    side = make_side(args.dialect, work)
    case = Case(os.path.abspath(args.migrate), work, side)
    try:
        cache = cache_folder()
        package, files = cases.schema_files(cache, args.schema, args.dialect)
        print("corpus: %s on %s, from Debian package %s %s" % (
            args.schema, args.dialect, package, cases.package_version(cache, package)))
        for f in files:
            print("  " + os.path.relpath(f, os.path.join(cache, "root", package)))
        original, new = side.create("original"), side.create("new")
        side.load(original, files)
        not_managed = case.adopt(original, new)
        case.compare(original, new, not_managed)
        case.run("--url", side.url(new), "check")
        case.downgrade(new)
    except Failed as e:
        case.fail(str(e))
    finally:
        side.drop_all()
        if os.environ.get("MIGRATE_CORPUS_KEEP") == "1":
            print("kept the project in " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    if case.failures:
        print("FAILED: %s on %s: %d failure(s)" % (args.schema, args.dialect, len(case.failures)))
        return 1
    print("passed: %s on %s" % (args.schema, args.dialect))
    return 0


if __name__ == "__main__":
    sys.exit(main())
