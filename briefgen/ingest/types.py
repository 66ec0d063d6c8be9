"""What a reader returns, and what a reader is.

Readers know one file format and nothing else: they turn its text into body
paragraphs plus whatever metadata the format carries. Everything that is the
same for every format (tidying white space, removing bylines and datelines,
splitting sentences) happens once, after the reader, in ``read_article``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.ingest.notices import warn
from briefgen.model import Metadata


@dataclass(frozen=True)
class Parsed(Metadata):
    """A reader's result: paragraphs as found (not yet tidied) and metadata.

    Paragraphs are plain text; a reader must not leave markup in them.
    """

    paragraphs: tuple[str, ...]


ReadFunction = Callable[[str, str], Parsed]
"""``read(text, name)``: the decoded file and its name for error messages."""


@dataclass(frozen=True)
class Reader:
    """A named input format: the file suffixes it claims and its read function."""

    name: str
    suffixes: tuple[str, ...]
    read: ReadFunction


def parse_date(value: object, *, name: str) -> dt.date | None:
    """A date from metadata: a date, a datetime or an ISO string (time part ignored).

    An unreadable date is logged and left out rather than failing the article:
    the text is still worth reading without it.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or value == "":
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        warn(name, "ignored", f"date is a {type(value).__name__}, not a date; ignored")
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        warn(name, "ignored", f"date {str(value)[:40]!r} is not an ISO date (YYYY-MM-DD); ignored")
        return None


# A title, author or outlet longer than this is not one (a paragraph pasted
# into the field, or front matter built to be enormous).
MAX_FIELD_CHARS = 500


def clean_field(value: object, *, name: str = "", key: str = "") -> str | None:
    """A metadata value as one line of text, or None when it is empty or not text.

    A list or mapping where text belongs (``title: [a, b]``, or a YAML alias
    that expands to megabytes) is ignored with a notice naming ``key``.
    """
    if value is None:
        return None
    if not isinstance(value, (str, int, float, dt.date)) or isinstance(value, bool):
        warn(name, "ignored", f"{key or 'a field'} is a {type(value).__name__}, not text; ignored")
        return None
    text = " ".join(str(value).split())
    if len(text) > MAX_FIELD_CHARS:
        warn(name, "ignored", f"{key or 'a field'} is over {MAX_FIELD_CHARS} characters; cut")
        text = text[:MAX_FIELD_CHARS].rstrip() + "…"
    return text or None
