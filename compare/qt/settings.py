"""Recent files, window geometry and the house glossary, kept with QSettings (per user)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANIZATION = "NewsCompare"
APPLICATION = "News Compare"
MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def recent_files() -> list[list[str]]:
    """Recent openings, newest first: [left, right] pairs or [session]."""
    value = settings().value("recent", [])
    out: list[list[str]] = []
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    for item in items:
        parts = [p for p in str(item).split("\n") if p]
        if parts and all(os.path.exists(p) for p in parts):
            out.append(parts)
    return out


def add_recent(paths: list[str]) -> None:
    entry = "\n".join(os.path.abspath(p) for p in paths)
    items = ["\n".join(p) for p in recent_files()]
    items = [entry] + [i for i in items if i != entry]
    s = settings()
    s.setValue("recent", items[:MAX_RECENT])
    s.sync()


def glossary_path() -> str | None:
    """The glossary file the user chose (None: no glossary)."""
    value = settings().value("glossary/path")
    return str(value) if value else None


def set_glossary_path(path: str | None) -> None:
    s = settings()
    if path:
        s.setValue("glossary/path", os.path.abspath(path))
    else:
        s.remove("glossary/path")
    s.sync()


def clear_recent() -> None:
    s = settings()
    s.remove("recent")
    s.sync()
