"""Hostile input, class 7: text and names that attack what others open the output with — a
spreadsheet (formulas), a terminal (escape sequences), an XML parser (TMX)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from lxml import etree

from compare.core.diff.comparison import compare
from compare.core.errors import ExportError
from compare.core.export.article import export_article, export_review
from compare.core.export.change_report import export_report, report_csv
from compare.core.io.document import Document
from compare.core.review.review import Decision, Review

from ._run import completed, refused, run

FORMULAS = ['=HYPERLINK("http://x","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tx", "\rx"]
ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\x9b31m\r"


def _review(left_sentences: list[str], right_sentences: list[str]) -> Review:
    left = Document.from_text("\n\n".join(left_sentences) + "\n", "left.txt")
    right = Document.from_text("\n\n".join(right_sentences) + "\n", "right.txt")
    return Review(compare(left, right, segment="lines"))


def test_csv_report_cells_never_start_a_formula() -> None:
    review = _review(
        [f"Line {i} said {f}" for i, f in enumerate(FORMULAS)], [f"Changed {i}" for i in range(6)]
    )
    for passage, formula in zip(review.passages, FORMULAS, strict=False):
        review.set_decision(passage.index, Decision(choice="custom", text=formula, note=formula))
    rows = list(csv.reader(io.StringIO(report_csv(review))))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells, "the report lists the changed passages"
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("http://x","click")' in cells  # the text is kept, as text


def test_tsv_bitext_cells_never_start_a_formula(tmp_path) -> None:  # type: ignore[no-untyped-def]
    left = tmp_path / "l.txt"
    right = tmp_path / "r.txt"
    left.write_text("\n".join(f"{f} est la phrase numéro {i}." for i, f in enumerate(FORMULAS[:4])) + "\n")
    right.write_text("\n".join(f"{f} is sentence number {i}." for i, f in enumerate(FORMULAS[:4])) + "\n")
    result = run(
        "align",
        left,
        right,
        "--segment",
        "lines",
        "--format",
        "tsv",
        "--left-lang",
        "fr",
        "--right-lang",
        "en",
    )
    completed(result)
    cells = [cell for line in result.stdout.splitlines()[1:] for cell in line.split("\t")]
    assert len(cells) >= 8
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def _escape_sequences(text: str) -> list[str]:
    return re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)


@pytest.fixture
def hostile_pair(tmp_path):  # type: ignore[no-untyped-def]
    left = tmp_path / f"left{ESCAPES[:8]}.txt"
    right = tmp_path / "right\x1b]0;title\x07.txt"
    # enough prose around the escapes that the file is text, not binary
    padding = "".join(f"Officials met again on day {i} of the talks in the capital.\n\n" for i in range(60))
    left.write_text(
        f"The minister spoke on Monday.{ESCAPES}\n\nThe the talks lasted four hours.\n\n{padding}"
    )
    right.write_text(
        f"The minister spoke on Tuesday.{ESCAPES[:12]}\n\nThe the talks lasted five hours.\n\n{padding}"
    )
    return left, right


@pytest.mark.parametrize("color", ["never", "always"])
def test_diff_text_output_carries_no_escape_sequence_from_the_files(hostile_pair, color) -> None:  # type: ignore[no-untyped-def]
    result = run("diff", *hostile_pair, "--color", color)
    completed(result)
    ours = re.sub(r"\x1b\[(?:31|32|2|1|0)m", "", result.stdout) if color == "always" else result.stdout
    assert _escape_sequences(ours.replace("\n", "").replace("\t", "")) == []
    assert "␛" in result.stdout  # what was there is shown, not hidden
    if color == "always":
        assert "\x1b[1m" in result.stdout  # the program's own colours stay


def test_check_output_carries_no_escape_sequence_from_the_file(hostile_pair) -> None:  # type: ignore[no-untyped-def]
    result = run("check", hostile_pair[0], "--language", "en")
    completed(result)
    assert "doubled" in result.stdout
    assert _escape_sequences(result.stdout.replace("\n", "")) == []


def test_error_messages_carry_no_escape_sequence_from_a_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    refused(run("check", tmp_path / "missing\x1b[2J\x1b]0;x\x07.txt"), r"does not exist\.$")
    refused(run("diff", "--max-size", "\x1b[2J", "a", "b"), r"is not a number of megabytes")


def test_a_file_name_that_is_not_utf8_is_shown_not_fatal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    name = os.fsdecode(b"caf\xe9-\xff.txt")
    (tmp_path / name).write_text("The minister spoke on Monday.\n")
    (tmp_path / "b.txt").write_text("The minister spoke on Tuesday.\n")
    for fmt in ("text", "json", "html"):
        completed(run("diff", tmp_path / name, tmp_path / "b.txt", "--format", fmt))
    completed(run("align", tmp_path / name, tmp_path / "b.txt", "--format", "tmx", "-o", tmp_path / "o.tmx"))
    etree.parse(str(tmp_path / "o.tmx"))


def test_tmx_is_valid_xml_whatever_the_names_and_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    left = tmp_path / 'l\x01\x1b<&>".txt'
    right = tmp_path / "r\x0b\x7f.txt"
    left.write_text("Le ministre a parlé\x0c lundi \x1b]0;x\x07 <b>&amp;</b>.\n\nLes discussions ont duré.\n")
    right.write_text("The minister spoke\x0c on Monday \x1b]0;x\x07 <b>&amp;</b>.\n\nThe talks lasted.\n")
    out = tmp_path / "out.tmx"
    completed(run("align", left, right, "--format", "tmx", "-o", out))
    tree = etree.parse(str(out))  # raises if the XML is not well-formed
    segs = tree.findall(".//seg")
    assert len(segs) >= 2
    assert tree.find(".//prop[@type='x-left-file']").text.startswith("l<&>")


def test_a_language_code_that_is_not_one_never_reaches_the_tmx() -> None:
    from compare.core.export.bitext import bcp47

    assert bcp47('en" onload="x') == "und"
    assert bcp47("de\x00") == "und"
    assert bcp47("zh_cn") == "zh-CN"


def test_a_lone_surrogate_in_a_hand_edit_is_one_sentence_at_every_export(tmp_path) -> None:  # type: ignore[no-untyped-def]
    review = _review(["The minister spoke.", "Talks lasted."], ["The minister spoke!", "Talks lasted."])
    review.set_decision(0, Decision(choice="custom", text="Broken \ud83d here."))
    for name, export in (
        ("a.txt", export_review),
        ("a.md", export_review),
        ("a.html", export_article),
        ("a.docx", export_article),
        ("r.csv", export_report),
        ("r.html", export_report),
    ):
        with pytest.raises(ExportError, match=r"^The hand edit of passage 1 holds a broken character"):
            export(review, tmp_path / name)
        assert not (tmp_path / name).exists()
