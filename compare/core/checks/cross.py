"""Cross-version checks: what differs between two aligned versions of an article.

``check_comparison(comparison)`` looks at the aligned passages of a
:class:`~compare.core.diff.comparison.Comparison` and returns :class:`CrossFinding` objects, each on
one side (``"left"`` or ``"right"``) with offsets into that side's text (end exclusive) and the
index of its passage. Rules (see :data:`CROSS_RULES`):

- ``number-mismatch`` (major): a number in one version that the aligned passage of the other
  lacks or writes differently ("12,000" vs "1,200"); thousands and decimal separators are read
  by language ("100,000" en = "100.000" de = "100 000" fr), scale words count ("1.5 million" =
  "1,5 Millionen" = "1,500,000"), and a number written in digits on one side matches the same
  number written as a word on the other ("3" / "three" / "drei"). Works across languages.
- ``name-mismatch`` (minor): a proper name in one version missing from the aligned passage of
  the other. Same language only. A name is a word capitalised mid-sentence whose lowercase form
  the documents never use; in German (every noun capitalised) only acronyms, words written with
  an inner capital or a digit, and capitalised words that are never preceded by an article or
  determiner anywhere in either document count. Minor, not major: a wrong name does change the
  meaning, but translators legitimately replace a name with a title or a pronoun ("Landray" →
  "the professor"), so a finding asks for a look rather than asserting an error.
- ``quotation-count`` (minor): the aligned passages hold different numbers of quotations
  (direct speech turned into reported speech, or a quotation lost). Same language only.
- ``passage-one-side`` (major when the passage has at least :data:`SUBSTANTIAL_WORDS` words,
  minor otherwise): a passage present in one version only.
- ``sentence-count`` (info): aligned passages with different numbers of sentences, the
  signature of a sentence split or merged by a stray period. Same language only.
- ``length-ratio`` (minor): aligned passages whose length ratio is far from the article's
  usual ratio (something added or dropped); useful across languages, where there is no word diff.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.core.text.segmentation import trim_span
from ._base import Severity, shorten
from ._lexicon import wordset
from .quotes import analyse_quotes

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.diff.comparison import Comparison, Passage

__all__ = ["CROSS_RULES", "CrossFinding", "CrossRule", "check_comparison", "numbers_in"]

LEFT, RIGHT = "left", "right"


@dataclass(frozen=True)
class CrossFinding:
    """One difference between the versions: ``side``'s ``text[start:end]`` is the snippet."""

    rule: str
    severity: Severity
    side: str
    start: int
    end: int
    message: str
    suggestion: str | None
    passage: int


@dataclass(frozen=True)
class CrossRule:
    id: str
    severity: Severity  # the usual severity (passage-one-side is major or minor by length)
    description: str
    same_language_only: bool


CROSS_RULES: dict[str, CrossRule] = {
    r.id: r
    for r in (
        CrossRule(
            "number-mismatch",
            Severity.MAJOR,
            "A number in one version that the aligned passage of the other lacks or writes differently.",
            False,
        ),
        CrossRule(
            "name-mismatch",
            Severity.MINOR,
            "A proper name in one version that the aligned passage of the other lacks.",
            True,
        ),
        CrossRule(
            "quotation-count",
            Severity.MINOR,
            "Aligned passages with different numbers of quotations.",
            True,
        ),
        CrossRule(
            "passage-one-side",
            Severity.MAJOR,
            "A passage present in one version only (major when substantial, minor when short).",
            False,
        ),
        CrossRule(
            "sentence-count",
            Severity.INFO,
            "Aligned passages with different numbers of sentences (a sentence split or merged).",
            True,
        ),
        CrossRule(
            "length-ratio",
            Severity.MINOR,
            "Aligned passages whose length ratio is far from the article's usual ratio.",
            False,
        ),
    )
}

#: A passage found on one side only is major from this many words on.
SUBSTANTIAL_WORDS = 8

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _other(side: str) -> str:
    return RIGHT if side == LEFT else LEFT


def _content_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    return trim_span(text, span)


