"""How well the passage ranking puts machine-translation errors first (WMT 2021 + MQM).

For each article of ``../shared/data/wmt21`` and each system with MQM annotations and a text
file, the human reference (left) is compared with the system's output (right). A passage is an
*error* when one of the WMT segments its right side covers has a major MQM span, *no error*
when all of them are annotated without a major span; passages with no right side (the
reference's sentences the system left out) and passages whose segments were not annotated have
no label and are left out. The figure is the ROC AUC within each (article, system): the share
of (error, no-error) passage pairs that the ranking orders right (ties count half), averaged over
the (article, system) pairs that have both classes.

Printed: the baseline (the engine's divergence as it is) and the ranked divergence
(the scores of :func:`compare.core.analysis.analysis.analyse`), per article and overall, and the cross-rule
false alarms on human-vs-human pairs (reference vs reference-C / reference-D, en-de) per 1,000
words.

Run: ``.venv/bin/python bench/ranking_auc.py [-v]``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare.core.analysis.analysis import analyse
from compare.core.checks.cross import check_comparison
from compare.core.diff.comparison import Comparison, compare
from compare.core.io.document import Document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
WMT = DATA / "wmt21"

_BLOCK_RE = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.DOTALL)


def segment_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the blank-line separated segments of a WMT file."""
    return [(m.start(), m.end()) for m in _BLOCK_RE.finditer(text)]


@dataclass
class Case:
    article: str  # pair/article
    system: str
    comparison: Comparison
    labels: list[int | None]  # per passage: 1 error, 0 no error, None unlabelled


def load_cases(wmt: Path = WMT) -> list[Case]:
    cases = []
    for folder in sorted(wmt.glob("*/*")):
        lang = folder.parent.name.split("-")[1]
        ref_path = folder / f"reference.{lang}.txt"
        mqm_path = folder / "mqm.json"
        if not ref_path.is_file() or not mqm_path.is_file():
            continue
        ref = ref_path.read_text(encoding="utf-8")
        systems = json.loads(mqm_path.read_text(encoding="utf-8"))["systems"]
        for system, notes in sorted(systems.items()):
            path = folder / f"{system}.{lang}.txt"
            if not path.is_file():
                continue  # ref-A/ref-C/ref-D: human translations annotated under another name
            text = path.read_text(encoding="utf-8")
            major: dict[int, bool] = {}
            for a in notes:
                seg = a["segment"]
                major[seg] = major.get(seg, False) or any(sp[2] == "major" for sp in a["spans"])
            c = compare(
                Document.from_text(ref), Document.from_text(text), left_language=lang, right_language=lang
            )
            spans = segment_spans(text)
            starts = [s for s, _ in spans]
            labels: list[int | None] = []
            for p in c.passages:
                segs = set()
                for i in p.right_segments:
                    s = c.right.segmentation.sentences[i][0]
                    k = max(j for j, st in enumerate(starts) if st <= s) if s >= starts[0] else 0
                    segs.add(k)
                known = [major[k] for k in segs if k in major]
                if not segs or not known:
                    labels.append(None)
                else:
                    labels.append(1 if any(known) else 0)
            cases.append(Case(f"{folder.parent.name}/{folder.name}", system, c, labels))
    return cases


def auc(scores: Sequence[float], labels: Sequence[int | None]) -> float | None:
    pos = [s for s, y in zip(scores, labels, strict=False) if y == 1]
    neg = [s for s, y in zip(scores, labels, strict=False) if y == 0]
    if not pos or not neg:
        return None
    good = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return good / (len(pos) * len(neg))


Scorer = Callable[[Case], Sequence[float]]


def baseline(case: Case) -> tuple[float, ...]:
    return tuple(p.divergence for p in case.comparison.passages)


def ranked(case: Case) -> tuple[float, ...]:
    return analyse(case.comparison).scores


def evaluate(cases: Sequence[Case], scorer: Scorer) -> tuple[float, dict[str, float]]:
    """Mean AUC over (article, system) with both classes, and the mean per article."""
    per_article: dict[str, list[float]] = defaultdict(list)
    for case in cases:
        a = auc(scorer(case), case.labels)
        if a is not None:
            per_article[case.article].append(a)
    values = [a for v in per_article.values() for a in v]
    return sum(values) / len(values), {k: sum(v) / len(v) for k, v in per_article.items()}


def count_words(text: str) -> int:
    return sum(1 for tok in text.split() if any(c.isalnum() for c in tok))


def human_false_alarms(wmt: Path = WMT) -> tuple[int, Counter[str], list[tuple[str, str, str]]]:
    """Cross findings on reference vs reference-C/-D (en-de): words compared, findings by rule."""
    words = 0
    rules: Counter[str] = Counter()
    listing = []
    for folder in sorted(wmt.glob("en-de/*")):
        ref = (folder / "reference.de.txt").read_text(encoding="utf-8")
        for other in ("reference-C.de.txt", "reference-D.de.txt"):
            path = folder / other
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            c = compare(
                Document.from_text(ref), Document.from_text(text), left_language="de", right_language="de"
            )
            words += count_words(text)
            for f in check_comparison(c):
                rules[f.rule] += 1
                snippet = c.side(f.side).text[f.start : f.end][:50]
                listing.append((f"{folder.name}/{other}", f.rule, f"{f.side}: {snippet!r} -- {f.message}"))
    return words, rules, listing


def main(argv: list[str]) -> int:
    verbose = "-v" in argv[1:]
    if not WMT.is_dir():
        print(f"benchmark skipped: {WMT} is absent (it holds the WMT 2021 texts)", file=sys.stderr)
        return 1
    cases = load_cases()
    n_labelled = sum(1 for c in cases for y in c.labels if y is not None)
    n_error = sum(1 for c in cases for y in c.labels if y == 1)
    print(
        f"{len(cases)} (article, system) comparisons, {n_labelled} labelled passages, {n_error} with a major error"
    )
    base, base_articles = evaluate(cases, baseline)
    mine, mine_articles = evaluate(cases, ranked)
    print(f"{'article':34s} {'baseline':>9s} {'ranked':>9s}")
    for article in sorted(base_articles):
        print(f"{article:34s} {base_articles[article]:9.3f} {mine_articles[article]:9.3f}")
    print(f"{'mean AUC':34s} {base:9.3f} {mine:9.3f}")
    words, rules, listing = human_false_alarms()
    total = sum(rules.values())
    print(
        f"\ncross findings on human vs human (en-de reference vs reference-C/-D): {total} in {words} words "
        f"= {1000 * total / max(words, 1):.2f} per 1,000 words"
    )
    for rule_id, n in rules.most_common():
        print(f"    {rule_id:20s} {n:4d} = {1000 * n / max(words, 1):.2f} per 1,000 words")
    if verbose:
        for where, rule_id, text in listing:
            print(f"    {where}: [{rule_id}] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
