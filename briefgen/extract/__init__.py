"""Extraction: articles (read and split into sentences by ingest) in, a digest out.

Backends are chosen by name (``extraction.extractor``; see ``registry``) and
written against the ``Extractor`` interface (``base``). What crosses articles
is shared by every backend: one record per person (``people``), merging the
facts that report the same thing (``merge``), the digest's records
(``records``), dates (``dates``) and places (``gazetteer``). The ``rules``
backend is ``rules`` with its per-article work in ``work``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.extract.base import Extractor

if TYPE_CHECKING:
    from briefgen.config import ExtractionSettings
    from briefgen.model import Article, Digest
    from briefgen.runtime.run import Runtime


def extract(
    articles: Sequence[Article],
    settings: ExtractionSettings | None = None,
    *,
    run: Runtime | None = None,
) -> Digest:
    """The digest of ``articles`` by the configured backend; ``run`` says how the
    per-article work runs (cache, processes, progress), never what it finds."""
    from briefgen.config import ExtractionSettings
    from briefgen.extract.registry import make_extractor
    from briefgen.runtime.run import Runtime

    extractor = make_extractor(settings or ExtractionSettings())
    run = (run or Runtime.serial()).for_backend(extractor.fingerprint())
    return extractor.extract(articles, run)


__all__ = ["Extractor", "extract"]
