"""Model-free sentence alignment across languages (or between two translations).

:func:`align_bilingual` pairs the sentences of two texts that say the same thing, for
instance a German article and its French edition, or a machine translation and a human
one. It needs no model and no network: it combines

* sentence lengths in characters (the Gale–Church cost, with the length ratio of the two
  documents as its slope), and
* *anchors* that survive translation, weighted by their rarity in the document (idf):
  numbers, names and other words that share a 4–5 letter prefix once lowercased and
  stripped of accents (cognates: *Expedition*/*expédition*, *Manaslu*/*Manaslu*),
  punctuation (question and exclamation marks, quotes, parentheses, colons), and — for
  the language pairs that have one — the translations of each word in a FreeDict word list
  (shipped with the package, or installed; see :mod:`compare.core.align.lexicon`).

A first, cheap pass chains the rarest anchors (those that occur once on each side) into a
monotone path; dynamic programming then searches a band around that path (not around the
diagonal: a run of captions with no counterpart can push the true path dozens of sentences
off the diagonal) and widens the band wherever the best path touches its edge. Time and
memory are linear in the length of the texts for a given band width. The search is the
same-language aligner's (:func:`compare.core.align.same_language.band_search`); only the
price of a bead differs.

Beads are 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1, 1-5 and 5-1. A bead
that joins sentences across a paragraph boundary costs more; a short piece of a merge that
shares nothing with the other side pays what it would cost alone (a caption stays a bead of
its own), and a bead of two or more sentences a side that splits into two beads keeping its
matches and its length fit is refused (two 1-1s are not one 2-2).

:func:`align_bilingual_with_evidence` also says which word lists the alignment used
(:class:`compare.core.align.evidence.Evidence`).

The module also holds the scoring used by the tests and the benchmark: :func:`parse_beads`
reads the ``[0, 1]:[2]`` one-bead-a-line format and :func:`strict_f1` computes the strict
precision, recall and F1 of Thompson & Koehn (2019).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from compare.core.align.evidence import CROSS_LANGUAGE, Evidence, LexiconUse
from compare.core.align.lexicon import Lexicon, iso3, load_lexicon
from compare.core.align.same_language import Bead, band_search
from compare.core.text.patterns import lazy_compile
from compare.core.text.scripts import CJK as _CJK

__all__ = [
    "Bead",
    "align_bilingual",
    "align_bilingual_with_evidence",
    "guess_language",
    "parse_beads",
    "strict_f1",
]

# ----------------------------------------------------------------------------- tokens

_TOKEN = lazy_compile(
    rf"(?P<cjk>[{_CJK}])"
    r"|(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,:'’]\d+)*)"
    rf"|(?P<word>(?:(?![{_CJK}])[^\W\d_])+)"
    r"|(?P<punct>[?¿!¡()\[\]\"«»“”„‟‹›:;%§€$£¥])"
)
_PUNCT_KEY = {
    "?": "?", "¿": "?", "!": "!", "¡": "!", "(": "(", ")": "(", "[": "(", "]": "(",
    '"': '"', "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "‹": '"', "›": '"',
    ":": ":", ";": ";", "%": "%", "§": "§", "€": "$", "$": "$", "£": "$", "¥": "$",
}  # fmt: skip

_STOPWORDS = {
    "de": "der die das und ist nicht mit von den dem des ein eine zu auf sich auch wir ich "
    "im für wie aus bei nach noch werden wird sind war hat dass oder aber",
    "fr": "le la les et est une des du dans que qui pour pas sur au ne se il elle avec "
    "par plus ce cette sont été aux ont mais ou nous vous",
    "en": "the and is of to in that it for was with as on are be by this have from or "
    "not which at but they were has had an",
    "es": "el la los las y es que en un una por con para del se no su al lo como más pero",
    "it": "il la le gli e è che di un una per con non del della si sono al da ma come",
    "nl": "de het een en is van dat niet met op te zijn voor die er maar ook als bij",
}
_STOP = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}

# German and French/English endings tried, longest first, to find a dictionary headword.
_SUFFIXES = {
    "deu": ("ungen", "ern", "en", "er", "es", "em", "e", "n", "s"),
    "fra": ("aient", "ait", "ées", "ée", "és", "es", "er", "é", "s", "x", "e"),
    "eng": ("ing", "ies", "ed", "es", "s"),
}
_LINKS = ("", "s", "n", "en", "es", "er", "e")  # German compound linking elements


def _fold(text: str) -> str:
    """Lowercase ``text`` and strip its accents (``Übergang`` → ``ubergang``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Token:
    kind: str  # "cjk", "num", "word" or "punct"
    text: str


def _tokens(sentence: str) -> list[_Token]:
    return [_Token(m.lastgroup or "word", m.group()) for m in _TOKEN.finditer(sentence)]


def guess_language(sentences: Sequence[str]) -> str | None:
    """Guess a two-letter language code from stop words, or ``None`` when unsure.

    Only meant to pick a dictionary: it knows German, French, English, Spanish, Italian
    and Dutch, and Chinese/Japanese/Korean by script.
    """
    counts: Counter[str] = Counter()
    cjk = letters = 0
    for sentence in sentences[:2000]:
        for token in _tokens(sentence):
            if token.kind == "cjk":
                cjk += 1
            elif token.kind == "word":
                letters += len(token.text)
                word = token.text.lower()
                for lang, stop in _STOP.items():
                    if word in stop:
                        counts[lang] += 1
    if cjk > letters:
        return None
    if not counts:
        return None
    (best, top), *rest = [*counts.most_common(2), ("", 0)]
    return best if top >= 3 and top >= 1.5 * rest[0][1] else None


# ----------------------------------------------------------------------------- features


@dataclass(frozen=True)
class _Params:
    """Tuning of the aligner (fitted on the Text+Berg dev document; see bench/)."""

    prefix: int = 5  # letters of a word kept as its cognate key
    min_word: int = 4  # shorter words are not keys (CJK characters always are)
    min_source: int = 4  # shorter words are not looked up in the dictionary
    max_translations: int = 3  # words with more translations are too vague to help
    width: int = 8  # initial half-width of the band around the anchor path
    skip: float = 1.0  # cost of leaving one sentence unaligned (plus its unmatched keys)
    unmatched: float = 2.2  # cost of the unmatched keys of an average sentence
    length: float = 0.25  # weight of the Gale–Church length cost
    variance: float = 6.8  # Gale–Church variance per character
    paragraph: float = 1.5  # extra cost per paragraph boundary inside a bead
    tiny: float = 0.1  # a sentence under this share of its side's average length is a fragment
    fragment: float = 0.3  # ... and one under this share that does not end like a sentence
    split_keep: float = 0.9  # refuse an n-m bead whose best split keeps this share of its matches
    split_slack: float = 0.5


_P = _Params()

_BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2),
    (1, 4), (4, 1), (1, 5), (5, 1),
)  # fmt: skip
_PRIOR = {
    (1, 1): 0.0, (1, 0): 0.0, (0, 1): 0.0, (2, 1): 0.6, (1, 2): 0.6, (2, 2): 1.4,
    (1, 3): 1.4, (3, 1): 1.4, (2, 3): 2.2, (3, 2): 2.2, (1, 4): 2.4, (4, 1): 2.4,
    (1, 5): 3.2, (5, 1): 3.2,
}  # fmt: skip
_MAX_SPAN = 5
_SENTENCE_END = re.compile(r"[.!?;:…。！？»”\"']\s*$")
_SHAPES = [(a, b, _PRIOR[(a, b)]) for a, b in _BEADS]


