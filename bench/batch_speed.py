"""Time ``news-compare batch`` against running ``news-compare diff`` once per pair.

The pairs are every (human reference, machine translation) of the WMT articles in
``shared/data`` (wmt21: ``reference`` against each system; wmt22: ``reference`` against ``mt``),
listed in a TSV in a temporary folder (the texts are not copied). Both ways do the same work per
pair: compare, check, write the HTML report and save the review. The per-pair way starts one
``news-compare diff LEFT RIGHT --format html -o NAME.html --save-session NAME.ncreview`` process
after another, as a shell loop would; ``batch`` runs them in a pool of processes (``--jobs``,
default one per core). Prints wall-clock seconds for each and their ratio (wall time: the point
of batch is using every core; the machine is shared, so run it when it is quiet).

    .venv/bin/python bench/batch_speed.py [--limit N] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from _data import articles, part_of, require_data  # noqa: E402


def reference_mt_pairs() -> list[tuple[str, Path, Path]]:
    """(name, reference, machine translation) of every article and system."""
    require_data()
    out = []
    for folder in articles():
        refs = sorted(folder.glob("reference.*.txt"))
        if not refs:
            continue
        systems = sorted(p for p in folder.glob("*.txt") if not p.name.startswith(("reference", "source")))
        for mt in systems:
            name = f"{folder.parts[-3]}-{folder.name}-{mt.name.split('.')[0]}"
            out.append((name, refs[0], mt))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pairs")
    parser.add_argument("--jobs", type=int, help="batch processes (default: one per core)")
    args = parser.parse_args()
    pairs = reference_mt_pairs()[: args.limit]
    exe = str(Path(sys.executable).with_name("news-compare"))
    parts = {part_of(ref.parent) for _, ref, _ in pairs}
    print(
        f"{len(pairs)} reference/MT pairs of wmt21+wmt22 ({' and '.join(sorted(parts))} parts: timing only, nothing is fitted)"
    )
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "pairs.tsv"
        listing.write_text("".join(f"{ref}\t{mt}\t{name}\n" for name, ref, mt in pairs), encoding="utf-8")

        start = time.perf_counter()
        one_by_one = Path(tmp) / "diff"
        one_by_one.mkdir()
        for name, ref, mt in pairs:
            subprocess.run(
                [exe, "diff", str(ref), str(mt), "--format", "html", "-o", str(one_by_one / f"{name}.html"),
                 "--save-session", str(one_by_one / f"{name}.ncreview")],
                capture_output=True, check=False, timeout=600,
            )  # fmt: skip
        per_pair = time.perf_counter() - start

        start = time.perf_counter()
        command = [exe, "batch", str(listing), "--output", str(Path(tmp) / "batch")]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=3600)
        batch = time.perf_counter() - start
        if done.returncode == 2:
            sys.exit(f"batch failed: {done.stderr.strip()}")
        records = done.stdout.count("\n")
        skipped = done.stdout.count('"error"')
        reports = len(list((Path(tmp) / "batch").glob("*.html"))) - 1

    print(f"diff once per pair: {per_pair:7.1f} s  ({per_pair / len(pairs):.2f} s a pair)")
    print(
        f"batch:              {batch:7.1f} s  ({batch / len(pairs):.2f} s a pair; {records} records, {reports} reports, {skipped} skipped)"
    )
    print(f"ratio (per-pair diff / batch): {per_pair / batch:.2f}")


if __name__ == "__main__":
    main()
