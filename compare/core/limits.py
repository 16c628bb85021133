"""Limits that keep every input bounded in time and memory (one place for each)."""

from __future__ import annotations

MIB = 1024 * 1024

#: Largest file read as one version of an article (``--max-size`` changes it per run).
MAX_INPUT_BYTES = 20 * MIB

#: Largest review session file read (it holds both texts, their alignment and word changes).
MAX_SESSION_BYTES = 200 * MIB


#: Largest glossary file read, and most entries in it (a house glossary holds hundreds).
MAX_GLOSSARY_BYTES = 2 * MIB
MAX_GLOSSARY_ENTRIES = 20_000


def human_size(n: int) -> str:
    """``n`` bytes as "1.5 MB" or "12 KB"."""
    return f"{n / MIB:.1f} MB" if n >= MIB else f"{n / 1024:.0f} KB"
