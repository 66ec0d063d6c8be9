"""Ingestion: files in, ``Article`` out, whatever the format.

``find_inputs`` turns the workspace's input patterns into files;
``read_article`` reads one with the reader registered for its suffix, brings
the body to the one text convention (``clean``), moves metadata found in the
body into fields (``conventions``) and splits sentences; ``assign_ids`` names
a batch of articles. Every failure to read is an ``InputError`` whose message
starts with the file, so a run can skip the file and say why.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from pathlib import Path

from briefgen.errors import InputError
from briefgen.ingest.clean import drop_repeated_title, tidy
from briefgen.ingest.conventions import take_metadata
from briefgen.ingest.decode import decode
from briefgen.ingest.files import display_name, read_bytes
from briefgen.ingest.ids import assign_ids
from briefgen.ingest.inputs import InputScan, find_inputs, scan_inputs
from briefgen.ingest.mojibake import repair_mojibake
from briefgen.ingest.nlp import split_sentences
from briefgen.ingest.notices import collecting
from briefgen.ingest.registry import READERS, reader_for, register, supported_suffixes
from briefgen.ingest.types import Parsed, Reader
from briefgen.model import Article

__all__ = [
    "MAX_BYTES",
    "READERS",
    "InputScan",
    "Parsed",
    "Reader",
    "assign_ids",
    "find_inputs",
    "input_name",
    "read_article",
    "register",
    "scan_inputs",
]

log = logging.getLogger(__name__)

# The default of ``limits.max_file_bytes``. Far above any article (a long
# report is 100 kB); a file this large is a mistake (a database dump, a
# video) and would only stall the run.
MAX_BYTES = 20_000_000


def read_article(path: Path, *, root: Path | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """Read one input file; its ``path`` is relative to ``root`` when given, in posix form.

    The id is provisional (the file's stem): ``assign_ids`` gives the final
    ones, which depend on the whole batch. What was repaired or left out on
    the way is on ``Article.notices`` (and logged).
    """
    name = input_name(path, root)
    reader = reader_for(path.suffix)
    if reader is None:
        raise InputError(
            f"{name}: unsupported file type {path.suffix or '(no suffix)'!r}; "
            f"briefgen reads {', '.join(supported_suffixes())}"
        )
    data = read_bytes(path, name, max_bytes=max_bytes)
    with collecting() as notices:
        text = repair_mojibake(unicodedata.normalize("NFC", decode(data, name)), name)
        parsed = _parse(reader, text, name)
        paragraphs = tidy(parsed.paragraphs, name=name)
        drop_repeated_title(paragraphs, parsed.title)
        found = take_metadata(paragraphs)
        body = "\n\n".join(tidy(paragraphs, name=name))  # again: cutting a dateline leaves spaces
    if not body:
        raise InputError(f"{name}: no article text")
    return Article(
        id=Path(name).stem,
        path=name,
        text=body,
        title=parsed.title,
        outlet=parsed.outlet or found.outlet,
        author=parsed.author or found.author,
        published=parsed.published,
        dateline=parsed.dateline or found.dateline,
        url=parsed.url,
        sentences=split_sentences(body),
        notices=tuple(notices),
    )


def _parse(reader: Reader, text: str, name: str) -> Parsed:
    """The reader's result; nesting too deep for its parser is a bad file, not a crash."""
    try:
        return reader.read(text, name)
    except RecursionError as e:
        raise InputError(f"{name}: nested too deeply to read ({reader.name} structure)") from e


def input_name(path: Path, root: Path | None = None) -> str:
    """How messages, warnings and the digest name an input file: relative, printable."""
    return display_name(_display_path(path, root))


def _display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` if it is inside it (as written, or once links are resolved)."""
    if root is not None:
        # As written, then (only if need be: it asks the file system) with links resolved;
        # realpath, not Path.resolve: it does not raise on a link loop, reported later.
        for where in (os.path.abspath, os.path.realpath):
            inside, base = Path(where(path)), Path(where(root))
            if inside.is_relative_to(base):
                return inside.relative_to(base).as_posix()
        log.debug("%s is outside %s; keeping the path as given", path, root)
    return path.as_posix()
