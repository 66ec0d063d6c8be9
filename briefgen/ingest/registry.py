"""The readers, by name; ``read_article`` picks one by file suffix.

The built-in readers are registered here and nowhere else. Other packages can
add a reader through the ``briefgen.readers`` entry point group: each entry
point names a ``Reader``. Built-ins keep their suffixes; a plugin that claims
one of them is ignored with a warning, so installing a package can never
silently change how existing inputs are read.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib.metadata import entry_points

from briefgen.ingest.html import read_html
from briefgen.ingest.markdown import read_markdown
from briefgen.ingest.text import read_text
from briefgen.ingest.types import Reader

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "briefgen.readers"

READERS: dict[str, Reader] = {
    "text": Reader("text", (".txt",), read_text),
    "markdown": Reader("markdown", (".md", ".markdown"), read_markdown),
    "html": Reader("html", (".html", ".htm"), read_html),
}


def register(reader: Reader) -> None:
    """Add a reader at run time (tests, scripts); packages use the entry point instead."""
    if reader.name in READERS:
        raise ValueError(f"a reader named {reader.name!r} is already registered")
    READERS[reader.name] = reader
    _by_suffix.cache_clear()


def reader_for(suffix: str) -> Reader | None:
    """The reader for a file suffix such as ``.md`` (any case), or None."""
    return _by_suffix().get(suffix.lower())


def supported_suffixes() -> tuple[str, ...]:
    """Every suffix some reader claims, sorted: for messages and folder scans."""
    return tuple(sorted(_by_suffix()))


@lru_cache(maxsize=1)
def _by_suffix() -> dict[str, Reader]:
    _load_plugins()
    table: dict[str, Reader] = {}
    for reader in READERS.values():
        for suffix in map(str.lower, reader.suffixes):
            if suffix in table:
                log.warning(
                    "reader %r also claims %s; keeping %r", reader.name, suffix, table[suffix].name
                )
                continue
            table[suffix] = reader
    return table


@lru_cache(maxsize=1)
def _load_plugins() -> None:
    """Add the readers other packages declare; once per process."""
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name in READERS:
            log.warning("reader plugin %r ignored: the name is taken", entry.name)
            continue
        try:
            reader = entry.load()
        except Exception as e:  # a broken plugin must not stop the built-in readers
            log.warning("reader plugin %r ignored: %s: %s", entry.name, type(e).__name__, e)
            continue
        if not isinstance(reader, Reader):
            log.warning("reader plugin %r ignored: %s is not a Reader", entry.name, entry.value)
            continue
        READERS[entry.name] = reader
