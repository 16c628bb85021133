"""The decisions on passages: take a side, both, edit by hand, note, mark reviewed. Every change
is one undo command; what a decision means is :class:`compare.core.review.review.Review`'s."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel

from compare.core.review.review import TAKE_BOTH, Decision
from compare.qt.commands import DecisionCommand
from compare.qt.editors import EditPassageDialog, NoteDialog
from compare.qt.host import Host
from compare.qt.models import LEFT, language_label
from compare.qt.navigation import Navigator


def _label(verb: str, rows: list[int]) -> str:
    return f"{verb} (passage {rows[0] + 1})" if len(rows) == 1 else f"{verb} ({len(rows)} passages)"


class DecisionController:
    """Turns the user's choices on the current (or selected) passages into undo commands."""

    def __init__(self, window: Host, navigator: Navigator):
        self.window = window
        self.parent_widget = window.dialog_parent()
        self.navigator = navigator

    def push(self, new: dict[int, Decision], text: str) -> None:
        """Set ``new`` decisions as one undo step (nothing when they change nothing)."""
        review = self.window.review
        if review is None or not new:
            return
        command = DecisionCommand(review, new, text, self.window.passages_changed)
        if not command.is_noop:
            self.window.undo_stack.push(command)

    def take_side(self, side: str) -> None:
        review = self.window.review
        rows = self.navigator.targets()
        if review is None or not rows:
            return
        new = {i: replace(review.side_decision(i, side, review.decision(i)), reviewed=True) for i in rows}
        self.push(new, _label(f"Take {side}", rows))

    def take_left(self) -> None:
        self.take_side("left")

    def take_right(self) -> None:
        self.take_side("right")

    def keep_base(self) -> None:
        if self.window.review is not None:
            self.take_side(self.window.review.base)

    def take_both(self) -> None:
        review = self.window.review
        rows = self.navigator.targets()
        if review is None or not rows:
            return
        new = {i: replace(review.decision(i), choice=TAKE_BOTH, text="", reviewed=True) for i in rows}
        self.push(new, _label("Take both", rows))

    def edit_passage(self) -> None:
        review = self.window.review
        row = self.navigator.current_passage()
        if review is None or row < 0:
            return
        args = (
            self.parent_widget,
            row + 1,
            review.side_text(row, "left"),
            review.side_text(row, "right"),
            review.passage_text(row),
        )
        c = review.comparison
        if c.cross_language:
            # a translation is fixed against its source: the other side read-only above the editor
            other = review.other
            label = f"Source: {other} version, {language_label(c.side(other).language.code)} (read-only)"
            text = EditPassageDialog.get_text(*args, source=(label, review.side_text(row, other)))
        else:
            text = EditPassageDialog.get_text(*args)
        if text is not None:
            self.set_custom_text(row, text)

    def set_custom_text(self, row: int, text: str) -> None:
        review = self.window.review
        assert review is not None
        new = replace(review.decision_for_text(row, text, review.decision(row)), reviewed=True)
        self.push({row: new}, _label("Edit", [row]))

    def edit_note(self, quote: str | None = None) -> None:
        """A note on the current (or selected) passages; ``quote``: words to start it with."""
        review = self.window.review
        rows = self.navigator.targets()
        if review is None or not rows:
            return
        current = review.decision(rows[0]).note
        if quote:
            current = (current + "\n" if current else "") + f"“{' '.join(quote.split())}”: "
        note = NoteDialog.get_note(self.parent_widget, rows[0] + 1, current)
        if note is not None:
            self.push({i: replace(review.decision(i), note=note.strip()) for i in rows}, _label("Note", rows))

    def toggle_reviewed(self) -> None:
        review = self.window.review
        rows = self.navigator.targets()
        if review is None or not rows:
            return
        value = not all(review.decision(i).reviewed for i in rows)
        new = {i: replace(review.decision(i), reviewed=value) for i in rows}
        self.push(new, _label("Mark reviewed" if value else "Mark not reviewed", rows))

    def reviewed_and_next(self) -> None:
        review = self.window.review
        rows = self.navigator.targets()
        if review is None or not rows:
            return
        self.push(
            {i: replace(review.decision(i), reviewed=True) for i in rows}, _label("Mark reviewed", rows)
        )
        views = self.window.views
        views.table.selectionModel().setCurrentIndex(
            views.model.index(rows[-1], LEFT), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.navigator.next_unreviewed()
