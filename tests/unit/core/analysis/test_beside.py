"""The single-version checks in a forked child give the findings the parent would find."""

from __future__ import annotations

import os
import threading

import pytest

from compare.core.analysis import beside
from compare.core.analysis.analysis import analyse
from compare.core.checks import check_text
from compare.core.diff.comparison import compare
from compare.core.io.document import Document

LEFT = (
    "The talks between NATO and Russia ended on Wednesday. . Mr Stoltenberg said it was “a very "
    "serious exchange.\n\nThe the alliance will meet again in Brussels next month, officials said.\n"
)
RIGHT = (
    "The talks between NATO and Russia. West ended on Wednesday. Stoltenberg said it was a very "
    "serious exchange. and direct.\n\nThe alliance will meet again in Brussel next month.\n"
)


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() != 1:
        pytest.skip("no fork here, one core, or threads running: the checks stay in the process")
    monkeypatch.setattr(beside, "MIN_CHARS", 0)


def test_the_child_finds_what_the_parent_finds(forking: None) -> None:
    job = beside.ChecksBeside((LEFT, RIGHT))
    assert job._pid is not None
    checked = job.result()
    assert checked is not None
    for (text, language, findings), original in zip(checked, (LEFT, RIGHT), strict=True):
        assert text == original
        assert findings == check_text(original, language)
        assert findings


def test_the_analysis_is_the_same_with_the_child_s_findings(forking: None) -> None:
    comparison = compare(Document.from_text(LEFT, "a.txt"), Document.from_text(RIGHT, "b.txt"))
    checked = beside.ChecksBeside((LEFT, RIGHT)).result()
    assert checked is not None
    assert analyse(comparison, None, checked).findings == analyse(comparison).findings


def test_a_failing_child_gives_no_answer(forking: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(texts: object) -> object:
        raise RuntimeError("broken check")

    monkeypatch.setattr(beside, "_check", fail)
    assert beside.ChecksBeside((LEFT, RIGHT)).result() is None


def test_a_cancelled_child_is_reaped(forking: None) -> None:
    job = beside.ChecksBeside((LEFT, RIGHT))
    pid = job._pid
    assert pid is not None
    job.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert job.result() is None


def test_small_texts_are_checked_in_the_process() -> None:
    assert beside.ChecksBeside(("short", "texts")).result() is None
