"""The generated projects of side_by_side.py, the same workload written for each tool.

migrate's projects are the ones bench/generate_project.py writes (a chain of one-table
YAML revisions; the `wide` model file); Alembic's twins are written here: one Python
script per revision (op.create_table / op.drop_table, a down_revision chain, the same
revision ids), and the wide schema as SQLAlchemy MetaData imported by env.py as its
target_metadata. Both read the database URL from BENCH_DATABASE_URL.
"""

import os

import generate_project

MIGRATE_CONFIG = "database: ${BENCH_DATABASE_URL}\nmodels: models\nversions: versions\n"

ALEMBIC_INI = """[alembic]
script_location = %(here)s/alembic

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
"""

# The env.py of `alembic init`, online mode only, with the guarantees migrate gives:
# each migration in its own transaction, and on SQLite a real BEGIN (pysqlite begins
# none before DDL by default; this is SQLAlchemy's documented remedy).
ENV_PY = '''import os
import sys
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, event, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
{metadata}
# Reflecting a table reflects the tables its foreign keys name, recursively: a chain of
# 500 foreign keys is past Python's default limit of 1,000 frames (RecursionError).
sys.setrecursionlimit(100000)

url = os.environ["BENCH_DATABASE_URL"]
engine = create_engine(url, poolclass=pool.NullPool)
if url.startswith("sqlite"):

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transactions(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")


with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata,
                      transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
'''

SCRIPT_MAKO = '''"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
'''

REVISION_PY = '''"""step {i}

Revision ID: {rid}
Revises: {parent}
Create Date: 2026-11-21 10:15:00

"""
from alembic import op
import sqlalchemy as sa

revision = "{rid}"
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "t{i}",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("t{i}")
'''

# migrate's default naming convention, spelled for SQLAlchemy, so both tools name alike.
MODELS_HEAD = '''from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
'''


def wide_table_py(i):
    """Table i of the wide schema: generate_project.wide_table_yaml's twin."""
    parts = [f'Table("t{i}", metadata',
             'Column("id", Integer, primary_key=True)',
             'Column("name", String(50), nullable=False, unique=True)',
             'Column("score", Integer)']
    if i > 0:
        parts.append(f'Column("parent_id", Integer, ForeignKey("t{i - 1}.id"), index=True)')
    if i % 2 == 0:
        parts.append(f'Index("ix_t{i}_score", "score")')
    return ",\n      ".join(parts) + ")\n"


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def _alembic_skeleton(root, metadata_line):
    _write(os.path.join(root, "alembic.ini"), ALEMBIC_INI)
    _write(os.path.join(root, "alembic", "env.py"), ENV_PY.format(metadata=metadata_line))
    _write(os.path.join(root, "alembic", "script.py.mako"), SCRIPT_MAKO)
    os.makedirs(os.path.join(root, "alembic", "versions"), exist_ok=True)


def alembic_versions(root):
    return os.path.join(root, "alembic", "versions")


def write_chain(kind_root, n):
    """Both projects of an n-revision chain; returns (migrate dir, alembic dir, head id)."""
    mig, alb = os.path.join(kind_root, "migrate"), os.path.join(kind_root, "alembic")
    parent = None
    os.makedirs(os.path.join(mig, "versions"), exist_ok=True)
    os.makedirs(os.path.join(mig, "models"), exist_ok=True)
    _write(os.path.join(mig, "migrate.yaml"), MIGRATE_CONFIG)
    _alembic_skeleton(alb, "target_metadata = None")
    for i in range(n):
        rid = generate_project.revision_id(i)
        down = f'"{parent}"' if parent else "None"
        _write(os.path.join(alembic_versions(alb), f"{rid}_step_{i}.py"),
               REVISION_PY.format(i=i, rid=rid, parent=parent or "", down=down))
        parent = generate_project.write_revision(os.path.join(mig, "versions"), i, parent,
                                                 generate_project.one_table_op(i, 2),
                                                 f"  - drop_table: {{name: t{i}}}\n")
    return mig, alb, parent


def write_wide(kind_root, n):
    """Both projects of an n-table schema and no revision; returns (migrate dir, alembic dir)."""
    mig, alb = os.path.join(kind_root, "migrate"), os.path.join(kind_root, "alembic")
    os.makedirs(os.path.join(mig, "versions"), exist_ok=True)
    _write(os.path.join(mig, "migrate.yaml"), MIGRATE_CONFIG)
    _write(os.path.join(mig, "models", "tables.yaml"),
           "tables:\n" + "".join(generate_project.wide_table_yaml(i, 2) for i in range(n)))
    _alembic_skeleton(alb, "from models import metadata as target_metadata")
    _write(os.path.join(alb, "models.py"), MODELS_HEAD + "".join(wide_table_py(i) for i in range(n)))
    return mig, alb
