"""Plain-text articles, as news sites and wire services export them.

Plain text carries its metadata in the text itself. This reader handles what
is particular to plain text: a headline on the first line, set off by a
blank line; an inline ``date 2021-10-06`` marker at the start; hard-wrapped
paragraphs; and HTML entities (``&#233;``) left behind by scraping. Bylines,
datelines and source trailers occur in every format and are handled for all
of them in ``conventions``.
"""

from __future__ import annotations

import html

import regex

from briefgen.ingest.conventions import is_byline, starts_with_dateline
from briefgen.ingest.types import Parsed, parse_date

_BLOCK_BREAK = regex.compile(r"\n[ \t\u00a0]*\n")
_DATE_MARKER = regex.compile(r"\A\s*(?i:date):?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*")
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A headline is short and is not a sentence: it does not end in a full stop
# (a closing quote or bracket after the stop still counts as one).
_TITLE_MAX_CHARS = 150
_FULL_STOP_AT_END = regex.compile(r"\.[\"'”’)\]]*\Z")
# Hard-wrapped text keeps every line within a typewriter-like width, and
# some of its lines break mid-sentence. Longer lines are paragraphs.
_WRAP_WIDTH = 100
_SENTENCE_END = regex.compile(r"[.!?:][\"'”’)\]]*\Z")


def read_text(text: str, name: str) -> Parsed:
    text = _ENTITY.sub(lambda m: html.unescape(m[0]), text)
    published = None
    if m := _DATE_MARKER.match(text):
        published = parse_date(m["date"], name=name)
        text = text[m.end() :]
    blocks = [block.strip() for block in _BLOCK_BREAK.split(text) if block.strip()]
    title = None
    if len(blocks) > 1 and _is_title(blocks[0]):
        title = " ".join(blocks.pop(0).split())
    if published is None and (m := _DATE_MARKER.match(blocks[0] if blocks else "")):
        published = parse_date(m["date"], name=name)
        blocks[0] = blocks[0][m.end() :]
    paragraphs = tuple(p for block in blocks for p in _paragraphs(block))
    return Parsed(paragraphs=paragraphs, title=title, published=published)


def _is_title(block: str) -> bool:
    return (
        "\n" not in block
        and len(block) <= _TITLE_MAX_CHARS
        and regex.search(r"\p{L}", block) is not None
        and not _FULL_STOP_AT_END.search(block)
        and not is_byline(block)
        and not starts_with_dateline(block)
    )


def _paragraphs(block: str) -> list[str]:
    """A hard-wrapped block is one paragraph; a block of long lines is one per line."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    wrapped = max(map(len, lines)) <= _WRAP_WIDTH and any(
        not _SENTENCE_END.search(line) for line in lines[:-1]
    )
    return [" ".join(lines)] if wrapped else lines
