# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The same-language aligner's dynamic programme compiled: :func:`search` is
``same_language.band_search`` with ``same_language._lexical_cost`` as its price, the same
arithmetic in the same order, so it returns the same path (the pure-Python pair stays the
reference and the fallback where nothing is compiled; tests compare the two).

A sentence is a multiset of word ids, given as parallel arrays ``ids``/``counts`` with
``starts`` marking each sentence's run. The weighted intersection of two groups of sentences is
``sum(weight[w] * min(count_a[w], count_b[w]))``, which is what the Python code sums over its
sets of indexed words ("the", "the\\x002", ...), where a repeat weighs as its word. Weights are
multiples of 1/4096, so every such sum is exact and equal in any order.
"""

from libc.math cimport INFINITY, sqrt
from libc.stdlib cimport calloc, free, malloc


cdef struct SideC:
    const int *ids
    const int *counts
    const long *starts
    const double *totals
    const long *lengths
    const long *paragraphs  # NULL: no paragraphs known


cdef class Side:
    """One side's sentences: word ids and counts, per-sentence total weight, length in word
    characters and paragraph (all sentences of the text; a block is a range of them)."""

    cdef int[::1] ids
    cdef int[::1] counts
    cdef long[::1] starts
    cdef double[::1] totals
    cdef long[::1] lengths
    cdef long[::1] paragraphs
    cdef SideC c
    cdef long max_id

    def __init__(self, ids, counts, starts, totals, lengths, paragraphs):
        cdef long n = len(totals)
        if len(ids) != len(counts) or len(starts) != n + 1 or len(lengths) != n:
            raise ValueError("inconsistent side arrays")
        if paragraphs is not None and len(paragraphs) != n:
            raise ValueError("one paragraph per sentence expected")
        if starts[0] != 0 or starts[n] != len(ids):
            raise ValueError("sentence starts do not cover the word ids")
        self.ids = ids
        self.counts = counts
        self.max_id = -1
        cdef long k
        for k in range(self.ids.shape[0]):
            if self.ids[k] < 0:
                raise ValueError("word ids are never negative")
            if self.ids[k] > self.max_id:
                self.max_id = self.ids[k]
        self.starts = starts
        self.totals = totals
        self.lengths = lengths
        self.c.starts = &self.starts[0]
        self.c.ids = &self.ids[0] if len(ids) else NULL
        self.c.counts = &self.counts[0] if len(ids) else NULL
        self.c.totals = &self.totals[0] if n else NULL
        self.c.lengths = &self.lengths[0] if n else NULL
        self.c.paragraphs = NULL
        if paragraphs is not None and n:
            self.paragraphs = paragraphs
            self.c.paragraphs = &self.paragraphs[0]


cdef struct Params:
    double unit
    double alone            # what a bead of one sentence alone costs (1-0 penalty x unit)
    double paragraph_break
    double length_weight
    double length_cap
    double split_keep
    double unrelated_share


cdef struct Pricer:
    SideC L
    SideC R
    long i_base
    long j_base
    const double *weight
    int *count_a            # scratch counts by word id, all zero between calls
    int *count_b
    Params p


cdef inline double side_total(const SideC *side, long x0, long x1) noexcept nogil:
    """What the sentences x0:x1 (absolute) weigh together."""
    cdef double s = 0.0
    cdef long k
    for k in range(x0, x1):
        s += side.totals[k]
    return s


cdef double inter(Pricer *P, long a0, long a1, long a_skip, long b0, long b1, long b_skip) noexcept nogil:
    """Weighted multiset intersection of left a0:a1 (less a_skip) and right b0:b1 (less
    b_skip); indices absolute, -1 skips nothing."""
    cdef int *ca = P.count_a
    cdef int *cb = P.count_b
    cdef long s, k
    cdef int w, c, low
    cdef double result = 0.0
    for s in range(a0, a1):
        if s == a_skip:
            continue
        for k in range(P.L.starts[s], P.L.starts[s + 1]):
            ca[P.L.ids[k]] += P.L.counts[k]
    for s in range(b0, b1):
        if s == b_skip:
            continue
        for k in range(P.R.starts[s], P.R.starts[s + 1]):
            cb[P.R.ids[k]] += P.R.counts[k]
    for s in range(b0, b1):
        if s == b_skip:
            continue
        for k in range(P.R.starts[s], P.R.starts[s + 1]):
            w = P.R.ids[k]
            c = cb[w]
            if c:
                low = ca[w]
                if c < low:
                    low = c
                if low:
                    result += P.weight[w] * low
                cb[w] = 0
    for s in range(a0, a1):
        for k in range(P.L.starts[s], P.L.starts[s + 1]):
            ca[P.L.ids[k]] = 0
    return result


cdef inline double piece_penalty(const Params *p, double piece_total, double contribution) noexcept nogil:
    """``same_language._piece_penalty``."""
    cdef double unmatched = piece_total - contribution
    cdef double penalty = 0.0
    if unmatched > contribution:
        penalty = 0.5 * (unmatched - contribution)
    if contribution <= p.unrelated_share * piece_total:
        penalty += piece_total + p.alone
    return penalty

cdef double cost(Pricer *P, long i, long j, long a, long b, double limit) noexcept nogil:
    """``_lexical_cost``'s ``cost(i, j, a, b, limit)``, i and j relative to the block."""
    cdef const SideC *L = &P.L
    cdef const SideC *R = &P.R
    cdef long i0 = P.i_base + i
    cdef long j0 = P.j_base + j
    cdef long i1 = i0 + a
    cdef long j1 = j0 + b
    cdef double total, matched, kept, matched_all, contribution, mean, delta, square
    cdef long breaks = 0
    cdef long la = 0
    cdef long lb = 0
    cdef long k, t
    if a == 0:
        return side_total(R, j0, j1)
    if b == 0:
        return side_total(L, i0, i1)
    matched = inter(P, i0, i1, -1, j0, j1, -1)
    total = side_total(L, i0, i1) + side_total(R, j0, j1) - 2 * matched
    if L.paragraphs != NULL and a > 1:
        breaks += L.paragraphs[i1 - 1] - L.paragraphs[i0]
    if R.paragraphs != NULL and b > 1:
        breaks += R.paragraphs[j1 - 1] - R.paragraphs[j0]
    if breaks:
        total += P.p.paragraph_break * P.p.unit * <double> breaks
    if P.p.length_weight:
        for k in range(i0, i1):
            la += L.lengths[k]
        for k in range(j0, j1):
            lb += R.lengths[k]
        mean = <double> (la + lb) / 2.0
        if mean == 0.0:
            mean = 1.0
        delta = <double> (lb - la) / sqrt(6.8 * mean)
        square = delta * delta / 2
        if P.p.length_cap < square:
            square = P.p.length_cap
        total += P.p.length_weight * P.p.unit * square
    if total >= limit:
        return total
    if a > 1 and b > 1:
        for k in range(i0 + 1, i1):
            for t in range(j0 + 1, j1):
                kept = inter(P, i0, k, -1, j0, t, -1) + inter(P, k, i1, -1, t, j1, -1)
                if kept >= P.p.split_keep * matched:
                    return INFINITY
    if a > 1:
        matched_all = matched
        for k in range(i0, i1):
            contribution = matched_all - inter(P, i0, i1, k, j0, j1, -1)
            total += piece_penalty(&P.p, L.totals[k], contribution)
    if b > 1:
        matched_all = matched
        for k in range(j0, j1):
            contribution = matched_all - inter(P, i0, i1, -1, j0, j1, k)
            total += piece_penalty(&P.p, R.totals[k], contribution)
    return total


