"""The compiled detection trials (``_detect.pyx``) give langdetect's probabilities, bit for bit.

``language`` runs langdetect's random walk with ``_detect.trials`` where it was built and with
langdetect's own ``_detect_block`` otherwise (no compiler where the program was installed); a
paragraph's language, and so every finding that depends on it, must not depend on which.
Compared on every paragraph of the real news of ../shared/data (sources, references and machine
translations in all their languages), and on mixed, short and repetitive texts.
"""

from __future__ import annotations

import pytest

from compare.core.text import language
from tests.unit.core import wmt

if language._detect is None:  # pragma: no cover - a machine without a compiler
    pytest.skip("the detection trials were not compiled here", allow_module_level=True)


def _probabilities(text: str, compiled: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, float]]:
    with monkeypatch.context() as m:
        if not compiled:
            m.setattr(language, "_detect", None)
        with language._lock:
            det = language._detector()
            assert (det._detect_block.__func__ is language._compiled_block) is compiled  # type: ignore[attr-defined]
            det.append(text)
            try:
                return [(p.lang, p.prob) for p in det.get_probabilities()]
            except Exception as exc:  # langdetect's "no features": both must raise it
                return [("raised", float(len(str(exc))))]


TEXTS = [
    "The talks between NATO and Russia ended on Wednesday in Brussels, officials said.",
    "Die Gespräche zwischen der NATO und Russland endeten am Mittwoch in Brüssel.",
    "Les pourparlers entre l'OTAN et la Russie se sont terminés mercredi à Bruxelles.",
    "北约与俄罗斯之间的会谈于周三在布鲁塞尔结束。",
    "Переговоры между НАТО и Россией завершились в среду в Брюсселе.",
    "The minister said „wir schaffen das“ and left. Il a dit: «c'est fini».",
    "ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok",
    "12345 67890 !!! ???",
    "a",
]


def test_the_compiled_trials_give_langdetect_s_probabilities(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in TEXTS:
        assert _probabilities(text, True, monkeypatch) == _probabilities(text, False, monkeypatch), text


@pytest.mark.data
def test_every_paragraph_of_the_real_news_gets_the_same_probabilities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = 0
    for article in wmt.articles():
        for path in sorted(article.folder.glob("*.txt"))[:4]:
            for paragraph in path.read_text(encoding="utf-8").split("\n")[::3]:
                if len(paragraph) < 20:
                    continue
                compiled = _probabilities(paragraph, True, monkeypatch)
                assert compiled == _probabilities(paragraph, False, monkeypatch), (path, paragraph[:60])
                texts += 1
    assert texts > 500


def test_detection_is_the_same_through_the_program_s_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    text = " ".join(TEXTS[:3])
    compiled = (language.detect_language(text), language.language_probabilities(text))
    monkeypatch.setattr(language, "_detect", None)
    assert (language.detect_language(text), language.language_probabilities(text)) == compiled


def test_a_langdetect_without_the_parts_the_trials_read_runs_its_own_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = " ".join(TEXTS[:3])
    expected = language.language_probabilities(text)
    monkeypatch.setattr(language, "_DETECTOR_PARTS", (*language._DETECTOR_PARTS, "a_part_it_lacks"))
    with language._lock:
        assert language._detector()._detect_block.__func__ is not language._compiled_block  # type: ignore[attr-defined]
    assert language.language_probabilities(text) == expected
