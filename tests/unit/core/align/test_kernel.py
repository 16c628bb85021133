"""The compiled alignment kernel finds the pure-Python aligner's path, bead for bead.

``same_language`` searches with ``_kernel.search`` (Cython) where it was built and with its own
``band_search`` and ``_lexical_cost`` otherwise (no compiler where the program was installed);
an alignment, and so every report, must not depend on which. Compared on the real news of
../shared/data (references against machine translations, and the two human references of an
article), on generated texts full of splits, merges, repeats and paragraph breaks, and through
the banded search that a large block takes.
"""

from __future__ import annotations

import math
import random
import shutil

import pytest

from compare.core.align import same_language
from compare.core.align.same_language import align_same_language
from compare.core.diff.comparison import make_side
from compare.core.io.document import Document
from tests.unit.core import wmt


def _pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(same_language, "_kernel", None)


def _both(
    monkeypatch: pytest.MonkeyPatch,
    left: list[str],
    right: list[str],
    lp: list[int] | None,
    rp: list[int] | None,
) -> tuple[object, object]:
    compiled = align_same_language(left, right, lp, rp)
    with monkeypatch.context() as m:
        m.setattr(same_language, "_kernel", None)
        python = align_same_language(left, right, lp, rp)
    return compiled, python


def _sentences(text: str) -> tuple[list[str], list[int]]:
    side = make_side(Document(text=text))
    seg = side.segmentation
    return [side.sentence_text(i) for i in range(len(seg.sentences))], list(seg.sentence_paragraph)


def test_the_kernel_is_built_wherever_there_is_a_compiler() -> None:
    # setup.sh builds it with the package; a silent build failure would leave every user on the
    # five times slower Python search.
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler on this machine: the Python search is the only one")
    assert same_language._kernel is not None, "compare/core/align/_kernel.pyx was not compiled"


needs_kernel = pytest.mark.skipif(same_language._kernel is None, reason="the kernel is not built here")


@needs_kernel
def test_real_news_aligns_the_same_with_and_without_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    compared = 0
    for article in wmt.articles():
        refs = article.references
        others = [*article.systems[:2], *refs[1:2]]
        left, lp = _sentences(refs[0].read_text(encoding="utf-8"))
        for other in others:
            right, rp = _sentences(other.read_text(encoding="utf-8"))
            compiled, python = _both(monkeypatch, left, right, lp, rp)
            assert compiled == python, f"{article.folder.name}: {refs[0].name} against {other.name}"
            compared += 1
    assert compared > 100


def _mutated(rng: random.Random, sentences: list[str]) -> list[str]:
    """What translation and machine translation do to a list of sentences: words changed,
    sentences split at a stray period, joined, dropped, added, repeated."""
    out: list[str] = []
    vocabulary = [w for s in sentences for w in s.split()]
    for s in sentences:
        words = s.split()
        roll = rng.random()
        if roll < 0.08:
            continue  # dropped
        if roll < 0.16 and len(words) > 3:
            cut = rng.randrange(1, len(words) - 1)
            out += [" ".join(words[:cut]) + ".", " ".join(words[cut:])]
            continue
        if roll < 0.24 and out:
            out[-1] = out[-1] + " " + s
            continue
        if roll < 0.36 and out and len(out[-1].split()) > 2:
            # a sentence end moved: the last words of one sentence begin the next (2-2 beads)
            previous = out[-1].split()
            cut = rng.randrange(1, len(previous) - 1)
            out[-1] = " ".join(previous[:cut]) + "."
            out.append(" ".join(previous[cut:] + words))
            continue
        if roll < 0.42:
            out.append(" ".join(rng.choices(vocabulary, k=rng.randrange(1, 9))))  # added
        words = [rng.choice(vocabulary) if rng.random() < 0.3 else w for w in words]
        out.append(" ".join(words))
    return out


def _text(rng: random.Random, n: int) -> list[str]:
    vocabulary = ["the", "the", "a", "of", "and", "Moscow", "NATO", "West", "talks", "said", "war"]
    vocabulary += [f"w{k}" for k in range(60)]
    return [" ".join(rng.choices(vocabulary, k=rng.randrange(0, 14))) for _ in range(n)]


