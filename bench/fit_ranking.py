"""Fit the passage ranking's weights (``compare/core/analysis/ranking_weights.json``) on the "fit"
articles of ``bench/_data.py`` only, and print the within-article AUC on fit and held-out.

For every (article, system) pair of reference (left) against machine translation (right), each
passage gets the engine's own features (``compare.core.analysis.ranking.passage_features``: the
weighted amount of change, rarity-weighted content words without a counterpart on each side,
numbers and capitalised words without one), and the label of ``bench/judgments.py`` (a major MQM
error in the MT segments it covers). The score is a weighted sum of ``log1p`` of the features; the
weights are the point of a small grid that maximises the mean within-article AUC on fit (a
pairwise logistic regression, ``bench/ranking_features.py``'s ``fit_pairwise``, is printed for
comparison: on fit it scores below the amount alone). Written with ``--write``; the held-out part is only
scored, never fitted. Run: ``.venv/bin/python bench/fit_ranking.py [--write]``.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import judgments as J
import ranking_features as RF
from _data import FIT, HELD_OUT, articles_in

from compare.core.analysis import ranking
from compare.core.analysis.analysis import analyse
from compare.core.diff.comparison import compare
from compare.core.io.loading import load_document

STEPS = 1500  # plain gradient descent: 300 steps (ranking_features.py) stop before it converges here
WEIGHTS = Path(ranking.__file__).with_name("ranking_weights.json")


def cases(part: str) -> list[tuple[str, list[list[float]], list[int | None]]]:
    out = []
    for folder in articles_in(part):
        main_ref = next(folder.glob("reference.*.txt"))
        for _system, path, notes in J.mt_systems(folder):
            text = J._engine.read_text(path)
            c = compare(load_document(str(main_ref)), load_document(str(path)))
            a = analyse(c)
            language = ranking._language(c)
            segments = J.segment_spans(text)
            _, major = J.mqm_of(notes, segments)
            diff = {
                "right": {"segments": [list(s) for s in c.right.segmentation.sentences]},
                "passages": [{"right_segments": list(p.right_segments)} for p in c.passages],
            }
            labels = J.passage_labels(diff, segments, major)
            amounts = _amounts(c, a)
            feats = []
            for p, amount in zip(c.passages, amounts, strict=True):
                if amount <= 0 or p.kind != "changed" or c.cross_language:
                    feats.append([max(amount, 0.0), 0.0, 0.0, 0.0, 0.0])
                else:
                    feats.append(ranking.passage_features(c, p, amount, language))
            out.append((J.article_id(folder), feats, labels))
    return out


def _amounts(c, a) -> list[float]:  # type: ignore[no-untyped-def]
    """The weighted amount of change of each passage, as rank_divergence computes it."""
    extra = [ranking.CAPITAL_WEIGHT * ranking.capitalised_changes(c, p) for p in c.passages]
    for f in a.findings:
        w = ranking.finding_weight(f, c.cross_language)
        if w > 0 and f.passage is not None:
            extra[f.passage] += w
    return [ranking._raw_amount(c, p) + extra[i] for i, p in enumerate(c.passages)]


def score_with(weights: list[float]):  # type: ignore[no-untyped-def]
    def score(f: list[float]) -> float:
        return sum(w * math.log1p(max(0.0, x)) for w, x in zip(weights, f, strict=True))

    return score


def main(argv: list[str]) -> int:
    J.require_data()
    fit, held = cases(FIT), cases(HELD_OUT)
    cols = list(range(len(ranking.FEATURES)))
    # ranking_features.transformed() expects its own first column; fit on log1p directly.
    RF.transformed = lambda f: [math.log1p(max(0.0, x)) for x in f]  # type: ignore[assignment]
    logistic = RF.fit_pairwise(fit, cols, steps=STEPS)
    base = [1.0] + [0.0] * (len(cols) - 1)
    # The logistic fit does not raise fit's AUC above the amount alone (its loss weighs the few
    # cases with many pairs most); so the weights are those of a small grid, the amount's weight
    # fixed at 1, that maximise the mean within-article AUC on fit itself.
    grid = itertools.product(
        (-0.5, -0.25, 0.0), (0.0, 0.25, 0.5, 1.0, 1.5), (0.0, 0.5, 1.0, 2.0, 3.0), (0.0, 0.5)
    )
    weights = max(
        ([1.0, *g] for g in grid),
        key=lambda w: (round(RF.mean_auc(fit, score_with(w)), 4), -sum(map(abs, w))),
    )
    s = score_with(logistic)
    print(f"{'logistic (not used)':34s} fit {RF.mean_auc(fit, s):.3f}  held-out {RF.mean_auc(held, s):.3f}")
    for name, w in (("amount only (the ranking before)", base), ("fitted", weights)):
        s = score_with(w)
        print(f"{name:34s} fit {RF.mean_auc(fit, s):.3f}  held-out {RF.mean_auc(held, s):.3f}")
    lo, hi = RF.bootstrap_gain(
        RF.per_case_auc(held, score_with(weights)), RF.per_case_auc(held, score_with(base))
    )
    print(f"gain on held-out over the amount alone: 90% interval [{lo:+.3f}, {hi:+.3f}]")
    print("weights: " + ", ".join(f"{n} {w:+.3f}" for n, w in zip(ranking.FEATURES, weights, strict=True)))
    if "--write" in argv[1:]:
        data = {
            "about": (
                "Weights of the passage ranking (compare/core/analysis/ranking.py) on log1p of each feature;"
                " fitted on the 'fit' articles of bench/_data.py by bench/fit_ranking.py (the grid of weights"
                " that maximises the within-article AUC against expert major errors, reference vs machine translation)."
            ),
            "weights": {n: round(w, 4) for n, w in zip(ranking.FEATURES, weights, strict=True)},
        }
        WEIGHTS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
