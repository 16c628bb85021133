"""Benchmark: `news-compare diff --format json` on the 2 KB sample article against `python -I -c pass`.

The pair is the bundled sample (resources/samples/nato-russia-talks.edited.txt against
nato-russia-talks.machine-translated.txt, about 5 KB a side). What an article costs is almost
all start-up: imports, langdetect's tables (read from the user's data folder after the first
run), the regular expressions. Each row is a ratio against a reference run in the same command,
pair by pair (bench/_timing.py):

- the article against a bare ``python -I -c pass`` of the same interpreter (goal <= 15, aim 10);
- the window opened on the article until it is shown highlighted (``news-compare-gui LEFT RIGHT
  --quit-when-loaded``, offscreen) against a bare PySide6 main window shown and closed (goal <= 3,
  aim 2.5);
- with ``--against REV``, today's engine against the engine at git revision REV.

    .venv/bin/python bench/startup_bench.py [--runs 10] [--against main]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import ROOT, engine_at, news_compare, paired, row

SAMPLES = ROOT / "resources" / "samples"
BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\nw = QMainWindow()\nw.show()\napp.processEvents()\nw.close()"
)


@contextlib.contextmanager
def offscreen() -> Iterator[None]:
    """Qt without a display (the children inherit the environment), and the user's settings,
    recent files (Qt keeps them under XDG_CONFIG_HOME) and data folder out of the way: a recovery
    file left there by a window that was killed would be offered in a dialog that waits for an
    answer (the warm-up run fills the new folder's language-detector cache)."""
    saved = {k: os.environ.get(k) for k in ("QT_QPA_PLATFORM", "XDG_CONFIG_HOME", "NEWS_COMPARE_DATA_DIR")}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["NEWS_COMPARE_DATA_DIR"] = os.path.join(tmp, "data")
        try:
            yield
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--against", metavar="REV", help="also time the engine of this git revision")
    args = ap.parse_args()
    # Start-up is timed with the bytecode an installed package has: with PYTHONDONTWRITEBYTECODE
    # set (as on this machine) a module edited since its cache was written is compiled again at
    # every start, tens of milliseconds that no user pays twice.
    compileall.compile_dir(str(ROOT / "compare"), quiet=1)
    diff = [
        "diff",
        str(SAMPLES / "nato-russia-talks.edited.txt"),
        str(SAMPLES / "nato-russia-talks.machine-translated.txt"),
        "--format",
        "json",
    ]
    ours = [*news_compare(), *diff]
    a, b = paired(ours, [sys.executable, "-I", "-c", "pass"], args.runs)
    print(row("article diff --format json / python -I -c pass", a, b, "<= 15 (aim 10)"), flush=True)
    window = [
        str(Path(sys.executable).with_name("news-compare-gui")),
        *diff[1:3],
        "--quit-when-loaded",
        "60000",
    ]
    bare = [sys.executable, "-c", BARE_WINDOW]
    with offscreen():
        a, b = paired(window, bare, args.runs)
    print(row("window on the article / a bare Qt window", a, b, "<= 3 (aim 2.5)"), flush=True)
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            old = [*engine_at(args.against, Path(tmp) / "old"), *diff]
            a2, b2 = paired(ours, old, args.runs)
            print(row(f"today / the engine at {args.against}", a2, b2), flush=True)


if __name__ == "__main__":
    main()
