"""The one place where the judgment benchmarks touch the engine: its command line, in process.

Everything else in ``bench/judgments.py`` and ``bench/judgment_features.py`` reads the JSON that
``news-compare diff --format json`` and ``news-compare check --format json`` print (the schema in
README.md), so a move of the engine's modules costs a change here at most.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare.cli import run_cli


class EngineError(RuntimeError):
    """The command line answered with an error (exit status 2)."""


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = run_cli(argv)
    if status not in (0, 1):
        raise EngineError(f"news-compare {' '.join(argv)} failed ({status}): {err.getvalue().strip()}")
    return out.getvalue()


def diff_json(left: Path, right: Path) -> dict[str, Any]:
    """``news-compare diff LEFT RIGHT --format json`` as a dict."""
    fd, name = tempfile.mkstemp(suffix=".json", prefix="nc-bench-")
    os.close(fd)
    try:
        _run(["diff", str(left), str(right), "--format", "json", "--output", name])
        return json.loads(Path(name).read_text(encoding="utf-8"))
    finally:
        os.unlink(name)


def check_json(path: Path, language: str | None = None) -> dict[str, Any]:
    """``news-compare check FILE --format json`` as a dict (the language detected unless given)."""
    argv = ["check", str(path), "--format", "json"]
    if language:
        argv += ["--language", language]
    return json.loads(_run(argv))


def read_text(path: Path) -> str:
    """The text as the engine decodes it for these UTF-8 files (newlines kept, BOM removed),
    so that the JSON's offsets index it."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return fh.read()
