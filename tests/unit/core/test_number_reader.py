"""The one number normaliser (compare.core.text.numbers) and the number rule that reads through it,
on small pairs: the same number written the way each language writes it is no finding, a wrong
number is a major one, a number dropped in a paraphrase a minor one."""

from __future__ import annotations

import pytest

from compare.core.checks import Severity
from compare.core.checks.cross import check_comparison
from compare.core.diff.comparison import compare
from compare.core.io.document import Document
from compare.core.text.numbers import chinese_numerals, german_compound, numbers_in, word_numbers


def values(text: str, language: str = "en") -> list[list[float]]:
    return [sorted(n.values) for n in numbers_in(text, language)]


def number_findings(left: str, right: str, ll: str = "en", rl: str = "en") -> list[tuple[str, str, Severity]]:
    c = compare(Document.from_text(left), Document.from_text(right), left_language=ll, right_language=rl)
    return [
        (f.side, c.side(f.side).text[f.start : f.end], f.severity)
        for f in check_comparison(c, ["number-mismatch"])
    ]


def test_digits_beside_cjk_characters_and_full_width_digits_are_read() -> None:
    assert [n.text for n in numbers_in("7月25日，２０１５年有14天，48家", "zh")] == [
        "7",
        "25",
        "２０１５",
        "14",
        "48",
    ]
    assert values("２０１５年", "zh") == [[2015.0]]


def test_wan_and_yi_scale_the_number_before_them() -> None:
    assert values("40万人", "zh") == [[40.0, 400000.0]]
    assert values("50亿美元", "zh") == [[50.0, 5e9]]
    assert values("30余万", "zh") == [[30.0, 300000.0]]
    assert values("1.2万亿", "zh") == [[1.2, 1.2e12]]


def test_digits_right_after_wan_or_yi_are_the_lower_places_of_one_number() -> None:
    assert values("共发出2万4801张", "zh") == [[24801.0]]
    assert values("1亿2000万元", "zh") == [[1.2e8]]
    assert values("3万5千人", "zh") == [[35000.0]]
    assert values("2万 4801", "zh") == [[2.0, 20000.0], [4801.0]]  # apart: two numbers


def test_a_decade_is_also_its_short_form_and_its_century() -> None:
    assert values("the 1960s", "en") == values("die 1960er", "de") == [[20.0, 60.0, 1960.0]]
    assert values("in 1960 she", "en") == [[1960.0]]
    assert chinese_numerals("六七十年代") == [60.0, 70.0]  # "the sixties and seventies"
    assert chinese_numerals("三四百万") == [3e6, 4e6]


def test_thousands_separators_of_each_language() -> None:
    assert values("2,000", "en") == values("2000", "en") == values("2.000", "de") == values("2 000", "fr")


def test_chinese_numerals() -> None:
    assert chinese_numerals("十二次") == [12.0]
    assert chinese_numerals("二十一") == [21.0]
    assert chinese_numerals("两千") == [2000.0]
    assert chinese_numerals("三百万") == [3e6]
    assert chinese_numerals("一亿五千万") == [1.5e8]
    assert chinese_numerals("十四五") == [14.0, 5.0]  # the 14th five-year plan
    assert chinese_numerals("二〇二一年") == [2021.0]


def test_spelled_out_numbers() -> None:
    assert {10000.0, 25.0, 120.0} <= set(
        word_numbers("Ten thousand came, twenty-five left, one hundred and twenty")
    )
    assert german_compound("fünfundzwanzig") == 25
    assert german_compound("dreihundertvierzig") == 340
    assert german_compound("zweitausendeins") == 2001
    assert german_compound("Jahrhundert") is None
    assert 7.0 in word_numbers("on July 25")


def test_twelve_and_twenty_four_hour_times() -> None:
    assert 23.3 in values("at 11:30 p.m.")[0]
    assert values("um 23:30 Uhr", "de") == [[23.3]]
    assert 15.0 in values("下午3点", "zh")[0]
    assert 19.0 in values("at 7 pm")[0]


