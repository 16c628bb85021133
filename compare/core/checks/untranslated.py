"""A paragraph in another language than the document's: a passage left untranslated."""

from __future__ import annotations

from collections.abc import Iterator

from compare.core.checks.finding import Severity
from compare.core.text.language import cheap_language, cjk_share, language_name, language_probabilities
from compare.core.text.scripts import cjk_language
from compare.core.text.stopwords import STOPWORDS, WORD_RE, stopword_ratio

from ._base import Document, Hit, rule, shorten

MIN_LETTERS = 40
MIN_PROBABILITY = 0.95
# langdetect takes several milliseconds a paragraph; past this many calls in one document the
# rule trusts the stopword opinion alone (a document that long and that mixed is rare).
MAX_DETECTIONS = 250
_CJK_LANGS = {"zh", "ja", "ko"}
SAMPLE_CHARS = 300  # of a paragraph, for langdetect: enough to tell, and cheap


@rule(
    "untranslated-paragraph",
    Severity.MAJOR,
    "A paragraph in another language than the rest of the text: a passage left untranslated.",
    suppresses_overlapping=True,
)
def untranslated_paragraph(doc: Document) -> Iterator[Hit]:
    lang = doc.language
    if not lang:
        return
    calls = 0
    seen: dict[str, str | None] = {}
    for para in doc.paragraphs:
        text = para.text
        if text in seen:
            best = seen[text]
        else:
            best = None
            if calls < MAX_DETECTIONS:
                best, used = _foreign_language(text, lang)
                calls += used
            else:
                best = _foreign_language_cheap(text, lang)
            seen[text] = best
        if best is None:
            continue
        yield Hit(
            para.start,
            para.end,
            f"This paragraph seems to be in {language_name(best)}, not {language_name(lang)} "
            f"(left untranslated?): “{shorten(text)}”.",
            None,
        )


def _foreign_language_cheap(text: str, lang: str) -> str | None:
    if sum(1 for c in text if c.isalpha()) < MIN_LETTERS:
        return None
    cheap = cheap_language(text[:SAMPLE_CHARS])
    return cheap if cheap is not None and cheap != lang else None


def _foreign_language(text: str, lang: str) -> tuple[str | None, int]:
    """The language ``text`` is in when it is confidently not ``lang``; and langdetect calls made."""
    letters = sum(1 for c in text if c.isalpha())
    if letters < MIN_LETTERS:
        return None, 0
    cjk = cjk_share(text)
    if lang in _CJK_LANGS:
        if cjk >= 0.3:
            return None, 0  # a paragraph in the document's script
    elif cjk < 0.3 and lang in STOPWORDS and cheap_language(text) == lang:
        return None, 0
    else:
        script = cjk_language(text)
        if script is not None:
            return script, 0  # the script tells (langdetect takes short Chinese for Korean)
    sample = text[:SAMPLE_CHARS]
    probs = language_probabilities(sample)
    if not probs:
        return None, 1
    best, prob = probs[0]
    if best == lang or prob < MIN_PROBABILITY:
        return None, 1
    # Names and numbers fool langdetect: ask the stopwords for a second opinion.
    words = [w.lower() for w in WORD_RE.findall(sample)]
    own = stopword_ratio(words, lang) if lang in STOPWORDS else None
    other = stopword_ratio(words, best) if best in STOPWORDS else None
    if other is not None and (other < 0.08 or (own is not None and other <= own)):
        return None, 1
    if other is not None and sum(1 for w in words if w in STOPWORDS[best]) < 2:
        return None, 1  # one "de" among names: "Cathédrale Saint-Pierre-et-Saint-Paul de Nantes"
    if other is None and own is not None and own >= 0.05:
        return None, 1
    return best, 1
