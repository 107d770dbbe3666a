#!/usr/bin/env python3
"""migrate measured against Alembic on the same generated workloads (docs/performance.md).

  side_by_side.py [--migrate PATH] [--runs N] [--quick] [--only NAME,...] [--keep DIR] [--json]

Generates each workload for both tools (bench/sbs_projects.py), runs the two in turn
(Alembic, migrate, Alembic, migrate, ...) after one warm-up run each, every run against
its own fresh database, and prints one Markdown table: median wall seconds, the ratio
Alembic/migrate, peak RSS (wait4's ru_maxrss, taken by bench/sbs_spawn.c) and, on
PostgreSQL, the statements each tool sent (counted in the server's log). Every run is checked to have done its work
(tables created, version read back, no change found); a failed check exits 1.
--quick is the smoke of ctest: small sizes, one run, no warm-up. Needs Debian's alembic,
python3-sqlalchemy and python3-psycopg2 (scripts/setup.sh) and the postgresql package.
"""

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, which sees the alembic package
try:
    import alembic
    import sqlalchemy
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.path.exists(SYSTEM_PYTHON):
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    sys.exit("side_by_side: needs the alembic and python3-sqlalchemy packages (scripts/setup.sh)")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sbs_workloads import WORKLOADS, StepFailed  # noqa: E402

ROOT = os.path.dirname(HERE)
TOOLS = ("alembic", "migrate")


class Run:
    """One whole process, started through sbs_spawn: wall seconds, peak RSS in KiB, exit
    code, output."""

    spawn = None  # the compiled sbs_spawn.c

    def __init__(self, cmd, cwd, env):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                tempfile.NamedTemporaryFile("r") as facts:
            launcher = subprocess.run([Run.spawn, facts.name] + cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                      stdout=out, stderr=err)
            if launcher.returncode != 0:
                raise StepFailed(f"sbs_spawn could not run {cmd}")
            code, rss, wall = facts.read().split()
            self.code, self.rss_kib, self.wall = int(code), int(rss), float(wall)
            out.seek(0)
            err.seek(0)
            self.stdout = out.read().decode("utf-8", "replace")
            self.stderr = err.read().decode("utf-8", "replace")
        self.cmd = cmd

    @staticmethod
    def build_spawn(work):
        Run.spawn = os.path.join(work, "sbs_spawn")
        subprocess.run(["cc", "-O2", "-o", Run.spawn, os.path.join(HERE, "sbs_spawn.c")], check=True)

    def expect(self, code=0):
        if self.code != code:
            raise StepFailed(f"`{' '.join(self.cmd)}` exited {self.code} (expected {code}):\n"
                             f"{self.stdout[-2000:]}{self.stderr[-2000:]}")
        return self


class Tools:
    """How each tool is invoked, with the database URL in BENCH_DATABASE_URL."""

    def __init__(self, migrate):
        self.migrate = os.path.abspath(migrate)
        alembic_bin = shutil.which("alembic", path="/usr/bin:" + os.environ.get("PATH", ""))
        self.alembic = [alembic_bin] if alembic_bin else [SYSTEM_PYTHON, "-m", "alembic"]

    def run(self, tool, args, cwd, url):
        env = {**os.environ, "BENCH_DATABASE_URL": url, "NO_COLOR": "1"}
        cmd = [self.migrate] + args if tool == "migrate" else self.alembic + args
        return Run(cmd, cwd, env)


