"""Downloading feeds and the pages they link to: politely, boundedly, with a cache.

Every request names briefgen in its User-Agent and stops reading at a size
limit. ``timeout`` is a deadline for the whole request, redirects included:
a server that sends a byte every few seconds is cut off when it passes, as
one that sends nothing is. A body shorter than its ``Content-Length`` is
refused (and not cached), never read as if it were whole.

A feed is untrusted text, and so are the links and redirects in it:

* only ``http`` and ``https`` are fetched, redirects included: a link or
  redirect to ``file:`` or ``ftp:`` must never read anything;
* by default only public addresses are: a host that resolves to a loopback,
  private, link-local, multicast, reserved or unspecified address is refused,
  on the first request and every redirect, after name resolution, and the
  connection is made to the address that was checked (so a name cannot
  resolve to another one in between). ``feeds.allow_private_addresses``
  lifts this for feeds on an intranet (and for a proxy on one).

Nothing here runs in tests against the internet; they serve files from
127.0.0.1, with ``allow_private_addresses`` on.

The cache (the output folder's ``.cache/feeds/``) keeps each URL's last body
with its ``ETag`` and ``Last-Modified``. A feed is asked for again on each
build, conditionally, so an unchanged feed costs a ``304 Not Modified``; an
article page is taken from the cache when it is there, since a published
article's page is not re-read every morning. Deleting the folder is always
safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.client
import ipaddress
import json
import logging
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
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
_CACHE_NAME = re.compile(r"[0-9a-f]{32}")


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


class RefusedAddress(OSError):
    """A host that resolves only to addresses briefgen does not fetch from."""


def is_public(address: str) -> bool:
    """Whether an IP address is one on the internet at large, not this machine or a private net."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone index is not the address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


@dataclass
class _Deadline:
    """One request's deadline: a timer shuts every socket it opened when it passes."""

    seconds: float
    ends: float = 0.0
    expired: bool = False
    _sockets: list[socket.socket] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.ends = time.monotonic() + self.seconds

    def left(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise TimeoutError("timed out")
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                sock.close()
                raise TimeoutError("timed out")
            self._sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked on it

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        timer = threading.Timer(self.seconds, self.expire)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()


def _connect(
    address: tuple[str, int],
    timeout: float | None = None,
    source_address: tuple[str, int] | None = None,
    *,
    deadline: _Deadline,
    allow_private: bool,
) -> socket.socket:
    """``socket.create_connection``, to a checked address only, within the deadline."""
    host, port = address
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise OSError(f"cannot resolve {host} ({e.strerror})") from e
    allowed = [info for info in infos if allow_private or is_public(str(info[4][0]))]
    if not allowed:
        shown = ", ".join(dict.fromkeys(str(info[4][0]) for info in infos))
        raise RefusedAddress(
            f"{host} is a private, loopback or local address ({shown}); refused"
            " (set feeds.allow_private_addresses to fetch from it)"
        )
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in allowed:
        sock = socket.socket(family, kind, proto)
        try:
            deadline.watch(sock)
            sock.settimeout(min(timeout or deadline.seconds, deadline.left()))
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as e:
            sock.close()
            error = e
    assert error is not None
    raise error


def _guarded(
    base: type[http.client.HTTPConnection], deadline: _Deadline, allow_private: bool
) -> Any:
    """``base``, connecting through ``_connect``."""

    class Guarded(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # http.client connects through this attribute, set on each connection.
            self._create_connection = functools.partial(
                _connect, deadline=deadline, allow_private=allow_private
            )

    return Guarded


class _GuardedHTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline, allow_private: bool) -> None:
        super().__init__()
        self.connection = _guarded(http.client.HTTPConnection, deadline, allow_private)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.connection, req)


class _GuardedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline, allow_private: bool) -> None:
        self.context = ssl.create_default_context()
        super().__init__(context=self.context)
        self.connection = _guarded(http.client.HTTPSConnection, deadline, allow_private)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.connection, req, context=self.context)


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows redirects to ``ftp:`` too; here only to http(s), and only a few."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 1

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if not is_web_url(newurl):
            raise urllib.error.HTTPError(
                newurl, code, f"redirect to a non-http(s) URL {newurl!r} refused", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any
    ) -> Any:
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as e:
            if "redirect error" not in str(e.msg):
                raise
            # urllib's own words span three lines; a warning is one.
            raise urllib.error.HTTPError(
                e.url, e.code, f"redirects in a loop, or more than {MAX_REDIRECTS}", e.headers, None
            ) from None

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class Fetcher:
    """Fetches URLs with the settings of a build, through its download cache.

    ``cache_dir`` None means no cache (``briefgen`` always has one; tests may not).
    """

    def __init__(
        self,
        *,
        timeout: float,
        max_bytes: int,
        cache_dir: Path | None,
        allow_private: bool = False,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.cache_dir = cache_dir
        self.allow_private = allow_private
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
        deadline = _Deadline(self.timeout)
        try:
            with deadline.running():
                fetched, meta = self._download(
                    urllib.request.Request(url, headers=headers), deadline
                )
        except urllib.error.HTTPError as e:
            e.close()
            if e.code == 304 and cached is not None:
                log.debug("%s: not modified; using the cached copy", url)
                return cached[0]
            raise InputError(f"{url}: HTTP {e.code} {_one_line(e.reason)}") from e
        except urllib.error.URLError as e:
            raise InputError(f"{url}: cannot be fetched ({_reason(e.reason, deadline)})") from e
        except (OSError, ValueError, http.client.HTTPException) as e:
            raise InputError(f"{url}: cannot be fetched ({_reason(e, deadline)})") from e
        self._store(url, fetched, meta)
        return fetched

    def _download(
        self, request: urllib.request.Request, deadline: _Deadline
    ) -> tuple[Fetched, dict[str, str]]:
        url = request.full_url
        opener = urllib.request.build_opener(
            _WebOnlyRedirects(),
            _GuardedHTTP(deadline, self.allow_private),
            _GuardedHTTPS(deadline, self.allow_private),
        )
        with opener.open(request, timeout=self.timeout) as response:
            length = response.headers.get("Content-Length")
            expected = int(length) if length and length.strip().isdigit() else None
            if expected is not None and expected > self.max_bytes:
                raise InputError(
                    f"{url}: {expected:,} bytes is over the {self.max_bytes:,}-byte limit"
                )
            data = response.read(self.max_bytes + 1)
            if deadline.expired:
                raise TimeoutError("timed out")
            if len(data) > self.max_bytes:
                raise InputError(f"{url}: more than the {self.max_bytes:,}-byte limit")
            if expected is not None and len(data) < expected:
                raise InputError(
                    f"{url}: cut short: {len(data):,} of its {expected:,} bytes arrived"
                )
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
            if p.suffix in (".body", ".json")
            and _CACHE_NAME.fullmatch(p.stem)  # only what _store wrote
            and p.stem not in self._used
            and p.is_file()
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


def _reason(error: object, deadline: _Deadline | None = None) -> str:
    timed_out = isinstance(error, TimeoutError) or "timed out" in str(error)
    if deadline is not None and (deadline.expired or timed_out):
        return f"timed out after {deadline.seconds:g} s"
    if timed_out:
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return _one_line(str(error)) or type(error).__name__


def _one_line(text: object) -> str:
    return re.sub(r"\s*\n\s*", " ", str(text)).strip()
