"""The redline: a Word document whose tracked changes turn the base article into the cleaned one.

This is what Word's Compare Documents hands an editor. Both articles are taken as paragraphs of
running text (:func:`~compare.core.export.article.running_text`, as the plain Word export writes
them). Paragraphs that read the same on both sides anchor the comparison (``difflib`` over the
paragraph lists); between them the word diff of :mod:`compare.core.diff.worddiff` decides which
words are deleted (``w:del``) and inserted (``w:ins``), and a character diff the whitespace
between those words. A paragraph break that only one article has is a tracked paragraph mark.
Every revision carries the author "News Compare" and the review's date, and every passage note
is a Word comment on that passage's text.

So, by construction: accepting every change gives the cleaned article's paragraphs exactly, and
rejecting every change gives the base's.
"""

from __future__ import annotations

import bisect
import difflib
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from diff_match_patch import diff_match_patch

from compare.core.diff.worddiff import word_diff
from compare.core.errors import ExportError
from compare.core.export.article import (
    RunningText,
    article_title,
    base_mode_blank_lines,
    check_output_path,
    running_text,
)
from compare.core.export.escaping import unsafe_in_xml, xml_safe
from compare.core.io.fileio import atomic_write
from compare.core.review.review import Review, editable_parts

AUTHOR = "News Compare"
EQUAL, DELETED, INSERTED = "equal", "deleted", "inserted"
MARK = "\n"  # a paragraph mark in the texts compared here

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0


@dataclass(frozen=True)
class Op:
    """A stretch of the redline: ``text`` is in both articles (equal), in the base only
    (deleted) or in the cleaned article only (inserted); ``base`` and ``clean`` are where it
    starts in each (for one-sided text, where it would be). A newline is a paragraph mark."""

    kind: str
    text: str
    base: int
    clean: int


class _Builder:
    def __init__(self) -> None:
        self.ops: list[Op] = []
        self.b = 0
        self.c = 0

    def add(self, kind: str, text: str) -> None:
        if not text:
            return
        last = self.ops[-1] if self.ops else None
        if last is not None and last.kind == kind:
            self.ops[-1] = Op(kind, last.text + text, last.base, last.clean)
        else:
            self.ops.append(Op(kind, text, self.b, self.c))
        if kind != INSERTED:
            self.b += len(text)
        if kind != DELETED:
            self.c += len(text)

    def characters(self, base: str, clean: str) -> None:
        """Two stretches that differ at most in whitespace (or one of them empty)."""
        if base == clean:
            self.add(EQUAL, base)
            return
        for op, chunk in _dmp.diff_main(base, clean, False):
            self.add(EQUAL if op == 0 else DELETED if op < 0 else INSERTED, chunk)

    def words(self, base: str, clean: str, language: str | None) -> None:
        if base == clean or not base or not clean:
            self.characters(base, clean)
            return
        bpos = cpos = 0
        for change in word_diff(base, (0, len(base)), clean, (0, len(clean)), language):
            (bs, be), (cs, ce) = change.left, change.right
            self.characters(base[bpos:bs], clean[cpos:cs])
            self.add(DELETED, base[bs:be])
            self.add(INSERTED, clean[cs:ce])
            bpos, cpos = be, ce
        self.characters(base[bpos:], clean[cpos:])


def _starts(paragraphs: Sequence[str]) -> list[int]:
    out, at = [], 0
    for p in paragraphs:
        out.append(at)
        at += len(p) + 1
    return out


def redline_ops(base: str, clean: str, language: str | None = None) -> list[Op]:
    """The stretches that make ``base`` (equal and deleted ones) and ``clean`` (equal and
    inserted ones), both paragraphs joined by newlines."""
    bparas, cparas = base.split(MARK), clean.split(MARK)
    bstart, cstart = _starts(bparas), _starts(cparas)
    build = _Builder()
    bpos = cpos = 0
    matcher = difflib.SequenceMatcher(None, bparas, cparas, autojunk=False)
    for i, j, n in matcher.get_matching_blocks():
        if n:
            bs, be = bstart[i], bstart[i + n - 1] + len(bparas[i + n - 1])
            cs, ce = cstart[j], cstart[j + n - 1] + len(cparas[j + n - 1])
        else:  # the end
            bs = be = len(base)
            cs = ce = len(clean)
        build.words(base[bpos:bs], clean[cpos:cs], language)
        build.add(EQUAL, base[bs:be])
        bpos, cpos = be, ce
    return build.ops


