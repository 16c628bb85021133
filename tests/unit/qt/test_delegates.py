"""The comparison table's cells are drawn from laid-out texts kept for repainting: what is drawn
from them is what a fresh layout draws, and a cell whose highlights change is drawn anew."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPalette


def _drawn(window) -> QImage:  # type: ignore[no-untyped-def]
    return window.views.table.viewport().grab().toImage()


def _fresh(window) -> QImage:  # type: ignore[no-untyped-def]
    """The table drawn with nothing kept: every cell laid out anew."""
    from compare.qt.delegates import _Layouts

    window.views.delegate.layouts = _Layouts()
    return _drawn(window)


def test_a_repaint_from_kept_layouts_draws_what_fresh_layouts_draw(open_window) -> None:
    window = open_window(["--sample"])
    delegate = window.views.delegate
    first = _fresh(window)
    kept = len(delegate.layouts)
    assert kept > 0
    again = _drawn(window)  # from the kept layouts
    assert len(delegate.layouts) == kept  # nothing laid out anew
    assert again == first


def test_a_cell_whose_highlights_change_is_drawn_anew(open_window) -> None:
    window = open_window(["--sample"])
    model = window.views.model
    plain = _fresh(window)
    word = window.review.comparison.left.text.split()[3].casefold()
    model.set_search(word, "both")  # the find bar marks the word in the cells that have it
    marked = _drawn(window)
    assert marked != plain and marked == _fresh(window)
    model.set_search("", "both")
    assert _drawn(window) == plain


def test_another_palette_draws_with_its_colours(open_window) -> None:
    window = open_window(["--sample"])
    light = _fresh(window)
    dark = QPalette(window.views.table.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    window.views.table.setPalette(dark)
    darkened = _drawn(window)
    assert darkened != light and darkened == _fresh(window)
