"""``name-mismatch``: a proper name in one version missing from the aligned passage of the other.

Same language only. A name is a word capitalised mid-sentence whose lowercase form the documents
never use; in German (every noun capitalised) only acronyms, words written with an inner capital
or a digit, and capitalised words that are never preceded by an article or determiner anywhere in
either document count. Minor, not major: translators legitimately replace a name with a title or
a pronoun ("Landray" → "the professor"), so a finding asks for a look.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.core.checks._base import shorten
from compare.core.checks.cross._common import (
    LEFT,
    RIGHT,
    aligned_changed,
    cross_finding,
    neighbour_spans,
    other_side,
)
from compare.core.checks.finding import Finding, Severity
from compare.core.text.numbers import NUMBER_WORDS
from compare.core.text.stopwords import wordset

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.diff.comparison import Comparison, Passage


def name_mismatch(c: Comparison) -> Iterator[Finding]:
    lex = _name_lexicon(c)
    for p in aligned_changed(c):
        yield from _name_findings(c, p, lex)


# Words, split at hyphens ("SAS-Offiziere" is "SAS" and "Offiziere"); apostrophes stay inside.
_NAME_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’‘][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_OPENERS = "\"“„«»‘'‚‹›(–—:"
_NOUN_CAPITALISING = {"de", "lb"}
_GERMAN_DETERMINERS = wordset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    keines dieser diese dieses diesen diesem jeder jede jedes jeden jedem jener jene jenes sein seine
    seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer
    mein meine meinen meinem meiner dein deine euer eure zum zur im am vom beim ins ans aufs welche
    welcher welches viele vielen einige einigen alle allen mehrere mehreren manche etliche solche
    wenige wenigen andere anderen beide beiden"""
)
_NOUN_SUFFIXES = tuple(
    wordset(
        """ung ungen heit heiten keit keiten schaft schaften tion tionen ität itäten ismus nis nisse
    tum tümer ling linge chen lein ie ien ik iker ikern ur uren ment ments enz enzen anz anzen
    ei eien ente enten ist isten eur eure euren"""
    )
)
_TITLE_WORDS = wordset(
    """mr mrs ms dr prof professor president präsident minister senator sir herr herrn frau monsieur
    madame general king queen könig königin pope papst"""
)


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    mid: bool  # not the first word of its sentence (nor right after a quotation mark or colon)
    continuation: bool  # after a hyphen, inside a compound


def _sentence_words(text: str, span: tuple[int, int]) -> list[_Word]:
    out = []
    s, e = span
    first = True
    for m in _NAME_WORD.finditer(text, s, e):
        before = text[s : m.start()].rstrip()
        continuation = m.start() > s and text[m.start() - 1] in "-‐‑"
        mid = not first and not (before and before[-1] in _OPENERS + ".!?…")
        out.append(_Word(m.start(), m.end(), m.group(), mid, continuation))
        first = False
    return out


