"""The stages in order: ingest -> extract -> digest -> render -> publish.

Each public function here is what one CLI command calls. Nothing is written
until everything it writes has been produced in memory, and then each file is
replaced atomically, so a failed build leaves the last good outputs in place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import Config, ExtractionSettings, FeedSettings
from briefgen.digest import dump_digest_bytes
from briefgen.digest.changes import Changes
from briefgen.digest.corrections import (
    Unmatched,
    apply_corrections,
    corrections_path,
    load_corrections,
    without_dropped,
)
from briefgen.errors import InputError, StrictError
from briefgen.extract.events import link_outcomes
from briefgen.ingest.inputs import InputScan
from briefgen.model import Article, Digest, Notice
from briefgen.paths import CACHE_DIR_NAME, DIGEST_NAME, FEED_CACHE
from briefgen.publish import check_not_hand_edited, output_lock, publish, recover

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from briefgen.publish.manifest import BuildRecord
    from briefgen.publish.stamp import Snapshot, StampRequest
    from briefgen.runtime.children import LazyServer, Server
    from briefgen.runtime.progress import Progress
    from briefgen.runtime.run import Runtime

log = logging.getLogger(__name__)

_AT_LINE = re.compile(r":(\d+): ")


@dataclass
class Skipped:
    path: str
    reason: str


class ExtractResult:
    """A run's digest, with the inputs skipped and every warning about them.

    The digest is held as a model, as the bytes of its file, or both: each is
    made from the other only when asked for. A run whose whole batch was in
    the cache gets the bytes (what the cache keeps), and a build with nothing
    to render or correct never builds the model, nor dumps it again.
    """

    def __init__(
        self,
        digest: Digest | None = None,
        skipped: Sequence[Skipped] = (),
        notices: Sequence[Notice] = (),
        *,
        digest_bytes: bytes | None = None,
    ) -> None:
        if digest is None and digest_bytes is None:
            raise ValueError("an ExtractResult needs its digest or the digest's bytes")
        self._digest = digest
        self._bytes = digest_bytes
        self.skipped = list(skipped)
        # Every warning about the inputs, skipped files first: for ``--strict`` and the brief.
        self.notices = list(notices)
        # The extractor's account of its run, when it has one (the llm's requests and tokens).
        self.summary: str | None = None

    @property
    def digest(self) -> Digest:
        if self._digest is None:
            from briefgen.digest import parse_digest

            assert self._bytes is not None
            self._digest = parse_digest(self._bytes.decode("utf-8"), Path(DIGEST_NAME))
        return self._digest

    @property
    def digest_bytes(self) -> bytes:
        if self._bytes is None:
            self._bytes = dump_digest_bytes(self.digest)
        return self._bytes

    def write_digest(self, path: Path) -> None:
        """The digest file at ``path``, replaced in one step: its bytes where they are made
        already, or else the model written straight to the file, so that a large digest
        is never held as a model and its bytes at once."""
        from briefgen.digest import write_digest
        from briefgen.publish import write_atomic

        if self._bytes is not None:
            write_atomic(path, self._bytes)
        else:
            write_atomic(path, partial(write_digest, self.digest))


@dataclass
class WholeRun:
    """What the cache keeps of a run over every input: the digest file's text, not a model,
    so a rebuild with nothing changed reads it back without building one."""

    digest_text: str
    skipped: list[Skipped]
    notices: list[Notice]

    @classmethod
    def of(cls, result: ExtractResult) -> WholeRun:
        return cls(result.digest_bytes.decode("utf-8"), result.skipped, result.notices)

    def result(self) -> ExtractResult:
        return ExtractResult(
            None, self.skipped, self.notices, digest_bytes=self.digest_text.encode("utf-8")
        )


@dataclass
class BuildResult:
    result: ExtractResult
    written: list[Path]
    # True when nothing had changed since the last build, so nothing was written.
    up_to_date: bool = False
    corrections_applied: int = 0
    # Corrections that matched nothing in this build: the user should look at them.
    unmatched: list[Unmatched] = field(default_factory=list)
    corrected: Digest | None = None  # the digest with corrections, when any applied

    @property
    def digest(self) -> Digest:
        """The digest the briefs show (built from the file's bytes if need be)."""
        return self.corrected if self.corrected is not None else self.result.digest

    @property
    def skipped(self) -> list[Skipped]:
        return self.result.skipped

    @property
    def notices(self) -> list[Notice]:
        return self.result.notices

    @property
    def summary(self) -> str | None:
        return self.result.summary


def read_articles(
    patterns: Sequence[str],
    *,
    root: Path,
    on_error: str = "skip",
    max_bytes: int | None = None,
    notices: list[Notice] | None = None,
    feeds: FeedSettings | None = None,
    cache_dir: Path | None = None,
    run: Runtime | None = None,
    scan: InputScan | None = None,
    keys: Sequence[str] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read every input and feed; an unreadable one is skipped with a warning or stops the run.

    Every warning (a file or folder skipped, a duplicate, a repair) is
    appended to ``notices`` when given, skipped files first. ``run`` reads
    the files (cached, in parallel); without one they are read here, one by
    one. ``keys`` are the files' cache keys when the caller has them.
    """
    from briefgen.ingest import MAX_BYTES, assign_ids, input_name, scan_inputs
    from briefgen.ingest.duplicates import drop_duplicates
    from briefgen.ingest.reading import read_files
    from briefgen.runtime.run import Runtime

    run = run or Runtime.serial()
    scan = scan or scan_inputs(list(patterns), root=root)
    skips = list(scan.problems)
    if skips and on_error == "stop":
        raise InputError(str(skips[0]))
    for notice in skips:
        log.warning("skipped %s", notice)
    articles: list[Article] = []
    max_bytes = max_bytes or MAX_BYTES
    outcomes = read_files(scan.files, root=root, max_bytes=max_bytes, run=run, keys=keys)
    for path, outcome in zip(scan.files, outcomes, strict=True):
        if outcome.article is not None:
            articles.append(outcome.article)
            continue
        error = outcome.error or f"{path}: cannot be read"
        if on_error == "stop":
            raise InputError(error)
        name = input_name(path, root)
        skips.append(notice := Notice(name, "skipped", _reason_of(error, name)))
        log.warning("skipped %s", notice)
    if feeds is not None and feeds.sources:
        from briefgen.ingest.feeds import read_feeds

        from_feeds, feed_skips = read_feeds(
            feeds, root=root, cache_dir=cache_dir, on_error=on_error
        )
        articles.extend(from_feeds)
        skips.extend(
            Notice(where, "skipped", _reason_of(problem, where)) for where, problem in feed_skips
        )
    if not articles:
        named = [*patterns, *(feeds.sources if feeds else [])]
        raise InputError("no readable articles in the inputs: " + ", ".join(named))
    read_notices = [n for a in sorted(articles, key=lambda a: a.path) for n in a.notices]
    articles, duplicates = drop_duplicates(articles)  # a duplicate's repairs still count
    if notices is not None:
        notices.extend([*skips, *read_notices, *duplicates])
    skipped = [Skipped(n.path, str(n)) for n in skips]
    return assign_ids(articles), skipped


def _reason_of(message: str, name: str) -> str:
    """The message without the file name it starts with; ``name:2: ...`` gives ``line 2: ...``."""
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
    run: Runtime | None = None,
    exclude: Sequence[Path] = (),
) -> ExtractResult:
    """Read and extract; under ``strict`` any warning about the inputs raises ``StrictError``.

    When every input file is as it was in a cached run (and there are no
    feeds, whose entries change on their own), one cache entry answers for
    the whole batch and nothing is read or extracted. Nothing in the folders of
    ``exclude`` (the output folder) is read.
    """
    from briefgen.extract.base import HandedOver
    from briefgen.extract.registry import make_extractor
    from briefgen.ingest import MAX_BYTES, scan_inputs
    from briefgen.ingest.reading import input_key
    from briefgen.runtime.run import Runtime

    settings = settings or ExtractionSettings()
    extractor = make_extractor(settings)  # a bad name or option stops the run before any work
    run = (run or Runtime.serial()).for_backend(extractor.fingerprint())
    scan = scan_inputs(list(patterns), root=root, exclude=exclude)
    max_bytes = max_bytes or MAX_BYTES
    keys = [input_key(p, root, max_bytes) for p in scan.files] if run.cache.enabled else None
    # One cache entry for the whole batch, when every input can be keyed (no
    # feeds, whose entries change on their own, and no file skipped).
    whole = (
        run.key("whole", on_error, *keys)
        if keys and all(keys) and not scan.problems and not (feeds and feeds.sources)
        else ""
    )
    cached = run.cache.get(whole) if whole else None
    if isinstance(cached, WholeRun):
        log.info("no input changed since the cached run: extracting nothing")
        for notice in cached.notices:
            log.warning("%s %s", notice.kind, notice)
        if strict:
            check_strict(cached.notices)
        return cached.result()

    notices: list[Notice] = []
    articles, skipped = read_articles(
        patterns,
        root=root,
        on_error=on_error,
        max_bytes=max_bytes,
        notices=notices,
        feeds=feeds,
        cache_dir=cache_dir,
        run=run,
        scan=scan,
        keys=keys,
    )
    del scan, keys  # every input file's path and key: read, they are not needed again
    if strict:
        check_strict(notices)
    log.info("extracting facts from %d articles with %s", len(articles), extractor.name)
    warned = len(run.warnings)
    # Handed over, with no reference kept here: a backend may let each article go once
    # its facts are out, rather than hold every text until the digest is built.
    batch = HandedOver(articles)
    del articles
    digest = extractor.extract(batch, run)
    # An article the backend could not extract (a model server that timed out)
    # is a warning about the inputs like an unreadable file: ``on_error: stop``
    # stops the run, ``strict`` fails it, and the result is not kept for the
    # whole batch, so that the next run tries that article again.
    left_out = [w for w in run.warnings[warned:] if isinstance(w, Notice)]
    if left_out and on_error == "stop":
        raise InputError(str(left_out[0]))
    if strict:
        check_strict(left_out)
    notices.extend(left_out)
    skipped.extend(Skipped(n.path, str(n)) for n in left_out if n.left_out)
    result = ExtractResult(digest, skipped, notices)
    if whole and not left_out:
        run.cache.put(whole, WholeRun.of(result))
        # This run covered every input: what it did not use belongs to none of them.
        if removed := run.cache.prune():
            log.info("removed %d cache entries no longer used", removed)
    result.summary = getattr(extractor, "summary", None)  # this run's, never a cached one
    return result


def extract_to_file(
    config: Config,
    *,
    output: Path,
    root: Path,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> ExtractResult:
    """``briefgen extract``: ``config.inputs`` (relative to ``root``) into the digest ``output``."""
    from briefgen.runtime.lean import import_spacy
    from briefgen.runtime.run import Runtime

    run = Runtime.from_settings(config.extraction, cache_dir=cache_dir, progress=progress)
    run.on_work = import_spacy  # all extraction needs it; without its command line
    result = extract_digest(
        config.inputs,
        root=root,
        on_error=config.on_error,
        settings=config.extraction,
        max_bytes=config.limits.max_file_bytes,
        strict=config.strict,
        run=run,
        exclude=[cache_dir] if cache_dir is not None else [],
    )
    result.write_digest(output)
    return result


def estimate_extraction(config: Config, *, root: Path, cache_dir: Path | None = None) -> str:
    """``briefgen extract --estimate``: what the configured extractor would send to read
    ``config.inputs``, priced without sending anything (only a backend that makes
    requests, such as ``llm``, can say)."""
    from briefgen.errors import ConfigError
    from briefgen.extract.registry import make_extractor
    from briefgen.runtime.run import Runtime

    extractor = make_extractor(config.extraction)
    estimate = getattr(extractor, "estimate", None)
    if estimate is None:
        raise ConfigError(
            f"--estimate: the {extractor.name} extractor sends no requests, so there is nothing "
            "to estimate (it is for extractors such as llm)"
        )
    run = Runtime.from_settings(config.extraction, cache_dir=cache_dir, progress=None)
    run = run.for_backend(extractor.fingerprint())
    articles, _ = read_articles(
        config.inputs,
        root=root,
        on_error=config.on_error,
        max_bytes=config.limits.max_file_bytes,
        feeds=config.feeds,
        run=run,
    )
    cost, cached = estimate(articles, run)
    plural = "s" if len(articles) != 1 else ""
    hits = f" ({cached} more already in the cache)" if cached else ""
    return f"{len(articles)} article{plural}: {cost}{hits}"


def render_digest_file(
    digest_path: Path,
    config: Config,
    *,
    out_dir: Path,
    since: Path | None = None,
) -> list[Path]:
    """``briefgen render``: a digest file (possibly edited by hand) into briefs in ``out_dir``.

    The folder is locked and recovered before the digest is read, since the
    digest may be the one in that folder, which a stopped build may have left
    for this run to finish. Its "Since the last brief" section compares with
    ``since``, or with the previous digest a build left beside it.
    """
    from briefgen.digest import load_digest
    from briefgen.digest.changes import compare
    from briefgen.digest.since import previous_for_render
    from briefgen.render import output_formats

    formats = output_formats(config)
    with output_lock(out_dir, timeout=config.output.lock_timeout):
        recover(out_dir)
        digest = load_digest(digest_path)
        previous = previous_for_render(digest_path, since=since)
        changes = compare(previous, digest) if previous is not None else None
        outputs = render_outputs(digest, config, formats=formats, changes=changes)
        return publish(outputs, out_dir)


def render_outputs(
    digest: Digest,
    config: Config,
    *,
    formats: Sequence[str],
    changes: Changes | None = None,
    notices: Sequence[Notice] = (),
    pdf_worker: Server | None = None,
) -> dict[str, bytes]:
    """``<audience>/<file>`` -> bytes of every brief of every audience; nothing is written.

    ``notices`` are the build's warnings about its inputs: the briefs' sources
    sections list the inputs left out. With ``pdf_worker`` (``render.pdfworker``) the
    PDFs are made in that process while this one makes the rest.
    """
    from briefgen.render import render_briefs

    job = {"digest": digest, "config": config, "changes": changes, "notices": tuple(notices)}
    pending = pdf_worker.send(job) if pdf_worker is not None and "pdf" in formats else None
    if pending is None:
        return render_briefs(formats=formats, **job)  # type: ignore[arg-type]
    rest = [f for f in formats if f != "pdf"]
    outputs = render_briefs(formats=rest, **job)  # type: ignore[arg-type]
    pdfs = pending.result()
    if pdfs is None:  # the worker is gone: make them here
        pdfs = render_briefs(formats=["pdf"], **job)  # type: ignore[arg-type]
    return outputs | pdfs


def build(
    config: Config,
    *,
    force: bool = False,
    since: Path | None = None,
    progress: Progress | None = None,
    stamp: StampRequest | None = None,
) -> BuildResult:
    """The whole pipeline, as configured: the digest and every brief into the output folder.

    The output folder stays locked for the whole build, so two builds into it
    run one after the other. A digest edited by hand stops the build before
    any work unless ``force``; corrections are read before extraction, so a
    mistake in them costs no time either. Under ``strict``, a warning about the
    inputs or a correction that matched nothing fails the build before
    anything is written. The brief says what changed since ``since`` (a
    digest file) or, by default, since the digest this build replaces; see
    :mod:`briefgen.digest.since`.

    Articles unchanged since an earlier build come from the output folder's
    ``.cache/``; when the digest, config and templates are all unchanged and
    every output is still in place, nothing is rendered or written at all.
    With ``stamp`` (what the command line asked), a build that succeeds stamps
    the output folder, so that the next one with nothing changed is known to
    be up to date before any of this is loaded (:mod:`briefgen.publish.stamp`).
    """
    from briefgen.runtime.run import Runtime

    run = Runtime.from_settings(
        config.extraction, cache_dir=config.output_dir / CACHE_DIR_NAME, progress=progress
    )
    # All formats when none are named (``render.output_formats``, not imported here:
    # a build with nothing to render imports no rendering code).
    named = config.output.formats
    wanted = (named is None or "pdf" in named) and run.executor.jobs > 1
    started: list[LazyServer] = []

    def start() -> None:  # WeasyPrint loads there while spaCy loads here
        # Imported here: a build with nothing to extract forks nothing. No rendering
        # code is imported here before extraction: the worker imports it.
        from briefgen.runtime.children import LazyServer
        from briefgen.runtime.lean import import_spacy

        if not started:
            started.append(LazyServer(_serve_pdfs, config, wanted=wanted))
            started[0].start()
        import_spacy()  # all extraction needs it; without its command line

    def pdf_worker() -> Server | None:  # the PDF worker, once forked
        return started[0].get() if started else None

    run.on_work = start
    try:
        return _build(config, run, pdf_worker, force=force, since=since, stamp=stamp)
    finally:
        for worker in started:
            worker.close()


def _serve_pdfs(conn: Connection, config: Config) -> None:
    """The PDF worker, in the process forked for it: rendering code is imported there."""
    from briefgen.render.pdfworker import serve

    serve(conn, config)


def _build(
    config: Config,
    run: Runtime,
    pdf_worker: Callable[[], Server | None],
    *,
    force: bool,
    since: Path | None,
    stamp: StampRequest | None,
) -> BuildResult:
    from briefgen.digest.since import (
        kept_comparison,
        previous_for_build,
        since_outputs,
        stale_outputs,
    )
    from briefgen.publish.manifest import load_manifest, render_key, up_to_date

    out_dir = config.output_dir
    path, required = corrections_path(config.corrections, config.workspace)
    corrections = load_corrections(path, required=required, workspace=config.workspace)
    with output_lock(out_dir, timeout=config.output.lock_timeout):
        recover(out_dir)
        if not force:
            check_not_hand_edited(out_dir / DIGEST_NAME, corrections=path)
        taken = _snapshot(stamp, config, corrections=path) if since is None else None
        result = extract_digest(
            config.inputs,
            root=config.workspace,
            on_error=config.on_error,
            settings=config.extraction,
            max_bytes=config.limits.max_file_bytes,
            strict=config.strict,
            feeds=config.feeds,
            cache_dir=out_dir / FEED_CACHE,
            run=run,
            exclude=[out_dir],
        )
        if len(corrections):
            corrected = apply_corrections(result.digest, corrections)
            # A correction may add or drop a meeting: outcomes are linked again.
            corrected.digest = link_outcomes(corrected.digest)
            digest, applied, unmatched = corrected.digest, corrected.applied, corrected.unmatched
            digest_bytes = dump_digest_bytes(digest)
        else:  # the digest as extracted (and perhaps as cached: bytes, no model)
            digest, applied, unmatched = None, 0, []
            digest_bytes = result.digest_bytes
        if config.strict and unmatched:
            raise StrictError(
                "\n".join(
                    [
                        *(f"correction not applied: {u}" for u in unmatched),
                        "corrections that match nothing, and --strict is on: nothing written",
                    ]
                )
            )
        done = BuildResult(
            result,
            written=[],
            corrections_applied=applied,
            unmatched=unmatched,
            corrected=digest,
        )
        # How extraction ran (jobs, executor, cache) changes no brief.
        settings = config.model_dump_json(exclude={"extraction": {"jobs", "executor", "scheduler"}})

        def key_of(comparison: dict[str, bytes]) -> str:
            return render_key(
                # The brief shows the digest, what changed since the previous one and
                # the inputs left out (nothing added when there are none).
                digest=b"\0".join(
                    [digest_bytes, *comparison.values(), *_notices_key(result.notices)]
                ),
                config=settings,
                template_dirs=[config.workspace / "templates"],
            )

        if config.extraction.cache and since is None:
            # The digest the last build wrote, byte for byte: its comparison with
            # the digest before it stands, and nothing needs reading or comparing.
            kept = kept_comparison(config, digest_bytes)
            if kept is not None and up_to_date(out_dir, key_of(kept)):
                log.info("digest, config and templates unchanged: nothing to render")
                done.up_to_date = True
                _stamp(taken, done, load_manifest(out_dir).build)
                return done
        previous = previous_for_build(done.digest, config, since=since)
        if previous is not None and len(corrections):  # a fact dropped by hand is not news
            previous = replace(previous, digest=without_dropped(previous.digest, corrections))
        changes, comparison = since_outputs(previous, done.digest)
        key = key_of(comparison)
        if config.extraction.cache and up_to_date(out_dir, key):
            log.info("digest, config and templates unchanged: nothing to render")
            done.up_to_date = True
            _stamp(taken, done, load_manifest(out_dir).build)
            return done
        from briefgen.render import output_formats

        outputs = render_outputs(
            done.digest,
            config,
            formats=output_formats(config),
            changes=changes,
            notices=result.notices,
            pdf_worker=pdf_worker(),
        )
        outputs.update(comparison)
        # The digest last: a folder whose digest is new holds the new briefs too.
        outputs[DIGEST_NAME] = digest_bytes
        done.written = publish(
            outputs,
            out_dir,
            remove=stale_outputs(previous),
            render_key=key if config.extraction.cache else None,
        )
        _stamp(taken, done, load_manifest(out_dir).build)
    return done


def _snapshot(stamp: StampRequest | None, config: Config, *, corrections: Path) -> Snapshot | None:
    """What the build is about to read, for its stamp; None when it gets no stamp:
    none was asked for, the results are not kept (``--no-cache``), or a feed is
    read (its entries change on the server)."""
    if stamp is None or not config.extraction.cache or config.feeds.sources:
        return None
    from briefgen.ingest import scan_inputs
    from briefgen.publish.stamp import snapshot

    out_dir = config.output_dir
    try:
        scan = scan_inputs(list(config.inputs), root=config.workspace, exclude=[out_dir])
    except InputError:
        return None  # extraction says so, in its turn
    if scan.problems:
        return None
    return snapshot(
        stamp,
        out_dir=out_dir,
        workspace=config.workspace,
        inputs=config.inputs,
        input_files=scan.files,
        corrections=corrections,
    )


def _stamp(taken: Snapshot | None, done: BuildResult, record: BuildRecord | None) -> None:
    """Stamp the output folder after a build that read every input (none skipped,
    no article left out) and recorded its outputs in the manifest."""
    if taken is None or record is None or done.skipped:
        return
    from briefgen.publish.stamp import write

    warnings = [f"{n.kind} {n}" for n in done.notices]
    warnings += [f"correction not applied: {u}" for u in done.unmatched]
    write(
        taken,
        outputs=record.files,
        corrections_applied=done.corrections_applied,
        warnings=warnings,
        notices=len(done.notices),
    )


def _notices_key(notices: Sequence[Notice]) -> list[bytes]:
    """The inputs a brief lists as left out, for the render key: none, nothing."""
    shown = [n for n in notices if n.left_out]
    return ["\n".join(f"{n.kind}\t{n.path}\t{n.reason}" for n in shown).encode()] if shown else []
