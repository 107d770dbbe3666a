"""Item-by-item comparison of two database structures, and default normalisation.

A structure is {item key: {attribute: value}}, built by inspect_sqlite.py or
inspect_postgresql.py from the catalogs. Keys name the object as a reader would
("column users.created_at", "index i_username on archive", "foreign key ... on t"), so
every difference prints by object. Values are compared exactly, after one
normalisation: a column default spelled differently with the same meaning
(`'0'::bigint` and `0`, `'x'::character varying` and `'x'`, `(0)` and `0`) is the same
default, and a SQLite column keeps its meaning when its declared type keeps its
affinity (the spelling is printed as a note). Nothing else is loosened: a missing constraint or index is a difference.
"""

import re

# A cast of a literal or expression to a type, as PostgreSQL prints it in defaults.
_PG_CAST = re.compile(
    r"::(?:character varying|bit varying|double precision"
    r"|time(?:stamp)?(?:\(\d+\))? with(?:out)? time zone"
    r'|"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_.]*)'
    r"(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*")
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


def _segments(text):
    """Splits SQL text into ('literal', "'...'") and ('code', ...) segments."""
    out, i, start = [], 0, 0
    while i < len(text):
        if text[i] == "'":
            if i > start:
                out.append(("code", text[start:i]))
            j = i + 1
            while j < len(text):
                if text[j] == "'" and j + 1 < len(text) and text[j + 1] == "'":
                    j += 2
                    continue
                if text[j] == "'":
                    break
                j += 1
            out.append(("literal", text[i:j + 1]))
            i = start = j + 1
        else:
            i += 1
    if start < len(text):
        out.append(("code", text[start:]))
    return out


def _wraps_whole(text):
    """True when text is "( ... )" with the first parenthesis closing at the end."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth, quoted = 0, False
    for i, ch in enumerate(text):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return True


def _normalise(text, strip_casts):
    if text is None:
        return None
    parts = []
    for kind, seg in _segments(text.strip()):
        if kind == "code":
            if strip_casts:
                seg = _PG_CAST.sub("", seg)
            seg = re.sub(r"\s+", " ", seg.lower())
            seg = re.sub(r"\s*([(),])\s*", r"\1", seg)
        parts.append(seg)
    s = "".join(parts).strip()
    while _wraps_whole(s):
        s = s[1:-1].strip()
    if len(s) >= 2 and s[0] == "'" and s[-1] == "'" and _NUMBER.match(s[1:-1]):
        s = s[1:-1]
    if _NUMBER.match(s):
        s = _canonical_number(s)
    return s


def _canonical_number(s):
    try:
        return str(int(s))
    except ValueError:
        return repr(float(s))


def normalise_pg_default(text):
    """A PostgreSQL column default (pg_get_expr) in a canonical spelling."""
    s = _normalise(text, strip_casts=True)
    if s == "null":  # DEFAULT NULL is no default
        return None
    return {"current_timestamp": "now()"}.get(s, s)


def normalise_sqlite_default(text):
    """A SQLite column default (pragma table_info dflt_value) in a canonical spelling."""
    s = _normalise(text, strip_casts=False)
    if s == "null":  # DEFAULT NULL is no default
        return None
    # datetime('now') gives CURRENT_TIMESTAMP's text exactly (UTC, YYYY-MM-DD HH:MM:SS).
    return {"true": "1", "false": "0", "datetime('now')": "current_timestamp"}.get(s, s)


def normalise_mysql_default(text):
    """A MySQL/MariaDB column default (information_schema COLUMN_DEFAULT) in a canonical
    spelling: MariaDB quotes literal strings ('abc') and prints numbers bare, MySQL prints
    both bare; DEFAULT NULL (MariaDB's `NULL`) is no default; `current_timestamp()` and
    `CURRENT_TIMESTAMP` are the same."""
    s = _normalise(text, strip_casts=False)
    if s in (None, "null"):
        return None
    return {"current_timestamp()": "current_timestamp", "now()": "current_timestamp"}.get(s, s)


def _show(attrs):
    return ", ".join("%s: %s" % (k, attrs[k]) for k in sorted(attrs) if attrs[k] not in (None, ""))


def _listed(key, not_managed):
    for kind, name in not_managed:
        if key == kind + " " + name:
            return True
        if kind == "trigger" and key.startswith("trigger " + name + " on "):
            return True
        # MySQL: a column whose generation or ON UPDATE clause reflect listed.
        if kind in ("generated column", "on update clause") and key == "column " + name:
            return True
        # MySQL: "T (col(32), ...)", a primary key over column prefixes.
        if kind == "primary key with prefix lengths" and key == "primary key on " + name.split(" (")[0]:
            return True
        # MySQL: "T.IDX (col(32), ...)", an index (or key) over column prefixes.
        if kind == "index with prefix lengths":
            table, _, index = name.split(" (")[0].partition(".")
            if key in ("index %s on %s" % (index, table), "unique key %s on %s" % (index, table)) \
                    or (index == "PRIMARY" and key == "primary key on " + table):
                return True
    return False


# Attributes that are reported but are no difference: SQLite's declared type spelling
# (its semantics are the affinity, compared as `type`; see inspect_sqlite.py).
NOTES_ONLY = {"declared type"}


def compare(original, new, not_managed=()):
    """Returns (differences, carried_not, notes) as lists of printable lines. An object
    of the original that is missing from the new database, or differs in it, is a
    difference unless migrate listed it as not managed; such objects are returned in
    carried_not."""
    differences, carried_not, notes = [], [], []
    for key in sorted(set(original) | set(new)):
        if key not in new:
            if _listed(key, not_managed):
                carried_not.append(key)
            else:
                differences.append("missing in the new database: %s (%s)" % (key, _show(original[key])))
        elif key not in original:
            differences.append("extra in the new database: %s (%s)" % (key, _show(new[key])))
        else:
            a, b = original[key], new[key]
            if a != b and _listed(key, not_managed):
                carried_not.append(key)
                continue
            for attr in sorted(set(a) | set(b)):
                if a.get(attr) != b.get(attr):
                    line = "%s: %s: %r in the original, %r in the new database" % (
                        key, attr, a.get(attr), b.get(attr))
                    if attr in NOTES_ONLY:
                        notes.append(line)
                    else:
                        differences.append("differs: " + line)
    return differences, carried_not, notes
