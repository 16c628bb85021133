from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from compare.core.diff.comparison import EQUAL
from compare.core.review.session import load_session
from compare.qt import settings as app_settings
from compare.qt.models import LEFT
from compare.resources import sample_pair


def first_divergence(window) -> int:  # type: ignore[no-untyped-def]
    return next(p.index for p in window.review.passages if p.kind != EQUAL)


def test_opens_two_files_from_the_command_line(open_window, pair) -> None:
    window = open_window(pair)
    assert "machine.txt" in window.windowTitle() and "edited.txt" in window.windowTitle()
    assert window.views.model.rowCount() == len(window.review.passages)
    assert (
        window.views.progress_label.text()
        == f"0 of {len(window.review.comparison.divergent)} divergent passages reviewed"
    )
    assert window.views.stack.currentIndex() == 1
    # every row is as tall as its taller side: both cells share the row
    header = window.views.table.verticalHeader()
    for row in range(window.views.model.rowCount()):
        assert header.sectionSize(row) == window.views.heights.measure(row)


def test_sample_flag_and_empty_window(wait_loaded, open_window, qtbot) -> None:
    window = open_window(["--sample"])
    assert "nato-russia-talks" in window.windowTitle()
    empty = open_window([], wait=False)
    assert empty.review is None and empty.views.stack.currentIndex() == 0
    assert not empty.commands.save.isEnabled()
    empty.opener.open_sample()
    wait_loaded(empty)
    left, right = sample_pair()
    assert empty.input_paths() == (str(left), str(right))


