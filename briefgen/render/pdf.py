"""PDF through WeasyPrint, which may fetch nothing an article could point at.

The URL fetcher refuses every URL except ``data:``: a brief's CSS is inlined
in its HTML, and nothing else is needed, so an image or stylesheet URL that
slipped into a template or an article (``file:///etc/passwd``, a tracker on
the web) is never loaded.
"""

from __future__ import annotations

import logging
from typing import Any

from briefgen.errors import RenderError

log = logging.getLogger(__name__)


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url)  # type: ignore[no-any-return]
    log.warning("not loading %s into the PDF", url[:80])
    raise ValueError(f"briefgen does not load {url[:80]!r} into a brief")


def render_pdf(html: str) -> bytes:
    import weasyprint

    # WeasyPrint logs each refused resource as an error; ours is enough.
    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
    try:
        document = weasyprint.HTML(string=html, base_url=None, url_fetcher=refuse_fetch)
        data = document.write_pdf()
    except Exception as e:  # WeasyPrint raises many types; all mean the same to a user
        raise RenderError(f"cannot make the PDF: {e}") from e
    if data is None:
        raise RenderError("cannot make the PDF: WeasyPrint returned nothing")
    return bytes(data)
