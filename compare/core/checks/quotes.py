"""Quotation marks and brackets that are opened and never closed (or closed, never opened).

All common styles: “English”, „German“ (and „…” ), »German«, « French » (spaces inside are
normal), ”Swedish”, "straight", ‘single’, ‚German single‘, ‹single guillemets›. Apostrophes
("Russia’s", "didn’t", "'90s", "O‘Brien", "the states’ rights") are not quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from compare.core.checks.finding import Severity

from ._base import Document, Hit, quote_snippet, rule, shorten

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‚‹›"
_ELISIONS = ("em", "n", "til", "cause", "tis", "twas", "s", "round", "bout", "cos", "ve", "re", "ll", "d")
_ANY_MARK = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")
_ANY_BRACKET = re.compile(r"[()\[\]{}]")


@dataclass
class QuoteAnalysis:
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (open, close) offsets
    unclosed: list[int] = field(default_factory=list)  # offsets of openers never closed
    stray_closers: list[int] = field(default_factory=list)  # closers with no opener
    wrong_closers: list[int] = field(default_factory=list)  # an opening mark used to close (paired)


def _is_space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _opening_position(prev: str | None, nxt: str | None) -> bool:
    """A mark in opening position: something follows it, and no word or sentence end precedes."""
    if nxt is None or nxt.isspace():
        return False
    return prev is None or not (prev.isalnum() or prev in ".!?…")


def _closing_position(prev: str | None, nxt: str | None) -> bool:
    return not _is_space(prev) and (nxt is None or not nxt.isalnum())


_SPACED_APOSTROPHE = re.compile(
    r"(?:(?<=\b[A-Z]) ['’](?=[A-Z][a-z])|(?<=[^\W\d_]) ['’](?=(?:s|t|re|ve|ll|d|m)\b))"
)


def spaced_apostrophe(text: str, i: int) -> bool:
    """Whether the mark at ``text[i]`` is an apostrophe with a tokenizer's space before it."""
    return i >= 2 and _SPACED_APOSTROPHE.match(text, i - 1) is not None


def spaced_apostrophes(text: str) -> list[re.Match[str]]:
    if " '" not in text and " ’" not in text:
        return []  # what every match holds (a paragraph without it is not searched)
    return list(_SPACED_APOSTROPHE.finditer(text))


