"""Photo captions, credits and bylines run into the text or left after its end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from compare.core.checks.finding import Severity

from ._base import Document, Hit, rule, shorten

# NYT-style "Credit…Pool photo by X" (often doubled by a copy-paste: "CreditCredit…").
_CREDIT_MARK = re.compile(r"(?:Credit|Crédit|Kredit)(?:Credit|Crédit|Kredit)?[ \t]*(?:…|\.\.\.)")
# "Photo: Reuters", "Pool photo by X", "Foto: dpa", "Credit: Getty Images".
_CREDIT_LINE = re.compile(
    r"(?:(?:Pool |File |AP |AFP |Reuters )?(?:[Pp]hoto(?:graph)?s?|Fotos?|Bild|Image|Picture|Illustration)"
    r"[ \t]+(?:by|von|de|par|:)|(?:Photo|Foto|Bild|Image|Credit|Crédit|Photo credit|Fotos|Quelle|Source)"
    r"[ \t]*:)[ \t]*\S"
)
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*$")
#: A word every match of _CREDIT_MARK or _CREDIT_LINE holds: a paragraph with none of them is not searched.
_CREDIT_WORDS = ("Credit", "Crédit", "Kredit", "hoto", "Foto", "Bild", "Image", "Picture", "Illustration",
                 "Quelle", "Source")  # fmt: skip


def _credit_start(text: str) -> Iterator[tuple[int, str]]:
    """Where a credit starts in a paragraph, and how: 'start' of the paragraph or 'run-in'."""
    if not any(word in text for word in _CREDIT_WORDS):
        return
    for m in _CREDIT_MARK.finditer(text):
        yield m.start(), ("start" if m.start() == 0 else "run-in")
        return
    for m in _CREDIT_LINE.finditer(text):
        s = m.start()
        rest = text[s:]
        if len(rest.split()) > 14 or (_SENTENCE_END.search(rest) and len(rest.split()) > 8):
            continue  # too long for a credit line: a sentence that mentions a photo
        if s == 0:
            yield s, "start"
            return
        # Run into the text: right after the end of a sentence, with or without a space.
        before = text[:s].rstrip()
        glued = s == len(before)
        if (
            before
            and before[-1] in '.!?”"’»)'
            and (
                glued or (text[s - 1].isspace() and text[s:].startswith(("Pool", "Photo", "Credit", "Foto")))
            )
        ):
            yield s, "run-in"
            return


@rule(
    "caption-credit",
    Severity.MAJOR,
    'A photo caption or credit ("Credit…Pool photo by …", "Photo: …") run into the text or left in it.',
    suppresses_overlapping=True,
)
def caption_credit(doc: Document) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = para.text
        for s, how in _credit_start(text):
            credit = text[s:]
            if how == "start":
                msg = f"This line is a photo credit, not part of the article: “{shorten(credit)}”."
                suggestion = None
            else:
                before = " ".join(text[max(0, s - 40) : s].split())
                msg = f"A photo credit has run into the text: “{shorten(credit)}” after “…{before}”."
                suggestion = ""
            yield Hit(para.start + s, para.end, msg, suggestion)


_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ]+)?|[A-ZÀ-ÖØ-Þ]\.)"
_PARTICLE = r"(?:von|van|de|der|den|da|di|del|la|le|du|bin|al|el|ter)"
_BYLINE = re.compile(
    rf"^(?:(?:By|Von|Par|Por|Di|Door)\s+)?{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,3}}$"
)


@rule(
    "trailing-byline",
    Severity.MINOR,
    "A lone name or byline line (2–4 capitalised words, no final period) after the last paragraph.",
)
def trailing_byline(doc: Document) -> Iterator[Hit]:
    paras = doc.paragraphs
    if len(paras) < 3:
        return
    last = paras[-1]
    if not _BYLINE.match(last.text):
        return
    words = [w for w in last.text.split() if w[0].isupper()]
    if sum(1 for w in words if not w.endswith(".")) < 2:
        return
    if not _SENTENCE_END.search(paras[-2].text):
        return  # the article does not end before it: maybe a list or a heading
    yield Hit(
        last.start,
        last.end,
        f"The last line “{last.text}” looks like a stray name or byline after the end of the article.",
        "",
    )
