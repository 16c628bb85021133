"""Sentence alignment: which sentences of one version correspond to which of the other.

The result is a list of *beads* ``(left indices, right indices)``, consecutive and in
order on both sides, covering every sentence once: 1-1, 1-2, 2-1, n-m, 1-0 and 0-1.

Same language (diff-based):
1. identical sentences are matched first by a sequence diff (difflib), which cuts the
   problem into small independent blocks;
2. inside a changed block, a dynamic programme chooses beads by the words they leave
   unmatched plus a small penalty per bead shape. A sentence cut in two by a stray
   period ("between Moscow and Russia. West.") becomes one 2-1 bead, since merging the
   fragment matches its words; an omitted sentence becomes 1-0 since it matches nothing.
3. large blocks are not searched whole: confident anchors (mutual best matches found
   through rare shared words) fix a path, and the programme runs in a narrow band
   around it, so time stays near linear.

Two rules keep beads from growing past what the texts say (issue 11):

* the split test: a bead with two or more sentences on each side is refused when a split
  of it into two consecutive beads keeps :data:`SPLIT_KEEP` of its matched weight (two
  1-1s joined match a few more words across their boundary, which is no evidence that
  they belong together); a phrase moved across a sentence end loses more than that in a
  split, so it stays one 2-2 bead;
* a sentence of a merged side that matches nothing pays what a bead of its own would
  cost, so a caption, a fragment or an "!" stays on its own.

The banded search itself (:func:`band_search`) is shared with the cross-language
aligner, which prices beads its own way. :class:`Evidence` says which aligner and which
dictionaries produced an alignment, and :func:`link` applies a manual correspondence.

Different languages are aligned by :mod:`compare.core.align.bilingual` (length and anchors).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

try:  # the dynamic programme compiled (_kernel.pyx), the same path as band_search below
    from compare.core.align import _kernel
except ImportError:  # not built (no compiler where it was installed): the Python one alone
    _kernel = None  # type: ignore[assignment]

Bead = tuple[tuple[int, ...], tuple[int, ...]]

# Bead shapes searched (left count, right count) and their fixed penalty (in words).
# Penalties are in units of an average word's weight.
SHAPES: dict[tuple[int, int], float] = {
    (1, 1): 0.0,
    (1, 0): 3.0,
    (0, 1): 3.0,
    (2, 1): 1.5,
    (1, 2): 1.5,
    (2, 2): 4.0,
    (3, 1): 3.0,
    (1, 3): 3.0,
    (3, 2): 3.0,
    (2, 3): 3.0,
    (4, 1): 3.0,
    (1, 4): 3.0,
}
FULL_DP_CELLS = 40_000  # blocks up to ~200 x 200 sentences are searched whole
BAND = 2  # half-width of the band around the anchor path in large blocks
LENGTH_WEIGHT = 2.0  # how much a length mismatch (Gale-Church) counts, in average words
LENGTH_CAP = 1.5  # at most this many times LENGTH_WEIGHT average words for a length mismatch
UNRELATED_SHARE = 0.1  # a merged piece matching less than this share of its words is unrelated
PARAGRAPH_BREAK = 2.0  # a bead that spans a paragraph break costs this many average words
ANCHOR_WINDOW = 40  # how far from the expected position an anchor is looked for
# A bead of >= 2 sentences a side is refused when its best split into two consecutive beads
# keeps this share of its matched weight. Chosen on the "fit" WMT articles (merged/dropped
# pairs, bench/align_wmt.py) together with the real n-m beads of the Text+Berg dev document
# (Google's French against the human one): 0.75-0.85 is best on the first, 0.85-0.9 on the
# second.
SPLIT_KEEP = 0.85
_QUANTUM = 4096.0  # weights are multiples of 1/4096: their sums are exact in any order


def _indexed(counts: Counter[str], names: dict[tuple[str, int], str] | None = None) -> frozenset[str]:
    """A multiset as a set: the second "the" of a sentence is "the\x002", and so on,
    so that set operations count repeated words correctly. ``names`` keeps one string for
    each repeat, shared by every set that holds it (a megabyte of news makes half a million
    of them: 30 MB when each set had its own)."""
    if names is None:
        repeats = [f"{word}\x00{k}" for word, n in counts.items() if n > 1 for k in range(2, n + 1)]
    else:
        repeats = []
        for word, n in counts.items():
            if n > 1:
                for k in range(2, n + 1):
                    name = names.get((word, k))
                    if name is None:
                        name = names[(word, k)] = f"{word}\x00{k}"
                    repeats.append(name)
    return frozenset(counts).union(repeats) if repeats else frozenset(counts)


_ALIGN_WORD = re.compile(r"[^\W_]+")


def word_counts(text: str) -> Counter[str]:
    """The words of a sentence, lower-cased, split at apostrophes and hyphens so that
    "l'Himalaya" and "l' Himalaya" (tokenized text) share their words."""
    return Counter(w.lower() for w in _ALIGN_WORD.findall(text))


def _shared(counts: Counter[str], seen: dict[str, str]) -> Counter[str]:
    """``counts`` with its words replaced by the first equal string met (less memory)."""
    return Counter({seen.setdefault(w, w): n for w, n in counts.items()})


def tokens(text: str) -> frozenset[str]:
    return _indexed(word_counts(text))


class _Units:
    """Word multisets of one side's sentences, with cached groups of consecutive ones."""

    def __init__(
        self,
        counts: Sequence[Counter[str]],
        lengths: Sequence[int] | None = None,
        paragraphs: Sequence[int] | None = None,
        sets: list[frozenset[str]] | None = None,
        names: dict[tuple[str, int], str] | None = None,
    ):
        self.counts = counts
        self.paragraphs = list(paragraphs) if paragraphs is not None else None
        self.names: dict[tuple[str, int], str] = {} if names is None else names
        self.sets = sets if sets is not None else [_indexed(c, self.names) for c in counts]
        # Characters in words, per sentence: translations keep lengths roughly in proportion.
        self.lengths = (
            list(lengths) if lengths is not None else [sum(len(w) * n for w, n in c.items()) for c in counts]
        )
        self._cache: dict[tuple[int, int], frozenset[str]] = {}

    def group(self, i: int, j: int) -> frozenset[str]:
        if j - i == 1:
            return self.sets[i]
        key = (i, j)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = _indexed(self._summed(range(i, j)), self.names)
        return got

    def group_without(self, i: int, j: int, k: int) -> frozenset[str]:
        """The group i:j less sentence k."""
        if k == i:
            return self.group(i + 1, j) if j - i > 1 else frozenset()
        if k == j - 1:
            return self.group(i, j - 1)
        return _indexed(self._summed(x for x in range(i, j) if x != k), self.names)

    def _summed(self, sentences: Iterable[int]) -> Counter[str]:
        """The word counts of ``sentences`` added up, words in the order ``Counter.update`` would
        put them (counted in C from ``elements()``: the update's Python loop was a tenth of the
        alignment)."""
        counts = self.counts
        return Counter(itertools.chain.from_iterable(counts[k].elements() for k in sentences))

    def sub(self, i: int, j: int) -> _Units:
        """Sentences i:j, sharing this side's word sets (not made again for each block)."""
        paragraphs = self.paragraphs[i:j] if self.paragraphs else None
        return _Units(self.counts[i:j], self.lengths[i:j], paragraphs, self.sets[i:j], self.names)

    def breaks(self, i: int, j: int) -> int:
        """Paragraph breaks inside the group i:j."""
        return self.paragraphs[j - 1] - self.paragraphs[i] if self.paragraphs and j - i > 1 else 0