@lru_cache(maxsize=4096)
def analyse_quotes(text: str) -> QuoteAnalysis:
    """Pair up the quotation marks of one paragraph."""
    res = QuoteAnalysis()
    stack: list[tuple[str, int]] = []  # double marks
    singles: list[tuple[str, int]] = []  # single openers
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in DOUBLE_MARKS and ch not in SINGLE_MARKS:
            continue
        prev = text[i - 1] if i > 0 else None
        nxt = text[i + 1] if i + 1 < n else None
        top = stack[-1][0] if stack else None

        def close(compatible: str, i: int = i) -> bool:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] in compatible:
                    res.unclosed.extend(pos for _, pos in stack[k + 1 :])
                    res.pairs.append((stack[k][1], i))
                    del stack[k:]
                    return True
            return False

        if ch == "„":
            if not stack and _closing_position(prev, nxt) and not _opening_position(prev, nxt):
                res.stray_closers.append(i)  # „ used as a closing mark: US-Versäumnisse„ bremsen
            elif top == "„" and not _opening_position(prev, nxt):
                res.wrong_closers.append(i)  # „unterzeichnetes „ und: an opening mark that closes
                close("„")
            else:
                stack.append((ch, i))
        elif ch == "“":
            if top == "„" or (top in ("“", '"') and not (nxt is not None and nxt.isalnum())):
                close(top)
            elif not stack and _closing_position(prev, nxt) and not _opening_position(prev, nxt):
                res.stray_closers.append(i)
            else:
                stack.append((ch, i))
        elif ch == "”":
            if top in ("“", "„", "”", '"'):
                close(top)  # also "straight opened, curly closed”: one style slip, not two
            elif _opening_position(prev, nxt):
                stack.append((ch, i))  # Swedish ”…”, or a mistaken opener
            elif not close("“„”"):
                res.stray_closers.append(i)
        elif ch == '"':
            if top == '"' or (any(m == '"' for m, _ in stack) and not _opening_position(prev, nxt)):
                close('"')
            elif top in ("“", "„", "”") and _closing_position(prev, nxt) and not _opening_position(prev, nxt):
                close(top)  # “curly opened, straight closed"
            elif not stack and _closing_position(prev, nxt) and not _opening_position(prev, nxt):
                res.stray_closers.append(i)  # US-Versagen" bremst
            else:
                stack.append((ch, i))
        elif ch == "«":
            if top == "»":
                close("»")
            else:
                stack.append((ch, i))
        elif ch == "»":
            if top == "«":
                close("«")
            elif _opening_position(prev, nxt) or (_is_space(prev) and not _is_space(nxt)):
                stack.append((ch, i))  # German »…«
            elif not close("«"):
                res.stray_closers.append(i)
        elif ch == "‹":
            if singles and singles[-1][0] == "›":
                res.pairs.append((singles.pop()[1], i))
            else:
                singles.append((ch, i))
        elif ch == "›":
            if singles and singles[-1][0] == "‹":
                res.pairs.append((singles.pop()[1], i))
            elif _opening_position(prev, nxt):
                singles.append((ch, i))
        else:  # ' ‘ ’ ‚
            if prev is not None and prev.isalnum() and nxt is not None and nxt.isalnum():
                continue  # apostrophe inside a word: Russia’s, didn’t, O‘Brien
            if ch in "'’" and spaced_apostrophe(text, i):
                continue  # a tokenizer's "O 'Brien", "it 's" (reported as tokenizer-spacing)
            if ch == "‚":
                singles.append((ch, i))
                continue
            if nxt is not None and nxt.isdigit() and not (prev is not None and prev.isalnum()):
                continue  # '90s
            if _opening_position(prev, nxt) and ch in "'‘":
                rest = text[i + 1 : i + 7].lower()
                word = ""
                for c in rest:
                    if not c.isalpha():
                        break
                    word += c
                if word in _ELISIONS and not any(o in "'‘" for o, _ in singles):
                    continue  # 'em, 'n', 'til
                singles.append((ch, i))
            elif _closing_position(prev, nxt) or ch in "’‘":
                # A closer if something is open; otherwise an apostrophe (the states’ rights).
                for k in range(len(singles) - 1, -1, -1):
                    if singles[k][0] in "'‘‚":
                        res.pairs.append((singles[k][1], i))
                        del singles[k:]
                        break
    res.unclosed.extend(pos for _, pos in stack)
    res.unclosed.extend(pos for _, pos in singles)
    res.unclosed.sort()
    res.pairs.sort()
    return res


def quote_pairs(text: str) -> list[tuple[int, int]]:
    return analyse_quotes(text).pairs


def _starts_with_opener(text: str) -> bool:
    return bool(text) and text[0] in "\"“„«»‘'‚‹›”"


#: A quotation may run over this many paragraphs (news text has one paragraph a line, and a
#: quotation of several sentences is often set as several lines, closed only in the last one).
QUOTE_PARAGRAPHS = 5
_DOUBLE_OPENERS = '“„«»"”'


