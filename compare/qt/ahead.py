"""The pair of the command line, opened in a forked child while the window starts.

``news-compare-gui LEFT RIGHT`` on an article spends about as long starting Qt and building the
window as comparing and checking the two files, and both are work for one core each. So the
command line forks, before Qt or the engine is imported, a child that opens the pair exactly as the
window's loader would (:func:`compare.qt.jobs.open_pair`, packed as for a child process) and
answers through a pipe; the window's loader takes that answer for the job that asks for the same
pair with the same limits and no glossary, and otherwise kills the child. Whatever goes wrong (no
``fork`` here, one core, another thread running, a large pair, a child that fails or is killed)
gives no answer, and the pair is opened on the loader's thread as before: the review is the same
either way (tests/unit/qt/test_ahead.py).

This module imports nothing heavy: the engine is imported just before the fork (the window needs it
too, so the child inherits it for free), Qt only after it, by the parent alone.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import pickle
import select
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Any

from compare import APP_NAME
from compare.core.limits import MAX_INPUT_BYTES, THREAD_JOB_BYTES

_POLL = 0.05  # seconds between looks at whether the job waiting for the child was cancelled


def parser() -> argparse.ArgumentParser:
    """The window's command line: ``news-compare [LEFT RIGHT | SESSION | --sample]``."""
    p = argparse.ArgumentParser(
        prog="news-compare", add_help=True, description=f"{APP_NAME}: compare two versions of a news article."
    )
    p.add_argument("paths", nargs="*", help="LEFT RIGHT (two versions) or SESSION (a saved review)")
    p.add_argument("--sample", action="store_true", help="open the bundled sample pair")
    # For smoke tests of installs and bundles: exit 0 once the comparison is shown,
    # 1 if it is not shown within this many milliseconds.
    p.add_argument("--quit-when-loaded", type=int, metavar="MS", help=argparse.SUPPRESS)
    return p


def _child(left: str, right: str, max_bytes: int, write_fd: int) -> None:
    """In the child: open the pair, write ("ok", chunks) or ("error", sentence), and exit."""
    status = 1  # any failure: no answer, the window opens the pair itself
    try:
        with contextlib.suppress(BaseException):
            import gc

            gc.disable()  # a short life: the collector would only cost time
            from compare.core.errors import CompareError
            from compare.qt import jobs

            try:
                answer: tuple[str, Any] = ("ok", jobs.pack(jobs.open_pair(left, right, max_bytes)))
            except CompareError as err:
                answer = ("error", str(err))
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
            status = 0
    finally:
        os._exit(status)


class PairAhead:
    """The pair ``left``-``right`` being opened in a child process; :meth:`take` waits for it."""

    def __init__(self, left: str, right: str, max_bytes: int = MAX_INPUT_BYTES) -> None:
        self.args = (left, right, max_bytes)
        self._pid: int | None = None
        self._fd: int | None = None
        if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() != 1:
            return  # no second core to use, or a process that must not fork
        try:
            if os.path.getsize(left) + os.path.getsize(right) > THREAD_JOB_BYTES:
                return  # a large pair runs in the loader's own child process, in stages
        except OSError:
            return  # the loader says what is wrong with the files
        # The engine is imported before the fork: the window imports it anyway, so this costs the
        # parent nothing, and the child starts comparing at once instead of importing it again.
        from compare.qt import jobs  # noqa: F401

        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:
            os.close(read_fd)
            _child(left, right, max_bytes, write_fd)
        os.close(write_fd)
        self._pid, self._fd = pid, read_fd

    @property
    def running(self) -> bool:
        """A child was started and is not waited for yet."""
        return self._pid is not None

    def answers(self, left: str, right: str, max_bytes: int, glossary: object) -> bool:
        """Whether this child opens what the job ``pair`` with these arguments would open."""
        return self.running and glossary is None and (left, right, max_bytes) == self.args

    def take(self, cancelled: Callable[[], bool]) -> Any:
        """The child's answer: a :class:`~compare.qt.jobs.Loaded`, or None when there is none
        (the child failed, or ``cancelled()`` became true while waiting: the child is then
        killed). A file the child could not open raises the loader's CompareError."""
        fd, pid = self._fd, self._pid
        if fd is None or pid is None:
            return None
        parts: list[bytes] = []
        try:
            while True:
                ready, _, _ = select.select([fd], [], [], _POLL)
                if cancelled():
                    self.cancel()
                    return None
                if ready:
                    chunk = os.read(fd, 1 << 20)
                    if not chunk:
                        break
                    parts.append(chunk)
        except OSError:
            self.cancel()
            return None
        status = self._reap()
        if status != 0 or not parts:
            return None
        try:
            kind, payload = pickle.loads(b"".join(parts))
        except Exception:
            return None
        from compare.qt import jobs

        if kind == "error":
            from compare.core.errors import CompareError

            raise CompareError(str(payload))
        return jobs.unpack(payload)

    def _reap(self) -> int | None:
        """Close the pipe and wait for the child; its exit status (None: not known)."""
        fd, pid = self._fd, self._pid
        self._fd = self._pid = None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
        if pid is None:
            return None
        try:
            _, status = os.waitpid(pid, 0)
        except OSError:
            return None
        return os.waitstatus_to_exitcode(status)

    def cancel(self) -> None:
        """The answer is not wanted: end the child (and leave no zombie)."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
        self._reap()


def start(argv: Sequence[str]) -> PairAhead | None:
    """The pair of this window command line opened ahead, or None (not two files, bad arguments:
    the window says what is wrong)."""
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            args = parser().parse_args(list(argv))
    except SystemExit:
        return None
    if args.sample or len(args.paths) != 2:
        return None
    left, right = (str(p) for p in args.paths)
    if not (os.path.isfile(left) and os.path.isfile(right)):
        return None
    ahead = PairAhead(left, right)
    return ahead if ahead.running else None
