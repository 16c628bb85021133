"""Python's cyclic garbage collector kept out of the engine's stages.

The stages make millions of small objects and almost no reference cycles, so the collector only
costs there: about a second of the 1 MB pair in one process, its full passes 75 ms each. Inside
:func:`collector_paused` what exists so far (modules, tables, a comparison held from an earlier
step) is frozen out of its scans and it does not run.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(thaw: bool = False) -> Iterator[None]:
    """No cyclic collection inside; ``thaw``: afterwards, what was frozen may be collected again
    (a long-lived process, such as the window's child, whose held pairs are replaced: without it
    their cycles would stay for good). A short-lived one (the command line) leaves it frozen, so
    that the interpreter's last collection at exit does not scan it."""
    gc.freeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if thaw:
            gc.unfreeze()
        if enabled:
            gc.enable()
