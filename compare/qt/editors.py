"""Editing by hand: the passage editor and the note editor, both usable from the keyboard alone
(Ctrl+Return keeps, Escape cancels, Tab leaves the text, OK and Cancel have mnemonics)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from compare.core.review.review import editable_parts, with_edited_body


class EditPassageDialog(QDialog):
    """An editor filled with the passage's current text; the two versions shown above.

    The editor holds the passage without the whitespace around it (the paragraph break after
    it, the space after a sentence): those separators are kept as they are, so an edit never
    joins two paragraphs. Across languages (``source`` given as (label, text)) only the source is
    shown above the editor, read-only: the editor holds the translation being fixed.
    """

    def __init__(
        self,
        parent: QWidget | None,
        number: int,
        left: str,
        right: str,
        current: str,
        source: tuple[str, str] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(f"Edit passage {number}")
        self.resize(720, 520)
        self.current = current
        layout = QVBoxLayout(self)
        shown = [source] if source is not None else [("Left version", left), ("Right version", right)]
        self.references: list[QPlainTextEdit] = []
        for label, text in shown:
            title = QLabel(f"<b>{label}</b>")
            view = QPlainTextEdit(text.strip())
            view.setReadOnly(True)
            view.setMaximumHeight(110 if source is None else 170)
            view.setAccessibleName(label)
            layout.addWidget(title)
            layout.addWidget(view)
            self.references.append(view)
        what = "Translation" if source is not None else "Text"
        editor_label = QLabel(
            f"<b>&amp;{what} for the cleaned article</b> (Ctrl+Return keeps it, Escape cancels)"
        )
        editor_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(editor_label)
        _, body, tail = editable_parts(current)
        self.editor = QPlainTextEdit(body)
        self.editor.setAccessibleName("Text for the cleaned article")
        self.editor.setTabChangesFocus(True)
        f = QFont(self.editor.font())
        f.setPointSizeF(f.pointSizeF() * 1.08)
        self.editor.setFont(f)
        layout.addWidget(self.editor, 1)
        editor_label.setBuddy(self.editor)
        if "\n" in tail or "\r" in tail:
            kept = QLabel("The paragraph break after this passage is kept as it is.")
            kept.setAccessibleName("Paragraph break kept")
            layout.addWidget(kept)
        layout.addWidget(keyboard_buttons(self))
        self.editor.setFocus()

    def text(self) -> str:
        """The passage's new text: the edited body between the separators it had."""
        return with_edited_body(self.current, self.editor.toPlainText())

    @staticmethod
    def get_text(
        parent: QWidget | None,
        number: int,
        left: str,
        right: str,
        current: str,
        source: tuple[str, str] | None = None,
    ) -> str | None:
        dialog = EditPassageDialog(parent, number, left, right, current, source)
        try:
            return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class _MnemonicsOverTyping(QObject):
    """A line edit takes Alt+letter as typing; in a dialog it is a button's mnemonic (Alt+W:
    Swap). Declining the shortcut override lets the shortcut system have the key."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        alt_letter = (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
            and event.text().isalnum()
        )
        if alt_letter:
            event.ignore()
        return alt_letter


def keyboard_buttons(dialog: QDialog, ok_text: str = "&OK") -> QDialogButtonBox:
    """OK and Cancel with mnemonics (Alt+O, Alt+C: without them Alt+O types an "o" in the editor),
    and Ctrl+Return to accept from anywhere in the dialog, also from inside a multi-line editor
    (where Return starts a new line)."""
    mnemonics = _MnemonicsOverTyping(dialog)
    for editor in dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit):
        editor.installEventFilter(mnemonics)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog).activated.connect(dialog.accept)
    return buttons


class NoteDialog(QDialog):
    """A note on one or more passages: a wrapped multi-line editor; Ctrl+Return saves it."""

    def __init__(self, parent: QWidget | None, number: int, current: str):
        super().__init__(parent)
        self.setWindowTitle(f"Note on passage {number}")
        self.resize(520, 260)
        layout = QVBoxLayout(self)
        label = QLabel("&Note (Ctrl+Return saves it, Escape cancels):")
        self.editor = QPlainTextEdit(current)
        self.editor.setAccessibleName("Note")
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        label.setBuddy(self.editor)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(keyboard_buttons(self))
        self.editor.setFocus()
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    @staticmethod
    def get_note(parent: QWidget | None, number: int, current: str) -> str | None:
        dialog = NoteDialog(parent, number, current)
        try:
            return dialog.editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
