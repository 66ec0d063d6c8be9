"""The extractor interface: articles (already read and split into sentences) in, a digest out.

Every backend (``rules``, and others registered in ``briefgen.extract.registry``
or through the ``briefgen.extractors`` entry point group) subclasses
``Extractor``. Reading is the ingest stage's and is done once per article
before any backend runs; the steps that cross articles (one record per
person, merging facts that report the same thing, building the digest's
records) are shared by every backend (``people``, ``merge``, ``records``).

A backend does its per-article work through the ``Runtime`` it is handed
(``run.map``: cached, in parallel, with progress) and reports warnings with
``run.warn``. Its options are its own pydantic model, validated from the
config's ``extraction.<name>:`` section.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

import pydantic

if TYPE_CHECKING:
    from briefgen.model import Article, Digest
    from briefgen.runtime.run import Runtime


class HandedOver(list["Article"]):
    """Articles handed over to ``Extractor.extract``: the caller keeps no other reference,
    so a backend may empty the list and let each article go once its facts are out
    (a large batch then never holds every text to the end)."""


class NoOptions(pydantic.BaseModel):
    """For a backend that takes none: any key under ``extraction.<name>:`` is an error."""

    model_config = pydantic.ConfigDict(extra="forbid")


class Extractor(abc.ABC):
    """One extraction backend; instances are made by ``registry.make_extractor``."""

    name: ClassVar[str]
    # The backend's own options, validated from ``extraction.<name>:`` (extra="forbid").
    Options: ClassVar[type[pydantic.BaseModel]] = NoOptions

    def __init__(self, options: pydantic.BaseModel) -> None:
        self.options = options

    def fingerprint(self) -> str:
        """What besides code and input changes this backend's results (options, model
        version, prompt or schema version): it goes into every cache key."""
        return f"{self.name}|{self.options.model_dump_json()}"

    @abc.abstractmethod
    def extract(self, articles: Sequence[Article], run: Runtime) -> Digest:
        """The digest of ``articles``; ``run`` says how per-article work runs, never
        what it finds, so the result is the same with any runtime."""
