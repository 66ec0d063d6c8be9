"""RSS and Atom feeds as inputs: each entry becomes an ``Article``.

The config's ``feeds.sources`` names feeds by URL or by local file; feedparser
reads every RSS and Atom dialect found in the wild (and forgives the broken
ones), resolves relative links and sanitises the HTML an entry carries.

An entry's text is its content (Atom ``content``, RSS ``content:encoded``),
which feeds that publish whole articles fill, as official readouts do; a
summary (RSS ``description``) counts as the article only when it is long,
since most feeds use it for a teaser of two or three sentences. For a
teaser, with ``feeds.fetch_pages`` on, the entry's link is fetched and read
as a saved web page would be (``briefgen.ingest.html``); with it off, the
teaser is what there is. Links are fetched only over http(s) (see
:mod:`briefgen.ingest.fetch`).

Metadata comes from the feed: the entry's title, date (published, else
updated), author and link, and the feed's title as the outlet. An entry's
``path`` is its feed and its guid (else its link), which does not change
when other entries come and go, so its source id and its place in the diff
between two builds stay put. An entry found twice (in two feeds, or twice
in one) is read once.

A feed or page that cannot be had is an ``InputError`` naming the URL and the
reason: the build skips it with a warning, or stops with ``on_error: stop``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import io
import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from briefgen.config import FeedSettings
from briefgen.errors import InputError
from briefgen.ingest.clean import drop_repeated_title, tidy
from briefgen.ingest.conventions import take_metadata
from briefgen.ingest.decode import decode
from briefgen.ingest.fetch import FEED_ACCEPT, PAGE_ACCEPT, Fetcher, is_web_url
from briefgen.ingest.htmltext import html_paragraphs
from briefgen.ingest.nlp import split_sentences
from briefgen.ingest.types import Parsed, clean_field
from briefgen.model import Article

log = logging.getLogger(__name__)

# An entry's content with fewer words than this is a "Read more" stub (a
# whole readout can be three sentences long); a summary needs as many words
# as a whole short article to be taken for one. Either, cut off with an
# ellipsis or a "Read more", is a teaser whatever its length.
CONTENT_WORDS = 20
SUMMARY_WORDS = 150
_CUT = regex.compile(
    r"(?:…|\.\.\.|\[(?:…|\.\.\.)\])$|^(?:read more|continue reading|read the full)\b",
    regex.IGNORECASE,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class _Feed:
    """A parsed feed: where it came from, its title, and its entries as feedparser gives them."""

    name: str
    title: str | None
    entries: list[Any]


def read_feeds(
    settings: FeedSettings, *, root: Path, cache_dir: Path | None, on_error: str = "skip"
) -> tuple[list[Article], list[tuple[str, str]]]:
    """Every entry of every feed as an article, and ``(where, why)`` for each one skipped.

    Article ids are provisional, as from ``read_article``: the caller names
    the whole batch with ``assign_ids``.
    """
    fetcher = Fetcher(
        timeout=settings.timeout,
        max_bytes=settings.max_bytes,
        cache_dir=cache_dir,
        allow_private=settings.allow_private_addresses,
    )
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    every_feed_read = True
    for source in settings.sources:
        for where, outcome in _read_feed(source, settings, fetcher, root=root, seen=seen):
            if isinstance(outcome, Article):
                articles.append(outcome)
                continue
            if on_error == "stop":
                raise outcome
            log.warning("skipped %s", outcome)
            skipped.append((where, str(outcome)))
            every_feed_read = every_feed_read and where != source
    if every_feed_read and (pruned := fetcher.prune()):
        log.info("removed %d downloads no feed links to any more from the cache", pruned)
    return articles, skipped


def _read_feed(
    source: str, settings: FeedSettings, fetcher: Fetcher, *, root: Path, seen: set[str]
) -> Iterator[tuple[str, Article | InputError]]:
    try:
        feed = load_feed(source, fetcher, root=root)
    except InputError as e:
        yield source, e
        return
    log.info("%s: %d entries", source, len(feed.entries))
    for index, entry in enumerate(feed.entries):
        key = _entry_key(entry)
        if key and key in seen:
            log.debug("%s: entry %s already read from another feed", source, key)
            continue
        if key:
            seen.add(key)
        where = f"{feed.name}#{key or f'entry-{index + 1}'}"
        try:
            yield where, entry_article(entry, feed, where, settings=settings, fetcher=fetcher)
        except InputError as e:
            yield where, e


def load_feed(source: str, fetcher: Fetcher, *, root: Path) -> _Feed:
    """Fetch (or read) and parse one feed; one that has no entries and no feed is an error."""
    import feedparser  # only when there are feeds

    headers: dict[str, str] = {}
    if is_web_url(source):
        fetched = fetcher.get(source, accept=FEED_ACCEPT, revalidate=True)
        data = fetched.data
        # The URL resolves relative links; the type may name the charset.
        headers["content-location"] = fetched.url
        if fetched.content_type:
            headers["content-type"] = fetched.content_type
    else:
        path = root / source
        try:
            size = path.stat().st_size
            if size > fetcher.max_bytes:
                raise InputError(
                    f"{source}: {size:,} bytes is over the {fetcher.max_bytes:,}-byte limit"
                )
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"{source}: the feed cannot be read ({e.strerror or e})") from e
    # A stream, never bytes or str: given those, feedparser may take them for a
    # file name or a URL and open it itself.
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers=headers or None,
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no RSS or Atom feed found"
        raise InputError(f"{source}: not a readable RSS or Atom feed ({problem})")
    if parsed.get("bozo"):
        log.debug("%s: feed is not well-formed (%s); read what could be read", source,
                  parsed.get("bozo_exception"))  # fmt: skip
    return _Feed(source, clean_field(parsed.feed.get("title")), list(parsed.entries))


def entry_article(
    entry: Any, feed: _Feed, where: str, *, settings: FeedSettings, fetcher: Fetcher
) -> Article:
    """One entry as an article: its own text, or its linked page when the text is a teaser."""
    link = clean_field(entry.get("link"))
    title = clean_field(entry.get("title"))
    paragraphs, whole = _entry_paragraphs(entry)
    page: Parsed | None = None
    if not whole and settings.fetch_pages and link and is_web_url(link):
        page = _read_page(link, fetcher)
        paragraphs = list(page.paragraphs)
    elif not paragraphs:
        why = (
            "no text and no http(s) link to fetch"
            if not settings.fetch_pages or not link
            else (f"no text, and its link {link!r} is not an http(s) URL")
        )
        raise InputError(f"{where}: {why}")
    return _article(
        paragraphs,
        where,
        title=title or (page.title if page else None),
        outlet=feed.title or (page.outlet if page else None),
        author=clean_field(entry.get("author")) or (page.author if page else None),
        published=_entry_date(entry) or (page.published if page else None),
        url=link if link and is_web_url(link) else None,
    )


def _read_page(url: str, fetcher: Fetcher) -> Parsed:
    from briefgen.ingest.html import read_html

    fetched = fetcher.get(url, accept=PAGE_ACCEPT, revalidate=False)
    kind = (fetched.content_type or "text/html").split(";")[0].strip().lower()
    if kind not in _HTML_TYPES:
        raise InputError(f"{url}: not a web page ({kind})")
    text = unicodedata.normalize("NFC", decode(fetched.data, url))
    return read_html(text, url)


def _entry_paragraphs(entry: Any) -> tuple[list[str], bool]:
    """The entry's fullest text as paragraphs, and whether it is the whole article."""
    best: list[str] = []
    whole = False
    contents = [(c, CONTENT_WORDS) for c in entry.get("content") or [] if c.get("value")]
    if entry.get("summary"):
        contents.append((entry.get("summary_detail") or {"value": entry["summary"]}, SUMMARY_WORDS))
    for content, enough in contents:
        value = str(content.get("value") or "")
        if "html" in str(content.get("type") or "text/html"):
            paragraphs = html_paragraphs(value)
        else:
            paragraphs = [p for p in value.split("\n\n") if p.strip()]
        if sum(map(len, paragraphs)) > sum(map(len, best)):
            best = paragraphs
            cut = bool(paragraphs) and bool(_CUT.search(paragraphs[-1].strip()))
            whole = not cut and sum(len(p.split()) for p in paragraphs) >= enough
    return best, whole


