"""Word-level differences between two short texts, with diff-match-patch.

Words are mapped to single characters the way ``diff_linesToChars`` maps lines, the
character diff runs on those, and semantic cleanup merges trivial equalities. The
timeout is off, so the result never depends on how busy the machine is; instead, a passage
too long for the diff's quadratic worst case is one change between its common beginning and end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from compare.core.limits import MAX_WORD_DIFF_CELLS
from compare.core.text.scripts import CJK as _CJK

Span = tuple[int, int]

# Every character belongs to a token: a CJK character, a word, or any other single
# character (punctuation), each with the whitespace that follows it (fewer tokens
# make the diff several times faster); leading whitespace is a token of its own.
_TOKEN_RE = re.compile(rf"(?:[{_CJK}]|[^\W{_CJK}]+(?:[’'\-][^\W{_CJK}]+)*|\S|^)\s*", re.DOTALL)

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0

# Code points used to stand for tokens: the private use areas, never surrogates.
_CODEPOINTS = [*range(0xE000, 0xF900), *range(0xF0000, 0xFFFFE), *range(0x100000, 0x10FFFE)]


@dataclass(frozen=True)
class Change:
    """One difference: ``left`` was replaced by ``right`` (either may be empty)."""

    left: Span
    right: Span


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end) if m.end() > m.start()]


def _key(token: str) -> str:
    """What a token is compared by: its text, and whether a paragraph break follows.

    Other whitespace does not count ("commit." and "commit to" share "commit"); a
    wrapped line is the same as a space.
    """
    word = token.rstrip()
    if len(word) == len(token):
        return token
    gap = token[len(word) :]
    return word + "\n" if gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2 else word


class _TooManyTokens(Exception):
    """More distinct words than there are private-use code points to stand for them."""


def _encode(text: str, spans: list[Span], table: dict[str, str]) -> str:
    out = []
    for s, e in spans:
        tok = _key(text[s:e])
        ch = table.get(tok)
        if ch is None:
            if len(table) == len(_CODEPOINTS):
                raise _TooManyTokens
            ch = chr(_CODEPOINTS[len(table)])
            table[tok] = ch
        out.append(ch)
    return "".join(out)


def _diffs(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two token strings, cleaned up semantically; or, when what lies
    between their common beginning and end is too large for the diff's quadratic worst case
    (:data:`MAX_WORD_DIFF_CELLS`), that middle as one replacement."""
    head = _dmp.diff_commonPrefix(a, b)
    tail = _dmp.diff_commonSuffix(a[head:], b[head:])
    middle_a, middle_b = len(a) - head - tail, len(b) - head - tail
    if middle_a * middle_b <= MAX_WORD_DIFF_CELLS:
        diffs = _dmp.diff_main(a, b, False)
        _dmp.diff_cleanupSemantic(diffs)
        return diffs
    out = [
        (0, a[:head]),
        (-1, a[head : len(a) - tail]),
        (1, b[head : len(b) - tail]),
        (0, a[len(a) - tail :]),
    ]
    return [(op, text) for op, text in out if text]


def word_diff(left_text: str, left_span: Span, right_text: str, right_span: Span) -> tuple[Change, ...]:
    """Changes between ``left_text[left_span]`` and ``right_text[right_span]``.

    Offsets in the result are into the full texts.
    """
    ltoks = tokenize(left_text, *left_span)
    rtoks = tokenize(right_text, *right_span)
    table: dict[str, str] = {}
    try:
        a = _encode(left_text, ltoks, table)
        b = _encode(right_text, rtoks, table)
    except _TooManyTokens:  # over a hundred thousand distinct words in one passage: one change
        return (Change(left_span, right_span),) if ltoks or rtoks else ()
    diffs = _diffs(a, b)
    changes: list[Change] = []
    li = ri = 0  # token positions
    pending: list[int] | None = None  # [l_start_tok, l_end_tok, r_start_tok, r_end_tok]

    def flush() -> None:
        nonlocal pending
        if pending is None:
            return
        ls, le, rs, re_ = pending
        lspan = (ltoks[ls][0], ltoks[le - 1][1]) if le > ls else _point(ltoks, ls, left_span)
        rspan = (rtoks[rs][0], rtoks[re_ - 1][1]) if re_ > rs else _point(rtoks, rs, right_span)
        changes.append(Change(lspan, rspan))
        pending = None

    for op, chunk in diffs:
        k = len(chunk)
        if op == 0:
            flush()
            li += k
            ri += k
            continue
        if pending is None:
            pending = [li, li, ri, ri]
        if op < 0:
            li += k
            pending[1] = li
        else:
            ri += k
            pending[3] = ri
    flush()
    return tuple(changes)


def _point(toks: list[Span], index: int, span: Span) -> Span:
    """An empty span where token ``index`` starts (or at the end of ``span``)."""
    pos = toks[index][0] if index < len(toks) else span[1]
    return (pos, pos)
