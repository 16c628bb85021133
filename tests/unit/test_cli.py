"""The command line, run as a user runs it: a separate process, exit codes, output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from compare.resources import sample_pair


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compare", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    left = tmp_path / "mt.txt"
    right = tmp_path / "edited.txt"
    left.write_text(
        "Headline here\n\nTalks eased tensions between Moscow and Russia. West.\n\nThis stays the same.\n",
        encoding="utf-8",
    )
    right.write_text(
        "Headline here\n\nTalks eased tensions between Moscow and the West.\n\nThis stays the same.\n",
        encoding="utf-8",
    )
    return left, right


def test_diff_json_schema(pair) -> None:  # type: ignore[no-untyped-def]
    left, right = pair
    out = run("diff", str(left), str(right), "--format", "json", "--no-checks")
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == 1
    assert data["left"]["path"] == str(left) and data["left"]["encoding"] == "utf-8"
    assert data["left"]["newline"] == "lf" and data["left"]["language"] == "en"
    text_l = left.read_text(encoding="utf-8")
    text_r = right.read_text(encoding="utf-8")
    assert [text_l[s:e] for s, e in data["left"]["segments"]][1:3] == [
        "Talks eased tensions between Moscow and Russia.",
        "West.",
    ]
    passages = data["passages"]
    assert [p["kind"] for p in passages] == ["equal", "changed", "equal"]
    changed = passages[1]
    assert changed["left_segments"] == [1, 2] and changed["right_segments"] == [1]
    assert 0 < changed["divergence"] <= 1 and passages[0]["divergence"] == 0
    # A name dropped (strong) and an article put in its place (weak): each side graded by its words.
    assert [
        (text_l[slice(*c["left"])], text_r[slice(*c["right"])], c["level"]) for c in changed["changes"]
    ] == [("Russia.", "", "strong"), ("", "the", "weak")]
    assert "".join(text_l[slice(*p["left"])] for p in passages) == text_l
    assert data["findings"] == []


def test_diff_identical_exits_zero(pair) -> None:  # type: ignore[no-untyped-def]
    left, _ = pair
    out = run("diff", str(left), str(left))
    assert out.returncode == 0
    assert "0 of 4 passages differ" in out.stdout  # the mt side has 4 sentences


def test_diff_text_marks_changes(pair) -> None:  # type: ignore[no-untyped-def]
    out = run("diff", *map(str, pair), "--color", "never")
    assert out.returncode == 1
    assert "[-Russia.-]" in out.stdout and "{+the+}" in out.stdout
    coloured = run("diff", *map(str, pair), "--color", "always")
    assert "\x1b[" in coloured.stdout


def test_diff_html_report_and_session(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report.html"
    session = tmp_path / "review.json"
    out = run(
        "diff", *map(str, pair), "--format", "html", "--output", str(report), "--save-session", str(session)
    )
    assert out.returncode == 1, out.stderr
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<del>Russia.</del>" in page and "<ins>the</ins>" in page
    exported = tmp_path / "clean.txt"
    out = run("export", str(session), "--output", str(exported))
    assert out.returncode == 0, out.stderr
    assert exported.read_bytes() == pair[1].read_bytes()
    out = run("export", str(session), "--output", str(exported), "--take-all", "left")
    assert exported.read_bytes() == pair[0].read_bytes()


def test_lines_segmentation_option(pair) -> None:  # type: ignore[no-untyped-def]
    out = run("diff", *map(str, pair), "--segment", "lines", "--format", "json", "--no-checks")
    data = json.loads(out.stdout)
    assert [p["left_segments"] for p in data["passages"]] == [[0], [1], [2]]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: (d / "b.bin").write_bytes(b"\x00\x01\x02" * 100) and d / "b.bin", "binary"),
    ],
)
def test_errors_are_one_sentence_and_exit_2(pair, tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = make(tmp_path)
    out = run("diff", str(pair[0]), str(bad))
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_size_limit_is_configurable(pair) -> None:  # type: ignore[no-untyped-def]
    out = run("diff", *map(str, pair), "--max-size", "0.00001")
    assert out.returncode == 2 and "too large" in out.stderr


def test_export_of_a_corrupt_session(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", encoding="utf-8")
    out = run("export", str(bad), "--output", str(tmp_path / "x.txt"))
    assert out.returncode == 2 and "not valid JSON" in out.stderr and "Traceback" not in out.stderr


def test_bad_usage_exits_2() -> None:
    out = run("diff", "only-one-file")
    assert out.returncode == 2


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("news-compare ")


def test_sample_pair_is_bundled_and_diverges() -> None:
    mt, edited = sample_pair()
    assert mt.is_file() and edited.is_file()
    out = run("diff", str(mt), str(edited), "--format", "json", "--no-checks")
    assert out.returncode == 1
    kinds = [p["kind"] for p in json.loads(out.stdout)["passages"]]
    assert kinds.count("changed") > 10 and "left-only" in kinds


def test_check_lists_the_sample_artifacts_and_exit_codes() -> None:
    mt, edited = sample_pair()
    out = run("check", str(mt), "--format", "json")
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == 1
    rules = [f["rule"] for f in data["findings"]]
    assert {
        "caption-credit",
        "sentence-fragment",
        "stray-period",
        "doubled-punctuation",
        "trailing-byline",
    } <= set(rules)
    text = mt.read_text(encoding="utf-8")
    period = next(f for f in data["findings"] if f["rule"] == "doubled-punctuation")
    assert text[period["start"] : period["end"]].replace(" ", "") == ".." and period["suggestion"] == "."
    assert set(data["findings"][0]) == {"rule", "severity", "start", "end", "message", "suggestion", "count"}
    clean = run("check", str(edited))
    assert clean.returncode == 0 and "0 findings" in clean.stdout


def test_fail_on_major_ignores_minor_findings(tmp_path: Path) -> None:
    f = tmp_path / "minor.txt"
    f.write_text("The talks went on for the the whole day in Brussels, officials said.\n", encoding="utf-8")
    assert run("check", str(f)).returncode == 1
    assert run("check", str(f), "--fail-on", "major").returncode == 0


def test_diff_reports_findings_of_both_sides() -> None:
    mt, edited = sample_pair()
    out = run("diff", str(mt), str(edited), "--format", "json")
    data = json.loads(out.stdout)
    sides = {f["side"] for f in data["findings"]}
    assert sides <= {"left", "right"} and "left" in sides
    fragment = next(f for f in data["findings"] if f["rule"] == "sentence-fragment")
    passage = data["passages"][fragment["passage"]]
    assert passage["left"][0] <= fragment["start"] < passage["left"][1]
    # Ranked: the passage with the cut sentence is among the most divergent half.
    ranked = sorted(data["passages"], key=lambda p: -p["divergence"])
    assert passage in ranked[: len(ranked) // 2]


def test_no_output_may_replace_an_input_without_force(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    left, right = pair
    before = right.read_bytes()
    for args in (
        ("diff", str(left), str(right), "-o", str(right)),
        ("diff", str(left), str(right), "--save-session", str(left)),
        ("align", str(left), str(right), "-o", str(right)),
    ):
        out = run(*args)
        assert out.returncode == 2, args
        assert "input file; writing there would replace it. Give --force" in out.stderr
        assert "Traceback" not in out.stderr
    assert right.read_bytes() == before and left.read_text(encoding="utf-8").startswith("Headline")
    forced = run("diff", str(left), str(right), "--no-checks", "-o", str(tmp_path / "copy.txt"), "--force")
    assert forced.returncode == 1


def test_export_never_replaces_the_review_itself(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    left, right = pair
    review = tmp_path / "review.ncreview"
    assert run("diff", str(left), str(right), "--no-checks", "--save-session", str(review)).returncode == 1
    saved = review.read_bytes()
    for extra in ((), ("--force",)):
        out = run("export", str(review), "--output", str(review), *extra)
        assert out.returncode == 2
        assert "is the review being exported" in out.stderr and "Choose another name" in out.stderr
    assert review.read_bytes() == saved
    out = run("export", str(review), "--output", str(right))
    assert out.returncode == 2 and "Give --force" in out.stderr


def test_export_says_when_a_file_changed_since_the_review(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    left, right = pair
    review = tmp_path / "review.ncreview"
    run("diff", str(left), str(right), "--no-checks", "--save-session", str(review))
    right.write_text(right.read_text(encoding="utf-8") + "An editor added this later.\n", encoding="utf-8")
    out = run("export", str(review), "--output", str(tmp_path / "clean.txt"))
    assert out.returncode == 0
    assert "The right file edited.txt changed on disk since the review was saved" in out.stderr
    out = run("export", str(review), "--output", str(right))
    assert out.returncode == 2  # the edit made since is not silently thrown away
    assert "An editor added this later." in right.read_text(encoding="utf-8")


def test_dash_means_standard_output(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    left, right = pair
    out = run("diff", str(left), str(right), "--no-checks", "--format", "json", "-o", "-", cwd=tmp_path)
    assert out.returncode == 1 and json.loads(out.stdout)["schema"] == 1
    assert not (tmp_path / "-").exists()
