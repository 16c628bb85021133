"""Text of an HTML page, one paragraph per block element (for comparing web articles).

The page is parsed by libxml2's HTML parser (through lxml, with a parser target, so no tree is
built): it is linear in the size of the page, where ``html.parser`` of the standard library is
quadratic on unterminated tags (each restart scans to the end of the page). Nesting deeper than
:data:`~compare.core.limits.MAX_MARKUP_DEPTH` elements is refused.
"""

from __future__ import annotations

import re

from lxml import etree

from compare.core.errors import LoadError
from compare.core.limits import MAX_MARKUP_DEPTH

_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "figure",
    "tr",
    "td",
    "th",
    "pre",
    "dd",
    "dt",
    "table",
    "ul",
    "ol",
    "hr",
    "address",
    "caption",
}
# What is never article text. Not <form>: ASP.NET WebForms pages wrap the whole page in one.
_SKIP = {"script", "style", "noscript", "template", "nav", "svg", "iframe", "button", "select", "textarea"}
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


class _TooDeep(Exception):
    pass


class _Extractor:
    """Parser target. libxml2 closes <head> itself where it is left out (at <body> or the first
    element that belongs in a body), so its text is skipped until its end event."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.in_head = 0
        self.depth = 0

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def start(self, tag: str, _attrib: object) -> None:
        self.depth += 1
        if self.depth > MAX_MARKUP_DEPTH:
            raise _TooDeep
        if tag == "head":
            self.in_head += 1
        elif tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self._flush()
        elif tag == "br":
            self.current.append(" ")

    def end(self, tag: str) -> None:
        self.depth -= 1
        if tag == "head":
            self.in_head = max(0, self.in_head - 1)
        elif tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self._flush()

    def data(self, data: str) -> None:
        if not self.skip and not self.in_head:
            self.current.append(data)

    def comment(self, _text: str) -> None:
        pass

    def close(self) -> str:
        self._flush()
        return "\n\n".join(self.blocks) + ("\n" if self.blocks else "")


def html_to_text(markup: str, name: str = "The page") -> str:
    parser = etree.HTMLParser(target=_Extractor(), recover=True, no_network=True, remove_pis=True)
    try:
        parser.feed(markup)
        return str(parser.close())  # the target's close(): the text
    except _TooDeep:
        raise LoadError(
            f"{name} nests elements more than {MAX_MARKUP_DEPTH} deep, which no article page does; "
            "it is not read."
        ) from None
    except etree.ParserError:  # nothing to parse at all (an empty page)
        return ""
