"""Errors the user sees: each carries one plain sentence, never a traceback."""

from __future__ import annotations


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
