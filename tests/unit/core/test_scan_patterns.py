"""The engine's patterns that scan whole texts begin with what they consume, not with a lookbehind
(``re`` can then skip to the characters a match starts with: three to nine times faster on a
megabyte), and find exactly what their plain forms below find: the same spans and groups, on
real news in all its languages and on generated text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.core.analysis import ranking
from compare.core.checks import punctuation, sentences
from compare.core.text import numbers
from tests.unit.core import wmt

_WORD = sentences._WORD
PLAIN = {
    "doubled punctuation": (
        punctuation._DOUBLED,
        r"(?P<a>[,;:])(?P<ws>[ \t\u00a0]*)(?P<b>[,;:.])|(?<![.\s])\.(?P<ws2>[ \t\u00a0]*)\.(?![.])",
    ),
    "space before punctuation": (
        punctuation._SPACE_BEFORE,
        r"(?<=[^\W_])(?P<ws>[ \t]+)(?:(?P<p>[,.;:!?])(?=\s|$|[\"”’»)\]])|(?P<p2>[,;])(?=[^\W\d_]))",
    ),
    "missing space": (
        punctuation._MISSING_SPACE,
        r"(?<=[^\W\d_A-Z]{2})(?P<p>[.!?])(?=[^\W\d_a-z][^\W\d_A-Z])",
    ),
    "hyphen suffix": (punctuation._HYPHEN_SUFFIX, r"(?<=[^\s(\[,])(?P<ws>[ \t]+)-(?=[^\W\d_A-Z][^\W\d_]+\b)"),
    "period then word": (sentences._PERIOD_THEN_WORD, r"(?<=[^\W\d_])\.(?P<ws>\s+)(?P<next>\S+)"),
    "short fragment": (
        sentences._SHORT_FRAGMENT,
        rf"(?<=[^\W\d_])\.(?P<ws>\s+)(?P<frag>{_WORD}(?:\s+{_WORD})?)\.(?=\s|$)",
    ),
    "mid-sentence capital": (sentences._MID_SENTENCE_CAP, r"(?<=[a-zà-ÿ,;] )([^\W\d_a-z][\w’'-]*)"),
    "sentence break": (ranking._SENTENCE_BREAK, r"(?<=[.!?:;“”\"„])\s+|\n+"),
    "number": (
        numbers._NUMBER_RE,
        rf"(?<!{numbers._GLUE}|[.,:])(\d{{1,3}}(?:[\u00a0\u202f\u2009 ]\d{{3}})+(?![\d]|{numbers._GLUE})"
        rf"(?:,\d+(?!{numbers._GLUE}))?|\d+(?:[,.'’\u00a0\u202f\u2009:]\d+)*(?!{numbers._GLUE}|[,.:]\d))|"
        rf"(?<!{numbers._GLUE}|[.,:])(\d+(?:[,.]\d+)*)(?=[^\W\d_])",
    ),
}


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _assert_same(text: str) -> None:
    for name, (fast, plain) in PLAIN.items():
        assert _found(fast, text) == _found(re.compile(plain), text), name
    assert ranking._SENTENCE_BREAK.split(text) == re.split(PLAIN["sentence break"][1], text)


EDGES = [
    "15 000 people, 1234 567 votes, 1\u202f234,5 km, 12 345 678 and 1 23",
    "In 2021, 3rd place, 5G, 100km, x1, a.5, 10:30, 1,200.50, 2,5 Mio., 1.000.000 Euro.",
    "Photo: Reuters.Credit…AP Photo by X; so , ,, ;; . . . ... word ,next -like (  x ) it 's",
    "They met between Moscow and Russia. West. and. then a Name, Other here „Zitat“ ende.",
    "中国有5000多名学生，7月25日；14天。",
]


def test_each_pattern_finds_what_its_plain_form_finds_in_edge_cases() -> None:
    for text in EDGES:
        _assert_same(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZé ,;:.!?-(\n\t\u00a0\u202f“”’'1234中", max_size=30))
def test_each_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    _assert_same(text)


@pytest.mark.data
def test_each_pattern_finds_what_its_plain_form_finds_in_real_news() -> None:
    files = 0
    for article in wmt.articles()[::2]:
        for path in sorted(article.folder.glob("*.txt"))[:3]:  # sources, references, MT
            _assert_same(path.read_text(encoding="utf-8"))
            files += 1
    assert files > 50


_PIECES = ["Photo", "photo", "Photographs", "Foto", "Fotos", "Bild", "Image", "Picture", "Illustration",
           "Credit", "Crédit", "Kredit", "Quelle", "Source", "Pool ", "AP ", "by", "von", ":", " ", "\t",
           "…", "...", "X", ".", "'", "’", "s", "A", "b"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_a_paragraph_is_skipped_only_when_no_match_can_be_in_it(text: str) -> None:
    # caption-credit reads a paragraph only when one of _CREDIT_WORDS is in it, tokenizer-spacing
    # looks for spaced apostrophes only where a space precedes an apostrophe: each match holds one.
    from compare.core.checks import captions, quotes

    for pattern in (captions._CREDIT_MARK, captions._CREDIT_LINE):
        for m in pattern.finditer(text):
            assert any(word in m.group() for word in captions._CREDIT_WORDS), m.group()
    for m in quotes._SPACED_APOSTROPHE.finditer(text):
        assert " '" in m.group() or " ’" in m.group()
