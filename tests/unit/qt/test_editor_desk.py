"""The editor's desk (issue 12), driven through the real widgets with keys: find, filter, findings
triage, zoom, print/PDF, close, selectable text, the open dialog, recent entries, the current
passage, the window's size, colours, and linking sentences."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from compare.core.diff.comparison import EQUAL
from compare.core.review.session import load_session
from compare.qt import settings as app_settings
from compare.qt.models import LEFT

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def key(qtbot, widget, k, mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, k, mods)


def test_find_moves_through_matches_in_both_versions_and_the_article(open_window, pair, qtbot) -> None:
    window = open_window(pair)
    table = window.views.table
    table.setFocus()
    key(qtbot, table, Qt.Key.Key_F, CTRL)
    bar = window.views.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "the report")
    assert bar.count.text() == "2 matches"  # "confirm the report" on each side
    key(qtbot, bar.edit, Qt.Key.Key_Return)
    row = window.navigator.current_passage()
    assert "the report" in window.review.side_text(row, "left")
    assert bar.count.text() == "1 of 2"
    cells = window.views.model.cell_matches(row, LEFT)
    text, _ = window.views.model.cell(row, LEFT)
    assert [text[a:b].lower() for a, b in cells] == ["the report"]  # highlighted in its cell
    key(qtbot, bar.edit, Qt.Key.Key_F3)
    assert bar.count.text() == "2 of 2"
    key(qtbot, bar.edit, Qt.Key.Key_F3, SHIFT)
    assert bar.count.text() == "1 of 2"
    bar.scope.setCurrentIndex(bar.scope.findData("article"))
    bar.edit.setText("Tuesday")
    key(qtbot, bar.edit, Qt.Key.Key_Return)
    assert window.views.article.textCursor().selectedText() == "Tuesday"
    key(qtbot, bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and table.hasFocus()


def test_the_filter_shows_unreviewed_or_noted_passages_and_says_how_many_it_hides(
    open_window, pair, qtbot, messages
) -> None:
    window = open_window(pair)
    review = window.review
    divergent = [p.index for p in review.passages if p.kind != EQUAL]
    window.navigator.go_to(divergent[0])
    window.decisions.take_left()  # reviewed
    messages.answer("note", "ask the desk")
    window.navigator.go_to(divergent[1])
    window.decisions.edit_note()
    table = window.views.table
    key(qtbot, table, Qt.Key.Key_L, CTRL)
    bar = window.views.filter_bar
    assert bar.isVisible()
    bar.unreviewed.setChecked(True)
    shown = [i for i in range(len(review.passages)) if not table.isRowHidden(i)]
    assert divergent[0] not in shown and all(review.passages[i].kind != EQUAL for i in shown)
    hidden = len(review.passages) - len(shown)
    assert bar.hidden.text() == f"{hidden} of {len(review.passages)} passages hidden"
    assert not table.isRowHidden(window.navigator.current_passage())  # the current passage stays in view
    bar.unreviewed.setChecked(False)
    bar.noted.setChecked(True)
    assert [i for i in range(len(review.passages)) if not table.isRowHidden(i)] == [divergent[1]]
    bar.clear()
    assert not any(table.isRowHidden(i) for i in range(len(review.passages)))


def test_findings_from_the_keyboard_follow_and_dismiss_undo_save(open_window, tmp_path, qtbot) -> None:
    window = open_window(["--sample"])
    panel = window.views.findings_panel
    total = panel.model.rowCount()
    assert total > 3
    table = window.views.table
    table.setFocus()
    key(qtbot, table, Qt.Key.Key_F9)
    first = panel.current_finding()
    assert first is not None and window.navigator.current_passage() == first.passage
    key(qtbot, table, Qt.Key.Key_F9)
    second = panel.current_finding()
    assert second is not first
    key(qtbot, table, Qt.Key.Key_F9, SHIFT)
    assert panel.current_finding() is first
    # the panel follows the current passage
    other = next(f for f in window.review.findings if f.passage != first.passage)
    window.navigator.go_to(other.passage)
    assert panel.current_finding().passage == other.passage
    # Ctrl+Shift+F puts the keyboard in the findings list; Tab leaves the comparison table
    key(qtbot, table, Qt.Key.Key_F, CTRL | SHIFT)
    assert panel.table.hasFocus()
    # not an error: gone from the panel, back with undo, kept in the saved review
    dismissed = panel.current_finding()
    key(qtbot, panel.table, Qt.Key.Key_N, CTRL | SHIFT)
    assert panel.model.rowCount() == total - 1 and dismissed not in window.review.findings
    key(qtbot, panel.table, Qt.Key.Key_Z, CTRL)
    assert panel.model.rowCount() == total
    key(qtbot, panel.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert panel.model.rowCount() == total - 1
    path = tmp_path / "r.ncreview"
    assert window.files.save_review_to(str(path))
    assert len(load_session(path).review.dismissed()) == 1
    assert not table.tabKeyNavigation()


def test_the_passage_context_menu_offers_the_actions_that_apply(open_window, pair) -> None:
    window = open_window(pair)
    texts = [a.text() for a in window.commands.passage_menu(window).actions()]
    for wanted in (
        "Take &Left Text",
        "&Edit by Hand…",
        "&Note…",
        "Not an &Error",
        "&Merge with Next Passage",
        "L&ink Sentences…",
        "&Select Text in Passage…",
    ):
        assert wanted in texts


def test_zoom_is_remembered(open_window, pair, qtbot) -> None:
    window = open_window(pair)
    table = window.views.table
    before = table.font().pointSizeF()
    key(qtbot, table, Qt.Key.Key_Equal, CTRL)
    key(qtbot, table, Qt.Key.Key_Equal, CTRL)
    assert table.font().pointSizeF() == before + 2
    again = open_window(pair)
    assert again.views.table.font().pointSizeF() == before + 2  # per user, across windows
    key(qtbot, again.views.table, Qt.Key.Key_0, CTRL)
    assert again.views.table.font().pointSizeF() == before
    assert str(app_settings.settings().value("view/zoom")) == "0"


def test_pdf_of_the_review_and_of_the_cleaned_article(open_window, pair, tmp_path) -> None:
    window = open_window(pair)
    window.decisions.take_left()
    review_pdf, article_pdf = tmp_path / "review.pdf", tmp_path / "article.pdf"
    assert window.files.export_review_pdf(str(review_pdf))
    assert window.files.export_article(str(article_pdf))
    for pdf in (review_pdf, article_pdf):
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 1000
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_print_opens_the_print_dialog(open_window, pair, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    window = open_window(pair)
    asked: list[str] = []

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        asked.append(dialog.windowTitle())
        return 0  # cancelled

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    window.commands.print.trigger()
    assert asked == ["Print review"]


def test_close_goes_back_to_the_welcome_page_and_asks_about_unsaved_work(
    open_window, pair, qtbot, messages
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(pair)
    window.decisions.take_left()
    messages.answer("question", QMessageBox.StandardButton.Cancel)
    key(qtbot, window.views.table, Qt.Key.Key_W, CTRL)
    assert window.review is not None  # cancelled
    messages.answer("question", QMessageBox.StandardButton.Discard)
    key(qtbot, window.views.table, Qt.Key.Key_W, CTRL)
    assert window.review is None and window.views.stack.currentIndex() == 0
    assert not window.commands.save.isEnabled() and not window.files.recovery.path.exists()


def test_words_of_a_passage_can_be_selected_copied_found_and_quoted(
    open_window, pair, qtbot, dialog_keys, messages
) -> None:
    window = open_window(pair)
    row = next(
        p.index for p in window.review.passages if "Tuesday" in window.review.side_text(p.index, "right")
    )
    window.navigator.go_to(row)

    def select_word_and_find(dialog) -> None:  # type: ignore[no-untyped-def]
        view = dialog.views[1]
        view.setFocus()
        text = view.toPlainText()
        cursor = view.textCursor()
        cursor.setPosition(text.index("Tuesday"))
        view.setTextCursor(cursor)
        for _ in "Tuesday":
            key(qtbot, view, Qt.Key.Key_Right, SHIFT)
        key(qtbot, view, Qt.Key.Key_C, CTRL)
        assert QApplication.clipboard().text() == "Tuesday"
        key(qtbot, view, Qt.Key.Key_F, CTRL)

    dialog_keys.then(select_word_and_find)
    key(qtbot, window.views.table, Qt.Key.Key_F4)
    dialog_keys.check()
    assert window.views.find_bar.isVisible() and window.views.find_bar.edit.text() == "Tuesday"


def test_the_open_dialog_has_left_and_right_slots_and_swaps(open_window, pair, qtbot, dialog_keys) -> None:
    window = open_window([], wait=False)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.left.setFocus()
        qtbot.keyClicks(dialog.left, str(pair[1]))
        key(qtbot, dialog.left, Qt.Key.Key_Tab)
        dialog.right.setFocus()
        qtbot.keyClicks(dialog.right, str(pair[0]))
        key(qtbot, dialog.right, Qt.Key.Key_W, ALT)  # swap: the edited copy becomes the right one
        qtbot.waitUntil(
            lambda: dialog.left.text() == str(pair[0]), timeout=2000
        )  # a mnemonic clicks after a moment
        key(qtbot, dialog.right, Qt.Key.Key_Return)

    dialog_keys.then(fill)
    key(qtbot, window.views.welcome, Qt.Key.Key_O, CTRL)
    dialog_keys.check()
    qtbot.waitUntil(lambda: window.ready, timeout=20000)
    assert window.input_paths() == (str(pair[0]), str(pair[1]))


def test_one_file_on_the_command_line_asks_for_the_second(open_window, pair, qtbot, dialog_keys) -> None:
    def second(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.left.text() == str(pair[0]) and dialog.right.hasFocus()
        qtbot.keyClicks(dialog.right, str(pair[1]))
        key(qtbot, dialog.right, Qt.Key.Key_Return, CTRL)

    dialog_keys.then(second)
    window = open_window([pair[0]], wait=False)
    dialog_keys.check()
    qtbot.waitUntil(lambda: window.ready, timeout=20000)
    assert window.input_paths() == (str(pair[0]), str(pair[1]))


def test_recent_entries_show_enough_of_their_folders() -> None:
    entries = [[f"/news/{k}/reference.en.txt", f"/news/{k}/Online-W.en.txt"] for k in range(47)]
    labels = app_settings.recent_labels(entries)
    assert len(set(labels)) == 47
    assert labels[3] == "3/: reference.en.txt ↔ Online-W.en.txt"
    assert app_settings.recent_labels([["/a/x.ncreview"]]) == ["x.ncreview"]


def test_the_current_passage_is_highlighted_and_in_view_when_a_review_opens(
    open_window, pair, tmp_path, qtbot
) -> None:
    window = open_window(pair)
    table = window.views.table
    current = window.navigator.current_passage()
    assert current >= 0 and table.selectionModel().isRowSelected(current)  # shown, not only current
    last = len(window.review.passages) - 1
    window.navigator.go_to(last)
    path = tmp_path / "r.ncreview"
    assert window.files.save_review_to(str(path))
    window.close()
    again = open_window([path])
    qtbot.waitUntil(lambda: again.views.heights.done, timeout=10000)
    row = again.navigator.current_passage()
    assert row == last and again.views.table.selectionModel().isRowSelected(row)
    rect = again.views.table.visualRect(again.views.model.index(row, LEFT))
    assert again.views.table.viewport().rect().intersects(rect)


def test_the_window_fits_the_screen_and_a_saved_geometry_is_clamped(open_window, pair) -> None:
    window = open_window(pair)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    window.setGeometry(QRect(area.x() + 3000, area.y() + 2000, area.width() * 2, area.height() * 2))
    window.save_settings()
    window.close()
    again = open_window(pair)
    frame = again.frameGeometry()
    assert (
        area.contains(frame.topLeft()) and frame.width() <= area.width() and frame.height() <= area.height()
    )


def test_light_and_dark_colours_are_a_choice_kept_per_user(open_window, pair) -> None:
    window = open_window(pair)
    light_base = window.views.table.palette().color(QPalette.ColorRole.Base).lightness()
    window.commands.appearance_dark.trigger()
    assert window.views.table.palette().color(QPalette.ColorRole.Base).lightness() < 100 < light_base
    assert window.commands.appearance_dark.isChecked() and not window.commands.appearance_light.isChecked()
    again = open_window(pair)
    assert again.commands.appearance_dark.isChecked()
    again.commands.appearance_system.trigger()
    assert str(app_settings.settings().value("view/colours")) == "system"


def test_link_sentences_pins_two_sentences_undoably_and_the_review_keeps_it(
    open_window, pair, tmp_path, qtbot, dialog_keys
) -> None:
    window = open_window(pair)
    review = window.review
    before = review.comparison.beads
    row = next(p.index for p in review.passages if p.kind != EQUAL and len(p.left_segments) == 1)
    window.navigator.go_to(row)
    i = review.passages[row].left_segments[0]
    j = next(
        j
        for j in range(len(review.comparison.right.segmentation.sentences))
        if not review.passages[row].right_segments or j != review.passages[row].right_segments[0]
    )

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        left, right = dialog.lists
        left.setCurrentRow(dialog.indices[0].index(i))
        right.setCurrentRow(dialog.indices[1].index(j))
        key(qtbot, right, Qt.Key.Key_Return, CTRL)

    dialog_keys.then(choose)
    key(qtbot, window.views.table, Qt.Key.Key_K, CTRL | SHIFT)
    dialog_keys.check()
    assert ((i,), (j,)) in review.comparison.beads
    key(qtbot, window.views.table, Qt.Key.Key_Z, CTRL)
    assert review.comparison.beads == before
    key(qtbot, window.views.table, Qt.Key.Key_Z, CTRL | SHIFT)
    path = tmp_path / "linked.ncreview"
    assert window.files.save_review_to(str(path))
    assert ((i,), (j,)) in load_session(path).review.comparison.beads


def test_return_edits_in_the_comparison_but_not_in_the_find_bar(
    open_window, pair, qtbot, dialog_keys
) -> None:
    window = open_window(pair)
    seen: list[str] = []
    dialog_keys.then(lambda dialog: (seen.append(type(dialog).__name__), dialog.reject()))
    window.views.table.setFocus()
    key(qtbot, window.views.table, Qt.Key.Key_Return)
    dialog_keys.check()
    assert seen == ["EditPassageDialog"]
