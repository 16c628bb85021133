"""Edits of a review that the window makes undoable (pure functions, no Qt).

Suggestions
    A finding's ``suggestion`` replaces ``text[start:end]`` of its side. The reconciled article
    is built from the base side plus decisions, so applying a suggestion means choosing the
    decision that puts the fixed text into the article:

    - the passage uses the finding's side verbatim (kept base for a base-side finding, taken
      other for an other-side finding, or "take both"): the span is replaced in that text and
      the passage becomes custom text;
    - the passage is edited by hand: the span is replaced inside the custom text when the
      original snippet is still there at the place the edit moved it to (found by a character
      diff of the side's text against the custom text); otherwise the fix is refused;
    - the passage uses the *other* version's text verbatim (the default "keep the base" for a
      finding on the non-base side, or "take other" for a finding on the base side): the
      passage takes the finding's side, fixed. For the usual case, a machine translation
      compared with the edited base, this is "take the other side, fixed".

Alignment fixes
    Merging passage ``i`` with ``i + 1`` and splitting passage ``i`` at a sentence boundary
    change the beads; :func:`realigned` rebuilds the comparison from them. Decisions of the
    passages before and after keep their decisions (renumbered). A merged passage gets one
    decision that keeps the reconciled text exactly (both kept → kept, both taken → taken,
    otherwise the two texts as custom text), with both notes. A split passage's choice (keep,
    take other, take both) goes to both halves, its note to the first; a hand edit cannot be
    cut in two and is dropped (the window asks first; undo restores it).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from compare.core.align.same_language import Bead
from compare.core.diff.comparison import Comparison, compare
from compare.core.review.review import CUSTOM, KEEP, TAKE_BOTH, TAKE_OTHER, Decision, Review

CONTEXT = 30  # characters of context either side of a snippet in previews
_SPACE = re.compile(r"\s+")


class FixError(ValueError):
    """A suggestion that cannot be applied; the message is one plain sentence."""


# --- text ------------------------------------------------------------------------------
def replace_span(text: str, start: int, end: int, replacement: str) -> str:
    return text[:start] + replacement + text[end:]


def map_offset(source: str, target: str, pos: int) -> int | None:
    """Where offset ``pos`` of ``source`` is in ``target`` (an edited copy of it), or None
    when the text around it was changed."""
    if source == target:
        return pos
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" and (i1 <= pos < i2 or pos == i2 == len(source)):
            return j1 + (pos - i1)
    return None


def snippet(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[str, int, int]:
    """A short excerpt around ``text[start:end]`` on one line: (excerpt, span start, span end)."""
    a = max(0, start - context)
    b = min(len(text), end + context)
    head = text[a:start]
    if a > 0:
        cut = head.find(" ")
        head = "…" + (head[cut + 1:] if 0 <= cut < len(head) - 1 else head)
    tail = text[end:b]
    if b < len(text):
        cut = tail.rfind(" ")
        tail = (tail[:cut] if cut > 0 else tail) + "…"
    body = text[start:end]
    head, body, tail = (_SPACE.sub(" ", part) for part in (head, body, tail))
    return head + body + tail, len(head), len(head) + len(body)


def editable_parts(text: str) -> tuple[str, str, str]:
    """A passage's text as (leading whitespace, editable body, trailing whitespace).

    The whitespace around a passage is what separates it from its neighbours (the paragraph
    break after it, the space after a sentence); a hand edit changes the body only, so the
    editor never holds, and cannot delete, a separator the user does not see.
    """
    body = text.strip()
    if not body:
        return "", "", text
    start = len(text) - len(text.lstrip())
    return text[:start], body, text[start + len(body):]


def with_edited_body(text: str, body: str) -> str:
    """``text`` with its body (see :func:`editable_parts`) replaced by ``body``, the separators
    around it kept exactly."""
    lead, _, tail = editable_parts(text)
    return lead + body.strip() + tail


# --- decisions and texts ----------------------------------------------------------------
def text_with(review: Review, index: int, decision: Decision) -> str:
    """The text passage ``index`` contributes to the article under ``decision``."""
    return review.text_for(index, decision)


def decision_for_text(review: Review, index: int, text: str, old: Decision) -> Decision:
    """The simplest decision that gives ``text`` (keep, take other, or custom)."""
    if text == review.side_text(index, review.base):
        return replace(old, choice=KEEP, text="")
    if text == review.side_text(index, review.other):
        return replace(old, choice=TAKE_OTHER, text="")
    return replace(old, choice=CUSTOM, text=text)


@dataclass(frozen=True)
class Fix:
    """One applied suggestion, for a preview: the passage's text around it before and after."""

    passage: int
    finding: Any  # analysis.SideFinding
    before: str
    after: str
    how: str  # "fixed in place", "takes the left text, fixed", "fixed in the hand edit"


