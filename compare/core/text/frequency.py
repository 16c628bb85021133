"""How common a word is in its language: the one word-frequency table of the program.

The lists in ``frequencies/`` are built from wordfreq (Robyn Speer; data CC BY-SA 4.0, see
``frequencies/LICENSE``) by ``bench/build_word_frequencies.py``: the 40,000 most frequent words of
each language the program has stopwords for, with their Zipf frequency (log10 of occurrences per
billion words: 7 for "the", 3 for a word met once in a few million). A word outside the list is
rarer than the list's last word and gets :data:`UNLISTED`. A list loads on first use, in a few
milliseconds, so start-up does not pay for it.
"""

from __future__ import annotations

import gzip
import threading
from importlib import resources

#: The Zipf frequency of a word the list does not hold (rarer than every listed word).
UNLISTED = 2.5
#: Words this frequent or more are function words (articles, pronouns, auxiliaries, prepositions):
#: about the 150 most frequent words of each language.
FUNCTION_ZIPF = 5.7

_lock = threading.Lock()
_tables: dict[str, dict[str, float] | None] = {}


def _load(language: str) -> dict[str, float] | None:
    try:
        raw = resources.files(__package__).joinpath("frequencies", f"{language}.txt.gz").read_bytes()
    except (FileNotFoundError, OSError, ValueError):
        return None
    table: dict[str, float] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        head, _, words = line.partition(" ")
        z = int(head) / 10.0
        for w in words.split():
            table.setdefault(w, z)
    return table


def table(language: str | None) -> dict[str, float] | None:
    """The word -> Zipf table of ``language`` (a base code), or None when there is none."""
    if not language:
        return None
    hit = _tables.get(language, False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    with _lock:
        if language not in _tables:
            _tables[language] = _load(language)
        return _tables[language]


def has_frequencies(language: str | None) -> bool:
    return table(language) is not None


#: Words whose Zipf frequency is kept once looked up, per language (then the memo starts again:
#: a bound on memory, not on what is found).
ZIPFS_KEPT = 1 << 18
_zipfs: dict[str, dict[str, float]] = {}
_function_words: dict[str, frozenset[str]] = {}


def zipf(word: str, language: str | None) -> float:
    """The Zipf frequency of ``word`` (any case) in ``language``; :data:`UNLISTED` when the list
    does not hold it, and a middling 4.0 when there is no list for the language."""
    if language is not None:
        memo = _zipfs.get(language)
        if memo is not None:
            z = memo.get(word)
            if z is not None:
                return z
    t = table(language)
    if t is None:
        return 4.0
    w = word.lower().replace("’", "'")
    z = t.get(w)
    if z is None and "-" in w:  # "five-year": the rarer of its parts
        parts = [t.get(p, UNLISTED) for p in w.split("-") if p]
        z = min(parts) if parts else None
    z = UNLISTED if z is None else z
    memo = _zipfs.setdefault(language, {})  # type: ignore[arg-type]  # a table has a language
    if len(memo) >= ZIPFS_KEPT:
        memo.clear()
    memo[word] = z
    return z


def function_words(language: str | None) -> frozenset[str]:
    """The function words of ``language`` (Zipf >= :data:`FUNCTION_ZIPF`), lowercase; none when
    there is no list for it."""
    if not language:
        return frozenset()
    words = _function_words.get(language)
    if words is None:
        t = table(language)
        words = frozenset(w for w, z in t.items() if z >= FUNCTION_ZIPF) if t else frozenset()
        _function_words[language] = words
    return words


def is_function_word(word: str, language: str | None) -> bool:
    return word.lower() in function_words(language)
