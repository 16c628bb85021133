"""langdetect's tables kept in the user's data folder: the same detections, rebuilt when stale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import langdetect.detector_factory as df
import pytest

from compare.core.text import language

DATA = Path(__file__).resolve().parents[4].parent / "shared" / "data"

TEXTS = [
    "The talks between NATO and Russia ended without agreement on Wednesday.",
    "Die Gespräche zwischen der Nato und Russland endeten am Mittwoch ohne Einigung.",
    "Les pourparlers entre l'OTAN et la Russie se sont terminés sans accord mercredi.",
    "Переговоры между НАТО и Россией завершились в среду без соглашения.",
    "北约与俄罗斯的会谈周三结束，未能达成协议。",
    "北大西洋条約機構とロシアの協議は水曜日に合意なく終わった。",
    "Ok",
    "12345 678",
    "𝐀𝐁𝐂 astral letters 😀 and text",
]


def _probabilities(factory: Any, text: str) -> list[tuple[str, float]]:
    df.DetectorFactory.seed = 0
    det = factory.create()
    det.append(text)
    try:
        return [(p.lang, p.prob) for p in det.get_probabilities()]
    except df.LangDetectException:
        return []


def _fresh() -> Any:
    factory = df.DetectorFactory()
    factory.load_profile(df.PROFILES_DIRECTORY)
    return factory


def _real_paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted(DATA.glob("wmt2*/*/*/*.txt"))[:60]:
        out.extend(p for p in path.read_text(encoding="utf-8").split("\n\n")[:5] if p.strip())
    return out


@pytest.fixture
def no_factory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(df, "_factory", None)
    monkeypatch.setattr(language, "_ready", False)


def test_cached_tables_give_the_same_probabilities(no_factory: None) -> None:
    built = language._cached_factory(df)  # builds and writes the cache
    path = language.cache_path()
    assert path is not None and path.is_file()
    cached = language._cached_factory(df)
    assert isinstance(cached.word_lang_prob_map, language._ProbMap)
    fresh = _fresh()
    assert cached.langlist == fresh.langlist == built.langlist
    assert set(cached.word_lang_prob_map) == set(fresh.word_lang_prob_map)
    texts = TEXTS + _real_paragraphs()
    for text in texts:
        assert _probabilities(cached, text) == _probabilities(fresh, text), text
    for word in list(fresh.word_lang_prob_map)[::97]:
        assert cached.word_lang_prob_map[word] == fresh.word_lang_prob_map[word]


def test_a_second_run_does_not_read_the_profiles(no_factory: None, monkeypatch: pytest.MonkeyPatch) -> None:
    language._cached_factory(df)

    def refuse(self: Any, directory: str) -> None:
        raise AssertionError("the profiles were read again")

    monkeypatch.setattr(df.DetectorFactory, "load_profile", refuse)
    assert language.detect_language(TEXTS[1]).base == "de"


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b[:100] + bytes([b[100] ^ 0xFF]) + b[101:],  # one byte changed
        lambda b: b"not marshal at all",
        lambda b: b"",
    ],
)
def test_a_damaged_cache_is_rebuilt(no_factory: None, damage: Any) -> None:
    language._cached_factory(df)
    path = language.cache_path()
    assert path is not None
    path.write_bytes(damage(path.read_bytes()))
    factory = language._cached_factory(df)
    assert not isinstance(factory.word_lang_prob_map, language._ProbMap)  # built from the profiles
    assert _probabilities(factory, TEXTS[0]) == _probabilities(_fresh(), TEXTS[0])
    assert isinstance(language._cached_factory(df).word_lang_prob_map, language._ProbMap)  # rewritten


def test_other_profiles_rebuild_the_cache(no_factory: None, monkeypatch: pytest.MonkeyPatch) -> None:
    language._cached_factory(df)
    real = language._profile_signature
    monkeypatch.setattr(language, "_profile_signature", lambda d: (*real(d)[:2], ()))
    assert not isinstance(language._cached_factory(df).word_lang_prob_map, language._ProbMap)


def test_an_unwritable_data_folder_still_detects(no_factory: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "cache_path", lambda: Path("/proc/no-such-folder/cache.marshal"))
    assert language.detect_language(TEXTS[0]).base == "en"
