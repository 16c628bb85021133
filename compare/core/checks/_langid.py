"""Language identification for the checks: a cheap stopword opinion first, langdetect when in doubt.

langdetect samples n-grams at random; the factory is seeded (``DetectorFactory.seed = 0``)
before any detection so that answers are reproducible. It is slow (a few milliseconds per
paragraph), so it only sees paragraphs the stopword test cannot vouch for, and at most
:data:`SAMPLE_CHARS` characters of each.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ._base import Paragraph
from ._lexicon import STOPWORDS, WORD_RE, stopword_ratio

SAMPLE_CHARS = 300
DOC_SAMPLE_CHARS = 3000
_lock = threading.Lock()


def _cjk_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    cjk = sum(
        1
        for c in letters
        if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" or "\uf900" <= c <= "\ufaff"
    )
    return cjk / len(letters)


def base(code: str) -> str:
    return code.split("-")[0].lower()


def detect_probabilities(text: str) -> list[tuple[str, float]]:
    """langdetect's (language, probability) list for ``text``, best first; [] when it cannot tell."""
    import langdetect.detector_factory as df
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:
        DetectorFactory.seed = 0
        if df._factory is None:
            init_factory()
        factory = df._factory
        assert factory is not None
        try:
            det = factory.create()
            det.set_max_text_length(len(text) + 1)
            det.append(text)
            probs = det.get_probabilities()
        except LangDetectException:
            return []
    merged: dict[str, float] = {}
    for p in probs:
        merged[base(p.lang)] = merged.get(base(p.lang), 0.0) + p.prob
    return sorted(merged.items(), key=lambda kv: -kv[1])


def cheap_language(text: str) -> str | None:
    """The language whose stopwords clearly dominate ``text``, or None."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    if len(words) < 6:
        return None
    ratios = sorted(((stopword_ratio(words, lang), lang) for lang in STOPWORDS), reverse=True)
    (best, lang), (second, _) = ratios[0], ratios[1]
    if best >= 0.15 and best >= 1.6 * second:
        return lang
    return None


def detect_document_language(paragraphs: Sequence[Paragraph]) -> str | None:
    """The language of the whole text, from a sample of its paragraphs, or None."""
    sample_parts: list[str] = []
    total = 0
    for p in paragraphs:
        sample_parts.append(p.text)
        total += len(p.text)
        if total >= DOC_SAMPLE_CHARS:
            break
    sample = "\n".join(sample_parts)[:DOC_SAMPLE_CHARS]
    if sum(1 for c in sample if c.isalpha()) < 20:
        return None
    if _cjk_share(sample) > 0.5:
        probs = detect_probabilities(sample)
        return probs[0][0] if probs and probs[0][1] >= 0.8 else None
    cheap = cheap_language(sample)
    if cheap is not None:
        return cheap
    probs = detect_probabilities(sample)
    return probs[0][0] if probs and probs[0][1] >= 0.8 else None
