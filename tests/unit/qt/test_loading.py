"""Opening shows staged progress with Cancel (issue 15): the stages in order, the files named,
never the welcome text meanwhile; Cancel (or Escape) returns the window to what it showed
before and a cancelled result is never installed."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from compare import APP_NAME
from compare.core.progress import ALIGNING, CHECKING, COMPARING_WORDS, READING, STAGES
from compare.core.review.review import Choice
from compare.qt import jobs
from compare.qt.loading import describe
from compare.qt.recovery import fixed_parts
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
    # in the child process the pair comes aligned, and its words and its checks follow as jobs of
    # their own (test_a_pair_in_the_child_process_comes_aligned_then_diffed_then_checked_as_in_one_step)
    expected = [READING, ALIGNING, SHOWING] if threshold == 0 else list(STAGES)
    assert _in_order([r[1] for r in reports]) == expected
    if threshold != 0:
        words = [(done, total) for _n, stage, done, total in reports if stage == COMPARING_WORDS and total]
        assert words and words[-1][0] == words[-1][1]  # passages done of total, up to all of them
        assert [(d, t) for _n, s, d, t in reports if s == CHECKING][-1] == (3, 3)
    assert [(d, t) for _n, s, d, t in reports if s == READING][-1] == (2, 2)


def test_a_pair_in_the_child_process_comes_aligned_then_diffed_then_checked_as_in_one_step(qtbot) -> None:
    loader = Loader(process_threshold=0)
    reports: list[tuple[int, str, int, int]] = []
    loader.progress.connect(lambda *args: reports.append(args))
    left, right = sample_pair()
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.analysis
    try:
        with qtbot.waitSignal(loader.finished, timeout=60000) as first:
            pair_job = loader.start("pair", str(left), str(right), 10_000_000, size=10)
        loaded = first.args[1]
        assert isinstance(loaded, jobs.Loaded) and loaded.checks_pending and loaded.words_pending
        assert not loaded.review.analysis.checked and loaded.review.findings == ()
        shown = loaded.review.comparison
        # aligned as in one step, but no changed passage has its word changes yet
        assert [(p.kind, p.left, p.right) for p in shown.passages] == [
            (p.kind, p.left, p.right) for p in whole.comparison.passages
        ]
        assert all(not p.changes for p in shown.passages)
        assert all(p.divergence > 0 for p in shown.passages if p.kind != "equal")
        with qtbot.waitSignal(loader.finished, timeout=60000) as second:
            words_job = loader.start("words", pair_job, size=10)
        words = second.args[1]
        assert second.args[0] == words_job and isinstance(words, jobs.Words)
        with qtbot.waitSignal(loader.finished, timeout=60000) as third:
            checks_job = loader.start("checks", pair_job, size=10)
        qtbot.wait(50)
    finally:
        loader.shutdown()
    assert _in_order([r[1] for r in reports if r[0] == words_job]) == [COMPARING_WORDS, SHOWING]
    counts = [(d, t) for n, s, d, t in reports if n == words_job and s == COMPARING_WORDS and t]
    assert counts and counts[-1][0] == counts[-1][1]  # passages done of total, up to all of them
    checks = third.args[1]
    assert third.args[0] == checks_job and isinstance(checks, jobs.Checks)
    assert _in_order([r[1] for r in reports if r[0] == checks_job]) == [CHECKING, SHOWING]
    assert [(d, t) for n, s, d, t in reports if n == checks_job and s == CHECKING][-1] == (3, 3)
    # the three steps give what one step gives: the same word changes, findings and ranking
    worded = words.comparison(shown)
    assert not worded.words_pending and worded.passages == whole.comparison.passages
    assert any(p.changes for p in worded.passages)
    staged = checks.analysis(worded)
    assert staged.checked and staged.findings and staged.findings == whole.findings
    assert staged.scores == whole.scores and staged.ranked == whole.ranked
    # the child also built the comparison's parts of a recovery file: those of the window's copy
    assert checks.session_parts == fixed_parts(worded)


def test_words_asked_for_again_come_again(qtbot) -> None:
    """A words job whose answer the window cancelled may have made the word changes in the child:
    asked for again, they come again (else the window would wait for them for ever)."""
    left, right = sample_pair()
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.comparison
    loaded = jobs.open_pair(str(left), str(right), 10_000_000, hold=7)  # held here, as in the child
    shown = loaded.review.comparison
    some = list(shown.pending_words[:2])
    first = jobs.run_words(7, some)  # made, and its answer (say) never taken
    again = jobs.run_words(7, some)
    assert [p.index for p in again.passages] == some and again.passages == first.passages
    everything = jobs.run_words(7).passages  # all the window got without
    assert [p.index for p in everything] == list(shown.pending_words)
    assert jobs.Words(everything).comparison(shown).passages == whole.passages
    assert jobs.run_words(7, [10**6, *some]).passages == first.passages  # numbers it never had: none


def test_word_changes_of_another_comparison_are_refused(qtbot) -> None:
    left, right = sample_pair()
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.comparison
    words = jobs.Words(whole.passages[:-1])
    with pytest.raises(ValueError):
        words.comparison(whole)


def test_checks_without_a_pair_held_for_them_fail_with_a_sentence(qtbot) -> None:
    loader = Loader(process_threshold=0)
    try:
        with qtbot.waitSignal(loader.failed, timeout=60000) as blocker:
            loader.start("checks", 12345, size=10)
    finally:
        loader.shutdown()
    assert blocker.args[1] == "the comparison to check is no longer at hand; reload the files to check them"


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


def test_a_large_pair_is_shown_and_worked_in_before_its_checks_arrive(open_window, qtbot) -> None:
    """A pair large enough for the child process is installed as soon as it is aligned: the
    user can decide passages at once; the word highlights follow, then the findings, the ranking
    and the findings panel; the decisions and the place in the comparison stay, and realigning
    waits for them."""
    window = open_window([], wait=False)
    window.loader.process_threshold = 0  # the sample pair goes the way a megabyte pair goes
    left, right = sample_pair()
    seen: dict[str, object] = {}

    def shown(job: int, loaded: object) -> None:  # runs right after the window installed it
        if isinstance(loaded, jobs.Loaded) and "review" not in seen:
            seen.update(review=window.review, checking=window.checking, findings=len(window.review.findings))
            seen["centre"] = window.views.stack.currentIndex()
            seen["words"] = window.statusBar().currentMessage()
            seen["marked"] = _word_marks(window)
            seen["panel"] = window.views.findings_panel.counts_label.text()
            window.navigator.go_to(2)
            window.decisions.take_left()
            seen["merge"] = window.alignment.merge_with_next()
            seen["status"] = window.statusBar().currentMessage()

    window.loader.finished.connect(shown)
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    review = window.review
    assert seen["review"] is review and seen["checking"] is True and seen["findings"] == 0
    assert seen["centre"] == 1  # the comparison, not the loading page
    assert seen["merge"] is False and "once the checks" in str(seen["status"])
    # shown without word highlights (only passages on one side are marked whole), saying so
    assert seen["marked"] == 0 and "Comparing the words" in str(seen["words"])
    assert seen["panel"] == "Not checked yet: the findings follow."  # not "No findings."
    # the word changes, then the checks arrived and were applied to the review shown
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.analysis
    assert review.comparison.passages == whole.comparison.passages
    assert _word_marks(window) == _word_marks(window, whole)
    assert _word_marks(window) > 0
    assert not window.checking and review.analysis.checked
    assert review.findings == whole.findings and review.analysis.scores == whole.scores
    assert review.decision(2).choice == Choice.TAKE_OTHER and window.undo_stack.count() == 1
    assert window.navigator.current_passage() == 2
    assert window.views.findings_panel.model.rowCount() == len(whole.findings)
    assert window.views.model.findings  # the marks in the table
    rules = {window.views.filter_bar.rule.itemData(k) for k in range(window.views.filter_bar.rule.count())}
    assert rules == {None} | {f.rule for f in whole.findings}
    lm = window.views.list_model
    order = [lm.passage_at(r) for r in range(lm.rowCount())]
    assert order == sorted(order, key=lambda i: (-whole.scores[i], i))
    assert window.alignment.merge_with_next()  # now it may


def _word_marks(window, analysis=None) -> int:  # type: ignore[no-untyped-def]
    """How many word highlights the table's changed passages have (of ``analysis`` instead of
    the review shown, when given)."""
    from compare.core.review.review import Review
    from compare.qt.models import CellCache

    review = Review(analysis) if analysis is not None else window.review
    cells = CellCache(review) if analysis is not None else window.views.model.cells
    return sum(
        len(cells.get(p.index, side)[1])
        for p in review.passages
        if p.kind == "changed"
        for side in ("left", "right")
    )


def test_the_words_of_the_passages_in_view_come_first(open_window, qtbot, monkeypatch) -> None:
    """The words job asks first for the passages from the top of the view, then for the rest:
    the screen the user looks at is highlighted long before the whole megabyte is diffed."""
    from compare.qt import opening

    monkeypatch.setattr(opening, "FIRST_WORDS", 4)
    window = open_window([], wait=False)
    window.loader.process_threshold = 0
    left, right = sample_pair()
    arrivals: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []

    def arrived(job: int, result: object) -> None:  # runs after the window applied it
        if isinstance(result, jobs.Words):
            arrivals.append(
                (
                    len(result.passages),
                    tuple(p.index for p in result.passages),
                    window.review.comparison.pending_words,
                )
            )

    window.loader.finished.connect(arrived)
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.analysis
    assert len(arrivals) == 2
    (n_first, first, left_after_first), (_n_rest, rest, left_after_rest) = arrivals
    top = window.views.table.rowAt(0)
    assert 0 < n_first <= 4 and all(top <= i < top + 4 for i in first)
    assert left_after_first and set(first).isdisjoint(left_after_first)
    assert sorted(first + rest) == [p.index for p in whole.comparison.passages if p.kind == "changed"]
    assert left_after_rest == () and window.review.comparison.passages == whole.comparison.passages
    assert window.review.findings == whole.findings


def test_the_words_compared_next_follow_the_view() -> None:
    from compare.qt import opening

    pending = (2, 5, 9, 14, 20, 21, 30)
    assert opening._next_words(pending, range(4, 10)) == [5, 9]  # those in view
    chunk = opening.WORDS_CHUNK
    many = tuple(range(0, 4 * chunk, 2))  # 2 chunks' worth
    # none in view: the next chunk from the view on
    assert opening._next_words(many, range(1001, 1001)) == list(range(1002, 1002 + 2 * chunk, 2))
    # near the end: what is left there, then from the start
    tail = opening._next_words(many, range(4 * chunk - 11, 4 * chunk - 11))
    assert tail == [*range(4 * chunk - 10, 4 * chunk, 2), *range(0, 2 * chunk - 10, 2)]


def test_after_a_jump_the_words_there_come_next(open_window, qtbot, monkeypatch) -> None:
    """Words are compared a chunk at a time after those in view; a reader who jumps while they
    are being compared gets the passages there next, and the end is the same comparison."""
    from compare.qt import opening

    monkeypatch.setattr(opening, "FIRST_WORDS", 12)  # more than the rows in view
    monkeypatch.setattr(opening, "WORDS_CHUNK", 3)
    window = open_window([], wait=False)
    window.loader.process_threshold = 0
    left, right = sample_pair()
    asked: list[list[int]] = []
    real_start = window.loader.start

    def start(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "words":
            asked.append(list(args[1]))
        return real_start(name, *args, **kwargs)

    monkeypatch.setattr(window.loader, "start", start)
    jumped: list[tuple[int, int]] = []  # (the passage jumped to, how many jobs were asked by then)

    def arrived(job: int, result: object) -> None:
        if isinstance(result, jobs.Words) and not jumped and window.review.comparison.words_pending:
            last = window.review.comparison.pending_words[-1]
            window.navigator.go_to(last)
            jumped.append((last, len(asked)))

    window.loader.finished.connect(arrived)
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.analysis
    assert len(asked) >= 3 and all(len(a) <= 12 for a in asked)
    ((target, by_then),) = jumped
    # the passage jumped to comes with one of the next two jobs (the view settles in a turn or
    # two), not after the chunks before it
    assert target in asked[by_then] + asked[by_then + 1]
    assert sorted(i for a in asked for i in a) == [
        p.index for p in whole.comparison.passages if p.kind == "changed"
    ]
    assert window.review.comparison.passages == whole.comparison.passages
    assert window.review.findings == whole.findings


def test_word_changes_that_cannot_be_had_leave_the_pair_shown_and_say_so(open_window, qtbot) -> None:
    """The words job fails (here: the comparison it asks for is not the one the child holds):
    the pair stays shown and can be worked in, without highlights and findings, and the status
    bar and the findings panel say so."""
    window = open_window([], wait=False)
    window.loader.process_threshold = 0
    left, right = sample_pair()
    failed: list[str] = []
    window.loader.failed.connect(lambda _n, message: failed.append(message))

    def shown(job: int, loaded: object) -> None:
        if isinstance(loaded, jobs.Loaded) and not failed:
            opener = window.opener
            opener.stop_checks()
            opener._unchecked = (job + 1000, window.review)  # a pair job the child never ran
            opener._run_checks()

    window.loader.finished.connect(shown)
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: bool(failed) and window.ready, timeout=60000)
    review = window.review
    assert review is not None and review.comparison.words_pending and not review.analysis.checked
    assert not window.checking and _word_marks(window) == 0
    assert "could not be compared" in window.statusBar().currentMessage()
    assert window.views.findings_panel.counts_label.text() == "Not checked: the checks could not run."
    window.navigator.go_to(1)
    window.decisions.take_left()
    assert review.decision(1).choice == Choice.TAKE_OTHER


def test_the_review_is_exported_before_its_checks_only_if_the_user_says_so(
    open_window, qtbot, messages, tmp_path
) -> None:
    """A large pair's review printed or exported as PDF before its word changes and checks are in
    would lack their highlights and findings: the window asks first."""
    window = open_window([], wait=False)
    window.loader.process_threshold = 0
    left, right = sample_pair()
    done: dict[str, object] = {}

    def shown(job: int, loaded: object) -> None:
        if isinstance(loaded, jobs.Loaded) and not done:
            done["declined"] = window.files.export_review_pdf(str(tmp_path / "no.pdf"))
            done["question"] = messages.texts[-1] if messages.texts else ""
            messages.answer("question", QMessageBox.StandardButton.Yes)
            done["accepted"] = window.files.export_review_pdf(str(tmp_path / "yes.pdf"))

    window.loader.finished.connect(shown)
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    assert done["declined"] is False and not (tmp_path / "no.pdf").exists()
    assert "no word highlights and no findings" in str(done["question"])
    assert done["accepted"] is True and (tmp_path / "yes.pdf").stat().st_size > 0
    asked = len(messages.shown)
    assert window.files.export_review_pdf(str(tmp_path / "after.pdf"))  # complete now: no question
    assert len(messages.shown) == asked and (tmp_path / "after.pdf").exists()


def test_a_decision_made_before_the_word_changes_arrive_is_recovered_with_them(open_window, qtbot) -> None:
    """A crash while the words of a large pair are still being compared loses nothing: the
    recovery file written then restores the decision and the review, word changes included."""
    import json

    from compare.core.review.session import session_from_json

    window = open_window([], wait=False)
    window.loader.process_threshold = 0
    left, right = sample_pair()
    written: list[str] = []

    def shown(job: int, loaded: object) -> None:
        if isinstance(loaded, jobs.Loaded) and not written:
            assert window.review.comparison.words_pending
            window.navigator.go_to(3)
            window.decisions.take_left()
            window.files.recovery.flush()
            written.append(window.files.recovery.path.read_text(encoding="utf-8"))

    window.loader.finished.connect(shown)
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    restored = session_from_json(json.loads(written[0])).review
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.comparison
    assert restored.comparison.passages == whole.passages
    assert restored.decision(3).choice == Choice.TAKE_OTHER


def test_a_load_started_while_checking_stops_the_checks_and_a_cancel_resumes_them(
    open_window, qtbot, held
) -> None:
    window = open_window([], wait=False)
    window.loader.process_threshold = 0
    left, right = sample_pair()
    started: list[str] = []
    window.loader.progress.connect(lambda _n, stage, _d, _t: started.append(stage))
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: window.checking, timeout=60000)
    review = window.review
    window.loader.process_threshold = 10**12  # the next load on a thread, held after reading
    held.arm()
    window.opener.open_pair(str(left), str(right), ask=False)
    assert window.views.stack.currentWidget() is window.views.loading
    window.opener.cancel()
    assert window.review is review and window.checking  # still waiting for its checks
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    whole = jobs.open_pair(str(left), str(right), 10_000_000).review.analysis
    assert window.review is review and review.findings == whole.findings
    held.set()


def test_after_the_checks_of_a_large_pair_a_decision_is_recovered_without_encoding_its_texts_here(
    open_window, qtbot, monkeypatch
) -> None:
    """The child that checked the pair built the texts, the alignment and the word changes of the
    recovery file: after a decision the window's process writes only the decisions (on a
    megabyte pair, encoding the rest took half a second of Python and stalled the window for
    90 ms), and the file still restores the review."""
    import json

    from compare.core.review.session import session_from_json
    from compare.qt import recovery

    built_here: list[object] = []
    monkeypatch.setattr(recovery, "fixed_parts", lambda c: built_here.append(c) or fixed_parts(c))
    window = open_window([], wait=False)
    window.loader.process_threshold = 0
    left, right = sample_pair()
    window.opener.open_pair(str(left), str(right))
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    review = window.review
    window.navigator.go_to(3)
    window.decisions.take_left()
    window.files.recovery.flush()
    assert built_here == []
    restored = session_from_json(json.loads(window.files.recovery.path.read_text(encoding="utf-8"))).review
    assert restored.comparison.passages == review.comparison.passages
    assert restored.comparison.left.text == review.comparison.left.text
    assert restored.decision(3).choice == Choice.TAKE_OTHER


def test_a_child_s_job_runs_without_the_cyclic_collector_and_leaves_nothing_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The child's jobs make millions of objects and no cycles: the collector is off while one
    runs (half a second of the 1 MB pair's checks), and on again after, with what it froze
    thawed, so that a pair replaced later can be collected."""
    import gc

    left, right = sample_pair()
    during: list[tuple[bool, int]] = []
    real = jobs.JOBS["pair"]

    def pair(*args, **kwargs):  # type: ignore[no-untyped-def]
        during.append((gc.isenabled(), gc.get_freeze_count()))
        return real(*args, **kwargs)

    monkeypatch.setitem(jobs.JOBS, "pair", pair)
    chunks = jobs.run_packed("pair", 11, str(left), str(right), 10_000_000)
    assert during and during[0][0] is False and during[0][1] > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0  # (the child freezes nothing else)
    assert isinstance(jobs.unpack_result("pair", chunks), jobs.Loaded)
