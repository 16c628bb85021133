"""What the cross-version rules share: sides, spans of passages, and how a finding is made."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from compare.core.checks.finding import Finding, Scope, Severity
from compare.core.diff.comparison import EQUAL, Side
from compare.core.text.segmentation import trim_span

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.diff.comparison import Comparison, Passage

LEFT, RIGHT = "left", "right"

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def other_side(side: str) -> str:
    return RIGHT if side == LEFT else LEFT


def content_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    return trim_span(text, span)


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def neighbour_spans(c: Comparison, p: Passage, side: str) -> list[tuple[int, int]]:
    """Spans on ``side`` of the passages next to ``p`` that have text on ``side`` only.

    A sentence the aligner left on its own beside a passage often belongs with it: what is
    missing from the passage may be there.
    """
    out = []
    only = "left-only" if side == LEFT else "right-only"
    for k in (p.index - 1, p.index + 1):
        if 0 <= k < len(c.passages) and c.passages[k].kind == only:
            out.append(c.passages[k].span(side))
    return out


def cross_finding(
    rule: str,
    severity: Severity,
    side: str,
    start: int,
    end: int,
    message: str,
    suggestion: str | None,
    passage: int,
    pattern: str | None = None,
) -> Finding:
    """A finding of a cross-version rule, on ``side`` of passage ``passage`` (``pattern``: see
    :func:`~compare.core.checks.finding.fold_repeats`)."""
    return Finding(
        rule, severity, start, end, message, suggestion, Side(side), passage, Scope.CROSS, pattern=pattern
    )


def aligned_changed(c: Comparison) -> Iterator[Passage]:
    """Passages with text on both sides that are not identical."""
    for p in c.passages:
        if p.kind != EQUAL and p.left_segments and p.right_segments:
            yield p
