"""Comparison reports: JSON (the documented schema), terminal text, standalone HTML."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence

from compare.core.align.evidence import CROSS_LANGUAGE, SAME_LANGUAGE, Evidence
from compare.core.analysis.analysis import Analysis
from compare.core.checks.finding import Finding
from compare.core.diff.comparison import CHANGED, EQUAL, LEFT_ONLY, RIGHT_ONLY, Comparison, Passage
from compare.core.export.escaping import terminal_text
from compare.core.text.segmentation import trim_span

SCHEMA = 1


def _side_json(comparison: Comparison, name: str) -> dict[str, object]:
    side = comparison.side(name)
    return {
        "path": side.document.path,
        "encoding": side.document.encoding
        + ("-sig" if side.document.bom and side.document.encoding == "utf-8" else ""),
        "newline": side.document.newline,
        "language": side.language.code,
        "segments": side.segmentation.sentences,  # tuples of pairs: JSON arrays, as lists are
    }


def passage_json(p: Passage, divergence: float) -> dict[str, object]:
    return {
        "kind": p.kind,
        "left": list(p.left),
        "right": list(p.right),
        "left_segments": list(p.left_segments),
        "right_segments": list(p.right_segments),
        "divergence": round(divergence, 4),
        # a Change's spans are pairs (JSON arrays) and its level a str: no copies of the 27,000 of
        # a megabyte pair (json.dumps writes tuples and lists alike)
        "changes": [{"left": c.left, "right": c.right, "level": c.level.value} for c in p.changes],
    }


def to_json(analysis: Analysis) -> dict[str, object]:
    comparison = analysis.comparison
    return {
        "schema": SCHEMA,
        "left": _side_json(comparison, "left"),
        "right": _side_json(comparison, "right"),
        "passages": [passage_json(p, analysis.score(p.index)) for p in comparison.passages],
        "alignment": _evidence_json(comparison),
        "findings": [f.to_json() for f in analysis.findings],
    }


def _evidence(comparison: Comparison) -> Evidence:
    if comparison.evidence is not None:
        return comparison.evidence
    return Evidence(CROSS_LANGUAGE if comparison.cross_language else SAME_LANGUAGE)


def _evidence_json(comparison: Comparison) -> dict[str, object]:
    """``{"method": "cross-language", "lexicons": ["deu-fra", "fra-deu"], "description": ...}``."""
    evidence = _evidence(comparison)
    return {
        "method": evidence.method,
        "lexicons": [f"{use.source}-{use.target}" for use in evidence.lexicons],
        "description": evidence.describe(),
    }


# --- text ---------------------------------------------------------------------------

_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"


def _trimmed(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Marks without the whitespace at their ends (words carry their trailing space)."""
    out = []
    for s, e in marks:
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        out.append((s, e))
    return out


def _marked(
    text: str, span: tuple[int, int], marks: list[tuple[int, int]], color: bool, deleted: bool
) -> str:
    out = []
    pos = span[0]
    for s, e in _trimmed(text, marks):
        if e <= s:
            continue
        out.append(terminal_text(text[pos:s]))
        marked = terminal_text(text[s:e])
        if color:
            out.append((_RED if deleted else _GREEN) + _BOLD + marked + _RESET)
        else:
            out.append(("[-" if deleted else "{+") + marked + ("-]" if deleted else "+}"))
        pos = e
    out.append(terminal_text(text[pos : span[1]]))
    return "".join(out).strip()


_NEWLINE = re.compile("\n")


class LineNumbers:
    """Line numbers of offsets into one text, each found in O(log n) (counting the newlines
    before every offset of a long text would be quadratic)."""

    def __init__(self, text: str) -> None:
        self._starts = [m.end() for m in _NEWLINE.finditer(text)]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) + 1


def to_text(analysis: Analysis, color: bool = False, context: bool = False) -> str:
    """Changed passages with inline marks: [-deleted-] on the left, {+inserted+} on the right.

    Everything that comes from the files (names, text) is made safe for a terminal
    (:func:`terminal_text`); the only escape sequences are the colours asked for."""
    comparison = analysis.comparison
    lt, rt = comparison.left.text, comparison.right.text
    lline, rline = LineNumbers(lt), LineNumbers(rt)
    lines = [
        terminal_text(f"{mark} {side.document.name} ({side.language.code}, {side.document.encoding})")
        for mark, side in (("---", comparison.left), ("+++", comparison.right))
    ]
    divergent = comparison.divergent
    for p in comparison.passages:
        if p.kind == EQUAL and not context:
            continue
        head = f"@@ passage {p.index + 1}: {p.kind} {p.shape}, left line {lline(p.left[0])}, right line {rline(p.right[0])}, divergence {analysis.score(p.index):.2f}"
        lines.append((_BOLD + head + _RESET) if color else head)
        if p.kind == EQUAL:
            lines.append("  " + terminal_text(lt[p.left[0] : p.left[1]].strip()))
            continue
        if p.kind in (CHANGED, LEFT_ONLY):
            marks = [c.left for c in p.changes] if p.kind == CHANGED and p.changes else [_content(lt, p.left)]
            if comparison.cross_language and p.kind == CHANGED:
                marks = []
            lines.append("- " + _marked(lt, p.left, marks, color, True))
        if p.kind in (CHANGED, RIGHT_ONLY):
            marks = (
                [c.right for c in p.changes] if p.kind == CHANGED and p.changes else [_content(rt, p.right)]
            )
            if comparison.cross_language and p.kind == CHANGED:
                marks = []
            lines.append("+ " + _marked(rt, p.right, marks, color, False))
    lines.append(
        f"{len(divergent)} of {len(comparison.passages)} passages differ ({alignment_note(comparison)})"
    )
    return "\n".join(lines) + "\n"


