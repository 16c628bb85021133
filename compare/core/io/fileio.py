"""Writing the user's files safely.

- A regular file is written atomically: a temporary file in the same folder, then a rename, so
  a crash or a full disk mid-write leaves the previous file intact, never half a file. A symlink
  to a regular file keeps being a symlink: its target is replaced.
- Something that is not a regular file (``/dev/null``, a terminal, a named pipe with a reader,
  ``/dev/stdout``) is written in place, never replaced by a regular file; ``-`` is standard
  output. Block devices and sockets are refused.
- A new file gets the mode the user's umask gives (0644 under umask 022); an existing file
  keeps its mode.
- Temporary files carry the writer's process id; one left behind by a writer that was killed
  is removed the next time that file is written.
- :func:`guard_output` refuses an output path that is one of the inputs (or the open review)
  unless the caller says the user confirmed it.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from compare.core.errors import ExportError, os_error_sentence

STDOUT = "-"
_STALE_SECONDS = 600  # a temporary file of an unknown writer older than this is left over


class ProtectedOutput(ExportError):
    """The output path is one of the inputs (or the open review); ``what`` names it."""

    def __init__(self, path: str | os.PathLike[str], what: str, forcible: bool = True):
        self.path = str(path)
        self.what = what
        self.forcible = forcible  # whether the user may confirm it (--force, a question)
        super().__init__(f"{Path(path).name} is {what}; writing there would replace it.")


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (this process counts; unknown on non-POSIX: True)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


_umask_lock = threading.Lock()
_umask: int | None = None


def current_umask() -> int:
    global _umask
    if _umask is None:
        value = None
        with contextlib.suppress(OSError, ValueError):
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("Umask:"):
                    value = int(line.split()[1], 8)
        if value is None:
            with _umask_lock:
                value = os.umask(0o022)
                os.umask(value)
        _umask = value
    return _umask


def same_file(a: str | os.PathLike[str] | None, b: str | os.PathLike[str] | None) -> bool:
    """Whether two paths name the same file (through links and relative paths)."""
    if not a or not b:
        return False
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return os.path.realpath(a) == os.path.realpath(b)


def guard_output(
    path: str | os.PathLike[str],
    protected: Iterable[tuple[str, str | os.PathLike[str] | None]],
    *,
    force: bool = False,
    forcible: bool = True,
) -> None:
    """Raise :class:`ProtectedOutput` when ``path`` is one of ``protected`` ((what, path) pairs,
    e.g. ("the left input file", "a.txt")), unless ``force`` (the user confirmed it) and
    ``forcible`` (some files, such as the review being exported, are never replaced)."""
    if (force and forcible) or str(path) == STDOUT:
        return
    for what, other in protected:
        if same_file(path, other):
            raise ProtectedOutput(path, what, forcible)


def _sweep_stale(folder: Path, name: str) -> None:
    """Remove temporary files of ``name`` left by writers that were killed."""
    with contextlib.suppress(OSError):
        for tmp in folder.glob(f".{glob.escape(name)}.*.tmp"):
            middle = tmp.name[len(name) + 2 : -4]
            pid_text, _, _ = middle.partition("-")
            try:
                if pid_text.isdigit():
                    stale = not process_alive(int(pid_text))
                else:  # written by an older version, without a process id
                    stale = time.time() - tmp.lstat().st_mtime > _STALE_SECONDS
                if stale and stat.S_ISREG(tmp.lstat().st_mode):
                    tmp.unlink()
            except OSError:
                continue


def _write_in_place(path: Path, data: bytes) -> None:
    """Write to something that is not a regular file without replacing it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise ExportError(f"{path} is a named pipe that nobody reads.") from None
        raise ExportError(os_error_sentence(err, path, "written")) from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except OSError as err:
        raise ExportError(os_error_sentence(err, path, "written")) from None
    finally:
        os.close(fd)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` as described in the module docstring."""
    if str(path) == STDOUT:
        out = sys.stdout.buffer
        out.write(data)
        out.flush()
        return
    given = Path(path)
    try:
        st: os.stat_result | None = os.stat(given)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise ExportError(os_error_sentence(err, given, "written")) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ExportError(f"{given} is a folder; choose a file name.")
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISBLK(st.st_mode) or stat.S_ISSOCK(st.st_mode):
            raise ExportError(f"{given} is a device or socket, not a file; choose a file name.")
        _write_in_place(given, data)
        return
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist.")
    _sweep_stale(folder, target.name)
    import tempfile  # here: importing it (and shutil) takes 10 ms of the window's start-up

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError as err:
        raise ExportError(os_error_sentence(err, f"The folder {folder}", "written in")) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~current_umask()
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise ExportError(os_error_sentence(err, target, "written")) from None
        raise
