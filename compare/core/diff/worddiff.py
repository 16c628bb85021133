"""Word-level differences between two short texts, with diff-match-patch, graded by what they change.

Words are mapped to single characters the way ``diff_linesToChars`` maps lines and the character
diff runs on those. Equal text is not merged into changes (diff-match-patch's semantic cleanup
marked 12 points of every 100 characters that did not differ), except one content word between
two changes, so that "the [old] [red] [car]" reads as one change; a change's spans hold no
whitespace at their ends. The timeout is off, so the result never depends on how busy the machine is.

Each change has a :class:`Level`: **strong** where a name, number, negation or content word was
replaced, added or dropped; **weak** for function words, punctuation, inflection or case (the
same word on the other side of the change) and reordering (the word is elsewhere in the other
version of the passage). Content words are the words rarer than :data:`STRONG_ZIPF` in the
language's word-frequency list (:mod:`compare.core.text.frequency`). A strong change spans its
strong words only: the weak words before its first strong word and after its last are weak
changes of their own (:meth:`_Grader.graded`), so what is drawn prominently is what changed the
meaning.
A passage too long for the diff's quadratic worst case is one change between its common beginning
and end.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from diff_match_patch import diff_match_patch

try:  # the C++ diff-match-patch: the same diffs about ten times faster (see _diff_main)
    import fast_diff_match_patch as _fast
except ImportError:  # no wheel for this Python: the pure-Python diff_match_patch alone
    _fast = None

try:  # tokenize and _encode in one compiled pass (_tokens.pyx): the same spans and characters
    from compare.core.diff import _tokens
except ImportError:  # nothing compiled where the program was installed
    _tokens = None  # type: ignore[assignment]

from compare.core.limits import MAX_WORD_DIFF_CELLS
from compare.core.text.frequency import has_frequencies, is_function_word, zipf
from compare.core.text.patterns import lazy_compile
from compare.core.text.scripts import CJK as _CJK
from compare.core.text.segmentation import WORD_RE
from compare.core.text.stopwords import wordset

Span = tuple[int, int]

# Every character belongs to a token: a CJK character, a word, or any other single
# character (punctuation), each with the whitespace that follows it (fewer tokens
# make the diff several times faster); leading whitespace is a token of its own.
_TOKEN_RE = lazy_compile(
    rf"(?:\d+(?:[.,:]\d+)+|[{_CJK}]|[^\W{_CJK}]+(?:[’'\-][^\W{_CJK}]+)*|\S|^)\s*", re.DOTALL
)  # a number with its separators is one token: "1,200" against "12,000" is one change

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0


class _PrivateUse:
    """The code points that stand for tokens, in order: the private use areas, never surrogates
    (a sequence worked out per index, not a list of 137,000 numbers built at every start)."""

    AREAS = ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
    SIZE = sum(end - start for start, end in AREAS)

    def __len__(self) -> int:
        return self.SIZE

    def __getitem__(self, index: int) -> int:
        if index >= 0:
            for start, end in self.AREAS:
                if index < end - start:
                    return start + index
                index -= end - start
        raise IndexError(index)


_CODEPOINTS = _PrivateUse()


class Level(enum.StrEnum):
    """How much a change may matter: strong (meaning) or weak (form)."""

    STRONG = "strong"
    WEAK = "weak"


@dataclass(frozen=True)
class Change:
    """One difference: ``left`` was replaced by ``right`` (either may be empty)."""

    left: Span
    right: Span
    level: Level = Level.WEAK


#: A changed word rarer than this (Zipf) is a content word, a strong change. Chosen on the "fit"
#: articles of bench/_data.py: changed words of Zipf 4-5 fall in major errors no more often than
#: unchanged text (bench/judgment_analysis.py); strong marks' lift there is 1.67 at 4.0, 1.78 at
#: 3.5, and no higher at 3.0 (bench/judgments.py).
STRONG_ZIPF = 3.5
#: ... and a noun of a language that writes its compounds as one word (German, Dutch, also
#: capitalised in German) rarer than this: the frequency list counts each compound on its own
#: ("Gesundheitsdienst", "Impfstoffhersteller"), so ordinary nouns look rare. On fit, German MT
#: nouns of Zipf 3-3.5 marked strong fell in major errors half as often as any MT character,
#: those below 3 two and a half times as often; at 3.0 the strong marks' lift on fit rose from
#: 2.26 to 2.36 (bench/judgments.py).
STRONG_ZIPF_COMPOUND_NOUN = 3.0
COMPOUNDING = frozenset({"de", "nl", "lb"})

NEGATIONS: dict[str, frozenset[str]] = {
    "en": wordset("not no never without nor none nothing nobody neither cannot n't"),
    "de": wordset("nicht kein keine keinen keinem keiner keines nie niemals ohne weder nichts niemand"),
    "fr": wordset("ne pas non jamais sans aucun aucune rien personne ni"),
    "es": wordset("no nunca sin ningún ninguna ninguno nada nadie ni jamás"),
}
_WORDLIKE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:…][\"”’»)]*)[\s\"“„«‘(]*$")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end) if m.end() > m.start()]


def _key(token: str) -> str:
    """What a token is compared by: its text, and whether a paragraph break follows.

    Other whitespace does not count ("commit." and "commit to" share "commit"); a
    wrapped line is the same as a space.
    """
    word = token.rstrip()
    if len(word) == len(token):
        return token
    gap = token[len(word) :]
    return word + "\n" if gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2 else word


class _TooManyTokens(Exception):
    """More distinct words than there are private-use code points to stand for them."""


def _encode(
    text: str, spans: list[Span], table: dict[str, str], written: dict[str, str] | None = None
) -> str:
    """The tokens as characters, one per distinct key (``table``: key -> character);
    ``written`` remembers the character of each token as written, so that a repeated token
    ("the ") is looked up once, not keyed again."""
    if written is None:
        written = {}
    out = []
    for s, e in spans:
        raw = text[s:e]
        ch = written.get(raw)
        if ch is None:
            tok = _key(raw)
            ch = table.get(tok)
            if ch is None:
                if len(table) == len(_CODEPOINTS):
                    raise _TooManyTokens
                ch = chr(_CODEPOINTS[len(table)])
                table[tok] = ch
            written[raw] = ch
        out.append(ch)
    return "".join(out)


def changed_words(text: str, span: Span) -> float:
    """The amount of change of ``text[span]`` in words: each word of the segmentation's
    :data:`~compare.core.text.segmentation.WORD_RE` 1, a quarter for punctuation."""
    if _tokens is not None:  # the same count, compiled
        return _tokens.changed_words(text, span[0], span[1])
    return _python_changed_words(text, span)


def _python_changed_words(text: str, span: Span) -> float:
    n = 0.0
    for w in WORD_RE.findall(text, span[0], span[1]):
        n += 1.0 if w[0].isalnum() else 0.25
    return n


def _encoded(
    left_text: str, left_span: Span, right_text: str, right_span: Span
) -> tuple[list[Span], str, list[Span], str, dict[str, str]]:
    """The tokens of both sides and their characters (one table for both: the same key is the same
    character), by the compiled pass where it was built; _TooManyTokens when the table is full."""
    table: dict[str, str] = {}
    written: dict[str, str] = {}
    if _tokens is not None:
        left = _tokens.encode(left_text, *left_span, table, written, _CODEPOINTS)
        right = None if left is None else _tokens.encode(right_text, *right_span, table, written, _CODEPOINTS)
        if left is None or right is None:
            raise _TooManyTokens
        return left[0], left[1], right[0], right[1], table
    ltoks = tokenize(left_text, *left_span)
    rtoks = tokenize(right_text, *right_span)
    a = _encode(left_text, ltoks, table, written)
    b = _encode(right_text, rtoks, table, written)
    return ltoks, a, rtoks, b, table


def _diffs(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two token strings (no semantic cleanup: see the module); or, when what lies
    between their common beginning and end is too large for the diff's quadratic worst case
    (:data:`MAX_WORD_DIFF_CELLS`), that middle as one replacement."""
    head = _dmp.diff_commonPrefix(a, b)
    tail = _dmp.diff_commonSuffix(a[head:], b[head:])
    middle_a, middle_b = len(a) - head - tail, len(b) - head - tail
    if middle_a * middle_b <= MAX_WORD_DIFF_CELLS:
        return _diff_main(a, b)
    out = [
        (0, a[:head]),
        (-1, a[head : len(a) - tail]),
        (1, b[head : len(b) - tail]),
        (0, a[len(a) - tail :]),
    ]
    return [(op, text) for op, text in out if text]


