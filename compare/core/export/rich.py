"""Rich exports of a review: the cleaned article as HTML or Word (.docx), and a
change report (HTML or CSV) listing every passage that was changed or annotated.

Pure Python (no Qt). Every write is atomic; an input file is never overwritten
unless the caller allows it.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path

from compare.core.errors import ExportError
from compare.core.export.article import check_output_path, check_storable, export_review
from compare.core.export.escaping import spreadsheet_cell, xml_text
from compare.core.io.document import convert_newlines
from compare.core.io.fileio import atomic_write
from compare.core.review.review import CUSTOM, KEEP, TAKE_BOTH, TAKE_OTHER, Review
from compare.core.text.segmentation import BLANK_LINES

ARTICLE_FORMATS = ("txt", "md", "html", "docx")
REPORT_FORMATS = ("html", "csv")

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


def article_paragraphs(review: Review) -> list[str]:
    """The reconciled article as paragraphs of running text."""
    side = review.comparison.side(review.base)
    text = convert_newlines(review.reconciled_text(), "lf").replace("\r", "\n")
    if side.segmentation.mode == BLANK_LINES:
        blocks = re.split(r"\n[ \t]*\n\s*", text)
        paras = [" ".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks]
    else:
        paras = [line.strip() for line in text.split("\n")]
    return [p for p in paras if p]


def _title(review: Review) -> str:
    doc = review.comparison.side(review.base).document
    return Path(doc.name).stem if doc.path else "Article"


def article_html(review: Review) -> str:
    paras = article_paragraphs(review)
    lang = review.comparison.side(review.base).language.base
    lang_attr = f' lang="{html.escape(lang)}"' if lang and lang != "unknown" else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        f'<!DOCTYPE html>\n<html{lang_attr}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(_title(review))}</title>\n"
        "<style>body{max-width:42em;margin:2em auto;font:1.05em/1.55 Georgia,serif;padding:0 1em}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def article_docx(review: Review) -> bytes:
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ExportError("Word export needs the python-docx package, which is not installed.") from None
    document = docx.Document()
    document.core_properties.title = _title(review)
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
def _decision_name(review: Review, choice: str) -> str:
    return {
        KEEP: f"kept {review.base}",
        TAKE_OTHER: f"took {review.other}",
        TAKE_BOTH: "took both",
        CUSTOM: "edited by hand",
    }[choice]


def report_rows(review: Review) -> list[dict[str, str]]:
    """Every passage whose text changed or that has a note: before, after, decision, note."""
    changed = set(review.changed_indices())
    rows = []
    for p in review.passages:
        d = review.decision(p.index)
        if p.index not in changed and not d.note:
            continue
        rows.append(
            {
                "passage": str(p.index + 1),
                "kind": p.kind,
                "decision": _decision_name(review, d.choice),
                "reviewed": "yes" if d.reviewed else "no",
                "before": review.side_text(p.index, review.base).strip(),
                "after": review.passage_text(p.index).strip(),
                "note": d.note,
            }
        )
    return rows


REPORT_COLUMNS = ("passage", "kind", "decision", "reviewed", "before", "after", "note")


def report_csv(review: Review) -> str:
    """The change report as CSV; a cell that a spreadsheet would run as a formula (it starts with
    = + - @, a tab or a carriage return) starts with an apostrophe instead (OWASP's rule)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=REPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()} for row in report_rows(review))
    return buf.getvalue()


def report_html(review: Review) -> str:
    c = review.comparison
    rows = report_rows(review)
    reviewed, total = review.progress()
    head = "".join(f"<th>{html.escape(col)}</th>" for col in REPORT_COLUMNS)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(r[col])}</td>" for col in REPORT_COLUMNS) + "</tr>" for r in rows
    )
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Change report</title>\n'
        "<style>body{font:14px/1.45 sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left}"
        "th{background:#eee}</style>\n</head>\n<body>\n"
        f"<h1>Change report</h1>\n<p>Left: {html.escape(c.left.document.name)} &middot; "
        f"right: {html.escape(c.right.document.name)} &middot; base: {review.base} &middot; "
        f"{len(rows)} passage{'s' if len(rows) != 1 else ''} listed &middot; "
        f"{reviewed} of {total} divergent passages reviewed</p>\n"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def export_report(
    review: Review,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    force: bool = False,
    also: Iterable[tuple[str, str | None]] = (),
) -> str:
    """Write the change report as HTML or CSV; returns the format used."""
    if fmt is None:
        fmt = "csv" if Path(path).suffix.lower() == ".csv" else "html"
    if fmt not in REPORT_FORMATS:
        raise ExportError(f"Unknown report format {fmt!r}; use html or csv.")
    check_output_path(review, path, force, also)
    check_storable(review)
    data = report_csv(review).encode("utf-8-sig") if fmt == "csv" else report_html(review).encode("utf-8")
    atomic_write(path, data)
    return fmt
