import os
from pathlib import Path

import pytest

from compare.core.errors import LoadError
from compare.core.io.document import Document, convert_newlines, newline_style
from compare.core.io.loading import load_document

TEXT = "Café – “quoted” naïve résumé.\nThe NATO chief said on Wednesday that talks went on.\n"


@pytest.mark.parametrize(
    ("raw", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8", True),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be", True),
        (TEXT.encode("cp1252"), "cp1252", False),
    ],
)
def test_encodings_are_detected_and_restored(write, raw: bytes, encoding: str, bom: bool) -> None:
    doc = load_document(write("a.txt", raw))
    assert doc.text == TEXT
    assert (doc.encoding, doc.bom) == (encoding, bom)
    assert doc.encode(doc.text) == raw  # byte for byte


def test_latin1_text_reads_correctly(write) -> None:
    text = "Der Mann überquerte die Straße, sagte er am Mittwoch in Zürich.\n"
    doc = load_document(write("a.txt", text.encode("latin-1")))
    assert doc.text == text
    assert doc.encode(doc.text) == text.encode("latin-1")


def test_cyrillic_legacy_encoding(write) -> None:
    text = "Министр иностранных дел заявил в среду, что переговоры продолжатся.\n"
    doc = load_document(write("a.txt", text.encode("cp1251")))
    assert doc.text == text


@pytest.mark.parametrize(("newline", "style"), [("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")])
def test_newline_style_recorded_and_restored(write, newline: str, style: str) -> None:
    raw = "One.\n\nTwo.\nThree.\n".replace("\n", newline).encode()
    doc = load_document(write("a.txt", raw))
    assert doc.newline == style
    assert "\r" in doc.text or style == "lf"  # text is kept as in the file
    assert doc.encode(doc.text) == raw
    # Text typed with \n is written in the document's style.
    assert doc.encode("x\ny") == f"x{newline}y".encode()


def test_mixed_newlines_are_left_alone() -> None:
    assert newline_style("a\r\nb\nc") == "mixed"
    assert convert_newlines("a\r\nb\nc", "mixed") == "a\r\nb\nc"
    doc = Document.from_text("a\r\nb\nc")
    assert doc.encode(doc.text) == b"a\r\nb\nc"


def test_markdown_is_read_as_text(write) -> None:
    doc = load_document(write("a.md", "# Title\n\nBody text.\n"))
    assert doc.format == "md"
    assert doc.text.startswith("# Title")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"%PDF-1.4\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04rest-of-zip", "ZIP"),
        (bytes(range(256)) * 4, "binary"),
        (b"abc\x00def\x00" * 50, "binary"),
    ],
)
def test_binary_files_are_refused_with_one_sentence(write, content: bytes, fragment: str) -> None:
    with pytest.raises(LoadError) as err:
        load_document(write("x.txt", content))
    message = str(err.value)
    assert fragment in message
    assert message.endswith(".") and "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="does not exist"):
        load_document(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a folder"):
        load_document(tmp_path)


def test_too_large(write) -> None:
    path = write("big.txt", "word " * 1000)
    with pytest.raises(LoadError, match="too large"):
        load_document(path, max_bytes=1000)
    assert load_document(path, max_bytes=10_000).text.startswith("word")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable(write) -> None:
    path = write("secret.txt", "text")
    path.chmod(0)
    try:
        with pytest.raises(LoadError, match="permission denied"):
            load_document(path)
    finally:
        path.chmod(0o644)


def test_empty_file_is_fine(write) -> None:
    doc = load_document(write("empty.txt", b""))
    assert doc.text == "" and doc.newline == "none"


def test_loading_never_modifies_the_file(write) -> None:
    raw = b"\xef\xbb\xbfOne.\r\nTwo.\r\n"
    path = write("a.txt", raw)
    before = path.stat().st_mtime_ns
    load_document(path)
    assert path.read_bytes() == raw and path.stat().st_mtime_ns == before


def test_word_documents_are_read_as_paragraphs(tmp_path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Russia, NATO Conclude Talks", level=1)
    d.add_paragraph("BRUSSELS – The NATO chief said on Wednesday that differences remained.")
    d.add_paragraph("")
    d.add_paragraph("Stoltenberg told a news conference in Brussels.")
    path = tmp_path / "article.docx"
    d.save(str(path))
    doc = load_document(path)
    assert doc.format == "docx"
    assert doc.text == (
        "Russia, NATO Conclude Talks\n\n"
        "BRUSSELS – The NATO chief said on Wednesday that differences remained.\n\n"
        "Stoltenberg told a news conference in Brussels.\n"
    )


def test_a_broken_word_document_is_refused(write) -> None:
    with pytest.raises(LoadError, match="not a readable Word document"):
        load_document(write("broken.docx", b"PK\x03\x04 not really a zip"))


def test_web_pages_are_read_as_paragraphs(write) -> None:
    page = (
        "<html><head><title>x</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>Talks end</h1>"
        "<p>The NATO chief said on <b>Wednesday</b> that differences&nbsp;remained.</p>"
        "<figure><img src='a.jpg'><figcaption>Credit: Pool photo</figcaption></figure>"
        "<script>var x = 1;</script><p>Second\nparagraph.</p></body></html>"
    )
    doc = load_document(write("page.html", page))
    assert doc.format == "html"
    assert doc.text == (
        "Talks end\n\nThe NATO chief said on Wednesday that differences\xa0remained.\n\n"
        "Credit: Pool photo\n\nSecond paragraph.\n"
    )


def test_html_article_inside_a_form_or_without_a_head_end_is_read(write) -> None:  # type: ignore[no-untyped-def]
    webforms = (
        '<html><head><title>Site</title></head><body><form id="aspnetForm" method="post">'
        "<nav>Menu</nav><p>The minister spoke on Monday.</p><p>Talks lasted four hours.</p>"
        '<input type="hidden" value="x"></form></body></html>'
    )
    assert load_document(write("webforms.html", webforms)).text == (
        "The minister spoke on Monday.\n\nTalks lasted four hours.\n"
    )
    no_head_end = (
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Site title</title>"
        "<p>The article starts here.</p><p>And goes on.</p>"
    )
    assert (
        load_document(write("nohead.html", no_head_end)).text == "The article starts here.\n\nAnd goes on.\n"
    )
