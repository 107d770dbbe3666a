"""The throwaway PostgreSQL server of side_by_side.py, and the statements it logged.

Started with scripts/pg_test_server.sh into a temporary folder (its log is that folder's
server.log). `log_statement = 'all'` is turned on with ALTER SYSTEM + pg_reload_conf(),
with the database name in each line's prefix, so the statements of one run are the
`statement:` / `execute` lines logged for that run's own database after the run began.
"""

import os
import re
import subprocess
import tempfile
import time

import psycopg2

STATEMENT = re.compile(r"^\S+ \S+ \S+ \[\d+\] db=(\S*) LOG:  (?:statement|execute [^:]*): ")


class Server:
    def __init__(self, script):
        self.script = script
        self.dir = tempfile.mkdtemp(prefix="migrate-sbs-pg.")
        out = subprocess.run(["bash", script, "start", self.dir], check=True, capture_output=True, text=True)
        self.base_url = out.stdout.strip()
        self.log = os.path.join(self.dir, "server.log")
        self.sql("ALTER SYSTEM SET log_statement = 'all'")
        self.sql("ALTER SYSTEM SET log_line_prefix = '%m [%p] db=%d '")
        self.sql("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 10
        while self.sql("SHOW log_statement")[0][0] != "all":
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not take log_statement = 'all'")
            time.sleep(0.05)

    def url(self, database):
        return self.base_url.rsplit("/", 1)[0] + "/" + database

    def sql(self, statement, database="postgres"):
        conn = psycopg2.connect(self.url(database))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(statement)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def version(self):
        return self.sql("SHOW server_version")[0][0]

    def create_database(self, name, template=None):
        self.drop_database(name)
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))

    def drop_database(self, name):
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def table_count(self, database, prefix="t"):
        return self.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                        f"AND tablename ~ '^{prefix}[0-9]+$'", database)[0][0]

    def log_offset(self):
        return os.path.getsize(self.log)

    def statements_since(self, offset, database):
        """The statements logged for `database` after `offset` bytes of the log."""
        time.sleep(0.05)  # the server writes its log lines as it runs them; let it finish
        count = 0
        with open(self.log, "rb") as f:
            f.seek(offset)
            for line in f.read().decode("utf-8", "replace").splitlines():
                m = STATEMENT.match(line)
                if m and m.group(1) == database:
                    count += 1
        return count

    def stop(self):
        subprocess.run(["bash", self.script, "stop", self.dir], check=False, capture_output=True)
