"""How the window looks, remembered per user: the text size (zoom) and light, dark or the
system's colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from compare.qt import settings as app_settings
from compare.qt.host import Host

ZOOM_STEPS = (-4, 8)  # points below / above the normal size
SCHEMES = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
_SYSTEM: tuple[str, QPalette] | None = None  # the style and palette the program started with


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d7fd1",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#7fb2f0", QPalette.ColorRole.BrightText: "#ff6b6b",
    }  # fmt: skip
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a"))
    return p


def apply_scheme(name: str) -> None:
    """Light or dark colours for the whole program, whatever the desktop does (the platform's
    own scheme is asked for too, where it supports one); "system": as it started."""
    global _SYSTEM
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _SYSTEM is None:
        _SYSTEM = (app.style().name(), QPalette(app.palette()))
    QGuiApplication.styleHints().setColorScheme(SCHEMES.get(name, Qt.ColorScheme.Unknown))
    if name == "system":
        app.setStyle(QStyleFactory.create(_SYSTEM[0]) or app.style())
        app.setPalette(_SYSTEM[1])
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_dark_palette() if name == "dark" else app.style().standardPalette())


class Appearance:
    """Applies the zoom and the colour scheme to the window's text views."""

    def __init__(self, window: Host):
        self.window = window
        views = window.views
        self._widgets: list[QWidget] = [
            views.table,
            views.article,
            views.passage_list,
            views.findings_panel.table,
        ]
        self._base = {id(w): w.font().pointSizeF() for w in self._widgets}
        self.zoom = 0

    def restore(self) -> None:
        s = app_settings.settings()
        self.set_zoom(
            int(str(s.value("view/zoom", 0))) if str(s.value("view/zoom", 0)).lstrip("-").isdigit() else 0
        )
        self.set_scheme(str(s.value("view/colours", "system")), remember=False)

    # --- zoom --------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.set_zoom(self.zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def set_zoom(self, steps: int) -> None:
        steps = max(ZOOM_STEPS[0], min(ZOOM_STEPS[1], steps))
        self.zoom = steps
        for widget in self._widgets:
            font = widget.font()
            font.setPointSizeF(max(6.0, self._base[id(widget)] + steps))
            widget.setFont(font)
        views = self.window.views
        views.passage_list.verticalHeader().setDefaultSectionSize(
            views.passage_list.fontMetrics().height() + 6
        )
        views.heights.invalidate()  # rows are measured again at the new size
        s = app_settings.settings()
        s.setValue("view/zoom", steps)
        s.sync()

    # --- colours -------------------------------------------------------------------------------
    @property
    def scheme(self) -> str:
        return str(app_settings.settings().value("view/colours", "system"))

    def set_scheme(self, name: str, remember: bool = True) -> None:
        name = name if name in SCHEMES else "system"
        apply_scheme(name)
        commands = self.window.commands
        for key in SCHEMES:
            action = getattr(commands, f"appearance_{key}")
            action.blockSignals(True)
            action.setChecked(key == name)
            action.blockSignals(False)
        if remember:
            s = app_settings.settings()
            s.setValue("view/colours", name)
            s.sync()
        views = self.window.views
        views.tint_selection()
        views.update_icons()
        views.table.viewport().update()
        views.overview.refresh()
