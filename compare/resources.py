"""Files that ship with the program (icons, the sample pair, desktop files), found the same way
from a source checkout, an installed wheel (as ``compare.resources``) and a standalone bundle."""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLE_NAMES = ("nato-russia-talks.machine-translated.txt", "nato-russia-talks.edited.txt")


def resource_path(*parts: str) -> Path:
    """A bundled resource, from a source checkout, an installed wheel or a bundle."""
    here = Path(__file__).resolve().parent
    bundle = Path(getattr(sys, "_MEIPASS", here)) / "resources"
    for root in (here / "resources", here.parent / "resources", bundle):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return here / "resources" / Path(*parts)


def sample_pair() -> tuple[Path, Path]:
    """The bundled machine-translated article and the version the team corrected by hand."""
    folder = resource_path("samples")
    return folder / SAMPLE_NAMES[0], folder / SAMPLE_NAMES[1]
