"""The window's QActions, made from the command table (:mod:`compare.qt.shortcuts`), and its menus.

Actions are attributes named after their command ids (``actions.take_left``); what each one does
is connected by the main window in one place. Some actions exist already and are only given the
table's text and keys: the docks' toggle actions and the undo stack's undo and redo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from compare.qt.shortcuts import COMMANDS, MENUS

PASSAGE_MENU = (
    ("take_left", "take_right", "both", "keep"),
    ("edit", "note", "reviewed", "select_text"),
    ("apply", "dismiss"),
    ("merge", "split", "link"),
)


class Actions:
    """One QAction per command, added to the window so that shortcuts work wherever the focus is."""

    def __init__(self, window: QMainWindow, given: dict[str, QAction], table: QWidget):
        self._window = window
        self._actions: dict[str, QAction] = {}
        for c in COMMANDS:
            action = given.get(c.id) or QAction(c.text, window)
            action.setText(c.text)
            if c.keys:
                action.setShortcuts([QKeySequence(k) for k in c.keys])
            tip = c.help[:1].upper() + c.help[1:] if c.help else ""
            if c.keys:
                tip += f" ({c.keys[0]})"
            action.setStatusTip(tip)
            action.setToolTip(tip)
            if c.checkable:
                action.setCheckable(True)
            for k in c.table_keys:
                shortcut = QShortcut(QKeySequence(k), table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(action.trigger)
            window.addAction(action)
            self._actions[c.id] = action
        self.recent_menu: QMenu | None = None

    def __getattr__(self, name: str) -> QAction:
        try:
            return self.__dict__["_actions"][name]
        except KeyError:
            raise AttributeError(name) from None

    def connect(self, command: str, slot: Callable[..., object]) -> None:
        """Run ``slot()`` when the command is triggered (a checkable one: ``slot(checked)``)."""
        action = self._actions[command]
        if action.isCheckable():
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, call=slot: call())

    def build_menus(self) -> None:
        bar = self._window.menuBar()
        menus = {name: bar.addMenu(f"&{name}") for name in MENUS}
        for c in COMMANDS:
            menu = menus[c.menu]
            if c.separator_before:
                menu.addSeparator()
            menu.addAction(self._actions[c.id])
            if c.id == "open":
                self.recent_menu = menu.addMenu("Open &Recent")

    def passage_menu(self, parent: QWidget) -> QMenu:
        """The context menu of a passage: what can be done to it."""
        menu = QMenu(parent)
        for group in PASSAGE_MENU:
            for name in group:
                menu.addAction(self._actions[name])
            menu.addSeparator()
        return menu

    def enable_review_actions(self, enabled: bool) -> None:
        for c in COMMANDS:
            if c.needs_review:
                self._actions[c.id].setEnabled(enabled)
