"""The judgment benchmark's own measures (bench/judgments.py) on small texts written here: a wrong
instrument would misjudge every later change of the engine."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import judgments as J


def test_plain_word_diff_marks_changed_tokens_not_the_spaces_between() -> None:
    left = "The minister visited the ward on Friday."
    right = "The minister   toured the old ward on Friday."
    marks = J.plain_word_diff(left, right)
    assert [right[s:e] for s, e in marks] == ["toured", "old"]
    assert J.plain_word_diff(left, left) == []


def test_mask_counts_no_whitespace_and_overlap_gives_coverage_share_and_lift() -> None:
    text = "aa bb cc dd"
    major = J.mask(text, [(0, 5)])  # "aa bb": four characters, the space is not counted
    assert sum(major) == 4
    marks = J.mask(text, [(3, 8)])  # "bb cc"
    o = J.Overlap()
    o.add(major, marks, chars=sum(1 for ch in text if not ch.isspace()))
    assert (o.major, o.major_marked, o.chars, o.marked) == (4, 2, 8, 4)
    assert o.coverage == pytest.approx(0.5)
    assert o.share == pytest.approx(0.5)
    assert o.lift == pytest.approx(1.0)


def test_mqm_offsets_are_per_segment_of_the_file() -> None:
    text = "First segment here.\n\nSecond one, with an error.\n\nThird."
    segments = J.segment_spans(text)
    assert [text[s:e] for s, e in segments] == ["First segment here.", "Second one, with an error.", "Third."]
    notes = [
        {"segment": 0, "rater": "r1", "spans": []},
        {"segment": 1, "rater": "r1", "spans": [[20, 25, "major"], [0, 6, "minor"]]},
    ]
    spans, major = J.mqm_of(notes, segments)
    assert [text[s:e] for s, e in spans] == ["error"]
    assert major == {0: False, 1: True}  # segment 2 was not annotated


def test_passage_labels_and_auc_follow_ranking_auc() -> None:
    text = "One.\n\nTwo.\n\nThree."
    segments = J.segment_spans(text)
    diff = {
        "right": {"segments": [list(s) for s in segments]},
        "passages": [
            {"right_segments": [0]},
            {"right_segments": [1, 2]},  # segment 2 unannotated, segment 1 has a major error
            {"right_segments": []},  # nothing on the MT side: no label
            {"right_segments": [2]},  # only an unannotated segment: no label
        ],
    }
    labels = J.passage_labels(diff, segments, {0: False, 1: True})
    assert labels == [0, 1, None, None]
    assert J.auc([0.1, 0.9, 0.5, 0.5], labels) == 1.0
    assert J.auc([0.5, 0.5], [0, 1]) == 0.5  # a tie counts half
    assert J.auc([0.3], [1]) is None


def test_engine_marks_take_levels_when_the_json_has_them() -> None:
    diff = {
        "passages": [
            {
                "kind": "changed",
                "right": [0, 20],
                "changes": [
                    {"left": [0, 3], "right": [0, 4], "level": "strong"},
                    {"left": [5, 6], "right": [7, 8], "level": "weak"},
                ],
            },
            {"kind": "right-only", "right": [20, 30], "changes": []},
        ]
    }
    assert J.has_levels(diff)
    assert J.engine_marks(diff) == [(0, 4), (7, 8), (20, 30)]
    assert J.engine_marks(diff, level="strong") == [(0, 4), (20, 30)]
    assert not J.has_levels(
        {"passages": [{"kind": "changed", "changes": [{"left": [0, 1], "right": [0, 1]}]}]}
    )


def test_the_adapter_reads_the_engines_json(tmp_path: Path) -> None:
    left = tmp_path / "left.txt"
    right = tmp_path / "right.txt"
    left.write_text(
        "The hospital treated 12,000 patients last year. The doctors were tired.\n", encoding="utf-8"
    )
    right.write_text(
        "The hospital treated 1,200 patients last year. The doctors were tired.\n", encoding="utf-8"
    )
    diff = J._engine.diff_json(left, right)
    text = J._engine.read_text(right)
    assert diff["passages"][-1]["right"][1] == len(text)  # the offsets index the text we read
    marked = [text[s:e].strip() for s, e in J.engine_marks(diff)]
    assert "1,200" in marked
    assert any(f["rule"] == "number-mismatch" for f in diff["findings"])
    assert J._engine.check_json(right, "en")["findings"] == []
    with pytest.raises(J._engine.EngineError):
        J._engine.check_json(tmp_path / "missing.txt")
