"""Limits that keep every input bounded in time and memory (one place for each)."""

from __future__ import annotations

MIB = 1024 * 1024

#: Largest file read as one version of an article (``--max-size`` changes it per run); it also
#: bounds the text a file decodes or decompresses to (a Word document's text, a page's text).
MAX_INPUT_BYTES = 20 * MIB

#: The largest ``--max-size`` accepted: beyond it the comparison no longer fits in memory.
MAX_INPUT_CEILING = 1024 * MIB

#: Largest review session file read (it holds both texts, their alignment and word changes);
#: each text in it is also held to the input limit.
MAX_SESSION_BYTES = 200 * MIB

#: JSON arrays and objects in a session: a review of two 20 MB texts with a million sentences
#: each needs about five million; this bounds the memory the parser may take.
MAX_SESSION_CONTAINERS = 12_000_000

#: Longest string in a session that is not one of the two texts (a path, a note, a hand edit
#: is held to the input limit like the texts).
MAX_SESSION_SHORT_STRING = 64 * 1024

#: A Word document: how many parts its zip may list, the size of the XML of its body once
#: inflated (many times its text: every run carries its formatting), and the ratio of inflated
#: to compressed size above which a part is a zip bomb rather than a document (XML deflates
#: by 5-30 times; a bomb by hundreds).
MAX_DOCX_PARTS = 10_000
MAX_DOCX_XML_BYTES = 256 * MIB
MAX_DOCX_RATIO = 200
#: Element nesting in XML and HTML (libxml2's own limit without its "huge" option is 256).
MAX_MARKUP_DEPTH = 256

#: Passages whose word diff would compare more than this many token pairs (after their common
#: beginning and end) are one change as a whole: the diff's worst case is quadratic (a
#: thousand tokens against a thousand entirely different ones take about 2 s).
MAX_WORD_DIFF_CELLS = 1_000_000

#: The window opens a pair of at most this many bytes (both files) on a thread of its own
#: process; a larger one in a child process, in stages, so that the window never starves.
THREAD_JOB_BYTES = 200_000


#: Largest glossary file read, and most entries in it (a house glossary holds hundreds).
MAX_GLOSSARY_BYTES = 2 * MIB
MAX_GLOSSARY_ENTRIES = 20_000


def human_size(n: int) -> str:
    """``n`` bytes as "1.5 MB" or "12 KB"."""
    return f"{n / MIB:.1f} MB" if n >= MIB else f"{n / 1024:.0f} KB"
