"""A loaded version of an article: its decoded text and how to write it back."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# Newline styles, as recorded on load and restored on export.
LF, CRLF, CR, MIXED, NONE = "lf", "crlf", "cr", "mixed", "none"
NEWLINE_STRINGS = {LF: "\n", CRLF: "\r\n", CR: "\r"}

_NEWLINE_RE = re.compile(r"\r\n|\r|\n")

BOMS = {
    "utf-8": b"\xef\xbb\xbf",
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
}


def newline_style(text: str) -> str:
    """Name the newline convention of ``text``: lf, crlf, cr, mixed or none."""
    styles = {m.group() for m in _NEWLINE_RE.finditer(text)}
    if not styles:
        return NONE
    if len(styles) > 1:
        return MIXED
    return {"\n": LF, "\r\n": CRLF, "\r": CR}[styles.pop()]


def convert_newlines(text: str, style: str) -> str:
    """Rewrite every newline of ``text`` in ``style``; mixed/none leave it untouched."""
    target = NEWLINE_STRINGS.get(style)
    if target is None:
        return text
    return _NEWLINE_RE.sub(target, text)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One version of an article as read from disk.

    ``text`` is the decoded text exactly as in the file (newlines untouched, the byte
    order mark removed); every offset the engine reports is a character index into it.
    """

    text: str
    path: str | None = None
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = LF
    sha256: str = ""  # of the bytes on disk; empty for text that never was a file
    format: str = "txt"

    @property
    def name(self) -> str:
        if not self.path:
            return "untitled"
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def encode(self, text: str) -> bytes:
        """Encode ``text`` the way this document was stored: encoding, BOM, newlines.

        ``encode(self.text)`` gives back the original bytes.
        """
        data = convert_newlines(text, self.newline).encode(self.encoding, errors="strict")
        if self.bom:
            data = BOMS[self.encoding] + data
        return data

    @classmethod
    def from_text(cls, text: str, path: str | None = None) -> Document:
        """A document for text that comes from memory (tests, the clipboard)."""
        return cls(text=text, path=path, newline=newline_style(text))
