#!/usr/bin/python3
"""The Alembic oracle for identifiers on a branched graph.

  identifier_oracle.py --migrate BIN

alembic_oracle.py replays the real OpenStack graphs, which Debian ships rebased into
short chains without branch labels. This builds one small graph that has what they
lack (a branch point, a branch label, a second base with its own label, a depends_on
across branches), writes it as a stub Alembic project and a migrate project with
graph_projects.py, and runs the same commands with Alembic 1.8.1 and with migrate:
online on SQLite (comparing the version table's rows after every step), offline
(--sql steps), and history/heads/show output. Every identifier form of docs/revisions.md
that Alembic has is here: current, REV@head, label@+N, label@-N, label@base in a
history range, heads --resolve-dependencies, stamp with several targets, stamp
label@base, merge of a revision that is not a head.

One form is compared with a different spelling on purpose: at two heads, migrate's
`downgrade REV-1` reverts REV's branch only, which Alembic spells `REV@-1` (Alembic's
`REV-1` reverts every branch above the target); both spellings are checked.
Prints every mismatch; exit 0 when there is none, 1 otherwise.
"""

import argparse
import os
import re
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import graph_projects  # noqa: E402
from alembic_oracle import Tools, heads_ids, history_ids, offline_steps  # noqa: E402


def rev(revision, down=None, labels=None, depends=None):
    return dict(revision=revision, down_revision=down, branch_labels=labels, depends_on=depends)


# aaaa0000 <- aaaa1111 <- bbbb1111 (feat) <- bbbb2222 <- bbbb3333
#                     \<- cccc2222 <- cccc3333
# dddd1111 (billing) <- dddd2222 (depends on cccc3333)
GRAPH = [
    rev("aaaa0000"),
    rev("aaaa1111", "aaaa0000"),
    rev("bbbb1111", "aaaa1111", ("feat",)),
    rev("bbbb2222", "bbbb1111"),
    rev("bbbb3333", "bbbb2222"),
    rev("cccc2222", "aaaa1111"),
    rev("cccc3333", "cccc2222"),
    rev("dddd1111", None, ("billing",)),
    rev("dddd2222", "dddd1111", None, ("cccc3333",)),
]


def shown_ids(text):
    """The revisions `show` printed ("Rev: X ...")."""
    return re.findall(r"^Rev: (\S+)", text, re.M)


def rows_of(path):
    if not os.path.exists(path):
        return []
    with sqlite3.connect(path) as db:
        try:
            return sorted(r[0] for r in db.execute("SELECT version_num FROM migrate_version"))
        except sqlite3.OperationalError:
            return []


