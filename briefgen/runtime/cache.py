"""A content-addressed store of per-article extraction results, so a rebuild
where little changed costs little.

Each entry is one file, ``<folder>/<key[:2]>/<key>``, named by a SHA-256 of
everything its value depends on: the article's bytes (or text), the
extraction settings that matter, and ``fingerprint()`` -- the briefgen
version and a hash of the code and data tables extraction runs on -- so a new
release or an edited gazetteer never reuses an old result.

The folder is safe to delete at any time, and safe for two builds at once:
entries are written to a temporary file and renamed into place, so a reader
sees a whole entry or none, and two writers of one key write the same value.
Every entry starts with a header and a checksum of its payload; an entry that
is truncated, corrupt or from another cache format is ignored (and rebuilt),
never trusted. The payload is JSON written by ``briefgen.runtime.plaindata``, never a
pickle: the output folder may come back from a shared CI cache, and reading
an entry, even one written by someone else, builds only plain data and
briefgen's own dataclasses and models; it cannot run code.

``prune`` removes only what this module wrote (a file named by its own key in
the folder of its key's first two characters, and starting with the header,
or a temporary file of its own): ``--out`` may name a folder that holds
other tools' files, and those are left alone, with a warning saying so.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.runtime.plaindata import UnknownValue, dumps, loads

log = logging.getLogger(__name__)

# Bump when the layout of an entry, or of the values stored, changes.
# 3: a whole run's result is kept as its digest file's text.
CACHE_FORMAT = 3
_MAGIC = b"briefgen-cache json\n"
_DIGEST_SIZE = 32

# What a cached result can depend on besides its input and the backend's options:
# every module whose code runs while an article is read or extracted, or while a
# whole run's result is assembled (the pipeline caches it whole), and the data
# files they read. A package stands for every module in it, so a new reader or
# extractor module is covered when it is added. tests/test_fingerprint.py fails
# when a module that extraction imports is missing here.
FINGERPRINTED_MODULES = (
    "briefgen",  # the version
    "briefgen.audiences",
    "briefgen.config",
    "briefgen.digest",  # a whole run's result is kept as the digest file's bytes
    "briefgen.errors",
    "briefgen.extract",  # every backend and the steps they share
    "briefgen.ingest",  # reading, decoding, sentences
    "briefgen.model",
    "briefgen.paths",
    "briefgen.pipeline",
    "briefgen.runtime",
    "briefgen.yamlsafe",
)
# Data files by folder (relative to the package): only text formats; a backend with
# a binary model puts the model's version into its own ``fingerprint()``.
FINGERPRINTED_DATA = ("data",)
_DATA_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".txt"})


def module_files(name: str) -> list[Path]:
    """The source files of module or package ``name`` (a package: all of its modules)."""
    package = Path(__file__).resolve().parent.parent
    if name == "briefgen":  # the package's own __init__ (its version), not all of it
        return [package / "__init__.py"]
    path = package.joinpath(*name.split(".")[1:])
    if path.is_dir():
        return sorted(path.rglob("*.py"))
    return [path.with_suffix(".py")] if path.with_suffix(".py").is_file() else []


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the briefgen version, Python, spaCy and extraction's code and data.

    Hashing the code as well as the version means a development checkout, whose
    version does not change with each edit, never reads a stale result.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        spacy_version = "none"
    h = hashlib.sha256()
    h.update(f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}|{spacy_version}".encode())
    package = Path(__file__).resolve().parent.parent
    files = {path for name in FINGERPRINTED_MODULES for path in module_files(name)}
    for folder in FINGERPRINTED_DATA:
        files |= {p for p in (package / folder).rglob("*") if p.suffix in _DATA_SUFFIXES}
    for path in sorted(files):
        if path.is_file():
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


def cache_key(*parts: str | bytes) -> str:
    """The SHA-256 of ``parts``, each length-prefixed so no two lists collide."""
    h = hashlib.sha256()
    for part in parts:
        # surrogateescape: a file name that is not UTF-8 keeps its own bytes.
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class Cache:
    """Entries by key in ``folder``; ``Cache(None)`` stores nothing and finds nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self._write_failed = False
        self.used: set[str] = set()  # keys read or written in this run

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / key

    def get(self, key: str) -> Any | None:
        """The value stored under ``key``, or None when there is none or it is damaged."""
        if self.folder is None:
            return None
        try:
            data = self._path(key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        value = _decode(data)
        if value is None:
            log.debug("cache entry %s is damaged; extracting again", key)
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value``; a cache that cannot be written is reported once, then ignored."""
        if self.folder is None or self._write_failed:
            return
        try:
            payload = dumps(value)
        except UnknownValue as e:  # a value of a kind the cache cannot hold: only slower
            log.debug("not caching %s: %s", key, e)
            return
        self.used.add(key)
        data = _MAGIC + hashlib.sha256(payload).digest() + payload
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as e:
            # The cache only saves time: a read-only or full disk must not fail the build.
            self._write_failed = True
            log.warning("cannot write the extraction cache in %s (%s); going on without it",
                        self.folder, e.strerror or e)  # fmt: skip

    def prune(self) -> int:
        """Delete every entry this run did not use; the number deleted.

        Called after a run that covered all of a workspace's inputs, so what
        is left over belongs to articles since changed or removed (or to an
        older people table) and would only grow the folder day after day.
        Another build running at once loses nothing it cannot make again.
        Only entries this module wrote are deleted; anything else in the
        folder is left as it is, and a warning says so.
        """
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        foreign: list[str] = []
        for sub in sorted(self.folder.iterdir()):
            if not (sub.is_dir() and len(sub.name) == 2):
                continue  # not an entry folder (the feeds' folder, an older briefgen's file)
            for entry in sorted(sub.iterdir()):
                if entry.name in self.used:
                    continue
                if _is_temp(entry, sub.name):
                    # Another build's entry being written, unless left by one that died.
                    if _older_than(entry, _STALE_TMP_SECONDS):
                        entry.unlink(missing_ok=True)
                        removed += 1
                    continue
                if not _is_entry(entry, sub.name):
                    foreign.append(entry.relative_to(self.folder).as_posix())
                    continue
                entry.unlink(missing_ok=True)
                removed += 1
        if foreign:
            more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
            log.warning(
                "%s: left %s%s alone: not written by briefgen's cache",
                self.folder, foreign[0], more,
            )  # fmt: skip
        return removed


_KEY = re.compile(r"[0-9a-f]{64}")
_TEMP = re.compile(r"\.[0-9a-f]{16}\.[A-Za-z0-9_]{8}\.tmp")


def _is_entry(path: Path, folder: str) -> bool:
    """A file ``put`` wrote: named by its key, in its key's folder, starting with the header."""
    if not (_KEY.fullmatch(path.name) and path.name[:2] == folder):
        return False
    if path.is_symlink() or not path.is_file():  # a folder, a link or a pipe is not ours
        return False
    try:
        with path.open("rb") as f:
            return f.read(len(_MAGIC)) == _MAGIC
    except OSError:
        return False


def _is_temp(path: Path, folder: str) -> bool:
    return bool(_TEMP.fullmatch(path.name)) and path.name[1:3] == folder and path.is_file()


_STALE_TMP_SECONDS = 3600


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _decode(data: bytes) -> Any | None:
    head = len(_MAGIC) + _DIGEST_SIZE
    if len(data) < head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]:
        return None
    try:
        return loads(payload)
    except UnknownValue:  # a checksummed payload, but not one this version can read
        return None
