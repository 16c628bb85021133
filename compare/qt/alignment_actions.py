"""Manual alignment fixes (merge with the next passage, split a passage) and the bitext export.

A fix rebuilds the comparison from the new beads: at once for small texts, in the background
(the loader's thread or child process) for large ones. A background result is checked when it
arrives against the analysis it was started from, and dropped (with a word) if the comparison
changed meanwhile (a reload, an undo): it never replaces a newer comparison. Either way the
result is pushed as one :class:`~compare.qt.commands.AlignmentCommand`; what happens to
decisions is defined in :mod:`compare.core.review.realign`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from compare.core.align.bilingual import align_bilingual
from compare.core.align.link import link_beads, subaligner
from compare.core.align.same_language import Bead, align_same_language
from compare.core.analysis.analysis import Analysis
from compare.core.errors import CompareError
from compare.core.io.fileio import atomic_write
from compare.core.review.realign import (
    carried_decisions,
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
from compare.qt.alignment_dialogs import LinkSentencesDialog, SplitPassageDialog
from compare.qt.commands import AlignmentCommand
from compare.qt.dialogs import LanguageCodesDialog, ask_yes_no, show_error
from compare.qt.files import FileController
from compare.qt.host import Host
from compare.qt.jobs import Loaded
from compare.qt.models import language_label
from compare.qt.navigation import Navigator

SYNC_LIMIT = 200_000  # characters of text (both sides) up to which a fix is rebuilt at once


@dataclass(frozen=True)
class _Pending:
    """A realignment running in the background, and what it was started from."""

    job: int
    before: Analysis
    text: str
    how: tuple[str, int] | None


def _cross_aligner(left: Sequence[str], right: Sequence[str]) -> list[Bead]:
    return align_bilingual(list(left), list(right))


def _sentence(err: Exception) -> str:
    text = str(err)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class AlignmentController:
    """Changes the alignment of the open comparison, or exports it."""

    def __init__(self, window: Host, navigator: Navigator, files: FileController):
        self.window = window
        self.parent_widget = window.dialog_parent()
        self.navigator = navigator
        self.files = files
        self._pending: _Pending | None = None

    # --- merge and split ------------------------------------------------------------------
    def merge_with_next(self) -> bool:
        review = self.window.review
        row = self.navigator.current_passage()
        if review is None or row < 0:
            return False
        try:
            beads = merge_beads(passage_beads(review.comparison), row)
        except ValueError as err:
            show_error(self.parent_widget, _sentence(err))
            return False
        return self.realign(beads, f"Merge passages {row + 1} and {row + 2}", ("merge", row))

    def split_passage(self, where: tuple[int, int] | None = None) -> bool:
        review = self.window.review
        row = self.navigator.current_passage()
        if review is None or row < 0:
            return False
        try:
            beads = passage_beads(review.comparison)
        except ValueError as err:
            show_error(self.parent_widget, _sentence(err))
            return False
        points = split_points(beads[row])
        if not points:
            show_error(
                self.parent_widget, f"Passage {row + 1} has only one sentence; there is nothing to split."
            )
            return False
        if where is None:
            c = review.comparison
            left = [c.left.sentence_text(i) for i in beads[row][0]]
            right = [c.right.sentence_text(j) for j in beads[row][1]]
            labels = (
                f"Left ({language_label(c.left.language.code)})",
                f"Right ({language_label(c.right.language.code)})",
            )
            where = SplitPassageDialog.get_split(
                self.parent_widget, row + 1, left, right, points, default_split(beads[row]), labels
            )
            if where is None:
                return False
        if review.decision(row).choice == CUSTOM and not ask_yes_no(
            self.parent_widget,
            "Split passage",
            f"Passage {row + 1} was edited by hand; splitting it drops the edit (Undo brings it back). Split?",
        ):
            return False
        try:
            new_beads = split_bead(beads, row, *where)
        except ValueError as err:
            show_error(self.parent_widget, _sentence(err))
            return False
        return self.realign(new_beads, f"Split passage {row + 1}", ("split", row))

    def link_sentences(self, where: tuple[int, int] | None = None) -> bool:
        """Pin a left sentence to a right one (``where``: their indices; asked for when None)."""
        review = self.window.review
        row = self.navigator.current_passage()
        if review is None or row < 0:
            return False
        c = review.comparison
        try:
            beads = passage_beads(c)
        except ValueError as err:
            show_error(self.parent_widget, _sentence(err))
            return False
        if where is None:
            near = range(max(0, row - 3), min(len(beads), row + 4))
            left = [(i, c.left.sentence_text(i)) for k in near for i in beads[k][0]]
            right = [(j, c.right.sentence_text(j)) for k in near for j in beads[k][1]]
            if not left or not right:
                show_error(
                    self.parent_widget, "There are no sentences on both sides near this passage to link."
                )
                return False
            default = (
                beads[row][0][0] if beads[row][0] else left[0][0],
                beads[row][1][0] if beads[row][1] else right[0][0],
            )
            labels = (
                f"Left ({language_label(c.left.language.code)})",
                f"Right ({language_label(c.right.language.code)})",
            )
            where = LinkSentencesDialog.get_link(self.parent_widget, left, right, default, labels)
            if where is None:
                return False
        i, j = where
        lsents = [c.left.sentence_text(k) for k in range(len(c.left.segmentation.sentences))]
        rsents = [c.right.sentence_text(k) for k in range(len(c.right.segmentation.sentences))]
        aligner = _cross_aligner if c.cross_language else align_same_language
        try:
            new_beads = link_beads(beads, i, j, subaligner(lsents, rsents, aligner))
        except ValueError as err:
            show_error(self.parent_widget, _sentence(err))
            return False
        return self.realign(new_beads, f"Link left sentence {i + 1} to right sentence {j + 1}", ("link", i))

    def realign(self, beads: list[Bead], text: str, how: tuple[str, int] | None = None) -> bool:
        """Rebuild the comparison from ``beads`` and push it as one undo step.

        ``how`` tells how decisions carry over: ("merge", i), ("split", i), or None for an
        alignment of the same passage count (decisions kept by index) or any other (dropped).
        """
        review = self.window.review
        if review is None:
            return False
        if self.window.checking:
            # the rebuilt comparison would be checked, and undoing it would bring back this one
            # without the findings that are on their way
            self.window.statusBar().showMessage(
                "The alignment can be changed once the checks of this comparison are done.", 6000
            )
            return False
        before = review.analysis
        c = before.comparison
        size = len(c.left.text) + len(c.right.text)
        if size <= SYNC_LIMIT:
            try:
                rebuilt = realigned(c, beads, before.glossary)
            except (CompareError, ValueError) as err:
                show_error(self.parent_widget, f"The alignment cannot be changed that way ({err}).")
                return False
            self._push(before, rebuilt, text, how)
            return True
        job = self.window.loader.start(
            "realign", *realign_arguments(c), list(beads), before.glossary, size=size
        )
        self._pending = _Pending(job, before, text, how)
        self.window.statusBar().showMessage("Realigning…")
        return True

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def job_finished(self, job: int, loaded: Loaded) -> None:
        """A background job finished: if it is this controller's realignment, apply it, unless the
        comparison changed since it started."""
        pending = self._pending
        if pending is None or pending.job != job:
            return
        self._pending = None
        review = self.window.review
        if review is None or review.analysis is not pending.before:
            self.window.statusBar().showMessage(
                "The comparison changed meanwhile; the alignment fix was not applied.", 6000
            )
            return
        self._push(pending.before, loaded.review.analysis, pending.text, pending.how)

    def job_failed(self, job: int, message: str) -> bool:
        """True if the failed job was this controller's (it says why)."""
        if self._pending is None or self._pending.job != job:
            return False
        self._pending = None
        show_error(self.parent_widget, f"The alignment cannot be changed that way ({message.rstrip('.')}).")
        return True

    def _push(self, before: Analysis, rebuilt: Analysis, text: str, how: tuple[str, int] | None) -> None:
        review = self.window.review
        assert review is not None
        old_current = self.navigator.current_passage()
        if how is not None and how[0] == "merge":
            decisions, current = merged_decisions(review, how[1], rebuilt), how[1]
        elif how is not None and how[0] == "split":
            decisions, current = split_decisions(review, how[1]), how[1]
        elif how is not None and how[0] == "link":  # decisions stay on passages that read the same
            decisions = carried_decisions(review, rebuilt)
            current = next(
                (p.index for p in rebuilt.comparison.passages if how[1] in p.left_segments), old_current
            )
        elif len(rebuilt.comparison.passages) == len(before.comparison.passages):
            decisions, current = review.decisions(), old_current
        else:
            decisions = carried_decisions(review, rebuilt)
            current = min(max(0, old_current), len(rebuilt.comparison.passages) - 1)
        self.window.undo_stack.push(
            AlignmentCommand(
                review, rebuilt, decisions, text, self.window.alignment_changed, current, old_current
            )
        )

    # --- bitext ---------------------------------------------------------------------------
    def export_bitext(self, path: str | None = None, languages: tuple[str, str] | None = None) -> bool:
        """File ▸ Export Aligned Sentences: TMX or TSV by the file's suffix."""
        # here, not at start-up: its XML escaping imports urllib (25 ms)
        from compare.core.export.bitext import bcp47, bitext_tmx, bitext_tsv

        review = self.window.review
        if review is None:
            return False
        c = review.comparison
        if path is None:
            suggestion = str(Path(self.files.last_folder()) / (Path(c.left.document.name).stem + ".tmx"))
            path, chosen = QFileDialog.getSaveFileName(
                self.parent_widget,
                "Export aligned sentences",
                suggestion,
                "Translation memory (*.tmx);;Tab-separated (*.tsv)",
            )
            if not path:
                return False
            if Path(path).suffix.lower() not in (".tmx", ".tsv"):
                path += ".tsv" if chosen.startswith("Tab") else ".tmx"
        if languages is None:
            codes = LanguageCodesDialog.get_codes(
                self.parent_widget,
                bcp47(c.left.language.code),
                bcp47(c.right.language.code),
                language_label(c.left.language.code),
                language_label(c.right.language.code),
            )
            if codes is None:
                return False
            languages = codes
        if self.files.may_write(path) is False:
            return False
        left_lang, right_lang = (code or None for code in languages)
        write = bitext_tsv if Path(path).suffix.lower() == ".tsv" else bitext_tmx
        try:
            atomic_write(path, write(c, left_lang, right_lang).encode("utf-8"))
        except CompareError as err:
            show_error(self.parent_widget, str(err))
            return False
        self.window.statusBar().showMessage(f"Exported the aligned sentences to {Path(path).name}.", 5000)
        return True
