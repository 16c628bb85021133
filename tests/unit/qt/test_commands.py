from __future__ import annotations

from PySide6.QtGui import QUndoStack

from compare.core.diff.comparison import compare
from compare.core.io.document import Document
from compare.core.review.review import Decision, Review
from compare.qt.commands import DecisionCommand


def review() -> Review:
    return Review(
        compare(
            Document.from_text("A cat sat. A dog ran.\n"),
            Document.from_text("A cat sat down. A dog ran off.\n"),
        )
    )


def test_one_command_for_many_passages_undoes_in_one_step() -> None:
    r = review()
    seen: list[list[int]] = []
    stack = QUndoStack()
    indices = [p.index for p in r.passages]
    stack.push(
        DecisionCommand(r, {i: Decision(choice="take-other") for i in indices}, "take all", seen.append)
    )
    assert r.reconciled_text() == r.comparison.left.text
    stack.undo()
    assert r.reconciled_text() == r.comparison.right.text
    assert r.decisions() == {}
    stack.redo()
    assert r.reconciled_text() == r.comparison.left.text
    assert seen == [indices, indices, indices]
    assert stack.count() == 1


def test_noop_is_detected() -> None:
    r = review()
    cmd = DecisionCommand(r, {0: Decision()}, "nothing", lambda _: None)
    assert cmd.is_noop
