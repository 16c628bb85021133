"""Hostile input, classes 1 and 2: what is not a regular file, and option values that are not
what they claim (a named pipe would block forever, /dev/zero stream without end)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ._run import refused, run


@pytest.fixture
def text(tmp_path):  # type: ignore[no-untyped-def]
    p = tmp_path / "a.txt"
    p.write_text("The minister spoke on Monday.\n", encoding="utf-8")
    return p


@pytest.fixture
def fifo(tmp_path):  # type: ignore[no-untyped-def]
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    return p


# --- class 1: not a regular file ------------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        pytest.param(lambda f, t: ["diff", f, t], id="diff-left-fifo"),
        pytest.param(lambda f, t: ["diff", t, f], id="diff-right-fifo"),
        pytest.param(lambda f, t: ["check", f], id="check-fifo"),
        pytest.param(lambda f, t: ["align", f, t], id="align-fifo"),
        pytest.param(lambda f, t: ["export", f, "-o", f.parent / "out.txt"], id="export-session-fifo"),
    ],
)
def test_a_named_pipe_is_refused_without_waiting(command, fifo, text) -> None:  # type: ignore[no-untyped-def]
    refused(run(*command(fifo, text), timeout=15), r"is a named pipe, not a (session )?file\.$")


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(lambda t, o: ["check", "/dev/zero"], id="check-dev-zero"),
        pytest.param(lambda t, o: ["diff", "/dev/urandom", t], id="diff-dev-urandom"),
        pytest.param(lambda t, o: ["export", "/dev/zero", "-o", o], id="export-session-dev-zero"),
    ],
)
def test_a_device_is_refused(command, text, tmp_path) -> None:  # type: ignore[no-untyped-def]
    refused(run(*command(text, tmp_path / "out.txt"), timeout=15), r"is a device, not a (session )?file\.$")


def test_a_folder_given_as_a_session_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    refused(run("export", tmp_path, "-o", tmp_path / "out.txt"), r"is a folder, not a session file\.$")


def test_the_window_s_session_test_does_not_open_a_named_pipe(fifo) -> None:  # type: ignore[no-untyped-def]
    """The window asks is_session_file() on its UI thread before it decides how to open a path."""
    code = f"from compare.core.review.session import is_session_file; print(is_session_file({str(fifo)!r}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=15)
    assert out.stdout.strip() == "False", out.stderr


# --- class 2: option values -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        ("inf", "is not a number of megabytes"),
        ("1e400", "is not a number of megabytes"),
        ("nan", "is not a number of megabytes"),
        ("-Infinity", "is not a number of megabytes"),
        ("-5", "must be positive"),
        ("0", "must be positive"),
        ("1e9", "can be at most 1024 megabytes"),
        ("twenty", "is not a number of megabytes"),
    ],
)
def test_max_size_is_validated(value, pattern, text) -> None:  # type: ignore[no-untyped-def]
    refused(run("check", text, f"--max-size={value}"), rf"--max-size: .*{pattern}")


@pytest.mark.parametrize(
    ("option", "value"),
    [("--left-lang", "en\x1b]0;owned\x07"), ("--right-lang", "fr\r\nx"), ("--left-lang", '"><x a="')],
)
def test_language_codes_are_validated(option, value, text) -> None:  # type: ignore[no-untyped-def]
    sentence = refused(run("align", text, text, f"{option}={value}"), r"is not a language code such as en")
    assert "\r" not in sentence and "\x07" not in sentence
