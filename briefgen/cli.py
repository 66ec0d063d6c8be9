"""The command line: one command per verb, each a thin call into the library.

Heavy libraries (spaCy, WeasyPrint) are imported inside the commands that use
them, so ``briefgen --help`` answers at once. Errors from the library
(``BriefgenError``) become one line on stderr and the exit code below; a
traceback only with ``-v``.

Exit codes:
    0  success (warnings about inputs, if any, were printed)
    1  the run failed: an input, digest, template or output problem
    2  usage or config error
    3  the run would have succeeded, but warned about its inputs (a file skipped,
       a duplicate, a repaired encoding) and ``--strict`` (or ``strict: true``)
       makes any warning fatal; nothing was written
  130  interrupted
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click

from briefgen import __version__
from briefgen.errors import BriefgenError, ConfigError

log = logging.getLogger("briefgen")


class _Group(click.Group):
    """Turns a BriefgenError anywhere below into a one-line message and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BriefgenError as e:
            if ctx.obj and ctx.obj.get("verbose"):
                traceback.print_exc()
            for line in str(e).splitlines() or [type(e).__name__]:
                click.echo(f"briefgen: error: {line}", err=True)
            ctx.exit(e.exit_code)
        except KeyboardInterrupt:
            click.echo("briefgen: interrupted", err=True)
            ctx.exit(130)


class UsageError(BriefgenError):
    """A flag's value is not one of its choices (exit code 2, as click's usage errors)."""

    exit_code = 2


