"""Cross-version checks: what differs between two aligned versions of an article.

``check_comparison(comparison)`` runs the rules of :data:`CROSS_RULES` over the aligned passages
of a :class:`~compare.core.diff.comparison.Comparison` and returns :class:`Finding` objects, each
on one side with offsets into that side's text (end exclusive) and the index of its passage.
A rule marked ``same_language_only`` does not run across languages (there is no word diff to
compare names, quotations or sentence counts by).

- ``number-mismatch`` (:mod:`.numbers`): a number the other version writes differently (major)
  or lacks (minor: dropped or paraphrased).
- ``name-mismatch`` (minor, :mod:`.names`): a proper name missing from the other version.
- ``quotation-count`` (minor): one version quotes more statements than the other has quotations
  (a quotation lost or turned into reported speech; quoted terms and titles do not count).
- ``passage-one-side`` (major when substantial, minor when short): a passage in one version only.
- ``sentence-count`` (info): different numbers of sentences, the signature of a sentence split
  or merged by a stray period.
- ``length-ratio`` (minor): a length ratio far from the article's usual one (something added or
  dropped), useful across languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.core.checks.cross.names import name_mismatch
from compare.core.checks.cross.numbers import number_mismatch
from compare.core.checks.cross.structure import (
    length_ratio,
    passage_one_side,
    quotation_count,
    sentence_count,
)
from compare.core.checks.finding import Finding, Severity, fold_repeats

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.diff.comparison import Comparison

__all__ = ["CROSS_RULES", "CrossRule", "check_comparison"]


@dataclass(frozen=True)
class CrossRule:
    id: str
    severity: Severity  # the usual severity (passage-one-side is major or minor by length)
    description: str
    same_language_only: bool
    check: Callable[[Comparison], Iterator[Finding]]


CROSS_RULES: dict[str, CrossRule] = {
    r.id: r
    for r in (
        CrossRule("number-mismatch", Severity.MAJOR,
                  "A number in one version that the aligned passage of the other lacks or writes differently.",
                  False, number_mismatch),
        CrossRule("name-mismatch", Severity.MINOR,
                  "A proper name in one version that the aligned passage of the other lacks.", True, name_mismatch),
        CrossRule("quotation-count", Severity.MINOR, "Aligned passages with different numbers of quotations.",
                  True, quotation_count),
        CrossRule("passage-one-side", Severity.MAJOR,
                  "A passage present in one version only (major when substantial, minor when short).",
                  False, passage_one_side),
        CrossRule("sentence-count", Severity.INFO,
                  "Aligned passages with different numbers of sentences (a sentence split or merged).",
                  True, sentence_count),
        CrossRule("length-ratio", Severity.MINOR,
                  "Aligned passages whose length ratio is far from the article's usual ratio.", False, length_ratio),
    )
}  # fmt: skip


def check_comparison(
    comparison: Comparison,
    rules: Iterable[str] | None = None,
    found: Mapping[str, Callable[[], Sequence[Finding] | None]] | None = None,
) -> list[Finding]:
    """Every cross-version finding, sorted by passage, side and offset.

    ``rules`` restricts the run to those rule ids (default: all of :data:`CROSS_RULES`).
    ``found`` maps rule ids to where their findings for this comparison are being found already
    (a child process, :func:`compare.core.analysis.analysis.analyse`): each is asked after the
    other rules have run, and the rule runs here only when it answers None.
    """
    ids = list(CROSS_RULES) if rules is None else list(rules)
    unknown = sorted(set(ids) - set(CROSS_RULES))
    if unknown:
        raise KeyError(f"unknown cross rule id(s): {', '.join(unknown)}")
    ids = [i for i in ids if not (CROSS_RULES[i].same_language_only and comparison.cross_language)]
    later = found or {}
    by_rule = {i: list(CROSS_RULES[i].check(comparison)) for i in ids if i not in later}
    for i in ids:
        if i in later:
            answer = later[i]()
            by_rule[i] = list(CROSS_RULES[i].check(comparison)) if answer is None else list(answer)
    out = [f for i in ids for f in by_rule[i]]
    out = fold_repeats(out)
    out.sort(
        key=lambda f: (f.passage if f.passage is not None else -1, f.side != "left", f.start, f.end, f.rule)
    )
    return out
