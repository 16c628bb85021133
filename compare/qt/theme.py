"""Colours of the highlights, chosen for colour-blind readers (Okabe-Ito hues) and
for both light and dark palettes. Colour is never the only signal: deletions are
struck through, insertions underlined, replacements dash-underlined; findings are wavy-underlined
and each severity has a glyph of its own (▲ major, ◆ minor, ● info)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Colors:
    dark: bool
    deleted: QColor
    inserted: QColor
    replaced: QColor
    deleted_line: QColor
    inserted_line: QColor
    replaced_line: QColor
    chosen_bar: QColor
    chosen_bg: QColor
    custom: QColor
    row_line: QColor
    paragraph_line: QColor
    dim_text: QColor
    text: QColor
    selection: QColor
    reviewed: QColor
    major: QColor = field(
        default_factory=lambda: QColor("#d55e00")
    )  # findings, by severity (also told by glyph: ▲ ◆ ●)
    minor: QColor = field(default_factory=lambda: QColor("#9a6b00"))
    info: QColor = field(default_factory=lambda: QColor("#6b6b6b"))
    focus: QColor = field(
        default_factory=lambda: QColor("#ffe27a")
    )  # the span of the finding clicked in the findings panel

    def severity(self, severity: str) -> QColor:
        return {"major": self.major, "minor": self.minor}.get(severity, self.info)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colors_for(palette: QPalette) -> Colors:
    text = palette.color(QPalette.ColorRole.Text)
    dim = QColor(text)
    dim.setAlphaF(0.55)
    highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
    if is_dark(palette):
        highlight.setAlpha(70)
        return Colors(
            dark=True,
            deleted=QColor("#6b3d07"),
            inserted=QColor("#103f63"),
            replaced=QColor("#553057"),
            deleted_line=QColor("#f0a050"),
            inserted_line=QColor("#6cc0f5"),
            replaced_line=QColor("#e29ad0"),
            chosen_bar=QColor("#3cc29a"),
            chosen_bg=QColor(60, 194, 154, 28),
            custom=QColor("#f0e442"),
            row_line=QColor(255, 255, 255, 28),
            paragraph_line=QColor(255, 255, 255, 110),
            dim_text=dim,
            text=text,
            selection=highlight,
            reviewed=QColor("#3cc29a"),
            major=QColor("#ff8a4c"),
            minor=QColor("#e6b400"),
            info=QColor("#a8a8a8"),
            focus=QColor("#7a5a00"),
        )
    highlight.setAlpha(45)
    return Colors(
        dark=False,
        deleted=QColor("#fdd9b0"),
        inserted=QColor("#cde6fb"),
        replaced=QColor("#f1d6ea"),
        deleted_line=QColor("#b35c00"),
        inserted_line=QColor("#0064a8"),
        replaced_line=QColor("#9c4a86"),
        chosen_bar=QColor("#009e73"),
        chosen_bg=QColor(0, 158, 115, 22),
        custom=QColor("#8a6d00"),
        row_line=QColor(0, 0, 0, 22),
        paragraph_line=QColor(0, 0, 0, 95),
        dim_text=dim,
        text=text,
        selection=highlight,
        reviewed=QColor("#007a5a"),
    )
