"""The slow work behind the window, as plain functions (no Qt: they also run in a
child process).

Results cross the process boundary as a list of pickled chunks, so the receiving
thread can unpickle them piece by piece and never hold the interpreter lock long
enough to freeze the window.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from compare.core.analysis.analysis import Analysis, analyse
from compare.core.checks.glossary import Glossary
from compare.core.diff.comparison import Comparison, compare
from compare.core.io.document import Document
from compare.core.io.loading import load_document
from compare.core.review.review import Review
from compare.core.review.session import FileChange, Session, files_changed, load_session, session_from_json

CHUNK = 150  # passages per pickled chunk


@dataclass
class Loaded:
    """What a background job hands the window: a review and the saved view state."""

    review: Review
    view: dict[str, Any]
    session_path: str | None = None
    # for a saved or recovered review: its files that changed on disk since it was made
    file_changes: list[FileChange] = field(default_factory=list)


def _prepare(comparison: Comparison, glossary: Glossary | None = None) -> Analysis:
    """Run the artifact checks (findings, ranking; the house glossary's too, when one is given)
    and compute the lazy values the window shows, so the UI thread never does."""
    analysis = analyse(comparison, glossary)
    for side in (comparison.left, comparison.right):
        _ = side.words
    return analysis


def _analysed(review: Review, glossary: Glossary | None) -> Review:
    # the passages stay the same (the analysis adds findings and scores): decisions still fit
    review.analysis = _prepare(review.comparison, glossary)
    return review


def open_pair(left: str, right: str, max_bytes: int, glossary: Glossary | None = None) -> Loaded:
    comparison = _prepare(compare(load_document(left, max_bytes), load_document(right, max_bytes)), glossary)
    return Loaded(Review(comparison), {})


def open_session(path: str, glossary: Glossary | None = None) -> Loaded:
    session: Session = load_session(path)
    return Loaded(_analysed(session.review, glossary), session.view, path, files_changed(session.review))


def restore_session(data: dict[str, Any], glossary: Glossary | None = None) -> Loaded:
    session = session_from_json(data)
    return Loaded(_analysed(session.review, glossary), session.view, None, files_changed(session.review))


def realign(
    left: Document,
    right: Document,
    segment: str,
    left_language: str | None,
    right_language: str | None,
    beads: list[Any],
    glossary: Glossary | None = None,
) -> Loaded:
    """The comparison rebuilt from a changed alignment (merge / split of passages)."""
    from compare.core.review.realign import realign_documents

    rebuilt = realign_documents(left, right, segment, left_language, right_language, beads, glossary)
    for side in (rebuilt.comparison.left, rebuilt.comparison.right):
        _ = side.words
    return Loaded(Review(rebuilt), {})


# --- transport -----------------------------------------------------------------------
def pack(loaded: Loaded) -> list[bytes]:
    """The result as pickled chunks: first everything but the passages (the comparison without
    them), then the passages a chunk at a time."""
    review = loaded.review
    a = review.analysis
    c = a.comparison
    head = pickle.dumps(
        (dataclasses.replace(c, passages=()), a.findings, a.scores, a.checked, a.glossary, review.base,
         review.decisions(), loaded.view, loaded.session_path, loaded.file_changes, len(c.passages)),
        protocol=pickle.HIGHEST_PROTOCOL,
    )  # fmt: skip
    chunks = [head]
    for i in range(0, len(c.passages), CHUNK):
        chunks.append(pickle.dumps(c.passages[i : i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL))
    return chunks


def unpack(chunks: list[bytes], pause: Any = None) -> Loaded:
    """Rebuild what :func:`pack` packed; ``pause()`` runs between chunks (to yield)."""
    shell, findings, scores, checked, glossary, base, decisions, view, session_path, changes, n = (
        pickle.loads(chunks[0])
    )
    passages: list[Any] = []
    for chunk in chunks[1:]:
        passages.extend(pickle.loads(chunk))
        if pause is not None:
            pause()
    if len(passages) != n:
        raise ValueError("incomplete result")
    comparison = dataclasses.replace(shell, passages=tuple(passages))
    review = Review(Analysis(comparison, findings, scores, checked, glossary), base)
    for i, d in decisions.items():
        review.set_decision(i, d)
    return Loaded(review, view, session_path, changes)


def run_packed(name: str, *args: Any) -> list[bytes]:
    """Entry point in the child process."""
    return pack(JOBS[name](*args))


JOBS: dict[str, Callable[..., Loaded]] = {
    "pair": open_pair,
    "session": open_session,
    "restore": restore_session,
    "realign": realign,
}
