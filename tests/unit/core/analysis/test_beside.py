"""Work in a forked child gives what the parent would compute: the single-version checks, the
ranking's facts of each passage, the numbers rule's findings."""

from __future__ import annotations

import dataclasses
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


def _analysed_both_ways(comparison, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The analysis with the ranking's facts and the numbers' findings from a child, and with
    them computed in the process."""
    from compare.core.analysis import analysis

    forked: list[bool] = []

    class Spy(beside.Beside):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            forked.append(self.running)

    monkeypatch.setattr(analysis, "Beside", Spy)
    with_child = analyse(comparison)
    monkeypatch.setattr(beside, "MIN_CHARS", 10**12)
    in_process = analyse(comparison)
    monkeypatch.setattr(beside, "MIN_CHARS", 0)
    assert forked == [True, False]
    return with_child, in_process


def test_the_ranking_s_facts_from_a_child_rank_as_the_parent_ranks(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    comparison = compare(Document.from_text(LEFT, "a.txt"), Document.from_text(RIGHT, "b.txt"))
    with_child, in_process = _analysed_both_ways(comparison, monkeypatch)
    assert with_child.scores == in_process.scores and with_child.findings == in_process.findings
    assert any(s > 0 for s in with_child.scores)


def test_a_failing_child_leaves_the_ranking_and_the_numbers_to_the_parent(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.core.analysis import analysis, ranking

    comparison = compare(Document.from_text(LEFT, "a.txt"), Document.from_text(RIGHT, "b.txt"))
    expected = analyse(comparison)

    def fail(c: object) -> object:
        raise RuntimeError("broken")

    calls: list[int] = []
    real = ranking.passage_facts
    monkeypatch.setattr(analysis, "passage_facts", fail)  # what the child runs
    monkeypatch.setattr(ranking, "passage_facts", lambda c: calls.append(1) or real(c))  # the parent
    got = analyse(comparison)
    assert got.scores == expected.scores and got.findings == expected.findings
    assert calls == [1]


def test_the_numbers_rule_runs_in_the_child_not_twice(forking: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from compare.core.checks import cross

    left = LEFT + "The ministry counted 1,200 cases on Monday.\n"
    right = RIGHT + "The ministry counted 12,000 cases on Monday.\n"
    comparison = compare(Document.from_text(left, "a.txt"), Document.from_text(right, "b.txt"))
    real = cross.CROSS_RULES["number-mismatch"]
    runs: list[int] = []

    def counted(c):  # type: ignore[no-untyped-def]
        runs.append(os.getpid())
        return real.check(c)

    monkeypatch.setitem(cross.CROSS_RULES, "number-mismatch", dataclasses.replace(real, check=counted))
    found = analyse(comparison).findings
    assert runs == []  # not run in this process: the child ran it
    assert [f.rule for f in found].count("number-mismatch") == 1
    monkeypatch.setattr(beside, "MIN_CHARS", 10**12)
    assert analyse(comparison).findings == found and runs == [os.getpid()]


@pytest.mark.data
def test_the_ranking_with_its_facts_from_a_child_on_real_articles(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.core import wmt

    for article in wmt.articles()[::9]:
        left, right = (
            Document.from_text(p.read_text(encoding="utf-8"), p.name)
            for p in (article.references[0], article.systems[0])
        )
        with_child, in_process = _analysed_both_ways(compare(left, right), monkeypatch)
        assert with_child.scores == in_process.scores, article.folder
        assert with_child.findings == in_process.findings, article.folder
