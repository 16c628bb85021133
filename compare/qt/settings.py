"""Recent files, window geometry and the house glossary, kept with QSettings (per user)."""

from __future__ import annotations

import os
from pathlib import Path

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


def _tail(path: str, depth: int) -> str:
    parts = Path(path).parts
    return "/".join(parts[-(depth + 1) :]) if parts else path


def _label(paths: list[str], depth: int) -> str:
    if len(paths) == 2 and depth > 0 and Path(paths[0]).parent == Path(paths[1]).parent:
        return (
            f"{_tail(str(Path(paths[0]).parent), depth - 1)}/: {Path(paths[0]).name} ↔ {Path(paths[1]).name}"
        )
    return " ↔ ".join(_tail(p, depth) for p in paths)


def recent_labels(entries: list[list[str]]) -> list[str]:
    """A label for each recent entry that tells it from the others: the file names, with as many
    of their folders as it takes (47 folders of "reference.en.txt ↔ Online-W.en.txt" differ)."""
    depth = [0] * len(entries)
    labels = [_label(e, 0) for e in entries]
    for _ in range(8):
        seen: dict[str, list[int]] = {}
        for k, label in enumerate(labels):
            seen.setdefault(label, []).append(k)
        clashes = [k for group in seen.values() if len(group) > 1 for k in group]
        if not clashes:
            break
        for k in clashes:
            depth[k] += 1
            labels[k] = _label(entries[k], depth[k])
    return labels
