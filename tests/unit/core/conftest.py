"""Fixtures for engine tests: the real data beside the repository, and small files."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
DATA = SHARED / "data"


@pytest.fixture
def wmt21() -> Path:
    folder = DATA / "wmt21"
    if not folder.is_dir():
        pytest.skip(
            f"the WMT 2021 data is not at {folder} (it ships beside the repository as ../shared/data)"
        )
    return folder


@pytest.fixture
def sample_article() -> Path:
    path = SHARED / "samples" / "nato-russia-talks.machine-translated.txt"
    if not path.is_file():
        pytest.skip(f"the sample article is not at {path}")
    return path


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """write(name, text_or_bytes, encoding='utf-8') -> Path"""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write
