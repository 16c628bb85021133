"""An editor's whole round from the keyboard alone: open -> find -> decide -> edit -> note ->
dismiss a finding -> save -> reopen -> export. No mouse event is sent anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from compare.core.review.session import load_session
from compare.qt.editors import NoteDialog

REAL_GET_NOTE = NoteDialog.get_note  # before the test doubles replace it
CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def test_open_find_decide_edit_note_dismiss_save_reopen_export(
    open_window, pair, tmp_path, qtbot, dialog_keys, messages, monkeypatch
) -> None:
    monkeypatch.setattr(NoteDialog, "get_note", REAL_GET_NOTE)
    window = open_window([], wait=False)

    def focus() -> object:
        return QApplication.focusWidget() or window

    def press(k, mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(focus(), k, mods)

    # open: Ctrl+O, type both paths, Enter
    def open_pair(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.left, str(pair[0]))
        dialog.right.setFocus()  # what Tab, Tab does (past the Browse button)
        qtbot.keyClicks(dialog.right, str(pair[1]))
        qtbot.keyClick(dialog.right, Qt.Key.Key_Return)

    dialog_keys.then(open_pair)
    press(Qt.Key.Key_O, CTRL)
    dialog_keys.check()
    qtbot.waitUntil(lambda: window.ready, timeout=20000)
    review = window.review
    table = window.views.table
    table.setFocus()

    # find: Ctrl+F, a word, Enter goes to its passage, Escape back to the comparison
    press(Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(focus(), "Tuesday")
    press(Qt.Key.Key_Return)
    row = window.navigator.current_passage()
    assert "Tuesday" in review.side_text(row, "right")
    press(Qt.Key.Key_Escape)
    assert table.hasFocus()

    # decide: take the left text
    press(Qt.Key.Key_Left, ALT)
    assert review.passage_text(row) == review.side_text(row, "left")

    # edit: F2, change the text, Ctrl+Return
    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(dialog.editor, Qt.Key.Key_End, CTRL)
        qtbot.keyClicks(dialog.editor, " (by telephone)")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, CTRL)

    dialog_keys.then(edit)
    press(Qt.Key.Key_F2)
    dialog_keys.check()
    assert "(by telephone)" in review.passage_text(row)

    # note: Shift+F2, type, Ctrl+Return
    def note(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.editor, "Confirm the day with the desk.")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, CTRL)

    dialog_keys.then(note)
    press(Qt.Key.Key_F2, SHIFT)
    dialog_keys.check()
    assert review.decision(row).note == "Confirm the day with the desk."

    # dismiss a finding: F9 to it, Ctrl+Shift+N
    before = len(review.findings)
    press(Qt.Key.Key_F9)
    dismissed = window.views.findings_panel.current_finding()
    assert dismissed is not None
    press(Qt.Key.Key_N, CTRL | SHIFT)
    assert len(review.findings) == before - 1 and dismissed not in review.findings

    # save: Ctrl+S asks for a name
    saved = tmp_path / "round.ncreview"
    messages.answer("save", str(saved))
    press(Qt.Key.Key_S, CTRL)
    assert saved.exists() and not window.isWindowModified()
    decisions = review.decisions()

    # reopen: Ctrl+W closes, Ctrl+O and Alt+V open the saved review
    press(Qt.Key.Key_W, CTRL)
    assert window.review is None
    messages.answer("open-one", str(saved))

    def open_review(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(dialog.left, Qt.Key.Key_V, ALT)

    dialog_keys.then(open_review)
    press(Qt.Key.Key_O, CTRL)
    dialog_keys.check()
    qtbot.waitUntil(lambda: window.ready and window.review is not None, timeout=20000)
    assert window.review.decisions() == decisions
    assert len(window.review.dismissed()) == 1

    # export: Ctrl+E asks for a name; the article has the edit and nothing else changed
    out = tmp_path / "clean.txt"
    messages.answer("save", str(out))
    window.views.table.setFocus()
    press(Qt.Key.Key_E, CTRL)
    text = out.read_text(encoding="utf-8")
    assert "(by telephone)" in text
    assert text.replace(window.review.passage_text(row), "") == pair[1].read_text(encoding="utf-8").replace(
        window.review.side_text(row, "right"), ""
    )
    assert load_session(saved).review.decision(row).note == "Confirm the day with the desk."
