"""Small dialogs: editing a passage by hand, a note, errors, unsaved work."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
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


def keyboard_buttons(dialog: QDialog, ok_text: str = "&OK") -> QDialogButtonBox:
    """OK and Cancel with mnemonics (Alt+O, Alt+C: without them Alt+O types an "o" in the editor),
    and Ctrl+Return to accept from anywhere in the dialog, also from inside a multi-line editor
    (where Return starts a new line)."""
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


class SplitPassageDialog(QDialog):
    """Choose where a passage is cut: the last sentence of the first part, on each side."""

    NONE = "(none: the first part has nothing from this side)"

    def __init__(
        self,
        parent: QWidget | None,
        number: int,
        left: Sequence[str],
        right: Sequence[str],
        points: Sequence[tuple[int, int]],
        default: tuple[int, int],
        labels: tuple[str, str] = ("Left", "Right"),
    ):
        super().__init__(parent)
        self.setWindowTitle(f"Split passage {number}")
        self.resize(860, 420)
        self.points = set(points)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Select the last sentence of the first part on each side; the rest becomes the next passage."
            )
        )
        grid = QGridLayout()
        self.lists: list[QListWidget] = []
        for col, (label, sentences, k) in enumerate(
            ((labels[0], left, default[0]), (labels[1], right, default[1]))
        ):
            grid.addWidget(QLabel(f"<b>{label}</b>"), 0, col)
            view = QListWidget()
            view.setAccessibleName(f"{label} sentences")
            view.setWordWrap(True)
            view.addItem(self.NONE)
            for i, sentence in enumerate(sentences):
                view.addItem(f"{i + 1}. {' '.join(sentence.split())}")
            view.setCurrentRow(k)
            view.currentRowChanged.connect(lambda *_: self._check())
            grid.addWidget(view, 1, col)
            self.lists.append(view)
        layout.addLayout(grid, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Split")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def choice(self) -> tuple[int, int]:
        return max(0, self.lists[0].currentRow()), max(0, self.lists[1].currentRow())

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.choice() in self.points)

    @staticmethod
    def get_split(
        parent: QWidget | None,
        number: int,
        left: Sequence[str],
        right: Sequence[str],
        points: Sequence[tuple[int, int]],
        default: tuple[int, int],
        labels: tuple[str, str] = ("Left", "Right"),
    ) -> tuple[int, int] | None:
        dialog = SplitPassageDialog(parent, number, left, right, points, default, labels)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
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
