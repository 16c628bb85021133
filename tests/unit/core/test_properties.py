"""Invariants under random texts and random edits (Hypothesis).

- The passages tile both texts completely and in order.
- With no decisions the reconciled text is the base; with every passage taken from
  the other side it is the other text; the exported base is the base file's bytes.
- A saved session loads back with the same alignment, decisions and text.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.core.diff.comparison import compare
from compare.core.export.article import encode_txt
from compare.core.io.document import Document, newline_style
from compare.core.review.review import CUSTOM, TAKE_BOTH, TAKE_OTHER, Decision, Review
from compare.core.review.session import session_from_json, session_to_json

VOCAB = [
    "NATO",
    "Russia",
    "Moscow",
    "West",
    "talks",
    "the",
    "a",
    "said",
    "on",
    "Wednesday",
    "Mr.",
    "U.S.",
    "100,000",
    "troops",
    "Stoltenberg",
    "Ukraine’s",
    "café",
    "naïve",
    "Straße",
    "中国",
    "“quoted”",
    "(note)",
    "—",
    "über",
    "Grushko",
    "V.",
]

word = st.sampled_from(VOCAB)
sentence = st.lists(word, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + st_end())


def st_end() -> str:
    return "."


paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article = st.lists(paragraph, min_size=0, max_size=6)


@st.composite
def edited_pair(draw):  # type: ignore[no-untyped-def]
    paras = draw(article)
    edited = [p.split(". ") for p in paras]
    for _ in range(draw(st.integers(0, 6))):
        if not edited:
            break
        pi = draw(st.integers(0, len(edited) - 1))
        sents = edited[pi]
        si = draw(st.integers(0, len(sents) - 1))
        op = draw(st.sampled_from(["replace", "delete", "insert", "split", "merge", "para"]))
        words = sents[si].split(" ")
        if op == "replace" and words:
            words[draw(st.integers(0, len(words) - 1))] = draw(word)
            sents[si] = " ".join(words)
        elif op == "delete" and len(sents) > 1:
            del sents[si]
        elif op == "insert":
            sents.insert(si, draw(sentence).rstrip("."))
        elif op == "split" and len(words) > 2:
            k = draw(st.integers(1, len(words) - 1))
            sents[si] = " ".join(words[:k]) + ". " + " ".join(words[k:])
        elif op == "merge" and si + 1 < len(sents):
            sents[si : si + 2] = [sents[si].rstrip(".") + " " + sents[si + 1]]
        elif op == "para":
            edited.insert(pi, [draw(sentence).rstrip(".")])
    left = "\n\n".join(paras) + draw(st.sampled_from(["", "\n", "\n\n"]))
    right = "\n\n".join(". ".join(s) for s in edited) + draw(st.sampled_from(["", "\n"]))
    left_nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    right_nl = draw(st.sampled_from(["\n", "\r\n"]))
    return left.replace("\n", left_nl), right.replace("\n", right_nl)


def tiles(review: Review) -> None:
    c = review.comparison
    assert "".join(c.left.text[s:e] for s, e in (p.left for p in c.passages)) == c.left.text
    assert "".join(c.right.text[s:e] for s, e in (p.right for p in c.passages)) == c.right.text
    for p in c.passages:
        for ch in p.changes:
            assert p.left[0] <= ch.left[0] <= ch.left[1] <= p.left[1]
            assert p.right[0] <= ch.right[0] <= ch.right[1] <= p.right[1]
        assert 0.0 <= p.divergence <= 1.0
        assert (p.divergence == 0.0) == (p.kind == "equal")


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(edited_pair(), st.sampled_from(["left", "right"]), st.booleans())
def test_partition_and_reconciliation(pair, base, bom) -> None:  # type: ignore[no-untyped-def]
    left_text, right_text = pair
    left = Document(left_text, "l.txt", "utf-8", bom, newline_style(left_text))
    right = Document(right_text, "r.txt", "utf-16-le", True, newline_style(right_text))
    review = Review(compare(left, right, left_language="en", right_language="en"), base)
    tiles(review)
    base_doc = left if base == "left" else right
    other_doc = right if base == "left" else left
    assert review.reconciled_text() == base_doc.text
    assert encode_txt(review) == base_doc.encode(base_doc.text)
    review.apply_all(range(len(review.passages)), Decision(TAKE_OTHER))
    assert review.reconciled_text() == other_doc.text


@SETTINGS
@given(edited_pair(), st.data())
def test_session_round_trip_keeps_everything(pair, data) -> None:  # type: ignore[no-untyped-def]
    left, right = (Document.from_text(t) for t in pair)
    review = Review(compare(left, right, left_language="en", right_language="en"))
    n = len(review.passages)
    if n:
        for i in data.draw(st.lists(st.integers(0, n - 1), max_size=5)):
            choice = data.draw(st.sampled_from([TAKE_OTHER, TAKE_BOTH, CUSTOM]))
            text = data.draw(st.text(max_size=20)) if choice == CUSTOM else ""
            review.set_decision(
                i, Decision(choice, text, data.draw(st.text(max_size=10)), data.draw(st.booleans()))
            )
    blob = json.dumps(session_to_json(review, {"row": 3}))
    restored = session_from_json(json.loads(blob))
    assert restored.review.comparison.beads == review.comparison.beads
    assert restored.review.decisions() == review.decisions()
    assert restored.review.reconciled_text() == review.reconciled_text()
    assert restored.review.passages == review.passages  # stored word changes come back intact
    assert restored.view == {"row": 3}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_the_partition(a: str, b: str) -> None:
    review = Review(compare(Document.from_text(a), Document.from_text(b)))
    tiles(review)
    assert review.reconciled_text() == b
