"""The word-frequency table as the rules read it: a function word is one of the most frequent
words, a Zipf frequency is the list's, and keeping answers for speed changes none of them."""

from __future__ import annotations

import pytest

from compare.core.text import frequency
from compare.core.text.frequency import FUNCTION_ZIPF, UNLISTED, is_function_word, table, zipf


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_function_word_is_a_word_as_frequent_as_the_most_frequent_few(language: str) -> None:
    t = table(language)
    assert t is not None
    for word in list(t)[::7]:
        for form in (word, word.upper(), word.capitalize()):
            assert is_function_word(form, language) == (t.get(form.lower(), 0.0) >= FUNCTION_ZIPF), form
    assert is_function_word("The", "en") and is_function_word("und", "de")
    assert not is_function_word("parliament", "en") and not is_function_word("the", None)


def test_a_zipf_frequency_is_the_list_s_however_often_it_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frequency, "ZIPFS_KEPT", 5)  # the memo starts again every five words
    monkeypatch.setattr(frequency, "_zipfs", {})
    words = ["the", "The", "parliament", "five-year", "Xqzzyv", "don’t", "Brexit", "the", "parliament"]
    first = [zipf(w, "en") for w in words]
    again = [zipf(w, "en") for w in words]
    assert first == again
    assert first[0] == first[1] == table("en")["the"]  # type: ignore[index]
    assert first[4] == UNLISTED
    assert first[3] == min(table("en").get("five", UNLISTED), table("en").get("year", UNLISTED))  # type: ignore[union-attr]
    assert all(len(memo) <= 5 for memo in frequency._zipfs.values())
    assert zipf("anything", None) == 4.0 and zipf("anything", "xx") == 4.0
