"""The rule machinery: findings, severities, the rule registry and the document model.

A rule is a function that takes a :class:`Document` and yields :class:`Hit` objects; the
``@rule`` decorator registers it in :data:`RULES` with a stable id, a severity and a
one-line description, and :func:`check_text` turns hits into :class:`Finding` objects.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from compare.core.checks.finding import Finding, Severity, fold_repeats


@dataclass(frozen=True)
class Hit:
    """What a rule function reports; :func:`check_text` adds the rule id and severity."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    pattern: str | None = None  # hits of one rule with the same pattern are one finding


RuleFunction = Callable[["Document"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered check."""

    id: str
    severity: Severity
    description: str
    check: RuleFunction
    # Findings of other rules that overlap (or touch) a finding of this rule are dropped:
    # a caption run into the text is one artifact, not also a missing space and a doubled word.
    suppresses_overlapping: bool = False


RULES: dict[str, Rule] = {}

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def rule(
    id: str, severity: Severity | str, description: str, *, suppresses_overlapping: bool = False
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as a rule (ids are kebab-case and unique)."""
    if not _ID_RE.match(id):
        raise ValueError(f"rule id must be kebab-case: {id!r}")
    if id in RULES:
        raise ValueError(f"duplicate rule id: {id!r}")

    def register(fn: RuleFunction) -> RuleFunction:
        RULES[id] = Rule(id, Severity(severity), description, fn, suppresses_overlapping)
        return fn

    return register


# --------------------------------------------------------------------------- document model


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line of the text, surrounding whitespace stripped; offsets into the text."""

    index: int
    start: int
    end: int
    text: str


_LINE_RE = re.compile(r"[^\r\n]+")


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines are paragraphs (blank lines and \\r\\n are fine)."""
    out: list[Paragraph] = []
    for m in _LINE_RE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        out.append(Paragraph(len(out), start, start + len(stripped), stripped))
    return out


def normalize_language(language: str | None) -> str | None:
    """``"en"``, ``"de-DE"``, ``"zh-cn"`` -> base code; None/"unknown"/"" -> None."""
    if not language:
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if not code or code in {"unknown", "und", "unk", "auto"}:
        return None
    return code


class Document:
    """The text being checked, split into paragraphs, with its (declared) language."""

    def __init__(self, text: str, language: str | None = None) -> None:
        self.text = text
        self.declared_language = normalize_language(language)
        self.paragraphs = split_paragraphs(text)
        self.cache: dict[str, object] = {}  # for rules to share derived data

    @property
    def language(self) -> str | None:
        """The declared language, or the detected one when none was declared."""
        return self.declared_language or self.detected_language

    @cached_property
    def detected_language(self) -> str | None:
        from compare.core.text.language import detect_document_language

        return detect_document_language([p.text for p in self.paragraphs])

    def paragraph_after(self, para: Paragraph) -> Paragraph | None:
        i = para.index + 1
        return self.paragraphs[i] if i < len(self.paragraphs) else None


# --------------------------------------------------------------------------- helpers


def quote_snippet(text: str, start: int, end: int, context: int = 18) -> str:
    """``text[start:end]`` with a little context, on one line, for a message."""
    a = max(0, start - context)
    b = min(len(text), end + context)
    # Do not cut words in half at the edges.
    while a > 0 and a > start - context - 12 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and b < end + context + 12 and not text[b].isspace():
        b += 1
    s = " ".join(text[a:b].split())
    if len(s) > 120:
        s = s[:117].rstrip() + "…"
    return ("…" if a > 0 and not text[a - 1].isspace() and text[a - 1] not in "\r\n" else "") + s


def shorten(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged intervals as two parallel lists of starts and ends."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _overlaps_or_touches(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    i = bisect.bisect_right(starts, end) - 1  # the last interval starting at or before `end`
    return i >= 0 and ends[i] >= start


def run_rules(doc: Document, rules: Iterable[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    n = len(doc.text)
    rules = list(rules)
    suppressing = {r.id for r in rules if r.suppresses_overlapping}
    for r in rules:
        for hit in r.check(doc):
            start = max(0, min(hit.start, n))
            end = max(start, min(hit.end, n))
            findings.append(
                Finding(r.id, r.severity, start, end, hit.message, hit.suggestion, pattern=hit.pattern)
            )
    suppressors = [(f.start, f.end) for f in findings if f.rule in suppressing]
    if suppressors:
        starts, ends = _merged(suppressors)
        findings = [
            f
            for f in findings
            if f.rule in suppressing or not _overlaps_or_touches(f.start, f.end, starts, ends)
        ]
    # One finding per (rule, span), and one per repeated pattern.
    unique = {(f.start, f.end, f.rule): f for f in findings}
    return sorted(fold_repeats(unique.values()), key=lambda f: (f.start, f.end, f.rule))
