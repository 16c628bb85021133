"""Find (Ctrl+F, F3 / Shift+F3): moving between the find bar's matches, each shown in its
passage and highlighted, with the number of matches."""

from __future__ import annotations

from compare.qt.findbar import FindBar, Match, find_matches, fold
from compare.qt.host import Host
from compare.qt.navigation import Navigator


class Finder:
    """Keeps the matches of the find bar's text and moves between them."""

    def __init__(self, window: Host, navigator: Navigator, bar: FindBar):
        self.window = window
        self.navigator = navigator
        self.bar = bar
        self.matches: list[Match] = []
        self.current = -1
        bar.changed.connect(self.refresh)
        bar.next_requested.connect(self.find_next)
        bar.previous_requested.connect(self.find_previous)

    def open(self, text: str | None = None) -> None:
        """Show the find bar (with ``text``, e.g. the selected words) and put the keyboard in it."""
        self.bar.show()
        if text:
            self.bar.edit.setText(" ".join(text.split()))
        self.bar.edit.setFocus()
        self.bar.edit.selectAll()

    def refresh(self) -> None:
        review = self.window.review
        text = self.bar.edit.text()
        scope = str(self.bar.scope.currentData())
        self.matches = find_matches(review, text, scope) if review is not None else []
        self.current = -1
        self.window.views.model.set_search(fold(text) if scope != "article" else "", scope)
        self._show_count()

    def _show_count(self) -> None:
        if not self.bar.edit.text():
            self.bar.count.setText("")
        elif not self.matches:
            self.bar.count.setText("no match")
        elif self.current < 0:
            n = len(self.matches)
            self.bar.count.setText(f"{n} match{'es' if n != 1 else ''}")
        else:
            self.bar.count.setText(f"{self.current + 1} of {len(self.matches)}")

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.bar.isVisible() or not self.bar.edit.text():
            self.open()
            return
        if not self.matches:
            self.window.statusBar().showMessage(f"“{self.bar.edit.text()}” is not there.", 4000)
            return
        here = self.navigator.current_passage()
        if self.current < 0:  # the first match from the current passage on (or before it, backwards)
            ahead = [
                k
                for k, m in enumerate(self.matches)
                if (m.passage >= here if delta > 0 else m.passage <= here)
            ]
            self.current = (
                (ahead[0] if delta > 0 else ahead[-1])
                if ahead
                else (0 if delta > 0 else len(self.matches) - 1)
            )
        else:
            self.current = (self.current + delta) % len(self.matches)
        match = self.matches[self.current]
        self.navigator.go_to(match.passage)
        if match.where == "article":
            self._select_in_article(match)
        self._show_count()

    def _select_in_article(self, match: Match) -> None:
        views = self.window.views
        views.article_dock.show()
        views.article.select_in_passage(match.passage, match.start, match.end)
