"""Time ``news-compare batch`` against running ``news-compare diff`` once per pair.

The pairs are every (human reference, machine translation) of the WMT articles in
``shared/data`` (wmt21: ``reference`` against each system; wmt22: ``reference`` against ``mt``),
listed in a TSV in a temporary folder (the texts are not copied). Both ways do the same work per
pair: compare, check, write the HTML report and save the review. The per-pair way starts one
``news-compare diff LEFT RIGHT --format html -o NAME.html --save-session NAME.ncreview`` process
after another, as a shell loop would; ``batch`` runs them in a pool of processes (``--jobs``,
default one per core). Prints wall-clock seconds for each and their ratio (wall time: the point
of batch is using every core; the machine is shared, so run it when it is quiet).

It also checks the summary's order: the Spearman correlation, over the pairs of each part of
bench/_data.py (nothing here is fitted, so both are unseen), between a pair's ``attention`` and the major
errors the MQM experts marked in its machine translation (spans per rater), beside the same for
the machine translation's length in words, the baseline that longer articles have more errors.

    .venv/bin/python bench/batch_speed.py [--limit N] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
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


def mqm_majors(reference: Path, mt: Path) -> float | None:
    """Major error spans the experts marked in ``mt``, per rater (None: not annotated)."""
    mqm = reference.parent / "mqm.json"
    if not mqm.is_file():
        return None
    system = mt.name.split(".")[0]
    rows = json.loads(mqm.read_text(encoding="utf-8")).get("systems", {}).get(system)
    if not rows:
        return None
    raters = {r["rater"] for r in rows} or {""}
    majors = sum(1 for r in rows for span in r["spans"] if span[2] == "major")
    return majors / len(raters)


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda k: values[k])
    ranks = [0.0] * len(values)
    k = 0
    while k < len(order):
        j = k
        while j + 1 < len(order) and values[order[j + 1]] == values[order[k]]:
            j += 1
        for m in range(k, j + 1):
            ranks[order[m]] = (k + j) / 2
        k = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    var = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return cov / var if var else 0.0


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
        records = [json.loads(line) for line in done.stdout.splitlines()]
        skipped = sum(1 for r in records if "error" in r)
        reports = len(list((Path(tmp) / "batch").glob("*.html"))) - 1

    print(f"diff once per pair: {per_pair:7.1f} s  ({per_pair / len(pairs):.2f} s a pair)")
    print(
        f"batch:              {batch:7.1f} s  ({batch / len(pairs):.2f} s a pair; {len(records)} records, {reports} reports, {skipped} skipped)"
    )
    print(f"ratio (per-pair diff / batch): {per_pair / batch:.2f}")

    by_name = {name: (ref, mt) for name, ref, mt in pairs}
    rows: dict[str, list[tuple[float, float, float]]] = {"fit": [], "held-out": []}
    for r in records:
        if "error" in r:
            continue
        ref, mt = by_name[r["name"]]
        majors = mqm_majors(ref, mt)
        if majors is not None:
            words = len(mt.read_text(encoding="utf-8").split())
            rows[part_of(ref.parent)].append((r["attention"], words, majors))
    for part in ("held-out", "fit"):  # nothing is fitted here: both parts are unseen
        if len(rows[part]) >= 3:
            attention, words, majors = (list(col) for col in zip(*rows[part], strict=True))
            print(
                f"{part} pairs with MQM spans: {len(rows[part])}; Spearman with major errors: "
                f"attention {spearman(attention, majors):.2f}, length in words {spearman(words, majors):.2f}"
            )


if __name__ == "__main__":
    main()
