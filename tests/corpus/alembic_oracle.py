#!/usr/bin/python3
"""The Alembic oracle for migrate's revision graph engine.

  alembic_oracle.py --migrate BIN

For each real Alembic revision graph that an OpenStack package ships (graph_projects.py),
and for all of them in one folder (several bases and heads), builds a stub Alembic
project and an equivalent migrate project, runs the same commands with Alembic (Debian's
`alembic`, 1.8.1) and with migrate, and compares: `heads`, `history` (ids, newest
first), the steps and version-table statements of `upgrade heads --sql` and of the
downgrade to base (offline, SQLite), and the same for a few relative identifiers. In
the folder of all graphs, orders are compared within each source graph (see per_graph).
Prints every mismatch; exit 0 when there is none, 1 otherwise.
"""

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import graph_projects  # noqa: E402
from run_schema import cache_folder  # noqa: E402
import cases  # noqa: E402
from alembic import command as alembic_command  # noqa: E402
from alembic.config import Config as AlembicConfig  # noqa: E402

RUNNING = re.compile(r"^-- Running (upgrade|downgrade) (.*?) -> (\S*?)(?:,.*)?$")
TABLE = r'"?migrate_version"?'
WHERE = r"WHERE (?:migrate_version\.)?version_num ?= ?'([^']*)'"
STATEMENTS = [
    (re.compile(r"^INSERT INTO %s \(version_num\) VALUES \('([^']*)'\)" % TABLE), "insert"),
    (re.compile(r"^UPDATE %s SET version_num ?= ?'([^']*)' %s" % (TABLE, WHERE)), "update"),
    (re.compile(r"^DELETE FROM %s %s" % (TABLE, WHERE)), "delete"),
]


def offline_steps(sql):
    """The steps and version-table statements of an offline script, in order, as
    comparable tuples (spelling and other statements left out)."""
    out = []
    for line in sql.splitlines():
        m = RUNNING.match(line)
        if m:
            sources = tuple(sorted(s.strip() for s in m.group(2).split(",") if s.strip()))
            out.append(("running " + m.group(1),) + sources + ("->", m.group(3)))
            continue
        for pattern, kind in STATEMENTS:
            m = pattern.match(line)
            if m:
                out.append((kind,) + m.groups())
    return out


def history_ids(text):
    """Revision ids of `history` output, newest first."""
    ids = []
    for line in text.splitlines():
        m = re.match(r"^.*?-> (\S+?)(?: \(.*?\))*(?: \(head\))?,", line)
        if m:
            ids.append(m.group(1))
    return ids


def heads_ids(text):
    return [line.split()[0] for line in text.splitlines() if line.strip()]


class Tools:
    def __init__(self, migrate, alembic_dir, migrate_dir):
        self.migrate, self.alembic_dir, self.migrate_dir = migrate, alembic_dir, migrate_dir

    def alembic(self, *args):
        """Runs an `alembic` command in this process (importing Alembic once keeps the
        oracle fast), as (exit code, stdout, error)."""
        out = io.StringIO()
        cfg = AlembicConfig(os.path.join(self.alembic_dir, "alembic.ini"), stdout=out)
        cfg.output_buffer = out
        command, rest = args[0], list(args[1:])
        sql = "--sql" in rest
        rest = [a for a in rest if a != "--sql"]
        try:
            if command == "heads":
                alembic_command.heads(cfg, resolve_dependencies="--resolve-dependencies" in rest)
            elif command == "history":
                alembic_command.history(cfg, rev_range=rest[1] if rest[:1] == ["-r"] else None)
            elif command in ("upgrade", "downgrade"):
                getattr(alembic_command, command)(cfg, rest[0], sql=sql)
            elif command == "stamp":
                alembic_command.stamp(cfg, rest if len(rest) > 1 else rest[0], sql=sql)
            elif command == "show":
                alembic_command.show(cfg, rest[0])
            elif command == "merge":  # merge -m MESSAGE REV...
                alembic_command.merge(cfg, rest[2:], message=rest[1])
            else:
                raise ValueError("the oracle has no alembic command " + command)
        except Exception as e:  # an Alembic refusal: what a user sees as an error
            return 1, out.getvalue(), "%s: %s" % (type(e).__name__, e)
        return 0, out.getvalue(), ""

    def ours(self, *args):
        r = subprocess.run([self.migrate, *args], cwd=self.migrate_dir, capture_output=True, text=True)
        return r.returncode, r.stdout, r.stderr


