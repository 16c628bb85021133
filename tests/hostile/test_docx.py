"""Hostile input, class 3: Word documents (zip bombs, XML bombs, forged and broken parts).

Every document is built by the test; none is larger than a few megabytes on disk."""

from __future__ import annotations

import os
import random
import zipfile

import pytest

from ._run import completed, document_xml, refused, run, set_flags, set_method, write_docx


def para(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


GOOD = document_xml(para("The minister spoke on Monday.") + para("Talks lasted four hours."))


def test_a_plain_document_still_reads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = write_docx(tmp_path / "a.docx", GOOD)
    result = run("check", doc, "--format", "json")
    completed(result)


@pytest.mark.parametrize(
    ("name", "body", "pattern"),
    [
        # The sizes: a paragraph bomb (6 GB of empty paragraphs from a few MB) and a
        # 60 MB text node, both refused from the zip's directory before anything is inflated.
        (
            "paragraph-bomb",
            lambda: document_xml(b"<w:p/>" * 10_000_000),
            r"unpacks to \d+ times its size.*zip bomb",
        ),
        (
            "text-node-60MB",
            lambda: document_xml(para("a" * 60_000_000)),
            r"unpacks to \d+ times its size.*zip bomb",
        ),
        (
            "nested-past-libxml2",
            lambda: document_xml(b"<w:p>" * 5_000),
            r"nested more than 256 elements deep",
        ),
        ("truncated-xml", lambda: GOOD[: len(GOOD) // 2], r"text is damaged or cut short"),
        ("empty-document-xml", lambda: b"", r"its body is empty"),
        ("not-xml", lambda: b"\x00\x01garbage" * 100, r"text is damaged or cut short"),
    ],
)
def test_bombs_and_broken_bodies_are_refused(tmp_path, name, body, pattern) -> None:  # type: ignore[no-untyped-def]
    doc = write_docx(tmp_path / f"{name}.docx", body())
    assert doc.stat().st_size < 5_000_000
    refused(run("check", doc), pattern)


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9))
    + b"]>"
)


@pytest.mark.parametrize(
    "prolog",
    [
        pytest.param(LAUGHS, id="billion-laughs"),
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', id="xxe"
        ),
    ],
)
def test_entities_are_never_expanded(tmp_path, prolog) -> None:  # type: ignore[no-untyped-def]
    body = GOOD.split(b"?>", 1)[1].replace(b"Monday", b"&j;&x;")
    doc = write_docx(tmp_path / "entities.docx", prolog + body)
    refused(run("check", doc), r"declares a DTD, which Word documents never do")


def test_an_encrypted_part_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = write_docx(tmp_path / "encrypted.docx", GOOD)
    set_flags(doc, "word/document.xml", 0x1)
    refused(run("check", doc), r"is encrypted \(password-protected\)")


@pytest.mark.parametrize(("method", "name"), [(9, "Deflate64"), (14, "LZMA"), (12, "bzip2")])
def test_an_unusual_compression_method_is_refused(tmp_path, method, name) -> None:  # type: ignore[no-untyped-def]
    doc = write_docx(tmp_path / "method.docx", GOOD, method=zipfile.ZIP_STORED)
    set_method(doc, "word/document.xml", method)
    refused(run("check", doc), rf"is compressed with {name}, which Word does not write")


def test_text_beyond_the_limit_once_unpacked_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Under the bomb ratio (random letters barely compress) but more text than --max-size."""
    rng = random.Random(1)
    letters = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(2_200_000))
    doc = write_docx(tmp_path / "long.docx", document_xml(para(letters)))
    assert doc.stat().st_size < 1.5 * 1024 * 1024  # the file is within the 1.5 MB limit, its text is not
    refused(run("check", doc, "--max-size", "1.5"), r"holds more than 1\.5 MB of text")


def test_too_many_elements_for_the_limit_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A paragraph bomb made hard to compress (random ids), so that no ratio gives it away."""
    rng = random.Random(2)
    body = b"".join(f'<w:p w:rsidR="0000{rng.getrandbits(8):02X}"/>'.encode() for _ in range(1_000_000))
    doc = write_docx(tmp_path / "many.docx", document_xml(body))
    assert doc.stat().st_size < 2 * 1024 * 1024
    refused(run("check", doc, "--max-size", "2"), r"has more than [\d,]+ paragraphs, runs and other elements")


@pytest.mark.parametrize(
    ("name", "make", "pattern"),
    [
        (
            "truncated-zip",
            lambda p: p.write_bytes(p.read_bytes()[:300]),
            r"is not a readable Word document\.$",
        ),
        ("no-body", None, r"it has no document body"),
        ("too-many-parts", None, r"has more than 10000 parts"),
    ],
)
def test_a_broken_package_is_refused(tmp_path, name, make, pattern) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / f"{name}.docx"
    if name == "no-body":
        with zipfile.ZipFile(doc, "w") as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
    else:
        write_docx(doc, GOOD, extra=10_001 if name == "too-many-parts" else 0)
    if make:
        make(doc)
    refused(run("check", doc), pattern)


def test_a_table_of_many_rows_reads_in_linear_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """python-docx rebuilt the table grid for every row: 20,000 rows took minutes."""
    rows = b"".join(
        b"<w:tr><w:tc>"
        + para(f"Row {i} says one thing.")
        + b"</w:tc><w:tc>"
        + para("Another.")
        + b"</w:tc></w:tr>"
        for i in range(20_000)
    )
    doc = write_docx(tmp_path / "table.docx", document_xml(b"<w:tbl>" + rows + b"</w:tbl>"))
    result = run("check", doc, "--format", "json", timeout=30)
    completed(result)
    assert os.path.getsize(doc) < 2_000_000