# Each scenario starts from fresh databases. A step is (alembic args, migrate args, parser):
# the parser compares output; None compares the version table's rows after the step.
SAME = object()
SCENARIOS = {
    "script only": [
        (["heads"], SAME, heads_ids),
        (["heads", "--resolve-dependencies"], SAME, heads_ids),
        (["history", "-r", "feat@base:"], SAME, history_ids),
        (["history", "-r", "billing@base:"], SAME, history_ids),
        (["history", "-r", "bbbb1111@base:"], SAME, history_ids),
        (["show", "cccc2222@head"], SAME, shown_ids),
        (["show", "feat@head"], SAME, shown_ids),
        (["upgrade", "aaaa1111:feat@+2", "--sql"], SAME, offline_steps),
        (["upgrade", "aaaa1111:feat@+1", "--sql"], SAME, offline_steps),
        (["upgrade", "cccc2222@head", "--sql"], SAME, offline_steps),
        (["downgrade", "bbbb3333:feat@-1", "--sql"], SAME, offline_steps),
        (["downgrade", "bbbb3333:bbbb2222@-2", "--sql"], SAME, offline_steps),
        (["stamp", "base:bbbb2222", "base:dddd1111", "--sql"], SAME, offline_steps),
        (["upgrade", "nosuch@head", "--sql"], SAME, offline_steps),
        # a merge through depends_on, and back: which row is updated, which deleted/inserted
        (["upgrade", "cccc3333:dddd2222", "--sql"], SAME, offline_steps),
        (["downgrade", "dddd2222:dddd1111", "--sql"], SAME, offline_steps),
        (["merge", "-m", "m", "bbbb2222", "cccc3333"], SAME, heads_ids),
    ],
    "one branch, then current": [
        (["upgrade", "bbbb2222"], SAME, None),
        (["history", "-r", "current:"], SAME, history_ids),
        (["history", "-r", ":current"], SAME, history_ids),
        (["show", "current"], SAME, shown_ids),
        (["upgrade", "feat@+1"], SAME, None),
        (["upgrade", "cccc2222@head"], SAME, None),
        (["show", "current"], SAME, shown_ids),
        (["downgrade", "feat@-1"], SAME, None),
        (["downgrade", "cccc3333@-1"], SAME, None),
        (["upgrade", "feat@+1"], SAME, None),
        (["upgrade", "billing@head"], SAME, None),
        (["history", "-r", "billing@base:"], SAME, history_ids),
    ],
    "stamp several targets and X@base": [
        (["stamp", "bbbb2222", "dddd1111"], SAME, None),
        (["stamp", "billing@base"], SAME, None),
        (["stamp", "bbbb2222", "dddd1111"], SAME, None),
        (["stamp", "feat@base"], SAME, None),
        (["upgrade", "heads"], SAME, None),
        (["stamp", "billing@base"], SAME, None),
    ],
    "a relative downgrade at two heads reverts one branch": [
        (["upgrade", "bbbb1111"], SAME, None),
        (["upgrade", "cccc3333"], SAME, None),
        (["downgrade", "bbbb1111@-1"], ["downgrade", "bbbb1111-1"], None),
        (["upgrade", "bbbb2222"], SAME, None),
        (["downgrade", "bbbb2222@-1"], SAME, None),
        (["downgrade", "cccc3333@-1"], ["downgrade", "cccc3333-1"], None),
    ],
}


def run_scenario(work, name, steps, migrate):
    a_dir, m_dir = os.path.join(work, "a"), os.path.join(work, "m")
    shutil.rmtree(a_dir, ignore_errors=True)
    shutil.rmtree(m_dir, ignore_errors=True)
    graph_projects.write_alembic_project(a_dir, GRAPH)
    graph_projects.write_migrate_project(m_dir, GRAPH)
    tools = Tools(migrate, a_dir, m_dir)
    mismatches = []
    print("scenario: " + name)
    for a_args, m_args, parse in steps:
        m_args = a_args if m_args is SAME else m_args
        what = " ".join(m_args) + ("" if m_args == a_args else "  (alembic: %s)" % " ".join(a_args))
        a_rc, a_out, a_err = tools.alembic(*a_args)
        m_rc, m_out, m_err = tools.ours(*m_args)
        if (a_rc != 0) != (m_rc != 0):
            mismatches.append("%s: `%s`: alembic exits %d, migrate exits %d\n    alembic: %s\n"
                              "    migrate: %s" % (name, what, a_rc, m_rc, (a_err or a_out).strip()[-300:],
                                                   (m_err or m_out).strip()[-300:]))
            continue
        if a_rc != 0:
            print("  %-60s both refuse (alembic: %s)" % (what, a_err.strip().splitlines()[-1]))
            continue
        if parse is None:
            expected = rows_of(os.path.join(a_dir, "alembic.db"))
            got = rows_of(os.path.join(m_dir, "migrate.db"))
        else:
            expected, got = parse(a_out), parse(m_out)
        if expected != got:
            mismatches.append("%s: `%s` differs\n    alembic: %s\n    migrate: %s"
                              % (name, what, expected, got))
        else:
            print("  %-60s same %s" % (what, expected))
    return mismatches


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--migrate", required=True, help="the built migrate binary")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="migrate-identifier-oracle-")
    mismatches = []
    try:
        for name, steps in SCENARIOS.items():
            mismatches += run_scenario(work, name, steps, os.path.abspath(args.migrate))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for m in mismatches:
        print("MISMATCH: " + m)
    if mismatches:
        print("FAILED: %d mismatch(es) with Alembic" % len(mismatches))
        return 1
    print("passed: migrate agrees with Alembic on %d scenario(s)" % len(SCENARIOS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
