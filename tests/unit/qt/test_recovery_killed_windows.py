"""Crash recovery for real: two windows in two processes make decisions and are killed with
SIGKILL (no clean-up runs); the next start offers both reviews and restores both."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from compare.qt import app, recovery

# A window in a child process: open the pair, take decisions through the window object, wait
# until the recovery file is on disk, say so, then wait to be killed.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from PySide6.QtWidgets import QApplication
    from compare.qt.app import build_window

    left, right, picks = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    window = build_window([left, right])
    window.show()
    application = QApplication.instance()
    deadline = time.monotonic() + 60
    while not window.ready and time.monotonic() < deadline:
        application.processEvents()
        time.sleep(0.01)
    divergent = [p.index for p in window.review.passages if p.kind != "equal"]
    for k, action in picks:
        window.navigator.go_to(divergent[k])
        getattr(window.decisions, action)()
        application.processEvents()
    window.files.recovery.flush()
    decisions = {str(i): d.choice.value for i, d in window.review.decisions().items()}
    print(json.dumps({"recovery": str(window.files.recovery.path), "decisions": decisions}), flush=True)
    while True:
        application.processEvents()
        time.sleep(0.05)
    """
)


def _start(pair, picks, tmp_path, k):  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / f"config{k}"),  # the children's settings stay in the test
    }
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(pair[0]), str(pair[1]), json.dumps(picks)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _ready(child):  # type: ignore[no-untyped-def]
    line = child.stdout.readline()
    assert line, child.stderr.read()
    return json.loads(line)


def test_two_windows_killed_are_both_offered_and_restored(
    pair, tmp_path, messages, open_window, wait_loaded, qtbot
) -> None:  # type: ignore[no-untyped-def]
    picks = [[[0, "take_left"]], [[0, "take_both"], [1, "take_left"]]]
    children = [_start(pair, p, tmp_path, k) for k, p in enumerate(picks)]
    try:
        states = [_ready(child) for child in children]
        for state in states:
            assert os.path.exists(state["recovery"])  # written before the kill
    finally:
        for child in children:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            child.stdout.close()
            child.stderr.close()
    assert all(child.returncode == -signal.SIGKILL for child in children)
    deadline = time.monotonic() + 10
    while len(recovery.left_behind()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)  # the dead processes' ids are gone

    messages.answer("recovery", [0, 1])
    window = open_window([], wait=False)
    offered = [text for kind, text in messages.shown if kind == "recovery"]
    assert len(offered) == 1
    labels = offered[0].splitlines()
    assert sorted(label.split(" — ")[1].split(",")[0] for label in labels) == ["1 decision", "2 decisions"]
    assert all(label.startswith(f"{pair[0].name} ↔ {pair[1].name}") for label in labels)

    wait_loaded(window)
    assert len(app.extra_windows) == 1
    other = app.extra_windows.pop()
    qtbot.addWidget(other)
    wait_loaded(other)
    restored = sorted(
        ({str(i): d.choice.value for i, d in w.review.decisions().items()} for w in (window, other)), key=len
    )
    assert restored == sorted((s["decisions"] for s in states), key=len)
    assert all(w.isWindowModified() for w in (window, other))  # restored work is unsaved work
    assert not any(os.path.exists(s["recovery"]) for s in states)  # taken over by the new windows
