"""Regular expressions compiled when first used, not at import.

A character class over the CJK blocks (:data:`compare.core.text.scripts.CJK`) costs ``re`` 3-8 ms
to compile, and the engine has several: about 30 ms of every start. The window's process never
uses most of them (the child process that compares the pair does), and a command pays for the
ones it uses, once."""

from __future__ import annotations

import re
from typing import Any, cast

#: What a compiled pattern offers; copied onto the lazy pattern when it is compiled, so that later
#: calls are the compiled pattern's own bound methods, found without this module's help.
_ATTRIBUTES = (
    "match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "scanner",
    "pattern", "flags", "groups", "groupindex",
)  # fmt: skip


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only called for what is not copied yet
        if name.startswith("__") or name not in _ATTRIBUTES:
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
