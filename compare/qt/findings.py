"""The findings panel: what the artifact and cross-version checks found, to jump to and fix.

One row per finding: severity (glyph and word), rule, side, passage, a snippet with the span
marked, and the message. A combo box filters by rule; a line counts the shown findings by
severity. Clicking a row jumps to its passage and highlights the span.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from compare.core.checks.finding import worst_first
from compare.core.review.fixes import snippet
from compare.core.review.review import Review
from compare.qt.models import RowsTableModel
from compare.qt.theme import SEVERITY_GLYPHS, colors_for

Index = QModelIndex | QPersistentModelIndex

FINDING_ROLE = Qt.ItemDataRole.UserRole + 20
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 21  # (excerpt, span start, span end)
SEVERITY_COL, RULE_COL, SIDE_COL, PASSAGE_COL, SNIPPET_COL, MESSAGE_COL = range(6)


class FindingsModel(RowsTableModel):
    HEADERS = ("Severity", "Rule", "Side", "#", "Snippet", "Message")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.review: Review | None = None
        self.all: list[Any] = []
        self.rule: str | None = None
        self._snippets: dict[int, tuple[str, int, int]] = {}
        # Worst first, and within a severity the passage that ranks highest (most likely to
        # change the meaning) first.
        self._sort: tuple[int, Qt.SortOrder] = (SEVERITY_COL, Qt.SortOrder.AscendingOrder)

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self.all = list(review.findings) if review else []
        self._snippets = {}
        if self.rule is not None and self.rule not in self.rules():
            self.rule = None
        self._refilter()
        self.endResetModel()

    def rules(self) -> Counter[str]:
        return Counter(f.rule for f in self.all)

    def set_rule(self, rule: str | None) -> None:
        self.beginResetModel()
        self.rule = rule
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        self.rows = [f for f in self.all if self.rule is None or f.rule == self.rule]
        self._apply_sort()

    def counts(self) -> Counter[str]:
        return Counter(f.severity for f in self.rows)

    def finding(self, row: int) -> Any:
        return self.rows[row]

    def row_of(self, finding: Any) -> int | None:
        for i, f in enumerate(self.rows):
            if f is finding:
                return i
        return None

    def snippet_of(self, finding: Any) -> tuple[str, int, int]:
        key = id(finding)
        hit = self._snippets.get(key)
        if hit is None:
            assert self.review is not None
            text = self.review.comparison.side(finding.side).text
            hit = self._snippets[key] = snippet(text, finding.start, finding.end)
        return hit

    # --- Qt model ----------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        f = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SEVERITY_COL:
                return f"{SEVERITY_GLYPHS.get(f.severity, '●')} {f.severity}"
            if col == RULE_COL:
                return f.rule
            if col == SIDE_COL:
                return f.side
            if col == PASSAGE_COL:
                return "" if f.passage is None else str(f.passage + 1)
            if col == SNIPPET_COL:
                return self.snippet_of(f)[0]
            if col == MESSAGE_COL:
                return f.message
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f.message
            if f.suggestion is not None:
                tip += "\n\nSuggestion: " + (
                    f"replace with “{f.suggestion}”" if f.suggestion else "delete it"
                )
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and col == SEVERITY_COL:
            return colors_for(self._palette()).severity(f.severity)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == PASSAGE_COL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FINDING_ROLE:
            return f
        if role == SNIPPET_ROLE:
            return self.snippet_of(f)
        return None

    @staticmethod
    def _palette() -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.palette()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort

        def position(f: Any) -> tuple[int, str, int]:
            return (f.passage if f.passage is not None else -1, f.side, f.start)

        scores = self.review.analysis.scores if self.review is not None else ()

        def rank(f: Any) -> float:
            return -scores[f.passage] if isinstance(f.passage, int) and 0 <= f.passage < len(scores) else 0.0

        def key(f: Any) -> Any:
            if column == SEVERITY_COL:
                return (worst_first(f.severity), rank(f), position(f))
            if column == RULE_COL:
                return (f.rule, position(f))
            if column == SIDE_COL:
                return (f.side, position(f))
            return position(f)

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class SnippetDelegate(QStyledItemDelegate):
    """The snippet with the finding's span in bold on a tint (one line, elided by width)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        value = index.data(SNIPPET_ROLE)
        if not value:
            return super().paint(painter, option, index)
        text, a, b = value
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        colors = colors_for(option.palette)
        layout = QTextLayout(text, option.font)
        fmt = QTextCharFormat()
        bg = colors.focus
        fmt.setBackground(bg)
        fmt.setFontWeight(700)
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = a, max(0, b - a), fmt
        layout.setFormats([r])
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)
        layout.endLayout()
        rect: QRect = option.rect
        painter.save()
        painter.setClipRect(rect.adjusted(2, 0, -2, 0))
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        y = rect.top() + (rect.height() - line.height()) / 2
        # keep the span in view when the excerpt is wider than the column
        x = rect.left() + 4.0

        def x_of(cursor: int) -> float:
            pos: Any = line.cursorToX(cursor)  # (x, cursor) in PySide6
            return float(pos[0] if isinstance(pos, tuple) else pos)

        span_start, span_end = x_of(a), x_of(b)
        if span_end + 20 > rect.width():
            x -= max(0.0, min(span_end + 20 - rect.width(), span_start - 20))
        layout.draw(painter, QPointF(x, y))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(min(hint.width(), 420), hint.height())


