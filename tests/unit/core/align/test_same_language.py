import json
import os
import random
import subprocess
import sys

import pytest

from compare.core.align.bilingual import align_bilingual
from compare.core.align.same_language import align_same_language, validate_beads


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
    right = [
        "Le sommet est haut.",
        "Nous sommes montés longtemps et péniblement, jusqu'au soir.",
        "Puis vint la pluie.",
    ]
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
        (
            "Both sides made several proposals, among them a detailed plan for disarmament in eastern "
            "parts of the continent, a schedule for further meetings and a joint statement."
        ),
        "They left.",
    ]
    assert align_same_language(left, right) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


# --- over-merging, moved boundaries, null beads (issue 11) ----------------------------------


def test_a_two_to_one_beside_a_one_to_one_is_not_swallowed_by_a_three_to_two() -> None:
    left = [
        "The government in Rome closed the schools on Monday.",
        (
            "In reply to the British decision, the Italian health ministry said on Monday that the outbreak in "
            "Italy was under control."
        ),
        (
            "Italian health minister Roberto Speranza told reporters that Italy was safe for Italians and also "
            "safe for visitors."
        ),
    ]
    right = [
        (
            "The government in Rome closed the schools on Monday. Answering the decision taken in Britain, the "
            "Italian ministry of health stated on Monday that the epidemic in the country was contained."
        ),
        (
            "The Italian health minister Roberto Speranza said to journalists: Italy is safe, not only for "
            "Italians but also for visitors."
        ),
    ]
    # "Italian", "health", "Italy" and "Monday" match across the boundary: the 3-2 matched a few
    # more words than the 2-1 and the 1-1, but splitting it keeps nearly all of them.
    assert align_same_language(left, right) == [((0, 1), (0,)), ((2,), (1,))]


def test_a_phrase_moved_across_a_sentence_end_stays_one_two_to_two_passage() -> None:
    left = [
        "The minister arrived in Berlin on Monday evening and met the chancellor.",
        "They talked about energy prices for two hours.",
    ]
    right = [
        "The minister arrived in Berlin on Monday evening.",
        "He met the chancellor and they talked about energy prices for two hours.",
    ]
    assert align_same_language(left, right) == [((0, 1), (0, 1))]


@pytest.mark.parametrize("fragment", ["!", "Photo: Reuters", "Credit", "...", "- 3 -"])
def test_a_fragment_with_no_counterpart_stays_a_passage_of_its_own(fragment: str) -> None:
    left = [
        "The minister resigned on Tuesday after weeks of pressure.",
        fragment,
        "Elections will be held in the spring.",
    ]
    right = [
        "The minister stepped down on Tuesday after weeks of pressure.",
        "Elections will take place in spring.",
    ]
    assert align_same_language(left, right) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    mirrored = align_same_language(right, left)
    assert mirrored == [((0,), (0,)), ((), (1,)), ((1,), (2,))]


# --- the same result whatever the hash seed (issue 15) ---------------------------------------


def _tied_pair(n: int = 260, seed: int = 2) -> tuple[list[str], list[str]]:
    """A large block (searched in a band) where every left sentence has ten words that occur
    once on the right, only one of them in its counterpart, so that "the rarest words" tie."""
    rng = random.Random(seed)
    common = [f"c{k}" for k in range(40)]
    left: list[list[str]] = []
    right: list[list[str]] = [[] for _ in range(n)]
    for i in range(n):
        shared = rng.sample(common, 8)
        decoys = [f"d{i}x{k}" for k in range(9)]
        left.append([*shared, f"t{i}", *decoys])
        right[i] += [*shared, f"t{i}"]
        for word in decoys:
            right[min(n - 1, max(0, i + rng.choice([-3, -2, 2, 3])))].append(word)
    out: list[list[str]] = []
    i = 0
    while i < n:
        roll = rng.random()
        if roll < 0.03:
            i += 3
        elif roll < 0.12 and i + 1 < n:
            out.append(right[i] + right[i + 1])
            i += 2
        else:
            out.append(right[i])
            i += 1
    return [" ".join(s) + "." for s in left], [" ".join(rng.sample(s, len(s))) + "." for s in out]


_ALIGN_BOTH = (
    "import json, sys\n"
    "from compare.core.align.same_language import align_same_language\n"
    "from compare.core.align.bilingual import align_bilingual\n"
    "d = json.load(sys.stdin)\n"
    "print(json.dumps([align_same_language(d['l'], d['r']), align_bilingual(d['l'], d['r'])]))\n"
)


def test_alignments_do_not_depend_on_the_hash_seed() -> None:
    left, right = _tied_pair()
    payload = json.dumps({"l": left, "r": right})
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _ALIGN_BOTH],
            input=payload,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    same, _ = json.loads(outputs[0])
    validate_beads([(tuple(a), tuple(b)) for a, b in same], len(left), len(right))


# --- evidence --------------------------------------------------------------------------------


def test_a_comparison_says_which_aligner_and_dictionary_it_used() -> None:
    from compare.core.align.evidence import CROSS_LANGUAGE, GIVEN, SAME_LANGUAGE, Evidence
    from compare.core.analysis.analysis import Analysis
    from compare.core.diff.comparison import compare
    from compare.core.export.diff_report import to_json, to_text
    from compare.core.io.document import Document

    english = Document("The storm reached the coast on Monday night. More than 20,000 homes lost power.")
    edited = Document("The storm hit the coast on Monday night. More than 20,000 homes lost power.")
    german = Document(
        "Der Sturm erreichte die Küste am Montagabend. Mehr als 20.000 Haushalte hatten keinen Strom."
    )
    same = compare(english, edited)
    assert same.evidence == Evidence(SAME_LANGUAGE)
    assert to_text(Analysis.unchecked(same)).rstrip().endswith("(aligned by shared words)")
    cross = compare(english, german, left_language="en", right_language="de")
    assert cross.evidence is not None and cross.evidence.method == CROSS_LANGUAGE
    assert cross.evidence.dictionary == "English–German"
    report = to_text(Analysis.unchecked(cross))
    assert "English–German dictionary" in report.splitlines()[-1]
    assert "aligned by length" not in report
    alignment = to_json(Analysis.unchecked(cross))["alignment"]
    assert isinstance(alignment, dict) and alignment["lexicons"] == ["eng-deu", "deu-eng"]
    replayed = compare(english, edited, beads=same.beads)
    assert replayed.evidence == Evidence(GIVEN)
