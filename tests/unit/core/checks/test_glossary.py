"""The house glossary on small pairs written here: one language, and across languages."""

from __future__ import annotations

import pytest

from compare.core.analysis.analysis import analyse
from compare.core.checks import glossary as glossary_module
from compare.core.checks.finding import Scope, Severity
from compare.core.checks.glossary import (
    FORBIDDEN,
    MISSING,
    GlossaryError,
    forbidden_forms,
    load_glossary,
    parse_glossary,
)
from compare.core.diff.comparison import compare
from compare.core.errors import CompareError
from compare.core.io.document import Document
from compare.core.review.fixes import fix_decision
from compare.core.review.review import Review

HOUSE = (
    "term\trequired\tforbidden\tnote\n"
    "Kyiv\t\tKiev\tthe Ukrainian spelling\n"
    "email\t\te-mail\n"
    "Deutsche Bahn\t\tBahn|DB\n"
    "Volodymyr Zelensky\tVolodymyr Zelensky|Zelensky\tSelenskyj\n"
)


def house():  # type: ignore[no-untyped-def]
    return parse_glossary(HOUSE, "house.tsv")


def test_forbidden_forms_in_one_text_with_their_fix() -> None:
    text = "Officials in Kiev sent an E-mail. Deutsche Bahn trains ran; the Bahn said DB was late."
    found = forbidden_forms(text, house())
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [
        ("Kiev", "Kyiv"),
        ("E-mail", "Email"),  # a lower-case form matches any case, and the fix keeps the capital
        ("Bahn", "Deutsche Bahn"),  # not the "Bahn" of "Deutsche Bahn" itself
        ("DB", "Deutsche Bahn"),
    ]
    assert all(f.rule == FORBIDDEN and f.severity == Severity.MINOR for f in found)
    assert (
        found[0].message == "“Kiev” is not house style: house.tsv asks for “Kyiv” (the Ukrainian spelling)."
    )
    # a capitalised form matches only as written, and only whole words
    assert forbidden_forms("kiev is lower case; Kievan Rus is history; ADBlock.", house()) == []


def test_same_language_pair_findings_are_placed_and_fixable() -> None:
    left = Document.from_text("Talks in Kiev ended.\n\nThe minister sent an e-mail to Kyiv.\n")
    right = Document.from_text("Talks in Kyiv ended.\n\nThe minister sent an e-mail to Kyiv.\n")
    comparison = compare(left, right)
    plain = analyse(comparison)
    checked = analyse(comparison, glossary=house())
    assert not any(f.rule.startswith("glossary") for f in plain.findings) and plain.glossary is None
    assert checked.glossary == house()
    found = [f for f in checked.findings if f.rule == FORBIDDEN]
    assert sorted((f.side, comparison.side(f.side).text[f.start : f.end]) for f in found) == [
        ("left", "Kiev"),
        ("left", "e-mail"),
        ("right", "e-mail"),
    ]
    assert all(f.scope == Scope.VERSION and f.passage is not None for f in found)
    assert not any(f.rule == MISSING for f in checked.findings)  # one language: nothing to translate
    # one click: the base (right) passage gets the required form
    review = Review(checked)
    mail = next(f for f in found if f.side == "right")
    decision, _ = fix_decision(review, mail)
    review.set_decision(mail.passage, decision)
    assert "The minister sent an email to Kyiv." in review.reconciled_text()
    # the glossary's findings rank their passages up
    first_changed = next(p.index for p in comparison.passages if p.kind != "equal")
    assert checked.score(first_changed) >= plain.score(first_changed)


BILINGUAL = (
    "term,required,forbidden,note,severity\n"
    "Bundestag,Bundestag,,the German parliament's name stays,major\n"
    "budget,Haushalt|Etat,,,\n"
    "European Commission,EU-Kommission|Europäische Kommission,Europäische Kommision,,\n"
    "拜登,Biden,,,\n"
)


def test_across_languages_a_missing_required_translation() -> None:
    glossary = parse_glossary(BILINGUAL, "terms.csv")
    left = Document.from_text(
        "The Bundestag approved the budget on Friday.\n\nThe European Commission welcomed the vote.\n"
    )
    right = Document.from_text(
        "Das Parlament billigte am Freitag den Haushalt.\n\nDie Europäische Kommision begrüßte die Abstimmung.\n"
    )
    comparison = compare(left, right, left_language="en", right_language="de")
    assert comparison.cross_language
    findings = [f for f in analyse(comparison, glossary).findings if f.rule.startswith("glossary")]
    missing = [f for f in findings if f.rule == MISSING]
    # "budget" has its "Haushalt"; the Commission is there in a forbidden spelling, one finding below
    assert len(missing) == 1
    (m,) = missing
    assert m.side == "right" and m.scope == Scope.CROSS and m.severity == Severity.MAJOR
    assert right.text[m.start : m.end] == "Das Parlament billigte am Freitag den Haushalt."
    assert "“Bundestag”" in m.message and m.suggestion is None
    # the misspelt form is forbidden, with the fix to the required one
    forbidden = [f for f in findings if f.rule == FORBIDDEN]
    assert [(right.text[f.start : f.end], f.suggestion) for f in forbidden] == [
        ("Europäische Kommision", "EU-Kommission")
    ]


def test_across_languages_chinese_term_without_spaces() -> None:
    glossary = parse_glossary(BILINGUAL, "terms.csv")
    left = Document.from_text("拜登周三表示，他将访问欧洲。\n")
    right = Document.from_text("Trump said on Wednesday that he would visit Europe.\n")
    comparison = compare(left, right, left_language="zh", right_language="en")
    missing = [f for f in analyse(comparison, glossary).findings if f.rule == MISSING]
    assert [(f.side, "“拜登”" in f.message, "“Biden”" in f.message) for f in missing] == [
        ("right", True, True)
    ]
    right_ok = Document.from_text("Biden said on Wednesday that he would visit Europe.\n")
    comparison = compare(left, right_ok, left_language="zh", right_language="en")
    assert not [f for f in analyse(comparison, glossary).findings if f.rule == MISSING]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"name,spelling\nKyiv,Kiev\n", "no header row naming a term column"),
        (b"term,forbidden\n", "no entries"),
        (b"term,forbidden,severity\nKyiv,Kiev,urgent\n", "Row 2 of g.csv gives the severity 'urgent'"),
        (b"term\tforbidden\n\tKiev\n", "Row 2 of g.csv has no term"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image"),
    ],
)
def test_bad_glossary_files_get_one_sentence(tmp_path, content: bytes, says: str) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(content)
    with pytest.raises(CompareError) as err:
        load_glossary(path)
    assert says in str(err.value)
    assert str(err.value).count(". ") == 0 and str(err.value).endswith(".")


def test_glossary_size_is_bounded(tmp_path, monkeypatch) -> None:
    path = tmp_path / "big.tsv"
    path.write_text("term\tforbidden\n" + "".join(f"T{k}\tF{k}\n" for k in range(50)), encoding="utf-8")
    assert len(load_glossary(path).entries) == 50
    monkeypatch.setattr(glossary_module, "MAX_GLOSSARY_ENTRIES", 10)
    with pytest.raises(GlossaryError, match="has 50 entries; the limit is 10"):
        load_glossary(path)
    monkeypatch.setattr(glossary_module, "MAX_GLOSSARY_BYTES", 100)
    with pytest.raises(CompareError, match="too large"):
        load_glossary(path)
    with pytest.raises(CompareError, match="does not exist"):
        load_glossary(tmp_path / "none.tsv")