# --- the Word document ------------------------------------------------------------------
@dataclass(frozen=True)
class _Anchor:
    """Where a comment goes: from stream position ``start`` to ``end`` (positions in the
    concatenated texts of all ops)."""

    comment: int
    start: int
    end: int


def _stream_positions(ops: Sequence[Op]) -> list[int]:
    out, at = [], 0
    for op in ops:
        out.append(at)
        at += len(op.text)
    return out


def _locate(ops: Sequence[Op], starts: Sequence[int], side: str, offset: int) -> int:
    """The stream position of character ``offset`` of one article (``side``: "base" or
    "clean"); past its end: the end of the stream."""
    for op, at in zip(ops, starts, strict=True):
        if (side == "base" and op.kind == INSERTED) or (side == "clean" and op.kind == DELETED):
            continue
        first = op.base if side == "base" else op.clean
        if first <= offset < first + len(op.text):
            return at + offset - first
    return starts[-1] + len(ops[-1].text) if ops else 0


def _note_ranges(review: Review, base: RunningText, clean: RunningText) -> list[tuple[str, int, int, str]]:
    """("clean" or "base", start, end, note) for every note, on the passage's text in
    the cleaned article, or in the base when the cleaned article has nothing of it."""
    out = []
    base_side = review.base
    for piece in review.pieces():
        note = review.decision(piece.passage).note.strip()
        if not note:
            continue
        lead, text, _ = editable_parts(piece.text)  # the passage without the space around it
        start = piece.start + len(lead)
        s, e = clean.position(start), clean.end_position(start + len(text))
        if s < e:
            out.append(("clean", s, e, note))
            continue
        bs, be = review.passages[piece.passage].span(base_side)
        lead, text, _ = editable_parts(review.side_text(piece.passage, base_side))
        bs += len(lead)
        be = bs + len(text)
        s2, e2 = base.position(bs), base.end_position(be)
        if s2 < e2:
            out.append(("base", s2, e2, note))
        else:
            out.append(("clean", s, s, note))
    return out


