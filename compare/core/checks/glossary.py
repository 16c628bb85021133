"""The house glossary: names, titles and terms spelled one way.

A glossary is a TSV or CSV file with a header row naming its columns (in any order, any case):

- ``term``: the term (in a glossary for translations, the source language's word);
- ``required``: the form(s) a version must use (empty: the term itself);
- ``forbidden``: forms that must not be used;
- ``note`` (optional): why, shown with the finding;
- ``severity`` (optional): ``major``, ``minor`` (the default) or ``info``.

Several forms in one cell are separated by ``|``. A form written in lower case matches in any
case ("e-mail" finds "E-mail"); a form with a capital letter matches only as written. Forms
match whole words (CJK characters, which have no spaces between words, match anywhere) and the
spaces inside a form match any run of whitespace.

Two rules read it (not registered in :data:`~compare.core.checks.RULES`: they need a glossary):

- ``glossary-forbidden``: a version uses a forbidden form; the suggestion is the first required
  form (with a capital when the text has one there).
- ``glossary-missing`` (comparisons across languages): one version's passage has the term and
  the aligned passage of the other has none of its required forms (nor a forbidden one, which
  ``glossary-forbidden`` reports with its fix).

TBX is not read: the kept library that reads it (translate-toolkit) is GPL-licensed and large,
and the program ships as an MIT bundle.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from compare.core.checks.finding import Finding, Scope, Severity
from compare.core.diff.comparison import Comparison, Side
from compare.core.errors import CompareError
from compare.core.io.loading import decode_bytes, read_bytes
from compare.core.limits import MAX_GLOSSARY_BYTES, MAX_GLOSSARY_ENTRIES
from compare.core.text.scripts import is_cjk

FORBIDDEN, MISSING = "glossary-forbidden", "glossary-missing"
GLOSSARY_RULES = {
    FORBIDDEN: "A form the house glossary forbids; the suggestion is the form it requires.",
    MISSING: "A term of the glossary in one version whose required translation the aligned passage "
    "of the other lacks.",
}

#: Header names each column may go by (lower case).
COLUMNS = {
    "term": ("term", "source", "source term"),
    "required": ("required", "required form", "required forms", "target", "target term", "translation"),
    "forbidden": ("forbidden", "forbidden form", "forbidden forms", "avoid"),
    "note": ("note", "notes", "comment"),
    "severity": ("severity",),
}
_SEPARATOR = "|"


class GlossaryError(CompareError):
    """A glossary file that cannot be read; the message is one sentence."""


@dataclass(frozen=True)
class Entry:
    term: str
    required: tuple[str, ...]
    forbidden: tuple[str, ...]
    note: str = ""
    severity: Severity = Severity.MINOR


@dataclass(frozen=True)
class _Form:
    entry: int
    role: str  # "term", "required" or "forbidden"
    text: str
    exact_case: bool


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _pattern(form: str) -> str:
    body = r"\s+".join(re.escape(w) for w in form.split())
    start = r"(?<!\w)" if re.match(r"\w", form[0]) and not is_cjk(form[0]) else ""
    end = r"(?!\w)" if re.match(r"\w", form[-1]) and not is_cjk(form[-1]) else ""
    return start + body + end


@dataclass(frozen=True)
class Glossary:
    """The entries of a glossary file; ``name`` is the file's name, for messages."""

    entries: tuple[Entry, ...]
    name: str = "the glossary"

    @cached_property
    def _forms(self) -> dict[str, list[_Form]]:
        out: dict[str, list[_Form]] = {}
        for k, e in enumerate(self.entries):
            for role, forms in (("term", (e.term,)), ("required", e.required), ("forbidden", e.forbidden)):
                for form in forms:
                    exact = form != form.lower()
                    out.setdefault(_key(form), []).append(_Form(k, role, " ".join(form.split()), exact))
        return out

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        """Every form, longest first, so that "Deutsche Bahn" is read before "Bahn"."""
        forms = sorted({f.text for fs in self._forms.values() for f in fs}, key=lambda s: (-len(s), s))
        parts = [_pattern(f) if f != f.lower() else f"(?i:{_pattern(f)})" for f in forms]
        return re.compile("|".join(parts) or r"(?!)")

    def matches(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, list[_Form]]]:
        """(start, end, forms) of every glossary form in ``text[start:end]``."""
        end = len(text) if end is None else end
        for m in self._regex.finditer(text, start, end):
            found = m.group()
            forms = [
                f
                for f in self._forms.get(_key(found), [])
                if not f.exact_case or " ".join(found.split()) == f.text
            ]
            if forms:
                yield m.start(), m.end(), forms


