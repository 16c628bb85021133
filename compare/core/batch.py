"""A whole folder of article pairs at once: ``news-compare batch PAIRS --output DIR``.

Which files pair up (:func:`find_pairs`):

- PAIRS is a TSV file: one pair a line, ``LEFT<TAB>RIGHT`` (a third column, when present, names
  the pair); relative paths are read from the TSV's folder; blank lines, lines starting with
  ``#`` and a header ``left<TAB>right`` are skipped.
- PAIRS is a folder with subfolders ``left/`` and ``right/``: files of the same name (and
  relative path) in both are a pair.
- Otherwise PAIRS is a folder of files named ``NAME.TAG.EXT`` (``article.en.txt``,
  ``article.de.txt``): the two files of one NAME are a pair, the one whose TAG sorts first on
  the left (``tags`` gives the order instead, e.g. ``("mt", "edited")``). A NAME with one file,
  or with more than two and no ``tags`` to choose, is reported and skipped.

Every pair is compared and checked in a pool of processes (one per core). For each pair the run
writes its HTML diff report (``NAME.html``) and its review (``NAME.ncreview``, which the window
opens), and yields one record (:class:`PairResult`): the counts of passages and divergent
passages, the findings by severity, the top-ranked passages, and ``attention``: the passages'
ranking scores added up on the ranking's own additive scale
(:func:`~compare.core.analysis.ranking.score_points`: weighted log amounts of change, findings
included), how much of the pair needs an editor's eye. A pair that cannot be
read or compared is a record with its error, never the end of the run. :func:`summary_html`
writes the page that sorts the pairs by attention and links their reports and reviews.
Outputs never replace an input.
"""

from __future__ import annotations

import contextlib
import html
import json
import multiprocessing
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.core.analysis.analysis import analyse
from compare.core.analysis.ranking import score_points
from compare.core.checks.finding import SEVERITIES
from compare.core.checks.glossary import Glossary
from compare.core.diff.comparison import EQUAL, compare
from compare.core.errors import CompareError, os_error_sentence
from compare.core.export.diff_report import to_html
from compare.core.io.fileio import atomic_write, guard_output
from compare.core.io.loading import decode_bytes, load_document, read_bytes
from compare.core.limits import MAX_INPUT_BYTES
from compare.core.review.review import Review
from compare.core.review.session import save_session

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


# --- which files pair up ---------------------------------------------------------------------
def _pairs_from_tsv(path: Path) -> tuple[list[Pair], list[PairResult]]:
    text, _, _ = decode_bytes(read_bytes(path, MAX_INPUT_BYTES), path.name)
    pairs, bad = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if [c.lower() for c in cells[:2]] == ["left", "right"]:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            bad.append(
                PairResult(
                    f"line {number}", "", "", error=f"Line {number} of {path.name} is not LEFT<TAB>RIGHT."
                )
            )
            continue
        left, right = (str(path.parent / c) if not os.path.isabs(c) else c for c in cells[:2])
        name = cells[2] if len(cells) > 2 and cells[2] else Path(cells[1]).stem
        pairs.append(Pair(name, left, right))
    return pairs, bad


