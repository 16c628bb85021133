"""The page the centre of the window shows while a comparison is being opened: which files, which
stage the engine is in (with its count where one is known), and Cancel (also Escape)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from compare.core.progress import ALIGNING, CHECKING, COMPARING_WORDS, READING, STAGES
from compare.qt.worker import SHOWING

_COUNTED = {READING: "files", COMPARING_WORDS: "passages", CHECKING: "checks"}


def describe(stage: str, done: int, total: int) -> str:
    """One line for a stage report, e.g. "Step 3 of 4: comparing words — 1200 of 6313 passages"."""
    if stage == SHOWING:
        return "Showing the comparison…"
    step = f"Step {STAGES.index(stage) + 1} of {len(STAGES)}: " if stage in STAGES else ""
    line = f"{step}{stage}"
    if total > 0:
        line += f" — {done} of {total} {_COUNTED.get(stage, '')}".rstrip()
    elif stage == ALIGNING:
        line += " the sentences"
    return line + "…"


class LoadingPage(QWidget):
    """Shown in place of the comparison (or the welcome text) until the load ends."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Loading")
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.stage = QLabel()
        self.stage.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stage.setAccessibleName("Loading stage")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(420)
        self.cancel = QPushButton("Cancel")
        self.cancel.setToolTip("Stop opening these files (Escape)")
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.stage)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.bar, 4)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.stages: list[str] = []  # the stages reported so far, in order (tests read them)

    def start(self, title: str) -> None:
        self.title.setText(title)
        self.stages = []
        self.show_stage(READING, 0, 0)

    def show_stage(self, stage: str, done: int, total: int) -> None:
        if not self.stages or self.stages[-1] != stage:
            self.stages.append(stage)
        self.stage.setText(describe(stage, done, total))
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # busy: no count known
