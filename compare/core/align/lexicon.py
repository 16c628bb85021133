"""Bilingual word lists for the sentence aligner, from FreeDict.

Two sources, the first found wins for each pair of languages:

1. the compact lists that ship with the package, ``resources/lexicons/SRC-TGT.tsv.gz``
   (built from FreeDict by ``packaging/build_lexicons.py``; their licences and attribution
   are in the first lines of each file and in ``resources/lexicons/NOTICE``), so that every
   user gets the aligner the tests measure;
2. FreeDict dictionaries installed on the system (below).

FreeDict ships its dictionaries as Debian packages (``dict-freedict-deu-fra``,
``dict-freedict-fra-deu``, ``dict-freedict-deu-eng``, ``dict-freedict-eng-deu``,
``dict-freedict-fra-eng``, ``dict-freedict-eng-fra``, ...) that install dictd files under
``/usr/share/dictd``: ``freedict-SRC-TGT.dict.dz`` (gzip-compatible text) and
``freedict-SRC-TGT.index`` (one headword a line, with the base64 offset and length of its
entry). Nothing here is required: when no list is found :func:`load_lexicon` returns
``None`` and the aligner works from lengths, numbers, names and cognates alone.

A lexicon maps a source word (lowercased, accents kept, as in the dictd index) to the set of
target words (lowercased) found on the translation lines of its entries. ``freedict-deu-fra``
gives the German→French lexicon; when only ``freedict-fra-deu`` is installed it is read
backwards instead. The aligner uses both directions (German words translated into French and
French words into German). Entries are parsed lazily, one headword at a time, and lexicons
are cached for the life of the process.
"""

from __future__ import annotations

import gzip
import os
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from compare.resources import resource_path

__all__ = [
    "DICTD_DIR",
    "SHIPPED_DIR",
    "DictdLexicon",
    "Lexicon",
    "ShippedLexicon",
    "available_pairs",
    "clear_caches",
    "iso3",
    "lexicon_header",
    "load_lexicon",
    "shipped_pairs",
]  # fmt: skip

#: Where Debian's dictd packages put their files; ``NEWS_COMPARE_DICTD`` overrides it.
DICTD_DIR = Path(os.environ.get("NEWS_COMPARE_DICTD", "/usr/share/dictd"))


#: The word lists shipped with the package.
SHIPPED_DIR = resource_path("lexicons")


class Lexicon(Protocol):
    """A source word (lowercased) → the target words (lowercased) it may translate to."""

    def __contains__(self, word: object) -> bool: ...

    def __len__(self) -> int: ...

    def get(self, word: str) -> frozenset[str]:
        """Return the target words for ``word``, or an empty set."""
        ...


class _Described:
    """What a lexicon says about itself: its languages and where it came from."""

    #: (source, target) ISO 639-3 codes of the direction it translates.
    pair: tuple[str, str] = ("", "")
    #: "shipped" (with the package) or "system" (an installed FreeDict dictionary).
    origin: str = ""


_ISO3 = {
    "de": "deu", "fr": "fra", "en": "eng", "it": "ita", "es": "spa", "nl": "nld",
    "pt": "por", "pl": "pol", "ru": "rus", "sv": "swe", "fi": "fin", "tr": "tur",
}  # fmt: skip

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NUMBERED = re.compile(r"^\s*\d+\.\s*")
# Brackets, part-of-speech tags, cross references, glosses and pronunciations (/ɡˈoːf/).
_BRACKETS = re.compile(r"\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\([^)]*\)|/[^/\n]*/")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def iso3(lang: str | None) -> str | None:
    """Return the ISO 639-3 code FreeDict uses for a two- or three-letter language code."""
    if not lang:
        return None
    lang = lang.lower().split("-")[0].split("_")[0]
    if len(lang) == 3:
        return lang
    return _ISO3.get(lang)


