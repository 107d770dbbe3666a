"""The structure of a SQLite database, read from sqlite_master and the pragma table
functions through the sqlite3 command-line shell.

Independent of migrate's own reflection on purpose (see inspect_postgresql.py). Column,
key, index and foreign-key facts come from the pragmas; what only the CREATE text holds
(CHECK constraints, index expressions and WHERE clauses, the AUTOINCREMENT keyword) is
read from sqlite_master.sql with a small quote-aware scanner. SQLite does not expose
constraint names, so they are not compared on this dialect.
"""

import json
import re
import subprocess

from structure_compare import normalise_sqlite_default

QUERY = r"""
SELECT json_object(
 'objects', (SELECT json_group_array(json_object('type', type, 'name', name, 'table', tbl_name, 'sql', sql))
             FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' OR type = 'index'),
 'tables', (SELECT json_group_array(json_object('name', t.name, 'without_rowid', t.wr, 'strict', t.strict))
            FROM pragma_table_list t WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite_%'),
 'columns', (SELECT json_group_array(json_object('table', m.name, 'cid', p.cid, 'name', p.name,
               'type', p.type, 'not_null', p."notnull", 'default', p.dflt_value, 'pk', p.pk, 'hidden', p.hidden))
             FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'),
 'indexes', (SELECT json_group_array(json_object('table', m.name, 'name', il.name, 'unique', il."unique",
               'origin', il.origin, 'partial', il.partial))
             FROM sqlite_master m JOIN pragma_index_list(m.name) il
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'),
 'index_columns', (SELECT json_group_array(json_object('index', il.name, 'seqno', ix.seqno, 'cid', ix.cid,
                     'name', ix.name, 'desc', ix."desc", 'collation', ix.coll))
                   FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ix
                   WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND ix.key = 1),
 'foreign_keys', (SELECT json_group_array(json_object('table', m.name, 'id', f.id, 'seq', f.seq,
                    'references', f."table", 'from', f."from", 'to', f."to", 'on_update', f.on_update,
                    'on_delete', f.on_delete, 'match', f.match))
                  FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
                  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%')
);
"""


