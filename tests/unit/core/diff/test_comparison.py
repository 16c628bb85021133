import statistics

import pytest

from compare.core.diff.comparison import (
    CHANGED,
    EQUAL,
    LEFT_ONLY,
    RIGHT_ONLY,
    compare,
    diff_pending,
    divergence_of,
    with_diffed,
    with_words,
)
from compare.core.io.document import Document
from compare.core.io.loading import load_document
from tests.unit.core import wmt


def tiles(c) -> None:  # type: ignore[no-untyped-def]
    assert "".join(c.left.text[s:e] for s, e in (p.left for p in c.passages)) == c.left.text
    assert "".join(c.right.text[s:e] for s, e in (p.right for p in c.passages)) == c.right.text


MT = (
    "BRUSSELS – The NATO chief said talks aimed at easing tensions between Moscow and Russia. West.\n\n"
    "Next paragraph is the same. Another one here.\n\n"
    "The meeting had a very serious exchange. and direct on the situation in Ukraine.\n"
)
EDITED = (
    "BRUSSELS – The NATO chief said talks aimed at easing tensions between Moscow and the West.\n\n"
    "Next paragraph is the same. Another one here.\n\n"
    "The meeting had a very serious and direct exchange on the situation in Ukraine.\n\n"
    "A sentence only on the right.\n"
)


def test_passages_kinds_spans_and_changes() -> None:
    left, right = Document.from_text(MT), Document.from_text(EDITED)
    c = compare(left, right)
    tiles(c)
    assert [(p.kind, p.shape) for p in c.passages] == [
        (CHANGED, "2-1"),
        (EQUAL, "1-1"),
        (EQUAL, "1-1"),
        (CHANGED, "2-1"),
        (RIGHT_ONLY, "0-1"),
    ]
    first = c.passages[0]
    assert [(MT[slice(*ch.left)], EDITED[slice(*ch.right)]) for ch in first.changes] == [
        ("Russia.", ""),
        ("", "the"),
    ]
    assert c.passages[1].divergence == 0.0
    assert all(p.divergence > 0 for p in c.divergent)
    # The whitespace after a sentence belongs to its passage.
    assert MT[slice(*first.left)].endswith("West.\n\n")


def test_divergence_grows_with_the_amount_of_change() -> None:
    assert divergence_of(0) == 0.0
    assert 0 < divergence_of(1) < divergence_of(3) < divergence_of(20) < 1.0


def test_identical_documents() -> None:
    d = Document.from_text("One. Two.\n\nThree.\n")
    c = compare(d, d)
    tiles(c)
    assert c.identical and not c.divergent


def test_whitespace_only_and_empty_sides() -> None:
    for a, b in [("", ""), ("  \n", ""), ("", "Only right.\n"), ("Only left.", "\n\n")]:
        c = compare(Document.from_text(a), Document.from_text(b))
        tiles(c)
    c = compare(Document.from_text("Only left."), Document.from_text(""))
    assert [p.kind for p in c.passages] == [LEFT_ONLY]


def test_crlf_and_bom_documents_tile(write) -> None:
    a = write("a.txt", b"\xef\xbb\xbfOne line.\r\n\r\nTwo line.\r\n")
    b = write("b.txt", "One line.\n\nTwo lines.\n".encode("utf-16"))
    c = compare(load_document(a), load_document(b))
    tiles(c)
    assert [p.kind for p in c.passages] == [EQUAL, CHANGED]


def test_cross_language_falls_back_to_length_alignment() -> None:
    de = Document.from_text(
        "Die Verhandlungen in Brüssel dauerten vier Stunden und endeten ohne Einigung.\n\n"
        "Der Generalsekretär der NATO sagte, die Differenzen seien erheblich und schwer zu überwinden.\n"
    )
    en = Document.from_text(
        "The negotiations in Brussels lasted four hours and ended without agreement.\n\n"
        "The NATO Secretary General said the differences were significant and hard to overcome.\n"
    )
    c = compare(de, en)
    assert c.cross_language
    tiles(c)
    assert [p.shape for p in c.passages] == ["1-1", "1-1"]
    assert all(p.changes == () for p in c.passages)


