"""Findings that mean something: quotation marks pair across styles and paragraphs, one defect is
one finding, and a pattern repeated through a text is reported once with a count."""

from __future__ import annotations

from compare.core.checks import check_text


def found(text: str, rule: str, language: str = "en") -> list[str]:
    return [text[f.start : f.end] for f in check_text(text, language) if f.rule == rule]


def test_a_quotation_over_several_paragraphs_is_no_finding() -> None:
    text = (
        "The minister said: “We will not give up. The talks go on.\n\n"
        "We expect an answer next week. Then we decide.”\n\n"
        "Reporters asked nothing else."
    )
    assert found(text, "unbalanced-quote") == []
    three = "He said: “First part of it.\n\nA second part of it.\n\nThe end of it,” he said."
    assert found(three, "unbalanced-quote") == []


def test_a_quotation_reopened_on_each_paragraph_is_no_finding() -> None:
    text = "He said: “We will not give up.\n\n“We expect an answer next week.”\n\nNothing else."
    assert found(text, "unbalanced-quote") == []


def test_quotes_pair_across_styles() -> None:
    assert found('He called it "a serious exchange” and left.', "unbalanced-quote") == []
    assert found('He called it “a serious exchange" and left.', "unbalanced-quote") == []


def test_a_quotation_never_closed_is_still_found() -> None:
    text = "He said “we will not give up and left.\n\nReporters asked nothing else.\n\nThe end."
    assert found(text, "unbalanced-quote") == ["“we will not give up and left."]


def test_an_opening_mark_used_to_close_is_one_finding() -> None:
    text = "Er nannte es ein „unterzeichnetes „ und ging."
    [f] = [f for f in check_text(text, "de") if f.rule == "unbalanced-quote"]
    assert text[f.start : f.end] == "„" and f.start == text.index("„ und")
    assert "opening mark" in f.message


def test_several_unpaired_marks_in_one_paragraph_are_one_finding() -> None:
    text = "The “strange phenomenon where “slack students do well.\n\nNothing else here."
    [f] = [f for f in check_text(text, "en") if f.rule == "unbalanced-quote"]
    assert f.start == text.index("“strange")
    assert "1 more unpaired" in f.message


def test_german_suspended_compounds_and_title_separators_are_no_tokenizer_spacing() -> None:
    assert found("Sie trugen Cowboy-Hüte, -Mützen und Schals.", "tokenizer-spacing", "de") == []
    assert found("Haushalts- und -geräte wurden teurer.", "tokenizer-spacing", "de") == []
    assert found("Asian communities complain -Xinhuanet", "tokenizer-spacing") == []
    assert found("The hard core of the Soviet -style power.", "tokenizer-spacing") == [" -"]


def test_a_pattern_repeated_through_a_text_is_one_finding_with_a_count() -> None:
    text = "He said “ yes ” to it.\n\nShe said “ no ” to it.\n\nThey said “ maybe ” to it."
    [f] = check_text(text, "en")
    assert (f.rule, text[f.start : f.end], f.count) == ("tokenizer-spacing", "“ yes ”", 3)
    assert [text[s:e] for s, e in f.more] == ["“ no ”", "“ maybe ”"]
    assert f.to_json()["count"] == 3 and f.to_json()["more"] == [list(span) for span in f.more]


def test_stray_periods_are_not_folded() -> None:
    text = "The talks. ended today. and tomorrow. they go on."
    findings = [f for f in check_text(text, "en") if f.rule == "stray-period"]
    assert len(findings) == 3 and all(f.count == 1 for f in findings)
