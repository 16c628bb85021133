"""The one command table: menus, the help window and the README's key table all come from it."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtGui import QKeySequence

from compare.qt.help import keys_html
from compare.qt.shortcuts import COMMANDS, keys_text, markdown_table

README = Path(__file__).resolve().parents[3] / "README.md"


def test_the_readme_key_table_is_the_windows_own() -> None:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- keys:[^\n]*-->\n(.*?)<!-- /keys -->", text, re.DOTALL)
    assert found, "README.md has no generated key table"
    assert found.group(1) == markdown_table(), (
        "run: python -m compare.qt.shortcuts, and paste it into README.md"
    )


def test_every_shortcut_is_bound_once_and_shown_in_menus_and_help(open_window, pair) -> None:  # type: ignore[no-untyped-def]
    window = open_window(pair)
    seen: dict[str, str] = {}
    for c in COMMANDS:
        action = getattr(window.commands, c.id)
        assert [k.toString() for k in action.shortcuts()] == [QKeySequence(k).toString() for k in c.keys], (
            c.id
        )
        for key in c.keys:
            assert key not in seen, f"{key} is bound to {seen.get(key)} and {c.id}"
            seen[key] = c.id
    in_menus = {id(a) for top in window.menuBar().actions() for a in top.menu().actions()}
    assert all(id(getattr(window.commands, c.id)) in in_menus for c in COMMANDS)
    html = keys_html()
    assert all(
        escape(c.help) in html and escape(keys_text(c)) in html for c in COMMANDS if c.keys or c.table_keys
    )
