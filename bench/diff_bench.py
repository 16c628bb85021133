"""Benchmark: `news-compare diff --format json` on a ~1 MB pair against `git diff --word-diff`.

The pair is built from ../shared/data/wmt21 (human references against machine translations,
repeated to 1 MB a side, as bench/_data.py builds it). Each row is a ratio against a reference
run in the same command, pair by pair (bench/_timing.py):

- the 1 MB pair against ``git diff --no-index --word-diff=porcelain`` of the same files
  (goal <= 10), with news-compare's peak memory (goal <= 300 MB);
- the 2 MB pair against the 1 MB pair: the cost grows linearly (goal <= 2.2);
- with ``--against REV``, today's engine against the engine at git revision REV (its
  ``compare`` package extracted to a temporary folder, run by this interpreter).

    .venv/bin/python bench/diff_bench.py [--runs 3] [--size 1000000] [--against main]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import build_megabyte_pair
from _timing import engine_at, news_compare, paired, row


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--against", metavar="REV", help="also time the engine of this git revision")
    ap.add_argument("--no-double", action="store_true", help="leave out the 2x-input row")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        left, right = build_megabyte_pair(Path(tmp) / "1x", args.size)
        size = (left.stat().st_size, right.stat().st_size)
        print(
            f"pair: {size[0] / 1e6:.2f} MB + {size[1] / 1e6:.2f} MB (wmt21 references vs machine translations)"
        )
        diff = ["diff", str(left), str(right), "--format", "json"]
        ours = [*news_compare(), *diff]
        git = ["git", "diff", "--no-index", "--word-diff=porcelain", str(left), str(right)]
        a, b = paired(ours, git, args.runs)
        print(row("diff --format json / git diff --word-diff", a, b, "<= 10, peak <= 300 MB"), flush=True)
        if not args.no_double:
            left2, right2 = build_megabyte_pair(Path(tmp) / "2x", 2 * args.size)
            double = [*news_compare(), "diff", str(left2), str(right2), "--format", "json"]
            a2, b2 = paired(double, ours, args.runs)
            print(row("2x input / 1x input", a2, b2, "<= 2.2"), flush=True)
        if args.against:
            old = [*engine_at(args.against, Path(tmp) / "old"), *diff]
            a3, b3 = paired(ours, old, args.runs)
            print(row(f"today / the engine at {args.against}", a3, b3), flush=True)


if __name__ == "__main__":
    main()
