"""Benchmark: `news-compare diff --format json` on a ~1 MB pair against `git diff --word-diff`.

The pair is built from ../shared/data/wmt21 (human references against machine
translations, repeated to 1 MB a side). Prints the whole-process wall time of both
commands (best of N runs), their ratio, and the peak memory of news-compare.
Target: ratio <= 10 on the 2-core development machine.

    .venv/bin/python bench/diff_bench.py [--runs 3] [--size 1000000]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import build_megabyte_pair


def timed(cmd: list[str]) -> tuple[float, int, int]:
    """(seconds, exit status, peak RSS in KB) of one run of cmd in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed: {err.decode(errors='replace')}")
    _, _status = os.waitpid(proc.pid, os.WNOHANG) if False else (0, 0)
    return elapsed, proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", type=int, default=1_000_000)
    args = ap.parse_args()
    exe = Path(sys.executable).with_name("news-compare")
    with tempfile.TemporaryDirectory() as tmp:
        left, right = build_megabyte_pair(Path(tmp), args.size)
        size = (left.stat().st_size, right.stat().st_size)
        git = ["git", "diff", "--no-index", "--word-diff=porcelain", str(left), str(right)]
        ours = [str(exe), "diff", str(left), str(right), "--format", "json"]
        git_times = [timed(git)[0] for _ in range(args.runs)]
        our_runs = []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t, _, peak = timed(ours)
            our_runs.append((t, max(peak, before)))
        best_git = min(git_times)
        best_ours = min(t for t, _ in our_runs)
        peak_kb = max(p for _, p in our_runs)
    print(f"pair: {size[0] / 1e6:.2f} MB + {size[1] / 1e6:.2f} MB (wmt21 references vs machine translations)")
    print(f"git diff --no-index --word-diff=porcelain : {best_git:.3f} s (best of {args.runs})")
    print(f"news-compare diff --format json            : {best_ours:.3f} s (best of {args.runs})")
    print(f"ratio                                      : {best_ours / best_git:.1f}x (target <= 10)")
    print(f"peak memory of news-compare               : {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
