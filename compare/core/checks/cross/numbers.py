"""``number-mismatch``: a number in one version that the aligned passage of the other writes
differently ("12,000" vs "1,200": major) or lacks (minor: dropped or paraphrased). Numbers are read by :mod:`compare.core.text.numbers`,
so "100,000" (en) = "100.000" (de) = "100 000" (fr), "1.5 million" = "1,5 Millionen", and a
number in digits on one side matches the same number written as a word on the other ("3" /
"three" / "drei"). Works across languages.
"""

from __future__ import annotations

import re
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
    stated = {name: _Stated(c, name) for name in (LEFT, RIGHT)}
    for p in aligned_changed(c):
        yield from _number_findings(c, p, stated)


class _Stated:
    """The values each passage of one side states (digits and words), read once per side, and
    in how many passages each value occurs: what the side states outside a passage."""

    def __init__(self, c: Comparison, name: str):
        side = c.side(name)
        self.numbers: list[list[Number]] = []  # each passage's numbers in digits, offsets in the side
        self.values: list[frozenset[float]] = []
        self.passages: Counter[float] = Counter()
        for p in c.passages:
            s, e = p.span(name)
            text = side.text[s:e]
            numbers = [
                Number(n.start + s, n.end + s, n.text, n.values, n.code)
                for n in numbers_in(text, side.language.base)
            ]
            found = frozenset({v for n in numbers for v in n.values} | set(word_numbers(text)))
            self.numbers.append(numbers)
            self.values.append(found)
            self.passages.update(found)

    def elsewhere(self, p: Passage, value: float) -> bool:
        """Whether some passage of this side other than ``p`` states ``value``."""
        return self.passages[value] > (value in self.values[p.index])


def _number_findings(c: Comparison, p: Passage, stated: dict[str, _Stated]) -> Iterator[Finding]:
    left_nums, right_nums = stated[LEFT].numbers[p.index], stated[RIGHT].numbers[p.index]
    if not left_nums and not right_nums:
        return
    same = not c.cross_language
    # A number has a counterpart when the other side writes the same value anywhere in the
    # passage, in digits or in words ("3" / "three" / "drei" / "三"): values, not occurrences,
    # since a translation says "one each" for "1 music, 1 art and 1 PE teacher".
    left_values, right_values = stated[LEFT].values[p.index], stated[RIGHT].values[p.index]
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
    # The digits of a code ("COVID-19", "MH-17") are part of a name. A code the other version
    # writes with other digits ("MH-71") is a wrong code. In the same language a code rendered in
    # words ("the epidemic") is a paraphrase (minor, below); across languages it is how the other
    # language names the thing ("新冠" is COVID-19): no number is missing.
    prefixes = {
        name: _code_prefix(c.side(name).text, stated[name].numbers[p.index]) for name in (LEFT, RIGHT)
    }
    if not same:
        for name, rest in ((LEFT, unmatched_left), (RIGHT, unmatched_right)):
            others = set(prefixes[other_side(name)].values())
            rest[:] = [n for n in rest if not n.code or prefixes[name][id(n)] in others]
    # A number on each side without a counterpart is a wrong number (major); a number on one
    # side only was dropped or paraphrased ("COVID-19" -> "the epidemic", "in 2021" -> "this
    # year"): an omission, minor. Codes pair only with codes of the same letters.
    lefts = [n for n in unmatched_left if not n.code]
    rights = [n for n in unmatched_right if not n.code]
    pairs = list(zip(lefts, rights, strict=False))
    for ln in (n for n in unmatched_left if n.code):
        for rn in unmatched_right:
            if (
                rn.code
                and prefixes[RIGHT][id(rn)] == prefixes[LEFT][id(ln)]
                and all(id(rn) != id(b) for _, b in pairs)
            ):
                pairs.append((ln, rn))
                break
    paired: set[int] = set()
    for ln, rn in pairs:
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
    # A number both versions state elsewhere in the article that only one repeats here is a
    # known fact mentioned once less ("the 3 universities" after "3 Ivy League universities";
    # "the epidemic" after "COVID-19"): no fact is lost, so it is not reported. A number the
    # other version never states stays an omission, and a number written differently (above)
    # stays wrong however often both state it.
    for name, rest in ((LEFT, unmatched_left), (RIGHT, unmatched_right)):
        mine, theirs = stated[name], stated[other_side(name)]
        for n in rest:
            if id(n) in paired or any(mine.elsewhere(p, v) and theirs.elsewhere(p, v) for v in n.values):
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


_CODE_LETTERS = re.compile(r"([^\W\d_]+)[-‐‑]$")


def _code_prefix(text: str, numbers: list[Number]) -> dict[int, str]:
    """The letters before each code's digits ("covid" of "COVID-19"), by ``id`` of the number."""
    out: dict[int, str] = {}
    for n in numbers:
        if n.code:
            m = _CODE_LETTERS.search(text, max(0, n.start - 40), n.start)
            out[id(n)] = m.group(1).casefold() if m else ""
    return out