Shape = tuple[int, int, float]
"""(left sentences, right sentences, fixed cost) of one bead shape."""


def band_search(
    n: int,
    m: int,
    lo: Sequence[int],
    hi: Sequence[int],
    shapes: Sequence[Shape],
    cost: Callable[[int, int, int, int, float], float],
    alone: tuple[Sequence[float], Sequence[float]],
) -> list[tuple[int, int, int, int]] | None:
    """Least-cost monotone path of beads from (0, 0) to (n, m) through allowed cells.

    Row ``i`` may use columns ``lo[i]..hi[i]`` (``lo[0] == 0``, ``hi[n] == m``).
    ``cost(i, j, a, b, limit)`` prices the bead of left ``i:i+a`` against right
    ``j:j+b`` on top of its shape's fixed cost; it may stop early and return any value
    >= ``limit`` once the bead cannot win (``math.inf`` refuses it). The 1-0 and 0-1 beads
    cost ``alone[0][i]`` and ``alone[1][j]`` instead (the most frequent beads to price, so
    they are looked up, not called). Ties go to the shape listed first. Returns the path as
    ``(i, j, a, b)`` beads, or ``None`` when the band holds no path. Both aligners search
    with it; they differ in how they price beads.
    """
    left_alone, right_alone = alone
    inf = math.inf
    costs: list[list[float]] = []
    backs: list[list[int]] = []
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        row_cost = [inf] * (row_hi - row_lo + 1)
        row_back = [-1] * (row_hi - row_lo + 1)
        for j in range(row_lo, row_hi + 1):
            if i == 0 and j == 0:
                row_cost[0] = 0.0
                continue
            best, arg = inf, -1
            for t, (a, b, fixed) in enumerate(shapes):
                pi, pj = i - a, j - b
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                c = (costs[pi][pj - lo[pi]] if a else row_cost[pj - row_lo]) + fixed
                if c >= best:
                    continue
                if not a and b == 1:
                    c += right_alone[pj]
                elif not b and a == 1:
                    c += left_alone[pi]
                else:
                    c += cost(pi, pj, a, b, best - c)
                if c < best:
                    best, arg = c, t
            row_cost[j - row_lo] = best
            row_back[j - row_lo] = arg
        costs.append(row_cost)
        backs.append(row_back)
    if not lo[n] <= m <= hi[n] or ((n or m) and backs[n][m - lo[n]] < 0):
        return None
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b, _ = shapes[backs[i][j - lo[i]]]
        path.append((i - a, j - b, a, b))
        i, j = i - a, j - b
    path.reverse()
    return path


