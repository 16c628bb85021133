"""Show only some passages: those with findings (of a severity, of a rule), unreviewed ones, ones
with a note, ones decided; the bar says how many passages it hides. "Show only differences"
(Ctrl+D) combines with it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from compare.core.checks.finding import SEVERITIES, Finding, Severity
from compare.core.diff.comparison import EQUAL
from compare.core.review.review import Review
from compare.qt.findbar import tool_button


@dataclass(frozen=True)
class Criteria:
    """What a passage must have to be shown (everything off: every passage)."""

    only_differences: bool = False
    severity: Severity | None = None  # a finding at least this severe
    rule: str | None = None  # a finding of this rule
    unreviewed: bool = False
    noted: bool = False
    decided: bool = False  # a decision other than keeping the base

    @property
    def active(self) -> bool:
        return self != Criteria(only_differences=self.only_differences)


def shown(
    review: Review, index: int, criteria: Criteria, by_passage: Mapping[int, Sequence[Finding]]
) -> bool:
    """Whether passage ``index`` passes ``criteria`` (``by_passage``: its findings)."""
    p = review.passages[index]
    if criteria.only_differences and p.kind == EQUAL:
        return False
    d = review.decision(index)
    if criteria.unreviewed and (d.reviewed or p.kind == EQUAL):
        return False
    if criteria.noted and not d.note:
        return False
    if criteria.decided and d.is_default:
        return False
    if criteria.severity is not None or criteria.rule is not None:
        found = by_passage.get(index, [])
        if criteria.severity is not None:
            found = [f for f in found if Severity(f.severity).rank >= criteria.severity.rank]
        if criteria.rule is not None:
            found = [f for f in found if f.rule == criteria.rule]
        if not found:
            return False
    return True


class FilterBar(QWidget):
    """The filter line above the comparison."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Filter passages")
        self.severity = QComboBox()
        self.severity.setAccessibleName("Findings of at least this severity")
        self.severity.addItem("any passage", None)
        for s in SEVERITIES:
            self.severity.addItem(
                f"with a {s} finding" if s is Severity.MAJOR else f"with a {s} finding or worse", s
            )
        self.rule = QComboBox()
        self.rule.setAccessibleName("Findings of this rule")
        for combo in (self.severity, self.rule):  # narrow windows: the combos shrink, the bar fits
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.rule.addItem("any rule", None)
        self.unreviewed = QCheckBox("&Unreviewed")
        self.noted = QCheckBox("No&ted")
        self.decided = QCheckBox("Deci&ded")
        self.hidden = QLabel()
        self.hidden.setAccessibleName("Passages hidden")
        self.hidden.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # may be cut short
        clear = tool_button("Show All", "Clear the filter")
        close = tool_button("✕", "Close the filter (it is cleared)")
        for combo in (self.severity, self.rule):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (self.unreviewed, self.noted, self.decided):
            box.toggled.connect(lambda _on: self.changed.emit())
        clear.clicked.connect(self.clear)
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        title = QLabel("&Show:")
        title.setBuddy(self.severity)
        widgets: list[QWidget] = [title, self.severity, self.rule, self.unreviewed, self.noted, self.decided]
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.hidden, clear, close):
            row.addWidget(widget)
        self.hide()

    def set_rules(self, rules: list[str]) -> None:
        current = self.rule.currentData()
        self.rule.blockSignals(True)
        self.rule.clear()
        self.rule.addItem("any rule", None)
        for r in sorted(rules):
            self.rule.addItem(r, r)
        k = self.rule.findData(current)
        self.rule.setCurrentIndex(max(0, k))
        self.rule.blockSignals(False)

    def criteria(self, only_differences: bool) -> Criteria:
        if not self.isVisible():
            return Criteria(only_differences=only_differences)
        severity = self.severity.currentData()
        return Criteria(
            only_differences=only_differences,
            severity=Severity(severity) if severity else None,
            rule=self.rule.currentData(),
            unreviewed=self.unreviewed.isChecked(),
            noted=self.noted.isChecked(),
            decided=self.decided.isChecked(),
        )

    def clear(self) -> None:
        for combo in (self.severity, self.rule):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.unreviewed, self.noted, self.decided):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.changed.emit()

    def close_bar(self) -> None:
        self.hide()
        self.changed.emit()

    def open(self) -> None:
        self.show()
        self.severity.setFocus()
        self.changed.emit()
