"""Background loading: reading, aligning and diffing never run on the UI thread.

Small inputs run on a QThreadPool thread. Large ones run in a child process: the
comparison is pure Python, and a CPU-bound thread would hold the interpreter lock
and starve the window. Every job carries a generation number; a result that
arrives after a newer job started is stale and dropped by the caller.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from compare.core.errors import CompareError

from . import jobs

PROCESS_THRESHOLD = 200_000  # bytes of input above which the job runs in a child process


def _yield_gil() -> None:
    time.sleep(0.001)


class _Job(QRunnable):
    def __init__(self, loader: Loader, generation: int, name: str, args: tuple[Any, ...], in_process: bool):
        super().__init__()
        self.loader = loader
        self.generation = generation
        self.name = name
        self.args = args
        self.in_process = in_process
        self.setAutoDelete(True)

    def run(self) -> None:
        loader = self.loader
        try:
            if self.in_process:
                future = loader.executor().submit(jobs.run_packed, self.name, *self.args)
                result = jobs.unpack(future.result(), pause=_yield_gil)
            else:
                result = jobs.JOBS[self.name](*self.args)
        except CompareError as err:
            loader.failed.emit(self.generation, str(err))
        except MemoryError:
            loader.failed.emit(self.generation, "There is not enough memory to compare these files.")
        except Exception as err:  # a bug: say so plainly, keep the window alive
            traceback.print_exc()
            loader.failed.emit(
                self.generation, f"The files could not be compared ({type(err).__name__}: {err})."
            )
        else:
            loader.finished.emit(self.generation, result)


class Loader(QObject):
    """Runs load jobs off the UI thread and reports through signals."""

    finished = Signal(int, object)  # generation, jobs.Loaded
    failed = Signal(int, str)  # generation, one plain sentence
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, process_threshold: int = PROCESS_THRESHOLD):
        super().__init__(parent)
        self.process_threshold = process_threshold
        self.generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._executor: ProcessPoolExecutor | None = None
        self._running: set[int] = set()
        self.finished.connect(self._done)
        self.failed.connect(self._done)

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        return self._executor

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, name: str, *args: Any, size: int = 0) -> int:
        """Start job ``name`` (see :data:`jobs.JOBS`); returns its generation."""
        self.generation += 1
        in_process = size > self.process_threshold
        if in_process:
            self.executor()  # create it on the UI thread
        was_busy = self.busy
        self._running.add(self.generation)
        self._pool.start(_Job(self, self.generation, name, args, in_process))
        if not was_busy:
            self.busy_changed.emit(True)
        return self.generation

    def _done(self, generation: int, _result: object) -> None:
        self._running.discard(generation)
        if not self._running:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 60000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        self._pool.waitForDone(60000)
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
