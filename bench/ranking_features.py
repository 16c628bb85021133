"""Candidate passage-ranking features for issue 10, fitted on "fit" and judged on "held-out".

For every (article, system) pair of reference (left) against machine translation (right), each
passage gets the features below, computed from ``news-compare diff --format json`` and the two
texts; the figure is the within-article ROC AUC against expert major errors of
``bench/judgments.py`` (its labels and its mean over (article, system) pairs).

Features (words are ``\\w+`` runs, compared casefolded; *content words* are those outside the
language's 150 most frequent words in wordfreq; a word *has a counterpart* when the other side
of the passage holds the same word or one with the same first five letters, so that order and
inflection do not count):

- ``ranking``: the passage's ``divergence`` in the JSON (the engine's current ranking);
- ``1-similarity``: 1 - SequenceMatcher ratio over whitespace tokens;
- ``changed words``: word tokens inside the changes' spans, both sides;
- ``rare unmatched``: content words without a counterpart, each weighted by its rarity
  ``max(0, 7 - zipf)`` (wordfreq), both sides;
- ``rare unmatched (ref)`` / ``(mt)``: the same on one side only (omissions / additions);
- ``unmatched content``: the count of content words without a counterpart, unweighted;
- ``numbers``: numbers (digits, separators removed) on one side and not the other;
- ``capitalised``: words capitalised mid-sentence without a counterpart;
- ``negation``: the difference in the count of negation words;
- ``length``: words on the MT side (a control: long passages hold more errors).

Then linear combinations of the features on a log scale, their weights fitted on the fit part by
a pairwise logistic regression (error against no-error passage of the same article and system,
which is what the within-article AUC counts), and their AUC on held-out. Run: ``.venv/bin/python bench/ranking_features.py``
(needs ``pip install wordfreq``).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import judgments as J

try:
    from wordfreq import top_n_list, zipf_frequency
except ImportError:  # pragma: no cover
    sys.exit("these features need the wordfreq package: .venv/bin/pip install wordfreq")

from _data import FIT, HELD_OUT, articles_in

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
NEGATIONS = {
    "en": {"not", "no", "never", "without", "nor", "none", "nothing", "nobody", "neither", "cannot", "t"},
    "de": {
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "ohne",
        "weder",
        "nichts",
        "niemand",
    },
}
_FUNCTION: dict[str, frozenset[str]] = {}
_ZIPF: dict[tuple[str, str], float] = {}


def function_words(lang: str) -> frozenset[str]:
    if lang not in _FUNCTION:
        _FUNCTION[lang] = frozenset(top_n_list(lang, 150))
    return _FUNCTION[lang]


def rarity(word: str, lang: str) -> float:
    key = (word, lang)
    if key not in _ZIPF:
        _ZIPF[key] = zipf_frequency(word, lang)
    return max(0.0, 7.0 - _ZIPF[key])


def _stem(word: str) -> str:
    return word[:5]


def unmatched(a: list[str], b: list[str]) -> list[str]:
    """Words of ``a`` without a counterpart in ``b`` (same word, else same first five letters),
    one to one."""
    exact = Counter(b)
    stems = Counter(_stem(w) for w in b)
    rest = []
    pending = []
    for w in a:
        if exact[w] > 0:
            exact[w] -= 1
            stems[_stem(w)] -= 1
        else:
            pending.append(w)
    for w in pending:
        if stems[_stem(w)] > 0:
            stems[_stem(w)] -= 1
        else:
            rest.append(w)
    return rest


def mid_capitals(text: str) -> list[str]:
    out = []
    for sentence in re.split(r"(?<=[.!?:;“”\"„])\s+|\n+", text):
        words = _WORD.findall(sentence)
        out.extend(w for w in words[1:] if w[:1].isupper())
    return out


def numbers(text: str) -> list[str]:
    return [re.sub(r"[.,\u00a0\u202f ]", "", m.group()) for m in _NUMBER.finditer(text)]


FEATURES = (
    "ranking",
    "1-similarity",
    "changed words",
    "rare unmatched",
    "rare unmatched (ref)",
    "rare unmatched (mt)",
    "unmatched content",
    "numbers",
    "capitalised",
    "negation",
    "length",
)


def passage_features(p: dict[str, Any], left: str, right: str, lang: str) -> list[float]:
    a_text = left[p["left"][0] : p["left"][1]]
    b_text = right[p["right"][0] : p["right"][1]]
    a = [w.casefold() for w in _WORD.findall(a_text)]
    b = [w.casefold() for w in _WORD.findall(b_text)]
    fw = function_words(lang)
    ca = [w for w in a if w not in fw and not w.isdigit()]
    cb = [w for w in b if w not in fw and not w.isdigit()]
    ua, ub = unmatched(ca, cb), unmatched(cb, ca)
    ra = sum(rarity(w, lang) for w in ua)
    rb = sum(rarity(w, lang) for w in ub)
    changed = 0
    for c in p["changes"]:
        changed += len(_WORD.findall(left[c["left"][0] : c["left"][1]]))
        changed += len(_WORD.findall(right[c["right"][0] : c["right"][1]]))
    na, nb = numbers(a_text), numbers(b_text)
    nums = len(unmatched(na, nb)) + len(unmatched(nb, na))
    capa, capb = mid_capitals(a_text), mid_capitals(b_text)
    caps = sum(1 for w in capa if w not in set(_WORD.findall(b_text))) + sum(
        1 for w in capb if w not in set(_WORD.findall(a_text))
    )
    neg = NEGATIONS.get(lang, set())
    negation = abs(sum(w in neg for w in a) - sum(w in neg for w in b))
    return [
        p["divergence"],
        1.0 - J.word_similarity(a_text, b_text),
        float(changed),
        ra + rb,
        ra,
        rb,
        float(len(ua) + len(ub)),
        float(nums),
        float(caps),
        float(negation),
        float(len(b)),
    ]


Case = tuple[str, list[list[float]], list[int | None]]  # article, features per passage, labels


def cases_of(jobs: Sequence[J.Job]) -> list[Case]:
    out = []
    for job in jobs:
        lang = job.article.split("/")[1].split("-")[1]
        for m in job.mts:
            feats = [
                passage_features(p, m["left_text"], m["right_text"], lang) for p in m["diff"]["passages"]
            ]
            out.append((job.article, feats, m["labels"]))
    return out


def mean_auc(cases: Sequence[Case], score) -> float:  # type: ignore[no-untyped-def]
    values = []
    for _, feats, labels in cases:
        a = J.auc([score(f) for f in feats], labels)
        if a is not None:
            values.append(a)
    return sum(values) / len(values)


def per_case_auc(cases: Sequence[Case], score) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    out = []
    for article, feats, labels in cases:
        a = J.auc([score(f) for f in feats], labels)
        if a is not None:
            out.append((article, a))
    return out


def bootstrap_gain(
    model: list[tuple[str, float]], base: list[tuple[str, float]], rounds: int = 2000
) -> tuple[float, float]:
    """5th and 95th percentile of (model - base) mean AUC when the articles are resampled
    (the systems of one article stay together: they are not independent); seeded."""
    import random

    rng = random.Random(10)
    by_article: dict[str, list[float]] = {}
    for (article, m), (_, b) in zip(model, base, strict=False):
        by_article.setdefault(article, []).append(m - b)
    names = sorted(by_article)
    gains = []
    for _ in range(rounds):
        pick = [d for _ in names for d in by_article[rng.choice(names)]]
        gains.append(sum(pick) / len(pick))
    gains.sort()
    return gains[int(0.05 * rounds)], gains[int(0.95 * rounds)]


def transformed(f: Sequence[float]) -> list[float]:
    """Features on a log scale (``log1p``), the ranking first turned back into its amount of
    weighted change (``r / (1 - r) * 8``): counts add up, and no feature saturates."""
    r = min(f[0], 0.999999)
    return [math.log1p(8.0 * r / (1.0 - r)), *(math.log1p(max(0.0, x)) for x in f[1:])]


def pairs_of(cases: Sequence[Case], columns: Sequence[int]) -> list[list[float]]:
    """Feature differences (error minus no-error passage) of every such pair within a case."""
    out = []
    for _, feats, labels in cases:
        t = [transformed(f) for f in feats]
        pos = [t[i] for i, y in enumerate(labels) if y == 1]
        neg = [t[i] for i, y in enumerate(labels) if y == 0]
        for a in pos:
            for b in neg:
                out.append([a[c] - b[c] for c in columns])
    return out


def fit_pairwise(
    cases: Sequence[Case], columns: Sequence[int], steps: int = 300, l2: float = 1e-3
) -> list[float]:
    """Weights of a pairwise logistic regression (RankNet with a linear score): it maximises a
    smooth form of the within-article AUC. Plain gradient descent, fixed step, no bias (the
    pairs are differences), so the result is deterministic."""
    xs = pairs_of(cases, columns)
    scale = [math.sqrt(sum(x[k] ** 2 for x in xs) / len(xs)) or 1.0 for k in range(len(columns))]
    xs = [[v / s for v, s in zip(x, scale, strict=False)] for x in xs]
    w = [0.0] * len(columns)
    n = len(xs)
    for _ in range(steps):
        grad = [l2 * wk for wk in w]
        for x in xs:
            z = sum(wk * xk for wk, xk in zip(w, x, strict=False))
            g = -1.0 / (1.0 + math.exp(max(-30.0, min(30.0, z))))
            for k, xk in enumerate(x):
                grad[k] += g * xk / n
        w = [wk - 1.0 * gk for wk, gk in zip(w, grad, strict=False)]
    return [wk / s for wk, s in zip(w, scale, strict=False)]


def scorer(columns: Sequence[int], weights: Sequence[float]):  # type: ignore[no-untyped-def]
    def score(f: Sequence[float]) -> float:
        t = transformed(f)
        return sum(wk * t[c] for wk, c in zip(weights, columns, strict=False))

    return score


def main(argv: list[str]) -> int:
    J.require_data()
    fit = cases_of(J.run_articles(articles_in(FIT), keep=True))
    held = cases_of(J.run_articles(articles_in(HELD_OUT), keep=True))
    print(
        f"{len(fit)} fit and {len(held)} held-out (article, system) pairs; within-article AUC, mean over pairs"
    )
    print(f"{'feature':24s} {'fit':>6s} {'held-out':>8s}")
    for k, name in enumerate(FEATURES):
        print(
            f"{name:24s} {mean_auc(fit, lambda f, k=k: f[k]):6.3f} {mean_auc(held, lambda f, k=k: f[k]):8.3f}"
        )
    index = {n: k for k, n in enumerate(FEATURES)}
    models = {
        "ranking + rare unmatched": ["ranking", "rare unmatched"],
        "ranking + rare + numbers + capitalised": ["ranking", "rare unmatched", "numbers", "capitalised"],
        "ranking + rare (ref, mt) + numbers + capitalised": [
            "ranking",
            "rare unmatched (ref)",
            "rare unmatched (mt)",
            "numbers",
            "capitalised",
        ],
        "the same + negation": [
            "ranking",
            "rare unmatched (ref)",
            "rare unmatched (mt)",
            "numbers",
            "capitalised",
            "negation",
        ],
        "all features": list(FEATURES),
    }
    print("\npairwise logistic regression on log1p features, fitted on fit; within-article AUC;")
    print(
        "gain = held-out AUC minus the current ranking's, with a 90% bootstrap interval over held-out articles"
    )
    print(f"{'model':50s} {'fit':>6s} {'held-out':>8s} {'gain':>6s} {'interval':>15s}  weights")
    base = per_case_auc(held, lambda f: f[0])
    for label, names in models.items():
        cols = [index[n] for n in names]
        w = fit_pairwise(fit, cols)
        s = scorer(cols, w)
        lo, hi = bootstrap_gain(per_case_auc(held, s), base)
        shown = ", ".join(f"{n} {wk:+.2f}" for n, wk in zip(names, w, strict=False))
        print(
            f"{label:50s} {mean_auc(fit, s):6.3f} {mean_auc(held, s):8.3f} {mean_auc(held, s) - mean_auc(held, lambda f: f[0]):+6.3f}"
            f" [{lo:+.3f}, {hi:+.3f}]  {shown}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
