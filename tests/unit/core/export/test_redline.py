"""The redline (.docx with tracked changes): opened with python-docx and with a plain XML parser,
accepting every change must give the cleaned article and rejecting every change the base."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.core.diff.comparison import compare
from compare.core.errors import ExportError
from compare.core.export.article import article_paragraphs, export_article, running_text
from compare.core.export.redline import AUTHOR, DELETED, INSERTED, export_redline, redline_docx, redline_ops
from compare.core.io.document import Document
from compare.core.io.fileio import ProtectedOutput
from compare.core.review.review import Choice, Decision, Review

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = datetime(2026, 3, 14, 9, 26, 53, tzinfo=UTC)

LEFT = (
    "NATO and Russia met in Geneva.\n\n"
    "The talks lasted eight hours. They ended without a deal.\n\n"
    "Moscow wants guarantees.\n\n"
    "A closing line.\n"
)
RIGHT = (
    "NATO and Russia met in Geneva on Monday.\n\n"
    "The talks lasted seven hours. They ended without agreement.\n\n"
    "Moscow demands guarantees.\n\n"
    "An extra paragraph only here.\n\n"
    "A closing line.\n"
)


def passage_with(review: Review, text: str) -> int:
    return next(p.index for p in review.passages if text in review.side_text(p.index, review.base))


def edited_review() -> Review:
    """A review with a take, a hand edit, a both-sides decision, a dropped paragraph and notes."""
    review = Review(compare(Document.from_text(LEFT), Document.from_text(RIGHT)))  # base: right
    review.set_decision(passage_with(review, "Geneva"), Decision(Choice.TAKE_OTHER, note="No date: check"))
    review.set_decision(
        passage_with(review, "seven hours"),
        Decision(Choice.CUSTOM, text="The talks lasted eight long hours. ", note="As the wire says"),
    )
    review.set_decision(passage_with(review, "demands"), Decision(Choice.TAKE_BOTH))
    extra = passage_with(review, "extra paragraph")
    review.set_decision(extra, Decision(Choice.TAKE_OTHER, note="Cut: not in the source"))
    return review


# --- reading a redline as Word would ---------------------------------------------------------
def body(data: bytes) -> ET.Element:
    root = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    found = root.find(f"{W}body")
    assert found is not None
    return found


def _texts(element: ET.Element, skip: str) -> str:
    """The text of a paragraph's runs, leaving out what is inside ``skip`` (w:ins or w:del)."""
    out = []

    def walk(node: ET.Element, inside: set[str]) -> None:
        for child in node:
            tag = child.tag.removeprefix(W)
            if tag == "pPr":
                continue
            now = inside | {tag} if tag in ("ins", "del") else inside
            if tag in ("t", "delText") and skip not in now:
                out.append(child.text or "")
            elif tag == "tab" and skip not in now:
                out.append("\t")
            walk(child, now)

    walk(element, set())
    return "".join(out)


def resolved(data: bytes, accept: bool) -> list[str]:
    """The paragraphs after accepting (or rejecting) every tracked change."""
    skip = "del" if accept else "ins"
    paragraphs: list[str] = []
    carry = ""
    for p in body(data).iter(f"{W}p"):
        text = carry + _texts(p, skip)
        mark = p.find(f"{W}pPr/{W}rPr/{W}{skip}")
        if mark is not None:  # this paragraph's mark goes: it runs on into the next one
            carry = text
            continue
        carry = ""
        paragraphs.append(text)
    if carry:
        paragraphs.append(carry)
    return paragraphs


def base_paragraphs(review: Review) -> list[str]:
    side = review.comparison.side(review.base)
    return list(running_text(side.text, side.segmentation.mode == "blank-lines").paragraphs)


# --- the tests ------------------------------------------------------------------------------
def test_accepting_gives_the_cleaned_article_and_rejecting_the_base(tmp_path) -> None:
    review = edited_review()
    out = tmp_path / "article.redline.docx"
    export_redline(review, out, date=DATE)
    data = out.read_bytes()
    cleaned = article_paragraphs(review)
    assert cleaned == [
        "NATO and Russia met in Geneva.",
        "The talks lasted eight long hours. They ended without agreement.",
        "Moscow wants guarantees.",
        "Moscow demands guarantees.",
        "A closing line.",
    ]
    assert resolved(data, accept=True) == cleaned
    assert resolved(data, accept=False) == base_paragraphs(review)
    # and the plain Word export of the same review holds the same paragraphs
    export_article(review, tmp_path / "plain.docx")
    assert [p.text for p in docx.Document(str(tmp_path / "plain.docx")).paragraphs] == cleaned


