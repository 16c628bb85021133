"""Rank passages by how likely they are to change the meaning, findings included.

The engine's divergence is the raw amount of change of a passage (changed words, not divided
by the length, mapped to 0..1 by :func:`~compare.core.diff.comparison.divergence_of`). The ranking
starts from the same amount, unrounded, adds :data:`CAPITAL_WEIGHT` for every changed word that
starts with a capital letter, and adds the findings located in the passage as so many changed
words each, by rule and severity (:data:`RULE_WEIGHTS`, :data:`SEVERITY_WEIGHTS`). The sum is
mapped to 0..1 by :func:`ranked_divergence_of` (``x / (x + 8)``: the engine's scale for small
amounts, but it never saturates), so an identical passage with no finding stays 0 and sorting
by the new divergence puts the passages most likely to need an editor first. The values are not
on the engine's scale: use them to sort, not against the engine's thresholds.

Findings are :class:`~compare.core.checks.finding.Finding` objects placed on their side and passage
(see :func:`compare.core.analysis.analysis.analyse`).

Meaning first: in a same-language comparison the score of a changed passage also counts the
content words without a counterpart on the other side (same word, or the same first five letters,
so order and inflection do not count), each weighted by its rarity (``7 - Zipf``, see
:mod:`compare.core.text.frequency`), separately for each side, and the numbers and capitalised
words without a counterpart. :func:`passage_features` computes them; the weights in
``ranking_weights.json`` were fitted on the "fit" articles only, by ``bench/fit_ranking.py``
(a pairwise logistic regression on ``log1p`` of each feature, the within-article AUC's smooth form).
"""

from __future__ import annotations

import bisect
import json
import math
import re
import weakref
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources

from compare.core.checks.finding import Finding, Severity
from compare.core.diff.comparison import EQUAL, LEFT_ONLY, RIGHT_ONLY, Comparison, Passage
from compare.core.diff.worddiff import changed_words
from compare.core.text.frequency import function_words, has_frequencies, zipf
from compare.core.text.numbers import numbers_in
from compare.core.text.segmentation import WORD_RE

__all__ = [
    "CAPITAL_WEIGHT",
    "RULE_WEIGHTS",
    "SEVERITY_WEIGHTS",
    "Facts",
    "capitalised_changes",
    "finding_weight",
    "locate",
    "passage_facts",
    "rank_divergence",
    "ranked_divergence_of",
]

#: Changed words a finding counts for, by severity, when its rule has no weight of its own
#: (the single-version checks).
SEVERITY_WEIGHTS: dict[Severity, float] = {Severity.MAJOR: 6.0, Severity.MINOR: 1.0, Severity.INFO: 0.0}

#: Extra changed words for each changed word that starts with a capital letter: names, and in
#: German every noun, carry more meaning than the small words around them. On WMT 2021 this is
#: the strongest single sign of a major error besides the amount of change (any weight from 4
#: to 16 does about as well; see bench/ranking_auc.py).
CAPITAL_WEIGHT = 6.0

#: Changed words a finding counts for, by rule (measured on WMT 2021 with MQM annotations:
#: see bench/ranking_auc.py). Numbers and names that differ are the cross-version signs of a
#: change of meaning; the word diff already counts a passage found on one side only, and the
#: length ratio repeats what the diff sees in same-language comparisons.
RULE_WEIGHTS: dict[str, float] = {
    "number-mismatch": 8.0,
    "name-mismatch": 2.0,  # mostly counted already by CAPITAL_WEIGHT
    "quotation-count": 8.0,
    "passage-one-side": 0.0,  # the amount of change already counts every word of it
    "sentence-count": 2.0,
    "length-ratio": 4.0,
}

#: Rules whose weight counts only when the comparison is across languages (where there is no
#: word diff to measure the change).
CROSS_LANGUAGE_ONLY = {"length-ratio"}


def finding_weight(f: Finding, cross_language: bool = False) -> float:
    """How many changed words the finding ``f`` counts for."""
    if f.rule in CROSS_LANGUAGE_ONLY and not cross_language:
        return 0.0
    if f.rule in RULE_WEIGHTS:
        return RULE_WEIGHTS[f.rule]
    return SEVERITY_WEIGHTS.get(Severity(f.severity), 0.0)


_STARTS: weakref.WeakKeyDictionary[Comparison, dict[str, list[int]]] = weakref.WeakKeyDictionary()