def _did_you_mean(name: str, choices: tuple[str, ...] | list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name.casefold(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _formats(value: str | None) -> list[str] | None:
    """``--format md,html``: each a known format, or an error naming the choices."""
    if value is None:
        return None
    from briefgen.paths import FORMATS  # not the renderers': a build imports them later

    formats = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        shown = ", ".join(map(repr, unknown)) if unknown else repr(value)
        hints = "".join(_did_you_mean(f, FORMATS) for f in unknown)
        raise UsageError(
            f"--format: {shown} is not a format{hints}: choose one or more of"
            f" {', '.join(FORMATS)}, comma-separated"
        )
    return formats


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefgen: %(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


def _late_flag(name: str) -> Any:
    """``-v``/``-q`` given after the subcommand: the same as before it."""

    def set_flag(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if not value:
            return
        obj = ctx.find_root().obj
        obj[name] = True
        _setup_logging(obj["verbose"], obj["quiet"])

    return set_flag


def global_options(f: Any) -> Any:
    """``-v`` and ``-q`` on a subcommand too, so ``briefgen build -q`` works."""
    f = click.option(
        "-q", "--quiet", is_flag=True, expose_value=False, is_eager=True,
        callback=_late_flag("quiet"), help="Print only errors.",
    )(f)  # fmt: skip
    return click.option(
        "-v", "--verbose", is_flag=True, expose_value=False, is_eager=True,
        callback=_late_flag("verbose"), help="Say more, and show tracebacks of errors.",
    )(f)  # fmt: skip


CLI_HELP = """Turn a folder of news articles and readouts into sourced briefs.

\b
Example, in a new workspace:
  briefgen init mybrief && cd mybrief
  (put articles in inputs/, then)
  briefgen check
  briefgen build

\b
Exit codes:
  0    success
  1    the run failed: an input, digest, template or output problem
  2    a usage or config error
  3    --strict, and the inputs drew a warning; nothing was written
  130  interrupted

-v and -q work before or after the command. See README.md for more.
"""


@click.group(
    cls=_Group,
    help=CLI_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="briefgen")
@click.option("-v", "--verbose", is_flag=True, help="Say more, and show tracebacks of errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, quiet: bool) -> None:
    ctx.obj = {"verbose": verbose, "quiet": quiet}
    _setup_logging(verbose, quiet)


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Config file [default: config/briefgen.yaml].",
)
audience_option = click.option(
    "--audience",
    metavar="NAME[,NAME...]",
    default=None,
    help="Audiences to make: executive, analyst, press, or one the config defines under"
    " audiences: [default: the config's brief.audience].",
)
format_option = click.option(
    "--format",
    "formats",
    metavar="FORMAT[,FORMAT...]",
    default=None,
    help="Formats to make, from md, html, pdf, docx [default: the config's output.formats,"
    " else all].",
)
out_option = click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default=None, help="Output folder."
)
strict_option = click.option(
    "--strict",
    is_flag=True,
    default=None,
    help="Fail with exit code 3, writing nothing, on any warning about the inputs.",
)
since_option = click.option(
    "--since", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
    help='Digest to compare with for "Since the last brief" [default: the previous build\'s].',
)  # fmt: skip


def extractor_options(f: Any) -> Any:
    """--extractor, --spacy-model: which backend extracts, and the rules' trained pipeline."""
    f = click.option(
        "--spacy-model", metavar="NAME",
        help="Installed trained spaCy pipeline for the rules (extraction.rules.spacy_model).",
    )(f)  # fmt: skip
    return click.option(
        "--extractor", metavar="NAME", default=None,
        help="Extraction backend (extraction.extractor) [default: config, else parse].",
    )(f)  # fmt: skip


def _extractor_overrides(extractor: str | None, spacy_model: str | None) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    if extractor is not None:
        overrides["extraction.extractor"] = extractor
    if spacy_model is not None:
        overrides["extraction.rules.spacy_model"] = spacy_model
    return overrides


def _load(config_path: Path | None, overrides: dict[str, Any], *, missing_ok: bool = False) -> Any:
    """The config, as every command loads it: the file (or the defaults, where a command
    runs outside a workspace), with the command line's values laid over it; a bad value
    from a flag is blamed on the flag."""
    from briefgen.config import load_config
    from briefgen.paths import FORMATS

    return load_config(
        config_path,
        overrides=overrides,
        missing_ok=missing_ok,
        formats=FORMATS,
        flags=_flags(overrides),
    )


def speed_options(f: Any) -> Any:
    """--jobs, --executor, --scheduler: how extraction runs, never what it finds."""
    f = click.option(
        "--scheduler", metavar="ADDRESS", default=None,
        help="Dask scheduler address, with --executor dask.",
    )(f)  # fmt: skip
    f = click.option(
        "--executor", type=click.Choice(["local", "dask"]), default=None,
        help="Where extraction runs [default: config, else local].",
    )(f)  # fmt: skip
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=1), default=None,
        help="Worker processes [default: config, else one per core].",
    )(f)  # fmt: skip


def _speed_overrides(
    jobs: int | None, executor: str | None, scheduler: str | None
) -> dict[str, Any]:
    given = {"jobs": jobs, "executor": executor, "scheduler": scheduler}
    return {f"extraction.{key}": value for key, value in given.items() if value is not None}


def _progress(ctx: click.Context) -> Any:
    from briefgen.runtime.progress import for_terminal

    return for_terminal(
        quiet=ctx.obj["quiet"],
        is_tty=sys.stderr.isatty(),
        write=lambda line: click.echo(f"briefgen: {line}", err=True),
    )


def _say(ctx: click.Context, message: str) -> None:
    if not ctx.obj["quiet"]:
        click.echo(message)


FLAGS = {
    "brief.audience": "--audience",
    "output.formats": "--format",
    "output.dir": "--out",
    "extraction.extractor": "--extractor",
    "extraction.rules.spacy_model": "--spacy-model",
}
"""The config key each command-line flag sets, so a bad value is blamed on the flag."""


def _flags(overrides: dict[str, Any]) -> dict[str, str]:
    """The flags behind ``overrides``: only a flag that was given is blamed."""
    return {key: flag for key, flag in FLAGS.items() if key in overrides}


def _overrides(audience: str | None, formats: str | None, out: Path | None) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    if audience is not None:
        overrides["brief.audience"] = audience
    if (parsed := _formats(formats)) is not None:
        overrides["output.formats"] = parsed
    if out is not None:
        # Relative to where the user stands, not to the workspace.
        overrides["output.dir"] = str(out.resolve())
    return overrides


@cli.command(short_help="Build the digest and every brief from the workspace's inputs.")
@global_options
@config_option
@audience_option
@format_option
@out_option
@click.option("--force", is_flag=True, help="Overwrite a digest that was edited by hand.")
@strict_option
@since_option
@extractor_options
@speed_options
@click.option(
    "--no-cache", is_flag=True,
    help="Extract every article and render every brief again (ignore and skip .cache/).",
)  # fmt: skip
@click.pass_context
def build(
    ctx: click.Context,
    config_path: Path | None,
    audience: str | None,
    formats: str | None,
    out: Path | None,
    force: bool,
    strict: bool | None,
    since: Path | None,
    extractor: str | None,
    spacy_model: str | None,
    jobs: int | None,
    executor: str | None,
    scheduler: str | None,
    no_cache: bool,
) -> None:
    """Run the whole pipeline: articles and feeds -> digest.yaml -> briefs."""
    from briefgen.publish.stamp import StampRequest, check

    stamp = None
    if since is None and not no_cache:  # either asks for the whole build
        given = {
            "audience": audience, "formats": formats, "out": out and str(out.resolve()),
            "force": force, "strict": strict, "extractor": extractor, "spacy_model": spacy_model,
            "jobs": jobs, "executor": executor, "scheduler": scheduler,
        }  # fmt: skip
        stamp = StampRequest.of(config_path, given)
        # Before the config model, the renderers or anything heavy is imported.
        if (stamped := check(stamp)) is not None:
            log.info("nothing the last build read or wrote has changed since")
            for line in stamped.warnings:
                log.warning("%s", line)
            if stamped.corrections_applied:
                _say(ctx, f"applied {stamped.corrections_applied} corrections")
            up = f"{_show(stamped.out_dir)} is up to date: nothing changed since the last build"
            _say(ctx, up)
            _say_warnings(ctx, stamped.notices)
            return
    from briefgen.pipeline import build as run_build

    overrides = (
        _overrides(audience, formats, out)
        | _extractor_overrides(extractor, spacy_model)
        | _speed_overrides(jobs, executor, scheduler)
    )
    if no_cache:
        overrides["extraction.cache"] = False
    if strict:
        overrides["strict"] = True
    config = _load(config_path, overrides)
    # Each warning is logged as it happens; the count comes last.
    result = run_build(config, force=force, since=since, progress=_progress(ctx), stamp=stamp)
    if result.corrections_applied:
        _say(ctx, f"applied {result.corrections_applied} corrections")
    for path in result.written:
        _say(ctx, f"wrote {_show(path)}")
    if result.up_to_date:
        _say(ctx, f"{_show(config.output_dir)} is up to date: nothing changed since the last build")
    if result.summary:
        _say(ctx, result.summary)
    _say_warnings(ctx, len(result.notices))


@cli.command(short_help="Extract a digest from article files, without a workspace.")
@global_options
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Where to write the digest (YAML); required unless --estimate.",
)  # fmt: skip
@click.option(
    "--estimate", is_flag=True,
    help="Print the requests and tokens the extractor would send (llm), sending none.",
)  # fmt: skip
@config_option
@click.option(
    "--on-error", type=click.Choice(["skip", "stop"]), default=None,
    help="What to do with an article that cannot be read [default: config, else skip].",
)  # fmt: skip
@extractor_options
@click.option(
    "--max-file-bytes", metavar="SIZE", default=None,
    help="Skip input files larger than this, in bytes or e.g. '50 MB' [default: 20 MB].",
)  # fmt: skip
@strict_option
@speed_options
@click.option(
    "--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Keep per-article results here, to make the next run fast [default: no cache].",
)  # fmt: skip
@click.pass_context
def extract(
    ctx: click.Context, paths: tuple[str, ...], output: Path | None, estimate: bool,
    config_path: Path | None,
    on_error: str | None, extractor: str | None, spacy_model: str | None,
    max_file_bytes: str | None, strict: bool | None, jobs: int | None, executor: str | None,
    scheduler: str | None, cache_dir: Path | None,
) -> None:  # fmt: skip
    """Extract a digest from article files or folders (relative to where you stand)."""
    from briefgen.config import limit_settings
    from briefgen.pipeline import estimate_extraction, extract_to_file

    if output is None and not estimate:
        raise click.UsageError("Missing option '-o' / '--output' (or give --estimate).")

    overrides = _extractor_overrides(extractor, spacy_model) | _speed_overrides(
        jobs, executor, scheduler
    )
    overrides |= {"inputs": list(paths), "extraction.cache": cache_dir is not None}
    if on_error is not None:
        overrides["on_error"] = on_error
    if max_file_bytes is not None:
        limits = limit_settings(max_file_bytes=max_file_bytes, flag="--max-file-bytes")
        overrides["limits.max_file_bytes"] = int(limits.max_file_bytes)
    if strict:
        overrides["strict"] = True
    config = _load(config_path, overrides, missing_ok=True)
    if estimate:
        click.echo(estimate_extraction(config, root=Path.cwd(), cache_dir=cache_dir))
        return
    assert output is not None
    result = extract_to_file(
        config, output=output, root=Path.cwd(), cache_dir=cache_dir, progress=_progress(ctx)
    )
    d = result.digest
    _say(
        ctx,
        f"wrote {_show(output)}: {len(d.sources)} sources, {len(d.people)} people, "
        f"{len(d.meetings)} meetings, {len(d.agreements)} agreements, "
        f"{len(d.disagreements)} disagreements, {len(d.proposals)} proposals",
    )
    if result.summary:
        _say(ctx, result.summary)
    _say_warnings(ctx, len(result.notices))


