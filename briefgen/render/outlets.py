"""Outlet names and links for the sources list.

An input's own metadata names its outlet when it can ("Yonhap News Agency");
otherwise, or when it gives only a bare host word (``bbc``), the name comes
from ``briefgen/data/outlets.yaml``, a reviewed table of known news hosts,
by the source URL's host or by that word. A host the table does not know is
shown as its host name (``example.org``) rather than guessed.

Only ``http`` and ``https`` URLs are shown or linked: a ``javascript:`` or
``file:`` URL from an article is left out of every brief.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from briefgen.ingest.conventions import known_outlets, registered_name
from briefgen.model import Source

__all__ = ["host_word", "known_outlets", "outlet_name", "web_url"]

WEB_SCHEMES = ("http", "https")


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL with a host; None otherwise."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.casefold() not in WEB_SCHEMES or not parts.hostname:
        return None
    return url.strip()


def host_word(url: str | None) -> str | None:
    """The registered name of ``url``'s host: ``www.bbc.co.uk`` -> ``bbc``."""
    web = web_url(url)
    if web is None:
        return None
    return registered_name(urlsplit(web).hostname or "")


def outlet_name(source: Source) -> str | None:
    """The outlet to print for ``source`` (see the module doc)."""
    table = known_outlets()
    own = (source.outlet or "").strip()
    if own and own.casefold() in table:
        return table[own.casefold()]
    if own:
        return own
    word = host_word(source.url)
    if word is None:
        return None
    host = (urlsplit(web_url(source.url) or "").hostname or "").removeprefix("www.")
    return table.get(host) or table.get(word) or host or None
