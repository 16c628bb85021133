"""Which evidence an alignment rests on, as a small immutable value the window and reports show.

An alignment comes from one of three places:

* the same-language aligner (:mod:`compare.core.align.same_language`): the words two versions
  share, weighted by rarity;
* the cross-language aligner (:mod:`compare.core.align.bilingual`): sentence lengths and
  anchors that survive translation (numbers, names, cognates, punctuation), plus the
  bilingual word lists it found for the two languages, if any (:mod:`.lexicon`);
* the caller: beads replayed from a saved review or changed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CROSS_LANGUAGE", "GIVEN", "SAME_LANGUAGE", "Evidence", "LexiconUse", "language_name"]

SAME_LANGUAGE = "same-language"
CROSS_LANGUAGE = "cross-language"
GIVEN = "given"

_NAMES = {
    "deu": "German", "fra": "French", "eng": "English", "spa": "Spanish", "ita": "Italian",
    "nld": "Dutch", "por": "Portuguese", "pol": "Polish", "rus": "Russian", "swe": "Swedish",
    "fin": "Finnish", "tur": "Turkish",
}  # fmt: skip


def language_name(code: str) -> str:
    """English name of an ISO 639-3 code FreeDict uses (the code itself when unknown)."""
    return _NAMES.get(code, code)


@dataclass(frozen=True)
class LexiconUse:
    """One bilingual word list an alignment used: its direction and where it came from."""

    source: str  # ISO 639-3, as FreeDict names it ("deu")
    target: str
    origin: str  # "shipped" (with the package) or "system" (an installed FreeDict dictionary)


@dataclass(frozen=True)
class Evidence:
    """What an alignment rests on: the method and the word lists it used (none for most)."""

    method: str  # SAME_LANGUAGE, CROSS_LANGUAGE or GIVEN
    lexicons: tuple[LexiconUse, ...] = ()

    @property
    def dictionary(self) -> str | None:
        """The language pair of the word lists used ("German–French"), or ``None``."""
        if not self.lexicons:
            return None
        first = self.lexicons[0]
        return f"{language_name(first.source)}–{language_name(first.target)}"

    def describe(self) -> str:
        """One phrase for a status bar or a report: "aligned by ...".

        >>> Evidence(SAME_LANGUAGE).describe()
        'aligned by shared words'
        """
        if self.method == SAME_LANGUAGE:
            return "aligned by shared words"
        if self.method == GIVEN:
            return "alignment as saved or adjusted by hand"
        if self.dictionary is None:
            return "aligned by sentence lengths and shared numbers, names and similar words"
        return (
            "aligned by sentence lengths, shared numbers, names and similar words, "
            f"and the FreeDict {self.dictionary} dictionary"
        )
