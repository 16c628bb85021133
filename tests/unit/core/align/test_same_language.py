import pytest

from compare.core.align.same_language import align_same_language, validate_beads
from compare.core.align.bilingual import align_bilingual


def shapes(beads):  # type: ignore[no-untyped-def]
    return [f"{len(a)}-{len(b)}" for a, b in beads]


def test_identical_sentences_align_one_to_one() -> None:
    s = ["One sentence here.", "Another one.", "A third."]
    assert align_same_language(s, s) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_stray_period_split_is_one_two_to_one_passage() -> None:
    left = [
        "The NATO chief spoke of easing tensions between Moscow and Russia.",
        "West.",
        "Officials met again on Thursday.",
    ]
    right = [
        "The NATO chief spoke of easing tensions between Moscow and the West.",
        "Officials met again on Thursday.",
    ]
    assert align_same_language(left, right) == [((0, 1), (0,)), ((2,), (1,))]


def test_split_in_the_middle_of_a_sentence() -> None:
    left = ["Allies and Russia had a very serious exchange.", "and direct on the situation in Ukraine."]
    right = ["Allies and Russia had a very serious and direct exchange on the situation in Ukraine."]
    assert align_same_language(left, right) == [((0, 1), (0,))]


def test_merge_of_two_sentences() -> None:
    left = ["Stoltenberg spoke to reporters in Brussels.", "He said the talks were difficult but useful."]
    right = ["Stoltenberg told reporters in Brussels that the talks were difficult but useful."]
    assert shapes(align_same_language(left, right)) == ["2-1"]


def test_omitted_and_added_sentences() -> None:
    left = [
        "The alliance has thirty members.",
        "Ukraine is not one of them.",
        "The talks lasted four hours.",
        "Nobody expected a breakthrough.",
    ]
    right = [
        "The alliance has 30 members.",
        "The talks lasted four long hours.",
        "A new sentence the editor wrote about sanctions and gas.",
        "Nobody expected a breakthrough.",
    ]
    assert align_same_language(left, right) == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((), (2,)),
        ((3,), (3,)),
    ]


def test_unrelated_new_sentence_is_not_merged_into_a_neighbour() -> None:
    left = ["The meeting had a very serious exchange.", "and direct on the situation in Ukraine."]
    right = [
        "The meeting had a very serious and direct exchange on the situation in Ukraine.",
        "A sentence only on the right.",
    ]
    assert align_same_language(left, right) == [((0, 1), (0,)), ((), (1,))]


def test_repeated_sentences_do_not_derail_the_alignment() -> None:
    block_l = ["Credit", "Police said the suspect was arrested.", "The trial starts in May."]
    block_r = ["Credit", "The police said the suspect had been arrested.", "The trial begins in May."]
    left = block_l * 30
    right = block_r * 30
    beads = align_same_language(left, right)
    assert beads == [((i,), (i,)) for i in range(90)]


def test_large_blocks_use_the_band_and_stay_correct() -> None:
    # Over 200 x 200 changed sentences: the anchored band path is taken.
    left = [f"Sentence number {i} talks about topic {i * 7} and the weather." for i in range(400)]
    right = [f"Sentence number {i} speaks about subject {i * 7} and the weather." for i in range(400)]
    del right[150]  # an omission in the middle
    beads = align_same_language(left, right)
    validate_beads(beads, 400, 399)
    assert ((150,), ()) in beads
    assert sum(1 for a, b in beads if len(a) == len(b) == 1) == 399


def test_length_alignment_gives_a_valid_alignment_across_languages() -> None:
    left = ["Der Gipfel ist hoch.", "Wir stiegen lange und mühsam auf, bis zum Abend.", "Dann kam der Regen."]
    right = ["Le sommet est haut.", "Nous sommes montés longtemps et péniblement, jusqu'au soir.", "Puis vint la pluie."]
    beads = align_bilingual(left, right, left_lang="de", right_lang="fr")
    validate_beads(beads, 3, 3)
    assert shapes(beads) == ["1-1", "1-1", "1-1"]


@pytest.mark.parametrize(("n", "m"), [(0, 0), (0, 3), (2, 0)])
def test_empty_sides(n: int, m: int) -> None:
    left = [f"L{i}." for i in range(n)]
    right = [f"R{j}." for j in range(m)]
    for beads in (align_same_language(left, right), align_bilingual(left, right)):
        validate_beads(beads, n, m)


def test_validate_rejects_gaps() -> None:
    with pytest.raises(ValueError):
        validate_beads([((0,), (0,)), ((2,), (1,))], 3, 2)
    with pytest.raises(ValueError):
        validate_beads([((), ())], 0, 0)


def test_machine_against_human_translation_on_gold_alignment() -> None:
    """Text+Berg: Google's French against the human French edition (gold beads)."""
    from pathlib import Path

    from compare.core.align.bilingual import parse_beads, strict_f1

    folder = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "textberg-defr"
    if not folder.is_dir():
        pytest.skip(f"the Text+Berg gold alignment is not at {folder}")
    gold = parse_beads((folder / "dev.defr").read_text(encoding="utf-8"))
    mt = (folder / "dev.google.fr").read_text(encoding="utf-8").splitlines()
    human = (folder / "dev.fr").read_text(encoding="utf-8").splitlines()
    _, _, f1 = strict_f1(align_same_language(mt, human), gold)
    assert f1 >= 0.75  # measured 0.784


def test_an_expanded_sentence_stays_one_changed_passage() -> None:
    left = ["The talks began on Monday in Geneva.", "Both sides made several proposals.", "They left."]
    right = [
        "The talks began on Monday in Geneva.",
        "Both sides made several proposals, among them a detailed plan for disarmament in eastern "
        "parts of the continent, a schedule for further meetings and a joint statement.",
        "They left.",
    ]
    assert align_same_language(left, right) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
