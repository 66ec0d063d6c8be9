"""Plain-text articles as news sites and wire services export them.

Metadata sits in the text itself, in a few conventional places: a headline on
the first line (set off by a blank line), an inline ``date 2021-10-06``
marker, a dateline opening the body (``SEOUL--``, ``WASHINGTON (AP) —``), a
byline (``By NAME (email``, often cut off) as the first or last line, and a
``Source: OUTLET`` trailer. Each is moved out of the body into its field.
"""

from __future__ import annotations

import regex

from briefgen.ingest.types import Parsed, parse_date

_DATE_MARKER = regex.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+")
_SOURCE = regex.compile(r"^\s*Source:\s*(?P<outlet>\S.*?)\s*$")
_BYLINE = regex.compile(
    r"^\s*By\s+(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})\s*(?:[(,].*)?$"
)
_DATELINE = regex.compile(
    r"^(?P<place>\p{Lu}{2,}(?:[ .'-]+\p{Lu}{2,})*)(?:,[^-—–\n]{1,40}?)?(?:\s*\([^)\n]{1,40}\))?"
    r"\s*(?:--|—|–)\s*"
)
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’")
_WRAP_WIDTH = 90


def read_text(text: str, name: str) -> Parsed:
    blocks = [b for b in regex.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if b.strip()]
    title = None
    if len(blocks) > 1:
        first = blocks[0].strip()
        if "\n" not in first and len(first) < 200 and not first.endswith(_SENTENCE_END):
            title = first
            blocks = blocks[1:]
    paragraphs = [p for block in blocks for p in _paragraphs(block)]

    published = None
    if paragraphs and (m := _DATE_MARKER.match(paragraphs[0])):
        published = parse_date(m["date"])
        paragraphs[0] = paragraphs[0][m.end() :]

    outlet = author = None
    while paragraphs:
        last = paragraphs[-1]
        if (m := _SOURCE.match(last)) and outlet is None:
            outlet = m["outlet"]
        elif (m := _BYLINE.match(last)) and author is None:
            author = m["name"]
        else:
            break
        paragraphs.pop()
    if paragraphs and author is None and (m := _BYLINE.match(paragraphs[0])):
        author = m["name"]
        paragraphs.pop(0)

    dateline = None
    if paragraphs and (m := _DATELINE.match(paragraphs[0])):
        dateline = m["place"].title()
        paragraphs[0] = paragraphs[0][m.end() :]

    return Parsed(
        body="\n".join(paragraphs),
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        dateline=dateline,
    )


def _paragraphs(block: str) -> list[str]:
    """A block of short lines is one hard-wrapped paragraph; long lines are paragraphs."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) > 1 and all(len(line) <= _WRAP_WIDTH for line in lines[:-1]):
        return [" ".join(lines)]
    return lines
