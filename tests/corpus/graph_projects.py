"""Builds the two equivalent projects of the Alembic oracle from real revision graphs.

The OpenStack packages ship Alembic `versions/*.py` files. Their headers (revision,
down_revision, branch_labels, depends_on) are read with `ast` (no import, so no
OpenStack dependency), and written twice: as a stub Alembic project (env.py and script
files with the same headers and empty upgrade/downgrade) and as a migrate project
(YAML revision files with the same ids and empty upgrade/downgrade).
"""

import ast
import glob
import os

SITE = "usr/lib/python3/dist-packages"

# project -> (package, versions folder inside it)
GRAPHS = {
    "nova-api": ("python3-nova", SITE + "/nova/db/api/migrations/versions"),
    "nova-main": ("python3-nova", SITE + "/nova/db/main/migrations/versions"),
    "cinder": ("python3-cinder", SITE + "/cinder/db/migrations/versions"),
    "aodh": ("python3-aodh", SITE + "/aodh/storage/sqlalchemy/alembic/versions"),
    "barbican": ("python3-barbican", SITE + "/barbican/model/migration/alembic_migrations/versions"),
    "placement": ("python3-placement", SITE + "/placement/db/sqlalchemy/alembic/versions"),
}
HEADER_NAMES = ("revision", "down_revision", "branch_labels", "depends_on")


def read_headers(path):
    """{revision, down_revision, branch_labels, depends_on} of one Alembic script."""
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    found = {name: None for name in HEADER_NAMES}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value else [])
        for t in targets:
            if isinstance(t, ast.Name) and t.id in HEADER_NAMES:
                found[t.id] = ast.literal_eval(node.value)
    if not found["revision"]:
        raise ValueError("%s: no `revision = ...` header" % path)
    return found


def read_graph(cache, project):
    package, folder = GRAPHS[project]
    files = sorted(glob.glob(os.path.join(cache, "root", package, folder, "*.py")))
    revisions = [read_headers(f) for f in files if not os.path.basename(f).startswith("__")]
    if not revisions:
        raise FileNotFoundError("no revision files for %s in %s" % (project, folder))
    return package, revisions


ENV_PY = '''from alembic import context

config = context.config
options = dict(version_table="migrate_version")
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True, **options)
    with context.begin_transaction():
        context.run_migrations()
else:
    from sqlalchemy import engine_from_config, pool
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, **options)
        with context.begin_transaction():
            context.run_migrations()
'''

ALEMBIC_INI = '''[alembic]
script_location = %(here)s/alembic
sqlalchemy.url = sqlite:///%(here)s/alembic.db
'''


def _as_list(value):
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def write_alembic_project(folder, revisions):
    versions = os.path.join(folder, "alembic", "versions")
    os.makedirs(versions)
    with open(os.path.join(folder, "alembic.ini"), "w") as f:
        f.write(ALEMBIC_INI)
    with open(os.path.join(folder, "alembic", "env.py"), "w") as f:
        f.write(ENV_PY)
    for r in revisions:
        with open(os.path.join(versions, "%s_stub.py" % r["revision"]), "w") as f:
            f.write('"""stub of %s"""\n' % r["revision"])
            for name in HEADER_NAMES:
                f.write("%s = %r\n" % (name, r[name]))
            f.write("\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n")


def _yaml_ids(values):
    return "[" + ", ".join('"%s"' % v for v in values) + "]"


def write_migrate_project(folder, revisions):
    versions = os.path.join(folder, "migrations", "versions")
    os.makedirs(versions)
    os.makedirs(os.path.join(folder, "models"))
    with open(os.path.join(folder, "migrate.yaml"), "w") as f:
        f.write("database: sqlite:///migrate.db\nmodels: models\nversions: migrations/versions\n")
    for r in revisions:
        down = _as_list(r["down_revision"])
        down_text = "null" if not down else ('"%s"' % down[0] if isinstance(r["down_revision"], str)
                                             else _yaml_ids(down))
        with open(os.path.join(versions, "%s_stub.yaml" % r["revision"]), "w") as f:
            f.write('revision: "%s"\n' % r["revision"])
            f.write("down_revision: %s\n" % down_text)
            f.write("branch_labels: %s\n" % _yaml_ids(_as_list(r["branch_labels"])))
            f.write("depends_on: %s\n" % _yaml_ids(_as_list(r["depends_on"])))
            f.write("message: stub of %s\n" % r["revision"])
            f.write("upgrade: []\ndowngrade: []\n")
