from __future__ import annotations

import json
import os
from pathlib import Path

from compare.core.diff.comparison import EQUAL
from compare.core.review.review import TAKE_OTHER, Decision
from compare.qt import jobs, recovery
from compare.qt.worker import Loader
from compare.resources import sample_pair


def test_pack_unpack_round_trip() -> None:
    left, right = sample_pair()
    loaded = jobs.open_pair(str(left), str(right), 10_000_000)
    loaded.review.set_decision(2, loaded.review.decision(2).__class__(choice="take-other", note="n"))
    back = jobs.unpack(jobs.pack(loaded))
    assert back.review.comparison.passages == loaded.review.comparison.passages
    assert back.review.comparison.evidence == loaded.review.comparison.evidence is not None
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
    window.decisions.take_left()
    window.files.recovery.flush()
    assert window.files.recovery.path.exists()
    assert window.files.recovery.path.parent == Path(os.environ["NEWS_COMPARE_DATA_DIR"])
    window.close()
    assert not window.files.recovery.path.exists()


def simulate_crash(window, pid: int = 999999999) -> Path:  # type: ignore[no-untyped-def]
    """Leave the recovery file behind as a crash would, under a dead process's id."""
    window.files.recovery.flush()
    crashed = window.files.recovery.path.with_name(f"{recovery.PREFIX}{pid}-1{recovery.SUFFIX}")
    os.replace(window.files.recovery.path, crashed)
    window.files.force_dirty = False
    window.undo_stack.setClean()  # the crashed window is gone: close it quietly
    return crashed


def test_recovery_after_a_crash(open_window, pair, messages, qtbot, wait_loaded) -> None:
    window = open_window(pair)
    rows = [p.index for p in window.review.passages if p.kind != EQUAL]
    window.navigator.go_to(rows[0])
    window.decisions.take_left()
    messages.answer("note", "check with the desk")
    window.decisions.edit_note()
    window.navigator.go_to(rows[1])
    window.decisions.take_both()
    decisions = window.review.decisions()
    crashed = simulate_crash(window)

    messages.answer("recovery", [0])
    again = open_window([], wait=False)
    wait_loaded(again)
    offered = [t for kind, t in messages.shown if kind == "recovery"]
    assert offered == [
        f"{pair[0].name} ↔ {pair[1].name} — 2 decisions, last change "
        + offered[0].rsplit("last change ", 1)[1]
    ]
    assert again.review.decisions() == decisions
    assert again.isWindowModified()  # restored work is unsaved work
    assert again.input_paths() == (str(pair[0]), str(pair[1]))
    assert not crashed.exists()  # taken over by the new window's own recovery file
    again.files.recovery.flush()
    assert again.files.recovery.path.exists()


def test_two_crashed_windows_are_both_offered_and_both_restored(
    open_window, pair, messages, wait_loaded, qtbot
) -> None:
    from compare.qt import app

    first = open_window(pair)
    first.decisions.take_left()
    second = open_window(pair)
    assert second.files.recovery.path != first.files.recovery.path  # one recovery file per window
    rows = [p.index for p in second.review.passages if p.kind != EQUAL]
    second.navigator.go_to(rows[0])
    second.decisions.take_left()
    second.navigator.go_to(rows[1])
    second.decisions.take_both()
    assert len(second.review.decisions()) == 2
    crashed = [simulate_crash(first, 999999991), simulate_crash(second, 999999992)]

    messages.answer("recovery", [0, 1])
    again = open_window([], wait=False)
    wait_loaded(again)
    assert len(app.extra_windows) == 1
    other = app.extra_windows.pop()
    qtbot.addWidget(other)
    wait_loaded(other)
    assert sorted(len(w.review.decisions()) for w in (again, other)) == [1, 2]
    assert not any(p.exists() for p in crashed)


def test_deciding_later_keeps_the_review_for_the_next_start(open_window, pair, messages) -> None:
    window = open_window(pair)
    window.decisions.take_left()
    crashed = simulate_crash(window)
    again = open_window([], wait=False)  # the dialog is closed with "Decide later"
    assert again.review is None
    assert crashed.exists()
    third = open_window([], wait=False)
    assert third.review is None
    assert [kind for kind, _ in messages.shown].count("recovery") == 2  # offered again


def test_discarding_a_review_deletes_only_that_one(open_window, pair, messages) -> None:
    window = open_window(pair)
    window.decisions.take_left()
    kept = simulate_crash(window, 999999993)
    window2 = open_window(pair)
    window2.decisions.take_both()
    gone = simulate_crash(window2, 999999994)
    os.utime(kept, (1, 1))  # older: listed second
    messages.answer("discard", [0])
    again = open_window([], wait=False)
    assert again.review is None
    assert not gone.exists()
    assert kept.exists()


def test_a_dangling_link_in_the_data_folder_is_ignored(open_window, pair, messages) -> None:
    folder = Path(os.environ["NEWS_COMPARE_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{recovery.PREFIX}999999997-1{recovery.SUFFIX}").symlink_to(folder / "nowhere")
    window = open_window(pair)
    assert window.review is not None
    assert not [kind for kind, _ in messages.shown if kind == "recovery"]


def test_a_failed_autosave_is_shown_and_retried(open_window, pair, qtbot, tmp_path) -> None:
    window = open_window(pair)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be")
    window.files.recovery.path = blocked / "recovery.ncsession"
    window.files.retry.setInterval(50)
    window.decisions.take_left()
    qtbot.waitUntil(lambda: window.views.recovery_label.isVisible(), timeout=5000)
    assert "Crash recovery" in window.views.recovery_label.text()
    assert "cannot be created" in window.views.recovery_label.toolTip()
    blocked.unlink()
    blocked.mkdir()
    qtbot.waitUntil(
        lambda: not window.views.recovery_label.isVisible(), timeout=5000
    )  # retried, and it worked
    assert window.files.recovery.path.exists()


def test_a_damaged_recovery_file_is_reported(open_window, messages, isolated_environment) -> None:
    folder = Path(os.environ["NEWS_COMPARE_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{recovery.PREFIX}999999998{recovery.SUFFIX}").write_text("{not json", encoding="utf-8")
    messages.answer("recovery", [0])
    window = open_window([], wait=False)
    assert window.review is None
    assert any("damaged" in t for t in messages.texts)


def test_a_recovery_snapshot_reads_the_same_as_a_session(tmp_path, monkeypatch) -> None:
    """The recovery writer encodes the texts and the alignment once per comparison, in slices,
    and only the decisions again; the file is byte for byte what json.dumps of the session gives."""
    from compare.core.review.session import review_to_json, session_to_json
    from compare.qt.recovery import RecoveryWriter

    monkeypatch.setattr(recovery, "SLICE", 3)  # every list longer than 3 goes in slices
    left, right = sample_pair()
    review = jobs.open_pair(str(left), str(right), 10_000_000).review
    writer = RecoveryWriter(tmp_path / "recovery.ncsession")
    try:
        for passage in (None, 2, 5):
            if passage is not None:
                review.set_decision(passage, Decision(TAKE_OTHER, note="é\ud800"))
            view = {"current": passage or 0}
            writer.write_review(review.comparison, review_to_json(review, view))
            writer.flush()
            expected = json.dumps(session_to_json(review, view), ensure_ascii=False)
            assert writer.path.read_bytes() == expected.encode("utf-8", "surrogatepass")
    finally:
        writer.close()
