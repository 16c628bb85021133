"""Which files pair up: a TSV list, ``left/`` and ``right/`` subfolders, or ``NAME.TAG.EXT`` files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from compare.core.batch.records import BatchError, Pair, PairResult
from compare.core.errors import os_error_sentence
from compare.core.io.loading import decode_bytes, read_bytes
from compare.core.limits import MAX_INPUT_BYTES


# --- which files pair up ---------------------------------------------------------------------
def _pairs_from_tsv(path: Path) -> tuple[list[Pair], list[PairResult]]:
    text, _, _ = decode_bytes(read_bytes(path, MAX_INPUT_BYTES), path.name)
    pairs, bad = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if [c.lower() for c in cells[:2]] == ["left", "right"]:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            bad.append(
                PairResult(
                    f"line {number}", "", "", error=f"Line {number} of {path.name} is not LEFT<TAB>RIGHT."
                )
            )
            continue
        left, right = (str(path.parent / c) if not os.path.isabs(c) else c for c in cells[:2])
        name = cells[2] if len(cells) > 2 and cells[2] else Path(cells[1]).stem
        pairs.append(Pair(name, left, right))
    return pairs, bad


def _visible_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _pairs_from_subfolders(left: Path, right: Path) -> tuple[list[Pair], list[PairResult]]:
    def files(root: Path) -> dict[str, Path]:
        return {
            str(p.relative_to(root)): p
            for p in sorted(root.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
        }

    lefts, rights = files(left), files(right)
    pairs = [
        Pair(str(Path(k).with_suffix("")), str(lefts[k]), str(rights[k]))
        for k in sorted(lefts)
        if k in rights
    ]
    lonely = [
        PairResult(k, str(lefts.get(k, "")), str(rights.get(k, "")), error=f"{k} is in {side}/ only.")
        for k, side in [
            *((k, "left") for k in lefts if k not in rights),
            *((k, "right") for k in rights if k not in lefts),
        ]
    ]
    return pairs, lonely


def _pairs_by_tag(folder: Path, tags: Sequence[str] | None) -> tuple[list[Pair], list[PairResult]]:
    groups: dict[str, dict[str, Path]] = {}
    for p in _visible_files(folder):
        parts = p.name.rsplit(".", 2)
        if len(parts) == 3 and parts[0] and parts[1]:
            groups.setdefault(parts[0], {})[parts[1]] = p
    pairs, bad = [], []
    for name, by_tag in sorted(groups.items()):
        if tags:
            if all(t in by_tag for t in tags):
                pairs.append(Pair(name, str(by_tag[tags[0]]), str(by_tag[tags[1]])))
            else:
                missing = next(t for t in tags if t not in by_tag)
                bad.append(
                    PairResult(
                        name,
                        str(by_tag.get(tags[0], "")),
                        str(by_tag.get(tags[1], "")),
                        error=f"{name} has no {name}.{missing}.* file to pair with.",
                    )
                )
            continue
        if len(by_tag) == 2:
            first, second = sorted(by_tag)
            pairs.append(Pair(name, str(by_tag[first]), str(by_tag[second])))
        else:
            listed = ", ".join(p.name for p in by_tag.values())
            why = "has no second version" if len(by_tag) == 1 else "has more than two versions; give --tags"
            bad.append(PairResult(name, "", "", error=f"{name} {why} ({listed})."))
    return pairs, bad


def find_pairs(
    spec: str | os.PathLike[str], tags: Sequence[str] | None = None
) -> tuple[list[Pair], list[PairResult]]:
    """The pairs that ``spec`` names (see the module docstring), and the files or lines that pair
    with nothing (as skipped results). Raises :class:`BatchError` when ``spec`` is neither."""
    path = Path(spec)
    try:
        if path.is_file():
            return _pairs_from_tsv(path)
        if not path.is_dir():
            raise BatchError(
                f"{path} does not exist; give a folder of pairs or a TSV of left and right paths."
            )
        if (path / "left").is_dir() and (path / "right").is_dir():
            return _pairs_from_subfolders(path / "left", path / "right")
        return _pairs_by_tag(path, tags)
    except OSError as err:
        raise BatchError(os_error_sentence(err, path)) from None
