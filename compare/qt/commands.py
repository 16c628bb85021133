"""Every change to a decision is an undo command."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand

from ..core.review import Decision, Review


class DecisionCommand(QUndoCommand):
    """Set decisions on one or more passages in one undo step."""

    def __init__(self, review: Review, new: Mapping[int, Decision], text: str,
                 notify: Callable[[list[int]], None]):
        super().__init__(text)
        self.review = review
        self.new = dict(new)
        self.old = {i: review.decision(i) for i in self.new}
        self.notify = notify

    def _apply(self, decisions: Mapping[int, Decision]) -> None:
        for i, d in decisions.items():
            self.review.set_decision(i, d)
        self.notify(sorted(decisions))

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    @property
    def is_noop(self) -> bool:
        return self.old == self.new
