"""Two versions of an article as aligned passages with word-level differences.

Passages partition both texts completely and in order: the left spans of all
passages, concatenated, are the left text exactly, and likewise on the right. The
whitespace after a sentence belongs to the passage of that sentence (leading
whitespace to the first passage that has text on that side).
"""

from __future__ import annotations

import dataclasses
import enum
import math
import os
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from compare.core.align.bilingual import align_bilingual_with_evidence
from compare.core.align.evidence import GIVEN, SAME_LANGUAGE, Evidence
from compare.core.align.same_language import Bead, align_same_language, validate_beads
from compare.core.diff.worddiff import Change, changed_words, word_diff
from compare.core.io.document import Document
from compare.core.progress import ALIGNING, COMPARING_WORDS, Progress, report
from compare.core.text.language import UNKNOWN, Language, detect_language, detect_paragraph_languages
from compare.core.text.segmentation import FORCED_LINES, WORD_RE, Segmentation, segment_text, word_count

Span = tuple[int, int]


class Side(enum.StrEnum):
    """Which version: the left or the right one."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


SIDES = (Side.LEFT, Side.RIGHT)


class Kind(enum.StrEnum):
    """What a passage is: the same on both sides, changed, or on one side only."""

    EQUAL = "equal"
    CHANGED = "changed"
    LEFT_ONLY = "left-only"
    RIGHT_ONLY = "right-only"


EQUAL, CHANGED, LEFT_ONLY, RIGHT_ONLY = Kind.EQUAL, Kind.CHANGED, Kind.LEFT_ONLY, Kind.RIGHT_ONLY
KINDS = tuple(Kind)


@dataclass(frozen=True)
class Passage:
    """A group of sentences on each side that correspond (an alignment bead)."""

    index: int
    kind: Kind
    left: Span
    right: Span
    left_segments: tuple[int, ...]
    right_segments: tuple[int, ...]
    divergence: float
    changes: tuple[Change, ...] = ()

    def span(self, side: str) -> Span:
        return self.left if side == "left" else self.right

    def segments(self, side: str) -> tuple[int, ...]:
        return self.left_segments if side == "left" else self.right_segments

    @property
    def shape(self) -> str:
        return f"{len(self.left_segments)}-{len(self.right_segments)}"


@dataclass(frozen=True, eq=False)
class Version:
    """One version: the document, where its sentences are, and its language."""

    document: Document
    segmentation: Segmentation
    language: Language

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_text(self, i: int) -> str:
        s, e = self.segmentation.sentences[i]
        return self.document.text[s:e]

    @cached_property
    def paragraph_languages(self) -> tuple[Language, ...]:
        """Language of each paragraph (computed on first use: langdetect is slow)."""
        return tuple(detect_paragraph_languages(self.text, self.segmentation.paragraphs))

    @cached_property
    def words(self) -> int:
        return word_count(self.text)


def make_side(document: Document, segment: str = "auto", language: str | None = None) -> Version:
    lang = Language(language, 1.0) if language else detect_language(document.text)
    seg = segment_text(document.text, lang.base if lang.code != UNKNOWN else None, segment)
    return Version(document, seg, lang)


def _paragraphs(seg: Segmentation) -> tuple[int, ...] | None:
    """Paragraph of each sentence, for the aligner; none when every line is a unit (one
    sentence per line says nothing about paragraphs)."""
    return None if seg.mode == FORCED_LINES else seg.sentence_paragraph


def _code(language: Language) -> str | None:
    return None if language.code == UNKNOWN else language.base


def same_language(left: Language, right: Language) -> bool:
    """Unknown counts as the same: a diff is the safe choice for short texts."""
    if UNKNOWN in (left.code, right.code):
        return True
    return left.base == right.base


@dataclass(frozen=True, eq=False)
class Comparison:
    left: Version
    right: Version
    passages: tuple[Passage, ...]
    cross_language: bool
    segment: str = "auto"
    evidence: Evidence | None = None  # what the alignment rests on (None: not recorded)
    # aligned, but the word diffs of these changed passages are still to come (:func:`with_words`):
    # they have no changes yet and a divergence estimated from their words alone
    pending_words: tuple[int, ...] = ()

    def side(self, name: str) -> Version:
        return self.left if name == "left" else self.right

    @property
    def beads(self) -> list[Bead]:
        return [
            (p.left_segments, p.right_segments) for p in self.passages if p.left_segments or p.right_segments
        ]

    @property
    def divergent(self) -> list[Passage]:
        return [p for p in self.passages if p.kind != EQUAL]

    @property
    def identical(self) -> bool:
        return self.left.text == self.right.text

    @property
    def words_pending(self) -> bool:
        """Some changed passages wait for their word diffs (:func:`with_words`)."""
        return bool(self.pending_words)


def _extents(seg: Segmentation, text_len: int) -> list[int]:
    """End of each sentence's share of the text: up to where the next one starts."""
    starts = [s for s, _ in seg.sentences]
    return [*starts[1:], text_len]