def test_keyboard_steps_through_divergences(open_window, pair, qtbot) -> None:
    window = open_window(pair)
    divergent = [p.index for p in window.review.passages if p.kind != EQUAL]
    window.views.table.setFocus()
    window.navigator.go_to(0)
    qtbot.keyClick(window.views.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current_passage() == divergent[0]
    qtbot.keyClick(window.views.table, Qt.Key.Key_F7)
    assert window.navigator.current_passage() == divergent[1]
    qtbot.keyClick(window.views.table, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.navigator.current_passage() == divergent[0]
    qtbot.keyClick(window.views.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current_passage() == divergent[-1]  # wrapped around


def test_take_other_side_edit_undo_redo(open_window, pair, qtbot, monkeypatch) -> None:
    window = open_window(pair)
    review = window.review
    row = first_divergence(window)
    window.navigator.go_to(row)
    window.views.table.setFocus()
    base_text = review.reconciled_text()
    qtbot.keyClick(window.views.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert review.decision(row).choice == "take-other"
    assert review.passage_text(row) == review.side_text(row, "left")
    assert "Monday" in window.views.article.toPlainText()
    assert window.isWindowModified()
    assert window.views.progress_label.text().startswith("1 of ")

    from compare.qt.editors import EditPassageDialog

    seen = {}

    def fake_dialog(parent, number, left, right, current):  # type: ignore[no-untyped-def]
        seen["current"] = current
        return "The minister said on Wednesday that the bloc would meet again. "

    monkeypatch.setattr(EditPassageDialog, "get_text", staticmethod(fake_dialog))
    qtbot.keyClick(window.views.table, Qt.Key.Key_F2)
    assert seen["current"] == review.side_text(row, "left")  # the dialog starts from the current text
    assert review.decision(row).choice == "custom"
    assert "Wednesday" in window.views.article.toPlainText()

    qtbot.keyClick(window.views.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.decision(row).choice == "take-other"
    qtbot.keyClick(window.views.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.reconciled_text() == base_text
    assert window.views.article.toPlainText() == base_text.replace("\r\n", "\n")
    assert not window.isWindowModified()
    qtbot.keyClick(
        window.views.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert review.decision(row).choice == "take-other"
    qtbot.keyClick(window.views.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert review.decision(row).choice == "keep" and review.decision(row).reviewed


def test_take_all_in_selection_is_one_undo_step(open_window, pair, qtbot) -> None:
    window = open_window(pair)
    window.views.table.selectAll()
    window.decisions.take_left()
    review = window.review
    assert review.reconciled_text() == review.comparison.left.text
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert review.decisions() == {}


def test_note_and_reviewed(open_window, pair, messages) -> None:
    window = open_window(pair)
    row = first_divergence(window)
    window.navigator.go_to(row)
    messages.answer("note", "  check the date  ")
    window.decisions.edit_note()
    assert window.review.decision(row).note == "check the date"
    window.decisions.toggle_reviewed()
    assert window.review.decision(row).reviewed
    window.decisions.reviewed_and_next()
    assert window.navigator.current_passage() != row


def test_only_differences_hides_identical_passages(open_window, pair) -> None:
    window = open_window(pair)
    window.commands.only_differences.trigger()
    for p in window.review.passages:
        assert window.views.table.isRowHidden(p.index) == (p.kind == EQUAL)
    window.commands.only_differences.trigger()
    assert not any(window.views.table.isRowHidden(p.index) for p in window.review.passages)


def test_overview_click_jumps_to_a_divergence(open_window, qtbot) -> None:
    window = open_window(["--sample"])
    strip = window.views.overview
    target = [p.index for p in window.review.passages if p.kind != EQUAL][-1]
    y = int((target + 0.5) * strip.height() / len(window.review.passages))
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 2, y))
    assert window.navigator.current_passage() == target


def test_passage_list_sorts_by_divergence(open_window) -> None:
    window = open_window(["--sample"])
    proxy = window.views.list_model
    # most divergent first without asking
    values = [float(proxy.data(proxy.index(r, 1))) for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)
    window.navigator.list_clicked(proxy.index(0, 0))
    scores = window.review.analysis.scores
    assert scores[window.navigator.current_passage()] == max(scores)


def drop(window, paths, side: str) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    stack = window.views.stack  # a quarter and three quarters across the comparison (or welcome) area
    quarter = stack.width() // 4 if side == "left" else stack.width() * 3 // 4
    x = stack.mapTo(window, QPoint(quarter, 0)).x()
    pos = QPointF(x, window.height() // 2)
    enter = QDragEnterEvent(
        pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, event)
    assert event.isAccepted()


def test_drag_and_drop_one_file_per_side(wait_loaded, open_window, pair, qtbot) -> None:
    window = open_window([], wait=False)
    left, right = pair
    drop(window, [left], "left")
    qtbot.waitUntil(lambda: window.opener.pending.get("left") == str(left))
    drop(window, [right], "right")
    wait_loaded(window)
    assert window.input_paths() == (str(left), str(right))
    # dropping a new right version onto the right half replaces that side only
    newer = right.parent / "newer.txt"
    newer.write_text("Breaking news from the capital.\n", encoding="utf-8")
    drop(window, [newer], "right")
    qtbot.waitUntil(lambda: window.input_paths()[1] == str(newer), timeout=20000)
    assert window.input_paths()[0] == str(left)


def test_drop_two_files_opens_them(wait_loaded, open_window, pair, qtbot) -> None:
    window = open_window([], wait=False)
    drop(window, list(pair), "right")
    wait_loaded(window)
    assert window.input_paths() == (str(pair[0]), str(pair[1]))


def test_closing_with_unsaved_work_asks(open_window, pair, messages, tmp_path) -> None:
    window = open_window(pair)
    window.decisions.take_left()
    messages.answer("question", QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    target = tmp_path / "review.ncreview"
    messages.answer("question", QMessageBox.StandardButton.Save)
    messages.answer("save", str(target))
    assert window.close()
    assert load_session(target).review.decisions() == window.review.decisions()


def test_closing_with_discard(open_window, pair, messages) -> None:
    window = open_window(pair)
    window.decisions.take_left()
    messages.answer("question", QMessageBox.StandardButton.Discard)
    assert window.close()
    assert any("not saved" in t for t in messages.texts)


@pytest.mark.parametrize("kind", ["binary", "missing", "corrupt-session", "too-large"])
def test_errors_are_one_sentence_and_the_window_stays_usable(
    open_window, pair, tmp_path, messages, qtbot, kind
) -> None:
    window = open_window(pair)
    if kind == "binary":
        bad = tmp_path / "photo.png"
        bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        window.opener.open_pair(str(bad), str(pair[1]))
    elif kind == "missing":
        window.opener.open_pair(str(tmp_path / "gone.txt"), str(pair[1]))
    elif kind == "corrupt-session":
        bad = tmp_path / "broken.ncreview"
        bad.write_text('{"format": "news-compare-session", "version": 1, "left": 3}', encoding="utf-8")
        window.opener.open_paths([str(bad)])
    else:
        window.opener.max_bytes = 10  # this window's size limit, as --max-size sets it on the command line
        window.opener.open_pair(str(pair[0]), str(pair[1]))
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=20000)
    kind_shown, text = messages.shown[-1]
    assert kind_shown == "warning"
    assert text.endswith(".") and "\n" not in text and "Traceback" not in text
    # the previous comparison is still there and usable
    assert window.review is not None and "machine.txt" in window.windowTitle()
    window.navigator.next_divergence()
    assert window.navigator.current_passage() >= 0


def test_stale_results_are_dropped(wait_loaded, open_window, pair, qtbot) -> None:
    window = open_window([], wait=False)
    left, right = sample_pair()
    window.opener.open_pair(str(left), str(right))
    window.opener.open_pair(str(pair[0]), str(pair[1]))  # opened again before the first finished
    wait_loaded(window)
    window.loader.wait()
    qtbot.wait(50)
    assert window.input_paths() == (str(pair[0]), str(pair[1]))


def test_save_and_reopen_keeps_decisions_and_position(open_window, tmp_path, qtbot) -> None:
    window = open_window(["--sample"])
    window.resize(1200, 700)
    window.views.heights.finish()
    rows = [p.index for p in window.review.passages if p.kind != EQUAL]
    window.navigator.go_to(rows[3])
    window.decisions.take_left()
    window.navigator.go_to(rows[-1])
    window.decisions.take_both()
    window.views.table.verticalScrollBar().setValue(
        window.views.table.verticalHeader().sectionPosition(rows[5])
    )
    top = window.views.table.rowAt(0)
    path = tmp_path / "sample.ncreview"
    assert window.files.save_review_to(str(path))
    assert not window.isWindowModified()
    decisions = window.review.decisions()
    window.close()

    again = open_window([path])
    again.resize(1200, 700)
    again.views.heights.finish()
    assert again.review.decisions() == decisions
    # the article pane of the resumed review shows the decided text, not the base version's
    assert again.views.article.toPlainText() == again.review.reconciled_text().replace("\r\n", "\n")
    assert again.review.reconciled_text() != again.review.comparison.side(again.review.base).text
    assert again.navigator.current_passage() == rows[-1]
    assert again.views.table.rowAt(0) == top
    assert again.files.session_path == str(path)
    assert "sample.ncreview" in again.windowTitle()


def test_recent_files_and_geometry_use_settings(open_window, pair, isolated_environment) -> None:
    window = open_window(pair)
    recent = app_settings.recent_files()
    assert recent[0] == [str(Path(pair[0]).resolve()), str(Path(pair[1]).resolve())]
    window.resize(1000, 640)
    window.close()
    assert list(Path(isolated_environment, "settings").rglob("*.ini")) or list(
        Path(isolated_environment, "settings").rglob("*.conf")
    )
    again = open_window(pair)
    assert app_settings.settings().value("window/geometry") is not None
    assert again.size().height() == 640  # (the offscreen screen is too narrow to restore the width)


def test_swap_sides_keeps_decisions_and_the_file_being_cleaned(open_window, pair, qtbot, messages) -> None:
    window = open_window(pair)
    window.navigator.go_to(first_divergence(window))
    window.decisions.take_left()
    expected = window.review.reconciled_text()
    messages.answer("question", QMessageBox.StandardButton.Yes)
    window.opener.swap_sides()
    qtbot.waitUntil(
        lambda: window.input_paths() == (str(pair[1]), str(pair[0])) and window.ready, timeout=20000
    )
    assert window.review.base == "left"  # the edited file is still the one being cleaned
    assert window.review.reconciled_text() == expected
    assert len(window.review.decisions()) == 1


def test_reload_keeps_decisions_on_unchanged_passages(open_window, pair, qtbot, messages) -> None:
    window = open_window(pair)
    window.navigator.go_to(first_divergence(window))
    window.decisions.take_left()
    taken = window.review.passage_text(window.navigator.current_passage())
    messages.answer("question", QMessageBox.StandardButton.Yes)
    pair[1].write_text(pair[1].read_text(encoding="utf-8") + "\nA line the editor added.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "A line the editor added." in window.review.comparison.right.text, timeout=20000)
    qtbot.waitUntil(lambda: window.ready, timeout=20000)
    assert taken in window.review.reconciled_text()
    assert len(window.review.decisions()) == 1


def test_reload_when_a_file_changes(open_window, pair, qtbot, messages) -> None:
    window = open_window(pair)
    messages.answer("question", QMessageBox.StandardButton.Yes)
    pair[1].write_text("Breaking news from the capital.\n\nSomething new.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "Something new." in window.review.comparison.right.text, timeout=20000)
    assert any("changed on disk" in t for t in messages.texts)


def test_export_formats(open_window, pair, tmp_path) -> None:
    window = open_window(pair)
    window.navigator.go_to(first_divergence(window))
    window.decisions.take_left()
    expected = window.review.reconciled_text()
    for suffix in ("txt", "md", "html", "docx"):
        out = tmp_path / f"clean.{suffix}"
        assert window.files.export_article(str(out))
        assert out.exists() and out.stat().st_size > 0
    assert (tmp_path / "clean.txt").read_text(encoding="utf-8") == expected
    assert window.files.export_report(str(tmp_path / "changes.csv"))


def test_toolbar_shows_the_bundled_action_icons(open_window, pair) -> None:
    from PySide6.QtWidgets import QToolBar

    window = open_window(pair)
    bar = window.findChild(QToolBar, "review-toolbar")
    assert bar is not None and bar.isVisible()
    actions = bar.actions()
    assert [a.text().replace("&", "") for a in actions][:2] == ["Previous Divergence", "Next Divergence"]
    assert all(not a.icon().isNull() for a in actions)
    assert not window.windowIcon().isNull()
    # labelled, and the tooltips name the keys
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert [a.iconText() for a in actions] == ["Previous", "Next", "Take Left", "Take Right"]
    assert "Alt+Up" in actions[0].toolTip() and "Alt+Left" in actions[2].toolTip()

    def ink(action) -> int:  # type: ignore[no-untyped-def]  # the lightness of the icon's drawn pixels
        image = action.icon().pixmap(32, 32).toImage()
        values = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
        drawn = [c.lightness() for c in values if c.alpha() > 128]
        return sum(drawn) // max(1, len(drawn))

    light = ink(actions[0])
    window.commands.appearance_dark.trigger()
    assert ink(actions[0]) > 128 > light  # light ink on dark colours, dark ink on light ones
    window.commands.appearance_system.trigger()


def test_a_hand_edit_never_removes_the_paragraph_break(open_window, pair, qtbot, tmp_path) -> None:
    """Ctrl+End, backspace the last word, retype it changed: the exported article differs from
    the base in that word only, byte for byte; the two paragraphs stay two."""
    from tests.conftest import accept_next_dialog

    window = open_window(pair)
    review = window.review
    row = next(p.index for p in review.passages if "declined" in review.side_text(p.index, "right"))
    assert review.side_text(row, "right").endswith("report.\n\n")
    window.navigator.go_to(row)

    def retype(dialog) -> None:  # type: ignore[no-untyped-def]
        editor = dialog.editor
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        for _ in range(len("report.")):
            qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        qtbot.keyClicks(editor, "statement.")

    seen = accept_next_dialog(qtbot, retype)
    window.decisions.edit_passage()
    assert seen
    out = tmp_path / "clean.txt"
    assert window.files.export_article(str(out))
    expected = pair[1].read_bytes().replace(b"confirm the report.", b"confirm the statement.")
    assert out.read_bytes() == expected


def test_writing_over_an_input_asks_first(open_window, pair, messages, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(pair[0].parent)
    window = open_window([pair[0].name, pair[1].name])  # opened with relative paths
    window.decisions.take_left()
    before = pair[1].read_bytes()
    messages.answer("question", QMessageBox.StandardButton.No)
    assert not window.files.save_review_to(str(pair[1]))
    assert not window.files.export_article(str(pair[1]))
    assert pair[1].read_bytes() == before
    assert any("edited.txt is the right version being compared" in t for t in messages.texts)
    messages.answer("question", QMessageBox.StandardButton.Yes)
    assert window.files.export_article(str(pair[1]))  # confirmed: the user's explicit choice
    assert pair[1].read_bytes() != before


def test_a_review_whose_file_changed_says_so(open_window, pair, messages, tmp_path, qtbot) -> None:
    window = open_window(pair)
    window.decisions.take_left()
    review = tmp_path / "r.ncreview"
    assert window.files.save_review_to(str(review))
    pair[1].write_text(pair[1].read_text(encoding="utf-8") + "Added later.\n", encoding="utf-8")
    window.close()
    again = open_window([review])
    qtbot.waitUntil(lambda: any("changed on disk since the review was saved" in t for t in messages.texts))
    assert "Reload Files" in messages.texts[-1]
    assert again.review.decisions()


def test_a_merge_started_during_a_reload_never_drops_the_reload(
    open_window, pair, qtbot, monkeypatch
) -> None:
    """The file changes on disk, the user reloads, and before the reload finishes merges two
    passages of what is still shown: the reloaded text is what the window ends up showing (the
    merge is applied to the old comparison first, or dropped because the comparison changed)."""
    import compare.qt.alignment_actions as alignment

    monkeypatch.setattr(alignment, "SYNC_LIMIT", 0)  # merges run in the background, like on a large pair
    window = open_window(pair)
    changed = (
        pair[0].read_text(encoding="utf-8").replace("Talks lasted four hours.", "Talks lasted all night.")
    )
    pair[0].write_text(changed, encoding="utf-8")
    window.opener.reload_files(ask=False)
    window.navigator.go_to(0)
    assert window.alignment.merge_with_next()  # on the comparison still shown
    assert window.alignment.busy and window.opener.busy
    qtbot.waitUntil(
        lambda: not window.loader.busy and not window.alignment.busy and not window.opener.busy, timeout=30000
    )
    qtbot.waitUntil(lambda: window.ready, timeout=30000)
    assert window.review.comparison.left.text == changed  # the reload was installed, not dropped as stale
    assert (
        "all night"
        in window.views.model.cell(
            next(
                p.index
                for p in window.review.passages
                if "all night" in window.review.side_text(p.index, "left")
            ),
            LEFT,
        )[0]
    )


from compare.qt.editors import NoteDialog  # noqa: E402

REAL_GET_NOTE = NoteDialog.get_note  # taken before the messages fixture replaces it


def test_the_edit_and_note_dialogs_work_from_the_keyboard(open_window, pair, qtbot, monkeypatch) -> None:
    """Ctrl+Return accepts from inside the editor, Tab leaves it, Alt+O is the OK button's
    mnemonic (it must not type an "o"), Escape cancels; the note editor wraps long lines."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from compare.qt.editors import EditPassageDialog, NoteDialog

    window = open_window(pair)
    review = window.review
    row = next(p.index for p in review.passages if "declined" in review.side_text(p.index, "right"))
    window.navigator.go_to(row)
    monkeypatch.setattr(NoteDialog, "get_note", REAL_GET_NOTE)  # the real note dialog, not the test double

    errors: list[BaseException] = []

    def run(keys) -> None:  # type: ignore[no-untyped-def]
        def act() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, act)
                return
            dialog.windowHandle().requestActivate()  # as the window manager does for a new dialog
            QApplication.processEvents()
            try:
                keys(dialog)
            except BaseException as err:  # close the dialog, fail the test after it
                errors.append(err)
                dialog.reject()

            def still_open() -> None:
                if dialog.isVisible():
                    errors.append(AssertionError("the keys did not close the dialog"))
                    dialog.reject()

            guard = QTimer(dialog)  # goes with the dialog once it closes
            guard.setSingleShot(True)
            guard.timeout.connect(still_open)
            guard.start(3000)

        QTimer.singleShot(0, act)

    def edit_and_ctrl_return(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, EditPassageDialog)
        qtbot.keyClick(dialog.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.editor, " Really.")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Tab)
        assert not dialog.editor.hasFocus() and "\t" not in dialog.editor.toPlainText()
        dialog.editor.setFocus()
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    run(edit_and_ctrl_return)
    window.decisions.edit_passage()
    assert not errors, errors
    assert review.passage_text(row).rstrip().endswith("report. Really.")
    assert review.passage_text(row).endswith("\n\n")

    def note_and_alt_o(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, NoteDialog)
        assert dialog.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
        qtbot.keyClicks(dialog.editor, "Check with the desk")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)

    run(note_and_alt_o)
    window.decisions.edit_note()
    assert not errors, errors
    assert review.decision(row).note == "Check with the desk"

    def escape(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.editor, " and the lawyers")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)

    run(escape)
    window.decisions.edit_note()
    assert not errors, errors
    assert review.decision(row).note == "Check with the desk"


@pytest.mark.parametrize("height", [7, 23, 400])
def test_the_overview_redraws_a_decision_as_a_full_rebuild_would(qtbot, height: int) -> None:
    """A decision redraws only the pixel rows of its passages (issue 15); the picture is the one
    a rebuild from scratch gives, where marks share a pixel row and where they overlap."""
    from compare.core.review.review import Decision
    from compare.qt import jobs
    from compare.qt.overview import OverviewStrip

    left, right = sample_pair()
    review = jobs.open_pair(str(left), str(right), 10_000_000).review
    n = len(review.passages)
    assert n > 7
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(18, height)
    strip.set_review(review)
    strip._marks()
    divergent = [p.index for p in review.passages if p.kind != EQUAL]
    for chosen in (divergent[::2], divergent[1:3], divergent[::2][:1]):
        for i in chosen:
            review.set_decision(i, Decision(reviewed=not review.decision(i).reviewed))
        version = strip.version
        strip.passages_changed(chosen)
        assert strip.version == version  # redrawn in place, not rebuilt
        incremental = strip._marks().copy()
        strip.refresh()
        assert strip._marks() == incremental
