import json

import pytest

from compare.core.diff.comparison import compare
from compare.core.errors import ExportError, SessionError
from compare.core.export.article import export_review, markdown_text
from compare.core.io.document import Document
from compare.core.io.loading import load_document
from compare.core.review.review import CUSTOM, TAKE_BOTH, TAKE_OTHER, Decision, Review
from compare.core.review.session import load_session, save_session

LEFT = "Title\n\nTensions between Moscow and Russia. West.\n\nSame sentence here.\n\nOnly left.\n"
RIGHT = "Title\n\nTensions between Moscow and the West.\n\nSame sentence here.\n\nOnly right – a café’s naïve menu.\n"


@pytest.fixture
def review(write) -> Review:
    left = load_document(write("mt.txt", LEFT))
    right = load_document(write("edited.txt", RIGHT.replace("\n", "\r\n").encode("cp1252")))
    return Review(compare(left, right), base="right")


def test_no_decisions_gives_the_base_exactly(review: Review) -> None:
    assert review.reconciled_text() == review.comparison.right.text


def test_taking_every_passage_from_the_other_side_gives_the_other_text(review: Review) -> None:
    review.apply_all(range(len(review.passages)), Decision(TAKE_OTHER))
    assert review.reconciled_text() == review.comparison.left.text


def test_decisions_change_only_their_passage(review: Review) -> None:
    west = next(p.index for p in review.passages if "West" in review.side_text(p.index, "right"))
    review.take_side(west, "left")
    text = review.reconciled_text()
    assert "Moscow and Russia. West." in text and "Only right – a café’s naïve menu." in text
    assert review.changed_indices() == [west]
    review.take_side(west, "right")
    assert review.reconciled_text() == review.comparison.right.text
    review.set_decision(west, Decision(CUSTOM, text="Tensions between Moscow and the West, again.\r\n\r\n"))
    assert "the West, again." in review.reconciled_text()


def test_take_both_keeps_document_order(review: Review) -> None:
    last = len(review.passages) - 1
    kinds = [p.kind for p in review.passages]
    assert kinds[-2:] == ["changed", "changed"] or kinds[-1] in ("right-only", "changed")
    review.set_decision(last, Decision(TAKE_BOTH))
    text = review.passage_text(last)
    assert text.index("Only left.") < text.index("Only right – a café’s naïve menu.")


def test_notes_and_reviewed_flags_and_progress(review: Review) -> None:
    div = review.divergent_indices()
    assert review.progress() == (0, len(div))
    review.update(div[0], reviewed=True, note="checked against the wire copy")
    assert review.progress() == (1, len(div))
    assert review.decision(div[0]).note == "checked against the wire copy"
    assert review.reconciled_text() == review.comparison.right.text  # notes do not change text


def test_session_round_trip(review: Review, tmp_path) -> None:
    div = review.divergent_indices()
    review.take_side(div[0], "left")
    review.update(div[-1], note="Ask the desk", reviewed=True)
    path = tmp_path / "review.ncsession"
    save_session(path, review, {"current": 2})
    loaded = load_session(path)
    assert loaded.view == {"current": 2}
    r2 = loaded.review
    assert r2.base == "right"
    assert r2.decisions() == review.decisions()
    assert r2.comparison.beads == review.comparison.beads
    assert r2.reconciled_text() == review.reconciled_text()
    d = r2.comparison.right.document
    assert (d.encoding, d.newline, d.path) == ("cp1252", "crlf", review.comparison.right.document.path)


def test_session_keeps_a_manual_alignment(review: Review, tmp_path) -> None:
    beads = review.comparison.beads
    merged = [(beads[0][0] + beads[1][0], beads[0][1] + beads[1][1]), *beads[2:]]
    manual = Review(compare(review.comparison.left.document, review.comparison.right.document, beads=merged))
    save_session(tmp_path / "s.json", manual)
    assert load_session(tmp_path / "s.json").review.comparison.beads == merged


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "not valid JSON"),
        (b'{"format": "something-else"}', "not a News Compare session"),
        (b'{"format": "news-compare-session", "version": 99}', "newer News Compare"),
        (b'{"format": "news-compare-session", "version": 1, "left": {"text": "a"}}', "no right text"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
    ],
)
def test_corrupt_or_foreign_sessions_are_refused(write, content: bytes, message: str) -> None:
    with pytest.raises(SessionError, match=message):
        load_session(write("bad.json", content))


def test_tampered_session_text_is_refused(review: Review, tmp_path) -> None:
    path = tmp_path / "s.json"
    save_session(path, review)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["left"]["text"] += "tampered"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionError, match="damaged"):
        load_session(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["left"]["text"] = data["left"]["text"][: -len("tampered")]
    data["alignment"] = data["alignment"][:-1]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionError, match="alignment"):
        load_session(path)


