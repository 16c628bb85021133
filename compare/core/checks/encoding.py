"""Mojibake: text decoded with the wrong encoding ("MÃ¼nchen", "Itâ€™s"), or lost characters (�)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator

from compare.core.checks.finding import Severity

from ._base import Document, Hit, rule, shorten

_MERGE_GAP = 3  # differences closer than this are one finding


def _diff_regions(old: str, new: str) -> list[tuple[int, int, int, int]]:
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    regions: list[list[int]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if regions and i1 - regions[-1][1] <= _MERGE_GAP:
            regions[-1][1] = i2
            regions[-1][3] = j2
        else:
            regions.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in regions]


def _widen(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen a span to whole words, so the finding reads "MÃ¼nchen", not "Ã¼"."""
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return a, b


@rule(
    "mojibake",
    Severity.MAJOR,
    'Garbled characters from a wrong text encoding ("MÃ¼nchen" for "München"), or lost ones (�).',
    suppresses_overlapping=True,
)
def mojibake(doc: Document) -> Iterator[Hit]:
    # imported here: ftfy takes 50 ms to import, and a window that shows a pair checked in
    # another process (compare/qt/ahead.py) never runs this rule itself
    import ftfy
    from ftfy import badness

    for para in doc.paragraphs:
        text = para.text
        if text.isascii():
            continue  # ftfy returns ASCII text as it is (its first plan), and it holds no �
        reported: list[tuple[int, int]] = []
        if badness.is_bad(text):
            fixed = ftfy.fix_encoding(text)
            if fixed != text and len(text) < 20000:
                for i1, i2, j1, j2 in _diff_regions(text, fixed):
                    a, b = _widen(text, i1, i2)
                    replacement = text[a:i1] + fixed[j1:j2] + text[i2:b]
                    reported.append((a, b))
                    yield Hit(
                        para.start + a,
                        para.start + b,
                        f"Garbled characters (wrong encoding) in “{shorten(text[a:b])}”; "
                        f"it probably reads “{shorten(replacement)}”.",
                        replacement,
                    )
            elif fixed != text:
                yield Hit(
                    para.start,
                    para.end,
                    f"Garbled characters (wrong encoding) in this paragraph: “{shorten(text)}”.",
                    fixed,
                )
                continue
        pos = text.find("\ufffd")
        while pos != -1:
            if not any(a <= pos < b for a, b in reported):
                a, b = _widen(text, pos, pos + 1)
                yield Hit(
                    para.start + a,
                    para.start + b,
                    f"A character was lost in decoding (�) in “{shorten(text[a:b])}”.",
                    None,
                )
            pos = text.find("\ufffd", pos + 1)


# Characters that show nothing, or not what is stored: the text on screen is not the text
# compared, exported or published. Bidirectional overrides and isolates reorder what is shown
# (a "Trojan Source" in prose); zero-width spaces and a byte-order mark inside the text make two
# words that look the same differ; control characters are never text. Tab, newline, carriage
# return, form feed and vertical tab are line structure; a soft hyphen or a zero-width joiner
# belongs to hyphenation and to scripts that need it, and is left alone.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile(f"[{_BIDI}\u200b\u2060\ufeff\x00-\x08\x0e-\x1f\x7f\x80-\x9f]+")


def _described(run: str) -> str:
    return ", ".join(
        f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character').lower()}" for ch in dict.fromkeys(run)
    )


@rule(
    "invisible-character",
    Severity.MINOR,
    "A character that shows nothing, or reorders what is shown (bidirectional overrides, "
    "zero-width spaces, control characters): the text on screen is not the text stored.",
)
def invisible_character(doc: Document) -> Iterator[Hit]:
    for m in _INVISIBLE.finditer(doc.text):
        run = m.group()
        if m.start() == 0 and run == "\ufeff":
            continue  # a byte-order mark the reader kept at the very start is the file's, not the text's
        # (C1 controls that are cp1252 punctuation read as latin-1, "\x93no\x94", are mojibake,
        # which ftfy repairs; that rule's finding replaces this one.)
        a, b = _widen(doc.text, m.start(), m.end())
        shown = shorten(doc.text[a:b].translate(_VISIBLE))
        message = f"“{shown}” holds {_described(run)}, which the text does not show; remove it."
        yield Hit(m.start(), m.end(), message, "", pattern=run)


_VISIBLE = {ord(ch): "\N{REPLACEMENT CHARACTER}" for ch in _BIDI + "\u200b\u2060\ufeff"} | {
    k: 0x2400 + k for k in range(0x20)
}
