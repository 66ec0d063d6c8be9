"""Markdown articles with YAML front matter, such as saved official readouts.

Front matter gives the metadata: ``title``, ``date``, ``source_url``,
``outlet`` and ``author``; other keys are ignored. The outlet, when not
given, is the host of ``source_url``.

The body goes through a CommonMark parser (markdown-it-py) rather than being
stripped by hand, so hard wraps, backslash escapes (``\\_``, ``\\*``, the
``\\###`` that ends a press release) and inline markup come out as a reader
sees them. markdown-it-py rather than the ``markdown`` package because its
time grows in proportion to the text: ``markdown`` took minutes over a
120 KB run of ``<a ``, of ``# h`` lines or of nested ``[[x](y)](y)``
(``benchmarks/markdown_growth.py`` checks each). Two departures from plain
Markdown suit articles: there are no indented code blocks (saved pages are
often indented, and news has no code), and a line holding only non-breaking
spaces is blank, as it looks. Emphasis markers CommonMark could not pair up
(``Palace*,* the``) are dropped.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import regex
import yaml

from briefgen.errors import InputError
from briefgen.ingest.htmltext import html_paragraphs
from briefgen.ingest.types import Parsed, clean_field, parse_date
from briefgen.yamlsafe import safe_load

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_OPENING = regex.compile(r"\A---[ \t]*\n")
_CLOSING = regex.compile(r"^(?:---|\.\.\.)[ \t]*$", regex.MULTILINE)
_BLANKISH_LINE = regex.compile(r"^[ \t\u00a0\u2007\u202f]+$", regex.MULTILINE)
# Emphasis CommonMark did not pair ("**Heading **" has a space before the
# closing marks; "Palace*,* the") is left as asterisks touching a word or a
# stop, which are never text; a lone one between spaces ("5 * 3") is. An
# escaped one (\*) is text: it stands in as a noncharacter until then,
# except in a run (\*\*\*, a separator), which is never text either.
_LEFTOVER_EMPHASIS = regex.compile(r"\*{2,}|(?<!\s)\*|\*(?!\s)")
_STARS = regex.compile(r"\*{2,}")
_ESCAPED_STAR = "\ufdd0"
# The markdown package recurses once per level of quote or list and slows
# down with the square of the depth (50,000 ">" took minutes); no article
# nests more than a few levels.
_MAX_DEPTH = 50
_TOO_DEEP = regex.compile(
    rf"^(?:[ \t]*(?:>|[-*+][ \t]|\d{{1,9}}[.)][ \t])[ \t]*){{{_MAX_DEPTH + 1}}}", regex.MULTILINE
)


def read_markdown(text: str, name: str) -> Parsed:
    meta, body = split_front_matter(text, name)
    if deep := _TOO_DEEP.search(body):
        line = text.count("\n", 0, len(text) - len(body) + deep.start()) + 1
        raise InputError(
            f"{name}:{line}: quotes or lists nested over {_MAX_DEPTH} deep; not an article"
        )
    url_key = "source_url" if meta.get("source_url") else "url"
    url = clean_field(meta.get(url_key), name=name, key=url_key)
    outlet = clean_field(meta.get("outlet"), name=name, key="outlet")
    if outlet is None and url:
        outlet = (urlparse(url).hostname or "").removeprefix("www.") or None
    return Parsed(
        paragraphs=tuple(markdown_paragraphs(body)),
        title=clean_field(meta.get("title"), name=name, key="title"),
        outlet=outlet,
        author=clean_field(meta.get("author"), name=name, key="author"),
        published=parse_date(meta.get("date"), name=name),
        url=url,
    )


def split_front_matter(text: str, name: str) -> tuple[dict[str, object], str]:
    """The front matter as a mapping (empty if there is none) and the body after it."""
    opening = _OPENING.match(text)
    if opening is None:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise InputError(f"{name}:1: front matter opened with '---' is never closed")
    front_matter = text[opening.end() : closing.start()]
    try:
        loaded = safe_load(front_matter)
    except yaml.YAMLError as e:
        line = _error_line(e, len(front_matter.splitlines()))
        problem = getattr(e, "problem", None) or str(e)
        raise InputError(f"{name}:{line}: front matter is not valid YAML ({problem})") from e
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise InputError(f"{name}:2: front matter must be 'key: value' lines")
    return {str(key): value for key, value in loaded.items()}, text[closing.end() :]


def _error_line(error: yaml.YAMLError, lines: int) -> int:
    """The file line of a YAML error: where the problem is or, if that is the end, where it began.

    An unclosed ``[`` is found only at the end of the front matter; the line
    that opened it is the one to fix.
    """
    problem = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    mark = (
        context if context is not None and (problem is None or problem.line >= lines) else problem
    )
    return mark.line + 2 if mark is not None else 1  # 1-based, after the opening '---' line


def markdown_paragraphs(body: str) -> list[str]:
    """Plain paragraphs of a Markdown body: one per paragraph, list item, heading or quote."""
    body = _BLANKISH_LINE.sub("", body.replace(_ESCAPED_STAR, ""))
    html = _converter().render(body.replace("\\*", _ESCAPED_STAR))
    return [
        _STARS.sub("", _LEFTOVER_EMPHASIS.sub("", p).replace(_ESCAPED_STAR, "*"))
        for p in html_paragraphs(html)
    ]


@functools.lru_cache(maxsize=1)
def _converter() -> MarkdownIt:
    from markdown_it import MarkdownIt  # on first use: an unchanged rebuild reads no Markdown

    return MarkdownIt("commonmark").enable("table").disable("code")