def _anchor_band(
    left: _Units, right: _Units, i0: int, n: int, j0: int, m: int
) -> tuple[list[int], list[int]]:
    """A band around a path through confident matches (for large blocks).

    Walking down the left side, each sentence looks for its best match among right
    sentences near where the path is expected (found through the rarer words it
    shares with them); confident matches move the expectation along.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for j in range(m):
        for t in right.sets[j0 + j]:
            index[t].append(j)
    window = max(ANCHOR_WINDOW, abs(n - m) // 4)
    slope = m / n
    matches: list[tuple[int, int]] = []
    last_i, last_j = 0, 0
    for i in range(n):
        a = left.sets[i0 + i]
        if not a:
            continue
        expect = last_j + (i - last_i) * slope
        lo_j, hi_j = expect - window, expect + window
        cand: set[int] = set()
        # The five rarest words; equally rare ones in word order, so that the choice does
        # not depend on the order a set yields them in (PYTHONHASHSEED).
        for t in sorted(a, key=lambda t: (len(index.get(t, ())), t))[:5]:
            hits = index.get(t)
            if not hits:
                continue
            k0 = bisect.bisect_left(hits, lo_j)
            k1 = bisect.bisect_right(hits, hi_j)
            cand.update(hits[k0:k1])
        top, arg, arg_sim = -1.0, -1, 0.0
        for j in sorted(cand):
            b = right.sets[j0 + j]
            sim = 2 * len(a & b) / (len(a) + len(b))
            # Near the expected place wins over a slightly better match far away
            # (text that repeats, such as a recurring paragraph).
            score = sim - 0.01 * abs(j - expect)
            if score > top:
                top, arg, arg_sim = score, j, sim
        if arg >= 0 and arg_sim >= 0.5 and (not matches or arg > matches[-1][1]):
            matches.append((i, arg))
            last_i, last_j = i, arg
    return _band_around([(0, 0), *matches, (n, m)], n, m, BAND)


def _band_around(points: list[tuple[int, int]], n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """Rows' column ranges within ``width`` of the polyline through ``points``."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for (ai, aj), (bi, bj) in itertools.pairwise(points):
        for i in range(ai, bi + 1):
            if bi == ai:
                c0, c1 = aj, bj
            else:
                c = aj + (i - ai) * (bj - aj) / (bi - ai)
                c0, c1 = math.floor(c), math.ceil(c)
            lo[i] = min(lo[i], max(0, c0 - width))
            hi[i] = max(hi[i], min(m, c1 + width))
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # each row starts where the previous one can step down
        lo[i] = min(max(lo[i], lo[i - 1]), hi[i - 1])
        hi[i] = max(hi[i], lo[i])
    return lo, hi


