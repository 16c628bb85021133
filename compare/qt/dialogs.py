"""Small dialogs: editing a passage by hand, a note, errors, unsaved work."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class EditPassageDialog(QDialog):
    """An editor filled with the passage's current text; the two versions shown above."""

    def __init__(self, parent: QWidget | None, number: int, left: str, right: str, current: str):
        super().__init__(parent)
        self.setWindowTitle(f"Edit passage {number}")
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        for label, text in (("Left version", left), ("Right version", right)):
            title = QLabel(f"<b>{label}</b>")
            view = QPlainTextEdit(text.strip())
            view.setReadOnly(True)
            view.setMaximumHeight(110)
            view.setAccessibleName(label)
            layout.addWidget(title)
            layout.addWidget(view)
        layout.addWidget(QLabel("<b>Text for the cleaned article</b>"))
        self.editor = QPlainTextEdit(current)
        self.editor.setAccessibleName("Text for the cleaned article")
        f = QFont(self.editor.font())
        f.setPointSizeF(f.pointSizeF() * 1.08)
        self.editor.setFont(f)
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.editor.setFocus()

    @staticmethod
    def get_text(parent: QWidget | None, number: int, left: str, right: str, current: str) -> str | None:
        dialog = EditPassageDialog(parent, number, left, right, current)
        try:
            return dialog.editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def ask_note(parent: QWidget | None, number: int, current: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, "Note", f"Note on passage {number}:", current)
    return text if ok else None


def show_error(parent: QWidget | None, message: str, title: str = "News Compare") -> None:
    QMessageBox.warning(parent, title, message)


def ask_unsaved(parent: QWidget | None, what: str = "close") -> QMessageBox.StandardButton:
    """Save / Discard / Cancel."""
    return QMessageBox.question(
        parent,
        "Unsaved review",
        f"The review has decisions that are not saved. Save them before you {what}?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_yes_no(parent: QWidget | None, title: str, message: str) -> bool:
    answer = QMessageBox.question(parent, title, message,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes
