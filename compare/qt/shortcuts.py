"""Every command of the window with its menu, its keys and what it does: the one table that the
menus, the Help ▸ Keys and Colours window and the README's key table are made from (Meld keeps
its accelerators in one table the same way). Plain data: no Qt here, so the README can be
checked without a display.

Keys are written as Qt's portable key sequences ("Ctrl" is Command on macOS).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    id: str  # attribute name on the window's Actions
    menu: str  # "File", "Edit", "Passage", "Go", "View", "Help"
    text: str  # menu text, with & before the mnemonic
    keys: tuple[str, ...] = ()
    help: str = ""  # what it does, for the help window and the README
    needs_review: bool = True  # disabled while no comparison is open
    checkable: bool = False
    separator_before: bool = False
    # keys that act only while the comparison table has the keyboard (Return must still reach
    # the find bar, a list or a button)
    table_keys: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The menu text without its mnemonic marker."""
        return self.text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


# fmt: off
COMMANDS: tuple[Command, ...] = (
    # File
    Command("open", "File", "&Open…", ("Ctrl+O",), "open two versions, or a saved review", needs_review=False),
    Command("save", "File", "&Save Review", ("Ctrl+S",), "save the review to resume later", separator_before=True),
    Command("save_as", "File", "Save Review &As…", ("Ctrl+Shift+S",), "save the review under another name"),
    Command("export", "File", "&Export Cleaned Article…", ("Ctrl+E",),
            "export the cleaned article (.txt, .md, .html, .docx, .pdf)", separator_before=True),
    Command("redline", "File", "Export Word Document with &Tracked Changes…", (),
            "export a Word document whose tracked changes turn the base into the cleaned article, notes as comments"),
    Command("report", "File", "Export Change &Report…", ("Ctrl+Shift+E",),
            "export the report of what changed (.html, .csv)"),
    Command("bitext", "File", "Export Aligned &Sentences…", (),
            "export the aligned sentences as a translation memory (.tmx) or table (.tsv)"),
    Command("pdf", "File", "Export Review as P&DF…", (), "write the review (both versions, marks, findings) as PDF"),
    Command("print", "File", "&Print Review…", ("Ctrl+P",), "print the review: both versions, marks and findings"),
    Command("glossary", "File", "Choose &Glossary…", (),
            "check against a house glossary (.tsv, .csv) from the next comparison on", needs_review=False,
            separator_before=True),
    Command("no_glossary", "File", "&Forget Glossary", (), "check without a glossary from the next comparison on",
            needs_review=False),
    Command("reload", "File", "Re&load Files", ("F5",), "read the files again (decisions on unchanged passages stay)",
            separator_before=True),
    Command("swap", "File", "S&wap Sides", ("Ctrl+Shift+W",), "swap the left and right versions"),
    Command("close", "File", "&Close", ("Ctrl+W",), "close the comparison", separator_before=True),
    Command("quit", "File", "&Quit", ("Ctrl+Q",), "quit", needs_review=False),
    # Edit
    Command("undo", "Edit", "&Undo", ("Ctrl+Z",), "undo", needs_review=False),
    Command("redo", "Edit", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", needs_review=False),
    Command("find", "Edit", "&Find…", ("Ctrl+F",), "find a word, a name or a number", separator_before=True),
    Command("find_next", "Edit", "Find &Next", ("F3",), "next match"),
    Command("find_previous", "Edit", "Find Pre&vious", ("Shift+F3",), "previous match"),
    Command("select_text", "Edit", "&Select Text in Passage…", ("F4",),
            "select words in the passage to copy them, find them or quote them in a note"),
    Command("filter", "Edit", "Fi&lter Passages…", ("Ctrl+L",),
            "show only passages with findings, unreviewed ones, ones with notes or decided ones"),
    # Passage
    Command("take_left", "Passage", "Take &Left Text", ("Alt+Left",),
            "take the left text for this passage (or the selected ones)"),
    Command("take_right", "Passage", "Take &Right Text", ("Alt+Right",),
            "take the right text for this passage (or the selected ones)"),
    Command("keep", "Passage", "&Keep Base Text", ("Alt+Backspace",), "keep the base text"),
    Command("both", "Passage", "Take &Both", ("Alt+B",), "take both texts"),
    Command("edit", "Passage", "&Edit by Hand…", ("F2",), "edit the passage by hand", table_keys=("Return",),
            separator_before=True),
    Command("note", "Passage", "&Note…", ("Shift+F2",), "add a note"),
    Command("reviewed", "Passage", "Mark Re&viewed", ("Ctrl+M",), "mark reviewed", separator_before=True),
    Command("reviewed_next", "Passage", "Mark Reviewed and &Next", ("Ctrl+Return",),
            "mark reviewed and go to the next unreviewed passage"),
    Command("apply", "Passage", "&Apply Suggestion", ("Ctrl+.",), "apply the selected finding's suggestion", separator_before=True),
    Command("apply_rule", "Passage", "Apply All Suggestions of This R&ule…", ("Ctrl+Shift+.",),
            "apply all suggestions of the selected finding's rule (with a preview)"),
    Command("dismiss", "Passage", "Not an &Error", ("Ctrl+Shift+N",),
            "hide the selected finding: it is not an error (undoable, kept in the review)"),
    Command("merge", "Passage", "&Merge with Next Passage", ("Ctrl+Shift+M",),
            "fix the alignment: merge the passage with the next one", separator_before=True),
    Command("split", "Passage", "S&plit Passage…", ("Ctrl+Shift+T",),
            "fix the alignment: split the passage at a sentence boundary"),
    Command("link", "Passage", "L&ink Sentences…", ("Ctrl+Shift+K",),
            "fix the alignment: pin a sentence of the left to a sentence of the right"),
    # Go
    Command("next", "Go", "&Next Divergence", ("Alt+Down", "F7"), "next divergence"),
    Command("previous", "Go", "&Previous Divergence", ("Alt+Up", "Shift+F7"), "previous divergence"),
    Command("next_unreviewed", "Go", "Next &Unreviewed", ("F8",), "next unreviewed passage"),
    Command("go_to", "Go", "&Go to Passage…", ("Ctrl+G",), "go to a passage by number"),
    Command("next_finding", "Go", "Next &Finding", ("F9",), "next finding", separator_before=True),
    Command("previous_finding", "Go", "Previous F&inding", ("Shift+F9",), "previous finding"),
    Command("focus_findings", "Go", "To the Findings P&anel", ("Ctrl+Shift+F",),
            "show the findings and put the keyboard in them", separator_before=True),
    Command("focus_passage_list", "Go", "To the Passage &List", ("Ctrl+Shift+L",),
            "show the passage list and put the keyboard in it"),
    Command("focus_article", "Go", "To the Cleaned A&rticle", ("Ctrl+Shift+A",),
            "show the cleaned article and put the keyboard in it"),
    Command("focus_table", "Go", "Back to the &Comparison", ("Escape",),
            "back to the comparison (closes the find bar)"),
    # View
    Command("only_differences", "View", "Show Only &Differences", ("Ctrl+D",), "show only the passages that differ",
            checkable=True),
    Command("zoom_in", "View", "Zoom &In", ("Ctrl++", "Ctrl+="), "larger text", needs_review=False, separator_before=True),
    Command("zoom_out", "View", "Zoom &Out", ("Ctrl+-",), "smaller text", needs_review=False),
    Command("zoom_reset", "View", "&Normal Size", ("Ctrl+0",), "text at its normal size", needs_review=False),
    Command("passage_list", "View", "&Passages", (), "show or hide the passage list", needs_review=False, separator_before=True),
    Command("findings", "View", "&Findings", (), "show or hide the findings", needs_review=False),
    Command("article", "View", "Cleaned &Article", (), "show or hide the cleaned article", needs_review=False),
    Command("appearance_system", "View", "Colours as the &System Has Them", (), "colours as the desktop has them",
            checkable=True, needs_review=False, separator_before=True),
    Command("appearance_light", "View", "&Light Colours", (), "light colours", checkable=True, needs_review=False),
    Command("appearance_dark", "View", "Dar&k Colours", (), "dark colours", checkable=True, needs_review=False),
    # Help
    Command("sample", "Help", "Open &Sample Pair", (), "open the bundled sample pair", needs_review=False),
    Command("keys", "Help", "&Keys and Colours", ("F1",), "this list of keys and colours", needs_review=False),
    Command("about", "Help", "&About News Compare", (), "versions and licences", needs_review=False),
)
# fmt: on

MENUS = ("File", "Edit", "Passage", "Go", "View", "Help")
BY_ID = {c.id: c for c in COMMANDS}


def keys_text(command: Command) -> str:
    table = f"{', '.join(command.table_keys)} in the comparison" if command.table_keys else ""
    return ", ".join([*command.keys, table] if table else command.keys)


def markdown_table() -> str:
    """The README's key table: every command that has keys, in menu order."""
    rows = ["| keys | action |", "|---|---|"]
    for c in COMMANDS:
        if c.keys or c.table_keys:
            rows.append(f"| {keys_text(c)} | {c.help} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # python -m compare.qt.shortcuts: print the README's table
    sys.stdout.write(markdown_table())