class _Weights(dict[str, float]):
    """Word -> weight; a repeat ("the\x003") weighs as its word.

    ``unit`` is the weight of an average word, the unit of bead penalties.
    """

    unit: float = 1.0

    def __missing__(self, key: str) -> float:
        base = key.split("\x00", 1)[0]
        value = self[base] if base != key else 1.0
        self[key] = value
        return value


def _weights(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> _Weights:
    """Rarity of each word over both texts (inverse document frequency, sentences as
    documents), so that sharing "the" counts for little and sharing "Stoltenberg" a lot.

    A repeat weighs as its word: the twelfth "the" of a long group is as common as the
    first (counted apart, it looked as rare as a name and made long groups match well).
    Weights are rounded to multiples of 1/4096 so that sums over word sets do not depend
    on the order a set yields them in (that order changes with ``PYTHONHASHSEED``).
    """
    df: dict[str, int] = defaultdict(int)
    for sets in (left, right):
        for toks in sets:
            for t in toks:
                if "\x00" not in t:
                    df[t] += 1
    n = len(left) + len(right)
    weights = _Weights(
        {
            t: round(max(0.1, math.log((n + 1) / (c + 0.5))) * _QUANTUM) / _QUANTUM
            for t, c in sorted(df.items())
        }
    )
    if weights:
        weights.unit = sum(weights.values()) / len(weights)
    return weights


def _piece_penalty(piece_total: float, contribution: float, alone: float) -> float:
    """Half of what a piece leaves unmatched beyond what it matches; a piece that
    matches (almost) nothing is a sentence of its own: it pays its whole weight again
    and ``alone``, what a bead of its own would cost (so an "!" with no words at all, or
    a caption, is not absorbed by a neighbour for free)."""
    unmatched = piece_total - contribution
    penalty = 0.5 * (unmatched - contribution) if unmatched > contribution else 0.0
    if contribution <= UNRELATED_SHARE * piece_total:
        penalty += piece_total + alone
    return penalty


def _lexical_cost(
    left: _Units, right: _Units, weight: _Weights
) -> Callable[[int, int, int, int, float], float]:
    """``cost(i, j, a, b, limit)`` of the bead left ``i:i+a`` against right ``j:j+b``
    (the shape's fixed penalty apart); it returns early, with a value >= ``limit``, once
    the bead cannot win."""
    totals: dict[frozenset[str], float] = {}
    unit = weight.unit
    alone = SHAPES[(1, 0)] * unit

    def w(toks: frozenset[str]) -> float:
        got = totals.get(toks)
        if got is None:
            got = totals[toks] = sum([weight[t] for t in toks])
        return got

    def wsum(toks: frozenset[str]) -> float:
        return sum([weight[t] for t in toks]) if toks else 0.0

    def cost(i0: int, j0: int, a: int, b: int, limit: float = math.inf) -> float:
        i1, j1 = i0 + a, j0 + b
        if i0 == i1:
            return w(right.group(j0, j1))
        if j0 == j1:
            return w(left.group(i0, i1))
        a_set = left.group(i0, i1)
        b_set = right.group(j0, j1)
        total = w(a_set) + w(b_set) - 2 * wsum(a_set & b_set)
        breaks = left.breaks(i0, i1) + right.breaks(j0, j1)
        if breaks:
            total += PARAGRAPH_BREAK * unit * breaks
        if LENGTH_WEIGHT:
            la = sum(left.lengths[i0:i1])
            lb = sum(right.lengths[j0:j1])
            mean = (la + lb) / 2 or 1.0
            delta = (lb - la) / math.sqrt(6.8 * mean)
            # Capped: a sentence that a translator expanded is still the same sentence.
            total += LENGTH_WEIGHT * unit * min(delta * delta / 2, LENGTH_CAP)
        if total >= limit:
            return total
        if a > 1 and b > 1:
            matched = wsum(a_set & b_set)
            for k in range(i0 + 1, i1):
                for t in range(j0 + 1, j1):
                    kept = wsum(left.group(i0, k) & right.group(j0, t)) + wsum(
                        left.group(k, i1) & right.group(t, j1)
                    )
                    if kept >= SPLIT_KEEP * matched:
                        return math.inf  # two beads joined: the DP prices the split instead
        # Each sentence of a merged side must earn its place: a piece that leaves
        # more of its words unmatched than it matches (beyond what its neighbours in
        # the group match anyway) pays half the difference, so a fragment joins its
        # neighbour only when its own words match there.
        if a > 1 or b > 1:
            for units, x0, x1, group, other in ((left, i0, i1, a_set, b_set), (right, j0, j1, b_set, a_set)):
                if x1 - x0 < 2:
                    continue
                matched_all = wsum(group & other)
                for k in range(x0, x1):
                    rest = units.group_without(x0, x1, k)
                    contribution = matched_all - wsum(rest & other)
                    total += _piece_penalty(w(units.sets[k]), contribution, alone)
        return total

    return cost


class _Compiled(NamedTuple):
    """Both sides as the compiled kernel reads them: word ids and counts per sentence, and each
    word's weight by id."""

    left: _kernel.Side
    right: _kernel.Side
    weight: array[float]
    params: tuple[float, ...]  # the constants of _lexical_cost, in the kernel's order

    @classmethod
    def of(cls, left: _Units, right: _Units, weight: _Weights) -> _Compiled:
        ids: dict[str, int] = {}
        for word in weight:
            if "\x00" not in word:
                ids.setdefault(word, len(ids))
        by_id = array("d", [weight[word] for word in ids])

        def side(units: _Units) -> _kernel.Side:
            flat_ids: array[int] = array("i")
            flat_counts: array[int] = array("i")
            starts: array[int] = array("l", [0])
            totals: array[float] = array("d")
            for counts in units.counts:
                flat_ids.extend([ids[word] for word in counts])
                flat_counts.extend(counts.values())
                starts.append(len(flat_ids))
                totals.append(sum([weight[word] * n for word, n in counts.items()]))
            paragraphs = array("l", units.paragraphs) if units.paragraphs else None
            assert _kernel is not None
            return _kernel.Side(flat_ids, flat_counts, starts, totals, array("l", units.lengths), paragraphs)

        params = (
            weight.unit,
            SHAPES[(1, 0)] * weight.unit,
            PARAGRAPH_BREAK,
            LENGTH_WEIGHT,
            LENGTH_CAP,
            SPLIT_KEEP,
            UNRELATED_SHARE,
        )
        return cls(side(left), side(right), by_id, params)


def _align_block(
    left: _Units,
    right: _Units,
    weight: _Weights,
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    compiled: _Compiled | None = None,
) -> list[Bead]:
    """The beads of left ``i0:i1`` against right ``j0:j1``: a banded search around anchors in a
    large block, the whole block otherwise (and where the band holds no path). ``compiled``
    searches with the compiled kernel, the same path as the Python one."""
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(i0, i1)] + [((), (j,)) for j in range(j0, j1)]
    shapes = [(a, b, penalty * weight.unit) for (a, b), penalty in SHAPES.items()]
    if compiled is not None:
        sides = compiled

        def search(lo: Sequence[int], hi: Sequence[int]) -> list[tuple[int, int, int, int]] | None:
            return _kernel.search(
                sides.left, sides.right, i0, n, j0, m, lo, hi, shapes, sides.weight, sides.params
            )
    else:
        cost = _lexical_cost(left.sub(i0, i1), right.sub(j0, j1), weight)
        alone = (
            [cost(i, 0, 1, 0, math.inf) for i in range(n)],
            [cost(0, j, 0, 1, math.inf) for j in range(m)],
        )

        def search(lo: Sequence[int], hi: Sequence[int]) -> list[tuple[int, int, int, int]] | None:
            return band_search(n, m, lo, hi, shapes, cost, alone)

    path = None
    if n * m > FULL_DP_CELLS:
        path = search(*_anchor_band(left, right, i0, n, j0, m))
    if path is None:
        path = search([0] * (n + 1), [m] * (n + 1))
    assert path is not None  # the full band always holds a path
    return [(tuple(range(i0 + i, i0 + i + a)), tuple(range(j0 + j, j0 + j + b))) for i, j, a, b in path]