def test_scores_are_two_numbers() -> None:
    assert [n.text for n in numbers_in("Es stand 1:1, dann 2:0.", "de")] == ["1", "1", "2", "0"]
    assert values("10:30") == [[10.3]]  # a time, not a score


@pytest.mark.parametrize(
    ("left", "right", "ll", "rl"),
    [
        (
            "He arrived on July 25th in 2015 and stayed 14 days.",
            "他于2015年7月25日抵达，停留了14天。",
            "en",
            "zh",
        ),
        ("The city will invest 5 billion USD over 30 years.", "该市将在30年内投资50亿美元。", "en", "zh"),
        ("It has 400,000 residents and 2,000 doctors.", "该市有40万居民和2000名医生。", "en", "zh"),
        (
            "The match ended 1:1 after 90 minutes.",
            "Das Spiel endete eins zu eins nach 90 Minuten.",
            "en",
            "de",
        ),
        ("The train left at 11:30 p.m. sharp.", "Der Zug fuhr um 23:30 Uhr pünktlich ab.", "en", "de"),
        ("Ten thousand people came to the square.", "10.000 Menschen kamen auf den Platz.", "en", "de"),
        (
            "The war lasted from 1986-1988 in the north.",
            "The war lasted from 1986-88 in the north.",
            "en",
            "en",
        ),
        ("They met at the 12th Party Congress.", "他们在十二大上相遇。", "en", "zh"),
        (
            "沙巴今年至今共发出2万4801张报生纸。",
            "Sabah has issued 24,801 birth certificates this year.",
            "zh",
            "en",
        ),
        (
            "20世纪六七十年代，青海湖裸鲤数量锐减。",
            "In the 1960s and 1970s, the number of naked carp in Qinghai Lake declined sharply.",
            "zh",
            "en",
        ),
    ],
)
def test_the_same_number_written_another_way_is_no_finding(left: str, right: str, ll: str, rl: str) -> None:
    assert number_findings(left, right, ll, rl) == []


def test_a_wrong_number_is_major_and_a_dropped_one_minor() -> None:
    assert number_findings(
        "The hospital treated 12,000 patients last year.", "The hospital treated 1,200 patients last year."
    ) == [("right", "1,200", Severity.MAJOR)]
    # "COVID-19" rendered as "the epidemic": a paraphrase, minor.
    assert number_findings(
        "Schools closed because of COVID-19 in the spring.",
        "Schools closed because of the epidemic in the spring.",
    ) == [("left", "19", Severity.MINOR)]
    # Read as one number, 2万4801 still differs from 24,810.
    assert number_findings(
        "沙巴今年共发出2万4801张报生纸。", "Sabah has issued 24,810 certificates.", "zh", "en"
    ) == [("right", "24,810", Severity.MAJOR)]


def test_a_number_dropped_in_every_passage_is_one_finding_with_a_count() -> None:
    left = "\n\n".join(f"COVID-19 closed school number {k} in the town today." for k in range(1, 5))
    right = "\n\n".join(f"The epidemic closed school number {k} in the town today." for k in range(1, 5))
    c = compare(Document.from_text(left), Document.from_text(right), left_language="en", right_language="en")
    [f] = check_comparison(c, ["number-mismatch"])
    assert (f.side, left[f.start : f.end], f.count, len(f.more)) == ("left", "19", 4, 3)
    assert [left[s:e] for s, e in f.more] == ["19", "19", "19"]
    assert "3 more times" in f.message


def test_a_code_is_a_name_across_languages_and_a_wrong_code_is_major() -> None:
    # 新冠 is what Chinese calls COVID-19: the translation's "19" is no number the source lacks.
    assert (
        number_findings(
            "新冠疫情期间，学校停课两周。",
            "Schools closed for two weeks during the COVID-19 epidemic.",
            "zh",
            "en",
        )
        == []
    )
    assert number_findings(
        "Flight MH-17 was shot down over the east of the country.",
        "Flight MH-71 was shot down over the east of the country.",
    ) == [("right", "71", Severity.MAJOR)]
