import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.core.diff import worddiff
from compare.core.diff.worddiff import Level, word_diff
from tests.unit.core import wmt

WORDS = [
    "the",
    "NATO",
    "chief",
    "said",
    "Russia",
    "West",
    "talks",
    ",",
    ".",
    "“",
    "100,000",
    "Ukraine’s",
    "中",
    "国",
]


def squeeze(s: str) -> str:
    """Whitespace is not compared (only paragraph breaks are), so rebuilds match up to it."""
    return "".join(s.split())


def apply(left: str, right: str, changes) -> str:  # type: ignore[no-untyped-def]
    """Rebuild the right text from the left one and the changes."""
    out = []
    pos = 0
    for c in changes:
        out.append(left[pos : c.left[0]])
        out.append(right[c.right[0] : c.right[1]])
        pos = c.left[1]
    out.append(left[pos:])
    return "".join(out)


def test_replaced_words_are_reported_with_spans() -> None:
    a = "between Moscow and Russia. West."
    b = "between Moscow and the West."
    changes = word_diff(a, (0, len(a)), b, (0, len(b)))
    # No whitespace in a change's span; the name dropped is strong, the article in its place weak.
    assert [(a[slice(*c.left)], b[slice(*c.right)], c.level) for c in changes] == [
        ("Russia.", "", "strong"),
        ("", "the", "weak"),
    ]


def test_insertion_and_deletion_have_empty_spans_on_the_other_side() -> None:
    a = "They would or might not commit."
    b = "They would not commit to it."
    changes = word_diff(a, (0, len(a)), b, (0, len(b)))
    texts = [(a[slice(*c.left)], b[slice(*c.right)]) for c in changes]
    assert ("or might", "") in texts
    assert ("", "to it") in texts
    assert squeeze(apply(a, b, changes)) == squeeze(b)


def test_offsets_are_into_the_full_texts() -> None:
    a = "XXXX Moscow and Russia."
    b = "YY Moscow and the West."
    changes = word_diff(a, (5, len(a)), b, (3, len(b)))
    for c in changes:
        assert 5 <= c.left[0] <= c.left[1] <= len(a)
        assert 3 <= c.right[0] <= c.right[1] <= len(b)
    rebuilt = apply(
        a[5:],
        b[3:],
        [type(c)((c.left[0] - 5, c.left[1] - 5), (c.right[0] - 3, c.right[1] - 3)) for c in changes],
    )
    assert squeeze(rebuilt) == squeeze(b[3:])


def test_identical_texts_have_no_changes() -> None:
    a = "Nothing differs here."
    assert word_diff(a, (0, len(a)), a, (0, len(a))) == ()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.sampled_from([" ", "  ", "\n"]),
)
def test_changes_turn_left_into_right(a_words, b_words, sep) -> None:  # type: ignore[no-untyped-def]
    a = sep.join(a_words)
    b = " ".join(b_words)
    changes = word_diff(a, (0, len(a)), b, (0, len(b)))
    assert squeeze(apply(a, b, changes)) == squeeze(b)
    lefts = [c.left for c in changes]
    assert lefts == sorted(lefts)


def levels(a: str, b: str, language: str = "en") -> list[tuple[str, str, str]]:
    return [
        (a[slice(*c.left)], b[slice(*c.right)], str(c.level))
        for c in word_diff(a, (0, len(a)), b, (0, len(b)), language)
    ]


def test_names_numbers_negations_and_rare_words_are_strong() -> None:
    assert levels("The minister met Cheung today.", "The minister met Zhang today.") == [
        ("Cheung", "Zhang", "strong")
    ]
    assert levels("The hospital had 120 beds.", "The hospital had 210 beds.") == [("120", "210", "strong")]
    assert levels("He did sign the treaty.", "He did not sign the treaty.") == [("", "not", "strong")]
    assert levels("The decree was annulled.", "The decree was ratified.") == [
        ("annulled", "ratified", "strong")
    ]
    # Each side is graded by its own words: a rare word put in the place of a common one is the
    # strong part of the change, the common word it replaced a weak one.
    assert levels("The decree was revoked.", "The decree was ratified.") == [
        ("", "ratified", "strong"),
        ("revoked", "", "weak"),
    ]


