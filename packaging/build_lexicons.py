"""Build the compact bilingual word lists that ship in ``resources/lexicons/`` from FreeDict.

The cross-language aligner (``compare.core.align.bilingual``) uses dictionary translations as
anchors. So that a user gets the same aligner the tests measure, the package ships them: one
gzip'd TSV a direction, ``SRC-TGT.tsv.gz`` (ISO 639-3 codes), read by
``compare.core.align.lexicon``. This script makes them from the Debian packages of FreeDict
(``dict-freedict-SRC-TGT``, installed with apt), reading each dictd file with the same parser
the aligner uses on an installed dictionary, so both give the same words.

Each file starts with ``#`` lines naming the dictionary, its edition, its copyright and
licence (from the dictionary's own ``00-database-info`` and the package's copyright file), and
what was kept; then one ``headword<TAB>translation translation ...`` line a headword, sorted.
Kept: one-word headwords and their one-word translations (pronunciations and glosses dropped),
for headwords with at most ``max_translations`` translations (the aligner ignores the others).
``NOTICE`` beside them collects the attributions and licences for the About box and the
package.

    apt-get install dict-freedict-deu-fra dict-freedict-fra-deu ...   (see PAIRS)
    .venv/bin/python packaging/build_lexicons.py [--dictd /usr/share/dictd] [--out resources/lexicons]

The output is deterministic (sorted lines, gzip without a timestamp): rebuilding from the same
packages gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.core.align.bilingual import _P  # noqa: E402
from compare.core.align.lexicon import DictdLexicon, lexicon_header  # noqa: E402

# Directions shipped: German, French and English with each other, and English with Spanish
# and Italian (the other large European news languages FreeDict covers in both directions).
# FreeDict has no Chinese dictionary in Debian.
PAIRS = (
    "deu-fra", "fra-deu", "deu-eng", "eng-deu", "fra-eng", "eng-fra",
    "eng-spa", "spa-eng", "eng-ita", "ita-eng",
)  # fmt: skip

_LICENCE_NAMES = {
    "CC-BY-SA-3.0": "Creative Commons Attribution-ShareAlike 3.0 Unported",
    "GPL-2+": "GNU General Public License, version 2 or later",
    "GPL-3+": "GNU General Public License, version 3 or later",
}


def _debian_copyright(pair: str) -> tuple[str, str]:
    """(copyright, licence) of ``pair`` in its Debian package's copyright file."""
    text = Path(f"/usr/share/doc/dict-freedict-{pair}/copyright").read_text(encoding="utf-8")
    stanza = re.search(rf"^Files: {re.escape(pair)}/\*\n(.*?)(?:\n\n|\Z)", text, re.MULTILINE | re.DOTALL)
    if stanza is None:
        sys.exit(f"no stanza for {pair} in the copyright file of dict-freedict-{pair}")
    fields = dict(re.findall(r"^(Copyright|License): (.*(?:\n .*)*)", stanza.group(1), re.MULTILINE))
    # The licence's short name is on its first line; more lines may explain it.
    return " ".join(fields["Copyright"].split()), fields["License"].split("\n")[0].strip()


def _package_version(pair: str) -> str:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", f"dict-freedict-{pair}"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() if out.returncode == 0 else "unknown"


def _info(lexicon: DictdLexicon) -> dict[str, str]:
    """Name, edition and availability from the dictionary's ``00-database-info`` entry."""
    text = lexicon.database_info()
    name = text.strip().split("\n", 1)[0].strip()
    edition = re.search(r"^Edition: (.*)$", text, re.MULTILINE)
    availability = re.search(r"Availability:\n\n(.*?)\n\n", text, re.DOTALL)
    return {
        "name": name,
        "edition": edition.group(1).strip() if edition else "",
        "availability": " ".join(availability.group(1).split()) if availability else "",
    }


def build(pair: str, dictd: Path, out: Path, cap: int) -> tuple[Path, list[str]]:
    src, tgt = pair.split("-")
    index, data = dictd / f"freedict-{pair}.index", dictd / f"freedict-{pair}.dict.dz"
    if not (index.is_file() and data.is_file()):
        sys.exit(f"{index} is missing: apt-get install dict-freedict-{pair}")
    lexicon = DictdLexicon(index, data)
    info = _info(lexicon)
    copyright_, licence = _debian_copyright(pair)
    rows = []
    for word, translations in lexicon.items():
        if word.isalpha() and 0 < len(translations) <= cap:  # the aligner looks up letters only
            rows.append(f"{word}\t{' '.join(sorted(translations))}")
    rows.sort()
    header = {
        "dictionary": f"FreeDict {pair}: {info['name']}, edition {info['edition']}",
        "licence": f"{licence} ({_LICENCE_NAMES.get(licence, licence)})",
        "copyright": copyright_,
        "availability": info["availability"],
        "source": f"Debian package dict-freedict-{pair} {_package_version(pair)}; https://freedict.org/",
        "kept": f"one-word headwords with at most {cap} one-word translations; {len(rows)} headwords",
        "built-by": "packaging/build_lexicons.py",
    }
    lines = [f"# {key}: {value}" for key, value in header.items()] + rows
    path = out / f"{src}-{tgt}.tsv.gz"
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return path, [f"{key}: {value}" for key, value in header.items() if key != "built-by"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dictd", type=Path, default=Path("/usr/share/dictd"))
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "lexicons")
    ap.add_argument("pairs", nargs="*", default=list(PAIRS))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    notice = [
        "Bilingual word lists of News Compare (resources/lexicons/*.tsv.gz)",
        "",
        "The cross-language sentence aligner uses these word lists, built from FreeDict",
        "dictionaries (https://freedict.org/) by packaging/build_lexicons.py: one-word headwords and",
        "their one-word translations, nothing else. Each list is a derived work of its dictionary",
        "and is distributed under that dictionary's licence, as stated below and in the first",
        "lines of each file. The source form of each is its FreeDict dictionary (also packaged by",
        "Debian as dict-freedict-SRC-TGT) together with the build script.",
        "",
    ]
    total = 0
    for pair in args.pairs:
        path, header = build(pair, args.dictd, args.out, _P.max_translations)
        size = path.stat().st_size
        total += size
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {size / 1e6:.2f} MB")
        notice += [f"{path.name}"] + [f"  {line}" for line in header] + [""]
    notice += [
        "Licence texts: https://creativecommons.org/licenses/by-sa/3.0/legalcode,",
        "https://www.gnu.org/licenses/gpl-2.0.html, https://www.gnu.org/licenses/gpl-3.0.html",
        "(on Debian also /usr/share/common-licenses/GPL-2 and GPL-3).",
    ]
    (args.out / "NOTICE").write_text("\n".join(notice) + "\n", encoding="utf-8")
    print(f"total {total / 1e6:.2f} MB in {len(args.pairs)} files")
    # The reader must understand what was written.
    for pair in args.pairs:
        src, tgt = pair.split("-")
        assert lexicon_header(args.out / f"{src}-{tgt}.tsv.gz")["licence"]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
