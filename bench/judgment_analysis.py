"""Why the judgments of ``bench/judgments.py`` go wrong, on the "fit" articles only (issue 10).

Prints, for the fit part:

- the findings on professional translations (``check``) and on side-by-side pairs (``diff``),
  sorted into patterns by rule (a pattern is a rule of thumb written here, printed with counts
  and short examples so that a reader can judge it);
- why numbers were reported missing across versions (which reading the normaliser lacks);
- which words the name rule took for names;
- the lift of the marks by kind of change, reference against machine translation.

The patterns describe the data to aim the engine's work; nothing here is fitted or used by the
engine. Run: ``.venv/bin/python bench/judgment_analysis.py [--examples N]``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import judgments as J

try:
    import wordfreq  # noqa: F401  (word frequencies; the wheel ships its data)
except ImportError:  # pragma: no cover
    sys.exit("this analysis needs the wordfreq package: .venv/bin/pip install wordfreq")
from _data import DATA, FIT, articles_in

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
QUOTES = '"“”„«»‘’‚‹›「」『』'
OPENERS = "“„«‹「『‚"
CLOSERS = "”»›」』"
NEGATIONS = {
    "en": {"not", "no", "never", "n't", "without", "nor", "none", "nothing", "nobody", "neither", "cannot"},
    "de": {
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "ohne",
        "weder",
        "noch",
        "nichts",
        "niemand",
    },
}


def ctx(text: str, s: int, e: int, width: int = 12) -> str:
    """A few words around a span, the span in brackets, newlines shown as ¶."""
    out = text[max(0, s - width) : s] + "[" + text[s:e][:28] + "]" + text[e : e + width]
    return out.replace("\n", "¶")


# --- wordfreq: word frequencies (the package ships its data; no download) -------------------


@cache
def zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


@cache
def function_words(lang: str) -> frozenset[str]:
    """The language's 150 most frequent words (wordfreq): articles, pronouns, auxiliaries..."""
    from wordfreq import top_n_list

    return frozenset(top_n_list(lang, 150))


# --- paragraphs -----------------------------------------------------------------------------


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def paragraph_of(paras: list[tuple[int, int]], offset: int) -> int:
    for k, (s, e) in enumerate(paras):
        if s <= offset < e:
            return k
    return len(paras) - 1


# --- patterns of single-version findings -----------------------------------------------------


def quote_patterns(text: str, findings: list[dict[str, Any]]) -> dict[int, str]:
    """Pattern of each unbalanced-quote finding of one text (by its index in ``findings``):
    an opening mark never closed and a closing mark with no opening one a few paragraphs
    further on are one quotation that runs over several paragraphs."""
    paras = paragraphs(text)
    quotes = [(k, f) for k, f in enumerate(findings) if f["rule"] == "unbalanced-quote"]
    out: dict[int, str] = {}
    opened: list[tuple[int, int]] = []  # (finding index, paragraph) of openers not yet paired
    for k, f in quotes:
        para = paragraph_of(paras, f["start"])
        if "never closed" in f["message"]:
            opened.append((k, para))
        elif opened and para - opened[-1][1] <= 6:
            j, pj = opened.pop()
            out[j] = out[k] = (
                f"quotation running over {para - pj + 1} paragraphs (one per line: opened, closed later)"
            )
    for k, f in quotes:
        if k in out:
            continue
        s = f["start"]
        ps, pe = paras[paragraph_of(paras, s)]
        para_text = text[ps:pe]
        mark = text[s]
        if '"' in para_text and any(q in para_text for q in "“”„‟"):
            out[k] = "straight and curly marks mixed in one quotation"
        elif "never closed" in f["message"]:
            nxt = paragraph_of(paras, s) + 1
            rest = text[s + 1 : pe]
            if mark in rest and rest.index(mark) < len(rest) - 1:
                out[k] = "a second opening mark where a closing one belongs (a real slip)"
            elif nxt < len(paras) and text[paras[nxt][0] : paras[nxt][1]].lstrip()[:1] == mark:
                out[k] = "quotation over several paragraphs, each reopened (the English convention)"
            elif nxt >= len(paras):
                out[k] = "quotation never closed, in the last paragraph (a real slip)"
            else:
                out[k] = "quotation never closed (a real slip, or closed far away)"
        else:
            before = text[ps:s]
            if mark in before:
                out[k] = "a second closing mark (a real slip)"
            else:
                out[k] = "closing mark with no opening one (a real slip)"
    return out


