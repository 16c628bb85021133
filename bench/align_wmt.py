"""Benchmark both sentence aligners on WMT news with known (synthetic) beads.

WMT files hold one segment per blank-line-separated block, and segment i of every file of an
article translates segment i of its source, so any two files of an article are aligned 1-1.
From such a pair this builds a test pair the way issue 11 describes: one segment a line
(``--segment lines``), with about 10% of neighbouring segments of the right side merged into
one line and about 4% of them dropped; the gold beads follow from what was done. The choice
is random but fixed by the article and file names, so every run builds the same pairs.

* ``same``: a human reference (left) against a machine translation or a second reference of
  the same article (right), aligned by :func:`compare.core.alignment.align_same_language`.
* ``cross``: the source (left, English or Chinese) against the human reference (right, German
  or English), aligned by :func:`compare.core.bilingual.align_bilingual` with the evidence a
  user gets (the lexicons shipped with the package, see :mod:`compare.core.dictionaries`).

Figures are strict bead precision, recall and F1 (Vecalign's metric,
:func:`compare.core.bilingual.strict_f1`) pooled over all pairs, printed for the "fit" and
the "held-out" articles of ``bench/_data.py`` separately. Thresholds are chosen on "fit" only.

Run: ``.venv/bin/python bench/align_wmt.py [same|cross|both] [-v]``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import FIT, HELD_OUT, article_id, articles_in, require_data
from _old import base_revision, old_module

from compare.core.align import lexicon
from compare.core.align.bilingual import Bead, align_bilingual, strict_f1
from compare.core.align.same_language import align_same_language

MERGE = 0.10  # share of right segments merged with the next one
DROP = 0.04  # share of right segments dropped


def segments(path: Path) -> list[str]:
    """The blank-line separated segments of a WMT file, each on one line."""
    text = path.read_text(encoding="utf-8").strip("\n")
    return [" ".join(block.split("\n")).strip() for block in text.split("\n\n")]


def language_of(path: Path) -> str:
    """``reference-C.de.txt`` -> ``de``."""
    return path.name.rsplit(".", 2)[-2]


def damage(
    left: Sequence[str], right: Sequence[str], seed: str, glue: str = " "
) -> tuple[list[str], list[Bead]]:
    """Merge and drop segments of ``right`` (1-1 with ``left``); return it and the gold beads.

    A merged line joins right segments k and k + 1, so its bead is 2-1 (left k, k + 1 against
    the merged line); a dropped segment leaves left k alone (a 1-0 bead).
    """
    assert len(left) == len(right)
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    out: list[str] = []
    gold: list[Bead] = []
    k = 0
    while k < len(right):
        roll = rng.random()
        if roll < MERGE and k + 1 < len(right):
            gold.append(((k, k + 1), (len(out),)))
            out.append(right[k] + glue + right[k + 1])
            k += 2
        elif roll < MERGE + DROP:
            gold.append(((k,), ()))
            k += 1
        else:
            gold.append(((k,), (len(out),)))
            out.append(right[k])
            k += 1
    return out, gold


def same_language_pairs(part: str) -> Iterator[tuple[str, list[str], list[str], list[Bead]]]:
    """(name, left, right, gold) for every reference against every other version of an article."""
    for article in articles_in(part):
        refs = sorted(article.glob("reference*.txt"))
        others = sorted(p for p in article.glob("*.txt") if not p.name.startswith("source"))
        for ref in refs:
            left = segments(ref)
            for other in others:
                if other == ref:
                    continue
                right, gold = damage(left, segments(other), f"{article_id(article)}/{ref.name}/{other.name}")
                yield f"{article_id(article)} {ref.name} | {other.name}", left, right, gold


def cross_language_pairs(part: str) -> Iterator[tuple[str, list[str], list[str], list[Bead], str, str]]:
    """(name, source, damaged reference, gold, source language, reference language)."""
    for article in articles_in(part):
        sources = sorted(article.glob("source.*.txt"))
        if not sources:
            continue
        src = sources[0]
        left = segments(src)
        for ref in sorted(article.glob("reference*.txt")):
            right, gold = damage(left, segments(ref), f"{article_id(article)}/{src.name}/{ref.name}")
            yield (
                f"{article_id(article)} {src.name} | {ref.name}",
                left,
                right,
                gold,
                language_of(src),
                language_of(ref),
            )


def score(
    runs: Sequence[tuple[str, list[Bead], list[Bead]]], verbose: bool
) -> tuple[float, float, float, Counter[str], Counter[str]]:
    """Pooled strict P, R, F1 over the pairs, and found/total per gold shape."""
    pred_all: list[Bead] = []
    gold_all: list[Bead] = []
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    offset_l = offset_r = 0
    for name, pred, gold in runs:
        # Pool by shifting each pair into its own index range, so beads of two pairs never meet.
        pred_all += [(tuple(i + offset_l for i in a), tuple(j + offset_r for j in b)) for a, b in pred]
        gold_all += [(tuple(i + offset_l for i in a), tuple(j + offset_r for j in b)) for a, b in gold]
        offset_l += 10_000
        offset_r += 10_000
        got = set(pred)
        for bead in gold:
            shape = f"{len(bead[0])}-{len(bead[1])}"
            total[shape] += 1
            found[shape] += bead in got
        if verbose and got != set(gold):
            wrong = sorted(set(pred) - set(gold))
            missed = sorted(set(gold) - set(pred))
            print(f"  {name}\n    wrong {wrong}\n    missed {missed}")
    p, r, f = strict_f1(pred_all, gold_all)
    return p, r, f, found, total


def report(
    label: str, part: str, runs: list[tuple[str, list[Bead], list[Bead]]], seconds: float, verbose: bool
) -> float:
    p, r, f, found, total = score(runs, verbose)
    shapes = "  ".join(f"{s} {found[s]}/{total[s]}" for s in sorted(total, key=lambda s: -total[s]))
    beads = sum(total.values())
    print(
        f"{label:28} {part:8} F1 {f:.3f} (P {p:.3f}, R {r:.3f})  {len(runs)} pairs, {beads} beads, {seconds:.1f} s"
    )
    print(f"{'':37} found per gold shape: {shapes}")
    return f


SameAligner = Callable[[list[str], list[str]], list[Bead]]
CrossAligner = Callable[[list[str], list[str], str, str], list[Bead]]


def run_same(part: str, verbose: bool, align: SameAligner, label: str = "same") -> float:
    runs = []
    start = time.perf_counter()
    for name, left, right, gold in same_language_pairs(part):
        runs.append((name, align(left, right), gold))
    return report(label, part, runs, time.perf_counter() - start, verbose)


def run_cross(part: str, verbose: bool, align: CrossAligner, label: str = "cross") -> float:
    runs = []
    start = time.perf_counter()
    for name, left, right, gold, ll, rl in cross_language_pairs(part):
        runs.append((name, align(left, right, ll, rl), gold))
    f = report(label, part, runs, time.perf_counter() - start, verbose)
    by_pair: dict[str, list[tuple[str, list[Bead], list[Bead]]]] = {}
    for run in runs:
        by_pair.setdefault(run[0].split("/")[1], []).append(run)
    figures = "  ".join(f"{pair} {score(group, False)[2]:.3f}" for pair, group in sorted(by_pair.items()))
    print(f"{'':37} F1 per language pair: {figures}")
    return f


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("which", nargs="?", default="both", choices=("same", "cross", "both"))
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="list the wrong and missed beads of each pair"
    )
    ap.add_argument("--part", choices=(FIT, HELD_OUT, "both"), default="both")
    ap.add_argument("--against", default=None, help="git revision for the 'before' figures")
    ap.add_argument("--no-before", action="store_true", help="only this tree's figures")
    args = ap.parse_args(argv)
    require_data()
    parts = (FIT, HELD_OUT) if args.part == "both" else (args.part,)
    old_same = old_cross = None
    if not args.no_before:
        revision = args.against or base_revision()
        print(f"before: {revision}")
        old_same = old_module(revision, "compare/core/align/same_language.py", "_old_same_language")
        old_cross = old_module(revision, "compare/core/align/bilingual.py", "_old_bilingual")
    with tempfile.TemporaryDirectory() as empty:
        # The setup a user runs: the word lists that ship with the package, none from the system.
        lexicon.DICTD_DIR = Path(empty)
        lexicon.clear_caches()
        if args.which in ("same", "both"):
            for part in parts:
                run_same(part, args.verbose, align_same_language, "same")
                if old_same is not None:
                    run_same(part, False, old_same.align_same_language, "same, before")
        if args.which in ("cross", "both"):
            for part in parts:
                run_cross(
                    part,
                    args.verbose,
                    lambda a, b, ll, rl: align_bilingual(a, b, left_lang=ll, right_lang=rl),
                    "cross, shipped word lists",
                )
                if old_cross is not None:
                    run_cross(
                        part,
                        False,
                        lambda a, b, ll, rl: old_cross.align_bilingual(
                            a, b, left_lang=ll, right_lang=rl, use_dictionary=False
                        ),
                        "cross, before, no word list",
                    )
                    run_cross(
                        part,
                        False,
                        lambda a, b, ll, rl: old_cross.align_bilingual(a, b, left_lang=ll, right_lang=rl),
                        "cross, before, word lists",
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
