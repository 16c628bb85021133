"""A name is an entity, not a capitalised word: one finding per name however many words it has,
acronyms match their expansion, German nouns are no names, a replaced name is major, and a name
the other version renders the same other way throughout is a translator's choice (minor)."""

from __future__ import annotations

from compare.core.checks import Severity
from compare.core.checks.cross import check_comparison
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
