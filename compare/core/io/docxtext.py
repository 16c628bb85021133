"""The text of a Word document (.docx), read in bounded time and memory.

A .docx is a zip of XML parts. Before anything is inflated, the zip's directory is checked: the
part holding the body must be stored or deflated (not Deflate64 or another method), not
encrypted, and its declared size and its ratio of inflated to compressed size must be those of
a document, not of a zip bomb (``zipfile`` never inflates past the declared size: the CRC check
fails first). The body is then inflated a block at a time into lxml's XML parser with a parser
target: no tree is built, entities are not expanded, no DTD or network is read, nesting deeper
than libxml2's own limit is refused, and the text is counted as it comes against the input limit.

python-docx is not used to read: it builds the whole tree, and its table access rebuilds the
table's grid for every row (quadratic in the rows).
"""

from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from compare.core.errors import LoadError
from compare.core.limits import (
    MAX_DOCX_PARTS,
    MAX_DOCX_RATIO,
    MAX_DOCX_XML_BYTES,
    MAX_MARKUP_DEPTH,
    human_size,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TC, _TR = _W + "p", _W + "t", _W + "tc", _W + "tr"
# run content that stands for a character (python-docx reads them the same way)
_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_BLOCK = 1 << 20
_RATIO_FLOOR = 1 << 20  # parts smaller than this inflate to nothing worth refusing
# Events (tags) per byte of text allowed: a formatted run costs about four tags per 60 characters.
_TAGS_PER_TEXT_BYTE = 0.25


class _Refused(Exception):
    """Raised inside the parser target; carries the sentence."""


def _parser(target: object) -> etree.XMLParser:
    return etree.XMLParser(
        target=target,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


class _Body:
    """Parser target: paragraphs of the body in document order; a table row is one block with
    its cells joined by " | "."""

    def __init__(self, name: str, max_chars: int) -> None:
        self.name = name
        self.max_chars = max_chars
        self.chars = 0
        self.depth = 0
        self.in_text = 0
        self.paragraphs: list[list[str]] = []  # open paragraphs (text boxes nest in runs)
        self.cells: list[list[str]] = []  # open table cells: their paragraphs
        self.rows: list[list[str]] = []  # open table rows: their cells
        self.blocks: list[str] = []

    def start(self, tag: str, _attrib: object) -> None:
        self.depth += 1
        if self.depth > MAX_MARKUP_DEPTH:
            raise _Refused(
                f"{self.name} is nested more than {MAX_MARKUP_DEPTH} elements deep, which no Word document is."
            )
        if tag == _T:
            self.in_text += 1
        elif tag == _P:
            self.paragraphs.append([])
        elif tag == _TC:
            self.cells.append([])
        elif tag == _TR:
            self.rows.append([])

    def _add(self, text: str) -> None:
        if self.paragraphs:
            self.chars += len(text)
            if self.chars > self.max_chars:
                raise _Refused(
                    f"{self.name} holds more than {human_size(self.max_chars)} of text, "
                    "more than the size limit."
                )
            self.paragraphs[-1].append(text)

    def data(self, text: str) -> None:
        if self.in_text:
            self._add(text)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if tag == _T:
            self.in_text -= 1
        elif tag in _CHARS:
            self._add(_CHARS[tag])
        elif tag == _P and self.paragraphs:
            text = "".join(self.paragraphs.pop()).strip()
            if not text:
                return
            if self.cells:
                self.cells[-1].append(text)
            else:
                self.blocks.append(text)
        elif tag == _TC and self.cells:
            cell = "\n".join(self.cells.pop()).strip()
            if cell and self.rows:
                self.rows[-1].append(cell)
        elif tag == _TR and self.rows:
            cells = self.rows.pop()
            if cells:
                row = " | ".join(cells)
                (self.cells[-1] if self.cells else self.blocks).append(row)

    def close(self) -> str:
        return "\n\n".join(self.blocks) + ("\n" if self.blocks else "")


class _Rels:
    def __init__(self) -> None:
        self.main: str | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag.endswith("}Relationship") and attrib.get("Type") == _OFFICE_DOCUMENT and self.main is None:
            self.main = attrib.get("Target")

    def end(self, _tag: str) -> None:
        pass

    def data(self, _text: str) -> None:
        pass

    def close(self) -> str | None:
        return self.main


def _check_part(info: zipfile.ZipInfo, name: str) -> None:
    if info.flag_bits & 0x1:
        raise LoadError(f"{name} is encrypted (password-protected); save it without a password first.")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        method = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard"}.get(
            info.compress_type, f"number {info.compress_type}"
        )
        raise LoadError(
            f"{name} is compressed with {method}, which Word does not write; save it again from Word."
        )
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise LoadError(
            f"{name} unpacks to {human_size(info.file_size)}, more than a Word document's text can need "
            f"(the limit is {human_size(MAX_DOCX_XML_BYTES)})."
        )
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_DOCX_RATIO * max(info.compress_size, 1):
        raise LoadError(
            f"{name} unpacks to {info.file_size // max(info.compress_size, 1)} times its size, "
            "far more than a Word document does (a zip bomb); it is not read."
        )


def _main_part(zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    target = "word/document.xml"
    try:
        rels = zf.getinfo("_rels/.rels")
    except KeyError:
        rels = None
    if rels is not None and rels.file_size <= _RATIO_FLOOR:
        _check_part(rels, name)
        parser = _parser(_Rels())
        parser.feed(zf.read(rels))
        found = parser.close()
        if found:
            target = found.lstrip("/")
    try:
        return zf.getinfo(target)
    except KeyError:
        raise LoadError(f"{name} is not a Word document (it has no document body).") from None


def docx_to_text(data: bytes, name: str, max_chars: int) -> str:
    """The paragraphs of a Word document, separated by blank lines (tables row by row)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        if len(zf.infolist()) > MAX_DOCX_PARTS:
            raise LoadError(f"{name} has more than {MAX_DOCX_PARTS} parts, which no Word document has.")
        info = _main_part(zf, name)
        _check_part(info, name)
        if info.file_size == 0:
            raise LoadError(f"{name} is not a readable Word document (its body is empty).")
        target = _Body(name, max_chars)
        parser = _parser(target)
        tags, max_tags = 0, max(100_000, int(max_chars * _TAGS_PER_TEXT_BYTE))
        first = True
        with zf.open(info) as fh:
            while block := fh.read(_BLOCK):
                if first and (b"<!DOCTYPE" in block[:65536] or b"<!ENTITY" in block[:65536]):
                    raise LoadError(f"{name} declares a DTD, which Word documents never do; it is not read.")
                first = False
                tags += block.count(b"<")
                if tags > max_tags:
                    raise LoadError(
                        f"{name} has more than {max_tags:,} paragraphs, runs and other elements "
                        "for its size limit; it is not read."
                    )
                parser.feed(block)
        return str(parser.close())  # the target's close(): the text
    except _Refused as err:
        raise LoadError(str(err)) from None
    except etree.XMLSyntaxError:
        raise LoadError(
            f"{name} is not a readable Word document (its text is damaged or cut short)."
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        raise LoadError(f"{name} is not a readable Word document.") from None
