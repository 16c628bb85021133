"""The WMT articles of ../shared/data, as the engine tests read them (one place for where they are,
how an article's files are told apart, and the skip when they are absent)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass(frozen=True)
class Article:
    folder: Path
    references: list[Path]  # reference*.txt, sorted
    systems: list[Path]  # the machine translations, sorted


def articles() -> list[Article]:
    """Every WMT 2021 and 2022 article with a reference and a machine translation (the test is
    skipped, saying why, where the data is absent)."""
    if not (DATA / "wmt21").is_dir():
        pytest.skip(f"the WMT texts are not at {DATA} (they ship beside the repository)")
    out = []
    for folder in sorted(DATA.glob("wmt2*/*/*")):
        references = sorted(folder.glob("reference*.txt"))
        systems = sorted(p for p in folder.glob("*.txt") if not p.name.startswith(("reference", "source")))
        if references and systems:
            out.append(Article(folder, references, systems))
    return out