def test_changes_are_words_with_author_and_date() -> None:
    data = redline_docx(edited_review(), DATE)
    tree = body(data)
    revisions = [*tree.iter(f"{W}ins"), *tree.iter(f"{W}del")]
    assert revisions
    for r in revisions:
        assert r.get(f"{W}author") == AUTHOR
        assert r.get(f"{W}date") == "2026-03-14T09:26:53Z"
    ids = [r.get(f"{W}id") for r in revisions]
    assert len(ids) == len(set(ids))
    deleted = ["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in tree.iter(f"{W}del")]
    inserted = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in tree.iter(f"{W}ins")]
    # word level: the take of the left's first sentence deletes just " on Monday"
    assert " on Monday" in deleted
    assert "seven" in deleted and "eight long" in inserted
    # a paragraph that goes is deleted with its paragraph mark, one that comes is inserted with its own
    marks = {m.tag.removeprefix(W) for m in tree.iterfind(f".//{W}pPr/{W}rPr/*")}
    assert marks == {"ins", "del"}
    assert "An extra paragraph only here." in deleted
    assert "Moscow wants guarantees." in inserted
    # python-docx reads the document: the untracked view (all text) has every paragraph
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.author == AUTHOR


def test_notes_are_comments_on_their_passage() -> None:
    review = edited_review()
    data = redline_docx(review, DATE)
    document = docx.Document(io.BytesIO(data))
    comments = {c.text: c for c in document.comments}
    assert set(comments) == {"No date: check", "As the wire says", "Cut: not in the source"}
    for c in comments.values():
        assert c.author == AUTHOR
        assert c.timestamp == DATE
    # each comment's range covers the text of its passage
    tree = body(data)
    for p in tree.iter(f"{W}p"):
        starts = [e.get(f"{W}id") for e in p.iter(f"{W}commentRangeStart")]
        ends = [e.get(f"{W}id") for e in p.iter(f"{W}commentRangeEnd")]
        assert starts == ends  # here every passage is within one paragraph
    by_id = {str(c.comment_id): c.text for c in document.comments}
    covered = {}
    for p in tree.iter(f"{W}p"):
        for start in p.iter(f"{W}commentRangeStart"):
            ident = start.get(f"{W}id")
            children = list(p)
            a = children.index(start)
            b = next(
                k
                for k, e in enumerate(children)
                if e.tag == f"{W}commentRangeEnd" and e.get(f"{W}id") == ident
            )
            holder = ET.Element(f"{W}p")
            holder.extend(children[a:b])
            covered[by_id[str(ident)]] = (_texts(holder, "del"), _texts(holder, "ins"))
    assert covered["No date: check"][0] == "NATO and Russia met in Geneva."
    assert covered["As the wire says"][0] == "The talks lasted eight long hours."
    # a paragraph the cleaned article drops carries its note on the deleted text
    assert covered["Cut: not in the source"] == ("", "An extra paragraph only here.")


def test_no_decisions_no_changes_and_every_take_all() -> None:
    review = Review(compare(Document.from_text(LEFT), Document.from_text(RIGHT)))
    data = redline_docx(review, DATE)
    assert not list(body(data).iter(f"{W}ins")) and not list(body(data).iter(f"{W}del"))
    assert resolved(data, True) == resolved(data, False) == base_paragraphs(review)
    review.apply_all(range(len(review.passages)), Decision(Choice.TAKE_OTHER))
    data = redline_docx(review, DATE)
    assert resolved(data, True) == [p for p in LEFT.split("\n") if p]
    assert resolved(data, False) == [p for p in RIGHT.split("\n") if p]


def test_lines_mode_tabs_and_characters_xml_cannot_hold() -> None:
    left = Document.from_text("Line one\tis here.\nLine two.\nLine three stays.\n")
    right = Document.from_text("Line one\tis\x0b here.\nLine 2.\nLine three stays.\n")
    review = Review(compare(left, right, segment="lines"))
    review.set_decision(passage_with(review, "Line 2"), Decision(Choice.TAKE_OTHER, note="digits\x01"))
    data = redline_docx(review, DATE)
    cleaned = [p.replace("\x0b", "") for p in article_paragraphs(review)]
    assert resolved(data, True) == cleaned == ["Line one\tis here.", "Line two.", "Line three stays."]
    assert resolved(data, False) == ["Line one\tis here.", "Line 2.", "Line three stays."]
    assert [c.text for c in docx.Document(io.BytesIO(data)).comments] == ["digits"]


