"""Text of an HTML page, one paragraph per block element (for comparing web articles)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
# <head> holds no article text, but its end tag may be left out (legal HTML): it ends at <body>
# or at the first element that belongs in a body.
_BODY_START = {"body", *_BLOCKS, "span", "a", "b", "i", "em", "strong", "img", "br"}
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.in_head = False

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
            return
        if self.in_head and tag in _BODY_START:
            self.in_head = False
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self._flush()
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip and not self.in_head:
            self.current.append(data)


def html_to_text(markup: str) -> str:
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks) + ("\n" if parser.blocks else "")
