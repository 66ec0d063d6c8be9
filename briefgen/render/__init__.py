"""Rendering: a digest in, brief files (as bytes) out, through Jinja2 templates.

Template search path, first match wins:

1. the workspace's ``templates/`` folder;
2. the packaged defaults in ``briefgen/templates/``.

The prefix ``default:`` always reaches the packaged defaults, so an override
can extend the template it replaces: ``{% extends "default:brief.md.j2" %}``.

Every string in a digest comes from an article and is untrusted: HTML
templates autoescape, and Markdown templates pass each string through the
``md`` filter, which escapes what could become a link, an image, HTML or a
heading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from briefgen.errors import RenderError
from briefgen.model import Digest
from briefgen.render.context import BriefContext, BriefInfo, build_context
from briefgen.render.environment import check_templates, make_environment, render_template

Renderer = Callable[[BriefContext, Sequence[Path]], tuple[str, bytes]]


def _markdown(context: BriefContext, template_dirs: Sequence[Path]) -> tuple[str, bytes]:
    return "brief.md", render_template(template_dirs, "brief.md.j2", context).encode("utf-8")


def _html(context: BriefContext, template_dirs: Sequence[Path]) -> tuple[str, bytes]:
    return "brief.html", render_template(template_dirs, "brief.html.j2", context).encode("utf-8")


def _pdf(context: BriefContext, template_dirs: Sequence[Path]) -> tuple[str, bytes]:
    from briefgen.render.pdf import render_pdf

    return "brief.pdf", render_pdf(render_template(template_dirs, "brief.html.j2", context))


RENDERERS: dict[str, Renderer] = {"md": _markdown, "html": _html, "pdf": _pdf}


def render(
    digest: Digest, *, info: BriefInfo, formats: Sequence[str], template_dirs: Sequence[Path]
) -> dict[str, bytes]:
    """File name -> content for each format asked; nothing is written here."""
    context = build_context(digest, info)
    outputs = {}
    for name in formats:
        try:
            renderer = RENDERERS[name]
        except KeyError:
            raise RenderError(f"unknown output format {name!r}") from None
        filename, data = renderer(context, template_dirs)
        outputs[filename] = data
    return outputs


__all__ = [
    "RENDERERS",
    "BriefContext",
    "BriefInfo",
    "build_context",
    "check_templates",
    "make_environment",
    "render",
]
