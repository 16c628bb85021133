"""Write the cleaned article: .txt in the base's encoding and newline style, .md, .html, .docx.

Writes are atomic and never replace an input unless the caller says the user confirmed it. The
text formats are the reconciled text exactly: no passage the user did not change is touched.
"""

from __future__ import annotations

import bisect
import html
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from compare.core.errors import ExportError
from compare.core.export.escaping import xml_text
from compare.core.io.document import NEWLINE_STRINGS, Document, convert_newlines
from compare.core.io.fileio import atomic_write, guard_output
from compare.core.review.review import Review
from compare.core.text.segmentation import BLANK_LINES

FORMATS = ("txt", "md")  # the reconciled text itself (also what ``news-compare export`` writes)
ARTICLE_FORMATS = ("txt", "md", "html", "docx")

_NEWLINE = re.compile(r"\r\n|\r|\n")
_BLANK_LINE = re.compile(r"[ \t]*")
_MD_BLOCK_START = re.compile(r"^(\s{0,3})([#>+\-*]|\d{1,9}[.)])(?=\s)", re.MULTILINE)


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}.")
        return fmt
    suffix = Path(path).suffix.lower().lstrip(".")
    return "md" if suffix in ("md", "markdown") else "txt"


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_storable(review: Review) -> None:
    """Refuse, with one sentence, a review whose hand edits or notes hold a lone UTF-16 surrogate
    (a broken character no file encoding can store) before anything is written."""
    for index, decision in sorted(review.decisions().items()):
        for what, text in (("hand edit", decision.text), ("note", decision.note)):
            if text and _SURROGATE.search(text):
                raise ExportError(
                    f"The {what} of passage {index + 1} holds a broken character (a lone UTF-16 "
                    "surrogate) that no file can store; edit it out and export again."
                )


def encode_txt(review: Review, text: str | None = None) -> bytes:
    """The reconciled text in the base document's encoding, BOM and newline style."""
    base: Document = review.comparison.side(review.base).document
    text = review.reconciled_text() if text is None else text
    try:
        return base.encode(text)
    except UnicodeEncodeError as err:
        bad = text[err.start : err.end]
        raise ExportError(
            f"The article contains {bad!r}, which the base's encoding {base.encoding} cannot store; "
            "export as Markdown (UTF-8) instead."
        ) from None


def markdown_text(review: Review) -> str:
    """The reconciled text as Markdown: paragraphs separated by blank lines, and
    plain-text lines that Markdown would read as headings or lists escaped
    (unless the base already was Markdown)."""
    side = review.comparison.side(review.base)
    text = review.reconciled_text()
    nl = NEWLINE_STRINGS.get(side.document.newline, "\n")
    text = convert_newlines(text, "lf")
    if side.document.format != "md":
        text = _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
        if side.segmentation.mode != BLANK_LINES:
            # One paragraph per line: Markdown would run the lines together.
            text = re.sub(r"(?<=\S)\n(?=[^\n])", "\n\n", text)
    return text.replace("\n", nl)


def review_inputs(review: Review) -> list[tuple[str, str | None]]:
    """The files a review was made from, as (what, path) for :func:`guard_output`."""
    return [
        (f"the {name} input file", review.comparison.side(name).document.path) for name in ("left", "right")
    ]


def check_output_path(
    review: Review,
    path: str | os.PathLike[str],
    force: bool = False,
    also: Iterable[tuple[str, str | None]] = (),
) -> None:
    """Refuse to write over an input file or ``also`` (the open review) unless ``force``."""
    guard_output(path, [*review_inputs(review), *also], force=force)


def export_review(
    review: Review,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    force: bool = False,
    also: Iterable[tuple[str, str | None]] = (),
) -> str:
    """Write the reconciled article to ``path``; returns the format used."""
    fmt = format_for(path, fmt)
    check_output_path(review, path, force, also)
    check_storable(review)
    data = encode_txt(review) if fmt == "txt" else markdown_text(review).encode("utf-8")
    atomic_write(path, data)
    return fmt


# --- rich formats: web page and Word document --------------------------------------------
_SUFFIX_FORMAT = {
    "txt": "txt",
    "text": "txt",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "docx": "docx",
}


def article_format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    if fmt:
        if fmt not in ARTICLE_FORMATS:
            raise ExportError(f"Unknown export format {fmt!r}; use one of {', '.join(ARTICLE_FORMATS)}.")
        return fmt
    return _SUFFIX_FORMAT.get(Path(path).suffix.lower().lstrip("."), "txt")