def _words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def _neighbour_spans(c: Comparison, p: Passage, side: str) -> list[tuple[int, int]]:
    """Spans on ``side`` of the passages next to ``p`` that have text on ``side`` only.

    A sentence the aligner left on its own beside a passage often belongs with it: what is
    missing from the passage may be there.
    """
    out = []
    only = "left-only" if side == LEFT else "right-only"
    for k in (p.index - 1, p.index + 1):
        if 0 <= k < len(c.passages) and c.passages[k].kind == only:
            out.append(c.passages[k].span(side))
    return out


# --------------------------------------------------------------------------- numbers

# Digits grouped by , . ' or a (narrow) no-break space, or by a plain space when the first group
# has at most three digits ("15 000"), with an optional decimal part; "10:30" is one number.
_NUMBER_RE = re.compile(
    r"(?<![\w.,:])(\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d\w])(?:,\d+(?![\d\w]))?"
    r"|\d+(?:[,.'’\u00a0\u202f\u2009:]\d+)*(?!\w|[,.:]\d))|"
    r"(?<![\w.,:])(\d+(?:[,.]\d+)*)(?=[^\W\d_])"  # 19 in "Covid-19", 3 in "3rd", "5G", "100km"
)
_SEP_RE = re.compile(r"[,.'’:\u00a0\u202f\u2009 ]")
_SPACE_SEPS = frozenset("'’\u00a0\u202f\u2009 ")
_SCALES: dict[str, float] = {}
for _words_, _factor in (
    ("thousand thousands tausend tausende tsd k mille milliers mil", 1e3),
    ("million millions mio mn m millionen mill millón millones milione milioni", 1e6),
    ("billion billions bn mrd milliarde milliarden milliard milliards mil-millones miliardo miliardi", 1e9),
    ("trillion trillions billionen billion-de", 1e12),
):
    for _w in _words_.split():
        _SCALES.setdefault(_w, _factor)
_CJK_SCALES = {"十": 10.0, "百": 1e2, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}

_NUMBER_WORDS: dict[str, int] = {}
for _lang_words in (
    (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty"
    ),
    (
        "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
        "fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig"
    ),
    (
        "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
        "seize dix-sept dix-huit dix-neuf vingt"
    ),
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince",
    "零 一 二 三 四 五 六 七 八 九 十",
):
    for _i, _w in enumerate(_lang_words.split()):
        _NUMBER_WORDS.setdefault(_w, _i)
for _w, _v in {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "dozens": 12, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90, "hundert": 100, "dutzend": 12, "dutzende": 12, "une": 1, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "douzaine": 12, "half": 0,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "erste": 1, "ersten": 1,
    "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4, "fünfte": 5, "premier": 1,
    "première": 1, "deuxième": 2, "troisième": 3, "两": 2, "兩": 2, "twice": 2, "double": 2,
    "zweimal": 2, "doppelt": 2, "once": 1, "einmal": 1, "both": 2, "beide": 2, "beiden": 2,
    "pair": 2, "couple": 2, "paar": 2,
}.items():  # fmt: skip
    _NUMBER_WORDS.setdefault(_w, _v)

# Languages that write 1,000.5 (others write 1.000,5 or 1 000,5).
_POINT_DECIMAL = {"en", "zh", "ja", "ko", "he", "th", "hi", "ga", "mt", "ms", "tl", "sw"}


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    values: frozenset[float]  # the value, and the value times a scale word that follows


