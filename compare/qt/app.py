"""Start the window: ``news-compare [LEFT RIGHT | SESSION | --sample]``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from compare import APP_NAME
from compare.qt import recovery
from compare.qt.ahead import PairAhead
from compare.qt.ahead import parser as _parser
from compare.qt.dialogs import RecoveryDialog, show_error
from compare.qt.main_window import MainWindow
from compare.qt.settings import APPLICATION, ORGANIZATION
from compare.userdata import setup_logging


def ensure_application(argv: Sequence[str] = ()) -> QApplication:
    setup_logging(to_file=True)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "news-compare", *argv])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName(APP_NAME)
    from compare.resources import resource_path

    icon = resource_path("icons", "news-compare.svg")
    if icon.exists():
        QApplication.setWindowIcon(QIcon(str(icon)))
    assert isinstance(app, QApplication)
    return app


# Windows opened besides the first one (to restore several reviews); kept alive here.
extra_windows: list[MainWindow] = []


def offer_recovery(window: MainWindow) -> bool:
    """After a crash, offer every unsaved review by name; True if one is restored in ``window``.

    Reviews the user neither restores nor discards stay and are offered at the next start; a
    second review restored opens in a window of its own.
    """
    found = recovery.left_behind()
    if not found:
        return False

    def discard(k: int) -> bool:
        with contextlib.suppress(FileNotFoundError):
            found[k].path.unlink()
        return not found[k].path.exists()

    chosen = RecoveryDialog.choose(window, [r.label for r in found], discard)
    if not chosen:
        return False
    first, *rest = chosen
    restored = window.opener.restore_recovery(found[first].path)
    for k in rest:
        extra = MainWindow(process_threshold=window.loader.process_threshold)
        extra.restore_settings()
        extra.show()
        extra.opener.restore_recovery(found[k].path)
        extra_windows.append(extra)
    return restored


def build_window(
    argv: Sequence[str] | None = None, *, process_threshold: int | None = None, ahead: PairAhead | None = None
) -> MainWindow:
    """Build the window for a command line (without running the event loop); ``ahead``: its
    pair, already being opened in a child process."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)
    ensure_application()
    window = MainWindow(process_threshold=process_threshold)
    window.loader.ahead = ahead  # taken by the load of that pair, dropped by any other job
    window.restore_settings()
    if offer_recovery(window):
        return window
    if args.sample:
        window.opener.open_sample()
    elif args.paths:
        if len(args.paths) > 2:
            QTimer.singleShot(
                0, lambda: show_error(window, "Give two versions of the article, or one saved review.")
            )
        else:
            window.opener.open_paths(args.paths)
    return window


def run_app(argv: Sequence[str] | None = None, ahead: PairAhead | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        _parser().parse_args(argv)
    except SystemExit as exit_:
        if ahead is not None:
            ahead.cancel()
        return int(exit_.code or 0)
    app = ensure_application(argv)
    window = build_window(argv, ahead=ahead)
    window.show()
    limit = _parser().parse_args(argv).quit_when_loaded
    if limit:
        _quit_when_loaded(app, window, limit)
    return app.exec()


def _quit_when_loaded(app: QApplication, window: MainWindow, limit_ms: int) -> None:
    from PySide6.QtCore import QElapsedTimer

    clock = QElapsedTimer()
    clock.start()
    poll = QTimer(window)

    def check() -> None:
        if window.ready:
            print(f"loaded in {clock.elapsed()} ms: {window.windowTitle()}", flush=True)
            app.exit(0)
        elif clock.elapsed() > limit_ms:
            print(f"not loaded after {limit_ms} ms", file=sys.stderr, flush=True)
            app.exit(1)

    poll.timeout.connect(check)
    poll.start(10)  # polled often: benchmarks time the whole process with it
