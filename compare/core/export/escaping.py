"""Text from the user's files made safe for what others open it with: a terminal, a
spreadsheet, an XML parser. The one place for each rule.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b is an escape on some terminals), and
# lone surrogates (a file name that is not UTF-8), which no terminal can show.
_TERMINAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CR = re.compile("\r\n?")


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # the Unicode control pictures: ESC shows as ␛
    if c == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def terminal_text(text: str) -> str:
    """``text`` as a terminal may print it: no escape sequence or control character survives (each
    shows as its control picture, ESC as ␛), carriage returns are newlines, so nothing from a file
    can clear the screen, retitle the window, fake a link or overwrite what was printed."""
    return _TERMINAL_BAD.sub(_picture, _CR.sub("\n", text))


# OWASP's rule for CSV injection: a cell that starts with one of these is a formula (or becomes
# one) in Excel, LibreOffice and Google Sheets; a leading apostrophe makes it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


# XML 1.0 cannot carry most control characters, even escaped, nor lone surrogates.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML 1.0 cannot hold (offsets shift where
    :func:`unsafe_in_xml` says)."""
    return _XML_BAD.sub("", text)


def unsafe_in_xml(text: str) -> list[int]:
    """Where :func:`xml_safe` drops a character of ``text``."""
    return [m.start() for m in _XML_BAD.finditer(text)]


def xml_text(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold removed (lone surrogates become U+FFFD); escape it
    for its place (``xml.sax.saxutils.escape`` or ``quoteattr``) afterwards."""
    return _SURROGATE.sub("\ufffd", _XML_BAD.sub("", text))


# BCP 47's shape: a 2-3 letter language (or 4-8 letters), then subtags of 1-8 letters or digits.
_BCP47 = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def is_language_tag(code: str) -> bool:
    """Whether ``code`` has the shape of a BCP 47 language tag ("en", "zh-CN", "pt_BR")."""
    return bool(_BCP47.fullmatch(code.replace("_", "-")))