def _partition(beads: Sequence[Bead], left: Version, right: Version) -> list[tuple[Span, Span]]:
    """Spans of each bead on both sides, so that they tile both texts."""
    out: list[tuple[Span, Span]] = []
    cursors = {"left": 0, "right": 0}
    ends = {
        "left": _extents(left.segmentation, len(left.text)),
        "right": _extents(right.segmentation, len(right.text)),
    }
    for lseg, rseg in beads:
        spans = []
        for name, segs in (("left", lseg), ("right", rseg)):
            start = cursors[name]
            end = ends[name][segs[-1]] if segs else start
            cursors[name] = end
            spans.append((start, end))
        out.append((spans[0], spans[1]))
    # A side with no sentences at all is only whitespace: give it to the last passage.
    if out:
        for k, name in enumerate(("left", "right")):
            total = len(left.text) if name == "left" else len(right.text)
            if cursors[name] < total:
                last = list(out[-1])
                s, _ = last[k]
                last[k] = (s, total)
                out[-1] = (last[0], last[1])
    return out


def _content(text: str, span: Span) -> str:
    return text[span[0] : span[1]].strip()


def divergence_of(changed_words: float) -> float:
    """Map the amount of change (in words) to 0..1, keeping its order.

    The raw amount of change ranks meaning errors better than a ratio to the length,
    so it is not divided by the passage length.
    """
    if changed_words <= 0:
        return 0.0
    return round(1.0 - math.exp(-changed_words / 8.0), 4)


def _rough_amount(ltext: str, rtext: str) -> float:
    """The amount of change of a passage before its word diff: the words of each side that the
    other side lacks, counted as a bag (the diff's amount is at least this, and mostly close)."""
    words = Counter(WORD_RE.findall(ltext))
    words.subtract(WORD_RE.findall(rtext))
    return max(sum(abs(n) * (1.0 if w[0].isalnum() else 0.25) for w, n in words.items() if n), 0.1)


def _diff_job(job: tuple[str, int, str, int, str | None]) -> tuple[Change, ...]:
    """Word diff of two passage texts; offsets shifted back into the documents."""
    ltext, lstart, rtext, rstart, language = job
    return tuple(
        Change((c.left[0] + lstart, c.left[1] + lstart), (c.right[0] + rstart, c.right[1] + rstart), c.level)
        for c in word_diff(ltext, (0, len(ltext)), rtext, (0, len(rtext)), language)
    )


PARALLEL_MIN_JOBS = 400  # below this, starting worker processes costs more than it saves


