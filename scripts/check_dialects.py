#!/usr/bin/env python3
"""Fails when the dialect seam leaks (docs/architecture.md, "Dialects").

Two rules:
  1. Every folder under dialects/ has the same nine files, each as .h and .cpp, with the
     same role in every dialect: connection, dialect, ddl, reflect, types, normalize,
     quote, tokenizer, lock. A dialect may have more files than these.
  2. core/ code names no dialect: outside comments, no "sqlite", "postgres", "mysql" or "mariadb" in any
     case. core/ asks Dialect::capabilities() and the other Dialect methods instead.
     The few exceptions are words of the file formats that SPEC.md fixes, listed in
     FORMAT_WORDS with the reason; anything else fails.

  check_dialects.py [ROOT]     prints each problem and exits 1
"""

import os
import re
import sys

ROLES = ["connection", "dialect", "ddl", "reflect", "types", "normalize", "quote", "tokenizer",
         "lock"]

# (file, word): a dialect name that is part of a file format or URL grammar (SPEC.md),
# not a test of which dialect runs.
FORMAT_WORDS = {
    # The model-file key `sqlite_autoincrement` (SPEC.md, models) and its field.
    ("core/schema/schema.h", "sqlite_autoincrement"),
    ("core/model/model_parse.cpp", "sqlite_autoincrement"),
    ("core/model/model_parse.cpp", "read_sqlite_autoincrement"),
    ("core/model/model_emit.cpp", "sqlite_autoincrement"),
    ("core/model/schema_yaml.h", "sqlite_autoincrement"),
    # The URL schemes sqlite://, postgresql:// and mysql:// (SPEC.md, database URLs).
    ("core/dialect/database_url.cpp", "*"),
    # execute_sql's `dialect:` field takes a dialect's name (SPEC.md, revision files).
    ("core/operations/operation_yaml_parse_constraints.cpp", "*"),
}

NAME = re.compile(r"[A-Za-z0-9_]*(?:sqlite|postgres|mysql|mariadb)[A-Za-z0-9_]*", re.IGNORECASE)


def strip_comments(text):
    """The text with // and /* */ comments blanked (string literals kept), lines kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def missing_roles(root):
    found = []
    base = os.path.join(root, "dialects")
    for d in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, d)):
            continue
        for role in ROLES:
            for ext in (".h", ".cpp"):
                if not os.path.isfile(os.path.join(base, d, role + ext)):
                    found.append(f"dialects/{d}/{role}{ext}: missing; every dialect folder "
                                 f"has {', '.join(ROLES)} (.h and .cpp)")
        if not os.path.isfile(os.path.join(base, d, "README.md")):
            found.append(f"dialects/{d}/README.md: missing; it says what the folder owns")
    return found


def dialect_names_in_core(root):
    found = []
    for d, _, files in os.walk(os.path.join(root, "core")):
        for f in sorted(files):
            if not f.endswith((".h", ".cpp")):
                continue
            path = os.path.relpath(os.path.join(d, f), root)
            if (path, "*") in FORMAT_WORDS:
                continue
            with open(os.path.join(root, path)) as src:
                code = strip_comments(src.read())
            for number, line in enumerate(code.split("\n"), 1):
                for m in NAME.finditer(line):
                    if (path, m.group(0)) not in FORMAT_WORDS:
                        found.append(f"{path}:{number}: names a dialect ('{m.group(0)}'); "
                                     "ask the Dialect (capabilities(), lock_scope(), ...)")
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    found = missing_roles(root) + dialect_names_in_core(root)
    for p in found:
        print(p)
    if found:
        print(f"{len(found)} problem(s) with the dialect seam; see docs/architecture.md")
        sys.exit(1)
    print("dialects are alike and core/ names none")


if __name__ == "__main__":
    main()
