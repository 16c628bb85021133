"""Background loading: reading, aligning and diffing never run on the UI thread.

Small inputs run on a QThreadPool thread. Large ones run in a child process: the comparison is
pure Python, and a CPU-bound thread would hold the interpreter lock and starve the window. Every
job has a number of its own, reported with its result: whoever started a job knows which result
answers it, and checks on arrival whether it still applies (a load is not made stale by a
realignment, nor the other way round).

Jobs report their stages (:mod:`compare.core.progress`) through :attr:`Loader.progress`: from a
thread directly (a signal crosses to the UI thread safely), from the child process through a
queue that the waiting thread drains. :meth:`Loader.cancel` stops waiting for a job at once:
nothing of it is reported any more, and the job itself stops at its next progress report.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from compare.core.errors import CompareError
from compare.core.limits import THREAD_JOB_BYTES
from compare.core.progress import Cancelled
from compare.qt import jobs

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import ProcessPoolExecutor

    from compare.qt.ahead import PairAhead

log = logging.getLogger(__name__)

PROCESS_THRESHOLD = THREAD_JOB_BYTES  # bytes of input above which the job runs in a child process
CANCEL_SLOTS = 16  # the latest cancelled job numbers the child process is told about
SHOWING = "showing"  # the last stage, the window's own: the result comes across and is shown


def _yield_gil() -> None:
    time.sleep(0.001)


class _Job(QRunnable):
    def __init__(
        self,
        loader: Loader,
        number: int,
        name: str,
        args: tuple[Any, ...],
        in_process: bool,
        ahead: PairAhead | None = None,
    ):
        super().__init__()
        self.loader = loader
        self.number = number
        self.name = name
        self.args = args
        self.in_process = in_process
        self.ahead = ahead  # the same pair, being opened in a child forked at start-up
        self.setAutoDelete(True)

    def run(self) -> None:
        loader = self.loader
        number = self.number
        try:
            if self.in_process:
                from concurrent.futures import TimeoutError as FutureTimeout

                future = loader.executor().submit(jobs.run_packed, self.name, number, *self.args)
                while True:
                    try:
                        chunks = future.result(timeout=0.05)
                        break
                    except FutureTimeout:
                        loader.drain_reports()
                        if loader.cancelled(number):
                            return  # nobody waits for it; the child stops at its next report
                loader.drain_reports()
                if loader.cancelled(number):
                    return
                loader.report_progress(number, SHOWING, 0, 0)
                result = jobs.unpack_result(self.name, chunks, pause=_yield_gil)
            else:

                def progress(stage: str, done: int, total: int) -> None:
                    if loader.cancelled(number):
                        raise Cancelled
                    loader.report_progress(number, stage, done, total)

                result = None
                if self.ahead is not None:
                    result = self.ahead.take(lambda: loader.cancelled(number))
                    if loader.cancelled(number):
                        return
                if result is None:  # no child answered: open it here
                    result = jobs.run_here(self.name, *self.args, progress=progress)
        except Cancelled:
            return
        except CompareError as err:
            loader.report_failure(self.number, str(err))
        except MemoryError:
            loader.report_failure(self.number, "There is not enough memory to compare these files.")
        except Exception as err:  # a bug: log it, say so plainly, keep the window alive
            if not loader.closed:
                log.exception("background job %s failed", self.name)
            loader.report_failure(
                self.number, f"The files could not be compared ({type(err).__name__}: {err})."
            )
        else:
            loader.report_result(self.number, result)


class Loader(QObject):
    """Runs jobs (see :data:`jobs.JOBS`) off the UI thread and reports through signals."""

    finished = Signal(int, object)  # job number, jobs.Loaded (jobs.Checks for the job "checks")
    failed = Signal(int, str)  # job number, one plain sentence
    progress = Signal(int, str, int, int)  # job number, stage, done, total (0: no count)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, process_threshold: int = PROCESS_THRESHOLD):
        super().__init__(parent)
        self.process_threshold = process_threshold
        self._numbers = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._executor: ProcessPoolExecutor | None = None
        self._running: set[int] = set()
        self._cancelled: set[int] = set()
        self._lock = threading.Lock()
        self._drain_lock = threading.Lock()
        self._reports: Any = None  # the child's progress reports (made with the child)
        self._cancel_slots: Any = None  # shared with the child: the latest cancelled job numbers
        self.closed = False
        # the pair of the command line, opened in a child forked at start-up: the first job that
        # asks for that pair takes its answer (see compare/qt/ahead.py)
        self.ahead: PairAhead | None = None
        self.finished.connect(self._done)
        self.failed.connect(self._done)

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # made with the first large pair: a small one never pays for importing multiprocessing
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("spawn")
            # a SimpleQueue writes from the reporting thread itself: a Queue would start a feeder
            # thread in the child, and the child forks the single-version checks (beside.py)
            self._reports = ctx.SimpleQueue()
            self._cancel_slots = ctx.Array("q", CANCEL_SLOTS)
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=ctx,
                initializer=jobs.init_child,
                initargs=(self._reports, self._cancel_slots),
            )
        return self._executor

    def cancelled(self, number: int) -> bool:
        with self._lock:
            return number in self._cancelled

    def cancel(self, number: int) -> None:
        """Stop waiting for job ``number``: it reports nothing more (not even its end), and stops
        at its next progress report."""
        with self._lock:
            if number not in self._running:
                return
            self._cancelled.add(number)
            slots = self._cancel_slots
            if slots is not None:
                slots[len(self._cancelled) % CANCEL_SLOTS] = number
        self._done(number, None)

    def drain_reports(self) -> None:
        """Pass on what the child process reported (on whichever thread waits for it)."""
        reports = self._reports
        if reports is None:
            return
        with self._drain_lock:  # one reader at a time: then a queue not empty has a report to get
            while True:
                try:
                    if reports.empty():
                        return
                    number, stage, done, total = reports.get()
                except (OSError, ValueError, EOFError):
                    return
                self.report_progress(number, stage, done, total)

    def report_progress(self, number: int, stage: str, done: int, total: int) -> None:
        if not self.closed and not self.cancelled(number):
            self.progress.emit(number, stage, done, total)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, name: str, *args: Any, size: int = 0) -> int:
        """Start job ``name``; returns its number (the first argument of its result signal)."""
        self._numbers += 1
        in_process = size > self.process_threshold
        if in_process:
            self.executor()  # create it on the UI thread
        ahead, self.ahead = self.ahead, None  # asked for once: by the first job, or never
        if ahead is not None and (in_process or name != "pair" or not ahead.answers(*args)):
            ahead.cancel()
            ahead = None
        was_busy = self.busy
        self._running.add(self._numbers)
        self._pool.start(_Job(self, self._numbers, name, args, in_process, ahead))
        if not was_busy:
            self.busy_changed.emit(True)
        return self._numbers

    def report_result(self, number: int, result: object) -> None:
        if not self.closed and not self.cancelled(number):
            self.finished.emit(number, result)

    def report_failure(self, number: int, message: str) -> None:
        if not self.closed and not self.cancelled(number):
            self.failed.emit(number, message)

    def _done(self, number: int, _result: object) -> None:
        if number not in self._running:
            return
        self._running.discard(number)
        if not self._running:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 60000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Stop at once: a job in a child process is killed (its result is not wanted any more);
        a job on a thread is small and finishes."""
        self.closed = True
        if self.ahead is not None:
            self.ahead.cancel()
            self.ahead = None
        if self._executor is not None:
            # ProcessPoolExecutor has no public way to stop a running task: end its processes.
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.terminate()
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._pool.waitForDone(30000)
