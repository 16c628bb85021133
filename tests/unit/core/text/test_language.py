"""Which language a text is in: CJK text is told by its script, regional variants count as one."""

from __future__ import annotations

from compare.core.diff.comparison import compare
from compare.core.io.document import Document
from compare.core.text.language import UNKNOWN, detect_document_language, detect_language
from compare.core.text.scripts import cjk_language

# Short Chinese news items that langdetect alone takes for Korean (with probability 0.86-1.0).
CHINESE_HEADLINE = "北京市人民政府发布通知"
CHINESE_ITEM = "学校今年招收新生三千名。\n\n四川成都：乡村振兴取得新进展。"
TRADITIONAL = "台灣的總統今天發表談話，強調民主價值。"
JAPANESE = "東京で会議が開かれました。政府は新しい計画を発表しました。"
KOREAN = "서울에서 회의가 열렸습니다. 정부는 새로운 계획을 발표했습니다."


def test_chinese_is_chinese_whatever_langdetect_scores():
    for text in (CHINESE_HEADLINE, CHINESE_ITEM):
        lang = detect_language(text)
        assert lang.base == "zh", (text, lang)
        assert detect_document_language(text.split("\n\n")) == "zh"


def test_traditional_chinese_keeps_its_variant():
    lang = detect_language(TRADITIONAL)
    assert lang.base == "zh"
    assert lang.code in ("zh-tw", "zh-cn", "zh")


def test_kana_makes_japanese_and_hangul_korean():
    assert detect_language(JAPANESE).base == "ja"
    assert detect_language(KOREAN).base == "ko"
    assert cjk_language(JAPANESE) == "ja"
    assert cjk_language(KOREAN) == "ko"


def test_a_japanese_name_in_kana_does_not_make_chinese_japanese():
    text = "日本首相キシダ今天抵达北京，同中国领导人举行会谈，双方就经济合作和地区局势交换了意见。"
    assert detect_language(text).base == "zh"


def test_alphabetic_text_and_short_text():
    assert (
        detect_language("The minister said on Monday that the talks would continue next week.").base == "en"
    )
    assert cjk_language("The minister said on Monday that the talks would continue.") is None
    assert detect_language("上海").code == UNKNOWN  # two characters cannot tell


def test_a_chinese_item_and_its_translation_are_compared_across_languages():
    source = Document("北京市人民政府发布通知。\n\n学校今年招收新生三千名。\n")
    english = Document(
        "The Beijing Municipal Government issued a notice.\n\nThe school admits 3,000 new students this year.\n"
    )
    c = compare(source, english)
    assert c.left.language.base == "zh"
    assert c.cross_language  # no word diff of Chinese against English
