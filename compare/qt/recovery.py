"""Crash recovery: after every change the review is written to a recovery file in the per-user
data folder; a clean close removes it; a file left behind means a window did not close cleanly,
and the next start offers it again, by name, until the user restores or discards it. Nothing
here deletes a recovery file the user was not asked about.

Each window has a file of its own (``recovery-<pid>-<n>.ncsession``), so two windows that crash
together leave two files. The data folder is ``platformdirs.user_data_dir("news-compare")``, or
the folder named by the environment variable ``NEWS_COMPARE_DATA_DIR``.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import stat
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare.core.diff.comparison import Comparison
from compare.core.errors import CompareError
from compare.core.io.fileio import atomic_write, process_alive
from compare.core.review.session import SESSION_KEYS, comparison_to_json
from compare.userdata import data_dir

PREFIX = "recovery-"
SUFFIX = ".ncsession"
_NAME = re.compile(rf"^{re.escape(PREFIX)}(\d+)(?:-(\d+))?{re.escape(SUFFIX)}$")
MAX_RECOVERY_BYTES = 400 * 1024 * 1024  # two 20 MB texts and their alignment fit many times over
_numbers = itertools.count(1)
SLICE = 400  # list items encoded at a time: each slice holds the interpreter lock a few ms


def _encode(value: Any) -> str:
    """JSON of ``value`` (compact, as the C encoder writes it); a long list a slice at a time,
    yielding the interpreter lock between slices, so that the window's thread never waits long."""
    if not isinstance(value, list) or len(value) <= SLICE:
        return json.dumps(value, ensure_ascii=False)
    parts = []
    for i in range(0, len(value), SLICE):
        parts.append(json.dumps(value[i : i + SLICE], ensure_ascii=False)[1:-1])
        time.sleep(0)
    return "[" + ", ".join(parts) + "]"


def fixed_parts(comparison: Comparison) -> dict[str, str]:
    """The parts of a session that depend on ``comparison`` alone, encoded: the texts, the
    alignment and the word changes (megabytes on a large pair, built once per comparison)."""
    return {key: _encode(value) for key, value in comparison_to_json(comparison).items()}


@dataclass(frozen=True)
class Recovered:
    """A recovery file left by a window that is gone, and what it holds."""

    path: Path
    saved: float  # when it was last written (seconds since the epoch)
    left: str  # file names of the two versions ("" when unreadable)
    right: str
    decisions: int
    readable: bool

    @property
    def label(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved))
        if not self.readable:
            return f"A damaged recovery file from {when}"
        n = self.decisions
        return f"{self.left} ↔ {self.right} — {n} decision{'s' if n != 1 else ''}, last change {when}"


def _describe(path: Path, saved: float) -> Recovered:
    try:
        if path.stat().st_size > MAX_RECOVERY_BYTES:
            raise ValueError
        data = json.loads(path.read_bytes().decode("utf-8"))
        names = []
        for side in ("left", "right"):
            doc = data.get(side) or {}
            p = doc.get("path") if isinstance(doc, dict) else None
            names.append(Path(p).name if isinstance(p, str) and p else "untitled")
        decisions = data.get("decisions")
        return Recovered(
            path, saved, names[0], names[1], len(decisions) if isinstance(decisions, list) else 0, True
        )
    except (OSError, ValueError, AttributeError, TypeError):
        return Recovered(path, saved, "", "", 0, False)


