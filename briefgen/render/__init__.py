"""Rendering: a digest in, brief files (as bytes) out, through Jinja2 templates.

``render`` produces every requested format in memory and writes nothing: the
caller publishes the files together, atomically, so a failed render leaves
the previous briefs in place.

Output formats are chosen by name from ``RENDERERS``; the built-ins are
registered in ``_builtin_renderers`` and nowhere else. The PDF is the HTML
brief printed by WeasyPrint, so the golden HTML test also covers the PDF's
content. The Word brief is built from the same context by python-docx, not
from a template (see :mod:`briefgen.render.docx`).

Each audience (see :mod:`briefgen.audiences`) is rendered on its own:
``render_audience`` turns the config's audience into the brief's info,
options and template folders, and ``render`` does the rest.

Template search path, escaping and error reporting: see
:mod:`briefgen.render.environment`. Template context: see
:mod:`briefgen.render.context`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from briefgen.config import Config
from briefgen.digest.changes import Changes
from briefgen.errors import BriefgenError, ConfigError, RenderError
from briefgen.model import Digest, Notice
from briefgen.render.context import (
    BriefContext,
    BriefInfo,
    BriefOptions,
    CitedSource,
    build_context,
)
from briefgen.render.environment import (
    DEFAULTS,
    TemplateSource,
    audience_template_dirs,
    check_templates,
    make_environment,
    override_stub,
    render_template,
    template_sources,
)
from briefgen.render.labels import Labels, load_labels
from briefgen.render.selection import KeyPoint, TimelineEvent


@dataclass
class RenderJob:
    """One brief being rendered: shared by its formats, so the PDF reuses the HTML."""

    env: jinja2.Environment
    context: BriefContext
    _texts: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def text(self, template: str) -> str:
        """The rendered ``template``, rendered once per job."""
        if template not in self._texts:
            self._texts[template] = render_template(self.env, template, self.context)
        return self._texts[template]


@dataclass(frozen=True)
class Renderer:
    """An output format: the file it makes, and how."""

    filename: str
    render: Callable[[RenderJob], bytes]


def _markdown(job: RenderJob) -> bytes:
    return job.text("brief.md.j2").encode("utf-8")


def _html(job: RenderJob) -> bytes:
    return job.text("brief.html.j2").encode("utf-8")


def _pdf(job: RenderJob) -> bytes:
    from briefgen.render.pdf import render_pdf

    audience = job.context.info.audience
    return render_pdf(
        job.text("brief.html.j2"),
        max_pages=job.context.options.max_pages,
        label=f"the {audience} brief's PDF",
    )


def _docx(job: RenderJob) -> bytes:
    from briefgen.render.docx import document_date, render_docx

    return render_docx(job.context, stamp=document_date(job.context.info.date))


def _builtin_renderers() -> dict[str, Renderer]:
    return {
        "md": Renderer("brief.md", _markdown),
        "html": Renderer("brief.html", _html),
        "pdf": Renderer("brief.pdf", _pdf),
        "docx": Renderer("brief.docx", _docx),
    }


RENDERERS: dict[str, Renderer] = _builtin_renderers()
# The one list of output formats: the config, the CLI and the docs take it from here
# (``briefgen.paths.FORMATS`` names them for a build's start; a test keeps the two equal).
FORMATS: tuple[str, ...] = tuple(RENDERERS)


def output_formats(config: Config) -> list[str]:
    """The formats ``output.formats`` asks for (all when it names none), each one known."""
    if config.output.formats is None:
        return list(RENDERERS)
    unknown = [name for name in config.output.formats if name not in RENDERERS]
    if unknown:
        raise ConfigError(
            f"output.formats: unknown format {', '.join(map(repr, unknown))}"
            f" (choose from {', '.join(RENDERERS)})"
        )
    return list(config.output.formats)


def render(
    digest: Digest,
    *,
    info: BriefInfo,
    formats: Sequence[str],
    template_dirs: Sequence[Path],
    options: BriefOptions | None = None,
    changes: Changes | None = None,
    notices: Sequence[Notice] = (),
) -> dict[str, bytes]:
    """File name -> content for each format in ``formats``; nothing is written here.

    Every format name is checked before anything is rendered, so a typo fails
    at once rather than after a slow PDF.
    """
    options = options or BriefOptions()
    unknown = [name for name in formats if name not in RENDERERS]
    if unknown:
        raise RenderError(
            f"unknown output format {', '.join(map(repr, unknown))}:"
            f" choose from {', '.join(RENDERERS)}"
        )
    env = make_environment(template_dirs)
    labels = load_labels(env, options.language)
    if not options.date_format:
        options = options.model_copy(update={"date_format": labels.date_format})
    context = build_context(digest, info, options, labels, changes=changes, notices=notices)
    job = RenderJob(env, context)
    outputs: dict[str, bytes] = {}
    for name in formats:
        renderer = RENDERERS[name]
        outputs[renderer.filename] = renderer.render(job)
    return outputs


def audience_brief(config: Config, audience: str) -> tuple[BriefInfo, BriefOptions, list[Path]]:
    """What the config says about ``audience``'s brief: info, options, template folders."""
    settings = config.audiences[audience]
    options = BriefOptions.of(audience, settings)
    info = BriefInfo(
        title=settings.title or config.brief.title,
        subject=settings.subject if settings.subject is not None else config.brief.subject,
        date=config.brief.date,
        audience=audience,
        marking=settings.marking,
        focus=tuple(config.brief.focus),
    )
    dirs = audience_template_dirs(config.workspace / "templates", options.template_set)
    return info, options, dirs


