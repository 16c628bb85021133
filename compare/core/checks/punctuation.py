"""Doubled and spaced punctuation, missing spaces after a sentence, tokenizer leftovers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from compare.core.checks.finding import Severity
from compare.core.text.scripts import written_without_spaces

from ._base import Document, Hit, quote_snippet, rule
from ._lexicon import is_abbreviation_token
from .quotes import quote_pairs, spaced_apostrophes

# --------------------------------------------------------------------------- doubled punctuation

# ",,"  ", ,"  ";;"  "::"  ",."  ", ."  and two periods that are not part of an ellipsis.
_DOUBLED = re.compile(
    r"(?P<a>[,;:])(?P<ws>[ \t\u00a0]*)(?P<b>[,;:.])|\.(?<![.\s]\.)(?P<ws2>[ \t\u00a0]*)\.(?![.])"
)


@rule(
    "doubled-punctuation",
    Severity.MINOR,
    'Doubled punctuation (". .", ",,", ",."), not counting ellipses.',
)
def doubled_punctuation(doc: Document) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = para.text
        for m in _DOUBLED.finditer(text):
            s, e = m.start(), m.end()
            if m.group("a"):
                a, b = m.group("a"), m.group("b")
                if a == ":" and b == ":" and not m.group("ws"):
                    continue  # "::" in code or IPv6
                if a != b and a != ",":
                    continue  # ";." ":," are rare and ambiguous
                keep = b if a == "," and b == "." else a
                if b == "." and e < len(text) and text[e] == ".":
                    continue  # ", ..." -- a comma before an ellipsis
            else:
                # ". ." but not a spaced ellipsis ". . ." and not "..."
                if e < len(text) and re.match(r"\s*\.", text[e : e + 3]):
                    continue
                if s > 0 and text[s - 1] == ".":
                    continue
                keep = "."
            start = para.start + s
            yield Hit(
                start,
                para.start + e,
                f"Doubled punctuation “{text[s:e]}” in “{quote_snippet(text, s, e)}”.",
                keep,
            )


# --------------------------------------------------------------------------- space before


def _space_before_marks(language: str | None) -> str:
    if language == "fr":
        return ",."  # French puts a (thin) space before ; : ! ?
    if language in ("en", "de", "es", "it", "nl", "pt"):
        return ",.;:!?"
    return ",.;"


_SPACE_BEFORE = re.compile(
    r"(?P<ws>[ \t](?<=[^\W_][ \t])[ \t]*)(?:(?P<p>[,.;:!?])(?=\s|$|[\"”’»)\]])|(?P<p2>[,;])(?=[^\W\d_]))"
)


@rule(
    "space-before-punctuation",
    Severity.MINOR,
    'A space before a comma, period or other punctuation mark ("word ,").',
)
def space_before_punctuation(doc: Document) -> Iterator[Hit]:
    marks = _space_before_marks(doc.language)
    for para in doc.paragraphs:
        text = para.text
        for m in _SPACE_BEFORE.finditer(text):
            p = m.group("p") or m.group("p2")
            if p not in marks:
                continue
            s, e = m.start(), m.end()
            if p == ":" and text[e : e + 1] in ("(", ")", "-", "D", "P"):
                continue  # a smiley :)
            if p == "." and text[e : e + 2] == " .":
                continue  # a spaced ellipsis ". . ."
            yield Hit(
                para.start + s,
                para.start + e,
                f"A space before “{p}” in “{quote_snippet(text, s, e)}”.",
                p if m.group("p") else p + " ",
            )


# --------------------------------------------------------------------------- missing space

# "Ukraine.Credit": a word of two or more lowercase letters at the end, a sentence mark, then a
# capitalised word, with no space between.
_MISSING_SPACE = re.compile(r"(?P<p>[.!?])(?<=[^\W\d_A-Z]{2}[.!?])(?=[^\W\d_a-z][^\W\d_A-Z])")
_URLISH = re.compile(r"(?i)(?:https?:|ftp:|www\.|@|\.(?:com|org|net|gov|edu|de|fr|uk|html?|php)\b)")


@rule(
    "missing-space",
    Severity.MINOR,
    'No space after the end of a sentence ("Ukraine.The"), outside abbreviations, URLs and e-mails.',
)
def missing_space(doc: Document) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = para.text
        for m in _MISSING_SPACE.finditer(text):
            pos = m.start()
            if not (text[pos - 1].islower() and text[pos + 1].isupper()):
                continue
            # The whole non-space token: skip URLs, e-mail addresses, file names.
            a = pos
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            b = pos
            while b < len(text) and not text[b].isspace():
                b += 1
            token = text[a:b]
            if _URLISH.search(token):
                continue
            if m.group("p") == "." and is_abbreviation_token(text[a:pos]):
                continue
            start = para.start + pos
            yield Hit(
                start,
                start + 1,
                f"No space after the end of the sentence in “{quote_snippet(text, pos, pos + 1)}”.",
                m.group("p") + " ",
            )


# --------------------------------------------------------------------------- tokenizer leftovers

_BRACKET_SPACE = re.compile(
    r"\((?P<l>[ \t]+)(?P<in>[^()\n]*?)(?P<r>[ \t]*)\)|\((?P<in2>[^()\n]*?[^\s(])(?P<r2>[ \t]+)\)"
)
# " -like", " -style": a suffix in lowercase split off by a tokenizer. Not a capitalised word
# (" -Xinhuanet" separates a title from its site) and not after a comma or a conjunction (German
# suspended compounds: "Cowboy-Hüte, -Mützen", "Haushalts- und -geräte").
_HYPHEN_SUFFIX = re.compile(r"(?P<ws>[ \t](?<=[^\s(\[,][ \t])[ \t]*)-(?=[^\W\d_A-Z][^\W\d_]+\b)")
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie", "and", "or", "et", "ou", "y", "o", "e"})


@rule(
    "tokenizer-spacing",
    Severity.MINOR,
    'Spaces left by a tokenizer: inside quotation marks or brackets (" giant "), before a suffix (" -like").',
)
def tokenizer_spacing(doc: Document) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = para.text
        for o, c in quote_pairs(para.text):
            if text[o] in "«»‹›":
                continue  # French puts spaces inside guillemets
            if c - o >= 3 and text[o + 1].isspace() and text[c - 1].isspace():
                inner = text[o + 1 : c].strip()
                if written_without_spaces(inner):
                    continue  # Chinese or Japanese: spaces follow no convention of alphabets there
                yield Hit(
                    para.start + o,
                    para.start + c + 1,
                    f"Spaces inside the quotation marks in “{quote_snippet(text, o, c + 1)}”.",
                    text[o] + inner + text[c],
                    "spaces inside quotation marks",
                )
        for m in _BRACKET_SPACE.finditer(text) if "(" in text else ():
            inner = m.group("in") if m.group("in") is not None else m.group("in2")
            if not inner.strip() or written_without_spaces(inner):
                continue
            s, e = m.start(), m.end()
            yield Hit(
                para.start + s,
                para.start + e,
                f"Spaces inside the brackets in “{quote_snippet(text, s, e)}”.",
                "(" + inner.strip() + ")",
                "spaces inside brackets",
            )
        for m in spaced_apostrophes(text):
            s, e = m.start(), m.end()
            yield Hit(
                para.start + s,
                para.start + e,
                f"A space before the apostrophe in “{quote_snippet(text, s, e)}”.",
                text[s + 1 : e],
                "space before an apostrophe",
            )
        for m in _HYPHEN_SUFFIX.finditer(text):
            s, e = m.start(), m.end()
            if text[:s].rsplit(None, 1)[-1].rstrip(".").lower() in _CONJUNCTIONS:
                continue
            yield Hit(
                para.start + s,
                para.start + e,
                f"A space before the hyphen in “{quote_snippet(text, s, e + 4)}”.",
                "-",
                "space before a hyphen",
            )
