from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from compare.cli import sample_pair
from compare.core.comparison import EQUAL
from compare.qt import jobs, recovery
from compare.qt.worker import Loader


def test_pack_unpack_round_trip() -> None:
    left, right = sample_pair()
    loaded = jobs.open_pair(str(left), str(right), 10_000_000)
    loaded.review.set_decision(2, loaded.review.decision(2).__class__(choice="take-other", note="n"))
    back = jobs.unpack(jobs.pack(loaded))
    assert back.review.comparison.passages == loaded.review.comparison.passages
    assert back.review.decisions() == loaded.review.decisions()
    assert back.review.comparison.left.words == loaded.review.comparison.left.words


def test_loader_runs_in_a_child_process_for_large_input(qtbot) -> None:
    loader = Loader(process_threshold=0)
    left, right = sample_pair()
    try:
        with qtbot.waitSignal(loader.finished, timeout=60000) as blocker:
            generation = loader.start("pair", str(left), str(right), 10_000_000, size=10)
        assert blocker.args[0] == generation
        assert len(blocker.args[1].review.passages) > 10
    finally:
        loader.shutdown()


def test_loader_reports_errors_as_sentences(qtbot, tmp_path) -> None:
    loader = Loader()
    with qtbot.waitSignal(loader.failed, timeout=20000) as blocker:
        loader.start("pair", str(tmp_path / "no.txt"), str(tmp_path / "no2.txt"), 1000)
    assert blocker.args[1].endswith("does not exist.")
    loader.shutdown()


def test_clean_close_removes_the_recovery_file(open_window, pair) -> None:
    window = open_window(pair)
    window.take_left()
    window.recovery.flush()
    assert window.recovery.path.exists()
    assert window.recovery.path.parent == Path(os.environ["NEWS_COMPARE_DATA_DIR"])
    window.close()
    assert not window.recovery.path.exists()


def simulate_crash(window) -> Path:  # type: ignore[no-untyped-def]
    """Leave the recovery file behind as a crash would, under a dead process's id."""
    window.recovery.flush()
    crashed = window.recovery.path.with_name(f"{recovery.PREFIX}999999999{recovery.SUFFIX}")
    os.replace(window.recovery.path, crashed)
    return crashed


def test_recovery_after_a_crash(open_window, pair, messages, qtbot, wait_loaded) -> None:
    window = open_window(pair)
    rows = [p.index for p in window.review.passages if p.kind != EQUAL]
    window.go_to(rows[0])
    window.take_left()
    messages.answer("note", "check with the desk")
    window.edit_note()
    window.go_to(rows[1])
    window.take_both()
    decisions = window.review.decisions()
    crashed = simulate_crash(window)
    window._force_dirty = False
    window.undo_stack.setClean()  # the crashed window is gone: close it quietly

    messages.answer("question", QMessageBox.StandardButton.Yes)
    again = open_window([], wait=False)
    wait_loaded(again)
    assert any("did not close properly" in t for t in messages.texts)
    assert again.review.decisions() == decisions
    assert again.isWindowModified()  # restored work is unsaved work
    assert again.input_paths() == (str(pair[0]), str(pair[1]))
    assert not crashed.exists()  # taken over by the new window's own recovery file
    again.recovery.flush()
    assert again.recovery.path.exists()


def test_declining_recovery_discards_it(open_window, pair, messages) -> None:
    window = open_window(pair)
    window.take_left()
    crashed = simulate_crash(window)
    window.undo_stack.setClean()
    messages.answer("question", QMessageBox.StandardButton.No)
    again = open_window([], wait=False)
    assert again.review is None
    assert not crashed.exists()


def test_a_damaged_recovery_file_is_reported(open_window, messages, isolated_environment) -> None:
    folder = Path(os.environ["NEWS_COMPARE_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{recovery.PREFIX}999999998{recovery.SUFFIX}").write_text("{not json", encoding="utf-8")
    messages.answer("question", QMessageBox.StandardButton.Yes)
    window = open_window([], wait=False)
    assert window.review is None
    assert any("damaged" in t for t in messages.texts)