@needs_kernel
@pytest.mark.parametrize("seed", range(40))
def test_generated_texts_align_the_same_with_and_without_the_kernel(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    left = _text(rng, rng.randrange(1, 60))
    right = _mutated(rng, left)
    lp = sorted(rng.randrange(0, 8) for _ in left) if seed % 3 else None
    rp = sorted(rng.randrange(0, 8) for _ in right) if seed % 3 != 1 else None
    compiled, python = _both(monkeypatch, left, right, lp, rp)
    assert compiled == python


@needs_kernel
@pytest.mark.parametrize("seed", range(12))
def test_every_bead_is_priced_the_same_with_and_without_the_kernel(seed: int) -> None:
    # Paths agree when prices agree; compared price by price, a difference that happens not to
    # change a path here still shows: every shape at every cell, with no limit and with limits
    # that stop the pricing early.
    rng = random.Random(seed)
    left = _text(rng, 25)
    right = _mutated(rng, left)
    lp = sorted(rng.randrange(0, 5) for _ in left)
    rp = sorted(rng.randrange(0, 5) for _ in right) if seed % 2 else None
    seen: dict[str, str] = {}
    units = [
        same_language._Units(
            [same_language._shared(same_language.word_counts(s), seen) for s in side], paragraphs=p
        )
        for side, p in ((left, lp), (right, rp))
    ]
    weight = same_language._weights(units[0].sets, units[1].sets)
    compiled = same_language._Compiled.of(units[0], units[1], weight)
    i0, j0 = 2, 1  # a block inside the texts, as between two anchors
    n, m = len(left) - 3, len(right) - 2
    python = same_language._lexical_cost(units[0].sub(i0, i0 + n), units[1].sub(j0, j0 + m), weight)
    kernel = same_language._kernel
    assert kernel is not None
    priced = 0
    for a, b in same_language.SHAPES:
        for i in range(n - a + 1):
            for j in range(m - b + 1):
                for limit in (math.inf, 1.0, 5.0 * weight.unit):
                    expected = python(i, j, a, b, limit)
                    got = kernel.price(
                        compiled.left,
                        compiled.right,
                        i0,
                        j0,
                        compiled.weight,
                        compiled.params,
                        i,
                        j,
                        a,
                        b,
                        limit,
                    )
                    assert got == expected, (i, j, a, b, limit)
                    priced += 1
    assert priced > 3000


@needs_kernel
def test_a_large_block_takes_the_same_band_with_and_without_the_kernel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Above FULL_DP_CELLS a block is searched in a band around anchors, and a band that holds
    # no path falls back to the whole block: both searches must take both routes alike.
    monkeypatch.setattr(same_language, "FULL_DP_CELLS", 50)
    rng = random.Random(7)
    left = _text(rng, 300)
    right = _mutated(rng, left)
    compiled, python = _both(monkeypatch, left, right, None, None)
    assert compiled == python
    assert len(compiled) > 200  # type: ignore[arg-type]


@needs_kernel
def test_the_kernel_refuses_arrays_that_do_not_describe_a_text() -> None:
    from array import array

    kernel = same_language._kernel
    assert kernel is not None
    with pytest.raises(ValueError, match="sentence starts"):
        kernel.Side(
            array("i", [0, 1]),
            array("i", [1, 1]),
            array("l", [0, 1]),
            array("d", [1.0]),
            array("l", [3]),
            None,
        )
    side = kernel.Side(
        array("i", [0, 5]), array("i", [1, 1]), array("l", [0, 2]), array("d", [2.0]), array("l", [3]), None
    )
    with pytest.raises(ValueError, match="no weight"):
        kernel.search(
            side,
            side,
            0,
            1,
            0,
            1,
            [0, 0],
            [1, 1],
            [(1, 1, 0.0)],
            array("d", [1.0]),
            (1.0, 3.0, 2.0, 2.0, 1.5, 0.85, 0.1),
        )
