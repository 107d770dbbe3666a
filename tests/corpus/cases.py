"""The schemas of the corpus: which Debian package ships each, where, per dialect.

Paths are inside the package as unpacked by fetch.sh (<cache>/root/<package>/...). A
schema made of several files (kamailio: one per module) is the files joined in order.
"""

import glob
import os

KAMAILIO_PG = "usr/share/kamailio/postgres"
KAMAILIO_SQLITE = "usr/share/kamailio/db_sqlite"
KAMAILIO_MYSQL = "usr/share/kamailio/mysql"
FREERADIUS = "etc/freeradius/3.0/mods-config/sql"
# The main schema, then each optional module's (no table is in two of them).
FREERADIUS_MODULES = ["main", "cui", "dhcp", "ippool", "ippool-dhcp", "moonshot-targeted-ids"]
BACULA = "usr/share/dbconfig-common/data"

# name -> dialect -> (package, [file or glob, ...], optionally [glob of files left out])
SCHEMAS = {
    "ejabberd": {
        "postgresql": ("ejabberd", ["usr/share/ejabberd/sql/pg.sql"]),
        "sqlite": ("ejabberd", ["usr/share/ejabberd/sql/lite.sql"]),
        "mysql": ("ejabberd", ["usr/share/ejabberd/sql/mysql.sql"]),
    },
    "ejabberd-multihost": {
        "postgresql": ("ejabberd", ["usr/share/ejabberd/sql/pg.new.sql"]),
        "sqlite": ("ejabberd", ["usr/share/ejabberd/sql/lite.new.sql"]),
        "mysql": ("ejabberd", ["usr/share/ejabberd/sql/mysql.new.sql"]),
    },
    # With the PL/pgSQL functions of the modules, which migrate lists as not managed.
    "freeradius": {
        "postgresql": ("freeradius-config",
                       ["%s/%s/postgresql/schema.sql" % (FREERADIUS, m) for m in FREERADIUS_MODULES]
                       + [FREERADIUS + "/main/postgresql/process-radacct.sql",
                          FREERADIUS + "/ippool/postgresql/procedure.sql",
                          FREERADIUS + "/ippool-dhcp/postgresql/procedure.sql"]),
        "sqlite": ("freeradius-config",
                   ["%s/%s/sqlite/schema.sql" % (FREERADIUS, m) for m in FREERADIUS_MODULES]
                   + [FREERADIUS + "/main/sqlite/process-radacct-schema.sql"]),
        "mysql": ("freeradius-config",
                  ["%s/%s/mysql/schema.sql" % (FREERADIUS, m) for m in FREERADIUS_MODULES]
                  + [FREERADIUS + "/main/mysql/process-radacct.sql",
                     FREERADIUS + "/ippool/mysql/procedure.sql",
                     FREERADIUS + "/ippool-dhcp/mysql/procedure.sql"]),
    },
    "bacula": {
        "postgresql": ("bacula-director-pgsql", [BACULA + "/bacula-director-pgsql/install/pgsql"]),
        "sqlite": ("bacula-director-sqlite3", [BACULA + "/bacula-director-sqlite3/install/sqlite3"]),
        "mysql": ("bacula-director-mysql", [BACULA + "/bacula-director-mysql/install/mysql"]),
    },
    # standard-create.sql makes the `version` table the other modules insert into. The
    # MySQL package also ships the IMS modules' scripts (ims_*), which kamdbctl never
    # loads into the kamailio database (ims_dialog's `dialog_vars` clashes with dialog's):
    # left out, so that the three dialects hold the same modules.
    "kamailio": {
        "postgresql": ("kamailio-postgres-modules",
                       [KAMAILIO_PG + "/standard-create.sql", KAMAILIO_PG + "/*-create.sql"]),
        "sqlite": ("kamailio-sqlite-modules",
                   [KAMAILIO_SQLITE + "/standard-create.sql", KAMAILIO_SQLITE + "/*-create.sql"]),
        "mysql": ("kamailio-mysql-modules",
                  [KAMAILIO_MYSQL + "/standard-create.sql", KAMAILIO_MYSQL + "/*-create.sql"],
                  [KAMAILIO_MYSQL + "/ims_*-create.sql"]),
    },
}


def schema_files(cache, name, dialect):
    """The package and the schema's files, in load order (each file once)."""
    package, patterns, *left_out = SCHEMAS[name][dialect]
    root = os.path.join(cache, "root", package)
    skipped = {m for pattern in (left_out[0] if left_out else [])
               for m in glob.glob(os.path.join(root, pattern))}
    files = []
    for pattern in patterns:
        matches = sorted(glob.glob(os.path.join(root, pattern)))
        if not matches:
            raise FileNotFoundError("%s: no file %s in package %s (unpacked at %s); "
                                    "run tests/corpus/fetch.sh" % (name, pattern, package, root))
        files += [m for m in matches if m not in files and m not in skipped]
    return package, files


def script_text(files):
    """The files joined as one script. Lines starting with `#` are dropped: some files
    (freeradius's process-radacct*) open with a shell-style header that neither psql nor
    sqlite3 reads, and no SQL statement of the corpus starts a line with it."""
    lines = []
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as text:
            lines += [line for line in text.read().splitlines() if not line.startswith("#")]
        lines.append("")
    return "\n".join(lines) + "\n"


def package_version(cache, package):
    with open(os.path.join(cache, "versions.txt")) as f:
        for line in f:
            pkg, _, version = line.strip().partition(" ")
            if pkg == package:
                return version
    return "?"
