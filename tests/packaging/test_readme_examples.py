"""The README's command-line examples work when pasted: each one runs, in order, in a folder laid
out like the checkout after packaging/setup.sh, and exits with the status written above it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def readme_block(marker: str) -> str:
    """The code block that follows ``<!-- marker -->`` in the README."""
    text = README.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {re.escape(marker)} -->\s*```[^\n]*\n(.*?)```", text, re.DOTALL)
    assert found, f"README.md has no code block after <!-- {marker} -->"
    return found.group(1)


def examples() -> list[tuple[str, int]]:
    """(command, expected exit status) for every command of the examples block."""
    result: list[tuple[str, int]] = []
    expected: int | None = None
    for chunk in readme_block("cli-examples").replace("\\\n", " ").splitlines():
        line = chunk.strip()
        if not line:
            continue
        if line.startswith("#"):
            status = re.search(r"exit status (\d)", line)
            expected = int(status.group(1)) if status else None
            continue
        assert expected is not None, f"the README does not say which exit status to expect from: {line}"
        result.append((" ".join(line.split()), expected))
        expected = None
    return result


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the checkout's resources/ and a .venv/bin/news-compare of the Python under test."""
    folder = tmp_path_factory.mktemp("pasted")
    (folder / "resources").symlink_to(ROOT / "resources")
    (folder / "build").mkdir()  # packaging/setup.sh leaves it (its log is there)
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    script = Path(sys.executable).parent / "news-compare"
    if script.is_file():
        (bin_dir / "news-compare").symlink_to(script)
    else:  # a Python without the console script: the same entry point
        wrapper = bin_dir / "news-compare"
        wrapper.write_text(
            f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m compare "$@"\n', encoding="utf-8"
        )
        wrapper.chmod(0o755)
    return folder


def test_the_readme_has_examples_for_every_subcommand() -> None:
    commands = [command for command, _ in examples()]
    for sub in ("diff", "check", "align", "export"):
        assert any(f"news-compare {sub} " in c for c in commands), f"no README example of {sub}"
    assert all(c.startswith(".venv/bin/news-compare ") for c in commands), commands


def test_readme_examples_exit_as_the_readme_says(checkout: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONPATH")}
    for command, expected in examples():
        proc = subprocess.run(
            command,
            shell=True,
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert proc.returncode == expected, (
            f"{command}\nexited {proc.returncode}, the README says {expected}\n{proc.stderr[-2000:]}"
        )
        assert "Traceback" not in proc.stderr, proc.stderr
    # What the examples say they write is there and is what it claims to be.
    assert (
        (checkout / "build" / "report.html")
        .read_text(encoding="utf-8")
        .lstrip()
        .lower()
        .startswith("<!doctype html")
    )
    tmx = (checkout / "build" / "nato-russia-talks.tmx").read_text(encoding="utf-8")
    assert tmx.count("</tu>") >= 25 and 'xml:lang="fr"' in tmx
    assert (checkout / "build" / "clean.txt").read_bytes() == (
        ROOT / "resources" / "samples" / "nato-russia-talks.edited.txt"
    ).read_bytes()


def test_help_lists_the_sample_and_the_readme_runs_it() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "compare", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert "--sample" in proc.stdout
    run_command = README.read_text(encoding="utf-8").split("```", 2)[1]
    assert "packaging/setup.sh && .venv/bin/news-compare --sample" in run_command
