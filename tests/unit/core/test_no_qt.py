"""The engine must stay usable without Qt: importing all of compare.core pulls no Qt."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import compare.core


def test_core_imports_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(compare.core.__path__, "compare.core.")]
    assert "compare.core.diff.comparison" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"compare.core imported Qt: {out.stdout}"


def test_core_sources_do_not_mention_qt_imports() -> None:
    root = Path(compare.core.__file__).parent
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            assert not (
                stripped.startswith(("import PySide6", "from PySide6", "import shiboken6", "from PyQt"))
            ), f"{path.name} imports Qt: {stripped}"
