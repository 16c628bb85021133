"""Write the reconciled article: .txt in the base's encoding and newline style, .md.

Writes are atomic. The reconciled text is written exactly: no passage the user did
not change is touched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from compare.core.errors import ExportError
from compare.core.io.document import NEWLINE_STRINGS, Document, convert_newlines
from compare.core.io.fileio import atomic_write, guard_output
from compare.core.review.review import Review
from compare.core.text.segmentation import BLANK_LINES

FORMATS = ("txt", "md")

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
