"""Manual alignment links (sync points): left sentence i corresponds to right sentence j."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.core.align.link import LINK_REACH, link_beads, subaligner
from compare.core.align.same_language import Bead, align_same_language, validate_beads

LEFT = [
    "The storm reached the coast on Monday night.",
    "More than 20,000 homes lost power.",
    "Firefighters rescued 12 people near Brest.",
    "Trains between Paris and Rennes were cancelled.",
    "Air France also cancelled 45 flights.",
    "The government promised 30 million euros in aid.",
]
RIGHT = [
    "The storm hit the coast on Monday night.",
    "Photo: the harbour of Brest on Tuesday morning.",
    "Over 20,000 homes lost power.",
    "Firefighters saved 12 people close to Brest.",
    "Trains from Paris to Rennes were cancelled.",
    "Air France cancelled 45 flights as well.",
    "The government pledged 30 million euros in aid.",
]
RIGHT_GOLD: list[Bead] = [
    ((0,), (0,)),
    ((), (1,)),
    ((1,), (2,)),
    ((2,), (3,)),
    ((3,), (4,)),
    ((4,), (5,)),
    ((5,), (6,)),
]
# What an aligner that missed the caption might give: everything after it off by one.
SHIFTED: list[Bead] = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), (4,)), ((5,), (5, 6))]


def test_link_puts_the_two_sentences_in_a_bead_of_their_own() -> None:
    beads = link_beads(SHIFTED, 1, 2)
    validate_beads(beads, 6, 7)
    assert ((1,), (2,)) in beads
    assert beads[0] == ((0,), (0,))  # wholly before the link: unchanged
    assert beads[-3:] == SHIFTED[-3:]  # wholly after it: unchanged
    # The right sentence the link passes over has no partner left: a passage of its own.
    assert ((), (1,)) in beads


def test_link_with_the_aligner_repairs_the_stretch_after_it() -> None:
    realign = subaligner(LEFT, RIGHT, align_same_language)
    assert link_beads(SHIFTED, 1, 2, realign) == RIGHT_GOLD


def test_link_keeps_fixes_beyond_where_old_and_new_agree() -> None:
    # Two sentences the user merged by hand, within the reach of the realignment, stay merged:
    # the aligner would split them, but old and new agree right after the link.
    left = [f"Sentence {k} about the storm in Brittany number {k}." for k in range(60)]
    right = list(left)
    beads: list[Bead] = [((k,), (k,)) for k in range(60)]
    beads[20:22] = [((20, 21), (20, 21))]  # a manual merge
    realign = subaligner(left, right, align_same_language)
    assert align_same_language(left[20:22], right[20:22]) == [((0,), (0,)), ((1,), (1,))]
    assert link_beads(beads, 3, 3, realign) == beads


def test_linking_two_sentences_that_already_correspond_changes_nothing() -> None:
    assert link_beads(RIGHT_GOLD, 3, 4) == RIGHT_GOLD
    assert link_beads(RIGHT_GOLD, 3, 4, subaligner(LEFT, RIGHT, align_same_language)) == RIGHT_GOLD


def test_link_inside_a_merged_bead_splits_it_around_the_link() -> None:
    beads: list[Bead] = [((0, 1, 2), (0, 1))]
    assert link_beads(beads, 1, 0) == [((0,), ()), ((1,), (0,)), ((2,), (1,))]


@pytest.mark.parametrize(
    ("i", "j", "message"), [(6, 0, "left side has no sentence 7"), (0, -1, "right side")]
)
def test_a_link_outside_the_texts_is_refused_in_a_sentence(i: int, j: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        link_beads(RIGHT_GOLD, i, j)


def test_an_aligner_that_does_not_cover_its_sentences_is_refused() -> None:
    with pytest.raises(ValueError, match="do not cover"):
        link_beads(SHIFTED, 1, 2, lambda lr, rr: [((lr.start,), (rr.start,))])


@st.composite
def alignments(draw: st.DrawFn) -> list[Bead]:
    beads: list[Bead] = []
    i = j = 0
    for _ in range(draw(st.integers(1, 30))):
        a, b = draw(st.sampled_from([(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1)]))
        beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return beads


@settings(max_examples=300, deadline=None)
@given(beads=alignments(), data=st.data())
def test_any_link_gives_a_valid_alignment(beads: list[Bead], data: st.DataObject) -> None:
    n, m = sum(len(a) for a, _ in beads), sum(len(b) for _, b in beads)
    if not n or not m:
        return
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(0, m - 1))
    holds = [k for k, (a, b) in enumerate(beads) if i in a or j in b]
    first, last = min(holds), max(holds)
    linked = link_beads(beads, i, j)
    validate_beads(linked, n, m)
    assert ((i,), (j,)) in linked
    # Only the stretch from the bead holding i to the bead holding j changes.
    assert linked[:first] == beads[:first]
    assert linked[len(linked) - (len(beads) - last - 1) :] == beads[last + 1 :]
    nulls = link_beads(beads, i, j, lambda lr, rr: [((x,), ()) for x in lr] + [((), (y,)) for y in rr])
    validate_beads(nulls, n, m)
    assert ((i,), (j,)) in nulls


def test_the_realigned_stretch_is_bounded() -> None:
    beads: list[Bead] = [((k,), (k,)) for k in range(300)]
    calls: list[tuple[range, range]] = []

    def realign(lr: range, rr: range) -> list[Bead]:
        calls.append((lr, rr))
        return [((x,), (x,)) for x in lr] if len(lr) == len(rr) else [(tuple(lr), tuple(rr))]

    link_beads(beads, 150, 150, realign)
    assert calls and all(len(lr) <= LINK_REACH and len(rr) <= LINK_REACH for lr, rr in calls)
