"""File ▸ Open: a Left and a Right slot for the two versions (the right one is the version being
cleaned), a Swap button, and a way to open a saved review instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from compare.qt.editors import keyboard_buttons

ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.text *.docx *.html *.htm);;All files (*)"
REVIEW_FILTER = "News Compare review (*.ncreview);;All files (*)"


class OpenPairDialog(QDialog):
    """Choose the two versions; Enter opens them, Escape cancels."""

    def __init__(self, parent: QWidget | None, folder: str, left: str = "", right: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Open two versions")
        self.resize(720, 200)
        self.folder = folder
        self.review_path: str | None = None
        form = QFormLayout(self)
        form.addRow(QLabel("The right version is the one the cleaned article starts from."))
        self.left = self._slot(form, "&Left version:", left)
        self.right = self._slot(form, "&Right version:", right)
        swap = QPushButton("S&wap")
        swap.setToolTip("Exchange the left and right versions")
        swap.clicked.connect(self.swap)
        review = QPushButton("Open a Saved Re&view…")
        review.clicked.connect(self._open_review)
        row = QHBoxLayout()
        row.addWidget(swap)
        row.addStretch(1)
        row.addWidget(review)
        form.addRow(row)
        self.buttons = keyboard_buttons(self, "&Open")
        form.addRow(self.buttons)
        for edit in (self.left, self.right):
            edit.textChanged.connect(self._check)
        self._check()
        (self.right if left and not right else self.left).setFocus()

    def _slot(self, form: QFormLayout, label: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(label.replace("&", "").rstrip(":"))
        edit.setPlaceholderText("a .txt, .md, .docx or .html file")
        browse = QPushButton("Browse…")
        browse.clicked.connect(lambda: self._browse(edit))
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        form.addRow(label, row)
        label_widget = form.labelForField(row)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(edit)
        return edit

    def _browse(self, edit: QLineEdit) -> None:
        start = str(Path(edit.text()).parent) if edit.text() else self.folder
        path, _ = QFileDialog.getOpenFileName(self, "Choose a version", start, ARTICLE_FILTER)
        if path:
            edit.setText(path)
            self.folder = str(Path(path).parent)

    def _open_review(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a saved review", self.folder, REVIEW_FILTER)
        if path:
            self.review_path = path
            self.accept()

    def swap(self) -> None:
        a, b = self.left.text(), self.right.text()
        self.left.setText(b)
        self.right.setText(a)

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.left.text().strip() and self.right.text().strip()))

    def accept(self) -> None:
        if self.review_path is None and not (self.left.text().strip() and self.right.text().strip()):
            return
        super().accept()

    def paths(self) -> list[str]:
        if self.review_path is not None:
            return [self.review_path]
        return [self.left.text().strip(), self.right.text().strip()]

    @staticmethod
    def get_paths(parent: QWidget | None, folder: str, left: str = "", right: str = "") -> list[str] | None:
        """[left, right], or [review], or None when cancelled."""
        dialog = OpenPairDialog(parent, folder, left, right)
        try:
            return dialog.paths() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
