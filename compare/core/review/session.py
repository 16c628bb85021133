"""Review sessions: a versioned JSON file that holds everything needed to resume.

Both texts are stored (with their paths, encodings, newline styles and hashes), so a
session reopens even when the files have moved or changed; the alignment is stored
too, so manual alignment fixes survive and passages keep their numbers.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.core.align.same_language import Bead
from compare.core.diff.comparison import compare
from compare.core.diff.worddiff import Change, Level
from compare.core.errors import SessionError, os_error_sentence
from compare.core.io.document import Document, sha256_text
from compare.core.io.fileio import atomic_write
from compare.core.limits import MAX_SESSION_BYTES
from compare.core.review.review import Choice, Decision, Review

FORMAT = "news-compare-session"
VERSION = 1


@dataclass
class Session:
    review: Review
    view: dict[str, Any] = field(default_factory=dict)  # window state: scroll position, current passage


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


def session_to_json(review: Review, view: dict[str, Any] | None = None) -> dict[str, Any]:
    c = review.comparison
    return {
        "format": FORMAT,
        "version": VERSION,
        "left": _doc_to_json(c.left.document, c.left.language.code),
        "right": _doc_to_json(c.right.document, c.right.language.code),
        "segment": c.segment,
        "base": review.base,
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


def save_session(path: str | os.PathLike[str], review: Review, view: dict[str, Any] | None = None) -> None:
    data = json.dumps(session_to_json(review, view), ensure_ascii=False, indent=1)
    atomic_write(path, data.encode("utf-8"))


def _doc_from_json(obj: Any, where: str) -> tuple[Document, str]:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise SessionError(f"The session has no {where} text.")
    text = obj["text"]
    if obj.get("text_sha256") and obj["text_sha256"] != sha256_text(text):
        raise SessionError(f"The session's {where} text is damaged (its checksum does not match).")
    encoding = str(obj.get("encoding") or "utf-8")
    try:
        "".encode(encoding)
    except LookupError:
        raise SessionError(f"The session names an unknown encoding for the {where} text.") from None
    doc = Document(
        text=text,
        path=obj.get("path"),
        encoding=encoding,
        bom=bool(obj.get("bom", False)),
        newline=str(obj.get("newline", "lf")),
        sha256=str(obj.get("sha256", "")),
        format=str(obj.get("format", "txt")),
    )
    return doc, str(obj.get("language") or "")


def _changes_from_json(raw: Any, beads: list[Bead] | None) -> list[tuple[Change, ...] | None] | None:
    """Stored word changes, or None to diff again (absent, or not matching the beads)."""
    if beads is None or not isinstance(raw, list) or len(raw) != len(beads):
        return None
    out: list[tuple[Change, ...] | None] = []
    try:
        for item in raw:
            if item is None:
                out.append(None)
            else:
                # Sessions before levels stored four numbers: diff those passages again.
                out.append(
                    tuple(
                        Change((int(a), int(b)), (int(c), int(d)), Level(level)) for a, b, c, d, level in item
                    )
                )
    except (TypeError, ValueError):
        return None
    return out


def session_from_json(data: Any) -> Session:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError("This is not a News Compare session file.")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise SessionError("The session file has no valid version number.")
    if version > VERSION:
        raise SessionError(
            f"The session was saved by a newer News Compare (format {version}); please update."
        )
    left, llang = _doc_from_json(data.get("left"), "left")
    right, rlang = _doc_from_json(data.get("right"), "right")
    beads = data.get("alignment")
    try:
        parsed = (
            [(tuple(int(i) for i in a), tuple(int(j) for j in b)) for a, b in beads]
            if beads is not None
            else None
        )
    except (TypeError, ValueError):
        raise SessionError("The session's alignment is damaged.") from None
    known = _changes_from_json(data.get("changes"), parsed)
    try:
        comparison = compare(
            left,
            right,
            segment=str(data.get("segment", "auto")),
            beads=parsed,
            left_language=llang or None,
            right_language=rlang or None,
            known_changes=known,
        )
    except ValueError:
        raise SessionError("The session's alignment does not fit its texts; the file is damaged.") from None
    base = data.get("base", "right")
    if base not in ("left", "right"):
        raise SessionError("The session names no valid base side.")
    review = Review(comparison, base)
    for item in data.get("decisions") or []:
        try:
            index = int(item["passage"])
            decision = Decision(
                choice=Choice(str(item.get("choice", "keep"))),
                text=str(item.get("text", "")),
                note=str(item.get("note", "")),
                reviewed=bool(item.get("reviewed", False)),
            )
            review.set_decision(index, decision)
        except (KeyError, TypeError, ValueError, IndexError):
            raise SessionError("A decision in the session is damaged.") from None
    dismissed = data.get("dismissed") or []
    try:
        for side, rule, start, end in dismissed:
            review.set_dismissed((str(side), str(rule), int(start), int(end)), True)
    except (TypeError, ValueError):
        raise SessionError("The session's list of dismissed findings is damaged.") from None
    view = data.get("view")
    return Session(review, view if isinstance(view, dict) else {})


def load_session(path: str | os.PathLike[str]) -> Session:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_SESSION_BYTES:
            raise SessionError(f"{p} is too large to be a session file.")
        raw = p.read_bytes()
    except IsADirectoryError:
        raise SessionError(f"{p} is a folder, not a session file.") from None
    except OSError as err:
        raise SessionError(os_error_sentence(err, p)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SessionError(f"{p.name} is not a News Compare session file (it is not valid JSON).") from None
    return session_from_json(data)


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
    """Cheap test used by the command line: does the file start like a session?"""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and FORMAT.encode() in head
