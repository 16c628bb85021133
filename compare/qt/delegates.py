"""Painting passages as wrapped prose with word-level highlights, and row heights.

Text is laid out with QTextLayout (no font changes in the highlights, so wrapping
depends on the plain text only). Row heights are measured with the same layout
code, in small time slices, the visible rows first, so thousands of passages never
block the window; until measured, a row has an estimated height.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from compare.core.checks.finding import worst_first
from compare.core.diff.comparison import EQUAL
from compare.core.review.review import CUSTOM
from compare.qt.legend import SEVERITY_GLYPHS
from compare.qt.models import (
    DELETED,
    INSERTED,
    LEFT,
    REPLACED,
    RIGHT,
    STATUS,
    WEAK,
    PassageTableModel,
    decision_glyphs,
)
from compare.qt.theme import Colors, colors_for

PAD_X, PAD_Y = 10, 7
STATUS_WIDTH = 64
_OPTION = QTextOption()
_OPTION.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)


def layout_text(text: str) -> str:
    """Line breaks as QTextLayout understands them, keeping every offset."""
    if "\r" in text or "\n" in text:
        text = text.replace("\r\n", "\u200b\n").replace("\r", "\u2028").replace("\n", "\u2028")
    return text


def _utf16_map(text: str) -> list[int] | None:
    """Code point offset -> UTF-16 offset, when the two differ (characters beyond the BMP)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return out


def _lay_out(layout: QTextLayout, width: float) -> float:
    layout.setTextOption(_OPTION)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(20.0, width))
        line.setPosition(QPointF(0.0, y))
        y += line.height()
    layout.endLayout()
    return y


def text_height(text: str, font: QFont, width: float) -> int:
    if not text:
        return QFontMetrics(font).lineSpacing()
    return int(_lay_out(QTextLayout(layout_text(text), font), width) + 0.999)


def _format(kind: str, colors: Colors) -> QTextCharFormat:
    """A word change: a strong one (name, number, negation, content word) on a tint with its
    line; a weak one (function word, punctuation, inflection, order) only a dotted line, so the
    eye goes to what changes the meaning."""
    fmt = QTextCharFormat()
    if kind.endswith(WEAK):
        base = kind[: -len(WEAK)]
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(
            colors.deleted_line
            if base == DELETED
            else colors.inserted_line
            if base == INSERTED
            else colors.replaced_line
        )
        fmt.setFontStrikeOut(base == DELETED)
        return fmt
    if kind == DELETED:
        fmt.setBackground(colors.deleted)
        fmt.setFontStrikeOut(True)
    elif kind == INSERTED:
        fmt.setBackground(colors.inserted)
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(colors.inserted_line)
    elif kind == REPLACED:
        fmt.setBackground(colors.replaced)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(colors.replaced_line)
    return fmt


def _finding_format(severity: str, focused: bool, tint: bool, colors: Colors) -> QTextCharFormat:
    """A finding's span: a wavy underline in its severity's colour; across languages (no word
    diff to show) also a light tint; the finding clicked in the panel, a strong background."""
    fmt = QTextCharFormat()
    color = colors.severity(severity)
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.WaveUnderline
        if severity != "info"
        else QTextCharFormat.UnderlineStyle.DotLine
    )
    fmt.setUnderlineColor(color)
    if focused:
        fmt.setBackground(colors.focus)
    elif tint and severity != "info":
        bg = QColor(color)
        bg.setAlpha(70 if colors.dark else 40)
        fmt.setBackground(bg)
    return fmt


#: Laid-out cells kept for repainting (a screenful is 60-100 of them): a repaint of what did not
#: change (scrolling by a line, a decision, the pointer passing, the window raised) draws them
#: again without laying their text out anew.
LAYOUTS_KEPT = 512


class _Layouts:
    """Cell texts laid out with their formats, by everything they depend on (the key), the most
    recently drawn kept: a cell whose text, highlights, findings, matches, width, font or palette
    changed has another key, so nothing needs clearing."""

    def __init__(self, size: int = LAYOUTS_KEPT) -> None:
        self.size = size
        self._kept: OrderedDict[tuple[object, ...], QTextLayout] = OrderedDict()

    def get(self, key: tuple[object, ...]) -> QTextLayout | None:
        layout = self._kept.get(key)
        if layout is not None:
            self._kept.move_to_end(key)
        return layout

    def put(self, key: tuple[object, ...], layout: QTextLayout) -> None:
        self._kept[key] = layout
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)

    def __len__(self) -> int:
        return len(self._kept)


