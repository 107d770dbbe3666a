"""The structure of a MySQL/MariaDB database, read from information_schema through
PyMySQL (Debian's python3-pymysql).

Independent of migrate's own reflection on purpose (see inspect_postgresql.py): the
corpus compares what migrate created with what the schema script created. One query per
catalog table, each for the whole database; `structure()` turns the rows into comparable
items (see structure_compare.py for the item shapes). Values are compared as the server
reports them (COLUMN_TYPE such as `int unsigned`, the collation of each column, the
engine of each table), with three exceptions:
- defaults are normalised (normalise_mysql_default);
- an integer's display width (`int(11)`) changes neither its range nor its storage
  (MySQL 8 no longer reports it): the type is compared without it, and the spelling is
  a note (`declared type`), unless ZEROFILL makes the width show in values;
- the index the server creates by itself for a foreign key that no index serves (named
  after the key, over its columns) is part of the key, not an index of its own.
"""

import re
import urllib.parse

import pymysql

from structure_compare import normalise_mysql_default

_DISPLAY_WIDTH = re.compile(r"^((?:tiny|small|medium|big)?int)\(\d+\)")


def _column_type(column_type):
    """(type without an integer display width, declared type)."""
    if "zerofill" in column_type:
        return column_type, column_type
    return _DISPLAY_WIDTH.sub(r"\1", column_type), column_type


QUERIES = {
    "tables": """SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT
                 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()""",
    "columns": """SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,
                         COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME,
                         COLUMN_COMMENT, GENERATION_EXPRESSION
                  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
                  ORDER BY TABLE_NAME, ORDINAL_POSITION""",
    "statistics": """SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
                     ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""",
    "constraints": """SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE
                      FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE()""",
    "foreign_keys": """SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.ORDINAL_POSITION,
                              k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
                              r.UPDATE_RULE, r.DELETE_RULE
                       FROM information_schema.KEY_COLUMN_USAGE k
                       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
                        AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
                       WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
                       ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""",
    "checks": """SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
                 FROM information_schema.TABLE_CONSTRAINTS tc
                 JOIN information_schema.CHECK_CONSTRAINTS cc
                   ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                  AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                 WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'""",
    "views": """SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS
                WHERE TABLE_SCHEMA = DATABASE()""",
    "triggers": """SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,
                          ACTION_STATEMENT
                   FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()""",
    "routines": """SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION
                   FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()""",
}


def connect(url):
    """A PyMySQL connection for a mysql://user:pass@host:port/db URL."""
    parts = urllib.parse.urlsplit(url)
    return pymysql.connect(host=parts.hostname or "localhost", port=parts.port or 3306,
                           user=urllib.parse.unquote(parts.username or ""),
                           password=urllib.parse.unquote(parts.password or ""),
                           database=parts.path.lstrip("/"), charset="utf8mb4",
                           cursorclass=pymysql.cursors.DictCursor)


def read_catalog(url):
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            catalog = {}
            for name, sql in QUERIES.items():
                cur.execute(sql)
                catalog[name] = list(cur.fetchall())
            return catalog
    finally:
        conn.close()


def _index_items(catalog, tables, constraint_types, fk_columns):
    """Indexes and keys: the PRIMARY key, unique keys and plain indexes, each with its
    columns (and prefix lengths, order), uniqueness and index type. `fk_columns`:
    {(table, foreign key name): "col, ..."}, whose implicit indexes are left out."""
    grouped = {}
    for s in catalog["statistics"]:
        if s["TABLE_NAME"] not in tables:
            continue
        entry = grouped.setdefault((s["TABLE_NAME"], s["INDEX_NAME"]), {
            "unique": not int(s["NON_UNIQUE"]), "type": s["INDEX_TYPE"], "columns": [],
            "comment": s.get("INDEX_COMMENT") or None})
        column = s["COLUMN_NAME"] or "(" + str(s.get("EXPRESSION")) + ")"
        if s["SUB_PART"] is not None:
            column += "(%s)" % s["SUB_PART"]
        if s.get("COLLATION") == "D":
            column += " DESC"
        entry["columns"].append(column)
    items = {}
    for (table, name), entry in grouped.items():
        entry["columns"] = ", ".join(entry["columns"])
        if name == "PRIMARY":
            items["primary key on " + table] = entry
            continue
        if not entry["unique"] and fk_columns.get((table, name)) == entry["columns"]:
            continue  # the foreign key's own index (see the module docstring)
        kind = "unique key" if constraint_types.get((table, name)) == "UNIQUE" else "index"
        items["%s %s on %s" % (kind, name, table)] = entry
    return items


