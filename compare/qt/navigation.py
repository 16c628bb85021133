"""Where the reader is: the current passage, moving between divergences, the scroll position
that a saved review restores, and hiding identical passages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QInputDialog

from compare.core.diff.comparison import EQUAL
from compare.qt.filtering import Criteria, shown
from compare.qt.host import Host
from compare.qt.models import LEFT, PASSAGE_ROLE


class Navigator:
    """Moves the current passage of the comparison table and remembers where the view is."""

    def __init__(self, window: Host):
        self.window = window
        self.parent_widget = window.dialog_parent()
        self.views = window.views
        self._scroll_target: tuple[int, int] | None = (
            None  # (row, offset) to scroll to once heights are known
        )

    # --- where we are --------------------------------------------------------------------
    def current_passage(self) -> int:
        index = self.views.table.currentIndex()
        return index.row() if index.isValid() else -1

    def targets(self) -> list[int]:
        """The selected passages, or the current one."""
        rows = sorted({i.row() for i in self.views.table.selectionModel().selectedRows()})
        if not rows:
            current = self.current_passage()
            rows = [current] if current >= 0 else []
        return rows

    def go_to(self, row: int, select: bool = True) -> None:
        table, model = self.views.table, self.views.model
        if self.window.review is None or not (0 <= row < model.rowCount()):
            return
        if table.isRowHidden(row):  # asked for a hidden passage: show everything
            self.views.filter_bar.hide()
            only = self.window.commands.only_differences
            only.blockSignals(True)
            only.setChecked(False)
            only.blockSignals(False)
            self.apply_filter(keep_current=False)
        index = model.index(row, LEFT)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        table.selectionModel().setCurrentIndex(
            index, flags if select else QItemSelectionModel.SelectionFlag.NoUpdate
        )
        rect = table.visualRect(index)
        viewport = table.viewport().rect()
        fits = rect.bottom() <= viewport.bottom() or rect.height() > viewport.height()
        if not (viewport.contains(rect.topLeft()) and fits):
            tall = rect.height() > viewport.height() // 2
            hint = (
                QAbstractItemView.ScrollHint.PositionAtTop
                if tall
                else QAbstractItemView.ScrollHint.PositionAtCenter
            )
            table.scrollTo(index, hint)

    def _find(self, start: int, step: int, unreviewed: bool = False) -> int | None:
        review = self.window.review
        assert review is not None
        i = start + step
        while 0 <= i < len(review.passages):
            if review.passages[i].kind != EQUAL and (not unreviewed or not review.decision(i).reviewed):
                return i
            i += step
        return None

    def next_divergence(self) -> None:
        self._step(+1)

    def previous_divergence(self) -> None:
        self._step(-1)

    def next_unreviewed(self) -> None:
        self._step(+1, unreviewed=True)

    def _step(self, step: int, unreviewed: bool = False) -> None:
        review = self.window.review
        if review is None:
            return
        status = self.window.statusBar()
        current = self.current_passage()
        found = self._find(current, step, unreviewed)
        what = "unreviewed passage" if unreviewed else "divergence"
        if found is None:  # wrap around once
            found = self._find(-1 if step > 0 else len(review.passages), step, unreviewed)
            if found is not None and found != current:
                status.showMessage(f"Wrapped around: {'first' if step > 0 else 'last'} {what}.", 4000)
        if found is None or (found == current and unreviewed and review.decision(found).reviewed):
            status.showMessage(f"No {what} left." if unreviewed else "The two versions do not differ.", 4000)
            return
        self.go_to(found)

    def go_to_number(self) -> None:
        review = self.window.review
        if review is None:
            return
        n = len(review.passages)
        number, ok = QInputDialog.getInt(
            self.parent_widget,
            "Go to passage",
            f"Passage number (1–{n}):",
            max(1, self.current_passage() + 1),
            1,
            n,
        )
        if ok:
            self.go_to(number - 1)

    def list_clicked(self, index: QModelIndex) -> None:
        passage = self.views.list_model.data(index, PASSAGE_ROLE)
        if isinstance(passage, int):
            self.go_to(passage)
            self.views.table.setFocus()

    # --- what is shown ---------------------------------------------------------------------
    def set_only_differences(self, _on: bool = False) -> None:
        self.apply_filter()

    def apply_filter(self, keep_current: bool = True) -> None:
        """Hide the passages that "Show Only Differences" and the filter bar leave out, say how
        many, and (``keep_current``) keep the current passage a shown one, in view."""
        review = self.window.review
        if review is None:
            return
        criteria = self.views.filter_bar.criteria(self.window.commands.only_differences.isChecked())
        table, by_passage = self.views.table, self.views.model.findings
        hidden = 0
        # nothing to hide and nothing hidden (a review just installed): no pass over the rows,
        # which on a megabyte pair is 6,000 passages tested in the turn that shows them
        if criteria != Criteria() or table.verticalHeader().hiddenSectionCount():
            table.setUpdatesEnabled(False)
            for p in review.passages:
                hide = not shown(review, p.index, criteria, by_passage)
                hidden += hide
                if table.isRowHidden(p.index) != hide:
                    table.setRowHidden(p.index, hide)
            table.setUpdatesEnabled(True)
        n = len(review.passages)
        text = f"{hidden} of {n} passages hidden" if hidden else ""
        self.views.filter_bar.hidden.setText(text or f"all {n} passages shown")
        if hidden:
            self.window.statusBar().showMessage(f"Showing {n - hidden} of {n} passages; {text}.", 5000)
        current = self.current_passage()
        if not keep_current:
            return
        if current >= 0 and table.isRowHidden(current):
            first = next((i for i in range(n) if not table.isRowHidden(i)), -1)
            if first >= 0:
                self.go_to(first)
        elif current >= 0:
            self.go_to(current)

    def passages_in_view(self, count: int) -> range:
        """``count`` passages from the first one in view (or the current one) on."""
        table = self.views.table
        top = table.rowAt(0)
        if top < 0:
            top = max(0, self.current_passage())
        return range(top, min(self.views.model.rowCount(), top + count))

    def shown_rows(self) -> int:
        table = self.views.table
        return sum(1 for i in range(self.views.model.rowCount()) if not table.isRowHidden(i))

    def update_overview(self) -> None:
        if self.window.review is None:
            return
        table = self.views.table
        top = table.rowAt(0)
        bottom = table.rowAt(table.viewport().height() - 1)
        n = self.views.model.rowCount()
        self.views.overview.set_view(max(0, top), bottom if bottom >= 0 else n - 1, self.current_passage())

    # --- saved view ------------------------------------------------------------------------
    def view_state(self) -> dict[str, Any]:
        table = self.views.table
        top = table.rowAt(0)
        return {
            "current": self.current_passage(),
            "top": top,
            "top_offset": -table.rowViewportPosition(top) if top >= 0 else 0,
            "scroll": table.verticalScrollBar().value(),
            "only_differences": self.window.commands.only_differences.isChecked(),
        }

    def restore_view(self, view: dict[str, Any]) -> None:
        table, model = self.views.table, self.views.model
        review = self.window.review
        current, top = view.get("current"), view.get("top")
        selection = table.selectionModel()
        if isinstance(current, int) and 0 <= current < model.rowCount():
            selection.setCurrentIndex(
                model.index(current, LEFT),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif model.rowCount():
            first = next((p.index for p in review.passages if p.kind != EQUAL), 0) if review else 0
            selection.setCurrentIndex(
                model.index(first, LEFT),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )  # current and shown as such
        if isinstance(top, int) and 0 <= top < model.rowCount():
            self._scroll_target = (top, int(view.get("top_offset") or 0))
            self.apply_scroll_target()  # now (estimated heights), and again once every row is measured
        else:
            table.scrollToTop()

    def apply_scroll_target(self) -> None:
        if self._scroll_target is None or self.window.review is None:
            return
        row, offset = self._scroll_target
        table = self.views.table
        table.verticalScrollBar().setValue(table.verticalHeader().sectionPosition(row) + offset)
        if self.views.heights.done:  # the last time: the current passage must be in view
            self._scroll_target = None
            current = self.current_passage()
            if current >= 0:
                rect = table.visualRect(self.views.model.index(current, LEFT))
                if not table.viewport().rect().intersects(rect):
                    table.scrollTo(
                        self.views.model.index(current, LEFT), QAbstractItemView.ScrollHint.PositionAtCenter
                    )
