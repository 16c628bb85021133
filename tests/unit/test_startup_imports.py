"""Start-up loads only what the first comparison needs: the window opened on an article, and the
command line's diff, never import what only printing, exports, large pairs or other file formats
use (each of these cost 10-25 ms of a start that is mostly imports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
PAIR = [
    str(SAMPLES / "nato-russia-talks.edited.txt"),
    str(SAMPLES / "nato-russia-talks.machine-translated.txt"),
]
# What a window or a diff of a small plain-text pair has no use for.
NOT_AT_START = (
    "importlib.metadata",  # the version and licences shown by About
    "urllib.request",  # pulled in by xml.sax.saxutils, the TMX export's escaping
    "multiprocessing",  # the child process of a large pair
    "concurrent.futures.process",
    "docx",  # Word files
    "lxml",  # Word and HTML files
    "charset_normalizer",  # text that is not UTF-8
)
NOT_IN_WINDOW_AT_START = ("PySide6.QtPrintSupport",)  # File ▸ Print and PDF


def loaded_modules(args: list[str], tmp_path: Path) -> set[str]:
    """The modules a run of ``python -m compare ARGS`` had loaded when it ended."""
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(tmp_path / 'modules')!r}, 'w').write('\\n'.join(sys.modules)))\n"
        "from compare.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode in (0, 1), proc.stderr
    return set((tmp_path / "modules").read_text().split("\n"))


def test_the_window_opened_on_an_article_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtWidgets")
    modules = loaded_modules([*PAIR, "--quit-when-loaded", "60000"], tmp_path)
    assert "compare.qt.main_window" in modules and "compare.core.diff.comparison" in modules
    assert sorted(modules & {*NOT_AT_START, *NOT_IN_WINDOW_AT_START}) == []
    if hasattr(os, "fork") and (os.cpu_count() or 1) >= 2:
        # the pair was read, compared and checked in the child forked at start-up
        # (compare/qt/ahead.py): the window's own process never detects a language nor looks
        # for mojibake (langdetect's tables and ftfy: about 80 ms)
        assert sorted(m for m in modules if m.split(".")[0] in ("langdetect", "ftfy")) == []


def test_a_diff_of_an_article_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    modules = loaded_modules(["diff", *PAIR, "--format", "json"], tmp_path)
    assert "compare.core.diff.comparison" in modules
    assert sorted(modules & {*NOT_AT_START, "PySide6"}) == []
