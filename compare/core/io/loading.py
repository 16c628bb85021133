"""Bytes on disk to a :class:`Document`: encoding, newlines, and clear refusals.

Readers are chosen by file suffix (``READERS``): plain text and Markdown are read
as they are; ``.docx`` and ``.html`` are turned into text with a blank line between
paragraphs (offsets then refer to that text, and exports of such a base are text).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path

from compare.core.errors import CompareError, LoadError, os_error_sentence
from compare.core.io.document import BOMS, Document, newline_style
from compare.core.limits import MAX_INPUT_BYTES, human_size

DEFAULT_MAX_BYTES = MAX_INPUT_BYTES

# Magic numbers of common binary formats, to name them in the refusal.
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
]

# Single-byte Western encodings that charset-normalizer cannot tell apart on short
# text; cp1252 is by far the most common of them for news text.
_WESTERN = {"cp1252", "cp1250", "cp1257", "cp775", "latin_1", "iso8859_15", "iso8859_2", "mac_roman"}


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_bytes(
    path: str | os.PathLike[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    error: type[CompareError] = LoadError,
    what: str = "file",
) -> bytes:
    """Read a regular file of at most ``max_bytes``; anything else is refused with one sentence
    (raised as ``error``): a folder, a named pipe or a device (``/dev/zero``) is never opened for
    reading, so it can neither block nor stream without end."""
    p = Path(path)
    try:
        kind = _not_regular(os.stat(p).st_mode)
        if kind is None:
            # O_NONBLOCK: if a named pipe took the file's place since, opening it does not wait
            fd = os.open(
                p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
            )
    except (OSError, ValueError) as err:
        if isinstance(err, ValueError):  # a NUL in the name
            raise error(f"{_shown(p)} is not a valid file name.") from None
        raise error(os_error_sentence(err, p)) from None
    if kind is not None:
        raise error(f"{p} is {kind}, not a {what}.")
    with os.fdopen(fd, "rb") as fh:
        try:
            st = os.fstat(fh.fileno())
            kind = _not_regular(st.st_mode)
            if kind is not None:
                raise error(f"{p} is {kind}, not a {what}.")
            if st.st_size > max_bytes:
                raise error(
                    f"{p} is too large ({human_size(st.st_size)}; the limit is {human_size(max_bytes)})."
                )
            with contextlib.suppress(OSError):
                os.set_blocking(fh.fileno(), True)
            data = fh.read(max_bytes + 1)
        except OSError as err:
            raise error(os_error_sentence(err, p)) from None
    if len(data) > max_bytes:
        raise error(f"{p} is too large (the limit is {human_size(max_bytes)}).")
    return data


def _shown(p: Path) -> str:
    return repr(str(p))[1:-1]


def _looks_binary(text: str) -> bool:
    """Text with many control characters is not prose."""
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return bad > max(2, len(sample) // 200)


def decode_bytes(data: bytes, name: str = "The file") -> tuple[str, str, bool]:
    """Decode bytes to text. Returns ``(text, encoding, has_bom)``.

    Byte order marks decide first (UTF-32, UTF-16, UTF-8), then strict UTF-8, then a
    detector (charset-normalizer) for legacy encodings such as cp1252 or cp1251.
    """
    for enc in ("utf-32-le", "utf-32-be", "utf-8", "utf-16-le", "utf-16-be"):
        bom = BOMS[enc]
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc, True
            except UnicodeDecodeError:
                raise LoadError(
                    f"{name} starts with a {enc.upper()} byte order mark but is not valid {enc.upper()}."
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise LoadError(f"{name} is {what}, not a text file.")
    if b"\x00" in data[:65536]:
        raise LoadError(f"{name} is a binary file, not text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, enc = _detect_legacy(data, name)
    else:
        enc = "utf-8"
    if _looks_binary(text):
        raise LoadError(f"{name} is a binary file, not text.")
    return text, enc, False


def _detect_legacy(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    results = list(from_bytes(data))
    if not results:
        raise LoadError(f"{name} is not text in any encoding News Compare knows.")
    best = results[0]
    chosen = best
    if best.encoding in _WESTERN:
        for r in results:
            if (
                r.encoding == "cp1252"
                and r.chaos <= best.chaos + 0.01
                and r.coherence >= best.coherence - 0.05
            ):
                chosen = r
                break
    enc = chosen.encoding
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        raise LoadError(f"{name} is not text in any encoding News Compare knows.") from None


Reader = Callable[[bytes, str, int], tuple[str, str, bool]]


def _read_plain(data: bytes, name: str, _max_chars: int) -> tuple[str, str, bool]:
    return decode_bytes(data, name)


def _read_docx(data: bytes, name: str, max_chars: int) -> tuple[str, str, bool]:
    """A Word document's paragraphs, separated by blank lines (tables row by row)."""
    from compare.core.io.docxtext import docx_to_text

    return docx_to_text(data, name, max_chars), "utf-8", False


def _read_html(data: bytes, name: str, _max_chars: int) -> tuple[str, str, bool]:
    """The text of a web page: one paragraph per block element, scripts and menus left out."""
    from compare.core.io.htmltext import html_to_text

    text, encoding, bom = decode_bytes(data, name)
    return html_to_text(text, name), encoding, bom


# Suffix -> (format name, reader). Unknown suffixes are read as plain text.
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", _read_plain),
    ".text": ("txt", _read_plain),
    ".md": ("md", _read_plain),
    ".markdown": ("md", _read_plain),
    ".docx": ("docx", _read_docx),
    ".html": ("html", _read_html),
    ".htm": ("html", _read_html),
}


def load_document(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load one version of an article. Raises :class:`LoadError` with a plain sentence."""
    p = Path(path)
    data = read_bytes(p, max_bytes)
    fmt, reader = READERS.get(p.suffix.lower(), ("txt", _read_plain))
    text, encoding, bom = reader(data, p.name, max_bytes)
    return Document(
        text=text,
        path=str(p),
        encoding=encoding,
        bom=bom,
        newline=newline_style(text),
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
    )
