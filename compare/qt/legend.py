"""What every mark of the window means: the colours of the changes, the glyphs of the status
column, the bars and the overview strip. One table, shown by Help ▸ Keys and Colours and used
by the views that draw the glyphs (no Qt here)."""

from __future__ import annotations

#: The glyphs of a passage's status column (decision, note, reviewed) and of findings.
TAKES_LEFT, TAKES_RIGHT, TAKES_BOTH, EDITED = "◀", "▶", "◀▶", "✎"
NOTED, REVIEWED = "✱", "✓"
SEVERITY_GLYPHS = {"major": "▲", "minor": "◆", "info": "●"}

LEGEND: tuple[tuple[str, str], ...] = (
    ("orange, struck through", "text only in the left version"),
    ("blue, underlined", "text only in the right version"),
    ("purple, dash-underlined", "text replaced between the versions"),
    ("on a tint", "a strong change: a name, number, negation or content word replaced, added or dropped"),
    ("dotted only, no tint", "a weak change: a function word, punctuation, inflection, case or word order"),
    ("wavy underline", "a finding; its passage shows ▲ major, ◆ minor or ● info in the # column"),
    ("yellow", "a match of Find (Ctrl+F)"),
    ("green bar", "the text the cleaned article uses"),
    (f"{TAKES_LEFT} / {TAKES_RIGHT}", "the cleaned article takes the left / the right text of this passage"),
    (TAKES_BOTH, "it takes both texts"),
    (EDITED, "it takes a text edited by hand"),
    (NOTED, "the passage has a note"),
    (REVIEWED, "the passage is marked reviewed"),
    ("the bar under the number", "how much the passage diverges: longer is more (its rank in the passage list)"),
    ("the strip beside the scroll bar", "where the divergences are in the whole article: orange only left, blue only "
     "right, purple changed, grey reviewed; the frame is what the window shows; click to go there"),
    ("dimmed text", "a passage that reads the same in both versions"),
    ("a thicker line", "a new paragraph"),
)  # fmt: skip
