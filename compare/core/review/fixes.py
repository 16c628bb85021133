"""Applying a finding's suggestion to a review (pure functions; the window makes them undoable).

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
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from compare.core.checks.finding import Finding
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
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
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
        head = "…" + (head[cut + 1 :] if 0 <= cut < len(head) - 1 else head)
    tail = text[end:b]
    if b < len(text):
        cut = tail.rfind(" ")
        tail = (tail[:cut] if cut > 0 else tail) + "…"
    body = text[start:end]
    head, body, tail = (_SPACE.sub(" ", part) for part in (head, body, tail))
    return head + body + tail, len(head), len(head) + len(body)


@dataclass(frozen=True)
class Fix:
    """One applied suggestion, for a preview: the passage's text around it before and after."""

    passage: int
    finding: Finding
    before: str
    after: str
    how: str  # "fixed in place", "takes the left text, fixed", "fixed in the hand edit"


def _fix(review: Review, finding: Finding, decision: Decision, chained: bool = False) -> tuple[Decision, Fix]:
    """The fix as custom text (normalised by the callers), and what it did."""
    if finding.suggestion is None:
        raise FixError("This finding has no suggestion to apply.")
    index = finding.passage
    side = finding.side
    if index is None or side is None or not 0 <= index < len(review.passages):
        raise FixError("This finding is not in any passage.")
    s, e = review.passages[index].span(side)
    if not (s <= finding.start <= finding.end <= e):
        raise FixError(f"The finding runs past passage {index + 1}; edit the text by hand.")
    source = review.side_text(index, side)
    a, b = finding.start - s, finding.end - s
    original = source[a:b]
    current = review.text_for(index, decision)
    uses_side = (decision.choice == KEEP and side == review.base) or (
        decision.choice == TAKE_OTHER and side == review.other
    )
    if uses_side:
        start, how = a, "fixed in place"
    elif decision.choice == TAKE_BOTH:
        start = a if side == "left" else len(current) - len(source) + a
        how = "fixed in place"
    elif decision.choice == CUSTOM:
        mapped = map_offset(source, current, a)
        if mapped is None or current[mapped : mapped + len(original)] != original:
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


def fix_decision(review: Review, finding: Finding) -> tuple[Decision, Fix]:
    """The decision that applies ``finding``'s suggestion to its passage (raises FixError)."""
    old = review.decision(finding.passage) if finding.passage is not None else Decision()
    new, fix = _fix(review, finding, old)
    return review.decision_for_text(fix.passage, new.text, old), fix


def plan_fixes(
    review: Review, findings: Iterable[Finding]
) -> tuple[dict[int, Decision], list[Fix], list[tuple[Finding, str]]]:
    """Apply many suggestions: (new decisions by passage, the fixes, the skipped ones with why).

    Suggestions in one passage are applied from the end of the text backwards, each on the
    result of the ones before, so their offsets stay valid.
    """
    pending: dict[int, Decision] = {}
    fixes: list[Fix] = []
    skipped: list[tuple[Finding, str]] = []
    ordered = sorted(
        (f for f in findings if f.suggestion is not None),
        key=lambda f: (f.passage if isinstance(f.passage, int) else -1, f.side != review.base, -f.start),
    )
    for f in ordered:
        index = f.passage
        decision = pending.get(index, review.decision(index)) if index is not None else Decision()
        try:
            fixed, fix = _fix(review, f, decision, chained=index in pending)
        except FixError as err:
            skipped.append((f, str(err)))
            continue
        pending[fix.passage] = fixed
        fixes.append(fix)
    fixes.sort(key=lambda x: (x.passage, x.finding.start))
    decisions = {i: review.decision_for_text(i, d.text, review.decision(i)) for i, d in pending.items()}
    return decisions, fixes, skipped
