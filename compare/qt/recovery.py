"""Crash recovery: after every change the review is written to a recovery file in
the per-user data folder; a clean close removes it; a file left behind means the
program did not close cleanly, and the next start offers to restore it.

The data folder is ``platformdirs.user_data_dir("news-compare")``, or the folder
named by the environment variable ``NEWS_COMPARE_DATA_DIR``.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..core.errors import CompareError
from ..core.fileio import atomic_write

PREFIX = "recovery-"
SUFFIX = ".ncsession"


def data_dir() -> Path:
    override = os.environ.get("NEWS_COMPARE_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("news-compare", appauthor=False))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False  # cannot tell cheaply: treat as left behind
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def left_behind() -> list[Path]:
    """Recovery files of News Compare processes that are no longer running."""
    folder = data_dir()
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), key=lambda q: q.stat().st_mtime, reverse=True):
        try:
            pid = int(p.name[len(PREFIX):-len(SUFFIX)])
        except ValueError:
            continue
        if not _alive(pid):
            out.append(p)
    return out


class RecoveryWriter:
    """Writes snapshots on a background thread, newest wins; writes never overlap."""

    def __init__(self, path: Path | None = None):
        self.path = path or data_dir() / f"{PREFIX}{os.getpid()}{SUFFIX}"
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recovery")
        self._lock = threading.Lock()
        self._seq = 0
        self._written = 0
        self._last: Future[None] | None = None
        self.error: str | None = None

    def write(self, snapshot: dict[str, Any]) -> None:
        with self._lock:
            self._seq += 1
            seq = self._seq
        self._last = self._executor.submit(self._write, seq, snapshot)

    def _write(self, seq: int, snapshot: dict[str, Any]) -> None:
        with self._lock:
            if seq < self._seq:  # a newer snapshot is queued: skip this one
                return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # compact: the C encoder, one short hold of the interpreter lock, not a long contest
            data = json.dumps(snapshot, ensure_ascii=False).encode("utf-8")
            with self._lock:
                if seq < self._written:
                    return
                self._written = seq
            atomic_write(self.path, data)
            self.error = None
        except (OSError, CompareError) as err:
            self.error = str(err)

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
