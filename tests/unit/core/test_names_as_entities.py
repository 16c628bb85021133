"""A name is an entity, not a capitalised word: one finding per name however many words it has,
acronyms match their expansion, German nouns are no names, a replaced name is major, and a name
the other version renders the same other way throughout is a translator's choice (minor)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.core.checks import Severity
from compare.core.checks.cross import check_comparison
from compare.core.checks.cross import names as names_rule
from compare.core.diff.comparison import compare
from compare.core.io.document import Document


def names(left: str, right: str, language: str = "en") -> list[tuple[str, str, Severity, int]]:
    c = compare(
        Document.from_text(left), Document.from_text(right), left_language=language, right_language=language
    )
    return [
        (f.side, c.side(f.side).text[f.start : f.end], f.severity, f.count)
        for f in check_comparison(c, ["name-mismatch"])
    ]


def test_an_acronym_matches_its_expansion() -> None:
    assert (
        names(
            "Patients of the National Health Service waited for hours yesterday.",
            "Patients of the NHS waited for hours yesterday.",
        )
        == []
    )


def test_a_name_spelled_another_way_is_the_same_name() -> None:
    assert (
        names(
            "The casinos of Macao reopened on Monday morning.",
            "The casinos of Macau reopened on Monday morning.",
        )
        == []
    )


def test_a_title_cased_phrase_of_common_words_is_no_name() -> None:
    assert (
        names(
            "The proposal of the General Plan was praised by the committee.",
            "The proposal of the General Scheme was praised by the committee.",
        )
        == []
    )


def test_german_capitalised_nouns_are_no_names() -> None:
    assert (
        names(
            "Die Regierung hat gestern die Studie über Kliniken veröffentlicht.",
            "Die Verwaltung hat gestern die Untersuchung über Krankenhäuser veröffentlicht.",
            "de",
        )
        == []
    )


def test_a_name_rendered_the_same_other_way_throughout_is_minor_and_one_finding() -> None:
    left = "\n\n".join(f"Yesterday Furong opened school number {k} in the town." for k in range(1, 4))
    right = "\n\n".join(f"Yesterday Lotus opened school number {k} in the town." for k in range(1, 4))
    assert names(left, right) == [("right", "Lotus", Severity.MINOR, 3)]


def test_a_name_missing_from_the_whole_other_version_is_minor() -> None:
    assert names(
        "Yesterday the minister met Kvesic in the capital. He spoke to reporters.",
        "Yesterday the minister met the chairman in the capital. He spoke to reporters.",
    ) == [("left", "Kvesic", Severity.MINOR, 1)]


def test_an_acronym_matches_its_expansion_written_anywhere_in_the_other_version() -> None:
    # In German "National Health Service" is no name of the German lexicon, but it spells NHS.
    assert (
        names(
            "Die Klinik gehört zum staatlichen Gesundheitsdienst NHS, sagte die Ärztin am Montag.",
            "Die Klinik gehört zum National Health Service, sagte die Ärztin am Montag.",
            "de",
        )
        == []
    )


def test_an_acronym_explained_in_brackets_matches_the_explanation() -> None:
    assert (
        names(
            "Many investors bought the coin out of FOMO (fear of missing out) last week.",
            "Many investors bought the coin out of a fear of missing out last week.",
        )
        == []
    )


def test_a_long_name_with_one_word_rendered_another_way_is_the_same_name() -> None:
    assert (
        names(
            "She was treated at the Queen Mary Riverside Hospital on Monday, officials said.",
            "She was treated at the Queen Mary Riverbank Hospital on Monday, officials said.",
        )
        == []
    )


def test_the_letters_of_a_code_are_not_a_name_of_their_own() -> None:
    c = compare(
        Document.from_text("Cases of COVID-19 rose sharply in the port city last week."),
        Document.from_text("Cases of the epidemic rose sharply in the port city last week."),
        left_language="en",
        right_language="en",
    )
    # One defect, one finding: the number rule reports the code, the name rule does not repeat it.
    assert [(f.rule, c.left.text[f.start : f.end]) for f in check_comparison(c)] == [
        ("number-mismatch", "19")
    ]


TITLE_CONTEXT = "\n\nThe plan promotes the construction of new universities and the training of teachers.\n"


def test_a_title_set_in_a_sentence_is_no_name() -> None:
    assert (
        names(
            "The council adopted the General Plan for Coordinating and Promoting the Construction of"
            " Top Universities." + TITLE_CONTEXT,
            "The council adopted the General Scheme for Promoting the Construction of Top Universities."
            + TITLE_CONTEXT,
        )
        == []
    )


def test_a_run_of_names_is_not_a_title() -> None:
    found = names(
        "Officials of the Bank of England and the Bank of Slovenia discussed interest rates yesterday in the capital."
        + TITLE_CONTEXT,
        "Officials of the Bank of England and the Bank of Croatia discussed interest rates yesterday in the capital."
        + TITLE_CONTEXT,
    )
    assert found == [("right", "Bank of Croatia", Severity.MAJOR, 1)]


def test_a_replaced_person_is_major_and_a_replaced_one_word_name_minor() -> None:
    # "Cheung" is a person: the document names him in full elsewhere.
    assert names(
        "Matthew Cheung arrived on Monday.\n\nLater that day Cheung spoke to reporters.",
        "Matthew Cheung arrived on Monday.\n\nLater that day Zhang spoke to reporters.",
    ) == [("right", "Zhang", Severity.MAJOR, 1)]
    # A one-word name that is neither a person nor an organisation as far as the texts tell may
    # be the other translator's rendering of the same name ("Furong" is a lotus): minor.
    assert names(
        "The province launched the Furong talent plan on Monday.",
        "The province launched the Lotus talent plan on Monday.",
    ) == [("right", "Lotus", Severity.MINOR, 1)]


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="aAbBßsSeEéÉ", min_size=1, max_size=9),
    st.text(alphabet="aAbBßsSeEéÉ", min_size=1, max_size=9),
)
def test_two_spellings_of_a_name_begin_alike(a: str, b: str) -> None:
    # What lets the names rule look for a spelling of a name only among the other version's
    # words with the same first letter (_NameLexicon.initialled).
    if names_rule._similar(a, b):
        assert a.casefold()[:1] == b.casefold()[:1]
