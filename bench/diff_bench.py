"""Benchmark: `news-compare diff --format json` on a ~1 MB pair against `git diff --word-diff`.

The pair is built from ../shared/data/wmt21 (human references against machine
translations, repeated to 1 MB a side). Prints the whole-process wall time of both
commands (best of N runs), their ratio, and the peak memory of news-compare.
Target: ratio <= 10 on the 2-core development machine.

``--against REV`` also times the engine as it was at git revision REV (its ``compare`` package
extracted to a temporary folder, run by this interpreter), alternating with today's runs, and
prints the ratio of the two: a before/after from one command on one machine state.

    .venv/bin/python bench/diff_bench.py [--runs 3] [--size 1000000] [--against main]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tarfile
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


ROOT = Path(__file__).resolve().parents[1]


def engine_at(revision: str, folder: Path) -> list[str]:
    """A command that runs ``news-compare`` as it was at ``revision`` (extracted into ``folder``)."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / "engine.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", revision, "compare"], check=True, stdout=fh)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    code = f"import sys; sys.path.insert(0, {str(folder)!r}); from compare.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--against", metavar="REV", help="also time the engine of this git revision")
    args = ap.parse_args()
    exe = Path(sys.executable).with_name("news-compare")
    with tempfile.TemporaryDirectory() as tmp:
        left, right = build_megabyte_pair(Path(tmp), args.size)
        size = (left.stat().st_size, right.stat().st_size)
        git = ["git", "diff", "--no-index", "--word-diff=porcelain", str(left), str(right)]
        ours = [str(exe), "diff", str(left), str(right), "--format", "json"]
        git_times = [timed(git)[0] for _ in range(args.runs)]
        old = engine_at(args.against, Path(tmp) / "old") if args.against else None
        our_runs = []
        old_times = []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t, _, peak = timed(ours)
            our_runs.append((t, max(peak, before)))
            if old is not None:
                old_times.append(timed([*old, *ours[1:]])[0])
        best_git = min(git_times)
        best_ours = min(t for t, _ in our_runs)
        peak_kb = max(p for _, p in our_runs)
    print(f"pair: {size[0] / 1e6:.2f} MB + {size[1] / 1e6:.2f} MB (wmt21 references vs machine translations)")
    print(f"git diff --no-index --word-diff=porcelain : {best_git:.3f} s (best of {args.runs})")
    print(f"news-compare diff --format json            : {best_ours:.3f} s (best of {args.runs})")
    print(f"ratio                                      : {best_ours / best_git:.1f}x (target <= 10)")
    print(f"peak memory of news-compare               : {peak_kb / 1024:.0f} MB")
    if old_times:
        best_old = min(old_times)
        print(f"the engine at {args.against:29s}: {best_old:.3f} s (best of {args.runs})")
        print(f"today / {args.against:35s}: {best_ours / best_old:.2f}")


if __name__ == "__main__":
    main()
