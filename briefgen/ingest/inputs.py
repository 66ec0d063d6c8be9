"""Which files to read: the ``inputs`` of a workspace, resolved against its root.

Each pattern is a file, a folder (every supported file under it) or a glob.
A pattern that finds nothing is an error rather than a silently smaller
brief: it is usually a typo. Hidden files and folders (``.git``) are never
inputs, and folders and globs only yield files some reader supports.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from briefgen.errors import InputError
from briefgen.ingest.registry import reader_for, supported_suffixes

_GLOB_CHARS = frozenset("*?[")


def find_inputs(patterns: list[str], *, root: Path) -> list[Path]:
    """The files ``patterns`` name, sorted and without repeats."""
    found: set[Path] = set()
    for pattern in patterns:
        found.update(_matches(pattern, root))
    return sorted(found)


def _matches(pattern: str, root: Path) -> list[Path]:
    target = root / pattern
    if target.is_file():
        return [_normal(target)]  # named explicitly: read_article reports an unsupported type
    if target.is_dir():
        files = [p for p in target.rglob("*") if p.is_file() and _wanted(p, target)]
        if not files:
            raise InputError(
                f"{pattern}: no {', '.join(supported_suffixes())} files in this folder"
            )
        return [_normal(p) for p in files]
    if not _GLOB_CHARS.intersection(pattern):
        raise InputError(f"{pattern}: no such file or folder in {root}")
    paths = [Path(p) for p in glob.glob(str(target), recursive=True)]
    files = [p for p in paths if p.is_file() and _wanted(p, root)]
    if not files:
        raise InputError(f"{pattern}: matches no {', '.join(supported_suffixes())} files")
    return [_normal(p) for p in files]


def _wanted(path: Path, base: Path) -> bool:
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        parts = (path.name,)
    return reader_for(path.suffix) is not None and not any(p.startswith(".") for p in parts)


def _normal(path: Path) -> Path:
    """One spelling per file, so ``a/x.txt`` and ``a/./x.txt`` count once."""
    return Path(os.path.normpath(path))
