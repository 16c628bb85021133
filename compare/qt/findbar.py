"""The find bar, and what a search finds: a word or a number in both versions, one of them, or
the cleaned article (the controller that moves between matches is :mod:`compare.qt.search`)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from compare.core.review.review import Review

SCOPES = (("both", "in both versions"), ("left", "in the left version"), ("right", "in the right version"),
          ("article", "in the cleaned article"))  # fmt: skip


def fold(text: str) -> str:
    """What a search compares: case and compatibility forms folded, character for character (so
    offsets in the folded text are offsets in the text)."""
    return "".join(unicodedata.normalize("NFKC", ch).casefold()[:1] or ch for ch in text)


def tool_button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    return button


@dataclass(frozen=True)
class Match:
    passage: int
    where: str  # "left", "right" or "article"
    start: int  # offsets in the passage's text on that side (or the passage's piece of the article)
    end: int


def find_matches(review: Review, needle: str, scope: str) -> list[Match]:
    """Every occurrence of ``needle`` (folded), in document order."""
    key = fold(needle)
    if not key:
        return []
    out: list[Match] = []
    sides = ("left", "right") if scope == "both" else (scope,)
    for p in review.passages:
        for where in sides:
            text = review.passage_text(p.index) if where == "article" else review.side_text(p.index, where)
            haystack = fold(text)
            at = haystack.find(key)
            while at >= 0:
                out.append(Match(p.index, where, at, at + len(key)))
                at = haystack.find(key, at + max(1, len(key)))
    return out


class FindBar(QWidget):
    """The find line under the comparison: text, where to look, the match count."""

    changed = Signal()
    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Find")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find a word, a name or a number")
        self.edit.setAccessibleName("Find text")
        self.edit.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.setAccessibleName("Where to find")
        for key, label in SCOPES:
            self.scope.addItem(label, key)
        self.count = QLabel()
        self.count.setAccessibleName("Matches")
        previous = tool_button("▲", "Previous match (Shift+F3)")
        following = tool_button("▼", "Next match (F3, or Enter)")
        close = tool_button("✕", "Close (Escape)")
        previous.clicked.connect(self.previous_requested)
        following.clicked.connect(self.next_requested)
        close.clicked.connect(self.hide)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.scope.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.edit.returnPressed.connect(self.next_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        title = QLabel("F&ind:")
        title.setBuddy(self.edit)
        widgets: list[QWidget] = [title, self.edit, self.scope, previous, following, self.count, close]
        for widget in widgets:
            row.addWidget(widget, 1 if widget is self.edit else 0)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
