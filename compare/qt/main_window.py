"""The main window: two versions side by side, passage by passage."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QFileSystemWatcher, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QWidget,
)

from compare.core.diff.comparison import EQUAL
from compare.core.errors import CompareError
from compare.core.io.fileio import ProtectedOutput, guard_output
from compare.core.limits import MAX_INPUT_BYTES
from compare.core.review.review import Review
from compare.core.review.session import is_session_file, save_session, session_to_json

from .. import APP_NAME
from . import settings as app_settings
from .alignment_actions import AlignmentActions
from .article import ArticleView
from .delegates import STATUS_WIDTH, PassageDelegate, RowHeights
from .dialogs import ask_unsaved, ask_yes_no, show_error
from .finding_actions import FindingActions
from .findings import FindingsPanel
from .jobs import Loaded
from .models import LEFT, PASSAGE_ROLE, RIGHT, STATUS, PassageListModel, PassageTableModel
from .overview import OverviewStrip
from .passage_actions import PassageActions
from .recovery import RecoveryWriter
from .worker import Loader

MAX_BYTES = MAX_INPUT_BYTES
SESSION_FILTER = "News Compare review (*.ncreview);;All files (*)"
WELCOME = (
    "<h2>Compare two versions of an article</h2>"
    "<p>Open them with <b>File ▸ Open</b> (choose both files at once),<br>"
    "or drop one file on the left half of this window and one on the right half.</p>"
    "<p>A saved review (<i>.ncreview</i>) opens the same way.</p>"
    "<p><b>Help ▸ Open Sample Pair</b> shows an example.</p>"
)


class MainWindow(PassageActions, FindingActions, AlignmentActions, QMainWindow):
    recovery_result = Signal(object)  # None: the recovery file is written; str: why it is not
    RECOVERY_RETRY_MS = 5000

    def __init__(self, parent: QWidget | None = None, process_threshold: int | None = None):
        super().__init__(parent)
        self.review: Review | None = None
        self.session_path: str | None = None
        self.pending: dict[str, str] = {}  # a dropped file waiting for its other version, by side
        self._force_dirty = False
        self._pending_view: dict[str, Any] = {}
        self._restored_from: Path | None = None
        self._carry_from: Any = None  # the review a reload or swap replaces; its decisions carry over
        self._asking_reload = False
        self._closing = False
        self.installing = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.loader = Loader(self) if process_threshold is None else Loader(self, process_threshold)
        self.loader.finished.connect(self._loaded)
        self.loader.failed.connect(self._load_failed)
        self.loader.busy_changed.connect(self._busy)
        self.recovery = RecoveryWriter(on_result=self.recovery_result.emit)
        self.recovery_result.connect(self._recovery_written)
        self._recovery_retry = QTimer(self)
        self._recovery_retry.setSingleShot(True)
        self._recovery_retry.setInterval(self.RECOVERY_RETRY_MS)
        self._recovery_retry.timeout.connect(self.autosave)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self._build_views()
        self._build_actions()
        self._build_status()
        self.resize(1400, 900)
        self.update_title()

    # --- construction ----------------------------------------------------------------
    def _build_views(self) -> None:
        self.model = PassageTableModel(parent=self)
        self.table = QTableView()
        self.table.setObjectName("comparison")
        self.table.setAccessibleName("Comparison")
        f = self.table.font()
        f.setPointSizeF(f.pointSizeF() + 1)
        self.table.setFont(f)
        self.table.setModel(self.model)
        self.delegate = PassageDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self._tint_selection()
        self.heights = RowHeights(self.table, self.model)
        self.delegate.heights = self.heights
        self.heights.measured.connect(self._apply_scroll_target)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalScrollBar().setSingleStep(24)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RIGHT, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        self.table.setColumnWidth(STATUS, STATUS_WIDTH)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)

        self.overview = OverviewStrip()
        self.overview.jump_requested.connect(self.go_to)

        comparison = QWidget()
        row = QHBoxLayout(comparison)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.table, 1)
        row.addWidget(self.overview)

        self.welcome = QLabel(WELCOME)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.welcome.setAccessibleName("Welcome")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(comparison)
        self.setCentralWidget(self.stack)

        # passage list (dock, left)
        self.list_model = PassageListModel(parent=self)
        self.passage_list = QTableView()
        self.passage_list.setAccessibleName("Passage list")
        self.passage_list.setModel(self.list_model)
        self.passage_list.setSortingEnabled(True)
        self.passage_list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.passage_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.passage_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.passage_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.passage_list.verticalHeader().hide()
        self.passage_list.verticalHeader().setDefaultSectionSize(self.passage_list.fontMetrics().height() + 6)
        self.passage_list.setWordWrap(False)
        self.passage_list.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((46, 74, 78, 110)):
            self.passage_list.setColumnWidth(col, width)
        self.passage_list.clicked.connect(self._list_clicked)
        self.passage_list.activated.connect(self._list_clicked)
        self.list_dock = QDockWidget("Passages", self)
        self.list_dock.setObjectName("passages")
        self.list_dock.setWidget(self.passage_list)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.list_dock)
        self.list_dock.hide()

        # cleaned article (dock, right)
        self.article = ArticleView()
        self.article.passage_clicked.connect(self.go_to)
        self.article_dock = QDockWidget("Cleaned article", self)
        self.article_dock.setObjectName("article")
        self.article_dock.setWidget(self.article)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.article_dock)
        self.resizeDocks([self.article_dock], [380], Qt.Orientation.Horizontal)

        # findings (dock, bottom)
        self.findings_panel = FindingsPanel()
        self.findings_panel.finding_activated.connect(self.show_finding)
        self.findings_panel.apply_requested.connect(self.apply_suggestion)
        self.findings_panel.apply_rule_requested.connect(self.apply_rule)
        self.findings_dock = QDockWidget("Findings", self)
        self.findings_dock.setObjectName("findings")
        self.findings_dock.setWidget(self.findings_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [190], Qt.Orientation.Vertical)

    def _tint_selection(self) -> None:
        """A light tint for selected rows, so the highlights stay readable."""
        from PySide6.QtGui import QColor, QPalette

        palette = self.table.palette()
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        mix = 0.22 if base.lightness() >= 128 else 0.35
        tint = QColor(
            int(base.red() * (1 - mix) + accent.red() * mix),
            int(base.green() * (1 - mix) + accent.green() * mix),
            int(base.blue() * (1 - mix) + accent.blue() * mix),
        )
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, tint)
            palette.setColor(
                group, QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text)
            )
        self.table.setPalette(palette)

    def _build_toolbar(self) -> None:
        """The most used actions with the bundled icons (which work from a checkout, a
        wheel and a bundle alike)."""
        from PySide6.QtGui import QIcon

        from ..cli import resource_path

        bar = self.addToolBar("Review")
        bar.setObjectName("review-toolbar")
        bar.setMovable(False)
        for action, icon in (
            (self.prev_action, "previous-difference"),
            (self.next_action, "next-difference"),
            (self.take_left_action, "take-left"),
            (self.take_right_action, "take-right"),
        ):
            path = resource_path("icons", "actions", f"{icon}.svg")
            if path.exists():
                action.setIcon(QIcon(str(path)))
            bar.addAction(action)

    def _action(
        self, text: str, slot: Any, shortcuts: Any = None, tip: str = "", checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts is not None:
            if isinstance(shortcuts, QKeySequence.StandardKey):
                action.setShortcuts(shortcuts)
            else:
                action.setShortcuts(
                    [QKeySequence(s) for s in (shortcuts if isinstance(shortcuts, list) else [shortcuts])]
                )
        if tip:
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, call=slot: call())
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        bar = self.menuBar()
        m = bar.addMenu("&File")
        self.open_action = self._action(
            "&Open…", self.open_dialog, K.Open, "Open two versions, or a saved review"
        )
        m.addAction(self.open_action)
        self.recent_menu = m.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        self.save_action = self._action(
            "&Save Review", self.save_review, K.Save, "Save the decisions to resume later"
        )
        self.save_as_action = self._action("Save Review &As…", self.save_review_as, K.SaveAs)
        self.export_action = self._action(
            "&Export Cleaned Article…",
            self.export_article,
            "Ctrl+E",
            "Write the cleaned article (.txt, .md, .html, .docx)",
        )
        self.report_action = self._action(
            "Export Change &Report…",
            self.export_report,
            "Ctrl+Shift+E",
            "List every changed passage: before, after, decision, note (.html, .csv)",
        )
        self.bitext_action = self._action(
            "Export Aligned &Sentences…",
            self.export_bitext,
            None,
            "Write the aligned sentence pairs as a translation memory (.tmx) or table (.tsv)",
        )
        for a in (
            self.save_action,
            self.save_as_action,
            None,
            self.export_action,
            self.report_action,
            self.bitext_action,
            None,
        ):
            m.addAction(a) if a else m.addSeparator()
        self.reload_action = self._action("Re&load Files", self.reload_files, K.Refresh)
        self.swap_action = self._action("S&wap Sides", self.swap_sides, "Ctrl+Shift+W")
        m.addAction(self.reload_action)
        m.addAction(self.swap_action)
        m.addSeparator()
        m.addAction(self._action("&Quit", self.close, K.Quit))

        m = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(K.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        redo_keys = list(QKeySequence.keyBindings(K.Redo))
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts(redo_keys)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        m.addAction(self.undo_action)
        m.addAction(self.redo_action)

        m = bar.addMenu("&Passage")
        self.take_left_action = self._action("Take &Left Text", self.take_left, "Alt+Left")
        self.take_right_action = self._action("Take &Right Text", self.take_right, "Alt+Right")
        self.keep_action = self._action("&Keep Base Text", self.keep_base, "Alt+Backspace")
        self.both_action = self._action("Take &Both", self.take_both, "Alt+B")
        self.edit_action = self._action("&Edit by Hand…", self.edit_passage, ["F2", "Return"])
        self.note_action = self._action("&Note…", self.edit_note, "Shift+F2")
        self.reviewed_action = self._action("Mark Re&viewed", self.toggle_reviewed, "Ctrl+M")
        self.reviewed_next_action = self._action(
            "Mark Reviewed and &Next", self.reviewed_and_next, "Ctrl+Return"
        )
        self.apply_action = self._action(
            "&Apply Suggestion",
            self.apply_suggestion,
            "Ctrl+.",
            "Put the selected finding's suggested fix into the cleaned article",
        )
        self.apply_rule_action = self._action(
            "Apply All Suggestions of This R&ule…",
            self.apply_rule,
            "Ctrl+Shift+.",
            "Preview and apply every suggestion of the selected finding's rule",
        )
        self.merge_action = self._action(
            "&Merge with Next Passage",
            self.merge_with_next,
            "Ctrl+Shift+M",
            "Fix the alignment: this passage and the next one are one",
        )
        self.split_action = self._action(
            "S&plit Passage…",
            self.split_passage,
            "Ctrl+Shift+T",
            "Fix the alignment: cut this passage at a sentence boundary",
        )
        for a in (
            self.take_left_action,
            self.take_right_action,
            self.keep_action,
            self.both_action,
            None,
            self.edit_action,
            self.note_action,
            None,
            self.reviewed_action,
            self.reviewed_next_action,
            None,
            self.apply_action,
            self.apply_rule_action,
            None,
            self.merge_action,
            self.split_action,
        ):
            m.addAction(a) if a else m.addSeparator()

        m = bar.addMenu("&Go")
        self.next_action = self._action("&Next Divergence", self.next_divergence, ["Alt+Down", "F7"])
        self.prev_action = self._action(
            "&Previous Divergence", self.previous_divergence, ["Alt+Up", "Shift+F7"]
        )
        self.next_unreviewed_action = self._action("Next &Unreviewed", self.next_unreviewed, "F8")
        self.goto_action = self._action("&Go to Passage…", self.go_to_number, "Ctrl+G")
        for a in (self.next_action, self.prev_action, self.next_unreviewed_action, self.goto_action):
            m.addAction(a)

        m = bar.addMenu("&View")
        self.only_differences_action = self._action(
            "Show Only &Differences", self.set_only_differences, "Ctrl+D", checkable=True
        )
        m.addAction(self.only_differences_action)
        m.addSeparator()
        self.list_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.article_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.findings_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+F"))
        m.addAction(self.list_dock.toggleViewAction())
        m.addAction(self.findings_dock.toggleViewAction())
        m.addAction(self.article_dock.toggleViewAction())

        self._build_toolbar()

        m = bar.addMenu("&Help")
        m.addAction(self._action("Open &Sample Pair", self.open_sample))
        m.addAction(self._action("&Keys and Colours", self.show_help, K.HelpContents))
        m.addAction(self._action(f"&About {APP_NAME}", self.show_about))
        self._review_actions = [
            self.save_action,
            self.save_as_action,
            self.export_action,
            self.report_action,
            self.swap_action,
            self.take_left_action,
            self.take_right_action,
            self.keep_action,
            self.both_action,
            self.edit_action,
            self.note_action,
            self.reviewed_action,
            self.reviewed_next_action,
            self.next_action,
            self.prev_action,
            self.next_unreviewed_action,
            self.goto_action,
            self.only_differences_action,
            self.reload_action,
            self.bitext_action,
            self.apply_action,
            self.apply_rule_action,
            self.merge_action,
            self.split_action,
        ]
        self._enable_review_actions(False)

    def _build_status(self) -> None:
        self.position_label = QLabel()
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName("Review progress")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.recovery_label = QLabel()
        self.recovery_label.setAccessibleName("Crash recovery")
        self.recovery_label.setStyleSheet("color: #b00020; font-weight: bold")
        self.recovery_label.hide()
        status = self.statusBar()
        status.addPermanentWidget(self.recovery_label)
        status.addPermanentWidget(self.position_label)
        status.addPermanentWidget(self.progress_label)
        status.addPermanentWidget(self.busy_bar)

    def _enable_review_actions(self, enabled: bool) -> None:
        for a in self._review_actions:
            a.setEnabled(enabled)

    # --- state -----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.review is not None and (self._force_dirty or not self.undo_stack.isClean())

    def input_paths(self) -> tuple[str | None, str | None]:
        if self.review is None:
            return None, None
        c = self.review.comparison
        return c.left.document.path, c.right.document.path

    def update_title(self) -> None:
        if self.review is None:
            title = APP_NAME + ("  (loading…)" if self.loader.busy else "")
        else:
            c = self.review.comparison
            names = f"{c.left.document.name} ↔ {c.right.document.name}"
            if self.session_path:
                names = f"{Path(self.session_path).name} ({names})"
            title = f"{names}[*] — {APP_NAME}"
        self.setWindowTitle(title)
        self.setWindowModified(self.dirty)

    def update_progress(self) -> None:
        if self.review is None:
            self.progress_label.setText("")
            return
        reviewed, total = self.review.progress()
        if total == 0:
            self.progress_label.setText("The two versions are identical")
        else:
            self.progress_label.setText(f"{reviewed} of {total} divergent passages reviewed")

    def update_current(self) -> None:
        row = self.current_passage()
        if self.review is None or row < 0:
            self.position_label.setText("")
        else:
            p = self.review.passages[row]
            self.position_label.setText(f"Passage {row + 1} of {len(self.review.passages)}")
            list_row = self.list_model.row_of(row)
            if list_row is not None and self.passage_list.currentIndex().row() != list_row:
                self.passage_list.setCurrentIndex(self.list_model.index(list_row, 0))
            if self.article_dock.isVisible() and p.index >= 0:
                self.article.show_passage(row)
        self._update_overview_view()

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def _scrolled(self, _value: int) -> None:
        self._update_overview_view()

    def _update_overview_view(self) -> None:
        if self.review is None:
            return
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        n = self.model.rowCount()
        self.overview.set_view(max(0, top), bottom if bottom >= 0 else n - 1, self.current_passage())

    def view_state(self) -> dict[str, Any]:
        top = self.table.rowAt(0)
        return {
            "current": self.current_passage(),
            "top": top,
            "top_offset": -self.table.rowViewportPosition(top) if top >= 0 else 0,
            "scroll": self.table.verticalScrollBar().value(),
            "only_differences": self.only_differences_action.isChecked(),
        }

    def passages_changed(self, indices: list[int]) -> None:
        """Called by undo commands after decisions changed."""
        for i in indices:
            self.model.passage_changed(i)
            self.list_model.passage_changed(i)
        self.article.update_passages(indices)
        self.overview.refresh()
        self.update_progress()
        self.update_title()
        self.autosave()

    def _recovery_written(self, error: object) -> None:
        """The recovery writer's verdict on its last write: show a failure, and try again."""
        if error:
            self.recovery_label.setText("⚠ Crash recovery is off")
            self.recovery_label.setToolTip(
                f"{error} News Compare tries again every few seconds; save the review to be safe."
            )
            self.recovery_label.show()
            if not self._closing:
                self._recovery_retry.start()
        else:
            self.recovery_label.hide()
            self._recovery_retry.stop()

    def autosave(self) -> None:
        if self.review is None:
            return
        view = self.view_state()
        view["session_path"] = self.session_path
        self.recovery.write(session_to_json(self.review, view))

    # --- opening -----------------------------------------------------------------------
    def confirm_discard(self, what: str) -> bool:
        """Ask before unsaved decisions are lost; True to go on."""
        if not self.dirty:
            return True
        answer = ask_unsaved(self, what)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_review()
        return answer == QMessageBox.StandardButton.Discard

    def open_paths(self, paths: list[str]) -> None:
        """Open two versions, or one saved review."""
        if len(paths) == 1 and is_session_file(paths[0]):
            self.open_session(paths[0])
        elif len(paths) == 2:
            self.open_pair(paths[0], paths[1])
        elif len(paths) == 1:
            show_error(
                self, f"{Path(paths[0]).name} is not a saved review; choose two versions of the article."
            )
        else:
            show_error(self, "Choose two versions of the article, or one saved review.")

    def _start(self, job: str, *args: Any, size: int = 0, ask: bool = True) -> bool:
        if ask and not self.confirm_discard("open other files"):
            return False
        self.loader.start(job, *args, size=size)
        self.update_title()
        self.statusBar().showMessage("Comparing…")
        return True

    @staticmethod
    def _size(*paths: str) -> int:
        total = 0
        for p in paths:
            with contextlib.suppress(OSError):
                total += os.stat(p).st_size
        return total

    def open_pair(self, left: str, right: str, ask: bool = True) -> bool:
        self.pending = {}
        return self._start("pair", str(left), str(right), MAX_BYTES, size=self._size(left, right), ask=ask)

    def open_session(self, path: str, ask: bool = True) -> bool:
        self.pending = {}
        return self._start("session", str(path), size=self._size(path) // 2, ask=ask)

    def restore_recovery(self, path: Path) -> bool:
        import json

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            show_error(self, "The recovered review is damaged and cannot be restored.")
            return False
        self._restored_from = path
        return self._start("restore", data, size=self._size(str(path)) // 2, ask=False)

    def open_sample(self) -> None:
        from ..cli import sample_pair

        left, right = sample_pair()
        self.open_pair(str(left), str(right))

    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Open two versions, or a saved review",
            self._last_folder(),
            "Articles and reviews (*.txt *.md *.markdown *.text *.docx *.html *.htm *.ncreview);;All files (*)",
        )
        if paths:
            self.open_paths(paths)

    def _last_folder(self) -> str:
        for p in (self.session_path, *self.input_paths()):
            if p:
                return str(Path(p).parent)
        return str(Path.home())

    def _loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self.loader.generation or self._closing:
            return  # stale: something else was opened meanwhile
        if self._realigned(generation, loaded):
            return
        self.install(loaded)

    def _load_failed(self, generation: int, message: str) -> None:
        if generation != self.loader.generation:
            return
        self._realign_pending = None
        self.statusBar().clearMessage()
        self.update_title()
        restored = self._restored_from
        self._restored_from = None
        if restored is not None:
            message = "The recovered review cannot be restored: " + message[0].lower() + message[1:]
        show_error(self, message)

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        if not busy:
            self.statusBar().clearMessage()
        self.update_title()

    def _carry_decisions(self, review: Any) -> str:
        """After a reload or a swap: keep the decisions whose passages read the same."""
        old, self._carry_from = self._carry_from, None
        if old is None or not old.decisions():
            return ""
        from compare.core.review.review import other_side, transfer_decisions

        old_paths = (old.comparison.left.document.path, old.comparison.right.document.path)
        new_paths = (review.comparison.left.document.path, review.comparison.right.document.path)
        if new_paths == old_paths[::-1] and old_paths[0] != old_paths[1]:
            review.base = other_side(old.base)  # the file being cleaned stays the same
        carried, dropped = transfer_decisions(old, review)
        if carried:
            self._force_dirty = True
        return f"Kept {carried} decision{'s' if carried != 1 else ''}" + (
            f"; dropped {dropped} on passages that changed." if dropped else "."
        )

    def install(self, loaded: Loaded) -> None:
        review = loaded.review
        self.review = review
        view = dict(loaded.view or {})
        restored = self._restored_from
        self._restored_from = None
        self.session_path = loaded.session_path or (view.get("session_path") if restored else None)
        self.undo_stack.clear()
        self._force_dirty = restored is not None
        carried_note = self._carry_decisions(review)
        self.model.set_review(review)
        self.overview.set_review(review)
        self.findings_panel.set_review(review)
        self.stack.setCurrentIndex(1)
        # the passage list and the article pane follow in later turns of the event loop,
        # so no single step blocks the window for long on a large pair
        self.installing = True
        self.list_model.set_review(None)
        self.article.set_review(None)
        QTimer.singleShot(0, self, lambda r=review: self._install_rest(r))
        self._enable_review_actions(True)
        self.only_differences_action.setChecked(bool(view.get("only_differences", False)))
        self.set_only_differences(self.only_differences_action.isChecked())
        self._watch()
        if restored is None:
            paths = [self.session_path] if self.session_path else [p for p in self.input_paths() if p]
            if paths:
                app_settings.add_recent([p for p in paths if p])
        self._restore_view(view)
        self.update_progress()
        self.update_title()
        self.statusBar().showMessage(carried_note or self._summary(), 6000)
        if loaded.file_changes:
            QTimer.singleShot(0, self, lambda changes=loaded.file_changes: self._tell_file_changes(changes))
        if restored is not None:
            # the recovered file goes only once this window's own copy of it is on disk
            self.autosave()
            self.recovery.flush()
            if self.recovery.error is None:
                with contextlib.suppress(OSError):
                    restored.unlink()

    def _tell_file_changes(self, changes: list[Any]) -> None:
        from PySide6.QtWidgets import QMessageBox as Box

        text = " ".join(c.sentence() for c in changes)
        if any(c.state == "changed" for c in changes):
            text += (
                " Use File ▸ Reload Files to compare the new version; decisions on passages that "
                "read the same are kept."
            )
        Box.information(self, "Files changed since the review", text)

    def _install_rest(self, review: Review, step: int = 0) -> None:
        if review is not self.review:
            return  # something else was opened meanwhile
        if step == 0:
            self.list_model.set_review(review)
            QTimer.singleShot(0, self, lambda: self._install_rest(review, 1))
            return
        self.article.set_review(review)
        self.installing = False
        self.update_current()

    @property
    def ready(self) -> bool:
        """A comparison is open and fully shown (tests, benchmarks)."""
        return self.review is not None and not self.loader.busy and not self.installing

    def _summary(self) -> str:
        assert self.review is not None
        c = self.review.comparison
        n = len(c.divergent)
        how = " (different languages: aligned by length, no word differences)" if c.cross_language else ""
        found = f", {len(self.review.findings)} findings" if self.review.findings else ""
        return f"{len(c.passages)} passages, {n} divergent{found}{how}."

    def _restore_view(self, view: dict[str, Any]) -> None:
        current = view.get("current")
        top = view.get("top")
        if isinstance(current, int) and 0 <= current < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(current, LEFT),
                self.table.selectionModel().SelectionFlag.ClearAndSelect
                | self.table.selectionModel().SelectionFlag.Rows,
            )
        elif self.model.rowCount():
            first = next((p.index for p in self.review.passages if p.kind != EQUAL), 0) if self.review else 0
            self.table.selectionModel().setCurrentIndex(
                self.model.index(first, LEFT), self.table.selectionModel().SelectionFlag.NoUpdate
            )
        if isinstance(top, int) and 0 <= top < self.model.rowCount():
            self._scroll_to_top_row(top, int(view.get("top_offset") or 0))
        else:
            self.table.scrollToTop()
        self.update_current()

    def _scroll_to_top_row(self, row: int, offset: int = 0) -> None:
        # now (estimated heights), and again once every row has its real height
        self._scroll_target = (row, offset)
        self._apply_scroll_target()

    def _apply_scroll_target(self) -> None:
        target = getattr(self, "_scroll_target", None)
        if target is None or self.review is None:
            return
        row, offset = target
        if self.heights.done:
            self._scroll_target = None
        self.table.verticalScrollBar().setValue(self.table.verticalHeader().sectionPosition(row) + offset)

    def set_only_differences(self, on: bool) -> None:
        if self.review is None:
            return
        self.table.setUpdatesEnabled(False)
        for p in self.review.passages:
            if p.kind == EQUAL:
                self.table.setRowHidden(p.index, bool(on))
        self.table.setUpdatesEnabled(True)

    def _list_clicked(self, index: Any) -> None:
        passage = self.list_model.data(index, PASSAGE_ROLE)
        if isinstance(passage, int):
            self.go_to(passage)
            self.table.setFocus()

    # --- files on disk ---------------------------------------------------------------------
    def _watch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        paths = [p for p in self.input_paths() if p and os.path.isfile(p)]
        if paths:
            self.watcher.addPaths(paths)

    def _file_changed(self, path: str) -> None:
        if self._asking_reload:
            return
        # Editors save by replacing the file; give them a moment, then watch the new one.
        QTimer.singleShot(300, lambda: self._ask_reload(path))

    def _ask_reload(self, path: str) -> None:
        if self._asking_reload or self.review is None or path not in self.input_paths():
            return
        if os.path.isfile(path) and path not in self.watcher.files():
            self.watcher.addPath(path)
        doc = (
            self.review.comparison.left.document
            if path == self.input_paths()[0]
            else self.review.comparison.right.document
        )
        try:
            import hashlib

            if hashlib.sha256(Path(path).read_bytes()).hexdigest() == doc.sha256:
                return  # touched, not changed
        except OSError:
            pass
        self._asking_reload = True
        try:
            lost = (
                " The decisions you made on this comparison will be discarded."
                if self.review.decisions()
                else ""
            )
            if ask_yes_no(self, "File changed", f"{Path(path).name} changed on disk. Reload it?{lost}"):
                self.reload_files(ask=False)
        finally:
            self._asking_reload = False

    def reload_files(self, ask: bool = True) -> None:
        left, right = self.input_paths()
        if not left or not right:
            return
        if ask and self.review is not None and self.review.decisions() and not ask_yes_no(
            self,
            "Reload",
            "Reload the files? Decisions on passages that changed are dropped; the others are kept.",
        ):
            return
        self._carry_from = self.review
        self.session_path = None
        self.undo_stack.clear()
        self._force_dirty = False
        self.open_pair(left, right, ask=False)

    def swap_sides(self) -> None:
        if self.review is None:
            return
        if self.review.decisions() and not ask_yes_no(
            self,
            "Swap sides",
            "Swap the sides? The comparison is made again; decisions move with their "
            "passages and the same file stays the one being cleaned.",
        ):
            return
        left, right = self.input_paths()
        if not left or not right or not (os.path.isfile(left) and os.path.isfile(right)):
            show_error(self, "The original files are no longer on disk, so the sides cannot be swapped.")
            return
        self._carry_from = self.review
        self.undo_stack.clear()
        self._force_dirty = False
        self.session_path = None
        self.open_pair(right, left, ask=False)

    # --- recent ------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = app_settings.recent_files()
        for paths in items:
            label = " ↔ ".join(Path(p).name for p in paths)
            action = self.recent_menu.addAction(label)
            action.setToolTip("\n".join(paths))
            action.triggered.connect(lambda _checked=False, ps=paths: self.open_paths(ps))
        if not items:
            self.recent_menu.addAction("(none)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear List", app_settings.clear_recent)

    # --- drag and drop ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def side_at(self, pos: QPoint) -> str:
        """Which side a point of the window (window coordinates) is on."""
        if self.stack.currentIndex() == 1:
            boundary = (
                self.table.viewport().mapTo(self, QPoint(self.table.columnViewportPosition(RIGHT), 0)).x()
            )
        else:
            boundary = self.stack.mapTo(self, QPoint(self.stack.width() // 2, 0)).x()
        return "left" if pos.x() < boundary else "right"

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        side = self.side_at(event.position().toPoint())
        event.acceptProposedAction()
        # let the drop finish before any dialog opens
        QTimer.singleShot(0, self, lambda: self.drop_files(paths, side))

    def drop_files(self, paths: list[str], side: str) -> None:
        if len(paths) >= 2 or is_session_file(paths[0]):
            self.open_paths(paths[:2])
            return
        path = paths[0]
        if self.review is not None:
            left, right = self.input_paths()
            other = right if side == "left" else left
            if other and os.path.isfile(other):
                if side == "left":
                    self.open_pair(path, other)
                else:
                    self.open_pair(other, path)
                return
        self.pending[side] = path
        if "left" in self.pending and "right" in self.pending:
            left, right = self.pending["left"], self.pending["right"]
            self.open_pair(left, right)
            return
        other = "right" if side == "left" else "left"
        self.statusBar().showMessage(
            f"{side.capitalize()}: {Path(path).name}. Now drop the other version on the {other} half."
        )

    # --- saving and exporting ------------------------------------------------------------
    def save_review(self) -> bool:
        if self.review is None:
            return False
        if not self.session_path:
            return self.save_review_as()
        return self.save_review_to(self.session_path)

    def save_review_as(self) -> bool:
        if self.review is None:
            return False
        left = self.review.comparison.side(self.review.base).document
        suggestion = str(Path(self._last_folder()) / (Path(left.name).stem + ".ncreview"))
        path, _ = QFileDialog.getSaveFileName(self, "Save review", suggestion, SESSION_FILTER)
        if not path:
            return False
        return self.save_review_to(path)

    def _inputs(self) -> list[tuple[str, str | None]]:
        left, right = self.input_paths()
        return [("the left version being compared", left), ("the right version being compared", right)]

    def may_write(self, path: str, *, review_too: bool = True) -> bool | None:
        """Whether ``path`` may be written: False if it is an input (or the open review) and the
        user does not confirm replacing it, else whether it needs force (True) or not (None)."""
        protected = self._inputs()
        if review_too and self.session_path:
            protected.append(("the review you have open", self.session_path))
        try:
            guard_output(path, protected)
        except ProtectedOutput as err:
            return bool(ask_yes_no(self, "Replace file", f"{err} Replace it anyway?"))
        return None

    def save_review_to(self, path: str) -> bool:
        assert self.review is not None
        if self.may_write(path, review_too=False) is False:
            return False
        try:
            save_session(path, self.review, self.view_state())
        except (CompareError, OSError) as err:
            show_error(self, str(err))
            return False
        self.session_path = path
        self.undo_stack.setClean()
        self._force_dirty = False
        self.recovery.remove()
        app_settings.add_recent([path])
        self.update_title()
        self.statusBar().showMessage(f"Saved the review to {Path(path).name}.", 5000)
        return True

    def export_article(self, path: str | None = None, fmt: str | None = None) -> bool:
        from compare.core.export.rich import export_article

        if self.review is None:
            return False
        if path is None:
            base = self.review.comparison.side(self.review.base).document
            suggestion = str(
                Path(self._last_folder())
                / (Path(base.name).stem + ".clean" + (Path(base.name).suffix or ".txt"))
            )
            path, chosen = QFileDialog.getSaveFileName(
                self,
                "Export cleaned article",
                suggestion,
                "Plain text (*.txt);;Markdown (*.md);;Web page (*.html);;Word document (*.docx)",
            )
            if not path:
                return False
            if not Path(path).suffix:
                path += {"Markdown": ".md", "Web page": ".html", "Word document": ".docx"}.get(
                    chosen.split(" (")[0], ".txt"
                )
        force = self.may_write(path)
        if force is False:
            return False
        try:
            used = export_article(self.review, path, fmt, force=bool(force))
        except (CompareError, OSError) as err:
            show_error(self, str(err))
            return False
        self.statusBar().showMessage(f"Exported the cleaned article to {Path(path).name} ({used}).", 5000)
        return True

    def export_report(self, path: str | None = None) -> bool:
        from compare.core.export.rich import export_report

        if self.review is None:
            return False
        if path is None:
            suggestion = str(Path(self._last_folder()) / "changes.html")
            path, _ = QFileDialog.getSaveFileName(
                self, "Export change report", suggestion, "Web page (*.html);;Spreadsheet (*.csv)"
            )
            if not path:
                return False
        force = self.may_write(path)
        if force is False:
            return False
        try:
            export_report(self.review, path, force=bool(force))
        except (CompareError, OSError) as err:
            show_error(self, str(err))
            return False
        self.statusBar().showMessage(f"Exported the change report to {Path(path).name}.", 5000)
        return True

    # --- help ------------------------------------------------------------------------------
    def show_help(self) -> None:
        QMessageBox.information(
            self,
            "Keys and colours",
            (
                "Next / previous divergence: Alt+Down / Alt+Up (or F7 / Shift+F7)\n"
                "Next unreviewed passage: F8\n"
                "Take the left text: Alt+Left    Take the right text: Alt+Right\n"
                "Take both: Alt+B    Keep the base: Alt+Backspace\n"
                "Edit by hand: F2 or Enter    Note: Shift+F2\n"
                "Mark reviewed: Ctrl+M    Mark reviewed and go on: Ctrl+Return\n\n"
                "Orange, struck through: text only in the left version.\n"
                "Blue, underlined: text only in the right version.\n"
                "Purple, dash-underlined: text replaced between the versions.\n"
                "Wavy underline: a finding (▲ major, ◆ minor, ● info in the # column); see View ▸ Findings.\n"
                "Green bar: the text the cleaned article uses."
            ),
        )

    def show_about(self) -> None:
        from html import escape

        from .. import __version__
        from ..licences import DATA_NOTICE, dependency_licences

        rows = "".join(
            f"<tr><td>{escape(n)}</td><td>{escape(v)}</td><td>{escape(lic)}</td></tr>"
            for n, v, lic in dependency_licences()
        )
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Compare two versions of a news article, decide passage by passage, "
            "and publish a clean one.</p><p>Licence: MIT.</p>"
            f"<p>Built with:</p><table cellspacing=4>{rows}</table>"
            f"<p><small>{escape(DATA_NOTICE)}</small></p>",
        )

    # --- window state ----------------------------------------------------------------------
    def restore_settings(self) -> None:
        s = app_settings.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_settings(self) -> None:
        s = app_settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard("close"):
            event.ignore()
            return
        self._closing = True
        self._recovery_retry.stop()
        self.save_settings()
        self.loader.shutdown()
        self.recovery.remove()
        self.recovery.close()
        event.accept()
