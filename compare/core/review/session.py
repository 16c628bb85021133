"""Review sessions: a versioned JSON file that holds everything needed to resume.

Both texts are stored (with their paths, encodings, newline styles and hashes), so a
session reopens even when the files have moved or changed; the alignment is stored
too, so manual alignment fixes survive and passages keep their numbers.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.core.align.same_language import Bead
from compare.core.diff.comparison import Comparison, compare
from compare.core.diff.worddiff import Change, Level
from compare.core.errors import SessionError
from compare.core.io.document import BOMS, Document, sha256_text
from compare.core.io.fileio import atomic_write
from compare.core.io.loading import read_bytes
from compare.core.limits import (
    MAX_INPUT_BYTES,
    MAX_SESSION_BYTES,
    MAX_SESSION_CONTAINERS,
    MAX_SESSION_SHORT_STRING,
    human_size,
)
from compare.core.review.review import DECISIONS, Choice, Decision, Review

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
    data = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", data)
    atomic_write(path, data.encode("utf-8"))


# --- reading: every field is checked against the schema below before it is used ------------
#
# The structure is checked by hand rather than with a JSON Schema library: a review of a large
# article has millions of alignment entries, which a generic validator walks a hundred times
# slower. A session that does not fit gives one sentence; nothing in it reaches the engine
# unchecked (types, ranges, encodings, lengths, lone surrogates).

_NEWLINES = ("lf", "crlf", "cr", "mixed", "none")
_FORMATS = ("txt", "md", "docx", "html")
_SEGMENTS = ("auto", "lines")
_MAX_INDEX = 10**9  # no text has more sentences or characters than this
_SURROGATE = re.compile("[\ud800-\udfff]")
_HEX64 = re.compile("[0-9a-f]{64}")


def _damaged(what: str) -> SessionError:
    return SessionError(f"The session file is damaged: {what}.")


def _is_int(value: Any, high: int = _MAX_INDEX) -> bool:
    return type(value) is int and 0 <= value <= high


def _string(
    value: Any,
    what: str,
    limit: int = MAX_SESSION_SHORT_STRING,
    empty: bool = True,
    surrogates: bool = False,
) -> str:
    if not isinstance(value, str):
        raise _damaged(f"{what} is not text")
    if len(value) > limit:
        raise _damaged(f"{what} is longer than {limit:,} characters")
    if not empty and not value:
        raise _damaged(f"{what} is empty")
    if not surrogates and _SURROGATE.search(value):
        raise _damaged(f"{what} holds a broken character (a lone UTF-16 surrogate)")
    return value


def _text_codec(value: Any, where: str, bom: bool) -> str:
    """An encoding the text can be written back in: a text codec that encodes and decodes."""
    name = _string(value if value is not None else "utf-8", f"the {where} text's encoding", 64)
    try:
        info = codecs.lookup(name)
        if not getattr(info, "_is_text_encoding", True):
            raise LookupError(name)
        "".encode(name)
        b"".decode(name)
    except (LookupError, UnicodeError, ValueError, TypeError):
        raise SessionError(
            f"The session names {name!r} as the encoding of the {where} text, which is not a text encoding."
        ) from None
    if bom:
        if info.name not in BOMS:
            raise SessionError(
                f"The session says the {where} text is {name} with a byte order mark, which {name} does not have."
            )
        return info.name
    return name


def _choice(value: Any, options: tuple[str, ...], what: str, default: str) -> str:
    if value is None:
        return default
    if not isinstance(value, str) or value not in options:
        raise _damaged(f"{what} is not one of {', '.join(options)}")
    return value


def _doc_from_json(obj: Any, where: str, max_chars: int) -> tuple[Document, str]:
    if not isinstance(obj, dict) or "text" not in obj:
        raise SessionError(f"The session has no {where} text.")
    text = obj["text"]
    if not isinstance(text, str):
        raise SessionError(f"The session has no {where} text.")
    if len(text) > max_chars:
        raise SessionError(
            f"The session's {where} text is larger than the size limit ({human_size(max_chars)})."
        )
    if _SURROGATE.search(text):
        raise _damaged(f"the {where} text holds a broken character (a lone UTF-16 surrogate)")
    checksum = obj.get("text_sha256")
    if checksum and checksum != sha256_text(text):
        raise SessionError(f"The session's {where} text is damaged (its checksum does not match).")
    bom = obj.get("bom", False)
    if type(bom) is not bool:
        raise _damaged(f"the {where} byte order mark is not true or false")
    path = obj.get("path")
    if path is not None:
        # a file name that is not UTF-8 is held with lone surrogates (surrogateescape)
        path = _string(path, f"the {where} file name", 4096, empty=False, surrogates=True)
        if "\x00" in path:
            raise _damaged(f"the {where} file name holds a NUL character")
    sha = obj.get("sha256") or ""
    if not isinstance(sha, str) or (sha and not _HEX64.fullmatch(sha)):
        raise _damaged(f"the {where} file's checksum is not a SHA-256")
    language = obj.get("language") or ""
    _string(language, f"the {where} language", 32)
    doc = Document(
        text=text,
        path=path,
        encoding=_text_codec(obj.get("encoding"), where, bom),
        bom=bom,
        newline=_choice(obj.get("newline"), _NEWLINES, f"the {where} newline style", "lf"),
        sha256=sha,
        format=_choice(obj.get("format"), _FORMATS, f"the {where} format", "txt"),
    )
    return doc, language


def _beads_from_json(raw: Any) -> list[Bead] | None:
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise SessionError("The session's alignment is damaged.")
    beads: list[Bead] = []
    for bead in raw:
        if not (
            isinstance(bead, list)
            and len(bead) == 2
            and isinstance(bead[0], list)
            and isinstance(bead[1], list)
        ):
            raise SessionError("The session's alignment is damaged.")
        a, b = bead
        if not all(_is_int(i) for i in a) or not all(_is_int(j) for j in b):
            raise SessionError("The session's alignment is damaged.")
        beads.append((tuple(a), tuple(b)))
    return beads


def _changes_from_json(
    raw: Any, beads: list[Bead] | None, left: int, right: int
) -> list[tuple[Change, ...] | None] | None:
    """Stored word changes, or None to diff again (absent, or not matching the beads)."""
    if beads is None or not isinstance(raw, list) or len(raw) != len(beads):
        return None
    out: list[tuple[Change, ...] | None] = []
    levels = {str(level) for level in Level}
    for item in raw:
        if item is None:
            out.append(None)
            continue
        if not isinstance(item, list):
            return None
        changes = []
        for ch in item:
            if isinstance(ch, list) and len(ch) == 4:
                return None  # a session from before levels: diff its passages again
            if not (
                isinstance(ch, list)
                and len(ch) == 5
                and _is_int(ch[0], left)
                and _is_int(ch[1], left)
                and _is_int(ch[2], right)
                and _is_int(ch[3], right)
                and ch[0] <= ch[1]
                and ch[2] <= ch[3]
                and ch[4] in levels
            ):
                return None
            changes.append(Change((ch[0], ch[1]), (ch[2], ch[3]), Level(ch[4])))
        out.append(tuple(changes))
    return out


def _view_from_json(raw: Any) -> dict[str, Any]:
    """The window's state (scroll position, current passage): scalars only, others dropped."""
    if not isinstance(raw, dict):
        return {}
    view: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or len(key) > 64:
            continue
        scalar = (
            value is None
            or type(value) is bool
            or (type(value) is int and abs(value) <= _MAX_INDEX * 1000)
            or (isinstance(value, str) and len(value) <= 4096 and not _SURROGATE.search(value))
        )
        if scalar:
            view[key] = value
    return view


