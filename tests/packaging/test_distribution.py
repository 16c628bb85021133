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
def wheel_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel, and everything pip and the build backend printed while making it (-v)."""
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed: {proc.stderr[-2000:]}")
    return next(out.glob("news_compare-*.whl")), proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def wheel(wheel_build: tuple[Path, str]) -> Path:
    return wheel_build[0]


def test_the_build_backend_has_nothing_to_warn_about(wheel_build: tuple[Path, str]) -> None:
    """pip shows setuptools' warnings to whoever installs from the checkout (packaging/setup.sh
    printed 339 lines of them): the configuration must give none, but for the one notice that
    ``ext-modules`` (the alignment kernel) is still labelled experimental: it is setuptools' way
    to declare an extension in pyproject.toml, and the repository's top level has no setup.py."""
    warnings = [
        line.strip()
        for line in wheel_build[1].splitlines()
        if ("Warning:" in line or "is absent from the `packages` configuration" in line)
        and "`[tool.setuptools.ext-modules]` in `pyproject.toml` is still *experimental*" not in line
    ]
    assert not warnings, "\n".join(warnings)


def test_wheel_carries_resources_and_entry_points(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "compare/resources/samples/nato-russia-talks.machine-translated.txt",
        "compare/resources/samples/nato-russia-talks.edited.txt",
        "compare/resources/samples/nato-russia-talks.fr.txt",
        "compare/resources/icons/news-compare.svg",
        "compare/resources/icons/hicolor/256x256/apps/news-compare.png",
        "compare/resources/icons/actions/take-left.svg",
        "compare/resources/desktop/news-compare.desktop",
        "compare/core/text/frequencies/en.txt.gz",
        "compare/core/analysis/ranking_weights.json",
    ):
        assert needed in names, f"{needed} is missing from the wheel"
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "compare").rglob("*.py")}
    assert modules - names == set(), "modules missing from the wheel (list their packages in pyproject.toml)"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "news-compare = compare.cli:main" in text
    assert "news-compare-gui = compare.cli:gui_main" in text
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_installed_wheel_uses_the_word_lists_it_ships(wheel: Path, tmp_path: Path) -> None:
    """The cross-language aligner of an installed program has the dictionaries the tests use."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "compare/resources/lexicons/deu-fra.tsv.gz" in names
    assert "compare/resources/lexicons/NOTICE" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from compare.core.align import lexicon;"
        "lexicon.DICTD_DIR = lexicon.Path(sys.argv[1]) / 'no-dictd'; lexicon.clear_caches();"
        "found = lexicon.load_lexicon('de', 'fr');"
        "assert found is not None and found.origin == 'shipped', found;"
        "assert str(lexicon.SHIPPED_DIR).startswith(sys.argv[1]), lexicon.SHIPPED_DIR;"
        "print(found.get('gletscher'))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(site)], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert "glacier" in proc.stdout


def test_installed_wheel_finds_its_sample_pair(wheel: Path, tmp_path: Path) -> None:
    """Unpacked on its own (no source tree around it), the package finds its resources."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from compare.resources import sample_pair; a, b = sample_pair();"
        "assert a.is_file() and b.is_file(), (a, b); assert str(a).startswith(sys.argv[1]); print(a)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(site)], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
def test_desktop_entry_validates() -> None:
    proc = subprocess.run(
        ["desktop-file-validate", str(DESKTOP / "news-compare.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_validates() -> None:
    files = list(DESKTOP.glob("*.metainfo.xml"))
    assert files
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
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