def spacing_pattern(text: str, f: dict[str, Any]) -> str:
    s, e = f["start"], f["end"]
    snippet = text[s:e]
    before = text[max(0, s - 6) : s]
    if re.search(rf"[{CJK}]", snippet + before):
        return "spaces around CJK punctuation in the Chinese source (the data's tokenisation)"
    if snippet.strip() == "-" and (
        re.search(r"(,|\bund|\boder|\bbis|\bsowie)$", before.rstrip()) or before.endswith(",")
    ):
        return "German suspended compound (“und -geräte”)"
    if snippet.strip() == "-" and re.match(r"[A-Za-z0-9]+\.[a-z]{2,}", text[e : e + 20]):
        return "title separator before a site name (“ -Site.com”)"
    return "other spacing"


def repeated_pattern(text: str, source: str | None, f: dict[str, Any]) -> str:
    """A repeated paragraph of a WMT translation is faithful when the source paragraphs it
    translates (segment i translates segment i) repeat too, and a slip otherwise."""
    segs = J.segment_spans(text)
    snippet = f["snippet"].strip()
    where = [k for k, (a, b) in enumerate(segs) if text[a:b].strip().startswith(snippet[:40])]
    if source is not None and len(where) >= 2:
        src = [source[a:b] for a, b in J.segment_spans(source)]
        if len(src) == len(segs):
            if len({src[k] for k in where}) == 1:
                return "the source repeats it too (a faithful repeat)"
            return "a paragraph repeated in place of the next one's translation (a real slip)"
    return "repeated sentence (not placed)"


def version_patterns(text: str, findings: list[dict[str, Any]], source: str | None = None) -> list[str]:
    """The pattern of each single-version finding of one text."""
    quotes = quote_patterns(text, findings)
    out = []
    for k, f in enumerate(findings):
        if f["rule"] == "unbalanced-quote":
            out.append(quotes[k])
        elif f["rule"] == "tokenizer-spacing":
            out.append(spacing_pattern(text, f))
        elif f["rule"] == "repeated-sentence":
            out.append(repeated_pattern(text, source, f))
        else:
            out.append("as reported")
    return out


# --- numbers --------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_MONTHS = _words(
    "january february march april may june july august september october november december "
    "januar februar märz april mai juni juli august september oktober november dezember"
)
_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_EN_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_DE_WORDS = _words(
    "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
    "sechzehn siebzehn achtzehn neunzehn zwanzig"
)
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "zwanzig": 20,
    "dreißig": 30,
    "hundert": 100,
    "tausend": 1000,
    "dozen": 12,
    "dutzend": 12,
}


def chinese_numeral_values(text: str) -> set[float]:
    """Values of the Chinese numerals in ``text``, of every run and part of a run (十四五 gives
    14 and 5 among others, 二十 gives 20, 两千 2000, 近千 1000)."""
    out: set[float] = set()
    for m in re.finditer(r"[零〇一二两三四五六七八九十百千万亿]+", text):
        run = m.group()
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + 5) + 1):
                out.add(float(_chinese_value(run[i:j])))
    return out


def _chinese_value(run: str) -> int:
    total, section, digit = 0, 0, 0
    for ch in run:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            unit = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}[ch]
            if unit >= 10**4:
                total += (section + digit or 1) * unit
                section = 0
            else:
                section += (digit or 1) * unit
            digit = 0
    return total + section + digit


def number_value(raw: str) -> float | None:
    digits = unicodedata.normalize("NFKC", raw)
    digits = re.sub(r"[,\u00a0\u202f ]", "", digits)
    try:
        return float(digits)
    except ValueError:
        return None


