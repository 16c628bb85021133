"""Which language a text is in: langdetect, made deterministic, with a confidence.

langdetect samples n-grams at random, so the same text can get different answers
run to run unless the factory is seeded; it is seeded here once, before first use.
Text too short to tell gets ``"unknown"`` instead of a confident wrong guess.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

UNKNOWN = "unknown"
MIN_LETTERS = 20  # fewer letters than this and langdetect guesses wildly
MIN_CONFIDENCE = 0.70
_SAMPLE_CHARS = 5000  # enough for a firm answer; keeps large files fast

_lock = threading.Lock()
_ready = False


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1 ("en", "de", "zh-cn"...) or "unknown"
    confidence: float  # 0.0 - 1.0

    @property
    def base(self) -> str:
        """The language without region ("zh-cn" -> "zh")."""
        return self.code.split("-")[0]

    def __str__(self) -> str:
        return self.code


UNKNOWN_LANGUAGE = Language(UNKNOWN, 0.0)


def _detector():  # type: ignore[no-untyped-def]
    """A fresh langdetect detector from the seeded, shared factory."""
    global _ready
    import langdetect.detector_factory as df

    if not _ready:
        df.DetectorFactory.seed = 0
        df.init_factory()
        _ready = True
    assert df._factory is not None
    return df._factory.create()


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    # Beginning, middle and end, so one odd passage does not decide.
    third = _SAMPLE_CHARS // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))


def detect_language(text: str) -> Language:
    """The language of ``text`` with langdetect's probability, or unknown."""
    sample = _sample(text)
    letters = _letters(sample)
    cjk = sum(1 for ch in sample if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    if letters < MIN_LETTERS and not (cjk >= 6):
        return UNKNOWN_LANGUAGE
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:
        try:
            det = _detector()
            det.append(sample)
            candidates = det.get_probabilities()
        except LangDetectException:
            return UNKNOWN_LANGUAGE
    if not candidates:
        return UNKNOWN_LANGUAGE
    best = candidates[0]
    if best.prob < MIN_CONFIDENCE:
        return Language(UNKNOWN, round(best.prob, 3))
    return Language(best.lang, round(best.prob, 3))


def detect_paragraph_languages(text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> list[Language]:
    """The language of each paragraph span; short paragraphs are unknown."""
    return [detect_language(text[s:e]) for s, e in spans]
