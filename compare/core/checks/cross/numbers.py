"""``number-mismatch``: a number in one version that the aligned passage of the other lacks or
writes differently ("12,000" vs "1,200"). Numbers are read by :mod:`compare.core.text.numbers`,
so "100,000" (en) = "100.000" (de) = "100 000" (fr), "1.5 million" = "1,5 Millionen", and a
number in digits on one side matches the same number written as a word on the other ("3" /
"three" / "drei"). Works across languages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from compare.core.checks.cross._common import (
    LEFT,
    RIGHT,
    aligned_changed,
    cross_finding,
    neighbour_spans,
    other_side,
)
from compare.core.checks.finding import Finding, Severity
from compare.core.text.numbers import Number, numbers_in, word_numbers

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.diff.comparison import Comparison, Passage


def number_mismatch(c: Comparison) -> Iterator[Finding]:
    for p in aligned_changed(c):
        yield from _number_findings(c, p)


def _number_findings(c: Comparison, p: Passage) -> Iterator[Finding]:
    sides = {}
    for name in (LEFT, RIGHT):
        side = c.side(name)
        s, e = p.span(name)
        text = side.text[s:e]
        nums = [
            Number(n.start + s, n.end + s, n.text, n.values) for n in numbers_in(text, side.language.base)
        ]
        sides[name] = (nums, word_numbers(text))
    left_nums, left_words = sides[LEFT]
    right_nums, right_words = sides[RIGHT]
    if not left_nums and not right_nums:
        return
    # Match equal values one to one (a number may stand for itself times a scale word).
    unmatched_right = list(right_nums)
    unmatched_left: list[Number] = []
    for n in left_nums:
        for k, r in enumerate(unmatched_right):
            if n.values & r.values:
                del unmatched_right[k]
                break
        else:
            unmatched_left.append(n)

    def excused(n: Number, words: Counter[float]) -> bool:
        # "3" on one side, "three"/"drei" on the other; one-digit numbers that vanish
        # are often rephrased ("1 of the 2" → "one of both") and are let go if a word is there.
        for v in n.values:
            if words.get(v, 0) > 0:
                words[v] -= 1
                return True
        return False

    unmatched_left = [n for n in unmatched_left if not excused(n, right_words)]
    unmatched_right = [n for n in unmatched_right if not excused(n, left_words)]
    for name, rest in ((LEFT, unmatched_left), (RIGHT, unmatched_right)):
        other = other_side(name)
        side = c.side(other)
        nearby = {
            v
            for s, e in neighbour_spans(c, p, other)
            for n in numbers_in(side.text[s:e], side.language.base)
            for v in n.values
        }
        rest[:] = [n for n in rest if not (n.values & nearby)]
    same = not c.cross_language
    for ln, rn in zip(unmatched_left, unmatched_right, strict=False):
        yield cross_finding(
            "number-mismatch",
            Severity.MAJOR,
            RIGHT,
            rn.start,
            rn.end,
            f"The number “{rn.text}” here is “{ln.text}” in the other version.",
            ln.text if same else None,
            p.index,
        )
    k = min(len(unmatched_left), len(unmatched_right))
    for name, rest in ((LEFT, unmatched_left[k:]), (RIGHT, unmatched_right[k:])):
        for n in rest:
            yield cross_finding(
                "number-mismatch",
                Severity.MAJOR,
                name,
                n.start,
                n.end,
                f"The number “{n.text}” is missing from the other version of this passage.",
                None,
                p.index,
            )
