"""Which files to read: the ``inputs`` of a workspace, resolved against its root.

Each pattern is a file, a folder (every supported file under it) or a glob
(``*``, ``?``, ``[abc]`` within a name, ``**`` for any number of folders).
A pattern that finds nothing is an error rather than a silently smaller
brief: it is usually a typo. Hidden files and folders (``.git``) are never
inputs, and folders and globs only yield files some reader supports.

Folders are walked here rather than with ``Path.rglob`` or ``glob``: those
silently pass over folders they cannot open, and either never follow links
to folders or follow them round a loop. This walk follows links to folders
(people link a shared folder of articles into a workspace), goes into each
real folder once, and reports what it could not search: a folder it may not
open, a link that leads back to a folder already searched. Files it finds
are returned whatever they turn out to be (a broken link, a named pipe):
reading one says precisely what is wrong with it.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefgen.errors import InputError
from briefgen.ingest.files import display_name
from briefgen.ingest.registry import reader_for, supported_suffixes
from briefgen.model import Notice

log = logging.getLogger(__name__)

_GLOB_CHARS = frozenset("*?[")


@dataclass
class InputScan:
    """The files the patterns name, and what could not be searched (as ``skipped`` notices)."""

    files: list[Path] = field(default_factory=list)
    problems: list[Notice] = field(default_factory=list)


def find_inputs(patterns: list[str], *, root: Path, exclude: Sequence[Path] = ()) -> list[Path]:
    """The files ``patterns`` name, sorted and without repeats (problems are only logged)."""
    scan = scan_inputs(patterns, root=root, exclude=exclude)
    for problem in scan.problems:
        log.warning("skipped %s", problem)
    return scan.files


def scan_inputs(patterns: list[str], *, root: Path, exclude: Sequence[Path] = ()) -> InputScan:
    """The files ``patterns`` name, sorted and without repeats, and the folders not searched.

    Nothing in the folders of ``exclude`` (a build's output folder, with its
    cache) is ever an input, whatever the patterns say: ``inputs: ['.']``
    must not read the last build's briefs back in.
    """
    found: set[Path] = set()
    problems: dict[str, Notice] = {}
    excluded = _folder_keys(exclude)
    for pattern in patterns:
        walk = _Walk(root, excluded)
        found.update(_matches(pattern, root, walk))
        for notice in walk.problems:
            problems.setdefault(notice.path, notice)
    return InputScan(sorted(found), [problems[k] for k in sorted(problems)])


def _matches(pattern: str, root: Path, walk: _Walk) -> list[Path]:
    target = root / pattern
    if target.is_dir():
        files = [_normal(p) for p in walk.files(target) if _wanted(p, target)]
        if not files and not walk.problems:
            raise InputError(
                f"{pattern}: no {', '.join(supported_suffixes())} files in this folder"
            )
        return files
    if os.path.lexists(target) or not _GLOB_CHARS.intersection(pattern):
        if not os.path.lexists(target):
            raise InputError(f"{pattern}: no such file or folder in {root}")
        # Named outright, whatever it is: read_article says what is wrong with it.
        if walk.excludes(target):
            raise InputError(f"{pattern}: in the output folder, whose files are never inputs")
        return [_normal(target)]
    base, rest = _split_glob(pattern)
    folder = root / base
    files = []
    if folder.is_dir():
        # Without "**" a match is exactly len(rest) deep: search no deeper.
        depth = None if "**" in rest else len(rest)
        files = [
            _normal(p)
            for p in walk.files(folder, depth=depth)
            if _wanted(p, folder) and _glob_match(tuple(rest), p.relative_to(folder).parts)
        ]
    if not files and not walk.problems:
        raise InputError(f"{pattern}: matches no {', '.join(supported_suffixes())} files")
    return files


class _Walk:
    """Every non-folder entry under some folders, each real folder entered once."""

    def __init__(self, root: Path, excluded: frozenset[tuple[int, int]] = frozenset()) -> None:
        self.root = root
        self.problems: list[Notice] = []
        self._seen: set[tuple[int, int]] = set()
        self._excluded = excluded

    def excludes(self, path: Path) -> bool:
        """Whether ``path`` is in an excluded folder (or is one), however it is spelled."""
        if not self._excluded:
            return False
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            return False
        return not _folder_keys([real, *real.parents]).isdisjoint(self._excluded)

    def files(self, top: Path, *, depth: int | None = None) -> list[Path]:
        """Files under ``top``; with ``depth``, only those at most that many levels down."""
        found: list[Path] = []
        stack = [(top, 1)]
        while stack:
            folder, level = stack.pop()
            entries = self._entries(folder)
            for entry in sorted(entries, key=lambda e: e.name, reverse=True):
                if entry.name.startswith("."):
                    continue
                path = Path(entry.path)
                if not _is_dir(entry):
                    found.append(path)
                elif depth is None or level < depth:
                    stack.append((path, level + 1))
        return found

    def _entries(self, folder: Path) -> list[os.DirEntry[str]]:
        try:
            info = folder.stat()
        except OSError as e:
            self._problem(folder, f"folder cannot be searched ({e.strerror or e})")
            return []
        key = (info.st_dev, info.st_ino)
        if key in self._excluded:
            log.debug("%s: the output folder; not searched for inputs", folder)
            return []
        if key in self._seen:
            self._problem(folder, "a link to a folder already searched (a loop?); not followed")
            return []
        self._seen.add(key)
        try:
            with os.scandir(folder) as it:
                return list(it)
        except OSError as e:
            self._problem(folder, f"folder cannot be searched ({e.strerror or e})")
            return []

    def _problem(self, folder: Path, reason: str) -> None:
        try:
            shown = folder.relative_to(self.root).as_posix()
        except ValueError:
            shown = folder.as_posix()
        notice = Notice(display_name(shown) + "/", "skipped", reason)
        self.problems.append(notice)


def _folder_keys(folders: Sequence[Path]) -> frozenset[tuple[int, int]]:
    """Each existing folder as ``(device, inode)``: one key however the folder is reached."""
    keys = set()
    for folder in folders:
        try:
            info = folder.stat()
        except OSError:
            continue
        keys.add((info.st_dev, info.st_ino))
    return frozenset(keys)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows links: a linked folder is searched too
    except OSError:
        return False  # a link loop or a vanished entry: reading it will say so


def _split_glob(pattern: str) -> tuple[str, list[str]]:
    """The folder before the first glob character, and the pattern's parts after it."""
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if _GLOB_CHARS.intersection(part))
    return str(Path(*parts[:first])) if first else ".", list(parts[first:])


@lru_cache(maxsize=4096)
def _glob_match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether path ``parts`` match glob ``pattern`` parts, ``**`` standing for any folders."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_glob_match(rest, parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _glob_match(rest, parts[1:])


def _wanted(path: Path, base: Path) -> bool:
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        parts = (path.name,)
    return reader_for(path.suffix) is not None and not any(p.startswith(".") for p in parts)


def _normal(path: Path) -> Path:
    """One spelling per file, so ``a/x.txt`` and ``a/./x.txt`` count once."""
    return Path(os.path.normpath(path))
