"""The analysis of a comparison: one value that the command line, the window and the exports read.

:func:`analyse` runs the single-version artifact checks on both versions and the cross-version
checks on the aligned passages, places every finding on its side and in its passage, and ranks
the passages with them (:mod:`compare.core.analysis.ranking`). The comparison is never changed:
the ranking is a score per passage next to it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

from compare.core.analysis.ranking import locate, rank_divergence
from compare.core.checks import check_text
from compare.core.checks.cross import check_comparison
from compare.core.checks.finding import Finding, Scope
from compare.core.checks.glossary import Glossary, forbidden_forms, missing_translations
from compare.core.diff.comparison import SIDES, Comparison
from compare.core.progress import CHECKING, Progress, report
from compare.core.text.language import UNKNOWN


@dataclass(frozen=True, eq=False)
class Analysis:
    """A comparison, what the checks found in it, and how each passage ranks.

    ``scores[i]`` is passage ``i``'s divergence with its findings taken into account (0 for an
    identical passage without findings); sort by it to see the passages most likely to change the
    meaning first. Without checks (:meth:`unchecked`) it is the engine's own divergence.
    """

    comparison: Comparison
    findings: tuple[Finding, ...]
    scores: tuple[float, ...]
    checked: bool
    glossary: Glossary | None = None  # the house glossary it was checked against, if any

    @classmethod
    def unchecked(cls, comparison: Comparison) -> Analysis:
        return cls(comparison, (), tuple(p.divergence for p in comparison.passages), False)

    def score(self, passage: int) -> float:
        return self.scores[passage]

    @cached_property
    def ranked(self) -> tuple[int, ...]:
        """Passage indices, most divergent first (ties in document order)."""
        return tuple(sorted(range(len(self.scores)), key=lambda i: (-self.scores[i], i)))

    @cached_property
    def by_passage(self) -> dict[int, tuple[Finding, ...]]:
        """The findings that start in each passage."""
        out: dict[int, list[Finding]] = {}
        for f in self.findings:
            if f.passage is not None:
                out.setdefault(f.passage, []).append(f)
        return {k: tuple(v) for k, v in out.items()}


def version_findings(comparison: Comparison, progress: Progress | None = None) -> list[Finding]:
    """The single-version findings of both sides, each placed on its side and passage."""
    out = []
    for k, side in enumerate(SIDES):
        report(progress, CHECKING, k, 3)
        version = comparison.side(side)
        language = version.language.base if version.language.code != UNKNOWN else None
        for f in check_text(version.text, language):
            out.append(
                dataclasses.replace(
                    f, side=side, passage=locate(comparison, side, f.start), scope=Scope.VERSION
                )
            )
    return out


def glossary_findings(comparison: Comparison, glossary: Glossary) -> list[Finding]:
    """The house glossary's findings (:mod:`compare.core.checks.glossary`), placed."""
    out = [
        dataclasses.replace(f, side=side, passage=locate(comparison, side, f.start), scope=Scope.VERSION)
        for side in SIDES
        for f in forbidden_forms(comparison.side(side).text, glossary)
    ]
    return out + missing_translations(comparison, glossary)


def analyse(
    comparison: Comparison, glossary: Glossary | None = None, progress: Progress | None = None
) -> Analysis:
    """Check both versions and the passages between them (and against ``glossary``, when given),
    and rank the passages. ``progress`` hears the checks done of three: each version, then the
    passages between them (:mod:`compare.core.progress`)."""
    findings = version_findings(comparison, progress)
    report(progress, CHECKING, 2, 3)
    findings += check_comparison(comparison)
    if glossary is not None:
        findings += glossary_findings(comparison, glossary)
    report(progress, CHECKING, 3, 3)
    findings.sort(key=lambda f: (f.passage if f.passage is not None else -1, f.side or "", f.start, f.rule))
    return Analysis(comparison, tuple(findings), rank_divergence(comparison, findings), True, glossary)
