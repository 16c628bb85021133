"""The user's decisions on a comparison, and the reconciled article they produce.

One side is the *base*, the version being cleaned (by default the right one). Every
passage has a decision: keep the base (the default), take the other side, take both,
or custom text typed by the user; plus a note and a reviewed flag.

With no decisions the reconciled text is the base text character for character; with
every passage taken from the other side it is the other text exactly.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace

from compare.core.analysis.analysis import Analysis
from compare.core.checks.finding import Finding
from compare.core.diff.comparison import EQUAL, SIDES, Comparison, Passage, Side

#: What identifies a finding across analyses of the same texts: (side, rule, start, end).
FindingKey = tuple[str, str, int, int]


def finding_key(f: Finding) -> FindingKey:
    return (str(f.side or ""), f.rule, f.start, f.end)


class Choice(enum.StrEnum):
    """Which text a passage gives the cleaned article."""

    KEEP = "keep"  # the base version's text (the default)
    TAKE_OTHER = "take-other"  # the other version's text
    TAKE_BOTH = "take-both"  # both, left first
    CUSTOM = "custom"  # text the user typed


KEEP, TAKE_OTHER, TAKE_BOTH, CUSTOM = Choice.KEEP, Choice.TAKE_OTHER, Choice.TAKE_BOTH, Choice.CUSTOM
DECISIONS = tuple(Choice)


def other_side(side: str) -> Side:
    return Side(side).other


@dataclass(frozen=True)
class Decision:
    """What the user decided for one passage."""

    choice: Choice = Choice.KEEP
    text: str = ""  # the custom text, when choice is CUSTOM
    note: str = ""
    reviewed: bool = False

    def __post_init__(self) -> None:
        if self.choice not in DECISIONS:
            raise ValueError(f"unknown decision {self.choice!r}")
        if not isinstance(self.choice, Choice):
            object.__setattr__(self, "choice", Choice(self.choice))

    @property
    def is_default(self) -> bool:
        return self == UNDECIDED

    @property
    def changes_text(self) -> bool:
        return self.choice != KEEP


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
    return text[:start], body, text[start + len(body) :]


def with_edited_body(text: str, body: str) -> str:
    """``text`` with its body (see :func:`editable_parts`) replaced by ``body``, the separators
    around it kept exactly."""
    lead, _, tail = editable_parts(text)
    return lead + body.strip() + tail


@dataclass(frozen=True)
class Piece:
    """A stretch of the reconciled text and where it came from."""

    passage: int
    text: str
    source: str  # "base", "other", "both", "custom"
    start: int  # offset in the reconciled text


#: A passage nobody decided on (decisions are frozen: one serves them all).
UNDECIDED = Decision()


class Review:
    """Decisions over an analysed comparison. Mutable; the window wraps changes in undo commands.

    Given a bare :class:`Comparison`, the review holds it unchecked (no findings; passages rank
    by the engine's divergence).
    """

    def __init__(self, analysis: Analysis | Comparison, base: str = "right"):
        if base not in SIDES:
            raise ValueError("base must be 'left' or 'right'")
        self.analysis = analysis if isinstance(analysis, Analysis) else Analysis.unchecked(analysis)
        self.base = Side(base)
        self._decisions: dict[int, Decision] = {}
        self._dismissed: set[FindingKey] = set()  # findings the user marked "not an error"

    # --- access ---------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison:
        return self.analysis.comparison

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What the checks found, less the findings the user dismissed as not an error."""
        if not self._dismissed:
            return self.analysis.findings
        return tuple(f for f in self.analysis.findings if finding_key(f) not in self._dismissed)

    # --- findings dismissed as "not an error" -----------------------------------------
    def dismissed(self) -> frozenset[FindingKey]:
        return frozenset(self._dismissed)

    def set_dismissed(self, key: FindingKey, dismissed: bool) -> bool:
        """Dismiss a finding (or bring it back); returns whether it was dismissed before."""
        before = key in self._dismissed
        if dismissed:
            self._dismissed.add(key)
        else:
            self._dismissed.discard(key)
        return before

    @property
    def base(self) -> Side:
        """The version being cleaned."""
        return self._base

    @base.setter
    def base(self, side: str) -> None:
        self._base = Side(side)

    @property
    def other(self) -> Side:
        return self._base.other

    @property
    def passages(self) -> tuple[Passage, ...]:
        return self.comparison.passages

    def decision(self, index: int) -> Decision:
        return self._decisions.get(index, UNDECIDED)

    def set_decision(self, index: int, decision: Decision) -> Decision:
        """Set a passage's decision; returns the previous one (for undo)."""
        if not 0 <= index < len(self.passages):
            raise IndexError(index)
        previous = self.decision(index)
        if decision.is_default:
            self._decisions.pop(index, None)
        else:
            self._decisions[index] = decision
        return previous

    def update(self, index: int, **changes: object) -> Decision:
        """Change some fields of a passage's decision; returns the previous one."""
        return self.set_decision(index, replace(self.decision(index), **changes))  # type: ignore[arg-type]

    def decisions(self) -> dict[int, Decision]:
        return dict(self._decisions)

    def take_side(self, index: int, side: str) -> Decision:
        """Choose the text of ``side`` for a passage (keeps note and reviewed flag)."""
        return self.set_decision(index, self.side_decision(index, side, self.decision(index)))

    def side_decision(self, index: int, side: str, old: Decision | None = None) -> Decision:
        """``old`` (default: no decision) changed to take the text of ``side``."""
        choice = KEEP if side == self.base else TAKE_OTHER
        return replace(old or Decision(), choice=choice, text="")

    def decision_for_text(self, index: int, text: str, old: Decision | None = None) -> Decision:
        """The simplest decision (keep, take other, or custom) that gives passage ``index`` the
        text ``text``, with ``old``'s note and reviewed flag."""
        old = old or Decision()
        if text == self.side_text(index, self.base):
            return replace(old, choice=KEEP, text="")
        if text == self.side_text(index, self.other):
            return replace(old, choice=TAKE_OTHER, text="")
        return replace(old, choice=CUSTOM, text=text)

    # --- text -----------------------------------------------------------------------
    def side_text(self, index: int, side: str) -> str:
        p = self.passages[index]
        s, e = p.span(side)
        return self.comparison.side(side).text[s:e]

    def passage_text(self, index: int) -> str:
        return self.text_for(index, self.decision(index))

    def text_for(self, index: int, d: Decision) -> str:
        """The text passage ``index`` gives the article under decision ``d``."""
        if d.choice == KEEP:
            return self.side_text(index, self.base)
        if d.choice == TAKE_OTHER:
            return self.side_text(index, self.other)
        if d.choice == CUSTOM:
            return d.text
        # Both, in document order (left first), each keeping its own spacing.
        first, second = self.side_text(index, "left"), self.side_text(index, "right")
        if first and second and not first[-1].isspace():
            first += " "
        return first + second

    def pieces(self) -> list[Piece]:
        out = []
        pos = 0
        for p in self.passages:
            d = self.decision(p.index)
            text = self.passage_text(p.index)
            source = {KEEP: "base", TAKE_OTHER: "other", TAKE_BOTH: "both", CUSTOM: "custom"}[d.choice]
            out.append(Piece(p.index, text, source, pos))
            pos += len(text)
        return out

    def reconciled_text(self) -> str:
        if not self.passages:
            return self.comparison.side(self.base).text
        return "".join(self.passage_text(p.index) for p in self.passages)

    # --- progress -------------------------------------------------------------------
    def divergent_indices(self) -> list[int]:
        return [p.index for p in self.passages if p.kind != EQUAL]

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) over divergent passages."""
        passages = self.passages
        reviewed = sum(1 for i, d in self._decisions.items() if d.reviewed and passages[i].kind != EQUAL)
        return reviewed, sum(1 for p in passages if p.kind != EQUAL)

    def changed_indices(self) -> list[int]:
        """Passages whose reconciled text differs from the base."""
        return [
            p.index
            for p in self.passages
            if self.decision(p.index).changes_text
            and self.passage_text(p.index) != self.side_text(p.index, self.base)
        ]

    def apply_all(self, indices: Iterable[int], decision: Decision) -> dict[int, Decision]:
        """Set one decision on many passages; returns the previous ones."""
        return {i: self.set_decision(i, decision) for i in indices}


def transfer_decisions(old: Review, new: Review) -> tuple[int, int]:
    """Carry decisions from ``old`` to ``new`` where a passage reads the same.

    Used after a file changed on disk (reload) or the sides were swapped: a decision
    moves to the new passage whose base and other texts are exactly those it was made
    on, so it still means the same thing. Returns (carried, dropped).
    """
    old_left, old_right = (old.comparison.side(name).document.path for name in SIDES)
    swapped = (
        old_left == new.comparison.right.document.path
        and old_right == new.comparison.left.document.path
        and old_left != old_right
    )
    # The base must be the same file, or "keep" and "take other" would flip meaning.
    new_base = other_side(new.base) if swapped else new.base
    if new_base != old.base:
        return 0, len(old.decisions())
    index: dict[tuple[str, str], list[int]] = {}
    for p in new.passages:
        key = (new.side_text(p.index, new.base), new.side_text(p.index, new.other))
        index.setdefault(key, []).append(p.index)
    carried = dropped = 0
    for i, decision in sorted(old.decisions().items()):
        key = (old.side_text(i, old.base), old.side_text(i, old.other))
        candidates = index.get(key)
        if candidates:
            new.set_decision(candidates.pop(0), decision)
            carried += 1
        else:
            dropped += 1
    # Dismissed findings stay dismissed on a version whose text did not change.
    for side, rule, start, end in old.dismissed():
        if not side:
            continue
        text = old.comparison.side(side).text
        new_side = Side(side).other if swapped else Side(side)
        if new.comparison.side(new_side).text == text:
            new.set_dismissed((str(new_side), rule, start, end), True)
    return carried, dropped
