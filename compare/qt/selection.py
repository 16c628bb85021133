"""Selecting words in a passage (F4, or a double click on it): both versions as selectable text;
the selection can be copied, looked for with Find, or quoted in a note."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

FIND, NOTE = "find", "note"


class PassageTextDialog(QDialog):
    """The texts of one passage, read-only and selectable."""

    def __init__(self, parent: QWidget | None, number: int, texts: Sequence[tuple[str, str]], focus: int = 0):
        super().__init__(parent)
        self.setWindowTitle(f"Passage {number}: select text")
        self.resize(900, 360)
        self.action: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Select words with the mouse or Shift+arrows; Ctrl+C copies them, "
                "Ctrl+F finds them, Shift+F2 quotes them in a note."
            )
        )
        grid = QGridLayout()
        self.views: list[QPlainTextEdit] = []
        for col, (label, text) in enumerate(texts):
            view = QPlainTextEdit(text.strip())
            view.setReadOnly(True)
            view.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            view.setTabChangesFocus(True)
            view.setAccessibleName(label)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._menu(v, pos))
            grid.addWidget(QLabel(f"<b>{label}</b>"), 0, col)
            grid.addWidget(view, 1, col)
            self.views.append(view)
        layout.addLayout(grid, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.find_button = buttons.addButton("&Find Selection", QDialogButtonBox.ButtonRole.ActionRole)
        self.note_button = buttons.addButton("&Quote in a Note", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.find_button.clicked.connect(lambda: self._finish(FIND))
        self.note_button.clicked.connect(lambda: self._finish(NOTE))
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(lambda: self._finish(FIND))
        QShortcut(QKeySequence("Shift+F2"), self).activated.connect(lambda: self._finish(NOTE))
        layout.addWidget(buttons)
        if self.views:
            self.views[min(focus, len(self.views) - 1)].setFocus()

    def selected_text(self) -> str:
        for view in self.views:
            if view.hasFocus() and view.textCursor().hasSelection():
                return view.textCursor().selectedText().replace("\u2029", "\n")
        for view in self.views:
            if view.textCursor().hasSelection():
                return view.textCursor().selectedText().replace("\u2029", "\n")
        return ""

    def _finish(self, action: str) -> None:
        if self.selected_text():
            self.action = action
            self.accept()

    def _menu(self, view: QPlainTextEdit, pos: QPoint) -> None:
        menu = view.createStandardContextMenu()
        menu.addSeparator()
        has = view.textCursor().hasSelection()
        menu.addAction("Find Selection", lambda: self._finish(FIND)).setEnabled(has)
        menu.addAction("Quote in a Note", lambda: self._finish(NOTE)).setEnabled(has)
        menu.exec(view.viewport().mapToGlobal(pos))
        QMenu.deleteLater(menu)

    @staticmethod
    def choose(
        parent: QWidget | None, number: int, texts: Sequence[tuple[str, str]], focus: int = 0
    ) -> tuple[str, str] | None:
        """(FIND or NOTE, the selected words), or None when the dialog was only closed."""
        dialog = PassageTextDialog(parent, number, texts, focus)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.action:
                return dialog.action, dialog.selected_text()
            return None
        finally:
            dialog.deleteLater()
