"""Comparing across languages: what failed to carry over, manual alignment fixes, bitext export."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt

from compare.core.diff.comparison import CHANGED
from compare.core.review.realign import merge_beads
from compare.core.review.session import load_session
from compare.qt.editors import EditPassageDialog
from compare.qt.models import CHANGES_ROLE, FINDINGS_ROLE, LEFT, RIGHT
from tests.conftest import accept_next_dialog

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def by_hand_alignment(window):  # type: ignore[no-untyped-def]
    """The right alignment of the pair: 1-1 everywhere, the mayor's sentence alone (the aligner
    is free to find it or not; these tests are about the window)."""
    c = window.review.comparison
    left = [c.left.sentence_text(i) for i in range(len(c.left.segmentation.sentences))]
    right = [c.right.sentence_text(j) for j in range(len(c.right.segmentation.sentences))]
    missing = next(i for i, s in enumerate(left) if "maire de Lyon" in s)
    assert len(left) == len(right) + 1
    beads = [((i,), (i,)) for i in range(missing)] + [((missing,), ())]
    beads += [((i,), (i - 1,)) for i in range(missing + 1, len(left))]
    return beads, missing


def test_cross_language_pair_shows_what_did_not_carry_over(open_window, cross_pair, qtbot) -> None:
    window = open_window(cross_pair)
    review = window.review
    c = review.comparison
    assert c.cross_language
    assert (c.left.language.code, c.right.language.code) == ("fr", "en")
    # headers: both languages, which is the source and which the translation being cleaned
    left_header = window.views.model.headerData(LEFT, Qt.Orientation.Horizontal)
    right_header = window.views.model.headerData(RIGHT, Qt.Orientation.Horizontal)
    assert "fr (French) source" in left_header and "en (English) translation" in right_header
    # no word diff: no changed passage has word highlights
    for p in c.passages:
        if p.kind == CHANGED:
            for col in (LEFT, RIGHT):
                assert window.views.model.data(window.views.model.index(p.index, col), CHANGES_ROLE) == []
    # the number that changed: in the panel, and highlighted in its cell
    numbers = [f for f in review.findings if f.rule == "number-mismatch"]
    assert numbers
    panel = window.views.findings_panel
    assert any(panel.model.finding(r).rule == "number-mismatch" for r in range(panel.model.rowCount()))
    f = numbers[0]
    col = LEFT if f.side == "left" else RIGHT
    text, _ = window.views.model.cell(f.passage, col)
    spans = window.views.model.data(window.views.model.index(f.passage, col), FINDINGS_ROLE)
    assert any(text[a:b] in ("450", "540") and sev == "major" for a, b, sev, _focus in spans)

    # the missing sentence: a passage on one side only once aligned right
    beads, missing = by_hand_alignment(window)
    if c.beads != beads:
        assert window.alignment.realign(beads, "Align by hand")
    c = review.comparison
    one_sided = [f for f in review.findings if f.rule == "passage-one-side"]
    assert len(one_sided) == 1 and one_sided[0].side == "left"
    row = one_sided[0].passage
    assert c.passages[row].left_segments == (missing,) and not c.passages[row].right_segments
    assert any(panel.model.finding(r).rule == "passage-one-side" for r in range(panel.model.rowCount()))
    spans = window.views.model.data(window.views.model.index(row, LEFT), FINDINGS_ROLE)
    text, _ = window.views.model.cell(row, LEFT)
    assert any(b - a == len(text) for a, b, _sev, _focus in spans)
    # numbers still checked after the realignment
    assert any(f.rule == "number-mismatch" for f in review.findings)
    window.views.table.viewport().grab()


def test_edit_dialog_shows_the_source_beside_the_translation(open_window, cross_pair, monkeypatch) -> None:
    window = open_window(cross_pair)
    row = next(p.index for p in window.review.passages if "540" in window.review.side_text(p.index, "right"))
    seen = {}

    def fake(parent, number, left, right, current, source=None):  # type: ignore[no-untyped-def]
        seen.update(current=current, source=source)
        return current.replace("540", "450")

    monkeypatch.setattr(EditPassageDialog, "get_text", staticmethod(fake))
    window.navigator.go_to(row)
    window.decisions.edit_passage()
    label, text = seen["source"]
    assert "fr (French)" in label and "450 millions" in text
    assert seen["current"] == window.review.side_text(row, "right")
    assert "450 million euros" in window.review.reconciled_text()
    # the real dialog: the source read-only above the editor
    dialog = EditPassageDialog(window, row + 1, "l", "r", "current", source=(label, text))
    assert len(dialog.references) == 1 and dialog.references[0].isReadOnly()
    assert dialog.references[0].toPlainText() == text.strip() and dialog.editor.toPlainText() == "current"
    dialog.deleteLater()


def test_merge_split_undo_and_save_keep_the_alignment(open_window, cross_pair, tmp_path, qtbot) -> None:
    window = open_window(cross_pair)
    review = window.review
    beads0 = review.comparison.beads
    n = len(review.passages)
    last = n - 1
    # decisions before, on and after the merged passages
    window.navigator.go_to(0)
    window.decisions.take_left()
    window.navigator.go_to(last)
    window.decisions.set_custom_text(last, "The text will then go to Parliament.\n")
    window.navigator.go_to(1)
    window.decisions.take_left()
    window.navigator.go_to(2)
    window.decisions.take_left()
    decisions0 = review.decisions()
    text0 = review.reconciled_text()
    steps = window.undo_stack.count()

    window.navigator.go_to(1)
    assert window.alignment.merge_with_next()
    assert review.comparison.beads == merge_beads(beads0, 1)
    assert len(review.passages) == n - 1 and window.views.model.rowCount() == n - 1
    assert review.reconciled_text() == text0  # both taken from the left: still taken from the left
    assert review.decision(1).choice == "take-other"
    assert review.decision(last - 1).text == "The text will then go to Parliament.\n"  # renumbered
    assert window.navigator.current_passage() == 1
    assert window.undo_stack.count() == steps + 1

    window.undo_stack.undo()
    assert review.comparison.beads == beads0 and review.decisions() == decisions0
    assert window.views.model.rowCount() == n
    window.undo_stack.redo()
    assert review.comparison.beads == merge_beads(beads0, 1)

    # split it again where it was joined, with the dialog
    window.navigator.go_to(1)
    where = (len(beads0[1][0]), len(beads0[1][1]))

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.choice() != (0, 0)
        dialog.lists[0].setCurrentRow(where[0])
        dialog.lists[1].setCurrentRow(where[1])

    seen = accept_next_dialog(qtbot, choose)
    assert window.alignment.split_passage()
    assert seen and review.comparison.beads == beads0
    assert review.decision(1).choice == review.decision(2).choice == "take-other"
    assert review.reconciled_text() == text0
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert review.comparison.beads == beads0 and review.decisions() == decisions0

    # a saved review keeps a manual fix
    window.navigator.go_to(2)
    assert window.alignment.merge_with_next()
    merged = review.comparison.beads
    path = tmp_path / "fixed.ncreview"
    assert window.files.save_review_to(str(path))
    assert [tuple(map(tuple, b)) for b in load_session(path).review.comparison.beads] == merged
    decisions = review.decisions()
    window.close()
    again = open_window([path])
    assert again.review.comparison.beads == merged
    assert again.review.decisions() == decisions
    assert again.review.findings  # analysed on reopening too


def test_merge_at_the_end_and_split_of_one_sentence_are_refused(open_window, cross_pair, messages) -> None:
    window = open_window(cross_pair)
    window.navigator.go_to(len(window.review.passages) - 1)
    assert not window.alignment.merge_with_next()
    assert messages.shown[-1][0] == "warning"
    window.navigator.go_to(0)
    before = window.review.comparison.beads
    assert window.review.comparison.beads[0] == ((0,), (0,))
    assert window.alignment.split_passage(where=(1, 0))  # a 1-1 passage splits into one passage per side
    assert len(window.review.passages) == len(before) + 1
    window.undo_stack.undo()
    assert window.review.comparison.beads == before


def test_tmx_and_tsv_export_from_the_window(open_window, cross_pair, tmp_path, qtbot, messages) -> None:
    window = open_window(cross_pair)
    out = tmp_path / "pairs.tmx"
    messages.answer("save", str(out))

    def codes(dialog) -> None:  # type: ignore[no-untyped-def]
        assert (dialog.left_edit.text(), dialog.right_edit.text()) == ("fr", "en")  # detected
        dialog.right_edit.setText("en-GB")

    seen = accept_next_dialog(qtbot, codes)
    window.commands.bitext.trigger()
    assert seen and out.exists()
    root = ET.parse(out).getroot()
    assert root.tag == "tmx"
    tus = root.findall("./body/tu")
    assert tus
    for tu in tus:
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["fr", "en-GB"]
    assert root.find("header").get("srclang") == "fr"
    segs = [tuv.findtext("seg") for tu in tus for tuv in tu.findall("tuv")]
    assert any("450 millions" in s for s in segs) and any("540 million" in s for s in segs)

    tsv = tmp_path / "pairs.tsv"
    assert window.alignment.export_bitext(str(tsv), languages=("fr-FR", "en"))
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "fr-FR\ten" and all(line.count("\t") == 1 for line in lines)

    # cancelling the language dialog writes nothing
    other = tmp_path / "cancelled.tmx"
    accept_next_dialog(qtbot, accept=False)
    assert not window.alignment.export_bitext(str(other))
    assert not other.exists()


def test_a_large_realignment_runs_in_the_background(open_window, cross_pair, qtbot, monkeypatch) -> None:
    import compare.qt.alignment_actions as actions

    monkeypatch.setattr(actions, "SYNC_LIMIT", 0)
    window = open_window(cross_pair)
    review = window.review
    beads0 = review.comparison.beads
    window.navigator.go_to(0)
    window.decisions.take_left()
    window.navigator.go_to(0)
    assert window.alignment.merge_with_next()
    qtbot.waitUntil(lambda: review.comparison.beads == merge_beads(beads0, 0), timeout=30000)
    assert review.decision(0).choice == "custom"  # left text of 0, right text of 1: the article is unchanged
    window.undo_stack.undo()
    assert review.comparison.beads == beads0 and review.decision(0).choice == "take-other"


def test_splitting_a_hand_edited_passage_asks_and_undo_restores_it(open_window, cross_pair, messages) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(cross_pair)
    review = window.review
    window.navigator.go_to(1)
    window.alignment.merge_with_next()
    window.decisions.set_custom_text(1, "Edited by hand.\n\n")
    decisions = review.decisions()
    beads = review.comparison.beads
    messages.answer("question", QMessageBox.StandardButton.No)
    assert not window.alignment.split_passage(where=(1, 1))
    assert review.comparison.beads == beads
    messages.answer("question", QMessageBox.StandardButton.Yes)
    assert window.alignment.split_passage(where=(1, 1))
    assert review.decision(1).choice == "keep" and review.decision(2).choice == "keep"
    window.undo_stack.undo()
    assert review.decisions() == decisions and review.comparison.beads == beads


def test_an_untranslated_paragraph_is_marked(open_window, cross_pair, qtbot) -> None:
    from tests.conftest import ENGLISH_TEXT

    french = "Les syndicats ont salué une décision attendue depuis longtemps, tout en réclamant davantage de conducteurs."
    cross_pair[1].write_text(
        ENGLISH_TEXT.replace(
            "The unions welcomed a long-awaited decision, while calling for more drivers.", french
        ),
        encoding="utf-8",
    )
    window = open_window(cross_pair)
    c = window.review.comparison
    assert c.cross_language
    [f] = [f for f in window.review.findings if f.rule == "untranslated-paragraph"]
    assert f.side == "right" and f.severity == "major"
    panel = window.views.findings_panel
    panel.set_rule("untranslated-paragraph")
    assert panel.model.rowCount() == 1
    spans = window.views.model.data(window.views.model.index(f.passage, RIGHT), FINDINGS_ROLE)
    text, _ = window.views.model.cell(f.passage, RIGHT)
    assert any(text[a:b].startswith("Les syndicats") for a, b, _sev, _focus in spans)