def _article(paragraphs: list[str], where: str, **metadata: Any) -> Article:
    """The steps ``read_article`` takes after its reader, for text that is not a file."""
    paragraphs = tidy(paragraphs, name=where)
    drop_repeated_title(paragraphs, metadata["title"])
    found = take_metadata(paragraphs)
    body = "\n\n".join(tidy(paragraphs, name=where))
    if not body:
        raise InputError(f"{where}: no article text")
    return Article(
        id=metadata["title"] or where,
        path=where,
        text=body,
        title=metadata["title"],
        outlet=metadata["outlet"] or found.outlet,
        author=metadata["author"] or found.author,
        published=metadata["published"],
        dateline=found.dateline,
        url=metadata["url"],
        sentences=split_sentences(body),
    )


def _entry_key(entry: Any) -> str | None:
    return clean_field(entry.get("id")) or clean_field(entry.get("link"))


def _entry_date(entry: Any) -> dt.date | None:
    """The day the entry was published (else updated), as the feed writes it.

    feedparser converts dates to UTC, which moves an evening readout in
    Washington to the next day; the date as written is the one the text's
    "on Tuesday" counts from.
    """
    for name in ("published", "updated"):
        raw, parsed = entry.get(name), entry.get(f"{name}_parsed")
        if raw:
            written = _written_date(str(raw))
            if written is not None:
                return written
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc).date()
    return None


def _written_date(raw: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.date.fromisoformat(raw.strip()[:10])  # Atom: RFC 3339
    except ValueError:
        return None