def _word_key(word: str, params: _Params) -> str | None:
    """Return the cognate key of a word: ``w`` + its first letters, folded; or ``None``."""
    key = _WORD_KEYS.get((word, params.prefix, params.min_word), "")
    if key == "":
        folded = _fold(word)
        key = None if len(folded) < params.min_word else "w" + folded[: params.prefix]
        if len(_WORD_KEYS) > 200_000:
            _WORD_KEYS.clear()
        _WORD_KEYS[(word, params.prefix, params.min_word)] = key
    return key


_WORD_KEYS: dict[tuple[str, int, int], str | None] = {}


def _lookup(word: str, lexicon: Lexicon, lang: str | None) -> frozenset[str]:
    """Return dictionary translations of ``word`` (lowercase), trying stems and compounds."""
    if word in lexicon:
        return lexicon.get(word)
    for suffix in _SUFFIXES.get(lang or "", ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if stem in lexicon:
                return lexicon.get(stem)
    if lang == "deu" and len(word) >= 8:  # compound: translate its head (the last part)
        for cut in range(3, len(word) - 3):
            head = word[cut:]
            if head in lexicon:
                return lexicon.get(head)
            for suffix in _SUFFIXES["deu"]:
                if head.endswith(suffix) and head[: -len(suffix)] in lexicon:
                    return lexicon.get(head[: -len(suffix)])
    return frozenset()


def _sentence_keys(
    sentence: str,
    lexicon: Lexicon | None,
    lang: str | None,
    params: _Params,
    memo: dict[str, tuple[str, ...]],
) -> tuple[set[str], set[str]]:
    """Return (own keys, dictionary keys) of one sentence."""
    own: set[str] = set()
    translated: set[str] = set()
    for token in _tokens(sentence):
        if token.kind == "word":
            key = _word_key(token.text, params)
            if key is not None:
                own.add(key)
            if lexicon is not None and len(token.text) >= params.min_source:
                lower = token.text.lower()
                keys = memo.get(lower)
                if keys is None:
                    found = _lookup(lower, lexicon, lang)
                    if len(found) > params.max_translations:
                        found = frozenset()
                    keys = tuple(sorted({k for w in found if (k := _word_key(w, params)) is not None}))
                    memo[lower] = keys
                translated.update(keys)
        elif token.kind == "num":
            own.add("#" + (re.sub(r"\D", "", token.text).lstrip("0") or "0"))
        elif token.kind == "cjk":
            own.add("c" + token.text)
        else:
            own.add("p" + _PUNCT_KEY.get(token.text, token.text))
    return own, translated - own


class _Side:
    """One text: key-id sets, idf weights, lengths and paragraph breaks of every span.

    ``spans[a - 1][i]`` holds the key ids of sentences ``i .. i + a - 1``, ``weight`` their
    total idf, ``span_len`` their length in characters and ``breaks`` the number of
    paragraph boundaries inside the span.
    """

    def __init__(
        self,
        sentences: Sequence[str],
        paragraphs: Sequence[int] | None,
        singles: list[frozenset[int]],
        idf: list[float],
    ) -> None:
        self.n = len(sentences)
        self.lengths = [max(1, len("".join(s.split()))) for s in sentences]
        # Captions, credits and headings do not end like a sentence.
        self.ended = [bool(_SENTENCE_END.search(s)) for s in sentences]
        pars = [0] * self.n if paragraphs is None or len(paragraphs) != self.n else list(paragraphs)
        self.spans: list[list[frozenset[int]]] = []
        self.weight: list[list[float]] = []
        self.span_len: list[list[int]] = []
        self.breaks: list[list[int]] = []
        for a in range(1, _MAX_SPAN + 1):
            count = max(0, self.n - a + 1)
            spans = singles if a == 1 else [self.spans[a - 2][i] | singles[i + a - 1] for i in range(count)]
            self.spans.append(spans)
            self.weight.append([sum([idf[k] for k in keys]) for keys in spans])
            self.span_len.append([sum(self.lengths[i : i + a]) for i in range(count)])
            self.breaks.append(
                [sum(pars[t] != pars[t + 1] for t in range(i, i + a - 1)) for i in range(count)]
            )


def _lexicons(
    left: Sequence[str],
    right: Sequence[str],
    left_lang: str | None,
    right_lang: str | None,
) -> tuple[tuple[Lexicon | None, str | None], tuple[Lexicon | None, str | None]]:
    """Pick the FreeDict lexicons (left→right, right→left) for the two languages."""
    ll = iso3(left_lang or guess_language(left))
    rl = iso3(right_lang or guess_language(right))
    if ll is None or rl is None or ll == rl:
        return (None, ll), (None, rl)
    return (load_lexicon(ll, rl), ll), (load_lexicon(rl, ll), rl)


def _build(
    left: Sequence[str],
    right: Sequence[str],
    left_par: Sequence[int] | None,
    right_par: Sequence[int] | None,
    left_lang: str | None,
    right_lang: str | None,
    params: _Params,
    use_dictionary: bool,
) -> tuple[_Side, _Side, list[float], list[tuple[int, int, float]], tuple[LexiconUse, ...]]:
    """Turn both texts into weighted key sets.

    Returns the two sides, the idf of every shared key id, the word lists used, and the anchor points
    ``(i, j, weight)`` for the first pass: sentences that share a rare key occurring
    equally often on both sides, its k-th occurrence on the left paired with its k-th
    occurrence on the right.
    """
    setups = _lexicons(left, right, left_lang, right_lang) if use_dictionary else ((None, None), (None, None))
    used = tuple(
        LexiconUse(lexicon.pair[0], lexicon.pair[1], lexicon.origin)  # type: ignore[attr-defined]
        for lexicon, _ in setups
        if lexicon is not None
    )
    raw: list[list[tuple[set[str], set[str]]]] = []
    for sentences, (lexicon, lang) in zip((left, right), setups, strict=True):
        memo: dict[str, tuple[str, ...]] = {}
        raw.append([_sentence_keys(s, lexicon, lang, params, memo) for s in sentences])

    # Document frequencies per side; only keys seen on both sides can ever match.
    df: list[Counter[str]] = []
    for side in raw:
        counter: Counter[str] = Counter()
        for own, translated in side:
            counter.update(own)
            counter.update(translated)
        df.append(counter)
    shared = sorted(k for k in df[0] if k in df[1])
    ids = {k: i for i, k in enumerate(shared)}
    total = len(left) + len(right) + 1
    idf = [math.log(total / (df[0][k] + df[1][k])) + 0.1 for k in shared]

    singles: list[list[frozenset[int]]] = []
    places: list[dict[int, list[int]]] = []
    cap = max(3, total // 100)
    for keyed in raw:
        side_singles = []
        side_places: dict[int, list[int]] = {}
        for pos, (own, translated) in enumerate(keyed):
            side_singles.append(frozenset(ids[k] for k in own | translated if k in ids))
            for k in own:
                if k[0] != "p" and k in ids and df[0][k] == df[1][k] <= cap:
                    side_places.setdefault(ids[k], []).append(pos)
        singles.append(side_singles)
        places.append(side_places)
    ls = _Side(left, left_par, singles[0], idf)
    rs = _Side(right, right_par, singles[1], idf)

    anchors: dict[tuple[int, int], float] = {}
    for kid, lpos in places[0].items():
        rpos = places[1].get(kid)
        if rpos is None or len(rpos) != len(lpos):
            continue
        for i, j in zip(lpos, rpos, strict=True):
            anchors[(i, j)] = anchors.get((i, j), 0.0) + idf[kid]
    points = [(i, j, w) for (i, j), w in sorted(anchors.items())]
    return ls, rs, idf, points, used


# ----------------------------------------------------------------------------- band


def _anchor_chain(points: list[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """Return the heaviest chain of points increasing in both coordinates (Fenwick tree)."""
    size = m + 2
    tree_val = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    best = [0.0] * len(points)
    prev = [-1] * len(points)
    k = 0
    while k < len(points):
        end = k
        while end < len(points) and points[end][0] == points[k][0]:
            end += 1
        for t in range(k, end):  # query strictly smaller j among strictly smaller i
            _, j, w = points[t]
            pos, val, arg = j, 0.0, -1  # prefix max over 1..j (j' < j, shifted by one)
            while pos > 0:
                if tree_val[pos] > val:
                    val, arg = tree_val[pos], tree_arg[pos]
                pos -= pos & -pos
            best[t], prev[t] = val + w, arg
        for t in range(k, end):
            pos = points[t][1] + 1
            while pos <= size:
                if best[t] > tree_val[pos]:
                    tree_val[pos], tree_arg[pos] = best[t], t
                pos += pos & -pos
        k = end
    if not points:
        return []
    t = max(range(len(points)), key=lambda x: (best[x], -x))
    chain = []
    while t >= 0:
        chain.append((points[t][0], points[t][1]))
        t = prev[t]
    return chain[::-1]


def _band(n: int, m: int, chain: list[tuple[int, int]], width: list[int]) -> tuple[list[int], list[int]]:
    """Return per-row bounds ``lo[i] <= j <= hi[i]`` around the anchor chain.

    The centre of row ``i`` is interpolated between the anchors that frame it; rows are
    then made monotone and overlapping so that every band path can reach ``(n, m)``.
    """
    # An anchor (i, j) puts sentences i and j in one bead: the path passes near the
    # corners (i, j) and (i + 1, j + 1) of that cell.
    knots = [(0, 0)]
    for i, j in chain:
        for x, y in ((i, j), (i + 1, j + 1)):
            if knots[-1][0] <= x <= n and knots[-1][1] <= y <= m and (x, y) != knots[-1]:
                knots.append((x, y))
    if knots[-1] != (n, m):
        knots.append((n, m))
    xs = [i for i, _ in knots]
    lo = [0] * (n + 1)
    hi = [0] * (n + 1)
    for i in range(n + 1):
        t = min(bisect_right(xs, i), len(knots) - 1)
        (i0, j0), (i1, j1) = knots[t - 1], knots[t]
        centre = j0 if i1 == i0 else j0 + (j1 - j0) * (i - i0) / (i1 - i0)
        lo[i] = max(0, math.floor(centre) - width[i])
        hi[i] = min(m, math.ceil(centre) + width[i])
    for x, y in knots:  # a row holding several knots (a jump) spans all of them
        lo[x] = max(0, min(lo[x], y - width[x]))
        hi[x] = min(m, max(hi[x], y + width[x]))
    lo[0], hi[n] = 0, m
    for i in range(n - 1, -1, -1):  # lo non-decreasing: lower earlier rows
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):  # hi non-decreasing: raise later rows
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(n):  # consecutive rows overlap, so 0-1 beads can cross any jump
        hi[i] = max(hi[i], lo[i + 1])
    return lo, hi


# ----------------------------------------------------------------------------- search


def _search(
    ls: _Side,
    rs: _Side,
    idf: list[float],
    lo: list[int],
    hi: list[int],
    params: _Params,
) -> list[tuple[int, int, int, int]]:
    """Run the banded dynamic programme; return the best path as (i, j, a, b) beads.

    The cost of a bead joining ``a`` left and ``b`` right sentences is the idf weight of
    the keys found on one side only (``(1 - dice) * total``), scaled so that an average
    sentence counts ``params.unmatched``; plus the Gale–Church length cost per sentence;
    plus a prior for the bead shape and a penalty per paragraph boundary it spans. A
    sentence left unaligned costs ``params.skip`` plus its own unmatched weight.

    Two rules keep beads from growing past the evidence (issue 11): a short piece of a
    merged side that shares no key with the other side (a caption, a fragment) pays the
    skip it would cost on its own, and a bead of >= 2 sentences a side is refused when a
    split of it into two consecutive beads keeps ``params.split_keep`` of its matched
    weight.
    """
    n, m = ls.n, rs.n
    ratio = sum(rs.lengths) / sum(ls.lengths)
    mean_weight = (sum(ls.weight[0]) + sum(rs.weight[0])) / (n + m)
    unm = params.unmatched / mean_weight if mean_weight > 0 else 0.0
    skip, wlen, wpar, var = params.skip, params.length, params.paragraph, params.variance
    keep, fragment, slack = params.split_keep, params.fragment, params.split_slack
    erfc, log, sqrt = math.erfc, math.log, math.sqrt
    half_wlen = 0.5 * wlen
    lspans, rspans, lweight, rweight = ls.spans, rs.spans, ls.weight, rs.weight
    llen, rlen, lbreaks, rbreaks = ls.span_len, rs.span_len, ls.breaks, rs.breaks
    inf = math.inf
    # A fragment: a sentence under ``tiny`` times its side's average length, or under
    # ``fragment`` times it if it does not end like a sentence (a caption, a credit).
    lmean, rmean = sum(ls.lengths) / n, sum(rs.lengths) / m
    lfrag = [
        x < params.tiny * lmean or (x < fragment * lmean and not e)
        for x, e in zip(ls.lengths, ls.ended, strict=False)
    ]
    rfrag = [
        x < params.tiny * rmean or (x < fragment * rmean and not e)
        for x, e in zip(rs.lengths, rs.ended, strict=False)
    ]

    def weight(keys: frozenset[int]) -> float:
        return sum([idf[k] for k in keys]) if keys else 0.0

    def lengths(i: int, j: int, a: int, b: int) -> float:
        """The Gale–Church cost of the lengths of a bead with both sides non-empty."""
        l1 = llen[a - 1][i]
        l2 = rlen[b - 1][j] / ratio
        p = erfc(abs(l2 - l1) / sqrt(var * (l1 + l2)))  # erfc(delta / sqrt 2), delta on var * mean
        return (a + b) * half_wlen * (-log(p) if p > 1e-12 else 27.6)

    def cost(i: int, j: int, a: int, b: int, limit: float) -> float:
        if not a:
            return skip * b + unm * rweight[b - 1][j]
        if not b:
            return skip * a + unm * lweight[a - 1][i]
        lw, rw = lweight[a - 1][i], rweight[b - 1][j]
        gap = lw - rw if lw > rw else rw - lw
        c = unm * gap
        if a > 1 or b > 1:
            c += wpar * (lbreaks[a - 1][i] + rbreaks[b - 1][j])
        if c >= limit:  # a lower bound: at best every key of the lighter side matches
            return c
        left_keys, right_keys = lspans[a - 1][i], rspans[b - 1][j]
        inter = left_keys & right_keys
        shared = sum([idf[k] for k in inter]) if inter else 0.0
        c += unm * (lw + rw - 2 * shared - gap)
        if c >= limit:
            return c
        l1 = llen[a - 1][i]
        l2 = rlen[b - 1][j] / ratio
        p = erfc(abs(l2 - l1) / sqrt(var * (l1 + l2)))
        length = (a + b) * half_wlen * (-log(p) if p > 1e-12 else 27.6)
        c += length
        if c >= limit or (a == 1 and b == 1):
            return c
        # A fragment that matches nothing on the other side rides along for the price of a
        # merge; make it pay what leaving it alone would cost.
        if a > 1:
            for x in range(i, i + a):
                if lfrag[x] and not lspans[0][x] & right_keys:
                    c += skip
        if b > 1:
            for x in range(j, j + b):
                if rfrag[x] and not rspans[0][x] & left_keys:
                    c += skip
        if c >= limit or a == 1 or b == 1:
            return c
        for k in range(1, a):
            for t in range(1, b):
                kept = weight(lspans[k - 1][i] & rspans[t - 1][j]) + weight(
                    lspans[a - k - 1][i + k] & rspans[b - t - 1][j + t]
                )
                if (
                    kept >= keep * shared
                    and lengths(i, j, k, t) + lengths(i + k, j + t, a - k, b - t) <= length + slack
                ):
                    return inf  # two beads joined: the search prices the split instead
        return c

    alone = ([skip + unm * w for w in lweight[0]], [skip + unm * w for w in rweight[0]])
    path = band_search(n, m, lo, hi, _SHAPES, cost, alone)
    assert path is not None  # _band keeps a path from (0, 0) to (n, m) in the band
    return path


def align_bilingual(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_paragraphs: Sequence[int] | None = None,
    right_paragraphs: Sequence[int] | None = None,
    left_lang: str | None = None,
    right_lang: str | None = None,
    use_dictionary: bool = True,
) -> list[Bead]:
    """Align the sentences of two texts that translate each other; return the beads.

    ``left`` and ``right`` are lists of sentences. ``left_paragraphs`` and
    ``right_paragraphs`` give the paragraph index of each sentence (non-decreasing); a bead
    that spans a paragraph boundary costs more. ``left_lang`` and ``right_lang`` are
    language codes (``"de"``, ``"fra"``...); they only select the word lists and are
    guessed when missing. ``use_dictionary=False`` uses no word list.

    The beads cover every left index and every right index exactly once, in order; no bead
    is empty on both sides. The result is deterministic.
    """
    return align_bilingual_with_evidence(
        left,
        right,
        left_paragraphs=left_paragraphs,
        right_paragraphs=right_paragraphs,
        left_lang=left_lang,
        right_lang=right_lang,
        use_dictionary=use_dictionary,
    )[0]


def align_bilingual_with_evidence(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_paragraphs: Sequence[int] | None = None,
    right_paragraphs: Sequence[int] | None = None,
    left_lang: str | None = None,
    right_lang: str | None = None,
    use_dictionary: bool = True,
) -> tuple[list[Bead], Evidence]:
    """:func:`align_bilingual`, and the evidence it used (which word lists, if any)."""
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)], Evidence(CROSS_LANGUAGE)
    params = _P
    ls, rs, idf, points, used = _build(
        left,
        right,
        left_paragraphs,
        right_paragraphs,
        left_lang,
        right_lang,
        params,
        use_dictionary,
    )
    chain = _anchor_chain(points, m)
    width = [params.width] * (n + 1)
    limit = max(n, m)
    while True:
        lo, hi = _band(n, m, chain, width)
        path = _search(ls, rs, idf, lo, hi, params)
        # Where the best path runs along the edge of the band, the band may have cut off a
        # better one: widen it there (doubling) and search again.
        touched = [i for i, j, _a, _b in path if (j <= lo[i] and lo[i] > 0) or (j >= hi[i] and hi[i] < m)]
        grown = False
        for i in touched:
            reach = 2 * width[i]
            for r in range(max(0, i - reach), min(n, i + reach) + 1):
                if width[r] < limit:
                    width[r] = min(limit, 2 * width[r])
                    grown = True
        if not grown:
            break
    beads = [(tuple(range(i, i + a)), tuple(range(j, j + b))) for i, j, a, b in path]
    return beads, Evidence(CROSS_LANGUAGE, used)


# ----------------------------------------------------------------------------- scoring


def parse_beads(text: str) -> list[Bead]:
    """Parse one bead a line, ``[0, 1]:[2]`` (Vecalign format; ``[]`` is an empty side)."""
    beads: list[Bead] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        left, _, right = line.partition(":")
        beads.append((_ids(left), _ids(right)))
    return beads


def _ids(part: str) -> tuple[int, ...]:
    inner = part.strip().strip("[]").strip()
    return tuple(int(x) for x in inner.split(",")) if inner else ()


def strict_f1(predicted: Sequence[Bead], gold: Sequence[Bead]) -> tuple[float, float, float]:
    """Return (precision, recall, F1) of exact bead matches, as in Vecalign's scorer.

    Precision counts every predicted bead; recall counts only the gold beads with both
    sides non-empty. Empty inputs score 0.
    """
    pred = {(tuple(a), tuple(b)) for a, b in predicted}
    gold_set = {(tuple(a), tuple(b)) for a, b in gold}
    gold_full = {bead for bead in gold_set if bead[0] and bead[1]}
    hits_p = len(pred & gold_set)
    hits_r = len(pred & gold_full)
    precision = hits_p / len(pred) if pred else 0.0
    recall = hits_r / len(gold_full) if gold_full else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
