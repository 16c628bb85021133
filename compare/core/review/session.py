"""Review sessions: a versioned JSON file that holds everything needed to resume.

Both texts are stored (with their paths, encodings, newline styles and hashes), so a
session reopens even when the files have moved or changed; the alignment is stored
too, so manual alignment fixes survive and passages keep their numbers.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare.core.diff.comparison import Comparison
from compare.core.io.document import Document, sha256_text
from compare.core.io.fileio import atomic_write
from compare.core.review.review import Review
from compare.core.review.session_format import FORMAT, SURROGATE, VERSION, Session
from compare.core.review.session_reader import load_session, session_from_json

__all__ = [
    "FORMAT",
    "SESSION_KEYS",
    "VERSION",
    "FileChange",
    "Session",
    "comparison_to_json",
    "files_changed",
    "is_session_file",
    "load_session",
    "review_to_json",
    "save_session",
    "session_from_json",
    "session_to_json",
]


def _doc_to_json(doc: Document, language: str) -> dict[str, Any]:
    return {
        # absolute, so that the review finds its files from any working folder
        "path": os.path.abspath(doc.path) if doc.path else None,
        "encoding": doc.encoding,
        "bom": doc.bom,
        "newline": doc.newline,
        "format": doc.format,
        "sha256": doc.sha256,
        "text_sha256": sha256_text(doc.text),
        "language": language,
        "text": doc.text,
    }


SESSION_KEYS = (
    "format", "version", "left", "right", "segment", "base", "alignment", "changes", "decisions",
    "dismissed", "view",
)  # fmt: skip


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    """The parts of a session that depend on the comparison alone (the texts, the alignment and
    the word changes): a writer of many snapshots of one comparison builds them once."""
    c = comparison
    return {
        "format": FORMAT,
        "version": VERSION,
        "left": _doc_to_json(c.left.document, c.left.language.code),
        "right": _doc_to_json(c.right.document, c.right.language.code),
        "segment": c.segment,
        "alignment": [[list(a), list(b)] for a, b in c.beads],
        # Word changes of each aligned passage, so that reopening a large review does not
        # diff every passage again (null for passages without a word diff).
        "changes": [
            [[*ch.left, *ch.right, str(ch.level)] for ch in p.changes]
            if p.kind == "changed" and p.changes
            else None
            for p in c.passages
            if p.left_segments or p.right_segments
        ],
    }


def review_to_json(review: Review, view: dict[str, Any] | None = None) -> dict[str, Any]:
    """The parts of a session that change as the user works: the decisions, the dismissed
    findings, the base side and the view."""
    return {
        "base": review.base,
        "decisions": [
            {
                "passage": i,
                "choice": d.choice,
                "text": d.text,
                "note": d.note,
                "reviewed": d.reviewed,
            }
            for i, d in sorted(review.decisions().items())
        ],
        # findings the user marked "not an error": [side, rule, start, end]
        "dismissed": [list(key) for key in sorted(review.dismissed())],
        "view": view or {},
    }


def session_to_json(review: Review, view: dict[str, Any] | None = None) -> dict[str, Any]:
    parts = {**comparison_to_json(review.comparison), **review_to_json(review, view)}
    return {key: parts[key] for key in SESSION_KEYS}


def save_session(path: str | os.PathLike[str], review: Review, view: dict[str, Any] | None = None) -> None:
    data = json.dumps(session_to_json(review, view), ensure_ascii=False, indent=1)
    # A file name that is not UTF-8 holds lone surrogates (Python's surrogateescape); JSON
    # carries them as \\u escapes, so the file stays UTF-8 and the name comes back exact.
    data = SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", data)
    atomic_write(path, data.encode("utf-8"))


@dataclass(frozen=True)
class FileChange:
    """A file of a review that is no longer what the review was made from."""

    side: str  # "left" | "right"
    path: str
    state: str  # "changed" | "missing"

    def sentence(self) -> str:
        name = Path(self.path).name
        if self.state == "missing":
            return f"The {self.side} file {name} is no longer on disk; the review keeps the text it was made from."
        return (
            f"The {self.side} file {name} changed on disk since the review was saved; "
            "the review shows the text it was made from."
        )


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_changed(review: Review) -> list[FileChange]:
    """The review's files that changed or vanished since it was made (compared by hash).

    Documents that never were files, or whose hash was not recorded, are not checked.
    """
    out = []
    for side in ("left", "right"):
        doc = review.comparison.side(side).document
        if not doc.path or not doc.sha256:
            continue
        p = Path(doc.path)
        try:
            if not p.is_file():
                out.append(FileChange(side, doc.path, "missing"))
            elif _file_sha256(p) != doc.sha256:
                out.append(FileChange(side, doc.path, "changed"))
        except OSError:
            out.append(FileChange(side, doc.path, "missing"))
    return out


def is_session_file(path: str | os.PathLike[str]) -> bool:
    """Cheap test used by the command line and the window: does the file start like a session?

    Only a regular file is opened (and without waiting), so a named pipe or a device given as a
    file never blocks the caller; it is then refused with a sentence by whoever reads it.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return False
            head = fh.read(4096)
    except (OSError, ValueError):
        return False
    return head.lstrip().startswith(b"{") and FORMAT.encode() in head
