"""The ``llm`` extractor: a language model on an OpenAI-compatible server reads each article.

Optional (``pip install 'briefgen[llm]'``) and never the default. The model's
answers are held to briefgen's standards before anything reaches the digest:
every fact quoted from its article and its parties named there
(``grounding``); the article is data, never instructions (``prompt``); each
request cached, priced beforehand and its failures named (``client``). The
steps that cross articles -- people, merging, dates, places -- are the ones
every backend shares. See docs/llm.md.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ValidationError

from briefgen.errors import ConfigError
from briefgen.extract.llm.backend import (
    Estimate,
    Outcome,
    Request,
    api_key,
    ask,
    assemble,
    check_budget,
    estimate,
    fingerprint,
    plan,
    request_key,
)
from briefgen.extract.llm.client import Usage
from briefgen.extract.llm.options import LlmOptions
from briefgen.model import Article, Digest

if TYPE_CHECKING:
    from briefgen.batch import Batch
    from briefgen.config import ExtractionSettings

log = logging.getLogger(__name__)

__all__ = ["LlmExtractor", "LlmOptions", "extract_llm", "options_from"]


class LlmExtractor:
    name: ClassVar[str] = "llm"
    Options: ClassVar[type[BaseModel]] = LlmOptions

    def __init__(self, options: BaseModel) -> None:
        assert isinstance(options, LlmOptions)
        self.options = options
        self.summary: str | None = None

    def fingerprint(self) -> str:
        return fingerprint(self.options)

    def estimate(self, articles: Sequence[Article]) -> Estimate:
        return estimate(plan(sorted(articles, key=lambda a: a.id), self.options))

    def extract(self, articles: Sequence[Article], run: Any) -> Digest:
        began = time.monotonic()
        articles = sorted(articles, key=lambda a: a.id)
        requests = plan(articles, self.options)
        api_key(self.options)  # a missing key stops the run before any request
        check_budget(run.uncached("llm", requests, key=request_key), self.options)
        outcomes: list[Outcome] = run.map("llm", ask, requests, key=request_key)
        by_article: dict[str, list[Outcome]] = {a.id: [] for a in articles}
        for request, outcome in zip(requests, outcomes, strict=True):
            by_article[request.article.id].append(outcome)
        found = assemble(articles, [by_article[a.id] for a in articles], self.options)
        for line in found.digest.notices:
            run.warn(line)
        hits = sum(1 for o in outcomes if o.usage.requests == 0)
        self.summary = _summary(found.usage, hits, time.monotonic() - began)
        log.info("%s", self.summary)
        return found.digest


def _summary(usage: Usage, hits: int, seconds: float) -> str:
    retried = f" ({usage.retries} retries)" if usage.retries else ""
    return (
        f"llm: {usage.requests} requests{retried}, {usage.tokens_in:,} tokens in, "
        f"{usage.tokens_out:,} out, {hits} cache hits, {seconds:.1f} s"
    )


def options_from(raw: dict[str, Any] | None) -> LlmOptions:
    """``extraction.llm:`` validated, every problem with its key path."""
    try:
        return LlmOptions.model_validate(raw or {})
    except ValidationError as e:
        lines = []
        for problem in e.errors():
            key = ".".join(["extraction", "llm", *(str(p) for p in problem["loc"])])
            message = problem["msg"].removeprefix("Value error, ")
            if problem["type"] == "extra_forbidden":
                message = "unknown key"
            lines.append(f"{key}: {message}")
        raise ConfigError("\n".join(lines)) from e


# -- until the extractor interface lands: today's registry and Batch -------------------


class _BatchRuntime:
    """``run.map`` and ``run.warn`` over today's ``Batch``: its cache and progress,
    requests in ``max_concurrency`` threads; failures are never cached."""

    def __init__(self, batch: Batch, extractor: LlmExtractor) -> None:
        self.batch = batch
        self.prefix = extractor.fingerprint()
        self.threads = extractor.options.max_concurrency
        self.notices: list[str] = []

    def _key(self, stage: str, item_key: str) -> str:
        from briefgen.cache import cache_key, fingerprint

        return cache_key(fingerprint(), self.prefix, stage, item_key)

    def uncached(self, stage: str, items: Sequence[Request], *, key: Callable[..., str]) -> list:
        cache = self.batch.cache
        return [i for i in items if cache.get(self._key(stage, key(i))) is None]

    def map(self, stage: str, func: Callable[..., Outcome], items: Sequence[Any], *,
            key: Callable[..., str]) -> list[Outcome]:  # fmt: skip
        cache = self.batch.cache
        keys = [self._key(stage, key(item)) for item in items]
        results: list[Outcome | None] = []
        for k in keys:
            hit = cache.get(k)
            results.append(
                Outcome(hit.answer, hit.failure, hit.repaired) if isinstance(hit, Outcome) else None
            )
        todo = [i for i, r in enumerate(results) if r is None]
        self.batch.progress.start("asking the model", len(todo))
        try:
            with ThreadPoolExecutor(max_workers=self.threads) as pool:
                for i, outcome in zip(todo, pool.map(func, [items[i] for i in todo]), strict=True):
                    results[i] = outcome
                    self.batch.progress.advance(1)
                    if outcome.failure is None:
                        cache.put(keys[i], outcome)
        finally:
            self.batch.progress.finish()
        return [r for r in results if r is not None]

    def warn(self, notice: str) -> None:
        self.notices.append(notice)
        log.warning("%s", notice)


def extract_llm(articles: list[Article], settings: ExtractionSettings, batch: Batch) -> Digest:
    extractor = LlmExtractor(options_from(settings.llm))
    return extractor.extract(articles, _BatchRuntime(batch, extractor))