def _fix(review: Review, finding: Any, decision: Decision, chained: bool = False) -> tuple[Decision, Fix]:
    """The fix as custom text (normalised by the callers), and what it did."""
    if finding.suggestion is None:
        raise FixError("This finding has no suggestion to apply.")
    index = finding.passage
    if not isinstance(index, int) or not 0 <= index < len(review.passages):
        raise FixError("This finding is not in any passage.")
    side = finding.side
    s, e = review.passages[index].span(side)
    if not (s <= finding.start <= finding.end <= e):
        raise FixError(f"The finding runs past passage {index + 1}; edit the text by hand.")
    source = review.side_text(index, side)
    a, b = finding.start - s, finding.end - s
    original = source[a:b]
    current = text_with(review, index, decision)
    uses_side = (
        (decision.choice == KEEP and side == review.base)
        or (decision.choice == TAKE_OTHER and side == review.other)
    )
    if uses_side:
        start, how = a, "fixed in place"
    elif decision.choice == TAKE_BOTH:
        start = a if side == "left" else len(current) - len(source) + a
        how = "fixed in place"
    elif decision.choice == CUSTOM:
        mapped = map_offset(source, current, a)
        if mapped is None or current[mapped:mapped + len(original)] != original:
            raise FixError(
                f"Passage {index + 1} was edited by hand and no longer holds “{original.strip() or original}” "
                "where the finding was; edit it by hand."
            )
        start, how = mapped, "fixed in place" if chained else "fixed in the hand edit"
    else:
        # the passage uses the other version verbatim: take the finding's side, fixed
        current, start, how = source, a, f"takes the {side} text, fixed"
    end = start + len(original)
    new_text = replace_span(current, start, end, finding.suggestion)
    before, *_ = snippet(current, start, end)
    after, *_ = snippet(new_text, start, start + len(finding.suggestion))
    return replace(decision, choice=CUSTOM, text=new_text), Fix(index, finding, before, after, how)


def fix_decision(review: Review, finding: Any) -> tuple[Decision, Fix]:
    """The decision that applies ``finding``'s suggestion to its passage (raises FixError)."""
    index = finding.passage
    old = review.decision(index) if isinstance(index, int) else Decision()
    new, fix = _fix(review, finding, old)
    return decision_for_text(review, index, new.text, old), fix


def plan_fixes(review: Review, findings: Iterable[Any]) -> tuple[dict[int, Decision], list[Fix], list[tuple[Any, str]]]:
    """Apply many suggestions: (new decisions by passage, the fixes, the skipped ones with why).

    Suggestions in one passage are applied from the end of the text backwards, each on the
    result of the ones before, so their offsets stay valid.
    """
    pending: dict[int, Decision] = {}
    fixes: list[Fix] = []
    skipped: list[tuple[Any, str]] = []
    ordered = sorted(
        (f for f in findings if f.suggestion is not None),
        key=lambda f: (f.passage if isinstance(f.passage, int) else -1, f.side != review.base, -f.start),
    )
    for f in ordered:
        index = f.passage
        decision = pending.get(index, review.decision(index)) if isinstance(index, int) else Decision()
        try:
            new, fix = _fix(review, f, decision, chained=index in pending)
        except FixError as err:
            skipped.append((f, str(err)))
            continue
        pending[index] = new
        fixes.append(fix)
    fixes.sort(key=lambda x: (x.passage, x.finding.start))
    new = {i: decision_for_text(review, i, d.text, review.decision(i)) for i, d in pending.items()}
    return new, fixes, skipped


# --- alignment fixes ------------------------------------------------------------------------
def passage_beads(comparison: Comparison) -> list[Bead]:
    beads = comparison.beads
    if len(beads) != len(comparison.passages):
        raise ValueError("this comparison has no sentence alignment to change")
    return beads


