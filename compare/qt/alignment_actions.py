"""Manual alignment fixes (merge with the next passage, split a passage) and the bitext export
(a mixin of the main window).

A fix rebuilds the comparison from the new beads: synchronously for small texts, in the
background (the loader's thread or child process) for large ones. Either way the result is
pushed as one :class:`~compare.qt.commands.AlignmentCommand`; what happens to decisions is
defined in :mod:`compare.core.review.realign`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare.core.align.same_language import Bead
from compare.core.analysis.analysis import Analysis
from compare.core.diff.comparison import Comparison
from compare.core.errors import CompareError
from compare.core.export.bitext import bcp47, bitext_tmx, bitext_tsv
from compare.core.io.fileio import atomic_write
from compare.core.review.realign import (
    default_split,
    merge_beads,
    merged_decisions,
    passage_beads,
    realign_arguments,
    realigned,
    split_bead,
    split_decisions,
    split_points,
)
from compare.core.review.review import CUSTOM

from .commands import AlignmentCommand
from .dialogs import LanguageCodesDialog, SplitPassageDialog, ask_yes_no, show_error
from .models import language_label

if TYPE_CHECKING:
    from .main_window import MainWindow

SYNC_LIMIT = 200_000  # characters of text (both sides) up to which a fix is rebuilt at once


class AlignmentActions:
    """Methods of :class:`MainWindow` that change the alignment or export it."""

    # --- merge and split ------------------------------------------------------------------
    def merge_with_next(self: MainWindow) -> bool:
        row = self.current_passage()
        if self.review is None or row < 0:
            return False
        try:
            beads = merge_beads(passage_beads(self.review.comparison), row)
        except ValueError as err:
            show_error(self, str(err)[0].upper() + str(err)[1:] + ".")
            return False
        return self.realign(beads, f"Merge passages {row + 1} and {row + 2}", ("merge", row))

    def split_passage(self: MainWindow, where: tuple[int, int] | None = None) -> bool:
        row = self.current_passage()
        if self.review is None or row < 0:
            return False
        try:
            beads = passage_beads(self.review.comparison)
        except ValueError as err:
            show_error(self, str(err)[0].upper() + str(err)[1:] + ".")
            return False
        points = split_points(beads[row])
        if not points:
            show_error(self, f"Passage {row + 1} has only one sentence; there is nothing to split.")
            return False
        if where is None:
            c = self.review.comparison
            left = [c.left.sentence_text(i) for i in beads[row][0]]
            right = [c.right.sentence_text(j) for j in beads[row][1]]
            labels = (
                f"Left ({language_label(c.left.language.code)})",
                f"Right ({language_label(c.right.language.code)})",
            )
            where = SplitPassageDialog.get_split(
                self, row + 1, left, right, points, default_split(beads[row]), labels
            )
            if where is None:
                return False
        if self.review.decision(row).choice == CUSTOM and not ask_yes_no(
            self,
            "Split passage",
            f"Passage {row + 1} was edited by hand; splitting it drops the edit (Undo brings it back). Split?",
        ):
            return False
        try:
            new_beads = split_bead(beads, row, *where)
        except ValueError as err:
            show_error(self, str(err)[0].upper() + str(err)[1:] + ".")
            return False
        return self.realign(new_beads, f"Split passage {row + 1}", ("split", row))

    def realign(self: MainWindow, beads: list[Bead], text: str, how: tuple[str, int] | None = None) -> bool:
        """Rebuild the comparison from ``beads`` and push it as one undo step.

        ``how`` tells how decisions carry over: ("merge", i), ("split", i), or None for an
        alignment of the same passages count (decisions kept by index) or any other (dropped).
        """
        if self.review is None:
            return False
        c = self.review.comparison
        args = realign_arguments(c)
        if len(c.left.text) + len(c.right.text) <= SYNC_LIMIT:
            try:
                rebuilt = realigned(c, beads)
            except (CompareError, ValueError) as err:
                show_error(self, f"The alignment cannot be changed that way ({err}).")
                return False
            self._push_alignment(c, rebuilt, text, how)
            return True
        self._realign_pending = (
            self.loader.start("realign", *args, list(beads), size=len(c.left.text) + len(c.right.text)),
            c,
            text,
            how,
        )
        self.statusBar().showMessage("Realigning…")
        return True

    def _realigned(self: MainWindow, generation: int, loaded: Any) -> bool:
        """A background realignment arrived; True if it was one (handled here)."""
        pending = getattr(self, "_realign_pending", None)
        if pending is None or pending[0] != generation:
            return False
        self._realign_pending = None
        _, before, text, how = pending
        if self.review is None or self.review.comparison is not before:
            self.statusBar().showMessage("The alignment changed meanwhile; the fix was not applied.", 6000)
            return True
        self._push_alignment(before, loaded.review.analysis, text, how)
        return True

    def _push_alignment(
        self: MainWindow, before: Comparison, rebuilt: Analysis, text: str, how: tuple[str, int] | None
    ) -> None:
        assert self.review is not None
        old_current = self.current_passage()
        if how is not None and how[0] == "merge":
            decisions = merged_decisions(self.review, how[1], rebuilt)
            current = how[1]
        elif how is not None and how[0] == "split":
            decisions = split_decisions(self.review, how[1])
            current = how[1]
        elif len(rebuilt.comparison.passages) == len(before.passages):
            decisions, current = self.review.decisions(), old_current
        else:
            decisions, current = {}, min(max(0, old_current), len(rebuilt.comparison.passages) - 1)
        self.undo_stack.push(
            AlignmentCommand(
                self.review, rebuilt, decisions, text, self.alignment_changed, current, old_current
            )
        )

    def alignment_changed(self: MainWindow, current: int) -> None:
        """Called by alignment commands after the comparison was replaced."""
        review = self.review
        if review is None:
            return
        self.model.set_review(review)
        self.overview.set_review(review)
        self.list_model.set_review(review)
        self.article.set_review(review)
        self.findings_panel.set_review(review)
        self.heights.invalidate()
        if 0 <= current < self.model.rowCount():
            self.go_to(current)
        self.update_progress()
        self.update_title()
        self.autosave()

    # --- bitext ---------------------------------------------------------------------------
    def export_bitext(
        self: MainWindow, path: str | None = None, languages: tuple[str, str] | None = None
    ) -> bool:
        """File ▸ Export Aligned Sentences: TMX or TSV by the file's suffix."""
        if self.review is None:
            return False
        c = self.review.comparison
        if path is None:
            stem = Path(c.left.document.name).stem
            suggestion = str(Path(self._last_folder()) / (stem + ".tmx"))
            path, chosen = self._save_file_name(
                "Export aligned sentences", suggestion, "Translation memory (*.tmx);;Tab-separated (*.tsv)"
            )
            if not path:
                return False
            if Path(path).suffix.lower() not in (".tmx", ".tsv"):
                path += ".tsv" if chosen.startswith("Tab") else ".tmx"
        if languages is None:
            codes = LanguageCodesDialog.get_codes(
                self,
                bcp47(c.left.language.code),
                bcp47(c.right.language.code),
                language_label(c.left.language.code),
                language_label(c.right.language.code),
            )
            if codes is None:
                return False
            languages = codes
        if self.may_write(path) is False:
            return False
        left_lang, right_lang = (code or None for code in languages)
        write = bitext_tsv if Path(path).suffix.lower() == ".tsv" else bitext_tmx
        try:
            atomic_write(path, write(c, left_lang, right_lang).encode("utf-8"))
        except (CompareError, OSError) as err:
            show_error(self, f"{Path(path).name} cannot be written: {getattr(err, 'strerror', None) or err}.")
            return False
        self.statusBar().showMessage(f"Exported the aligned sentences to {Path(path).name}.", 5000)
        return True

    def _save_file_name(self: MainWindow, title: str, suggestion: str, filters: str) -> tuple[str, str]:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getSaveFileName(self, title, suggestion, filters)
