"""Numbers in text, read the way each language writes them (the one number reader of the program).

Thousands and decimal separators are read by language ("100,000" en = "100.000" de =
"100 000" fr); where a separator is ambiguous both readings are kept. A scale word after a
number counts ("1.5 million" = "1,5 Millionen" = "1,500,000", "40万" = 400,000), and numbers
written as words are counted by :func:`word_numbers` ("three", "drei", "三").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

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

NUMBER_WORDS: dict[str, int] = {}
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
        NUMBER_WORDS.setdefault(_w, _i)
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
    NUMBER_WORDS.setdefault(_w, _v)

# Languages that write 1,000.5 (others write 1.000,5 or 1 000,5).
_POINT_DECIMAL = {"en", "zh", "ja", "ko", "he", "th", "hi", "ga", "mt", "ms", "tl", "sw"}


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    values: frozenset[float]  # the value, and the value times a scale word that follows


def parse_number(raw: str, language: str | None) -> frozenset[float]:
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
        values = set(parse_number(raw, language))
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


def word_numbers(text: str) -> Counter[float]:
    out: Counter[float] = Counter()
    for m in _WORD.finditer(text.lower()):
        w = m.group()
        if w in NUMBER_WORDS:
            out[float(NUMBER_WORDS[w])] += 1
    for ch in text:
        if ch in NUMBER_WORDS:  # CJK numerals
            out[float(NUMBER_WORDS[ch])] += 1
    return out
