"""Findings of a comparison in one list, and passages ranked with them.

Single-version artifact checks run on both sides, cross-version checks on the aligned
passages; each finding is tied to its side and passage, and every passage's
divergence is recomputed so that passages most likely to change the meaning sort
first (see :mod:`compare.core.analysis.ranking`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from compare.core.diff.comparison import Comparison


@dataclass(frozen=True)
class SideFinding:
    """A finding located in one version of a comparison."""

    side: str  # "left" | "right"
    rule: str
    severity: str  # "major" | "minor" | "info"
    start: int
    end: int
    message: str
    suggestion: str | None
    passage: int | None  # the passage that holds ``start``
    scope: str  # "version" (one text on its own) or "cross" (the two versions compared)

    def to_json(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
            "passage": self.passage,
            "scope": self.scope,
        }


def findings_of(comparison: Comparison) -> tuple[SideFinding, ...]:
    from compare.core.analysis.ranking import all_findings, locate

    out = []
    for item in all_findings(comparison):
        if isinstance(item, tuple):
            side, f = item
            scope = "version"
            passage = locate(comparison, side, f.start)
        else:
            side, f, scope = item.side, item, "cross"
            passage = item.passage
        out.append(
            SideFinding(
                side=side,
                rule=f.rule,
                severity=str(getattr(f.severity, "value", f.severity)),
                start=f.start,
                end=f.end,
                message=f.message,
                suggestion=f.suggestion,
                passage=passage,
                scope=scope,
            )
        )
    out.sort(key=lambda f: (f.passage if f.passage is not None else -1, f.side, f.start, f.rule))
    return tuple(out)


def analyse(comparison: Comparison) -> Comparison:
    """The comparison with its findings attached and its passages ranked by them."""
    from compare.core.analysis.ranking import with_ranked_divergence

    findings = findings_of(comparison)
    ranked = with_ranked_divergence(comparison, findings)
    return dataclasses.replace(ranked, findings=findings)
