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


# --- one split of the articles for every benchmark that fits anything --------------------------
# Thresholds and weights are fitted on the "fit" part only; figures that claim to hold on unseen
# news are printed for the "held-out" part. The split is fixed by a hash of each article's folder
# name, half of each (corpus, language pair) in each part, so it never depends on what a run finds.

FIT, HELD_OUT = "fit", "held-out"


def articles(corpora: tuple[str, ...] = ("wmt21", "wmt22")) -> list[Path]:
    """Every article folder of the WMT corpora in ``shared/data`` (corpus/pair/article)."""
    out: list[Path] = []
    for corpus in corpora:
        out.extend(sorted((DATA / corpus).glob("*/*")))
    return [p for p in out if p.is_dir()]


def article_id(folder: Path) -> str:
    """``wmt22/zh-en/62d6…`` for an article folder."""
    return "/".join(folder.parts[-3:])


def _split() -> dict[str, str]:
    import hashlib

    groups: dict[tuple[str, str], list[str]] = {}
    for folder in articles():
        ident = article_id(folder)
        corpus, pair, _ = ident.split("/")
        groups.setdefault((corpus, pair), []).append(ident)
    part: dict[str, str] = {}
    for idents in groups.values():
        ranked = sorted(idents, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
        for k, ident in enumerate(ranked):
            part[ident] = FIT if k < (len(ranked) + 1) // 2 else HELD_OUT
    return part


def part_of(folder: Path) -> str:
    """ "fit" or "held-out" for an article folder (see above)."""
    return _split()[article_id(folder)]


def articles_in(part: str, corpora: tuple[str, ...] = ("wmt21", "wmt22")) -> list[Path]:
    return [a for a in articles(corpora) if part_of(a) == part]