_OPS = {"=": 0, "-": -1, "+": 1}


def _diff_main(a: str, b: str) -> list[tuple[int, str]]:
    """``diff_match_patch.diff_main(a, b, checklines=False)`` with no timeout and no cleanup, by
    the compiled library where it is installed (it counts code points as Python does, astral
    ones too; tests/unit/core/diff/test_fast_diff.py compares the two on real pairs)."""
    if _fast is None:
        return list(_dmp.diff_main(a, b, False))
    return [
        (_OPS[op], chunk)
        for op, chunk in _fast.diff(a, b, timelimit=0, checklines=False, cleanup="No", counts_only=False)
    ]


def word_diff(
    left_text: str, left_span: Span, right_text: str, right_span: Span, language: str | None = None
) -> tuple[Change, ...]:
    """Changes between ``left_text[left_span]`` and ``right_text[right_span]``, graded for
    ``language`` (a base code; None: no frequency list, only numbers, names and negations grade).

    Offsets in the result are into the full texts.
    """
    try:
        ltoks, a, rtoks, b, table = _encoded(left_text, left_span, right_text, right_span)
    except _TooManyTokens:  # over a hundred thousand distinct words in one passage: one change
        return (
            (Change(left_span, right_span, Level.STRONG),)
            if tokenize(left_text, *left_span) or tokenize(right_text, *right_span)
            else ()
        )
    diffs = _merge_content_gaps(_diffs(a, b), {v: k for k, v in table.items()}, language)
    grader = _Grader(left_text, left_span, right_text, right_span, language)
    changes: list[Change] = []
    li = ri = 0  # token positions
    pending: list[int] | None = None  # [l_start_tok, l_end_tok, r_start_tok, r_end_tok]

    def flush() -> None:
        nonlocal pending
        if pending is None:
            return
        ls, le, rs, re_ = pending
        lspan = (
            _trimmed(left_text, ltoks[ls][0], ltoks[le - 1][1]) if le > ls else _point(ltoks, ls, left_span)
        )
        rspan = (
            _trimmed(right_text, rtoks[rs][0], rtoks[re_ - 1][1])
            if re_ > rs
            else _point(rtoks, rs, right_span)
        )
        changes.extend(grader.graded(lspan, rspan))
        pending = None

    for op, chunk in diffs:
        k = len(chunk)
        if op == 0:
            flush()
            li += k
            ri += k
            continue
        if pending is None:
            pending = [li, li, ri, ri]
        if op < 0:
            li += k
            pending[1] = li
        else:
            ri += k
            pending[3] = ri
    flush()
    return tuple(changes)


