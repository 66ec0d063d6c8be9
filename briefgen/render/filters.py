"""Jinja filters the templates use, above all ``md_escape``.

Every digest string is article text, and article text is untrusted: a quote
can hold ``<script>``, ``[click](http://evil)`` or a line that starts with
``#``. HTML templates are protected by autoescaping; Markdown has no such
mechanism in Jinja, so the Markdown template passes every digest string
through ``md_escape``. The escaping has to hold in Python-Markdown (which the
tests use) and in CommonMark/GFM renderers (GitHub, editors), which differ:
CommonMark turns a backslash before any ASCII punctuation into that character,
Python-Markdown only for its own short list and shows the backslash otherwise
(``\\<script\\>`` reads as text in both, which is what matters).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from markupsafe import Markup

# Anywhere in a line: what starts emphasis, code, links, images (``![`` needs
# the bracket, so escaping ``[`` and ``]`` is enough), inline HTML and table
# cells. ``~`` is GFM strikethrough. Hyphens and parentheses stay as they are:
# inside a line they mean nothing, and "Moon Jae-in" should read as it is.
_INLINE = regex.compile(r"([\\`*_{}\[\]<>|~])")
# ``&`` only where it would start an entity (``&lt;``, ``&#60;``); a plain
# "AT&T" stays readable.
_ENTITY = regex.compile(r"&(?=#?[0-9A-Za-z]+;)")
# GFM turns bare ``http://...`` and ``www....`` into links: escaping the ``:``
# or the first ``.`` stops it.
_URL_SCHEME = regex.compile(r"(?<=\b[A-Za-z][A-Za-z0-9+.]*):(?=//)")
_WWW = regex.compile(r"(?<=\bwww)\.", regex.IGNORECASE)
# GFM (cmark-gfm, markdown-it's linkify) also links a bare e-mail address, and
# ``mailto:`` with one: an escaped ``@`` is a text node of its own, which no
# address can span. Only where an address could be: "@POTUS" stays as it is.
_EMAIL_AT = regex.compile(r"(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9_-])")
# Only at the start of the value, which may start a line (or the text after a
# template's "> "): an ATX heading, a bullet or ordered-list marker, a
# thematic break or a setext underline.
_LEADING = regex.compile(r"^(\d+)([.)])|^([#+=-])")
# Control characters (C0, DEL, C1) that are not white space: renderers drop or
# fold them, so ``"\x03#"`` would reach the reader as ``#`` at the start of a
# line. They go first, before white space is folded and the leading marker is
# escaped, so the escaping sees the text a renderer will see.
# (\t-\r, \x1c-\x1f and \x85 are white space to ``str.split``, which folds them.)
_CONTROLS = regex.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")

# Bidirectional controls: embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069) and the marks (LRM, RLM, ALM). An unterminated right-to-left
# override in a quote would reverse what the template prints after it (the
# citation, the next fact) in every format, so briefs leave them out. The
# digest keeps them: its quotes stay verbatim substrings of the article.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_NO_BIDI = {ord(c): None for c in BIDI_CONTROLS}


# What ``drop_controls`` leaves out: bidirectional controls, and control
# characters (C0, DEL, C1) other than tab and line breaks. An ESC starts a
# terminal escape (OSC 8 makes a link), BEL rings, BS rubs out what came
# before, in a browser's copy and paste as in a terminal; no brief needs them.
# The line and paragraph separators (U+2028, U+2029) become spaces: a brief's
# strings are inline, and WeasyPrint fails on them (an assertion, no PDF).
_NOT_PRINTED: dict[int, str | None] = {
    **_NO_BIDI,
    **{c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]},
    0x2028: " ",
    0x2029: " ",
}
_NOT_PRINTED_CHARS = frozenset(map(chr, _NOT_PRINTED))


def drop_controls(value: object) -> object:
    """``value`` without control characters and bidirectional controls if it is a string
    (and with spaces for line and paragraph separators).

    The Jinja environment's ``finalize``: every ``{{ ... }}`` a template prints
    passes through it, so no article string, in any template or override, can
    change the direction of the text around it or carry a terminal escape, a
    bell or a backspace into a brief (tab and line breaks stay). ``Markup``
    stays ``Markup`` (removing these characters cannot make markup).
    """
    if not isinstance(value, str) or _NOT_PRINTED_CHARS.isdisjoint(value):
        return value
    text = str.translate(value, _NOT_PRINTED)
    return Markup(text) if isinstance(value, Markup) else text


def md_escape(value: object) -> str:
    """``value`` as literal Markdown text, safe anywhere inside a line.

    Whitespace, newlines included, collapses to single spaces, so a string can
    never start a new block (a heading, a list, a quote, a table row) of its own.
    Control characters and bidirectional controls are dropped.
    """
    text = " ".join(_CONTROLS.sub("", str(value)).translate(_NO_BIDI).split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _URL_SCHEME.sub(r"\\:", text)
    text = _WWW.sub(r"\\.", text)
    text = _EMAIL_AT.sub(r"\\@", text)
    return _LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text, count=1)


def join_names(values: Iterable[object], last: str = "and", *, serial: bool = True) -> str:
    """``A``, ``A and B``, ``A, B, and C``: the way a brief lists parties.

    The serial comma keeps "X and Y" inside one party's name from blurring
    into the list; languages that do not use it (French) pass ``serial=False``.
    """
    items = [str(v) for v in values]
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f"{',' if serial else ''} {last} " + items[-1]


def shorten(value: object, width: int | None) -> str:
    """``value`` cut to at most ``width`` characters at a word, with "…"; as it is if it fits.

    For a brief that must fit a page: a fact's text is the extractor's clause
    and can run long. Whitespace collapses to single spaces either way.
    """
    text = " ".join(str(value).split())
    if width is None or len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def citation_marks(numbers: Iterable[int]) -> str:
    """``[1] [2]``: citation numbers as a brief prints them (plain text, no markup)."""
    return " ".join(f"[{n}]" for n in numbers)


def css_string(value: object) -> Markup:
    """``value`` as a quoted CSS string, for ``content:`` in the page margins.

    Quotes, backslashes and angle brackets are escaped as CSS hex escapes, and
    line breaks collapse, so the string can neither end itself nor the
    ``<style>`` element it sits in; it is marked safe because HTML escaping
    would corrupt it (a ``<style>`` element's text is not entity-decoded).
    """
    text = " ".join(str(value).split())
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>' else c for c in text)
    return Markup(f'"{escaped}"')


def md_url(value: object) -> str:
    """An http(s) URL as a CommonMark autolink's inside: ``<``, ``>``, spaces and controls encoded.

    Give it only URLs that passed ``outlets.web_url``; anything else becomes empty.
    """
    from urllib.parse import quote

    from briefgen.render.outlets import web_url

    url = web_url(str(value))
    if url is None:
        return ""
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~.-_")


def anchor(value: object) -> str:
    """The id GitHub and most Markdown viewers give a heading: lower case, spaces as ``-``."""
    text = " ".join(str(value).casefold().split())
    kept = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")