def _b64(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64[char]
    return value


def _paths(src: str, tgt: str) -> tuple[Path, Path] | None:
    index = DICTD_DIR / f"freedict-{src}-{tgt}.index"
    data = DICTD_DIR / f"freedict-{src}-{tgt}.dict.dz"
    if index.is_file() and data.is_file():
        return index, data
    return None


def available_pairs() -> list[tuple[str, str]]:
    """List the (source, target) ISO 639-3 pairs installed in :data:`DICTD_DIR`."""
    if not DICTD_DIR.is_dir():
        return []
    pairs = []
    for path in sorted(DICTD_DIR.glob("freedict-*-*.index")):
        parts = path.name[: -len(".index")].split("-")
        if len(parts) == 3 and _paths(parts[1], parts[2]) is not None:
            pairs.append((parts[1], parts[2]))
    return pairs


def _translations(entry: str) -> Iterable[str]:
    """Yield the lowercased target words on the translation lines of one dictd entry.

    The first line is the headword (with pronunciation and part of speech); the
    translations are on the next line and on lines numbered ``1.``, ``2.``, ...; other
    lines are glosses in the source language, examples or cross references.
    """
    lines = entry.split("\n")
    for k, line in enumerate(lines[1:], start=1):
        if k == 1 or _NUMBERED.match(line):
            line = _NUMBERED.sub("", line)
            if "see:" in line or "Synonyms:" in line or '"' in line:
                continue
            line = _BRACKETS.sub(" ", line)
            for phrase in re.split(r"[,;]", line):
                words = _WORD.findall(phrase.lower())
                if len(words) == 1:
                    yield words[0]
                else:  # a phrase: its longer words still carry meaning
                    yield from (w for w in words if len(w) >= 5)


class DictdLexicon(_Described):
    """A lazily read dictd dictionary: source word → target words, parsed on first lookup."""

    origin = "system"

    def __init__(self, index_path: Path, data_path: Path) -> None:
        """Read the index (headword → entry offsets) and decompress the entries."""
        self._data = gzip.decompress(data_path.read_bytes())
        self._where: dict[str, list[tuple[int, int]]] = {}
        self._info: tuple[int, int] | None = None
        for row in index_path.read_text(encoding="utf-8", errors="replace").split("\n"):
            fields = row.split("\t")
            if len(fields) != 3 or " " in fields[0]:
                continue
            try:
                place = (_b64(fields[1]), _b64(fields[2]))
            except KeyError:
                continue
            if fields[0].startswith("00"):
                if fields[0].replace("-", "") == "00databaseinfo":
                    self._info = place
                continue
            self._where.setdefault(fields[0].lower(), []).append(place)
        self._memo: dict[str, frozenset[str]] = {}
        parts = data_path.name.split(".")[0].split("-")
        if len(parts) == 3:
            self.pair = (parts[1], parts[2])

    def database_info(self) -> str:
        """The dictionary's ``00-database-info`` entry (name, edition, licence), or ""."""
        if self._info is None:
            return ""
        start, size = self._info
        return self._data[start : start + size].decode("utf-8", errors="replace")

    def __contains__(self, word: object) -> bool:
        return word in self._where

    def __len__(self) -> int:
        return len(self._where)

    def get(self, word: str) -> frozenset[str]:
        """Return the target words for ``word`` (lowercased), or an empty set."""
        found = self._memo.get(word)
        if found is None:
            words: set[str] = set()
            for start, size in self._where.get(word, ()):
                entry = self._data[start : start + size].decode("utf-8", errors="replace")
                words.update(_translations(entry))
            found = self._memo[word] = frozenset(words)
        return found

    def items(self) -> Iterable[tuple[str, frozenset[str]]]:
        """Yield every (headword, target words) pair; parses the whole dictionary."""
        for word in self._where:
            yield word, self.get(word)


class ShippedLexicon(_Described):
    """A word list shipped with the package: ``SRC-TGT.tsv.gz``, ``#`` header lines, then one
    ``headword<TAB>translation translation ...`` line a headword, sorted (see
    ``packaging/build_lexicons.py``).

    The lines stay one sorted list, searched by bisection: building a dict of the 220,000
    German–English headwords took longer than the lookups a long article makes.
    """

    origin = "shipped"

    def __init__(self, path: Path) -> None:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
        self.header: dict[str, str] = {}
        start = 0
        while start < len(lines) and lines[start].startswith("#"):
            key, _, value = lines[start][1:].partition(":")
            self.header[key.strip()] = value.strip()
            start += 1
        self._lines = [line for line in lines[start:] if line]
        self._memo: dict[str, frozenset[str] | None] = {}
        self.pair = tuple(path.name.split(".")[0].split("-", 1))  # type: ignore[assignment]

    def _find(self, word: str) -> frozenset[str] | None:
        found = self._memo.get(word, ())
        if found == ():
            key = word + "\t"
            k = bisect_left(self._lines, key)
            line = self._lines[k] if k < len(self._lines) else ""
            found = frozenset(line[len(key) :].split(" ")) if line.startswith(key) else None
            self._memo[word] = found
        return found  # type: ignore[return-value]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) is not None

    def __len__(self) -> int:
        return len(self._lines)

    def get(self, word: str) -> frozenset[str]:
        """Return the target words for ``word`` (lowercased), or an empty set."""
        return self._find(word) or frozenset()

    def items(self) -> Iterable[tuple[str, frozenset[str]]]:
        """Yield every (headword, target words) pair."""
        for line in self._lines:
            word, _, translations = line.partition("\t")
            yield word, frozenset(translations.split(" "))


def lexicon_header(path: Path) -> dict[str, str]:
    """The ``#`` header of a shipped list (dictionary, licence, copyright, source...)."""
    header: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
    return header


def shipped_pairs() -> list[tuple[str, str]]:
    """List the (source, target) ISO 639-3 pairs shipped in :data:`SHIPPED_DIR`."""
    if not SHIPPED_DIR.is_dir():
        return []
    return [tuple(p.name[: -len(".tsv.gz")].split("-", 1)) for p in sorted(SHIPPED_DIR.glob("*-*.tsv.gz"))]  # type: ignore[misc]


class _Inverted(_Described):
    """A lexicon read backwards from a target→source dictionary (for missing directions)."""

    def __init__(self, reverse: DictdLexicon | ShippedLexicon) -> None:
        table: dict[str, set[str]] = {}
        for tgt_word, src_words in reverse.items():
            for src_word in src_words:
                table.setdefault(src_word, set()).add(tgt_word)
        self._table = {word: frozenset(words) for word, words in table.items()}
        self.pair = (reverse.pair[1], reverse.pair[0])
        self.origin = reverse.origin

    def __contains__(self, word: object) -> bool:
        return word in self._table

    def __len__(self) -> int:
        return len(self._table)

    def get(self, word: str) -> frozenset[str]:
        """Return the target words for ``word`` (lowercased), or an empty set."""
        return self._table.get(word, frozenset())


@lru_cache(maxsize=16)
def _open(src: str, tgt: str) -> DictdLexicon | None:
    paths = _paths(src, tgt)
    if paths is None:
        return None
    try:
        return DictdLexicon(*paths)
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeError):
        return None


