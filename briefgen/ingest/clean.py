"""The body text convention every reader's output is brought to.

``Article.text`` is plain text: one paragraph per line, a blank line between
paragraphs, single spaces, no markup. Sentence offsets index this text and
quotes are shown from it, so anything invisible or structural (tags left by a
scraper, zero-width characters, control characters, a repeat of the title,
a line of ``###``) is removed here, once, for every format.
"""

from __future__ import annotations

import logging

import regex

log = logging.getLogger(__name__)

# Markup is never text. Readers parse it away; this catches what a scraper
# left behind, and text that was escaped markup before entities were undone.
_MARKUP = regex.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][A-Za-z][^<>]*>"
    r"|</?(?P<tag>[A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>",
    regex.DOTALL,
)
# Tags that separate words; others (<b>, <s>) may sit inside a word.
_SEPARATING = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "section"}
    | {"article", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_INVISIBLE = regex.compile(r"[\u00ad\u200b\u2060\ufeff]")  # soft hyphen, zero-width space, BOM
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def tidy(paragraphs: list[str] | tuple[str, ...], *, name: str) -> list[str]:
    """Plain single-line paragraphs; those with no letter or digit (``###``) are dropped."""
    result = []
    for paragraph in paragraphs:
        text = _MARKUP.sub(_markup_replacement, paragraph)
        if text != paragraph:
            log.debug("%s: markup removed from the text", name)
        text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
        text = " ".join(text.split())  # also turns non-breaking and other spaces into " "
        if _LETTER_OR_DIGIT.search(text):
            result.append(text)
    return result


def _markup_replacement(m: regex.Match[str]) -> str:
    return "" if m["tag"] and m["tag"].lower() not in _SEPARATING else " "


def drop_repeated_title(paragraphs: list[str], title: str | None) -> None:
    """Remove a first paragraph that only repeats the title, as saved pages often have."""
    if title and paragraphs and _key(paragraphs[0]) == _key(title):
        paragraphs.pop(0)


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text).casefold()
