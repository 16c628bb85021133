"""Import a module as it was in an earlier git revision, beside today's tree, for before/after runs."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def base_revision() -> str:
    """The commit where this branch left ``main`` (the default "before")."""
    out = subprocess.run(
        ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], check=True, capture_output=True, text=True
    )
    return out.stdout.strip()[:10]


def old_module(revision: str, path: str, name: str) -> types.ModuleType:
    """The module at ``path`` as it was in ``revision``, imported as ``name``. Its absolute
    imports (``compare.core...``) resolve against today's package."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{revision}:{path}"], check=True, capture_output=True, text=True
    ).stdout
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "compare.core.align"
    sys.modules[name] = module
    exec(compile(source, f"{revision}:{path}", "exec"), module.__dict__)
    return module