@cli.command(short_help="Render briefs from a digest, without extracting again.")
@global_options
@click.argument("digest_path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@config_option
@audience_option
@format_option
@out_option
@since_option
@click.pass_context
def render(
    ctx: click.Context,
    digest_path: Path,
    config_path: Path | None,
    audience: str | None,
    formats: str | None,
    out: Path | None,
    since: Path | None,
) -> None:
    """Render a (possibly hand-edited) digest into briefs, without re-extracting.

    A build's digest.yaml is compared with the previous-digest.yaml beside
    it, as the build did, unless --since names another digest.
    """
    from briefgen.pipeline import render_digest_file

    # A digest can be rendered outside any workspace: then the defaults apply.
    config = _load(config_path, _overrides(audience, formats, out), missing_ok=True)
    out_dir = config.output_dir if out is None and config_path else (out or digest_path.parent)
    written = render_digest_file(digest_path, config, out_dir=out_dir, since=since)
    for path in written:
        _say(ctx, f"wrote {_show(path)}")


@cli.command(short_help="Show what changed between two digests.")
@global_options
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
@click.option(
    "--exit-code", is_flag=True,
    help="Exit 1 if the digests differ, 0 if not (as git diff); a digest that cannot be read "
    "then exits 2.",
)  # fmt: skip
@click.pass_context
def diff(ctx: click.Context, old: Path, new: Path, as_json: bool, exit_code: bool) -> None:
    """What was added, removed and changed from digest OLD to digest NEW."""
    from briefgen.digest import load_digest
    from briefgen.digest.changes import compare, format_changes
    from briefgen.digest.since import changes_json
    from briefgen.errors import DigestError

    try:
        old_digest, new_digest = load_digest(old), load_digest(new)
    except DigestError as e:
        if exit_code:
            e.exit_code = 2  # 1 means "they differ" here, as in diff(1)
        raise
    changes = compare(old_digest, new_digest)
    if as_json:
        click.echo(changes_json(changes).decode("utf-8"), nl=False)
    else:
        click.echo(format_changes(changes), nl=False)
    if exit_code and changes:
        ctx.exit(1)


@cli.command(short_help="Find every problem the next build would meet, writing nothing.")
@global_options
@config_option
@audience_option
@format_option
@click.option(
    "--digest", "digest_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Digest to render and check the corrections against [default: the build's"
    " digest.yaml, else a sample digest].",
)  # fmt: skip
@click.pass_context
def check(
    ctx: click.Context,
    config_path: Path | None,
    audience: str | None,
    formats: str | None,
    digest_path: Path | None,
) -> None:
    """Find every problem the next build would meet, without building or writing.

    It checks the config (every key, and each flag given here), that each
    input exists, the templates, labels and corrections, and renders every
    audience in every format against the digest (or a sample digest when
    there is none yet), so a template that would fail the build fails here.
    Every problem is listed, each with its file and line or key, or its flag.
    Exit code 0: no problem; 2: a bad flag or config (listed with any other
    problem); 1: other problems (listed on stderr).
    """
    from briefgen.check import run_check

    flag_problems = []
    try:  # a bad --format is one problem among the others, not the only one
        _formats(formats)
    except UsageError as e:
        flag_problems.append(str(e))
        formats = None
    overrides = _overrides(audience, formats, None)
    report = run_check(
        config_path, overrides=overrides, flags=_flags(overrides), digest_path=digest_path
    )
    problems = [*flag_problems, *report.problems]
    if flag_problems or report.config_failed:  # as a build would: a usage or config error
        raise ConfigError("\n".join(problems))
    if problems:
        raise BriefgenError("\n".join(problems))
    _say(ctx, report.summary)
    for note in [*report.notes, *_output_notes(report.output_dir)]:
        _say(ctx, f"note: {note}")


def _output_notes(out_dir: Path) -> list[str]:
    """What the next build will do about the output folder's state, before it does it."""
    from briefgen.paths import DIGEST_NAME, JOURNAL_NAME, display_path
    from briefgen.publish import hand_edited

    notes = []
    if (out_dir / JOURNAL_NAME).exists():
        notes.append(
            f"{display_path(out_dir)}: a stopped run left its outputs half published;"
            " the next build or render finishes that first"
        )
    digest = out_dir / DIGEST_NAME
    why = hand_edited(digest)
    if why:
        notes.append(
            f"{display_path(digest)}: {why}; `briefgen build` will stop rather than overwrite it"
            " (see docs/safety.md)"
        )
    return notes


@cli.command(short_help="List the templates each audience uses, and their files.")
@global_options
@config_option
@audience_option
def templates(config_path: Path | None, audience: str | None) -> None:
    """List the templates in effect for each audience, and the file each comes from."""
    from briefgen.render import describe_templates

    config = _load(config_path, _overrides(audience, None, None), missing_ok=True)
    names = config.brief.audience if audience else sorted(config.audiences)
    click.echo(describe_templates(config, names), nl=False)


@cli.command(name="eval", short_help="Score extraction against gold facts.")
@global_options
@click.argument(
    "cases", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False, exists=True)
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--explain", is_flag=True, help="Say why each gold item was missed and each wrong item found."
)
@config_option
@extractor_options
def evaluate(
    cases: tuple[Path, ...],
    as_json: bool,
    explain: bool,
    config_path: Path | None,
    extractor: str | None,
    spacy_model: str | None,
) -> None:
    """Score extraction against gold facts: each CASE holds articles/ and gold.yaml.

    A folder without gold.yaml is taken as a folder of cases. With --explain,
    each miss and each extracted item that matched nothing is listed with its
    sentence and its class of failure, and the classes are counted.
    """
    import json

    from briefgen.evaluate import evaluate_cases, format_explanations, format_table, summarize

    folders = [
        sub
        for case in cases
        for sub in ([case] if (case / "gold.yaml").exists() else sorted(case.iterdir()))
        if (sub / "gold.yaml").exists()
    ]
    if not folders:
        raise BriefgenError(
            "no evaluation cases (folders with gold.yaml) in " + ", ".join(map(str, cases))
        )
    config = _load(config_path, _extractor_overrides(extractor, spacy_model), missing_ok=True)
    score, explained = evaluate_cases(folders, config.extraction, explain=explain)
    if as_json:
        data = score.to_dict()
        if explain:
            data["explain"] = {
                "cases": [x.to_dict() for x in explained],
                "summary": summarize(explained),
            }
        click.echo(json.dumps(data, indent=2, sort_keys=True))
    else:
        click.echo(f"{len(folders)} cases: {', '.join(f.name for f in folders)}\n")
        if explain:
            click.echo(format_explanations(explained) + "\n")
        click.echo(format_table(score))