def _parse_number(raw: str, language: str | None) -> frozenset[float]:
    """The values ``raw`` (digits and separators) may have, written in ``language``.

    An unambiguous number has one value. "1,500" in German text (where the comma is the
    decimal mark, but machine translation often keeps the English grouping) may be 1.5 or
    1500: both values are kept, and either matches the other version.
    """
    digits = "".join(str(int(c)) if c.isdigit() else c for c in raw)  # any script's digits
    parts = _SEP_RE.split(digits)
    seps = _SEP_RE.findall(digits)
    if not seps:
        return frozenset({float(digits)})
    decimal_mark = "." if (language in (None, "unknown") or language in _POINT_DECIMAL) else ","

    def num(integer: list[str], fraction: str = "") -> float:
        return float("".join(integer) + ("." + fraction if fraction else ""))

    groups_ok = all(len(x) == 3 for x in parts[1:])
    if len(set(seps)) == 1:
        sep = seps[0]
        if sep == ":":
            if len(seps) == 1:
                return frozenset({num(parts[:1], parts[1])})  # 10:30 as in "10.30 Uhr"
        elif len(seps) == 1 and sep in ",.":
            if groups_ok and len(parts[0]) <= 3:
                if sep == decimal_mark:
                    return frozenset({num(parts[:1], parts[1]), num(parts)})  # ambiguous
                return frozenset({num(parts)})  # 12,000 (en) / 12.000 (de)
            return frozenset({num(parts[:1], parts[1])})  # 1.5 / 1,5 whatever the language
        elif groups_ok and len(parts[0]) <= 3:
            return frozenset({num(parts)})  # 1.000.000 / 1,000,000 / 1 000 000
    elif (
        len(set(seps[:-1])) == 1
        and seps[-1] in ",."
        and seps[-1] != seps[0]
        and len(parts[0]) <= 3
        and all(len(x) == 3 for x in parts[1:-1])
    ):
        return frozenset({num(parts[:-1], parts[-1])})  # 1.000,5 / 1,000.5 / 1 000,5
    # Not one number ("1.2.2020", "3,4,5"): each part stands for itself.
    return frozenset(float(x) for x in parts if x)


_SCALE_AFTER = re.compile(r"[\s\u00a0]*([十百千万萬亿億]|[^\W\d_]+\.?)")


@lru_cache(maxsize=256)
def _numbers_cached(text: str, language: str | None) -> tuple[Number, ...]:
    out: list[Number] = []
    for m in _NUMBER_RE.finditer(text):
        raw = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        values = set(_parse_number(raw, language))
        after = _SCALE_AFTER.match(text, start + len(raw))
        if after:
            word = after.group(1).lower().rstrip(".")
            factor = _SCALES.get(word) or _CJK_SCALES.get(word)
            if factor:
                values |= {v * factor for v in values}
        out.append(Number(start, start + len(raw), raw, frozenset(_round(v) for v in values)))
    return tuple(out)


def _round(v: float) -> float:
    return float(f"{v:.6g}")


def numbers_in(text: str, language: str | None = None) -> list[Number]:
    """Numbers written in digits in ``text``, with their values read as ``language`` writes them."""
    return list(_numbers_cached(text, language))


def _word_numbers(text: str) -> Counter[float]:
    out: Counter[float] = Counter()
    for m in _WORD.finditer(text.lower()):
        w = m.group()
        if w in _NUMBER_WORDS:
            out[float(_NUMBER_WORDS[w])] += 1
    for ch in text:
        if ch in _NUMBER_WORDS:  # CJK numerals
            out[float(_NUMBER_WORDS[ch])] += 1
    return out