def alignment_note(comparison: Comparison) -> str:
    """What the alignment rests on, for the last line of a report: "aligned by shared words",
    or for two languages "different languages: aligned by sentence lengths and anchors ... ;
    no word diff"."""
    how = _evidence(comparison).describe()
    return f"different languages: {how}; no word diff" if comparison.cross_language else how


def _content(text: str, span: tuple[int, int]) -> tuple[int, int]:
    return trim_span(text, span)


# --- html ---------------------------------------------------------------------------

_CSS = """
body{font-family:Georgia,'Times New Roman',serif;margin:2em auto;max-width:1200px;color:#1d1d1d;background:#fbfbf8}
h1{font-family:system-ui,sans-serif;font-size:1.3em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td{vertical-align:top;padding:.45em .7em;border-top:1px solid #ddd;line-height:1.45}
td.n{font:12px system-ui,sans-serif;color:#777;text-align:right}
ul.f{margin:.3em 0 0;padding-left:1.1em;font:12px system-ui,sans-serif;color:#5a4a00}
ul.f li.major{color:#8a2b00;font-weight:600}
tr.equal td.t{color:#777}
tr.para td{border-top:2px solid #999}
th{font:600 13px system-ui,sans-serif;text-align:left;padding:.5em .7em;background:#eee}
del{background:#fdd9b5;color:#7a2e00;text-decoration:line-through;text-decoration-color:#b35900}
ins{background:#cde3f7;color:#0b3d6b;text-decoration:none;border-bottom:2px solid #3a7bd5}
.kind{font:11px system-ui,sans-serif;color:#555;display:block}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}th{background:#333}
ul.f{color:#e8d9a0}ul.f li.major{color:#ffb38a}
del{background:#5a3210;color:#ffd7b0}ins{background:#123a5c;color:#cfe6ff}tr.equal td.t{color:#999}}
"""


def _html_marked(text: str, span: tuple[int, int], marks: list[tuple[int, int]], tag: str) -> str:
    out = []
    pos = span[0]
    for s, e in _trimmed(text, marks):
        if e <= s:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<{tag}>{html.escape(text[s:e])}</{tag}>")
        pos = e
    out.append(html.escape(text[pos : span[1]]))
    return "".join(out).strip().replace("\n", "<br>")


def _html_findings(findings: Sequence[Finding]) -> str:
    if not findings:
        return ""
    items = "".join(
        f"<li class='{html.escape(f.severity)}'>{html.escape(f.severity)} · {html.escape(f.rule)}: "
        f"{html.escape(f.message)}</li>"
        for f in findings
    )
    return f"<ul class=f>{items}</ul>"


def to_html(analysis: Analysis) -> str:
    comparison = analysis.comparison
    lt, rt = comparison.left.text, comparison.right.text
    left, right = comparison.left, comparison.right
    lpar = left.segmentation.sentence_paragraph
    by_passage: dict[tuple[int, str], list[Finding]] = {}
    for f in analysis.findings:
        if f.passage is not None and f.side is not None:
            by_passage.setdefault((f.passage, f.side), []).append(f)
    rows = []
    for p in comparison.passages:
        if p.kind == CHANGED and not comparison.cross_language:
            lm, rm = [c.left for c in p.changes], [c.right for c in p.changes]
        elif p.kind == LEFT_ONLY:
            lm, rm = [_content(lt, p.left)], []
        elif p.kind == RIGHT_ONLY:
            lm, rm = [], [_content(rt, p.right)]
        else:
            lm, rm = [], []
        new_para = (
            bool(p.left_segments)
            and p.index > 0
            and (p.left_segments[0] == 0 or lpar[p.left_segments[0]] != lpar[p.left_segments[0] - 1])
        )
        classes = [p.kind] + (["para"] if new_para else [])
        label = (
            ""
            if p.kind == EQUAL
            else f"<span class=kind>{p.kind} {p.shape} · {analysis.score(p.index):.2f}</span>"
        )
        notes = {name: _html_findings(by_passage.get((p.index, name), [])) for name in ("left", "right")}
        rows.append(
            f"<tr class='{' '.join(classes)}' id='p{p.index + 1}'><td class=n>{p.index + 1}{label}</td>"
            f"<td class=t lang='{left.language.base}'>{_html_marked(lt, p.left, lm, 'del')}{notes['left']}</td>"
            f"<td class=t lang='{right.language.base}'>{_html_marked(rt, p.right, rm, 'ins')}{notes['right']}</td></tr>"
        )
    title = f"{left.document.name} ↔ {right.document.name}"
    summary = (
        f"{len(comparison.divergent)} of {len(comparison.passages)} passages differ "
        f"({html.escape(alignment_note(comparison))})"
    )
    if analysis.findings:
        summary += (
            f"; {len(analysis.findings)} findings of the artifact checks are listed under their passages"
        )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{summary}. Deleted or replaced text of the left version is "
        "<del>struck through</del>, text of the right version that replaces it is <ins>underlined</ins>.</p>"
        f"<table><colgroup><col style='width:7.5em'><col><col></colgroup><thead><tr><th></th><th>{html.escape(left.document.name)} · {left.language.code} · "
        f"{left.document.encoding} · {left.words} words</th><th>{html.escape(right.document.name)} · "
        f"{right.language.code} · {right.document.encoding} · {right.words} words</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></body></html>\n"
    )
