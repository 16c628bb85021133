"""What a review session file is: its format name and version, and what it holds once read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from compare.core.review.review import Review

FORMAT = "news-compare-session"
VERSION = 1


# Lone surrogates: how Python holds a file name that is not UTF-8 (surrogateescape).
SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Session:
    review: Review
    view: dict[str, Any] = field(default_factory=dict)  # window state: scroll position, current passage
