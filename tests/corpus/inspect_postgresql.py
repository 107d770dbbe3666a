"""The structure of a PostgreSQL database, read straight from pg_catalog through psql.

Independent of migrate's own reflection on purpose: the corpus compares what migrate
created with what the original schema script created, and a shared blind spot would
hide a difference. One query returns the whole `public` schema as JSON; `structure()`
turns it into comparable items (see structure_compare.py for the item shapes).
"""

import json
import re
import subprocess

from structure_compare import normalise_pg_default

# The index name in pg_get_indexdef(), which the key already carries.
INDEX_NAME = re.compile(r'^(CREATE (?:UNIQUE )?INDEX) (?:"(?:[^"]|"")*"|\S+) ON ')

QUERY = r"""
WITH rel AS (
  SELECT c.oid, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public'
)
SELECT jsonb_build_object(
 'tables', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'name', relname, 'kind', relkind, 'comment', obj_description(oid, 'pg_class'))), '[]')
   FROM rel WHERE relkind IN ('r', 'p')),
 'columns', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'table', r.relname, 'name', a.attname, 'position', a.attnum,
     'type', format_type(a.atttypid, a.atttypmod), 'not_null', a.attnotnull,
     'default', pg_get_expr(ad.adbin, ad.adrelid), 'identity', a.attidentity,
     'generated', a.attgenerated, 'comment', col_description(r.oid, a.attnum),
     'collation', CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
     'owned_sequence', pg_get_serial_sequence(quote_ident(r.relname), a.attname))
     ORDER BY r.relname, a.attnum), '[]')
   FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid
   JOIN pg_type t ON t.oid = a.atttypid
   LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
   LEFT JOIN pg_collation co ON co.oid = a.attcollation
   WHERE r.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped),
 'constraints', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'table', r.relname, 'name', con.conname, 'type', con.contype,
     'definition', pg_get_constraintdef(con.oid))), '[]')
   FROM rel r JOIN pg_constraint con ON con.conrelid = r.oid),
 'indexes', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'table', r.relname, 'name', i.relname, 'unique', x.indisunique,
     'definition', pg_get_indexdef(x.indexrelid),
     'constraint', (SELECT con.conname FROM pg_constraint con WHERE con.conindid = x.indexrelid
                    AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x')))), '[]')
   FROM rel r JOIN pg_index x ON x.indrelid = r.oid JOIN pg_class i ON i.oid = x.indexrelid),
 'sequences', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'name', r.relname, 'type', format_type(s.seqtypid, NULL), 'start', s.seqstart,
     'increment', s.seqincrement, 'min', s.seqmin, 'max', s.seqmax, 'cycle', s.seqcycle,
     'cache', s.seqcache,
     'owned_by', (SELECT oc.relname || '.' || a.attname FROM pg_depend d
                  JOIN pg_class oc ON oc.oid = d.refobjid
                  JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                  LIMIT 1))), '[]')
   FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid),
 'views', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'name', relname, 'kind', relkind, 'definition', pg_get_viewdef(oid))), '[]')
   FROM rel WHERE relkind IN ('v', 'm')),
 'triggers', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'table', r.relname, 'name', tg.tgname, 'definition', pg_get_triggerdef(tg.oid))), '[]')
   FROM rel r JOIN pg_trigger tg ON tg.tgrelid = r.oid WHERE NOT tg.tgisinternal),
 'routines', (SELECT coalesce(jsonb_agg(jsonb_build_object(
     'name', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
     'kind', p.prokind, 'definition', pg_get_functiondef(p.oid))), '[]')
   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')),
 'enums', (SELECT coalesce(jsonb_agg(jsonb_build_object('name', t.typname,
     'labels', (SELECT jsonb_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e
                WHERE e.enumtypid = t.oid))), '[]')
   FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = 'public' AND t.typtype = 'e')
)::text
"""


def read_catalog(url):
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", QUERY],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def _autoincrement(col):
    """'by default' / 'always' for identity columns and serial-style columns (a nextval
    default on the sequence the column owns): both give values from an owned sequence
    unless one is given, which is what a model's `autoincrement` means."""
    if col["identity"] == "d":
        return "by default"
    if col["identity"] == "a":
        return "always"
    default, owned = col["default"] or "", col["owned_sequence"]
    if owned and default.startswith("nextval("):
        name = owned.split(".")[-1].strip('"')
        if "'" + name + "'" in default or "'" + owned + "'" in default:
            return "by default"
    return None


def structure(catalog, hidden_tables=()):
    """Items keyed by a readable name: {key: {attribute: value}}."""
    items = {}
    hidden = set(hidden_tables)
    tables = {t["name"] for t in catalog["tables"]} - hidden
    for t in catalog["tables"]:
        if t["name"] in tables:
            items["table " + t["name"]] = {"comment": t["comment"]}
    positions = {}
    for c in catalog["columns"]:
        if c["table"] not in tables:
            continue
        positions.setdefault(c["table"], []).append(c["name"])
        auto = _autoincrement(c)
        items["column %s.%s" % (c["table"], c["name"])] = {
            "type": c["type"],
            "nullable": not c["not_null"],
            "default": None if auto else normalise_pg_default(c["default"]),
            "autoincrement": auto,
            "generated": c["generated"] or None,
            "collation": c["collation"],
            "comment": c["comment"],
        }
    for table, names in positions.items():
        items["column order of " + table] = {"columns": ", ".join(names)}
    for con in catalog["constraints"]:
        if con["table"] not in tables:
            continue
        kind = {"p": "primary key", "u": "unique constraint", "f": "foreign key",
                "c": "check constraint", "x": "exclusion constraint",
                "t": "constraint trigger"}.get(con["type"], "constraint " + con["type"])
        items["%s %s on %s" % (kind, con["name"], con["table"])] = {
            "definition": con["definition"]}
    for ix in catalog["indexes"]:
        if ix["table"] not in tables or ix["constraint"]:
            continue
        definition = INDEX_NAME.sub(r"\1 ON ", ix["definition"], count=1)
        items["index %s on %s" % (ix["name"], ix["table"])] = {"definition": definition}
    for s in catalog["sequences"]:
        owner = s["owned_by"]
        if owner and owner.split(".")[0] in hidden:
            continue
        key = "sequence owned by " + owner if owner else "sequence " + s["name"]
        items[key] = {k: s[k] for k in ("type", "start", "increment", "min", "max", "cycle", "cache")}
        if owner:
            items[key]["name"] = s["name"]
    for v in catalog["views"]:
        items[("materialized view " if v["kind"] == "m" else "view ") + v["name"]] = {
            "definition": v["definition"]}
    for tg in catalog["triggers"]:
        if tg["table"] in tables:
            items["trigger %s on %s" % (tg["name"], tg["table"])] = {"definition": tg["definition"]}
    for r in catalog["routines"]:
        items[("procedure " if r["kind"] == "p" else "function ") + r["name"]] = {
            "definition": r["definition"]}
    for e in catalog["enums"]:
        items["enum " + e["name"]] = {"values": ", ".join(e["labels"])}
    return items

