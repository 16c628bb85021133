"""Benchmark the cross-language aligner on the Text+Berg German–French dev document.

The dev document is where the cross-language aligner is tuned (bench/align_wmt.py reports
it on news it was not tuned on). Prints strict F1 (precision, recall), the share of gold
beads found exactly per shape, and the time, for

* German vs French with the setup a user runs: the word lists shipped with the package and
  no system dictionary (``/usr/share/dictd`` is hidden), and without any word list;
* Google's French vs the human French (two translations), by both aligners;
* with ``--against REV`` (default: where this branch left ``main``), the same from that
  revision's aligners in the same run: with no word list (what a user got then: the
  dictionaries came only with ``setup.sh --test``) and with the word lists;

then the time to align the dev document repeated to about 10,000 sentences a side.

Run: ``.venv/bin/python bench/align_textberg.py [--against REV] [--no-before]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import DATA
from _old import base_revision, old_module

from compare.core.align import lexicon
from compare.core.align.bilingual import Bead, align_bilingual_with_evidence, parse_beads, strict_f1
from compare.core.align.same_language import align_same_language

SHAPES = ("1-1", "1-2", "2-1", "n-m", "0-1", "1-0")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _shift(beads: list[Bead], di: int, dj: int) -> list[Bead]:
    return [(tuple(i + di for i in a), tuple(j + dj for j in b)) for a, b in beads]


def shape_of(bead: Bead) -> str:
    """ "1-1", "1-2", "2-1", "0-1", "1-0", or "n-m" for anything larger."""
    shape = f"{len(bead[0])}-{len(bead[1])}"
    return shape if shape in SHAPES else "n-m"


def per_shape(pred: Sequence[Bead], gold: Sequence[Bead]) -> str:
    """Gold beads found exactly, per shape: ``1-1 239/246 ...``."""
    got = set(pred)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for bead in gold:
        total[shape_of(bead)] += 1
        found[shape_of(bead)] += bead in got
    return "  ".join(f"{s} {found[s]}/{total[s]} ({found[s] / total[s]:.2f})" for s in SHAPES if total[s])


def line(label: str, run: Callable[[], list[Bead]], gold: Sequence[Bead]) -> None:
    start = time.perf_counter()
    pred = run()
    elapsed = time.perf_counter() - start
    p, r, f = strict_f1(pred, gold)
    print(f"{label:44} F1 {f:.3f} (P {p:.3f}, R {r:.3f})  {elapsed:.2f} s")
    print(f"{'':44} {per_shape(pred, gold)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--against", default=None, help="git revision for the 'before' figures")
    ap.add_argument("--no-before", action="store_true", help="only this tree's figures")
    args = ap.parse_args(argv)
    folder = DATA / "textberg-defr"
    if not folder.is_dir():
        sys.exit(f"benchmark skipped: no Text+Berg data in {folder}")
    de, fr, gfr = (_lines(folder / name) for name in ("dev.de", "dev.fr", "dev.google.fr"))
    gold = parse_beads((folder / "dev.defr").read_text(encoding="utf-8"))

    with tempfile.TemporaryDirectory() as empty:
        # The setup a user runs: what ships with the package, nothing from the system.
        lexicon.DICTD_DIR = Path(empty)
        lexicon.clear_caches()
        _, evidence = align_bilingual_with_evidence(de[:50], fr[:50], left_lang="de", right_lang="fr")
        print(
            f"word lists: {', '.join(f'{u.source}-{u.target} ({u.origin})' for u in evidence.lexicons) or 'none'}"
        )
        print(f"evidence:   {evidence.describe()}")

        def ours(left: list[str], ll: str, use: bool) -> Callable[[], list[Bead]]:
            return lambda: align_bilingual_with_evidence(
                left, fr, left_lang=ll, right_lang="fr", use_dictionary=use
            )[0]

        print("this tree:")
        line("  de vs fr, shipped word list (user setup)", ours(de, "de", True), gold)
        line("  de vs fr, no word list", ours(de, "de", False), gold)
        line("  google.fr vs fr, cross-language aligner", ours(gfr, "fr", True), gold)
        line("  google.fr vs fr, same-language aligner", lambda: align_same_language(gfr, fr), gold)
        if not args.no_before:
            revision = args.against or base_revision()
            old_cross = old_module(revision, "compare/core/align/bilingual.py", "_old_bilingual")
            old_same = old_module(revision, "compare/core/align/same_language.py", "_old_same_language")

            def theirs(left: list[str], ll: str, use: bool) -> Callable[[], list[Bead]]:
                return lambda: old_cross.align_bilingual(
                    left, fr, left_lang=ll, right_lang="fr", use_dictionary=use
                )

            print(f"before ({revision}):")
            line("  de vs fr, no word list (what users got)", theirs(de, "de", False), gold)
            line("  de vs fr, with the word lists", theirs(de, "de", True), gold)
            line("  google.fr vs fr, cross-language aligner", theirs(gfr, "fr", True), gold)
            line(
                "  google.fr vs fr, same-language aligner",
                lambda: old_same.align_same_language(gfr, fr),
                gold,
            )

        copies = 10_000 // len(de) + 1
        big_left, big_right = de * copies, fr * copies
        big_gold: list[Bead] = []
        for k in range(copies):
            big_gold += _shift(gold, k * len(de), k * len(fr))
        start = time.perf_counter()
        pred, _ = align_bilingual_with_evidence(big_left, big_right, left_lang="de", right_lang="fr")
        elapsed = time.perf_counter() - start
        f = strict_f1(pred, big_gold)[2]
        print(
            f"synthetic {len(big_left)} x {len(big_right)} sentences, shipped word list: F1 {f:.3f}  {elapsed:.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