def _number_findings(c: Comparison, p: Passage) -> Iterator[CrossFinding]:
    sides = {}
    for name in (LEFT, RIGHT):
        side = c.side(name)
        s, e = p.span(name)
        text = side.text[s:e]
        nums = [
            Number(n.start + s, n.end + s, n.text, n.values) for n in numbers_in(text, side.language.base)
        ]
        sides[name] = (nums, _word_numbers(text))
    left_nums, left_words = sides[LEFT]
    right_nums, right_words = sides[RIGHT]
    if not left_nums and not right_nums:
        return
    # Match equal values one to one (a number may stand for itself times a scale word).
    unmatched_right = list(right_nums)
    unmatched_left: list[Number] = []
    for n in left_nums:
        for k, r in enumerate(unmatched_right):
            if n.values & r.values:
                del unmatched_right[k]
                break
        else:
            unmatched_left.append(n)

    def excused(n: Number, words: Counter[float]) -> bool:
        # "3" on one side, "three"/"drei" on the other; one-digit numbers that vanish
        # are often rephrased ("1 of the 2" → "one of both") and are let go if a word is there.
        for v in n.values:
            if words.get(v, 0) > 0:
                words[v] -= 1
                return True
        return False

    unmatched_left = [n for n in unmatched_left if not excused(n, right_words)]
    unmatched_right = [n for n in unmatched_right if not excused(n, left_words)]
    for name, rest in ((LEFT, unmatched_left), (RIGHT, unmatched_right)):
        other = _other(name)
        side = c.side(other)
        nearby = {
            v
            for s, e in _neighbour_spans(c, p, other)
            for n in numbers_in(side.text[s:e], side.language.base)
            for v in n.values
        }
        rest[:] = [n for n in rest if not (n.values & nearby)]
    same = not c.cross_language
    for ln, rn in zip(unmatched_left, unmatched_right):
        yield CrossFinding(
            "number-mismatch",
            Severity.MAJOR,
            RIGHT,
            rn.start,
            rn.end,
            f"The number “{rn.text}” here is “{ln.text}” in the other version.",
            ln.text if same else None,
            p.index,
        )
    k = min(len(unmatched_left), len(unmatched_right))
    for name, rest in ((LEFT, unmatched_left[k:]), (RIGHT, unmatched_right[k:])):
        for n in rest:
            yield CrossFinding(
                "number-mismatch",
                Severity.MAJOR,
                name,
                n.start,
                n.end,
                f"The number “{n.text}” is missing from the other version of this passage.",
                None,
                p.index,
            )


# --------------------------------------------------------------------------- names

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
    if t.lower() in _GERMAN_DETERMINERS or t.lower() in _NUMBER_WORDS:
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


