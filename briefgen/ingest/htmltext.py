"""HTML to plain paragraphs, for the HTML that Markdown produces.

Each block element (paragraph, list item, heading, quote, table row) becomes
one paragraph, and so does each line ended by a hard line break: in saved
readouts those separate headings, attendee lists and addresses, not parts of
a sentence. Inline markup is dropped and its text kept; entities are
unescaped. The text of scripts and styles is dropped with them: article text
is untrusted and only ever plain text.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "div", "tr", "dd", "dt"}
    | {"br", "hr"}
)
_SKIPPED = frozenset({"script", "style", "template", "noscript"})
_SPACED = frozenset({"td", "th"})  # separate their text from the next word


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._flush()
        elif tag in _SPACED:
            self._current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._flush()
        elif tag in _SPACED:
            self._current.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []


def html_paragraphs(html: str) -> list[str]:
    """The text of ``html``, one paragraph per block element."""
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    return parser.paragraphs