def structure(catalog, hidden_tables=()):
    """Items keyed by a readable name: {key: {attribute: value}}."""
    items = {}
    hidden = set(hidden_tables)
    tables = {t["TABLE_NAME"] for t in catalog["tables"]
              if t["TABLE_TYPE"] == "BASE TABLE"} - hidden
    for t in catalog["tables"]:
        if t["TABLE_NAME"] in tables:
            items["table " + t["TABLE_NAME"]] = {"engine": t["ENGINE"],
                                                 "comment": t["TABLE_COMMENT"] or None}
            items["table collation " + t["TABLE_NAME"]] = {"collation": t["TABLE_COLLATION"]}
    positions = {}
    for c in catalog["columns"]:
        if c["TABLE_NAME"] not in tables:
            continue
        positions.setdefault(c["TABLE_NAME"], []).append(c["COLUMN_NAME"])
        extra = (c["EXTRA"] or "").lower()
        type_, declared = _column_type(c["COLUMN_TYPE"])
        items["column %s.%s" % (c["TABLE_NAME"], c["COLUMN_NAME"])] = {
            "type": type_,
            "declared type": declared,
            "nullable": c["IS_NULLABLE"] == "YES",
            "default": normalise_mysql_default(c["COLUMN_DEFAULT"]),
            "extra": extra or None,
            "collation": c["COLLATION_NAME"],
            "comment": c["COLUMN_COMMENT"] or None,
            "generated": c["GENERATION_EXPRESSION"] or None,
        }
    for table, names in positions.items():
        items["column order of " + table] = {"columns": ", ".join(names)}
    constraint_types = {(c["TABLE_NAME"], c["CONSTRAINT_NAME"]): c["CONSTRAINT_TYPE"]
                        for c in catalog["constraints"]}
    fks = {}
    for k in catalog["foreign_keys"]:
        if k["TABLE_NAME"] not in tables:
            continue
        fk = fks.setdefault((k["TABLE_NAME"], k["CONSTRAINT_NAME"]), {
            "columns": [], "references": k["REFERENCED_TABLE_NAME"], "referenced columns": [],
            "on update": k["UPDATE_RULE"], "on delete": k["DELETE_RULE"]})
        fk["columns"].append(k["COLUMN_NAME"])
        fk["referenced columns"].append(k["REFERENCED_COLUMN_NAME"])
    for (table, name), fk in fks.items():
        fk["columns"] = ", ".join(fk["columns"])
        fk["referenced columns"] = ", ".join(fk["referenced columns"])
        items["foreign key %s on %s" % (name, table)] = fk
    items.update(_index_items(catalog, tables, constraint_types,
                              {key: fk["columns"] for key, fk in fks.items()}))
    for ch in catalog["checks"]:
        if ch["TABLE_NAME"] in tables:
            items["check constraint %s on %s" % (ch["CONSTRAINT_NAME"], ch["TABLE_NAME"])] = {
                "definition": ch["CHECK_CLAUSE"]}
    for v in catalog["views"]:
        items["view " + v["TABLE_NAME"]] = {"definition": v["VIEW_DEFINITION"]}
    for tg in catalog["triggers"]:
        if tg["EVENT_OBJECT_TABLE"] in tables:
            items["trigger %s on %s" % (tg["TRIGGER_NAME"], tg["EVENT_OBJECT_TABLE"])] = {
                "timing": tg["ACTION_TIMING"], "event": tg["EVENT_MANIPULATION"],
                "definition": tg["ACTION_STATEMENT"]}
    for r in catalog["routines"]:
        items[r["ROUTINE_TYPE"].lower() + " " + r["ROUTINE_NAME"]] = {
            "definition": r["ROUTINE_DEFINITION"]}
    return items
