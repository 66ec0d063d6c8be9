"""The stages in order: ingest -> extract -> digest -> render -> publish.

Each public function here is what one CLI command calls. Nothing is written
until everything it writes has been produced in memory, and then each file is
replaced atomically, so a failed build leaves the last good outputs in place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.changes import Changes
from briefgen.config import Config, ExtractionSettings, FeedSettings
from briefgen.corrections import (
    Unmatched,
    apply_corrections,
    corrections_path,
    load_corrections,
)
from briefgen.digest import check_not_hand_edited, dump_digest
from briefgen.errors import InputError, StrictError
from briefgen.model import Article, Digest, Notice
from briefgen.publish import output_lock, publish, recover

log = logging.getLogger(__name__)

DIGEST_NAME = "digest.yaml"
_AT_LINE = re.compile(r":(\d+): ")
FEED_CACHE = Path(".cache") / "feeds"  # in the output folder


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class ExtractResult:
    digest: Digest
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    """Every warning about the inputs, skipped files first: for ``--strict`` and the brief."""


@dataclass
class BuildResult:
    digest: Digest
    written: list[Path]
    skipped: list[Skipped]
    corrections_applied: int = 0
    # Corrections that matched nothing in this build: the user should look at them.
    unmatched: list[Unmatched] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def read_articles(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    max_bytes: int | None = None,
    notices: list[Notice] | None = None,
    feeds: FeedSettings | None = None,
    cache_dir: Path | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read every input and feed; an unreadable one is skipped with a warning or stops the run.

    Every warning (a file or folder skipped, a duplicate, a repair) is
    appended to ``notices`` when given, skipped files first.
    """
    from briefgen.ingest import MAX_BYTES, assign_ids, input_name, read_article, scan_inputs
    from briefgen.ingest.duplicates import drop_duplicates

    scan = scan_inputs(list(patterns), root=root)
    skips = list(scan.problems)
    if skips and on_error == "stop":
        raise InputError(str(skips[0]))
    for notice in skips:
        log.warning("skipped %s", notice)
    articles: list[Article] = []
    for path in scan.files:
        try:
            articles.append(read_article(path, root=root, max_bytes=max_bytes or MAX_BYTES))
        except InputError as e:
            if on_error == "stop":
                raise
            log.warning("skipped %s", e)
            name = input_name(path, root)
            skips.append(Notice(name, "skipped", _reason_of(e, name)))
    if feeds is not None and feeds.sources:
        from briefgen.ingest.feeds import read_feeds

        from_feeds, feed_skips = read_feeds(
            feeds, root=root, cache_dir=cache_dir, on_error=on_error
        )
        articles.extend(from_feeds)
        skips.extend(Notice(where, "skipped", problem) for where, problem in feed_skips)
    if not articles:
        named = [*patterns, *(feeds.sources if feeds else [])]
        raise InputError("no readable articles in the inputs: " + ", ".join(named))
    articles, duplicates = drop_duplicates(articles)
    if notices is not None:
        notices.extend(skips)
        notices.extend(n for a in sorted(articles, key=lambda a: a.path) for n in a.notices)
        notices.extend(duplicates)
    skipped = [Skipped(n.path, str(n)) for n in skips]
    return assign_ids(articles), skipped


def _reason_of(error: InputError, name: str) -> str:
    """The message without the file name it starts with; ``name:2: ...`` gives ``line 2: ...``."""
    message = str(error)
    if not message.startswith(name):
        return message
    if message.startswith(": ", len(name)):
        return message[len(name) + 2 :]
    if m := _AT_LINE.match(message, len(name)):
        return f"line {m[1]}: {message[m.end() :]}"
    return message


def check_strict(notices: Sequence[Notice]) -> None:
    """Under ``--strict``, any warning fails the run before anything is written."""
    if not notices:
        return
    count = f"{len(notices)} warning{'s' if len(notices) != 1 else ''}"
    lines = [f"{notice.kind}: {notice}" for notice in notices]
    raise StrictError(
        "\n".join([*lines, f"{count} about the inputs, and --strict is on: nothing written"])
    )


def extract_digest(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    settings: ExtractionSettings | None = None,
    max_bytes: int | None = None,
    strict: bool = False,
    feeds: FeedSettings | None = None,
    cache_dir: Path | None = None,
) -> ExtractResult:
    """Read and extract; under ``strict`` any warning about the inputs raises ``StrictError``."""
    from briefgen.extract import extract

    notices: list[Notice] = []
    articles, skipped = read_articles(
        patterns,
        root=root,
        on_error=on_error,
        max_bytes=max_bytes,
        notices=notices,
        feeds=feeds,
        cache_dir=cache_dir,
    )
    if strict:
        check_strict(notices)
    log.info("extracting facts from %d articles", len(articles))
    return ExtractResult(extract(articles, settings or ExtractionSettings()), skipped, notices)