def number_cause(f: dict[str, Any], own: str, other: str, own_lang: str, other_lang: str) -> str:
    """Why the number of finding ``f`` (text ``own``, offsets into it) was not found in the
    passage ``other`` of the other version."""
    s, e = f["start"], f["end"]
    raw = own[s:e]
    v = number_value(raw)
    around = own[max(0, s - 12) : e + 14].lower()
    nfkc = unicodedata.normalize("NFKC", other)
    if re.search(r"covid-?\s*$", own[max(0, s - 7) : s].lower()):
        return "“COVID-19” rendered as “the epidemic”/新冠 (the number vanished in a paraphrase)"
    if re.search(r"\d\s*:\s*\d", own[max(0, s - 3) : e + 3]) and not re.search(
        r"(uhr|a\.m|p\.m|am\b|pm\b)", around
    ):
        return "score or ratio (“1:1” against words)"
    if re.match(r"\s*(a\.m\.|p\.m\.|am\b|pm\b|uhr\b|o'clock|点)", own[e : e + 9].lower()):
        return "time of day (12- against 24-hour, 点)"
    if (
        v is not None
        and re.fullmatch(r"\d{4}", raw)
        and re.search(rf"\b{raw[2:]}\b", other)
        and raw not in other
    ):
        return "year abbreviated on one side (1986-88)"
    if v is not None:
        # digits beside CJK characters (full-width digits too)
        for m in re.finditer(r"\d+(?:[.,]\d+)*", nfkc):
            mv = number_value(m.group())
            if mv is None:
                continue
            a, b = m.span()
            beside = (a > 0 and re.match(rf"[{CJK}]", nfkc[a - 1])) or (
                b < len(nfkc) and re.match(rf"[{CJK}]", nfkc[b])
            )
            if not beside:
                continue
            unit = nfkc[b : b + 2]
            scale = (
                1e12
                if unit.startswith("万亿")
                else 1e8
                if unit.startswith("亿")
                else 1e4
                if unit.startswith("万")
                else 1
            )
            if mv == v:
                if re.match(r"[年月日号]", nfkc[b : b + 1]):
                    return "digits beside CJK characters, in a date (12月10日)"
                return "digits beside CJK characters (800间, ２０１５年)"
            if scale > 1:
                after = own[e : e + 12].lower()
                factor = (
                    1e12
                    if "trillion" in after
                    else 1e9
                    if "billion" in after or "milliard" in after
                    else (
                        1e6 if "million" in after else 1e3 if "thousand" in after or "tausend" in after else 1
                    )
                )
                if abs(mv * scale - v * factor) < 1e-6 * max(1.0, v * factor):
                    return "万/亿 against million/billion (40万 = 400,000)"
        after = own[e : e + 12].lower()
        factor = (
            1e12
            if "trillion" in after
            else 1e9
            if "billion" in after
            else (1e6 if "million" in after else 1e3 if "thousand" in after else 1)
        )
        if {v, v * factor} & chinese_numeral_values(other):
            return "spelled out in Chinese numerals (十四五, 七位)"
        if other_lang in ("en", "de"):
            words = _EN_WORDS if other_lang == "en" else _DE_WORDS
            low = other.lower()
            for n, w in enumerate(words):
                if n == v and re.search(rf"\b{w}\b", low):
                    return "spelled out in words (“ten thousand”, “null”)"
            for w, n in _TENS.items():
                if v in (n, n * 10) and re.search(rf"\b{w}\b", low):
                    return "spelled out in words (“ten thousand”, “null”)"
        plain = re.sub(r"[,.\u00a0\u202f ]", "", nfkc)
        if raw.isdigit() is False and re.sub(r"[,.\u00a0\u202f ]", "", raw) in plain:
            return "thousands or decimal separators of another style"
        if (
            re.search(r"\b(" + "|".join(_MONTHS) + r")\b", around)
            or re.search(r"\d+(st|nd|rd|th)\b", around)
            or re.match(r"\s*[年月日号]", own[e : e + 2])
        ):
            return "date written another way (no digits for it on the other side)"
    return "no counterpart on the other side (omission, paraphrase, misalignment, or a real error)"


# --- names ----------------------------------------------------------------------------------


def name_pattern(f: dict[str, Any], own: str, other_passage: str, lang: str) -> str:
    s, e = f["start"], f["end"]
    word = own[s:e]
    before = own[max(0, s - 3) : s]
    if not before.strip() or before.rstrip()[-1:] in '.!?:“"„«(' or s == 0 or own[s - 1] == "\n":
        return "sentence-initial or after a quotation mark"
    words = re.findall(r"[^\W\d_][\w’'-]*", other_passage)
    for w in words:
        if len(w) >= 4 and len(word) >= 4 and _similar(w, word):
            return (
                "the other version spells or inflects it differently (Macao/Macau, Griechenland/griechische)"
            )
    prev_word = re.search(r"([^\W\d_][\w’'-]*)[ \t]+$", own[max(0, s - 30) : s])
    next_word = re.match(r"[ \t]+([^\W\d_][\w’'-]*)", own[e : e + 30])
    run = any(m and m.group(1)[:1].isupper() for m in (prev_word, next_word))
    if (
        lang == "de"
        and word[0].isupper()
        and not word.isupper()
        and zipf(word, "de") >= 2.5
        and zipf(word, "en") < 2.0
    ):
        return "German common noun taken for a name"
    if lang == "en" and zipf(word.lower(), "en") >= 4.0 and run:
        return "capitalised common word in a title or the name of an event (“Working”, “Year”)"
    if word.isupper() and len(word) >= 2:
        return "acronym the other version spells out or drops (NHS, SAS, FOMO)"
    if run:
        return "one word of a multiword name (each word is a finding)"
    return "name the other version replaces (pronoun, title, adjective) or drops"


