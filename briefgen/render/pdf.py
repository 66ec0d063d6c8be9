"""PDF through WeasyPrint, which may fetch nothing an article could point at.

WeasyPrint's URL fetcher is allowed the ``data:`` protocol only: a brief's CSS is inlined
in its HTML, and nothing else is needed, so an image or stylesheet URL that
slipped into a template or an article (``file:///etc/passwd``, a tracker on
the web) is never loaded.
"""

from __future__ import annotations

import logging

from briefgen.errors import RenderError

log = logging.getLogger(__name__)


def render_pdf(html: str) -> bytes:
    import weasyprint
    import weasyprint.urls

    # WeasyPrint logs each refused resource as an error; ours is enough.
    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
    try:
        fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
        document = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher)
        data = document.write_pdf()
    except Exception as e:  # WeasyPrint raises many types; all mean the same to a user
        raise RenderError(f"cannot make the PDF: {e}") from e
    if data is None:
        raise RenderError("cannot make the PDF: WeasyPrint returned nothing")
    return bytes(data)
