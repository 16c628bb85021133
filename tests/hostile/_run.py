"""Running the command line on hostile input: in a child process, with a time limit and an
address-space limit, so that a hang or a runaway allocation fails the test instead of the run."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

MEMORY = 1536 * 1024 * 1024  # address space of the child: bounded memory means well below this
TIMEOUT = 30  # seconds: "bounded time" for one run (each case takes a few at most once fixed)


def _limits(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(
    *args: str | os.PathLike[str], timeout: float = TIMEOUT, memory: int = MEMORY
) -> subprocess.CompletedProcess[str]:
    """``news-compare ARGS`` in a child process; fails the test if it outlives ``timeout``."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "compare", *map(str, args)],
            capture_output=True,
            text=True,
            errors="replace",
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            env=env,
            preexec_fn=lambda: _limits(memory),
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"news-compare {' '.join(map(str, args))} ran past {timeout} s") from None


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "Internal error" not in result.stderr, result.stderr[-2000:]
    assert "MemoryError" not in result.stderr and "not enough memory" not in result.stderr, result.stderr


def refused(result: subprocess.CompletedProcess[str], pattern: str) -> str:
    """Exit 2 (an error, never 1, "differences found") with one sentence on standard error that
    matches ``pattern``, and no traceback. Returns the sentence."""
    no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert lines, "nothing on standard error"
    usage = [line for line in lines if line.startswith(("usage:", " "))]  # argparse's usage lines
    sentences = [line for line in lines if line not in usage]
    assert len(sentences) == 1, lines
    sentence = sentences[0]
    assert sentence.startswith("news-compare"), sentence
    assert re.search(pattern, sentence), f"{sentence!r} does not match {pattern!r}"
    assert "\x1b" not in result.stderr
    return sentence


def completed(result: subprocess.CompletedProcess[str]) -> None:
    """Pathological but legal input: the run finishes (0 or 1) without a word of error."""
    no_traceback(result)
    assert result.returncode in (0, 1), (result.returncode, result.stderr[-2000:])


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def document_xml(body: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="'
        + W_NS.encode()
        + b'"><w:body>'
        + body
        + b"</w:body></w:document>"
    )


def write_docx(path: Path, document: bytes, *, method: int = zipfile.ZIP_DEFLATED, extra: int = 0) -> Path:
    """A Word document whose body is ``document`` (raw bytes of word/document.xml)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = method
        zf.writestr(info, document)
        for i in range(extra):
            zf.writestr(f"customXml/item{i}.xml", b"")
    return path


def _patch(path: Path, member: str, local: int, central: int, value: int, keep: bool) -> None:
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", local, 30), (b"PK\x01\x02", central, 46)):
        start = 0
        while (pos := data.find(signature, start)) >= 0:
            if data[pos + name_at : pos + name_at + len(name)] == name:
                old = int.from_bytes(data[pos + offset : pos + offset + 2], "little")
                data[pos + offset : pos + offset + 2] = ((old | value) if keep else value).to_bytes(
                    2, "little"
                )
            start = pos + 4
    path.write_bytes(bytes(data))


def set_method(path: Path, member: str, method: int) -> None:
    """Rewrite the compression method of ``member`` in its local and central headers (to forge a
    Deflate64 part, which zipfile cannot write)."""
    _patch(path, member, 8, 10, method, keep=False)


def set_flags(path: Path, member: str, flags: int) -> None:
    """Set general-purpose flags of ``member`` (0x1: encrypted), which zipfile does not write."""
    _patch(path, member, 6, 8, flags, keep=True)
