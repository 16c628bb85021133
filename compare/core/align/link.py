"""Manual alignment links: "left sentence i corresponds to right sentence j" (a sync point).

Meld and WinMerge let the user pin two lines together and re-compare around the pin.
:func:`link_beads` does that to an alignment: the result puts left ``i`` and right ``j``
in a bead of their own and keeps the beads that lie wholly before or after the link. With a
``realign`` (the aligner the comparison used, run on just some sentences: see
:func:`subaligner`) the sentences around the link are aligned again, as far as the new
alignment differs from the old one; without it only the stretch of beads the link cuts
through (from the bead holding ``i`` to the bead holding ``j``) changes: sentences left
without a partner become beads of their own, the others one bead a side of the link, which
the user can split further.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compare.core.align.same_language import Bead, validate_beads

__all__ = ["Realign", "link_beads", "subaligner"]

Realign = Callable[[range, range], Sequence[Bead]]
"""``realign(left range, right range)`` -> beads over exactly those sentences (absolute indices)."""


def _count(beads: Sequence[Bead]) -> tuple[int, int]:
    return sum(len(a) for a, _ in beads), sum(len(b) for _, b in beads)


def _fill(left: range, right: range, realign: Realign | None) -> list[Bead]:
    """Beads over ``left`` x ``right``, from ``realign`` or the simple default."""
    if not left and not right:
        return []
    if realign is not None and left and right:
        beads = list(realign(left, right))
        got = [i for a, _ in beads for i in a], [j for _, b in beads for j in b]
        if got != (list(left), list(right)) or any(not a and not b for a, b in beads):
            raise ValueError("the aligner returned beads that do not cover the sentences it was given")
        return beads
    if left and right:
        return [(tuple(left), tuple(right))]
    return [((i,), ()) for i in left] + [((), (j,)) for j in right]


LINK_REACH = 40  # beads either side of the link that ``realign`` may redo


def _points(beads: Sequence[Bead], origin: tuple[int, int]) -> list[tuple[int, int]]:
    """The boundary after each bead, counted from ``origin``."""
    x, y = origin
    out = []
    for a, b in beads:
        x, y = x + len(a), y + len(b)
        out.append((x, y))
    return out


def link_beads(beads: Sequence[Bead], i: int, j: int, realign: Realign | None = None) -> list[Bead]:
    """The alignment ``beads`` with left sentence ``i`` linked to right sentence ``j``.

    The result covers the same sentences, in order, and ``((i,), (j,))`` is one of its beads.
    Without ``realign`` only the beads the link cuts through change. With it, up to
    :data:`LINK_REACH` beads either side are aligned again, and the old beads are kept from
    the first boundary where old and new agree (before the link: up to the last such
    boundary), so that fixes made elsewhere survive. Raises ValueError (one plain sentence)
    when ``i`` or ``j`` is not a sentence of its side.
    """
    n, m = _count(beads)
    validate_beads(beads, n, m)
    if not 0 <= i < n:
        raise ValueError(f"the left side has no sentence {i + 1}")
    if not 0 <= j < m:
        raise ValueError(f"the right side has no sentence {j + 1}")
    holds_i = next(k for k, (a, _) in enumerate(beads) if i in a)
    holds_j = next(k for k, (_, b) in enumerate(beads) if j in b)
    # Beads before the first of those two lie wholly before the link, beads after the last
    # wholly after it (the beads are in order on both sides); only the stretch between moves.
    first, last = min(holds_i, holds_j), max(holds_i, holds_j) + 1
    if realign is not None:
        first, last = max(0, first - LINK_REACH), min(len(beads), last + LINK_REACH)
    l0, r0 = _count(beads[:first])
    l1, r1 = _count(beads[:last])
    before = _fill(range(l0, i), range(r0, j), realign)
    after = _fill(range(i + 1, l1), range(j + 1, r1), realign)
    old = [(0, 0), *_points(beads, (0, 0))]  # old[k]: the boundary before bead k
    where = {point: k for k, point in enumerate(old)}
    # Before the link: keep the old beads up to the last boundary they share with the new.
    keep_to, new_from = first, 0
    for k, point in enumerate(_points(before, (l0, r0))):
        if point in where:
            keep_to, new_from = where[point], k + 1
    # After the link: new beads up to the first shared boundary, the old ones from there.
    new_to, keep_from = len(after), last
    for k, point in enumerate(_points(after, (i + 1, j + 1))):
        if point in where:
            new_to, keep_from = k + 1, where[point]
            break
    return [*beads[:keep_to], *before[new_from:], ((i,), (j,)), *after[:new_to], *beads[keep_from:]]


def subaligner(
    left: Sequence[str], right: Sequence[str], align: Callable[[Sequence[str], Sequence[str]], Sequence[Bead]]
) -> Realign:
    """A :data:`Realign` that runs ``align`` (an aligner of two sentence lists, such as
    :func:`compare.core.align.same_language.align_same_language`) on the sentences given and
    shifts its beads back to the whole texts' numbering."""

    def realign(lr: range, rr: range) -> list[Bead]:
        sub = align(list(left[lr.start : lr.stop]), list(right[rr.start : rr.stop]))
        return [(tuple(x + lr.start for x in a), tuple(y + rr.start for y in b)) for a, b in sub]

    return realign