def _w(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    return OxmlElement(tag, attrs={qn(k): v for k, v in attrs.items()})


def _run(text: str, deleted: bool) -> Any:
    """A run of ``text`` (tabs as ``w:tab``); deleted text is ``w:delText``."""
    from docx.oxml.ns import qn

    run = _w("w:r")
    for k, part in enumerate(text.split("\t")):
        if k:
            run.append(_w("w:tab"))
        if part:
            t = _w("w:delText" if deleted else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = part
            run.append(t)
    return run


class _Writer:
    """Appends the ops to a python-docx document as paragraphs with tracked runs and marks."""

    def __init__(self, document: Any, date: str, first_id: int):
        self.document = document
        self.date = date
        self.next_id = first_id
        self.paragraph = document.add_paragraph()._p
        self.open: set[int] = set()  # comments whose range has started and not ended

    def revision(self, kind: str) -> Any:
        tag = "w:ins" if kind == INSERTED else "w:del"
        element = _w(tag, **{"w:id": str(self.next_id), "w:author": AUTHOR, "w:date": self.date})
        self.next_id += 1
        return element

    def text(self, kind: str, text: str) -> None:
        for k, part in enumerate(text.split(MARK)):
            if k:
                self.end_paragraph(kind)
            if not part:
                continue
            run = _run(part, kind == DELETED)
            if kind == EQUAL:
                self.paragraph.append(run)
            else:
                wrapper = self.revision(kind)
                wrapper.append(run)
                self.paragraph.append(wrapper)

    def end_paragraph(self, kind: str) -> None:
        """End the paragraph with a mark that is in both articles, or in one of them only."""
        if kind != EQUAL:
            ppr = self.paragraph.get_or_add_pPr()
            rpr = _w("w:rPr")
            rpr.append(self.revision(kind))
            ppr.append(rpr)
        self.paragraph = self.document.add_paragraph()._p

    def comment_start(self, comment: int) -> None:
        self.open.add(comment)
        self.paragraph.append(_w("w:commentRangeStart", **{"w:id": str(comment)}))

    def comment_end(self, comment: int) -> None:
        self.open.discard(comment)
        self.paragraph.append(_w("w:commentRangeEnd", **{"w:id": str(comment)}))
        reference = _w("w:r")
        reference.append(_w("w:commentReference", **{"w:id": str(comment)}))
        self.paragraph.append(reference)


def _review_texts(review: Review) -> tuple[RunningText, RunningText]:
    blank = base_mode_blank_lines(review)
    base_text = review.comparison.side(review.base).text
    return running_text(base_text, blank), running_text(review.reconciled_text(), blank)


def redline_docx(review: Review, date: datetime | None = None) -> bytes:
    """The redline of ``review`` as .docx bytes; ``date`` (default: now) stamps every revision
    and comment."""
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ExportError("Word export needs the python-docx package, which is not installed.") from None
    when = (date or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    base, clean = _review_texts(review)
    language = review.comparison.side(review.base).language.base
    code = language if language and language != "unknown" else None
    ops = redline_ops(xml_safe(base.text), xml_safe(clean.text), code)
    dropped = {"base": unsafe_in_xml(base.text), "clean": unsafe_in_xml(clean.text)}

    document = docx.Document()
    document.core_properties.title = article_title(review)
    document.core_properties.author = AUTHOR
    if code:
        document.core_properties.language = code
    body = document.element.body
    for p in list(body.iterchildren(tag="{*}p")):  # the template's empty paragraph
        body.remove(p)

    starts = _stream_positions(ops)
    anchors = []
    for side, s, e, note in _note_ranges(review, base, clean):
        comment = document.comments.add_comment(xml_safe(note), author=AUTHOR, initials="NC")
        comment._comment_elm.date = when
        # offsets into the texts without the characters XML cannot hold
        s -= bisect.bisect_left(dropped[side], s)
        e -= bisect.bisect_left(dropped[side], e)
        a = _locate(ops, starts, side, s)
        b = _locate(ops, starts, side, e - 1) + 1 if e > s else a
        anchors.append(_Anchor(comment.comment_id, a, b))
    first_id = max((a.comment for a in anchors), default=-1) + 1

    events: dict[int, list[tuple[int, int]]] = {}  # stream position -> (0 end / 1 start, comment)
    for anchor in anchors:
        events.setdefault(anchor.start, []).append((1, anchor.comment))
        events.setdefault(anchor.end, []).append((0, anchor.comment))
    writer = _Writer(document, stamp, first_id)
    cuts = sorted(events)
    for op, at in zip(ops, starts, strict=True):
        pos = 0
        for cut in (c for c in cuts if at <= c < at + len(op.text)):
            writer.text(op.kind, op.text[pos : cut - at])
            pos = cut - at
            _fire(writer, events.pop(cut))
        writer.text(op.kind, op.text[pos:])
    for cut in sorted(events):  # at the very end
        _fire(writer, events[cut])
    assert not writer.open, "every comment range is closed"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _fire(writer: _Writer, events: Iterable[tuple[int, int]]) -> None:
    """Comment ranges that end here close first, then new ones open (an empty range opens and
    closes here)."""
    pending = sorted(events)
    for what, comment in pending:
        if not what and comment in writer.open:
            writer.comment_end(comment)
    for what, comment in pending:
        if what:
            writer.comment_start(comment)
    for what, comment in pending:
        if not what and comment in writer.open:
            writer.comment_end(comment)


def export_redline(
    review: Review,
    path: str | os.PathLike[str],
    *,
    date: datetime | None = None,
    force: bool = False,
    also: Iterable[tuple[str, str | None]] = (),
) -> None:
    """Write the redline of ``review`` to ``path`` (a .docx), atomically, never over an input
    (or ``also``) unless ``force``."""
    if not str(path).lower().endswith(".docx"):
        raise ExportError("A document with tracked changes is a Word document; give the file a .docx name.")
    check_output_path(review, path, force, also)
    atomic_write(path, redline_docx(review, date))
