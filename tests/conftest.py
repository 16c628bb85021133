"""Shared test setup: offscreen Qt, isolated settings and data folder, captured dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

# Harmless limits of the offscreen platform (it cannot resize native windows).
OFFSCREEN_NOISE = (r"This plugin does not support propagateSizeHints\(\)",)


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        for item in items:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never touch the user's settings or data folder."""
    from PySide6.QtCore import QSettings

    root = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("NEWS_COMPARE_DATA_DIR", str(root / "data"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(root / "settings"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(root / "system-settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    yield root


class Messages:
    """Captures QMessageBox / QInputDialog / QFileDialog calls instead of blocking."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answers: dict[str, list[object]] = {}

    def answer(self, kind: str, *values: object) -> None:
        self.answers.setdefault(kind, []).extend(values)

    def next_answer(self, kind: str, default: object) -> object:
        queue = self.answers.get(kind)
        return queue.pop(0) if queue else default

    @property
    def texts(self) -> list[str]:
        return [t for _, t in self.shown]


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    box = Messages()

    def static(kind: str, default: object):
        def show(_parent, _title, text="", *args, **kwargs):
            box.shown.append((kind, str(text)))
            return box.next_answer(kind, default)

        return show

    monkeypatch.setattr(QMessageBox, "warning", static("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", static("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", static("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", static("about", None))
    # unanswered questions: discard unsaved work, decline everything else
    monkeypatch.setattr(QMessageBox, "question", static("question", QMessageBox.StandardButton.Discard))

    def note(*_args, **_kwargs):
        if box.answers.get("note"):
            return str(box.answers["note"].pop(0)), True
        return "", False

    from compare.qt.editors import NoteDialog

    def get_note(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        text, ok = note()
        return text if ok else None

    monkeypatch.setattr(NoteDialog, "get_note", staticmethod(get_note))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (box.next_answer("open", []), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (box.next_answer("save", ""), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (box.next_answer("open-one", ""), ""))

    from compare.qt.dialogs import RecoveryDialog

    def recover(_parent, labels, discard):  # type: ignore[no-untyped-def]
        """answer("recovery", [positions]) restores those; ("discard", [positions]) first
        discards those through the dialog's own callback; unanswered: decide later."""
        box.shown.append(("recovery", "\n".join(labels)))
        for k in box.next_answer("discard", []):  # type: ignore[attr-defined]
            discard(k)
        return list(box.next_answer("recovery", []))  # type: ignore[call-overload]

    monkeypatch.setattr(RecoveryDialog, "choose", staticmethod(recover))
    return box


LEFT_TEXT = (
    "Breaking news from the capital.\n\n"
    "The minister said on Monday that the bloc would meet again. Talks lasted four hours.\n\n"
    "Officials did not confirm the report.\n\n"
    "A photo caption that only the left has.\n\n"
    "The end of the article is the same.\n"
)
RIGHT_TEXT = (
    "Breaking news from the capital.\n\n"
    "The minister said on Tuesday that the alliance would meet again. Talks lasted four hours.\n\n"
    "Officials declined to confirm the report.\n\n"
    "The end of the article is the same.\n"
)


@pytest.fixture
def pair(tmp_path):  # type: ignore[no-untyped-def]
    """A small (machine, edited) pair written by the test."""
    a = tmp_path / "machine.txt"
    b = tmp_path / "edited.txt"
    a.write_text(LEFT_TEXT, encoding="utf-8")
    b.write_text(RIGHT_TEXT, encoding="utf-8")
    return a, b


@pytest.fixture
def open_window(qtbot):  # type: ignore[no-untyped-def]
    """open_window(argv) -> MainWindow built by the real entry point, shown, loaded."""
    from compare.qt.app import build_window

    def _open(argv, wait=True, **kwargs):  # type: ignore[no-untyped-def]
        window = build_window([str(a) for a in argv], **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.windowHandle().requestActivate()  # as a window manager does for a new window
        from PySide6.QtWidgets import QApplication

        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        if wait:
            _wait_loaded(qtbot, window)
        return window

    return _open


def _wait_loaded(qtbot, window, timeout=30000):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.ready, timeout=timeout)
    window.views.heights.finish()


@pytest.fixture
def wait_loaded(qtbot):  # type: ignore[no-untyped-def]
    """wait_loaded(window): until the background load finished and rows are measured."""
    return lambda window, timeout=30000: _wait_loaded(qtbot, window, timeout)


FRENCH_TEXT = (
    "Le gouvernement a annoncé mardi un nouveau plan pour les transports publics.\n\n"
    "Le projet coûtera 450 millions d'euros sur cinq ans, selon le ministre. "
    "Les travaux commenceront au printemps prochain dans trois grandes villes.\n\n"
    "Les syndicats ont salué une décision attendue depuis longtemps, tout en réclamant davantage de conducteurs. "
    "Le maire de Lyon a estimé que la mesure arrivait beaucoup trop tard pour les habitants des banlieues "
    "éloignées, qui attendent depuis des années une ligne de bus directe vers le centre-ville.\n\n"
    "Une consultation publique sera ouverte en ligne jusqu'à la fin du mois. "
    "Le texte sera ensuite présenté au Parlement.\n"
)
# The English translation: "450" became "540", and the sentence about the mayor of Lyon is missing.
ENGLISH_TEXT = (
    "The government announced a new plan for public transport on Tuesday.\n\n"
    "The project will cost 540 million euros over five years, according to the minister. "
    "Work will begin next spring in three major cities.\n\n"
    "The unions welcomed a long-awaited decision, while calling for more drivers.\n\n"
    "A public consultation will be open online until the end of the month. "
    "The text will then be presented to Parliament.\n"
)


@pytest.fixture
def cross_pair(tmp_path):  # type: ignore[no-untyped-def]
    """A French source and its English translation (the base), with one number changed and one
    sentence missing."""
    a = tmp_path / "source.fr.txt"
    b = tmp_path / "translation.en.txt"
    a.write_text(FRENCH_TEXT, encoding="utf-8")
    b.write_text(ENGLISH_TEXT, encoding="utf-8")
    return a, b


def accept_next_dialog(qtbot, check=None, accept=True):  # type: ignore[no-untyped-def]
    """Answer the next modal dialog the code under test opens: ``check(dialog)`` first, then
    accept (or reject) it. Returns a list that holds the dialog once it was seen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[object] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog)
        try:
            if check is not None:
                check(dialog)
        finally:
            dialog.accept() if accept else dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, answer)
    return seen


class DialogKeys:
    """Drive the next modal dialog with keys: ``keys.then(act)`` runs ``act(dialog)`` once the
    dialog is up and active (as a window manager makes it); an exception or a dialog still open
    three seconds later closes it and is kept in ``errors`` (check with ``keys.check()``)."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.seen: list[str] = []
        self.done = False  # the test is over: stop waiting for a dialog

    def then(self, act) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def run() -> None:
            if self.done:
                return
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, run)
                return
            dialog.windowHandle().requestActivate()
            QApplication.processEvents()
            self.seen.append(type(dialog).__name__)
            owner = dialog.parentWidget()

            def back() -> None:  # the window manager activates the window the dialog came from
                if owner is not None:
                    owner.window().windowHandle().requestActivate()
                    QApplication.processEvents()

            dialog.finished.connect(back)  # type: ignore[attr-defined]
            try:
                act(dialog)
            except BaseException as err:
                self.errors.append(err)
                dialog.reject()  # type: ignore[attr-defined]

            def still_open() -> None:
                if dialog.isVisible():
                    self.errors.append(AssertionError(f"the keys did not close {type(dialog).__name__}"))
                    dialog.reject()  # type: ignore[attr-defined]

            guard = QTimer(dialog)
            guard.setSingleShot(True)
            guard.timeout.connect(still_open)
            guard.start(3000)

        QTimer.singleShot(0, run)

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]
        assert self.seen, "no dialog opened"


@pytest.fixture
def dialog_keys():  # type: ignore[no-untyped-def]
    keys = DialogKeys()
    yield keys
    keys.done = True
