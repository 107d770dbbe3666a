#!/usr/bin/python3
"""Self-test of the corpus comparator: it must see each kind of difference it claims to
see, and must not see a difference in a default spelled another way. Runs on SQLite
files made with the sqlite3 shell (no migrate involved). Exit 0 when all hold."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import inspect_sqlite  # noqa: E402
from inspect_mysql import _column_type  # noqa: E402
from structure_compare import (compare, normalise_mysql_default, normalise_pg_default,  # noqa: E402
                               normalise_sqlite_default)

SAME_PG = [("'0'::bigint", "0"), ("'x'::character varying", "'x'"), ("(-1)", "'-1'::integer"),
           ("'2000-01-01 00:00:00'::timestamp without time zone", "'2000-01-01 00:00:00'"),
           ("CURRENT_TIMESTAMP", "now()"), ("NULL::text", None), ("'1.50'::numeric", "1.5")]
DIFFERENT_PG = [("'x'::text", "'X'"), ("0", "1"), ("now()", "'now'"), ("'a''b'", "'a'")]
SAME_SQLITE = [("(0)", "0"), ("'0'", "0"), ("NULL", None), ("TRUE", "1"),
               ("datetime('now')", "CURRENT_TIMESTAMP")]
DIFFERENT_SQLITE = [("'a'", "'b'"), ("datetime('now', 'localtime')", "CURRENT_TIMESTAMP")]
SAME_MYSQL = [("'0'", "0"), ("NULL", None), ("current_timestamp()", "CURRENT_TIMESTAMP"),
              ("'0.000'", "0.000")]
DIFFERENT_MYSQL = [("'a'", "'b'"), ("'NULL'", "NULL"), ("0", "1")]
# MySQL column types: the display width of an integer alone is no difference.
SAME_MYSQL_TYPES = [("int(11) unsigned", "int(10) unsigned"), ("smallint(10)", "smallint(6)")]
DIFFERENT_MYSQL_TYPES = [("int(11)", "bigint(20)"), ("int(10) unsigned", "int(11)"),
                         ("int(5) unsigned zerofill", "int(10) unsigned zerofill"),
                         ("varchar(32)", "varchar(64)")]

BASE = """
CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, UNIQUE (code));
CREATE TABLE child (
  id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE,
  qty INTEGER DEFAULT 0 CHECK (qty >= 0), note VARCHAR(20));
CREATE INDEX ix_child_note ON child (note) WHERE note IS NOT NULL;
"""
# Each variant changes one thing; the comparator must report it.
VARIANTS = {
    "a missing check": ("CHECK (qty >= 0)", ""),
    "a foreign-key action": ("ON DELETE CASCADE", "ON DELETE SET NULL"),
    "a partial index's WHERE": ("WHERE note IS NOT NULL", ""),
    "a missing unique constraint": (", UNIQUE (code)", ""),
    "the AUTOINCREMENT keyword": ("AUTOINCREMENT", ""),
    "a default": ("DEFAULT 0", "DEFAULT 1"),
    "nullability": ("code TEXT NOT NULL", "code TEXT"),
    "a type's affinity": ("note VARCHAR(20)", "note BLOB"),
}


def structure(folder, name, script):
    path = os.path.join(folder, name + ".db")
    subprocess.run(["sqlite3", "-bail", path], input=script, check=True, text=True)
    return inspect_sqlite.structure(inspect_sqlite.read_catalog(path))


def main():
    failures = []
    for a, b in SAME_PG:
        if normalise_pg_default(a) != (normalise_pg_default(b) if b else None):
            failures.append("PostgreSQL defaults %r and %r should be the same" % (a, b))
    for a, b in DIFFERENT_PG:
        if normalise_pg_default(a) == normalise_pg_default(b):
            failures.append("PostgreSQL defaults %r and %r should differ" % (a, b))
    for a, b in SAME_SQLITE:
        if normalise_sqlite_default(a) != (normalise_sqlite_default(b) if b else None):
            failures.append("SQLite defaults %r and %r should be the same" % (a, b))
    for a, b in DIFFERENT_SQLITE:
        if normalise_sqlite_default(a) == normalise_sqlite_default(b):
            failures.append("SQLite defaults %r and %r should differ" % (a, b))
    for a, b in SAME_MYSQL:
        if normalise_mysql_default(a) != (normalise_mysql_default(b) if b else None):
            failures.append("MySQL defaults %r and %r should be the same" % (a, b))
    for a, b in DIFFERENT_MYSQL:
        if normalise_mysql_default(a) == normalise_mysql_default(b):
            failures.append("MySQL defaults %r and %r should differ" % (a, b))
    for a, b in SAME_MYSQL_TYPES:
        if _column_type(a)[0] != _column_type(b)[0]:
            failures.append("MySQL types %r and %r should be the same" % (a, b))
    for a, b in DIFFERENT_MYSQL_TYPES:
        if _column_type(a)[0] == _column_type(b)[0]:
            failures.append("MySQL types %r and %r should differ" % (a, b))
    with tempfile.TemporaryDirectory() as folder:
        base = structure(folder, "base", BASE)
        same = structure(folder, "same", BASE.replace("DEFAULT 0", "DEFAULT (0)").replace("    ", " "))
        if compare(base, same)[0]:
            failures.append("the same schema shows differences: %s" % compare(base, same)[0])
        for i, (what, (old, new)) in enumerate(VARIANTS.items()):
            assert old in BASE, old
            differences = compare(base, structure(folder, "v%d" % i, BASE.replace(old, new, 1)))[0]
            print("%s: %s" % (what, differences))
            if not differences:
                failures.append("the comparator does not see " + what)
    for f in failures:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (len(SAME_PG) + len(DIFFERENT_PG) + len(SAME_SQLITE)
                                    + len(DIFFERENT_SQLITE) + len(SAME_MYSQL) + len(DIFFERENT_MYSQL)
                                    + len(SAME_MYSQL_TYPES) + len(DIFFERENT_MYSQL_TYPES)
                                    + len(VARIANTS) + 1 - len(failures),
                                    len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
