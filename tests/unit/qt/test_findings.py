"""The findings panel, the markers in the comparison, and applying suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from compare.core.analysis.analysis import analyse
from compare.core.diff.comparison import compare
from compare.core.io.loading import load_document
from compare.qt.findings_model import FindingsModel
from compare.qt.models import FINDINGS_ROLE, LEFT
from compare.resources import sample_pair
from tests.conftest import accept_next_dialog


def click_finding(window, qtbot, rule: str, nth: int = 0):  # type: ignore[no-untyped-def]
    panel = window.views.findings_panel
    rows = [r for r in range(panel.model.rowCount()) if panel.model.finding(r).rule == rule]
    index = panel.model.index(rows[nth], 1)
    rect = panel.table.visualRect(index)
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return panel.model.finding(rows[nth])


def test_findings_model_passes_the_model_tester(qtmodeltester) -> None:
    from compare.core.review.review import Review

    left, right = sample_pair()
    model = FindingsModel()
    model.set_review(Review(analyse(compare(load_document(left), load_document(right)))))
    qtmodeltester.check(model, force_py=True)


def test_panel_lists_the_sample_artifacts_and_jumps_to_them(open_window, qtbot) -> None:
    window = open_window(["--sample"])
    c = window.review.comparison
    assert window.review.findings, "the background load ran the checks"
    panel = window.views.findings_panel
    assert window.views.findings_dock.isVisible()
    assert panel.model.rowCount() == len(window.review.findings)
    rules = {panel.model.finding(r).rule for r in range(panel.model.rowCount())}
    assert {"stray-period", "caption-credit", "sentence-fragment"} <= rules
    # a count per severity
    for severity in ("major", "minor", "info"):
        n = sum(1 for f in window.review.findings if f.severity == severity)
        assert f"{n} {severity}" in panel.counts_label.text()

    finding = click_finding(window, qtbot, "stray-period", 1)
    assert window.navigator.current_passage() == finding.passage
    assert window.views.model.focus is finding
    # the span is highlighted in its cell, and the row is in view
    col = LEFT if finding.side == "left" else LEFT + 1
    cell = window.views.model.data(window.views.model.index(finding.passage, col), FINDINGS_ROLE)
    text, _ = window.views.model.cell(finding.passage, col)
    focused = [(a, b) for a, b, _sev, focus in cell if focus]
    assert (
        focused
        and text[focused[0][0] : focused[0][1]] == c.side(finding.side).text[finding.start : finding.end]
    )
    rect = window.views.table.visualRect(window.views.model.index(finding.passage, col))
    assert window.views.table.viewport().rect().intersects(rect)
    # moving elsewhere drops the highlight
    window.navigator.go_to(0)
    assert window.views.model.focus is None


def test_filter_by_rule(open_window) -> None:
    window = open_window(["--sample"])
    panel = window.views.findings_panel
    stray = sum(1 for f in window.review.findings if f.rule == "stray-period")
    k = panel.rule_combo.findData("stray-period")
    assert k > 0 and f"({stray})" in panel.rule_combo.itemText(k)
    panel.rule_combo.setCurrentIndex(k)
    assert panel.model.rowCount() == stray
    assert {panel.model.finding(r).rule for r in range(stray)} == {"stray-period"}
    assert f"▲ {stray} major" in panel.counts_label.text()
    panel.set_rule(None)
    assert panel.model.rowCount() == len(window.review.findings)


def test_markers_in_the_status_column_and_cells(open_window) -> None:
    window = open_window(["--sample"])
    model = window.views.model
    for f in window.review.findings:
        assert f in model.passage_findings(f.passage)
    assert any(not model.passage_findings(row) for row in range(model.rowCount()))
    f = next(f for f in window.review.findings if f.rule == "stray-period")
    spans = model.data(model.index(f.passage, LEFT), FINDINGS_ROLE)
    assert any(sev == "major" for _a, _b, sev, _focus in spans)
    tip = model.data(model.index(f.passage, 0), Qt.ItemDataRole.ToolTipRole)
    assert f.message in tip
    # the window paints them, in a light and a dark palette
    from PySide6.QtGui import QColor, QPalette

    window.views.table.viewport().grab()
    dark = QPalette(window.views.table.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    window.views.table.setPalette(dark)
    assert window.views.delegate.colors(dark).dark
    window.views.table.viewport().grab()


def test_apply_suggestion_then_undo_redo(open_window, qtbot) -> None:
    window = open_window(["--sample"])
    review = window.review
    assert review.base == "right"
    before = review.reconciled_text()
    finding = click_finding(window, qtbot, "stray-period")
    assert finding.side == "left" and finding.suggestion == ""  # on the machine translation, not the base
    row = finding.passage
    left = review.side_text(row, "left")
    s = review.passages[row].left[0]
    expected = left[: finding.start - s] + left[finding.end - s :]
    window.views.findings_panel.apply_button.click()
    # "take the other side, fixed": the left text with the stray period removed
    assert review.decision(row).choice == "custom"
    assert review.passage_text(row) == expected
    assert review.reconciled_text() == before.replace(review.side_text(row, "right"), expected, 1)
    assert expected.strip() in window.views.article.toPlainText()
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert review.decisions() == {} and review.reconciled_text() == before
    window.undo_stack.redo()
    assert review.passage_text(row) == expected


def test_apply_on_the_base_side_keeps_other_edits_and_refuses_when_the_snippet_is_gone(
    open_window, qtbot, messages
) -> None:
    from compare.core.review.fixes import fix_decision

    window = open_window(["--sample"])
    review = window.review
    finding = next(f for f in review.findings if f.rule == "stray-period")
    row = finding.passage
    # make the left the base: the finding is now on the base side
    review.base = "left"
    left = review.side_text(row, "left")
    s = review.passages[row].left[0]
    a, b = finding.start - s, finding.end - s
    # a hand edit elsewhere in the passage is kept
    edited = "EDITED " + left
    window.decisions.set_custom_text(row, edited)
    assert window.findings.apply_suggestion(finding)
    assert review.passage_text(row) == "EDITED " + left[:a] + left[b:]
    # the snippet is no longer there: refused with a message, nothing changes
    window.undo_stack.undo()
    window.decisions.set_custom_text(row, left[:a] + " and then" + left[b:])
    count = window.undo_stack.count()
    assert not window.findings.apply_suggestion(finding)
    assert messages.shown and "edited by hand" in messages.shown[-1][1]
    assert window.undo_stack.count() == count
    new, fix = fix_decision(review, next(f for f in review.findings if f.rule == "doubled-punctuation"))
    assert fix.how == "fixed in place" and new.choice == "custom"


def test_apply_all_of_a_rule_is_one_undo_step_with_a_preview(open_window, qtbot) -> None:
    window = open_window(["--sample"])
    review = window.review
    before = review.reconciled_text()
    stray = [f for f in review.findings if f.rule == "stray-period"]
    assert len(stray) >= 2
    shown: dict[str, list[str]] = {}

    def check(dialog) -> None:  # type: ignore[no-untyped-def]
        shown["items"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]

    click_finding(window, qtbot, "stray-period")
    seen = accept_next_dialog(qtbot, check)
    window.views.findings_panel.apply_rule_button.click()
    assert seen
    items = shown["items"]
    assert len(items) == len(stray)
    assert all("→" in item for item in items)
    assert any("serious exchange." in item for item in items) and any(
        "serious exchange and" in item for item in items
    )
    assert window.undo_stack.count() == 1
    changed = {f.passage for f in stray}
    assert set(review.decisions()) == changed
    for f in stray:
        assert review.comparison.side("left").text[f.start : f.end] == "."
    window.undo_stack.undo()
    assert review.decisions() == {} and review.reconciled_text() == before


def test_cancelling_the_preview_changes_nothing(open_window, qtbot) -> None:
    window = open_window(["--sample"])
    accept_next_dialog(qtbot, accept=False)
    assert not window.findings.apply_rule("stray-period")
    assert window.undo_stack.count() == 0 and window.review.decisions() == {}


def test_passage_list_sorts_by_ranked_divergence(open_window) -> None:
    window = open_window(["--sample"])
    left, right = sample_pair()
    ranked = analyse(compare(load_document(left), load_document(right)))
    assert window.review.analysis.scores == ranked.scores
    window.views.passage_list.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    top = window.views.list_model.passage_at(0)
    assert ranked.scores[top] == max(ranked.scores) and top == ranked.ranked[0]
