"""Locate ../shared/data and build large pairs from it (the texts are never copied)."""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def require_data() -> Path:
    if not (DATA / "wmt21").is_dir():
        sys.exit(f"benchmark skipped: {DATA / 'wmt21'} is absent (it holds the WMT 2021 texts)")
    return DATA


def wmt_pairs() -> list[tuple[Path, Path]]:
    """(human reference, machine translation) of every article, one system each."""
    pairs = []
    for k in range(3):  # each article once with its k-th system, then again with the next
        for article in sorted((require_data() / "wmt21").glob("*/*")):
            refs = sorted(article.glob("reference.*.txt"))
            systems = sorted(
                p for p in article.glob("*.txt") if not p.name.startswith(("reference", "source"))
            )
            if refs and len(systems) > k:
                pairs.append((refs[0], systems[k]))
    return pairs


def build_megabyte_pair(folder: Path, size: int = 1_000_000) -> tuple[Path, Path]:
    """A reference/machine-translation pair of about ``size`` bytes a side."""
    pairs = wmt_pairs()
    left_parts: list[str] = []
    right_parts: list[str] = []
    total = 0
    k = 0
    while total < size:
        ref, mt = pairs[k % len(pairs)]
        a = ref.read_text(encoding="utf-8").strip() + "\n\n"
        b = mt.read_text(encoding="utf-8").strip() + "\n\n"
        left_parts.append(a)
        right_parts.append(b)
        total += len(a.encode())
        k += 1
    folder.mkdir(parents=True, exist_ok=True)
    left = folder / "left.txt"
    right = folder / "right.txt"
    left.write_text("".join(left_parts), encoding="utf-8")
    right.write_text("".join(right_parts), encoding="utf-8")
    return left, right
