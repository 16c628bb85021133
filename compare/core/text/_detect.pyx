# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""langdetect's detection trials compiled: :func:`trials` is the loop of langdetect's
``Detector._detect_block`` (after the text's n-grams are extracted), the same arithmetic in the
same order on C doubles, so it gives the same probabilities bit for bit. langdetect itself stays
the reference and the fallback where nothing is compiled (``compare.core.text.language``; tests
compare the two on the paragraphs of every ``shared/data`` text).

What stays Python is what decides the random walk: the generator's draws (``gauss`` once a
trial, ``choice`` once a step, called as langdetect calls them) and the sum that normalises
(Python's own ``sum``, whose rounding changed in 3.12).
"""

from libc.stdlib cimport calloc, free, malloc


def trials(
    list rows,
    picks,
    rnd,
    list init,
    int n_trial,
    double alpha,
    double alpha_width,
    double base_freq,
    double conv_threshold,
    long iteration_limit,
):
    """langdetect's ``langprob`` after its ``n_trial`` trials.

    ``rows``: the probability row (one float per language) of each distinct n-gram of the text;
    ``picks``: the text's n-grams in order, as indices into ``rows`` (what langdetect's
    ``random.choice(ngrams)`` picks from); ``rnd``: the detector's generator, seeded;
    ``init``: the starting probabilities (its ``_init_probability()``); the rest are the
    detector's constants."""
    cdef Py_ssize_t nlang = len(init)
    cdef Py_ssize_t nrows = len(rows)
    cdef Py_ssize_t npicks = len(picks)
    cdef Py_ssize_t j, k, r
    cdef long i
    cdef double weight, maxp, p, sump
    cdef double *table = <double *> malloc(max(nrows * nlang, 1) * sizeof(double))
    cdef double *prob = <double *> malloc(max(nlang, 1) * sizeof(double))
    cdef double *langprob = <double *> calloc(max(nlang, 1), sizeof(double))
    cdef long *pick = <long *> malloc(max(npicks, 1) * sizeof(long))
    cdef double *row
    cdef list scratch = [0.0] * nlang
    if table == NULL or prob == NULL or langprob == NULL or pick == NULL:
        free(table)
        free(prob)
        free(langprob)
        free(pick)
        raise MemoryError()
    try:
        for r in range(nrows):
            values = rows[r]
            if len(values) != nlang:
                raise ValueError("a probability row has another number of languages")
            for j in range(nlang):
                table[r * nlang + j] = values[j]
        for k in range(npicks):
            r = picks[k]
            if r < 0 or r >= nrows:
                raise ValueError("a pick outside the rows")
            pick[k] = r
        choice = rnd.choice
        gauss = rnd.gauss
        indices = range(npicks)
        for _ in range(n_trial):
            for j in range(nlang):
                prob[j] = init[j]
            weight = (alpha + gauss(0.0, 1.0) * alpha_width) / base_freq
            i = 0
            while True:
                row = table + pick[<Py_ssize_t> choice(indices)] * nlang
                for j in range(nlang):
                    prob[j] *= weight + row[j]
                if i % 5 == 0:
                    for j in range(nlang):
                        scratch[j] = prob[j]
                    sump = sum(scratch)
                    maxp = 0.0
                    for j in range(nlang):
                        p = prob[j] / sump
                        if maxp < p:
                            maxp = p
                        prob[j] = p
                    if maxp > conv_threshold or i >= iteration_limit:
                        break
                i += 1
            for j in range(nlang):
                langprob[j] += prob[j] / n_trial
        return [langprob[j] for j in range(nlang)]
    finally:
        free(table)
        free(prob)
        free(langprob)
        free(pick)
