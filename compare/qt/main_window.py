"""The main window: two versions side by side, passage by passage.

The window creates its parts and wires them in one place (:meth:`MainWindow._connect_signals`):
the widgets (:class:`~compare.qt.views.Views`), the actions made from the command table
(:class:`~compare.qt.actions.Actions`), and one controller per responsibility, each owning its
state: opening and reloading (:class:`~compare.qt.opening.Opener`), where the reader is
(:class:`~compare.qt.navigation.Navigator`), decisions (:class:`~compare.qt.decisions.DecisionController`),
findings (:class:`~compare.qt.finding_actions.FindingController`), alignment fixes
(:class:`~compare.qt.alignment_actions.AlignmentController`), and files, exports and crash
recovery (:class:`~compare.qt.files.FileController`). The window itself shows what is open.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from compare import APP_NAME
from compare.core.analysis.analysis import Analysis
from compare.core.diff.comparison import Comparison
from compare.core.review.review import Review
from compare.qt import help as app_help
from compare.qt import settings as app_settings
from compare.qt.actions import Actions
from compare.qt.alignment_actions import AlignmentController
from compare.qt.appearance import Appearance
from compare.qt.decisions import DecisionController
from compare.qt.files import FileController
from compare.qt.finding_actions import FindingController
from compare.qt.jobs import Loaded
from compare.qt.models import LEFT, RIGHT
from compare.qt.navigation import Navigator
from compare.qt.opening import Opener
from compare.qt.search import Finder
from compare.qt.selection import FIND, PassageTextDialog
from compare.qt.views import Views
from compare.qt.worker import Loader

# between the steps of an install: long enough that input, painting and other timers get their
# turn (a zero timer can run the next step before them), short enough not to be seen
INSTALL_PAUSE_MS = 5
# A review of at most this many passages is installed in one turn of the event loop (an article
# takes a few milliseconds); a larger one in several, so that no turn blocks the window for long.
INSTALL_AT_ONCE = 400


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None, process_threshold: int | None = None):
        super().__init__(parent)
        self.review: Review | None = None
        self.installing = False  # the passage list and article pane are still being filled
        self._filling_panel = False  # the findings panel waits for its turn after the checks arrived
        self._words_following = False  # the overview and the passage list, after the word changes
        self.undo_stack = QUndoStack(self)
        self.loader = Loader(self) if process_threshold is None else Loader(self, process_threshold)
        self.views = Views(self)
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        docks = self.views
        self.commands = Actions(self, {
            "undo": undo, "redo": redo, "passage_list": docks.list_dock.toggleViewAction(),
            "findings": docks.findings_dock.toggleViewAction(), "article": docks.article_dock.toggleViewAction(),
        }, docks.table)  # fmt: skip
        self.commands.build_menus()
        self.views.build_toolbar(self, self.commands)
        self.navigator = Navigator(self)
        self.files = FileController(self, self.navigator)
        self.decisions = DecisionController(self, self.navigator)
        self.findings = FindingController(self, self.navigator)
        self.alignment = AlignmentController(self, self.navigator, self.files)
        self.opener = Opener(self, self.files)
        self.finder = Finder(self, self.navigator, self.views.find_bar)
        self.appearance = Appearance(self)
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self._connect_signals()
        self.commands.enable_review_actions(False)
        self.appearance.restore()
        self._fit_to_screen()
        self.update_title()

    def _connect_signals(self) -> None:
        a, v = self.commands, self.views
        opener, files, nav, dec, fin, ali = (
            self.opener, self.files, self.navigator, self.decisions, self.findings, self.alignment,
        )  # fmt: skip
        for command, slot in (
            ("open", opener.open_dialog), ("save", files.save_review), ("save_as", files.save_review_as),
            ("export", files.export_article), ("redline", files.export_redline), ("report", files.export_report),
            ("bitext", ali.export_bitext),
            ("glossary", opener.choose_glossary), ("no_glossary", opener.forget_glossary),
            ("reload", opener.reload_files), ("swap", opener.swap_sides), ("quit", self.close),
            ("take_left", dec.take_left), ("take_right", dec.take_right), ("keep", dec.keep_base),
            ("both", dec.take_both), ("edit", dec.edit_passage), ("note", dec.edit_note),
            ("reviewed", dec.toggle_reviewed), ("reviewed_next", dec.reviewed_and_next),
            ("apply", fin.apply_suggestion), ("apply_rule", fin.apply_rule), ("merge", ali.merge_with_next),
            ("split", ali.split_passage), ("next", nav.next_divergence), ("previous", nav.previous_divergence),
            ("next_unreviewed", nav.next_unreviewed), ("go_to", nav.go_to_number),
            ("only_differences", nav.set_only_differences), ("sample", opener.open_sample),
            ("keys", lambda: app_help.show_keys(self)), ("about", lambda: app_help.show_about(self)),
            ("print", files.print_review), ("pdf", files.export_review_pdf), ("close", self.close_review),
            ("find", self.finder.open), ("find_next", self.finder.find_next),
            ("find_previous", self.finder.find_previous), ("select_text", self.select_text),
            ("filter", v.filter_bar.open), ("link", ali.link_sentences), ("dismiss", fin.dismiss),
            ("next_finding", fin.next_finding), ("previous_finding", fin.previous_finding),
            ("focus_findings", fin.focus_panel), ("focus_passage_list", lambda: self._focus_dock(v.list_dock)),
            ("focus_article", lambda: self._focus_dock(v.article_dock)), ("focus_table", self.back_to_table),
            ("zoom_in", self.appearance.zoom_in), ("zoom_out", self.appearance.zoom_out),
            ("zoom_reset", self.appearance.zoom_reset),
            ("appearance_system", lambda _on=True: self.appearance.set_scheme("system")),
            ("appearance_light", lambda _on=True: self.appearance.set_scheme("light")),
            ("appearance_dark", lambda _on=True: self.appearance.set_scheme("dark")),
        ):  # fmt: skip
            a.connect(command, slot)
        assert a.recent_menu is not None
        a.recent_menu.aboutToShow.connect(opener.fill_recent)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.loader.finished.connect(self._job_finished)
        self.loader.failed.connect(self._job_failed)
        self.loader.busy_changed.connect(self._busy)
        self.loader.progress.connect(opener.job_progress)
        v.loading.cancel_requested.connect(opener.cancel)
        self._cancel_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, opener.cancel)
        self._cancel_key.setEnabled(False)  # only while a load is shown (Escape is otherwise "back to table")
        v.heights.measured.connect(nav.apply_scroll_target)
        v.table.selectionModel().currentChanged.connect(self._current_changed)
        v.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        v.overview.jump_requested.connect(nav.go_to)
        v.passage_list.clicked.connect(nav.list_clicked)
        v.passage_list.activated.connect(nav.list_clicked)
        v.article.passage_clicked.connect(nav.go_to)
        v.findings_panel.finding_activated.connect(fin.show_finding)
        v.findings_panel.apply_requested.connect(fin.apply_suggestion)
        v.findings_panel.apply_rule_requested.connect(fin.apply_rule)
        v.findings_panel.dismiss_requested.connect(fin.dismiss)
        v.filter_bar.changed.connect(nav.apply_filter)
        v.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        v.table.customContextMenuRequested.connect(self._table_menu)
        v.table.doubleClicked.connect(self._double_clicked)

    # --- what is open ----------------------------------------------------------------------
    def dialog_parent(self) -> QWidget:
        return self

    def input_paths(self) -> tuple[str | None, str | None]:
        if self.review is None:
            return None, None
        c = self.review.comparison
        return c.left.document.path, c.right.document.path

    @property
    def ready(self) -> bool:
        """A comparison is open and fully shown, its words compared and its checks in (tests,
        benchmarks). The loader's own bookkeeping is not enough: a background result reaches it
        and the opener as separate events, and between them nothing looks busy."""
        return (
            self.review is not None
            and not self.loader.busy
            and not self.opener.busy
            and not self.opener.checking
            and not self.installing
            and not self._filling_panel
            and not self._words_following
            and not self.views.article.filling
        )

    def install(self, review: Review, view: dict[str, Any]) -> None:
        """Show ``review``, at the place ``view`` (a saved view state) says."""
        self.review = review
        self.undo_stack.clear()
        self._cancel_key.setEnabled(False)
        v = self.views
        v.heights.pause()  # measuring follows the install, not between its steps
        v.model.set_review(review)
        v.overview.set_review(review)
        v.stack.setCurrentIndex(1)
        # the findings panel, the passage list and the article pane follow in later turns of the
        # event loop, one each, so that no turn blocks the window for long on a large pair
        self.installing = True
        v.findings_panel.set_review(None)
        self.views.list_model.set_review(None)
        self.views.article.set_review(None)
        if len(review.comparison.passages) > INSTALL_AT_ONCE:
            QTimer.singleShot(INSTALL_PAUSE_MS, self, lambda r=review: self._install_rest(r))
        self.commands.enable_review_actions(True)
        self.commands.only_differences.setChecked(bool(view.get("only_differences", False)))
        self.navigator.set_only_differences(self.commands.only_differences.isChecked())
        self.navigator.restore_view(view)
        self.update_progress()
        self.update_title()
        self.update_current()
        if len(review.comparison.passages) <= INSTALL_AT_ONCE:
            for step in range(3):
                self._install_rest(review, step, at_once=True)

    def show_loading(self, title: str) -> None:
        """The centre shows what is being opened and how far it got, with Cancel; what is open
        stays as it was (but cannot be changed) until the new result arrives or the load ends."""
        v = self.views
        v.loading.start(title)
        v.stack.setCurrentWidget(v.loading)
        self.commands.enable_review_actions(False)
        self._cancel_key.setEnabled(True)
        v.loading.cancel.setFocus()

    def hide_loading(self) -> None:
        """Back to what was shown before the load (the comparison open, else the welcome page)."""
        v = self.views
        self._cancel_key.setEnabled(False)
        if v.stack.currentWidget() is v.loading:
            v.stack.setCurrentIndex(1 if self.review is not None else 0)
            if self.review is not None:
                v.table.setFocus()
        self.commands.enable_review_actions(self.review is not None)

    def _install_rest(self, review: Review, step: int = 0, at_once: bool = False) -> None:
        if review is not self.review:
            return  # something else was opened meanwhile (its own install resumes the measuring)
        if step < 2:
            if step == 0:
                self.views.findings_panel.set_review(review)
                self.views.filter_bar.set_rules(sorted({f.rule for f in review.findings}))
                current = self.navigator.current_passage()
                if current >= 0:
                    self.findings.follow(current)
            else:
                self.views.list_model.set_review(review)
            if not at_once:
                QTimer.singleShot(INSTALL_PAUSE_MS, self, lambda: self._install_rest(review, step + 1))
            return
        self.views.article.set_review(review)
        self.installing = False
        self.views.heights.resume()
        self.update_current()
        # What is shown now lives until something else is opened: out of the collector's sight,
        # full collections (75 ms and more on a megabyte pair) no longer rescan it after every
        # decision. (Its cycles, if any, stay when it is closed: a small price against a stall.)
        gc.freeze()

    @property
    def checking(self) -> bool:
        """The comparison shown waits for its checks (a large pair is shown before them)."""
        return self.opener.checking

    def passages_in_view(self, count: int) -> range:
        """``count`` passages from the first one in view on (whose words are compared first)."""
        return self.navigator.passages_in_view(count)

    def apply_words(self, comparison: Comparison) -> None:
        """The word changes of the comparison shown, arrived after it was shown (``comparison`` is
        it with them). Its passages are the same, so the decisions, the undo history and the place
        stay as they are; the highlights, the divergence bars, the overview and the passage list's
        order follow."""
        review = self.review
        assert review is not None and not review.analysis.checked
        review.analysis = Analysis.unchecked(comparison)  # (some may still wait: they come next)
        v = self.views
        v.model.refresh_words()
        self._words_following = True

        def bars_and_order() -> None:  # in a turn of their own: a megabyte pair's took 30 ms in one
            self._words_following = False
            if review is self.review:
                v.overview.refresh()
                v.list_model.rescore()

        QTimer.singleShot(INSTALL_PAUSE_MS, self, bars_and_order)

    def apply_checks(self, analysis: Analysis) -> None:
        """The findings and the ranking of the comparison shown, arrived after it was shown. Its
        passages are the same, so the decisions, the undo history and the place in the
        comparison stay as they are; the marks, the overview, the passage list's order and the
        findings panel follow (the panel, which sorts thousands of findings, in a turn of its own)."""
        review = self.review
        assert review is not None and analysis.comparison is review.comparison
        review.analysis = analysis
        v = self.views
        v.model.refresh_findings()
        v.overview.refresh()
        v.list_model.rescore()
        v.filter_bar.set_rules(sorted({f.rule for f in review.findings}))
        if v.filter_bar.isVisible():  # a filter on findings now has findings to show
            self.navigator.apply_filter()

        def panel() -> None:
            self._filling_panel = False
            if review is self.review and not self.installing:  # else the install fills it
                v.findings_panel.set_review(review)
                current = self.navigator.current_passage()
                if current >= 0:
                    self.findings.follow(current)
            self.update_title()

        self._filling_panel = True
        QTimer.singleShot(INSTALL_PAUSE_MS, self, panel)

    def summary(self) -> str:
        assert self.review is not None
        c = self.review.comparison
        found = f", {len(self.review.findings)} findings" if self.review.findings else ""
        how = "; different languages, so no word differences" if c.cross_language else ""
        aligned = f"; {c.evidence.describe()}" if c.evidence is not None else ""
        return f"{len(c.passages)} passages, {len(c.divergent)} divergent{found}{aligned}{how}."

    # --- keeping the views current ---------------------------------------------------------------
    def update_title(self) -> None:
        if self.review is None:
            # Qt adds " — News Compare" to a title that does not end with it already.
            title = f"Opening… — {APP_NAME}" if self.loader.busy else APP_NAME
        else:
            c = self.review.comparison
            names = f"{c.left.document.name} ↔ {c.right.document.name}"
            if self.files.session_path:
                names = f"{Path(self.files.session_path).name} ({names})"
            title = f"{names}[*] — {APP_NAME}"
        self.setWindowTitle(title)
        self.setWindowModified(self.files.dirty)

    def update_progress(self) -> None:
        label = self.views.progress_label
        if self.review is None:
            label.setText("")
            return
        reviewed, total = self.review.progress()
        label.setText(
            "The two versions are identical"
            if total == 0
            else f"{reviewed} of {total} divergent passages reviewed"
        )

    def update_current(self) -> None:
        row = self.navigator.current_passage()
        v = self.views
        if self.review is None or row < 0:
            v.position_label.setText("")
        else:
            v.position_label.setText(f"Passage {row + 1} of {len(self.review.passages)}")
            list_row = v.list_model.row_of(row)
            if list_row is not None and v.passage_list.currentIndex().row() != list_row:
                v.passage_list.setCurrentIndex(v.list_model.index(list_row, 0))
            if v.article_dock.isVisible():
                v.article.show_passage(row)
        self.navigator.update_overview()

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def _scrolled(self, _value: int) -> None:
        self.navigator.update_overview()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.findings.clear_focus_if_moved()
        if current.isValid():
            self.findings.follow(current.row())
        self.update_current()

    def passages_changed(self, indices: list[int]) -> None:
        """Called by undo commands after decisions changed."""
        v = self.views
        for i in indices:
            v.model.passage_changed(i)
            v.list_model.passage_changed(i)
        v.article.update_passages(indices)
        v.overview.passages_changed(indices)
        self.update_progress()
        self.update_title()
        self.files.autosave()

    def alignment_changed(self, current: int) -> None:
        """Called by alignment commands after the comparison was replaced."""
        review = self.review
        if review is None:
            return
        v = self.views
        v.set_review(review)
        v.list_model.set_review(review)
        v.article.set_review(review)
        v.heights.invalidate()
        if 0 <= current < v.model.rowCount():
            self.navigator.go_to(current)
        self.update_progress()
        self.update_title()
        self.files.autosave()

    def close_review(self) -> None:
        """File ▸ Close: back to the welcome page (asks first about unsaved decisions)."""
        if self.review is None or not self.files.confirm_discard("close the comparison"):
            return
        self.opener.stop_checks()
        self.review = None
        self.undo_stack.clear()
        self.files.session_path = None
        self.files.force_dirty = False
        self.files.recovery.remove()
        self.installing = False
        self.views.heights.resume()  # if closed while installing
        self.views.set_review(None)
        self.views.list_model.set_review(None)
        self.views.article.set_review(None)
        self.views.find_bar.hide()
        self.views.filter_bar.hide()
        self.views.stack.setCurrentIndex(0)
        self.commands.enable_review_actions(False)
        self.update_progress()
        self.update_current()
        self.update_title()

    def select_text(self, side: str | None = None) -> None:
        """The current passage's texts, selectable: copy words, find them, or quote them in a note."""
        row = self.navigator.current_passage()
        if self.review is None or row < 0:
            return
        c = self.review.comparison
        texts = [
            (f"{name.capitalize()} version", self.review.side_text(row, name)) for name in ("left", "right")
        ]
        if c.cross_language or self.review.decision(row).choice != "keep":
            texts.append(("Cleaned article", self.review.passage_text(row)))
        chosen = PassageTextDialog.choose(self, row + 1, texts, 1 if side == "right" else 0)
        if chosen is None:
            return
        action, words = chosen
        if action == FIND:
            self.finder.open(words)
        else:
            self.decisions.edit_note(quote=words)

    def back_to_table(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.views.find_bar.isAncestorOf(focus):
            self.views.find_bar.hide()
        self.views.table.setFocus()

    def _focus_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        dock.widget().setFocus()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() in (LEFT, RIGHT):
            self.select_text("left" if index.column() == LEFT else "right")

    def _table_menu(self, pos: QPoint) -> None:
        """What applies to the passage under the pointer."""
        index = self.views.table.indexAt(pos)
        if not index.isValid():
            return
        if index.row() not in self.navigator.targets():
            self.navigator.go_to(index.row())
        self.commands.passage_menu(self).exec(self.views.table.viewport().mapToGlobal(pos))

    def _fit_to_screen(self) -> None:
        """The first size: 1400 × 900, or less on a smaller screen (a 1366 × 768 laptop, 2× scaling)."""
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.isEmpty():
            self.resize(1400, 900)
            return
        self.resize(min(1400, int(area.width() * 0.92)), min(900, int(area.height() * 0.9)))

    # --- background jobs -------------------------------------------------------------------------
    def _job_finished(self, job: int, loaded: Loaded) -> None:
        self.opener.job_finished(job, loaded)
        self.alignment.job_finished(job, loaded)

    def _job_failed(self, job: int, message: str) -> None:
        if not self.alignment.job_failed(job, message):
            self.opener.job_failed(job, message)

    def _busy(self, busy: bool) -> None:
        self.views.busy_bar.setVisible(busy)
        if not busy:
            self.statusBar().clearMessage()
        self.update_title()

    # --- drag and drop -----------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def side_at(self, pos: QPoint) -> str:
        """Which side a point of the window (window coordinates) is on."""
        v = self.views
        if v.stack.currentIndex() == 1:
            boundary = v.table.viewport().mapTo(self, QPoint(v.table.columnViewportPosition(RIGHT), 0)).x()
        else:
            boundary = v.stack.mapTo(self, QPoint(v.stack.width() // 2, 0)).x()
        return "left" if pos.x() < boundary else "right"

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        side = self.side_at(event.position().toPoint())
        event.acceptProposedAction()
        QTimer.singleShot(0, self, lambda: self.opener.drop_files(paths, side))  # after the drop finishes

    # --- window state ------------------------------------------------------------------------------
    def restore_settings(self) -> None:
        s = app_settings.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self._clamp_to_screen()
        QTimer.singleShot(0, self, self._clamp_to_screen)  # again once the frame is known

    def _clamp_to_screen(self) -> None:
        """A geometry saved on a larger screen (or another scaling) fits on this one."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if area.isEmpty():
            return
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), area.width() - extra_w)
        height = min(self.height(), area.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(640, width), max(400, height))
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def save_settings(self) -> None:
        s = app_settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard("close"):
            event.ignore()
            return
        self.files.closing = True
        self.save_settings()
        self.loader.shutdown()
        self.files.shutdown()
        event.accept()
