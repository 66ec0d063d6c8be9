"""Saved web pages: the article's main text and metadata, without the page around it.

trafilatura finds the body and drops navigation, footers, related links and
comments; it is the maintained tool of the field for this, and it also reads
the title, author, date, site name and canonical URL from the page's
metadata. It is given the page's text only, so it fetches nothing. Its text
has one paragraph per line. A fragment (``<p>...</p>`` with no ``<body>``)
is wrapped in a page first: trafilatura takes a lone block for not-HTML.
"""

from __future__ import annotations

import regex

from briefgen.errors import InputError
from briefgen.ingest.types import Parsed, clean_field, parse_date

# When a page has no article, trafilatura falls back to whatever text the page
# has, such as its menu ("Home World Sport"). An article has at least one
# paragraph of a few words.
_MIN_PARAGRAPH_WORDS = 6
_PAGE = regex.compile(r"<(?:html|body)[\s>]", regex.IGNORECASE)


def read_html(text: str, name: str) -> Parsed:
    # Slow to import: only when there is HTML to read.
    import trafilatura
    from trafilatura.settings import Document

    if not _PAGE.search(text):
        text = f"<html><body>{text}</body></html>"
    try:
        document = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            as_dict=False,
        )
    except (ValueError, TypeError) as e:  # markup its parser cannot make sense of
        raise InputError(f"{name}: the HTML cannot be parsed ({e})") from e
    if not isinstance(document, Document) or not document.text:
        raise InputError(f"{name}: no article text found in the HTML")
    paragraphs = tuple(document.text.split("\n"))
    if not any(len(p.split()) >= _MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise InputError(f"{name}: no article text found in the HTML")
    return Parsed(
        paragraphs=paragraphs,
        title=clean_field(document.title, name=name, key="title"),
        outlet=clean_field(document.sitename, name=name, key="outlet"),
        author=clean_field(document.author, name=name, key="author"),
        published=parse_date(document.date, name=name),
        url=clean_field(document.url, name=name, key="url"),
    )