def parse_glossary(text: str, name: str = "the glossary", delimiter: str | None = None) -> Glossary:
    """A glossary from the text of a TSV or CSV file (``delimiter``: None to tell by the header)."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        raise GlossaryError(f"{name} is empty; it needs a header row (term, required, forbidden, note).")
    if delimiter is None:
        delimiter = (
            "\t" if "\t" in header_line else ";" if header_line.count(";") > header_line.count(",") else ","
        )
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as err:
        raise GlossaryError(f"{name} is not a valid table ({err}).") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    header = [cell.strip().lower() for cell in rows[0]]
    where: dict[str, int] = {}
    for column, names in COLUMNS.items():
        for k, title in enumerate(header):
            if title in names:
                where.setdefault(column, k)
    if "term" not in where or not ({"required", "forbidden"} & set(where)):
        raise GlossaryError(
            f"{name} has no header row naming a term column and a required or forbidden column "
            f"(it starts with {', '.join(repr(c) for c in rows[0][:4])})."
        )
    if len(rows) - 1 > MAX_GLOSSARY_ENTRIES:
        raise GlossaryError(f"{name} has {len(rows) - 1} entries; the limit is {MAX_GLOSSARY_ENTRIES}.")

    def cell(row: list[str], column: str) -> str:
        k = where.get(column)
        return row[k].strip() if k is not None and k < len(row) else ""

    def forms(value: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(" ".join(f.split()) for f in value.split(_SEPARATOR) if f.strip()))

    entries = []
    for number, row in enumerate(rows[1:], start=2):
        term = " ".join(cell(row, "term").split())
        if not term:
            raise GlossaryError(f"Row {number} of {name} has no term.")
        severity = cell(row, "severity").lower() or Severity.MINOR
        if severity not in tuple(Severity):
            raise GlossaryError(
                f"Row {number} of {name} gives the severity {severity!r}; use major, minor or info."
            )
        required = forms(cell(row, "required")) or (term,)
        forbidden = tuple(
            f for f in forms(cell(row, "forbidden")) if _key(f) not in {_key(r) for r in required}
        )
        entries.append(Entry(term, required, forbidden, cell(row, "note"), Severity(severity)))
    if not entries:
        raise GlossaryError(f"{name} has a header row but no entries.")
    return Glossary(tuple(entries), name)


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Read a glossary file (raises :class:`GlossaryError`, or a LoadError, with one sentence)."""
    p = Path(path)
    data = read_bytes(p, MAX_GLOSSARY_BYTES)
    text, _, _ = decode_bytes(data, p.name)
    delimiter = "\t" if p.suffix.lower() in (".tsv", ".tab") else None
    return parse_glossary(text, p.name, delimiter)


# --- the rules ------------------------------------------------------------------------------
def _quote(forms: tuple[str, ...]) -> str:
    return " or ".join(f"“{f}”" for f in forms)


def _note(entry: Entry) -> str:
    return f" ({entry.note.rstrip('.')})" if entry.note else ""


def _suggestion(found: str, required: str, exact_case: bool) -> str:
    if not exact_case and found[:1].isupper() and required[:1].islower():
        return required[:1].upper() + required[1:]
    return required


def forbidden_forms(text: str, glossary: Glossary) -> list[Finding]:
    """``glossary-forbidden`` findings in one text (no side, no passage)."""
    out = []
    for start, end, forms in glossary.matches(text):
        roles = {(f.entry, f.role) for f in forms}
        for f in forms:
            if f.role != "forbidden" or (f.entry, "required") in roles:
                continue
            entry = glossary.entries[f.entry]
            found = text[start:end]
            suggestion = _suggestion(found, entry.required[0], f.exact_case)
            out.append(
                Finding(
                    FORBIDDEN,
                    entry.severity,
                    start,
                    end,
                    f"“{' '.join(found.split())}” is not house style: {glossary.name} asks for "
                    f"{_quote(entry.required)}{_note(entry)}.",
                    suggestion,
                )
            )
    return out


def missing_translations(comparison: Comparison, glossary: Glossary) -> list[Finding]:
    """``glossary-missing`` findings of a comparison across languages, each on the side that
    lacks the required form, spanning its passage, in its passage."""
    if not comparison.cross_language:
        return []
    out = []
    for p in comparison.passages:
        spans = {side: p.span(side) for side in ("left", "right")}
        if any(s == e for s, e in spans.values()):
            continue
        found: dict[str, dict[int, str]] = {}  # side -> entry -> what the text has of it
        has: dict[str, set[tuple[int, str]]] = {}
        for side, (s, e) in spans.items():
            text = comparison.side(side).text
            found[side], has[side] = {}, set()
            for a, b, forms in glossary.matches(text, s, e):
                for f in forms:
                    has[side].add((f.entry, f.role))
                    if f.role == "term":
                        found[side].setdefault(f.entry, text[a:b])
        for side, other in (("left", "right"), ("right", "left")):
            for k, term in found[side].items():
                if (k, "required") in has[other] or (k, "forbidden") in has[other]:
                    continue  # there, or there in a forbidden form (that finding has the fix)
                entry = glossary.entries[k]
                text = comparison.side(other).text
                s, e = spans[other]
                body_start = s + len(text[s:e]) - len(text[s:e].lstrip())
                body_end = e - (len(text[s:e]) - len(text[s:e].rstrip()))
                out.append(
                    Finding(
                        MISSING,
                        entry.severity,
                        body_start,
                        max(body_start, body_end),
                        f"The {side} version has “{' '.join(term.split())}”, which {glossary.name} "
                        f"translates as {_quote(entry.required)}{_note(entry)}; this passage has none of them.",
                        None,
                        side=Side(other),
                        passage=p.index,
                        scope=Scope.CROSS,
                    )
                )
    return out
