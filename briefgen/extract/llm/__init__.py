"""The ``llm`` extractor: a language model on an OpenAI-compatible server reads each article.

Optional (``pip install 'briefgen[llm]'``) and never the default. The model's
answers are held to briefgen's standards before anything reaches the digest:
every fact quoted from its article and its parties named there
(``grounding``); the article is data, never instructions (``prompt``); each
request cached, priced beforehand and its failures named (``client``). The
steps that cross articles -- people, merging, dates, places -- are the ones
every backend shares (``backend.assemble``). See docs/llm.md.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefgen.errors import ConfigError
from briefgen.extract.base import Extractor
from briefgen.extract.llm.backend import (
    Estimate,
    Outcome,
    api_key,
    ask,
    assemble,
    check_budget,
    drop_notices,
    estimate,
    fingerprint,
    new_run,
    plan,
    request_key,
)
from briefgen.extract.llm.client import Usage
from briefgen.extract.llm.options import LlmOptions
from briefgen.model import Article, Digest, Notice

if TYPE_CHECKING:
    from briefgen.runtime.run import Runtime

log = logging.getLogger(__name__)

__all__ = ["LlmExtractor", "LlmOptions"]

STAGE = "llm"


class LlmExtractor(Extractor):
    name = "llm"
    Options = LlmOptions

    def __init__(self, options: Any) -> None:
        super().__init__(options)
        # The last run's cost, one line (``summary``): printed by the command that ran it.
        self.summary: str | None = None

    @property
    def llm(self) -> LlmOptions:
        assert isinstance(self.options, LlmOptions)
        return self.options

    def fingerprint(self) -> str:
        return fingerprint(self.llm)

    def estimate(self, articles: Sequence[Article], run: Runtime) -> tuple[Estimate, int]:
        """What a run over ``articles`` would send, without sending it: the requests
        not in ``run``'s cache, and how many are."""
        requests = plan(sorted(articles, key=lambda a: a.id), self.llm)
        todo = [r for r in requests if not _cached(run, request_key(r))]
        return estimate(todo), len(requests) - len(todo)

    def extract(self, articles: Sequence[Article], run: Runtime) -> Digest:
        began = time.monotonic()
        _require_client()
        api_key(self.llm)  # a missing key stops the run before any request
        new_run()
        articles = sorted(articles, key=lambda a: a.id)
        requests = plan(articles, self.llm)
        fresh = [not _cached(run, request_key(r)) for r in requests]
        check_budget([r for r, new in zip(requests, fresh, strict=True) if new], self.llm)
        outcomes = _threaded(run, self.llm.max_concurrency).map(
            STAGE, ask, requests, key=request_key, keep=_succeeded
        )
        by_article: dict[str, list[Outcome]] = {a.id: [] for a in articles}
        for request, outcome in zip(requests, outcomes, strict=True):
            by_article[request.article.id].append(outcome)
        found = assemble(articles, [by_article[a.id] for a in articles], self.llm)
        for article, reason in found.skipped:
            run.warn(Notice(article.path, "skipped", f"the llm extractor skipped it: {reason}"))
        for line in drop_notices(found.dropped):
            run.warn(line)
        usage, repaired = Usage(), 0
        for outcome, new in zip(outcomes, fresh, strict=True):
            if new:
                usage.add(outcome.usage)
                repaired += outcome.repaired
        seconds = time.monotonic() - began
        self.summary = _summary(usage, repaired, fresh.count(False), seconds)
        log.info("%s", self.summary)
        return found.digest


def _summary(usage: Usage, repaired: int, hits: int, seconds: float) -> str:
    extra = [f"{usage.retries} retries"] if usage.retries else []
    extra += [f"{repaired} answers repaired"] if repaired else []
    said = f" ({', '.join(extra)})" if extra else ""
    return (
        f"llm: {usage.requests} requests{said}, {usage.tokens_in:,} tokens in, "
        f"{usage.tokens_out:,} out, {hits} cache hits, {seconds:.1f} s"
    )


def _succeeded(outcome: Outcome) -> bool:
    """Only answers are cached: a failure (a timeout, a 5xx) is asked again next run."""
    return outcome.failure is None


def _cached(run: Runtime, key: str) -> bool:
    return run.cache.enabled and run.cache.get(run.key(STAGE, key)) is not None


def _require_client() -> None:
    try:
        import openai  # noqa: F401
    except ImportError as e:
        raise ConfigError(
            "extraction.extractor: the llm extractor needs the openai client: "
            "pip install 'briefgen[llm]'"
        ) from e


@dataclass
class _Threads:
    """An executor of threads: requests wait on the network, not the processor, so
    ``max_concurrency`` of them run at once in this process whatever ``--jobs`` says."""

    jobs: int

    def map(
        self, fn: Callable[[Any, Any], Any], items: Sequence[Any], shared: Any,
        advance: Callable[[int], None],
    ) -> list[Any]:  # fmt: skip
        results: list[Any] = [None] * len(items)
        with ThreadPoolExecutor(max_workers=self.jobs) as pool:
            futures = {pool.submit(fn, item, shared): i for i, item in enumerate(items)}
            try:
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    advance(1)  # the progress bar counts requests
            except BaseException:
                # A wrong model or key stops the run: the requests not yet sent never are.
                for future in futures:
                    future.cancel()
                raise
        return results


def _threaded(run: Runtime, threads: int) -> Runtime:
    """``run`` with its cache, progress and backend fingerprint, its work in threads."""
    from briefgen.runtime.run import Runtime

    return Runtime(cache=run.cache, executor=_Threads(threads), progress=run.progress).for_backend(
        run.backend
    )