def machine_facts(tools, server):
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    migrate_version = subprocess.run([tools.migrate, "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "kernel": platform.release(),
        "migrate": migrate_version,
        "alembic": alembic.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "python": platform.python_version(),
        "postgresql": server.version() if server else None,
        "sqlite": sqlite3.sqlite_version,
    }


def measure(workload, tools, runs, warm_up):
    """A warm-up, then `runs` rounds of Alembic then migrate; each run fresh and checked."""
    samples = {tool: [] for tool in TOOLS}
    for round_no in range(0 if warm_up else 1, runs + 1):
        for tool in TOOLS:
            url = workload.fresh(tool)
            offset = workload.server.log_offset() if workload.server else None
            run = tools.run(tool, workload.args(tool), workload.dirs[tool], url)
            statements = workload.server.statements_since(offset, workload.database(tool)) if workload.server else None
            workload.verify(tool, run)
            workload.cleanup(tool)
            if round_no > 0:  # round 0 is the warm-up (page cache, Python's bytecode cache)
                samples[tool].append((run.wall, run.rss_kib, statements))
    result = {"workload": workload.name, "label": workload.label, "runs": runs}
    for tool in TOOLS:
        walls = [s[0] for s in samples[tool]]
        counts = [s[2] for s in samples[tool] if s[2] is not None]
        result[tool] = {
            "wall_s": walls,
            "median_s": statistics.median(walls),
            "peak_rss_mib": max(s[1] for s in samples[tool]) / 1024,
            "statements": statistics.median(counts) if counts else None,
        }
    result["ratio"] = result["alembic"]["median_s"] / result["migrate"]["median_s"]
    return result


def seconds(s):
    return f"{s:.3f} s" if s < 1 else f"{s:.2f} s"


def markdown(facts, results, runs, quick):
    lines = [
        f"Machine: {facts['nproc']} CPUs, {facts['cpu']}, load average {facts['load_average'][0]} "
        f"at the start and {facts['load_average_end'][0]} at the end; Linux {facts['kernel']}",
        f"Versions: {facts['migrate']}; Alembic {facts['alembic']}, SQLAlchemy {facts['sqlalchemy']} "
        f"(Python {facts['python']}); PostgreSQL {facts['postgresql'] or '-'}; SQLite {facts['sqlite']}",
        f"Medians of {runs} run(s) each{'' if quick else ' after a warm-up'}, the tools in turn; "
        "ratio = Alembic / migrate.",
        "",
        "| workload | Alembic | migrate | ratio | peak RSS Alembic | peak RSS migrate "
        "| statements Alembic | statements migrate |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        a, m = r["alembic"], r["migrate"]
        stmts = [("-" if x["statements"] is None else f"{x['statements']:g}") for x in (a, m)]
        lines.append(f"| {r['label']} | {seconds(a['median_s'])} | {seconds(m['median_s'])} | {r['ratio']:.1f}x "
                     f"| {a['peak_rss_mib']:.0f} MiB | {m['peak_rss_mib']:.0f} MiB | {stmts[0]} | {stmts[1]} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--migrate", default=os.path.join(ROOT, "build", "migrate"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run: the smoke")
    parser.add_argument("--only", default="", help="comma-separated workloads: " + ", ".join(WORKLOADS))
    parser.add_argument("--keep", metavar="DIR", help="generate the projects in DIR and keep them")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    opts = parser.parse_args()
    runs = 1 if opts.quick else opts.runs
    names = [n for n in opts.only.split(",") if n] or list(WORKLOADS)
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown or runs < 1 or not os.access(opts.migrate, os.X_OK):
        parser.error(f"unknown workload {unknown}" if unknown else
                     "--runs must be at least 1" if runs < 1 else f"no migrate binary at {opts.migrate}")
    work = os.path.abspath(opts.keep) if opts.keep else tempfile.mkdtemp(prefix="migrate-sbs.")
    os.makedirs(work, exist_ok=True)
    tools = Tools(opts.migrate)
    server = None
    try:
        Run.build_spawn(work)
        if any(WORKLOADS[n].postgresql for n in names):
            import sbs_postgres
            server = sbs_postgres.Server(os.path.join(ROOT, "scripts", "pg_test_server.sh"))
        facts = machine_facts(tools, server)
        results = []
        for name in names:
            started = time.monotonic()
            workload = WORKLOADS[name](work, tools, server, opts.quick)
            workload.prepare()
            results.append(measure(workload, tools, runs, warm_up=not opts.quick))
            print(f"side_by_side: {workload.label}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
        facts["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    except StepFailed as e:
        print(f"side_by_side: FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        if server:
            server.stop()
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)
    if opts.json:
        import json
        print(json.dumps({"machine": facts, "results": results}, indent=2))
    else:
        print(markdown(facts, results, runs, opts.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
