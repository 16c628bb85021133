"""Build the word-frequency lists the engine ships (``compare/core/text/frequencies/``) from wordfreq.

The engine needs to know how common a word is (function words, rare content words, names) in
the languages it has stopwords for, without wordfreq's 57 MB of data and its start-up cost (0.5 to
1.2 s to load one language): this script writes, per language, the ``WORDS`` most frequent words
that hold a letter, grouped by their Zipf frequency rounded to 0.1, most frequent first, gzipped.
Words outside the list are rarer than its last line (see ``compare.core.text.frequency``).

wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq) is Apache-2.0; its data, and so these
lists, are CC BY-SA 4.0 (the data comes from Wikipedia, subtitles, news, books, web text, Twitter
and Reddit, as wordfreq's README lists): the lists keep that licence (``frequencies/LICENSE``).

Run (needs ``pip install wordfreq``, the ``dev`` extra): ``.venv/bin/python bench/build_word_frequencies.py``.
The output does not depend on the machine: same wordfreq version, same files.
"""

from __future__ import annotations

import gzip
import sys
from itertools import groupby
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "compare" / "core" / "text" / "frequencies"
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")
WORDS = 40_000


def main() -> int:
    try:
        import wordfreq
        from wordfreq import top_n_list, zipf_frequency
    except ImportError:
        sys.exit("this needs the wordfreq package: .venv/bin/pip install wordfreq")
    OUT.mkdir(parents=True, exist_ok=True)
    version = getattr(wordfreq, "__version__", "3")
    for lang in LANGUAGES:
        words = [w for w in top_n_list(lang, WORDS * 2) if any(c.isalpha() for c in w) and " " not in w]
        words = words[:WORDS]
        rows = [(round(zipf_frequency(w, lang) * 10), w) for w in words]
        rows.sort(key=lambda r: -r[0])  # stable: wordfreq's order within one value
        lines = [f"# wordfreq {version} ({lang}), CC BY-SA 4.0; Zipf x 10, then its words"]
        for z, group in groupby(rows, key=lambda r: r[0]):
            lines.append(f"{z} " + " ".join(w for _, w in group))
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (OUT / f"{lang}.txt.gz").write_bytes(gzip.compress(data, mtime=0))
        print(
            f"{lang}: {len(rows)} words, Zipf {rows[0][0] / 10:.1f} .. {rows[-1][0] / 10:.1f}, {len(data)} bytes"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
