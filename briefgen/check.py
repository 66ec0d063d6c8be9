"""``briefgen check``: every problem the next build would meet, found without building.

A check that only parses files says "valid" to a build that then fails (an
undefined name in a template override) or silently loses settings (a
misspelt audience key makes a new audience instead of changing the built-in
one). So this check does what a build does, short of extracting and
writing:

* loads the config, reporting every problem with its key path; a problem in
  a value a flag gave (``--audience``, ``--format``) is blamed on the flag;
* looks for each input (``inputs.N`` that matches no file);
* flags audiences the config defines that nothing builds and whose names
  are close to another's (``executiv`` for ``executive``), and blocks of a
  template override that the template it extends does not have (``peple``),
  each with "did you mean";
* reads the corrections and, against the digest, lists those that match
  nothing;
* renders every audience in every format it is built in against the
  digest, or against a sample digest that fills every field when there is
  none yet, with a "Since the last brief" section, so an undefined name, a
  bad filter or a missing include in any template fails here, and a PDF
  over its audience's ``max_pages`` is reported.

Every problem is collected; none stops the others.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.audiences import builtin_audiences
from briefgen.config import Config, parse_yaml
from briefgen.errors import BriefgenError, ConfigError
from briefgen.model import (
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Position,
    Proposal,
    Source,
)

_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")
_EXTENDS = re.compile(r"""{%-?\s*extends\s+["'](?:default:)?([\w./-]+)["']""")


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'executive'?)``, or nothing when no choice is close."""
    close = difflib.get_close_matches(name.casefold(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def missing_inputs(config: Config, where: str, notes: list[str]) -> list[str]:
    """``inputs.N`` that name nothing, as problems; those that name no file yet, in ``notes``.

    A folder that does not exist is a mistake; an empty one (a new workspace's
    ``articles/``) is only waiting for articles.
    """
    from briefgen.ingest.inputs import scan_inputs

    problems = []
    for i, pattern in enumerate(config.inputs):
        try:
            scan = scan_inputs([pattern], root=config.workspace)
        except BriefgenError as e:
            reason = str(e).removeprefix(f"{pattern}: ")
            if (config.workspace / pattern).is_dir():
                notes.append(f"{where}: inputs.{i}: {pattern}: {reason} yet")
            else:
                problems.append(f"{where}: inputs.{i}: {pattern}: {reason}")
            continue
        if scan.files:
            continue
        reasons = "; ".join(n.reason for n in scan.problems) or "matches no file"
        if (config.workspace / pattern).is_dir():
            notes.append(f"{where}: inputs.{i}: {pattern}: {reasons} yet")
        else:
            problems.append(f"{where}: inputs.{i}: {pattern}: {reasons}")
    return problems


def unused_audiences(raw: Mapping[str, Any], config: Config, where: str) -> list[str]:
    """Audiences the config defines but never builds, when a known name is close to theirs.

    ``audiences: {executiv: ...}`` is valid on its own (it defines a new
    audience), but then the executive brief keeps its built-in options:
    almost always a typo, so it is reported.
    """
    defined = raw.get("audiences")
    if not isinstance(defined, dict):
        return []
    builtins = set(builtin_audiences())
    built = set(config.brief.audience)
    problems = []
    for name in defined:
        if not isinstance(name, str) or name in builtins or name in built:
            continue
        hint = did_you_mean(name, builtins | (set(defined) - {name}))
        if hint:
            problems.append(
                f"{where}: audiences.{name}: no built-in audience has this name and"
                f" brief.audience does not build it{hint}"
            )
    return problems


def unknown_blocks(template_dirs: Sequence[Path], *, root: Path) -> list[str]:
    """Blocks of a workspace template that the packaged template it extends does not have.

    Jinja renders a block the parent does not define nowhere, silently: the
    override seems to do nothing.
    """
    from briefgen.render.environment import DEFAULTS

    problems = []
    for folder in template_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.j2")):
            text = path.read_text("utf-8", errors="replace")
            parent = _EXTENDS.search(text)
            if parent is None or not (DEFAULTS / parent[1]).is_file():
                continue
            known = set(_BLOCK.findall((DEFAULTS / parent[1]).read_text("utf-8")))
            for match in _BLOCK.finditer(text):
                if match[1] not in known:
                    line = text.count("\n", 0, match.start()) + 1
                    shown = path.relative_to(root) if path.is_relative_to(root) else path
                    problems.append(
                        f"{shown}:{line}: block {match[1]!r} is not a block of {parent[1]}"
                        f"{did_you_mean(match[1], known)}; blocks: {', '.join(sorted(known))}"
                    )
    return problems


def sample_digest() -> Digest:
    """A small digest with every field set, so rendering it reaches every branch of a template."""
    source = "sample-source"
    day = dt.date(2021, 10, 5)
    quote = "A sample sentence that states the fact."
    ev = [Evidence(source=source, quote=quote, start=0, end=len(quote))]
    return Digest(
        generator="briefgen check (sample digest)",
        sources=[
            Source(
                id=source,
                title="Sample title",
                outlet="Sample outlet",
                author="Sample author",
                published=day,
                dateline="Sample city",
                url="https://example.org/sample",
                path="inputs/sample.txt",
            )
        ],
        people=[
            Person(
                name="Person A", aliases=["A"], role="Minister", affiliation="State A", evidence=ev
            ),
            Person(
                name="Person B", aliases=[], role="Minister", affiliation="State B", evidence=ev
            ),
        ],
        meetings=[
            Meeting(
                participants=["Person A", "Person B"],
                location="Sample city",
                date=day,
                when="Tuesday",
                occasion="a sample summit",
                format="in person",
                duration="an hour",
                evidence=ev,
            ),
            Meeting(participants=["Person A", "Person C"], when="Monday", evidence=ev),
        ],
        agreements=[
            Agreement(
                parties=["Person A", "Person B"],
                what="agreed to meet again",
                meeting=0,
                evidence=ev,
            ),
            Agreement(parties=["State A", "State C"], what="to trade more", evidence=ev),
        ],
        disagreements=[
            Disagreement(
                parties=["State A", "State B"],
                topic="sanctions",
                positions=[Position(party="State A", position="ease them")],
                meeting=0,
                evidence=ev,
            ),
            Disagreement(parties=["State A", "State C"], evidence=ev),
        ],
        proposals=[
            Proposal(by="Person A", what="a summit", meeting=0, evidence=ev),
            Proposal(what="talks", evidence=ev),
        ],
    )


def render_problems(digest: Digest, config: Config) -> list[str]:
    """Render every audience in every format it is built in (and HTML, whatever they are);
    each failure, and each warning a build would give (a PDF over its ``max_pages``),
    named by its audience."""
    from briefgen.digest.changes import compare
    from briefgen.render import output_formats, render_audience

    wanted = output_formats(config)
    formats = [f for f in ("md", "html", "pdf", "docx") if f in wanted or f == "html"]
    # Against an empty previous digest, every fact is new: "Since the last brief" renders too.
    changes = compare(Digest(sources=digest.sources[:0]), digest)
    by_problem: dict[str, list[str]] = {}
    for audience in sorted(config.audiences):
        with _warnings() as warned:
            try:
                render_audience(digest, config, audience, formats=formats, changes=changes)
            except BriefgenError as e:
                warned.extend(str(e).splitlines())
        for line in warned:
            by_problem.setdefault(line, []).append(audience)
    # One line per problem, naming every audience it breaks.
    return [
        f"{'audience' if len(names) == 1 else 'audiences'} {', '.join(names)}: {line}"
        for line, names in by_problem.items()
    ]


@contextmanager
def _warnings() -> Iterator[list[str]]:
    """The warnings briefgen logs inside the block, as lines (not printed)."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logger = logging.getLogger("briefgen")
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def raw_config(path: Path) -> dict[str, Any]:
    """The config file as YAML data (empty when it cannot be read: load_config says why)."""
    try:
        raw = parse_yaml(path.read_text("utf-8"), path, error=ConfigError)
    except (OSError, UnicodeDecodeError, ConfigError):
        return {}
    return raw if isinstance(raw, dict) else {}


@dataclass
class CheckReport:
    """What ``briefgen check`` found: the problems (empty: none), and what it checked."""

    problems: list[str] = field(default_factory=list)
    config_failed: bool = False
    """The config (or a flag) could not be loaded: a config error, exit code 2."""
    notes: list[str] = field(default_factory=list)
    summary: str = ""
    output_dir: Path = Path("build")


def _language_problems(raw: Mapping[str, Any], workspace: Path) -> list[str]:
    """Labels files missing for the audiences' languages, from the raw config.

    Used when the config itself is invalid, so a bad ``language`` is reported
    together with the config's own problems rather than on the next run.
    """
    from briefgen.audiences import merge_audiences
    from briefgen.render.environment import audience_template_dirs, make_environment
    from briefgen.render.labels import load_labels

    merged = merge_audiences(raw.get("audiences"))
    if not isinstance(merged, dict):
        return []
    problems: list[str] = []
    for name, options in sorted(merged.items()):
        if not isinstance(options, dict) or not isinstance(options.get("language", "en"), str):
            continue
        template_set = options.get("templates") or name
        dirs = audience_template_dirs(workspace / "templates", str(template_set))
        try:
            load_labels(make_environment(dirs), options.get("language", "en"))
        except BriefgenError as e:
            problems.extend(f"audiences.{name}: {line}" for line in str(e).splitlines())
    return problems


def run_check(
    config_path: Path | None,
    *,
    overrides: dict[str, Any],
    flags: dict[str, str],
    digest_path: Path | None = None,
) -> CheckReport:
    """Every problem of the workspace (see the module doc), all at once."""
    from briefgen.config import DEFAULT_CONFIG, load_config, workspace_of
    from briefgen.digest import load_digest
    from briefgen.digest.corrections import apply_corrections, corrections_path, load_corrections
    from briefgen.paths import DIGEST_NAME
    from briefgen.render import check_audiences, check_templates

    path = config_path or DEFAULT_CONFIG
    raw = raw_config(path)
    from briefgen.render import FORMATS

    try:
        config = load_config(config_path, overrides=overrides, flags=flags, formats=FORMATS)
    except ConfigError as e:
        problems = str(e).splitlines()
        if raw:
            problems += [f"{path}: {p}" for p in _language_problems(raw, workspace_of(path))]
        return CheckReport(problems=problems, config_failed=True)
    report = CheckReport(output_dir=config.output_dir)
    problems = report.problems
    problems += missing_inputs(config, str(path), report.notes)
    problems += unused_audiences(raw, config, str(path))
    template_dirs = [config.workspace / "templates"]
    template_dirs += sorted(
        p for p in template_dirs[0].glob("*") if p.is_dir() and p.name != "labels"
    )
    compile_problems = check_templates([config.workspace / "templates"])
    problems += compile_problems
    problems += unknown_blocks(template_dirs, root=config.workspace)
    problems += [f"{path}: {p}" for p in check_audiences(config)]
    corrections = None
    where, required = corrections_path(config.corrections, config.workspace)
    try:
        corrections = load_corrections(where, required=required, workspace=config.workspace)
    except BriefgenError as e:
        problems.extend(str(e).splitlines())
    digest_path = digest_path or config.output_dir / DIGEST_NAME
    digest, against = None, "a sample digest"
    if digest_path.exists():
        try:
            digest, against = load_digest(digest_path), str(digest_path)
        except BriefgenError as e:
            problems.extend(str(e).splitlines())
    if digest is not None and corrections is not None and len(corrections):
        applied = apply_corrections(digest, corrections)
        problems += [f"correction matches nothing: {u}" for u in applied.unmatched]
        digest = applied.digest
    if not compile_problems:  # a template that does not compile fails every render alike
        problems += render_problems(digest or sample_digest(), config)
    from briefgen.render import output_formats

    formats = ", ".join(output_formats(config))
    report.summary = (
        f"no problems: config, inputs, templates, labels and corrections checked; every"
        f" audience ({', '.join(sorted(config.audiences))}) rendered as {formats or 'html'}"
        f" against {against}"
    )
    return report
