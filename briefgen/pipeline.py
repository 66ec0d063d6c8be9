"""The stages in order: ingest -> extract -> digest -> render -> publish.

Each public function here is what one CLI command calls. Nothing is written
until everything it writes has been produced in memory, and then each file is
replaced atomically, so a failed build leaves the last good outputs in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import Config, ExtractionSettings
from briefgen.digest import dump_digest
from briefgen.errors import InputError
from briefgen.model import Article, Digest
from briefgen.publish import publish

if TYPE_CHECKING:
    from briefgen.batch import Batch
    from briefgen.pdfworker import PdfWorker
    from briefgen.progress import Progress

log = logging.getLogger(__name__)

DIGEST_NAME = "digest.yaml"


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class ExtractResult:
    digest: Digest
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class BuildResult:
    digest: Digest
    written: list[Path]
    skipped: list[Skipped]
    # True when nothing had changed since the last build, so nothing was written.
    up_to_date: bool = False


def read_articles(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    batch: Batch | None = None,
    paths: Sequence[Path] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read every input; an unreadable one is skipped with a warning or stops the run.

    ``batch`` reads the files (cached, in parallel) and keeps what extraction
    will need of each text; without one they are read here, one by one.
    """
    from briefgen.batch import Batch
    from briefgen.ingest import assign_ids, find_inputs

    batch = batch or Batch.serial()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    if paths is None:
        paths = list(find_inputs(list(patterns), root=root))
    for path, outcome in zip(paths, batch.read(paths, root=root), strict=True):
        if outcome.article is None:
            if on_error == "stop":
                raise InputError(outcome.error or f"{path}: cannot be read")
            log.warning("skipped %s", outcome.error)
            skipped.append(Skipped(str(path), outcome.error or ""))
        else:
            articles.append(outcome.article)
    if not articles:
        raise InputError("no readable articles in the inputs: " + ", ".join(patterns))
    return assign_ids(articles), skipped


def extract_digest(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    settings: ExtractionSettings | None = None,
    batch: Batch | None = None,
) -> ExtractResult:
    from briefgen.batch import Batch
    from briefgen.ingest import find_inputs

    settings = settings or ExtractionSettings()
    batch = batch or Batch.serial(settings)
    paths = list(find_inputs(list(patterns), root=root))
    cached = batch.cached_result(paths, root=root, on_error=on_error)
    if isinstance(cached, ExtractResult):
        log.info("no input changed since the cached run: extracting nothing")
        for gone in cached.skipped:
            log.warning("skipped %s", gone.reason)
        return cached

    from briefgen.extract import extract

    articles, skipped = read_articles(
        patterns, root=root, on_error=on_error, batch=batch, paths=paths
    )
    log.info("extracting facts from %d articles", len(articles))
    result = ExtractResult(extract(articles, settings, batch=batch), skipped)
    batch.store_result(paths, root=root, on_error=on_error, result=result)
    return result


def render_digest(
    digest: Digest,
    config: Config,
    *,
    formats: Sequence[str],
    out_dir: Path,
    extra: dict[str, bytes] | None = None,
    pdf_worker: PdfWorker | None = None,
) -> list[Path]:
    """Render every format in memory, then publish them (and ``extra`` files) together.

    With ``pdf_worker`` the PDF is made in that process while this one makes the rest.
    """
    from briefgen.render import BriefInfo, render

    info = BriefInfo(
        title=config.brief.title,
        subject=config.brief.subject,
        date=config.brief.date,
        audience=config.brief.audience,
    )
    outputs = dict(extra or {})
    template_dirs = [config.workspace / "templates"]
    if pdf_worker is not None and "pdf" in formats:
        pending = pdf_worker.send(digest, info=info, template_dirs=template_dirs)
        rest = [f for f in formats if f != "pdf"]
        outputs.update(render(digest, info=info, formats=rest, template_dirs=template_dirs))
        pdf = pending.result() if pending is not None else None
        if pdf is None:  # the worker is gone: make it here
            pdf = render(digest, info=info, formats=["pdf"], template_dirs=template_dirs)
        outputs.update(pdf)
    else:
        outputs.update(render(digest, info=info, formats=formats, template_dirs=template_dirs))
    return publish(outputs, out_dir)


def build(config: Config, *, progress: Progress | None = None) -> BuildResult:
    """The whole pipeline, as configured: the digest and every brief into the output folder.

    Articles unchanged since an earlier build come from the output folder's
    ``.cache/``; when the digest, config and templates are all unchanged and
    every output is still in place, nothing is rendered or written at all.
    """
    from briefgen.batch import Batch
    from briefgen.cache import CACHE_DIR_NAME
    from briefgen.pdfworker import LazyPdfWorker

    batch = Batch.from_settings(
        config.extraction, cache_dir=config.output_dir / CACHE_DIR_NAME, progress=progress
    )
    pdf_worker = LazyPdfWorker(wanted="pdf" in config.output.formats and batch.executor.jobs > 1)
    batch.on_work = pdf_worker.start  # WeasyPrint loads there while spaCy loads here
    try:
        return _build(config, batch, pdf_worker.get)
    finally:
        pdf_worker.close()


def _build(config: Config, batch: Batch, pdf_worker: Callable[[], PdfWorker | None]) -> BuildResult:
    from briefgen.manifest import record, render_key, up_to_date

    result = extract_digest(
        config.inputs,
        root=config.workspace,
        on_error=config.on_error,
        settings=config.extraction,
        batch=batch,
    )
    digest_bytes = dump_digest(result.digest).encode("utf-8")
    key = render_key(
        digest=digest_bytes,
        # How extraction ran (jobs, executor, cache) changes no brief.
        config=config.model_dump_json(exclude={"extraction": {"jobs", "executor", "scheduler"}}),
        template_dirs=[config.workspace / "templates"],
    )
    if config.extraction.cache and up_to_date(config.output_dir, key):
        log.info("digest, config and templates unchanged: nothing to render")
        return BuildResult(result.digest, [], result.skipped, up_to_date=True)
    written = render_digest(
        result.digest,
        config,
        formats=config.output.formats,
        out_dir=config.output_dir,
        extra={DIGEST_NAME: digest_bytes},
        pdf_worker=pdf_worker(),
    )
    if config.extraction.cache:
        record(config.output_dir, key, {path.name: path.read_bytes() for path in written})
    return BuildResult(result.digest, written, result.skipped)
