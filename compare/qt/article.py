"""The reconciled article, live: updated passage by passage as decisions change.

Corrected passages are marked with a tinted background; clicking in the article
selects the passage in the comparison table.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from compare.core.review.review import CUSTOM, KEEP, Review
from compare.qt.theme import colors_for

SLICE = 400  # passages laid out per turn of the event loop


def _display(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _u16(text: str) -> int:
    """Length in the document's units (UTF-16 code units)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


class ArticleView(QPlainTextEdit):
    passage_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName("Cleaned article")
        self.review: Review | None = None
        self._starts: list[int] = []  # document position where each passage starts (those laid out)
        self._lengths: list[int] = []
        self._generation = 0  # of the review set: a slice of an earlier one is not appended
        # a view, never edited by hand: no undo history of every passage it was given
        self.document().setUndoRedoEnabled(False)

    def set_review(self, review: Review | None) -> None:
        self.review = review
        self._starts, self._lengths = [], []
        self._generation += 1
        self.setPlainText("")
        if review is not None:
            self._fill(self._generation)

    @property
    def filling(self) -> bool:
        """The article of a large review is still being laid out, a slice per turn."""
        return self.review is not None and len(self._starts) < len(self.review.passages)

    def _fill(self, generation: int) -> None:
        """Append the next :data:`SLICE` passages (each in its current text: an undecided passage
        gives the article its base side's text, read directly) and come back for the rest in the
        next turn of the event loop. The article of a megabyte pair (6,000 passages) took 50-75 ms
        of one turn as a whole; with the layout of the inserted text and the repaint that
        follow it, a turn of 1,000 passages still came to 35-41 ms, one of 400 stays out of the
        longest stalls (bench/ui_stall.py --why)."""
        review = self.review
        if review is None or generation != self._generation:
            return  # another review (or none) was set meanwhile
        base = review.base
        base_text = review.comparison.side(base).text
        decided = review.decisions()
        passages = review.passages
        first = len(self._starts)
        last = min(len(passages), first + SLICE)
        texts = []
        pos = self._starts[-1] + self._lengths[-1] if self._starts else 0
        for i in range(first, last):
            if i in decided:
                t = _display(review.passage_text(i))
            else:
                s, e = passages[i].span(base)
                t = _display(base_text[s:e])
            n = _u16(t)
            self._starts.append(pos)
            self._lengths.append(n)
            pos += n
            texts.append(t)
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("".join(texts), QTextCharFormat())  # not the format of a marked passage before
        for i in range(first, last):
            d = decided.get(i)
            if d is not None and d.choice != KEEP:
                self._mark(i)
        if first == 0:
            self.moveCursor(QTextCursor.MoveOperation.Start)
        if last < len(passages):
            QTimer.singleShot(0, self, lambda: self._fill(generation))

    def _format(self, index: int) -> QTextCharFormat:
        assert self.review is not None
        fmt = QTextCharFormat()
        d = self.review.decision(index)
        if d.choice == KEEP:
            fmt.setBackground(QColor(0, 0, 0, 0))
            fmt.setToolTip("")
            return fmt
        colors = colors_for(self.palette())
        color = QColor(colors.custom if d.choice == CUSTOM else colors.chosen_bar)
        color.setAlpha(60 if colors.dark else 38)
        fmt.setBackground(color)
        fmt.setToolTip(f"Passage {index + 1}: corrected")
        return fmt

    def _mark(self, index: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._starts[index])
        cursor.setPosition(self._starts[index] + self._lengths[index], QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(self._format(index))

    def update_passages(self, indices: list[int]) -> None:
        if self.review is None:
            return
        for i in indices:
            if i >= len(self._starts):
                continue  # not laid out yet: it comes in its new text
            text = _display(self.review.passage_text(i))
            n = _u16(text)
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._starts[i])
            cursor.setPosition(self._starts[i] + self._lengths[i], QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text, self._format(i))
            delta = n - self._lengths[i]
            self._lengths[i] = n
            if delta:
                for k in range(i + 1, len(self._starts)):
                    self._starts[k] += delta

    def select_in_passage(self, index: int, start: int, end: int) -> None:
        """Select ``start:end`` of passage ``index``'s text (Python offsets) and show it."""
        if self.review is None or not (0 <= index < len(self._starts)):
            return
        text = self.review.passage_text(index)
        at = self._starts[index] + _u16(_display(text[:start]))
        cursor = QTextCursor(self.document())
        cursor.setPosition(at)
        cursor.setPosition(at + _u16(_display(text[start:end])), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def passage_at_position(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def show_passage(self, index: int) -> None:
        if not (0 <= index < len(self._starts)):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._starts[index])
        self.setTextCursor(cursor)
        self.centerCursor()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.review is not None and self._starts and not self.textCursor().hasSelection():
            self.passage_clicked.emit(self.passage_at_position(self.textCursor().position()))
