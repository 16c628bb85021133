"""What a batch run reads and writes: pairs, one record per pair, and the run's own errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compare.core.errors import CompareError

TOP = 3  # top-ranked passages in each record
SUMMARY, RECORDS = "index.html", "pairs.jsonl"


class BatchError(CompareError):
    """The run itself cannot happen (no pairs, an unreadable list, no output folder)."""


@dataclass(frozen=True)
class Pair:
    name: str
    left: str
    right: str


@dataclass
class PairResult:
    """What one pair gave: counts and links, or the sentence saying why it was skipped."""

    name: str
    left: str
    right: str
    error: str | None = None
    passages: int = 0
    divergent: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    top: list[dict[str, Any]] = field(default_factory=list)
    attention: float = 0.0
    report: str | None = None
    review: str | None = None

    @property
    def differs(self) -> bool:
        return self.error is not None or self.divergent > 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "left": self.left, "right": self.right}
        if self.error is not None:
            out["error"] = self.error
            return out
        out.update(
            passages=self.passages,
            divergent=self.divergent,
            findings=self.findings,
            attention=self.attention,
            top=self.top,
            report=self.report,
            review=self.review,
        )
        return out
