"""Judgments on articles nobody tuned for (issue 10): every figure of its "Done when", printed
separately for the "fit" and the "held-out" articles of ``bench/_data.py`` (WMT 2021 + 2022).

The engine is read through its command line's JSON only (``bench/_engine.py``). Figures:

1. **Professional translations alone.** ``news-compare check`` (language detected, as a user
   runs it) on every human reference: wmt21 ``reference*.txt``, wmt22 ``reference`` and
   ``reference-B``. Findings per 1,000 words of the checked file, and the count by rule.
2. **Side by side.** ``news-compare diff`` of (a) the source (left) against each of its
   professional translations (right), and (b) two professional translations: wmt22 ``reference``
   vs ``reference-B``, wmt21 en-de ``reference`` vs ``reference-C`` and ``-D``. Every finding
   ``diff`` reports (both sides, version and cross rules), and the major ones, per 1,000 words
   **of the right-hand side** (the translation in (a), the second translation in (b)), by rule.
3. **Reference (left) against machine translation (right)**: wmt21 systems that have MQM
   annotations, wmt22 ``mt``. A character of the MT is a *major-error character* when a rater's
   major span covers it (spans are offsets into blank-line separated segment i of the MT file;
   raters are pooled). Characters are counted without whitespace (the edges of a mark or of a
   rater's span are not content). *marks* are the MT-side spans of all word changes plus every
   right-only passage (a passage with nothing on the reference's side is new text however it is
   drawn). ``coverage`` = major-error characters marked / major-error characters, ``share`` =
   characters marked / all characters, ``lift`` = coverage / share, pooled over the (article,
   system) pairs of the part. The same for a *plain word diff*: :class:`difflib.SequenceMatcher`
   (no autojunk) over the whitespace-separated tokens of the two whole documents, no semantic
   cleanup, marking the MT tokens of ``replace`` and ``insert`` opcodes (never the whitespace
   between them); and for the *strong* marks alone, once the JSON's changes carry ``"level"``.
4. **Ranking.** Within each (article, system), the ROC AUC of the passages' ``divergence``
   against expert major errors (ties count half), with the labels of ``bench/ranking_auc.py``:
   a passage is an error when a WMT segment its MT side covers has a major span, no error when
   all of them are annotated without one, unlabelled otherwise (no MT side, or not annotated).
   Averaged over the (article, system) pairs that have both classes; for reference the same for
   ``1 - word similarity`` (SequenceMatcher ratio over the whitespace tokens of the two sides).
5. **The seed article** (``shared/samples``): its ``check`` findings, listed.

Run: ``.venv/bin/python bench/judgments.py [-v] [--serial]`` (``-v`` lists the findings of 1 and
2). Two worker processes; the output does not depend on them.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from multiprocessing import get_context
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _engine
from _data import DATA, FIT, HELD_OUT, article_id, articles, part_of, require_data

SAMPLE = DATA.parent / "samples" / "nato-russia-talks.machine-translated.txt"
Span = tuple[int, int]

# --- text measures ---------------------------------------------------------------------------


def count_words(text: str) -> int:
    """Whitespace-separated tokens that hold a letter or a digit (as bench/checks_bench.py)."""
    return sum(1 for tok in text.split() if any(c.isalnum() for c in tok))


_TOKEN_RE = re.compile(r"\S+")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    return list(_TOKEN_RE.finditer(text, start, len(text) if end is None else end))


def plain_word_diff(left: str, right: str) -> list[Span]:
    """Spans of the right-hand tokens a plain word diff marks (see the module docstring)."""
    a = [m.group() for m in tokens(left)]
    bm = tokens(right)
    b = [m.group() for m in bm]
    out: list[Span] = []
    for op, _i1, _i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "insert"):
            out.extend(m.span() for m in bm[j1:j2])
    return out


def word_similarity(left: str, right: str) -> float:
    """SequenceMatcher ratio over whitespace tokens (1.0 for two empty texts)."""
    a, b = left.split(), right.split()
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# --- MQM -------------------------------------------------------------------------------------

_BLOCK_RE = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.DOTALL)


def segment_spans(text: str) -> list[Span]:
    """Character spans of the blank-line separated segments of a WMT file (as ranking_auc)."""
    return [(m.start(), m.end()) for m in _BLOCK_RE.finditer(text)]


def mqm_of(notes: Iterable[dict[str, Any]], segments: Sequence[Span]) -> tuple[list[Span], dict[int, bool]]:
    """Major-error spans in document offsets, and per annotated segment whether it has one."""
    spans: list[Span] = []
    major: dict[int, bool] = {}
    for note in notes:
        seg = note["segment"]
        has = False
        for s, e, severity in note["spans"]:
            if severity == "major":
                has = True
                base = segments[seg][0]
                spans.append((base + s, base + min(e, segments[seg][1] - base)))
        major[seg] = major.get(seg, False) or has
    return spans, major


def passage_labels(
    diff: dict[str, Any], segments: Sequence[Span], major: dict[int, bool]
) -> list[int | None]:
    """Per passage: 1 major error, 0 none, None unlabelled (bench/ranking_auc.py's rule)."""
    starts = [s for s, _ in segments]
    sentences = diff["right"]["segments"]
    labels: list[int | None] = []
    for p in diff["passages"]:
        segs = set()
        for i in p["right_segments"]:
            s = sentences[i][0]
            segs.add(max(j for j, st in enumerate(starts) if st <= s) if s >= starts[0] else 0)
        known = [major[k] for k in segs if k in major]
        labels.append(None if not segs or not known else int(any(known)))
    return labels


def auc(scores: Sequence[float], labels: Sequence[int | None]) -> float | None:
    """ROC AUC with ties counted half; None without both classes."""
    pos = [s for s, y in zip(scores, labels, strict=False) if y == 1]
    neg = [s for s, y in zip(scores, labels, strict=False) if y == 0]
    if not pos or not neg:
        return None
    good = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return good / (len(pos) * len(neg))


# --- marks -----------------------------------------------------------------------------------


def engine_marks(diff: dict[str, Any], side: str = "right", level: str | None = None) -> list[Span]:
    """The ``side`` spans of the word changes (of that ``level`` only, when given) and of the
    passages that have text on ``side`` alone."""
    alone = "right-only" if side == "right" else "left-only"
    out: list[Span] = []
    for p in diff["passages"]:
        if p["kind"] == alone and level in (None, "strong"):
            out.append(tuple(p[side]))  # type: ignore[arg-type]
        for c in p["changes"]:
            if level is None or c.get("level") == level:
                out.append(tuple(c[side]))  # type: ignore[arg-type]
    return out


def has_levels(diff: dict[str, Any]) -> bool:
    return any("level" in c for p in diff["passages"] for c in p["changes"])


def mask(text: str, spans: Iterable[Span]) -> bytearray:
    """1 for every non-whitespace character of ``text`` inside one of ``spans``."""
    m = bytearray(len(text))
    for s, e in spans:
        for k in range(max(s, 0), min(e, len(text))):
            m[k] = 1
    for k, ch in enumerate(text):
        if ch.isspace():
            m[k] = 0
    return m


@dataclass
class Overlap:
    """Pooled counts for coverage, share and lift."""

    major: int = 0  # major-error characters
    major_marked: int = 0
    chars: int = 0
    marked: int = 0

    def add(self, major: bytearray, marks: bytearray, chars: int) -> None:
        self.major += sum(major)
        self.major_marked += sum(a & b for a, b in zip(major, marks, strict=False))
        self.chars += chars
        self.marked += sum(marks)

    def merge(self, other: Overlap) -> None:
        self.major += other.major
        self.major_marked += other.major_marked
        self.chars += other.chars
        self.marked += other.marked

    @property
    def coverage(self) -> float:
        return self.major_marked / self.major if self.major else 0.0

    @property
    def share(self) -> float:
        return self.marked / self.chars if self.chars else 0.0

    @property
    def lift(self) -> float:
        return self.coverage / self.share if self.share else 0.0


# --- one article -----------------------------------------------------------------------------


def language_of(path: Path) -> str:
    """``reference-C.de.txt`` -> ``de``."""
    return path.name.rsplit(".", 2)[-2]


def human_references(folder: Path) -> list[Path]:
    return sorted(folder.glob("reference*.txt"))


def finding_rows(findings: Iterable[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Findings with the text they cover (side "" for a single-version check)."""
    rows = []
    for f in findings:
        side = f.get("side", "")
        text = texts[side]
        rows.append(
            {
                "side": side,
                "rule": f["rule"],
                "severity": f["severity"],
                "start": f["start"],
                "end": f["end"],
                "snippet": text[f["start"] : f["end"]],
                "message": f["message"],
                "passage": f.get("passage"),
                "scope": f.get("scope", "version"),
            }
        )
    return rows


@dataclass
class Job:
    """What the engine said about one article (and the inputs needed to judge it)."""

    article: str
    part: str
    checks: list[dict[str, Any]] = field(default_factory=list)  # one per human reference
    pairs: list[dict[str, Any]] = field(default_factory=list)  # side by side
    mts: list[dict[str, Any]] = field(default_factory=list)  # reference vs machine translation


def mt_systems(folder: Path) -> list[tuple[str, Path, list[dict[str, Any]]]]:
    """(system, MT file, MQM notes) for every annotated system with a text file."""
    lang = language_of(next(folder.glob("reference.*.txt")))
    mqm_path = folder / "mqm.json"
    if not mqm_path.is_file():
        return []
    systems = json.loads(mqm_path.read_text(encoding="utf-8"))["systems"]
    out = []
    for system, notes in sorted(systems.items()):
        path = folder / f"{system}.{lang}.txt"
        if path.is_file():  # ref-A/-C/-D are human translations annotated under another name
            out.append((system, path, notes))
    return out


def run_article(folder: Path, keep: bool = False) -> Job:
    """Run check and diff on every pairing of one article. ``keep`` keeps the diff JSON and
    the texts (for the failure analysis)."""
    job = Job(article_id(folder), part_of(folder))
    source = next(folder.glob("source.*.txt"))
    refs = human_references(folder)
    src_text = _engine.read_text(source)
    for ref in refs:
        text = _engine.read_text(ref)
        found = _engine.check_json(ref)["findings"]
        job.checks.append(
            {"file": ref.name, "words": count_words(text), "findings": finding_rows(found, {"": text})}
        )
    pairings: list[tuple[str, Path, Path]] = [("source-translation", source, ref) for ref in refs]
    main_ref = folder / f"reference.{language_of(refs[0])}.txt"
    pairings += [("two-translations", main_ref, other) for other in refs if other != main_ref]
    for kind, left, right in pairings:
        ltext = src_text if left == source else _engine.read_text(left)
        rtext = _engine.read_text(right)
        diff = _engine.diff_json(left, right)
        row = {
            "kind": kind,
            "left": left.name,
            "right": right.name,
            "words": count_words(rtext),
            "findings": finding_rows(diff["findings"], {"left": ltext, "right": rtext}),
        }
        if keep:
            row.update(diff=diff, left_text=ltext, right_text=rtext)
        job.pairs.append(row)
    ref_text = _engine.read_text(main_ref)
    for system, path, notes in mt_systems(folder):
        text = _engine.read_text(path)
        diff = _engine.diff_json(main_ref, path)
        segments = segment_spans(text)
        major_spans, major_segs = mqm_of(notes, segments)
        major = mask(text, major_spans)
        chars = sum(1 for ch in text if not ch.isspace())
        overlaps = {"marks": Overlap(), "word diff": Overlap()}
        overlaps["marks"].add(major, mask(text, engine_marks(diff)), chars)
        overlaps["word diff"].add(major, mask(text, plain_word_diff(ref_text, text)), chars)
        if has_levels(diff):
            overlaps["strong marks"] = Overlap()
            overlaps["strong marks"].add(major, mask(text, engine_marks(diff, level="strong")), chars)
        labels = passage_labels(diff, segments, major_segs)
        ps = diff["passages"]
        sims = [
            1.0 - word_similarity(ref_text[p["left"][0] : p["left"][1]], text[p["right"][0] : p["right"][1]])
            for p in ps
        ]
        row = {
            "system": system,
            "overlaps": overlaps,
            "auc": auc([p["divergence"] for p in ps], labels),
            "auc_similarity": auc(sims, labels),
            "labelled": sum(1 for y in labels if y is not None),
            "errors": sum(1 for y in labels if y == 1),
            "passages": len(ps),
            "divergent": sum(1 for p in ps if p["kind"] != "equal"),
        }
        if keep:
            row.update(diff=diff, left_text=ref_text, right_text=text, labels=labels, major_spans=major_spans)
        job.mts.append(row)
    return job


def _run_article_job(args: tuple[str, bool]) -> Job:
    return run_article(Path(args[0]), args[1])


def run_articles(folders: Sequence[Path], keep: bool = False, workers: int = 2) -> list[Job]:
    """:func:`run_article` for each folder, in order (``workers`` processes; 1 runs here)."""
    jobs = [(str(f), keep) for f in folders]
    if workers <= 1:
        return [_run_article_job(j) for j in jobs]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        return list(pool.map(_run_article_job, jobs))


# --- figures ---------------------------------------------------------------------------------


def per_k(n: float, words: int) -> float:
    return 1000.0 * n / words if words else 0.0


def _rules(rows: Iterable[dict[str, Any]], major_only: bool = False) -> Counter[str]:
    return Counter(r["rule"] for r in rows if not major_only or r["severity"] == "major")


def _rule_text(counts: Counter[str], words: int) -> str:
    return ", ".join(f"{rule} {n} ({per_k(n, words):.2f})" for rule, n in counts.most_common()) or "none"


def summarise(jobs: Sequence[Job]) -> dict[str, Any]:
    """The figures of one part, as numbers (printed by :func:`print_part`)."""
    out: dict[str, Any] = {"articles": len(jobs)}
    rows = [f for j in jobs for c in j.checks for f in c["findings"]]
    words = sum(c["words"] for j in jobs for c in j.checks)
    out["check"] = {
        "files": sum(len(j.checks) for j in jobs),
        "words": words,
        "findings": len(rows),
        "per_k": per_k(len(rows), words),
        "rules": _rules(rows),
    }
    for kind in ("source-translation", "two-translations"):
        pairs = [p for j in jobs for p in j.pairs if p["kind"] == kind]
        rows = [f for p in pairs for f in p["findings"]]
        words = sum(p["words"] for p in pairs)
        major = [f for f in rows if f["severity"] == "major"]
        out[kind] = {
            "pairs": len(pairs),
            "words": words,
            "findings": len(rows),
            "per_k": per_k(len(rows), words),
            "major": len(major),
            "major_per_k": per_k(len(major), words),
            "rules": _rules(rows),
            "major_rules": _rules(rows, major_only=True),
        }
    mts = [m for j in jobs for m in j.mts]
    overlaps: dict[str, Overlap] = {}
    for m in mts:
        for name, o in m["overlaps"].items():
            overlaps.setdefault(name, Overlap()).merge(o)
    aucs = [m["auc"] for m in mts if m["auc"] is not None]
    by_article: dict[str, list[float]] = {}
    for j in jobs:
        for m in j.mts:
            if m["auc"] is not None:
                by_article.setdefault(j.article, []).append(m["auc"])
    sims = [m["auc_similarity"] for m in mts if m["auc_similarity"] is not None]
    out["mt"] = {
        "pairs": len(mts),
        "passages": sum(m["passages"] for m in mts),
        "divergent": sum(m["divergent"] for m in mts),
        "labelled": sum(m["labelled"] for m in mts),
        "errors": sum(m["errors"] for m in mts),
        "overlaps": overlaps,
        "auc": sum(aucs) / len(aucs) if aucs else None,
        "auc_pairs": len(aucs),
        "auc_per_article": (
            sum(sum(v) / len(v) for v in by_article.values()) / len(by_article) if by_article else None
        ),
        "auc_similarity": sum(sims) / len(sims) if sims else None,
    }
    return out


def _fmt(x: float | None, spec: str = ".3f") -> str:
    return "-" if x is None else format(x, spec)


def _group(article: str) -> str:
    return "/".join(article.split("/")[:2])


def table_rows(jobs: Sequence[Job]) -> list[tuple[str, dict[str, Any]]]:
    """(label, figures) for each corpus/language pair of ``jobs``, then for all of them."""
    groups = sorted({_group(j.article) for j in jobs})
    rows = [(g, summarise([j for j in jobs if _group(j.article) == g])) for g in groups]
    return [*rows, ("all", summarise(jobs))]


def print_part(name: str, jobs: Sequence[Job], verbose: bool) -> None:
    rows = table_rows(jobs)
    s = rows[-1][1]
    print(f"== {name}: {s['articles']} articles")
    head = (
        f"{'':12s} {'art':>3s} | {'1 check':>7s} | {'2a all':>6s} {'major':>5s} | {'2b all':>6s} {'major':>5s} |"
        f" {'3 cover':>7s} {'share':>5s} {'lift':>4s} {'wd lift':>7s} {'strong':>6s} | {'4 AUC':>5s} {'1-sim':>5s}"
    )
    print(head)
    for label, r in rows:
        o = r["mt"]["overlaps"]
        marks, wd, strong = o.get("marks"), o.get("word diff"), o.get("strong marks")
        print(
            f"{label:12s} {r['articles']:3d} | {r['check']['per_k']:7.2f} |"
            f" {r['source-translation']['per_k']:6.2f} {r['source-translation']['major_per_k']:5.2f} |"
            f" {_fmt(r['two-translations']['per_k'] if r['two-translations']['pairs'] else None, '6.2f'):>6s}"
            f" {_fmt(r['two-translations']['major_per_k'] if r['two-translations']['pairs'] else None, '5.2f'):>5s} |"
            f" {_fmt(marks.coverage if marks else None, '7.3f'):>7s} {_fmt(marks.share if marks else None, '5.2f'):>5s}"
            f" {_fmt(marks.lift if marks else None, '4.2f'):>4s} {_fmt(wd.lift if wd else None, '7.2f'):>7s}"
            f" {_fmt(strong.lift if strong else None, '6.2f'):>6s} |"
            f" {_fmt(r['mt']['auc'], '5.3f'):>5s} {_fmt(r['mt']['auc_similarity'], '5.3f'):>5s}"
        )
    print(
        "goals (held-out): 1 <= 0.70; 2 <= 1.00 all, <= 0.20 major; 3 coverage >= 0.72 at lift >= wd lift,"
        " strong lift >= 1.9; 4 AUC >= 0.665"
    )
    c = s["check"]
    print(
        f"1 check: {c['findings']} findings in {c['words']} words of {c['files']} professional translations"
    )
    print(f"    by rule, count (per 1,000 words): {_rule_text(c['rules'], c['words'])}")
    for kind, label in (
        ("source-translation", "2a source vs translation"),
        ("two-translations", "2b two translations"),
    ):
        p = s[kind]
        print(
            f"{label}: {p['findings']} findings, {p['major']} major, in {p['pairs']} pairs, {p['words']} words (right side)"
        )
        print(f"    all: {_rule_text(p['rules'], p['words'])}")
        print(f"    major: {_rule_text(p['major_rules'], p['words'])}")
    m = s["mt"]
    wd = m["overlaps"]["word diff"]
    marks = m["overlaps"]["marks"]
    print(
        f"3 reference vs MT: {m['pairs']} (article, system) pairs, {m['divergent']} of {m['passages']} passages divergent;"
        f" marks cover {marks.coverage:.3f} at share {marks.share:.3f}, word diff {wd.coverage:.3f} at {wd.share:.3f}"
        + (
            f"; strong marks {m['overlaps']['strong marks'].coverage:.3f} at {m['overlaps']['strong marks'].share:.3f}"
            if "strong marks" in m["overlaps"]
            else "; strong: no levels in the JSON yet"
        )
    )
    print(
        f"4 ranking: {m['auc_pairs']} (article, system) pairs with both classes, {m['labelled']} labelled passages,"
        f" {m['errors']} with a major error; AUC as the mean per article instead: {_fmt(m['auc_per_article'])}"
    )
    if verbose:
        for j in jobs:
            for ch in j.checks:
                for f in ch["findings"]:
                    print(
                        f"    check {j.article}/{ch['file']}: [{f['rule']}/{f['severity']}] {f['snippet'][:50]!r}"
                    )
            for p in j.pairs:
                for f in p["findings"]:
                    print(
                        f"    {p['kind']} {j.article} {p['left']}|{p['right']} {f['side']}: "
                        f"[{f['rule']}/{f['severity']}] {f['snippet'][:50]!r}"
                    )


def seed_findings() -> list[dict[str, Any]] | None:
    if not SAMPLE.is_file():
        return None
    text = _engine.read_text(SAMPLE)
    return finding_rows(_engine.check_json(SAMPLE)["findings"], {"": text})


def main(argv: list[str]) -> int:
    verbose = "-v" in argv[1:]
    workers = 1 if "--serial" in argv[1:] else 2
    require_data()
    folders = articles()
    jobs = run_articles(folders, workers=workers)
    for part in (FIT, HELD_OUT):
        print_part(part, [j for j in jobs if j.part == part], verbose)
        print()
    seed = seed_findings()
    if seed is None:
        print(f"5 seed article: {SAMPLE} is absent")
    else:
        print(f"5 seed article ({SAMPLE.name}): {len(seed)} findings")
        for f in seed:
            print(f"    [{f['rule']}/{f['severity']}] {f['snippet'][:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