def _visible_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _pairs_from_subfolders(left: Path, right: Path) -> tuple[list[Pair], list[PairResult]]:
    def files(root: Path) -> dict[str, Path]:
        return {
            str(p.relative_to(root)): p
            for p in sorted(root.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
        }

    lefts, rights = files(left), files(right)
    pairs = [
        Pair(str(Path(k).with_suffix("")), str(lefts[k]), str(rights[k]))
        for k in sorted(lefts)
        if k in rights
    ]
    lonely = [
        PairResult(k, str(lefts.get(k, "")), str(rights.get(k, "")), error=f"{k} is in {side}/ only.")
        for k, side in [
            *((k, "left") for k in lefts if k not in rights),
            *((k, "right") for k in rights if k not in lefts),
        ]
    ]
    return pairs, lonely


def _pairs_by_tag(folder: Path, tags: Sequence[str] | None) -> tuple[list[Pair], list[PairResult]]:
    groups: dict[str, dict[str, Path]] = {}
    for p in _visible_files(folder):
        parts = p.name.rsplit(".", 2)
        if len(parts) == 3 and parts[0] and parts[1]:
            groups.setdefault(parts[0], {})[parts[1]] = p
    pairs, bad = [], []
    for name, by_tag in sorted(groups.items()):
        if tags:
            if all(t in by_tag for t in tags):
                pairs.append(Pair(name, str(by_tag[tags[0]]), str(by_tag[tags[1]])))
            else:
                missing = next(t for t in tags if t not in by_tag)
                bad.append(
                    PairResult(
                        name,
                        str(by_tag.get(tags[0], "")),
                        str(by_tag.get(tags[1], "")),
                        error=f"{name} has no {name}.{missing}.* file to pair with.",
                    )
                )
            continue
        if len(by_tag) == 2:
            first, second = sorted(by_tag)
            pairs.append(Pair(name, str(by_tag[first]), str(by_tag[second])))
        else:
            listed = ", ".join(p.name for p in by_tag.values())
            why = "has no second version" if len(by_tag) == 1 else "has more than two versions; give --tags"
            bad.append(PairResult(name, "", "", error=f"{name} {why} ({listed})."))
    return pairs, bad


def find_pairs(
    spec: str | os.PathLike[str], tags: Sequence[str] | None = None
) -> tuple[list[Pair], list[PairResult]]:
    """The pairs that ``spec`` names (see the module docstring), and the files or lines that pair
    with nothing (as skipped results). Raises :class:`BatchError` when ``spec`` is neither."""
    path = Path(spec)
    try:
        if path.is_file():
            return _pairs_from_tsv(path)
        if not path.is_dir():
            raise BatchError(
                f"{path} does not exist; give a folder of pairs or a TSV of left and right paths."
            )
        if (path / "left").is_dir() and (path / "right").is_dir():
            return _pairs_from_subfolders(path / "left", path / "right")
        return _pairs_by_tag(path, tags)
    except OSError as err:
        raise BatchError(os_error_sentence(err, path)) from None


# --- one pair ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Options:
    output: str
    segment: str = "auto"
    base: str = "right"
    max_bytes: int = MAX_INPUT_BYTES
    glossary: Glossary | None = None


def _snippet(text: str, limit: int = 140) -> str:
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def compare_pair(pair: Pair, report: str, review: str, options: Options) -> PairResult:
    """Compare and check one pair and write its report and review (the file names ``report`` and
    ``review`` are in the output folder and were checked against the inputs already)."""
    result = PairResult(pair.name, pair.left, pair.right)
    try:
        left = load_document(pair.left, options.max_bytes)
        right = load_document(pair.right, options.max_bytes)
        comparison = compare(left, right, segment=options.segment)
        analysis = analyse(comparison, options.glossary)
        out = Path(options.output)
        atomic_write(out / report, to_html(analysis).encode("utf-8"))
        save_session(out / review, Review(analysis, options.base))
    except CompareError as err:
        result.error = str(err)
        return result
    except MemoryError:
        result.error = "There is not enough memory to compare these files."
        return result
    except Exception as err:  # a bug in one pair must not end the run: say so plainly
        result.error = f"The files could not be compared ({type(err).__name__}: {err})."
        return result
    result.passages = len(comparison.passages)
    result.divergent = len(comparison.divergent)
    counts = dict.fromkeys((str(s) for s in SEVERITIES), 0)
    for f in analysis.findings:
        counts[str(f.severity)] += 1
    result.findings = counts
    result.attention = round(sum(score_points(x) for x in analysis.scores), 1)
    for i in analysis.ranked[:TOP]:
        p = comparison.passages[i]
        if p.kind == EQUAL and not analysis.by_passage.get(i):
            break
        lt = comparison.left.text[slice(*p.left)]
        rt = comparison.right.text[slice(*p.right)]
        result.top.append(
            {"passage": i + 1, "kind": str(p.kind), "score": round(analysis.score(i), 3),
             "left": _snippet(lt), "right": _snippet(rt)}
        )  # fmt: skip
    result.report, result.review = report, review
    return result


def _job(args: tuple[Pair, str, str, Options]) -> PairResult:
    return compare_pair(*args)


# --- the run -----------------------------------------------------------------------------------
_UNSAFE = re.compile(r"[^\w.\-]+")


def _output_names(pairs: Sequence[Pair]) -> list[str]:
    """A distinct, safe file stem for each pair."""
    seen: dict[str, int] = {}
    out = []
    for pair in pairs:
        stem = _UNSAFE.sub("_", pair.name).strip("._") or "pair"
        n = seen.get(stem.lower(), 0) + 1
        seen[stem.lower()] = n
        out.append(stem if n == 1 else f"{stem}-{n}")
    return out


def _file_ids(paths: Sequence[tuple[str, str]]) -> dict[tuple[int, int], tuple[str, str]]:
    ids = {}
    for what, p in paths:
        with contextlib.suppress(OSError):
            st = os.stat(p)
            ids[(st.st_dev, st.st_ino)] = (what, p)
    return ids


def _protected(path: Path, ids: dict[tuple[int, int], tuple[str, str]]) -> list[tuple[str, str]]:
    """The input ``path`` is, if any (for :func:`guard_output` to refuse with its sentence)."""
    try:
        st = os.stat(path)
    except OSError:
        return []
    hit = ids.get((st.st_dev, st.st_ino))
    return [hit] if hit else []


def _pool(workers: int) -> ProcessPoolExecutor:
    # fork is cheap and safe in a single-threaded process (the command line): the workers start
    # with the engine imported already
    method = "fork" if os.name == "posix" and threading.active_count() == 1 else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


class Batch:
    """One run over ``pairs`` into the folder ``options.output``; ``protect``: more files that no
    output may replace (the list of pairs)."""

    def __init__(self, pairs: Sequence[Pair], options: Options, protect: Sequence[tuple[str, str]] = ()):
        self.pairs = list(pairs)
        self.options = options
        self.out = Path(options.output)
        if self.out.exists() and not self.out.is_dir():
            raise BatchError(f"{self.out} is not a folder; give --output a folder for the reports.")
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise BatchError(os_error_sentence(err, self.out, "written")) from None
        inputs = [*protect]
        for p in self.pairs:
            inputs += [(f"the left file of {p.name}", p.left), (f"the right file of {p.name}", p.right)]
        self._ids = _file_ids(inputs)
        for name in (SUMMARY, RECORDS):
            self.guard(name)  # the run cannot happen if its summary would replace an input

    def guard(self, name: str) -> None:
        """Refuse (ProtectedOutput) when ``name`` in the output folder is one of the inputs."""
        guard_output(self.out / name, _protected(self.out / name, self._ids), forcible=False)

    def run(
        self, workers: int | None = None, progress: Callable[[int, int, PairResult], None] | None = None
    ) -> Iterator[PairResult]:
        """Compare every pair (in ``workers`` processes; default one per core) and yield the
        results as they finish; ``progress(done, total, result)`` after each."""
        jobs, refused = [], []
        for pair, stem in zip(self.pairs, _output_names(self.pairs), strict=True):
            report, review = f"{stem}.html", f"{stem}.ncreview"
            try:
                self.guard(report)
                self.guard(review)
            except CompareError as err:
                refused.append(PairResult(pair.name, pair.left, pair.right, error=str(err)))
                continue
            jobs.append((pair, report, review, self.options))
        total = len(jobs) + len(refused)
        done = 0

        def finished(result: PairResult) -> PairResult:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total, result)
            return result

        for result in refused:
            yield finished(result)
        workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
        if workers == 1:
            for job in jobs:
                yield finished(compare_pair(*job))
            return
        with _pool(workers) as pool:
            futures = {pool.submit(_job, job): job[0] for job in jobs}
            for future in as_completed(futures):
                try:
                    result = future.result()
                except Exception as err:  # the worker process died (killed, out of memory)
                    pair = futures[future]
                    result = PairResult(
                        pair.name,
                        pair.left,
                        pair.right,
                        error=f"The comparison stopped ({type(err).__name__}).",
                    )
                yield finished(result)

    def write_summary(self, results: Sequence[PairResult], title: str) -> None:
        """The HTML summary and the records, sorted by attention, in the output folder."""
        atomic_write(self.out / SUMMARY, summary_html(results, title).encode("utf-8"))
        lines = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in ordered(results))
        atomic_write(self.out / RECORDS, lines.encode("utf-8"))