def test_export_txt_restores_encoding_and_newlines(review: Review, tmp_path) -> None:
    out = tmp_path / "clean.txt"
    export_review(review, out)
    assert out.read_bytes() == RIGHT.replace("\n", "\r\n").encode("cp1252")
    review.take_side(0, "left")  # identical title: no visible change
    west = next(p.index for p in review.passages if "West" in review.side_text(p.index, "right"))
    review.take_side(west, "left")
    export_review(review, out)
    expected = RIGHT.replace(
        "Tensions between Moscow and the West.", "Tensions between Moscow and Russia. West."
    )
    assert out.read_bytes() == expected.replace("\n", "\r\n").encode("cp1252")


def test_export_refuses_to_overwrite_an_input_unless_named(review: Review) -> None:
    from pathlib import Path

    target = Path(review.comparison.right.document.path)
    before = target.read_bytes()
    with pytest.raises(ExportError, match="input file"):
        export_review(review, target)
    assert target.read_bytes() == before
    export_review(review, target, force=True)


def test_export_reports_unencodable_text(review: Review, tmp_path) -> None:
    review.set_decision(1, Decision(CUSTOM, text="中国\r\n\r\n"))
    with pytest.raises(ExportError, match="cannot store"):
        export_review(review, tmp_path / "x.txt")
    assert not (tmp_path / "x.txt").exists()
    export_review(review, tmp_path / "x.md")
    assert "中国" in (tmp_path / "x.md").read_text(encoding="utf-8")


def test_markdown_of_line_paragraphs_gets_blank_lines() -> None:
    doc = Document.from_text("# not a heading in plain text\nSecond paragraph.\n- not a list\n")
    review = Review(compare(doc, doc))
    md = markdown_text(review)
    assert md == "\\# not a heading in plain text\n\nSecond paragraph.\n\n\\- not a list\n"


def test_stored_word_changes_are_reused_and_checked(review: Review, tmp_path) -> None:
    path = tmp_path / "s.json"
    save_session(path, review)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert any(item for item in data["changes"])
    original = [p.changes for p in review.passages]
    # Damaged changes that do not fit their passage are recomputed, not trusted.
    k = next(i for i, item in enumerate(data["changes"]) if item)
    data["changes"][k] = [[10**6, 10**6 + 3, 0, 1]]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert [p.changes for p in load_session(path).review.passages] == original


def test_decisions_follow_their_passages_after_a_file_changes(review: Review, write) -> None:
    from compare.core.review.review import transfer_decisions

    west = next(p.index for p in review.passages if "West" in review.side_text(p.index, "right"))
    review.take_side(west, "left")
    review.update(0, note="headline checked", reviewed=True)
    # The machine translation gains a paragraph at the top: passage numbers shift.
    left_doc = review.comparison.left.document
    changed = write("mt2.txt", "A new first paragraph.\n\n" + left_doc.text)
    new = Review(compare(load_document(changed), review.comparison.right.document), "right")
    carried, dropped = transfer_decisions(review, new)
    assert (carried, dropped) == (2, 0)
    moved = next(p.index for p in new.passages if "West" in new.side_text(p.index, "right"))
    assert moved != west and new.decision(moved).choice == TAKE_OTHER
    assert "Moscow and Russia. West." in new.reconciled_text()


def test_decisions_on_edited_passages_are_dropped(review: Review, write) -> None:
    from compare.core.review.review import transfer_decisions

    west = next(p.index for p in review.passages if "West" in review.side_text(p.index, "right"))
    review.take_side(west, "left")
    changed = write("mt2.txt", review.comparison.left.document.text.replace("Russia. West.", "the East."))
    new = Review(compare(load_document(changed), review.comparison.right.document), "right")
    assert transfer_decisions(review, new) == (0, 1)
    assert new.decisions() == {}


def test_a_dismissed_finding_is_hidden_saved_and_kept_on_a_swap(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from compare.core.analysis.analysis import analyse
    from compare.core.review.review import finding_key, transfer_decisions
    from compare.core.review.session import load_session, save_session

    left = tmp_path / "mt.txt"
    right = tmp_path / "edited.txt"
    left.write_text("The the minister spoke. Talks lasted four hours.\n", encoding="utf-8")
    right.write_text("The minister spoke. Talks lasted five hours.\n", encoding="utf-8")
    review = Review(analyse(compare(load_document(left), load_document(right))))
    doubled = next(f for f in review.findings if f.rule == "doubled-word")
    review.set_dismissed(finding_key(doubled), True)
    assert doubled not in review.findings and doubled in review.analysis.findings
    save_session(tmp_path / "r.ncreview", review)
    again = load_session(tmp_path / "r.ncreview").review
    assert finding_key(doubled) in again.dismissed()
    swapped = Review(analyse(compare(load_document(right), load_document(left))), "left")
    transfer_decisions(review, swapped)
    assert ("right", "doubled-word", doubled.start, doubled.end) in swapped.dismissed()
    assert all(f.rule != "doubled-word" for f in swapped.findings)
