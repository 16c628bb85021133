"""Whole-process timing for the benchmarks: a command and its reference, run in turn.

Each run is a child process; its wall time is measured here and its peak memory (maximum
resident set) and CPU time come from the kernel's accounting of that one child (``os.wait4``).
The command and its reference alternate, A B A B ..., after one warm-up of each, and every row
is the median of the ratios pair by pair, so a machine whose speed drifts (these are shared)
still gives a fair ratio. The children run without ``PYTHONDONTWRITEBYTECODE``, as an installed
program does: its modules are read from bytecode, not compiled every run.
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float  # maximum resident set, MiB


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(cmd: list[str]) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env())
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd[:3])} ... failed ({proc.returncode}): {err.decode(errors='replace')}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def paired(a: list[str], b: list[str], runs: int) -> tuple[list[Run], list[Run]]:
    """``runs`` runs of ``a`` and of ``b`` in turn, after one warm-up of each."""
    run_once(a)
    run_once(b)
    ours: list[Run] = []
    ref: list[Run] = []
    for _ in range(runs):
        ours.append(run_once(a))
        ref.append(run_once(b))
    return ours, ref


def row(name: str, ours: list[Run], ref: list[Run], goal: str = "") -> str:
    """One line: the median time of each, the median ratio pair by pair, and the goal."""
    ratios = [x.wall / y.wall for x, y in zip(ours, ref, strict=True)]
    a = statistics.median(r.wall for r in ours)
    b = statistics.median(r.wall for r in ref)
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}"
    peak = max(r.peak_mb for r in ours)
    tail = f"  goal {goal}" if goal else ""
    return f"{name:44s} {a:8.3f} s vs {b:7.3f} s  ratio {statistics.median(ratios):7.2f} ({spread}), peak {peak:5.0f} MB{tail}"


def engine_at(revision: str, folder: Path) -> list[str]:
    """A command that runs ``news-compare`` as it was at ``revision`` (extracted into ``folder``)."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / "engine.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", revision, "compare"], check=True, stdout=fh)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    # a compiled extension is built, not committed: the one built here serves that revision too
    # when its source there is the same (else that revision runs its pure-Python twin)
    for built in (ROOT / "compare").rglob("*.so"):
        source = built.with_name(built.name.split(".")[0] + ".pyx")
        there = folder / source.relative_to(ROOT)
        if source.is_file() and there.is_file() and there.read_bytes() == source.read_bytes():
            shutil.copy2(built, there.with_name(built.name))
    compileall.compile_dir(str(folder / "compare"), quiet=1)  # as installed: not compiled at every start
    code = f"import sys; sys.path.insert(0, {str(folder)!r}); from compare.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code]


def news_compare() -> list[str]:
    return [str(Path(sys.executable).with_name("news-compare"))]
