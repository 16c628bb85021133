"""Command line: ``news-compare diff|export|check|align ...``, or the window.

Exit status: 0 identical / nothing found, 1 divergences or findings, 2 error.
Errors are one plain sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from compare.core.collector import collector_paused
from compare.core.errors import CompareError
from compare.core.export.escaping import is_language_tag, terminal_text
from compare.core.io.fileio import ProtectedOutput
from compare.core.limits import MAX_INPUT_BYTES, MAX_INPUT_CEILING, MIB

from . import APP_NAME

if TYPE_CHECKING:  # pragma: no cover
    from compare.core.checks.glossary import Glossary

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("diff", "export", "check", "align", "batch")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, terminal_text(f"{self.prog}: {message}") + "\n")


class _Version(argparse.Action):
    """--version, with the version looked up only when asked for (see compare/__init__.py)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from . import __version__

        sys.stdout.write(f"news-compare {__version__}\n")
        parser.exit()


def _size(value: str) -> int:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of megabytes") from None
    if not math.isfinite(mb):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of megabytes")
    if mb <= 0:
        raise argparse.ArgumentTypeError("the size limit must be positive")
    if mb > MAX_INPUT_CEILING / MIB:
        raise argparse.ArgumentTypeError(
            f"the size limit can be at most {MAX_INPUT_CEILING // MIB} megabytes"
        )
    return max(1, int(mb * MIB))