@lru_cache(maxsize=16)
def _open_shipped(src: str, tgt: str) -> ShippedLexicon | None:
    path = SHIPPED_DIR / f"{src}-{tgt}.tsv.gz"
    if not path.is_file():
        return None
    try:
        return ShippedLexicon(path)
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeError):
        return None


@lru_cache(maxsize=16)
def load_lexicon(src_lang: str | None, tgt_lang: str | None) -> Lexicon | None:
    """Return a source→target lexicon for two language codes, or ``None``.

    Uses the list shipped with the package when there is one for the pair (``SRC-TGT``, else
    ``TGT-SRC`` read backwards); otherwise an installed ``freedict-SRC-TGT`` (read lazily,
    entry by entry), else ``freedict-TGT-SRC`` read backwards. Returns ``None`` when the
    languages are unknown or equal, or when there is no list at all. The result (which has
    ``pair`` and ``origin`` attributes) is cached; the first call for a pair costs 0.01 s
    (French–English) to about 0.3 s (German–English) with the shipped lists.
    """
    src, tgt = iso3(src_lang), iso3(tgt_lang)
    if src is None or tgt is None or src == tgt:
        return None
    for opener in (_open_shipped, _open):
        forward = opener(src, tgt)
        if forward is not None:
            return forward
        reverse = opener(tgt, src)
        if reverse is not None:
            return _Inverted(reverse)
    return None


def clear_caches() -> None:
    """Forget the lexicons read so far (after :data:`SHIPPED_DIR` or :data:`DICTD_DIR` change)."""
    for cached in (load_lexicon, _open, _open_shipped):
        cached.cache_clear()