def _similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    if a.casefold() == b.casefold():
        return False
    return (
        SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= 0.7
        or a[:5].casefold() == b[:5].casefold()
    )


# --- kinds of change, reference vs MT --------------------------------------------------------

_WORD_RE = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")


def change_kinds(
    left: str,
    right: str,
    lspan: tuple[int, int],
    rspan: tuple[int, int],
    lang: str,
    sentence_starts: set[int],
) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each token and whitespace run of the right side of one change."""
    a = left[lspan[0] : lspan[1]]
    b = right[rspan[0] : rspan[1]]
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"\s+", b):
        out.append((rspan[0] + m.start(), rspan[0] + m.end(), "whitespace"))
    ltoks = [t.casefold() for t in _WORD_RE.findall(a)]
    rtoks = list(_WORD_RE.finditer(b))
    bag = Counter(ltoks)
    case_only = a.strip() and a.strip().casefold() == b.strip().casefold()
    rwords = [m.group() for m in rtoks if m.group()[0].isalnum()]
    lwords = [t for t in ltoks if t[0].isalnum()]
    inflection = (
        not case_only
        and rwords
        and len(rwords) == len(lwords)
        and all(_same_stem(x.casefold(), y) for x, y in zip(rwords, lwords, strict=False))
    )
    fw = function_words(lang)
    for m in rtoks:
        tok = m.group()
        s, e = rspan[0] + m.start(), rspan[0] + m.end()
        if case_only:
            kind = "case only"
        elif bag.get(tok.casefold(), 0) > 0:
            bag[tok.casefold()] -= 1
            kind = "equal word merged into the change"
        elif inflection:
            kind = "inflection only"
        elif not tok[0].isalnum():
            kind = "punctuation"
        elif any(ch.isdigit() for ch in tok):
            kind = "number"
        elif tok.casefold() in NEGATIONS.get(lang, set()):
            kind = "negation"
        elif (
            tok[0].isupper()
            and s not in sentence_starts
            and (lang != "de" or tok.isupper() or zipf(tok, "en") >= 2.0 or zipf(tok, "de") < 2.5)
        ):
            kind = "name (capitalised mid-sentence)"
        elif tok.casefold() in fw:
            kind = "function word"
        else:
            z = zipf(tok.casefold(), lang)
            band = "< 3" if z < 3 else "3-4" if z < 4 else "4-5" if z < 5 else ">= 5"
            kind = f"content word, zipf {band}"
        out.append((s, e, kind))
    return out


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= 0.6 * min(len(a), len(b))


#: The kinds issue 10 calls strong: a name, number, negation or content word replaced, added or
#: dropped, and text present on one side only.
STRONG_KINDS = frozenset({"name (capitalised mid-sentence)", "number", "negation", "one-sided passage"})


def is_strong(kind: str) -> bool:
    return kind in STRONG_KINDS or kind.startswith("content word")


def lift_by_kind(jobs: Iterable[J.Job]) -> tuple[dict[str, list[int]], int, int]:
    """Per kind: [characters marked, of them in major errors]; all characters; all major ones
    (every character counted here, whitespace included, so that whitespace is a kind)."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    chars = majors = 0
    for job in jobs:
        lang = job.article.split("/")[1].split("-")[1]
        for m in job.mts:
            left, right, diff = m["left_text"], m["right_text"], m["diff"]
            major = bytearray(len(right))
            for s, e in m["major_spans"]:
                major[s:e] = b"\x01" * (min(e, len(right)) - s)
            chars += len(right)
            majors += sum(major)
            starts = {s for s, _ in diff["right"]["segments"]}
            for p in diff["passages"]:
                if p["kind"] == "right-only":
                    s, e = p["right"]
                    per["one-sided passage"][0] += e - s
                    per["one-sided passage"][1] += sum(major[s:e])
                for c in p["changes"]:
                    for s, e, kind in change_kinds(
                        left, right, tuple(c["left"]), tuple(c["right"]), lang, starts
                    ):
                        per[kind][0] += e - s
                        per[kind][1] += sum(major[s:e])
    return per, chars, majors


# --- report ---------------------------------------------------------------------------------


def tally(items: Iterable[tuple[str, str, str]], examples: int) -> None:
    """items: (group, pattern, example); prints counts and a few examples per pattern."""
    groups: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for g, pat, ex in items:
        groups[g][pat].append(ex)
    for g in sorted(groups, key=lambda g: -sum(len(v) for v in groups[g].values())):
        pats = groups[g]
        print(f"  {g}: {sum(len(v) for v in pats.values())}")
        for pat, exs in sorted(pats.items(), key=lambda kv: -len(kv[1])):
            shown = "; ".join(dict.fromkeys(exs))  # distinct examples, in order
            sample = " | ".join(list(dict.fromkeys(exs))[:examples])
            del shown
            print(f"      {len(exs):4d}  {pat}: {sample}")


