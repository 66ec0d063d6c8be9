"""PDF through WeasyPrint: the HTML brief, printed, fetching nothing and stamped with no clock.

Fetching: a brief's CSS is inlined in its HTML, so it needs no resource at
all. The URL fetcher allows ``data:`` URLs only, so an image or stylesheet URL
that reaches the HTML through a template or an article (``file:///etc/passwd``,
a tracking pixel on the web) is never loaded; each refusal is logged.

Reproducibility: the same HTML must give the same bytes, so that a rebuild
that changes nothing changes no file. WeasyPrint (checked on 70) writes no
creation date unless the HTML asks for one, and its file identifier, when
asked for with ``pdf_identifier=True``, is an MD5 of the content. The only
date written is ``SOURCE_DATE_EPOCH``'s, when that is set (the
reproducible-builds convention). Fonts are subset by HarfBuzz where
``libharfbuzz-subset`` is installed, which keeps each font's own dates; without
it WeasyPrint falls back on fontTools, which stamps the current time into each
embedded font, so two builds a second apart would differ. fontTools follows
``SOURCE_DATE_EPOCH`` too, so while a PDF is written, and the user has not set
it, it is set to ``FONT_EPOCH``: the same PDF on either path, on any system.

WeasyPrint takes about a second to import, so it is imported here, on first
use, and never by ``briefgen --help``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from briefgen.errors import RenderError

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"data"})
# The modification time fontTools gives the fonts it subsets, when SOURCE_DATE_EPOCH
# is not set: a constant (2000-01-01), since a font's date says nothing about a brief.
FONT_EPOCH = 946_684_800
# In the exception the fetcher raises, so its log records can be told apart.
_REFUSAL = "briefgen loads no files or web resources"


def is_allowed_url(url: str) -> bool:
    """Whether the PDF may load ``url``: only inline ``data:`` URLs."""
    scheme, colon, _ = url.strip().partition(":")
    return bool(colon) and scheme.lower() in ALLOWED_SCHEMES


def make_url_fetcher() -> URLFetcher:
    """A WeasyPrint URL fetcher that refuses every URL but ``data:``.

    Two locks: our own scheme check, and WeasyPrint's ``allowed_protocols``
    (with redirects off), so a change in either cannot open the door alone.
    """
    from weasyprint.urls import URLFetcher

    class DataOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> object:
            if not is_allowed_url(url):
                log.warning("PDF: not loading %.200s: %s", url, _REFUSAL)
                raise ValueError(f"{_REFUSAL}: {url:.200}")
            return super().fetch(url, headers)

    return DataOnlyFetcher(allowed_protocols=set(ALLOWED_SCHEMES), allow_redirects=False)


def render_pdf(html: str, *, max_pages: int | None = None, label: str = "the brief") -> bytes:
    """The PDF of ``html``, byte-identical for identical ``html`` (and SOURCE_DATE_EPOCH).

    With ``max_pages``, a longer PDF is still written but logged as a warning
    naming ``label``: a one-page brief that runs to two should be noticed,
    not silently shipped.
    """
    stamp = _source_date()
    import weasyprint

    with _quiet_refusals():
        try:
            document = weasyprint.HTML(
                string=html, base_url=None, url_fetcher=make_url_fetcher()
            ).render()
            if stamp is not None:
                document.metadata.created = document.metadata.modified = stamp
            pages = len(document.pages)
            with _font_clock():
                data = document.write_pdf(pdf_identifier=True)
        except Exception as e:  # WeasyPrint has no error base class; any failure means no PDF
            raise RenderError(f"cannot make the PDF: {type(e).__name__}: {e}") from e
    if not data:
        raise RenderError("cannot make the PDF: WeasyPrint returned nothing")
    if max_pages is not None and pages > max_pages:
        log.warning(
            "%s is %d pages, over its max_pages of %d: lower its limits or truncate",
            label,
            pages,
            max_pages,
        )
    return bytes(data)


def _source_date() -> str | None:
    """SOURCE_DATE_EPOCH as a W3C date-time, or None when it is not set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        seconds = int(value)
    except ValueError as e:
        raise RenderError(
            f"SOURCE_DATE_EPOCH={value!r}: not a whole number of seconds since 1970;"
            " fix or unset it"
        ) from e
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextlib.contextmanager
def _font_clock() -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to ``FONT_EPOCH`` for the block, unless the user set it.

    Read by fontTools (``timestampNow``) when WeasyPrint subsets a font with it.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(FONT_EPOCH)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


class _DropRefusals(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return _REFUSAL not in record.getMessage()


@contextlib.contextmanager
def _quiet_refusals() -> Iterator[None]:
    """Drop WeasyPrint's own error for each URL we refuse (ours says it once, as a warning).

    Only those records: WeasyPrint's other messages (a bad CSS rule in an
    override, say) still reach the user.
    """
    logger = logging.getLogger("weasyprint")
    drop = _DropRefusals()
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)