def test_real_reference_against_machine_translation(wmt21) -> None:
    """Segment i of a system translates segment i of the reference: nearly all 1-1."""
    folder = wmt21 / "en-de" / "guardian.306616"
    ref = load_document(folder / "reference.de.txt")
    shapes_total = 0
    one_to_one = 0
    for system in sorted(folder.glob("*.de.txt")):
        if system.name.startswith("reference"):
            continue
        c = compare(ref, load_document(system))
        tiles(c)
        assert c.left.language.code == "de"
        shapes_total += len(c.passages)
        one_to_one += sum(1 for p in c.passages if p.shape == "1-1")
        assert not any(p.kind == EQUAL for p in c.passages if p.shape != "1-1")
    assert one_to_one / shapes_total > 0.85


def test_sample_pair_alignment() -> None:
    from compare.resources import sample_pair

    mt, edited = sample_pair()
    c = compare(load_document(mt), load_document(edited))
    tiles(c)
    by_text = {c.left.text[slice(*p.left)].strip()[-40:]: p for p in c.passages}
    west = next(p for k, p in by_text.items() if k.endswith("Moscow and Russia. West."))
    assert west.shape == "2-1"
    caption = next(
        p for p in c.passages if "Pool photo" in c.left.text[slice(*p.left)] and p.kind == LEFT_ONLY
    )
    assert caption.left_segments
    name = c.passages[-1]
    assert name.kind == LEFT_ONLY and c.left.text[slice(*name.left)].strip() == "Christi C. Elwood"


def _real_pairs() -> list[tuple[Document, Document]]:
    return [(load_document(str(a.references[0])), load_document(str(a.systems[0]))) for a in wmt.articles()]


def test_a_comparison_aligned_first_and_diffed_after_is_the_one_made_at_once() -> None:
    """The window shows a large pair as soon as it is aligned (``words=False``) and adds the word
    changes after (``with_words``): what it ends with is what one call gives."""
    left, right = Document.from_text(MT), Document.from_text(EDITED)
    whole = compare(left, right)
    aligned = compare(left, right, words=False)
    assert aligned.words_pending and not whole.words_pending
    assert [(p.kind, p.left, p.right) for p in aligned.passages] == [
        (p.kind, p.left, p.right) for p in whole.passages
    ]
    assert not any(p.changes for p in aligned.passages)
    assert all(p.divergence > 0 for p in aligned.passages if p.kind == CHANGED)
    worded = with_words(aligned)
    assert not worded.words_pending and worded.passages == whole.passages
    # in two parts (the passages in view first), the same
    first = diff_pending(aligned, [aligned.pending_words[-1], 10**6])
    assert [p.index for p in first] == [aligned.pending_words[-1]]
    part = with_diffed(aligned, first)
    assert part.words_pending and aligned.pending_words[-1] not in part.pending_words
    assert with_diffed(part, diff_pending(part)).passages == whole.passages
    with pytest.raises(ValueError):  # diffed already: not this comparison's to take again
        with_diffed(part, first)
    with pytest.raises(ValueError):  # another comparison's passages
        other = compare(Document.from_text(EDITED), Document.from_text(MT), words=False)
        with_diffed(aligned, diff_pending(other))
    assert with_words(whole) is whole  # nothing to add
    # an identical pair has no word diffs to wait for
    assert not compare(left, Document.from_text(MT), words=False).words_pending


@pytest.mark.data
def test_aligned_first_and_diffed_after_on_real_articles() -> None:
    """The same passages and word changes as in one call, and an estimate of each changed
    passage's divergence before its diff that orders the passages nearly as the diff does."""
    pairs = _real_pairs()
    assert len(pairs) > 25
    estimates, diffed = [], []
    for left, right in pairs:
        whole = compare(left, right)
        aligned = compare(left, right, words=False)
        assert with_words(aligned).passages == whole.passages
        for a, w in zip(aligned.passages, whole.passages, strict=True):
            if w.kind == CHANGED:
                estimates.append(a.divergence)
                diffed.append(w.divergence)
    # rank agreement (Spearman) of the estimate with the divergence it stands in for
    ranks = [sorted(range(len(x)), key=x.__getitem__) for x in (estimates, diffed)]
    pos = [[0] * len(estimates) for _ in ranks]
    for r, p in zip(ranks, pos, strict=True):
        for k, i in enumerate(r):
            p[i] = k
    assert statistics.correlation(pos[0], pos[1]) > 0.85
