from __future__ import annotations

from compare.core.diff.comparison import EQUAL, compare
from compare.core.io.document import Document
from compare.core.io.loading import load_document
from compare.core.review.review import Decision, Review
from compare.qt.models import (
    CHANGES_ROLE,
    DELETED,
    INSERTED,
    LEFT,
    PARAGRAPH_START_ROLE,
    REPLACED,
    RIGHT,
    WEAK,
    PassageListModel,
    PassageTableModel,
    paragraph_starts,
)
from compare.resources import sample_pair


def sample_review() -> Review:
    left, right = sample_pair()
    return Review(compare(load_document(left), load_document(right)))


def small_review() -> Review:
    left = Document.from_text("One two three.\n\nThe bloc met on Monday. Only left here.\n\nSame end.\n")
    right = Document.from_text("One two three.\n\nThe alliance met on Monday and Tuesday.\n\nSame end.\n")
    return Review(compare(left, right))


def test_table_model_passes_the_model_tester(qtmodeltester) -> None:
    model = PassageTableModel(sample_review())
    qtmodeltester.check(model, force_py=True)


def test_list_model_passes_the_model_tester(qtmodeltester) -> None:
    model = PassageListModel(sample_review())
    qtmodeltester.check(model, force_py=True)


def test_empty_models_pass_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(PassageTableModel(), force_py=True)
    qtmodeltester.check(PassageListModel(), force_py=True)


def test_cells_are_trimmed_and_highlights_fall_on_words() -> None:
    review = small_review()
    model = PassageTableModel(review)
    changed = [p.index for p in review.passages if p.kind != EQUAL]
    assert changed
    kinds: set[str] = set()
    for row in range(model.rowCount()):
        for col in (LEFT, RIGHT):
            text, ranges = model.cell(row, col)
            assert text == text.strip()
            for a, b, kind in ranges:
                assert 0 <= a < b <= len(text)
                assert not text[b - 1].isspace()
                kinds.add(kind.removesuffix(WEAK))
            assert model.data(model.index(row, col), CHANGES_ROLE) == ranges
    assert REPLACED in kinds
    assert kinds & {DELETED, INSERTED}


def test_replaced_words_are_marked_on_both_sides() -> None:
    review = small_review()
    model = PassageTableModel(review)
    row = next(p.index for p in review.passages if p.kind != EQUAL and p.changes)
    left, lranges = model.cell(row, LEFT)
    right, rranges = model.cell(row, RIGHT)
    assert "bloc" in [left[a:b] for a, b, k in lranges if k.removesuffix(WEAK) == REPLACED]
    assert "alliance" in [right[a:b] for a, b, k in rranges if k.removesuffix(WEAK) == REPLACED]


def test_strong_changes_are_drawn_prominently_and_weak_ones_quietly(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from compare.qt.delegates import _format
    from compare.qt.theme import colors_for

    review = Review(
        compare(
            Document.from_text("Yesterday Cheung came to the office in town."),
            Document.from_text("Yesterday Zhang came to an office in town."),
            left_language="en",
            right_language="en",
        )
    )
    model = PassageTableModel(review)
    left, ranges = model.cell(0, LEFT)
    kinds = {left[a:b]: k for a, b, k in ranges}
    assert kinds == {"Cheung": REPLACED, "the": REPLACED + WEAK}
    colors = colors_for(QPalette())
    assert _format(REPLACED, colors).background().style() != Qt.BrushStyle.NoBrush
    assert _format(REPLACED + WEAK, colors).background().style() == Qt.BrushStyle.NoBrush


def test_paragraph_starts() -> None:
    review = small_review()
    starts = paragraph_starts(review)
    assert starts[0] is False
    assert any(starts)
    model = PassageTableModel(review)
    assert model.data(model.index(1, LEFT), PARAGRAPH_START_ROLE) is True


def test_header_names_file_encoding_language_and_words(tmp_path) -> None:
    review = sample_review()
    model = PassageTableModel(review)
    from PySide6.QtCore import Qt

    header = model.headerData(RIGHT, Qt.Orientation.Horizontal)
    assert "nato-russia-talks.edited.txt" in header
    assert "base" in header
    assert "UTF-8" in header and " en " in header and "words" in header


def test_decision_changes_notify_rows(qtbot) -> None:
    review = small_review()
    model = PassageTableModel(review)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        review.set_decision(1, Decision(choice="take-other"))
        model.passage_changed(1)
    assert blocker.args[0].row() == 1
    assert model.chosen(1, LEFT) and not model.chosen(1, RIGHT)


def test_list_model_lists_divergent_passages_only() -> None:
    review = sample_review()
    model = PassageListModel(review)
    assert model.rowCount() == len(review.comparison.divergent)
    assert all(review.passages[model.passage_at(r)].kind != EQUAL for r in range(model.rowCount()))


def test_list_model_sorts_by_divergence_and_back(qtmodeltester) -> None:
    from PySide6.QtCore import Qt

    model = PassageListModel(sample_review())
    model.sort(1, Qt.SortOrder.DescendingOrder)
    values = [float(model.data(model.index(r, 1))) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=True)
    assert all(model.row_of(model.passage_at(r)) == r for r in range(model.rowCount()))
    model.sort(0)
    assert model.rows == sorted(model.rows)
    qtmodeltester.check(model, force_py=True)


def test_findings_come_worst_first_and_within_a_severity_by_the_passage_ranking() -> None:
    from compare.core.checks.finding import Severity
    from compare.qt import jobs
    from compare.qt.findings_model import RULE_COL, FindingsModel

    left, right = sample_pair()
    review = jobs.open_pair(str(left), str(right), 10_000_000).review  # analysed: with findings
    model = FindingsModel()
    model.set_review(review)
    scores = review.analysis.scores
    rank = {Severity.MAJOR: 0, Severity.MINOR: 1, Severity.INFO: 2}
    keys = [
        (rank[Severity(f.severity)], -(scores[f.passage] if f.passage is not None else 0.0))
        for f in model.rows
    ]
    assert len({k[0] for k in keys}) >= 2  # the sample has findings of more than one severity
    assert keys == sorted(keys)
    model.sort(RULE_COL)
    assert [f.rule for f in model.rows] == sorted(f.rule for f in model.rows)