# --- the summary -------------------------------------------------------------------------------
_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#1d1d1d;background:#fbfbf8;padding:0 1em}
h1{font-size:1.35em;margin-bottom:.2em}p.sub{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%}
th{font-weight:600;text-align:left;padding:.45em .6em;background:#eee;font-size:13px}
td{vertical-align:top;padding:.5em .6em;border-top:1px solid #ddd}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bar{display:inline-block;height:.7em;background:#d9822b;border-radius:2px;vertical-align:middle;margin-right:.4em}
.major{color:#a12a00;font-weight:600}.minor{color:#7a5b00}.info{color:#777}
.top{font:13px Georgia,serif;color:#333;margin-top:.3em}.top b{font:600 11px system-ui,sans-serif;color:#555}
.files{font-size:12px;color:#666}a{color:#0b5394}
.skipped td{color:#8a2b00}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}th{background:#333}td{border-color:#444}
.top{color:#ccc}.files{color:#aaa}a{color:#8ab4f8}.major{color:#ffb38a}.minor{color:#e8d9a0}}
"""


def ordered(results: Sequence[PairResult]) -> list[PairResult]:
    ok = sorted((r for r in results if r.error is None), key=lambda r: (-r.attention, -r.divergent, r.name))
    return ok + sorted((r for r in results if r.error is not None), key=lambda r: r.name)


def summary_html(results: Sequence[PairResult], title: str = "News Compare batch") -> str:
    """The page an editor reads first: every pair, the ones that need the most attention first."""
    rows_in_order = ordered(results)
    compared = [r for r in rows_in_order if r.error is None]
    most = max((r.attention for r in compared), default=0.0) or 1.0
    rows = []
    for rank, r in enumerate(rows_in_order, start=1):
        files = f"<div class=files>{html.escape(Path(r.left).name)} ↔ {html.escape(Path(r.right).name)}</div>"
        if r.error is not None:
            rows.append(
                f"<tr class=skipped><td class=n>–</td><td>{html.escape(r.name)}{files}</td>"
                f"<td colspan=4>skipped: {html.escape(r.error)}</td></tr>"
            )
            continue
        width = max(2, round(120 * r.attention / most)) if r.attention else 0
        found = " ".join(f"<span class={s}>{n} {s}</span>" for s, n in r.findings.items() if n) or "none"
        top = "".join(
            f"<div class=top><b>#{t['passage']} · {html.escape(t['kind'])}</b> {html.escape(t['right'] or t['left'])}</div>"
            for t in r.top[:2]
        )
        links = (
            f"<a href='{html.escape(r.report or '')}'>report</a> · "
            f"<a href='{html.escape(r.review or '')}' download>review</a>"
        )
        rows.append(
            f"<tr><td class=n>{rank}</td><td><a href='{html.escape(r.report or '')}'>{html.escape(r.name)}</a>{files}{top}</td>"
            f"<td class=n><span class=bar style='width:{width}px'></span>{r.attention:.1f}</td>"
            f"<td class=n>{r.divergent} of {r.passages}</td><td>{found}</td><td>{links}</td></tr>"
        )
    differ = sum(1 for r in compared if r.divergent)
    skipped = len(rows_in_order) - len(compared)
    sub = (
        f"{len(compared)} pair{'s' if len(compared) != 1 else ''} compared, {differ} differ"
        + (f", {skipped} skipped" if skipped else "")
        + ". Sorted by attention: the passages' ranking scores added up (how much they changed, "
        "findings included). "
        "Each review (.ncreview) opens in News Compare: <code>news-compare NAME.ncreview</code>."
    )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p class=sub>{sub}</p>"
        "<table><thead><tr><th>#</th><th>pair · most divergent passages</th><th>attention</th>"
        "<th>divergent passages</th><th>findings</th><th>files</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></body></html>\n"
    )
