"""Markdown articles with YAML front matter (title, date, source_url, outlet).

The body goes through the ``markdown`` package to HTML, so hard wraps,
backslash escapes and inline markup come out as a reader would see them, and
then to plain paragraphs: one per paragraph, list item, heading or quote.
Paragraphs with no letter or digit (the ``###`` that ends a press release)
are dropped.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlparse

import markdown as md
import regex
import yaml

from briefgen.errors import InputError
from briefgen.ingest.types import Parsed, parse_date
from briefgen.yamlsafe import safe_load

_FRONT_MATTER = regex.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", regex.DOTALL)
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "div"})


class _TextBlocks(HTMLParser):
    """Plain text of block elements; markup itself never reaches the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _BLOCKS:
            self._flush()
        elif tag == "br":
            self._current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if regex.search(r"[\p{L}\p{N}]", text):
            self.blocks.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def html_paragraphs(html: str) -> list[str]:
    parser = _TextBlocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


def read_markdown(text: str, name: str) -> Parsed:
    meta: dict[str, object] = {}
    body = text
    if m := _FRONT_MATTER.match(text):
        try:
            loaded = safe_load(m["yaml"])
        except yaml.MarkedYAMLError as e:
            line = e.problem_mark.line + 2 if e.problem_mark else 1
            raise InputError(f"{name}:{line}: front matter is not valid YAML: {e.problem}") from e
        except yaml.YAMLError as e:
            raise InputError(f"{name}: front matter is not valid YAML: {e}") from e
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError(f"{name}: front matter must be a mapping of keys to values")
        meta = loaded or {}
        body = text[m.end() :]
    html = md.markdown(body)
    url = _text(meta.get("source_url") or meta.get("url"))
    outlet = _text(meta.get("outlet"))
    if outlet is None and url:
        host = urlparse(url).hostname or ""
        outlet = host.removeprefix("www.") or None
    return Parsed(
        body="\n".join(html_paragraphs(html)),
        title=_text(meta.get("title")),
        outlet=outlet,
        author=_text(meta.get("author")),
        published=parse_date(meta.get("date")),
        url=url,
    )


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).replace("\u00a0", " ").split())
    return text or None