def left_behind() -> list[Recovered]:
    """Recovery files of windows whose process is no longer running, newest first.

    Anything in the folder that is not a regular file (a dangling link, a folder) is ignored.
    """
    folder = data_dir()
    found: list[tuple[float, Path]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for p in entries:
        m = _NAME.match(p.name)
        if not m:
            continue
        try:
            st = p.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or process_alive(int(m.group(1))):
            continue
        found.append((st.st_mtime, p))
    found.sort(key=lambda item: (-item[0], item[1].name))
    return [_describe(p, mtime) for mtime, p in found]


class RecoveryWriter:
    """Writes snapshots on a background thread, newest wins; writes never overlap.

    ``on_result(error)`` is called on the writing thread after every attempt: ``None`` when the
    snapshot is on disk, else one sentence saying why not (the window shows it and retries).
    """

    def __init__(self, path: Path | None = None, on_result: Callable[[str | None], None] | None = None):
        self.path = path or data_dir() / f"{PREFIX}{os.getpid()}-{next(_numbers)}{SUFFIX}"
        self.on_result = on_result
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recovery")
        self._lock = threading.Lock()
        self._seq = 0
        self._written = 0
        self._last: Future[None] | None = None
        self._fixed: tuple[Comparison, dict[str, str]] | None = None  # encoded, on the writing thread
        self.error: str | None = None

    def write(self, snapshot: dict[str, Any]) -> None:
        with self._lock:
            self._seq += 1
            seq = self._seq
        self._last = self._executor.submit(self._write, seq, snapshot)

    def write_review(self, comparison: Comparison, changing: dict[str, Any]) -> None:
        """Write a session of ``comparison`` with ``changing`` (what
        :func:`~compare.core.review.session.review_to_json` gives, taken on the caller's thread).

        The parts that depend on the comparison alone (the texts, the alignment, the word changes)
        are built and encoded once per comparison, on the writing thread, a slice at a time: a
        snapshot after a decision costs the window's thread only its decisions."""
        with self._lock:
            self._seq += 1
            seq = self._seq
        self._last = self._executor.submit(self._write, seq, (comparison, changing))

    def adopt(self, comparison: Comparison, parts: dict[str, str]) -> None:
        """The fixed parts of ``comparison`` (:func:`fixed_parts`), encoded elsewhere: the child
        process that checked a large pair builds them, so this process never has to. (On the
        writing thread they cost a megabyte pair about half a second of Python, and the
        window's thread, contending for the interpreter lock, stalled for 90 ms.)"""
        fixed = self._fixed
        if fixed is None or fixed[0] is not comparison:
            self._fixed = (comparison, parts)

    def _fixed_parts(self, comparison: Comparison) -> dict[str, str]:
        fixed = self._fixed
        if fixed is None or fixed[0] is not comparison:
            self._fixed = None  # let the previous comparison's go first
            fixed = self._fixed = (comparison, fixed_parts(comparison))
        return fixed[1]

    def _snapshot_bytes(self, snapshot: dict[str, Any] | tuple[Comparison, dict[str, Any]]) -> bytes:
        if isinstance(snapshot, dict):
            # compact: the C encoder, one short hold of the interpreter lock, not a long contest
            return json.dumps(snapshot, ensure_ascii=False).encode("utf-8", "surrogatepass")
        comparison, changing = snapshot
        encoded = {**self._fixed_parts(comparison), **{k: _encode(v) for k, v in changing.items()}}
        text = "{" + ", ".join(f"{json.dumps(key)}: {encoded[key]}" for key in SESSION_KEYS) + "}"
        return text.encode("utf-8", "surrogatepass")

    def _write(self, seq: int, snapshot: dict[str, Any] | tuple[Comparison, dict[str, Any]]) -> None:
        with self._lock:
            if seq < self._seq:  # a newer snapshot is queued: skip this one
                return
        try:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise CompareError(
                    f"the folder {self.path.parent} cannot be created ({err.strerror or err})"
                ) from None
            data = self._snapshot_bytes(snapshot)
            with self._lock:
                if seq < self._written:
                    return
                self._written = seq
            atomic_write(self.path, data)
            self.error = None
        except (OSError, CompareError) as err:
            text = str(err).rstrip(".")
            self.error = (
                f"Crash recovery is not working: {text[0].lower() + text[1:] if text else 'unknown error'}."
            )
        if self.on_result is not None:
            self.on_result(self.error)

    def flush(self) -> None:
        last = self._last
        if last is not None:
            last.result()

    def remove(self) -> None:
        self.flush()
        with contextlib.suppress(OSError):
            self.path.unlink()

    def close(self) -> None:
        self.flush()
        self._executor.shutdown(wait=True)