def _unique_anchors(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """Identical sentences that occur once on each side, longest chain in order.

    As in patience diff: a sentence repeated in the text (a recurring caption, a
    one-word line) is no evidence of where the versions correspond, so only unique
    ones anchor the alignment; identical neighbours of an anchor join it.
    """
    count_l: dict[str, int] = defaultdict(int)
    count_r: dict[str, int] = defaultdict(int)
    where_r: dict[str, int] = {}
    for s in left:
        count_l[s] += 1
    for j, s in enumerate(right):
        count_r[s] += 1
        where_r[s] = j
    pairs = [(i, where_r[s]) for i, s in enumerate(left) if count_l[s] == 1 and count_r.get(s) == 1]
    chain = _longest_increasing(pairs)
    # Grow each anchor over identical neighbours.
    taken_l = {i for i, _ in chain}
    grown = set(chain)
    for i, j in chain:
        for step in (1, -1):
            a, b = i + step, j + step
            while 0 <= a < len(left) and 0 <= b < len(right) and left[a] == right[b] and a not in taken_l:
                grown.add((a, b))
                taken_l.add(a)
                a, b = a + step, b + step
    return _longest_increasing(sorted(grown))


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of (i, j) pairs (i increasing) with j strictly increasing."""
    tails: list[int] = []
    tails_at: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tails_at.append(k)
        else:
            tails[pos] = j
            tails_at[pos] = k
        prev[k] = tails_at[pos - 1] if pos else -1
    out = []
    k = tails_at[-1] if tails_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    out.reverse()
    return out


def align_same_language(
    left: Sequence[str],
    right: Sequence[str],
    left_paragraphs: Sequence[int] | None = None,
    right_paragraphs: Sequence[int] | None = None,
) -> list[Bead]:
    """Align two lists of sentences in the same language.

    ``*_paragraphs`` give the paragraph of each sentence: a passage that spans a
    paragraph break must be worth it.
    """
    seen: dict[str, str] = {}  # one string for each word, shared by every sentence that has it
    left_units = _Units([_shared(word_counts(s), seen) for s in left], paragraphs=left_paragraphs)
    right_units = _Units([_shared(word_counts(s), seen) for s in right], paragraphs=right_paragraphs)
    weight = _weights(left_units.sets, right_units.sets)
    compiled: _Compiled | None = None  # made for the first block searched: identical texts have none
    beads: list[Bead] = []
    i = j = 0
    for ai, aj in [*_unique_anchors(left, right), (len(left), len(right))]:
        if ai > i or aj > j:
            if compiled is None and _kernel is not None and ai > i and aj > j:
                compiled = _Compiled.of(left_units, right_units, weight)
            beads.extend(_align_block(left_units, right_units, weight, i, ai, j, aj, compiled))
        if ai < len(left):
            beads.append(((ai,), (aj,)))
        i, j = ai + 1, aj + 1
    return beads


def validate_beads(beads: Sequence[Bead], n: int, m: int) -> None:
    """Raise ValueError unless the beads cover 0..n-1 and 0..m-1 in order."""
    li = ri = 0
    for a, b in beads:
        if not a and not b:
            raise ValueError("empty bead")
        for i in a:
            if i != li:
                raise ValueError(f"left sentence {li} expected, got {i}")
            li += 1
        for j in b:
            if j != ri:
                raise ValueError(f"right sentence {ri} expected, got {j}")
            ri += 1
    if li != n or ri != m:
        raise ValueError("beads do not cover every sentence")
