"""A narrow strip beside the table marking where the divergences are; click to jump."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from compare.core.diff.comparison import EQUAL, LEFT_ONLY, RIGHT_ONLY
from compare.core.review.review import Review
from compare.qt.theme import colors_for


class OverviewStrip(QWidget):
    """Marks by passage position (the whole article fits the strip's height)."""

    jump_requested = Signal(int)  # passage index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.review: Review | None = None
        self.visible_range: tuple[int, int] = (0, 0)
        self.current = -1
        self._image: QImage | None = None
        self._key: tuple[int, int, int] | None = None
        self._best: dict[int, tuple[float, str, bool]] = {}  # pixel row: (score, kind, reviewed)
        self._reviewed_color = QColor()
        self._kind_color: dict[str, QColor] = {}
        self._replaced = QColor()
        self.version = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setToolTip("Where the two versions differ. Click to jump there.")
        self.setAccessibleName("Divergence overview")

    def sizeHint(self) -> QSize:
        return QSize(18, 200)

    def set_review(self, review: Review | None) -> None:
        self.review = review
        self.refresh()

    def refresh(self) -> None:
        self.version += 1
        self.update()

    def set_view(self, first: int, last: int, current: int) -> None:
        if (first, last, current) != (*self.visible_range, self.current):
            self.visible_range = (first, last)
            self.current = current
            self.update()

    def _y(self, index: int, n: int) -> int:
        return int(index * self.height() / max(1, n))

    def passages_changed(self, indices: list[int]) -> None:
        """Decisions changed on ``indices``: redraw only the pixel rows they fall on (a full
        rebuild walks every passage, which a decision on a large article should not)."""
        if self._image is None or self._key != (self.width(), self.height(), self.version):
            self.refresh()
            return
        if self.review is None or not self.review.passages:
            return
        n = len(self.review.passages)
        h = max(1, self.height())
        rows = {i * h // n for i in indices if 0 <= i < n}
        if not rows:
            return
        decisions = self.review.decisions()
        for y in rows:
            first = -(-y * n // h)  # the passages whose mark falls on pixel row y
            last = -(-(y + 1) * n // h)
            self._best.pop(y, None)
            self._consider(range(first, min(last, n)), decisions)
        p = QPainter(self._image)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        row_h = self._row_height(n, h)
        for y in sorted(rows):
            band = QRect(0, y, self._image.width(), row_h)
            p.setClipRect(band)
            p.fillRect(band, Qt.GlobalColor.transparent)
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            for yy in range(y - row_h + 1, y + row_h):  # marks are row_h tall: neighbours overlap
                if yy in self._best:
                    self._draw(p, yy, row_h)
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.end()
        self.update()

    @staticmethod
    def _row_height(n: int, h: int) -> int:
        return max(2, -(-h // n))

    def _consider(self, indices: range, decisions: dict[int, Any]) -> None:
        """Fold ``indices`` (in order) into the strongest mark of each pixel row."""
        assert self.review is not None
        passages = self.review.passages
        scores = self.review.analysis.scores
        n = len(passages)
        h = max(1, self.height())
        best = self._best
        for index in indices:
            passage = passages[index]
            if passage.kind == EQUAL:
                continue
            y = index * h // n
            d = decisions.get(index)
            reviewed = bool(d and d.reviewed)
            old = best.get(y)
            score = scores[index]
            if old is None or (not reviewed and (old[2] or score > old[0])):
                best[y] = (score, passage.kind, reviewed)

    def _draw(self, p: QPainter, y: int, row_h: int) -> None:
        divergence, kind, reviewed = self._best[y]
        color = self._reviewed_color if reviewed else self._kind_color.get(kind, self._replaced)
        w = self.width()
        mw = max(4, int((w - 4) * (0.35 + 0.65 * divergence)))  # more divergence, wider mark
        p.fillRect(QRect(w - 2 - mw, y, mw, row_h), color)

    def _marks(self) -> QImage:
        key = (self.width(), self.height(), self.version)
        if self._image is not None and self._key == key:
            return self._image
        img = QImage(max(1, self.width()), max(1, self.height()), QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        self._best = {}
        if self.review is not None and self.review.passages:
            colors = colors_for(self.palette())
            n = len(self.review.passages)
            h = max(1, self.height())
            # one mark per pixel row: the strongest passage that falls on it
            self._consider(range(n), self.review.decisions())
            row_h = self._row_height(n, h)
            self._reviewed_color = QColor(colors.reviewed)
            self._reviewed_color.setAlpha(120)
            self._kind_color = {
                LEFT_ONLY: QColor(colors.deleted_line),
                RIGHT_ONLY: QColor(colors.inserted_line),
            }
            self._replaced = QColor(colors.replaced_line)
            p = QPainter(img)
            for y in self._best:  # in order of position: a lower mark overlaps the one above
                self._draw(p, y, row_h)
            p.end()
        self._image, self._key = img, key
        return img

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        p.drawImage(0, 0, self._marks())
        if self.review is not None and self.review.passages:
            n = len(self.review.passages)
            first, last = self.visible_range
            y1, y2 = self._y(first, n), max(self._y(last + 1, n), self._y(first, n) + 3)
            frame = QColor(self.palette().color(QPalette.ColorRole.Text))
            frame.setAlpha(60)
            p.fillRect(QRect(0, y1, self.width(), y2 - y1), frame)
            if self.current >= 0:
                p.fillRect(
                    QRect(0, self._y(self.current, n), self.width(), 2),
                    self.palette().color(QPalette.ColorRole.Highlight),
                )
        p.end()

    def passage_at(self, y: float) -> int:
        assert self.review is not None
        n = len(self.review.passages)
        index = min(n - 1, max(0, int(y * n / max(1, self.height()))))
        # the nearest divergent passage within a few pixels' worth of rows
        span = max(1, int(4 * n / max(1, self.height())))
        best = index
        for k in range(span + 1):
            for cand in (index - k, index + k):
                if 0 <= cand < n and self.review.passages[cand].kind != EQUAL:
                    return cand
        return best

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.review is not None and self.review.passages and event.button() == Qt.MouseButton.LeftButton:
            self.jump_requested.emit(self.passage_at(event.position().y()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.review is not None and self.review.passages and event.buttons() & Qt.MouseButton.LeftButton:
            self.jump_requested.emit(self.passage_at(event.position().y()))