def _run_diffs(
    jobs: list[tuple[str, int, str, int, str | None]], parallel: bool, progress: Progress | None = None
) -> list[tuple[Change, ...]]:
    workers = os.cpu_count() or 1
    if parallel and workers > 1 and len(jobs) >= PARALLEL_MIN_JOBS and threading.active_count() == 1:
        # fork is cheap and safe in a single-threaded process (the command line).
        import multiprocessing  # here: only a large pair needs it, and importing it takes 10 ms
        from concurrent.futures import ProcessPoolExecutor

        try:
            ctx = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=min(workers, 4), mp_context=ctx) as pool:
                return list(pool.map(_diff_job, jobs, chunksize=max(16, len(jobs) // (workers * 8))))
        except (OSError, ValueError):
            pass  # no fork here (or no processes allowed): diff in this process
    if progress is None:
        return [_diff_job(job) for job in jobs]
    out = []
    for k, job in enumerate(jobs):
        if k % 50 == 0:
            report(progress, COMPARING_WORDS, k, len(jobs))
        out.append(_diff_job(job))
    report(progress, COMPARING_WORDS, len(jobs), len(jobs))
    return out


def _diffed_amount(left: Version, right: Version, changes: Sequence[Change]) -> float:
    """The amount of change of a passage with these word changes."""
    amount = sum(changed_words(left.text, c.left) + changed_words(right.text, c.right) for c in changes)
    return max(amount, 0.1)


def build_passages(
    beads: Sequence[Bead],
    left: Version,
    right: Version,
    cross_language: bool,
    parallel: bool = False,
    known_changes: Sequence[tuple[Change, ...] | None] | None = None,
    progress: Progress | None = None,
    words: bool = True,
    pending: list[int] | None = None,
) -> tuple[Passage, ...]:
    """Passages for ``beads``. ``known_changes[k]``, when given, are the word changes of
    bead k from an earlier run (a saved session), so they need not be diffed again;
    ``progress`` hears how many word diffs are done (:mod:`compare.core.progress`). Without
    ``words``, changed passages are not diffed: they get no changes and an estimated divergence
    (:func:`with_words` adds them), and their indices go to ``pending``."""
    validate_beads(beads, len(left.segmentation.sentences), len(right.segmentation.sentences))
    lsents = left.segmentation.sentences
    rsents = right.segmentation.sentences
    rows: list[tuple[Kind, Span, Span, tuple[int, ...], tuple[int, ...], float]] = []
    jobs: list[tuple[str, int, str, int, str | None]] = []
    language = _code(left.language) or _code(right.language)
    for (lseg, rseg), (lspan, rspan) in zip(beads, _partition(beads, left, right), strict=True):
        lcontent = _content(left.text, lspan)
        rcontent = _content(right.text, rspan)
        if not rseg:
            kind, amount = LEFT_ONLY, changed_words(left.text, lspan)
        elif not lseg:
            kind, amount = RIGHT_ONLY, changed_words(right.text, rspan)
        elif lcontent == rcontent:
            kind, amount = EQUAL, 0.0
        elif cross_language:
            kind = CHANGED
            # Without a word diff, a length mismatch is the only hint of a problem.
            a, b = len(lcontent), len(rcontent)
            amount = abs(math.log((a + 10) / (b + 10))) * 4
        else:
            kind, amount = CHANGED, -1.0  # measured from the word diff below
            ls, le = lsents[lseg[0]][0], lsents[lseg[-1]][1]
            rs, re_ = rsents[rseg[0]][0], rsents[rseg[-1]][1]
            known = known_changes[len(rows)] if known_changes is not None else None
            if known is not None and not all(
                ls <= c.left[0] <= c.left[1] <= le and rs <= c.right[0] <= c.right[1] <= re_ for c in known
            ):
                known = None  # does not fit this passage: diff again
            if known is None and not words:
                amount = _rough_amount(left.text[ls:le], right.text[rs:re_])
                if pending is not None:
                    pending.append(len(rows))
            elif known is None:
                jobs.append((left.text[ls:le], ls, right.text[rs:re_], rs, language))
            else:
                amount = -2.0  # changes known already
        rows.append((kind, lspan, rspan, lseg, rseg, amount))
    diffs = iter(_run_diffs(jobs, parallel, progress if words else None))
    passages = []
    for idx, (kind, lspan, rspan, lseg, rseg, amount) in enumerate(rows):
        changes: tuple[Change, ...] = ()
        if amount < 0:
            changes = next(diffs) if amount == -1.0 else known_changes[idx]  # type: ignore[index,assignment]
            amount = _diffed_amount(left, right, changes)
        passages.append(
            Passage(idx, kind, lspan, rspan, tuple(lseg), tuple(rseg), divergence_of(amount), changes)
        )
    if not passages and (left.text or right.text):
        # Both sides are whitespace only: one passage holds them.
        kind = EQUAL if left.text == right.text else CHANGED
        passages.append(
            Passage(
                0, kind, (0, len(left.text)), (0, len(right.text)), (), (), 0.0 if kind == EQUAL else 0.01
            )
        )
    return tuple(passages)


def compare(
    left: Document,
    right: Document,
    *,
    segment: str = "auto",
    beads: Sequence[Bead] | None = None,
    left_language: str | None = None,
    right_language: str | None = None,
    force_bilingual: bool = False,
    parallel: bool = False,
    known_changes: Sequence[tuple[Change, ...] | None] | None = None,
    progress: Progress | None = None,
    words: bool = True,
) -> Comparison:
    """Align two documents and diff their passages.

    ``beads`` replays a stored alignment (a saved session with manual fixes) instead
    of computing one, and ``known_changes`` its word changes. ``force_bilingual`` aligns as translations even when the
    detected languages agree (the ``align`` command). ``parallel`` lets word diffs of
    large comparisons run in worker processes (single-threaded callers only). ``progress``
    hears each stage (:mod:`compare.core.progress`). Without ``words`` the comparison is
    returned as soon as it is aligned, ``words_pending`` (:func:`with_words` diffs it).
    """
    lside = make_side(left, segment, left_language)
    rside = make_side(right, segment, right_language)
    cross = force_bilingual or not same_language(lside.language, rside.language)
    evidence = Evidence(GIVEN)
    if beads is None:
        report(progress, ALIGNING, 0, 0)
        lsents = [lside.sentence_text(i) for i in range(len(lside.segmentation.sentences))]
        rsents = [rside.sentence_text(i) for i in range(len(rside.segmentation.sentences))]
        if cross:
            beads, evidence = align_bilingual_with_evidence(
                lsents,
                rsents,
                left_paragraphs=_paragraphs(lside.segmentation),
                right_paragraphs=_paragraphs(rside.segmentation),
                left_lang=_code(lside.language),
                right_lang=_code(rside.language),
            )
        else:
            beads = align_same_language(
                lsents, rsents, _paragraphs(lside.segmentation), _paragraphs(rside.segmentation)
            )
            evidence = Evidence(SAME_LANGUAGE)
    if known_changes is not None and len(known_changes) != len(beads):
        known_changes = None
    if words:
        report(progress, COMPARING_WORDS, 0, 0)
    pending: list[int] = []
    passages = build_passages(beads, lside, rside, cross, parallel, known_changes, progress, words, pending)
    return Comparison(lside, rside, passages, cross, segment, evidence=evidence, pending_words=tuple(pending))


def diff_pending(
    comparison: Comparison, indices: Sequence[int] | None = None, progress: Progress | None = None
) -> tuple[Passage, ...]:
    """The passages of ``comparison`` that wait for their word diffs (those of ``indices`` among
    them, when given), diffed: each as ``compare`` would have made it at once."""
    c = comparison
    wanted = c.pending_words if indices is None else sorted(set(indices) & set(c.pending_words))
    if not wanted:
        return ()  # nothing to diff, nothing to report
    lsents, rsents = c.left.segmentation.sentences, c.right.segmentation.sentences
    language = _code(c.left.language) or _code(c.right.language)
    jobs = []
    for i in wanted:
        p = c.passages[i]
        ls, le = lsents[p.left_segments[0]][0], lsents[p.left_segments[-1]][1]
        rs, re_ = rsents[p.right_segments[0]][0], rsents[p.right_segments[-1]][1]
        jobs.append((c.left.text[ls:le], ls, c.right.text[rs:re_], rs, language))
    out = []
    for i, changes in zip(wanted, _run_diffs(jobs, False, progress), strict=True):
        p = c.passages[i]
        amount = _diffed_amount(c.left, c.right, changes)
        out.append(dataclasses.replace(p, divergence=divergence_of(amount), changes=changes))
    return tuple(out)


def with_diffed(comparison: Comparison, diffed: Sequence[Passage]) -> Comparison:
    """``comparison`` with ``diffed`` (from :func:`diff_pending`) in place of its passages of the
    same index, which no longer wait. ValueError when they are not that comparison's."""
    c = comparison
    pending = set(c.pending_words)
    passages = list(c.passages)
    for p in diffed:
        old = passages[p.index] if 0 <= p.index < len(passages) else None
        if (
            old is None
            or p.index not in pending
            or (old.left, old.right, old.kind) != (p.left, p.right, p.kind)
        ):
            raise ValueError("the word changes are of another comparison")
        passages[p.index] = p
        pending.discard(p.index)
    return dataclasses.replace(c, passages=tuple(passages), pending_words=tuple(sorted(pending)))


def with_words(comparison: Comparison, progress: Progress | None = None) -> Comparison:
    """``comparison`` with the word diffs it was returned without (``compare(words=False)``):
    the same passages, now with their changes and divergence, as ``compare`` gives at once."""
    if not comparison.words_pending:
        return comparison
    report(progress, COMPARING_WORDS, 0, 0)
    return with_diffed(comparison, diff_pending(comparison, progress=progress))
