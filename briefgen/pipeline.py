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

from briefgen.config import Config, ExtractionSettings
from briefgen.digest import dump_digest
from briefgen.errors import InputError, StrictError
from briefgen.model import Article, Digest, Notice
from briefgen.publish import publish

log = logging.getLogger(__name__)

DIGEST_NAME = "digest.yaml"
_AT_LINE = re.compile(r":(\d+): ")


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
    notices: list[Notice] = field(default_factory=list)


def read_articles(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    max_bytes: int | None = None,
    notices: list[Notice] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read every input; an unreadable one is skipped with a warning or stops the run.

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
            name = input_name(path, root)
            skips.append(notice := Notice(name, "skipped", _reason_of(e, name)))
            log.warning("skipped %s", notice)
    if not articles:
        raise InputError("no readable articles in the inputs: " + ", ".join(patterns))
    read_notices = [n for a in sorted(articles, key=lambda a: a.path) for n in a.notices]
    articles, duplicates = drop_duplicates(articles)  # a duplicate's repairs still count
    if notices is not None:
        notices.extend([*skips, *read_notices, *duplicates])
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
) -> ExtractResult:
    """Read and extract; under ``strict`` any warning about the inputs raises ``StrictError``."""
    from briefgen.extract import extract

    notices: list[Notice] = []
    articles, skipped = read_articles(
        patterns, root=root, on_error=on_error, max_bytes=max_bytes, notices=notices
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
        render(digest, info=info, formats=formats, template_dirs=[config.workspace / "templates"])
    )
    return publish(outputs, out_dir)


def build(config: Config) -> BuildResult:
    """The whole pipeline, as configured: the digest and every brief into the output folder."""
    result = extract_digest(
        config.inputs,
        root=config.workspace,
        on_error=config.on_error,
        settings=config.extraction,
        max_bytes=config.limits.max_file_bytes,
        strict=config.strict,
    )
    digest_bytes = dump_digest(result.digest).encode("utf-8")
    written = render_digest(
        result.digest,
        config,
        formats=config.output.formats,
        out_dir=config.output_dir,
        extra={DIGEST_NAME: digest_bytes},
    )
    return BuildResult(result.digest, written, result.skipped, result.notices)
