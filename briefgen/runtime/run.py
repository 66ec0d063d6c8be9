"""Running extraction's per-article work over a batch: cached, in parallel, with progress.

A ``Batch`` is handed to reading and extraction by the pipeline. For each
article it first looks in the cache (``briefgen.runtime.cache``); what is missing is
computed by the executor (``briefgen.runtime.executors``) and stored. Results come
back in the articles' order, and the cross-article steps run here in this
process, so a build with any number of jobs, on any executor, with or
without the cache, writes the same digest byte for byte.

``Batch.serial()`` is the plain way -- one process, no cache, no progress --
used by evaluation and by anyone calling ``extract`` from Python.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.config import ExtractionSettings
from briefgen.runtime.cache import Cache, cache_key, fingerprint
from briefgen.runtime.executors import MIN_ITEMS_FOR_POOL, Executor, LocalExecutor, make_executor
from briefgen.runtime.progress import NoProgress, Progress

if TYPE_CHECKING:
    # Imported when there is work to do: a build with nothing changed needs none of it.
    from briefgen.extract.work import ArticleFacts, FactsTask, PeopleTable, Prepared, ReadOutcome
    from briefgen.model import Article

log = logging.getLogger(__name__)

# Larger files are left to read_article, which refuses them with a clear message.
_MAX_HASHED_BYTES = 20_000_000


class Batch:
    """How one run does its per-article work: which cache, which executor, which progress.

    It also carries what reading learnt about each text to extraction, so the
    text is not analysed twice, and the cache keys of the inputs, so files
    are hashed once per run.
    """

    def __init__(
        self,
        settings: ExtractionSettings,
        *,
        cache: Cache | None = None,
        executor: Executor | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self.cache = cache or Cache(None)
        self.executor = executor or LocalExecutor(1)
        self.progress = progress or NoProgress()
        # What reading already found out about each text, by the text's hash.
        self._prepared: dict[str, Prepared] = {}
        self._read_keys: dict[Path, str | None] = {}
        # Called once, when the batch first has work to do (not on a fully cached run).
        self.on_work: Callable[[], None] | None = None

    @classmethod
    def serial(cls, settings: ExtractionSettings | None = None) -> Batch:
        return cls(settings or ExtractionSettings())

    @classmethod
    def from_settings(
        cls, settings: ExtractionSettings, *, cache_dir: Path | None, progress: Progress | None
    ) -> Batch:
        """As configured: ``extraction.jobs``, ``.executor``, ``.scheduler``, ``.cache``."""
        executor = make_executor(
            settings.executor, jobs=settings.jobs, scheduler=settings.scheduler
        )
        folder = cache_dir if settings.cache else None
        return cls(settings, cache=Cache(folder), executor=executor, progress=progress)

    # -- what the key of a cached result depends on, besides the input ------------------

    def _settings_key(self) -> str:
        s = self.settings
        return f"{fingerprint()}|{s.extractor}|{s.spacy_model or ''}"

    def _text_key(self, text: str) -> str:
        return hashlib.sha256(f"{self.settings.spacy_model or ''}\0{text}".encode()).hexdigest()

    # -- step 1: reading and preparing each file -------------------------------------------

    def read(self, paths: Sequence[Path], *, root: Path, max_bytes: int) -> list[ReadOutcome]:
        """Each file read and prepared, in the order given; failures are outcomes.

        A file over ``max_bytes`` is never cached, so ``read_article`` refuses it
        under whatever limit is in force.
        """
        from briefgen.extract.work import ReadOutcome, ReadTask, read_and_prepare, warm_facts

        outcomes: list[ReadOutcome | None] = [None] * len(paths)
        keys: list[str | None] = [None] * len(paths)
        todo: list[int] = []
        for i, path in enumerate(paths):
            keys[i] = key = self._read_key(path, root, max_bytes)
            cached = self.cache.get(key) if key else None
            if isinstance(cached, ReadOutcome):
                outcomes[i] = cached
            else:
                todo.append(i)
        # Paths as given (absolute from the CLI): a Dask worker has its own working folder.
        tasks = [ReadTask(str(paths[i]), str(root), max_bytes) for i in todo]
        # While workers read, this process loads what reading facts needs next.
        results = self._run(
            "reading", read_and_prepare, tasks, self.settings.spacy_model, meanwhile=warm_facts
        )
        for i, outcome in zip(todo, results, strict=True):
            outcomes[i] = outcome
            key = keys[i]
            if key and outcome.error is None:
                self.cache.put(key, outcome)
        done = [o for o in outcomes if o is not None]
        for outcome in done:
            if outcome.article is not None and outcome.prepared is not None:
                self._prepared[self._text_key(outcome.article.text)] = outcome.prepared
        if self.cache.enabled:
            log.info("read %d of %d inputs from the cache", len(paths) - len(todo), len(paths))
        return done

    def _read_key(self, path: Path, root: Path, max_bytes: int) -> str | None:
        """The file's bytes and every form of its path that its ``Article.path`` comes from."""
        if not self.cache.enabled:
            return None
        if path in self._read_keys:
            return self._read_keys[path]
        self._read_keys[path] = key = self._hash_input(path, root, max_bytes)
        return key

    def _hash_input(self, path: Path, root: Path, max_bytes: int) -> str | None:
        # The same safe read as ingestion's: regular files only (a named pipe
        # would block), bounded, consistent.
        from briefgen.errors import InputError
        from briefgen.ingest.files import read_bytes

        try:
            data = read_bytes(path, str(path), max_bytes=min(max_bytes, _MAX_HASHED_BYTES))
            resolved = os.path.relpath(path.resolve(), root.resolve())
        except (InputError, OSError, ValueError):
            return None  # read_article will say what is wrong with it
        written = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        return cache_key(self._settings_key(), "read", path.as_posix(), written, resolved, data)

    # -- the whole batch at once ---------------------------------------------------------

    def _whole_key(
        self, paths: Sequence[Path], root: Path, on_error: str, max_bytes: int
    ) -> str | None:
        keys = [self._read_key(path, root, max_bytes) for path in paths]
        if not keys or any(key is None for key in keys):
            return None
        return cache_key(self._settings_key(), "whole", on_error, *(k or "" for k in keys))

    def cached_result(
        self, paths: Sequence[Path], *, root: Path, on_error: str, max_bytes: int
    ) -> Any | None:
        """The result of an earlier run over exactly these files, if the cache has it.

        With every input unchanged, one entry answers for the whole batch: no
        per-article entry is read and no extraction code is even imported.
        """
        key = self._whole_key(paths, root, on_error, max_bytes)
        return self.cache.get(key) if key else None

    def store_result(
        self, paths: Sequence[Path], *, root: Path, on_error: str, max_bytes: int, result: Any
    ) -> None:
        """Keep ``result`` for the next run over these files, and drop what this run did not use."""
        if key := self._whole_key(paths, root, on_error, max_bytes):
            self.cache.put(key, result)
        if self.cache.enabled and (removed := self.cache.prune()):
            log.info("removed %d cache entries no longer used", removed)

    # -- steps 1 (for articles not read here) and 3 -----------------------------------------

    def prepare(self, articles: Sequence[Article]) -> list[Prepared]:
        """What each article's text says on its own; reused from reading when it was read here."""
        from briefgen.extract.work import prepare_text

        keys = [self._text_key(a.text) for a in articles]
        todo = [i for i, key in enumerate(keys) if key not in self._prepared]
        model = self.settings.spacy_model
        results = self._run("preparing", prepare_text, [articles[i] for i in todo], model)
        for i, prepared in zip(todo, results, strict=True):
            self._prepared[keys[i]] = prepared
        return [self._prepared[key] for key in keys]

    def read_facts(self, tasks: Sequence[FactsTask], table: PeopleTable) -> list[ArticleFacts]:
        """Each article's facts given the batch's people table, in the order of ``tasks``."""
        from briefgen.extract.work import ArticleFacts, read_facts

        keys = [""] * len(tasks)
        if self.cache.enabled:
            table_key = cache_key(self._settings_key(), repr(_table_state(table)))
            keys = [_facts_key(table_key, task) for task in tasks]
        results: list[ArticleFacts | None] = [None] * len(tasks)
        todo = []
        for i, key in enumerate(keys):
            cached = self.cache.get(key) if key else None
            if isinstance(cached, ArticleFacts):
                results[i] = cached
            else:
                todo.append(i)
        computed = self._run("extracting", read_facts, [tasks[i] for i in todo], table)
        for i, result in zip(todo, computed, strict=True):
            results[i] = result
            if keys[i]:
                self.cache.put(keys[i], result)
        done = [r for r in results if r is not None]
        for task, result in zip(tasks, done, strict=True):
            for fact in result.facts:  # one Article object per article, as in a serial run
                fact.article = task.article
        return done

    def _run(
        self,
        label: str,
        fn: Any,
        items: list[Any],
        shared: Any,
        *,
        meanwhile: Callable[[], None] | None = None,
    ) -> list[Any]:
        """``fn`` over ``items`` on the executor; ``meanwhile`` runs in a thread here
        once the workers are busy (when they are processes), and is joined after."""
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
        if pooled:
            from briefgen.extract.work import warm_facts, warm_reading

            # Once here, inherited by every forked worker.
            warm_reading(self.settings.spacy_model)
            if meanwhile is None:
                warm_facts()
        background: list[threading.Thread] = []

        def advance(n: int) -> None:
            if pooled and meanwhile is not None and not background:
                # Every worker has forked by the time the first chunk is done.
                background.append(threading.Thread(target=_quietly(meanwhile), daemon=True))
                background[0].start()
            self.progress.advance(n)

        self.progress.start(label, len(items))
        try:
            return self.executor.map(fn, items, shared, advance)
        finally:
            for thread in background:
                thread.join()
            self.progress.finish()


def _quietly(fn: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            fn()
        except Exception as e:  # only a head start: the same call later reports it
            log.debug("warming up in the background failed: %s", e)

    return run


def _facts_key(table_key: str, task: FactsTask) -> str:
    # repr, not pickle: equal values always give equal text (pickle's output
    # depends on which equal strings happen to be one object).
    return cache_key(
        table_key, "facts", repr(task.article), repr(task.mentions), repr(task.parties),
        repr(sorted(task.places)),
    )  # fmt: skip


def _table_state(table: PeopleTable) -> tuple[Any, ...]:
    """The table as sorted plain data, so equal tables hash alike in every run."""
    return (
        sorted((k, tuple(v)) for k, v in table.known.by_first.items()),
        sorted(table.canonical.items()),
        sorted(table.roles.items()),
    )
