"""Tests for the single-version machine-translation artifact checks (compare.core.checks)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.core.checks import RULES, Finding, Hit, Severity, check_text, rule
from tests.unit.core import wmt

SHARED = Path(__file__).resolve().parents[4].parent / "shared"
SAMPLE = SHARED / "samples" / "nato-russia-talks.machine-translated.txt"
WMT = SHARED / "data" / "wmt21"


def fired(text: str, rule_id: str, language: str | None = "en") -> list[str]:
    """The snippets ``rule_id`` flags in ``text``."""
    return [text[f.start : f.end] for f in check_text(text, language) if f.rule == rule_id]


def count_words(text: str) -> int:
    return sum(1 for tok in text.split() if any(c.isalnum() for c in tok))


# --------------------------------------------------------------------------- API


def test_rules_are_registered_with_id_severity_description() -> None:
    expected = {
        "stray-period",
        "sentence-fragment",
        "repeated-sentence",
        "doubled-word",
        "doubled-punctuation",
        "space-before-punctuation",
        "missing-space",
        "tokenizer-spacing",
        "unbalanced-quote",
        "unbalanced-bracket",
        "caption-credit",
        "trailing-byline",
        "mojibake",
        "invisible-character",
        "untranslated-paragraph",
    }
    assert expected <= set(RULES)
    for rid, r in RULES.items():
        assert r.id == rid
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid)
        assert isinstance(r.severity, Severity)
        assert r.description and callable(r.check)
    assert {s.value for s in Severity} == {"major", "minor", "info"}


def test_findings_are_sorted_frozen_and_in_bounds() -> None:
    text = "He saw the the house. It was a serious exchange. and direct talk ,, they said."
    findings = check_text(text, "en")
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    assert {f.rule for f in findings} >= {"doubled-word", "stray-period", "doubled-punctuation"}
    for f in findings:
        assert isinstance(f, Finding)
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message and text[f.start : f.end].strip(" ")
    with pytest.raises(AttributeError):
        findings[0].start = 3  # type: ignore[misc]


def test_suggestions_fix_the_text() -> None:
    text = "He saw the the house , and apples,, at Ukraine.The end. It was a serious exchange. and direct."
    fixed = text
    for f in sorted(check_text(text, "en"), key=lambda f: -f.start):
        if f.suggestion is not None:
            fixed = fixed[: f.start] + f.suggestion + fixed[f.end :]
    assert fixed == "He saw the house, and apples, at Ukraine. The end. It was a serious exchange and direct."


def test_rules_subset_and_unknown_rule() -> None:
    text = "He saw the the house ,, there."
    assert {f.rule for f in check_text(text, "en", rules=["doubled-word"])} == {"doubled-word"}
    with pytest.raises(KeyError):
        check_text(text, "en", rules=["no-such-rule"])


def test_a_rule_can_be_added_with_the_decorator() -> None:
    @rule("test-xyzzy", Severity.INFO, "Finds the word xyzzy.")
    def xyzzy(doc):  # type: ignore[no-untyped-def]
        for para in doc.paragraphs:
            for m in re.finditer("xyzzy", para.text):
                yield Hit(para.start + m.start(), para.start + m.end(), "The word “xyzzy”.", None)

    try:
        findings = check_text("Say xyzzy.\n\nAnd xyzzy again.", "en")
        assert [(f.rule, f.severity, f.start) for f in findings] == [
            ("test-xyzzy", Severity.INFO, 4),
            ("test-xyzzy", Severity.INFO, 16),
        ]
        with pytest.raises(ValueError):
            rule("test-xyzzy", Severity.INFO, "again")
        with pytest.raises(ValueError):
            rule("Not Kebab", Severity.INFO, "bad id")
    finally:
        del RULES["test-xyzzy"]


def test_crlf_and_offsets() -> None:
    text = "Title line\r\n\r\nHe saw the the house.\r\n\r\nMore text here."
    (f,) = check_text(text, "en")
    assert f.rule == "doubled-word" and text[f.start : f.end] == "the the"


def test_no_qt_import() -> None:
    code = "import sys, compare.core.checks; sys.exit(any(m.startswith(('PySide6', 'PyQt')) for m in sys.modules))"
    assert (
        subprocess.run(
            [sys.executable, "-c", code], check=False, cwd=Path(__file__).resolve().parents[4]
        ).returncode
        == 0
    )


# --------------------------------------------------------------------------- rules: must fire

FIRES = [
    ("stray-period", "en", "NATO and Russia had a very serious exchange. and direct on Ukraine.", ["."]),
    ("stray-period", "en", "The pipeline's fate would depend. of Russian de-escalation.", ["."]),
    (
        "stray-period",
        "en",
        "They want to renegotiate the architecture of the Ukraine. post-cold war in Europe.",
        ["."],
    ),
    ("stray-period", "de", "Das war ein sehr ernster Austausch. und direkt über die Lage.", ["."]),
    ("sentence-fragment", "en", "They wanted to ease tensions between Moscow and Russia. West.", [". West."]),
    ("sentence-fragment", "en", "The talks ended. Moscow. Then they left for the airport.", [". Moscow."]),
    (
        "sentence-fragment",
        "en",
        "NATO troops stay. He seeks to quash the Russian presence. NATO in Eastern Europe, or that it is defusing.",
        [". NATO in Eastern Europe"],
    ),
    ("doubled-word", "en", "He saw the the house.", ["the the"]),
    ("doubled-word", "en", "The The house was empty.", ["The The"]),
    ("doubled-word", "de", "Er hat das Haus Haus gekauft.", []),  # capitalised: maybe a name
    ("doubled-word", "de", "Er hat hat das Haus gekauft.", ["hat hat"]),
    ("doubled-word", "en", "The invasion of Ukraine. CreditCredit is here.", ["CreditCredit"]),
    ("doubled-punctuation", "en", "The troops bordering Russia. .", [". ."]),
    ("doubled-punctuation", "en", "Apples,, pears and plums.", [",,"]),
    ("doubled-punctuation", "en", "Apples, , pears and plums.", [", ,"]),
    ("doubled-punctuation", "de", "Sie führten zu Forderungen,.", [",."]),
    ("doubled-punctuation", "en", "It ended there.. Then more.", [".."]),
    ("space-before-punctuation", "en", "The word , and the end .", [" ,", " ."]),
    ("space-before-punctuation", "de", "Das Wort ; und das Ende !", [" ;", " !"]),
    ("space-before-punctuation", "en", "Hello ,world.", [" ,"]),
    ("missing-space", "en", "The invasion of Ukraine.The talks went on.", ["."]),
    ("missing-space", "en", "Is it over?Nobody knows.", ["?"]),
    ("tokenizer-spacing", "en", 'The hard core of the " giant " -like power.', ['" giant "', " -"]),
    ("tokenizer-spacing", "en", "It was called “ strong conflict ” by all.", ["“ strong conflict ”"]),
    ("tokenizer-spacing", "de", "Es war „ gut “, sagte er.", ["„ gut “"]),
    ("tokenizer-spacing", "en", "Prices ( in euros ) fell.", ["( in euros )"]),
    # ... and still in an English quotation inside a Chinese text
    ("tokenizer-spacing", "zh", "他说 ： “ Keep calm ” 。", ["“ Keep calm ”"]),
    ("tokenizer-spacing", "en", "Ash O 'Brien said it 's fine.", [" '"]),  # one pattern, count 2
    (
        "unbalanced-quote",
        "en",
        "He called it “a very serious exchange on European security.",
        ["“a very serious exchange on European security."],
    ),
    (
        "unbalanced-quote",
        "de",
        "Er nannte es „einen ernsten Austausch über Sicherheit.",
        ["„einen ernsten Austausch über Sicherheit."],
    ),
    (
        "unbalanced-quote",
        "fr",
        "Il a parlé d'« un échange sérieux sur la sécurité.",
        ["« un échange sérieux sur la sécurité."],
    ),
    ("unbalanced-quote", "en", 'He said "this is it and left.', ['"this is it and left.']),
    ("unbalanced-quote", "en", "He said ‘this is it and left.", ["‘this is it and left."]),
    ("unbalanced-quote", "de", "Die „Versäumnisse“ bremsen“ die Suche.", ["“"]),
    ("unbalanced-quote", "de", 'US-Versagen" bremst die Suche.', ['"']),
    (
        "unbalanced-bracket",
        "en",
        "The council (established in 2002 met today.",
        ["(established in 2002 met today."],
    ),
    ("unbalanced-bracket", "en", "The council established in 2002) met today.", [")"]),
    (
        "caption-credit",
        "en",
        "A further invasion of Ukraine.CreditCredit…Pool photo by Olivier Hoslet",
        ["CreditCredit…Pool photo by Olivier Hoslet"],
    ),
    (
        "caption-credit",
        "en",
        "The talks ended.\n\nCredit…Pool photo by Olivier Hoslet\n\nMore.",
        ["Credit…Pool photo by Olivier Hoslet"],
    ),
    ("caption-credit", "en", "The talks ended.\n\nPhoto: Reuters\n\nMore text.", ["Photo: Reuters"]),
    (
        "caption-credit",
        "en",
        "The talks ended in Brussels. Pool photo by Olivier Hoslet",
        ["Pool photo by Olivier Hoslet"],
    ),
    ("caption-credit", "de", "Die Gespräche endeten.\n\nFoto: dpa\n\nMehr.", ["Foto: dpa"]),
    (
        "trailing-byline",
        "en",
        "Talks ended on Wednesday.\n\nThey may resume next week.\n\nChristi C. Elwood",
        ["Christi C. Elwood"],
    ),
    (
        "trailing-byline",
        "en",
        "Talks ended.\n\nThey may resume.\n\nBy Steven Erlanger",
        ["By Steven Erlanger"],
    ),
    ("mojibake", "de", "MÃ¼nchen ist schÃ¶n.", ["MÃ¼nchen", "schÃ¶n"]),
    ("mojibake", "en", "Itâ€™s a test.", ["Itâ€™s"]),
    ("mojibake", "en", "A lost char: Br\ufffdssel.", ["Br\ufffdssel"]),
    # What is shown is not what is stored: a right-to-left override turns "1000" into "1" + "000"
    # shown backwards; a zero-width space makes "Kyiv" differ from "Kyiv"; a control character.
    ("invisible-character", "en", "Pay 1\u202e000 euros, or 10\u202c.", ["\u202e", "\u202c"]),
    ("invisible-character", "en", "Talks in Ky\u200biv ended.", ["\u200b"]),
    ("invisible-character", "de", "Ein\x07Test mit \ufeffBOM in der Mitte.", ["\x07", "\ufeff"]),
    (
        "untranslated-paragraph",
        "en",
        (
            "The first paragraph of the article is in English.\n\n"
            "Der zweite Absatz ist leider nicht übersetzt worden und steht noch auf Deutsch hier.\n\n"
            "The third paragraph is in English again."
        ),
        ["Der zweite Absatz ist leider nicht übersetzt worden und steht noch auf Deutsch hier."],
    ),
    (
        "untranslated-paragraph",
        "de",
        (
            "Der erste Absatz ist auf Deutsch geschrieben worden.\n\n"
            "Unfortunately the second paragraph was left untranslated and is still in English.\n\n"
            "Der dritte Absatz ist wieder auf Deutsch."
        ),
        ["Unfortunately the second paragraph was left untranslated and is still in English."],
    ),
    (
        "repeated-sentence",
        "en",
        "The cat sat on the mat today. The dog barked.\n\nThe cat sat on the mat today.",
        ["The cat sat on the mat today."],
    ),
]


@pytest.mark.parametrize(("rule_id", "language", "text", "expected"), FIRES, ids=lambda v: str(v)[:40])
def test_rule_fires(rule_id: str, language: str, text: str, expected: list[str]) -> None:
    assert fired(text, rule_id, language) == expected


def test_suggestions_for_mechanical_fixes() -> None:
    def suggestion(text: str, rule_id: str, language: str = "en") -> str | None:
        return next(f for f in check_text(text, language) if f.rule == rule_id).suggestion

    assert suggestion("a very serious exchange. and direct", "stray-period") == ""
    assert suggestion("He saw the the house.", "doubled-word") == "the"
    assert suggestion("The troops bordering Russia. .", "doubled-punctuation") == "."
    assert suggestion("The word , and more.", "space-before-punctuation") == ","
    assert suggestion("Ukraine.The talks.", "missing-space") == ". "
    assert suggestion('The " giant " power.', "tokenizer-spacing") == '"giant"'
    assert suggestion("MÃ¼nchen ist schÃ¶n und groß.", "mojibake", "de") == "München"
    assert suggestion("Ukraine.CreditCredit…Pool photo by Olivier Hoslet", "caption-credit") == ""
    assert suggestion("between Moscow and Russia. West.", "sentence-fragment") is None


# --------------------------------------------------------------------------- rules: must stay silent

SILENT = [
    # hyphenation, joiners that scripts need, a file's own byte-order mark, tabs and page breaks
    ("de", "\ufeffDie Verhand\xadlungen in der Haupt\xadstadt endeten am Mittwoch.\tSeite\f2"),
    ("en", "A family emoji 👨\u200d👩\u200d👧 and a Persian word می\u200cخواهم stay as written."),
    (
        "en",
        "Mr. Putin met Vladimir V. Putin and Aleksandr V. Grushko in the U.S. capital at 10 a.m. on Monday.",
    ),
    ("en", "Sergei A. Ryabkov and Wendy R. Sherman met. Mr Putin and Ms Sherman did not."),
    (
        "en",
        "Nearly 100,000 troops served from 2012 to 2018, the rate rose 3.5 percent and version 2.0.1 shipped.",
    ),
    ("en", "Russia, NATO Conclude Ukraine Crisis Talks: Live Updates"),
    (
        "en",
        "Some, e.g. the Dutch, agreed, i.e. most of them. See www.example.com or write to jane.doe@example.org today.",
    ),
    ("en", "He lives at No. 10 Downing Street. The climber G.O.Dyhrenfurth wrote a book... and then left."),
    (
        "en",
        "Wait … what? He said “no.” Then he left. It’s the ’90s, didn’t you know? The states’ rights matter.",
    ),
    (
        "en",
        "She said 'yes' and 'no'. The 'Killing House' is famous. Rock 'n' roll. Tell 'em. It was in the '90s.",
    ),
    ("en", "Prices (in euros) fell. He said: “This is it.” The items are 1) apples and 2) pears. Smile :)"),
    (
        "en",
        "The U.S. and the U.K. agreed. They met at 5 p.m. and resumed on Jan. 5. Sen. Smith and Gov. Cuomo agreed.",
    ),
    (
        "en",
        "Apple Inc., the company, grew 12.5% this year. Dr. Jones, of Kirkland, Wash. said so, etc. and more.",
    ),
    (
        "en",
        "He had had enough. I know that that is true. Sirhan Sirhan was there. He was taken in in the church.",
    ),
    (
        "en",
        "Tourism in Spain, however, is suffering. Prices in Europe, and elsewhere, rose. Thank you. Not yet.",
    ),
    (
        "en",
        "“It is over,” he said. “We won.”\n\n“This long quotation runs on over a paragraph.\n\n“And it ends here,” she said.",
    ),
    (
        "en",
        "By John Smith\n\nThe article text goes here. It is long.\n\nAnother paragraph ends with a period.",
    ),
    ("en", "Ash O‘Brien and Jarett Kelley said O'Brien’s dog didn't bite."),
    ("de", "Am 3. Januar kam z.B. Herr Müller, bzw. seine Frau, mit ca. 2000 Leuten. Nr. 5 ist z. B. frei."),
    (
        "de",
        "„Das ist gut“, sagte er. »Das auch«, sagte sie. Er sagte: „Sie sagte ‚nein‘.“ Die Frau, die die Tür öffnete.",
    ),
    (
        "de",
        "Der Verteidigungs- und Sicherheitsausschuss tagte im Dusty Rhodes- Hundepark am 12. Mai um 10.30 Uhr.",
    ),
    ("de", "Er kam. Keiner weiß, was geschah. Keine Chance. Danke schön. Ja. Nein."),
    ("de", "Die Frau, die die Tür öffnete, sagte, dass das das Beste sei."),
    (
        "fr",
        "« Je ne sais pas », a-t-il dit. Vraiment ? Oui ! M. Macron et Mme Dupont ; puis nous nous sommes vus.",
    ),
    ("en", "The ellipsis . . . is spaced here. And here... and here …"),
    ("zh", "中国外交部发言人表示，双方将继续保持沟通。他说：“我们希望和平解决问题。”"),
    # Chinese is written without spaces between words: a tokenised source's spaces around its
    # punctuation and inside its quotation marks follow no convention the spacing rules know.
    ("zh", "市长说 ： “ 我们今年将新建三所学校 。 ” 他说 ， 这包括 （ 两所小学 ） 。"),
    ("zh", '小城举办读书节 : " 读书让生活更美好 " - 本报讯'),
    (None, "Mr. Putin met Aleksandr V. Grushko. Nearly 100,000 troops served from 2012 to 2018."),
]


@pytest.mark.parametrize(("language", "text"), SILENT, ids=lambda v: str(v)[:40])
def test_no_false_alarm(language: str | None, text: str) -> None:
    assert [(f.rule, text[f.start : f.end]) for f in check_text(text, language)] == []


def test_untranslated_needs_a_long_confident_paragraph() -> None:
    text = "The first paragraph is in English.\n\nJa, genau.\n\nCathédrale Saint-Pierre-et-Saint-Paul de Nantes burned."
    assert fired(text, "untranslated-paragraph") == []


def test_a_chinese_paragraph_left_in_an_english_text_is_called_chinese() -> None:
    chinese = (
        "学校今年招收新生三千名，北京市人民政府发布通知，四川成都乡村振兴取得新进展，广东省深圳市召开会议。"
    )
    text = (
        "The first paragraph is in English, as the whole article should be.\n\n"
        f"{chinese}\n\n"
        "The third paragraph is in English again, and long enough to be read."
    )
    found = [f for f in check_text(text, "en") if f.rule == "untranslated-paragraph"]
    assert [text[f.start : f.end] for f in found] == [chinese]
    assert "Chinese" in found[0].message  # langdetect alone calls it Korean


def test_language_detected_when_not_given() -> None:
    text = (
        "Der erste Absatz ist auf Deutsch geschrieben worden, wie die anderen auch.\n\n"
        "Unfortunately the second paragraph was left untranslated and is still in English.\n\n"
        "Der dritte Absatz ist wieder auf Deutsch, und er ist lang genug für die Erkennung."
    )
    assert fired(text, "untranslated-paragraph", None) == [
        "Unfortunately the second paragraph was left untranslated and is still in English."
    ]
    assert fired(text, "untranslated-paragraph", "unknown") == fired(text, "untranslated-paragraph", None)


def test_caption_suppresses_the_artifacts_inside_it() -> None:
    text = "A further invasion of Ukraine.CreditCredit…Pool photo by Olivier Hoslet"
    assert [f.rule for f in check_text(text, "en")] == ["caption-credit"]


# --------------------------------------------------------------------------- the real sample

SAMPLE_EXPECTED = [
    ("caption-credit", "CreditCredit…Pool photo by Olivier Hoslet"),
    ("sentence-fragment", ". West."),
    ("unbalanced-quote", "“a very serious exchange. and direct on the situation"),
    ("stray-period", ". and direct"),
    ("sentence-fragment", ". NATO in Eastern Europe"),
    ("doubled-punctuation", ". ."),
    ("stray-period", ". of Russian"),
    ("stray-period", ". post-cold"),
    ("trailing-byline", "Christi C. Elwood"),
]


@pytest.mark.data
@pytest.mark.parametrize("language", ["en", None])
def test_sample_article(language: str | None) -> None:
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    text = SAMPLE.read_text(encoding="utf-8")
    findings = check_text(text, language)
    got = [(f.rule, text[f.start : f.start + 60]) for f in findings]
    assert len(findings) == len(SAMPLE_EXPECTED), got
    for f, (rule_id, snippet) in zip(findings, SAMPLE_EXPECTED, strict=True):
        assert f.rule == rule_id, got
        assert text[f.start :].startswith(snippet) or text[f.start : f.end] == snippet, got
    # The credit sits right after "Ukraine." and the doubled period after "bordering Russia".
    credit = findings[0]
    assert text[credit.start - 8 : credit.start] == "Ukraine." and credit.suggestion == ""
    assert text[: findings[5].end].endswith("bordering Russia. .")
    # The unclosed quotation runs to the end of its paragraph ("…for European security.").
    assert text[: findings[2].end].endswith("implications for European security.")
    assert {f.severity for f in findings} <= {Severity.MAJOR, Severity.MINOR}
    # Nothing about the names, numbers or the headline.
    for word in ("Putin", "Grushko", "Ryabkov", "Sherman", "100,000", "2012", "Live Updates"):
        pos = text.index(word)
        assert not any(f.start <= pos < f.end for f in findings), word


# --------------------------------------------------------------------------- human references

# Real slips in the professional references (not false alarms): an extra closing „…“ mark in
# "unüberlegt“ testen“" and a quotation never closed in the "Es gibt Meldungen" paragraph.
KNOWN_REFERENCE_ERRORS = {
    ("en-de/guardian.306616/reference-C.de.txt", "unbalanced-quote", "unüberlegt“ testen“"),
    ("en-de/guardian.306616/reference-C.de.txt", "unbalanced-quote", "„Es gibt Meldungen"),
}


def _reference_files() -> list[Path]:
    refs = sorted(WMT.glob("*/*/reference*.txt"))
    if not refs:
        pytest.skip(f"WMT 2021 references not found under {WMT}")
    return refs


def _language(path: Path) -> str:
    return path.name.rsplit(".", 2)[-2]


@pytest.mark.data
def test_nearly_silent_on_professional_translations() -> None:
    words = 0
    findings: list[tuple[str, str, str]] = []
    for path in _reference_files():
        text = path.read_text(encoding="utf-8")
        words += count_words(text)
        for f in check_text(text, _language(path)):
            context = text[max(0, f.start - 20) : f.start + 40]
            findings.append((path.relative_to(WMT).as_posix(), f.rule, context))
    assert words > 5000
    # Everything that fires, true slips included: at most 0.5 per 1,000 words (measured: 0.29).
    assert 1000 * len(findings) / words <= 0.5, findings
    # False alarms -- findings that are not one of the known slips: measured 0.
    false_alarms = [
        (path, rule_id, context)
        for path, rule_id, context in findings
        if not any(path == k[0] and rule_id == k[1] and k[2] in context for k in KNOWN_REFERENCE_ERRORS)
    ]
    assert 1000 * len(false_alarms) / words <= 0.15, false_alarms


@pytest.mark.data
def test_machine_translations_fire_more_than_references() -> None:
    refs = _reference_files()
    mts = sorted(p for p in WMT.glob("*/*/*.txt") if not p.name.startswith(("reference", "source")))

    def rate(paths: list[Path]) -> float:
        texts = [p.read_text(encoding="utf-8") for p in paths]
        # Occurrences, not findings: a pattern repeated through a text is one finding with a count.
        n = sum(f.count for t, p in zip(texts, paths, strict=True) for f in check_text(t, _language(p)))
        return 1000 * n / sum(count_words(t) for t in texts)

    assert rate(mts) > 3 * rate(refs)


@pytest.mark.data
def test_references_in_the_wrong_language_are_flagged() -> None:
    """A German reference checked as English: every long paragraph is 'untranslated'."""
    path = next(p for p in _reference_files() if _language(p) == "de")
    text = path.read_text(encoding="utf-8")
    flagged = fired(text, "untranslated-paragraph", "en")
    long_paragraphs = [p for p in text.splitlines() if sum(c.isalpha() for c in p) >= 60]
    assert len(flagged) >= 0.8 * len(long_paragraphs)


# --------------------------------------------------------------------------- robustness

_TRICKY = st.sampled_from(
    [
        *list("aAbBzZ .,;:!?…'\"“”„‚‘’«»‹›()[]{}-–—\n\r\t\xa0�0123456789ÃâßüéЖ中"),
        "Mr.",
        "U.S.",
        "the the",
        "CreditCredit…",
        "Photo: ",
        "Pool photo by ",
        "www.x.com",
        "Ã¼",
        "â€™",
        ". .",
        "Ukraine.The",
    ]
)


def _assert_well_formed(text: str, findings: list[Finding]) -> None:
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    for f in findings:
        assert f.rule in RULES
        assert isinstance(f.severity, Severity)
        assert 0 <= f.start <= f.end <= len(text)
        assert f.suggestion is None or isinstance(f.suggestion, str)
        assert isinstance(f.message, str) and f.message


@settings(max_examples=150, deadline=None)
@given(st.text(), st.sampled_from([None, "en", "de", "fr", "zh", "unknown", "xx"]))
def test_never_crashes_on_arbitrary_text(text: str, language: str | None) -> None:
    _assert_well_formed(text, check_text(text, language))


@settings(max_examples=150, deadline=None)
@given(st.lists(_TRICKY, max_size=80).map("".join), st.sampled_from([None, "en", "de", "fr"]))
def test_never_crashes_on_tricky_text(text: str, language: str | None) -> None:
    _assert_well_formed(text, check_text(text, language))


@given(st.text(alphabet=st.sampled_from(list("ab1 .-\n\t’é9")), max_size=60))
def test_a_sentence_has_five_words_when_five_of_its_words_hold_a_letter(sentence: str) -> None:
    from compare.core.checks.sentences import _five_words

    with_letters = [w for w in sentence.split() if any(c.isalpha() for c in w)]
    assert _five_words(sentence) == (len(with_letters) >= 5)


@pytest.mark.data
def test_ftfy_leaves_ascii_text_as_it_is_so_an_ascii_paragraph_is_never_garbled() -> None:
    # The mojibake rule does not read ASCII paragraphs (nearly half of English news): it relies on
    # this, ftfy's first plan for any text.
    import ftfy

    every_ascii = "".join(chr(c) for c in range(128))
    assert ftfy.fix_encoding(every_ascii) == every_ascii
    paragraphs = 0
    for article in wmt.articles()[::3]:
        for path in article.references + article.systems[:1]:
            for paragraph in path.read_text(encoding="utf-8").split("\n"):
                if paragraph.isascii():
                    assert ftfy.fix_encoding(paragraph) == paragraph
                    paragraphs += 1
    assert paragraphs > 100