@cli.command(short_help="Print the digest's JSON Schema.")
@global_options
def schema() -> None:
    """Print the digest's JSON Schema."""
    from briefgen.digest import digest_schema

    click.echo(digest_schema(), nl=False)


@cli.command(short_help="Make a new briefing workspace.")
@global_options
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.pass_context
def init(ctx: click.Context, directory: Path) -> None:
    """Make a new briefing workspace: config, templates to customise, an input folder."""
    from briefgen.workspace import init_workspace

    for path in init_workspace(directory):
        _say(ctx, f"created {_show(path)}")


def _say_warnings(ctx: click.Context, count: int) -> None:
    """A closing count, so a warning that scrolled by is not missed (each was logged)."""
    if count:
        plural = "s" if count != 1 else ""
        _say(ctx, f"{count} warning{plural} about the inputs (see above; --strict fails on them)")


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main() -> NoReturn:
    """The ``briefgen`` command: run it, then end the process without tearing Python down.

    A build leaves spaCy's pipeline and vocabulary, WeasyPrint and the digest
    in memory, and Python's own shutdown frees them object by object: about
    0.3 s of CPU after the last brief is written, on the path of every cold
    build, for nothing. Everything a command writes is written, closed and
    renamed into place before it returns (``briefgen.publish``), so once it has,
    the exit handlers run (logging's, multiprocessing's, any library's), the
    standard streams are flushed, and the process ends with the command's exit
    code: code after a ``SystemExit`` of this function never runs (use ``atexit``).
    An exception that escapes the command ends the process as usual.
    """
    try:
        cli(prog_name="briefgen")
    except SystemExit as done:
        code = done.code
    else:  # click's standalone mode always exits; in case it returns
        code = 0
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as SystemExit prints a message
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code or 0)
