"""How one run does its per-item work: cached, in parallel, with progress.

A ``Runtime`` is handed to the ingest stage and to the chosen extractor by the
pipeline. ``run.map`` looks up each item in the cache (``runtime.cache``);
what is missing is computed by the executor (``runtime.executors``) and
stored. Results come back in the items' order, so a run with any number of
jobs, on any executor, with or without the cache, gives the same result.

The runtime knows no stage and no backend: a stage names itself, gives a
module-level function and a key for each item (everything the result depends
on besides code), and the runtime adds the code's fingerprint and the
backend's (``for_backend``) to every cache key.

``Runtime.serial()`` is the plain way -- one process, no cache, no progress --
used by evaluation and by anyone calling ``extract`` from Python.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefgen.runtime.cache import Cache, cache_key, fingerprint
from briefgen.runtime.executors import (
    MIN_ITEMS_FOR_POOL,
    Executor,
    LocalExecutor,
    make_executor,
)
from briefgen.runtime.progress import NoProgress, Progress

if TYPE_CHECKING:
    from briefgen.config import ExtractionSettings
    from briefgen.model import Notice

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class _Shared:
    """What every ``Runtime`` made from one run shares: one cache, one executor, one progress."""

    cache: Cache
    executor: Executor
    progress: Progress
    warnings: list[Notice | str] = field(default_factory=list)
    # Called once, when the run first has work to do (not on a fully cached run).
    on_work: Callable[[], None] | None = None


class Runtime:
    """One run's cache, executor and progress; ``backend`` goes into every cache key."""

    def __init__(
        self,
        *,
        cache: Cache | None = None,
        executor: Executor | None = None,
        progress: Progress | None = None,
    ) -> None:
        self._shared = _Shared(cache or Cache(None), executor or LocalExecutor(1),
                               progress or NoProgress())  # fmt: skip
        self.backend = ""

    @classmethod
    def serial(cls) -> Runtime:
        return cls()

    @classmethod
    def from_settings(
        cls, settings: ExtractionSettings, *, cache_dir: Path | None, progress: Progress | None
    ) -> Runtime:
        """As configured: ``extraction.jobs``, ``.executor``, ``.scheduler``, ``.cache``."""
        executor = make_executor(
            settings.executor, jobs=settings.jobs, scheduler=settings.scheduler
        )
        folder = cache_dir if settings.cache else None
        return cls(cache=Cache(folder), executor=executor, progress=progress)

    def for_backend(self, backend_fingerprint: str) -> Runtime:
        """The same run, its cache keys also keyed by a backend's fingerprint."""
        scoped = Runtime.__new__(Runtime)
        scoped._shared = self._shared
        scoped.backend = backend_fingerprint
        return scoped

    # -- what a run is made of -----------------------------------------------------------

    @property
    def cache(self) -> Cache:
        return self._shared.cache

    @property
    def executor(self) -> Executor:
        return self._shared.executor

    @property
    def progress(self) -> Progress:
        return self._shared.progress

    @property
    def on_work(self) -> Callable[[], None] | None:
        return self._shared.on_work

    @on_work.setter
    def on_work(self, hook: Callable[[], None] | None) -> None:
        self._shared.on_work = hook

    @property
    def warnings(self) -> list[Notice | str]:
        """What backends warned about in this run (``warn``), in order."""
        return self._shared.warnings

    def warn(self, notice: Notice | str) -> None:
        """A backend's warning (e.g. facts dropped as ungrounded): kept, and logged."""
        self._shared.warnings.append(notice)
        log.warning("%s", notice)

    def key(self, stage: str, *parts: str | bytes) -> str:
        """A cache key for ``parts`` under this code, this backend and ``stage``."""
        return cache_key(fingerprint(), self.backend, stage, *parts)

    # -- the work ------------------------------------------------------------------------

    def map(
        self,
        stage: str,
        func: Callable[[T], R],
        items: Sequence[T],
        *,
        key: Callable[[T], str],
        warm: Callable[[], None] | None = None,
        keep: Callable[[R], bool] | None = None,
    ) -> list[R]:
        """``func`` over ``items``, each result from the cache when it is there.

        ``key(item)`` is what the result depends on besides the code and the
        backend; an empty key means the item is not cached. ``func`` must be
        module-level (or a ``functools.partial`` of one) and the items
        picklable, for worker processes. ``warm`` loads what ``func`` needs,
        once, in this process before workers fork from it. ``keep`` says which
        results may be stored (e.g. not a file that could not be read).
        """
        return self._cached(
            stage, items, key, keep, lambda todo: self._run(stage, func, todo, warm)
        )

    def map_batches(
        self,
        stage: str,
        func: Callable[[list[T]], list[R]],
        items: Sequence[T],
        *,
        key: Callable[[T], str],
        size: int,
        warm: Callable[[], None] | None = None,
    ) -> list[R]:
        """As ``map``, cached item by item, but ``func`` takes a list of up to ``size``
        items and returns their results in order: for work that is cheaper in
        batches (a neural model over many sentences at once). ``func`` must give
        an item the same result in any batch. Batches are made smaller when there
        are too few items to keep every job busy."""
        jobs = self.executor.jobs

        def compute(todo: list[T]) -> list[R]:
            n = max(1, min(size, len(todo) // (jobs * MIN_ITEMS_FOR_POOL)))
            batches = [todo[i : i + n] for i in range(0, len(todo), n)]
            done = self._run(stage, partial(_call_batch, func=func), batches, warm)
            return [result for batch in done for result in batch]

        return self._cached(stage, items, key, None, compute)

    def _cached(
        self,
        stage: str,
        items: Sequence[T],
        key: Callable[[T], str],
        keep: Callable[[R], bool] | None,
        compute: Callable[[list[T]], list[R]],
    ) -> list[R]:
        keys = [self.key(stage, k) if self.cache.enabled and (k := key(item)) else ""
                for item in items]  # fmt: skip
        results: list[Any] = [None] * len(items)
        todo: list[int] = []
        for i, item_key in enumerate(keys):
            cached = self.cache.get(item_key) if item_key else None
            if cached is not None:
                results[i] = cached
            else:
                todo.append(i)
        computed = compute([items[i] for i in todo])
        for i, result in zip(todo, computed, strict=True):
            results[i] = result
            if keys[i] and (keep is None or keep(result)):
                self.cache.put(keys[i], result)
        if self.cache.enabled and items:
            log.info("%s: %d of %d from the cache", stage, len(items) - len(todo), len(items))
        return results

    def _run(
        self,
        stage: str,
        func: Callable[[Any], Any],
        items: list[Any],
        warm: Callable[[], None] | None,
    ) -> list[Any]:
        if not items:
            return []
        if self.on_work is not None:
            hook, self.on_work = self.on_work, None
            hook()
        pooled = (
            isinstance(self.executor, LocalExecutor)
            and self.executor.jobs > 1
            and len(items) >= MIN_ITEMS_FOR_POOL
        )
        if pooled and warm is not None:
            warm()  # once here, inherited by every forked worker
        self.progress.start(stage, len(items))
        try:
            # ``func`` travels as the shared value: sent to each worker once, not per item.
            return self.executor.map(_call, items, func, self.progress.advance)
        finally:
            self.progress.finish()


def _call(item: Any, func: Callable[[Any], Any]) -> Any:
    return func(item)


def _call_batch(batch: list[Any], func: Callable[[list[Any]], list[Any]]) -> list[Any]:
    results = func(batch)
    if len(results) != len(batch):
        raise ValueError(f"{func!r} gave {len(results)} results for {len(batch)} items")
    return results
