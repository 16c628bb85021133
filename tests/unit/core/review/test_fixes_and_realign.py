"""compare.core.review.fixes and .realign: suggestions applied to passages, merging and splitting beads (no Qt)."""

from __future__ import annotations

import pytest

from compare.core.analysis.analysis import analyse
from compare.core.checks.finding import Finding, Scope, Severity
from compare.core.diff.comparison import Side, compare
from compare.core.io.document import Document
from compare.core.review.fixes import FixError, fix_decision, map_offset, plan_fixes, snippet
from compare.core.review.realign import (
    merge_beads,
    merged_decisions,
    realigned,
    split_bead,
    split_decisions,
    split_points,
)
from compare.core.review.review import Decision, Review


def review() -> Review:
    left = Document.from_text("The the cat sat. A dog ran.\n\nThe end.\n")
    right = Document.from_text("The the cat sat down. A dog ran off.\n\nThe end.\n")
    return Review(analyse(compare(left, right)))


def finding(r: Review, side: str, text: str, suggestion: str | None, occurrence: int = 0) -> Finding:
    full = r.comparison.side(side).text
    start = -1
    for _ in range(occurrence + 1):
        start = full.index(text, start + 1)
    from compare.core.analysis.ranking import locate

    return Finding(
        "test-rule",
        Severity.MINOR,
        start,
        start + len(text),
        "msg",
        suggestion,
        Side(side),
        locate(r.comparison, side, start),
        Scope.VERSION,
    )


def test_map_offset_follows_edits() -> None:
    assert map_offset("abc def", "abc def", 4) == 4
    assert map_offset("abc def", "XX abc def", 4) == 7
    assert map_offset("abc def", "abc XYZ", 4) is None


def test_snippet_marks_the_span_on_one_line() -> None:
    text = "word " * 20 + "TARGET" + "\n\nmore " * 20
    excerpt, a, b = snippet(text, text.index("TARGET"), text.index("TARGET") + 6)
    assert (
        excerpt[a:b] == "TARGET" and "\n" not in excerpt and excerpt.startswith("…") and excerpt.endswith("…")
    )


def test_fix_on_the_base_side_and_on_the_other_side() -> None:
    r = review()
    base_finding = finding(r, "right", "The the", "The")
    new, fix = fix_decision(r, base_finding)
    assert new.choice == "custom" and new.text.startswith("The cat sat down.") and fix.how == "fixed in place"
    other_finding = finding(r, "left", "The the", "The")
    new, fix = fix_decision(r, other_finding)
    assert new.text.startswith("The cat sat.") and fix.how == "takes the left text, fixed"
    # the passage takes the left already: fixed in place
    r.set_decision(other_finding.passage, Decision("take-other"))
    new, fix = fix_decision(r, other_finding)
    assert fix.how == "fixed in place" and new.text.startswith("The cat sat.")
    # take both: the fix lands in the right half
    r.set_decision(base_finding.passage, Decision("take-both"))
    new, _ = fix_decision(r, base_finding)
    assert new.text.count("The the") == 1 and "The cat sat down." in new.text
    with pytest.raises(FixError):
        fix_decision(r, finding(r, "right", "cat", None))


def test_plan_fixes_applies_several_in_one_passage() -> None:
    r = review()
    fixes = [finding(r, "right", "The the", "The"), finding(r, "right", "sat down", "sat")]
    new, done, skipped = plan_fixes(r, fixes)
    assert not skipped and len(done) == 2
    ((_index, d),) = new.items()
    assert d.text.startswith("The cat sat.")


def test_merge_and_split_beads_and_decisions() -> None:
    r = review()
    beads = r.comparison.beads
    merged = merge_beads(beads, 0)
    assert merged[0] == (beads[0][0] + beads[1][0], beads[0][1] + beads[1][1])
    assert split_bead(merged, 0, len(beads[0][0]), len(beads[0][1])) == beads
    assert (0, 0) not in split_points(merged[0])
    with pytest.raises(ValueError):
        merge_beads(beads, len(beads) - 1)
    # different choices: combined into custom text that keeps the article the same
    r.set_decision(0, Decision("take-other", note="a"))
    r.set_decision(1, Decision("keep", note="b", reviewed=True))
    r.set_decision(2, Decision("custom", "Fin.\n"))
    text = r.reconciled_text()
    after = realigned(r.comparison, merged)
    decisions = merged_decisions(r, 0, after)
    assert decisions[0].choice == "custom" and decisions[0].note == "a\nb" and not decisions[0].reviewed
    assert decisions[1] == Decision("custom", "Fin.\n")
    r2 = Review(after, r.base)
    for i, d in decisions.items():
        r2.set_decision(i, d)
    assert r2.reconciled_text() == text
    # a split passage: its choice on both halves, its note on the first, a hand edit dropped
    r3 = Review(after, r.base)
    r3.set_decision(0, Decision("take-other", note="n", reviewed=True))
    r3.set_decision(1, Decision("custom", "x"))
    split = split_decisions(r3, 0)
    assert split[0] == Decision("take-other", "", "n", True) and split[1] == Decision(
        "take-other", "", "", True
    )
    assert split[2] == Decision("custom", "x")
    assert split_decisions(r3, 1) == {0: r3.decision(0)}
