"""Item models over a :class:`~compare.core.review.review.Review`.

``PassageTableModel``: one row per passage, columns status / left / right.
``PassageListModel``: one row per divergent passage, for the sortable passage list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from compare.core.checks.finding import Finding
from compare.core.diff.comparison import CHANGED, EQUAL, LEFT_ONLY, RIGHT_ONLY
from compare.core.review.review import CUSTOM, KEEP, TAKE_BOTH, TAKE_OTHER, Decision, Review
from compare.core.text.language import language_name
from compare.qt.findbar import fold
from compare.qt.legend import EDITED, NOTED, REVIEWED, TAKES_BOTH, TAKES_LEFT, TAKES_RIGHT

Index = QModelIndex | QPersistentModelIndex

STATUS, LEFT, RIGHT = 0, 1, 2
SIDE_OF_COLUMN = {LEFT: "left", RIGHT: "right"}

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
CHANGES_ROLE = Qt.ItemDataRole.UserRole + 2  # list of (start, end, "deleted"|"inserted"|"replaced")
PARAGRAPH_START_ROLE = Qt.ItemDataRole.UserRole + 3
DECISION_ROLE = Qt.ItemDataRole.UserRole + 4
DIVERGENCE_ROLE = Qt.ItemDataRole.UserRole + 5
CHOSEN_ROLE = Qt.ItemDataRole.UserRole + 6  # is this cell's text what the article uses
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 7  # passage index
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 8  # list of (start, end, severity, focused) in the cell's text

DELETED, INSERTED, REPLACED = "deleted", "inserted", "replaced"
#: Appended to a range's kind when its word change is weak (function words, punctuation,
#: inflection, case, reordering): drawn quietly, strong changes prominently.
WEAK = "-weak"
KIND_LABELS = {EQUAL: "same", CHANGED: "changed", LEFT_ONLY: "left only", RIGHT_ONLY: "right only"}


def decision_label(review: Review, d: Decision) -> str:
    if d.choice == KEEP:
        return f"keep {review.base}"
    if d.choice == TAKE_OTHER:
        return f"take {review.other}"
    if d.choice == TAKE_BOTH:
        return "take both"
    return "edited by hand"


def decision_glyphs(review: Review, d: Decision) -> str:
    """A compact summary for the status column: which text is used, note, reviewed."""
    side = {KEEP: review.base, TAKE_OTHER: review.other}.get(d.choice)
    glyph = {"left": TAKES_LEFT, "right": TAKES_RIGHT}.get(side or "", "")
    if d.choice == TAKE_BOTH:
        glyph = TAKES_BOTH
    elif d.choice == CUSTOM:
        glyph = EDITED
    if d.choice == KEEP:
        glyph = ""  # the default needs no mark
    return glyph + (f" {NOTED}" if d.note else "") + (f" {REVIEWED}" if d.reviewed else "")


class CellCache:
    """Display text of one cell (trimmed) and its highlighted ranges, per side."""

    def __init__(self, review: Review):
        self.review = review
        self._cache: dict[tuple[int, str], tuple[str, list[tuple[int, int, str]]]] = {}
        self.origins: dict[tuple[int, str], int] = {}  # document offset of each cell's first character

    def origin(self, row: int, side: str) -> int:
        self.get(row, side)
        return self.origins[(row, side)]

    def get(self, row: int, side: str) -> tuple[str, list[tuple[int, int, str]]]:
        key = (row, side)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._build(row, side)
        return hit

    def _build(self, row: int, side: str) -> tuple[str, list[tuple[int, int, str]]]:
        comparison = self.review.comparison
        p = comparison.passages[row]
        s, e = p.span(side)
        raw = comparison.side(side).text[s:e]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        origin = s + lead
        self.origins[(row, side)] = origin
        ranges: list[tuple[int, int, str]] = []
        if text and ((side == "left" and p.kind == LEFT_ONLY) or (side == "right" and p.kind == RIGHT_ONLY)):
            ranges.append((0, len(text), DELETED if side == "left" else INSERTED))
        for change in p.changes:
            mine = change.left if side == "left" else change.right
            theirs = change.right if side == "left" else change.left
            if mine[1] <= mine[0]:
                continue
            kind = REPLACED if theirs[1] > theirs[0] else (DELETED if side == "left" else INSERTED)
            if change.level != "strong":
                kind += WEAK
            a = max(0, mine[0] - origin)
            b = min(len(text), mine[1] - origin)
            # Whitespace after a changed word is not part of the change.
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                ranges.append((a, b, kind))
        return text, ranges


def findings_by_passage(review: Review) -> dict[int, list[Finding]]:
    """The findings touching each passage (a finding over several passages is in each)."""
    out: dict[int, list[Finding]] = {}
    passages = review.passages
    for f in review.findings:
        k, side = f.passage, f.side
        if k is None or side is None:
            continue
        out.setdefault(k, []).append(f)
        k += 1
        while k < len(passages) and passages[k].span(side)[0] < f.end:
            if passages[k].span(side)[1] > passages[k].span(side)[0]:
                out.setdefault(k, []).append(f)
            k += 1
    return out


def language_label(code: str) -> str:
    if not code or code == "unknown":
        return "language unknown"
    name = language_name(code.split("-")[0])
    return f"{code} ({name})" if name != code.split("-")[0] else code


def paragraph_starts(review: Review) -> list[bool]:
    """Does each passage begin a new paragraph (on either side)?"""
    c = review.comparison
    out = []
    left_para = c.side("left").segmentation.sentence_paragraph
    right_para = c.side("right").segmentation.sentence_paragraph
    last_left = last_right = -1
    for p in c.passages:  # (6,000 on a megabyte pair, in the turn that shows them)
        start = False
        segs = p.left_segments
        if segs:
            start = left_para[segs[0]] != last_left and last_left != -1
            last_left = left_para[segs[-1]]
        segs = p.right_segments
        if segs:
            start = start or (right_para[segs[0]] != last_right and last_right != -1)
            last_right = right_para[segs[-1]]
        out.append(start)
    return out


class PassageTableModel(QAbstractTableModel):
    """Rows of aligned passages: status, left text, right text."""

    def __init__(self, review: Review | None = None, parent: Any = None):
        super().__init__(parent)
        self.review: Review | None = None
        self.cells: CellCache | None = None
        self._para: list[bool] = []
        self.findings: dict[int, list[Any]] = {}
        self.focus: Any = None  # the finding whose span is highlighted (clicked in the findings panel)
        self.search = ""  # the find bar's text, folded; its matches are highlighted
        self.search_scope = "both"
        if review is not None:
            self.set_review(review)

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self.cells = CellCache(review) if review else None
        self._para = paragraph_starts(review) if review else []
        self.findings = findings_by_passage(review) if review else {}
        self.focus = None
        self.endResetModel()

    def set_search(self, folded: str, scope: str) -> None:
        """Highlight the matches of ``folded`` (see :func:`compare.qt.search.fold`) in ``scope``'s
        cells ("both", "left", "right"; anything else: none)."""
        if (folded, scope) == (self.search, self.search_scope):
            return
        self.search, self.search_scope = folded, scope
        if self.rowCount():
            self.dataChanged.emit(self.index(0, LEFT), self.index(self.rowCount() - 1, RIGHT))

    def cell_matches(self, row: int, column: int) -> list[tuple[int, int]]:
        """Where the find bar's text is in one cell (offsets in the cell's text)."""
        if not self.search or column == STATUS or self.cells is None:
            return []
        side = SIDE_OF_COLUMN[column]
        if self.search_scope not in ("both", side):
            return []
        text = fold(self.cells.get(row, side)[0])
        out, at = [], text.find(self.search)
        while at >= 0:
            out.append((at, at + len(self.search)))
            at = text.find(self.search, at + len(self.search))
        return out

    def refresh_words(self) -> None:
        """The passages' word changes arrived (a comparison shown before them): every cell's
        highlights are built again when next drawn."""
        if self.review is None:
            return
        self.cells = CellCache(self.review)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 2))

    def refresh_findings(self) -> None:
        """The review's findings changed (one was dismissed or brought back, or the checks of a
        comparison shown before them arrived): redraw their rows."""
        if self.review is None:
            return
        old, self.findings = self.findings, findings_by_passage(self.review)
        rows = [
            row for row in sorted(set(old) | set(self.findings)) if old.get(row) != self.findings.get(row)
        ]
        if len(rows) > 100 and self.rowCount():  # the checks arrived: one signal, not thousands
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], 2))
            return
        for row in rows:
            self.passage_changed(row)

    def set_focus(self, finding: Any) -> None:
        """Highlight one finding's span (None: no highlight)."""
        old, self.focus = self.focus, finding
        for f in (old, finding):
            if f is not None and isinstance(f.passage, int):
                for row, found in self.findings.items():
                    if f in found:
                        self.passage_changed(row)

    def cell_findings(self, row: int, column: int) -> list[tuple[int, int, str, bool]]:
        """Findings in one cell as (start, end, severity, focused), in the cell's text."""
        if column == STATUS or self.cells is None:
            return []
        side = SIDE_OF_COLUMN[column]
        text, _ = self.cells.get(row, side)
        origin = self.cells.origin(row, side)
        out = []
        for f in self.findings.get(row, ()):
            if f.side != side:
                continue
            a, b = max(0, f.start - origin), min(len(text), f.end - origin)
            if b <= a and f.end > f.start:
                continue
            out.append((a, max(a, b), f.severity, f is self.focus))
        return out

    def passage_findings(self, row: int) -> list[Any]:
        return self.findings.get(row, [])

    def divergence(self, row: int) -> float:
        """How much the passage diverges, for sorting and bars (the analysis' rank score)."""
        return self.review.analysis.score(row) if self.review is not None else 0.0

    # --- shape ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self.review is None:
            return 0
        return len(self.review.passages)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- data -------------------------------------------------------------------------
    def cell(self, row: int, column: int) -> tuple[str, list[tuple[int, int, str]]]:
        assert self.cells is not None
        return self.cells.get(row, SIDE_OF_COLUMN[column])

    def is_paragraph_start(self, row: int) -> bool:
        return self._para[row] if 0 <= row < len(self._para) else False

    def chosen(self, row: int, column: int) -> bool:
        """Does the reconciled article use this cell's text?"""
        assert self.review is not None
        if column == STATUS:
            return False
        side = SIDE_OF_COLUMN[column]
        d = self.review.decision(row)
        if d.choice == TAKE_BOTH:
            return True
        if d.choice == CUSTOM:
            return False
        return side == (self.review.base if d.choice == KEEP else self.review.other)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.review is None:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self.review.passages)) or not (0 <= col < 3):
            return None
        p = self.review.passages[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == STATUS:
                return str(row + 1)
            return self.cell(row, col)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col != STATUS:
                side = SIDE_OF_COLUMN[col]
                found = [f for f in self.findings.get(row, ()) if f.side == side]
                return "\n".join(f"{f.severity}: {f.message}" for f in found) or None
            d = self.review.decision(row)
            parts = [f"Passage {row + 1}: {KIND_LABELS[p.kind]}"]
            if p.kind != EQUAL:
                parts.append(f"divergence {self.review.analysis.score(row):.2f}")
                parts.append(
                    decision_label(self.review, d) + (", reviewed" if d.reviewed else ", not reviewed")
                )
            if d.note:
                parts.append(f"Note: {d.note}")
            for f in self.findings.get(row, ()):
                parts.append(f"{f.severity} ({f.side}): {f.message}")
            return "\n".join(parts)
        if role == KIND_ROLE:
            return p.kind
        if role == CHANGES_ROLE:
            return None if col == STATUS else list(self.cell(row, col)[1])
        if role == FINDINGS_ROLE:
            return None if col == STATUS else self.cell_findings(row, col)
        if role == PARAGRAPH_START_ROLE:
            return self.is_paragraph_start(row)
        if role == DECISION_ROLE:
            return self.review.decision(row)
        if role == DIVERGENCE_ROLE:
            return self.review.analysis.score(row)
        if role == CHOSEN_ROLE:
            return self.chosen(row, col)
        if role == PASSAGE_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == STATUS:
            return "#"
        if section not in SIDE_OF_COLUMN:
            return None
        name = SIDE_OF_COLUMN[section]
        if self.review is None:
            return name.capitalize()
        side = self.review.comparison.side(name)
        doc = side.document
        base = "  ·  base (being cleaned)" if name == self.review.base else ""
        lang = language_label(side.language.code)
        if self.review.comparison.cross_language:
            role_name = "translation" if name == self.review.base else "source"
            lang = f"{lang} {role_name}"
        return f"{doc.name}{base}\n{doc.encoding.upper()}  ·  {lang}  ·  {side.words:,} words"

    # --- changes ----------------------------------------------------------------------
    def passage_changed(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))


