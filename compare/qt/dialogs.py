"""Small dialogs: errors, questions, unsaved work, previews of fixes, language codes, recovery."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


def show_error(parent: QWidget | None, message: str, title: str = "News Compare") -> None:
    QMessageBox.warning(parent, title, message)


def ask_unsaved(parent: QWidget | None, what: str = "close") -> QMessageBox.StandardButton:
    """Save / Discard / Cancel."""
    return QMessageBox.question(
        parent,
        "Unsaved review",
        f"The review has decisions that are not saved. Save them before you {what}?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_yes_no(parent: QWidget | None, title: str, message: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


class PreviewFixesDialog(QDialog):
    """The suggestions about to be applied, before → after, to confirm or cancel."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        rows: Sequence[tuple[int, str, str, str]],
        skipped: Sequence[str] = (),
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"{len(rows)} change{'s' if len(rows) != 1 else ''} to the cleaned article, "
                "as one step (Undo takes them all back):"
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Changes")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for number, before, after, how in rows:
            self.list.addItem(f"Passage {number} ({how}):\n    {before}\n →  {after}")
        layout.addWidget(self.list, 1)
        if skipped:
            note = QLabel("Not applied: " + " ".join(skipped))
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Apply")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def confirm(
        parent: QWidget | None,
        title: str,
        rows: Sequence[tuple[int, str, str, str]],
        skipped: Sequence[str] = (),
    ) -> bool:
        dialog = PreviewFixesDialog(parent, title, rows, skipped)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class LanguageCodesDialog(QDialog):
    """The language codes for a bitext export, prefilled with the detected ones."""

    def __init__(self, parent: QWidget | None, left: str, right: str, left_name: str, right_name: str):
        super().__init__(parent)
        self.setWindowTitle("Languages of the aligned sentences")
        form = QFormLayout(self)
        form.addRow(QLabel("Language codes (BCP 47, e.g. fr, en-GB) written into the file:"))
        self.left_edit = QLineEdit(left)
        self.left_edit.setAccessibleName("Left language code")
        self.right_edit = QLineEdit(right)
        self.right_edit.setAccessibleName("Right language code")
        form.addRow(f"Left ({left_name}):", self.left_edit)
        form.addRow(f"Right ({right_name}):", self.right_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def codes(self) -> tuple[str, str]:
        return self.left_edit.text().strip(), self.right_edit.text().strip()

    @staticmethod
    def get_codes(
        parent: QWidget | None, left: str, right: str, left_name: str, right_name: str
    ) -> tuple[str, str] | None:
        dialog = LanguageCodesDialog(parent, left, right, left_name, right_name)
        try:
            return dialog.codes() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class RecoveryDialog(QDialog):
    """Reviews left by windows that did not close properly: restore or discard each, or decide
    later (they are offered again at the next start). Nothing is discarded without asking."""

    RESTORE, LATER = "restore", "later"

    def __init__(self, parent: QWidget | None, labels: Sequence[str], discard: Callable[[int], bool]):
        super().__init__(parent)
        self.setWindowTitle("Restore reviews")
        self.resize(720, 320)
        self._discard = discard
        self._alive = list(range(len(labels)))  # positions in the caller's list, of rows still shown
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "News Compare did not close properly last time. These reviews have "
                "changes that were not saved:"
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Unsaved reviews")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for label in labels:
            self.list.addItem(label)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton("&Discard…", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = buttons.addButton("Decide &Later", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.accept)
        self.later_button.clicked.connect(self.reject)
        self.discard_button.clicked.connect(self._discard_selected)
        layout.addWidget(buttons)

    def selected(self) -> list[int]:
        rows = sorted({self.list.row(item) for item in self.list.selectedItems()})
        return [self._alive[r] for r in rows]

    def _discard_selected(self) -> None:
        rows = sorted({self.list.row(item) for item in self.list.selectedItems()}, reverse=True)
        if not rows:
            return
        n = len(rows)
        if not ask_yes_no(
            self,
            "Discard reviews",
            f"Discard {'this review' if n == 1 else f'these {n} reviews'}? "
            "The decisions in it are lost for good.",
        ):
            return
        for r in rows:
            if self._discard(self._alive[r]):
                self.list.takeItem(r)
                del self._alive[r]
        if not self._alive:
            self.reject()

    @staticmethod
    def choose(parent: QWidget | None, labels: Sequence[str], discard: Callable[[int], bool]) -> list[int]:
        """The positions (in ``labels``) of the reviews to restore; [] to restore none now."""
        dialog = RecoveryDialog(parent, labels, discard)
        try:
            return dialog.selected() if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            dialog.deleteLater()
