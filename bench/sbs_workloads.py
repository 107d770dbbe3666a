"""The workloads of side_by_side.py: what each runs, on which fresh database, and the
check that both tools really did the work (a StepFailed names what did not happen).

Every run gets its own database: SQLite a new file (or a copy of one stamped
beforehand), PostgreSQL a new database cloned from one prepared by the same tool.
"""

import os
import shutil
import sqlite3

import sbs_projects


class StepFailed(Exception):
    pass


def sqlite_url(path):
    return "sqlite:///" + os.path.abspath(path)


def version_rows(path, tool):
    table = "alembic_version" if tool == "alembic" else "migrate_version"
    with sqlite3.connect(path) as db:
        return [r[0] for r in db.execute(f"SELECT version_num FROM {table}")]


class Workload:
    postgresql = False

    def __init__(self, work, tools, server, quick):
        self.work, self.tools, self.quick = work, tools, quick
        self.server = server if self.postgresql else None
        self.root = os.path.join(work, self.name)
        self.dirs = {}

    def database(self, tool):
        return None

    def cleanup(self, tool):
        pass


class ChainWorkload(Workload):
    """A chain of n one-table revisions; the SQLite file run.db is the run's database."""

    def prepare(self):
        mig, alb, self.head = sbs_projects.write_chain(self.root, self.size)
        self.dirs = {"migrate": mig, "alembic": alb}

    def db_path(self, tool):
        return os.path.join(self.dirs[tool], "run.db")

    def fresh(self, tool):
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(self.db_path(tool) + suffix):
                os.remove(self.db_path(tool) + suffix)
        return sqlite_url(self.db_path(tool))

    def expect_head_printed(self, tool, run):
        run.expect(0)
        if self.head not in run.stdout:
            raise StepFailed(f"{tool} {' '.join(self.args(tool))}: head {self.head} not printed:\n{run.stdout}")


class Heads(ChainWorkload):
    name = "heads"
    size = 1
    label = "`heads`, 1 revision (cold start)"

    def args(self, tool):
        return ["heads"]

    def verify(self, tool, run):
        self.expect_head_printed(tool, run)


class HeadsLong(Heads):
    name = "heads-long"

    def __init__(self, *a):
        super().__init__(*a)
        self.size = 50 if self.quick else 10000
        self.label = f"`heads`, {self.size:,} revisions"


class Upgrade(ChainWorkload):
    name = "upgrade"

    def __init__(self, *a):
        super().__init__(*a)
        self.size = 50 if self.quick else 1000
        self.label = f"`upgrade head`, {self.size:,} revisions, SQLite"

    def args(self, tool):
        return ["upgrade", "head"]

    def verify(self, tool, run):
        run.expect(0)
        with sqlite3.connect(self.db_path(tool)) as db:
            tables = db.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                "AND name GLOB 't[0-9]*'").fetchone()[0]
        if tables != self.size:
            raise StepFailed(f"{tool} upgrade head: {tables} tables in the database, expected {self.size}")
        if version_rows(self.db_path(tool), tool) != [self.head]:
            raise StepFailed(f"{tool} upgrade head: version table holds {version_rows(self.db_path(tool), tool)}")


class Current(ChainWorkload):
    name = "current"

    def __init__(self, *a):
        super().__init__(*a)
        self.size = 50 if self.quick else 5000
        self.label = f"`current`, {self.size:,} revisions (stamped at head)"

    def prepare(self):
        super().prepare()
        for tool in self.dirs:
            stamped = os.path.join(self.dirs[tool], "stamped.db")
            self.tools.run(tool, ["stamp", "head"], self.dirs[tool], sqlite_url(stamped)).expect(0)
            if version_rows(stamped, tool) != [self.head]:
                raise StepFailed(f"{tool} stamp head: version table holds {version_rows(stamped, tool)}")

    def fresh(self, tool):
        url = super().fresh(tool)
        shutil.copyfile(os.path.join(self.dirs[tool], "stamped.db"), self.db_path(tool))
        return url

    def args(self, tool):
        return ["current"]

    def verify(self, tool, run):
        self.expect_head_printed(tool, run)


class Check(Workload):
    """`check` on a PostgreSQL database in sync with n tables of models (Alembic 1.8.1
    has no `check`: `revision --autogenerate`, whose empty revision is deleted)."""

    name = "check"
    postgresql = True
    full_size = 500

    def __init__(self, *a):
        super().__init__(*a)
        self.size = (20 if self.name == "check" else 40) if self.quick else self.full_size
        self.label = f"`check` in sync, PostgreSQL, {self.size:,} tables (Alembic: autogenerate)"

    def prep_db(self, tool):
        return f"sbs_{self.name.replace('-', '_')}_{tool}_prepared"

    def database(self, tool):
        return f"sbs_{self.name.replace('-', '_')}_{tool}_run"

    def versions(self, tool):
        return sbs_projects.alembic_versions(self.dirs[tool]) if tool == "alembic" else \
            os.path.join(self.dirs[tool], "versions")

    def prepare(self):
        mig, alb = sbs_projects.write_wide(self.root, self.size)
        self.dirs = {"migrate": mig, "alembic": alb}
        for tool in self.dirs:
            self.server.create_database(self.prep_db(tool))
            url = self.server.url(self.prep_db(tool))
            self.tools.run(tool, ["revision", "--autogenerate", "-m", "init"], self.dirs[tool], url).expect(0)
            self.tools.run(tool, ["upgrade", "head"], self.dirs[tool], url).expect(0)
            tables = self.server.table_count(self.prep_db(tool))
            if tables != self.size:
                raise StepFailed(f"{tool}: {tables} tables after the initial upgrade, expected {self.size}")

    def fresh(self, tool):
        self.before = set(os.listdir(self.versions(tool)))
        self.server.create_database(self.database(tool), template=self.prep_db(tool))
        return self.server.url(self.database(tool))

    def args(self, tool):
        return ["check"] if tool == "migrate" else ["revision", "--autogenerate", "-m", "check"]

    def verify(self, tool, run):
        run.expect(0)
        new = sorted(set(os.listdir(self.versions(tool))) - self.before - {"__pycache__"})
        if tool == "migrate":
            if new:
                raise StepFailed(f"migrate check wrote files: {new}")
            return
        if len(new) != 1:
            raise StepFailed(f"alembic revision --autogenerate wrote {new}, expected one revision")
        self.written = os.path.join(self.versions(tool), new[0])
        with open(self.written) as f:
            text = f.read()
        upgrade = text.split("def upgrade", 1)[1].split("def downgrade", 1)[0]
        if "op." in upgrade:
            raise StepFailed(f"alembic autogenerate found changes on a database in sync:\n{upgrade}")

    def cleanup(self, tool):
        if tool == "alembic":
            os.remove(self.written)
        self.server.drop_database(self.database(tool))


class CheckWide(Check):
    name = "check-wide"
    full_size = 2000


WORKLOADS = {w.name: w for w in (Heads, HeadsLong, Upgrade, Current, Check, CheckWide)}
