"""Which language a text is in: the one language detector of the program.

langdetect (the port of Google's detector, 55 languages) samples n-grams at random, so the same
text can get different answers run to run unless its factory is seeded; it is seeded here once,
before first use, and every detection in the program goes through this module under one lock.
It is slow (milliseconds a paragraph, and its profiles take a third of a second to load), so a
cheap opinion from stopwords answers first where it can (:func:`cheap_language`).

Text too short to tell gets ``"unknown"`` instead of a confident wrong guess. A language's
regional variants count as one ("zh-cn" and "zh-tw" split langdetect's probability for Chinese),
and text written mostly in CJK characters is told by its script (:func:`~compare.core.text.scripts.cjk_language`):
langdetect's n-grams take a short Chinese news item for Korean, its script cannot be.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import threading
import types
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare.core.text.scripts import MIN_CJK, cjk_language, count_cjk
from compare.core.text.stopwords import STOPWORDS, WORD_RE, stopword_ratio

try:  # langdetect's trials compiled (_detect.pyx): the same probabilities, several times faster
    from compare.core.text import _detect
except ImportError:  # not built here (no compiler): langdetect's own loop
    _detect = None  # type: ignore[assignment]

UNKNOWN = "unknown"
MIN_LETTERS = 20  # fewer letters than this and langdetect guesses wildly
MIN_CONFIDENCE = 0.70
_SAMPLE_CHARS = 5000  # enough for a firm answer; keeps large files fast
DOCUMENT_SAMPLE_CHARS = 3000  # what :func:`detect_document_language` reads of a document

_lock = threading.Lock()
_ready = False

NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pt": "Portuguese", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian",
    "uk": "Ukrainian", "pl": "Polish", "cs": "Czech", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "fi": "Finnish", "tr": "Turkish", "ar": "Arabic", "he": "Hebrew", "el": "Greek", "hu": "Hungarian",
    "ro": "Romanian", "ca": "Catalan", "hi": "Hindi", "bg": "Bulgarian", "hr": "Croatian", "sk": "Slovak",
    "sl": "Slovenian",
}  # fmt: skip


def language_name(code: str) -> str:
    """ "German" for "de" (and "de-AT"); the code itself when the name is not known."""
    base = code.split("-")[0].lower()
    return NAMES.get(base, code)


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


def _detector() -> Any:
    """A fresh langdetect detector from the seeded, shared factory (call under ``_lock``)."""
    global _ready
    import langdetect.detector_factory as df

    if not _ready:
        df.DetectorFactory.seed = 0
        if df._factory is None:
            df._factory = _cached_factory(df)
        _ready = True
    assert df._factory is not None
    det = df._factory.create()
    if _detect is not None and all(hasattr(det, name) for name in _DETECTOR_PARTS):
        det._detect_block = types.MethodType(_compiled_block, det)
    return det


#: What :func:`_compiled_block` reads of langdetect's ``Detector`` (1.0.9); a langdetect without
#: one of them runs its own loop.
_DETECTOR_PARTS = (
    "cleaning_text", "_extract_ngrams", "word_lang_prob_map", "random", "seed", "_init_probability",
    "n_trial", "alpha", "ALPHA_WIDTH", "BASE_FREQ", "CONV_THRESHOLD", "ITERATION_LIMIT", "_detect_block",
)  # fmt: skip


def _compiled_block(det: Any) -> None:
    """langdetect's ``Detector._detect_block`` with its trials run by ``_detect.trials``: the
    text cleaned and its n-grams extracted by langdetect, then the same random walk over them."""
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    det.cleaning_text()
    ngrams = det._extract_ngrams()
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    table = det.word_lang_prob_map
    row_of: dict[str, int] = {}
    rows: list[list[float]] = []
    picks = []
    for gram in ngrams:
        k = row_of.get(gram)
        if k is None:
            k = row_of[gram] = len(rows)
            rows.append(table[gram])
        picks.append(k)
    det.random.seed(det.seed)
    det.langprob = _detect.trials(
        rows,
        picks,
        det.random,
        det._init_probability(),
        det.n_trial,
        det.alpha,
        det.ALPHA_WIDTH,
        det.BASE_FREQ,
        det.CONV_THRESHOLD,
        det.ITERATION_LIMIT,
    )


# --- langdetect's tables, built once per user -------------------------------------------------
# Building the factory reads 55 JSON profiles and fills a table of 87,598 n-grams by 55 languages
# in Python: a third of a second, every run. The table is almost all zeros (184,129 non-zero
# probabilities), so it is kept sparse in the user's data folder: the n-grams as one string, and
# arrays of where each row's entries start, their languages and their probabilities (exact
# doubles), in one marshal file with a checksum. Loading it is a split and a few array copies; each n-gram's row
# of 55 is made when a detection first reads it. The file names the profile files it was built
# from (in the order langdetect reads them, with their sizes and times), so another langdetect
# rebuilds it; a file that cannot be read, or does not add up, is rebuilt too.

CACHE_NAME = "langdetect-tables.marshal"
_CACHE_FORMAT = 1
_SEPARATOR = "\n"  # between the n-grams (langdetect's n-grams never hold a line break)


class _ProbMap(dict[str, Any]):
    """langdetect's ``word_lang_prob_map``: n-gram -> its probability in each language. Each
    n-gram maps to its row number until its row of probabilities is first read."""

    __slots__ = ("_index", "_offsets", "_probs", "_size")

    def __init__(self, words: list[str], offsets: Any, index: Any, probs: Any, size: int) -> None:
        super().__init__(zip(words, range(len(words)), strict=True))
        self._offsets, self._index, self._probs, self._size = offsets, index, probs, size

    def __getitem__(self, word: str) -> list[float]:
        row = dict.__getitem__(self, word)
        if type(row) is list:
            return row
        dense = [0.0] * self._size
        start, end = self._offsets[row], self._offsets[row + 1]
        for k, p in zip(self._index[start:end], self._probs[start:end], strict=True):
            dense[k] = p
        dict.__setitem__(self, word, dense)
        return dense


def _profile_signature(directory: str) -> tuple[Any, ...]:
    names = [n for n in os.listdir(directory) if not n.startswith(".")]  # langdetect's order
    stats = [os.stat(os.path.join(directory, n)) for n in names]
    return (
        _CACHE_FORMAT,
        directory,
        tuple((n, s.st_size, s.st_mtime_ns) for n, s in zip(names, stats, strict=True)),
    )


def cache_path() -> Path | None:
    """Where langdetect's tables are kept for this user, or None when there is no data folder."""
    try:
        from compare.userdata import data_dir

        return data_dir() / "cache" / CACHE_NAME
    except Exception:  # no home folder, no platformdirs: build every run
        return None


