"""The hand-off commands run as a user runs them: export --track-changes, --glossary, batch."""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compare.core.review.session import load_session
from tests.unit.test_cli import run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MT = "Talks in Kiev eased tensions between Moscow and Russia. West.\n\nThis stays the same.\n"
EDITED = "Talks in Kyiv eased tensions between Moscow and the West.\n\nThis stays the same.\n"
GLOSSARY = "term\trequired\tforbidden\tnote\nKyiv\t\tKiev\tthe Ukrainian spelling\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {
        "mt": tmp_path / "a.mt.txt",
        "edited": tmp_path / "a.edited.txt",
        "glossary": tmp_path / "house.tsv",
    }
    out["mt"].write_text(MT, encoding="utf-8")
    out["edited"].write_text(EDITED, encoding="utf-8")
    out["glossary"].write_text(GLOSSARY, encoding="utf-8")
    return out


def test_export_track_changes(files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    review = tmp_path / "r.ncreview"
    assert run("diff", str(files["mt"]), str(files["edited"]), "--save-session", str(review)).returncode == 1
    saved = datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC).timestamp()
    os.utime(review, (saved, saved))
    out = tmp_path / "r.docx"
    done = run("export", str(review), "--output", str(out), "--track-changes", "--take-all", "left")
    assert done.returncode == 0, done.stderr
    assert "docx with tracked changes" in done.stderr
    root = ET.fromstring(zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml"))
    dates = {e.get(f"{W}date") for e in root.iter() if e.tag in (f"{W}ins", f"{W}del")}
    assert dates == {"2026-02-03T04:05:06Z"}  # the review's date: when it was saved
    deleted = "".join(t.text or "" for t in root.iter(f"{W}delText"))
    inserted = "".join(t.text or "" for d in root.iter(f"{W}ins") for t in d.iter(f"{W}t"))
    assert "Kyiv" in deleted and "Kiev" in inserted
    for bad, says in (
        (("--format", "md"), "leave out --format"),
        (("--output", str(tmp_path / "r.txt")), "give the file a .docx name"),
    ):
        args = ["export", str(review), "--output", str(out), "--track-changes", *bad]
        failed = run(*args)
        assert failed.returncode == 2 and says in failed.stderr and "Traceback" not in failed.stderr


def test_glossary_on_diff_and_check(files) -> None:  # type: ignore[no-untyped-def]
    out = run("check", str(files["mt"]), "--glossary", str(files["glossary"]))
    assert out.returncode == 1
    assert "minor [glossary-forbidden] “Kiev” is not house style: house.tsv asks for “Kyiv”" in out.stdout
    assert "→ suggest 'Kyiv'" in out.stdout
    out = run(
        "diff",
        str(files["mt"]),
        str(files["edited"]),
        "--format",
        "json",
        "--glossary",
        str(files["glossary"]),
    )
    found = [f for f in json.loads(out.stdout)["findings"] if f["rule"] == "glossary-forbidden"]
    assert [(f["side"], f["suggestion"]) for f in found] == [("left", "Kyiv")]
    plain = run("diff", str(files["mt"]), str(files["edited"]), "--format", "json")
    assert not [f for f in json.loads(plain.stdout)["findings"] if f["rule"].startswith("glossary")]
    files["glossary"].write_text("name\tspelling\n", encoding="utf-8")
    bad = run("diff", str(files["mt"]), str(files["edited"]), "--glossary", str(files["glossary"]))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "house.tsv has no header row" in bad.stderr
    conflict = run("diff", str(files["mt"]), str(files["edited"]), "--no-checks", "--glossary", "x.tsv")
    assert conflict.returncode == 2 and "leave out --no-checks" in conflict.stderr


def write_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "kyiv.mt.txt").write_text(MT, encoding="utf-8")
    (folder / "kyiv.edited.txt").write_text(EDITED, encoding="utf-8")
    (folder / "same.mt.txt").write_text("Nothing differs here.\n", encoding="utf-8")
    (folder / "same.edited.txt").write_text("Nothing differs here.\n", encoding="utf-8")
    (folder / "broken.mt.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "broken.edited.txt").write_text("Text.\n", encoding="utf-8")
    (folder / "lonely.mt.txt").write_text("No partner.\n", encoding="utf-8")


def test_batch_over_a_folder(files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "pairs"
    write_folder(folder)
    out = tmp_path / "out"
    done = run(
        "batch",
        str(folder),
        "--output",
        str(out),
        "--tags",
        "mt,edited",
        "--glossary",
        str(files["glossary"]),
    )
    assert done.returncode == 1, done.stderr
    records = {r["name"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert set(records) == {"kyiv", "same", "broken", "lonely"}
    kyiv = records["kyiv"]
    assert kyiv["left"].endswith("kyiv.mt.txt") and kyiv["right"].endswith("kyiv.edited.txt")
    assert kyiv["divergent"] == 1 and kyiv["passages"] == 2
    assert kyiv["findings"]["minor"] >= 1  # the glossary's "Kiev", at least
    assert kyiv["top"][0]["passage"] == 1 and "Kiev" in kyiv["top"][0]["left"]
    assert records["same"]["divergent"] == 0 and records["same"]["top"] == []
    assert records["broken"]["error"] == "broken.mt.txt is a PNG image, not a text file."
    assert "lonely has no lonely.edited.* file" in records["lonely"]["error"]
    assert "skipped broken: broken.mt.txt is a PNG image" in done.stderr
    assert "\r" not in done.stderr  # no progress bar when standard error is not a terminal
    # each pair's report and review; the review opens as a session of the two files
    assert "kyiv.mt.txt ↔ kyiv.edited.txt" in (out / kyiv["report"]).read_text(encoding="utf-8")
    session = load_session(out / kyiv["review"])
    assert session.review.comparison.left.document.path == str(folder / "kyiv.mt.txt")
    # the summary: sorted by attention, linking every report and review
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.index("kyiv") < page.index("same") < page.index("broken")
    assert "href='kyiv.html'" in page and "href='kyiv.ncreview'" in page
    lines = [
        json.loads(line)["name"] for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert lines[0] == "kyiv" and set(lines) == set(records)
    assert (folder / "kyiv.mt.txt").read_text(encoding="utf-8") == MT


def test_batch_exit_codes_and_lists(tmp_path) -> None:  # type: ignore[no-untyped-def]
    left, right = tmp_path / "pairs" / "left", tmp_path / "pairs" / "right"
    for side in (left, right):
        side.mkdir(parents=True)
        (side / "one.txt").write_text("The same text.\n", encoding="utf-8")
    same = run("batch", str(tmp_path / "pairs"), "-o", str(tmp_path / "o1"))
    assert same.returncode == 0, same.stderr  # nothing differs
    # a TSV of left and right paths, relative to the TSV's folder; a bad line is skipped
    listing = tmp_path / "list.tsv"
    listing.write_text(
        "left\tright\npairs/left/one.txt\tpairs/right/one.txt\tfirst\njust one column\n", encoding="utf-8"
    )
    done = run("batch", str(listing), "-o", str(tmp_path / "o2"))
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r.get("error") for r in records] == ["Line 3 of list.tsv is not LEFT<TAB>RIGHT.", None]
    assert records[1]["name"] == "first"
    # the run itself cannot happen: exit 2 with one sentence
    for args, says in (
        (("batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o3")), "does not exist"),
        (("batch", str(left), "-o", str(tmp_path / "o4")), "Found no pairs of files in"),
        (("batch", str(listing), "-o", str(listing)), "is not a folder"),
        (
            ("batch", str(listing), "-o", str(tmp_path / "o5"), "--tags", "a"),
            "--tags takes two different tags",
        ),
    ):
        failed = run(*args)
        assert failed.returncode == 2, (args, failed.stderr)
        assert says in failed.stderr and "Traceback" not in failed.stderr
    # outputs never replace inputs: a pair named like an input's report is skipped, not written
    (tmp_path / "o6").mkdir()
    victim = tmp_path / "o6" / "one.html"
    victim.write_text("<p>an input</p>", encoding="utf-8")
    listing.write_text(f"{victim}\tpairs/right/one.txt\tone\n", encoding="utf-8")
    done = run("batch", str(listing), "-o", str(tmp_path / "o6"))
    assert done.returncode == 1
    assert "one.html is the left file of one" in done.stdout
    assert victim.read_text(encoding="utf-8") == "<p>an input</p>"


def test_batch_progress_bar_on_a_terminal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pty
    import subprocess
    import sys

    folder = tmp_path / "pairs"
    write_folder(folder)
    master, terminal = pty.openpty()
    command = ["batch", str(folder), "-o", str(tmp_path / "out"), "--tags", "mt,edited"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare", *command],
        stdout=subprocess.PIPE,
        stderr=terminal,
    )
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    stdout, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1
    shown = seen.decode("utf-8", "replace")
    assert "] 4/4 " in shown and "[" + "#" * 28 + "]" in shown  # the bar fills up
    assert shown.rstrip().endswith("1 differ, 2 skipped")  # and is cleared before the last line
    assert len(stdout.decode().splitlines()) == 4  # standard output holds the records only
