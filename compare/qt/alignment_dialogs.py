"""Dialogs of the alignment fixes: where to split a passage, which sentences to link."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from compare.qt.editors import keyboard_buttons


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


class LinkSentencesDialog(QDialog):
    """Pin a sentence of the left version to a sentence of the right one (a sync point, as in
    Meld): the sentences of the passages around the current one, one list a side."""

    def __init__(
        self,
        parent: QWidget | None,
        left: Sequence[tuple[int, str]],
        right: Sequence[tuple[int, str]],
        default: tuple[int, int],
        labels: tuple[str, str] = ("Left", "Right"),
    ):
        super().__init__(parent)
        self.setWindowTitle("Link sentences")
        self.resize(900, 440)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Choose a sentence on each side: they become one passage, and the sentences "
                "around them are aligned again (Ctrl+Return links, Escape cancels)."
            )
        )
        grid = QGridLayout()
        self.lists: list[QListWidget] = []
        self.indices: list[list[int]] = []
        for col, (label, sentences, chosen) in enumerate(
            ((labels[0], left, default[0]), (labels[1], right, default[1]))
        ):
            title = QLabel(f"<b>&amp;{label}</b>" if col == 0 else f"<b>{label}</b>")
            grid.addWidget(title, 0, col)
            view = QListWidget()
            view.setAccessibleName(f"{label} sentences")
            view.setWordWrap(True)
            for i, text in sentences:
                view.addItem(f"{i + 1}. {' '.join(text.split())}")
            ids = [i for i, _ in sentences]
            view.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
            if col == 0:
                title.setBuddy(view)
            grid.addWidget(view, 1, col)
            self.lists.append(view)
            self.indices.append(ids)
        layout.addLayout(grid, 1)
        layout.addWidget(keyboard_buttons(self, "&Link"))
        self.lists[0].setFocus()

    def choice(self) -> tuple[int, int]:
        return self.indices[0][max(0, self.lists[0].currentRow())], self.indices[1][
            max(0, self.lists[1].currentRow())
        ]

    @staticmethod
    def get_link(
        parent: QWidget | None,
        left: Sequence[tuple[int, str]],
        right: Sequence[tuple[int, str]],
        default: tuple[int, int],
        labels: tuple[str, str] = ("Left", "Right"),
    ) -> tuple[int, int] | None:
        dialog = LinkSentencesDialog(parent, left, right, default, labels)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