class FindingsPanel(QWidget):
    """Filter, counts, the findings table and the buttons that apply suggestions."""

    finding_activated = Signal(object)
    apply_requested = Signal(object)
    apply_rule_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Findings")
        self.model = FindingsModel(self)
        self.rule_combo = QComboBox()
        self.rule_combo.setAccessibleName("Filter findings by rule")
        self.rule_combo.setMinimumContentsLength(22)
        self.rule_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_combo.currentIndexChanged.connect(self._rule_chosen)
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Findings by severity")
        self.apply_button = QPushButton("Apply Suggestion")
        self.apply_button.setToolTip(
            "Put the suggested fix of the selected finding into the cleaned article (undoable)"
        )
        self.apply_button.clicked.connect(self._apply_clicked)
        self.apply_rule_button = QPushButton("Apply All of This Rule…")
        self.apply_rule_button.setToolTip(
            "Preview and apply every suggestion of the selected finding's rule, as one undo step"
        )
        self.apply_rule_button.clicked.connect(self._apply_rule_clicked)

        self.table = QTableView()
        self.table.setAccessibleName("Findings list")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(SEVERITY_COL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(SNIPPET_COL, SnippetDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in (
            (SEVERITY_COL, 78),
            (RULE_COL, 150),
            (SIDE_COL, 48),
            (PASSAGE_COL, 40),
            (SNIPPET_COL, 360),
        ):
            self.table.setColumnWidth(col, width)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        top = QHBoxLayout()
        top.setContentsMargins(4, 4, 4, 0)
        top.addWidget(QLabel("Rule:"))
        top.addWidget(self.rule_combo)
        top.addSpacing(12)
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.apply_button)
        top.addWidget(self.apply_rule_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # --- content -------------------------------------------------------------------
    def set_review(self, review: Review | None) -> None:
        rule = self.model.rule
        self.model.set_review(review)
        self.rule_combo.blockSignals(True)
        self.rule_combo.clear()
        rules = self.model.rules()
        self.rule_combo.addItem(f"All rules ({len(self.model.all)})", None)
        for name in sorted(rules):
            self.rule_combo.addItem(f"{name} ({rules[name]})", name)
        k = self.rule_combo.findData(rule) if rule in rules else 0
        self.rule_combo.setCurrentIndex(max(0, k))
        self.rule_combo.blockSignals(False)
        self.model.set_rule(self.rule_combo.currentData())
        self._update_counts()
        self._update_buttons()

    def set_rule(self, rule: str | None) -> None:
        k = self.rule_combo.findData(rule) if rule is not None else 0
        if k >= 0:
            self.rule_combo.setCurrentIndex(k)

    def _rule_chosen(self, _index: int) -> None:
        self.model.set_rule(self.rule_combo.currentData())
        self._update_counts()
        self._update_buttons()

    def _update_counts(self) -> None:
        counts = self.model.counts()
        if not self.model.all:
            self.counts_label.setText("No findings." if self.model.review is not None else "")
            return
        parts = [f"{SEVERITY_GLYPHS[s]} {counts.get(s, 0)} {s}" for s in ("major", "minor", "info")]
        self.counts_label.setText("   ".join(parts))

    def current_finding(self) -> Any:
        index = self.table.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def select(self, finding: Any) -> None:
        row = self.model.row_of(finding)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        f = self.current_finding()
        self.apply_button.setEnabled(f is not None and f.suggestion is not None)
        rule = self._rule_for_all()
        self.apply_rule_button.setEnabled(rule is not None)
        self.apply_rule_button.setText(f"Apply All “{rule}”…" if rule else "Apply All of This Rule…")

    def _rule_for_all(self) -> str | None:
        f = self.current_finding()
        rule = f.rule if f is not None else self.model.rule
        if rule is None:
            return None
        return rule if any(x.rule == rule and x.suggestion is not None for x in self.model.all) else None

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._update_buttons()
            self.finding_activated.emit(self.model.finding(index.row()))

    def _apply_clicked(self) -> None:
        f = self.current_finding()
        if f is not None:
            self.apply_requested.emit(f)

    def _apply_rule_clicked(self) -> None:
        rule = self._rule_for_all()
        if rule:
            self.apply_rule_requested.emit(rule)
