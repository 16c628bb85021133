"""Sentences cut by a stray period, short fragments between periods, repeated sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

from compare.core.checks.finding import Severity
from compare.core.text.stopwords import wordset

from ._base import Document, Hit, Paragraph, quote_snippet, rule, shorten
from ._lexicon import INTERJECTIONS, is_abbreviation_token

_OPENERS = "([{\"'“„«‹‘‚"

# A period right after a letter, then whitespace, then the next token.
_PERIOD_THEN_WORD = re.compile(r"\.(?<=[^\W\d_]\.)(?P<ws>\s+)(?P<next>\S+)")


def _token_before(text: str, pos: int) -> str:
    """The whitespace-delimited token that ends at ``pos`` (exclusive)."""
    i = pos
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:pos]


def sentence_final_period(text: str, pos: int) -> bool:
    """Whether the period at ``text[pos]`` can end a sentence (not an abbreviation, initial,
    ordinal, decimal or part of an ellipsis)."""
    if pos == 0 or not text[pos - 1].isalpha():
        return False
    if pos + 1 < len(text) and text[pos + 1] == ".":
        return False
    return not is_abbreviation_token(_token_before(text, pos))


def _words_before(text: str, pos: int) -> int:
    """Number of words between the previous sentence end (or paragraph start) and ``pos``."""
    i = pos - 1
    while i > 0:
        ch = text[i]
        if ch in "!?" or (ch == "." and sentence_final_period(text, i)):
            break
        i -= 1
    return len(text[i:pos].split())


# --------------------------------------------------------------------------- stray period


@rule(
    "stray-period",
    Severity.MAJOR,
    "A period in the middle of a sentence: the next word starts in lowercase.",
)
def stray_period(doc: Document) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = para.text
        for m in _PERIOD_THEN_WORD.finditer(text):
            pos = m.start()
            nxt = m.group("next")
            if not nxt[0].islower() or not nxt[0].isalpha():
                continue
            if any(c.isupper() for c in nxt[1:]):  # iPhone, eBay
                continue
            if "." in nxt.rstrip(".,;:!?)”’\"'»") or "@" in nxt:  # a URL or e-mail address
                continue
            if not sentence_final_period(text, pos):
                continue
            start = para.start + pos
            yield Hit(
                start,
                start + 1,
                f"A stray period cuts the sentence in “{quote_snippet(text, pos, pos + 1)}”; "
                "the next word starts in lowercase, so the period should probably go.",
                "",
            )


# --------------------------------------------------------------------------- fragments

_WORD = r"[^\W\d_][\w’'-]*"
# "…and Russia. West." -- one or two capitalised words between two periods.
_SHORT_FRAGMENT = re.compile(rf"\.(?<=[^\W\d_]\.)(?P<ws>\s+)(?P<frag>{_WORD}(?:\s+{_WORD})?)\.(?=\s|$)")

_PREPOSITIONS = wordset("in of on at for from to with by")
_CLAUSE_GLUE = _PREPOSITIONS | {"the", "and"}
_NOT_A_SUBJECT = wordset(
    """the a an this that these those in of on at for from to with by and but or so yet
    he she it we they i you there here his her its our their my your one some many most
    after before while when if as since during under over about according meanwhile however
    yesterday today tomorrow earlier later still also then"""
)
# "…the Russian presence. NATO in Eastern Europe, or that…" -- a verbless clause of names and
# prepositions, then ", or" / ", and": the tail of a sentence cut by a stray period (English).
_CLAUSE = re.compile(r"(?P<ws>\s+)(?P<clause>[^,;:.!?]+?)(?P<end>,\s+(?:or|and|but)\s|[.!?](?=\s|$))")


_DETERMINERS = wordset(
    """no not the a an all many some good happy merry thank well very so what how
    kein keine keiner keinen die der das den dem ein eine einen mein meine dein sein seine ihr
    ihre unser unsere alle viele nur auch noch gute guten schöne frohe herzlichen vielen
    le la les un une des pas bonne bon très
    el la los las un una buen buena"""
)
_MID_SENTENCE_CAP = re.compile(r"([^\W\d_a-z](?<=[a-zà-ÿ,;] [^\W\d_a-z])[\w’'-]*)")


def _names(doc: Document) -> frozenset[str]:
    """Capitalised words that occur in the middle of a sentence somewhere: probably names."""
    names = doc.cache.get("names")
    if names is None:
        names = frozenset(m.group(1) for p in doc.paragraphs for m in _MID_SENTENCE_CAP.finditer(p.text))
        doc.cache["names"] = names
    return names  # type: ignore[return-value]


def _is_name(word: str, doc: Document) -> bool:
    return (word.isupper() and len(word) > 1) or word in _names(doc)


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and len(word) > 1 and word.replace("-", "").replace("’", "").isalpha()


@rule(
    "sentence-fragment",
    Severity.MAJOR,
    'A fragment of a sentence between two periods ("…and Russia. West."): a stray period.',
)
def sentence_fragment(doc: Document) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = para.text
        for m in _SHORT_FRAGMENT.finditer(text):
            pos = m.start()
            words = m.group("frag").split()
            if not all(_is_capitalised(w) for w in words):
                continue
            if any(w.lower().strip("’'") in INTERJECTIONS for w in words):
                continue
            if len(words) == 2 and words[0].lower() in _DETERMINERS:
                continue  # "Keine Chance." "Good luck."
            end = m.end()  # after the fragment's own period
            if not sentence_final_period(text, pos) or not sentence_final_period(text, end - 1):
                continue
            if _words_before(text, pos) < 3:
                continue
            start = para.start + pos
            frag = m.group("frag")
            yield Hit(
                start,
                para.start + end,
                f"“{frag}.” is a fragment of {len(words)} word{'s' if len(words) > 1 else ''} between "
                f"two periods in “{quote_snippet(text, pos, end)}”: a stray period seems to have cut "
                "the sentence.",
                None,
            )
        if (doc.language or "en") != "en":
            continue
        for m in _PERIOD_THEN_WORD.finditer(text):
            pos = m.start()
            if not sentence_final_period(text, pos) or _words_before(text, pos) < 3:
                continue
            cm = _CLAUSE.match(text, pos + 1)
            if not cm:
                continue
            words = cm.group("clause").split()
            if not 2 <= len(words) <= 6 or words[0].lower() in _NOT_A_SUBJECT:
                continue
            if not _is_capitalised(words[0]) or not _is_name(words[0], doc):
                continue  # "Prices in Europe, and elsewhere, rose." is a sentence
            if not all(_is_capitalised(w) or w in _CLAUSE_GLUE for w in words[1:]):
                continue
            if not any(w in _PREPOSITIONS for w in words[1:]):
                continue
            if cm.group("end")[0] in ".!?" and len(words) > 4:
                continue
            clause_end = cm.start("end")
            start = para.start + pos
            yield Hit(
                start,
                para.start + clause_end,
                f"“{cm.group('clause')}” after the period in “{quote_snippet(text, pos, clause_end)}” "
                "has no verb: a stray period seems to have cut the sentence.",
                None,
            )


# --------------------------------------------------------------------------- repeated sentences

_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in a paragraph (cheap: splits at . ! ? … not after abbreviations)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end_char = m.group()[0]
        if (
            end_char == "."
            and len(m.group().rstrip('"”’»)]')) == 1
            and not sentence_final_period(text, m.start())
        ):
            continue
        if end_char == "." and m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _five_words(sentence: str) -> bool:
    """Whether five of the sentence's words hold a letter (counted up to the fifth only)."""
    n = 0
    for w in sentence.split():
        if w.isalpha() or any(c.isalpha() for c in w):
            n += 1
            if n == 5:
                return True
    return False


def _sentence_key(s: str) -> str:
    return " ".join(s.strip(" \t\"'“”„«»‹›‘’‚()[]").casefold().split())


@rule(
    "repeated-sentence",
    Severity.MINOR,
    "A sentence of five words or more that repeats an earlier one word for word.",
)
def repeated_sentence(doc: Document) -> Iterator[Hit]:
    seen: dict[str, int] = {}
    for para in doc.paragraphs:
        for a, b in split_sentences(para.text):
            sentence = para.text[a:b]
            if not _five_words(sentence):
                continue
            key = _sentence_key(sentence)
            first = seen.setdefault(key, para.start + a)
            if first != para.start + a:
                yield Hit(
                    para.start + a,
                    para.start + b,
                    f"The sentence “{shorten(sentence)}” repeats one earlier in the text word for word.",
                    None,
                )


__all__ = ["Paragraph", "sentence_final_period", "split_sentences"]
