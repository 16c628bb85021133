"""Errors the user sees: each carries one plain sentence, never a traceback."""

from __future__ import annotations

import errno
import os


class CompareError(Exception):
    """An error caused by the user's input (a file, a session, an option).

    ``str(err)`` is a single sentence meant for the user; the command line prints it
    and exits with status 2, the window shows it in a dialog.
    """


class LoadError(CompareError):
    """A file could not be opened as text."""


class SessionError(CompareError):
    """A review session file is corrupt, foreign or of an unknown version."""


class ExportError(CompareError):
    """The reconciled article could not be written."""


def os_error_sentence(err: OSError, path: str | os.PathLike[str], action: str = "read") -> str:
    """One sentence for a failed read or write of ``path`` (``action``: "read" or "written"),
    the one mapping of operating-system errors to what the user is told."""
    where = str(path)
    if isinstance(err, FileNotFoundError):
        return f"{where} does not exist."
    if isinstance(err, IsADirectoryError):
        return f"{where} is a folder, not a file."
    if isinstance(err, PermissionError):
        return f"{where} cannot be {action}: permission denied."
    if err.errno == errno.ENOSPC:
        return f"{where} cannot be {action}: the disk is full."
    if err.errno == errno.EROFS:
        return f"{where} cannot be {action}: the disk is read-only."
    return f"{where} cannot be {action}: {(err.strerror or str(err)).rstrip('.')}."
