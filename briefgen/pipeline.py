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

from briefgen.changes import Changes
from briefgen.config import Config, ExtractionSettings, FeedSettings
from briefgen.digest import dump_digest
from briefgen.errors import InputError
from briefgen.model import Article, Digest
from briefgen.publish import publish

log = logging.getLogger(__name__)

DIGEST_NAME = "digest.yaml"
FEED_CACHE = Path(".cache") / "feeds"  # in the output folder


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
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    feeds: FeedSettings | None = None,
    cache_dir: Path | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read every input and feed; an unreadable one is skipped with a warning or stops the run."""
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
    if feeds is not None and feeds.sources:
        from briefgen.ingest.feeds import read_feeds

        from_feeds, feed_skips = read_feeds(
            feeds, root=root, cache_dir=cache_dir, on_error=on_error
        )
        articles.extend(from_feeds)
        skipped.extend(Skipped(where, problem) for where, problem in feed_skips)
    if not articles:
        named = [*patterns, *(feeds.sources if feeds else [])]
        raise InputError("no readable articles in the inputs: " + ", ".join(named))
    return assign_ids(articles), skipped


def extract_digest(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    settings: ExtractionSettings | None = None,
    feeds: FeedSettings | None = None,
    cache_dir: Path | None = None,
) -> ExtractResult:
    from briefgen.extract import extract

    articles, skipped = read_articles(
        patterns, root=root, on_error=on_error, feeds=feeds, cache_dir=cache_dir
    )
    log.info("extracting facts from %d articles", len(articles))
    return ExtractResult(extract(articles, settings or ExtractionSettings()), skipped)


def render_digest(
    digest: Digest,
    config: Config,
    *,
    formats: Sequence[str],
    out_dir: Path,
    extra: dict[str, bytes] | None = None,
    changes: Changes | None = None,
) -> list[Path]:
    """Render every format in memory, then publish them (and ``extra`` files) together."""
    from briefgen.render import BriefInfo, render

    info = BriefInfo(
        title=config.brief.title,
        subject=config.brief.subject,
        date=config.brief.date,
        audience=config.brief.audience,
    )
    outputs = dict(extra or {})
    outputs.update(
        render(
            digest,
            info=info,
            formats=formats,
            template_dirs=[config.workspace / "templates"],
            changes=changes,
        )
    )
    return publish(outputs, out_dir)


def build(config: Config, *, since: Path | None = None) -> BuildResult:
    """The whole pipeline, as configured: the digest and every brief into the output folder.

    The brief says what changed since ``since`` (a digest file) or, by
    default, since the digest this build replaces; see :mod:`briefgen.since`.
    """
    from briefgen.since import drop_stale, previous_for_build, since_outputs

    result = extract_digest(
        config.inputs,
        root=config.workspace,
        on_error=config.on_error,
        settings=config.extraction,
        feeds=config.feeds,
        cache_dir=config.output_dir / FEED_CACHE,
    )
    previous = previous_for_build(result.digest, config, since=since)
    changes, extra = since_outputs(previous, result.digest)
    written = render_digest(
        result.digest,
        config,
        formats=config.output.formats,
        out_dir=config.output_dir,
        extra={DIGEST_NAME: dump_digest(result.digest).encode("utf-8"), **extra},
        changes=changes,
    )
    if previous is None:
        drop_stale(config.output_dir)
    return BuildResult(result.digest, written, result.skipped)