class PassageDelegate(QStyledItemDelegate):
    """Paints the status column and the two text columns of the comparison table."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.heights: RowHeights | None = None
        self._colors: Colors | None = None
        self._palette_key: int | None = None
        self.layouts = _Layouts()

    def colors(self, palette: QPalette) -> Colors:
        key = palette.color(QPalette.ColorRole.Base).rgba() ^ palette.color(QPalette.ColorRole.Text).rgba()
        if self._colors is None or key != self._palette_key:
            self._colors = colors_for(palette)
            self._palette_key = key
        return self._colors

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        h = self.heights.height(index.row()) if self.heights else 3 * option.fontMetrics.lineSpacing()
        return QSize(STATUS_WIDTH if index.column() == STATUS else 200, h)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = index.model()
        if not isinstance(model, PassageTableModel) or model.review is None:
            return super().paint(painter, option, index)
        colors = self.colors(option.palette)
        rect: QRect = option.rect
        row, col = index.row(), index.column()
        kind = model.review.passages[row].kind
        painter.save()
        painter.setClipRect(rect)
        decided = model.review.decision(row)
        if (
            col != STATUS
            and kind != EQUAL
            and (decided.reviewed or decided.choice != "keep")
            and model.chosen(row, col)
        ):
            painter.fillRect(rect, colors.chosen_bg)
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), colors.chosen_bar)
        if col == STATUS:
            self._paint_status(painter, option, model, row, colors)
        else:
            self._paint_text(painter, option, model, row, col, colors, kind == EQUAL)
        # Separators: a thin line between passages, a strong one between paragraphs.
        painter.setPen(colors.row_line)
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        if model.is_paragraph_start(row):
            painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), 2), colors.paragraph_line)
        if option.state & QStyle.StateFlag.State_HasFocus and col == STATUS:
            painter.fillRect(
                QRect(rect.left(), rect.top(), 3, rect.height()),
                option.palette.color(QPalette.ColorRole.Highlight),
            )
        painter.restore()

    def _paint_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        model: PassageTableModel,
        row: int,
        col: int,
        colors: Colors,
        dim: bool,
    ) -> None:
        text, ranges = model.cell(row, col)
        found = model.cell_findings(row, col)
        rect = option.rect
        if not text:
            painter.setPen(colors.dim_text)
            f = QFont(option.font)
            f.setItalic(True)
            painter.setFont(f)
            side = "left" if col == LEFT else "right"
            painter.drawText(
                rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                f"(nothing on the {side})",
            )
            return
        matches = model.cell_matches(row, col)
        tint = model.review is not None and model.review.comparison.cross_language
        width = rect.width() - 2 * PAD_X
        key = (
            text,
            tuple(ranges),
            tuple(found),
            tuple(matches),
            tint,
            width,
            option.font.key(),
            self._palette_key,
        )
        layout = self.layouts.get(key)
        if layout is None:
            layout = self._laid_out(text, ranges, found, matches, tint, width, option.font, colors)
            self.layouts.put(key, layout)
        painter.setPen(colors.dim_text if dim else colors.text)
        layout.draw(painter, QPointF(rect.left() + PAD_X, rect.top() + PAD_Y))

    @staticmethod
    def _laid_out(
        text: str,
        ranges: list[tuple[int, int, str]],
        found: list[tuple[int, int, str, bool]],
        matches: list[tuple[int, int]],
        tint: bool,
        width: int,
        font: QFont,
        colors: Colors,
    ) -> QTextLayout:
        layout = QTextLayout(layout_text(text), font)
        if ranges or found or matches:
            mapping = _utf16_map(text)
            formats = []
            spans = [(a, b, _format(kind, colors)) for a, b, kind in ranges]
            # info first, the focused finding last: later formats win where they overlap
            for a, b, severity, focused in sorted(found, key=lambda f: (f[3], -worst_first(f[2]))):
                spans.append((a, b, _finding_format(severity, focused, tint, colors)))
            match_format = QTextCharFormat()
            match_format.setBackground(colors.focus)
            match_format.setForeground(QColor("#000000"))
            spans.extend((a, b, match_format) for a, b in matches)  # the find bar's matches, on top
            for a, b, fmt in spans:
                if b <= a:
                    continue
                r = QTextLayout.FormatRange()
                r.start = mapping[a] if mapping else a
                r.length = (mapping[b] if mapping else b) - r.start
                r.format = fmt
                formats.append(r)
            layout.setFormats(formats)
        _lay_out(layout, width)
        return layout

    def _paint_status(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        model: PassageTableModel,
        row: int,
        colors: Colors,
    ) -> None:
        assert model.review is not None
        rect = option.rect.adjusted(6, PAD_Y, -4, -4)
        p = model.review.passages[row]
        d = model.review.decision(row)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(colors.dim_text)
        fm = QFontMetrics(small)
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            str(row + 1),
        )
        if p.kind != EQUAL:
            # divergence bar: longer means more changed
            w = max(3, int((rect.width() - 4) * model.divergence(row)))
            bar = QColor(
                colors.deleted_line
                if p.kind == "left-only"
                else colors.inserted_line
                if p.kind == "right-only"
                else colors.replaced_line
            )
            painter.fillRect(QRect(rect.left(), rect.top() + fm.height() + 2, w, 3), bar)
        found = model.passage_findings(row)
        if found:
            worst = min(found, key=lambda f: worst_first(f.severity)).severity
            mark = SEVERITY_GLYPHS.get(worst, "●") + (str(len(found)) if len(found) > 1 else "")
            painter.setPen(colors.severity(worst))
            painter.drawText(
                QRect(rect.left(), rect.top(), rect.width(), fm.height()),
                int(Qt.AlignmentFlag.AlignRight),
                mark,
            )
        glyphs = decision_glyphs(model.review, d)
        if glyphs:
            painter.setPen(
                colors.custom if d.choice == CUSTOM else colors.reviewed if d.reviewed else colors.text
            )
            painter.drawText(
                QRect(rect.left(), rect.top() + fm.height() + 7, rect.width(), fm.height() + 2),
                int(Qt.AlignmentFlag.AlignLeft),
                glyphs,
            )


class RowHeights(QObject):
    """Measures row heights in time slices and applies them to the table's rows."""

    # A slice of measuring is followed, in the same turn, by the repaint of the rows it resized:
    # at 12 ms the two came to 37-42 ms on the 1 MB pair (bench/ui_stall.py --why), at 6 ms 34.
    SLICE_MS = 6
    measured = Signal()  # every row has its real height

    def __init__(self, table: QTableView, model: PassageTableModel):
        super().__init__(table)
        self.table = table
        self.model = model
        self._heights: list[int | None] = []
        self._cursor = 0
        self._widths: tuple[int, int] = (0, 0)
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(60)
        self._debounce.timeout.connect(self.invalidate)
        table.horizontalHeader().sectionResized.connect(self._columns_resized)
        model.modelReset.connect(self.invalidate)

    def _columns_resized(self, *_args: int) -> None:
        self._debounce.start()

    @property
    def done(self) -> bool:
        return not self._paused and not self._timer.isActive() and not self._debounce.isActive()

    def pause(self) -> None:
        """No measuring until :meth:`resume` (while the window installs a result: a slice of
        measuring and a step of the install in one turn of the event loop would stall it)."""
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        self._paused = False
        if any(h is None for h in self._heights):
            self._timer.start()

    def min_height(self) -> int:
        fm = QFontMetrics(self.table.font())
        return 2 * fm.lineSpacing() + 2 * PAD_Y

    def height(self, row: int) -> int:
        if 0 <= row < len(self._heights) and self._heights[row] is not None:
            return self._heights[row]  # type: ignore[return-value]
        return self.table.verticalHeader().defaultSectionSize()

    def invalidate(self) -> None:
        n = self.model.rowCount()
        self._heights = [None] * n
        self._cursor = 0
        self._widths = (self.table.columnWidth(LEFT), self.table.columnWidth(RIGHT))
        header = self.table.verticalHeader()
        header.setDefaultSectionSize(3 * QFontMetrics(self.table.font()).lineSpacing() + 2 * PAD_Y)
        if n and not self._paused:
            self._timer.start()

    def measure(self, row: int) -> int:
        font = self.table.font()
        h = self.min_height()
        for col, width in ((LEFT, self._widths[0]), (RIGHT, self._widths[1])):
            text, _ = self.model.cell(row, col)
            h = max(h, text_height(text, font, width - 2 * PAD_X) + 2 * PAD_Y + 1)
        return h

    def finish(self) -> None:
        """Measure every row now (tests, screenshots)."""
        self._debounce.stop()
        while self._timer.isActive():
            self._work(budget=1e9)
        self.table.updateGeometries()  # the scroll range, now, not at the next turn of the event loop

    def _visible_rows(self) -> range:
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        n = self.model.rowCount()
        top = max(top, 0)
        bottom = n - 1 if bottom < 0 else bottom
        return range(max(0, top - 5), min(n, bottom + 30))

    def _work(self, budget: float | None = None) -> None:
        n = len(self._heights)
        if n != self.model.rowCount():
            self.invalidate()
            return
        deadline = time.perf_counter() + (budget if budget is not None else self.SLICE_MS / 1000)
        header = self.table.verticalHeader()
        anchor = self.table.rowAt(0)
        anchor_y = self.table.rowViewportPosition(anchor) if anchor >= 0 else 0
        todo = [r for r in self._visible_rows() if self._heights[r] is None]
        changed = False
        while time.perf_counter() < deadline:
            if todo:
                row = todo.pop()
            else:
                while self._cursor < n and self._heights[self._cursor] is not None:
                    self._cursor += 1
                if self._cursor >= n:
                    self._timer.stop()
                    self.measured.emit()
                    break
                row = self._cursor
            h = self.measure(row)
            self._heights[row] = h
            if header.sectionSize(row) != h:
                header.resizeSection(row, h)
                changed = True
        if changed and anchor >= 0:
            # keep the passage at the top of the view where it was
            delta = self.table.rowViewportPosition(anchor) - anchor_y
            if delta:
                bar = self.table.verticalScrollBar()
                bar.setValue(bar.value() + delta)
