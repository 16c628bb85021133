"""Findings in the window: jump to one, apply a suggestion, apply all of a rule. The semantics of
applying a suggestion are in :mod:`compare.core.review.fixes`."""

from __future__ import annotations

from compare.core.checks.finding import Finding
from compare.core.review.fixes import FixError, fix_decision, plan_fixes
from compare.core.review.review import Decision, finding_key
from compare.qt.commands import DecisionCommand, DismissCommand
from compare.qt.dialogs import PreviewFixesDialog, show_error
from compare.qt.host import Host
from compare.qt.navigation import Navigator


class FindingController:
    """What the findings panel and the Passage menu do with findings."""

    def __init__(self, window: Host, navigator: Navigator):
        self.window = window
        self.parent_widget = window.dialog_parent()
        self.navigator = navigator
        self._focus_passage = -1  # the passage of the finding last shown, while its span is highlighted

    def show_finding(self, finding: Finding) -> None:
        """Select the finding's passage, scroll to it and highlight the span."""
        if self.window.review is None or finding.passage is None:
            return
        self.window.views.model.set_focus(finding)
        self._focus_passage = finding.passage
        self.navigator.go_to(finding.passage)
        self.window.statusBar().showMessage(finding.message, 8000)

    def clear_focus_if_moved(self) -> None:
        model = self.window.views.model
        if model.focus is not None and self.navigator.current_passage() != self._focus_passage:
            model.set_focus(None)

    def current_finding(self) -> Finding | None:
        """The finding selected in the panel, else the first with a suggestion in the current passage."""
        f = self.window.views.findings_panel.current_finding()
        if f is not None:
            return f
        row = self.navigator.current_passage()
        return next(
            (x for x in self.window.views.model.passage_findings(row) if x.suggestion is not None), None
        )

    def _push(self, new: dict[int, Decision], text: str) -> None:
        review = self.window.review
        assert review is not None
        self.window.undo_stack.push(DecisionCommand(review, new, text, self.window.passages_changed))

    def apply_suggestion(self, finding: Finding | None = None) -> bool:
        review = self.window.review
        if review is None:
            return False
        finding = finding if finding is not None else self.current_finding()
        status = self.window.statusBar()
        if finding is None:
            status.showMessage("Select a finding with a suggestion first.", 5000)
            return False
        try:
            new, fix = fix_decision(review, finding)
        except FixError as err:
            show_error(self.parent_widget, str(err))
            return False
        if new == review.decision(fix.passage):
            status.showMessage("The suggestion is already applied.", 5000)
            return False
        self._push({fix.passage: new}, f"Apply suggestion: {finding.rule} (passage {fix.passage + 1})")
        status.showMessage(f"Passage {fix.passage + 1}: {fix.how}.", 6000)
        return True

    # --- triage from the keyboard ------------------------------------------------------------
    def focus_panel(self) -> None:
        """Show the findings panel and put the keyboard in its list."""
        views = self.window.views
        views.findings_dock.show()
        views.findings_dock.raise_()
        views.findings_panel.focus_list()

    def next_finding(self) -> None:
        self._step(+1)

    def previous_finding(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.window.review is None:
            return
        f = self.window.views.findings_panel.step(delta)
        if f is None:
            self.window.statusBar().showMessage("There are no findings.", 4000)
        else:
            self.show_finding(f)

    def follow(self, passage: int) -> None:
        """The current passage changed: the panel shows its first finding."""
        self.window.views.findings_panel.follow(passage)

    def dismiss(self, finding: Finding | None = None) -> bool:
        """Mark a finding "not an error": it leaves the panel and the marks (undoable, saved)."""
        review = self.window.review
        if review is None:
            return False
        finding = finding if finding is not None else self.current_finding()
        if finding is None:
            self.window.statusBar().showMessage("Select a finding first.", 5000)
            return False
        self.window.undo_stack.push(
            DismissCommand(
                review, [finding_key(finding)], True, f"Not an error: {finding.rule}", self.findings_changed
            )
        )
        self.window.statusBar().showMessage(
            f"Dismissed “{finding.rule}” as not an error (Undo brings it back).", 6000
        )
        return True

    def findings_changed(self) -> None:
        """Findings were dismissed or brought back: the panel, the marks and the recovery file follow."""
        views = self.window.views
        panel = views.findings_panel
        row = panel.table.currentIndex().row()
        panel.set_review(self.window.review)
        if panel.model.rowCount():
            panel.table.setCurrentIndex(panel.model.index(min(max(row, 0), panel.model.rowCount() - 1), 0))
        views.model.refresh_findings()
        self.window.passages_changed([])

    def apply_rule(self, rule: str | None = None, confirm: bool = True) -> bool:
        """Every suggestion of one rule, previewed, as one undo step."""
        review = self.window.review
        if review is None:
            return False
        if rule is None:
            f = self.current_finding()
            rule = f.rule if f is not None else self.window.views.findings_panel.model.rule
        if not rule:
            return False
        findings = [f for f in review.findings if f.rule == rule and f.suggestion is not None]
        new, fixes, skipped = plan_fixes(review, findings)
        new = {i: d for i, d in new.items() if d != review.decision(i)}
        if not new:
            why = ": " + skipped[0][1][0].lower() + skipped[0][1][1:] if skipped else "."
            show_error(self.parent_widget, f"No suggestion of “{rule}” can be applied{why}")
            return False
        rows = [(fx.passage + 1, fx.before, fx.after, fx.how) for fx in fixes]
        notes = [f"passage {f.passage + 1 if f.passage is not None else '?'}: {why}" for f, why in skipped]
        if confirm and not PreviewFixesDialog.confirm(
            self.parent_widget, f"Apply all “{rule}” suggestions", rows, notes
        ):
            return False
        self._push(new, f"Apply all “{rule}” suggestions ({len(new)} passages)")
        self.window.statusBar().showMessage(
            f"Applied {len(fixes)} “{rule}” suggestions in {len(new)} passages.", 6000
        )
        return True