def _point(toks: list[Span], index: int, span: Span) -> Span:
    """An empty span where token ``index`` starts (or at the end of ``span``)."""
    pos = toks[index][0] if index < len(toks) else span[1]
    return (pos, pos)


def _trimmed(text: str, start: int, end: int) -> Span:
    """A change's span without the whitespace that ends its last token (tokens carry it)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def _is_content(token: str, language: str | None) -> bool:
    word = token.strip()
    return bool(_WORDLIKE.fullmatch(word)) and not is_function_word(word, language)


def _merge_content_gaps(
    diffs: list[tuple[int, str]], chars: dict[str, str], language: str | None
) -> list[tuple[int, str]]:
    """Fold one equal content word between two changes into them (the only equal text a change
    takes in): "[old] red [car]" is one replaced phrase, "[old] the [car]" two changes."""
    out: list[tuple[int, str]] = []
    k = 0
    n = len(diffs)
    while k < n:
        op, chunk = diffs[k]
        if (
            op == 0
            and len(chunk) == 1
            and out
            and out[-1][0] != 0
            and k + 1 < n
            and diffs[k + 1][0] != 0
            and _is_content(chars[chunk], language)
        ):
            # The equal token goes to both sides: deleted on the left, inserted on the right.
            out.append((-1, chunk))
            out.append((1, chunk))
        else:
            out.append((op, chunk))
        k += 1
    return out


@lru_cache(maxsize=1 << 16)
def _rare(word: str, language: str | None, compounding: bool) -> bool:
    """Whether ``word`` is a content word by its frequency (see :data:`STRONG_ZIPF`), decided
    once per word and language."""
    threshold = STRONG_ZIPF_COMPOUND_NOUN if compounding and word[0].isupper() else STRONG_ZIPF
    return not is_function_word(word, language) and zipf(word, language) < threshold


class _Grader:
    """Grades the changes of one pair of passages (see :class:`Level`)."""

    def __init__(
        self, left_text: str, left_span: Span, right_text: str, right_span: Span, language: str | None
    ):
        self.texts = (left_text, right_text)
        self.spans = (left_span, right_span)
        self.language = language
        self.listed = has_frequencies(language)
        self.negations = NEGATIONS.get(language or "", frozenset())
        self.nouns_capitalised = language in ("de", "lb")
        self.compounding = language in COMPOUNDING
        self._words: list[set[str]] | None = None
        self._passages: list[_PassageWords | None] = [None, None]

    def passage_words(self, side: int) -> set[str]:
        if self._words is None:
            self._words = [{w[3] for w in self._words_on(k).words} for k in (0, 1)]
        return self._words[side]

    def _words_on(self, side: int) -> _PassageWords:
        words = self._passages[side]
        if words is None:
            words = self._passages[side] = _PassageWords(self.texts[side], self.spans[side])
        return words

    def strong_words(self, lspan: Span, rspan: Span) -> tuple[list[Span], list[Span]]:
        """The spans of the words that make the change strong, on each side: a number or a
        negation the other side of the change lacks, and a name or content word that is neither
        on the other side of the change (in any case or form) nor elsewhere in the other version
        of the passage (moved)."""
        words = [self._words_on(0).within(lspan), self._words_on(1).within(rspan)]
        folded = [[w[3] for w in side] for side in words]
        digits = [
            Counter([w[3] for w in side if w[4]]) if any(w[4] for w in side) else _NO_NUMBERS
            for side in words
        ]
        sets = [set(side) for side in folded]
        stems = [{w[:4] for w in side if len(w) >= 4} for side in folded]  # _variant needs four letters
        out: tuple[list[Span], list[Span]] = ([], [])
        for k in (0, 1):
            other = folded[1 - k]
            other_set = sets[1 - k]
            unmatched_digits = digits[k] - digits[1 - k] if digits[k] else digits[k]
            for start, end, w, low, is_number in words[k]:
                if is_number:
                    if unmatched_digits[low] > 0:
                        unmatched_digits[low] -= 1
                        out[k].append((start, end))  # a number replaced, added or dropped
                    continue
                if low in self.negations:
                    if low not in other_set:
                        out[k].append((start, end))
                    continue
                if low in other_set or (low[:4] in stems[1 - k] and any(_variant(low, o) for o in other)):
                    continue  # the same word in another case or form on the other side
                if low in self.passage_words(1 - k):
                    continue  # moved: the other version has it elsewhere in the passage
                if (w[0].isupper() and not self.nouns_capitalised and not self._sentence_start(k, start)) or (
                    self.listed and _rare(w, self.language, self.compounding)
                ):
                    out[k].append((start, end))  # a name (in German every noun is capitalised:
                    # rarity decides) or a content word
        return out

    def graded(self, lspan: Span, rspan: Span) -> list[Change]:
        """The change, or, when it is strong, its strong core and the weak words around it.

        A strong change's core runs, on each side, from its first strong word to its last, with
        the punctuation written onto them ("Russia." is one word as written); a side without
        strong words of its own has none in the core (an empty span where it starts). The
        function words, common words, inflections and moved words before and after the core, and
        the words of a side without strong words (the common words that replaced a name or a
        rare word), are weak changes of their own: each side is graded by its own words. On the
        "fit" articles of bench/_data.py those words fell in expert major errors about as often
        as any MT character, the strong words 2.6 times as often; trimming to the strong words
        raised the strong marks' lift there from 1.78 to 2.26, grading each side by its own words
        to 3.26 (bench/judgments.py)."""
        strong = self.strong_words(lspan, rspan)
        if not any(strong):
            return [Change(lspan, rspan, Level.WEAK)]
        spans = (lspan, rspan)
        cores = [
            _written_word(self.texts[k], spans[k], side[0][0], side[-1][1]) if side else (spans[k][0],) * 2
            for k, side in enumerate(strong)
        ]
        out: list[Change] = []
        leads = [_stripped(self.texts[k], spans[k][0], cores[k][0]) for k in (0, 1)]
        if leads[0] or leads[1]:
            out.append(Change(leads[0] or (cores[0][0],) * 2, leads[1] or (cores[1][0],) * 2, Level.WEAK))
        out.append(Change(cores[0], cores[1], Level.STRONG))
        trails = [_stripped(self.texts[k], cores[k][1], spans[k][1]) for k in (0, 1)]
        if trails[0] or trails[1]:
            out.append(Change(trails[0] or (cores[0][1],) * 2, trails[1] or (cores[1][1],) * 2, Level.WEAK))
        return out

    def _sentence_start(self, side: int, pos: int) -> bool:
        text = self.texts[side]
        before = text[max(self.spans[side][0], pos - 12) : pos]
        if pos - 12 <= self.spans[side][0]:
            before = "\n" + before
        return bool(_SENTENCE_END.search(before))


_NO_NUMBERS: Counter[str] = Counter()  # read only

_Word = tuple[int, int, str, str, bool]  # start, end, as written, casefolded, has a digit


class _PassageWords:
    """The words (:data:`_WORDLIKE`) of one side of a passage, found once: a change's words are
    those within its span, taken from here unless a word of the passage crosses an end of the
    span (then the span is read on its own, as it always would be: a CJK run is one word of the
    passage, and a change may hold one character of it)."""

    def __init__(self, text: str, span: Span) -> None:
        if _tokens is not None:  # the same words, compiled
            self.words, self.starts = _tokens.words(text, *span)
        else:
            self.words, self.starts = _words(text, span)
        self.text = text

    def within(self, span: Span) -> list[_Word]:
        """The words of ``text[span]`` as ``_WORDLIKE.finditer(text, *span)`` finds them."""
        s, e = span
        i = bisect_left(self.starts, s)
        j = bisect_left(self.starts, e, i)
        words = self.words
        if (i > 0 and words[i - 1][1] > s) or (j > i and words[j - 1][1] > e):
            return _PassageWords(self.text, span).words  # a word of the passage crosses an end
        return words[i:j]


def _words(text: str, span: Span) -> tuple[list[_Word], list[int]]:
    """The words of ``text[span]`` as :class:`_PassageWords` holds them, and their starts."""
    words: list[_Word] = []
    for m in _WORDLIKE.finditer(text, *span):
        w = m.group()
        low = w.casefold()
        words.append((m.start(), m.end(), w, low, not low.isalpha() and _has_digit(low)))
    return words, [w[0] for w in words]


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _written_word(text: str, span: Span, start: int, end: int) -> Span:
    """``start``-``end`` widened, within ``span``, over the punctuation that touches it: the
    words as written ("Russia.", "(Zhang)")."""
    while start > span[0] and _attached(text[start - 1]):
        start -= 1
    while end < span[1] and _attached(text[end]):
        end += 1
    return (start, end)


def _attached(ch: str) -> bool:
    return not ch.isspace() and not ch.isalnum()


def _stripped(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without whitespace at either end; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _variant(a: str, b: str) -> bool:
    """Inflections of one word: a common stem of at least four letters and most of the shorter."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= 0.6 * min(len(a), len(b))