def test_a_strong_change_is_its_strong_words_and_the_words_around_them_are_weak() -> None:
    # "with the" came in with the new name: the name is strong, the function words beside it weak.
    assert levels("He met Cheung at noon.", "He met with the Zhang at noon.") == [
        ("", "with the", "weak"),
        ("Cheung", "Zhang", "strong"),
    ]
    assert levels("It cost 120 euros then.", "It cost 210 dollars, it seems, then.") == [
        ("120", "210", "strong"),
        ("euros", "dollars, it seems,", "weak"),
    ]
    # Between two strong words everything stays in the strong change.
    assert levels("They met Cheung Lam today.", "They met Zhang the envoy Lin today.") == [
        ("Cheung Lam", "Zhang the envoy Lin", "strong")
    ]


def test_a_german_noun_is_a_content_word_only_when_rarer_than_compounds_make_ordinary_nouns() -> None:
    # German writes compounds as one word, so ordinary nouns are rare in the frequency list:
    # "Impfstoff" for "Wirkstoff" (both Zipf 3.4-3.5) is weak, a rare noun (Zipf 2.5) strong.
    assert levels(
        "Der Impfstoff wurde gestern geliefert.", "Der Wirkstoff wurde gestern geliefert.", "de"
    ) == [("Impfstoff", "Wirkstoff", "weak")]
    assert ("", "Feuerpause", "strong") in levels(
        "Der Waffenstillstand hielt bis Montag.", "Die Feuerpause hielt bis Montag.", "de"
    )
    # In English a word of that frequency is a content word.
    assert levels("The frigate arrived yesterday.", "The warship arrived yesterday.") == [
        ("frigate", "warship", "strong")
    ]


def test_function_words_punctuation_inflection_case_and_moves_are_weak() -> None:
    assert levels("He went to the market.", "He went to a market.") == [("the", "a", "weak")]
    assert levels("They said, it rains.", "They said it rains.") == [(",", "", "weak")]
    assert levels("Die Regierung beschloss Maßnahmen.", "Die Regierung beschloss Maßnahme.", "de") == [
        ("Maßnahmen", "Maßnahme", "weak")
    ]
    assert levels("The ceasefire held yesterday.", "The Ceasefire held yesterday.") == [
        ("ceasefire", "Ceasefire", "weak")
    ]
    assert all(
        level == "weak"
        for *_, level in levels("Yesterday the ceasefire held.", "The ceasefire held yesterday.")
    )


def test_equal_text_is_not_merged_into_changes_but_one_content_word_between_two_is() -> None:
    assert [(x, y) for x, y, _ in levels("He bought the old red car.", "He bought a new red bike.")] == [
        ("the old red car", "a new red bike")
    ]
    assert levels("It was the first of the talks.", "It was a first for the meetings.") == [
        ("the", "a", "weak"),
        ("of", "for", "weak"),
        ("talks", "meetings", "weak"),
    ]
    assert Level.STRONG == "strong"


def _finditer_words(text: str, span: tuple[int, int]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in worddiff._WORDLIKE.finditer(text, *span)]


def _within(text: str, span: tuple[int, int]) -> list[tuple[int, int, str]]:
    return [w[:3] for w in worddiff._PassageWords(text, (0, len(text))).within(span)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab1_-’' .,中国人\n", max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_a_change_s_words_are_those_its_span_holds_read_on_its_own(text: str, a: int, b: int) -> None:
    # The grader takes a change's words from its passage's words; a span that cuts a word of the
    # passage ("中国人" is one word, a change may hold "国") is read on its own, as before.
    s, e = sorted((min(a, len(text)), min(b, len(text))))
    assert _within(text, (s, e)) == _finditer_words(text, (s, e))


@pytest.mark.data
def test_a_change_s_words_are_those_its_span_holds_in_real_news() -> None:
    spans = 0
    for article in wmt.articles()[::4]:
        for path in sorted(article.folder.glob("*.txt"))[:3]:  # sources (Chinese too), references, MT
            text = path.read_text(encoding="utf-8")[:6000]
            words = worddiff._PassageWords(text, (0, len(text)))
            for s in range(0, len(text), 37):
                for e in (s, s + 1, s + 7, s + 60):
                    e = min(e, len(text))
                    assert [w[:3] for w in words.within((s, e))] == _finditer_words(text, (s, e))
                    spans += 1
    assert spans > 1000


def test_no_character_is_both_a_letter_and_a_digit() -> None:
    # What lets the grader skip the digit test for a word of letters (_PassageWords).
    assert not [c for c in range(sys.maxunicode + 1) if chr(c).isalpha() and chr(c).isdigit()]
