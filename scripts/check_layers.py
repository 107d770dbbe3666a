#!/usr/bin/env python3
"""Fails when an #include breaks the direction of the layers (docs/architecture.md).

core/ is in folders, one per subsystem, in this order: a file may include its own folder
and the folders before it, never one after it. core/ includes nothing of dialects/ or
cli/; a dialect folder includes core/ and itself, not another dialect; cli/ may include
everything. A *_internal.h header is for its own folder only.

  check_layers.py [ROOT]     prints each wrong include as FILE:LINE and exits 1
"""

import os
import re
import sys

CORE_LAYERS = ["base", "yaml", "schema", "model", "operations", "revision", "dialect", "diff",
               "runtime", "project"]

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def folder_of(path):
    parts = path.split("/")
    return parts[0], (parts[1] if len(parts) > 2 else "")


def problems(root):
    found = []
    sources = []
    for top in ("core", "dialects", "cli"):
        for d, _, files in os.walk(os.path.join(root, top)):
            for f in files:
                if f.endswith((".h", ".cpp")):
                    sources.append(os.path.relpath(os.path.join(d, f), root))
    for src in sorted(sources):
        top, sub = folder_of(src)
        if top == "core" and sub not in CORE_LAYERS:
            found.append(f"{src}: core/ files live in one of the layer folders {CORE_LAYERS}")
            continue
        with open(os.path.join(root, src)) as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                why = wrong(src, top, sub, target)
                if why:
                    found.append(f"{src}:{number}: includes {target}: {why}")
    return found


def wrong(src, top, sub, target):
    ttop, tsub = folder_of(target)
    if target.endswith("_internal.h") and os.path.dirname(target) != os.path.dirname(src):
        return "an _internal.h header is for the files of its own folder"
    if top == "core":
        if ttop in ("dialects", "cli"):
            return "core/ knows no dialect and no command line"
        if ttop == "core" and tsub in CORE_LAYERS and CORE_LAYERS.index(tsub) > CORE_LAYERS.index(sub):
            return f"core/{sub} comes before core/{tsub} (layers: {' < '.join(CORE_LAYERS)})"
    if top == "dialects":
        if ttop == "cli":
            return "a dialect knows no command line"
        if ttop == "dialects" and sub and tsub and sub != tsub:
            return "a dialect does not include another dialect"
    return None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    found = problems(root)
    for p in found:
        print(p)
    if found:
        print(f"{len(found)} include(s) break the layers; see docs/architecture.md")
        sys.exit(1)
    print("includes flow one way")


if __name__ == "__main__":
    main()