def _strip_genitive(word: str) -> str:
    for suffix in ("'s", "’s", "s'", "s’", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + ("s" if suffix in ("s'", "s’") else "")
    return word


def _is_acronym(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2


def _is_title_case(words: list[_Word]) -> bool:
    """A headline in title case ("US 'Failure' Hampers Search"): no evidence about names."""
    long = [w.text for w in words[1:] if len(w.text) >= 4]
    caps = sum(1 for w in long if w[0].isupper())
    return len(long) >= 2 and caps >= 2 and caps >= 0.8 * len(long)


@dataclass
class _NameLexicon:
    """What both documents say about capitalised words, shared by all passages."""

    noun_capitalising: bool
    lower: set[str]  # words seen in lowercase
    mid_capital: Counter[str]  # words seen capitalised mid-sentence
    noun_like: set[str]  # capitalised words seen after a determiner, adjective or number (German)
    title_case: dict[str, set[int]]  # side -> sentences in title case (headlines)
    side_words: dict[str, set[str]]  # side -> every word it uses

    def is_name(self, w: _Word) -> bool:
        core = _strip_genitive(w.text)
        if len(core) < 2 or not core[0].isupper() or core.lower() in self.lower:
            return False
        if core.lower() in _TITLE_WORDS:
            return False  # "Mr" against "Mr." or a dropped title is no missing name
        if self.noun_capitalising and w.continuation and not _is_acronym(core):
            return False  # "Tory-Hinterbänkler": the second part of a German compound is a noun
        if not w.mid and not _is_acronym(core) and self.mid_capital[core] == 0:
            return False  # first word of a sentence, never capitalised elsewhere
        if _is_acronym(core):
            return True  # USA, NATO, McDonald
        if self.mid_capital[core] == 0:
            return False
        if not self.noun_capitalising:
            return True
        # German capitalises every noun: a name is used by both versions (translators agree on
        # names, not on nouns), never follows a determiner, adjective or number, and does not
        # end like a noun.
        return (
            core not in self.noun_like
            and not core.lower().endswith(_NOUN_SUFFIXES)
            and all(core in words for words in self.side_words.values())
        )


def _name_lexicon(c: Comparison) -> _NameLexicon:
    lang = c.left.language.base if c.left.language.base != "unknown" else c.right.language.base
    noun_caps = lang in _NOUN_CAPITALISING
    lex = _NameLexicon(noun_caps, set(), Counter(), set(), {}, {})
    for name in (LEFT, RIGHT):
        side = c.side(name)
        text = side.text
        lex.title_case[name] = set()
        words_here: set[str] = set()
        for i, span in enumerate(side.segmentation.sentences):
            words = _sentence_words(text, span)
            words_here.update(_strip_genitive(w.text) for w in words)
            title = _is_title_case(words)
            if title:
                lex.title_case[name].add(i)
            prev: _Word | None = None
            for w in words:
                t = w.text
                if t[0].islower():
                    if not any(ch.isupper() for ch in t):
                        lex.lower.add(t)
                elif not title:
                    core = _strip_genitive(t)
                    if w.mid:
                        lex.mid_capital[core] += 1
                    if noun_caps and prev is not None and _noun_marker(prev, text):
                        lex.noun_like.add(core)
                prev = w
        lex.side_words[name] = words_here
    return lex


def _noun_marker(prev: _Word, text: str) -> bool:
    """Whether ``prev`` marks the next German word as a noun: article, adjective or number."""
    between = text[prev.end : prev.end + 2]
    t = prev.text
    if not between[:1].isspace():
        return False
    if t.lower() in _GERMAN_DETERMINERS or t.lower() in NUMBER_WORDS:
        return True
    # "großen Mengen", "geheimen Stützpunkt"; but "sagte Landray" (a verb in -te) is no adjective.
    return t.islower() and t.endswith(("e", "en", "er", "es", "em")) and not t.endswith(("te", "ten"))


def _normalised(text: str) -> str:
    return text.translate(_APOSTROPHES)


def _present(name: str, other: str) -> bool:
    """Whether ``name`` (normalised) is in the ``other`` text (normalised), inflected or not."""
    if name in other or name.casefold() in other.casefold():
        return True  # also "Landrays", "RECOVERY-Studie"
    if len(name) >= 5 and name.endswith("s") and name[:-1] in other:
        return True  # German genitive "Großbritanniens"
    if _is_acronym(name) and name.isupper():
        if len(name) >= 3 and re.search(rf"\b{re.escape(name[:-1])}\b", other):
            return True  # USA / US-amerikanisch
        if ".".join(name) in other:
            return True  # U.S.A.
    return False


def _name_findings(c: Comparison, p: Passage, lex: _NameLexicon) -> Iterator[Finding]:
    texts = {name: c.side(name).text[p.span(name)[0] : p.span(name)[1]] for name in (LEFT, RIGHT)}
    normalised = {
        name: _normalised(
            " ".join([texts[name], *(c.side(name).text[s:e] for s, e in neighbour_spans(c, p, name))])
        )
        for name in texts
    }
    for name in (LEFT, RIGHT):
        side = c.side(name)
        other = other_side(name)
        seen: set[str] = set()
        for i in p.segments(name):
            if i in lex.title_case[name]:
                continue
            for w in _sentence_words(side.text, side.segmentation.sentences[i]):
                if not lex.is_name(w):
                    continue
                core = _normalised(_strip_genitive(w.text))
                if core in seen:
                    continue
                seen.add(core)
                if _present(core, normalised[other]):
                    continue
                yield cross_finding(
                    "name-mismatch",
                    Severity.MINOR,
                    name,
                    w.start,
                    w.end,
                    f"The name “{w.text}” is not in the other version of this passage "
                    f"(“{shorten(texts[other], 60)}”).",
                    None,
                    p.index,
                )
