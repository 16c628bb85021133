"""Fixing the alignment by hand: merging and splitting passages (pure functions; the window makes
them undoable).

Alignment fixes
    Merging passage ``i`` with ``i + 1`` and splitting passage ``i`` at a sentence boundary
    change the beads; :func:`realigned` rebuilds the comparison from them. Decisions of the
    passages before and after keep their decisions (renumbered). A merged passage gets one
    decision that keeps the reconciled text exactly (both kept → kept, both taken → taken,
    otherwise the two texts as custom text), with both notes. A split passage's choice (keep,
    take other, take both) goes to both halves, its note to the first; a hand edit cannot be
    cut in two and is dropped (the window asks first; undo restores it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compare.core.align.same_language import Bead
from compare.core.analysis.analysis import Analysis, analyse
from compare.core.checks.glossary import Glossary
from compare.core.diff.comparison import Comparison, compare
from compare.core.review.review import (
    CUSTOM,
    KEEP,
    TAKE_BOTH,
    TAKE_OTHER,
    Decision,
    Review,
    transfer_decisions,
)


def passage_beads(comparison: Comparison) -> list[Bead]:
    beads = comparison.beads
    if len(beads) != len(comparison.passages):
        raise ValueError("this comparison has no sentence alignment to change")
    return beads


def merge_beads(beads: Sequence[Bead], index: int) -> list[Bead]:
    """Passage ``index`` and the next one as one bead."""
    if not 0 <= index < len(beads) - 1:
        raise ValueError("there is no next passage to merge with")
    (la, ra), (lb, rb) = beads[index], beads[index + 1]
    return [*beads[:index], (tuple(la) + tuple(lb), tuple(ra) + tuple(rb)), *beads[index + 2 :]]


def split_points(bead: Bead) -> list[tuple[int, int]]:
    """Every (left count, right count) a bead can be split after, both parts non-empty."""
    left, right = bead
    out = []
    for k in range(len(left) + 1):
        for j in range(len(right) + 1):
            if (k or j) and (k < len(left) or j < len(right)):
                out.append((k, j))
    return out


def split_bead(beads: Sequence[Bead], index: int, left_count: int, right_count: int) -> list[Bead]:
    """Passage ``index`` cut after its first ``left_count`` left and ``right_count`` right sentences."""
    left, right = beads[index]
    if (left_count, right_count) not in split_points(beads[index]):
        raise ValueError("both parts of a split need at least one sentence")
    first = (tuple(left[:left_count]), tuple(right[:right_count]))
    second = (tuple(left[left_count:]), tuple(right[right_count:]))
    return [*beads[:index], first, second, *beads[index + 1 :]]


def default_split(bead: Bead) -> tuple[int, int]:
    """After the first sentence on each side (when a side has one sentence, all of it goes first)."""
    left, right = bead
    k, j = min(1, len(left)), min(1, len(right))
    if k == len(left) and j == len(right):  # 1-1: move the right sentence to a part of its own
        k, j = len(left), 0
    return k, j


def realign_arguments(comparison: Comparison) -> tuple[Any, Any, str, str | None, str | None]:
    """(left document, right document, segment, left language, right language) of a comparison,
    what :func:`realign_documents` needs besides the beads."""

    def code(side: Any) -> str | None:
        return side.language.code if side.language.code != "unknown" else None

    return (
        comparison.left.document,
        comparison.right.document,
        comparison.segment,
        code(comparison.left),
        code(comparison.right),
    )


def realign_documents(
    left: Any,
    right: Any,
    segment: str,
    left_language: str | None,
    right_language: str | None,
    beads: Sequence[Bead],
    glossary: Glossary | None = None,
) -> Analysis:
    rebuilt = compare(
        left,
        right,
        segment=segment,
        beads=list(beads),
        left_language=left_language,
        right_language=right_language,
    )
    return analyse(rebuilt, glossary)


def realigned(comparison: Comparison, beads: Sequence[Bead], glossary: Glossary | None = None) -> Analysis:
    """The comparison rebuilt from ``beads`` (same texts, languages and segmentation), analysed
    (against ``glossary`` too, when given)."""
    return realign_documents(*realign_arguments(comparison), beads, glossary)


def carried_decisions(review: Review, rebuilt: Analysis | Comparison) -> dict[int, Decision]:
    """The decisions of ``review`` on the passages of ``rebuilt`` that read exactly as before (an
    alignment changed elsewhere, or by a link): what :func:`transfer_decisions` keeps."""
    after = Review(rebuilt, review.base)
    transfer_decisions(review, after)
    return after.decisions()


def _join_notes(*notes: str) -> str:
    return "\n".join(n for n in notes if n)


def merged_decisions(review: Review, index: int, merged: Analysis | Comparison) -> dict[int, Decision]:
    """All decisions after merging passages ``index`` and ``index + 1`` into ``merged``."""
    old = review.decisions()
    new = {(i if i < index else i - 1): d for i, d in old.items() if i not in (index, index + 1)}
    a, b = review.decision(index), review.decision(index + 1)
    if a.is_default and b.is_default:
        return new
    after = Review(merged, review.base)
    note = _join_notes(a.note, b.note)
    reviewed = a.reviewed and b.reviewed
    if a.choice == b.choice and a.choice in (KEEP, TAKE_OTHER, TAKE_BOTH):
        d = Decision(a.choice, "", note, reviewed)
    else:
        text = review.passage_text(index) + review.passage_text(index + 1)
        d = after.decision_for_text(index, text, Decision(note=note, reviewed=reviewed))
    if not d.is_default:
        new[index] = d
    return new


def split_decisions(review: Review, index: int) -> dict[int, Decision]:
    """All decisions after splitting passage ``index`` in two."""
    old = review.decisions()
    new = {(i if i < index else i + 1): d for i, d in old.items() if i != index}
    d = review.decision(index)
    if d.is_default:
        return new
    choice = KEEP if d.choice == CUSTOM else d.choice
    first = Decision(choice, "", d.note, d.reviewed and d.choice != CUSTOM)
    second = Decision(choice, "", "", d.reviewed and d.choice != CUSTOM)
    for i, x in ((index, first), (index + 1, second)):
        if not x.is_default:
            new[i] = x
    return new
