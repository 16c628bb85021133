"""What the checks report: one :class:`Finding` type for every rule, and the severity order.

A finding of a single text (``news-compare check``) has no side and no passage; the analysis of a
comparison places every finding on its side and in its passage (:mod:`compare.core.analysis`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
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
    ``suggestion``, when not None, replaces it."""

    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str | None = None
    side: Side | None = None  # None for a text checked on its own
    passage: int | None = None  # the passage that holds ``start``, once placed in a comparison
    scope: Scope = Scope.VERSION

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
        )
        if self.side is not None:
            out["passage"] = self.passage
            out["scope"] = str(self.scope)
        return out
