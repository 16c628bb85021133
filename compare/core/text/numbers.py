"""Numbers in text, read the way each language writes them: the one number normaliser of the program.

Every rule that compares numbers reads them here, so that two versions agree on a number however
each language writes it:

- digits in any script (``２０１５`` = ``2015``), also right beside CJK characters (``7月25日``,
  ``14天``), which have no spaces to set them apart;
- thousands and decimal separators by language (``100,000`` en = ``100.000`` de = ``100 000``
  fr); where a separator is ambiguous both readings are kept;
- a scale after a number (``1.5 million`` = ``1,5 Millionen`` = ``1,500,000``; ``40万`` =
  400,000; ``50亿`` = 5,000,000,000);
- times of day in 12- and 24-hour form (``11:30 p.m.`` = ``23:30`` = ``23.30 Uhr``, ``下午3点``
  = ``3 pm`` = ``15 Uhr``), scores and ratios (``1:1`` is two numbers, as ``eins zu eins`` is),
  a year's short form after a full one (``1986-88`` = ``1986-1988``);
- numbers written in words (:func:`word_numbers`): ``ten thousand``, ``twenty-five``,
  ``fünfundzwanzig``, ``dreihundert``, Chinese numerals (``十二``, ``两千``, ``近千``), and month
  names, so that ``July 25`` matches ``7月25日``.

:func:`numbers_in` finds the numbers written in digits, with every value each may stand for;
:func:`word_numbers` counts the values written in words. A cross-version rule matches digits
against digits and lets a number go when the other version writes it in words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from compare.core.text.patterns import lazy_compile
from compare.core.text.scripts import CJK
from compare.core.text.stopwords import wordset

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# A character that glues digits into a word: a letter or digit of an alphabet, not a CJK
# character (Chinese writes numbers right against the words: 7月25日, 14天, 5000多名).
_GLUE = rf"[^\W{CJK}]"
# Digits grouped by , . ' or a (narrow) no-break space, or by a plain space when the first group
# has at most three digits ("15 000"), with an optional decimal part; "10:30" is one number.
# Each alternative consumes its first digit before it looks behind it (glue or a separator there:
# the digit continues another number), so that re skips to the digits (tests/unit/core/test_scan_patterns.py).
_DIGIT = rf"\d(?<!{_GLUE}\d|[.,:]\d)"
_NUMBER_RE = lazy_compile(
    rf"({_DIGIT}\d{{0,2}}(?:[\u00a0\u202f\u2009 ]\d{{3}})+(?![\d]|{_GLUE})(?:,\d+(?!{_GLUE}))?"
    rf"|{_DIGIT}\d*(?:[,.'’\u00a0\u202f\u2009:]\d+)*(?!{_GLUE}|[,.:]\d))|"
    rf"({_DIGIT}\d*(?:[,.]\d+)*)(?=[^\W\d_])"  # 3 in "3rd", "5G", "100km"
)
_SEP_RE = re.compile(r"[,.'’:\u00a0\u202f\u2009 ]")
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
_CJK_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip

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
    "pair": 2, "couple": 2, "paar": 2, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "veinte": 20, "treinta": 30, "cien": 100,
    "ciento": 100, "mille": 1000, "mil": 1000, "thousand": 1000, "tausend": 1000,
}.items():  # fmt: skip
    NUMBER_WORDS.setdefault(_w, _v)

#: Currencies named in words, in the languages the product detects: "US-Dollar", "HK$" and
#: "A$" name a currency (the country's code is part of it, not a name of its own).
CURRENCY_WORDS = wordset(
    """dollar dollars euro euros pound pounds sterling yuan renminbi yen franc francs franken rupee
    rupees peso pesos rouble roubles ruble rubel rubles won lira dólar dólares libra libras pfund
    rand real reais krone kronen kronor"""
)
CURRENCY_SIGNS = "$€£¥₩₹₽"

#: Month names (and their usual abbreviations): a date written with a month name on one side
#: matches its month number on the other ("July 25" / "7月25日" / "25.7.").
MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "jan feb mar apr may jun jul aug sep oct nov dec",
):
    for _i, _w in enumerate(_names.split()):
        MONTHS.setdefault(_w, _i + 1)
MONTHS.update({"jänner": 1, "okt": 10, "dez": 12, "sept": 9})
# "May"/"mai" are also ordinary words; as a month a word only lets a number go, it never
# reports one, so the double reading costs nothing.

# Languages that write 1,000.5 (others write 1.000,5 or 1 000,5).
_POINT_DECIMAL = {"en", "zh", "ja", "ko", "he", "th", "hi", "ga", "mt", "ms", "tl", "sw"}

_PM_AFTER = re.compile(r"[\s\u00a0]*([ap])\.?\s?m\.?(?![^\W\d_])", re.IGNORECASE)
_PM_BEFORE = ("下午", "晚上", "傍晚", "晚", "午后")
_TIME_RE = re.compile(r"(\d{1,2})[:.](\d{2})")
_DECADE_AFTER = re.compile(r"['’]?(?:s|er)(?![^\W\d_])")


@dataclass(frozen=True)
class Number:
    """A number written in digits: ``text`` at ``start:end``, and every value it may stand for
    (the value, the value times a scale word after it, both readings of an ambiguous separator,
    the 24-hour reading of an afternoon time). ``code`` is true for digits that are part of a
    name or code ("Covid-19", "MH-17"): those say less about the meaning when they vanish."""

    start: int
    end: int
    text: str
    values: frozenset[float]
    code: bool = False


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


_SCALE_AFTER = re.compile(r"[\s\u00a0]*(?:[多余几])?([十百千万萬亿億]+|[^\W\d_]+\.?)")


def _ascii(raw: str) -> str:
    return "".join(str(int(c)) if c.isdigit() else c for c in raw)


def _is_score(raw: str) -> bool:
    """``1:1``, ``2:0``, ``3:12``: two numbers, not a time (a time has two-digit minutes)."""
    a, sep, b = _ascii(raw).partition(":")
    return bool(sep) and a.isdigit() and b.isdigit() and (len(b) != 2 or int(a) > 24 or int(b) > 59)


def _time_values(text: str, raw: str, start: int, end: int) -> set[float]:
    """The 24-hour reading of an afternoon time: "11:30 p.m." / "下午3点" -> 23.30 / 15."""
    ascii_raw = _ascii(raw)
    m = _TIME_RE.fullmatch(ascii_raw)
    if m:
        hour, minutes = int(m.group(1)), int(m.group(2))
        if hour > 24 or minutes > 59:
            return set()
    elif ascii_raw.isdigit() and len(ascii_raw) <= 2:
        hour, minutes = int(ascii_raw), 0
    else:
        return set()
    after = _PM_AFTER.match(text, end)
    pm = bool(after and after.group(1).lower() == "p")
    pm = pm or text[max(0, start - 3) : start].endswith(_PM_BEFORE)
    if pm and hour < 12:
        return {hour + 12 + minutes / 100.0}
    if after and after.group(1).lower() == "a" and hour == 12:
        return {minutes / 100.0}
    return set()


#: Passage texts whose numbers are kept: the ranking's facts and the number-mismatch rule read
#: the same passages one after the other (in one child, :mod:`compare.core.analysis.analysis`),
#: both sides of a pair of 8,000 passages (about 1.3 MB a side) stay between the two.
NUMBERS_CACHED = 16_384


@lru_cache(maxsize=NUMBERS_CACHED)
def _numbers_cached(text: str, language: str | None) -> tuple[Number, ...]:
    out: list[Number] = []
    # (the number, where its 万/亿 ends, its scaled values) while digits may follow right after
    cjk_pending: tuple[Number, int, set[float]] | None = None
    for m in _NUMBER_RE.finditer(text):
        raw = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        end = start + len(raw)
        code = start >= 2 and text[start - 1] in "-‐‑" and text[start - 2].isalpha()
        if _is_score(raw):
            a, _, b = raw.partition(":")
            out.append(Number(start, start + len(a), a, frozenset({float(_ascii(a))}), code))
            out.append(Number(end - len(b), end, b, frozenset({float(_ascii(b))}), code))
            continue
        values = set(parse_number(raw, language))
        after = _SCALE_AFTER.match(text, end)
        factor = None
        if after:
            word = after.group(1).lower().rstrip(".")
            factor = _SCALES.get(word)
            if factor is None and all(ch in _CJK_SCALES for ch in word):
                factor = 1.0
                for ch in word:
                    factor *= _CJK_SCALES[ch]
            if factor:
                values |= {v * factor for v in values}
        previous = cjk_pending
        cjk_pending = None
        if previous is not None and previous[1] == start and not _is_score(raw):
            # "2万4801" is 24,801 and "1亿2000万" 120,000,000: digits right after a 万 or 亿 are the
            # lower places of one number, not a number of their own.
            first, _, above = previous
            lower = {v * (factor or 1.0) for v in parse_number(raw, language)}
            sums = {a + b for a in above for b in lower if b < min(above)}
            if sums:
                out[-1] = Number(
                    first.start, end, text[first.start : end], frozenset(_round(v) for v in sums)
                )
                if factor and factor >= 1e4 and after and after.group(1)[0] in _CJK_SCALES:
                    cjk_pending = (out[-1], after.end(), sums)
                continue
        values |= _time_values(text, raw, start, end)
        if _DECADE_AFTER.match(text, end) and re.fullmatch(r"\d\d\d0", _ascii(raw)):
            # "the 1960s" / "die 1960er" is also "60年代" / "the sixties" and a part of the 20th century
            # ("20世纪六七十年代" is "the 1960s and 1970s")
            year = int(_ascii(raw))
            values |= {float(year % 100), float(year // 100 + 1)}
        short_year = re.match(r"\d\d$", _ascii(raw))
        if short_year and start >= 5 and text[start - 1] in "-–/" and text[start - 5 : start - 1].isdigit():
            century = int(_ascii(text[start - 5 : start - 1])) // 100 * 100
            values.add(float(century + int(_ascii(raw))))  # 1986-88
        out.append(Number(start, end, raw, frozenset(_round(v) for v in values), code))
        if factor and factor >= 1e4 and after and after.group(1)[0] in _CJK_SCALES:
            cjk_pending = (out[-1], after.end(), {v * factor for v in parse_number(raw, language)})
    return tuple(out)


def _round(v: float) -> float:
    return float(f"{v:.6g}")


def numbers_in(text: str, language: str | None = None) -> list[Number]:
    """Numbers written in digits in ``text``, with their values read as ``language`` writes them."""
    return list(_numbers_cached(text, language))


# --- numbers in words ----------------------------------------------------------------------------

_EN_UNITS = dict(zip(
    ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
    range(20), strict=True,
))  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}  # fmt: skip
_WORD_SCALES = {w: f for w, f in _SCALES.items() if len(w) > 3 or w == "mil"}
_EN_FIRST = frozenset(_EN_UNITS) | frozenset(_EN_TENS)


def _english_runs(text: str) -> list[float]:
    """Values of runs of English number words within a clause: "ten thousand", "twenty-five",
    "one hundred and twenty", "two million" (digits before a scale are read by numbers_in)."""
    out: list[float] = []
    for clause in _CLAUSE_RE.split(text):
        total = group = 0.0
        in_run = after_unit = False
        for w in (m.group() for m in _WORD.finditer(clause)):
            parts = w.split("-")
            if len(parts) <= 2 and all(p in _EN_UNITS or p in _EN_TENS for p in parts):
                if after_unit:  # "one two" is two numbers
                    out.append(total + group)
                    total = group = 0.0
                group += sum(_EN_UNITS.get(p, _EN_TENS.get(p, 0)) for p in parts)
                in_run, after_unit = True, parts[-1] in _EN_UNITS
            elif in_run and w == "hundred":
                group, after_unit = group * 100, False
            elif in_run and w in _WORD_SCALES:
                total, group, after_unit = total + group * _WORD_SCALES[w], 0.0, False
            elif in_run and w == "and":
                continue
            else:
                if in_run:
                    out.append(total + group)
                total = group = 0.0
                in_run = after_unit = False
        if in_run:
            out.append(total + group)
    return out


_CLAUSE_RE = re.compile(r"[,.;:!?()\[\]\n]")


_DE_UNITS = {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sech": 6,
             "sieben": 7, "sieb": 7, "acht": 8, "neun": 9}  # fmt: skip
_DE_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "sechzehn": 16, "siebzehn": 17}
_DE_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
            "achtzig": 80, "neunzig": 90}  # fmt: skip


def _german_below_hundred(w: str) -> int | None:
    if w in _DE_TEENS:
        return _DE_TEENS[w]
    if w in _DE_TENS:
        return _DE_TENS[w]
    if w in _DE_UNITS:
        return _DE_UNITS[w]
    if w.endswith("zehn") and w[:-4] in _DE_UNITS:
        return 10 + _DE_UNITS[w[:-4]]
    unit, sep, tens = w.partition("und")
    if sep and unit in _DE_UNITS and tens in _DE_TENS:
        return _DE_UNITS[unit] + _DE_TENS[tens]
    return None


@lru_cache(maxsize=NUMBERS_CACHED)  # a document repeats its long words: each is read once
def german_compound(word: str) -> int | None:
    """The value of a German number word written as one word: "fünfundzwanzig" 25,
    "dreihundertvierzig" 340, "zweitausendeins" 2001; None when it is not one."""
    w = word.lower()
    for scale_word, scale in (("tausend", 1000), ("hundert", 100)):
        head, sep, rest = w.partition(scale_word)
        if sep:
            h = 1 if head in ("", "ein") else german_compound(head)
            r = 0 if rest in ("", "e", "en") else german_compound(rest)
            if h is None or r is None or r >= scale:
                return None
            return h * scale + r
    return _german_below_hundred(w)


def chinese_numerals(text: str) -> list[float]:
    """Values of the runs of Chinese numerals in ``text``: 十二 12, 二十一 21, 两千 2000, 三百万
    3,000,000, 近千 1000; a run that is no well-formed number gives each of its parts (十四五: 14, 5)."""
    out: list[float] = []
    for m in _CJK_NUMERAL_RUN.finditer(text):
        out.extend(_chinese_run(m.group()))
    return out


_CJK_NUMERAL_RUN = re.compile("[零〇一二两兩三四五六七八九十百千万萬亿億]+")


_CJK_APPROXIMATE = re.compile("([一二三四五六七八九])([二三四五六七八九])([十百千万萬亿億]+)")


def _chinese_run(run: str) -> list[float]:
    if len(run) >= 2 and all(ch in _CJK_DIGITS for ch in run):
        return [float("".join(str(_CJK_DIGITS[ch]) for ch in run))]  # 二〇二一 2021
    approximate = _CJK_APPROXIMATE.fullmatch(run)
    if approximate and _CJK_DIGITS[approximate.group(2)] == _CJK_DIGITS[approximate.group(1)] + 1:
        # 六七十 "sixty or seventy", 三四百 "three or four hundred": both numbers
        (unit,) = _chinese_run("一" + approximate.group(3))
        return [_CJK_DIGITS[approximate.group(k)] * unit for k in (1, 2)]
    values: list[float] = []
    total = section = 0.0
    digit: float | None = None
    last_unit = 1e13
    for ch in run:
        if ch in _CJK_DIGITS:
            if digit is not None:  # two digits in a row: 十四五 -> 14 and 5
                values.append(total + section + digit)
                total = section = 0.0
                last_unit = 1e13
            digit = float(_CJK_DIGITS[ch])
            continue
        unit = _CJK_SCALES[ch]
        if unit >= 1e4:  # 万, 亿 multiply everything before them back to the last larger one
            section += digit or 0.0
            if section == 0 and total == 0:
                section = 1.0
            total = (total + section) * unit if unit > last_unit else total + section * unit
            section = 0.0
            last_unit = unit
        else:
            section += (1.0 if digit is None else digit) * unit
        digit = None
    values.append(total + section + (digit or 0.0))
    return values


def word_numbers(text: str) -> Counter[float]:
    """Values written in words in ``text`` (every number word on its own, and runs of them read
    as one number), Chinese numerals and month names, with how often each occurs."""
    out: Counter[float] = Counter()
    words = _WORD.findall(text.lower())
    for w in words:
        if w in NUMBER_WORDS:
            out[float(NUMBER_WORDS[w])] += 1
        elif w in MONTHS:
            out[float(MONTHS[w])] += 1
        else:
            compound = german_compound(w) if len(w) >= 7 else None
            if compound is not None:
                out[float(compound)] += 1
    # A run of English number words starts with a unit or a ten ("twenty-five", "one hundred"):
    # a passage without one has none (most have none; reading each clause cost a tenth of the checks).
    if not _EN_FIRST.isdisjoint(w.partition("-")[0] for w in words):
        for run in _english_runs(text.lower()):
            if run not in out:
                out[run] += 1
    for numeral in chinese_numerals(text):
        out[numeral] += 1
    return out
