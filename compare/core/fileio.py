"""Atomic file writes: a temporary file in the same folder, then a rename.

A crash or a full disk mid-write leaves the previous file intact, never half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import ExportError


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist.")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; choose a file name.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise ExportError(f"Cannot write in {folder}: permission denied.") from None
    except OSError as err:
        raise ExportError(f"Cannot write in {folder}: {err.strerror or err}.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(f"Cannot write {target}: {err.strerror or err}.") from None
