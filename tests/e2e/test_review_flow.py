"""A whole review, as an editor does it: open, step, decide, save, reopen, export."""

from __future__ import annotations

import docx
from PySide6.QtCore import Qt

from compare.core.diff.comparison import EQUAL
from compare.qt.editors import EditPassageDialog


def test_review_flow(open_window, pair, qtbot, tmp_path, monkeypatch, messages) -> None:
    window = open_window(pair)
    review = window.review
    table = window.views.table
    table.setFocus()
    window.navigator.go_to(0)
    divergent = [p.index for p in review.passages if p.kind != EQUAL]

    # 1. the date: take the machine translation's wording (left)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current_passage() == divergent[0]
    qtbot.keyClick(table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)

    # 2. the next one: fix it by hand
    qtbot.keyClick(table, Qt.Key.Key_F7)
    assert window.navigator.current_passage() == divergent[1]
    monkeypatch.setattr(
        EditPassageDialog, "get_text", staticmethod(lambda *a: "Officials refused to confirm the report.\n\n")
    )
    qtbot.keyClick(table, Qt.Key.Key_F2)

    # 3. the left-only caption: keep the base (drop it), with a note
    qtbot.keyClick(table, Qt.Key.Key_F7)
    messages.answer("note", "caption removed")
    window.decisions.edit_note()
    qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.views.progress_label.text() == f"3 of {len(divergent)} divergent passages reviewed"

    expected = (
        "Breaking news from the capital.\n\n"
        "The minister said on Monday that the bloc would meet again. Talks lasted four hours.\n\n"
        "Officials refused to confirm the report.\n\n"
        "The end of the article is the same.\n"
    )
    assert review.reconciled_text() == expected
    assert window.views.article.toPlainText() == expected

    # undo the caption note and mark, redo them
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not review.decision(divergent[2]).reviewed
    qtbot.keyClick(
        table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert review.decision(divergent[2]).reviewed

    # save, close, reopen
    session = tmp_path / "article.ncreview"
    messages.answer("save", str(session))
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert session.exists() and not window.isWindowModified()
    window.close()

    again = open_window([session])
    assert again.review.reconciled_text() == expected
    assert again.review.decision(divergent[2]).note == "caption removed"
    assert again.navigator.current_passage() == divergent[2]

    # export every format
    out = tmp_path / "clean.txt"
    messages.answer("save", str(out))
    qtbot.keyClick(again.views.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert out.read_text(encoding="utf-8") == expected
    assert again.files.export_article(str(tmp_path / "clean.md"))
    assert (tmp_path / "clean.md").read_text(encoding="utf-8") == expected
    assert again.files.export_article(str(tmp_path / "clean.docx"))
    paras = [p.text for p in docx.Document(str(tmp_path / "clean.docx")).paragraphs]
    assert paras == [p for p in expected.split("\n\n") if p.strip()] or paras == [
        p.strip() for p in expected.split("\n\n") if p.strip()
    ]
    assert again.files.export_article(str(tmp_path / "clean.html"))
    assert "<p>Officials refused to confirm the report.</p>" in (tmp_path / "clean.html").read_text(
        encoding="utf-8"
    )
    assert again.files.export_report(str(tmp_path / "changes.html"))
    assert "caption removed" in (tmp_path / "changes.html").read_text(encoding="utf-8")
