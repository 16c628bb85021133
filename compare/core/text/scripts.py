"""Writing systems: the one definition of which characters are CJK (Chinese, Japanese, Korean).

CJK text has no spaces between words, so every CJK character counts as a word of its own, and
language detection needs fewer of them than letters of an alphabet.
"""

from __future__ import annotations

import re

#: Code points of CJK ideographs, kana, bopomofo, hangul syllables and their supplements, as the
#: body of a regular-expression character class. Punctuation (U+3000–U+303F) is not included.
CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_CJK_RE = re.compile(f"[{CJK}]")


def is_cjk(ch: str) -> bool:
    return _CJK_RE.match(ch) is not None


def count_cjk(text: str) -> int:
    """CJK characters in ``text``."""
    return len(_CJK_RE.findall(text))
