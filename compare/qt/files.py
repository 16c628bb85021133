"""Saving and exporting: the review file, the cleaned article, the change report, and the
recovery file written after every change. Nothing is written over an input (or the open review)
unless the user confirms it; nothing unsaved is dropped without asking."""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from compare.core.errors import CompareError
from compare.core.io.fileio import ProtectedOutput, guard_output
from compare.core.review.session import review_to_json, save_session
from compare.qt import settings as app_settings
from compare.qt.dialogs import ask_unsaved, ask_yes_no, show_error
from compare.qt.host import Host
from compare.qt.navigation import Navigator
from compare.qt.recovery import RecoveryWriter

SESSION_FILTER = "News Compare review (*.ncreview);;All files (*)"
ARTICLE_FILTER = "Plain text (*.txt);;Markdown (*.md);;Web page (*.html);;Word document (*.docx);;PDF (*.pdf)"
_SUFFIX_OF_FILTER = {"Markdown": ".md", "Web page": ".html", "Word document": ".docx", "PDF": ".pdf"}


class FileController(QObject):
    """The review's file on disk, its exports, and its crash-recovery copy."""

    recovery_result = Signal(object)  # None: the recovery file is written; str: why it is not
    RECOVERY_RETRY_MS = 5000

    def __init__(self, window: Host, navigator: Navigator):
        super().__init__(window.dialog_parent())
        self.window = window
        self.parent_widget = window.dialog_parent()
        self.navigator = navigator
        self.session_path: str | None = None  # the review file the window has open
        self.force_dirty = False  # unsaved work the undo stack does not know of (restored, carried over)
        self.recovery = RecoveryWriter(on_result=self.recovery_result.emit)
        self.recovery_result.connect(self._recovery_written)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(self.RECOVERY_RETRY_MS)
        self.retry.timeout.connect(self.autosave)
        self.closing = False

    # --- state ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.window.review is not None and (self.force_dirty or not self.window.undo_stack.isClean())

    def last_folder(self) -> str:
        for p in (self.session_path, *self.window.input_paths()):
            if p:
                return str(Path(p).parent)
        return str(Path.home())

    def confirm_discard(self, what: str) -> bool:
        """Ask before unsaved decisions are lost; True to go on."""
        if not self.dirty:
            return True
        answer = ask_unsaved(self.parent_widget, what)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_review()
        return answer == QMessageBox.StandardButton.Discard

    def may_write(self, path: str, *, review_too: bool = True) -> bool | None:
        """Whether ``path`` may be written: False if it is an input (or the open review) and the
        user does not confirm replacing it, else whether it needs force (True) or not (None)."""
        left, right = self.window.input_paths()
        protected = [("the left version being compared", left), ("the right version being compared", right)]
        if review_too and self.session_path:
            protected.append(("the review you have open", self.session_path))
        try:
            guard_output(path, protected)
        except ProtectedOutput as err:
            return bool(ask_yes_no(self.parent_widget, "Replace file", f"{err} Replace it anyway?"))
        return None

    # --- the review file -------------------------------------------------------------------
    def save_review(self) -> bool:
        if self.window.review is None:
            return False
        if not self.session_path:
            return self.save_review_as()
        return self.save_review_to(self.session_path)

    def save_review_as(self) -> bool:
        review = self.window.review
        if review is None:
            return False
        base = review.comparison.side(review.base).document
        suggestion = str(Path(self.last_folder()) / (Path(base.name).stem + ".ncreview"))
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Save review", suggestion, SESSION_FILTER)
        return bool(path) and self.save_review_to(path)

    def save_review_to(self, path: str) -> bool:
        review = self.window.review
        assert review is not None
        if self.may_write(path, review_too=False) is False:
            return False
        try:
            save_session(path, review, self.navigator.view_state())
        except CompareError as err:
            show_error(self.parent_widget, str(err))
            return False
        self.session_path = path
        self.window.undo_stack.setClean()
        self.force_dirty = False
        self.recovery.remove()
        app_settings.add_recent([path])
        self.window.update_title()
        self.window.statusBar().showMessage(f"Saved the review to {Path(path).name}.", 5000)
        return True

    # --- exports -------------------------------------------------------------------------
    def export_article(self, path: str | None = None, fmt: str | None = None) -> bool:
        review = self.window.review
        if review is None:
            return False
        if path is None:
            base = review.comparison.side(review.base).document
            name = Path(base.name).stem + ".clean" + (Path(base.name).suffix or ".txt")
            path, chosen = QFileDialog.getSaveFileName(
                self.parent_widget,
                "Export cleaned article",
                str(Path(self.last_folder()) / name),
                ARTICLE_FILTER,
            )
            if not path:
                return False
            if not Path(path).suffix:
                path += _SUFFIX_OF_FILTER.get(chosen.split(" (")[0], ".txt")
        force = self.may_write(path)
        if force is False:
            return False
        if (fmt or Path(path).suffix.lower().lstrip(".")) == "pdf":
            return self._pdf(path, "article", "the cleaned article")
        from compare.core.export.article import export_article

        try:
            used = export_article(review, path, fmt, force=bool(force))
        except CompareError as err:
            show_error(self.parent_widget, str(err))
            return False
        self.window.statusBar().showMessage(
            f"Exported the cleaned article to {Path(path).name} ({used}).", 5000
        )
        return True

    def export_redline(self, path: str | None = None) -> bool:
        """The Word document with tracked changes from the base to the cleaned article."""
        review = self.window.review
        if review is None:
            return False
        if path is None:
            base = review.comparison.side(review.base).document
            path, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                "Export Word document with tracked changes",
                str(Path(self.last_folder()) / (Path(base.name).stem + ".redline.docx")),
                "Word document (*.docx)",
            )
            if not path:
                return False
            if not Path(path).suffix:
                path += ".docx"
        force = self.may_write(path)
        if force is False:
            return False
        date = None  # now: the review as it is shown
        if self.session_path and not self.dirty:  # a saved review: when it was saved
            with contextlib.suppress(OSError):
                date = datetime.fromtimestamp(os.stat(self.session_path).st_mtime, UTC)
        from compare.core.export.redline import export_redline

        try:
            export_redline(review, path, date=date, force=bool(force))
        except CompareError as err:
            show_error(self.parent_widget, str(err))
            return False
        changed = len(review.changed_indices())
        self.window.statusBar().showMessage(
            f"Exported {Path(path).name}: {changed} changed passage{'s' if changed != 1 else ''} as tracked changes.",
            5000,
        )
        return True

    def export_report(self, path: str | None = None) -> bool:
        review = self.window.review
        if review is None:
            return False
        if path is None:
            suggestion = str(Path(self.last_folder()) / "changes.html")
            path, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                "Export change report",
                suggestion,
                "Web page (*.html);;Spreadsheet (*.csv)",
            )
            if not path:
                return False
        force = self.may_write(path)
        if force is False:
            return False
        from compare.core.export.change_report import export_report

        try:
            export_report(review, path, force=bool(force))
        except CompareError as err:
            show_error(self.parent_widget, str(err))
            return False
        self.window.statusBar().showMessage(f"Exported the change report to {Path(path).name}.", 5000)
        return True

    def _without_what_is_pending(self, doing: str) -> bool:
        """Whether the review may be printed or exported now: at once when its word changes and
        checks are in; while a large pair's are still being made, only if the user says so (the
        review would lack what they bring)."""
        review = self.window.review
        if review is None or not self.window.checking:
            return True
        if review.comparison.words_pending:
            what = (
                "its word changes and its checks are still being made, so the review would show "
                "no word highlights and no findings"
            )
        else:
            what = "its checks are still running, so the review would show no findings"
        return ask_yes_no(
            self.parent_widget,
            f"{doing} the review",
            f"The comparison is not complete yet: {what}. The status bar says when they are in. "
            f"{doing} it anyway?",
        )

    def export_review_pdf(self, path: str | None = None) -> bool:
        review = self.window.review
        if review is None or not self._without_what_is_pending("Export"):
            return False
        if path is None:
            name = Path(review.comparison.side(review.base).document.name).stem + ".review.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                "Export review as PDF",
                str(Path(self.last_folder()) / name),
                "PDF (*.pdf)",
            )
            if not path:
                return False
            if not Path(path).suffix:
                path += ".pdf"
        if self.may_write(path) is False:
            return False
        return self._pdf(path, "review", "the review")

    def _pdf(self, path: str, what: str, label: str) -> bool:
        from compare.qt.printing import write_pdf  # Qt's printing module: loaded when first used

        review = self.window.review
        assert review is not None
        try:
            write_pdf(review, path, what)
        except CompareError as err:
            show_error(self.parent_widget, str(err))
            return False
        self.window.statusBar().showMessage(f"Wrote {label} to {Path(path).name} (PDF).", 5000)
        return True

    def print_review(self) -> bool:
        from compare.qt.printing import print_review

        review = self.window.review
        return (
            review is not None
            and self._without_what_is_pending("Print")
            and print_review(self.parent_widget, review)
        )

    # --- crash recovery ------------------------------------------------------------------
    def autosave(self) -> None:
        review = self.window.review
        if review is None:
            return
        view = self.navigator.view_state()
        view["session_path"] = self.session_path
        # only what changes is taken here; the texts and the alignment are encoded on the writer's thread
        self.recovery.write_review(review.comparison, review_to_json(review, view))

    def _recovery_written(self, error: object) -> None:
        """The recovery writer's verdict on its last write: show a failure, and try again."""
        label = self.window.views.recovery_label
        if error:
            label.setText("⚠ Crash recovery is off")
            label.setToolTip(
                f"{error} News Compare tries again every few seconds; save the review to be safe."
            )
            label.show()
            if not self.closing:
                self.retry.start()
        else:
            label.hide()
            self.retry.stop()

    def shutdown(self) -> None:
        """A clean close: nothing to recover."""
        self.closing = True
        self.retry.stop()
        self.recovery.remove()
        self.recovery.close()
