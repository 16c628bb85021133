"""Writing the user's files: atomic, in place for what is not a regular file, modes kept or
given by the umask, temporary files of killed writers removed, inputs protected."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from compare.core.errors import ExportError
from compare.core.io.fileio import ProtectedOutput, atomic_write, guard_output


def test_new_files_follow_the_umask_and_existing_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        script = (
            "from compare.core.io.fileio import atomic_write; import sys; atomic_write(sys.argv[1], b'x')"
        )
        new = tmp_path / "new.txt"
        subprocess.run(
            [sys.executable, "-c", script, str(new)], check=True
        )  # a fresh process reads the umask
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        atomic_write(kept, b"new")
        assert kept.read_bytes() == b"new"
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_dev_null_is_written_in_place_not_replaced() -> None:
    before = os.stat("/dev/null")
    atomic_write("/dev/null", b"anything")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read)
    reader.start()
    # the reader needs a moment to open its end; the writer waits for it without blocking forever
    for _ in range(200):
        try:
            atomic_write(fifo, b"through the pipe")
            break
        except ExportError:
            threading.Event().wait(0.01)
    reader.join(5)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_named_pipe_without_a_reader_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="named pipe that nobody reads"):
        atomic_write(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dash_is_standard_output(tmp_path: Path) -> None:
    script = "from compare.core.io.fileio import atomic_write; atomic_write('-', b'to stdout')"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, cwd=tmp_path)
    assert out.stdout == b"to stdout"
    assert not (tmp_path / "-").exists()


def test_a_killed_writer_leaves_nothing_behind_after_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "article.txt"
    # what a writer killed mid-write leaves: a hidden temporary file named after a dead process
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    left = tmp_path / f".article.txt.{dead.stdout.strip()}-abc123.tmp"
    left.write_bytes(b"half an artic")
    atomic_write(target, b"whole article")
    assert target.read_bytes() == b"whole article"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    busy = tmp_path / f".article.txt.{os.getpid()}-zzz999.tmp"
    busy.write_bytes(b"being written")
    atomic_write(tmp_path / "article.txt", b"x")
    assert busy.exists()


def test_guard_output_names_the_input_through_links_and_relative_paths(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "source.txt"
    source.write_text("x")
    (tmp_path / "alias.txt").symlink_to(source)
    monkeypatch.chdir(tmp_path)
    for path in ("source.txt", "./source.txt", "alias.txt", str(source)):
        with pytest.raises(
            ProtectedOutput, match=r"\.txt is the left input file; writing there would replace it"
        ):
            guard_output(path, [("the left input file", str(source))])
    guard_output("source.txt", [("the left input file", str(source))], force=True)
    with pytest.raises(ProtectedOutput):
        guard_output("source.txt", [("the review", str(source))], force=True, forcible=False)
    guard_output("other.txt", [("the left input file", str(source))])
    guard_output("-", [("the left input file", "-")])
