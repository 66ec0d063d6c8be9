"""The stages in order: ingest -> extract -> digest -> render -> publish.

Each public function here is what one CLI command calls. Nothing is written
until everything it writes has been produced in memory, and then each file is
replaced atomically, so a failed build leaves the last good outputs in place.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.config import Config, ExtractionSettings
from briefgen.digest import dump_digest
from briefgen.errors import InputError
from briefgen.model import Article, Digest
from briefgen.publish import publish

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


def read_articles(
    patterns: Sequence[str], *, root: Path, on_error: str = "skip"
) -> tuple[list[Article], list[Skipped]]:
    """Read every input; an unreadable one is skipped with a warning or stops the run."""
    from briefgen.ingest import assign_ids, find_inputs, read_article

    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in find_inputs(list(patterns), root=root):
        try:
            articles.append(read_article(path, root=root))
        except InputError as e:
            if on_error == "stop":
                raise
            log.warning("skipped %s", e)
            skipped.append(Skipped(str(path), str(e)))
    if not articles:
        raise InputError("no readable articles in the inputs: " + ", ".join(patterns))
    return assign_ids(articles), skipped


def extract_digest(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    settings: ExtractionSettings | None = None,
) -> ExtractResult:
    from briefgen.extract import extract

    articles, skipped = read_articles(patterns, root=root, on_error=on_error)
    log.info("extracting facts from %d articles", len(articles))
    return ExtractResult(extract(articles, settings or ExtractionSettings()), skipped)


def render_digest(
    digest: Digest,
    config: Config,
    *,
    formats: Sequence[str],
    out_dir: Path,
    extra: dict[str, bytes] | None = None,
) -> list[Path]:
    """Render every audience's formats in memory, then publish them (and ``extra`` files).

    Each audience of ``brief.audience`` goes to ``out_dir/<audience>/``; ``extra``
    files (the digest) to ``out_dir`` itself. Nothing is written until every
    brief exists, so a template error in the last audience leaves all as they were.
    """
    from briefgen.render import render_audience

    briefs = {
        audience: render_audience(digest, config, audience, formats=formats)
        for audience in config.brief.audience
    }
    written = publish(dict(extra), out_dir) if extra else []
    for audience, outputs in briefs.items():
        written += publish(outputs, out_dir / audience)
    return written


def build(config: Config) -> BuildResult:
    """The whole pipeline, as configured: the digest and every brief into the output folder."""
    result = extract_digest(
        config.inputs,
        root=config.workspace,
        on_error=config.on_error,
        settings=config.extraction,
    )
    digest_bytes = dump_digest(result.digest).encode("utf-8")
    written = render_digest(
        result.digest,
        config,
        formats=config.output.formats,
        out_dir=config.output_dir,
        extra={DIGEST_NAME: digest_bytes},
    )
    return BuildResult(result.digest, written, result.skipped)