def _starts(comparison: Comparison, side: str) -> list[int]:
    """Where each passage starts on ``side`` (computed once per comparison)."""
    per_side = _STARTS.setdefault(comparison, {})
    starts = per_side.get(side)
    if starts is None:
        starts = per_side[side] = [p.span(side)[0] for p in comparison.passages]
    return starts


def locate(comparison: Comparison, side: str, offset: int) -> int | None:
    """Index of the passage whose ``side`` span holds ``offset`` (None when there is none)."""
    passages = comparison.passages
    if not passages:
        return None
    k = bisect.bisect_right(_starts(comparison, side), offset) - 1
    k = max(k, 0)
    while k > 0 and passages[k].span(side)[0] == passages[k].span(side)[1]:
        k -= 1  # a passage with nothing on this side holds no offset of it
    return k


def _amount(divergence: float) -> float:
    """The inverse of :func:`divergence_of`: changed words from a divergence."""
    if divergence <= 0:
        return 0.0
    if divergence >= 1:
        return 200.0
    return -8.0 * math.log(1.0 - divergence)


def capitalised_changes(comparison: Comparison, passage: Passage) -> int:
    """Changed words (either side) of ``passage`` that start with a capital letter."""
    n = 0
    for change in passage.changes:
        for side, (s, e) in (("left", change.left), ("right", change.right)):
            text = comparison.side(side).text
            n += sum(1 for w in WORD_RE.findall(text, s, e) if w[0].isupper())
    return n


#: What the score of one passage needs besides its findings: its raw amount of change, the weight of
#: its capitalised changed words, and the last four :data:`FEATURES` (None where the score uses the
#: amount alone: across languages, a passage not changed, a language without word frequencies).
Facts = tuple[float, float, "tuple[float, float, float, float] | None"]


def passage_facts(comparison: Comparison) -> list[Facts]:
    """The :data:`Facts` of every passage: the part of the ranking that needs no findings (nearly
    all its time: a second a megabyte pair), so that it can be computed while the checks run."""
    language = _language(comparison)
    words_weighed = not comparison.cross_language and has_frequencies(language)
    out: list[Facts] = []
    for p in comparison.passages:
        tail = _tail_features(comparison, p, language) if words_weighed and p.kind == "changed" else None
        out.append((_raw_amount(comparison, p), CAPITAL_WEIGHT * capitalised_changes(comparison, p), tail))
    return out


def rank_divergence(
    comparison: Comparison, findings: Iterable[Finding], facts: list[Facts] | None = None
) -> tuple[float, ...]:
    """Each passage's divergence (0..1) with its findings (placed in their passages) and, in a
    same-language comparison, what changed in meaning taken into account. ``facts``: the
    comparison's :func:`passage_facts`, when computed already."""
    if facts is None or len(facts) != len(comparison.passages):
        facts = passage_facts(comparison)
    extra = [capitals for _, capitals, _ in facts]
    for f in findings:
        weight = finding_weight(f, comparison.cross_language)
        if weight <= 0:
            continue
        index = f.passage
        if index is None and f.side is not None:
            index = locate(comparison, f.side, f.start)
        if index is None or not 0 <= index < len(extra):
            continue
        extra[index] += weight
    weights = ranking_weights()
    out = []
    for (raw, _, tail), more in zip(facts, extra, strict=True):
        amount = raw + more
        if amount <= 0:
            out.append(0.0)
            continue
        features = [amount, *(tail or (0.0, 0.0, 0.0, 0.0))]
        score = sum(
            weights[name] * math.log1p(max(0.0, x)) for name, x in zip(FEATURES, features, strict=True)
        )
        out.append(_squash(score))
    return tuple(out)


#: The features of a passage's score, in the order of ``ranking_weights.json``.
FEATURES = ("amount", "rare unmatched (left)", "rare unmatched (right)", "numbers", "capitalised")
_WORD = re.compile(r"\w+")


@cache
def ranking_weights() -> dict[str, float]:
    """The fitted weights (``ranking_weights.json`` beside this module)."""
    data = json.loads(
        resources.files(__package__).joinpath("ranking_weights.json").read_text(encoding="utf-8")
    )
    return {name: float(data["weights"][name]) for name in FEATURES}


def _language(comparison: Comparison) -> str | None:
    for side in (comparison.left, comparison.right):
        if side.language.code != "unknown":
            return side.language.base
    return None