def render_digest(
    digest: Digest,
    config: Config,
    *,
    formats: Sequence[str],
    out_dir: Path,
    extra: dict[str, bytes] | None = None,
    changes: Changes | None = None,
) -> list[Path]:
    """Render every format in memory, then publish them (and ``extra`` files, last) together."""
    outputs = render_outputs(digest, config, formats=formats, changes=changes)
    outputs.update(extra or {})
    with output_lock(out_dir, timeout=config.output.lock_timeout):
        recover(out_dir)
        return publish(outputs, out_dir)


def render_digest_file(
    digest_path: Path,
    config: Config,
    *,
    formats: Sequence[str],
    out_dir: Path,
    since: Path | None = None,
) -> list[Path]:
    """``briefgen render``: a digest file (possibly edited by hand) into briefs in ``out_dir``.

    The folder is locked and recovered before the digest is read, since the
    digest may be the one in that folder, which a stopped build may have left
    for this run to finish. Its "Since the last brief" section compares with
    ``since``, or with the previous digest a build left beside it.
    """
    from briefgen.changes import compare
    from briefgen.digest import load_digest
    from briefgen.since import previous_for_render

    with output_lock(out_dir, timeout=config.output.lock_timeout):
        recover(out_dir)
        digest = load_digest(digest_path)
        previous = previous_for_render(digest_path, since=since)
        changes = compare(previous, digest) if previous is not None else None
        outputs = render_outputs(digest, config, formats=formats, changes=changes)
        return publish(outputs, out_dir)


def render_outputs(
    digest: Digest, config: Config, *, formats: Sequence[str], changes: Changes | None = None
) -> dict[str, bytes]:
    """File name -> bytes of every brief; nothing is written."""
    from briefgen.render import BriefInfo, render

    info = BriefInfo(
        title=config.brief.title,
        subject=config.brief.subject,
        date=config.brief.date,
        audience=config.brief.audience,
    )
    return render(
        digest,
        info=info,
        formats=formats,
        template_dirs=[config.workspace / "templates"],
        changes=changes,
    )


def build(config: Config, *, force: bool = False, since: Path | None = None) -> BuildResult:
    """The whole pipeline, as configured: the digest and every brief into the output folder.

    The output folder stays locked for the whole build, so two builds into it
    run one after the other. A digest edited by hand stops the build before
    any work unless ``force``; corrections are read before extraction, so a
    mistake in them costs no time either. Under ``strict``, a warning about the
    inputs or a correction that matched nothing fails the build before
    anything is written. The brief says what changed since ``since`` (a
    digest file) or, by default, since the digest this build replaces; see
    :mod:`briefgen.since`.
    """
    from briefgen.since import drop_stale, previous_for_build, since_outputs

    out_dir = config.output_dir
    path, required = corrections_path(config.corrections, config.workspace)
    corrections = load_corrections(path, required=required, workspace=config.workspace)
    with output_lock(out_dir, timeout=config.output.lock_timeout):
        recover(out_dir)
        if not force:
            check_not_hand_edited(out_dir / DIGEST_NAME, corrections=path)
        result = extract_digest(
            config.inputs,
            root=config.workspace,
            on_error=config.on_error,
            settings=config.extraction,
            max_bytes=config.limits.max_file_bytes,
            strict=config.strict,
            feeds=config.feeds,
            cache_dir=out_dir / FEED_CACHE,
        )
        corrected = apply_corrections(result.digest, corrections)
        if config.strict and corrected.unmatched:
            raise StrictError(
                "\n".join(
                    [
                        *(f"correction not applied: {u}" for u in corrected.unmatched),
                        "corrections that match nothing, and --strict is on: nothing written",
                    ]
                )
            )
        previous = previous_for_build(corrected.digest, config, since=since)
        changes, comparison = since_outputs(previous, corrected.digest)
        outputs = render_outputs(
            corrected.digest, config, formats=config.output.formats, changes=changes
        )
        outputs.update(comparison)
        # The digest last: a folder whose digest is new holds the new briefs too.
        outputs[DIGEST_NAME] = dump_digest(corrected.digest).encode("utf-8")
        written = publish(outputs, out_dir)
        if previous is None:
            drop_stale(out_dir)
    return BuildResult(
        corrected.digest,
        written,
        result.skipped,
        corrected.applied,
        corrected.unmatched,
        result.notices,
    )
