"""Take the README's screenshots of the window as a person sees it: on a virtual X screen with a
window manager, the whole screen grabbed once the comparison is shown.

    packaging/screenshots.sh          (starts Xvfb and openbox, then runs this)

Writes resources/screenshots/main-window.png (light), main-window-dark.png and
cross-language.png. Settings and recovery files go to a temporary folder, not the user's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop
from PySide6.QtWidgets import QApplication

from compare.qt.app import build_window
from compare.resources import resource_path

OUT = Path(__file__).resolve().parents[1] / "resources" / "screenshots"
SAMPLES = resource_path("samples")


def shoot(argv: list[str], scheme: str, out: Path, passage: int = 2) -> None:
    window = build_window(argv)
    window.appearance.set_scheme(scheme, remember=False)
    window.setGeometry(40, 40, 1440, 880)
    window.show()
    app = QApplication.instance()
    assert app is not None
    clock = QElapsedTimer()
    clock.start()
    while not window.ready and clock.elapsed() < 60_000:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if not window.ready:
        sys.exit(f"the window did not load {argv} within 60 s")
    window.navigator.go_to(passage)
    clock.restart()
    while clock.elapsed() < 1500:  # let layouts, the overview strip and the window manager settle
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    screen = window.screen()
    frame = window.frameGeometry().adjusted(-8, -8, 8, 8)
    shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if not shot.save(str(out)):
        sys.exit(f"could not write {out}")
    print(f"{out.name}: {shot.width()}x{shot.height()}")
    window.setWindowModified(False)
    window.close()
    window.deleteLater()


def main() -> None:
    mt = str(SAMPLES / "nato-russia-talks.machine-translated.txt")
    edited = str(SAMPLES / "nato-russia-talks.edited.txt")
    french = str(SAMPLES / "nato-russia-talks.fr.txt")
    shoot([mt, edited], "light", OUT / "main-window.png")
    shoot([mt, edited], "dark", OUT / "main-window-dark.png")
    shoot([french, edited], "light", OUT / "cross-language.png")


if __name__ == "__main__":
    main()
