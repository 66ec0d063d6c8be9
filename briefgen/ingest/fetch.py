"""Downloading feeds and the pages they link to: politely, boundedly, with a cache.

Every request names briefgen in its User-Agent, has a timeout, and stops
reading at a size limit. Only ``http`` and ``https`` are fetched, redirects
included: a feed is untrusted text, and a link or redirect to ``file:`` or
``ftp:`` must never read anything. Nothing here runs in tests against the
internet; they serve files from 127.0.0.1.

The cache (the output folder's ``.cache/feeds/``) keeps each URL's last body
with its ``ETag`` and ``Last-Modified``. A feed is asked for again on each
build, conditionally, so an unchanged feed costs a ``304 Not Modified``; an
article page is taken from the cache when it is there, since a published
article's page is not re-read every morning. Deleting the folder is always
safe.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefgen import __version__
from briefgen.errors import InputError

log = logging.getLogger(__name__)

USER_AGENT = f"briefgen/{__version__} (news briefing generator)"
FEED_ACCEPT = (
    "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    """A downloaded body and the URL it finally came from (after redirects)."""

    url: str
    data: bytes
    content_type: str | None = None
    from_cache: bool = False


def is_web_url(url: str) -> bool:
    """An absolute ``http``/``https`` URL with a host: the only kind briefgen fetches."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows redirects to ``ftp:`` too; here only to http(s), and only a few."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if not is_web_url(newurl):
            raise urllib.error.HTTPError(
                newurl, code, f"redirect to a non-http(s) URL {newurl!r} refused", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Fetches URLs with the settings of a build, through its download cache.

    ``cache_dir`` None means no cache (``briefgen`` always has one; tests may not).
    """

    def __init__(self, *, timeout: float, max_bytes: int, cache_dir: Path | None) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.cache_dir = cache_dir
        self._opener = urllib.request.build_opener(_WebOnlyRedirects())
        self._used: set[str] = set()  # cache entries this build has read or written

    def get(self, url: str, *, accept: str, revalidate: bool) -> Fetched:
        """The body at ``url``; an ``InputError`` naming the URL when it cannot be had.

        With ``revalidate`` the server is asked (conditionally, if cached);
        without it a cached copy is used as it is.
        """
        if not is_web_url(url):
            raise InputError(f"{url}: not an http(s) URL; briefgen fetches nothing else")
        cached = self._cached(url)
        if cached is not None and not revalidate:
            log.debug("%s: from the download cache", url)
            return cached[0]
        headers = {"User-Agent": USER_AGENT, "Accept": accept}
        if cached is not None:
            meta = cached[1]
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        try:
            fetched, meta = self._download(urllib.request.Request(url, headers=headers))
        except urllib.error.HTTPError as e:
            if e.code == 304 and cached is not None:
                log.debug("%s: not modified; using the cached copy", url)
                return cached[0]
            raise InputError(f"{url}: HTTP {e.code} {e.reason}") from e
        except urllib.error.URLError as e:
            raise InputError(f"{url}: cannot be fetched ({_reason(e.reason)})") from e
        except (TimeoutError, OSError, http.client.HTTPException) as e:
            raise InputError(f"{url}: cannot be fetched ({_reason(e)})") from e
        self._store(url, fetched, meta)
        return fetched

    def _download(self, request: urllib.request.Request) -> tuple[Fetched, dict[str, str]]:
        url = request.full_url
        with self._opener.open(request, timeout=self.timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise InputError(
                    f"{url}: {int(length):,} bytes is over the {self.max_bytes:,}-byte limit"
                )
            data = response.read(self.max_bytes + 1)
            if len(data) > self.max_bytes:
                raise InputError(f"{url}: more than the {self.max_bytes:,}-byte limit")
            final = response.geturl() or url
            content_type = response.headers.get("Content-Type")
            meta = {
                "url": url,
                "final_url": final,
                "content_type": content_type or "",
                "etag": response.headers.get("ETag") or "",
                "last_modified": response.headers.get("Last-Modified") or "",
            }
        return Fetched(final, data, content_type), meta

    # --- the cache ------------------------------------------------------------------

    def prune(self) -> int:
        """Delete the cache entries this build did not use; how many were deleted.

        A page drops out of use when its entry falls out of the feed, so
        without this the cache of a nightly build would grow for ever. Call
        it only after a build that reached every feed: a feed that failed
        did not get to use its pages.
        """
        if self.cache_dir is None or not self.cache_dir.is_dir():
            return 0
        stale = [
            p
            for p in sorted(self.cache_dir.iterdir())
            if p.suffix in (".body", ".json") and p.stem not in self._used
        ]
        for path in stale:
            path.unlink(missing_ok=True)
        return len({p.stem for p in stale})

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache_dir is None:
            return None
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        self._used.add(name)
        return self.cache_dir / f"{name}.body", self.cache_dir / f"{name}.json"

    def _cached(self, url: str) -> tuple[Fetched, dict[str, str]] | None:
        paths = self._paths(url)
        if paths is None or not paths[1].exists():
            return None
        try:
            meta = json.loads(paths[1].read_text("utf-8"))
            data = paths[0].read_bytes()
        except (OSError, ValueError) as e:
            log.debug("%s: cache entry unreadable (%s); fetching again", url, e)
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None
        fetched = Fetched(
            str(meta.get("final_url") or url), data, meta.get("content_type") or None, True
        )
        return fetched, meta

    def _store(self, url: str, fetched: Fetched, meta: dict[str, str]) -> None:
        from briefgen.publish import write_atomic

        paths = self._paths(url)
        if paths is None:
            return
        try:
            write_atomic(paths[0], fetched.data)
            text = json.dumps(meta, indent=1, sort_keys=True) + "\n"
            write_atomic(paths[1], text.encode("utf-8"))
        except OSError as e:  # a cache that cannot be written only costs a download
            log.warning("%s: cannot write the download cache: %s", paths[0].parent, e)


def _reason(error: object) -> str:
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