def _unmatched(a: list[str], b: list[str]) -> list[str]:
    """Words of ``a`` without a counterpart in ``b`` (the same word, else the same first five
    letters), one to one."""
    exact = Counter(b)
    stems = Counter(w[:5] for w in b)
    rest, pending = [], []
    for w in a:
        if exact[w] > 0:
            exact[w] -= 1
            stems[w[:5]] -= 1
        else:
            pending.append(w)
    for w in pending:
        if stems[w[:5]] > 0:
            stems[w[:5]] -= 1
        else:
            rest.append(w)
    return rest


_SENTENCE_BREAK = re.compile(r"\s(?<=[.!?:;“”\"„]\s)\s*|\n+")


def _mid_capitals(text: str) -> list[str]:
    out: list[str] = []
    for sentence in _SENTENCE_BREAK.split(text):
        out.extend(w for w in _WORD.findall(sentence)[1:] if w[:1].isupper())
    return out


def passage_features(comparison: Comparison, p: Passage, amount: float, language: str | None) -> list[float]:
    """:data:`FEATURES` of an aligned passage of a same-language comparison: the weighted amount
    of change, the rarity-weighted content words of each side without a counterpart, and the
    numbers and capitalised words without one."""
    return [amount, *_tail_features(comparison, p, language)]


def _tail_features(
    comparison: Comparison, p: Passage, language: str | None
) -> tuple[float, float, float, float]:
    """The :data:`FEATURES` after the amount (see :func:`passage_features`)."""
    a_text = comparison.left.text[p.left[0] : p.left[1]]
    b_text = comparison.right.text[p.right[0] : p.right[1]]
    words_a, words_b = _WORD.findall(a_text), _WORD.findall(b_text)
    a = [w.casefold() for w in words_a]
    b = [w.casefold() for w in words_b]
    function = function_words(language)  # is_function_word, for every word of the passage
    ca = [w for w in a if not w.isdigit() and w.lower() not in function]
    cb = [w for w in b if not w.isdigit() and w.lower() not in function]
    rare_a = sum(max(0.0, 7.0 - zipf(w, language)) for w in _unmatched(ca, cb))
    rare_b = sum(max(0.0, 7.0 - zipf(w, language)) for w in _unmatched(cb, ca))
    na, nb = numbers_in(a_text, language), numbers_in(b_text, language)
    va, vb = {v for n in na for v in n.values}, {v for n in nb for v in n.values}
    numbers = sum(1 for n in na if not n.values & vb) + sum(1 for n in nb if not n.values & va)
    set_a, set_b = set(words_a), set(words_b)
    caps = sum(1 for w in _mid_capitals(a_text) if w not in set_b) + sum(
        1 for w in _mid_capitals(b_text) if w not in set_a
    )
    return (rare_a, rare_b, float(numbers), float(caps))


def _squash(score: float) -> float:
    """A score on the real line to 0..1, keeping its order (a changed passage never reaches 0)."""
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, score))))


def _raw_amount(comparison: Comparison, p: Passage) -> float:
    """The engine's amount of change of ``p`` in words, before it was mapped to 0..1 and rounded."""
    if p.kind == EQUAL:
        return 0.0
    if p.kind in (LEFT_ONLY, RIGHT_ONLY):
        side = "left" if p.kind == LEFT_ONLY else "right"
        return changed_words(comparison.side(side).text, p.span(side))
    if p.changes:
        return max(
            0.1,
            sum(
                changed_words(comparison.left.text, c.left) + changed_words(comparison.right.text, c.right)
                for c in p.changes
            ),
        )
    return _amount(p.divergence)  # across languages: the length mismatch the engine measured


def ranked_divergence_of(weighted_words: float) -> float:
    """Map weighted changed words to 0..1: like the engine's divergence for small amounts (a
    slope of 1/8), but never reaching 1, so that large amounts still sort apart (the engine's
    ``1 - exp(-x/8)`` rounded to four decimals ties everything above about 75 words)."""
    if weighted_words <= 0:
        return 0.0
    return weighted_words / (weighted_words + 8.0)


def score_points(ranked: float) -> float:
    """A passage's ranked score (0..1) back on the additive scale it was squashed from (the sum of
    its weighted log features, the inverse of :func:`_squash`), never below 0: what a batch adds up
    to say how much of an article needs an editor, without the 0..1 scale's ceiling."""
    if ranked <= 0.5:
        return 0.0
    ranked = min(ranked, 1.0 - 1e-16)
    return math.log(ranked / (1.0 - ranked))
