"""Benchmark the model-free sentence aligner on the Text+Berg German–French dev document.

Prints strict F1 (precision, recall) and time for German vs French and for Google's French
vs the human French, with and without FreeDict dictionaries, then the time to align a
synthetic pair of about 10,000 sentences (the dev document repeated).

Run: ``.venv/bin/python bench/align_textberg.py [DATA_DIR]``; the data directory defaults
to ``../shared/data`` beside the repository.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare.core.align.same_language import align_same_language
from compare.core.align.bilingual import Bead, align_bilingual, parse_beads, strict_f1
from compare.core.align.lexicon import load_lexicon


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _shift(beads: list[Bead], di: int, dj: int) -> list[Bead]:
    return [(tuple(i + di for i in a), tuple(j + dj for j in b)) for a, b in beads]


def main(argv: list[str]) -> int:
    """Print the scores and timings; return the exit status."""
    root = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    data = Path(argv[1]) if len(argv) > 1 else root
    folder = data / "textberg-defr"
    if not folder.is_dir():
        print(f"no Text+Berg data in {folder}", file=sys.stderr)
        return 1
    de, fr, gfr = (_lines(folder / name) for name in ("dev.de", "dev.fr", "dev.google.fr"))
    gold = parse_beads((folder / "dev.defr").read_text(encoding="utf-8"))

    have_dict = load_lexicon("de", "fr") is not None
    print(f"FreeDict German–French installed: {'yes' if have_dict else 'no'}")
    pairs = [
        ("de vs fr", de, fr, "de", "fr"),
        ("google.fr vs fr", gfr, fr, "fr", "fr"),
    ]
    for use_dict in (True, False) if have_dict else (False,):
        for label, left, right, ll, rl in pairs:
            start = time.perf_counter()
            pred = align_bilingual(left, right, left_lang=ll, right_lang=rl, use_dictionary=use_dict)
            elapsed = time.perf_counter() - start
            p, r, f = strict_f1(pred, gold)
            tag = "dict" if use_dict else "no dict"
            print(f"{label:16} {tag:8} F1 {f:.3f} (P {p:.3f}, R {r:.3f})  {elapsed:.2f} s")

    # The same-language (diff-based) aligner that `diff` uses for two versions in one language.
    start = time.perf_counter()
    pred = align_same_language(gfr, fr)
    elapsed = time.perf_counter() - start
    p, r, f = strict_f1(pred, gold)
    print(f"{'google.fr vs fr':16} {'diff':8} F1 {f:.3f} (P {p:.3f}, R {r:.3f})  {elapsed:.2f} s"
          "  (same-language aligner of `diff`)")

    copies = 10_000 // len(de) + 1
    big_left = de * copies
    big_right = fr * copies
    big_gold: list[Bead] = []
    for k in range(copies):
        big_gold += _shift(gold, k * len(de), k * len(fr))
    for use_dict in (True, False) if have_dict else (False,):
        start = time.perf_counter()
        pred = align_bilingual(big_left, big_right, left_lang="de", right_lang="fr", use_dictionary=use_dict)
        elapsed = time.perf_counter() - start
        p, r, f = strict_f1(pred, big_gold)
        tag = "dict" if use_dict else "no dict"
        print(f"synthetic {len(big_left)} x {len(big_right)} sentences {tag:8} F1 {f:.3f}  {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
