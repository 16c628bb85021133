"""The summary page of a run: the pairs sorted by how much needs an editor's eye."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from compare.core.batch.records import PairResult

# --- the summary -------------------------------------------------------------------------------
_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#1d1d1d;background:#fbfbf8;padding:0 1em}
h1{font-size:1.35em;margin-bottom:.2em}p.sub{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%}
th{font-weight:600;text-align:left;padding:.45em .6em;background:#eee;font-size:13px}
td{vertical-align:top;padding:.5em .6em;border-top:1px solid #ddd}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bar{display:inline-block;height:.7em;background:#d9822b;border-radius:2px;vertical-align:middle;margin-right:.4em}
.major{color:#a12a00;font-weight:600}.minor{color:#7a5b00}.info{color:#777}
.top{font:13px Georgia,serif;color:#333;margin-top:.3em}.top b{font:600 11px system-ui,sans-serif;color:#555}
.files{font-size:12px;color:#666}a{color:#0b5394}
.skipped td{color:#8a2b00}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}th{background:#333}td{border-color:#444}
.top{color:#ccc}.files{color:#aaa}a{color:#8ab4f8}.major{color:#ffb38a}.minor{color:#e8d9a0}}
"""


def ordered(results: Sequence[PairResult]) -> list[PairResult]:
    ok = sorted((r for r in results if r.error is None), key=lambda r: (-r.attention, -r.divergent, r.name))
    return ok + sorted((r for r in results if r.error is not None), key=lambda r: r.name)


def summary_html(results: Sequence[PairResult], title: str = "News Compare batch") -> str:
    """The page an editor reads first: every pair, the ones that need the most attention first."""
    rows_in_order = ordered(results)
    compared = [r for r in rows_in_order if r.error is None]
    most = max((r.attention for r in compared), default=0.0) or 1.0
    rows = []
    for rank, r in enumerate(rows_in_order, start=1):
        files = f"<div class=files>{html.escape(Path(r.left).name)} ↔ {html.escape(Path(r.right).name)}</div>"
        if r.error is not None:
            rows.append(
                f"<tr class=skipped><td class=n>–</td><td>{html.escape(r.name)}{files}</td>"
                f"<td colspan=4>skipped: {html.escape(r.error)}</td></tr>"
            )
            continue
        width = max(2, round(120 * r.attention / most)) if r.attention else 0
        found = " ".join(f"<span class={s}>{n} {s}</span>" for s, n in r.findings.items() if n) or "none"
        top = "".join(
            f"<div class=top><b>#{t['passage']} · {html.escape(t['kind'])}</b> {html.escape(t['right'] or t['left'])}</div>"
            for t in r.top[:2]
        )
        links = (
            f"<a href='{html.escape(r.report or '')}'>report</a> · "
            f"<a href='{html.escape(r.review or '')}' download>review</a>"
        )
        rows.append(
            f"<tr><td class=n>{rank}</td><td><a href='{html.escape(r.report or '')}'>{html.escape(r.name)}</a>{files}{top}</td>"
            f"<td class=n><span class=bar style='width:{width}px'></span>{r.attention:.1f}</td>"
            f"<td class=n>{r.divergent} of {r.passages}</td><td>{found}</td><td>{links}</td></tr>"
        )
    differ = sum(1 for r in compared if r.divergent)
    skipped = len(rows_in_order) - len(compared)
    sub = (
        f"{len(compared)} pair{'s' if len(compared) != 1 else ''} compared, {differ} differ"
        + (f", {skipped} skipped" if skipped else "")
        + ". Sorted by attention: the passages' ranking scores added up (how much they changed, "
        "findings included). "
        "Each review (.ncreview) opens in News Compare: <code>news-compare NAME.ncreview</code>."
    )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p class=sub>{sub}</p>"
        "<table><thead><tr><th>#</th><th>pair · most divergent passages</th><th>attention</th>"
        "<th>divergent passages</th><th>findings</th><th>files</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></body></html>\n"
    )