def read_catalog(path):
    out = subprocess.run(["sqlite3", "-readonly", "-batch", path, QUERY],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def _tokens(sql):
    """Yields (kind, text) for SQL text: 'string', 'ident' (quoted identifier, unquoted),
    'word', or 'other' (a single character, whitespace collapsed to one space)."""
    i = 0
    while i < len(sql):
        ch = sql[i]
        if ch in "'\"`[":
            close = {"'": "'", '"': '"', "`": "`", "[": "]"}[ch]
            j = i + 1
            while j < len(sql):
                if sql[j] == close and close != "]" and j + 1 < len(sql) and sql[j + 1] == close:
                    j += 2
                    continue
                if sql[j] == close:
                    break
                j += 1
            body = sql[i:j + 1]
            yield ("string", body) if ch == "'" else ("ident", body[1:-1].replace(close * 2, close))
            i = j + 1
        elif ch == "-" and sql.startswith("--", i):
            j = sql.find("\n", i)
            i = len(sql) if j < 0 else j + 1
            yield ("other", " ")
        elif ch.isspace():
            while i < len(sql) and sql[i].isspace():
                i += 1
            yield ("other", " ")
        elif ch.isalnum() or ch == "_":
            j = i
            while j < len(sql) and (sql[j].isalnum() or sql[j] in "_$"):
                j += 1
            yield ("word", sql[i:j])
            i = j
        else:
            yield ("other", ch)
            i += 1


def _canonical(tokens):
    """Token list as canonical text: identifiers and keywords lower-cased and unquoted,
    string literals kept, whitespace only where two words meet."""
    out = []
    for kind, text in tokens:
        if kind == "other" and text == " ":
            continue
        piece = text if kind == "string" else text.lower()
        if out and kind in ("word", "ident") and out[-1][0] in ("word", "ident"):
            out.append(("other", " "))
        out.append((kind, piece))
    return "".join(t for _, t in out)


def _balanced(tokens, start):
    """Index just past the parenthesis group that opens at tokens[start]."""
    depth = 0
    for i in range(start, len(tokens)):
        if tokens[i] == ("other", "("):
            depth += 1
        elif tokens[i] == ("other", ")"):
            depth -= 1
            if depth == 0:
                return i + 1
    return len(tokens)


def _significant(tokens):
    return [t for t in tokens if t != ("other", " ")]


def _checks(sql):
    toks = _significant(list(_tokens(sql or "")))
    found = []
    for i, (kind, text) in enumerate(toks):
        if kind == "word" and text.upper() == "CHECK" and i + 1 < len(toks) and toks[i + 1] == ("other", "("):
            end = _balanced(toks, i + 1)
            found.append(_canonical(toks[i + 2:end - 1]))
    return found


def _has_autoincrement(sql):
    return any(k == "word" and t.upper() == "AUTOINCREMENT" for k, t in _tokens(sql or ""))


def _index_parts(sql):
    """(key list, WHERE clause) of a CREATE INDEX statement, canonical."""
    toks = _significant(list(_tokens(sql or "")))
    open_at = next(i for i, t in enumerate(toks) if t == ("other", "("))
    end = _balanced(toks, open_at)
    rest = toks[end:]
    where = ""
    if rest and rest[0][0] == "word" and rest[0][1].upper() == "WHERE":
        where = _canonical(rest[1:]).rstrip(";")
    return _canonical(toks[open_at + 1:end - 1]), where


def _norm_type(declared):
    return re.sub(r"\s*([(),])\s*", r"\1", re.sub(r"\s+", " ", (declared or "").strip().upper()))


def affinity(declared):
    """The column affinity SQLite derives from a declared type (its rules, in order)."""
    t = (declared or "").upper()
    if "INT" in t:
        return "INTEGER"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "TEXT"
    if "BLOB" in t or not t.strip():
        return "BLOB"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "REAL"
    return "NUMERIC"


def structure(catalog, hidden_tables=()):
    """Items keyed by a readable name: {key: {attribute: value}}."""
    items = {}
    hidden = {h.lower() for h in hidden_tables}
    objects = [o for o in catalog["objects"] if o["table"].lower() not in hidden]
    sql_of = {o["name"]: o["sql"] for o in objects}
    tables = {t["name"]: t for t in catalog["tables"] if t["name"].lower() not in hidden}
    by_lower = {name.lower(): name for name in tables}
    columns = [c for c in catalog["columns"] if c["table"] in tables]
    pk_of = {}
    for c in sorted(columns, key=lambda c: (c["table"], c["pk"])):
        if c["pk"]:
            pk_of.setdefault(c["table"], []).append(c["name"])
    for name, t in tables.items():
        items["table " + name] = {
            "without rowid": bool(t["without_rowid"]), "strict": bool(t["strict"]),
            "AUTOINCREMENT keyword": _has_autoincrement(sql_of.get(name))}
        for expr in _checks(sql_of.get(name)):
            items["check constraint on %s: %s" % (name, expr)] = {}
        if name in pk_of:
            items["primary key on " + name] = {"columns": ", ".join(pk_of[name])}
    order = {}
    for c in sorted(columns, key=lambda c: (c["table"], c["cid"])):
        order.setdefault(c["table"], []).append(c["name"])
        strict = tables[c["table"]]["strict"]
        items["column %s.%s" % (c["table"], c["name"])] = {
            "type": _norm_type(c["type"]) if strict else "affinity " + affinity(c["type"]),
            "declared type": _norm_type(c["type"]),
            "nullable": not c["not_null"] and not c["pk"],
            "default": normalise_sqlite_default(c["default"]),
            "generated": {0: None, 1: "hidden", 2: "virtual", 3: "stored"}.get(c["hidden"])}
    for table, names in order.items():
        items["column order of " + table] = {"columns": ", ".join(names)}
    _index_items(items, catalog, tables, sql_of)
    _foreign_key_items(items, catalog, tables, by_lower, pk_of)
    for o in objects:
        if o["type"] == "view":
            items["view " + o["name"]] = {"definition": _canonical(_tokens(o["sql"]))}
        if o["type"] == "trigger":
            items["trigger %s on %s" % (o["name"], o["table"])] = {
                "definition": _canonical(_tokens(o["sql"]))}
    return items


def _index_items(items, catalog, tables, sql_of):
    cols = {}
    for ic in sorted(catalog["index_columns"], key=lambda c: (c["index"], c["seqno"])):
        cols.setdefault(ic["index"], []).append(ic)
    for ix in catalog["indexes"]:
        if ix["table"] not in tables or ix["origin"] == "pk":
            continue
        entries = cols.get(ix["name"], [])
        shown = []
        for e in entries:
            text = e["name"] if e["cid"] >= 0 else "<expression>"
            if e["desc"]:
                text += " DESC"
            if (e["collation"] or "BINARY").upper() != "BINARY":
                text += " COLLATE " + e["collation"]
            shown.append(text)
        if ix["origin"] == "u":
            items["unique constraint on %s (%s)" % (ix["table"], ", ".join(shown))] = {}
            continue
        attrs = {"unique": bool(ix["unique"]), "columns": ", ".join(shown)}
        if any(e["cid"] == -2 for e in entries) or ix["partial"]:
            keys, where = _index_parts(sql_of.get(ix["name"]))
            if any(e["cid"] == -2 for e in entries):
                attrs["expressions"] = keys
            attrs["where"] = where or None
        items["index %s on %s" % (ix["name"], ix["table"])] = attrs


def _foreign_key_items(items, catalog, tables, by_lower, pk_of):
    groups = {}
    for fk in sorted(catalog["foreign_keys"], key=lambda f: (f["table"], f["id"], f["seq"])):
        if fk["table"] in tables:
            groups.setdefault((fk["table"], fk["id"]), []).append(fk)
    for (table, _), rows in groups.items():
        parent = by_lower.get(rows[0]["references"].lower())
        to = [r["to"] for r in rows]
        if parent and all(t is None for t in to):  # REFERENCES parent: its primary key
            to = pk_of.get(parent)
        target = "%s (%s)" % (parent, ", ".join(to)) if parent and to else rows[0]["references"]
        key = "foreign key %s (%s) -> %s" % (table, ", ".join(r["from"] for r in rows), target)
        items[key] = {"on delete": rows[0]["on_delete"], "on update": rows[0]["on_update"],
                      "match": rows[0]["match"]}
