# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The word diff's passes over a passage, compiled, each with the same result as its Python twin:

- :func:`encode` is ``tokenize`` and ``_encode`` of :mod:`compare.core.diff.worddiff` in one pass
  (the spans of ``_TOKEN_RE``'s matches and the string of one character per distinct key);
- :func:`words` is ``worddiff._words`` (the grader's words, ``_WORDLIKE``);
- :func:`changed_words` is ``worddiff._python_changed_words`` (a change's amount in words).

The Python functions stay the reference and the fallback where nothing is compiled;
tests/unit/core/diff/test_tokens_kernel.py compares each pair on the ``shared/data`` texts and on
generated text. Each pattern is matched by hand, alternative by alternative in its order, with
the character tests ``re`` itself uses for a str pattern: ``\\d`` is a decimal digit, ``\\s`` a space, ``\\w``
alphanumeric or "_" (Python's ``str.isdecimal``, ``isspace``, ``isalnum``).
"""

from compare.core.text.scripts import CJK_RANGES

DEF MAX_RANGES = 32

cdef Py_UCS4 _lo[MAX_RANGES]
cdef Py_UCS4 _hi[MAX_RANGES]
cdef int _ranges = 0


cdef _set_cjk(ranges):
    """The CJK code point ranges, (first, last) each (compare.core.text.scripts.CJK_RANGES)."""
    global _ranges
    if len(ranges) > MAX_RANGES:
        raise ValueError("too many CJK ranges")
    _ranges = 0
    for lo, hi in ranges:
        _lo[_ranges] = lo
        _hi[_ranges] = hi
        _ranges += 1


_set_cjk(CJK_RANGES)


cdef inline bint _cjk(Py_UCS4 c) noexcept:
    cdef int k
    for k in range(_ranges):
        if _lo[k] <= c <= _hi[k]:
            return True
    return False


cdef inline bint _word(Py_UCS4 c) noexcept:  # [^\W{CJK}]
    return (c == u'_' or c.isalnum()) and not _cjk(c)


cdef inline bint _separator(Py_UCS4 c) noexcept:  # [.,:]
    return c == u'.' or c == u',' or c == u':'


cdef inline bint _joiner(Py_UCS4 c) noexcept:  # [’'\-]
    return c == u'\u2019' or c == u"'" or c == u'-'


cdef inline Py_ssize_t _word_end(str text, Py_ssize_t i, Py_ssize_t n, bint periods) noexcept:
    """Where the word that starts at ``i`` ends: ``[^\W{CJK}]+(?:[’'\-][^\W{CJK}]+)*`` (with
    ``periods``, ``[’'.\-]`` between its parts)."""
    cdef Py_ssize_t k = i + 1
    while k < n and _word(text[k]):
        k += 1
    while k + 1 < n and (_joiner(text[k]) or (periods and text[k] == u'.')) and _word(text[k + 1]):
        k += 2
        while k < n and _word(text[k]):
            k += 1
    return k


def encode(str text, Py_ssize_t start, Py_ssize_t end, dict table, dict written, codepoints):
    """The spans of the tokens of ``text[start:end]`` and their characters (see ``_encode``), or
    None when a new key finds ``table`` full (as many keys as ``codepoints``)."""
    cdef Py_ssize_t i = start, k, k0, g, newlines
    cdef Py_ssize_t n = min(end, len(text))
    cdef Py_UCS4 c
    cdef int groups
    cdef list spans = []
    cdef list chars = []
    cdef object ch
    cdef str raw, key
    cdef Py_ssize_t capacity = len(codepoints)
    while i < n:
        c = text[i]
        k0 = -1
        if c.isdecimal():  # \d+(?:[.,:]\d+)+
            k = i + 1
            while k < n and text[k].isdecimal():
                k += 1
            groups = 0
            while k + 1 < n and _separator(text[k]) and text[k + 1].isdecimal():
                k += 2
                while k < n and text[k].isdecimal():
                    k += 1
                groups += 1
            if groups:
                k0 = k
        if k0 < 0:
            if _cjk(c):  # [{CJK}]
                k0 = i + 1
            elif _word(c):  # [^\W{CJK}]+(?:[’'\-][^\W{CJK}]+)*
                k0 = _word_end(text, i, n, False)
            elif not c.isspace():  # \S
                k0 = i + 1
            elif i == 0:  # ^ (the start of the text, not of the span)
                k0 = 0
            else:  # no match here: re tries the next character
                i += 1
                continue
        k = k0
        while k < n and text[k].isspace():  # \s* (the "^" case holds the space at i: no match is empty)
            k += 1
        raw = text[i:k]
        ch = written.get(raw)
        if ch is None:
            if k == k0:
                key = raw
            else:  # _key: the word, and whether a paragraph break follows it
                newlines = 0
                for g in range(k0, k):
                    if text[g] == u'\n':
                        newlines += 1
                    elif text[g] == u'\r':
                        newlines += 1
                        if g + 1 < k and text[g + 1] == u'\n':
                            newlines -= 1  # "\r\n" is one break
                key = text[i:k0] + "\n" if newlines >= 2 else text[i:k0]
            ch = table.get(key)
            if ch is None:
                if len(table) == capacity:
                    return None
                ch = chr(codepoints[len(table)])
                table[key] = ch
            written[raw] = ch
        spans.append((i, k))
        chars.append(ch)
        i = k
    return spans, "".join(chars)


def words(str text, Py_ssize_t start, Py_ssize_t end):
    """The words of ``text[start:end]`` as the grader reads them (``_PassageWords``): each match of
    ``_WORDLIKE`` (``[^\\W_]+(?:['’\\-][^\\W_]+)*``) as (start, end, word, casefolded, whether it
    holds a digit), and their starts."""
    cdef Py_ssize_t i = start, k
    cdef Py_ssize_t n = min(end, len(text))
    cdef list out = []
    cdef list starts = []
    cdef str word, low
    cdef Py_UCS4 c
    cdef bint digit
    while i < n:
        c = text[i]
        if not c.isalnum():
            i += 1
            continue
        k = i + 1
        while k < n and text[k].isalnum():
            k += 1
        while k + 1 < n and _joiner(text[k]) and text[k + 1].isalnum():
            k += 2
            while k < n and text[k].isalnum():
                k += 1
        word = text[i:k]
        low = word.casefold()
        digit = False
        for c in low:
            if c.isdigit():
                digit = True
                break
        out.append((i, k, word, low, digit))
        starts.append(i)
        i = k
    return out, starts


def changed_words(str text, Py_ssize_t start, Py_ssize_t end):
    """The amount of change of ``text[start:end]`` in words (``worddiff.changed_words``): each
    match of the segmentation's ``WORD_RE`` (``[{CJK}]|[^\\W{CJK}]+(?:[’'.\\-][^\\W{CJK}]+)*|[^\\w\\s]``)
    counts 1 when it begins with a letter or digit, a quarter otherwise (punctuation)."""
    cdef Py_ssize_t i = start, k
    cdef Py_ssize_t n = min(end, len(text))
    cdef double amount = 0.0
    cdef Py_UCS4 c
    while i < n:
        c = text[i]
        if _cjk(c):
            k = i + 1
        elif _word(c):
            k = _word_end(text, i, n, True)
        elif not c.isspace():  # [^\w\s]: what is neither a word character nor a space
            k = i + 1
        else:
            i += 1
            continue
        amount += 1.0 if c.isalnum() else 0.25
        i = k
    return amount
