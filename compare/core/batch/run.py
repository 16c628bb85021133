"""One pair compared, checked and written; and the run over all pairs in a pool of processes."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from compare.core.analysis.analysis import analyse
from compare.core.analysis.ranking import score_points
from compare.core.batch.records import RECORDS, SUMMARY, TOP, BatchError, Pair, PairResult
from compare.core.batch.summary import ordered, summary_html
from compare.core.checks.finding import SEVERITIES
from compare.core.checks.glossary import Glossary
from compare.core.diff.comparison import EQUAL, compare
from compare.core.errors import CompareError, os_error_sentence
from compare.core.export.diff_report import to_html
from compare.core.io.fileio import atomic_write, guard_output
from compare.core.io.loading import load_document
from compare.core.limits import MAX_INPUT_BYTES
from compare.core.review.review import Review
from compare.core.review.session import save_session


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
