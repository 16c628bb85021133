"""Structural differences between aligned versions: quotations, passages on one side only,
sentence counts and length ratios."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from compare.core.checks._base import shorten
from compare.core.checks.cross._common import (
    LEFT,
    RIGHT,
    aligned_changed,
    content_span,
    count_words,
    cross_finding,
    other_side,
)
from compare.core.checks.finding import Finding, Severity
from compare.core.checks.quotes import analyse_quotes

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.diff.comparison import Comparison, Passage

#: A passage found on one side only is major from this many words on.
SUBSTANTIAL_WORDS = 8


def quotation_count(c: Comparison) -> Iterator[Finding]:
    for p in aligned_changed(c):
        yield from _quotation_findings(c, p)


def passage_one_side(c: Comparison) -> Iterator[Finding]:
    for p in c.passages:
        if p.kind in ("left-only", "right-only"):
            yield from _one_side_findings(c, p)


def sentence_count(c: Comparison) -> Iterator[Finding]:
    for p in aligned_changed(c):
        yield from _sentence_findings(c, p)


def length_ratio(c: Comparison) -> Iterator[Finding]:
    yield from _length_findings(c, [p for p in c.passages if p.left_segments and p.right_segments])


#: A quotation of this many words or more is a quoted statement. Shorter quoted words are mostly
#: terms, titles, names and scare quotes (“Lebensretter”, “super scholars”), which one translator
#: sets in quotation marks and another does not, and one translator's quote of five words is
#: another's of four.
QUOTED_WORDS = 5


def _quotation_lengths(text: str) -> list[int]:
    """The words of each quotation in ``text`` (a passage): pairs, openers closed in a later
    paragraph and closers of a quotation opened in an earlier one, so that a quotation over
    several paragraphs counts in each passage that opens, reopens or closes it, whichever of the
    conventions a translator follows. A closer alone counts as a quotation of no words: where it
    began is not known, and it may be a slip ("„willkürlich“ testen“")."""
    qa = analyse_quotes(text)
    spans = [(o + 1, c) for o, c in qa.pairs] + [(o + 1, len(text)) for o in qa.unclosed]
    return [count_words(text[s:e]) for s, e in spans] + [0] * len(qa.stray_closers)


def _quotation_findings(c: Comparison, p: Passage) -> Iterator[Finding]:
    """A passage with fewer quotations of any length than the other version has quoted
    statements: a statement lost or turned into reported speech. (Counting statements on one
    side against all quotations on the other keeps a term quoted by one translator only, or a
    quote of five words that is four in the other version, from counting.)"""
    lengths = {}
    for name in (LEFT, RIGHT):
        s, e = p.span(name)
        lengths[name] = _quotation_lengths(c.side(name).text[s:e])
    for fewer in (LEFT, RIGHT):
        n = len(lengths[fewer])
        m = sum(1 for k in lengths[other_side(fewer)] if k >= QUOTED_WORDS)
        if m <= n:
            continue
        s, e = content_span(c.side(fewer).text, p.span(fewer))
        yield cross_finding(
            "quotation-count",
            Severity.MINOR,
            fewer,
            s,
            e,
            f"This passage has {_quotations(n)} where the other version quotes {m} statement"
            f"{'s' if m != 1 else ''}: a quotation may have been lost or turned into reported speech.",
            None,
            p.index,
        )


def _quotations(n: int) -> str:
    return "no quotation" if n == 0 else ("1 quotation" if n == 1 else f"{n} quotations")


def _one_side_findings(c: Comparison, p: Passage) -> Iterator[Finding]:
    name = LEFT if p.kind == "left-only" else RIGHT
    text = c.side(name).text
    s, e = content_span(text, p.span(name))
    if s >= e:
        return
    n = count_words(text[s:e])
    severity = Severity.MAJOR if n >= SUBSTANTIAL_WORDS else Severity.MINOR
    yield cross_finding(
        "passage-one-side",
        severity,
        name,
        s,
        e,
        f"This passage ({n} word{'s' if n != 1 else ''}) is only in the {name} version: "
        f"“{shorten(text[s:e], 60)}”.",
        None,
        p.index,
    )


def _sentence_findings(c: Comparison, p: Passage) -> Iterator[Finding]:
    nl, nr = len(p.left_segments), len(p.right_segments)
    if nl == nr or not nl or not nr:
        return
    more = LEFT if nl > nr else RIGHT
    side = c.side(more)
    segs = p.segments(more)
    # Point at the first break the other version does not have: the end of a sentence and the
    # start of the next one ("Russia. West").
    s = side.segmentation.sentences[segs[0]][1] - 1
    e = min(side.segmentation.sentences[segs[1]][0] + 1, len(side.text))
    k, m = max(nl, nr), min(nl, nr)
    yield cross_finding(
        "sentence-count",
        Severity.INFO,
        more,
        max(0, s),
        e,
        f"This passage is {k} sentences here but {m} in the other version: "
        "a sentence may have been split (or merged) by mistake.",
        None,
        p.index,
    )


#: An aligned passage is an outlier when its length ratio is this far (as a factor) from the
#: article's usual ratio, and the longer side has at least LENGTH_MIN_EXTRA more characters
#: than the ratio predicts.
LENGTH_FACTOR = 1.8
LENGTH_MIN_EXTRA = 40


def _length_findings(c: Comparison, aligned: list[Passage]) -> Iterator[Finding]:
    lens = []
    for p in aligned:
        a = len(c.left.text[p.left[0] : p.left[1]].strip())
        b = len(c.right.text[p.right[0] : p.right[1]].strip())
        lens.append((p, a, b))
    ta = sum(a for _, a, _ in lens)
    tb = sum(b for _, _, b in lens)
    if len(lens) < 3 or ta == 0 or tb == 0:
        return
    usual = tb / ta  # right characters per left character, over the article
    limit = math.log(LENGTH_FACTOR)
    for p, a, b in lens:
        if p.kind == "equal":
            continue
        expected_b = a * usual
        dev = math.log((b + 10) / (expected_b + 10))
        if abs(dev) <= limit:
            continue
        if dev > 0:
            longer, extra = RIGHT, b - expected_b
            factor = (b + 10) / (expected_b + 10)
        else:
            longer, extra = LEFT, (expected_b - b) / usual
            factor = (expected_b + 10) / (b + 10)
        if extra < LENGTH_MIN_EXTRA:
            continue
        s, e = content_span(c.side(longer).text, p.span(longer))
        yield cross_finding(
            "length-ratio",
            Severity.MINOR,
            longer,
            s,
            e,
            f"This passage is {factor:.1f} times as long as expected from its counterpart in the "
            "other version: it may hold something the other lacks.",
            None,
            p.index,
        )
