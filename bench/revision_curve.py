#!/usr/bin/env python3
"""Per-revision cost of one long `migrate upgrade head`, by slices.

  revision_curve.py MIGRATE DIR [SLICE]

Runs `MIGRATE upgrade head` in DIR (a project from `generate_project.py revisions N`),
reads its progress lines as they come, and every SLICE (default 1000) applied revisions
prints the wall and CPU (user+sys) milliseconds per revision spent on that slice, read
from /proc. A flat CPU column means the cost of a revision does not grow with the
number already applied.
"""

import os
import subprocess
import sys
import time


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    migrate, root = sys.argv[1], sys.argv[2]
    size = int(sys.argv[3]) if len(sys.argv) == 4 else 1000
    proc = subprocess.Popen([migrate, "upgrade", "head"], cwd=root, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "NO_COLOR": "1"})
    start = last_wall = time.monotonic()
    last_cpu, done = 0.0, 0
    print(f"{'applied':>8} {'wall ms/rev':>12} {'cpu ms/rev':>11}")
    for line in proc.stdout:
        if not line.startswith("Running upgrade"):
            continue
        done += 1
        if done % size == 0:
            now = time.monotonic()
            try:
                cpu = cpu_seconds(proc.pid)
            except (FileNotFoundError, ProcessLookupError):
                cpu = last_cpu  # the process ended before we read it

            print(f"{done:>8} {(now - last_wall) * 1000 / size:>12.2f} {(cpu - last_cpu) * 1000 / size:>11.2f}",
                  flush=True)
            last_wall, last_cpu = now, cpu
    proc.wait()
    print(f"total {done} revisions, {time.monotonic() - start:.1f} s wall, exit {proc.returncode}")
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
