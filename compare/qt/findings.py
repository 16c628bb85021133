"""The findings panel: what the artifact and cross-version checks found, to jump to and fix.

A combo box filters by rule; a line counts the shown findings by severity. Clicking a row (or
Enter on it) jumps to its passage and highlights the span. From the keyboard: the panel follows
the current passage; "Not an Error" dismisses the selected finding (undoable, kept in the saved
review); a context menu offers what applies to the finding under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from compare.core.checks.finding import Finding
from compare.core.review.review import Review
from compare.qt.findings_model import (
    PASSAGE_COL,
    RULE_COL,
    SEVERITY_COL,
    SIDE_COL,
    SNIPPET_COL,
    FindingsModel,
    SnippetDelegate,
)
from compare.qt.legend import SEVERITY_GLYPHS

UNCHECKED_NOTE = "Not checked yet: the findings follow."
CHECKS_FAILED_NOTE = "Not checked: the checks could not run."


class FindingsPanel(QWidget):
    """Filter, counts, the findings table and the buttons that apply suggestions."""

    finding_activated = Signal(object)
    apply_requested = Signal(object)
    apply_rule_requested = Signal(str)
    dismiss_requested = Signal(object)  # "not an error"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Findings")
        self.model = FindingsModel(self)
        self.unchecked_note = UNCHECKED_NOTE  # what the counts say of a review not checked
        self.rule_combo = QComboBox()
        self.rule_combo.setAccessibleName("Filter findings by rule")
        self.rule_combo.setMinimumContentsLength(12)
        self.rule_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_combo.currentIndexChanged.connect(self._rule_chosen)
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Findings by severity")
        self.counts_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # may be cut short
        self.apply_button = QPushButton("&Apply")
        self.apply_button.setToolTip(
            "Put the suggested fix of the selected finding into the cleaned article (undoable)"
        )
        self.apply_button.clicked.connect(self._apply_clicked)
        self.apply_rule_button = QPushButton("Apply All…")
        self.apply_rule_button.setToolTip(
            "Preview and apply every suggestion of the selected finding's rule, as one undo step"
        )
        self.apply_rule_button.clicked.connect(self._apply_rule_clicked)
        self.dismiss_button = QPushButton("&Not an Error")
        self.dismiss_button.setToolTip(
            "Hide the selected finding: it is not an error (undoable, kept in the review)"
        )
        self.dismiss_button.clicked.connect(self._dismiss_clicked)

        self.table = QTableView()
        self.table.setAccessibleName("Findings list")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(SEVERITY_COL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(SNIPPET_COL, SnippetDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in (
            (SEVERITY_COL, 78),
            (RULE_COL, 150),
            (SIDE_COL, 48),
            (PASSAGE_COL, 40),
            (SNIPPET_COL, 360),
        ):
            self.table.setColumnWidth(col, width)
        self.table.setTabKeyNavigation(False)  # Tab leaves the panel
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        top = QHBoxLayout()
        top.setContentsMargins(4, 4, 4, 0)
        top.addWidget(QLabel("Rule:"))
        top.addWidget(self.rule_combo)
        top.addSpacing(12)
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.apply_button)
        top.addWidget(self.apply_rule_button)
        top.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # --- content -------------------------------------------------------------------
    def set_review(self, review: Review | None) -> None:
        # the rule chosen stays chosen if the new review has findings of it; the model then
        # filters and sorts the findings once (on a large pair the sort is what takes time)
        rule = self.model.rule
        if review is None or rule not in {f.rule for f in review.findings}:
            self.model.rule = None
        self.model.set_review(review)
        self.rule_combo.blockSignals(True)
        self.rule_combo.clear()
        rules = self.model.rules()
        self.rule_combo.addItem(f"All rules ({len(self.model.all)})", None)
        for name in sorted(rules):
            self.rule_combo.addItem(f"{name} ({rules[name]})", name)
        k = self.rule_combo.findData(rule) if rule in rules else 0
        self.rule_combo.setCurrentIndex(max(0, k))
        self.rule_combo.blockSignals(False)
        if self.rule_combo.currentData() != self.model.rule:
            self.model.set_rule(self.rule_combo.currentData())
        self._update_counts()
        self._update_buttons()

    def set_unchecked_note(self, note: str) -> None:
        """What the counts say while the review shown has no checks (they run, or failed)."""
        self.unchecked_note = note
        self._update_counts()

    def set_rule(self, rule: str | None) -> None:
        k = self.rule_combo.findData(rule) if rule is not None else 0
        if k >= 0:
            self.rule_combo.setCurrentIndex(k)

    def _rule_chosen(self, _index: int) -> None:
        self.model.set_rule(self.rule_combo.currentData())
        self._update_counts()
        self._update_buttons()

    def _update_counts(self) -> None:
        counts = self.model.counts()
        if not self.model.all:
            review = self.model.review
            if review is None:
                self.counts_label.setText("")
            elif not review.analysis.checked:  # a large pair shown before its checks
                self.counts_label.setText(self.unchecked_note)
            else:
                self.counts_label.setText("No findings.")
            return
        parts = [f"{SEVERITY_GLYPHS[s]} {counts.get(s, 0)} {s}" for s in ("major", "minor", "info")]
        self.counts_label.setText("   ".join(parts))

    def current_finding(self) -> Finding | None:
        index = self.table.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def select(self, finding: Finding) -> None:
        row = self.model.row_of(finding)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def follow(self, passage: int) -> None:
        """Select the first finding of ``passage`` (the window's current one), if it has any
        and the selection is not already in it."""
        current = self.current_finding()
        if current is not None and current.passage == passage:
            return
        for row in range(self.model.rowCount()):
            f = self.model.finding(row)
            if f.passage == passage:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.scrollTo(self.model.index(row, 0))
                return

    def step(self, delta: int) -> Finding | None:
        """Select the next (``delta`` 1) or previous (-1) finding in the panel's order, wrapping
        around; returns it."""
        n = self.model.rowCount()
        if n == 0:
            return None
        row = self.table.currentIndex().row()
        row = (row + delta) % n if row >= 0 else (0 if delta > 0 else n - 1)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()
        return self.model.finding(row)

    def focus_list(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _update_buttons(self) -> None:
        f = self.current_finding()
        self.apply_button.setEnabled(f is not None and f.suggestion is not None)
        rule = self._rule_for_all()
        self.apply_rule_button.setEnabled(rule is not None)
        self.apply_rule_button.setToolTip(
            f"Preview and apply every “{rule}” suggestion, as one undo step"
            if rule
            else "Preview and apply every suggestion of the selected finding's rule, as one undo step"
        )
        self.dismiss_button.setEnabled(f is not None)

    def _rule_for_all(self) -> str | None:
        f = self.current_finding()
        rule = f.rule if f is not None else self.model.rule
        if rule is None:
            return None
        return rule if any(x.rule == rule and x.suggestion is not None for x in self.model.all) else None

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._update_buttons()
            self.finding_activated.emit(self.model.finding(index.row()))

    def _apply_clicked(self) -> None:
        f = self.current_finding()
        if f is not None:
            self.apply_requested.emit(f)

    def _apply_rule_clicked(self) -> None:
        rule = self._rule_for_all()
        if rule:
            self.apply_rule_requested.emit(rule)

    def _dismiss_clicked(self) -> None:
        f = self.current_finding()
        if f is not None:
            self.dismiss_requested.emit(f)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        f = self.model.finding(index.row())
        menu = QMenu(self)
        menu.addAction("&Go to Passage", lambda: self.finding_activated.emit(f))
        apply = menu.addAction("&Apply Suggestion", lambda: self.apply_requested.emit(f))
        apply.setEnabled(f.suggestion is not None)
        rule = self._rule_for_all()
        if rule:
            menu.addAction(f"Apply All “{rule}”…", lambda: self.apply_rule_requested.emit(rule))
        menu.addSeparator()
        menu.addAction("&Not an Error", lambda: self.dismiss_requested.emit(f))
        menu.exec(self.table.viewport().mapToGlobal(pos))
