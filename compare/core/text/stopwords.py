"""The most frequent function words of some languages (one list, for every part that needs it).

They give a cheap first opinion on a text's language, so that langdetect only runs where that
opinion is in doubt, and they tell function words from content words.
"""

from __future__ import annotations

import re


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of ``words``."""
    return frozenset(words.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": wordset(
        "the of and to a in is that for it was on with as he she his her be by at are this from "
        "have has had not but or an they were which their been would will who said its than "
        "also after more into there we our you can about"
    ),
    "de": wordset(
        "der die das und ist nicht ein eine einen einem einer zu den dem des im in mit von sich "
        "auf für auch es als an wird werden wurde hat haben sind war bei nach aus dass wie oder "
        "sie er aber noch nur um vor über zum zur"
    ),
    "fr": wordset(
        "le la les de des du et est un une que qui dans pour pas sur au aux avec ce cette il elle "
        "ils sont été par plus ne se sa son ses mais ou comme leur être"
    ),
    "es": wordset(
        "el la los las de del y es un una que en por para con no se su sus al lo como más pero "
        "fue ha han este esta está son sobre también entre"
    ),
    "it": wordset(
        "il lo la le gli i di del della dei delle e è un una che in per con non si su al alla "
        "come più ma sono stato anche questo questa ha hanno"
    ),
    "nl": wordset(
        "de het een en van in is dat op te met voor niet zijn er aan die dit ook door werd naar "
        "als maar bij om heeft hebben wordt was"
    ),
    "pt": wordset(
        "o a os as de do da dos das e é um uma que em no na por para com não se seu sua mais "
        "como mas foi ao pelo pela também"
    ),
}

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def stopword_ratio(words: list[str], language: str) -> float:
    """Share of ``words`` (lowercased) that are stopwords of ``language``."""
    sw = STOPWORDS.get(language)
    if not sw or not words:
        return 0.0
    return sum(1 for w in words if w in sw) / len(words)
