"""The pair of the command line is opened in a child forked at start-up (compare/qt/ahead.py):
the window shows exactly what it would have opened itself, a file that cannot be read gets the
same sentence, and an answer nobody takes leaves no process behind."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from compare.core.errors import CompareError
from compare.core.export.diff_report import to_json
from compare.core.limits import MAX_INPUT_BYTES
from compare.qt import jobs
from compare.qt.ahead import PairAhead, start

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
SAMPLE = (
    str(SAMPLES / "nato-russia-talks.edited.txt"),
    str(SAMPLES / "nato-russia-talks.machine-translated.txt"),
)

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
    reason="the pair is opened ahead only where a process can fork onto a second core",
)


def _ahead(left: str, right: str, max_bytes: int = MAX_INPUT_BYTES) -> PairAhead:
    ahead = PairAhead(left, right, max_bytes)
    assert ahead.running, "no child was forked (another thread was running?)"
    return ahead


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped: no zombie left
    return False


def _report(review: object) -> str:
    return json.dumps(to_json(review.analysis), sort_keys=True)  # type: ignore[attr-defined]


def _pairs() -> list[tuple[str, str]]:
    pairs = [SAMPLE]
    if (DATA / "wmt21").is_dir():
        for folder in sorted((DATA / "wmt21" / "en-de").iterdir())[:2]:
            reference = next(folder.glob("reference.*.txt"), None) or next(folder.glob("reference-C.*.txt"))
            system = next(p for p in sorted(folder.glob("*.txt")) if not p.name.startswith("reference"))
            pairs.append((str(reference), str(system)))
    return pairs


@pytest.mark.parametrize(("left", "right"), _pairs())
def test_a_pair_opened_ahead_is_the_review_the_window_would_open(left: str, right: str) -> None:
    ahead = _ahead(left, right)
    loaded = ahead.take(lambda: False)
    here = jobs.run_here("pair", left, right, MAX_INPUT_BYTES, None)
    assert isinstance(loaded, jobs.Loaded) and isinstance(here, jobs.Loaded)
    assert len(loaded.review.comparison.passages) == len(here.review.comparison.passages) > 3
    assert _report(loaded.review) == _report(here.review)  # passages, word changes, findings, ranking
    assert [f.rule for f in loaded.review.findings] == [f.rule for f in here.review.findings]
    assert not ahead.running


def test_a_file_that_cannot_be_read_gets_the_sentence_the_window_would_give(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(CompareError) as here:
        jobs.run_here("pair", SAMPLE[0], str(binary), MAX_INPUT_BYTES, None)
    ahead = _ahead(SAMPLE[0], str(binary))
    with pytest.raises(CompareError) as there:
        ahead.take(lambda: False)
    assert str(there.value) == str(here.value) and str(here.value).endswith(".")


def test_only_the_same_pair_with_the_same_limits_and_no_glossary_is_answered() -> None:
    ahead = _ahead(*SAMPLE)
    try:
        assert ahead.answers(SAMPLE[0], SAMPLE[1], MAX_INPUT_BYTES, None)
        assert not ahead.answers(SAMPLE[1], SAMPLE[0], MAX_INPUT_BYTES, None)  # swapped
        assert not ahead.answers(SAMPLE[0], SAMPLE[1], 1024, None)  # another size limit
        assert not ahead.answers(SAMPLE[0], SAMPLE[1], MAX_INPUT_BYTES, object())  # a glossary
    finally:
        ahead.cancel()


def test_an_answer_nobody_wants_leaves_no_process_behind() -> None:
    ahead = _ahead(*SAMPLE)
    pid = ahead._pid
    assert pid is not None
    ahead.cancel()
    assert not ahead.running and _gone(pid)
    assert ahead.take(lambda: False) is None  # nothing to take any more
    waiting = _ahead(*SAMPLE)
    pid = waiting._pid
    assert waiting.take(lambda: True) is None  # the job waiting for it was cancelled
    assert pid is not None and _gone(pid)


def test_only_two_files_of_the_command_line_are_opened_ahead(tmp_path: Path) -> None:
    assert start(["--sample"]) is None
    assert start([SAMPLE[0]]) is None  # one file: the window asks for the other
    assert start([SAMPLE[0], str(tmp_path / "missing.txt")]) is None  # the window says what is wrong
    assert start(["--no-such-option", *SAMPLE]) is None
    big = tmp_path / "big.txt"
    big.write_text("A sentence of a long article. " * 8000, encoding="utf-8")
    assert start([str(big), str(big)]) is None  # a large pair: the loader's child process, in stages
    ahead = start(list(SAMPLE))
    assert ahead is not None
    ahead.cancel()


def test_the_window_shows_the_pair_opened_ahead(open_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened_here: list[str] = []
    run_here = jobs.run_here
    monkeypatch.setattr(
        jobs, "run_here", lambda name, *a, **k: opened_here.append(name) or run_here(name, *a, **k)
    )
    ahead = _ahead(*SAMPLE)
    pid = ahead._pid
    window = open_window(list(SAMPLE), ahead=ahead)
    assert opened_here == []  # the child's answer was taken, the pair not opened again
    assert window.loader.ahead is None and not ahead.running and pid is not None and _gone(pid)
    here = run_here("pair", *SAMPLE, MAX_INPUT_BYTES, None)
    assert isinstance(here, jobs.Loaded) and window.review is not None
    assert _report(window.review) == _report(here.review)
    assert window.views.model.rowCount() == len(here.review.comparison.passages)
    assert window.windowTitle().startswith("nato-russia-talks.edited.txt")


def test_a_window_that_opens_something_else_drops_the_pair_opened_ahead(
    open_window, pair, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ahead = _ahead(*SAMPLE)
    pid = ahead._pid
    opened_here: list[str] = []
    run_here = jobs.run_here
    monkeypatch.setattr(
        jobs, "run_here", lambda name, *a, **k: opened_here.append(name) or run_here(name, *a, **k)
    )
    window = open_window([str(p) for p in pair], ahead=ahead)  # not the pair it was forked for
    assert opened_here == ["pair"]
    assert not ahead.running and pid is not None and _gone(pid)
    assert window.review is not None
    assert window.review.comparison.left.document.path == str(pair[0])
