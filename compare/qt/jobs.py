"""The slow work behind the window, as plain functions (no Qt: they also run in a
child process).

Results cross the process boundary as a list of pickled chunks, so the receiving
thread can unpickle them piece by piece and never hold the interpreter lock long
enough to freeze the window.

A pair opened in the child process comes in three steps: the comparison as soon as it is aligned
(the window shows it and can be worked in, without word highlights yet), then, from the job
``words``, the word changes of its passages, then, from the job ``checks``, the findings and the
ranking, which take as long again on a large pair. The child holds the comparison for those
later jobs, so it never crosses the process boundary twice.
"""

from __future__ import annotations

import dataclasses
import gc
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from compare.core.analysis.analysis import Analysis, analyse
from compare.core.analysis.beside import Checked, ChecksBeside
from compare.core.checks.finding import Finding
from compare.core.checks.glossary import Glossary
from compare.core.collector import collector_paused
from compare.core.diff.comparison import Comparison, Passage, compare, diff_pending, with_diffed
from compare.core.errors import CompareError
from compare.core.io.document import Document
from compare.core.io.loading import load_document
from compare.core.progress import CHECKING, READING, Cancelled, Progress, report
from compare.core.review.review import Review
from compare.core.review.session import FileChange, Session, files_changed, load_session, session_from_json
from compare.qt.recovery import fixed_parts

CHUNK = 150  # passages per pickled chunk
FINDINGS_CHUNK = 1000  # findings per pickled chunk (a megabyte pair has about 13 000)


@dataclass
class Loaded:
    """What a background job hands the window: a review and the saved view state."""

    review: Review
    view: dict[str, Any]
    session_path: str | None = None
    # for a saved or recovered review: its files that changed on disk since it was made
    file_changes: list[FileChange] = field(default_factory=list)
    # the review is not checked yet: the job "checks" (given this job's number) brings its findings
    checks_pending: bool = False

    @property
    def words_pending(self) -> bool:
        """Its comparison is aligned but not diffed: the job "words" brings the word changes."""
        return self.review.comparison.words_pending


@dataclass(frozen=True)
class Words:
    """Passages of a comparison shown before their word diffs, now with them (the job
    ``words``): the same passages, with their changes and divergence."""

    passages: tuple[Passage, ...]

    def comparison(self, shown: Comparison) -> Comparison:
        """``shown`` (the comparison these passages belong to) with these word changes in."""
        return with_diffed(shown, self.passages)


@dataclass(frozen=True)
class Checks:
    """What the checks add to a comparison shown before them (the job ``checks``)."""

    findings: tuple[Finding, ...]
    scores: tuple[float, ...]
    glossary: Glossary | None
    # the comparison's parts of a recovery file, encoded (compare.qt.recovery.fixed_parts)
    session_parts: dict[str, str] | None = None

    def analysis(self, comparison: Comparison) -> Analysis:
        return Analysis(comparison, self.findings, self.scores, True, self.glossary)


@dataclass
class _Held:
    """A pair opened in two steps, kept in the child process for its checks."""

    comparison: Comparison
    glossary: Glossary | None
    beside: ChecksBeside | None  # the single-version checks, run beside the comparison
    checked: Checked | None = None  # what they found, once taken
    shown_without: tuple[int, ...] = ()  # the passages its window got without their word diffs

    def diff(self, indices: list[int] | None, progress: Progress | None = None) -> tuple[Passage, ...]:
        """The passages of ``indices`` (None: all that the comparison was shown without), with
        their word diffs: made now for those that still wait, kept from an earlier job for the
        others (a job whose answer was cancelled may have made them: the window asks again)."""
        c = self.comparison
        shown_without = set(self.shown_without)
        wanted = self.shown_without if indices is None else [i for i in indices if i in shown_without]
        self.comparison = c = with_diffed(c, diff_pending(c, wanted, progress))
        return tuple(c.passages[i] for i in wanted)

    def version_checks(self) -> Checked | None:
        if self.beside is not None:
            self.checked, self.beside = self.beside.result(), None
        return self.checked

    def drop(self) -> None:
        if self.beside is not None:
            self.beside.cancel()
            self.beside = None