def test_refuses_other_names_and_inputs(tmp_path) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.docx"
    left.write_text(LEFT, encoding="utf-8")
    review = Review(
        compare(Document.from_text(LEFT, path=str(left)), Document.from_text(RIGHT, path=str(right)))
    )
    with pytest.raises(ExportError, match=r"\.docx name"):
        export_redline(review, tmp_path / "out.txt")
    right.write_bytes(b"original")
    with pytest.raises(ProtectedOutput):
        export_redline(review, right)
    assert right.read_bytes() == b"original"


texts = st.lists(
    st.lists(
        st.sampled_from(["a", "b", "Kyiv", "the", "1,200", "x.", "  ", "\t", "’s", "Ö"]), max_size=8
    ).map(" ".join),
    max_size=6,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_ops_rebuild_both_texts(base: str, clean: str) -> None:
    ops = redline_ops(base, clean, "en")
    assert "".join(o.text for o in ops if o.kind != INSERTED) == base
    assert "".join(o.text for o in ops if o.kind != DELETED) == clean


# LibreOffice is not installed by packaging/setup.sh: CI does not run these checks; a developer
# who installed it (Debian: libreoffice-writer-nogui) does.
IN_CI = bool(os.environ.get("CI"))


@pytest.mark.skipif(IN_CI, reason="CI has no LibreOffice (packaging/setup.sh does not install it)")
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_redline_and_shows_the_changes(tmp_path) -> None:
    """LibreOffice converts the redline to text with the changes shown: the base's deleted words
    and the cleaned article's inserted ones are both there (it prints tracked text as it shows it)."""
    review = edited_review()
    src = tmp_path / "redline.docx"
    export_redline(review, src, date=DATE)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = (tmp_path / "redline.txt").read_text(encoding="utf-8-sig")
    assert "seven" in text and "eight long" in text
    assert "An extra paragraph only here." in text and "Moscow wants guarantees." in text


def _system_python_with_uno() -> str | None:
    python = shutil.which("python3", path="/usr/bin:/usr/local/bin")
    if python is None or shutil.which("soffice") is None:
        return None
    probe = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=60)
    return python if probe.returncode == 0 else None


@pytest.mark.skipif(IN_CI, reason="CI has no LibreOffice (packaging/setup.sh does not install it)")
@pytest.mark.skipif(
    _system_python_with_uno() is None,
    reason="LibreOffice with its Python bridge (python3-uno) is not installed",
)
@pytest.mark.parametrize("accept", [True, False])
def test_libreoffice_accepts_and_rejects_all_changes(tmp_path, accept: bool) -> None:
    """LibreOffice's own Accept All / Reject All give the cleaned article / the base. (The notes are
    left out: LibreOffice 7.4 driven through UNO without a display crashes on any document with
    comments, python-docx's own included; converting such a document, above, works.)"""
    review = edited_review()
    for index, decision in review.decisions().items():
        review.set_decision(index, Decision(decision.choice, decision.text))
    src = tmp_path / "redline.docx"
    export_redline(review, src, date=DATE)
    python = _system_python_with_uno()
    assert python is not None
    helper = Path(__file__).with_name("libreoffice_resolve.py")
    run = subprocess.run(
        [python, str(helper), str(src), "accept" if accept else "reject", str(tmp_path / "lo")],
        capture_output=True, text=True, timeout=180, check=True,
    )  # fmt: skip
    paragraphs = json.loads(run.stdout)["paragraphs"]
    assert paragraphs == (article_paragraphs(review) if accept else base_paragraphs(review))


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_any_review_resolves_to_its_article_and_base(data: st.DataObject) -> None:
    """Whatever the decisions (hand edits that add or drop paragraph breaks included), accepting
    gives the cleaned article and rejecting the base."""
    review = Review(compare(Document.from_text(LEFT), Document.from_text(RIGHT)))
    for p in review.passages:
        choice = data.draw(st.sampled_from(list(Choice)))
        text = data.draw(st.text(alphabet="ab Kyiv.\n\t", max_size=16)) if choice == Choice.CUSTOM else ""
        note = data.draw(st.sampled_from(["", "", "check this"]))
        review.set_decision(p.index, Decision(choice, text, note))
    data_ = redline_docx(review, DATE)
    # (a Word document always holds a paragraph: an empty article is one empty paragraph)
    assert resolved(data_, accept=True) == (article_paragraphs(review) or [""])
    assert resolved(data_, accept=False) == base_paragraphs(review)
