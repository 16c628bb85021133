"""Help ▸ Keys and Colours and Help ▸ About: made from the command table and the licences."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

import compare
from compare import APP_NAME
from compare.licences import DATA_NOTICE, dependency_licences
from compare.qt.legend import LEGEND
from compare.qt.shortcuts import COMMANDS, MENUS, keys_text
from compare.userdata import log_path


def keys_html() -> str:
    """Every command with its keys, by menu, and what the marks mean."""
    parts = []
    for menu in MENUS:
        rows = "".join(
            f"<tr><td><b>{escape(keys_text(c))}</b></td><td>{escape(c.help)}</td></tr>"
            for c in COMMANDS
            if c.menu == menu and (c.keys or c.table_keys)
        )
        if rows:
            parts.append(f"<h4>{escape(menu)}</h4><table cellspacing=3>{rows}</table>")
    legend = "".join(
        f"<tr><td><b>{escape(mark)}</b></td><td>{escape(meaning)}</td></tr>" for mark, meaning in LEGEND
    )
    parts.append(f"<h4>Colours and marks</h4><table cellspacing=3>{legend}</table>")
    return "".join(parts)


def show_keys(parent: QWidget) -> None:
    QMessageBox.information(parent, "Keys and colours", keys_html())


def show_about(parent: QWidget) -> None:
    rows = "".join(
        f"<tr><td>{escape(n)}</td><td>{escape(v)}</td><td>{escape(lic)}</td></tr>"
        for n, v, lic in dependency_licences()
    )
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<h3>{APP_NAME} {compare.__version__}</h3>"  # looked up now, not at start-up
        "<p>Compare two versions of a news article, decide passage by passage, and publish a clean one.</p>"
        "<p>Licence: MIT.</p>"
        f"<p>Built with:</p><table cellspacing=4>{rows}</table>"
        f"<p><small>{escape(DATA_NOTICE)}</small></p>"
        f"<p><small>Log file: {escape(str(log_path()))}</small></p>",
    )
