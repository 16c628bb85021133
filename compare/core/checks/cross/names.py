"""``name-mismatch``: a proper name in one version missing from the aligned passage of the other.

Same language only. A name is a word capitalised mid-sentence whose lowercase form the documents
never use; in German (every noun capitalised) only acronyms, words written with an inner capital
or a digit, and capitalised words that are never preceded by an article or determiner anywhere in
either document count. Minor, not major: translators legitimately replace a name with a title or
a pronoun ("Landray" → "the professor"), so a finding asks for a look.

A name is an entity: a multiword name is one finding, and it has its counterpart when the other
version has its most distinctive word, most of its words, its acronym or, for an acronym, its
expansion (anywhere in the passage) or the explanation the text gives in brackets after it. The
letters of a code ("COVID-19") are left to number-mismatch, and the words of a title set in a
sentence ("the General Plan for Coordinating and Promoting ...") are no names. A name replaced by
another is major when it names a person or an organisation (several words, an acronym, a surname
of a full name, after a title), minor otherwise (a translator may translate what the other
transliterates: "Furong" / "Lotus").
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

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
from compare.core.text.frequency import is_function_word, zipf
from compare.core.text.numbers import CURRENCY_SIGNS, CURRENCY_WORDS, NUMBER_WORDS
from compare.core.text.stopwords import wordset

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.diff.comparison import Comparison, Passage


def name_mismatch(c: Comparison) -> Iterator[Finding]:
    lex = _name_lexicon(c)
    findings = [f for p in aligned_changed(c) for f in _name_findings(c, p, lex)]
    # A replacement made again and again ("Furong" is "Lotus" in every passage) is how the other
    # version renders that name, a translator's choice: minor, and one finding for all of them.
    pairs = Counter(f.pattern for f in findings if f.severity is Severity.MAJOR)
    for f in findings:
        if f.severity is Severity.MAJOR and pairs[f.pattern] > 1:
            f = dataclasses.replace(f, severity=Severity.MINOR)
        elif f.severity is Severity.MAJOR:
            f = dataclasses.replace(f, pattern=None)
        yield f


# Words, split at hyphens ("SAS-Offiziere" is "SAS" and "Offiziere"); apostrophes stay inside.
_NAME_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’‘][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_OPENERS = "\"“„«»‘'‚‹›(–—:"
_SENTENCE_OPENERS = frozenset(_OPENERS + ".!?…")
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


class _Word(NamedTuple):  # a tuple: a megabyte of news holds 340,000 of them, made fast and small
    start: int
    end: int
    text: str
    mid: bool  # not the first word of its sentence (nor right after a quotation mark or colon)
    continuation: bool  # after a hyphen, inside a compound


# A word with what decides its place: the opener (quotation mark, bracket, colon, sentence end)
# that is the last character before it but for spaces, or the hyphen right before it.
_PLACED_WORD = re.compile(
    "(?:([" + re.escape("".join(sorted(_SENTENCE_OPENERS))) + r"])\s*|([-‐‑]))?(" + _NAME_WORD.pattern + ")"
)
_new_word = tuple.__new__  # _Word's own __new__ is Python: this makes the 340,000 of a megabyte faster


def _sentence_words(text: str, span: tuple[int, int], seen: dict[str, str]) -> list[_Word]:
    """The words of a sentence; each word's text is the first equal string in ``seen`` (one
    string per distinct word of the document, not one per occurrence)."""
    out: list[_Word] = []
    first = True
    setdefault = seen.setdefault
    for m in _PLACED_WORD.finditer(text, *span):
        opener, hyphen, word = m.groups()
        start, end = m.span(3)
        # mid: not the first word, nor right after an opener (an opener is never part of a word,
        # so it is the last character before the word that is not whitespace)
        out.append(
            _new_word(
                _Word, (start, end, setdefault(word, word), not first and opener is None, hyphen is not None)
            )
        )
        first = False
    return out


def _strip_genitive(word: str) -> str:
    if not word.endswith(("s", "'", "’")):
        return word  # every suffix below ends so (most words do not: the check is per word)
    for suffix in ("'s", "’s", "s'", "s’", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + ("s" if suffix in ("s'", "s’") else "")
    return word


def _is_acronym(word: str) -> bool:
    return sum(map(str.isupper, word)) >= 2


def _is_title_case(words: list[_Word]) -> bool:
    """A headline in title case ("US 'Failure' Hampers Search"): no evidence about names."""
    long = [w.text for w in words[1:] if len(w.text) >= 4]
    caps = sum([w[0].isupper() for w in long])
    return len(long) >= 2 and caps >= 2 and caps >= 0.8 * len(long)


@dataclass
class _NameLexicon:
    """What both documents say about capitalised words, shared by all passages."""

    noun_capitalising: bool
    language: str | None
    lower: set[str]  # words seen in lowercase
    mid_capital: Counter[str]  # words seen capitalised mid-sentence
    noun_like: set[str]  # capitalised words seen after a determiner, adjective or number (German)
    title_case: dict[str, set[int]]  # side -> sentences in title case (headlines)
    side_words: dict[str, set[str]]  # side -> every word it uses
    # side -> the words of each of its sentences
    sentence_words: dict[str, list[list[_Word]]] = dataclasses.field(default_factory=dict)
    # side -> capitalised words written next to another capitalised word somewhere mid-sentence:
    # the parts of full names ("Matthew Cheung"), so "Cheung" alone is a person too
    in_multiword: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    _names: dict[tuple[str, bool, bool], bool] = dataclasses.field(default_factory=dict)
    _initials: dict[str, dict[str, list[str]]] = dataclasses.field(default_factory=dict)

    def initialled(self, side: str, word: str) -> list[str]:
        """The words of ``side`` that begin as ``word`` does (casefolded): the only ones
        :func:`_similar` can take for it."""
        by_initial = self._initials.get(side)
        if by_initial is None:
            by_initial = self._initials[side] = {}
            for w in self.side_words[side]:
                by_initial.setdefault(w.casefold()[:1], []).append(w)
        return by_initial.get(word.casefold()[:1], [])

    def is_name(self, w: _Word) -> bool:
        if not w.text[0].isupper():
            return False  # as _is_name decides (a name's core begins as its word does), sooner
        key = (w.text, w.mid, w.continuation)  # all that decides, so each is decided once
        hit = self._names.get(key)
        if hit is None:
            hit = self._names[key] = self._is_name(w)
        return hit

    def _is_name(self, w: _Word) -> bool:
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
    lex = _NameLexicon(noun_caps, lang if lang != "unknown" else None, set(), Counter(), set(), {}, {})
    seen: dict[str, str] = {}
    for name in (LEFT, RIGHT):
        side = c.side(name)
        text = side.text
        lex.title_case[name] = set()
        written_here: set[str] = set()  # each word as written, once (then its core, once)
        lex.sentence_words[name] = per_sentence = []
        lex.in_multiword[name] = multi = set()
        for i, span in enumerate(side.segmentation.sentences):
            words = _sentence_words(text, span, seen)
            per_sentence.append(words)
            written_here.update([w.text for w in words])
            title = _is_title_case(words)
            if title:
                lex.title_case[name].add(i)
            prev: _Word | None = None
            for w in words:
                t = w.text
                if t[0].islower():
                    if t.islower():  # no capital inside ("iPhone" is no lowercase word)
                        lex.lower.add(t)
                elif not title:
                    core = _strip_genitive(t)
                    if w.mid:
                        lex.mid_capital[core] += 1
                        if prev is not None and prev.text[0].isupper() and _adjacent(text, prev, w):
                            multi.add(core)  # "Cheung" of "Matthew Cheung"
                    if noun_caps and prev is not None and _noun_marker(prev, text):
                        lex.noun_like.add(core)
                prev = w
        lex.side_words[name] = {_strip_genitive(t) for t in written_here}
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


def _similar(a: str, b: str) -> bool:
    """Two spellings or inflections of one name: "Macao"/"Macau", "Griechenland"/"griechische"."""
    a, b = a.casefold(), b.casefold()
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    if n >= 4 and n >= 0.6 * min(len(a), len(b)):
        return True
    return n >= 1 and min(len(a), len(b)) >= 5 and _one_edit(a[n:], b[n:])


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed: two
    transliterations of one name ("Uyghur" / "Uygur", "Qaddafi" / "Qadhafi" less one)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    return a[k:] == b[k + 1 :]


def _capitals(word: str) -> str:
    """An acronym's capitals, the letters that name the thing: "MdPs" (Mitglieder des Parlaments)
    and "MPs" are both "MP"."""
    return "".join(ch for ch in word if ch.isupper())


def _present(name: str, other: str, other_words: list[str]) -> bool:
    """Whether ``name`` (one word, normalised) is in the ``other`` text, inflected or not."""
    if name in other or name.casefold() in other.casefold():
        return True  # also "Landrays", "RECOVERY-Studie"
    if len(name) >= 5 and name.endswith("s") and name[:-1] in other:
        return True  # German genitive "Großbritanniens"
    if _is_acronym(name) and any(_is_acronym(w) and _capitals(w) == _capitals(name) for w in other_words):
        return True  # "MPs" / "MdPs", "NGOs" / "NGO"
    if _is_acronym(name) and name.isupper():
        if len(name) >= 3 and re.search(rf"\b{re.escape(name[:-1])}\b", other):
            return True  # USA / US-amerikanisch
        if ".".join(name) in other:
            return True  # U.S.A.
    return len(name) >= 5 and any(_similar(name, w) for w in other_words)


@dataclass(frozen=True)
class _Entity:
    """A name: one or more capitalised words in a row ("Matthew Cheung Kin-chung", "Asian
    American Coalition"), which is one finding however many words it has."""

    start: int
    end: int
    words: tuple[str, ...]  # their cores (genitive stripped, apostrophes normalised)

    @property
    def acronym(self) -> str:
        return "".join(w[0] for w in self.words if w[0].isupper())


_CONNECTORS = frozenset({"of", "de", "von", "van", "der", "del", "la", "le", "du", "al", "bin", "für"})
#: A name's most distinctive word is rarer than this (Zipf, see compare.core.text.frequency):
#: a capitalised phrase of common words ("General Plan", "News", "Year") is a title or a
#: heading set in the sentence, which translators render as they see fit, not a name.
NAME_ZIPF = 4.5
#: A name missing on one side is reported when its distinctive word is rarer still (a dropped
#: "London" or "Smith" shows in the word diff as a strong mark; a finding is for what is easy to miss).
MISSING_NAME_ZIPF = 4.0


def _entities(text: str, words: list[_Word], lex: _NameLexicon) -> list[_Entity]:
    """The names of one sentence: a word the lexicon takes for a name, with the capitalised
    words (and inner connectors: "Bank of England") right before and after it."""
    out: list[_Entity] = []
    k = 0
    n = len(words)
    if not any(map(lex.is_name, words)):
        return out
    titled = _title_words(text, words, lex)
    while k < n:
        if k in titled or not lex.is_name(words[k]):
            k += 1
            continue
        a = k
        while (
            a > 0
            and words[a - 1].mid
            and words[a - 1].text[0].isupper()
            and _adjacent(text, words[a - 1], words[a])
        ):
            a -= 1
        if lex.noun_capitalising:
            while a < k and not lex.is_name(words[a]):
                a += 1  # German capitalises nouns: only names join a name
        b = k
        while b + 1 < n:
            nxt = words[b + 1]
            if (
                (nxt.text[0].isupper() or nxt.continuation)
                and _adjacent(text, words[b], nxt)
                and (not lex.noun_capitalising or lex.is_name(nxt))
            ):
                b += 1
            elif (
                nxt.text in _CONNECTORS
                and b + 2 < n
                and words[b + 2].text[0].isupper()
                and _adjacent(text, words[b], nxt)
                and _adjacent(text, nxt, words[b + 2])
            ):
                b += 2
            else:
                break
        cores = tuple(
            _normalised(_strip_genitive(w.text)) for w in words[a : b + 1] if w.text not in _CONNECTORS
        )
        end = words[b].end
        if end + 1 < len(text) and text[end] in "-‐‑" and text[end + 1].isdigit():
            pass  # a code ("COVID-19", "MH-17"): number-mismatch reads it, one finding for one defect
        elif len(cores) == 1 and _is_acronym(cores[0]) and _currency_after(text, end):
            pass  # "US-Dollar", "HK$": a currency, which one version names and the other writes "$"
        else:
            out.append(_Entity(words[a].start, end, cores))
        k = b + 1
    return out


_CURRENCY_AFTER = re.compile(r"[-‐‑\s]?([^\W\d_]+)")


def _currency_after(text: str, end: int) -> bool:
    """Whether a currency follows right after ``end``: "US-Dollar", "US$", "HK $", "US dollars"."""
    sign = text[end : end + 2].lstrip(" -‐‑")[:1]
    if sign and sign in CURRENCY_SIGNS:
        return True
    m = _CURRENCY_AFTER.match(text, end, end + 24)
    return m is not None and m.group(1).casefold() in CURRENCY_WORDS


#: Capitalised words from this many on, in a row with only function words between them, are a
#: title when at least half of them are ordinary words (see :func:`_title_words`).
TITLE_RUN = 3
#: ... and a capitalised word of such a title this common (Zipf) is a word of the title, no name.
TITLE_WORD_ZIPF = 3.0
_RUN_BREAK = re.compile(r"[,;:()\[\]“”„\"«»!?.…—–]")


def _title_words(text: str, words: list[_Word], lex: _NameLexicon) -> set[int]:
    """Indices of the words of ``words`` (one sentence) that are words of a title set in the
    sentence ("the General Plan for Coordinating and Promoting the Construction of ...",
    "“Celebrate the Children’s Day with Innocence”"): in a run of capitalised words with only
    function words between them, of which at least :data:`TITLE_RUN` are long (four letters or
    more) and at least half of those are written in lowercase elsewhere in the documents (a title
    capitalises ordinary words; a run of names, "Bank of England and Bank of Italy", does not),
    every common word (Zipf >= :data:`TITLE_WORD_ZIPF`, not an acronym) is a title's word."""
    out: set[int] = set()
    if sum([w.text[0].isupper() and len(w.text) >= 4 for w in words]) < TITLE_RUN:
        return out  # a title has that many long capitalised words
    run: list[int] = []

    def close() -> None:
        if len(run) < TITLE_RUN:  # too few words for a title, whatever they are
            run.clear()
            return
        long = [k for k in run if words[k].text[0].isupper() and len(words[k].text) >= 4]
        ordinary = sum(1 for k in long if _strip_genitive(words[k].text).lower() in lex.lower)
        if len(long) >= TITLE_RUN and 2 * ordinary >= len(long):
            out.update(
                k
                for k in run
                if words[k].text[0].isupper()
                and not _is_acronym(words[k].text)
                and zipf(_strip_genitive(words[k].text), lex.language) >= TITLE_WORD_ZIPF
            )
        run.clear()

    for k, w in enumerate(words):
        if run and _RUN_BREAK.search(text, words[run[-1]].end, w.start):
            close()
        if w.text[0].isupper():
            run.append(k)
        elif run and (len(w.text) <= 3 or is_function_word(w.text, lex.language)):
            run.append(k)  # "for", "the", "with" inside a title
        elif run:
            close()
    if run:
        close()
    return out


def _adjacent(text: str, a: _Word, b: _Word) -> bool:
    between = text[a.end : b.start]
    return len(between) <= 2 and all(ch.isspace() or ch in "-‐‑" for ch in between)


def _key(e: _Entity, language: str | None) -> str:
    """The most distinctive word of a name: the rarest in the language ("Smith" of "John Smith")."""
    return min(reversed(e.words), key=lambda w: zipf(w, language))


def _matched(
    e: _Entity, other: str, other_words: list[str], other_entities: list[_Entity], language: str | None
) -> bool:
    """Whether the other version names ``e`` too: its most distinctive word or an acronym in it,
    its acronym ("NHS" / "National Health Service"), or the expansion of it."""
    candidates = [_key(e, language), *(w for w in e.words if _is_acronym(w))]
    if any(_present(w, other, other_words) for w in candidates):
        return True
    if len(e.words) >= 2 and 2 * sum(1 for w in e.words if _present(w, other, other_words)) > len(e.words):
        return True  # most of a long name is there: one word spelled or rendered another way
    if any(w.isupper() and _expansion(w).search(other) for w in e.words if len(w) >= 2):
        return True  # "NHS" / "National Health Service", wherever the other version writes it
    if len(e.words) >= 2 and len(e.acronym) >= 2 and re.search(rf"\b{re.escape(e.acronym)}\b", other):
        return True
    if len(e.words) == 1 and _is_acronym(e.words[0]):
        return any(o.acronym.upper() == e.words[0].upper() for o in other_entities if len(o.words) >= 2)
    return False


_EXPANSION_JOINS = r"(?:[\s\-]+(?:of|for|and|the|de|du|des|la|le|von|van|der|und|für|&))*[\s\-]+"


@lru_cache(maxsize=1024)
def _expansion(acronym: str) -> re.Pattern[str]:
    """Capitalised words whose initials spell ``acronym``, little words between them allowed."""
    return re.compile(r"\b" + _EXPANSION_JOINS.join(f"{re.escape(ch)}[^\\W\\d_]*" for ch in acronym) + r"\b")


def _glossed(e: _Entity, text: str, other: str) -> bool:
    """Whether an acronym is explained in brackets right after it ("FOMO (Angst, etwas zu
    verpassen)") and the other version has most of the explanation's words."""
    m = re.match(r"\s*\(([^()]{3,120})\)", text[e.end : e.end + 130])
    if not m or not any(w.isupper() for w in e.words):
        return False
    words = [w.casefold() for w in re.findall(r"[^\W\d_]{4,}", m.group(1))]
    folded = other.casefold()
    return bool(words) and 2 * sum(1 for w in words if w in folded) >= len(words)


def _person_or_organisation(c: Comparison, lex: _NameLexicon, side: str, e: _Entity) -> bool:
    """Whether ``e`` names a person or an organisation: a name of several words ("Matthew Cheung",
    "Bank of England"), an acronym ("NATO"), a word of a full name written elsewhere in its
    version (a surname used alone), or a name after a title ("Mr", "President")."""
    if len(e.words) >= 2 or any(len(w) >= 2 and w.isupper() for w in e.words):
        return True
    if any(w in lex.in_multiword[side] for w in e.words):
        return True
    before = re.search(r"([^\W\d_]+)\.?\s+$", c.side(side).text[max(0, e.start - 24) : e.start])
    return before is not None and before.group(1).lower() in _TITLE_WORDS


def _distinctive(e: _Entity, language: str | None, limit: float) -> bool:
    return any(_is_acronym(w) for w in e.words) or zipf(_key(e, language), language) < limit


def _name_findings(c: Comparison, p: Passage, lex: _NameLexicon) -> Iterator[Finding]:
    texts = {name: c.side(name).text[p.span(name)[0] : p.span(name)[1]] for name in (LEFT, RIGHT)}
    normalised = {
        name: _normalised(
            " ".join([texts[name], *(c.side(name).text[s:e] for s, e in neighbour_spans(c, p, name))])
        )
        for name in texts
    }
    words_of = {name: _NAME_WORD.findall(normalised[name]) for name in texts}
    entities: dict[str, list[_Entity]] = {}
    for name in (LEFT, RIGHT):
        side = c.side(name)
        found: list[_Entity] = []
        for i in p.segments(name):
            if i in lex.title_case[name]:
                continue
            found.extend(_entities(side.text, lex.sentence_words[name][i], lex))
        entities[name] = found
    unmatched: dict[str, list[_Entity]] = {}
    for name in (LEFT, RIGHT):
        other = other_side(name)
        seen: set[tuple[str, ...]] = set()
        rest = []
        for e in entities[name]:
            if e.words in seen:
                continue
            seen.add(e.words)
            if (
                _distinctive(e, lex.language, NAME_ZIPF)
                and not _matched(e, normalised[other], words_of[other], entities[other], lex.language)
                and not _glossed(e, c.side(name).text, normalised[other])
            ):
                rest.append(e)
        unmatched[name] = rest
    # A name replaced by another name (the word diff puts both in one change) is a wrong entity:
    # major. A name the other version lacks was dropped or replaced by a pronoun or a title:
    # minor, and once per name however often it recurs.
    paired: set[int] = set()
    for change in p.changes:
        lefts = [
            e
            for e in unmatched[LEFT]
            if e.start < change.left[1]
            and change.left[0] < e.end
            and _distinctive(e, lex.language, MISSING_NAME_ZIPF)
        ]
        rights = [
            e
            for e in unmatched[RIGHT]
            if e.start < change.right[1]
            and change.right[0] < e.end
            and _distinctive(e, lex.language, MISSING_NAME_ZIPF)
        ]
        for le, re_ in zip(lefts, rights, strict=False):
            if id(le) in paired or id(re_) in paired:
                continue
            paired.update((id(le), id(re_)))
            ltext = c.left.text[le.start : le.end]
            rtext = c.right.text[re_.start : re_.end]
            # Another person or organisation is major; a one-word name that is neither (a plan,
            # a platform: "Furong" / "Lotus", "Weibo" / "MicroBlog") may be the other
            # translator's rendering of the same name: minor.
            entity = _person_or_organisation(c, lex, LEFT, le) or _person_or_organisation(c, lex, RIGHT, re_)
            yield cross_finding(
                "name-mismatch",
                Severity.MAJOR if entity else Severity.MINOR,
                RIGHT,
                re_.start,
                re_.end,
                f"The name “{rtext}” here is “{ltext}” in the other version: another person, place or "
                "organisation?",
                ltext,
                p.index,
                pattern=f"{ltext} -> {rtext}",
            )
    for name in (LEFT, RIGHT):
        other = other_side(name)
        for e in unmatched[name]:
            if id(e) in paired or not _distinctive(e, lex.language, MISSING_NAME_ZIPF):
                continue
            key = _key(e, lex.language)
            if key in lex.side_words[other] or (
                len(key) >= 5 and any(_similar(key, w) for w in lex.initialled(other, key))
            ):
                continue  # named elsewhere in the other version: a pronoun or title here, not a lost name
            if _rendered_in_words(c, p, name, e, lex.language):
                continue
            snippet = c.side(name).text[e.start : e.end]
            yield cross_finding(
                "name-mismatch",
                Severity.MINOR,
                name,
                e.start,
                e.end,
                f"The name “{snippet}” is not in the other version of this passage "
                f"(“{shorten(texts[other], 60)}”).",
                None,
                p.index,
                pattern=" ".join(e.words),
            )


def _rendered_in_words(c: Comparison, p: Passage, name: str, e: _Entity, language: str | None) -> bool:
    """Whether an acronym is rendered in ordinary words where the other version has it: the word
    diff puts content words of the other side in its place ("UK" / "Großbritannien", "PM" /
    "Premierminister", "LKW" / "Lastwagen"). Acronyms are what translators most often spell out or
    translate; the strong mark of that change shows it, and a name replaced by another name is
    paired above. An acronym dropped with nothing in its place ("SEATTLE (USA)") stays a finding."""
    if len(e.words) != 1 or not _is_acronym(e.words[0]):
        return False
    other = other_side(name)
    text = c.side(other).text
    for change in p.changes:
        s, t = change.left if name == LEFT else change.right
        if s < e.end and e.start < t:
            os_, ot = change.left if other == LEFT else change.right
            if any(
                not is_function_word(w, language) and w.casefold() not in NUMBER_WORDS
                for w in _NAME_WORD.findall(text, os_, ot)
            ):
                return True
    return False
