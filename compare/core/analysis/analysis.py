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

from compare.core.analysis.beside import Beside, Checked
from compare.core.analysis.ranking import Facts, locate, passage_facts, rank_divergence
from compare.core.checks import check_text
from compare.core.checks.cross import CROSS_RULES, check_comparison
from compare.core.checks.finding import Finding, Scope
from compare.core.checks.glossary import Glossary, forbidden_forms, missing_translations
from compare.core.diff.comparison import SIDES, Comparison, Side
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


def version_findings(
    comparison: Comparison, checked: Checked | None = None, progress: Progress | None = None
) -> list[Finding]:
    """The single-version findings of both sides, each placed on its side and passage.
    ``checked``: the findings of each side found already (:mod:`compare.core.analysis.beside`),
    taken where they were found for the same text in the same language."""
    out = []
    for k, side in enumerate(SIDES):
        report(progress, CHECKING, k, 3)
        version = comparison.side(side)
        language = version.language.base if version.language.code != UNKNOWN else None
        if checked is not None and checked[k][0] == version.text and checked[k][1] == language:
            found = checked[k][2]
        else:
            found = check_text(version.text, language)
        for f in found:
            out.append(
                dataclasses.replace(
                    f, side=side, passage=locate(comparison, side, f.start), scope=Scope.VERSION
                )
            )
    return out


def shared_defects(comparison: Comparison, findings: list[Finding]) -> list[Finding]:
    """One finding for a defect both versions have in the same passage.

    An unbalanced quotation or a repeated sentence that the other version has at the same place
    came from the text both were made from, not from one of them: it is one defect, reported on
    the right (the base being cleaned by default), and its message says so. A finding with a
    mechanical fix names its words ("the the"): its twin must flag the same words after the
    same word, or the two are two slips; one without a fix (a quotation left open) is a twin by rule and place alone,
    in any language.
    """

    def key(f: Finding) -> str | None:  # the flagged words and the word before them
        if f.suggestion is None:
            return None
        text = comparison.side(str(f.side)).text
        before = text[max(0, f.start - 40) : f.start].split()[-1:]
        return " ".join([*before, *text[f.start : f.end].split()]).casefold()

    lefts: dict[tuple[str, int, str | None], list[int]] = {}
    for k, f in enumerate(findings):
        if f.scope is Scope.VERSION and f.side is Side.LEFT and f.passage is not None:
            lefts.setdefault((f.rule, f.passage, key(f)), []).append(k)
    dropped: set[int] = set()
    out = list(findings)
    for k, f in enumerate(findings):
        if f.scope is not Scope.VERSION or f.side is not Side.RIGHT or f.passage is None:
            continue
        twins = lefts.get((f.rule, f.passage, key(f)))
        if twins:
            dropped.add(twins.pop(0))
            out[k] = dataclasses.replace(
                f, message=f"{f.message} The other version has it too, at the same place."
            )
    return [f for k, f in enumerate(out) if k not in dropped]


def glossary_findings(comparison: Comparison, glossary: Glossary) -> list[Finding]:
    """The house glossary's findings (:mod:`compare.core.checks.glossary`), placed."""
    out = [
        dataclasses.replace(f, side=side, passage=locate(comparison, side, f.start), scope=Scope.VERSION)
        for side in SIDES
        for f in forbidden_forms(comparison.side(side).text, glossary)
    ]
    return out + missing_translations(comparison, glossary)


#: The cross-version rule the child of :func:`analyse` runs beside the others: on a megabyte pair
#: it and the ranking's facts take about as long as the rest of the cross-version checks.
BESIDE_RULE = "number-mismatch"


def _beside(comparison: Comparison) -> tuple[list[Facts], list[Finding]]:
    return passage_facts(comparison), list(CROSS_RULES[BESIDE_RULE].check(comparison))


class _FactsChild:
    """What a child computes while :func:`analyse` runs the other checks: the ranking's facts of
    every passage and the findings of :data:`BESIDE_RULE` (None for either: compute it here)."""

    def __init__(self, comparison: Comparison) -> None:
        size = len(comparison.left.text) + len(comparison.right.text)
        self.child = Beside(_beside, comparison, size=size)
        self._answer: tuple[list[Facts], list[Finding]] | None = None
        self._asked = False

    def _take(self) -> tuple[list[Facts], list[Finding]] | None:
        if not self._asked:
            self._asked = True
            got = self.child.result()
            if isinstance(got, tuple) and len(got) == 2:
                self._answer = got
        return self._answer

    def numbers(self) -> list[Finding] | None:
        answer = self._take()
        return None if answer is None else answer[1]

    def facts(self) -> list[Facts] | None:
        answer = self._take()
        return None if answer is None else answer[0]


def analyse(
    comparison: Comparison,
    glossary: Glossary | None = None,
    checked: Checked | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Check both versions and the passages between them (and against ``glossary``, when given),
    and rank the passages. ``checked``: see :func:`version_findings`. ``progress`` hears the
    checks done of three: each version, then the passages between them
    (:mod:`compare.core.progress`)."""
    beside = _FactsChild(comparison)  # on a large pair, a child (nothing to wait for on a small one)
    try:
        findings = shared_defects(comparison, version_findings(comparison, checked, progress))
        report(progress, CHECKING, 2, 3)
        later = {BESIDE_RULE: beside.numbers} if beside.child.running else None
        findings += check_comparison(comparison, found=later)
        if glossary is not None:
            findings += glossary_findings(comparison, glossary)
        report(progress, CHECKING, 3, 3)
        facts = beside.facts()
    finally:
        beside.child.cancel()
    findings.sort(key=lambda f: (f.passage if f.passage is not None else -1, f.side or "", f.start, f.rule))
    scores = rank_divergence(comparison, findings, facts)
    return Analysis(comparison, tuple(findings), scores, True, glossary)
