"""The compiled tokens (``_tokens.pyx``) are the word diff's tokens and characters, the
grader's words and the amount of change in words, exactly.

``worddiff`` finds a passage's tokens and encodes them with ``_tokens.encode`` where it was built
and with its own ``tokenize`` and ``_encode`` otherwise (no compiler where the program was
installed); the word changes, and everything read from them, must not depend on which. Compared on
every paragraph and many spans of the real news of ../shared/data (Chinese and German too), and on
generated text made of what the token pattern tells apart.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.core.diff import worddiff
from compare.core.text.scripts import CJK_RANGES, is_cjk
from tests.unit.core import wmt

_tokens = worddiff._tokens
compiled = pytest.mark.skipif(_tokens is None, reason="the tokens were not compiled here")


def test_the_tokens_are_compiled_wherever_there_is_a_compiler() -> None:
    # setup.sh builds them with the package; a silent build failure would leave every user on the
    # slower Python tokens (and skip every comparison below).
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler on this machine: the Python tokens are the only ones")
    assert _tokens is not None, "compare/core/diff/_tokens.pyx was not compiled"


Encoded = tuple[list[tuple[int, int]], str, dict[str, str]]


def _python(texts: list[tuple[str, int, int]], codepoints: Sequence[int]) -> list[Encoded] | None:
    table: dict[str, str] = {}
    written: dict[str, str] = {}
    out = []
    for text, s, e in texts:
        spans = worddiff.tokenize(text, s, e)
        try:
            with pytest.MonkeyPatch.context() as m:
                m.setattr(worddiff, "_CODEPOINTS", codepoints)
                chars = worddiff._encode(text, spans, table, written)
        except worddiff._TooManyTokens:
            return None
        out.append((spans, chars, dict(table)))
    return out


def _compiled(texts: list[tuple[str, int, int]], codepoints: Sequence[int]) -> list[Encoded] | None:
    table: dict[str, str] = {}
    written: dict[str, str] = {}
    out = []
    for text, s, e in texts:
        got = _tokens.encode(text, s, e, table, written, codepoints)
        if got is None:
            return None
        out.append((got[0], got[1], dict(table)))
    return out


def _same(*texts: tuple[str, int, int], codepoints: Sequence[int] = worddiff._CODEPOINTS) -> None:
    assert _compiled(list(texts), codepoints) == _python(list(texts), codepoints), texts


PIECES = ["⺀", "〇", "12", "3", "١٢", "²", "½", "Ǆ", "İ", "ß", "ﬁ", ".", ",", ":", "’", "'", "-", "_", "ab", "Zé", "中", "国", "가", "𠀀",
          "ｶ", " ", "\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\x1c", "!", "“", "\u3000", "."]  # fmt: skip


@compiled
@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=24).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.integers(0, 30),
    st.integers(0, 60),
)
def test_the_compiled_tokens_are_the_pattern_s_on_generated_text(
    left: str, right: str, a: int, b: int
) -> None:
    _same((left, 0, len(left)), (right, 0, len(right)))
    s, e = sorted((min(a, len(left)), b))  # a span that starts inside the text, and one past its end
    _same((left, s, e), (right, min(a, len(right)), len(right)))


@compiled
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 40), st.integers(0, 80))
def test_the_compiled_words_are_the_grader_s_on_generated_text(text: str, a: int, b: int) -> None:
    assert _tokens.words(text, 0, len(text)) == worddiff._words(text, (0, len(text)))
    s, e = sorted((min(a, len(text)), b))
    assert _tokens.words(text, s, e) == worddiff._words(text, (s, e))


@compiled
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 40), st.integers(0, 80))
def test_the_compiled_amount_of_change_is_the_engine_s_on_generated_text(text: str, a: int, b: int) -> None:
    s, e = sorted((min(a, len(text)), b))
    assert _tokens.changed_words(text, s, e) == worddiff._python_changed_words(text, (s, e))


@compiled
def test_a_full_table_is_told_the_same_way() -> None:
    text = "one two three four five six seven one two"
    for size in (0, 3, 6, 7, 8):
        _same(
            (text, 0, len(text)),
            (text[::-1], 0, len(text)),
            codepoints=[worddiff._CODEPOINTS[k] for k in range(size)],
        )


def test_the_ranges_are_the_cjk_class() -> None:
    # The kernel's CJK test reads CJK_RANGES; the pattern reads the class CJK: one fact, two forms.
    for lo, hi in CJK_RANGES:
        assert is_cjk(chr(lo)) and is_cjk(chr(hi))
        assert not is_cjk(chr(lo - 1)) or any(a <= lo - 1 <= b for a, b in CJK_RANGES)
        assert not is_cjk(chr(hi + 1)) or any(a <= hi + 1 <= b for a, b in CJK_RANGES)


@compiled
@pytest.mark.data
def test_the_compiled_tokens_are_the_pattern_s_on_real_news() -> None:
    spans = 0
    for article in wmt.articles():
        paths = sorted(article.folder.glob("*.txt"))[:3]  # sources (Chinese too), references, MT
        texts = [p.read_text(encoding="utf-8") for p in paths]
        _same(*((t, 0, len(t)) for t in texts))
        for text in texts:
            assert _tokens.words(text, 0, len(text)) == worddiff._words(text, (0, len(text)))
            start = 0
            for paragraph in text.split("\n"):
                span = (start, start + len(paragraph))
                assert _tokens.changed_words(text, *span) == worddiff._python_changed_words(text, span)
                start += len(paragraph) + 1
        for text in texts:
            start = 0
            for paragraph in text.split("\n"):
                _same((text, start, start + len(paragraph)), (text, start + 3, start + 40))
                start += len(paragraph) + 1
                spans += 2
    assert spans > 2000


def test_the_private_use_code_points_are_the_three_areas_in_order() -> None:
    areas = [*range(0xE000, 0xF900), *range(0xF0000, 0xFFFFE), *range(0x100000, 0x10FFFE)]
    points = worddiff._CODEPOINTS
    assert len(points) == len(areas)
    assert [points[k] for k in range(len(areas))] == areas
    with pytest.raises(IndexError):
        points[len(areas)]
