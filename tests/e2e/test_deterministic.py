"""The same inputs give the same report byte for byte, whatever Python's hash seed.

Set iteration order changes with ``PYTHONHASHSEED``; any choice that depends on it (ties among
equally rare words, the order findings are made in) would make two runs of one comparison
disagree. The pair is built from the real news in ../shared/data as bench/_data.py builds its
large pairs (human references against machine translations, one after another), cut at about
150 KB a side so that the test takes seconds; the texts are read there, never copied here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.data

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SIZE = 150_000


def _articles() -> list[tuple[Path, Path]]:
    pairs = []
    for article in sorted((DATA / "wmt21").glob("*/*")):
        refs = sorted(article.glob("reference.*.txt"))
        systems = sorted(p for p in article.glob("*.txt") if not p.name.startswith(("reference", "source")))
        if refs and systems:
            pairs.append((refs[0], systems[0]))
    return pairs


@pytest.fixture(scope="module")
def real_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not (DATA / "wmt21").is_dir():
        pytest.skip(f"the WMT 2021 texts are not at {DATA / 'wmt21'} (they ship beside the repository)")
    pairs = _articles()
    left: list[str] = []
    right: list[str] = []
    total = k = 0
    while total < SIZE:
        ref, mt = pairs[k % len(pairs)]
        left.append(ref.read_text(encoding="utf-8").strip() + "\n\n")
        right.append(mt.read_text(encoding="utf-8").strip() + "\n\n")
        total += len(left[-1].encode())
        k += 1
    folder = tmp_path_factory.mktemp("pair")
    (folder / "left.txt").write_text("".join(left), encoding="utf-8")
    (folder / "right.txt").write_text("".join(right), encoding="utf-8")
    return folder / "left.txt", folder / "right.txt"


def _report(args: list[str], seed: int, data_dir: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "NEWS_COMPARE_DATA_DIR": str(data_dir)}
    proc = subprocess.run(
        [sys.executable, "-m", "compare", *args], capture_output=True, env=env, timeout=300, check=False
    )
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")
    return proc.stdout


def test_diff_json_is_the_same_under_two_hash_seeds(real_pair: tuple[Path, Path], tmp_path: Path) -> None:
    args = ["diff", str(real_pair[0]), str(real_pair[1]), "--format", "json"]
    first = _report(args, 1, tmp_path / "one")
    second = _report(args, 2, tmp_path / "two")
    assert first, "no report"
    assert first == second


def test_bilingual_diff_is_the_same_under_two_hash_seeds(tmp_path: Path) -> None:
    folder = DATA / "wmt21" / "zh-en"
    if not folder.is_dir():
        pytest.skip(f"the WMT 2021 texts are not at {folder} (they ship beside the repository)")
    article = sorted(p for p in folder.iterdir() if p.is_dir())[0]
    args = ["diff", str(article / "source.zh.txt"), str(article / "reference.en.txt"), "--format", "json"]
    assert _report(args, 1, tmp_path / "one") == _report(args, 2, tmp_path / "two")