def _cached_factory(df: Any) -> Any:
    """A factory from the cached tables, or built from the profiles (and then cached)."""
    directory = df.PROFILES_DIRECTORY
    try:
        signature: tuple[Any, ...] | None = _profile_signature(directory)
    except OSError:
        signature = None
    path = cache_path()
    if signature is not None and path is not None:
        factory = _read_cache(df, path, signature)
        if factory is not None:
            return factory
    factory = df.DetectorFactory()
    factory.load_profile(directory)
    if signature is not None and path is not None:
        _write_cache(factory, path, signature)
    return factory


def _read_cache(df: Any, path: Path, signature: tuple[Any, ...]) -> Any:
    from array import array

    try:
        fmt, stored, checksum, payload = marshal.loads(path.read_bytes())
        if fmt != _CACHE_FORMAT or stored != signature or zlib.crc32(payload) != checksum:
            return None
        langlist, joined, offset_bytes, index_bytes, prob_bytes = marshal.loads(payload)
        if not isinstance(langlist, list) or not all(isinstance(x, str) for x in langlist):
            return None
        if len(langlist) != len(signature[2]) or len(set(langlist)) != len(langlist):
            return None
        words = joined.split(_SEPARATOR)
        offsets, index, probs = array("Q"), array("B"), array("d")
        offsets.frombytes(offset_bytes)
        index.frombytes(index_bytes)
        probs.frombytes(prob_bytes)
        if len(offsets) != len(words) + 1 or offsets[0] != 0 or not offsets[-1] == len(index) == len(probs):
            return None
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        return None
    factory = df.DetectorFactory()
    factory.langlist = langlist
    factory.word_lang_prob_map = _ProbMap(words, offsets, index, probs, len(langlist))
    return factory


