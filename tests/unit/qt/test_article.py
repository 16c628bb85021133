"""The article pane of a large review is laid out a slice per turn of the event loop (issue 15):
what it ends with is the cleaned article, whatever was decided while it was being laid out."""

from __future__ import annotations

from compare.core.diff.comparison import compare
from compare.core.io.document import Document
from compare.core.review.review import Choice, Review
from compare.qt import article as article_module
from compare.qt.article import ArticleView


def _review(paragraphs: int) -> Review:
    left = "\n\n".join(f"Paragraph {i} says the council met on Monday." for i in range(paragraphs)) + "\n"
    right = "\n\n".join(
        f"Paragraph {i} says the council met on {'Tuesday' if i % 3 else 'Monday'}."
        for i in range(paragraphs)
    )
    return Review(compare(Document.from_text(left), Document.from_text(right)))


def _marked(view: ArticleView, index: int) -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view._starts[index] + 1)
    brush = cursor.charFormat().background()
    return brush.style() != Qt.BrushStyle.NoBrush and brush.color().alpha() > 0


def test_a_large_article_is_laid_out_in_slices_and_ends_as_the_cleaned_article(qtbot) -> None:
    review = _review(3 * article_module.SLICE + 10)
    n = len(review.passages)
    assert n > 3 * article_module.SLICE
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_review(review)
    assert view.filling and len(view._starts) == article_module.SLICE  # one slice in this turn
    # decided while it is laid out: passages laid out already (the last of them too), one to come
    edge = article_module.SLICE - 1
    early, late = 4, n - 5
    for i in (early, edge, late):
        review.take_side(i, "left")
    view.update_passages([early, edge, late])
    qtbot.waitUntil(lambda: not view.filling, timeout=10000)
    assert len(view._starts) == n
    assert view.toPlainText() == review.reconciled_text()
    assert _marked(view, early) and _marked(view, edge) and _marked(view, late)
    # the slice after a marked passage does not take its mark
    assert not _marked(view, edge + 1) and not _marked(view, late - 3)
    # each passage starts where the pane says it does
    text = view.toPlainText()
    assert text[view._starts[late] :].startswith(review.passage_text(late).strip()[:20])
    assert view.passage_at_position(view._starts[late] + 2) == late


def test_a_review_set_while_another_is_laid_out_replaces_it_whole(qtbot) -> None:
    big, small = _review(2 * article_module.SLICE + 1), _review(5)
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_review(big)
    assert view.filling
    view.set_review(small)
    qtbot.wait(50)  # the big review's next slice would have come by now
    assert not view.filling and view.toPlainText() == small.reconciled_text()
    view.set_review(big)
    view.set_review(None)
    qtbot.wait(50)
    assert view.toPlainText() == "" and not view.filling


def test_a_small_article_is_laid_out_at_once(qtbot) -> None:
    review = _review(20)
    review.take_side(3, "left")
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_review(review)
    assert not view.filling and view.toPlainText() == review.reconciled_text()
    assert review.decision(3).choice == Choice.TAKE_OTHER and _marked(view, 3)
