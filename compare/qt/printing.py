"""Print the review, or write it (or the cleaned article) as PDF, with Qt's print support.

The review prints as the engine's HTML report (both versions side by side, the marks, the
findings under their passages); the cleaned article as its paragraphs. A PDF is written to a
temporary file and then put in place like every other export (never over an input)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from compare.core.errors import ExportError
from compare.core.export.article import article_html
from compare.core.export.diff_report import to_html
from compare.core.io.fileio import atomic_write
from compare.core.review.review import Review


def review_document(review: Review) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(to_html(review.analysis))
    return doc


def article_document(review: Review) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(article_html(review))
    return doc


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_review(parent: QWidget, review: Review) -> bool:
    """The print dialog, then the review on the chosen printer; False if cancelled."""
    printer = _printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print review")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    review_document(review).print_(printer)
    return True


def write_pdf(review: Review, path: str, what: str = "review") -> None:
    """Write the review (``what`` "review") or the cleaned article ("article") to ``path`` as PDF."""
    printer = _printer()
    if what == "article":
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    folder = Path(path).resolve().parent
    fd, tmp = tempfile.mkstemp(
        prefix=".news-compare-", suffix=".pdf", dir=folder if folder.is_dir() else None
    )
    os.close(fd)
    try:
        printer.setOutputFileName(tmp)
        doc = review_document(review) if what == "review" else article_document(review)
        doc.print_(printer)
        data = Path(tmp).read_bytes()
    except OSError as err:
        raise ExportError(f"The PDF could not be made ({err.strerror or err}).") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    if not data.startswith(b"%PDF"):
        raise ExportError("The PDF could not be made.")
    atomic_write(path, data)
