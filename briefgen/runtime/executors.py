"""Where per-article work runs: in this process, a local process pool, or a Dask cluster.

Executors are chosen by name from ``EXECUTORS`` (``extraction.executor`` in
the config, ``--executor`` on the command line). Each one maps a function over
items and returns the results in the items' order, whatever order the work
finishes in, so the digest never depends on the executor or the number of
jobs. ``shared`` is data every call needs (the batch's people table): it is
sent to each worker once, not with every item.

The local pool forks where the platform allows, after the caller has loaded
spaCy and compiled the patterns, so workers start warm. Dask is an optional
extra (``pip install 'briefgen[dask]'``) for archives that outgrow one
machine; its workers must see the input files at the same paths.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from briefgen.errors import BriefgenError, ConfigError
from briefgen.runtime.children import die_with_parent

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

Work = Callable[[Any, Any], Any]  # (item, shared) -> result; a module-level function
Advance = Callable[[int], None]


class Executor(Protocol):
    """Runs ``fn(item, shared)`` for every item; results in the order of ``items``."""

    jobs: int

    def map(self, fn: Work, items: Sequence[Any], shared: Any, advance: Advance) -> list[Any]: ...


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the platform says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _chunks(items: Sequence[Any], jobs: int) -> list[Sequence[Any]]:
    # Several chunks per worker even out uneven articles; not so many that
    # sending them costs more than the work.
    size = max(1, min(64, len(items) // (jobs * 4) or 1))
    return [items[i : i + size] for i in range(0, len(items), size)]


# Fewer items than this run in this process: starting workers would cost more.
MIN_ITEMS_FOR_POOL = 8

_shared: Any = None


def _install(shared: Any, parent: int) -> None:
    global _shared
    die_with_parent(parent)  # a killed build leaves no worker behind
    _shared = shared


def _run_chunk(fn: Work, chunk: Sequence[Any], shared: Any = None) -> list[Any]:
    data = _shared if shared is None else shared
    return [fn(item, data) for item in chunk]


@dataclass
class LocalExecutor:
    """A process pool of ``jobs`` workers; with one job, or one item, no pool at all."""

    jobs: int

    def map(self, fn: Work, items: Sequence[Any], shared: Any, advance: Advance) -> list[Any]:
        if self.jobs <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
            results = []
            for item in items:
                results.append(fn(item, shared))
                advance(1)
            return results
        # Here, not at the top: a build with nothing to extract never starts a pool.
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        chunks = _chunks(items, self.jobs)
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        out: list[list[Any] | None] = [None] * len(chunks)
        with ProcessPoolExecutor(
            max_workers=min(self.jobs, len(chunks)),
            mp_context=context,
            initializer=_install,
            initargs=(shared, os.getpid()),
        ) as pool:
            pending: dict[Future[list[Any]], int] = {
                pool.submit(_run_chunk, fn, chunk): i for i, chunk in enumerate(chunks)
            }
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    i = pending.pop(future)
                    try:
                        out[i] = future.result()
                    except BrokenProcessPool as e:
                        raise BriefgenError(
                            "a worker process died (out of memory?); try fewer jobs, e.g. --jobs 1"
                        ) from e
                    advance(len(chunks[i]))
        return [result for chunk in out for result in chunk or ()]


@dataclass
class DaskExecutor:
    """Chunks of items as tasks on the Dask cluster at ``scheduler``."""

    jobs: int
    scheduler: str

    def map(self, fn: Work, items: Sequence[Any], shared: Any, advance: Advance) -> list[Any]:
        try:
            from distributed import Client, as_completed
        except ImportError as e:
            raise ConfigError(
                "extraction.executor: 'dask' needs the dask extra: pip install 'briefgen[dask]'"
            ) from e
        if not items:
            return []
        try:
            client = Client(self.scheduler, timeout="20s")
        except OSError as e:
            raise ConfigError(
                f"extraction.scheduler: cannot reach the Dask scheduler at {self.scheduler} ({e})"
            ) from e
        with client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            chunks = _chunks(items, max(self.jobs, workers))
            [data] = client.scatter([shared], broadcast=True)
            futures = client.map(_run_chunk, [fn] * len(chunks), chunks, shared=data, pure=False)
            index = {future.key: i for i, future in enumerate(futures)}
            out: list[list[Any] | None] = [None] * len(chunks)
            for future in as_completed(futures):
                i = index[future.key]
                out[i] = future.result()
                advance(len(chunks[i]))
        return [result for chunk in out for result in chunk or ()]


def _local(jobs: int, scheduler: str | None) -> Executor:
    return LocalExecutor(jobs)


def _dask(jobs: int, scheduler: str | None) -> Executor:
    if not scheduler:
        raise ConfigError(
            "extraction.scheduler: the dask executor needs a scheduler address (--scheduler)"
        )
    return DaskExecutor(jobs, scheduler)


EXECUTORS: dict[str, Callable[[int, str | None], Executor]] = {"local": _local, "dask": _dask}


def make_executor(name: str, *, jobs: int | None = None, scheduler: str | None = None) -> Executor:
    """The executor registered as ``name``; ``jobs`` defaults to this machine's cores."""
    try:
        factory = EXECUTORS[name]
    except KeyError as e:
        known = ", ".join(sorted(EXECUTORS))
        raise ConfigError(f"extraction.executor: unknown executor {name!r} (known: {known})") from e
    return factory(jobs if jobs is not None else default_jobs(), scheduler)