def _write_cache(factory: Any, path: Path, signature: tuple[Any, ...]) -> None:
    import tempfile
    from array import array

    table = factory.word_lang_prob_map
    words = list(table)
    if len(factory.langlist) > 255 or any(_SEPARATOR in w for w in words):
        return  # not a langdetect this format knows
    offsets, index, probs = array("Q", [0]), array("B"), array("d")
    for word in words:
        for k, p in enumerate(table[word]):
            if p:
                index.append(k)
                probs.append(p)
        offsets.append(len(index))
    payload = marshal.dumps(
        (list(factory.langlist), _SEPARATOR.join(words), offsets.tobytes(), index.tobytes(), probs.tobytes())
    )
    record = marshal.dumps((_CACHE_FORMAT, signature, zlib.crc32(payload), payload))
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".langdetect-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(record)
        os.replace(tmp, path)  # a reader sees the old file or the whole new one
        tmp = None
    except OSError:
        pass  # a read-only data folder: the next run builds the tables again
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    # Beginning, middle and end, so one odd passage does not decide.
    third = _SAMPLE_CHARS // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))


def language_probabilities(text: str) -> list[tuple[str, float]]:
    """langdetect's (language, probability) for all of ``text``, best first, regions merged
    ("zh-cn" and "zh-tw" count as "zh"); [] when it cannot tell."""
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:
        try:
            det = _detector()
            det.set_max_text_length(len(text) + 1)
            det.append(text)
            probs = det.get_probabilities()
        except LangDetectException:
            return []
    merged: dict[str, float] = {}
    for p in probs:
        base = p.lang.split("-")[0].lower()
        merged[base] = merged.get(base, 0.0) + p.prob
    return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


def detect_language(text: str) -> Language:
    """The language of ``text`` with langdetect's probability for it (its regional variants
    together), or unknown. Text mostly in CJK characters is in the language its script says,
    whatever that probability (langdetect still names the variant: "zh-cn", "zh-tw")."""
    sample = _sample(text)
    if _letters(sample) < MIN_LETTERS and count_cjk(sample) < MIN_CJK:
        return UNKNOWN_LANGUAGE
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:
        try:
            det = _detector()
            det.append(sample)
            candidates = det.get_probabilities()
        except LangDetectException:
            candidates = []
    totals: dict[str, float] = {}
    variants: dict[str, str] = {}  # base -> its most probable variant (candidates come best first)
    for c in candidates:
        base = c.lang.split("-")[0].lower()
        totals[base] = totals.get(base, 0.0) + c.prob
        variants.setdefault(base, c.lang)
    script = cjk_language(sample)
    if script is not None:
        return Language(variants.get(script, script), round(totals.get(script, 0.0), 3))
    if not totals:
        return UNKNOWN_LANGUAGE
    base, prob = max(totals.items(), key=lambda kv: (kv[1], kv[0]))
    if prob < MIN_CONFIDENCE:
        return Language(UNKNOWN, round(prob, 3))
    return Language(variants[base], round(prob, 3))


def detect_paragraph_languages(text: str, spans: Sequence[tuple[int, int]]) -> list[Language]:
    """The language of each paragraph span; short paragraphs are unknown."""
    return [detect_language(text[s:e]) for s, e in spans]


def cjk_share(text: str) -> float:
    """Share of the letters of ``text`` that are CJK characters."""
    letters = _letters(text)
    return count_cjk(text) / letters if letters else 0.0


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


def detect_document_language(paragraphs: Sequence[str]) -> str | None:
    """The base language of a whole text from a sample of its paragraphs, or None: the
    stopwords' opinion when it is clear, else langdetect's when it is confident."""
    parts: list[str] = []
    total = 0
    for text in paragraphs:
        parts.append(text)
        total += len(text)
        if total >= DOCUMENT_SAMPLE_CHARS:
            break
    sample = "\n".join(parts)[:DOCUMENT_SAMPLE_CHARS]
    if _letters(sample) < MIN_LETTERS and count_cjk(sample) < MIN_CJK:
        return None
    script = cjk_language(sample)
    if script is not None:
        return script
    if cjk_share(sample) <= 0.5:
        cheap = cheap_language(sample)
        if cheap is not None:
            return cheap
    probs = language_probabilities(sample)
    return probs[0][0] if probs and probs[0][1] >= 0.8 else None