def _name_findings(c: Comparison, p: Passage, lex: _NameLexicon) -> Iterator[CrossFinding]:
    texts = {name: c.side(name).text[p.span(name)[0] : p.span(name)[1]] for name in (LEFT, RIGHT)}
    normalised = {
        name: _normalised(
            " ".join([texts[name], *(c.side(name).text[s:e] for s, e in _neighbour_spans(c, p, name))])
        )
        for name in texts
    }
    for name in (LEFT, RIGHT):
        side = c.side(name)
        other = _other(name)
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
                yield CrossFinding(
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


# --------------------------------------------------------------------------- quotations


def _quotation_count(text: str) -> int:
    qa = analyse_quotes(text)
    return len(qa.pairs) + len(qa.unclosed) + len(qa.stray_closers)


def _quotation_findings(c: Comparison, p: Passage) -> Iterator[CrossFinding]:
    counts = {}
    for name in (LEFT, RIGHT):
        s, e = p.span(name)
        counts[name] = _quotation_count(c.side(name).text[s:e])
    if counts[LEFT] == counts[RIGHT]:
        return
    fewer = LEFT if counts[LEFT] < counts[RIGHT] else RIGHT
    s, e = _content_span(c.side(fewer).text, p.span(fewer))
    n, m = counts[fewer], counts[_other(fewer)]
    yield CrossFinding(
        "quotation-count",
        Severity.MINOR,
        fewer,
        s,
        e,
        f"This passage has {_quotations(n)} where the other version has {m}: "
        "a quotation may have been lost or turned into reported speech.",
        None,
        p.index,
    )


def _quotations(n: int) -> str:
    return "no quotation" if n == 0 else ("1 quotation" if n == 1 else f"{n} quotations")


# --------------------------------------------------------------------------- one side only


def _one_side_findings(c: Comparison, p: Passage) -> Iterator[CrossFinding]:
    name = LEFT if p.kind == "left-only" else RIGHT
    text = c.side(name).text
    s, e = _content_span(text, p.span(name))
    if s >= e:
        return
    n = _words(text[s:e])
    severity = Severity.MAJOR if n >= SUBSTANTIAL_WORDS else Severity.MINOR
    yield CrossFinding(
        "passage-one-side",
        severity,
        name,
        s,
        e,
        f"This passage ({n} word{'s' if n != 1 else ''}) is only in the {name} version: "
        f"“{shorten(text[s:e], 60)}”.",
        None,
        p.index,
    )


# --------------------------------------------------------------------------- sentence count


def _sentence_findings(c: Comparison, p: Passage) -> Iterator[CrossFinding]:
    nl, nr = len(p.left_segments), len(p.right_segments)
    if nl == nr or not nl or not nr:
        return
    more = LEFT if nl > nr else RIGHT
    side = c.side(more)
    segs = p.segments(more)
    # Point at the first break the other version does not have: the end of a sentence and the
    # start of the next one ("Russia. West").
    s = side.segmentation.sentences[segs[0]][1] - 1
    e = min(side.segmentation.sentences[segs[1]][0] + 1, len(side.text))
    k, m = max(nl, nr), min(nl, nr)
    yield CrossFinding(
        "sentence-count",
        Severity.INFO,
        more,
        max(0, s),
        e,
        f"This passage is {k} sentences here but {m} in the other version: "
        "a sentence may have been split (or merged) by mistake.",
        None,
        p.index,
    )


# --------------------------------------------------------------------------- length ratio

#: An aligned passage is an outlier when its length ratio is this far (as a factor) from the
#: article's usual ratio, and the longer side has at least LENGTH_MIN_EXTRA more characters
#: than the ratio predicts.
LENGTH_FACTOR = 1.8
LENGTH_MIN_EXTRA = 40


def _length_findings(c: Comparison, aligned: list[Passage]) -> Iterator[CrossFinding]:
    lens = []
    for p in aligned:
        a = len(c.left.text[p.left[0] : p.left[1]].strip())
        b = len(c.right.text[p.right[0] : p.right[1]].strip())
        lens.append((p, a, b))
    ta = sum(a for _, a, _ in lens)
    tb = sum(b for _, _, b in lens)
    if len(lens) < 3 or ta == 0 or tb == 0:
        return
    usual = tb / ta  # right characters per left character, over the article
    limit = math.log(LENGTH_FACTOR)
    for p, a, b in lens:
        if p.kind == "equal":
            continue
        expected_b = a * usual
        dev = math.log((b + 10) / (expected_b + 10))
        if abs(dev) <= limit:
            continue
        if dev > 0:
            longer, extra = RIGHT, b - expected_b
            factor = (b + 10) / (expected_b + 10)
        else:
            longer, extra = LEFT, (expected_b - b) / usual
            factor = (expected_b + 10) / (b + 10)
        if extra < LENGTH_MIN_EXTRA:
            continue
        s, e = _content_span(c.side(longer).text, p.span(longer))
        yield CrossFinding(
            "length-ratio",
            Severity.MINOR,
            longer,
            s,
            e,
            f"This passage is {factor:.1f} times as long as expected from its counterpart in the "
            "other version: it may hold something the other lacks.",
            None,
            p.index,
        )


# --------------------------------------------------------------------------- entry point


def check_comparison(comparison: Comparison, rules: Iterable[str] | None = None) -> list[CrossFinding]:
    """Every cross-version finding, sorted by passage, side and offset.

    ``rules`` restricts the run to those rule ids (default: all of :data:`CROSS_RULES`).
    """
    ids = set(CROSS_RULES) if rules is None else set(rules)
    unknown = ids - set(CROSS_RULES)
    if unknown:
        raise KeyError(f"unknown cross rule id(s): {', '.join(sorted(unknown))}")
    c = comparison
    same = not c.cross_language
    out: list[CrossFinding] = []
    aligned = [p for p in c.passages if p.left_segments and p.right_segments]
    lex = _name_lexicon(c) if same and "name-mismatch" in ids else None
    for p in c.passages:
        if p.kind in ("left-only", "right-only"):
            if "passage-one-side" in ids:
                out.extend(_one_side_findings(c, p))
            continue
        if p.kind == "equal" or not (p.left_segments and p.right_segments):
            continue
        if "number-mismatch" in ids:
            out.extend(_number_findings(c, p))
        if same:
            if lex is not None:
                out.extend(_name_findings(c, p, lex))
            if "quotation-count" in ids:
                out.extend(_quotation_findings(c, p))
            if "sentence-count" in ids:
                out.extend(_sentence_findings(c, p))
    if "length-ratio" in ids:
        out.extend(_length_findings(c, aligned))
    out.sort(key=lambda f: (f.passage, f.side != LEFT, f.start, f.end, f.rule))
    return out
