"""The program's own licence and those of the libraries it ships with (for About)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from importlib import metadata

# Distribution name -> licence, for packages whose metadata does not say it plainly.
KNOWN = {
    "PySide6-Essentials": "LGPL-3.0-only (or GPL-2.0/GPL-3.0, or commercial)",
    "shiboken6": "LGPL-3.0-only",
    "diff-match-patch": "Apache-2.0",
    "langdetect": "Apache-2.0",
    "sentencex": "MIT",
    "charset-normalizer": "MIT",
    "ftfy": "Apache-2.0",
    "platformdirs": "MIT",
    "python-docx": "MIT",
    "lxml": "BSD-3-Clause",
    "typing_extensions": "PSF-2.0",
    "regex": "Apache-2.0",
}
DEPENDENCIES = (
    "PySide6-Essentials",
    "shiboken6",
    "diff-match-patch",
    "langdetect",
    "sentencex",
    "charset-normalizer",
    "ftfy",
    "platformdirs",
    "python-docx",
    "lxml",
)
DATA_NOTICE = (
    "Language profiles: langdetect (Apache-2.0, from Google's language-detection). "
    "Bilingual word lists of the cross-language aligner, built from FreeDict dictionaries "
    "(https://freedict.org/), each under its dictionary's licence: "
    "German–French and French–German (FreeDict+WikDict by Karl Bartel, from Wiktionary; CC-BY-SA-3.0); "
    "German–English and English–German (Ding by Frank Richter and Einhard Leichtfuß; GPL-3+); "
    "French–English, English–French, English–Spanish, Spanish–English, English–Italian and "
    "Italian–English (FreeDict contributors; GPL-2+). The full notice ships as lexicons/NOTICE."
)


def _licence(dist: metadata.Distribution, name: str) -> str:
    meta: Any = dist.metadata  # an email.message.Message underneath; .get is documented there
    expression = meta.get("License-Expression")
    if expression:
        return expression
    if name in KNOWN:
        return KNOWN[name]
    text = (meta.get("License") or "").strip()
    if text and len(text) < 60 and "\n" not in text:
        return text
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    return ", ".join(classifiers) or "see the package"


def dependency_licences() -> list[tuple[str, str, str]]:
    """(name, installed version, licence) of each runtime dependency that is installed."""
    from importlib import metadata  # when About is opened: importing it takes 20 ms

    out = []
    for name in DEPENDENCIES:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        out.append((name, dist.version, _licence(dist, name)))
    return out
