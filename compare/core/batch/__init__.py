"""A whole folder of article pairs at once: ``news-compare batch PAIRS --output DIR``.

Which files pair up (:func:`find_pairs`):

- PAIRS is a TSV file: one pair a line, ``LEFT<TAB>RIGHT`` (a third column, when present, names
  the pair); relative paths are read from the TSV's folder; blank lines, lines starting with
  ``#`` and a header ``left<TAB>right`` are skipped.
- PAIRS is a folder with subfolders ``left/`` and ``right/``: files of the same name (and
  relative path) in both are a pair.
- Otherwise PAIRS is a folder of files named ``NAME.TAG.EXT`` (``article.en.txt``,
  ``article.de.txt``): the two files of one NAME are a pair, the one whose TAG sorts first on
  the left (``tags`` gives the order instead, e.g. ``("mt", "edited")``). A NAME with one file,
  or with more than two and no ``tags`` to choose, is reported and skipped.

Every pair is compared and checked in a pool of processes (one per core). For each pair the run
writes its HTML diff report (``NAME.html``) and its review (``NAME.ncreview``, which the window
opens), and yields one record (:class:`PairResult`): the counts of passages and divergent
passages, the findings by severity, the top-ranked passages, and ``attention``: the passages'
ranking scores added up on the ranking's own additive scale
(:func:`~compare.core.analysis.ranking.score_points`: weighted log amounts of change, findings
included), how much of the pair needs an editor's eye. A pair that cannot be
read or compared is a record with its error, never the end of the run. :func:`summary_html`
writes the page that sorts the pairs by attention and links their reports and reviews.
Outputs never replace an input.
"""

from compare.core.batch.pairs import find_pairs
from compare.core.batch.records import RECORDS, SUMMARY, TOP, BatchError, Pair, PairResult
from compare.core.batch.run import Batch, Options, compare_pair
from compare.core.batch.summary import ordered, summary_html

__all__ = [
    "RECORDS",
    "SUMMARY",
    "TOP",
    "Batch",
    "BatchError",
    "Options",
    "Pair",
    "PairResult",
    "compare_pair",
    "find_pairs",
    "ordered",
    "summary_html",
]
