"""How responsive is the window on a 1 MB pair? Prints the time until the comparison is shown
and usable, the time until its word highlights and then its checks are in too, and the longest event-loop stall (a 10 ms
timer records the gaps between its ticks).

    .venv/bin/python bench/ui_stall.py [--size BYTES] [--thread] [--why]

``--why`` samples the window thread's Python stack every 2 ms and prints, for the longest
stalls, the functions of ours it was in (what to make shorter).

Target: no stall over 50 ms (issue 15), load usable in 2 s. Runs offscreen; needs ../shared/data (WMT 2021).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class StallMeter:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[tuple[float, float]] = []  # (when, gap) in seconds
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now, now - self.last))
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.gaps.clear()
        self.timer.start()

    def worst(self, since: float = 0.0) -> float:
        return max((g for t, g in self.gaps if t >= since), default=0.0)


class StackSampler:
    """What the window's thread runs, sampled from another thread (``--why``)."""

    def __init__(self) -> None:
        import threading

        self.samples: list[tuple[float, tuple[str, ...]]] = []
        self.main = threading.main_thread().ident
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.wait(0.002):
            frame = sys._current_frames().get(self.main)  # type: ignore[arg-type]
            stack = []
            while frame is not None:
                code = frame.f_code
                if "/compare/" in code.co_filename:
                    stack.append(f"{Path(code.co_filename).stem}.{code.co_name}:{frame.f_lineno}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(stack)))

    def report(self, gaps: list[tuple[float, float]], count: int = 4) -> None:
        from collections import Counter

        for end, gap in sorted(gaps, key=lambda g: -g[1])[:count]:
            inside = [stack for t, stack in self.samples if end - gap <= t <= end and stack]
            print(f"stall of {gap * 1000:.0f} ms: {len(inside)} samples in our code")
            for frame, n in Counter(f for stack in inside for f in set(stack)).most_common(6):
                print(f"    {n:3d}  {frame}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument(
        "--thread", action="store_true", help="compare on a thread instead of a child process"
    )
    parser.add_argument("--why", action="store_true", help="sample the stack to explain the stalls")
    args = parser.parse_args()

    from _data import build_megabyte_pair
    from PySide6.QtWidgets import QApplication

    import compare.qt  # noqa: F401
    from compare.qt.app import ensure_application
    from compare.qt.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="ui-stall-"))
    os.environ["NEWS_COMPARE_DATA_DIR"] = str(folder / "data")
    left, right = build_megabyte_pair(folder, args.size)
    app = ensure_application()
    window = MainWindow(process_threshold=10**12 if args.thread else None)
    window.resize(1400, 900)
    window.show()
    meter = StallMeter()
    for _ in range(5):
        app.processEvents()

    def run_until(cond, timeout: float = 600.0) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        while not cond():
            app.processEvents()
            time.sleep(0.002)
            if time.perf_counter() - start > timeout:
                raise SystemExit("timed out")
        return time.perf_counter() - start

    sampler = StackSampler() if args.why else None
    if sampler:
        sampler.thread.start()
    meter.start()
    t_open = time.perf_counter()
    window.opener.open_pair(str(left), str(right), ask=False)
    usable = run_until(lambda: window.review is not None and not window.opener.busy and not window.installing)
    usable_stall = meter.worst()
    t_usable = time.perf_counter()
    waiting = len(window.review.comparison.pending_words)
    run_until(lambda: len(window.review.comparison.pending_words) < waiting)
    in_view = time.perf_counter() - t_open
    run_until(lambda: not window.review.comparison.words_pending)
    worded = time.perf_counter() - t_open
    run_until(lambda: window.ready)
    load = time.perf_counter() - t_open
    load_stall = meter.worst()
    checks_stall = meter.worst(t_usable)
    t_installed = time.perf_counter()
    measure = run_until(lambda: window.views.heights.done)
    measure_stall = meter.worst(t_installed)

    # scroll through the whole comparison, one page at a time, painting each page
    bar = window.views.table.verticalScrollBar()
    t_scroll = time.perf_counter()
    pages = 0
    worst_page = 0.0
    step = bar.pageStep()
    for value in range(0, bar.maximum() + 1, step * 25):  # every 25th page, to keep the run short
        t = time.perf_counter()
        bar.setValue(value)
        window.views.table.viewport().repaint()
        app.processEvents()
        worst_page = max(worst_page, time.perf_counter() - t)
        pages += 1
    scroll_stall = meter.worst(t_scroll)

    # a long jump (to the end, then back to the start), then a decision there: the table, the
    # article pane, the overview strip and the autosave follow; the loop keeps turning for a
    # second so that what the decision leaves behind (the recovery write, the collector) counts
    n = len(window.review.passages)
    decision_stalls = []
    decision_times = []
    for target in (n - 10, 5):
        window.navigator.go_to(target)
        settle = time.perf_counter()
        run_until(lambda s=settle: time.perf_counter() - s > 0.3)
        t_dec = time.perf_counter()
        window.decisions.take_left()
        app.processEvents()
        decision_times.append(time.perf_counter() - t_dec)
        run_until(lambda t=t_dec: time.perf_counter() - t > 1.0)
        window.files.recovery.flush()
        decision_stalls.append(meter.worst(t_dec))
    decision_time = max(decision_times)
    decision_stall = max(decision_stalls)
    meter.timer.stop()

    c = window.review.comparison
    size = len(c.left.text.encode()) + len(c.right.text.encode())
    print(
        f"pair: {size / 1e6:.2f} MB, {len(c.passages)} passages, {len(c.divergent)} divergent "
        f"({'thread' if args.thread else 'child process'})"
    )
    print(
        f"usable (open to the comparison shown, decisions possible): {usable:.2f} s (goal <= 2 s), "
        f"longest stall meanwhile: {usable_stall * 1000:.0f} ms"
    )
    print(
        f"word highlights in: on the passages in view {in_view:.2f} s, on every changed passage "
        f"{worded:.2f} s (open to their word changes shown)"
    )
    print(
        f"checked (open to the findings and the ranking in): {load:.2f} s, longest stall while the "
        f"checks ran and arrived: {checks_stall * 1000:.0f} ms"
    )
    print(
        f"row heights measured in the background: {measure:.2f} s, longest stall: {measure_stall * 1000:.0f} ms"
    )
    print(
        f"scrolling: {pages} jumps, slowest page paint {worst_page * 1000:.0f} ms, longest stall {scroll_stall * 1000:.0f} ms"
    )
    print(
        f"one decision after a long jump (table, article pane, autosave queued): {decision_time * 1000:.0f} ms"
    )
    print(
        f"longest stall in the second after a decision: {decision_stall * 1000:.0f} ms "
        f"(target: under 50 ms; ratio {decision_stall / 0.05:.2f}; the first decision "
        f"{decision_stalls[0] * 1000:.0f} ms, the second {decision_stalls[1] * 1000:.0f} ms)"
    )
    print(
        f"longest stall while loading: {load_stall * 1000:.0f} ms (ratio to 50 ms: {load_stall / 0.05:.2f})"
    )
    print(f"longest event-loop stall overall: {meter.worst() * 1000:.0f} ms (target: under 50 ms)")
    if sampler:
        sampler.stop.set()
        sampler.report(meter.gaps)
    window.undo_stack.setClean()
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
