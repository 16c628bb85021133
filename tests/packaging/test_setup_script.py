"""packaging/setup.sh decides what to do before it does it: these run it with --dry-run in a copy of
the checkout (nothing installed, nothing downloaded). The real runs — as root, as a user without
sudo — are in .ci/run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ABSENT = "news-compare-test-absent-package"
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("bash") is None, reason="setup.sh is for Linux"
)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The files setup.sh uses, as a fresh checkout has them."""
    copy = tmp_path / "news-compare"
    (copy / "packaging").mkdir(parents=True)
    (copy / "compare").mkdir()
    shutil.copy(ROOT / "packaging" / "setup.sh", copy / "packaging" / "setup.sh")
    shutil.copy(ROOT / "compare" / "startup.py", copy / "compare" / "startup.py")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def setup(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWS_COMPARE_EXTRA_APT": ABSENT, "PYTHON": sys.executable}
    return subprocess.run(
        ["bash", str(checkout / "packaging" / "setup.sh"), *args],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_dry_run_names_the_missing_package_and_changes_nothing(checkout: Path) -> None:
    proc = setup(checkout, "--dry-run")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout + proc.stderr
    apt_lines = [line for line in out.splitlines() if "apt-get" in line and ABSENT in line]
    assert apt_lines, out  # as root or with sudo: what it would run; otherwise: the line to hand on
    assert "setup [3/3] News Compare" in out and "would run:" in out
    assert sorted(p.name for p in checkout.iterdir()) == ["compare", "packaging", "pyproject.toml"]


def test_a_venv_without_pip_is_repaired_not_kept(checkout: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(checkout / ".venv")], check=True)
    proc = setup(checkout, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "would remove the broken .venv" in proc.stdout
    assert "repaired, it had no pip" in proc.stdout
    assert (checkout / ".venv" / "pyvenv.cfg").is_file()  # a dry run leaves it


def test_a_healthy_venv_is_kept(checkout: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", str(checkout / ".venv")], check=True)
    proc = setup(checkout, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "kept (Python 3." in proc.stdout and "would run: " + sys.executable + " -m venv" not in proc.stdout


def test_a_folder_named_venv_that_is_not_one_is_left_alone(checkout: Path) -> None:
    (checkout / ".venv").mkdir()
    (checkout / ".venv" / "notes.txt").write_text("mine", encoding="utf-8")
    proc = setup(checkout)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "setup: '.venv' exists but is not a virtual environment; "
        "move it away and run packaging/setup.sh again"
    )
    assert (checkout / ".venv" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_an_unknown_option_is_refused(checkout: Path) -> None:
    proc = setup(checkout, "--tset")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "setup: unknown option '--tset' (see packaging/setup.sh --help)"


def test_a_python_too_old_is_named(checkout: Path, tmp_path: Path) -> None:
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\n[ \"$1\" = -V ] && echo 'Python 3.9.2' && exit 0\nexit 1\n", encoding="utf-8")
    old.chmod(0o755)
    env = {**os.environ, "PYTHON": str(old)}
    proc = subprocess.run(
        ["bash", "packaging/setup.sh", "--dry-run"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert "needs Python 3.11 or newer" in proc.stderr and "Python 3.9.2" in proc.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_setup_script_passes_shellcheck() -> None:
    proc = subprocess.run(
        ["shellcheck", str(ROOT / "packaging" / "setup.sh")], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout
