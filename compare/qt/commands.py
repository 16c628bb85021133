"""Every change to a decision, or to the alignment, is an undo command."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand

from compare.core.analysis.analysis import Analysis
from compare.core.review.review import Decision, FindingKey, Review


class DecisionCommand(QUndoCommand):
    """Set decisions on one or more passages in one undo step."""

    def __init__(
        self, review: Review, new: Mapping[int, Decision], text: str, notify: Callable[[list[int]], None]
    ):
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


class AlignmentCommand(QUndoCommand):
    """Replace the alignment (merge or split passages): the comparison and every decision
    change together, and undo puts back the previous comparison and decisions exactly."""

    def __init__(
        self,
        review: Review,
        analysis: Analysis,
        decisions: Mapping[int, Decision],
        text: str,
        notify: Callable[[int], None],
        current: int,
        old_current: int,
    ):
        super().__init__(text)
        self.review = review
        self.old = (review.analysis, review.decisions(), old_current)
        self.new = (analysis, dict(decisions), current)
        self.notify = notify

    def _install(self, state: tuple[Analysis, dict[int, Decision], int]) -> None:
        analysis, decisions, current = state
        for i in list(self.review.decisions()):
            self.review.set_decision(i, Decision())
        self.review.analysis = analysis
        for i, d in decisions.items():
            self.review.set_decision(i, d)
        self.notify(current)

    def redo(self) -> None:
        self._install(self.new)

    def undo(self) -> None:
        self._install(self.old)


class DismissCommand(QUndoCommand):
    """Mark findings "not an error" (or bring them back) in one undo step."""

    def __init__(
        self, review: Review, keys: list[FindingKey], dismissed: bool, text: str, notify: Callable[[], None]
    ):
        super().__init__(text)
        self.review = review
        self.keys = list(keys)
        self.dismissed = dismissed
        self.before = {key: key in review.dismissed() for key in self.keys}
        self.notify = notify

    def redo(self) -> None:
        for key in self.keys:
            self.review.set_dismissed(key, self.dismissed)
        self.notify()

    def undo(self) -> None:
        for key, was in self.before.items():
            self.review.set_dismissed(key, was)
        self.notify()
