"""What the checks report: one :class:`Finding` type for every rule, and the severity order.

A finding of a single text (``news-compare check``) has no side and no passage; the analysis of a
comparison places every finding on its side and in its passage (:mod:`compare.core.analysis`).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from compare.core.diff.comparison import Side


class Severity(enum.StrEnum):
    """How much a finding matters to an editor. The one severity order of the program: compare
    with :attr:`rank` (higher is worse), sort worst first with :func:`worst_first`."""

    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.MAJOR: 2, Severity.MINOR: 1, Severity.INFO: 0}
SEVERITIES = tuple(sorted(Severity, key=lambda s: -s.rank))  # worst first: major, minor, info


def worst_first(severity: Severity | str) -> int:
    """A sort key that puts the worst severity first."""
    return -Severity(severity).rank


class Scope(enum.StrEnum):
    """What a finding was found in: one version on its own, or the two versions compared."""

    VERSION = "version"
    CROSS = "cross"


@dataclass(frozen=True)
class Finding:
    """One thing a check found: ``text[start:end]`` of its side is the snippet, and
    ``suggestion``, when not None, replaces it.

    One finding stands for one defect. A pattern that a version repeats (a tokenizer's spaces
    inside every quotation, "19" of "COVID-19" missing from every passage) is one finding with
    ``count`` occurrences, ``more`` giving where the others are (see :func:`fold_repeats`).
    ``pattern`` is what makes two findings of a rule the same pattern (None: each stands alone).
    """

    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str | None = None
    side: Side | None = None  # None for a text checked on its own
    passage: int | None = None  # the passage that holds ``start``, once placed in a comparison
    scope: Scope = Scope.VERSION
    count: int = 1
    more: tuple[tuple[int, int], ...] = ()
    pattern: str | None = field(default=None, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.side is not None:
            out["side"] = str(self.side)
        out.update(
            rule=self.rule,
            severity=str(self.severity),
            start=self.start,
            end=self.end,
            message=self.message,
            suggestion=self.suggestion,
            count=self.count,
        )
        if self.more:
            out["more"] = [list(span) for span in self.more]
        if self.side is not None:
            out["passage"] = self.passage
            out["scope"] = str(self.scope)
        return out


def fold_repeats(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per pattern: findings of one rule on one side with the same ``pattern`` become
    the first of them, with the count and the places of the others; the rest stay as they are."""
    out: list[Finding] = []
    groups: dict[tuple[Any, ...], list[Finding]] = {}
    for f in findings:
        if f.pattern is None:
            out.append(f)
        else:
            groups.setdefault((f.side, f.rule, f.severity, f.pattern), []).append(f)
    for group in groups.values():
        group.sort(key=lambda f: (f.start, f.end))
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        n = len(group) - 1
        out.append(
            dataclasses.replace(
                first,
                count=len(group),
                more=tuple((f.start, f.end) for f in group[1:]),
                message=f"{first.message} The same occurs {n} more time{'s' if n > 1 else ''} in this version.",
            )
        )
    return out