class RowsTableModel(QAbstractTableModel):
    """A flat, read-only table with one row per item of ``rows`` and the columns ``HEADERS``."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PassageListModel(RowsTableModel):
    """The divergent passages, for a list sortable by position or divergence."""

    HEADERS = ("#", "Divergence", "Kind", "Decision", "Passage")
    DEFAULT_SORT = (1, Qt.SortOrder.DescendingOrder)  # most divergent first, until the user sorts otherwise

    def __init__(self, review: Review | None = None, parent: Any = None):
        super().__init__(parent)
        self.review: Review | None = None
        self._row_of: dict[int, int] = {}
        self.sorting: tuple[int, Qt.SortOrder] = self.DEFAULT_SORT
        if review is not None:
            self.set_review(review)

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self.rows = review.divergent_indices() if review else []
        self._sort_rows()  # sorted inside the reset: no persistent indices to carry over
        self.endResetModel()

    def passage_at(self, row: int) -> int:
        return self.rows[row]

    def row_of(self, passage: int) -> int | None:
        return self._row_of.get(passage)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.review is None:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self.rows)) or not (0 <= col < len(self.HEADERS)):
            return None
        i = self.rows[row]
        p = self.review.passages[i]
        d = self.review.decision(i)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(i + 1)
            if col == 1:
                return f"{self.review.analysis.score(i):.2f}"
            if col == 2:
                return KIND_LABELS[p.kind]
            if col == 3:
                return decision_label(self.review, d) + (f" {REVIEWED}" if d.reviewed else "")
            text = (
                self.review.side_text(i, self.review.base).strip()
                or self.review.side_text(i, self.review.other).strip()
            )
            text = " ".join(text.split())
            return text[:120] + ("…" if len(text) > 120 else "")
        if role == PASSAGE_ROLE:
            return i
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 1):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by position, divergence, kind or decision (a key per row: fast on thousands)."""
        if not 0 <= column < len(self.HEADERS):
            return
        self.sorting = (column, order)
        if self.review is None:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_passages = [(self.rows[ix.row()], ix.column()) for ix in old]
        self._sort_rows()
        self.changePersistentIndexList(old, [self.index(self._row_of[p], c) for p, c in old_passages])
        self.layoutChanged.emit()

    def rescore(self) -> None:
        """The review's scores changed (its checks arrived): the divergence column and the order
        follow, and the selected row stays selected."""
        if self.review is None or not self.rows:
            return
        self.sort(*self.sorting)
        self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))

    def _sort_rows(self) -> None:
        column, order = self.sorting
        review = self.review
        if review is None:
            self._row_of = {}
            return
        passages = review.passages

        def key(i: int) -> Any:
            if column == 1:
                return (review.analysis.score(i), -i)
            if column == 2:
                return (passages[i].kind, i)
            if column == 3:
                d = review.decision(i)
                return (d.reviewed, ("keep", "take-other", "take-both", "custom").index(d.choice), i)
            if column == 4:
                return (review.side_text(i, review.base).strip().lower(), i)
            return i

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._row_of = {p: r for r, p in enumerate(self.rows)}

    def passage_changed(self, passage: int) -> None:
        row = self._row_of.get(passage)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
