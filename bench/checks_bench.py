"""Benchmark the single-version artifact checks (compare.core.checks).

Prints findings per 1,000 words on the professional human translations of WMT 2021
(``reference*.txt``: they should be nearly silent) and on the machine translations of the same
articles (for contrast), the rules that fire, and the time to check about 1 MB of text built by
repeating the references.

Run: ``.venv/bin/python bench/checks_bench.py [DATA_DIR] [-v]``; the data directory defaults to
``../shared/data`` beside the repository. ``-v`` lists every finding on the references.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare.core.checks import Finding, check_text


def count_words(text: str) -> int:
    """Whitespace-separated tokens that contain a letter or a digit."""
    return sum(1 for tok in text.split() if any(c.isalnum() for c in tok))


def language_of(path: Path) -> str:
    """``reference-C.de.txt`` -> ``de``."""
    return path.name.rsplit(".", 2)[-2]


def run(paths: list[Path]) -> tuple[int, int, Counter[str], list[tuple[Path, str, Finding]]]:
    words = 0
    rules: Counter[str] = Counter()
    found: list[tuple[Path, str, Finding]] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        words += count_words(text)
        for f in check_text(text, language_of(path)):
            rules[f.rule] += 1
            found.append((path, text, f))
    return words, len(found), rules, found


def main(argv: list[str]) -> int:
    """Print the figures; return the exit status."""
    args = [a for a in argv[1:] if not a.startswith("-")]
    verbose = "-v" in argv[1:]
    root = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    data = Path(args[0]) if args else root
    wmt = data / "wmt21"
    if not wmt.is_dir():
        print(f"no WMT 2021 data in {wmt}", file=sys.stderr)
        return 1
    refs = sorted(wmt.glob("*/*/reference*.txt"))
    mts = sorted(p for p in wmt.glob("*/*/*.txt") if not p.name.startswith(("reference", "source")))
    for label, paths in (("references (human)", refs), ("machine translations", mts)):
        t0 = time.perf_counter()
        words, n, rules, found = run(paths)
        dt = time.perf_counter() - t0
        print(
            f"{label}: {len(paths)} files, {words} words, {n} findings = "
            f"{1000 * n / max(words, 1):.2f} per 1,000 words ({dt:.2f} s)"
        )
        for r, c in rules.most_common():
            print(f"    {r:26s} {c}")
        if verbose or label.startswith("references"):
            for path, text, f in found:
                rel = path.relative_to(wmt)
                print(
                    f"    {rel}: [{f.rule}/{f.severity.value}] {text[f.start : f.end][:60]!r} -- {f.message}"
                )

    # ~1 MB of text built from the references (German and English separately).
    for lang in ("de", "en"):
        texts = [p.read_text(encoding="utf-8") for p in refs if language_of(p) == lang]
        block = "\n\n".join(texts)
        big = "\n\n".join([block] * (1_000_000 // len(block.encode("utf-8")) + 1))
        t0 = time.perf_counter()
        findings = check_text(big, lang)
        dt = time.perf_counter() - t0
        print(
            f"1 MB check ({lang}): {len(big.encode('utf-8')) / 1e6:.2f} MB, "
            f"{len(findings)} findings, {dt:.2f} s"
        )
        t0 = time.perf_counter()
        check_text(big, None)
        print(f"1 MB check ({lang}, language not given): {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
