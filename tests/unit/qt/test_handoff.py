"""The window's hand-off commands: the Word redline, and the house glossary (remembered per user)."""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import UTC, datetime

import docx
from PySide6.QtWidgets import QFileDialog

from compare.core.checks.glossary import FORBIDDEN
from compare.core.diff.comparison import EQUAL
from compare.core.export.article import article_paragraphs
from compare.qt import settings as app_settings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_file_menu_exports_the_redline(open_window, pair, tmp_path, messages) -> None:
    window = open_window(pair)
    first = next(p.index for p in window.review.passages if p.kind != EQUAL)
    window.navigator.go_to(first)
    window.decisions.take_left()
    out = tmp_path / "edited.redline.docx"
    messages.answer("save", str(out))
    assert window.commands.redline.isEnabled()
    window.commands.redline.trigger()
    assert out.exists(), messages.texts
    assert "as tracked changes" in window.statusBar().currentMessage()
    document = docx.Document(str(out))
    # untracked view shows both versions' words; the XML holds the tracked run with the left's word
    xml = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml").decode()
    assert "w:ins " in xml and "w:del " in xml and 'w:author="News Compare"' in xml
    assert len(document.paragraphs) == len(article_paragraphs(window.review))
    # unsaved: dated now; saved: dated when the review was saved
    stamp = re.search(r'w:date="([^"]+)"', xml)
    assert stamp is not None
    when = datetime.strptime(stamp.group(1), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - when).total_seconds()) < 300
    session = tmp_path / "r.ncreview"
    assert window.files.save_review_to(str(session))
    os.utime(session, (1_700_000_000, 1_700_000_000))
    assert window.files.export_redline(str(out))
    xml = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml").decode()
    assert 'w:date="2023-11-14T22:13:20Z"' in xml
    # never over an input without asking (the question is declined)
    before = pair[1].read_bytes()
    assert window.files.export_redline(str(pair[1])) is False
    assert pair[1].read_bytes() == before
    assert any("edited.txt is the right version being compared" in t for t in messages.texts)


def test_glossary_is_chosen_remembered_and_used_from_the_next_comparison(
    open_window, pair, tmp_path, qtbot, monkeypatch
) -> None:
    glossary = tmp_path / "house.tsv"
    glossary.write_text("term\trequired\tforbidden\nalliance\t\tbloc\n", encoding="utf-8")
    window = open_window(pair)
    assert not any(f.rule == FORBIDDEN for f in window.review.findings)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(glossary), ""))
    window.commands.glossary.trigger()
    assert app_settings.glossary_path() == str(glossary)
    assert "applies from the next comparison" in window.statusBar().currentMessage()
    window.commands.reload.trigger()
    qtbot.waitUntil(
        lambda: window.ready and any(f.rule == FORBIDDEN for f in window.review.findings), timeout=20000
    )
    (finding,) = [f for f in window.review.findings if f.rule == FORBIDDEN]
    assert finding.side == "left" and finding.suggestion == "alliance"
    assert window.review.analysis.glossary is not None
    # one click: the left's sentence, fixed, goes into the article
    assert window.findings.apply_suggestion(finding)
    assert "would meet again" in window.review.reconciled_text()
    assert "the bloc" not in window.review.reconciled_text()
    # a realignment (merge) keeps checking against the glossary
    window.undo_stack.undo()
    window.navigator.go_to(0)
    window.alignment.merge_with_next()
    qtbot.waitUntil(lambda: window.ready, timeout=20000)
    assert any(f.rule == FORBIDDEN for f in window.review.findings)
    # a second window (a new session of the same user) remembers the choice
    second = open_window(pair)
    assert any(f.rule == FORBIDDEN for f in second.review.findings)
    second.commands.no_glossary.trigger()
    assert app_settings.glossary_path() is None


def test_a_bad_glossary_is_refused_in_one_sentence(
    open_window, pair, tmp_path, monkeypatch, messages
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,spelling\nKyiv,Kiev\n", encoding="utf-8")
    window = open_window(pair)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.commands.glossary.trigger()
    assert app_settings.glossary_path() is None
    assert any("bad.csv has no header row naming a term column" in t for t in messages.texts)
