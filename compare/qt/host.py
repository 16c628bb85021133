"""What the window's controllers may use of the main window, declared as a protocol so that they
never import the main window (which creates them): the open review, the undo stack, the views,
the actions, the background loader, and a few ways of telling the window what happened."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStatusBar, QWidget

from compare.core.analysis.analysis import Analysis
from compare.core.diff.comparison import Comparison
from compare.core.review.review import Review
from compare.qt.actions import Actions
from compare.qt.views import Views
from compare.qt.worker import Loader


class Host(Protocol):
    review: Review | None
    undo_stack: QUndoStack
    views: Views
    commands: Actions
    loader: Loader

    @property
    def checking(self) -> bool: ...

    def dialog_parent(self) -> QWidget: ...

    def statusBar(self) -> QStatusBar: ...

    def input_paths(self) -> tuple[str | None, str | None]: ...

    def update_title(self) -> None: ...

    def summary(self) -> str: ...

    def install(self, review: Review, view: dict[str, Any]) -> None: ...

    def apply_checks(self, analysis: Analysis) -> None: ...

    def apply_words(self, comparison: Comparison) -> None: ...

    def passages_in_view(self, count: int) -> range: ...

    def show_loading(self, title: str) -> None: ...

    def hide_loading(self) -> None: ...

    def passages_changed(self, indices: list[int]) -> None: ...

    def alignment_changed(self, current: int) -> None: ...
