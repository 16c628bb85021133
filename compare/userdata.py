"""The per-user data folder (recovery files, the log) and the program's logging.

The folder is ``platformdirs.user_data_dir("news-compare")``, or the one named by the
environment variable ``NEWS_COMPARE_DATA_DIR``. Every module logs through its own logger
(``logging.getLogger(__name__)``); the window writes them to ``news-compare.log`` in the data
folder (named in the About box); the command line keeps them off the terminal, whose standard
error carries one plain sentence per error, unless ``NEWS_COMPARE_LOG`` names a level.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_NAME = "news-compare.log"
_LOG_BYTES = 1024 * 1024


def data_dir() -> Path:
    override = os.environ.get("NEWS_COMPARE_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("news-compare", appauthor=False))


def log_path() -> Path:
    return data_dir() / LOG_NAME


def setup_logging(to_file: bool) -> Path | None:
    """Send the program's log records to the log file (the window) or nowhere (the command line,
    unless ``NEWS_COMPARE_LOG`` is set, e.g. to ``debug``). Returns the log file, if one is used."""
    root = logging.getLogger("compare")
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    level = os.environ.get("NEWS_COMPARE_LOG", "").upper()
    if level and not to_file:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("news-compare: %(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
        root.setLevel(getattr(logging, level, logging.INFO))
        return None
    if not to_file:
        root.addHandler(logging.NullHandler())
        root.propagate = False
        return None
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=_LOG_BYTES, backupCount=2, encoding="utf-8"
        )
    except OSError:
        root.addHandler(logging.NullHandler())
        return None
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
    root.setLevel(getattr(logging, level, logging.INFO) if level else logging.INFO)
    return path
