"""``number-mismatch``: a number in one version that the aligned passage of the other writes
differently ("12,000" vs "1,200": major) or lacks (minor: dropped or paraphrased). Numbers are read by :mod:`compare.core.text.numbers`,
so "100,000" (en) = "100.000" (de) = "100 000" (fr), "1.5 million" = "1,5 Millionen", and a
number in digits on one side matches the same number written as a word on the other ("3" /
"three" / "drei"). Works across languages.
"""

from __future__ import annotations

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
            Number(n.start + s, n.end + s, n.text, n.values, n.code)
            for n in numbers_in(text, side.language.base)
        ]
        sides[name] = (nums, text)
    left_nums, left_text = sides[LEFT]
    right_nums, right_text = sides[RIGHT]
    if not left_nums and not right_nums:
        return
    left_words, right_words = word_numbers(left_text), word_numbers(right_text)  # only when needed
    # A number has a counterpart when the other side writes the same value anywhere in the
    # passage, in digits or in words ("3" / "three" / "drei" / "三"): values, not occurrences,
    # since a translation says "one each" for "1 music, 1 art and 1 PE teacher".
    left_values = {v for n in left_nums for v in n.values} | set(left_words)
    right_values = {v for n in right_nums for v in n.values} | set(right_words)
    unmatched_left = [n for n in left_nums if not n.values & right_values]
    unmatched_right = [n for n in right_nums if not n.values & left_values]
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
    # A number on each side without a counterpart is a wrong number (major); a number on one
    # side only was dropped or paraphrased ("COVID-19" -> "the epidemic", "in 2021" -> "this
    # year"): an omission, minor. Digits of a name or code ("Covid-19") never pair as wrong.
    lefts = [n for n in unmatched_left if not n.code]
    rights = [n for n in unmatched_right if not n.code]
    paired: set[int] = set()
    for ln, rn in zip(lefts, rights, strict=False):
        paired.update((id(ln), id(rn)))
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
    for name, rest in ((LEFT, unmatched_left), (RIGHT, unmatched_right)):
        for n in rest:
            if id(n) in paired:
                continue
            yield cross_finding(
                "number-mismatch",
                Severity.MINOR,
                name,
                n.start,
                n.end,
                f"The number “{n.text}” is missing from the other version of this passage.",
                None,
                p.index,
                pattern="".join(n.text.split()),
            )
