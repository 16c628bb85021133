"""Single-version checks for machine-translation artifacts (pure Python, no Qt).

``check_text(text, language)`` runs every registered rule over a whole article and returns
:class:`Finding` objects sorted by ``(start, end, rule)``; offsets index ``text`` (end
exclusive) and ``suggestion``, when not None, replaces ``text[start:end]``.

Adding a rule::

    from compare.core.checks import Hit, Severity, rule

    @rule("my-rule", Severity.MINOR, "What it finds, in one line.")
    def my_rule(doc):               # doc: Document (text, language, paragraphs)
        for para in doc.paragraphs:
            ...
            yield Hit(start, end, "One sentence quoting the snippet.", suggestion_or_None)

Rules (see :data:`RULES` for the live list): stray-period, sentence-fragment,
repeated-sentence, doubled-word, doubled-punctuation, space-before-punctuation, missing-space,
tokenizer-spacing, unbalanced-quote, unbalanced-bracket, caption-credit, trailing-byline,
mojibake, untranslated-paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable

from compare.core.checks.finding import Finding, Severity

from . import captions, encoding, punctuation, quotes, sentences, untranslated, words  # noqa: F401  (register)
from ._base import RULES, Document, Hit, Paragraph, Rule, rule, run_rules, split_paragraphs


def check_text(text: str, language: str | None = None, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings in ``text`` (an ISO 639-1 ``language`` or None/"unknown" to detect it).

    ``rules`` restricts the run to those rule ids (default: all of :data:`RULES`).
    """
    if rules is None:
        selected = list(RULES.values())
    else:
        ids = list(rules)
        unknown = [i for i in ids if i not in RULES]
        if unknown:
            raise KeyError(f"unknown rule id(s): {', '.join(unknown)}")
        selected = [RULES[i] for i in ids]
    return run_rules(Document(text, language), selected)


__all__ = [
    "RULES",
    "Document",
    "Finding",
    "Hit",
    "Paragraph",
    "Rule",
    "Severity",
    "check_text",
    "rule",
    "split_paragraphs",
]