@dataclass(frozen=True)
class RunningText:
    """A text as paragraphs of running text, and where each stretch of them came from.

    With ``blank_lines`` a paragraph ends at a line holding only spaces or tabs and its lines are
    joined by one space; otherwise every line is a paragraph. Lines are stripped and empty ones
    dropped. ``pieces`` are (start, end, offset): ``source[start:end]`` is the stretch of
    :attr:`text` (the paragraphs joined by newlines) that begins at ``offset``.
    """

    paragraphs: tuple[str, ...]
    pieces: tuple[tuple[int, int, int], ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def position(self, offset: int) -> int:
        """Where offset ``offset`` of the source text is in :attr:`text` (a dropped character:
        the next kept one)."""
        k = bisect.bisect_right([end for _, end, _ in self.pieces], offset)
        if k == len(self.pieces):
            return len(self.text)
        start, _, at = self.pieces[k]
        return at + max(0, offset - start)

    def end_position(self, offset: int) -> int:
        """Where the text before offset ``offset`` of the source ends in :attr:`text` (just after
        its last kept character)."""
        k = bisect.bisect_left([start for start, _, _ in self.pieces], offset) - 1
        if k < 0:
            return 0
        start, end, at = self.pieces[k]
        return at + min(offset, end) - start


def running_text(text: str, blank_lines: bool) -> RunningText:
    """``text`` as :class:`RunningText` (see there)."""
    paragraphs: list[list[tuple[int, int]]] = [[]]
    for start, end in _line_spans(text):
        line = text[start:end]
        body = line.strip()
        if blank_lines and _BLANK_LINE.fullmatch(line):
            paragraphs.append([])
        elif body:
            lead = start + len(line) - len(line.lstrip())
            if not blank_lines:
                paragraphs.append([])
            paragraphs[-1].append((lead, lead + len(body)))
    out: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    at = 0
    for stretches in paragraphs:
        if not stretches:
            continue
        if out:
            at += 1  # the newline between paragraphs
        parts = []
        for j, (s, e) in enumerate(stretches):
            if j:
                at += 1  # the space that joins two lines
            pieces.append((s, e, at))
            parts.append(text[s:e])
            at += e - s
        out.append(" ".join(parts))
    return RunningText(tuple(out), tuple(pieces))


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def base_mode_blank_lines(review: Review) -> bool:
    """Whether the base's paragraphs are separated by blank lines (else: one per line)."""
    return review.comparison.side(review.base).segmentation.mode == BLANK_LINES


def article_paragraphs(review: Review) -> list[str]:
    """The reconciled article as paragraphs of running text."""
    return list(running_text(review.reconciled_text(), base_mode_blank_lines(review)).paragraphs)


def article_title(review: Review) -> str:
    doc = review.comparison.side(review.base).document
    return Path(doc.name).stem if doc.path else "Article"


def article_html(review: Review) -> str:
    paras = article_paragraphs(review)
    lang = review.comparison.side(review.base).language.base
    lang_attr = f' lang="{html.escape(lang)}"' if lang and lang != "unknown" else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        f'<!DOCTYPE html>\n<html{lang_attr}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(article_title(review))}</title>\n"
        "<style>body{max-width:42em;margin:2em auto;font:1.05em/1.55 Georgia,serif;padding:0 1em}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def article_docx(review: Review) -> bytes:
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ExportError("Word export needs the python-docx package, which is not installed.") from None
    document = docx.Document()
    document.core_properties.title = article_title(review)
    lang = review.comparison.side(review.base).language.base
    if lang and lang != "unknown":
        document.core_properties.language = lang
    for p in article_paragraphs(review):
        document.add_paragraph(xml_text(p))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def export_article(
    review: Review,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    force: bool = False,
    also: Iterable[tuple[str, str | None]] = (),
) -> str:
    """Write the cleaned article as txt, md, html or docx; returns the format used."""
    fmt = article_format_for(path, fmt)
    if fmt in ("txt", "md"):
        return export_review(review, path, fmt, force=force, also=also)
    check_output_path(review, path, force, also)
    check_storable(review)
    data = article_html(review).encode("utf-8") if fmt == "html" else article_docx(review)
    atomic_write(path, data)
    return fmt


# --- change report ---------------------------------------------------------------------