@rule(
    "unbalanced-quote",
    Severity.MINOR,
    "A quotation mark opened and never closed, closed and never opened, or of the wrong kind.",
)
def unbalanced_quote(doc: Document) -> Iterator[Hit]:
    """Quotation marks are paired within each paragraph, then across paragraphs: a mark left
    open is closed by a closing mark with no opener in one of the next paragraphs (a quotation
    set over several lines) or by the next paragraph opening again (the typographic convention).
    What stays unpaired is one finding per paragraph, however many marks it holds."""
    problems: dict[int, list[tuple[int, int, str]]] = {}  # paragraph -> (start, end, message)
    pending: list[tuple[int, int]] = []  # (paragraph index, offset in the text) of open marks
    for para in doc.paragraphs:
        text = para.text
        if not _ANY_MARK.search(text):
            continue
        qa = analyse_quotes(text)
        for pos in qa.stray_closers:
            double = text[pos] in DOUBLE_MARKS
            for k in range(len(pending) - 1, -1, -1):
                p_index, p_pos = pending[k]
                if para.index - p_index <= QUOTE_PARAGRAPHS and (doc.text[p_pos] in DOUBLE_MARKS) == double:
                    del pending[k]  # the end of a quotation opened paragraphs earlier
                    break
            else:
                problems.setdefault(para.index, []).append(
                    (
                        para.start + pos,
                        para.start + pos + 1,
                        f"The closing quotation mark {text[pos]} in “{quote_snippet(text, pos, pos + 1)}” "
                        "has no opening one.",
                    )
                )
        for pos in qa.wrong_closers:
            problems.setdefault(para.index, []).append(
                (
                    para.start + pos,
                    para.start + pos + 1,
                    f"The quotation mark {text[pos]} in “{quote_snippet(text, pos, pos + 1)}” closes a "
                    "quotation but is an opening mark.",
                )
            )
        nxt = doc.paragraph_after(para)
        for pos in qa.unclosed:
            if nxt is not None and _starts_with_opener(nxt.text) and (pos == 0 or text[pos] in '“„«"‘'):
                continue  # reopened at the start of the next paragraph: the quotation goes on
            pending.append((para.index, para.start + pos))
    for p_index, p_pos in pending:
        para = doc.paragraphs[p_index]
        pos = p_pos - para.start
        problems.setdefault(p_index, []).append(
            (
                p_pos,
                para.end,
                f"The quotation mark {para.text[pos]} before “{shorten(para.text[pos + 1 :], 50)}” "
                "is never closed.",
            )
        )
    for _, found in sorted(problems.items()):
        found.sort()
        start, end, message = found[0]
        end = max(e for _, e, _ in found)
        if len(found) > 1:
            message += f" This paragraph has {len(found) - 1} more unpaired quotation mark{'s' if len(found) > 2 else ''}."
        yield Hit(start, end, message, None)


_OPEN_BR = {"(": ")", "[": "]", "{": "}"}
_CLOSE_BR = {v: k for k, v in _OPEN_BR.items()}


@rule(
    "unbalanced-bracket",
    Severity.MINOR,
    "A bracket opened and never closed in its paragraph, or closed and never opened.",
)
def unbalanced_bracket(doc: Document) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = para.text
        if not _ANY_BRACKET.search(text):
            continue
        stack: list[int] = []
        lost: list[int] = []
        for i, ch in enumerate(text):
            if ch in _OPEN_BR:
                if i > 0 and text[i - 1] in ":;=":
                    continue  # :( emoticon
                stack.append(i)
            elif ch in _CLOSE_BR:
                if stack and text[stack[-1]] == _CLOSE_BR[ch]:
                    stack.pop()
                    continue
                if i > 0 and (text[i - 1] in ":;=" or (text[i - 1] == "-" and i > 1 and text[i - 2] in ":;")):
                    continue  # :) emoticon
                # "1)" "a)" list markers
                j = i
                while j > 0 and text[j - 1].isalnum():
                    j -= 1
                if 1 <= i - j <= 3 and (j == 0 or text[j - 1].isspace()):
                    continue
                if any(text[k] == _CLOSE_BR[ch] for k in stack):
                    while stack and text[stack[-1]] != _CLOSE_BR[ch]:
                        lost.append(stack.pop())
                    stack.pop()
                    continue
                yield Hit(
                    para.start + i,
                    para.start + i + 1,
                    f"The closing bracket {ch} in “{quote_snippet(text, i, i + 1)}” has no opening one.",
                    None,
                )
        for pos in sorted(stack + lost):
            yield Hit(
                para.start + pos,
                para.end,
                f"The bracket {text[pos]} before “{shorten(text[pos + 1 :], 50)}” is never closed in this paragraph.",
                None,
            )
