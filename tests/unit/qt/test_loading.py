"""Opening shows staged progress with Cancel (issue 15): the stages in order, the files named,
never the welcome text meanwhile; Cancel (or Escape) returns the window to what it showed
before and a cancelled result is never installed."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from compare import APP_NAME
from compare.core.progress import ALIGNING, CHECKING, COMPARING_WORDS, READING, STAGES
from compare.qt import jobs
from compare.qt.loading import describe
from compare.qt.worker import SHOWING, Loader
from compare.resources import sample_pair


def _in_order(stages: list[str]) -> list[str]:
    out: list[str] = []
    for s in stages:
        if not out or out[-1] != s:
            out.append(s)
    return out


@pytest.mark.parametrize("threshold", [10**12, 0], ids=["thread", "child process"])
def test_the_engine_reports_its_stages_in_order(qtbot, threshold: int) -> None:
    loader = Loader(process_threshold=threshold)
    reports: list[tuple[int, str, int, int]] = []
    loader.progress.connect(lambda *args: reports.append(args))
    left, right = sample_pair()
    try:
        with qtbot.waitSignal(loader.finished, timeout=60000) as blocker:
            number = loader.start("pair", str(left), str(right), 10_000_000, size=10)
        qtbot.wait(50)
    finally:
        loader.shutdown()
    assert blocker.args[0] == number and {r[0] for r in reports} == {number}
    expected = [*STAGES, SHOWING] if threshold == 0 else list(STAGES)
    assert _in_order([r[1] for r in reports]) == expected
    words = [(done, total) for _n, stage, done, total in reports if stage == COMPARING_WORDS and total]
    assert words and words[-1][0] == words[-1][1]  # passages done of total, up to all of them
    assert [(d, t) for _n, s, d, t in reports if s == CHECKING][-1] == (3, 3)
    assert [(d, t) for _n, s, d, t in reports if s == READING][-1] == (2, 2)


def test_stage_lines() -> None:
    assert describe(COMPARING_WORDS, 120, 6313) == "Step 3 of 4: comparing words — 120 of 6313 passages…"
    assert describe(ALIGNING, 0, 0) == "Step 2 of 4: aligning the sentences…"
    assert describe(READING, 1, 2) == "Step 1 of 4: reading — 1 of 2 files…"


def test_opening_shows_the_files_and_the_stages_never_the_welcome(open_window, pair, qtbot) -> None:
    window = open_window([], wait=False)
    v = window.views
    assert v.stack.currentWidget() is v.welcome
    window.opener.open_pair(str(pair[0]), str(pair[1]))
    assert v.stack.currentWidget() is v.loading
    assert "machine.txt" in v.loading.title.text() and "edited.txt" in v.loading.title.text()
    assert not v.welcome.isVisible() and v.loading.cancel.isVisible()
    qtbot.waitUntil(lambda: window.ready, timeout=30000)
    assert v.stack.currentIndex() == 1
    assert _in_order(v.loading.stages) == list(STAGES)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Once ``held.arm()`` is called, loads of a pair wait (after reading) until ``held.set()``,
    then finish without looking at progress: a result that arrives after its load was cancelled."""

    class Gate(threading.Event):
        armed = False

        def arm(self) -> None:
            self.armed = True

    gate = Gate()
    real = jobs.JOBS["pair"]

    def pair_job(*args, progress=None):  # type: ignore[no-untyped-def]
        if not gate.armed:
            return real(*args, progress=progress)
        if progress is not None:
            progress(READING, 0, 2)
        gate.wait(30)
        return real(*args)

    monkeypatch.setitem(jobs.JOBS, "pair", pair_job)
    yield gate
    gate.set()


def test_cancel_returns_to_the_comparison_and_ignores_the_late_result(
    open_window, pair, qtbot, held, monkeypatch
) -> None:
    window = open_window(pair)
    before = window.review
    title = window.windowTitle()
    window.navigator.go_to(1)
    window.decisions.take_left()
    left, right = sample_pair()
    held.arm()
    window.opener.open_pair(str(left), str(right), ask=False)
    v = window.views
    assert v.stack.currentWidget() is v.loading and not window.commands.take_left.isEnabled()
    qtbot.waitUntil(lambda: v.loading.stages == [READING])
    qtbot.keyClick(v.loading.cancel, Qt.Key.Key_Escape)
    assert v.stack.currentIndex() == 1 and window.review is before
    assert window.commands.take_left.isEnabled() and window.undo_stack.count() == 1
    assert window.windowTitle() == title and not window.opener.busy and not window.loader.busy
    held.set()  # the cancelled job finishes now: its result must not be installed
    assert window.loader.wait(30000)
    qtbot.wait(200)
    assert window.review is before and window.undo_stack.count() == 1
    # opening again after a cancel works
    monkeypatch.setitem(jobs.JOBS, "pair", jobs.open_pair)
    window.opener.open_pair(str(left), str(right), ask=False)
    qtbot.waitUntil(lambda: window.ready, timeout=30000)
    assert window.review is not before and window.input_paths() == (str(left), str(right))


def test_cancel_on_the_welcome_page_goes_back_to_it(open_window, pair, qtbot, held) -> None:
    window = open_window([], wait=False)
    v = window.views
    held.arm()
    window.opener.open_pair(str(pair[0]), str(pair[1]))
    assert window.windowTitle() == f"Opening… — {APP_NAME}"  # Qt adds no second "— News Compare"
    qtbot.mouseClick(v.loading.cancel, Qt.MouseButton.LeftButton)
    assert v.stack.currentWidget() is v.welcome and window.review is None
    assert window.windowTitle() == APP_NAME
    held.set()
    assert window.loader.wait(30000)
    qtbot.wait(200)
    assert window.review is None and v.stack.currentWidget() is v.welcome


def test_a_cancelled_reload_keeps_the_decisions_and_the_undo_history(open_window, pair, qtbot, held) -> None:
    window = open_window(pair)
    window.navigator.go_to(1)
    window.decisions.take_left()
    assert window.files.dirty
    held.arm()
    window.opener.reload_files(ask=False)
    assert window.views.stack.currentWidget() is window.views.loading
    window.opener.cancel()
    assert window.undo_stack.count() == 1 and window.files.dirty
    assert window.review.decision(1).choice != "keep"
