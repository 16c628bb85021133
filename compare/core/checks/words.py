"""Doubled words: "the the" and run-together duplicates like "CreditCredit"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from compare.core.checks.finding import Severity
from compare.core.text.stopwords import wordset

from ._base import Document, Hit, quote_snippet, rule
from ._lexicon import ALL_LEGIT_DOUBLES, LEGIT_DOUBLES, PARTICLES, PHRASAL_VERBS

_DOUBLED = re.compile(r"\b(?P<w>[^\W\d_]+)(?P<ws>[ \t\u00a0]+)(?P=w)\b", re.IGNORECASE)
_RUN_TOGETHER = re.compile(r"\b(?P<w>[^\W\d_a-z][^\W\d_A-Z]{2,})(?P=w)\b")
_FUNCTION_WORDS = wordset(
    "the a an of to in and or for on at by with is are was were it that this der die das den dem des "
    "und ein eine einen le la les de des du et un une el los las"
)


_WINDOW = 64  # longer than any verb the particle rule looks for


def _word_before(text: str, pos: int) -> str:
    """The whitespace-separated word that ends before ``pos``, lowercased (its last
    :data:`_WINDOW` characters at most: enough for a suffix or a phrasal verb, and constant time
    where splitting everything before ``pos`` made the rule quadratic on a long line)."""
    before = text[max(0, pos - _WINDOW) : pos].split()
    return before[-1].lower() if before else ""


@rule(
    "doubled-word",
    Severity.MINOR,
    'A word written twice in a row ("the the"), or twice without a space ("CreditCredit").',
)
def doubled_word(doc: Document) -> Iterator[Hit]:
    lang = doc.language
    legit = LEGIT_DOUBLES.get(lang, frozenset()) if lang else ALL_LEGIT_DOUBLES
    for para in doc.paragraphs:
        text = para.text
        for m in _DOUBLED.finditer(text):
            first = m.group("w")
            second = text[m.end("ws") : m.end()]
            low = first.lower()
            if low in legit:
                continue
            if low in PARTICLES and lang in (None, "en"):
                verb = _word_before(text, m.start())
                if verb.endswith(("ed", "en", "ing")) or verb in PHRASAL_VERBS:
                    continue  # "was taken in in the church"
            # "Boutros Boutros-Ghali", "Sirhan Sirhan": two capitalised words may be a name.
            if first[0].isupper() and second[0].isupper() and low not in _FUNCTION_WORDS:
                continue
            if m.end() < len(text) and text[m.end()] in "-’'":
                continue
            s, e = m.start(), m.end()
            yield Hit(
                para.start + s,
                para.start + e,
                f"The word “{first}” is doubled in “{quote_snippet(text, s, e)}”.",
                first,
            )
        for m in _RUN_TOGETHER.finditer(text):
            w = m.group("w")
            s, e = m.start(), m.end()
            yield Hit(
                para.start + s,
                para.start + e,
                f"“{w}” is written twice without a space in “{quote_snippet(text, s, e)}”.",
                w,
            )
