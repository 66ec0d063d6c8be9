"""Reading a run's input files through the runtime: once per file, cached, in parallel.

Each file is read, decoded, cleaned and split into sentences here, whatever
extractor follows; nothing an extractor needs of its own is done at read time.
A file's result is cached under its bytes and every form of its path that
``Article.path`` comes from (``input_key``), so a rebuild reads only the files
that changed. A file that cannot be read is an outcome, not an exception, so
one bad file never stops the other workers; such outcomes are never cached.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import InputError
from briefgen.model import Article

if TYPE_CHECKING:
    from briefgen.runtime.run import Runtime

# Larger files are left to read_article, which refuses them with a clear message.
_MAX_HASHED_BYTES = 20_000_000


@dataclass(frozen=True)
class ReadTask:
    path: str
    root: str
    max_bytes: int
    key: str = ""  # ``input_key``; empty: not cached


@dataclass(frozen=True)
class ReadOutcome:
    article: Article | None
    error: str | None = None


def read_one(task: ReadTask) -> ReadOutcome:
    """One input file read; an unreadable one is an outcome with its error."""
    from briefgen.ingest import read_article

    try:
        article = read_article(Path(task.path), root=Path(task.root), max_bytes=task.max_bytes)
    except InputError as e:
        return ReadOutcome(None, str(e))
    return ReadOutcome(article)


def warm_reading() -> None:
    """What ``read_one`` needs (the sentence splitter), loaded before workers fork."""
    from briefgen.ingest.nlp import pipeline

    pipeline()


def input_key(path: Path, root: Path, max_bytes: int) -> str:
    """What a file's ``Article`` depends on: its bytes and the forms of its path.

    Empty when the file cannot be read safely: ``read_article`` will say why.
    A file over ``max_bytes`` gets no key, so it is refused under whatever
    limit is in force.
    """
    from briefgen.ingest.files import read_bytes
    from briefgen.runtime.cache import cache_key

    # The same safe read as ingestion's: regular files only (a named pipe
    # would block), bounded, consistent.
    try:
        data = read_bytes(path, str(path), max_bytes=min(max_bytes, _MAX_HASHED_BYTES))
        resolved = os.path.relpath(os.path.realpath(path), _real(root))
    except (InputError, OSError, ValueError):
        return ""
    written = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return cache_key("read", path.as_posix(), written, resolved, data)


@lru_cache(maxsize=8)
def _real(root: Path) -> str:
    """``root`` with its symbolic links resolved: once per run, not once per file."""
    return os.path.realpath(root)


def read_files(
    paths: Sequence[Path],
    *,
    root: Path,
    max_bytes: int,
    run: Runtime,
    keys: Sequence[str] | None = None,
) -> list[ReadOutcome]:
    """Each file read, in the order given; ``keys`` are the files' ``input_key``s when
    the caller has them already (without, they are computed when the cache is on)."""
    if keys is None:
        keys = [input_key(p, root, max_bytes) if run.cache.enabled else "" for p in paths]
    # Paths as given (absolute from the CLI): a Dask worker has its own working folder.
    tasks = [ReadTask(str(p), str(root), max_bytes, k) for p, k in zip(paths, keys, strict=True)]
    return run.map(
        "reading",
        read_one,
        tasks,
        key=lambda task: task.key,
        warm=warm_reading,
        keep=lambda outcome: outcome.error is None,
    )