def _language(value: str) -> str:
    if not is_language_tag(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code such as en, de or zh-CN")
    return value


GLOSSARY_HELP = (
    "also check against a house glossary: a TSV or CSV file with a header row "
    "(term, required, forbidden, note; forms separated by |)"
)


def _glossary(args: argparse.Namespace) -> Glossary | None:
    from compare.core.checks.glossary import load_glossary

    return load_glossary(args.glossary) if getattr(args, "glossary", None) else None


def _count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="news-compare",
        description=f"{APP_NAME}: compare two versions of a translated news article.",
        epilog="Without a subcommand, opens the window: news-compare [LEFT RIGHT | SESSION | --sample].",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the program's version and exit")
    parser.add_argument(
        "--sample",
        action="store_true",
        help="open the window on the bundled sample pair (a machine translation and its edited copy)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    common = _Parser(add_help=False)
    common.add_argument(
        "--max-size",
        type=_size,
        default=MAX_INPUT_BYTES,
        metavar="MB",
        help=f"refuse files larger than this many megabytes (default {MAX_INPUT_BYTES // MIB})",
    )

    d = sub.add_parser("diff", parents=[common], help="align two versions and show where they differ")
    d.add_argument("left")
    d.add_argument("right")
    d.add_argument("--format", choices=("text", "json", "html"), default="text")
    d.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    d.add_argument(
        "--segment",
        choices=("auto", "lines"),
        default="auto",
        help="auto: paragraphs and sentences; lines: every non-empty line is one unit",
    )
    d.add_argument(
        "--base", choices=("left", "right"), default="right", help="the version being cleaned (default right)"
    )
    d.add_argument(
        "--save-session", metavar="FILE", help="also save a review session to resume in the window"
    )
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    d.add_argument("--all", action="store_true", help="text format: show identical passages too")
    d.add_argument("--no-checks", action="store_true", help="do not run the artifact checks")
    d.add_argument("--glossary", metavar="FILE", help=GLOSSARY_HELP)
    d.add_argument(
        "--force", action="store_true", help="allow --output or --save-session to replace an input file"
    )

    e = sub.add_parser(
        "export", parents=[common], help="write the reconciled article of a saved review session"
    )
    e.add_argument("session")
    e.add_argument("--output", "-o", required=True)
    e.add_argument("--format", choices=("txt", "md"))
    e.add_argument(
        "--take-all",
        choices=("left", "right"),
        help="take every passage from this side (ignores the session's decisions)",
    )
    e.add_argument(
        "--force",
        action="store_true",
        help="allow --output to replace an input file of the review (never the review itself)",
    )
    e.add_argument(
        "--track-changes",
        action="store_true",
        help="write a Word document (.docx) whose tracked changes turn the base into the cleaned "
        "article, with the notes as comments",
    )

    c = sub.add_parser("check", parents=[common], help="find machine-translation artifacts in one version")
    c.add_argument("file")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument(
        "--fail-on",
        choices=("major", "minor"),
        default="minor",
        help="exit 1 when a finding is at or above this severity (default minor)",
    )
    c.add_argument("--language", type=_language, help="language code, instead of detecting it")
    c.add_argument("--glossary", metavar="FILE", help=GLOSSARY_HELP)

    a = sub.add_parser(
        "align", parents=[common], help="align a source and its translation sentence by sentence"
    )
    a.add_argument("left")
    a.add_argument("right")
    a.add_argument("--format", choices=("tmx", "tsv", "json"), default="tsv")
    a.add_argument("--output", "-o")
    a.add_argument("--segment", choices=("auto", "lines"), default="auto")
    a.add_argument("--left-lang", type=_language, help="language code of the left text (default: detected)")
    a.add_argument("--right-lang", type=_language, help="language code of the right text (default: detected)")
    a.add_argument("--force", action="store_true", help="allow --output to replace an input file")

    b = sub.add_parser(
        "batch", parents=[common], help="compare and check every pair of a folder (or a list) at once"
    )
    b.add_argument(
        "pairs",
        help="a folder of NAME.TAG.EXT files (the two files of one NAME are a pair), a folder with "
        "left/ and right/ subfolders (files of the same name are a pair), or a TSV of LEFT<TAB>RIGHT paths",
    )
    b.add_argument("--output", "-o", required=True, metavar="DIR", help="the folder for the reports")
    b.add_argument(
        "--tags",
        metavar="LEFT,RIGHT",
        help="the tags of the left and right files in a folder (default: the tag that sorts first is left)",
    )
    b.add_argument("--segment", choices=("auto", "lines"), default="auto")
    b.add_argument(
        "--base", choices=("left", "right"), default="right", help="the version being cleaned (default right)"
    )
    b.add_argument("--glossary", metavar="FILE", help=GLOSSARY_HELP)
    b.add_argument("--jobs", type=_count, metavar="N", help="processes to use (default: one per core)")
    return parser


def _inputs(args: argparse.Namespace, *names: str) -> list[tuple[str, str | None]]:
    return [(f"the {name} input file", getattr(args, name)) for name in names]


def _write_output(
    text: str, output: str | None, protected: list[tuple[str, str | None]], force: bool
) -> None:
    """Write a report to ``output`` (``-`` or none: standard output), never over an input
    unless ``force``."""
    if output and output != "-":
        from compare.core.io.fileio import atomic_write, guard_output

        guard_output(output, protected, force=force)
        atomic_write(output, text.encode("utf-8", "replace"))  # a non-UTF-8 file name: "?"
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def cmd_diff(args: argparse.Namespace) -> int:
    from compare.core.analysis.analysis import Analysis, analyse
    from compare.core.analysis.beside import ChecksBeside
    from compare.core.diff.comparison import compare
    from compare.core.export.diff_report import to_html, to_json, to_text
    from compare.core.io.loading import load_document

    if args.no_checks and args.glossary:
        raise CompareError("--glossary is a check; leave out --no-checks to use it.")
    glossary = _glossary(args)  # before the comparison: a bad glossary fails at once
    left = load_document(args.left, args.max_size)
    right = load_document(args.right, args.max_size)
    with collector_paused():
        beside = None if args.no_checks else ChecksBeside((left.text, right.text))
        try:
            # word diffs in worker processes only while no child checks the versions: with the
            # other core taken they cost more than they save (bench/diff_bench.py measured both)
            parallel = beside is None or not beside.running
            comparison = compare(left, right, segment=args.segment, parallel=parallel)
            checked = beside.result() if beside is not None else None
        finally:
            if beside is not None:
                beside.cancel()
        if args.no_checks:
            analysis = Analysis.unchecked(comparison)
        else:
            analysis = analyse(comparison, glossary, checked)
    inputs = _inputs(args, "left", "right")
    if args.save_session:
        from compare.core.io.fileio import guard_output, same_file
        from compare.core.review.review import Review
        from compare.core.review.session import save_session

        if same_file(args.save_session, args.output) or args.save_session == args.output:
            raise CompareError("--save-session and --output name the same file; choose two names.")
        guard_output(args.save_session, inputs, force=args.force)
        save_session(args.save_session, Review(analysis, args.base))
    if args.format == "json":
        out = json.dumps(to_json(analysis), ensure_ascii=False) + "\n"
    elif args.format == "html":
        out = to_html(analysis)
    else:
        color = args.color == "always" or (
            args.color == "auto"
            and not args.output
            and sys.stdout.isatty()
            and not os.environ.get("NO_COLOR")
        )
        out = to_text(analysis, color=color, context=args.all)
    _write_output(out, args.output, inputs, args.force)
    return EXIT_SAME if not comparison.divergent else EXIT_DIFFERENT


def cmd_export(args: argparse.Namespace) -> int:
    from compare.core.export.article import export_review
    from compare.core.io.fileio import guard_output
    from compare.core.review.review import Choice, Decision, Review
    from compare.core.review.session import files_changed, load_session

    # The review itself is never replaced by the article, --force or not.
    guard_output(args.output, [("the review being exported", args.session)], forcible=False)
    session = load_session(args.session, args.max_size)
    review = session.review
    for change in files_changed(review):
        print(terminal_text(f"news-compare: note: {change.sentence()}"), file=sys.stderr)
    if args.take_all:
        review = Review(review.comparison, review.base)
        if args.take_all != review.base:
            review.apply_all(range(len(review.passages)), Decision(choice=Choice.TAKE_OTHER))
    if args.track_changes:
        from datetime import UTC, datetime

        from compare.core.export.redline import export_redline

        if args.format:
            raise CompareError("--track-changes writes a Word document; leave out --format.")
        # the review's date: when it was last saved
        saved = datetime.fromtimestamp(os.stat(args.session).st_mtime, UTC)
        export_redline(review, args.output, date=saved, force=args.force)
        fmt = "docx with tracked changes"
    else:
        fmt = export_review(review, args.output, args.format, force=args.force)
    changed = len(review.changed_indices())
    print(
        terminal_text(
            f"wrote {args.output} ({fmt}, {changed} passage{'s' if changed != 1 else ''} changed from the base)"
        ),
        file=sys.stderr,
    )
    return EXIT_SAME


def cmd_check(args: argparse.Namespace) -> int:
    from compare.core.checks import check_text
    from compare.core.checks.finding import Severity
    from compare.core.io.loading import load_document
    from compare.core.text.language import detect_language

    glossary = _glossary(args)
    doc = load_document(args.file, args.max_size)
    with collector_paused():
        language = args.language or detect_language(doc.text).base
        findings = check_text(doc.text, language)
    if glossary is not None:
        from compare.core.checks.glossary import forbidden_forms

        findings = sorted(
            findings + forbidden_forms(doc.text, glossary), key=lambda f: (f.start, f.end, f.rule)
        )
    threshold = Severity(args.fail_on).rank
    failing = any(f.severity.rank >= threshold for f in findings)
    if args.format == "json":
        out = (
            json.dumps({"schema": 1, "findings": [f.to_json() for f in findings]}, ensure_ascii=False) + "\n"
        )
    else:
        from compare.core.export.diff_report import LineNumbers

        line_of = LineNumbers(doc.text)
        lines = []
        for f in findings:
            sev = str(f.severity)
            fix = f" → suggest {f.suggestion!r}" if f.suggestion is not None else ""
            lines.append(terminal_text(f"{doc.name}:{line_of(f.start)}: {sev} [{f.rule}] {f.message}{fix}"))
        lines.append(
            terminal_text(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {doc.name}")
        )
        out = "\n".join(lines) + "\n"
    sys.stdout.write(out)
    return EXIT_DIFFERENT if failing else EXIT_SAME


def cmd_align(args: argparse.Namespace) -> int:
    from compare.core.diff.comparison import compare
    from compare.core.export.bitext import bitext_json, bitext_tmx, bitext_tsv
    from compare.core.io.loading import load_document

    left = load_document(args.left, args.max_size)
    right = load_document(args.right, args.max_size)
    with collector_paused():
        comparison = compare(
            left,
            right,
            segment=args.segment,
            left_language=args.left_lang,
            right_language=args.right_lang,
            force_bilingual=True,
        )
    writer = {"tmx": bitext_tmx, "tsv": bitext_tsv, "json": bitext_json}[args.format]
    _write_output(
        writer(comparison, args.left_lang, args.right_lang),
        args.output,
        _inputs(args, "left", "right"),
        args.force,
    )
    return EXIT_SAME


class _ProgressBar:
    """One line on a terminal's standard error: how many pairs are done."""

    WIDTH = 28

    def __init__(self) -> None:
        self.state: tuple[int, int, str] | None = None

    def update(self, done: int, total: int, name: str) -> None:
        self.state = (done, total, name)

    def draw(self) -> None:
        if self.state is None:
            return
        done, total, name = self.state
        filled = self.WIDTH * done // max(total, 1)
        sys.stderr.write(f"\r\x1b[K[{'#' * filled}{'-' * (self.WIDTH - filled)}] {done}/{total} {name[:40]}")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def cmd_batch(args: argparse.Namespace) -> int:
    from pathlib import Path

    from compare.core.batch import Batch, BatchError, Options, PairResult, find_pairs

    tags = None
    if args.tags:
        tags = [t.strip().strip(".") for t in args.tags.split(",")]
        if len(tags) != 2 or not all(tags) or tags[0] == tags[1]:
            raise CompareError("--tags takes two different tags, the left one first: --tags mt,edited.")
    glossary = _glossary(args)
    pairs, results = find_pairs(args.pairs, tags)
    if not pairs:
        why = (
            f": {results[0].error[:1].lower()}{results[0].error[1:]}" if results and results[0].error else "."
        )
        raise BatchError(f"Found no pairs of files in {args.pairs}{why}")
    protect = [("the list of pairs", args.pairs)] if Path(args.pairs).is_file() else []
    if args.glossary:
        protect.append(("the glossary", args.glossary))
    options = Options(args.output, args.segment, args.base, args.max_size, glossary)
    batch = Batch(pairs, options, protect)
    bar = _ProgressBar() if sys.stderr.isatty() else None

    def show(result: PairResult) -> None:
        if bar is not None:
            bar.clear()
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        if result.error is not None:
            print(f"news-compare: skipped {result.name}: {result.error}", file=sys.stderr)

    for result in results:
        show(result)
    unpaired = len(results)  # files that pair with nothing count as done already
    progress = (
        (lambda done, total, r: bar.update(unpaired + done, unpaired + total, r.name))
        if bar is not None
        else None
    )
    for result in batch.run(args.jobs, progress):
        results.append(result)
        show(result)
        if bar is not None:
            bar.draw()
    if bar is not None:
        bar.clear()
    batch.write_summary(results, f"News Compare: {Path(args.pairs).name}")
    compared = [r for r in results if r.error is None]
    differ = sum(1 for r in compared if r.divergent)
    print(
        f"wrote {Path(args.output) / 'index.html'}: {len(compared)} pairs compared, {differ} differ, "
        f"{len(results) - len(compared)} skipped",
        file=sys.stderr,
    )
    return EXIT_DIFFERENT if any(r.differs for r in results) else EXIT_SAME


COMMANDS = {
    "diff": cmd_diff,
    "export": cmd_export,
    "check": cmd_check,
    "align": cmd_align,
    "batch": cmd_batch,
}


def run_cli(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if not args.command:
        if args.sample:
            return gui_main(["--sample"])
        parser.print_help()
        return EXIT_SAME
    _exit_cleanly_on_sigterm()
    from compare.userdata import setup_logging

    setup_logging(to_file=False)
    # A name that is not UTF-8 (held with lone surrogates) is printed with a replacement
    # character rather than failing the whole report.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    try:
        return COMMANDS[args.command](args)
    except ProtectedOutput as err:
        hint = " Give --force to do it anyway." if err.forcible else " Choose another name."
        return _fail(f"{err}{hint}")
    except CompareError as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_SAME
    except MemoryError:
        return _fail("There is not enough memory to compare these files.")
    except RecursionError:
        return _fail("The input is nested too deeply to be read.")
    except Exception as err:  # a bug: one sentence and exit 2, not a traceback and not "differences"
        return _fail(f"Internal error ({type(err).__name__}: {err}); please report it with the files used.")


def _fail(sentence: str) -> int:
    print(terminal_text(f"news-compare: {sentence}"), file=sys.stderr)
    return EXIT_ERROR


def _exit_cleanly_on_sigterm() -> None:
    """A terminated run unwinds (removing its temporary files) instead of dying mid-write."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal
        signal.signal(signal.SIGTERM, stop)


def gui_main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .qt import ahead as opening_ahead

    # the pair is opened in a child on the other core while this process starts Qt and the window
    ahead = opening_ahead.start(argv)
    from .startup import command_line, window_problem

    problem = window_problem(command=command_line(argv))  # before Qt, which aborts instead of failing
    if problem:
        if ahead is not None:
            ahead.cancel()
        print(f"news-compare: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        from .qt.app import run_app
    except ImportError as err:
        if ahead is not None:
            ahead.cancel()
        print(
            f"news-compare: the window cannot start ({err}); the command line still works, see --help.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return run_app(argv, ahead=ahead)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        return run_cli(argv)
    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
