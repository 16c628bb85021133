"""Cross-version checks (compare.core.checks.cross): each rule fires where it should, not elsewhere."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.core.checks import Severity
from compare.core.checks.cross import CROSS_RULES, check_comparison
from compare.core.checks.finding import Finding as CrossFinding
from compare.core.diff.comparison import Comparison, compare
from compare.core.io.document import Document
from compare.core.text.numbers import numbers_in


def cmp(left: str, right: str, left_language: str = "en", right_language: str = "en") -> Comparison:
    return compare(
        Document.from_text(left),
        Document.from_text(right),
        left_language=left_language,
        right_language=right_language,
    )


def found(c: Comparison, rule: str) -> list[tuple[str, str, CrossFinding]]:
    """(side, snippet, finding) of the findings of one rule."""
    return [(f.side, c.side(f.side).text[f.start : f.end], f) for f in check_comparison(c) if f.rule == rule]


def test_rule_table() -> None:
    assert set(CROSS_RULES) == {
        "number-mismatch",
        "name-mismatch",
        "quotation-count",
        "passage-one-side",
        "sentence-count",
        "length-ratio",
    }
    assert CROSS_RULES["number-mismatch"].severity is Severity.MAJOR
    assert CROSS_RULES["sentence-count"].severity is Severity.INFO


# --------------------------------------------------------------------------- numbers


def test_number_mismatch_fires_on_a_different_number() -> None:
    c = cmp(
        "The hospital treated 12,000 patients last year. The doctors were tired.",
        "The hospital treated 1,200 patients last year. The doctors were tired.",
    )
    [(side, snippet, f)] = found(c, "number-mismatch")
    assert (side, snippet) == ("right", "1,200")
    assert f.severity is Severity.MAJOR and f.passage == 0
    assert "“1,200”" in f.message and "“12,000”" in f.message
    assert f.suggestion == "12,000"


def test_number_mismatch_fires_on_a_missing_number() -> None:
    c = cmp(
        "The hospital treated 12,000 patients in 2019. The doctors were tired.",
        "The hospital treated 12 000 patients. The doctors were tired.",
    )
    [(side, snippet, f)] = found(c, "number-mismatch")
    assert (side, snippet) == ("left", "2019")
    assert "missing" in f.message


def test_a_number_both_versions_state_elsewhere_is_not_missing_where_one_repeats_it() -> None:
    # "the 3 universities" after "3 Ivy League universities": a known fact mentioned once less.
    left = (
        "Groups accused 3 universities of bias.\n\nThe universities deny it.\n\n"
        "None of the 3 universities has answered the complaint yet."
    )
    right = (
        "Groups accused 3 universities of bias.\n\nThe universities deny it.\n\n"
        "None of the universities has answered the complaint so far."
    )
    assert found(cmp(left, right), "number-mismatch") == []
    # A number the other version never states is still missing ...
    never = right.replace("accused 3 universities", "accused several universities")
    [(side, snippet, _)] = found(cmp(left, never), "number-mismatch")
    assert (side, snippet) == ("left", "3")
    # ... and a number written differently stays wrong however often both versions state it.
    wrong = left.replace("None of the 3", "None of the 5") + "\n\nThey named 5 deans."
    wrong_right = right + "\n\nThey named 5 deans."
    [(side, snippet, f)] = found(
        cmp(wrong, wrong_right.replace("None of the", "None of the 3")), "number-mismatch"
    )
    assert (snippet, f.severity) == ("3", Severity.MAJOR)


def test_number_mismatch_fires_across_languages() -> None:
    c = cmp(
        "The hospital treated 12,000 patients. It was hard.",
        "Das Krankenhaus behandelte 1.200 Patienten. Es war schwer.",
        "en",
        "de",
    )
    assert c.cross_language
    [(side, snippet, f)] = found(c, "number-mismatch")
    assert (side, snippet) == ("right", "1.200")
    assert f.suggestion is None  # no replacement across languages


def test_number_formats_and_words_match() -> None:
    c = cmp(
        "The hospital treated 12,000 patients and 3 doctors on 10 May. It cost 1.5 million dollars.",
        "Das Krankenhaus behandelte 12.000 Patienten und drei Ärzte am 10. Mai. "
        "Es kostete 1,5 Millionen Dollar.",
        "en",
        "de",
    )
    assert found(c, "number-mismatch") == []
    same = cmp(
        "Some 100,000 troops and 1,500,000 people. Nothing else.",
        "Some 100 000 troops and 1.5 million people. Nothing else.",
    )
    assert found(same, "number-mismatch") == []


def test_numbers_are_read_by_language() -> None:
    def values(text: str, language: str) -> list[list[float]]:
        return [sorted(n.values) for n in numbers_in(text, language)]

    assert values("100,000", "en") == values("100.000", "de") == values("100 000", "fr") == [[100000.0]]
    assert values("2,5", "de") == values("2.5", "en") == [[2.5]]
    assert values("Covid-19", "en") == [[19.0]]
    assert values("1.000,5", "de") == values("1,000.5", "en") == [[1000.5]]


# --------------------------------------------------------------------------- names


def test_name_mismatch_fires_on_a_different_name() -> None:
    c = cmp(
        "Yesterday the minister met Matthew Cheung Kin-chung in the capital. Later he spoke to reporters.",
        "Yesterday the minister met Zhang Jianzong in the capital. Later he spoke to reporters.",
    )
    # One finding for the one defect, however many words the names have: another person, major.
    [(side, snippet, f)] = found(c, "name-mismatch")
    assert (side, snippet, f.severity) == ("right", "Zhang Jianzong", Severity.MAJOR)
    assert "“Matthew Cheung Kin-chung”" in f.message and f.suggestion == "Matthew Cheung Kin-chung"


def test_name_mismatch_ignores_sentence_starts_genitives_and_headlines() -> None:
    c = cmp(
        "US Failure Hampers Search For Coronavirus Drugs\n\n"
        "However, the minister met Smith's aide in the capital. Later he spoke to reporters.",
        "Failures Of America Slow Search For Drugs\n\n"
        "But the minister met the aide of Smith in the capital. Afterwards he spoke to reporters.",
    )
    assert found(c, "name-mismatch") == []


def test_german_nouns_are_not_names() -> None:
    c = cmp(
        "Die Regierung hat die Studie gestern veröffentlicht. Landray sagte, sie sei wichtig.",
        "Die Regierung hat die Untersuchung gestern veröffentlicht. Landray sagte, sie sei bedeutend.",
        "de",
        "de",
    )
    assert found(c, "name-mismatch") == []


def test_german_names_and_acronyms_fire() -> None:
    c = cmp(
        "Gestern hat Professor Landray die Ergebnisse vorgestellt. Die NATO warnte am Abend. "
        "Die Regierung schweigt. Landray blieb ruhig.",
        "Gestern hat der Professor die Ergebnisse vorgestellt. Die UNO warnte am Abend. "
        "Die Regierung schweigt. Landray blieb ruhig.",
        "de",
        "de",
    )
    got = {(side, snippet, f.severity) for side, snippet, f in found(c, "name-mismatch")}
    # NATO replaced by UNO: a wrong organisation (major). Landray, named by both versions, is
    # "der Professor" in one sentence: a title for a name, no finding.
    assert got == {("right", "UNO", Severity.MAJOR)}


def test_an_acronym_spelled_out_or_translated_is_no_missing_name() -> None:
    c = cmp(
        "Mehrere Lastwagen wurden eingeschlossen. Einige Tory-MPs hoffen auf Glück. "
        "Die Strafe beträgt 1.000 US-Dollar. Sie sprachen über die Uygur und die Tibeter.",
        "Mehrere LKW waren gefangen. Einige Tory-MdPs hoffen auf Erfolg. "
        "Die Strafe beträgt 1.000 $. Sie sprachen über die Uyghur und die Tibeter.",
        "de",
        "de",
    )
    # LKW for "Lastwagen" (the word diff puts the acronym where the noun was), MdPs for MPs
    # (the same capitals), US of "US-Dollar" against "$" (a currency, no name), Uyghur for Uygur
    # (one letter apart: two transliterations).
    assert found(c, "name-mismatch") == []


def test_an_acronym_dropped_or_replaced_by_another_still_fires() -> None:
    c = cmp(
        "SEATTLE (USA) - Tausende zogen durch die Straßen. Die NATO warnte am Abend.",
        "SEATTLE - Tausende zogen durch die Straßen. Die UNO warnte am Abend.",
        "de",
        "de",
    )
    got = {(side, snippet, f.severity) for side, snippet, f in found(c, "name-mismatch")}
    assert got == {("left", "USA", Severity.MINOR), ("right", "UNO", Severity.MAJOR)}


def test_names_are_not_checked_across_languages() -> None:
    c = cmp(
        "Yesterday the minister met John Smith. He spoke.",
        "Gestern traf der Minister John Brown. Er sprach.",
        "en",
        "de",
    )
    assert found(c, "name-mismatch") == []


# --------------------------------------------------------------------------- quotations


def test_quotation_count_fires_on_reported_speech() -> None:
    c = cmp(
        'He said: "We will win the election." Then he left the room.',
        "He said that they would win the election. Then he left the room.",
    )
    [(side, snippet, f)] = found(c, "quotation-count")
    assert side == "right" and snippet.startswith("He said that")
    assert "1" in f.message and f.severity is Severity.MINOR


def test_quotation_count_ignores_quote_styles_and_apostrophes() -> None:
    c = cmp(
        "He said: “We will win the election.” Then he left Russia's capital.",
        'He said: "We will win the election." Then he left Russia’s capital.',
    )
    assert found(c, "quotation-count") == []


def test_quotation_count_ignores_quoted_terms_and_quotes_of_different_lengths() -> None:
    # A term one translator sets in quotation marks is no lost quotation.
    c = cmp(
        "The doctors called the two drugs “life savers” until the trial ended this spring.",
        "The doctors called the two drugs life savers until the trial ended this spring.",
    )
    assert found(c, "quotation-count") == []
    # A quote of five words in one version is a quote of four in the other: one quotation each.
    c = cmp(
        "He complained that the purchases were “still eating up millions of pounds” every year.",
        "He complained that the purchases were “still wasting millions of pounds” every year.",
    )
    assert found(c, "quotation-count") == []


def test_quotation_count_across_paragraphs_counts_where_a_quotation_opens() -> None:
    # One translator closes the quotation in each paragraph, the other only in the last one.
    c = cmp(
        "“We will rebuild every school in the region before the winter comes.\n\n"
        "And we will pay for it with the money of the national fund,” she said.",
        "“We are going to rebuild every school in the region before winter.”\n\n"
        "“And we will pay for it with money from the national fund,” she said.",
    )
    assert found(c, "quotation-count") == []


# --------------------------------------------------------------------------- one side only


def test_passage_one_side_major_when_substantial() -> None:
    c = cmp(
        "The talks began on Monday. Both sides made proposals. A long passage about the history of "
        "the negotiations that only one translator kept in the text. The talks ended.",
        "The talks began on Monday. Both sides made proposals. The talks ended.",
    )
    [(side, snippet, f)] = found(c, "passage-one-side")
    assert side == "left" and snippet.startswith("A long passage") and snippet.endswith("text.")
    assert f.severity is Severity.MAJOR and "only in the left version" in f.message


def test_passage_one_side_minor_when_short() -> None:
    c = cmp(
        "The talks began on Monday. Photo: AP. The talks ended.",
        "The talks began on Monday. The talks ended.",
    )
    [(side, snippet, f)] = found(c, "passage-one-side")
    assert (side, snippet, f.severity) == ("left", "Photo: AP.", Severity.MINOR)


def test_identical_versions_have_no_findings() -> None:
    text = 'The talks began on Monday with 100 delegates. "We hope," said Mr. Smith. The talks ended.'
    assert check_comparison(cmp(text, text)) == []


# --------------------------------------------------------------------------- sentence count


def test_sentence_count_fires_on_a_split_sentence() -> None:
    c = cmp(
        "Talks between Moscow and the West continued on Monday in Geneva. The mood was tense.",
        "Talks between Moscow and Russia. West continued on Monday in Geneva. The mood was tense.",
    )
    [(side, snippet, f)] = found(c, "sentence-count")
    assert side == "right" and snippet == ". W"
    assert f.severity is Severity.INFO


def test_sentence_count_silent_on_rewording() -> None:
    c = cmp(
        "Talks between Moscow and the West continued on Monday in Geneva. The mood was tense.",
        "Talks between Moscow and the West went on on Monday in Geneva. The mood was strained.",
    )
    assert found(c, "sentence-count") == []


# --------------------------------------------------------------------------- length ratio

_BASE = [
    "The talks began on Monday in Geneva.",
    "Both sides made several proposals.",
    "The Russian delegation left early.",
    "The talks ended on Wednesday.",
]


def test_length_ratio_fires_on_an_outlier() -> None:
    longer = list(_BASE)
    longer[1] = (
        "Both sides made several proposals, among them a detailed plan for disarmament in eastern "
        "parts of the continent, a schedule for further meetings and a joint statement."
    )
    c = cmp(" ".join(_BASE), " ".join(longer))
    [(side, snippet, f)] = found(c, "length-ratio")
    assert side == "right" and snippet == longer[1]
    assert f.passage == 1 and f.severity is Severity.MINOR and "times as long" in f.message


def test_length_ratio_silent_on_an_even_translation() -> None:
    de = [
        "Die Gespräche begannen am Montag in Genf.",
        "Beide Seiten machten mehrere Vorschläge.",
        "Die russische Delegation reiste früh ab.",
        "Die Gespräche endeten am Mittwoch.",
    ]
    assert found(cmp(" ".join(_BASE), " ".join(de), "en", "de"), "length-ratio") == []


# --------------------------------------------------------------------------- robustness

_PIECES = st.sampled_from(
    [
        *list("aAzZ .,;:!?\"“”„«»'’()-\n0123456789ÃßüЖ中万"),
        "12,000",
        "1.5",
        "Mr.",
        "NATO",
        "Smith",
        ". ",
        "\n\n",
    ]
)
_TEXT = st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _TEXT, st.sampled_from([("en", "en"), ("de", "de"), ("en", "de"), ("zh", "en")]))
def test_check_comparison_never_crashes(left: str, right: str, languages: tuple[str, str]) -> None:
    c = cmp(left, right, *languages)
    for f in check_comparison(c):
        text = c.side(f.side).text
        assert 0 <= f.start <= f.end <= len(text)
        assert 0 <= f.passage < len(c.passages)
        assert f.rule in CROSS_RULES and f.message


# --- the names rule's words, as the lexicon reads them --------------------------------------------


def _placed_words_by_definition(text: str, span: tuple[int, int]) -> list[tuple[int, int, str, bool, bool]]:
    """What ``names._sentence_words`` must give, from its definition: a word is "mid" unless it is
    the sentence's first or the last character before it that is not whitespace is an opener
    (quotation mark, bracket, colon, sentence end); a "continuation" follows a hyphen."""
    from compare.core.checks.cross import names

    s, e = span
    out = []
    for k, m in enumerate(names._NAME_WORD.finditer(text, s, e)):
        last = text[s : m.start()].rstrip()[-1:]
        mid = k > 0 and last not in names._SENTENCE_OPENERS
        out.append((m.start(), m.end(), m.group(), mid, m.start() > s and text[m.start() - 1] in "-‐‑"))
    return out


@given(
    st.text(
        alphabet=st.sampled_from(list("ab AB1-‐‑'’‘\"“„«»()–—:.!?…,\n\t_é")),
        max_size=40,
    ),
    st.integers(0, 5),
)
def test_each_word_of_a_sentence_is_placed_as_defined(text: str, cut: int) -> None:
    from compare.core.checks.cross import names

    span = (min(cut, len(text)), len(text))
    got = [tuple(w) for w in names._sentence_words(text, span, {})]
    assert got == _placed_words_by_definition(text, span)


@pytest.mark.data
def test_the_words_of_real_sentences_are_placed_as_defined() -> None:
    from compare.core.checks.cross import names
    from compare.core.diff.comparison import make_side
    from tests.unit.core import wmt

    for article in wmt.articles()[::4]:
        for path in (article.references[0], article.systems[0]):
            side = make_side(Document.from_text(path.read_text(encoding="utf-8"), path.name))
            for span in side.segmentation.sentences:
                got = [tuple(w) for w in names._sentence_words(side.text, span, {})]
                assert got == _placed_words_by_definition(side.text, span), (path, span)
