"""What an installed program needs: the wheel carries the resources, the desktop files
validate, and the program tells its version and licences."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed: {proc.stderr[-2000:]}")
    return next(out.glob("news_compare-*.whl"))


def test_wheel_carries_resources_and_entry_points(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "compare/resources/samples/nato-russia-talks.machine-translated.txt",
        "compare/resources/samples/nato-russia-talks.edited.txt",
        "compare/resources/icons/news-compare.svg",
        "compare/resources/icons/hicolor/256x256/apps/news-compare.png",
        "compare/resources/icons/actions/take-left.svg",
        "compare/resources/desktop/news-compare.desktop",
        "compare/core/diff/comparison.py",
        "compare/qt/main_window.py",
    ):
        assert needed in names, f"{needed} is missing from the wheel"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "news-compare = compare.cli:main" in text
    assert "news-compare-gui = compare.cli:gui_main" in text
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_installed_wheel_finds_its_sample_pair(wheel: Path, tmp_path: Path) -> None:
    """Unpacked on its own (no source tree around it), the package finds its resources."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from compare.cli import sample_pair; a, b = sample_pair();"
        "assert a.is_file() and b.is_file(), (a, b); assert str(a).startswith(sys.argv[1]); print(a)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(site)], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
def test_desktop_entry_validates() -> None:
    proc = subprocess.run(
        ["desktop-file-validate", str(DESKTOP / "news-compare.desktop")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_validates() -> None:
    files = list(DESKTOP.glob("*.metainfo.xml"))
    assert files
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", *map(str, files)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_entry_names_the_icon_and_text_types() -> None:
    entry = (DESKTOP / "news-compare.desktop").read_text(encoding="utf-8")
    assert (
        "Icon=news-compare" in entry and "MimeType=text/plain;" in entry and "Exec=news-compare %F" in entry
    )
    assert (ROOT / "resources" / "icons" / "hicolor" / "scalable" / "apps" / "news-compare.svg").is_file()


def test_licences_of_the_dependencies_are_known() -> None:
    from compare.licences import dependency_licences

    rows = {name: licence for name, _, licence in dependency_licences()}
    assert rows["PySide6-Essentials"].startswith("LGPL")
    assert rows["diff-match-patch"] == "Apache-2.0"
    assert all(licence and licence != "see the package" for licence in rows.values()), rows