cdef int open_pricer(
    Pricer *pricer, Side left, Side right, long i_base, long n, long j_base, long m,
    double[::1] weight, params,
) except -1:
    """Check a block against its texts and set ``pricer`` up for it (its scratch counts are
    allocated here and freed by the caller, also on error)."""
    pricer.count_a = NULL
    pricer.count_b = NULL
    if i_base < 0 or j_base < 0 or n < 0 or m < 0 or i_base + n > len(left.totals) or j_base + m > len(right.totals):
        raise ValueError("the block lies outside the texts")
    if left.max_id >= weight.shape[0] or right.max_id >= weight.shape[0]:
        raise ValueError("a word id has no weight")
    (pricer.p.unit, pricer.p.alone, pricer.p.paragraph_break, pricer.p.length_weight,
     pricer.p.length_cap, pricer.p.split_keep, pricer.p.unrelated_share) = params
    pricer.L = left.c
    pricer.R = right.c
    pricer.i_base = i_base
    pricer.j_base = j_base
    pricer.weight = &weight[0] if weight.shape[0] else NULL
    pricer.count_a = <int *> calloc(weight.shape[0] + 1, sizeof(int))
    pricer.count_b = <int *> calloc(weight.shape[0] + 1, sizeof(int))
    if pricer.count_a == NULL or pricer.count_b == NULL:
        raise MemoryError()
    return 0


def price(Side left, Side right, long i_base, long j_base, double[::1] weight, params, long i, long j, long a, long b, double limit):
    """The price of one bead, left ``i:i+a`` against right ``j:j+b`` of the block starting at
    ``i_base``/``j_base``: ``_lexical_cost``'s ``cost(i, j, a, b, limit)`` (for tests)."""
    cdef Pricer pricer
    if i < 0 or j < 0 or a < 0 or b < 0:
        raise ValueError("the bead lies outside the texts")
    try:
        open_pricer(&pricer, left, right, i_base, i + a, j_base, j + b, weight, params)
        return cost(&pricer, i, j, a, b, limit)
    finally:
        free(pricer.count_a)
        free(pricer.count_b)


def search(
    Side left,
    Side right,
    long i_base,
    long n,
    long j_base,
    long m,
    lo,
    hi,
    shapes,
    double[::1] weight,
    params,
):
    """Least-cost path of beads through the band ``lo``/``hi`` of the block left
    ``i_base:i_base+n`` against right ``j_base:j_base+m``: ``band_search`` priced by
    ``_lexical_cost``. ``params`` are ``(unit, alone, paragraph_break, length_weight,
    length_cap, split_keep, unrelated_share)``. Returns ``(i, j, a, b)`` beads relative to the
    block, or ``None`` when the band holds no path."""
    if n < 0 or m < 0:
        raise ValueError("the block lies outside the texts")
    if len(lo) != n + 1 or len(hi) != n + 1:
        raise ValueError("one column range per row expected")
    if any(a < 0 or b < 0 or a + b == 0 for a, b, _ in shapes):
        raise ValueError("a bead shape takes at least one sentence and none less than zero")
    cdef Pricer pricer
    pricer.count_a = NULL
    pricer.count_b = NULL
    cdef long n_shapes = len(shapes)
    cdef long *sa = <long *> malloc(n_shapes * sizeof(long))
    cdef long *sb = <long *> malloc(n_shapes * sizeof(long))
    cdef double *sf = <double *> malloc(n_shapes * sizeof(double))
    cdef long *rlo = <long *> malloc((n + 1) * sizeof(long))
    cdef long *rhi = <long *> malloc((n + 1) * sizeof(long))
    cdef long *row = <long *> malloc((n + 2) * sizeof(long))
    cdef double *left_alone = <double *> malloc((n + 1) * sizeof(double))
    cdef double *right_alone = <double *> malloc((m + 1) * sizeof(double))
    cdef double *costs = NULL
    cdef int *backs = NULL
    cdef long i, j, t, a, b, pi, pj, cells, at, arg
    cdef double best, c
    try:
        open_pricer(&pricer, left, right, i_base, n, j_base, m, weight, params)
        if not (sa and sb and sf and rlo and rhi and row and left_alone and right_alone):
            raise MemoryError()
        for t in range(n_shapes):
            sa[t], sb[t], sf[t] = shapes[t]
        cells = 0
        for i in range(n + 1):
            rlo[i] = lo[i]
            rhi[i] = hi[i]
            if rlo[i] < 0 or rhi[i] > m:
                raise ValueError("a column range lies outside the block")
            row[i] = cells
            cells += rhi[i] - rlo[i] + 1 if rhi[i] >= rlo[i] else 0
        row[n + 1] = cells
        costs = <double *> malloc((cells + 1) * sizeof(double))
        backs = <int *> malloc((cells + 1) * sizeof(int))
        if not (costs and backs):
            raise MemoryError()
        with nogil:
            for i in range(n):
                left_alone[i] = left.totals[i_base + i]
            for j in range(m):
                right_alone[j] = right.totals[j_base + j]
            for i in range(n + 1):
                for j in range(rlo[i], rhi[i] + 1):
                    at = row[i] + j - rlo[i]
                    if i == 0 and j == 0:
                        costs[at] = 0.0
                        backs[at] = -1
                        continue
                    best = INFINITY
                    arg = -1
                    for t in range(n_shapes):
                        a = sa[t]
                        b = sb[t]
                        pi = i - a
                        pj = j - b
                        if pi < 0 or pj < rlo[pi] or pj > rhi[pi]:
                            continue
                        c = costs[row[pi] + pj - rlo[pi]] + sf[t]
                        if c >= best:
                            continue
                        if a == 0 and b == 1:
                            c += right_alone[pj]
                        elif b == 0 and a == 1:
                            c += left_alone[pi]
                        else:
                            c += cost(&pricer, pi, pj, a, b, best - c)
                        if c < best:
                            best = c
                            arg = t
                    costs[at] = best
                    backs[at] = <int> arg
        if not (rlo[n] <= m <= rhi[n]) or ((n or m) and backs[row[n] + m - rlo[n]] < 0):
            return None
        path = []
        i, j = n, m
        while i > 0 or j > 0:
            t = backs[row[i] + j - rlo[i]]
            a, b = sa[t], sb[t]
            path.append((i - a, j - b, a, b))
            i, j = i - a, j - b
        path.reverse()
        return path
    finally:
        free(pricer.count_a)
        free(pricer.count_b)
        free(sa)
        free(sb)
        free(sf)
        free(rlo)
        free(rhi)
        free(row)
        free(left_alone)
        free(right_alone)
        free(costs)
        free(backs)
