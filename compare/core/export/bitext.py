"""Aligned sentences as a bitext for translation memories: TMX 1.4, TSV and JSON.

Only passages with text on both sides become translation units; a sentence with no
counterpart has nothing to pair with (JSON keeps them, marked one-sided).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from compare import __version__
from compare.core.diff.comparison import Comparison
from compare.core.export.escaping import is_language_tag, spreadsheet_cell, xml_text

_SPACES = re.compile(r"\s+")


def bcp47(code: str) -> str:
    """langdetect's codes as BCP 47 tags: "zh-cn" -> "zh-CN"; unknown, or anything that is not
    shaped like a language tag, -> "und"."""
    if not code or code == "unknown" or not is_language_tag(code):
        return "und"
    parts = code.replace("_", "-").split("-")
    return "-".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p for p in parts[1:]])


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def bitext_rows(comparison: Comparison) -> list[tuple[int, str, str]]:
    """(passage index, left text, right text) of every passage, whitespace folded."""
    rows = []
    for p in comparison.passages:
        left = " ".join(comparison.left.sentence_text(i) for i in p.left_segments)
        right = " ".join(comparison.right.sentence_text(j) for j in p.right_segments)
        rows.append((p.index, _one_line(left), _one_line(right)))
    return rows


def languages(comparison: Comparison, left: str | None = None, right: str | None = None) -> tuple[str, str]:
    return (
        bcp47(left or comparison.left.language.code),
        bcp47(right or comparison.right.language.code),
    )


def bitext_tsv(comparison: Comparison, left_lang: str | None = None, right_lang: str | None = None) -> str:
    """Tab-separated pairs, one per line, with a header naming the languages. Whitespace is
    folded, so no cell holds a tab or a newline; a cell a spreadsheet would run as a formula
    starts with an apostrophe (OWASP's rule)."""
    ll, rl = languages(comparison, left_lang, right_lang)
    lines = [f"{ll}\t{rl}"]
    for _, left, right in bitext_rows(comparison):
        if left and right:
            lines.append(f"{spreadsheet_cell(left)}\t{spreadsheet_cell(right)}")
    return "\n".join(lines) + "\n"


def bitext_tmx(comparison: Comparison, left_lang: str | None = None, right_lang: str | None = None) -> str:
    """A TMX 1.4 document (the left side is the source language)."""
    ll, rl = languages(comparison, left_lang, right_lang)
    now = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="News Compare" creationtoolversion={quoteattr(__version__)} '
        f'datatype="plaintext" segtype="sentence" adminlang="en-US" srclang={quoteattr(ll)} '
        f'o-tmf="news-compare" creationdate="{now}">',
        f'    <prop type="x-left-file">{escape(xml_text(comparison.left.document.name))}</prop>',
        f'    <prop type="x-right-file">{escape(xml_text(comparison.right.document.name))}</prop>',
        "  </header>",
        "  <body>",
    ]
    for index, left, right in bitext_rows(comparison):
        if not (left and right):
            continue
        out.append(f'    <tu tuid="{index + 1}">')
        out.append(f"      <tuv xml:lang={quoteattr(ll)}><seg>{escape(xml_text(left))}</seg></tuv>")
        out.append(f"      <tuv xml:lang={quoteattr(rl)}><seg>{escape(xml_text(right))}</seg></tuv>")
        out.append("    </tu>")
    out += ["  </body>", "</tmx>"]
    return "\n".join(out) + "\n"


def bitext_json(comparison: Comparison, left_lang: str | None = None, right_lang: str | None = None) -> str:
    ll, rl = languages(comparison, left_lang, right_lang)
    beads = []
    for p, (_, left, right) in zip(comparison.passages, bitext_rows(comparison), strict=True):
        beads.append(
            {
                "left_segments": list(p.left_segments),
                "right_segments": list(p.right_segments),
                "left": left,
                "right": right,
                "left_span": list(p.left),
                "right_span": list(p.right),
            }
        )
    return (
        json.dumps(
            {"schema": 1, "left_language": ll, "right_language": rl, "beads": beads}, ensure_ascii=False
        )
        + "\n"
    )