def checks(revision_ids):
    """(what, arguments, parser) of each comparison; revision_ids newest first."""
    newest, oldest = revision_ids[0], revision_ids[-1]
    prefix = next((newest[:n] for n in range(4, len(newest) + 1)
                   if sum(r.startswith(newest[:n]) for r in revision_ids) == 1), newest)
    out = [
        ("heads", ["heads"], heads_ids),
        ("history", ["history"], history_ids),
        ("upgrade heads --sql", ["upgrade", "heads", "--sql"], offline_steps),
        ("downgrade %s:base --sql" % newest, ["downgrade", newest + ":base", "--sql"], offline_steps),
        ("history -r base:head", ["history", "-r", "base:head"], history_ids),
        ("history -r %s:" % oldest, ["history", "-r", oldest + ":"], history_ids),
        ("history -r :head-1", ["history", "-r", ":head-1"], history_ids),
        ("upgrade %s --sql (a prefix)" % prefix, ["upgrade", prefix, "--sql"], offline_steps),
        ("upgrade %s:+1 --sql" % oldest, ["upgrade", oldest + ":+1", "--sql"], offline_steps),
        ("upgrade head-1 --sql", ["upgrade", "head-1", "--sql"], offline_steps),
        ("downgrade head:-1 --sql", ["downgrade", "head:-1", "--sql"], offline_steps),
        ("downgrade head:%s --sql" % oldest, ["downgrade", "head:" + oldest, "--sql"], offline_steps),
        ("upgrade %s:heads --sql" % oldest, ["upgrade", oldest + ":heads", "--sql"], offline_steps),
        ("history -r %s:heads" % oldest, ["history", "-r", oldest + ":heads"], history_ids),
    ]
    return out


def _ids_in(item):
    return [x for x in item if x and x not in ("->",) and not x.startswith("running ")
            and x not in ("insert", "update", "delete")]


def per_graph(items, graph_of):
    """Items grouped by the source graph their revision ids belong to (each group in
    its order), and heads as a set: Alembic orders independent graphs by the
    filesystem's directory listing, an order with no meaning to compare."""
    groups = {}
    for item in items:
        ids = _ids_in(item) if isinstance(item, tuple) else [item]
        groups.setdefault(graph_of.get(ids[0], "?") if ids else "?", []).append(item)
    return groups


def compare_graph(tools, name, graph_of=None):
    """Runs every check on one pair of projects; returns the mismatches. With graph_of
    (revision id -> source graph), orders are compared within each source graph."""
    rc, out, err = tools.alembic("history")
    if rc != 0:
        return ["%s: alembic cannot read the stub project: %s" % (name, err.strip())]
    mismatches = []
    for what, args, parse in checks(history_ids(out)):
        a_rc, a_out, a_err = tools.alembic(*args)
        m_rc, m_out, m_err = tools.ours(*args)
        if a_rc != 0 and m_rc != 0:
            print("  %-40s both refuse (alembic: %s)" % (what, (a_err.strip() or "?").splitlines()[-1]))
            continue
        if a_rc != 0 or m_rc != 0:
            mismatches.append("%s: `%s`: alembic exits %d, migrate exits %d\n    alembic: %s\n    migrate: %s"
                              % (name, what, a_rc, m_rc, (a_err or a_out).strip()[-300:],
                                 (m_err or m_out).strip()[-300:]))
            continue
        expected, got = parse(a_out), parse(m_out)
        if graph_of is not None:
            expected, got = per_graph(expected, graph_of), per_graph(got, graph_of)
        if expected != got:
            mismatches.append("%s: `%s` differs\n    alembic: %s\n    migrate: %s"
                              % (name, what, expected, got))
        else:
            print("  %-40s same (%d item(s))" % (what, sum(map(len, expected.values()))
                                                 if isinstance(expected, dict) else len(expected)))
    return mismatches


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--migrate", required=True, help="the built migrate binary")
    args = parser.parse_args()
    cache = cache_folder()
    work = tempfile.mkdtemp(prefix="migrate-corpus-alembic-")
    graphs, everything, graph_of = [], [], {}
    for name in graph_projects.GRAPHS:
        package, revisions = graph_projects.read_graph(cache, name)
        graphs.append((name, "%s %s" % (package, cases.package_version(cache, package)), revisions, None))
        everything += revisions
        graph_of.update({r["revision"]: name for r in revisions})
    graphs.append(("all graphs in one folder", "every package above", everything, graph_of))
    mismatches = []
    try:
        for i, (name, source, revisions, components) in enumerate(graphs):
            print("graph %s (%s): %d revision(s)" % (name, source, len(revisions)))
            a_dir, m_dir = os.path.join(work, "a%d" % i), os.path.join(work, "m%d" % i)
            graph_projects.write_alembic_project(a_dir, revisions)
            graph_projects.write_migrate_project(m_dir, revisions)
            tools = Tools(os.path.abspath(args.migrate), a_dir, m_dir)
            mismatches += compare_graph(tools, name, components)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for m in mismatches:
        print("MISMATCH: " + m)
    if mismatches:
        print("FAILED: %d mismatch(es) with Alembic" % len(mismatches))
        return 1
    print("passed: migrate agrees with Alembic on %d graph(s)" % len(graphs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
