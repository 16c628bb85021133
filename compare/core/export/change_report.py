"""The change report of a review: every passage that was changed or annotated, before and after,
with the decision and the note, as HTML or CSV (written atomically, never over an input)."""

from __future__ import annotations

import csv
import html
import io
import os
from collections.abc import Iterable
from pathlib import Path

from compare.core.errors import ExportError
from compare.core.export.article import check_output_path, check_storable
from compare.core.export.escaping import spreadsheet_cell
from compare.core.io.fileio import atomic_write
from compare.core.review.review import CUSTOM, KEEP, TAKE_BOTH, TAKE_OTHER, Choice, Review

REPORT_FORMATS = ("html", "csv")


def _decision_name(review: Review, choice: Choice) -> str:
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
