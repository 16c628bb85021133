"""Opening what the window shows: two versions, a saved review, a recovered one, the sample; and
keeping it current: reloading files that changed on disk, swapping the sides, recent files,
pairing files dropped one per half of the window.

Loading runs in the background (:class:`compare.qt.worker.Loader`). Each load this controller
starts has its own job number; a result is installed only if it is the answer to the latest load
(another controller's jobs, such as a realignment, never make a load stale).

A large pair is shown before its words are compared and before it is checked: its comparison is
installed as soon as it is aligned, the job ``words`` that follows brings the word changes of its
passages, and the job ``checks`` after it the findings and the ranking; each is applied only if
the comparison it was made for is still the one shown (checked on arrival).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from compare.core.checks.glossary import Glossary, load_glossary
from compare.core.errors import CompareError
from compare.core.limits import MAX_INPUT_BYTES
from compare.core.review.review import Review, other_side, transfer_decisions
from compare.core.review.session import FileChange, is_session_file
from compare.qt import settings as app_settings
from compare.qt.dialogs import ask_yes_no, show_error
from compare.qt.files import FileController
from compare.qt.findings import CHECKS_FAILED_NOTE, UNCHECKED_NOTE
from compare.qt.host import Host
from compare.qt.jobs import Checks, Loaded, Words
from compare.qt.open_dialog import OpenPairDialog
from compare.resources import sample_pair

CHECKING_NOTE = "Checking both versions for translation artifacts; the findings follow"
WORDS_NOTE = "Comparing the words of the changed passages; their highlights follow"
FIRST_WORDS = 200  # passages from the top of the view whose words are compared first
WORDS_CHUNK = 1000  # passages whose words one job compares, after those in view

OPEN_FILTER = (
    "Articles and reviews (*.txt *.md *.markdown *.text *.docx *.html *.htm *.ncreview);;All files (*)"
)


def _next_words(pending: tuple[int, ...], view: range) -> list[int]:
    """The passages whose words to compare next: those in view that wait for them, if any (a
    screenful in a twentieth of a second); else the next :data:`WORDS_CHUNK` that wait, from the
    view on (then from the start): the highlights follow the reader through a large pair."""
    waiting = set(pending)
    in_view = [i for i in view if i in waiting]
    if in_view:
        return in_view
    k = bisect.bisect_left(pending, view.start)
    return list((pending[k:] + pending[:k])[:WORDS_CHUNK])


def _size(*paths: str) -> int:
    total = 0
    for p in paths:
        with contextlib.suppress(OSError):
            total += os.stat(p).st_size
    return total


class Opener(QObject):
    """Starts loads, installs their results, and watches the files of what is open."""

    max_bytes = MAX_INPUT_BYTES

    def __init__(self, window: Host, files: FileController):
        super().__init__(window.dialog_parent())
        self.window = window
        self.parent_widget = window.dialog_parent()
        self.files = files
        self.pending: dict[str, str] = {}  # a dropped file waiting for its other version, by side
        self._job: int | None = None  # the latest load started (only its result is installed)
        self._restored_from: Path | None = None  # the recovery file the latest load restores
        self._carry_from: Review | None = None  # the review a reload or swap replaces
        self._asking_reload = False
        # the review shown before its checks, with the number of the pair job that holds its
        # comparison in the child process; and the job comparing its words or checking it, while
        # one runs (the words come first, when its comparison is shown without them)
        self._unchecked: tuple[int, Review] | None = None
        self._checks_job: int | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def checking(self) -> bool:
        """The review shown is waiting for its checks (its findings and ranking), and maybe for
        its word changes before them."""
        return self._unchecked is not None and self._unchecked[1] is self.window.review

    def _note(self) -> str:
        """What the status bar says of the review shown while it waits."""
        review = self._unchecked[1] if self._unchecked is not None else None
        return WORDS_NOTE if review is not None and review.comparison.words_pending else CHECKING_NOTE

    # --- the house glossary ----------------------------------------------------------------------
    def glossary(self) -> Glossary | None:
        """The user's glossary, read afresh for each analysis (None: none chosen, or it cannot be
        read, which the status bar says)."""
        path = app_settings.glossary_path()
        if not path:
            return None
        try:
            return load_glossary(path)
        except CompareError as err:
            self.window.statusBar().showMessage(f"The glossary is not used: {err}", 10000)
            return None

    def choose_glossary(self, path: str | None = None) -> bool:
        """Choose the glossary the next analysis checks against (remembered for this user)."""
        if path is None:
            current = app_settings.glossary_path()
            path, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                "Choose glossary",
                str(Path(current).parent) if current else self.files.last_folder(),
                "Glossaries (*.tsv *.csv *.tab *.txt);;All files (*)",
            )
            if not path:
                return False
        try:
            glossary = load_glossary(path)
        except CompareError as err:
            show_error(self.parent_widget, str(err))
            return False
        app_settings.set_glossary_path(path)
        self.window.statusBar().showMessage(
            f"Glossary {Path(path).name} ({len(glossary.entries)} entries) applies from the next comparison "
            "opened or reloaded.",
            10000,
        )
        return True

    def forget_glossary(self) -> None:
        app_settings.set_glossary_path(None)
        self.window.statusBar().showMessage("No glossary: the next comparison is checked without one.", 10000)

    # --- starting loads ------------------------------------------------------------------------
    def _start(self, job: str, *args: object, size: int = 0, ask: bool = True, title: str = "") -> bool:
        if ask and not self.files.confirm_discard("open other files"):
            return False
        if self._job is not None:  # the load this one replaces is not wanted any more
            self.window.loader.cancel(self._job)
        self.stop_checks()  # the child process takes the load first (they resume if it is cancelled)
        self._job = self.window.loader.start(job, *args, size=size)
        self.window.show_loading(title or "Opening…")
        self.window.update_title()
        self.window.statusBar().showMessage("Comparing…")
        return True

    def job_progress(self, job: int, stage: str, done: int, total: int) -> None:
        if job == self._job:
            self.window.views.loading.show_stage(stage, done, total)
        elif job == self._checks_job and total > 0 and done < total:
            what = "passages compared" if self._note() is WORDS_NOTE else "checks done"
            self.window.statusBar().showMessage(f"{self._note()} ({done} of {total} {what})…")

    # --- the words and the checks of a pair shown before them ---------------------------------------
    def _run_checks(self) -> None:
        """Start (or start again) the next job the review shown waits for: its word diffs, if it
        was shown without them, else its checks."""
        if not self.checking or self._checks_job is not None or self._job is not None:
            return
        assert self._unchecked is not None
        pair_job, review = self._unchecked
        loader = self.window.loader
        size = loader.process_threshold + 1  # the comparison is held in the child: the job runs there
        if review.comparison.words_pending:
            ask = _next_words(review.comparison.pending_words, self.window.passages_in_view(FIRST_WORDS))
            # the passages asked for by number, every time: a job cancelled after the child made
            # them would otherwise leave them made there and never come here
            self._checks_job = loader.start("words", pair_job, ask, size=size)
        else:
            self._checks_job = loader.start("checks", pair_job, size=size)
        self.window.statusBar().showMessage(f"{self._note()}…")

    def stop_checks(self) -> None:
        """Stop checking what is shown (it is being closed, or a load takes the child process)."""
        if self._checks_job is not None:
            self.window.loader.cancel(self._checks_job)
            self._checks_job = None

    def _words_finished(self, words: Words) -> None:
        self._checks_job = None
        review = self.window.review
        if self._unchecked is None or review is None or self._unchecked[1] is not review:
            return  # something else is shown now
        try:
            comparison = words.comparison(review.comparison)
        except ValueError:  # not this comparison's (cannot happen): check it without highlights
            comparison = dataclasses.replace(review.comparison, pending_words=())
        self.window.apply_words(comparison)
        self._run_checks()  # the rest of the words, or the checks

    def _checks_finished(self, checks: Checks) -> None:
        self._checks_job = None
        unchecked, self._unchecked = self._unchecked, None
        review = self.window.review
        if unchecked is None or review is None or unchecked[1] is not review:
            return  # something else is shown now
        self.window.apply_checks(checks.analysis(review.comparison))
        if checks.session_parts is not None:  # built by the child: the recovery writer need not
            self.files.recovery.adopt(review.comparison, checks.session_parts)
        self.window.statusBar().showMessage(self.window.summary(), 6000)

    def _checks_failed(self, message: str) -> None:
        words = self._note() is WORDS_NOTE
        self._checks_job = None
        self._unchecked = None
        self.window.update_title()
        self.window.views.findings_panel.set_unchecked_note(CHECKS_FAILED_NOTE)
        why = message.rstrip(".")
        self.window.statusBar().showMessage(
            f"The words of the changed passages could not be compared ({why}): they are shown without "
            "highlights, and no findings are shown."
            if words
            else f"The artifact checks could not run ({why}): no findings are shown.",
            15000,
        )

    def cancel(self) -> None:
        """Stop waiting for the load (Cancel, Escape): the window goes back to what it showed before,
        and the cancelled result is never installed."""
        if self._job is None:
            return
        job, self._job = self._job, None
        self._carry_from = None
        self._restored_from = None
        self.window.loader.cancel(job)
        self.window.hide_loading()
        self.window.update_title()
        self.window.statusBar().showMessage("Cancelled: nothing was opened.", 5000)
        self._run_checks()  # of what is shown, if they were stopped for the load

    def open_paths(self, paths: list[str]) -> None:
        """Open two versions, or one saved review."""
        if len(paths) == 1 and is_session_file(paths[0]):
            self.open_session(paths[0])
        elif len(paths) == 2:
            self.open_pair(paths[0], paths[1])
        elif len(paths) == 1:  # one version: ask for the other
            chosen = OpenPairDialog.get_paths(self.parent_widget, self.files.last_folder(), left=paths[0])
            if chosen:
                self.open_paths(chosen)
        else:
            show_error(self.parent_widget, "Choose two versions of the article, or one saved review.")

    def open_pair(self, left: str, right: str, ask: bool = True, carry: Review | None = None) -> bool:
        """Compare two files; ``carry``: the review whose decisions carry over (reload, swap)."""
        started = self._start(
            "pair", str(left), str(right), self.max_bytes, self.glossary(), size=_size(left, right), ask=ask,
            title=f"Opening {Path(left).name} and {Path(right).name}",
        )  # fmt: skip
        if started:
            self.pending = {}
            self._restored_from = None
            self._carry_from = carry
        return started

    def open_session(self, path: str, ask: bool = True) -> bool:
        started = self._start(
            "session", str(path), self.glossary(), size=_size(path) // 2, ask=ask,
            title=f"Opening the review {Path(path).name}",
        )  # fmt: skip
        if started:
            self.pending = {}
            self._restored_from = None
            self._carry_from = None
        return started

    def restore_recovery(self, path: Path) -> bool:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            show_error(self.parent_widget, "The recovered review is damaged and cannot be restored.")
            return False
        started = self._start(
            "restore", data, self.glossary(), size=_size(str(path)) // 2, ask=False,
            title="Restoring the recovered review",
        )  # fmt: skip
        self._carry_from = None
        self._restored_from = path
        return started

    def open_sample(self) -> None:
        left, right = sample_pair()
        self.open_pair(str(left), str(right))

    def open_dialog(self) -> None:
        """File ▸ Open: a Left and a Right slot (or a saved review)."""
        left, right = self.window.input_paths()
        chosen = OpenPairDialog.get_paths(
            self.parent_widget, self.files.last_folder(), left or "", right or ""
        )
        if chosen:
            self.open_paths(chosen)

    # --- results -------------------------------------------------------------------------------
    def job_finished(self, job: int, loaded: Loaded | Words | Checks) -> None:
        if job == self._checks_job and isinstance(loaded, Checks):
            self._checks_finished(loaded)
            return
        if job == self._checks_job and isinstance(loaded, Words):
            self._words_finished(loaded)
            return
        if job != self._job or self.files.closing or not isinstance(loaded, Loaded):
            return  # not a load, or not the latest one
        self._job = None
        restored, self._restored_from = self._restored_from, None
        review = loaded.review
        files = self.files
        view = dict(loaded.view or {})
        files.session_path = loaded.session_path or (view.get("session_path") if restored else None)
        files.force_dirty = restored is not None
        carried_note = self._carry_decisions(review)
        self.window.views.findings_panel.set_unchecked_note(UNCHECKED_NOTE)
        self.window.install(review, view)
        self.window.statusBar().showMessage(carried_note or self.window.summary(), 6000)
        self._unchecked = (job, review) if loaded.checks_pending else None
        if loaded.checks_pending:
            self._run_checks()
            self.window.statusBar().showMessage(f"{carried_note or self.window.summary()} {self._note()}…")
        self._watch()
        if restored is None:
            paths = (
                [files.session_path] if files.session_path else [p for p in self.window.input_paths() if p]
            )
            # in a turn of its own: reading and writing the settings file is no part of showing the pair
            QTimer.singleShot(0, self, lambda recent=[p for p in paths if p]: app_settings.add_recent(recent))
        if loaded.file_changes:
            QTimer.singleShot(0, self, lambda changes=loaded.file_changes: self._tell_file_changes(changes))
        if restored is not None:
            # the recovered file goes only once this window's own copy of it is on disk
            files.autosave()
            files.recovery.flush()
            if files.recovery.error is None:
                with contextlib.suppress(OSError):
                    restored.unlink()

    def job_failed(self, job: int, message: str) -> None:
        if job == self._checks_job:
            self._checks_failed(message)
            return
        if job != self._job:
            return
        self._job = None
        self._carry_from = None
        self.window.hide_loading()
        self.window.statusBar().clearMessage()
        self.window.update_title()
        restored, self._restored_from = self._restored_from, None
        if restored is not None:
            message = "The recovered review cannot be restored: " + message[0].lower() + message[1:]
        show_error(self.parent_widget, message)
        self._run_checks()  # of what is still shown, if they were stopped for the load

    def _carry_decisions(self, review: Review) -> str:
        """After a reload or a swap: keep the decisions whose passages read the same."""
        old, self._carry_from = self._carry_from, None
        if old is None or not old.decisions():
            return ""
        old_paths = (old.comparison.left.document.path, old.comparison.right.document.path)
        new_paths = (review.comparison.left.document.path, review.comparison.right.document.path)
        if new_paths == old_paths[::-1] and old_paths[0] != old_paths[1]:
            review.base = other_side(old.base)  # the file being cleaned stays the same
        carried, dropped = transfer_decisions(old, review)
        if carried:
            self.files.force_dirty = True
        return f"Kept {carried} decision{'s' if carried != 1 else ''}" + (
            f"; dropped {dropped} on passages that changed." if dropped else "."
        )

    def _tell_file_changes(self, changes: list[FileChange]) -> None:
        text = " ".join(c.sentence() for c in changes)
        if any(c.state == "changed" for c in changes):
            text += " Use File ▸ Reload Files to compare the new version; decisions on passages that read the same are kept."
        QMessageBox.information(self.parent_widget, "Files changed since the review", text)

    # --- files on disk ---------------------------------------------------------------------------
    def _watch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        paths = [p for p in self.window.input_paths() if p and os.path.isfile(p)]
        if paths:
            self.watcher.addPaths(paths)

    def _file_changed(self, path: str) -> None:
        if not self._asking_reload:
            # Editors save by replacing the file; give them a moment, then watch the new one.
            QTimer.singleShot(300, self, lambda: self._ask_reload(path))

    def _ask_reload(self, path: str) -> None:
        review = self.window.review
        inputs = self.window.input_paths()
        if self._asking_reload or review is None or path not in inputs:
            return
        if os.path.isfile(path) and path not in self.watcher.files():
            self.watcher.addPath(path)
        doc = review.comparison.left.document if path == inputs[0] else review.comparison.right.document
        try:
            with open(path, "rb") as fh:
                if hashlib.file_digest(fh, "sha256").hexdigest() == doc.sha256:
                    return  # touched, not changed
        except OSError:
            pass
        self._asking_reload = True
        try:
            kept = " Decisions on passages that read the same are kept." if review.decisions() else ""
            if ask_yes_no(
                self.parent_widget, "File changed", f"{Path(path).name} changed on disk. Reload it?{kept}"
            ):
                self.reload_files(ask=False)
        finally:
            self._asking_reload = False

    def reload_files(self, ask: bool = True) -> None:
        left, right = self.window.input_paths()
        review = self.window.review
        if not left or not right:
            return
        if (
            ask
            and review is not None
            and review.decisions()
            and not ask_yes_no(
                self.parent_widget,
                "Reload",
                "Reload the files? Decisions on passages that changed are dropped; the others are kept.",
            )
        ):
            return
        # the session path, the undo history and the dirty flag change when the result is
        # installed (job_finished), so that a cancelled reload leaves everything as it was
        self.open_pair(left, right, ask=False, carry=review)

    def swap_sides(self) -> None:
        review = self.window.review
        if review is None:
            return
        if review.decisions() and not ask_yes_no(
            self.parent_widget,
            "Swap sides",
            "Swap the sides? The comparison is made again; decisions move with their passages and the same "
            "file stays the one being cleaned.",
        ):
            return
        left, right = self.window.input_paths()
        if not left or not right or not (os.path.isfile(left) and os.path.isfile(right)):
            show_error(
                self.parent_widget,
                "The original files are no longer on disk, so the sides cannot be swapped.",
            )
            return
        self.open_pair(right, left, ask=False, carry=review)  # a cancelled swap changes nothing

    # --- recent files, drag and drop -----------------------------------------------------------
    def fill_recent(self) -> None:
        menu = self.window.commands.recent_menu
        assert menu is not None
        menu.clear()
        items = app_settings.recent_files()
        for paths, label in zip(items, app_settings.recent_labels(items), strict=True):
            action = menu.addAction(label)
            action.setToolTip("\n".join(paths))
            action.triggered.connect(lambda _checked=False, ps=paths: self.open_paths(ps))
        if not items:
            menu.addAction("(none)").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear List", app_settings.clear_recent)

    def drop_files(self, paths: list[str], side: str) -> None:
        if len(paths) >= 2 or is_session_file(paths[0]):
            self.open_paths(paths[:2])
            return
        path = paths[0]
        if self.window.review is not None:
            left, right = self.window.input_paths()
            other = right if side == "left" else left
            if other and os.path.isfile(other):
                if side == "left":
                    self.open_pair(path, other)
                else:
                    self.open_pair(other, path)
                return
        self.pending[side] = path
        if "left" in self.pending and "right" in self.pending:
            self.open_pair(self.pending["left"], self.pending["right"])
            return
        other_half = "right" if side == "left" else "left"
        self.window.statusBar().showMessage(
            f"{side.capitalize()}: {Path(path).name}. Now drop the other version on the {other_half} half."
        )
