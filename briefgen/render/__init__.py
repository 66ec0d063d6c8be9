"""Rendering: a digest in, brief files (as bytes) out, through Jinja2 templates.

``render`` produces every requested format in memory and writes nothing: the
caller publishes the files together, atomically, so a failed render leaves
the previous briefs in place.

Output formats are chosen by name from ``RENDERERS``; the built-ins are
registered in ``_builtin_renderers`` and nowhere else. The PDF is the HTML
brief printed by WeasyPrint, so the golden HTML test also covers the PDF's
content. The Word brief is built from the same context by python-docx, not
from a template (see :mod:`briefgen.render.docx`).

Template search path, escaping and error reporting: see
:mod:`briefgen.render.environment`. Template context: see
:mod:`briefgen.render.context`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from briefgen.errors import RenderError
from briefgen.model import Digest
from briefgen.render.context import BriefContext, BriefInfo, CitedSource, build_context
from briefgen.render.environment import check_templates, make_environment, render_template


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

    return render_pdf(job.text("brief.html.j2"))


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
FORMATS: tuple[str, ...] = tuple(RENDERERS)  # ("md", "html", "pdf", "docx")


def render(
    digest: Digest, *, info: BriefInfo, formats: Sequence[str], template_dirs: Sequence[Path]
) -> dict[str, bytes]:
    """File name -> content for each format in ``formats``; nothing is written here.

    Every format name is checked before anything is rendered, so a typo fails
    at once rather than after a slow PDF.
    """
    unknown = [name for name in formats if name not in RENDERERS]
    if unknown:
        raise RenderError(
            f"unknown output format {', '.join(map(repr, unknown))}:"
            f" choose from {', '.join(RENDERERS)}"
        )
    job = RenderJob(make_environment(template_dirs), build_context(digest, info))
    outputs: dict[str, bytes] = {}
    for name in formats:
        renderer = RENDERERS[name]
        outputs[renderer.filename] = renderer.render(job)
    return outputs


__all__ = [
    "FORMATS",
    "RENDERERS",
    "BriefContext",
    "BriefInfo",
    "CitedSource",
    "RenderJob",
    "Renderer",
    "build_context",
    "check_templates",
    "make_environment",
    "render",
]
