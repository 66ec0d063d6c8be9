"""Web pages: the main text and metadata, with navigation and boilerplate removed.

trafilatura does the work: it is the well-kept tool of the field for finding
an article's body in a page. It is given the page's text only and fetches
nothing.
"""

from __future__ import annotations

from briefgen.errors import InputError
from briefgen.ingest.types import Parsed, parse_date


def read_html(text: str, name: str) -> Parsed:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError) as e:  # malformed markup trafilatura cannot parse
        raise InputError(f"{name}: cannot parse the HTML: {e}") from e
    body = getattr(document, "text", None)
    if document is None or isinstance(document, dict) or not body or not body.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    return Parsed(
        body=body,
        title=document.title,
        outlet=document.sitename,
        author=document.author,
        published=parse_date(document.date),
        url=document.url,
    )