def render_audience(
    digest: Digest,
    config: Config,
    audience: str,
    *,
    formats: Sequence[str],
    changes: Changes | None = None,
    notices: Sequence[Notice] = (),
) -> dict[str, bytes]:
    """``audience``'s brief in each format, as the config shapes it."""
    info, options, dirs = audience_brief(config, audience)
    return render(
        digest,
        info=info,
        formats=formats,
        template_dirs=dirs,
        options=options,
        changes=changes,
        notices=notices,
    )


def audience_templates(config: Config, audience: str) -> list[TemplateSource]:
    """The templates, CSS and labels in effect for ``audience``, each with its file."""
    _, options, dirs = audience_brief(config, audience)
    return template_sources(dirs, [f"workspace:{options.template_set}", "workspace"])


def describe_templates(config: Config, audiences: Sequence[str]) -> str:
    """``briefgen templates``: per audience, each name and where it comes from."""
    lines = []
    for audience in audiences:
        options = audience_brief(config, audience)[1]
        lines.append(
            f"{audience} (template set {options.template_set!r}, language {options.language!r})"
        )
        for t in audience_templates(config, audience):
            shadowed = f"  (overrides {_shown(t.shadows[0], config)})" if t.shadows else ""
            lines.append(f"  {t.name:<16} {t.layer:<20} {_shown(t.path, config)}{shadowed}")
    return "\n".join(lines) + "\n"


def _shown(path: Path, config: Config) -> str:
    for root in (config.workspace.resolve(), DEFAULTS.parent.parent):
        if path.resolve().is_relative_to(root):
            return path.resolve().relative_to(root).as_posix()
    return str(path)


def check_audiences(config: Config) -> list[str]:
    """Problems with each configured audience's labels (templates: ``check_templates``)."""
    problems: list[str] = []
    for audience in config.audiences:
        options, dirs = audience_brief(config, audience)[1:]
        try:
            load_labels(make_environment(dirs), options.language)
        except BriefgenError as e:
            problems.extend(f"audiences.{audience}: {line}" for line in str(e).splitlines())
    return problems


# The templates a format renders, by the end of their names (the Word brief uses none).
_TEMPLATE_KINDS = {"md": (".md.j2",), "html": (".html.j2", ".css"), "pdf": (".html.j2", ".css")}


def prepare(config: Config, *, formats: Sequence[str]) -> None:
    """Compile the templates that ``formats`` of each audience render, and read the
    labels, before the digest exists (the PDF worker does, while extraction runs).

    Jinja keeps a compiled template for the process (``environment._COMPILED``,
    checked against the template's source), so the first brief after the digest
    arrives starts at once; what a brief says is the same either way. A problem
    is raised here as anywhere, and reported by the render that meets it.
    """
    kinds = tuple(k for f in formats for k in _TEMPLATE_KINDS.get(f, ()))
    for audience in config.brief.audience:
        _, options, dirs = audience_brief(config, audience)
        env = make_environment(dirs)
        load_labels(env, options.language)
        for name in env.list_templates():  # the workspace's and the packaged (default:)
            if kinds and name.endswith(kinds):
                env.get_template(name)


def render_briefs(
    *,
    digest: Digest,
    config: Config,
    formats: Sequence[str],
    changes: Changes | None,
    notices: Sequence[Notice] = (),
    audiences: Sequence[str] | None = None,
) -> dict[str, bytes]:
    """Each audience of ``brief.audience`` (or of ``audiences``, some of them) in each
    format, named ``<audience>/<file>``."""
    return {
        f"{audience}/{name}": data
        for audience in (config.brief.audience if audiences is None else audiences)
        for name, data in render_audience(
            digest, config, audience, formats=formats, changes=changes, notices=notices
        ).items()
    }


__all__ = [
    "FORMATS",
    "RENDERERS",
    "BriefContext",
    "BriefInfo",
    "BriefOptions",
    "CitedSource",
    "KeyPoint",
    "Labels",
    "RenderJob",
    "Renderer",
    "TemplateSource",
    "TimelineEvent",
    "audience_brief",
    "audience_templates",
    "build_context",
    "check_audiences",
    "check_templates",
    "describe_templates",
    "make_environment",
    "output_formats",
    "override_stub",
    "prepare",
    "render",
    "render_audience",
    "render_briefs",
]
