"""Progress of a long comparison, told through a plain callback (the engine knows nothing of
whoever listens: the window hands the reports to its own thread).

``progress(stage, done, total)`` is called at the start of each stage and, where a count is
known, as its work gets done (``total`` 0: no count). A callback may raise :class:`Cancelled` to
stop the work at the next report; the caller that cancelled catches it.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]

READING = "reading"
ALIGNING = "aligning"
COMPARING_WORDS = "comparing words"
CHECKING = "checking"
STAGES = (READING, ALIGNING, COMPARING_WORDS, CHECKING)


class Cancelled(Exception):
    """Raised by a progress callback: nobody waits for this result any more."""


def report(progress: Progress | None, stage: str, done: int = 0, total: int = 0) -> None:
    if progress is not None:
        progress(stage, done, total)
