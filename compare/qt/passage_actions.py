"""Navigation between passages and the decisions on them (a mixin of the main window)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QInputDialog

from compare.core.diff.comparison import EQUAL
from compare.core.review.review import CUSTOM, KEEP, TAKE_BOTH, TAKE_OTHER, Decision

from .commands import DecisionCommand
from .dialogs import EditPassageDialog, ask_note
from .models import LEFT, language_label

if TYPE_CHECKING:
    from .main_window import MainWindow


class PassageActions:
    """Methods of :class:`MainWindow` that act on passages."""

    # --- where we are --------------------------------------------------------------------
    def current_passage(self: MainWindow) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def targets(self: MainWindow) -> list[int]:
        """The selected passages, or the current one."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            current = self.current_passage()
            rows = [current] if current >= 0 else []
        return rows

    def go_to(self: MainWindow, row: int, select: bool = True) -> None:
        if self.review is None or not (0 <= row < self.model.rowCount()):
            return
        if self.table.isRowHidden(row):
            self.only_differences_action.setChecked(False)
        index = self.model.index(row, LEFT)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        if select:
            self.table.selectionModel().setCurrentIndex(index, flags)
        else:
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        rect = self.table.visualRect(index)
        viewport = self.table.viewport().rect()
        if not (
            viewport.contains(rect.topLeft())
            and (rect.bottom() <= viewport.bottom() or rect.height() > viewport.height())
        ):
            hint = (
                QAbstractItemView.ScrollHint.PositionAtTop
                if rect.height() > viewport.height() // 2
                else QAbstractItemView.ScrollHint.PositionAtCenter
            )
            self.table.scrollTo(index, hint)

    def _find(self: MainWindow, start: int, step: int, unreviewed: bool = False) -> int | None:
        assert self.review is not None
        n = len(self.review.passages)
        i = start + step
        while 0 <= i < n:
            p = self.review.passages[i]
            if p.kind != EQUAL and (not unreviewed or not self.review.decision(i).reviewed):
                return i
            i += step
        return None

    def next_divergence(self: MainWindow) -> None:
        self._step(+1)

    def previous_divergence(self: MainWindow) -> None:
        self._step(-1)

    def _step(self: MainWindow, step: int, unreviewed: bool = False) -> None:
        if self.review is None:
            return
        current = self.current_passage()
        found = self._find(current, step, unreviewed)
        what = "unreviewed passage" if unreviewed else "divergence"
        if found is None:
            # wrap around once
            found = self._find(-1 if step > 0 else len(self.review.passages), step, unreviewed)
            if found is not None and found != current:
                self.statusBar().showMessage(
                    f"Wrapped around: {'first' if step > 0 else 'last'} {what}.", 4000
                )
        if found is None or (found == current and unreviewed and self.review.decision(found).reviewed):
            self.statusBar().showMessage(
                f"No {what} left." if unreviewed else "The two versions do not differ.", 4000
            )
            return
        self.go_to(found)

    def next_unreviewed(self: MainWindow) -> None:
        self._step(+1, unreviewed=True)

    def go_to_number(self: MainWindow) -> None:
        if self.review is None:
            return
        n = len(self.review.passages)
        number, ok = QInputDialog.getInt(
            self, "Go to passage", f"Passage number (1–{n}):", max(1, self.current_passage() + 1), 1, n
        )
        if ok:
            self.go_to(number - 1)

    # --- decisions -----------------------------------------------------------------------
    def _push(self: MainWindow, new: dict[int, Decision], text: str) -> None:
        if self.review is None or not new:
            return
        command = DecisionCommand(self.review, new, text, self.passages_changed)
        if command.is_noop:
            return
        self.undo_stack.push(command)

    def _label(self: MainWindow, verb: str, rows: list[int]) -> str:
        return f"{verb} (passage {rows[0] + 1})" if len(rows) == 1 else f"{verb} ({len(rows)} passages)"

    def take_side(self: MainWindow, side: str) -> None:
        rows = self.targets()
        if self.review is None or not rows:
            return
        choice = KEEP if side == self.review.base else TAKE_OTHER
        new = {i: replace(self.review.decision(i), choice=choice, text="", reviewed=True) for i in rows}
        self._push(new, self._label(f"Take {side}", rows))

    def take_left(self: MainWindow) -> None:
        self.take_side("left")

    def take_right(self: MainWindow) -> None:
        self.take_side("right")

    def keep_base(self: MainWindow) -> None:
        if self.review is not None:
            self.take_side(self.review.base)

    def take_both(self: MainWindow) -> None:
        rows = self.targets()
        if self.review is None or not rows:
            return
        new = {i: replace(self.review.decision(i), choice=TAKE_BOTH, text="", reviewed=True) for i in rows}
        self._push(new, self._label("Take both", rows))

    def edit_passage(self: MainWindow) -> None:
        row = self.current_passage()
        if self.review is None or row < 0:
            return
        args = (
            self,
            row + 1,
            self.review.side_text(row, "left"),
            self.review.side_text(row, "right"),
            self.review.passage_text(row),
        )
        c = self.review.comparison
        if c.cross_language:
            # a translation is fixed against its source: show the other side read-only above the editor
            other = self.review.other
            label = f"Source: {other} version, {language_label(c.side(other).language.code)} (read-only)"
            text = EditPassageDialog.get_text(*args, source=(label, self.review.side_text(row, other)))
        else:
            text = EditPassageDialog.get_text(*args)
        if text is None:
            return
        self.set_custom_text(row, text)

    def set_custom_text(self: MainWindow, row: int, text: str) -> None:
        assert self.review is not None
        old = self.review.decision(row)
        if text == self.review.side_text(row, self.review.base):
            new = replace(old, choice=KEEP, text="", reviewed=True)
        elif text == self.review.side_text(row, self.review.other):
            new = replace(old, choice=TAKE_OTHER, text="", reviewed=True)
        else:
            new = replace(old, choice=CUSTOM, text=text, reviewed=True)
        self._push({row: new}, self._label("Edit", [row]))

    def edit_note(self: MainWindow) -> None:
        rows = self.targets()
        if self.review is None or not rows:
            return
        current = self.review.decision(rows[0]).note
        note = ask_note(self, rows[0] + 1, current)
        if note is None:
            return
        new = {i: replace(self.review.decision(i), note=note.strip()) for i in rows}
        self._push(new, self._label("Note", rows))

    def toggle_reviewed(self: MainWindow) -> None:
        rows = self.targets()
        if self.review is None or not rows:
            return
        value = not all(self.review.decision(i).reviewed for i in rows)
        new = {i: replace(self.review.decision(i), reviewed=value) for i in rows}
        self._push(new, self._label("Mark reviewed" if value else "Mark not reviewed", rows))

    def reviewed_and_next(self: MainWindow) -> None:
        rows = self.targets()
        if self.review is None or not rows:
            return
        new = {i: replace(self.review.decision(i), reviewed=True) for i in rows}
        self._push(new, self._label("Mark reviewed", rows))
        self.table.selectionModel().setCurrentIndex(
            self.model.index(rows[-1], LEFT), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.next_unreviewed()

    def _on_current_changed(self: MainWindow, current: QModelIndex, _previous: QModelIndex) -> None:
        self._clear_focus_if_moved()
        self.update_current()