#: The latest pair opened in two steps, by its job's number: what the job ``checks`` reads. One
#: at a time: the next pair replaces it.
_held: dict[int, _Held] = {}


def _words(comparison: Comparison) -> None:
    """Compute the lazy values the window shows, so the UI thread never does."""
    for side in (comparison.left, comparison.right):
        _ = side.words


def _prepare(
    comparison: Comparison, glossary: Glossary | None = None, progress: Progress | None = None
) -> Analysis:
    """Run the artifact checks (findings, ranking; the house glossary's too, when one is given)
    and compute the lazy values the window shows."""
    analysis = analyse(comparison, glossary, progress=progress)
    _words(comparison)
    return analysis


def _analysed(review: Review, glossary: Glossary | None, progress: Progress | None = None) -> Review:
    # the passages stay the same (the analysis adds findings and scores): decisions still fit
    report(progress, CHECKING, 0, 0)
    review.analysis = _prepare(review.comparison, glossary, progress)
    return review


def open_pair(
    left: str,
    right: str,
    max_bytes: int,
    glossary: Glossary | None = None,
    progress: Progress | None = None,
    hold: int | None = None,
) -> Loaded:
    """Compare two files and check them; with ``hold`` (this job's number), return the comparison
    as soon as it is aligned, without word diffs and unchecked, and keep it for the jobs ``words``
    and ``checks`` (:func:`run_words`, :func:`run_checks`)."""
    report(progress, READING, 0, 2)
    left_document = load_document(left, max_bytes)
    report(progress, READING, 1, 2)
    right_document = load_document(right, max_bytes)
    report(progress, READING, 2, 2)
    if hold is None:
        comparison = compare(left_document, right_document, progress=progress)
        return Loaded(Review(_prepare(comparison, glossary, progress)), {})
    # the checks of each version need only its text: on a large pair they run on the other core
    # while this one aligns and diffs (the child process is single-threaded, so it may fork)
    beside = ChecksBeside((left_document.text, right_document.text))
    try:
        comparison = compare(left_document, right_document, progress=progress, words=False)
    except BaseException:
        beside.cancel()
        raise
    _words(comparison)
    for old in _held.values():
        old.drop()
    _held.clear()
    _held[hold] = _Held(comparison, glossary, beside, shown_without=comparison.pending_words)
    return Loaded(Review(Analysis.unchecked(comparison)), {}, checks_pending=True)


def _held_for(pair_job: int) -> _Held:
    held = _held.get(pair_job)
    if held is None:
        raise CompareError("the comparison to check is no longer at hand; reload the files to check them")
    return held


def run_words(pair_job: int, indices: list[int] | None = None, progress: Progress | None = None) -> Words:
    """The word changes of the comparison that the job ``pair_job`` opened in steps: of the
    passages of ``indices`` (the ones in view, first), or of all it was shown without."""
    return Words(_held_for(pair_job).diff(indices, progress))


def run_checks(pair_job: int, progress: Progress | None = None) -> Checks:
    """The checks of the comparison that the job ``pair_job`` opened in steps (diffed first, if
    the job ``words`` did not run). It stays held (a cancelled check can be run again) until the
    next pair replaces it."""
    held = _held_for(pair_job)
    held.diff(None, progress)  # what the words jobs did not bring yet (usually nothing)
    comparison = held.comparison
    analysis = analyse(comparison, held.glossary, held.version_checks(), progress=progress)
    # built here, in the child, so that the window's recovery writer never has to
    return Checks(analysis.findings, analysis.scores, held.glossary, fixed_parts(comparison))


def open_session(path: str, glossary: Glossary | None = None, progress: Progress | None = None) -> Loaded:
    report(progress, READING, 0, 1)
    session: Session = load_session(path)
    return Loaded(
        _analysed(session.review, glossary, progress), session.view, path, files_changed(session.review)
    )