def main(argv: list[str]) -> int:
    examples = 3
    if "--examples" in argv:
        examples = int(argv[argv.index("--examples") + 1])
    J.require_data()
    jobs = J.run_articles(articles_in(FIT), keep=True)
    print(f"== failure analysis on the {FIT} part: {len(jobs)} articles")

    print("\nA. check on professional translations, by rule and pattern")
    items = []
    for j in jobs:
        folder = DATA / j.article
        source = J._engine.read_text(next(folder.glob("source.*.txt")))
        for c in j.checks:
            text = J._engine.read_text(folder / c["file"])
            for f, pat in zip(c["findings"], version_patterns(text, c["findings"], source), strict=False):
                items.append((f["rule"], pat, ctx(text, f["start"], f["end"])))
    tally(items, examples)

    number_items: list[tuple[str, str, str]] = []
    name_items: list[tuple[str, str, str]] = []
    for kind in ("source-translation", "two-translations"):
        print(f"\nB. diff, {kind}: by rule and pattern")
        items = []
        for j in jobs:
            for p in (p for p in j.pairs if p["kind"] == kind):
                d = p["diff"]
                texts = {"left": p["left_text"], "right": p["right_text"]}
                langs = {s: d[s]["language"].split("-")[0] for s in ("left", "right")}
                version = {}
                source = J._engine.read_text(next((DATA / j.article).glob("source.*.txt")))
                for side in ("left", "right"):
                    mine = [f for f in p["findings"] if f["side"] == side and f.get("scope") != "cross"]
                    version.update(
                        zip(map(id, mine), version_patterns(texts[side], mine, source), strict=False)
                    )
                for f in p["findings"]:
                    own = texts[f["side"]]
                    other_side = "right" if f["side"] == "left" else "left"
                    ps = d["passages"][f["passage"]] if f["passage"] is not None else None
                    other = texts[other_side][ps[other_side][0] : ps[other_side][1]] if ps else ""
                    if f["rule"] == "number-mismatch":
                        pat = number_cause(f, own, other, langs[f["side"]], langs[other_side])
                        number_items.append(
                            (f"{kind}, {j.article.split('/')[1]}", pat, ctx(own, f["start"], f["end"]))
                        )
                    elif f["rule"] == "name-mismatch":
                        pat = name_pattern(f, own, other, langs[f["side"]])
                        name_items.append(
                            (f"{kind}, {langs[f['side']]}", pat, ctx(own, f["start"], f["end"]))
                        )
                    elif id(f) in version and version[id(f)] != "as reported":
                        pat = version[id(f)]
                    elif f["rule"] == "quotation-count":
                        pat = "quotation counted differently (a multi-paragraph quote, or reported speech)"
                    else:
                        pat = "as reported"
                    items.append((f"{f['rule']} ({f['severity']})", pat, ctx(own, f["start"], f["end"])))
        tally(items, examples)

    print("\nC. number-mismatch: what the number normaliser did not read (both kinds of pair)")
    tally(number_items, examples)
    print("\nD. name-mismatch: what was taken for a name")
    tally(name_items, examples)

    print("\nE. reference vs MT: lift of the marks by kind of change (all characters, whitespace included)")
    per, chars, majors = lift_by_kind(jobs)
    base = majors / chars
    marked = sum(v[0] for v in per.values())
    print(
        f"  MT characters {chars}, {majors / chars:.3f} of them in major errors; {marked / chars:.3f} marked"
    )
    print(f"  {'kind':38s} {'share pts':>9s} {'lift':>5s}   (zipf: wordfreq's log frequency of the word)")
    for kind, (n, mj) in sorted(per.items()):
        print(f"  {kind:38s} {100 * n / chars:9.1f} {mj / n / base if n else 0:5.2f}")
    for label, kinds in (("strong as issue 10 defines it", STRONG_KINDS), ("all the rest (weak)", None)):
        chosen = [v for k, v in per.items() if is_strong(k) == (kinds is not None)]
        n, mj = sum(v[0] for v in chosen), sum(v[1] for v in chosen)
        print(
            f"  {label:38s} {100 * n / chars:9.1f} {mj / n / base if n else 0:5.2f}"
            f"   (covers {mj / majors:.3f} of major-error characters)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
