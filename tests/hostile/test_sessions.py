"""Hostile input, class 5: review session files (a JSON schema broken in every way the issue
found, and files that are not sessions at all)."""

from __future__ import annotations

import copy
import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from compare.core.diff.comparison import compare
from compare.core.io.document import Document
from compare.core.review.review import Decision, Review
from compare.core.review.session import session_to_json

from ._run import completed, refused, run

LEFT = "The minister spoke on Monday.\n\nTalks lasted four hours.\n"
RIGHT = "The minister spoke on Tuesday.\n\nTalks lasted four hours.\n"


@pytest.fixture(scope="module")
def base_session() -> dict:  # type: ignore[type-arg]
    review = Review(compare(Document.from_text(LEFT, "left.txt"), Document.from_text(RIGHT, "right.txt")))
    review.set_decision(0, Decision(choice="custom", text="The minister spoke on Wednesday.", note="check"))
    return session_to_json(review, {"current": 0})


def _write(tmp_path, data, raw: str | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "review.ncreview"
    path.write_text(raw if raw is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def export(path, tmp_path, *extra):  # type: ignore[no-untyped-def]
    return run("export", path, "-o", tmp_path / "out.txt", *extra)


def test_the_untouched_session_exports(base_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    completed(export(_write(tmp_path, base_session), tmp_path))
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("The minister spoke on Wednesday.")


def _set(path: str, value):  # type: ignore[no-untyped-def]
    def change(data):  # type: ignore[no-untyped-def]
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
        return data

    return change


DAMAGED = r"(is damaged|damaged:|does not fit its texts|no valid|not a News Compare session|has no (left|right) text)"
CASES = [
    # wrong types
    ("decisions-int", _set("decisions", 5), r"A decision in the session is damaged\."),
    ("decision-passage-bool", _set("decisions.0.passage", True), r"A decision in the session is damaged\."),
    ("decision-passage-list", _set("decisions.0.passage", [0]), r"A decision in the session is damaged\."),
    ("decision-passage-float", _set("decisions.0.passage", 0.0), r"A decision in the session is damaged\."),
    (
        "decision-choice-unknown",
        _set("decisions.0.choice", "delete-all"),
        r"A decision in the session is damaged\.",
    ),
    ("decision-text-list", _set("decisions.0.text", ["x"]), r"a hand-edited passage is not text"),
    ("decision-reviewed-str", _set("decisions.0.reviewed", "yes"), r"A decision in the session is damaged\."),
    ("path-int", _set("left.path", 12), r"the left file name is not text"),
    ("path-bool", _set("right.path", False), r"the right file name is not text"),
    ("path-nul", _set("left.path", "a\u0000b"), r"holds a NUL character"),
    ("text-list", _set("left.text", ["a"]), r"has no left text"),
    ("bom-str", _set("left.bom", "yes"), r"byte order mark is not true or false"),
    ("newline-unknown", _set("left.newline", "\u2028"), r"newline style is not one of"),
    ("format-unknown", _set("left.format", "exe"), r"format is not one of"),
    ("sha-not-hex", _set("left.sha256", "z" * 64), r"checksum is not a SHA-256"),
    ("version-bool", _set("version", True), r"no valid version number"),
    ("version-newer", _set("version", 99), r"newer News Compare"),
    ("base-other", _set("base", "middle"), r"no valid base side"),
    # ranges
    ("passage-out-of-range", _set("decisions.0.passage", 10**6), r"A decision in the session is damaged\."),
    ("passage-negative", _set("decisions.0.passage", -1), r"A decision in the session is damaged\."),
    ("alignment-huge-int", _set("alignment.0.0.0", 10**4000), r"alignment is damaged"),
    ("alignment-negative", _set("alignment.0.0.0", -3), r"alignment is damaged"),
    ("alignment-string", _set("alignment.0.0.0", "0"), r"alignment is damaged"),
    ("alignment-wrong-shape", _set("alignment.0", [[0], [0], [0]]), r"alignment is damaged"),
    ("alignment-gap", _set("alignment.0.0", [1]), r"does not fit its texts"),
    # encodings that are not text codecs, or a BOM an encoding cannot have
    ("encoding-undefined", _set("left.encoding", "undefined"), r"'undefined' .* not a text encoding"),
    ("encoding-rot13", _set("left.encoding", "rot13"), r"'rot13' .* not a text encoding"),
    ("encoding-base64", _set("left.encoding", "base64"), r"'base64' .* not a text encoding"),
    ("encoding-unknown", _set("left.encoding", "klingon-8"), r"'klingon-8' .* not a text encoding"),
    ("encoding-int", _set("right.encoding", 1252), r"encoding is not text"),
    (
        "cp1252-with-bom",
        lambda d: _set("right.bom", True)(_set("right.encoding", "cp1252")(d)),
        r"cp1252 with a byte order mark",
    ),
    # lone surrogates (a custom decision crashed the export)
    ("surrogate-in-decision", _set("decisions.0.text", "Broken \ud800 text"), r"lone UTF-16 surrogate"),
    ("surrogate-in-note", _set("decisions.0.note", "\udfff"), r"lone UTF-16 surrogate"),
    ("surrogate-in-text", _set("right.text", "x\udc80y"), r"lone UTF-16 surrogate"),
]


@pytest.fixture(scope="module")
def schema_runs(base_session, tmp_path_factory):  # type: ignore[no-untyped-def]
    """Every schema case's run, two at a time (each is its own child process; the machine's two
    cores halve the wait)."""

    def one(case):  # type: ignore[no-untyped-def]
        name, change, _ = case
        folder = tmp_path_factory.mktemp(name)
        data = change(copy.deepcopy(base_session))
        if name == "surrogate-in-text":
            data["right"].pop("text_sha256")
        raw = json.dumps(data, ensure_ascii=True)  # lone surrogates as \\u escapes, as JSON allows
        result = export(_write(folder, None, raw), folder)
        return name, (result, (folder / "out.txt").exists())

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, CASES))


@pytest.mark.parametrize(("name", "change", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_a_session_that_breaks_the_schema_is_refused(schema_runs, name, change, pattern) -> None:  # type: ignore[no-untyped-def]
    result, wrote = schema_runs[name]
    refused(result, pattern)
    assert not wrote


@pytest.mark.parametrize(
    ("name", "raw", "pattern"),
    [
        ("infinity", lambda s: s.replace('"passage": 0', '"passage": Infinity'), r"is not valid JSON"),
        ("nan", lambda s: s.replace('"passage": 0', '"passage": NaN'), r"is not valid JSON"),
        (
            "5000-digit-integer",
            lambda s: s.replace('"passage": 0', '"passage": ' + "9" * 5000),
            r"is not valid JSON",
        ),
        (
            "nested-100000-deep",
            lambda s: s[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
            r"nested too deeply",
        ),
        ("not-utf8", lambda s: s.replace("Monday", "Mon\udcffday"), r"is not valid JSON"),
        ("truncated", lambda s: s[: len(s) // 2], r"is not valid JSON"),
    ],
)
def test_json_that_the_parser_should_not_take_is_refused(base_session, tmp_path, name, raw, pattern) -> None:  # type: ignore[no-untyped-def]
    text = raw(json.dumps(base_session, ensure_ascii=False))
    path = tmp_path / "review.ncreview"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    refused(export(path, tmp_path), pattern)


def test_garbage_in_the_view_is_dropped_not_fatal(base_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(base_session)
    data["view"] = {"top_offset": "abc", "current": [1, 2], "top": 10**30, "only_differences": {"a": 1}}
    data["changes"] = [[["x", 1, 2, 3]], None]
    completed(export(_write(tmp_path, data), tmp_path))


# --- files given as a session that are not one, at the sizes the issue names ----------------
def test_a_60MB_file_that_is_not_json_fails_fast(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.ncreview"
    with open(path, "wb") as fh:
        for _ in range(60):
            fh.write(b"x" * (1 << 20))
    refused(export(path, tmp_path), r"is not a News Compare session file \(it is not valid JSON\)")


def test_60MB_of_json_arrays_is_refused_before_parsing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """30 million empty lists would take 2 GB in the parser."""
    path = tmp_path / "arrays.ncreview"
    path.write_bytes(b'{"format": "news-compare-session", "x": [' + b"[]," * 20_000_000 + b"[]]}")
    refused(export(path, tmp_path), r"holds more entries than any session does")


def test_a_session_with_texts_over_the_limit_is_refused(base_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The issue's 120 MB session (two 60 MB texts) took 12 GB; each text is held to the input limit."""
    data = copy.deepcopy(base_session)
    data["left"]["text"] = data["right"]["text"] = "The talks went on. " * 3_200_000  # 60 MB each
    for side in ("left", "right"):
        data[side].pop("text_sha256")
    path = _write(tmp_path, data)
    assert path.stat().st_size > 120_000_000
    refused(export(path, tmp_path), r"The session's left text is larger than the size limit \(20\.0 MB\)")


def test_a_session_file_over_the_size_limit_is_not_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sparse.ncreview"
    with open(path, "wb") as fh:
        fh.truncate(300 * 1024 * 1024)  # sparse: nothing is written
    refused(export(path, tmp_path), r"is too large \(300\.0 MB; the limit is 200\.0 MB\)")
    os.unlink(path)
