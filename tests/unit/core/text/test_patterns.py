"""The engine's CJK-class patterns are compiled when first used (each costs 3-8 ms to compile,
30 ms of every start in all), and a lazily compiled pattern finds what the compiled one does."""

from __future__ import annotations

import re
import subprocess
import sys

from compare.core.text.patterns import lazy_compile
from compare.core.text.scripts import CJK
from compare.core.text.segmentation import WORD_RE, words

TEXT = "Am 25. Juli 2021 trafen sich 14 Minister in Genf; 7月25日，北京有5000多名游客。 서울에서 만났다."


def test_a_lazy_pattern_finds_what_the_compiled_pattern_finds() -> None:
    source = rf"[{CJK}]|[^\W{CJK}]+"
    lazy, compiled = lazy_compile(source), re.compile(source)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub("·", TEXT) == compiled.sub("·", TEXT)
    assert lazy.fullmatch("北") is not None and lazy.search(" ;") is None
    assert (lazy.pattern, lazy.groups) == (compiled.pattern, compiled.groups)
    assert words(TEXT) == [m.span() for m in re.compile(WORD_RE.pattern).finditer(TEXT)]


def test_importing_the_engine_and_the_window_compiles_no_cjk_class() -> None:
    code = (
        "import re, sys\n"
        "seen = []\n"
        "real = re.compile\n"
        "re.compile = lambda p, flags=0: seen.append(p) or real(p, flags)\n"
        "import compare.core.diff.comparison, compare.core.align.bilingual, compare.core.text.numbers\n"
        "import compare.core.checks.cross, compare.qt.jobs\n"
        "try:\n"
        "    import compare.qt.main_window\n"
        "except ImportError:\n"
        "    pass\n"
        "print(sum(1 for p in seen if isinstance(p, str) and '\\u4e00-\\u9fff' in p))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert proc.stdout.strip() == "0"
