"""Work that needs no result of the work beside it, in a forked child: the single-version checks
of both texts beside the alignment, the ranking's facts and the numbers rule beside the other
cross-version checks.

The artifact checks of one version read only its text and its language, both known before the
alignment starts, so on a machine with a second core they need not wait for it: the command line
forks a child that detects each text's language and checks it, while the parent aligns and
diffs; :func:`~compare.core.analysis.analysis.analyse` then takes the child's findings instead of
checking again. The child answers through a pipe with the pickled findings and exits at once
(``os._exit``: no atexit handlers, no buffers of the parent flushed twice). Whatever goes wrong
(no ``fork`` on this system, one core, a child that fails or is killed, an answer for another
language than the comparison found) gives no answer, and the checks then run in the parent as
before: the findings are the same either way.

:class:`Beside` does the same for any function of values the parent holds: the child inherits
them, so nothing is pickled but the answer. :func:`~compare.core.analysis.analysis.analyse`
computes the ranking's facts of each passage (:func:`~compare.core.analysis.ranking.passage_facts`,
a second of a megabyte pair) and the number-mismatch findings (half a second) in one while it
runs the other cross-version checks (the names rule alone takes 1.6 seconds there).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import threading
from collections.abc import Callable, Sequence

from compare.core.checks import check_text
from compare.core.checks.finding import Finding
from compare.core.text.language import UNKNOWN, detect_language

#: Below this many characters on both sides together a fork costs more than it saves.
MIN_CHARS = 200_000

Checked = list[tuple[str, str | None, list[Finding]]]
"""Per side: (the text checked, the language it was checked as, the findings)."""


def _check(texts: Sequence[str]) -> Checked:
    out: Checked = []
    for text in texts:
        language = detect_language(text)
        base = language.base if language.code != UNKNOWN else None
        out.append((text, base, check_text(text, base)))
    return out


class Beside:
    """``fn(*args)`` running in a forked child process; :meth:`result` waits for its value.

    The child inherits ``args`` (nothing is pickled to start it) and answers with its pickled
    value. No fork (no ``fork`` here, one core, another thread running, ``size`` below
    :data:`MIN_CHARS`) or no answer (the child failed or was killed): :meth:`result` gives None,
    and the caller computes the value itself."""

    def __init__(self, fn: Callable[..., object], *args: object, size: int) -> None:
        self._pid: int | None = None
        self._fd: int | None = None
        if (
            not hasattr(os, "fork")
            or (os.cpu_count() or 1) < 2
            or size < MIN_CHARS
            or threading.active_count() != 1  # fork only a single-threaded process
        ):
            return
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the child
            status = 1  # any failure: no answer, the parent computes it
            try:
                with contextlib.suppress(BaseException):
                    os.close(read_fd)
                    data = pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL)
                    with os.fdopen(write_fd, "wb") as out:
                        out.write(data)
                    status = 0
            finally:
                os._exit(status)
        os.close(write_fd)
        self._pid, self._fd = pid, read_fd

    @property
    def running(self) -> bool:
        """A child was started (and not yet waited for): the other core is taken."""
        return self._pid is not None

    def result(self) -> object | None:
        """The child's value (waiting for it), or None when there is none to take."""
        if self._pid is None or self._fd is None:
            return None
        chunks = []
        try:
            with os.fdopen(self._fd, "rb") as fh:
                self._fd = None
                chunks.append(fh.read())
        finally:
            status = self._reap()
        if status != 0:
            return None
        try:
            value: object = pickle.loads(b"".join(chunks))
        except Exception:  # a truncated answer
            return None
        return value

    def cancel(self) -> None:
        """Stop the child, if it still runs (the work it was for failed or was interrupted)."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, 9)
            self._reap()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def _reap(self) -> int:
        pid, self._pid = self._pid, None
        if pid is None:
            return -1
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return -1
        return os.waitstatus_to_exitcode(status)


class ChecksBeside(Beside):
    """The checks of ``texts`` running in a child process; :meth:`result` waits for them."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        super().__init__(_check, self.texts, size=sum(len(t) for t in self.texts))

    def result(self) -> Checked | None:
        """The child's findings (waiting for them), or None when there are none to take."""
        checked = super().result()
        return checked if isinstance(checked, list) and len(checked) == len(self.texts) else None
