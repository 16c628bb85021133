"""Model-free sentence alignment across languages (or between two translations).

:func:`align_bilingual` pairs the sentences of two texts that say the same thing, for
instance a German article and its French edition, or a machine translation and a human
one. It needs no model and no network: it combines

* sentence lengths in characters (the Gale–Church cost, with the length ratio of the two
  documents as its slope), and
* *anchors* that survive translation, weighted by their rarity in the document (idf):
  numbers, names and other words that share a 4–5 letter prefix once lowercased and
  stripped of accents (cognates: *Expedition*/*expédition*, *Manaslu*/*Manaslu*),
  punctuation (question and exclamation marks, quotes, parentheses, colons), and — when
  FreeDict dictionaries are installed (see :mod:`compare.core.align.lexicon`) — the
  dictionary translations of each word.

A first, cheap pass chains the rarest anchors (those that occur once on each side) into a
monotone path; dynamic programming then searches a band around that path (not around the
diagonal: a run of captions with no counterpart can push the true path dozens of sentences
off the diagonal) and widens the band wherever the best path touches its edge. Time and
memory are linear in the length of the texts for a given band width.

Beads are 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4 and 4-1. A bead that joins
sentences across a paragraph boundary costs more.

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

from compare.core.align.lexicon import Lexicon, iso3, load_lexicon

__all__ = ["Bead", "align_bilingual", "guess_language", "parse_beads", "strict_f1"]

Bead = tuple[tuple[int, ...], tuple[int, ...]]
"""(left sentence indices, right sentence indices): each consecutive, possibly empty."""

# ----------------------------------------------------------------------------- tokens

_CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_TOKEN = re.compile(
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
    (best, top), *rest = counts.most_common(2) + [("", 0)]
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


_P = _Params()

_BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2),
    (1, 4), (4, 1),
)  # fmt: skip
_PRIOR = {
    (1, 1): 0.0, (1, 0): 0.0, (0, 1): 0.0, (2, 1): 0.6, (1, 2): 0.6, (2, 2): 1.4,
    (1, 3): 1.4, (3, 1): 1.4, (2, 3): 2.2, (3, 2): 2.2, (1, 4): 2.4, (4, 1): 2.4,
}  # fmt: skip
_MAX_SPAN = 4


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
        if paragraphs is None or len(paragraphs) != self.n:
            pars = [0] * self.n
        else:
            pars = list(paragraphs)
        self.spans: list[list[frozenset[int]]] = []
        self.weight: list[list[float]] = []
        self.span_len: list[list[int]] = []
        self.breaks: list[list[int]] = []
        for a in range(1, _MAX_SPAN + 1):
            count = max(0, self.n - a + 1)
            if a == 1:
                spans = singles
            else:
                spans = [self.spans[a - 2][i] | singles[i + a - 1] for i in range(count)]
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
) -> tuple[_Side, _Side, list[float], list[tuple[int, int, float]]]:
    """Turn both texts into weighted key sets.

    Returns the two sides, the idf of every shared key id, and the anchor points
    ``(i, j, weight)`` for the first pass: sentences that share a rare key occurring
    equally often on both sides, its k-th occurrence on the left paired with its k-th
    occurrence on the right.
    """
    if use_dictionary:
        setups = _lexicons(left, right, left_lang, right_lang)
    else:
        setups = ((None, None), (None, None))
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
    return ls, rs, idf, points


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
    """
    n, m = ls.n, rs.n
    inf = math.inf
    ratio = sum(rs.lengths) / sum(ls.lengths)
    mean_weight = (sum(ls.weight[0]) + sum(rs.weight[0])) / (n + m)
    unm = params.unmatched / mean_weight if mean_weight > 0 else 0.0
    skip, wlen, wpar, var = params.skip, params.length, params.paragraph, params.variance
    erfc, log, sqrt = math.erfc, math.log, math.sqrt
    beads = [(a, b, _PRIOR[(a, b)]) for a, b in _BEADS]
    lspans, rspans, lweight, rweight = ls.spans, rs.spans, ls.weight, rs.weight
    llen, rlen, lbreaks, rbreaks = ls.span_len, rs.span_len, ls.breaks, rs.breaks
    cost: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        row_cost = [inf] * (row_hi - row_lo + 1)
        row_back = [-1] * (row_hi - row_lo + 1)
        for j in range(row_lo, row_hi + 1):
            if i == 0 and j == 0:
                row_cost[0] = 0.0
                continue
            best, arg = inf, -1
            for t, (a, b, prior) in enumerate(beads):
                pi, pj = i - a, j - b
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                base = cost[pi][pj - lo[pi]] if a else row_cost[pj - row_lo]
                if base + prior >= best:
                    continue
                if a == 0:
                    c = base + skip * b + unm * rweight[b - 1][pj]
                elif b == 0:
                    c = base + skip * a + unm * lweight[a - 1][pi]
                else:
                    lw, rw = lweight[a - 1][pi], rweight[b - 1][pj]
                    c = base + prior + unm * (lw - rw if lw > rw else rw - lw)
                    if a > 1 or b > 1:
                        c += wpar * (lbreaks[a - 1][pi] + rbreaks[b - 1][pj])
                    if c >= best:  # a lower bound: at best every key of the lighter side matches
                        continue
                    inter = lspans[a - 1][pi] & rspans[b - 1][pj]
                    shared = 2 * sum([idf[k] for k in inter]) if inter else 0.0
                    c += unm * (lw + rw - shared - (lw - rw if lw > rw else rw - lw))
                    if c >= best:
                        continue
                    l1 = llen[a - 1][pi]
                    l2 = rlen[b - 1][pj] / ratio
                    delta = abs(l2 - l1) / sqrt(var * (l1 + l2) * 0.5)
                    p = erfc(delta * 0.7071067811865476)
                    c += (a + b) * 0.5 * wlen * (-log(p) if p > 1e-12 else 27.6)
                if c < best:
                    best, arg = c, t
            row_cost[j - row_lo] = best
            row_back[j - row_lo] = arg
        cost.append(row_cost)
        back.append(row_back)
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = _BEADS[back[i][j - lo[i]]]
        path.append((i - a, j - b, a, b))
        i, j = i - a, j - b
    return path[::-1]


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
    language codes (``"de"``, ``"fra"``...); they only select a FreeDict dictionary and are
    guessed when missing. ``use_dictionary=False`` ignores installed dictionaries.

    The beads cover every left index and every right index exactly once, in order; no bead
    is empty on both sides. The result is deterministic.
    """
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    params = _P
    ls, rs, idf, points = _build(
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
    return [(tuple(range(i, i + a)), tuple(range(j, j + b))) for i, j, a, b in path]


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