def merge_beads(beads: Sequence[Bead], index: int) -> list[Bead]:
    """Passage ``index`` and the next one as one bead."""
    if not 0 <= index < len(beads) - 1:
        raise ValueError("there is no next passage to merge with")
    (la, ra), (lb, rb) = beads[index], beads[index + 1]
    return [*beads[:index], (tuple(la) + tuple(lb), tuple(ra) + tuple(rb)), *beads[index + 2:]]


def split_points(bead: Bead) -> list[tuple[int, int]]:
    """Every (left count, right count) a bead can be split after, both parts non-empty."""
    left, right = bead
    out = []
    for k in range(len(left) + 1):
        for j in range(len(right) + 1):
            if (k or j) and (k < len(left) or j < len(right)):
                out.append((k, j))
    return out


def split_bead(beads: Sequence[Bead], index: int, left_count: int, right_count: int) -> list[Bead]:
    """Passage ``index`` cut after its first ``left_count`` left and ``right_count`` right sentences."""
    left, right = beads[index]
    if (left_count, right_count) not in split_points(beads[index]):
        raise ValueError("both parts of a split need at least one sentence")
    first = (tuple(left[:left_count]), tuple(right[:right_count]))
    second = (tuple(left[left_count:]), tuple(right[right_count:]))
    return [*beads[:index], first, second, *beads[index + 1:]]


def default_split(bead: Bead) -> tuple[int, int]:
    """After the first sentence on each side (when a side has one sentence, all of it goes first)."""
    left, right = bead
    k, j = min(1, len(left)), min(1, len(right))
    if k == len(left) and j == len(right):  # 1-1: move the right sentence to a part of its own
        k, j = len(left), 0
    return k, j


def realign_arguments(comparison: Comparison) -> tuple[Any, Any, str, str | None, str | None]:
    """(left document, right document, segment, left language, right language) of a comparison,
    what :func:`realign_documents` needs besides the beads."""

    def code(side: Any) -> str | None:
        return side.language.code if side.language.code != "unknown" else None

    return (comparison.left.document, comparison.right.document, comparison.segment,
            code(comparison.left), code(comparison.right))


def realign_documents(left: Any, right: Any, segment: str, left_language: str | None,
                      right_language: str | None, beads: Sequence[Bead]) -> Comparison:
    from compare.core.analysis.analysis import analyse

    rebuilt = compare(left, right, segment=segment, beads=list(beads),
                      left_language=left_language, right_language=right_language)
    return analyse(rebuilt)


def realigned(comparison: Comparison, beads: Sequence[Bead]) -> Comparison:
    """The comparison rebuilt from ``beads`` (same texts, languages and segmentation), analysed."""
    return realign_documents(*realign_arguments(comparison), beads)


def _join_notes(*notes: str) -> str:
    return "\n".join(n for n in notes if n)


def merged_decisions(review: Review, index: int, merged: Comparison) -> dict[int, Decision]:
    """All decisions after merging passages ``index`` and ``index + 1`` into ``merged``."""
    old = review.decisions()
    new = {(i if i < index else i - 1): d for i, d in old.items() if i not in (index, index + 1)}
    a, b = review.decision(index), review.decision(index + 1)
    if a.is_default and b.is_default:
        return new
    after = Review(merged, review.base)
    note = _join_notes(a.note, b.note)
    reviewed = a.reviewed and b.reviewed
    if a.choice == b.choice and a.choice in (KEEP, TAKE_OTHER, TAKE_BOTH):
        d = Decision(a.choice, "", note, reviewed)
    else:
        text = review.passage_text(index) + review.passage_text(index + 1)
        d = decision_for_text(after, index, text, Decision(note=note, reviewed=reviewed))
    if not d.is_default:
        new[index] = d
    return new


def split_decisions(review: Review, index: int) -> dict[int, Decision]:
    """All decisions after splitting passage ``index`` in two."""
    old = review.decisions()
    new = {(i if i < index else i + 1): d for i, d in old.items() if i != index}
    d = review.decision(index)
    if d.is_default:
        return new
    choice = KEEP if d.choice == CUSTOM else d.choice
    first = Decision(choice, "", d.note, d.reviewed and d.choice != CUSTOM)
    second = Decision(choice, "", "", d.reviewed and d.choice != CUSTOM)
    for i, x in ((index, first), (index + 1, second)):
        if not x.is_default:
            new[i] = x
    return new
