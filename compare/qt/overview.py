"""A narrow strip beside the table marking where the divergences are; click to jump."""

from __future__ import annotations

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

    def _marks(self) -> QImage:
        key = (self.width(), self.height(), self.version)
        if self._image is not None and self._key == key:
            return self._image
        img = QImage(max(1, self.width()), max(1, self.height()), QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        if self.review is not None:
            colors = colors_for(self.palette())
            n = len(self.review.passages)
            h = max(1, self.height())
            w = self.width()
            # one mark per pixel row: the strongest passage that falls on it
            best: dict[int, tuple[float, str, bool]] = {}
            decisions = self.review.decisions()
            scores = self.review.analysis.scores
            for passage in self.review.passages:
                if passage.kind == EQUAL:
                    continue
                y = passage.index * h // n
                d = decisions.get(passage.index)
                reviewed = bool(d and d.reviewed)
                old = best.get(y)
                score = scores[passage.index]
                if old is None or (not reviewed and (old[2] or score > old[0])):
                    best[y] = (score, passage.kind, reviewed)
            row_h = max(2, -(-h // n))
            reviewed_color = QColor(colors.reviewed)
            reviewed_color.setAlpha(120)
            kind_color: dict[str, QColor] = {
                LEFT_ONLY: QColor(colors.deleted_line),
                RIGHT_ONLY: QColor(colors.inserted_line),
            }
            p = QPainter(img)
            for y, (divergence, kind, reviewed) in best.items():
                color = reviewed_color if reviewed else kind_color.get(kind, colors.replaced_line)
                mw = max(4, int((w - 4) * (0.35 + 0.65 * divergence)))  # more divergence, wider mark
                p.fillRect(QRect(w - 2 - mw, y, mw, row_h), color)
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
