"""The command line: one command per verb, each a thin call into the library.

Heavy libraries (spaCy, WeasyPrint) are imported inside the commands that use
them, so ``briefgen --help`` answers at once. Errors from the library
(``BriefgenError``) become one line on stderr and the exit code below; a
traceback only with ``-v``.

Exit codes:
    0  success
    1  the run failed: an input, digest, template or output problem
    2  usage or config error
  130  interrupted
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from briefgen import __version__
from briefgen.errors import BriefgenError

log = logging.getLogger("briefgen")

# As config.FORMATS; kept here so --help imports nothing.
FORMAT_CHOICES = ("md", "html", "pdf", "docx")


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


def _formats(value: str | None) -> list[str] | None:
    if value is None:
        return None
    formats = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMAT_CHOICES]
    if unknown or not formats:
        raise click.BadParameter(
            f"{', '.join(unknown) or value!r}: choose from {', '.join(FORMAT_CHOICES)}",
            param_hint="--format",
        )
    return formats


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefgen: %(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("-v", "--verbose", is_flag=True, help="Say more, and show tracebacks.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, quiet: bool) -> None:
    """Turn a folder of news articles and readouts into a sourced briefing document."""
    ctx.obj = {"verbose": verbose, "quiet": quiet}
    _setup_logging(verbose, quiet)


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Config file [default: config/briefgen.yaml].",
)
audience_option = click.option("--audience", default=None, help="Audience (template set).")
format_option = click.option(
    "--format", "formats", default=None, help="Comma-separated: md,html,pdf,docx [default: config]."
)
out_option = click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default=None, help="Output folder."
)


def _say(ctx: click.Context, message: str) -> None:
    if not ctx.obj["quiet"]:
        click.echo(message)


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


@cli.command()
@config_option
@audience_option
@format_option
@out_option
@click.pass_context
def build(
    ctx: click.Context,
    config_path: Path | None,
    audience: str | None,
    formats: str | None,
    out: Path | None,
) -> None:
    """Run the whole pipeline: articles -> digest.yaml -> briefs."""
    from briefgen.config import load_config
    from briefgen.pipeline import build as run_build

    config = load_config(config_path, overrides=_overrides(audience, formats, out))
    result = run_build(config)
    for skipped in result.skipped:
        _say(ctx, f"skipped {skipped.reason}")
    for path in result.written:
        _say(ctx, f"wrote {_show(path)}")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
    help="Where to write the digest (YAML).",
)  # fmt: skip
@click.option(
    "--on-error", type=click.Choice(["skip", "stop"]), default="skip", show_default=True,
    help="What to do with an article that cannot be read.",
)  # fmt: skip
@click.option(
    "--spacy-model", metavar="NAME", help="Installed trained spaCy pipeline to add (see README)."
)
@click.pass_context
def extract(
    ctx: click.Context, paths: tuple[str, ...], output: Path, on_error: str,
    spacy_model: str | None,
) -> None:  # fmt: skip
    """Extract a digest from article files or folders."""
    from briefgen.config import ExtractionSettings
    from briefgen.digest import dump_digest
    from briefgen.pipeline import extract_digest
    from briefgen.publish import write_atomic

    result = extract_digest(
        paths, root=Path.cwd(), on_error=on_error,
        settings=ExtractionSettings(spacy_model=spacy_model),
    )  # fmt: skip
    write_atomic(output, dump_digest(result.digest).encode("utf-8"))
    for skipped in result.skipped:
        _say(ctx, f"skipped {skipped.reason}")
    d = result.digest
    _say(
        ctx,
        f"wrote {_show(output)}: {len(d.sources)} sources, {len(d.people)} people, "
        f"{len(d.meetings)} meetings, {len(d.agreements)} agreements, "
        f"{len(d.disagreements)} disagreements, {len(d.proposals)} proposals",
    )


@cli.command()
@click.argument("digest_path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@config_option
@audience_option
@format_option
@out_option
@click.pass_context
def render(
    ctx: click.Context,
    digest_path: Path,
    config_path: Path | None,
    audience: str | None,
    formats: str | None,
    out: Path | None,
) -> None:
    """Render a (possibly hand-edited) digest into briefs, without re-extracting."""
    from briefgen.config import load_config
    from briefgen.digest import load_digest
    from briefgen.pipeline import render_digest

    # A digest can be rendered outside any workspace: then the defaults apply.
    config = load_config(config_path, overrides=_overrides(audience, formats, out), missing_ok=True)
    digest = load_digest(digest_path)
    out_dir = config.output_dir if out is None and config_path else (out or digest_path.parent)
    for path in render_digest(digest, config, formats=config.output.formats, out_dir=out_dir):
        _say(ctx, f"wrote {_show(path)}")


@cli.command()
@config_option
@click.option(
    "--digest", "digest_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Digest to validate [default: the build's digest.yaml, if any].",
)  # fmt: skip
@click.pass_context
def check(ctx: click.Context, config_path: Path | None, digest_path: Path | None) -> None:
    """Validate the config, the templates and the digest; report every problem."""
    from briefgen.config import load_config
    from briefgen.digest import load_digest
    from briefgen.pipeline import DIGEST_NAME
    from briefgen.render import check_templates

    config = load_config(config_path)
    problems = check_templates([config.workspace / "templates"])
    digest_path = digest_path or config.output_dir / DIGEST_NAME
    if digest_path.exists():
        try:
            load_digest(digest_path)
        except BriefgenError as e:
            problems.extend(str(e).splitlines())
    if problems:
        raise BriefgenError("\n".join(problems))
    _say(ctx, "config, templates and digest are valid")


@cli.command(name="eval")
@click.argument(
    "cases", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False, exists=True)
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--extractor", default="rules", show_default=True, help="Extractor to score.")
@click.option(
    "--spacy-model", metavar="NAME", help="Installed trained spaCy pipeline to add (see README)."
)
def evaluate(
    cases: tuple[Path, ...], as_json: bool, extractor: str, spacy_model: str | None
) -> None:
    """Score extraction against gold facts: each CASE holds articles/ and gold.yaml.

    A folder without gold.yaml is taken as a folder of cases.
    """
    import json

    from briefgen.config import ExtractionSettings
    from briefgen.evaluate import evaluate_cases, format_table

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
    score = evaluate_cases(
        folders, ExtractionSettings(extractor=extractor, spacy_model=spacy_model)
    )
    if as_json:
        click.echo(json.dumps(score.to_dict(), indent=2, sort_keys=True))
    else:
        click.echo(f"{len(folders)} cases: {', '.join(f.name for f in folders)}\n")
        click.echo(format_table(score))


@cli.command()
def schema() -> None:
    """Print the digest's JSON Schema."""
    from briefgen.digest import digest_schema

    click.echo(digest_schema(), nl=False)


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.pass_context
def init(ctx: click.Context, directory: Path) -> None:
    """Make a new briefing workspace: config, templates to customise, an input folder."""
    from briefgen.workspace import init_workspace

    for path in init_workspace(directory):
        _say(ctx, f"created {_show(path)}")


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main() -> None:
    cli(prog_name="briefgen")
