"""Findings in the window: jump to one, apply a suggestion, apply all of a rule (a mixin of the
main window). The semantics of applying a suggestion are in :mod:`compare.core.review.fixes`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from compare.core.review.fixes import FixError, fix_decision, plan_fixes

from .commands import DecisionCommand
from .dialogs import PreviewFixesDialog, show_error

if TYPE_CHECKING:
    from .main_window import MainWindow


class FindingActions:
    """Methods of :class:`MainWindow` that act on findings."""

    def show_finding(self: MainWindow, finding: Any) -> None:
        """Select the finding's passage, scroll to it and highlight the span."""
        if self.review is None or not isinstance(finding.passage, int):
            return
        self.model.set_focus(finding)
        self._focus_passage = finding.passage
        self.go_to(finding.passage)
        self.statusBar().showMessage(finding.message, 8000)

    def _clear_focus_if_moved(self: MainWindow) -> None:
        if self.model.focus is not None and self.current_passage() != getattr(self, "_focus_passage", -1):
            self.model.set_focus(None)

    def current_finding(self: MainWindow) -> Any:
        """The finding selected in the panel, else the first with a suggestion in the current passage."""
        f = self.findings_panel.current_finding()
        if f is not None:
            return f
        row = self.current_passage()
        return next((x for x in self.model.passage_findings(row) if x.suggestion is not None), None)

    def apply_suggestion(self: MainWindow, finding: Any = None) -> bool:
        if self.review is None:
            return False
        finding = finding if finding is not None else self.current_finding()
        if finding is None:
            self.statusBar().showMessage("Select a finding with a suggestion first.", 5000)
            return False
        try:
            new, fix = fix_decision(self.review, finding)
        except FixError as err:
            show_error(self, str(err))
            return False
        if new == self.review.decision(fix.passage):
            self.statusBar().showMessage("The suggestion is already applied.", 5000)
            return False
        self.undo_stack.push(
            DecisionCommand(
                self.review,
                {fix.passage: new},
                f"Apply suggestion: {finding.rule} (passage {fix.passage + 1})",
                self.passages_changed,
            )
        )
        self.statusBar().showMessage(f"Passage {fix.passage + 1}: {fix.how}.", 6000)
        return True

    def apply_rule(self: MainWindow, rule: str | None = None, confirm: bool = True) -> bool:
        """Every suggestion of one rule, previewed, as one undo step."""
        if self.review is None:
            return False
        if rule is None:
            f = self.current_finding()
            rule = f.rule if f is not None else self.findings_panel.model.rule
        if not rule:
            return False
        findings = [f for f in self.review.findings if f.rule == rule and f.suggestion is not None]
        new, fixes, skipped = plan_fixes(self.review, findings)
        new = {i: d for i, d in new.items() if d != self.review.decision(i)}
        if not new:
            show_error(
                self,
                f"No suggestion of “{rule}” can be applied"
                + (": " + skipped[0][1][0].lower() + skipped[0][1][1:] if skipped else "."),
            )
            return False
        rows = [(fx.passage + 1, fx.before, fx.after, fx.how) for fx in fixes]
        notes = [
            f"passage {f.passage + 1 if isinstance(f.passage, int) else '?'}: {why}" for f, why in skipped
        ]
        if confirm and not PreviewFixesDialog.confirm(self, f"Apply all “{rule}” suggestions", rows, notes):
            return False
        self.undo_stack.push(
            DecisionCommand(
                self.review,
                new,
                f"Apply all “{rule}” suggestions ({len(new)} passages)",
                self.passages_changed,
            )
        )
        self.statusBar().showMessage(
            f"Applied {len(fixes)} “{rule}” suggestions in {len(new)} passages.", 6000
        )
        return True
