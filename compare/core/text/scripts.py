"""Writing systems: the one definition of which characters are CJK (Chinese, Japanese, Korean).

CJK text has no spaces between words, so every CJK character counts as a word of its own, and
language detection needs fewer of them than letters of an alphabet.
"""

from __future__ import annotations

import re

from compare.core.text.patterns import lazy_compile

#: Code points of CJK ideographs, kana, bopomofo, hangul syllables and their supplements, as the
#: body of a regular-expression character class. Punctuation (U+3000–U+303F) is not included.
CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
#: The same as (first, last) code point pairs, for compiled code.
CJK_RANGES = tuple((ord(CJK[k]), ord(CJK[k + 2])) for k in range(0, len(CJK), 3))
_CJK_RE = lazy_compile(f"[{CJK}]")
#: Japanese syllabaries (hiragana, katakana and its phonetic extensions) and Korean hangul
#: (syllables, jamo, compatibility jamo): the scripts that tell Japanese and Korean from Chinese.
KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d"
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_KANA_RE = re.compile(f"[{KANA}]")
_HANGUL_RE = re.compile(f"[{HANGUL}]")
#: Share of a CJK text's characters in kana from which it is Japanese, and in hangul from which it
#: is Korean. Japanese prose writes a third or more of its characters in kana and Korean almost
#: all in hangul, while Chinese writes neither: a few kana in Chinese are a quoted Japanese name.
KANA_SHARE = 0.10
HANGUL_SHARE = 0.30
#: Fewer CJK characters than this and neither langdetect nor the script can tell the language.
MIN_CJK = 6
#: The CJK scripts written without spaces between words: Chinese characters, kana, bopomofo (Korean
#: separates its words with spaces, as alphabets do).
SPACELESS = CJK.replace("\uac00-\ud7af", "")
_SPACELESS_RE = lazy_compile(f"[{SPACELESS}]")


def is_cjk(ch: str) -> bool:
    return _CJK_RE.match(ch) is not None


def count_cjk(text: str) -> int:
    """CJK characters in ``text``."""
    return len(_CJK_RE.findall(text))


def cjk_language(text: str) -> str | None:
    """The language ("zh", "ja" or "ko") of a text written mostly in CJK characters, told by the script
    alone (hangul is Korean, kana Japanese, Han characters without either Chinese); None for a
    text that is not mostly CJK (or has too few characters to tell)."""
    cjk = count_cjk(text)
    letters = sum(1 for ch in text if ch.isalpha())
    if cjk < MIN_CJK or cjk < 0.5 * letters:
        return None
    if len(_HANGUL_RE.findall(text)) >= HANGUL_SHARE * cjk:
        return "ko"
    if len(_KANA_RE.findall(text)) >= KANA_SHARE * cjk:
        return "ja"
    return "zh"


def written_without_spaces(text: str) -> bool:
    """Whether most letters of ``text`` are in a script written without spaces between words
    (Chinese, Japanese): there a space is no word separator, and the spacing conventions of
    alphabetic writing (no space inside quotation marks, before a comma...) do not apply."""
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and len(_SPACELESS_RE.findall(text)) >= 0.5 * letters
