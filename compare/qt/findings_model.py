"""The table model behind the findings panel, and the delegate that draws a finding's snippet.

One row per finding: severity (glyph and word), rule, side, passage, a snippet with the span
marked, and the message; rows can be limited to one rule.
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
)
from PySide6.QtGui import QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from compare.core.checks.finding import Severity, worst_first
from compare.core.review.fixes import snippet
from compare.core.review.review import Review
from compare.qt.legend import SEVERITY_GLYPHS
from compare.qt.models import RowsTableModel
from compare.qt.theme import colors_for

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
        scores = self.review.analysis.scores if self.review is not None else ()
        n = len(scores)
        # the severities' order looked up, not rebuilt per finding: a megabyte pair has 13,000
        # findings, sorted in one turn of the event loop
        worst = {str(s): worst_first(s) for s in Severity}

        def key(f: Any) -> Any:
            p = f.passage
            here = (p if p is not None else -1, f.side, f.start)  # the finding's place
            if column == SEVERITY_COL:
                rank = -scores[p] if isinstance(p, int) and 0 <= p < n else 0.0
                return (worst[f.severity], rank, here)
            if column == RULE_COL:
                return (f.rule, here)
            if column == SIDE_COL:
                return (f.side, here)
            return here

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
