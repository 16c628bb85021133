"""The compiled diff-match-patch gives the pure-Python one's diffs, token for token.

The word diff uses ``fast_diff_match_patch`` (C++) where it is installed and the pure-Python
``diff_match_patch`` otherwise (no wheels past Python 3.12); a report must not depend on which.
Compared on the real news of ../shared/data (references against machine translations, whole
articles and passage by passage) and on edge cases: empty, identical, and the astral private-use
code points that stand for words past the 6,400th distinct one.
"""

from __future__ import annotations

import random

import pytest
from diff_match_patch import diff_match_patch

from compare.core.diff import worddiff
from compare.core.diff.worddiff import tokenize, word_diff
from tests.unit.core import wmt

fast = pytest.importorskip("fast_diff_match_patch", reason="the compiled diff-match-patch is not installed")

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0


def _python(a: str, b: str) -> list[tuple[int, str]]:
    return list(_dmp.diff_main(a, b, False))


def _encoded(left: str, right: str) -> tuple[str, str]:
    table: dict[str, str] = {}
    return (
        worddiff._encode(left, tokenize(left), table),
        worddiff._encode(right, tokenize(right), table),
    )


def _real_pairs() -> list[tuple[str, str]]:
    return [
        (a.references[0].read_text(encoding="utf-8"), mt.read_text(encoding="utf-8"))
        for a in wmt.articles()
        for mt in a.systems[:2]
    ]


@pytest.mark.data
def test_the_same_diffs_on_real_articles() -> None:
    pairs = _real_pairs()
    assert len(pairs) > 50
    for left, right in pairs:
        a, b = _encoded(left, right)
        assert worddiff._diff_main(a, b) == _python(a, b)
        for pl, pr in zip(left.split("\n\n"), right.split("\n\n"), strict=False):
            a, b = _encoded(pl, pr)
            assert worddiff._diff_main(a, b) == _python(a, b)


@pytest.mark.data
def test_the_same_word_changes_without_the_compiled_library(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _real_pairs()[:40]
    jobs = [
        (pl, pr)
        for left, right in pairs
        for pl, pr in zip(left.split("\n\n"), right.split("\n\n"), strict=False)
    ]
    compiled = [word_diff(pl, (0, len(pl)), pr, (0, len(pr)), "en") for pl, pr in jobs]
    monkeypatch.setattr(worddiff, "_fast", None)
    python = [word_diff(pl, (0, len(pl)), pr, (0, len(pr)), "en") for pl, pr in jobs]
    assert compiled == python


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", ""),
        ("", "abc"),
        ("abc", ""),
        ("same text", "same text"),
        ("\ue000\ue001\ue002", "\ue002\ue001\ue000"),
        ("\U000f0000\U000f0001x", "x\U000f0001\U000f0000"),
        ("a\U00100000b\U0010fffd", "\U00100000ab\U0010fffd\U00100000"),
        ("😀 emoji 𝐀", "𝐀 emoji 😀!"),
    ],
)
def test_the_same_diffs_on_edge_cases(a: str, b: str) -> None:
    assert worddiff._diff_main(a, b) == _python(a, b)


def test_the_same_diffs_past_the_basic_plane() -> None:
    """Over 6,400 distinct words: the later ones stand as astral code points."""
    rng = random.Random(15)
    words = [f"w{k}" for k in range(9000)]
    left = list(words)
    right = list(words)
    for _ in range(60):
        k = rng.randrange(len(right))
        op = rng.choice(("drop", "add", "swap"))
        if op == "drop":
            del right[k]
        elif op == "add":
            right.insert(k, f"new{k}")
        else:
            j = rng.randrange(len(right))
            right[k], right[j] = right[j], right[k]
    a, b = _encoded(" ".join(left), " ".join(right))
    assert max(map(ord, a)) > 0xFFFF
    assert worddiff._diff_main(a, b) == _python(a, b)