def restore_session(
    data: dict[str, Any], glossary: Glossary | None = None, progress: Progress | None = None
) -> Loaded:
    report(progress, READING, 0, 1)
    session = session_from_json(data)
    return Loaded(
        _analysed(session.review, glossary, progress), session.view, None, files_changed(session.review)
    )


def realign(
    left: Document,
    right: Document,
    segment: str,
    left_language: str | None,
    right_language: str | None,
    beads: list[Any],
    glossary: Glossary | None = None,
    progress: Progress | None = None,
) -> Loaded:
    """The comparison rebuilt from a changed alignment (merge / split of passages)."""
    from compare.core.review.realign import realign_documents

    rebuilt = realign_documents(left, right, segment, left_language, right_language, beads, glossary)
    for side in (rebuilt.comparison.left, rebuilt.comparison.right):
        _ = side.words
    return Loaded(Review(rebuilt), {})


# --- transport -----------------------------------------------------------------------
def pack(loaded: Loaded) -> list[bytes]:
    """The result as pickled chunks: first everything but the passages and the findings (the
    comparison without them), then the findings and the passages a chunk at a time."""
    review = loaded.review
    a = review.analysis
    c = a.comparison
    head = pickle.dumps(
        (dataclasses.replace(c, passages=()), a.scores, a.checked, a.glossary, review.base,
         review.decisions(), loaded.view, loaded.session_path, loaded.file_changes, len(c.passages),
         len(a.findings), loaded.checks_pending),
        protocol=pickle.HIGHEST_PROTOCOL,
    )  # fmt: skip
    chunks = [head]
    for i in range(0, len(a.findings), FINDINGS_CHUNK):
        chunks.append(pickle.dumps(a.findings[i : i + FINDINGS_CHUNK], protocol=pickle.HIGHEST_PROTOCOL))
    for i in range(0, len(c.passages), CHUNK):
        chunks.append(pickle.dumps(c.passages[i : i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL))
    return chunks


def unpack(chunks: list[bytes], pause: Any = None) -> Loaded:
    """Rebuild what :func:`pack` packed; ``pause()`` runs between chunks (to yield).

    What is rebuilt is frozen out of the collector a chunk at a time (:func:`gc.freeze`): it
    lives as long as the window shows it, and full collections that rescanned it were the
    window's longest stalls."""
    shell, scores, checked, glossary, base, decisions, view, session_path, changes, n, n_findings, pending = (
        pickle.loads(chunks[0])
    )
    gc.freeze()
    found: list[Any] = []
    passages: list[Any] = []
    for chunk in chunks[1:]:
        part = pickle.loads(chunk)
        (found if len(found) < n_findings else passages).extend(part)
        gc.freeze()
        if pause is not None:
            pause()
    if len(passages) != n or len(found) != n_findings:
        raise ValueError("incomplete result")
    findings = tuple(found)
    comparison = dataclasses.replace(shell, passages=tuple(passages))
    review = Review(Analysis(comparison, findings, scores, checked, glossary), base)
    for i, d in decisions.items():
        review.set_decision(i, d)
    return Loaded(review, view, session_path, changes, pending)


def pack_words(words: Words) -> list[bytes]:
    """The passages with their word changes, a chunk at a time."""
    found = words.passages
    return [pickle.dumps(len(found), protocol=pickle.HIGHEST_PROTOCOL)] + [
        pickle.dumps(found[i : i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
        for i in range(0, len(found), CHUNK)
    ]


def unpack_words(chunks: list[bytes], pause: Any = None) -> Words:
    """Rebuild what :func:`pack_words` packed (frozen out of the collector, as :func:`unpack`)."""
    n = pickle.loads(chunks[0])
    passages: list[Passage] = []
    for chunk in chunks[1:]:
        passages.extend(pickle.loads(chunk))
        gc.freeze()
        if pause is not None:
            pause()
    if len(passages) != n:
        raise ValueError("incomplete result")
    return Words(tuple(passages))


def pack_checks(checks: Checks) -> list[bytes]:
    """The checks as pickled chunks: the scores and the glossary, then the findings in chunks."""
    parts = checks.session_parts or {}
    head = pickle.dumps(
        (checks.scores, checks.glossary, len(checks.findings), list(parts)), protocol=pickle.HIGHEST_PROTOCOL
    )
    found = checks.findings
    return (
        [head]
        + [
            pickle.dumps(found[i : i + FINDINGS_CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
            for i in range(0, len(found), FINDINGS_CHUNK)
        ]
        + [pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts.values()]
    )


def unpack_checks(chunks: list[bytes], pause: Any = None) -> Checks:
    """Rebuild what :func:`pack_checks` packed (frozen out of the collector, as :func:`unpack`)."""
    scores, glossary, n, keys = pickle.loads(chunks[0])
    found: list[Finding] = []
    findings_chunks = len(chunks) - 1 - len(keys)
    for chunk in chunks[1 : 1 + findings_chunks]:
        found.extend(pickle.loads(chunk))
        gc.freeze()
        if pause is not None:
            pause()
    parts: dict[str, str] = {}
    for key, chunk in zip(keys, chunks[1 + findings_chunks :], strict=True):
        parts[key] = pickle.loads(chunk)  # one string each: no objects for the collector
        if pause is not None:
            pause()
    if len(found) != n:
        raise ValueError("incomplete result")
    return Checks(tuple(found), scores, glossary, parts or None)


# --- in the child process ---------------------------------------------------------------
_channel: tuple[Any, Any] | None = None  # (queue of progress reports, numbers of cancelled jobs)


def init_child(reports: Any, cancelled: Any) -> None:
    """The child's initializer: where its jobs report progress and learn they were cancelled."""
    global _channel
    _channel = (reports, cancelled)


def _child_progress(number: int) -> Progress | None:
    if _channel is None:
        return None
    reports, cancelled = _channel

    def progress(stage: str, done: int, total: int) -> None:
        if number in cancelled[:]:
            raise Cancelled
        reports.put((number, stage, done, total))

    return progress


def run_packed(name: str, number: int, *args: Any) -> list[bytes]:
    """Entry point in the child process (``number``: the job's, for its progress reports and
    for the comparison a pair holds for its checks)."""
    progress = _child_progress(number)
    with collector_paused(thaw=True):  # the checks of the 1 MB pair: 1.5 s instead of 2.0
        if name == "checks":
            return pack_checks(run_checks(int(args[0]), progress=progress))
        if name == "words":
            return pack_words(run_words(int(args[0]), args[1] if len(args) > 1 else None, progress=progress))
        if name in STAGED:
            return pack(JOBS[name](*args, progress=progress, hold=number))
        return pack(JOBS[name](*args, progress=progress))


def run_here(name: str, *args: Any, progress: Progress | None = None) -> Loaded | Words | Checks:
    """Job ``name`` run in this process (a thread's job: nothing is held for checks here)."""
    if name == "checks":
        return run_checks(int(args[0]), progress=progress)
    if name == "words":
        return run_words(int(args[0]), args[1] if len(args) > 1 else None, progress=progress)
    return JOBS[name](*args, progress=progress)


def unpack_result(name: str, chunks: list[bytes], pause: Any = None) -> Loaded | Words | Checks:
    """What :func:`run_packed` packed for job ``name``."""
    if name == "checks":
        return unpack_checks(chunks, pause)
    if name == "words":
        return unpack_words(chunks, pause)
    return unpack(chunks, pause)


JOBS: dict[str, Callable[..., Loaded]] = {
    "pair": open_pair,
    "session": open_session,
    "restore": restore_session,
    "realign": realign,
}
#: Jobs that, in the child process, show the comparison before its word diffs and its checks
#: (``words`` and ``checks`` follow).
STAGED = frozenset({"pair"})
