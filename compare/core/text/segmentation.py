"""Paragraphs, sentences and words, all as character spans into the original text.

Sentences come from `sentencex` (fast, ~300 languages, keeps abbreviations such as
"Mr.", "U.S." and "a.m." whole). A few repairs follow for cases it splits wrongly in
news: a single capital initial ("M. Macron", "Aleksandr V. Grushko") and, in languages
that write ordinals with a period, a day number ("am 3. Januar").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sentencex import segment as _sentencex_segment

from compare.core.text.patterns import lazy_compile
from compare.core.text.scripts import CJK

Span = tuple[int, int]

BLANK_LINES, LINES, FORCED_LINES = "blank-lines", "lines", "forced-lines"

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Languages that write ordinal numbers with a period ("3. Januar", "2. maaliskuuta").
_ORDINAL_LANGS = {
    "de",
    "da",
    "no",
    "nb",
    "nn",
    "fi",
    "is",
    "et",
    "lv",
    "lt",
    "cs",
    "sk",
    "sl",
    "hr",
    "sr",
    "bs",
    "hu",
    "pl",
    "tr",
}
_INITIAL_END = re.compile(r"(?:^|[\s(\"'“‘«„])[A-ZÀ-ÖØ-ÞĀ-Ž]\.\s*$")
_ORDINAL_END = re.compile(r"(?:^|\s)\d{1,2}\.\s*$")
_CJK = CJK
WORD_RE = lazy_compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:[’'.\-][^\W{_CJK}]+)*|[^\w\s]")


@dataclass(frozen=True)
class Segmentation:
    """Where the paragraphs and sentences of a text are.

    ``sentences`` are trimmed of surrounding whitespace and never cross a paragraph;
    ``sentence_paragraph[i]`` is the paragraph of sentence ``i``.
    """

    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    sentence_paragraph: tuple[int, ...]
    mode: str


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end without newline, end with newline) of every line."""
    out = []
    for m in _LINE_RE.finditer(text):
        if m.start() == m.end():
            break
        s = m.group()
        content_end = m.start() + len(s.rstrip("\r\n"))
        out.append((m.start(), content_end, m.end()))
    return out


def detect_paragraph_mode(text: str, lines: list[tuple[int, int, int]] | None = None) -> str:
    """Blank-line separated paragraphs (lines inside them wrapped), or one per line (``lines``:
    :func:`_lines` of ``text``, when known)."""
    lines = _lines(text) if lines is None else lines
    blank = [not text[s:e].strip() for s, e, _ in lines]
    has_blank_separator = False
    joined_lengths = []
    seen_text = False
    for i, (s, e, _) in enumerate(lines):
        if blank[i]:
            if seen_text:
                has_blank_separator = True
            continue
        seen_text = True
        if i + 1 < len(lines) and not blank[i + 1]:
            joined_lengths.append(e - s)
    if not has_blank_separator:
        return LINES
    if not joined_lengths:
        return BLANK_LINES
    # Hard-wrapped prose has short lines; long lines without blank lines between
    # them are one paragraph each, whatever else the file does.
    return BLANK_LINES if max(joined_lengths) <= 120 else LINES


def paragraphs(text: str, mode: str, lines: list[tuple[int, int, int]] | None = None) -> list[Span]:
    """Paragraph spans (trimmed of surrounding whitespace)."""
    lines = _lines(text) if lines is None else lines
    out: list[Span] = []
    if mode == BLANK_LINES:
        start = end = None
        for s, e, _ in lines:
            if text[s:e].strip():
                if start is None:
                    start = s
                end = e
            elif start is not None:
                out.append((start, end))  # type: ignore[arg-type]
                start = None
        if start is not None:
            out.append((start, end))  # type: ignore[arg-type]
    else:
        for s, e, _ in lines:
            if text[s:e].strip():
                out.append((s, e))
    return [_trim(text, s, e) for s, e in out]


def trim_span(text: str, span: Span) -> Span:
    """``span`` without the whitespace at either end."""
    return _trim(text, *span)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=64)
def _sentencex_language(language: str | None) -> str:
    if not language or language == "unknown":
        return "en"
    return language.split("-")[0].lower()


def split_sentences(text: str, start: int, end: int, language: str | None) -> list[Span]:
    """Sentence spans inside ``text[start:end]`` (one paragraph)."""
    chunk = text[start:end]
    # Line breaks inside a paragraph are wrapping, not sentence ends; same length keeps offsets.
    flat = chunk.replace("\r", " ").replace("\n", " ")
    lang = _sentencex_language(language)
    try:
        pieces = list(_sentencex_segment(lang, flat))
    except Exception:  # sentencex has no rules for this language code: use the defaults
        pieces = list(_sentencex_segment("en", flat))
    spans: list[Span] = []
    pos = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        at = flat.find(stripped, pos)
        if at < 0:  # never happens with sentencex, which only cuts; be safe anyway
            continue
        spans.append((start + at, start + at + len(stripped)))
        pos = at + len(stripped)
    if not spans:
        return [(start, end)] if chunk.strip() else []
    # Cover the whole paragraph: anything sentencex dropped joins its neighbour.
    spans[0] = (min(spans[0][0], start), spans[0][1])
    spans[-1] = (spans[-1][0], max(spans[-1][1], end))
    return _repair(text, spans, lang)


def _repair(text: str, spans: list[Span], lang: str) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out:
            prev_text = text[out[-1][0] : out[-1][1]]
            nxt = text[span[0] : span[1]]
            # A "sentence" without a single letter or digit (a doubled period, a
            # stray closing quote) belongs to the one before it.
            merge = not any(ch.isalnum() for ch in nxt)
            merge = merge or (bool(_INITIAL_END.search(prev_text)) and nxt[:1].isupper())
            if not merge and lang in _ORDINAL_LANGS and _ORDINAL_END.search(prev_text):
                merge = nxt[:1].isalpha()
            if merge:
                out[-1] = (out[-1][0], span[1])
                continue
        out.append(span)
    return out


def segment_text(text: str, language: str | None = None, mode: str = "auto") -> Segmentation:
    """Split ``text`` into paragraphs and sentences.

    ``mode`` is ``"auto"`` (detect blank-line or line paragraphs) or ``"lines"``
    (every non-empty line is one unit, for pre-segmented text).
    """
    if mode == "lines":
        paras = paragraphs(text, LINES)
        return Segmentation(tuple(paras), tuple(paras), tuple(range(len(paras))), FORCED_LINES)
    if mode != "auto":
        raise ValueError(f"unknown segmentation mode {mode!r}")
    lines = _lines(text)
    pmode = detect_paragraph_mode(text, lines)
    paras = paragraphs(text, pmode, lines)
    sentences: list[Span] = []
    owner: list[int] = []
    for i, (s, e) in enumerate(paras):
        for span in split_sentences(text, s, e, language):
            sentences.append(span)
            owner.append(i)
    return Segmentation(tuple(paras), tuple(sentences), tuple(owner), pmode)


def words(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word and punctuation spans in ``text[start:end]``; CJK characters count one each."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]


def word_count(text: str) -> int:
    """Words (not punctuation) in ``text``."""
    # the tokens as strings: a third faster than a match object each (a megabyte has 150,000)
    return sum(1 for w in WORD_RE.findall(text) if w[0].isalnum() or w[0] == "_")
