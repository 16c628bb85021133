"""compare.core.export.article (html, docx) and compare.core.export.change_report."""

from __future__ import annotations

import csv
import io

import docx
import pytest

from compare.core.diff.comparison import compare
from compare.core.errors import ExportError
from compare.core.export.article import article_html, article_paragraphs, export_article
from compare.core.export.change_report import export_report, report_csv
from compare.core.io.document import Document
from compare.core.review.review import Decision, Review


def review() -> Review:
    left = Document.from_text("Title here\n\nThe bloc met. It was <late> & long.\n\nEnd.\n", path=None)
    right = Document.from_text("Title here\n\nThe alliance met. It was <late> & long.\n\nEnd.\n")
    r = Review(compare(left, right))
    return r


def test_paragraphs_follow_the_base() -> None:
    r = review()
    assert article_paragraphs(r) == ["Title here", "The alliance met. It was <late> & long.", "End."]


def test_html_escapes_and_has_paragraphs(tmp_path) -> None:
    r = review()
    out = tmp_path / "a.html"
    assert export_article(r, out) == "html"
    text = out.read_text(encoding="utf-8")
    assert "<p>The alliance met. It was &lt;late&gt; &amp; long.</p>" in text
    assert text == article_html(r)


def test_docx_holds_the_paragraphs(tmp_path) -> None:
    r = review()
    changed = next(p.index for p in r.passages if p.kind != "equal")
    r.set_decision(changed, Decision(choice="take-other"))
    out = tmp_path / "a.docx"
    assert export_article(r, out) == "docx"
    paras = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paras == ["Title here", "The bloc met. It was <late> & long.", "End."]


def test_txt_and_md_go_through_the_engine(tmp_path) -> None:
    r = review()
    out = tmp_path / "a.txt"
    assert export_article(r, out) == "txt"
    assert out.read_text(encoding="utf-8") == r.reconciled_text()


def test_report_lists_changed_and_annotated_passages(tmp_path) -> None:
    r = review()
    changed = next(p.index for p in r.passages if p.kind != "equal")
    r.set_decision(
        changed, Decision(choice="custom", text="The coalition met. ", note="checked", reviewed=True)
    )
    r.set_decision(0, Decision(note="headline ok"))
    rows = list(csv.DictReader(io.StringIO(report_csv(r))))
    assert [row["passage"] for row in rows] == ["1", str(changed + 1)]
    assert rows[1]["before"].startswith("The alliance met.")
    assert rows[1]["after"] == "The coalition met."
    assert rows[1]["decision"] == "edited by hand" and rows[1]["note"] == "checked"
    html_out = tmp_path / "r.html"
    csv_out = tmp_path / "r.csv"
    assert export_report(r, html_out) == "html"
    assert export_report(r, csv_out) == "csv"
    assert "The coalition met." in html_out.read_text(encoding="utf-8")
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_refuses_an_input_file(tmp_path) -> None:
    src = tmp_path / "in.html"
    src.write_text("x", encoding="utf-8")
    left = Document.from_text("A.\n", path=str(src))
    r = Review(compare(left, Document.from_text("B.\n")), base="right")
    with pytest.raises(ExportError):
        export_article(r, src)


def test_unknown_format() -> None:
    with pytest.raises(ExportError):
        export_article(review(), "x.pdf", "pdf")