def session_from_json(data: Any, max_chars: int = MAX_INPUT_BYTES) -> Session:
    """The review a parsed session file holds; :class:`SessionError` with one sentence if it does
    not fit the schema. ``max_chars`` limits each of the two texts (and a hand-edited passage)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError("This is not a News Compare session file.")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise SessionError("The session file has no valid version number.")
    if version > VERSION:
        raise SessionError(
            f"The session was saved by a newer News Compare (format {version}); please update."
        )
    left, llang = _doc_from_json(data.get("left"), "left", max_chars)
    right, rlang = _doc_from_json(data.get("right"), "right", max_chars)
    parsed = _beads_from_json(data.get("alignment"))
    known = _changes_from_json(data.get("changes"), parsed, len(left.text), len(right.text))
    segment = _choice(data.get("segment"), _SEGMENTS, "the segmentation", "auto")
    base = data.get("base", "right")
    if base not in ("left", "right"):
        raise SessionError("The session names no valid base side.")
    decisions = data.get("decisions") or []
    if not isinstance(decisions, list):
        raise SessionError("A decision in the session is damaged.")
    try:
        comparison = compare(
            left,
            right,
            segment=segment,
            beads=parsed,
            left_language=llang or None,
            right_language=rlang or None,
            known_changes=known,
        )
    except ValueError:
        raise SessionError("The session's alignment does not fit its texts; the file is damaged.") from None
    review = Review(comparison, base)
    for item in decisions:
        if not isinstance(item, dict) or not _is_int(item.get("passage"), len(review.passages) - 1):
            raise SessionError("A decision in the session is damaged.")
        choice = item.get("choice", "keep")
        reviewed = item.get("reviewed", False)
        if choice not in DECISIONS or type(reviewed) is not bool:
            raise SessionError("A decision in the session is damaged.")
        decision = Decision(
            choice=Choice(choice),
            text=_string(item.get("text", ""), "a hand-edited passage", max_chars),
            note=_string(item.get("note", ""), "a note", max_chars),
            reviewed=reviewed,
        )
        review.set_decision(item["passage"], decision)
    dismissed = data.get("dismissed", [])
    if not isinstance(dismissed, list) or len(dismissed) > MAX_SESSION_CONTAINERS:
        raise SessionError("The session's list of dismissed findings is damaged.")
    for key in dismissed:
        if not (
            isinstance(key, list)
            and len(key) == 4
            and key[0] in ("left", "right")
            and isinstance(key[1], str)
            and len(key[1]) <= 100
            and _is_int(key[2])
            and _is_int(key[3])
        ):
            raise SessionError("The session's list of dismissed findings is damaged.")
        review.set_dismissed((key[0], key[1], key[2], key[3]), True)
    return Session(review, _view_from_json(data.get("view")))


def _no_constants(name: str) -> float:
    raise ValueError(name)


def load_session(path: str | os.PathLike[str], max_chars: int = MAX_INPUT_BYTES) -> Session:
    """Read and check a session file; :class:`SessionError` with one sentence if it cannot be.

    Only a regular file of at most :data:`MAX_SESSION_BYTES` is read; what is not JSON is
    refused from its first byte, and JSON that would take unbounded memory (too many arrays,
    nesting, huge numbers, ``NaN``/``Infinity``) before the schema is checked.
    """
    p = Path(path)
    raw = read_bytes(p, MAX_SESSION_BYTES, SessionError, "session file")
    not_session = SessionError(f"{p.name} is not a News Compare session file (it is not valid JSON).")
    if not raw.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"{":
        raise not_session
    if raw.count(b"[") + raw.count(b"{") > MAX_SESSION_CONTAINERS:
        raise SessionError(f"{p.name} holds more entries than any session does; it is not read.")
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constants)
    except RecursionError:
        raise SessionError(f"{p.name} is nested too deeply to be a session file.") from None
    except (UnicodeDecodeError, ValueError):  # JSONDecodeError, NaN/Infinity, a 5,000-digit number
        raise not_session from None
    del raw
    return session_from_json(data, max_chars)


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
