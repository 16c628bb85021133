from compare.core.text.segmentation import (
    BLANK_LINES,
    LINES,
    detect_paragraph_mode,
    segment_text,
    word_count,
    words,
)


def sentences(text: str, language: str = "en") -> list[str]:
    seg = segment_text(text, language)
    return [text[s:e] for s, e in seg.sentences]


def test_abbreviations_and_initials_stay_whole() -> None:
    text = (
        "Mr. Putin met Aleksandr V. Grushko in the U.S. on Monday. "
        "It was 3 p.m. when Dr. Smith arrived at No. 10 Downing St. in London. Then he left."
    )
    assert sentences(text) == [
        "Mr. Putin met Aleksandr V. Grushko in the U.S. on Monday.",
        "It was 3 p.m. when Dr. Smith arrived at No. 10 Downing St. in London.",
        "Then he left.",
    ]


def test_quotes_stay_with_their_sentence() -> None:
    text = "“Our differences will not be easy to overcome,” he said. “It was not easy.” Then silence."
    assert sentences(text) == [
        "“Our differences will not be easy to overcome,” he said.",
        "“It was not easy.”",
        "Then silence.",
    ]


def test_stray_period_makes_a_fragment_sentence() -> None:
    assert sentences("Tensions between Moscow and Russia. West.") == [
        "Tensions between Moscow and Russia.",
        "West.",
    ]


def test_punctuation_only_piece_joins_the_sentence_before() -> None:
    assert sentences("NATO allies bordering Russia. . Next sentence here.") == [
        "NATO allies bordering Russia. .",
        "Next sentence here.",
    ]


def test_french_initial_and_german_ordinal() -> None:
    assert sentences("M. Macron a dit non. Il est parti.", "fr") == ["M. Macron a dit non.", "Il est parti."]
    assert sentences("Am 3. Januar sagte er nein. Das ist gut.", "de") == [
        "Am 3. Januar sagte er nein.",
        "Das ist gut.",
    ]


def test_chinese_sentences() -> None:
    assert sentences("法国南特大教堂发生火灾。嫌疑人已认罪！他说：“是我。”", "zh") == [
        "法国南特大教堂发生火灾。",
        "嫌疑人已认罪！",
        "他说：“是我。”",
    ]


def test_paragraph_mode_detection() -> None:
    assert detect_paragraph_mode("Title\n\nFirst paragraph.\n\nSecond.\n") == BLANK_LINES
    assert detect_paragraph_mode("Title\nFirst paragraph.\nSecond.\n") == LINES
    wrapped = "This paragraph is wrapped\nat a short width like e-mail.\n\nSecond one\nalso wrapped.\n"
    assert detect_paragraph_mode(wrapped) == BLANK_LINES
    seg = segment_text(wrapped, "en")
    assert len(seg.paragraphs) == 2
    # A wrapped line break is not a sentence end.
    assert (
        next(wrapped[s:e] for s, e in seg.sentences)
        == "This paragraph is wrapped\nat a short width like e-mail."
    )


def test_long_lines_with_a_blank_line_somewhere_are_line_paragraphs() -> None:
    long = "word " * 40
    text = f"{long}.\n{long}.\n\n{long}.\n"
    assert detect_paragraph_mode(text) == LINES
    assert len(segment_text(text, "en").paragraphs) == 3


def test_spans_are_trimmed_and_within_paragraphs() -> None:
    text = "  Headline without period\r\n\r\nOne. Two three.  \r\n\r\n\r\nLast one.\r\n"
    seg = segment_text(text, "en")
    assert [text[s:e] for s, e in seg.paragraphs] == [
        "Headline without period",
        "One. Two three.",
        "Last one.",
    ]
    assert [text[s:e] for s, e in seg.sentences] == [
        "Headline without period",
        "One.",
        "Two three.",
        "Last one.",
    ]
    assert seg.sentence_paragraph == (0, 1, 1, 2)


def test_lines_mode_treats_every_line_as_a_unit() -> None:
    text = "One. Two.\n\nThree. Four.\n"
    seg = segment_text(text, "en", mode="lines")
    assert [text[s:e] for s, e in seg.sentences] == ["One. Two.", "Three. Four."]


def test_words() -> None:
    text = "Russia’s NATO-Russia talks, 100,000 troops; 中国新闻"
    assert [text[s:e] for s, e in words(text)] == [
        "Russia’s",
        "NATO-Russia",
        "talks",
        ",",
        "100",
        ",",
        "000",
        "troops",
        ";",
        "中",
        "国",
        "新",
        "闻",
    ]
    assert word_count("Hello, world. 中国") == 4
