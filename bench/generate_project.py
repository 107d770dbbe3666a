#!/usr/bin/env python3
"""Writes a large migrate project for the scale figures of docs/performance.md.

  generate_project.py models N DIR          N tables in one model file (each with a
                                            primary key, a unique column, an enum column
                                            and a foreign key + index to the one before)
  generate_project.py revisions N DIR       N one-table revisions in a chain
  generate_project.py rolling N DIR         N revisions in a chain, each creating a table
                                            and dropping the one before: the schema stays
                                            at one table, so the runner's own cost shows
  generate_project.py big-revision N DIR    one revision creating N tables (N=150000
                                            is a ~50 MB file)
  generate_project.py wide N DIR            N tables in one model file, as side_by_side.py
                                            declares them for Alembic too: a primary key,
                                            a unique column, a foreign key + index to the
                                            one before, and every other table a second index

DIR gets a migrate.yaml (database sqlite:///app.db), models/ and versions/.
"""

import os
import sys


def table_yaml(i, indent):
    pad = " " * indent
    lines = [
        f"{pad}- name: t{i}",
        f"{pad}  columns:",
        f"{pad}    - {{name: id, type: integer, primary_key: true}}",
        f"{pad}    - {{name: name, type: string(50), nullable: false, unique: true}}",
        f"{pad}    - {{name: state, type: enum(state)}}",
    ]
    if i > 0:
        lines.append(f"{pad}    - {{name: parent_id, type: integer, references: t{i - 1}.id, index: true}}")
    return "\n".join(lines) + "\n"


def wide_table_yaml(i, indent):
    """Table i of the side-by-side wide schema (bench/sbs_projects.py has its SQLAlchemy twin)."""
    pad = " " * indent
    lines = [
        f"{pad}- name: t{i}",
        f"{pad}  columns:",
        f"{pad}    - {{name: id, type: integer, primary_key: true}}",
        f"{pad}    - {{name: name, type: string(50), nullable: false, unique: true}}",
        f"{pad}    - {{name: score, type: integer}}",
    ]
    if i > 0:
        lines.append(f"{pad}    - {{name: parent_id, type: integer, references: t{i - 1}.id, index: true}}")
    if i % 2 == 0:
        lines.append(f"{pad}  indexes:")
        lines.append(f"{pad}    - {{name: ix_t{i}_score, columns: [score]}}")
    return "\n".join(lines) + "\n"


def revision_id(i):
    return "%012x" % ((i * 2654435761) % (1 << 48))


def one_table_op(i, indent):
    pad = " " * indent
    return (f"{pad}- create_table:\n"
            f"{pad}    name: t{i}\n"
            f"{pad}    columns:\n"
            f"{pad}      - {{name: id, type: integer, primary_key: true}}\n"
            f"{pad}      - {{name: name, type: string(100)}}\n")


def write_revision(folder, i, parent, ops_up, ops_down):
    rid = revision_id(i)
    down = f'"{parent}"' if parent else "null"
    with open(os.path.join(folder, f"{rid}_step_{i}.yaml"), "w") as f:
        f.write(f'revision: "{rid}"\ndown_revision: {down}\nbranch_labels: []\ndepends_on: []\n'
                f"message: step {i}\ncreate_date: 2026-11-21T10:15:00Z\nupgrade:\n{ops_up}downgrade:\n{ops_down}")
    return rid


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("models", "wide", "revisions", "rolling", "big-revision"):
        sys.exit(__doc__)
    kind, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    for sub in ("models", "versions"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    with open(os.path.join(root, "migrate.yaml"), "w") as f:
        f.write("database: sqlite:///app.db\nmodels: models\nversions: versions\n")
    if kind == "models":
        with open(os.path.join(root, "models", "tables.yaml"), "w") as f:
            f.write("enums:\n  - {name: state, values: [draft, live, gone]}\ntables:\n")
            for i in range(n):
                f.write(table_yaml(i, 2))
    elif kind == "wide":
        with open(os.path.join(root, "models", "tables.yaml"), "w") as f:
            f.write("tables:\n")
            for i in range(n):
                f.write(wide_table_yaml(i, 2))
    elif kind == "revisions":
        parent = None
        for i in range(n):
            parent = write_revision(os.path.join(root, "versions"), i, parent, one_table_op(i, 2),
                                    f"  - drop_table: {{name: t{i}}}\n")
    elif kind == "rolling":
        parent = None
        for i in range(n):
            drop_before = f"  - drop_table: {{name: t{i - 1}}}\n" if i else ""
            recreate_before = one_table_op(i - 1, 2) if i else ""
            parent = write_revision(os.path.join(root, "versions"), i, parent,
                                    one_table_op(i, 2) + drop_before,
                                    f"  - drop_table: {{name: t{i}}}\n" + recreate_before)
    else:
        up = "".join(one_table_op(i, 2) for i in range(n))
        down = "".join(f"  - drop_table: {{name: t{i}}}\n" for i in reversed(range(n)))
        write_revision(os.path.join(root, "versions"), 0, None, up, down)


if __name__ == "__main__":
    main()
