"""Time both aligners against an earlier revision of them, in one run.

The same-language aligner runs on the ~1 MB reference/machine-translation pair that
``bench/diff_bench.py`` uses (``bench/_data.build_megabyte_pair``), segmented as
``news-compare diff`` segments it; the cross-language aligner on the Text+Berg dev document
repeated to about 10,000 sentences a side. The earlier revision (``--against``, default the
commit where this branch left ``main``) is read with ``git show`` and imported beside the working tree, so both run in the
same process on the same input, in turn. Prints the best CPU time of ``--runs`` for each
(CPU, not wall time: the machine is shared) and their ratio; and for this tree, the compiled
kernel (``_kernel.pyx``) against the same search in Python, with whether their beads agree.

    .venv/bin/python bench/align_speed.py [--against REV] [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _data import DATA, build_megabyte_pair  # noqa: E402
from _old import base_revision, old_module  # noqa: E402

from compare.core.align import bilingual  # noqa: E402
from compare.core.align import same_language as alignment  # noqa: E402
from compare.core.diff.comparison import make_side  # noqa: E402
from compare.core.io.document import Document  # noqa: E402


def _pair(runs: int, old: Callable[[], object], new: Callable[[], object]) -> tuple[float, float]:
    """Best CPU seconds of each job, run in turn (old, new, new, old, ...) so that a busy
    neighbour on the shared machine slows both alike."""
    times: dict[int, list[float]] = {0: [], 1: []}
    for k in range(runs):
        for which in (0, 1) if k % 2 == 0 else (1, 0):
            gc.collect()
            start = time.process_time()
            (old, new)[which]()
            times[which].append(time.process_time() - start)
    return min(times[0]), min(times[1])


def _sentences(path: Path) -> tuple[list[str], tuple[int, ...] | None]:
    text = path.read_text(encoding="utf-8")
    side = make_side(Document(text=text, path=path))
    seg = side.segmentation
    return [side.sentence_text(i) for i in range(len(seg.sentences))], tuple(seg.sentence_paragraph)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--against", default=None, help="git revision to compare with (default: where HEAD left main)"
    )
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--same-only", action="store_true", help="time the same-language aligner only")
    args = ap.parse_args()
    if args.against is None:
        args.against = base_revision()
    old_same = old_module(args.against, "compare/core/align/same_language.py", "_old_alignment")
    old_cross = old_module(args.against, "compare/core/align/bilingual.py", "_old_bilingual")

    with tempfile.TemporaryDirectory() as tmp:
        left_path, right_path = build_megabyte_pair(Path(tmp))
        left, lpar = _sentences(left_path)
        right, rpar = _sentences(right_path)
    print(f"same language: {len(left)} x {len(right)} sentences (1 MB pair of WMT references vs MT)")
    old, new = _pair(
        args.runs,
        lambda: old_same.align_same_language(left, right, lpar, rpar),
        lambda: alignment.align_same_language(left, right, lpar, rpar),
    )
    print(f"  {args.against:>10}: {old:.2f} s CPU   this tree: {new:.2f} s CPU   ratio {new / old:.2f}")
    kernel = alignment._kernel
    if kernel is None:
        print("  the compiled kernel is not built here: this tree searched in Python")
    else:

        def python_search() -> object:
            alignment._kernel = None
            try:
                return alignment.align_same_language(left, right, lpar, rpar)
            finally:
                alignment._kernel = kernel

        same = python_search() == alignment.align_same_language(left, right, lpar, rpar)
        py, compiled = _pair(
            args.runs, python_search, lambda: alignment.align_same_language(left, right, lpar, rpar)
        )
        print(
            f"  Python search: {py:.2f} s CPU   compiled kernel: {compiled:.2f} s CPU   ratio {compiled / py:.2f}"
            f"   same beads: {same}"
        )

    folder = DATA / "textberg-defr"
    if args.same_only:
        return 0
    if folder.is_dir():
        de = (folder / "dev.de").read_text(encoding="utf-8").splitlines()
        fr = (folder / "dev.fr").read_text(encoding="utf-8").splitlines()
        copies = 10_000 // len(de) + 1
        big_de, big_fr = de * copies, fr * copies
        print(f"cross language: {len(big_de)} x {len(big_fr)} sentences (Text+Berg dev repeated)")
        for use in (False, True):
            kw = {"left_lang": "de", "right_lang": "fr", "use_dictionary": use}
            old, new = _pair(
                args.runs,
                lambda kw=kw: old_cross.align_bilingual(big_de, big_fr, **kw),
                lambda kw=kw: bilingual.align_bilingual(big_de, big_fr, **kw),
            )
            tag = "dictionary" if use else "no dictionary"
            print(
                f"  {tag:13} {args.against:>10}: {old:.2f} s CPU   this tree: {new:.2f} s CPU   ratio {new / old:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
