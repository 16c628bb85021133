"""The widgets of the review window: the comparison table and its overview strip, the welcome
page, the loading page, the docks (passage list, cleaned article, findings), the toolbar and the status bar.

:class:`Views` only builds and holds them; what they do is wired by the main window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from compare.core.review.review import Review
from compare.qt.actions import Actions
from compare.qt.article import ArticleView
from compare.qt.delegates import STATUS_WIDTH, PassageDelegate, RowHeights
from compare.qt.filtering import FilterBar
from compare.qt.findbar import FindBar
from compare.qt.findings import FindingsPanel
from compare.qt.loading import LoadingPage
from compare.qt.models import LEFT, RIGHT, STATUS, PassageListModel, PassageTableModel
from compare.qt.overview import OverviewStrip
from compare.resources import resource_path

WELCOME = (
    "<h2>Compare two versions of an article</h2>"
    "<p>Open them with <b>File ▸ Open</b> (choose both files at once),<br>"
    "or drop one file on the left half of this window and one on the right half.</p>"
    "<p>A saved review (<i>.ncreview</i>) opens the same way.</p>"
    "<p><b>Help ▸ Open Sample Pair</b> shows an example.</p>"
)
TOOLBAR_ICONS = (  # command, icon, the label beside it
    ("previous", "previous-difference", "Previous"),
    ("next", "next-difference", "Next"),
    ("take_left", "take-left", "Take Left"),
    ("take_right", "take-right", "Take Right"),
)


class Views:
    """Every widget of the window, built once."""

    def __init__(self, window: QMainWindow):
        self.model = PassageTableModel(parent=window)
        self.table = self._comparison_table()
        self.heights = RowHeights(self.table, self.model)
        self.delegate.heights = self.heights
        self.overview = OverviewStrip()
        self.filter_bar = FilterBar()
        self.find_bar = FindBar()
        comparison = QWidget()
        column = QVBoxLayout(comparison)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.filter_bar)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.table, 1)
        row.addWidget(self.overview)
        column.addLayout(row, 1)
        column.addWidget(self.find_bar)

        self.welcome = QLabel(WELCOME)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.welcome.setAccessibleName("Welcome")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(comparison)
        self.loading = LoadingPage()  # while a comparison is being opened: never the welcome text
        self.stack.addWidget(self.loading)
        window.setCentralWidget(self.stack)

        self.list_model = PassageListModel(parent=window)
        self.passage_list = self._passage_list()
        self.list_dock = self._dock(
            window, "Passages", "passages", self.passage_list, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.list_dock.hide()
        self.article = ArticleView()
        self.article_dock = self._dock(
            window, "Cleaned article", "article", self.article, Qt.DockWidgetArea.RightDockWidgetArea
        )
        window.resizeDocks([self.article_dock], [380], Qt.Orientation.Horizontal)
        self.findings_panel = FindingsPanel()
        self.findings_dock = self._dock(
            window, "Findings", "findings", self.findings_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        window.resizeDocks([self.findings_dock], [190], Qt.Orientation.Vertical)

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
        status = window.statusBar()
        for widget in (self.recovery_label, self.position_label, self.progress_label, self.busy_bar):
            status.addPermanentWidget(widget)

    def _comparison_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("comparison")
        table.setAccessibleName("Comparison")
        f = table.font()
        f.setPointSizeF(f.pointSizeF() + 1)
        table.setFont(f)
        table.setModel(self.model)
        self.delegate = PassageDelegate(table)
        table.setItemDelegate(self.delegate)
        self._table_for_tint = table
        _tint_selection(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setTabKeyNavigation(False)  # Tab moves on to the docks, as in any window
        table.verticalScrollBar().setSingleStep(24)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setShowGrid(False)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = table.horizontalHeader()
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RIGHT, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        table.setColumnWidth(STATUS, STATUS_WIDTH)
        return table

    def _passage_list(self) -> QTableView:
        view = QTableView()
        view.setAccessibleName("Passage list")
        view.setModel(self.list_model)
        view.horizontalHeader().setSortIndicator(*PassageListModel.DEFAULT_SORT)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((46, 74, 78, 110)):
            view.setColumnWidth(col, width)
        return view

    @staticmethod
    def _dock(
        window: QMainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
        return dock

    def build_toolbar(self, window: QMainWindow, actions: Actions) -> None:
        """The most used actions with the bundled icons (which work from a checkout, a wheel and a
        bundle alike)."""
        bar = window.addToolBar("Review")
        bar.setObjectName("review-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._toolbar_actions = []
        for command, _icon, label in TOOLBAR_ICONS:
            action = getattr(actions, command)
            action.setIconText(label)
            bar.addAction(action)
            self._toolbar_actions.append(action)
        self.update_icons()

    def update_icons(self) -> None:
        """The toolbar's icons drawn in the palette's text colour, so they keep their contrast on
        dark colours as on light ones."""
        color = QApplication.palette().color(QPalette.ColorRole.ButtonText)
        for action, (_command, icon, _label) in zip(self._toolbar_actions, TOOLBAR_ICONS, strict=True):
            path = resource_path("icons", "actions", f"{icon}.svg")
            if path.exists():
                action.setIcon(tinted_icon(str(path), color))

    def tint_selection(self) -> None:
        """Tint the selection again (after the colour scheme changed)."""
        self._table_for_tint.setPalette(QApplication.palette(self._table_for_tint))
        _tint_selection(self._table_for_tint)

    def set_review(self, review: Review | None) -> None:
        """Show ``review`` (None: nothing) in the views that show it at once; the passage list and
        the article pane follow later (see the main window's install)."""
        self.model.set_review(review)
        self.overview.set_review(review)
        self.findings_panel.set_review(review)


def tinted_icon(path: str, color: QColor, size: int = 48) -> QIcon:
    """An SVG icon filled with one colour (its shape kept, its own colours dropped)."""
    pixmap = QIcon(path).pixmap(size, size)
    painter = QPainter(pixmap)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), color)
    painter.end()
    return QIcon(pixmap)


def _tint_selection(table: QTableView) -> None:
    """A light tint for selected rows, so the highlights stay readable."""
    palette = table.palette()
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
        palette.setColor(group, QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text))
    table.setPalette(palette)
