"""The Jinja2 environment: template search path, escaping, and errors a user can act on.

Search path, first match wins:

1. each folder of ``template_dirs``, in order: for an audience, the
   workspace's ``templates/<audience>/`` (or the audience's ``templates``
   set), then ``templates/``; folders that do not exist are skipped;
2. the packaged defaults, ``briefgen/templates/``.

The same path finds the labels files (``labels/<language>.yaml``) and the
CSS (``brief.css``, ``custom.css``), so a workspace overrides them the same
way.

``default:NAME`` always reaches the packaged default, whatever the folders
above hold, so an override can extend the template it replaces::

    {% extends "default:brief.md.j2" %}
    {% block people %}...{% endblock %}

Autoescaping is on for ``.html`` templates and off for ``.md`` ones, whose
digest strings go through the ``md_escape`` filter instead (see
:mod:`briefgen.render.filters`). Undefined names are errors, not blanks: a
typo in an override should fail the build, not silently drop a section.
Every value a template prints loses its control characters and bidirectional controls
(``finalize``), so an article's right-to-left override cannot reverse the
brief around it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import jinja2
from jinja2 import nodes

from briefgen.errors import TemplateError
from briefgen.render.context import BriefContext
from briefgen.render.filters import (
    anchor,
    citation_marks,
    css_string,
    drop_controls,
    join_names,
    md_escape,
    md_url,
    shorten,
)
from briefgen.render.labels import DEFAULT_PREFIX, Labels, format_date
from briefgen.render.labels import PACKAGED as DEFAULTS

# What a template can raise at render time besides Jinja's own errors:
# ``{{ info.title + 1 }}`` or ``{{ people[0].name.split()[9] }}`` in an override.
_RUNTIME_ERRORS = (jinja2.TemplateError, TypeError, ValueError, LookupError, ArithmeticError)


def audience_template_dirs(workspace_templates: Path, template_set: str) -> list[Path]:
    """An audience's workspace folders: ``templates/<set>/``, then ``templates/``."""
    return [workspace_templates / template_set, workspace_templates]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, whichever environment loads them.

    Each audience has its own environment (its own search path), but most
    load the same files: compiling each file once, not once per audience,
    saved most of the rendering time of a small build. Jinja checks each
    entry against the template's source, so an edited template is compiled
    again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def make_environment(template_dirs: Sequence[Path]) -> jinja2.Environment:
    """The environment with the search path above, filters, and strict undefined names."""
    defaults = jinja2.FileSystemLoader(str(DEFAULTS))
    workspace = [str(d) for d in template_dirs if d.is_dir()]
    loader = jinja2.ChoiceLoader(
        [
            # First, so that a workspace file cannot shadow a "default:" name.
            jinja2.PrefixLoader({DEFAULT_PREFIX: defaults}, delimiter=":"),
            jinja2.FileSystemLoader([*workspace, str(DEFAULTS)]),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "html.j2", "htm.j2"),
            disabled_extensions=(),
            default_for_string=False,
            default=False,
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Every printed value, in every format and override: no (bidi) controls.
        finalize=drop_controls,
        bytecode_cache=_COMPILED,
    )
    env.filters["md_escape"] = md_escape
    env.filters["md"] = md_escape  # short alias for overrides
    env.filters["names"] = _names
    env.filters["citations"] = citation_marks
    env.filters["date"] = _date
    env.filters["shorten"] = _shorten
    env.filters["css_string"] = css_string
    env.filters["md_url"] = md_url
    env.filters["anchor"] = anchor
    return env


# Filters that follow the audience: they read ``labels`` and ``options`` from
# the template's context, so a template need not pass them each time.


@jinja2.pass_context
def _date(context: jinja2.runtime.Context, value: dt.date, pattern: str | None = None) -> str:
    """``{{ m.date | date }}``: the audience's date format in its language."""
    labels: Labels = context["labels"]
    return format_date(value, pattern or context["options"].date_format, labels)


@jinja2.pass_context
def _names(
    context: jinja2.runtime.Context, values: Iterable[object], last: str | None = None
) -> str:
    """``{{ parties | names }}``: "A, B and C" with the language's "and" (or ``last``)."""
    labels: Labels = context["labels"]
    return join_names(values, last or labels.and_, serial=labels.lang.startswith("en"))


@jinja2.pass_context
def _shorten(context: jinja2.runtime.Context, value: object, width: int | None = None) -> str:
    """``{{ a.what | shorten }}``: cut to the audience's ``truncate`` (or ``width``) characters."""
    return shorten(value, width or context["options"].truncate)


def render_template(env: jinja2.Environment, name: str, context: BriefContext) -> str:
    """Render template ``name``; every template problem becomes a ``TemplateError``."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as e:
        raise TemplateError(f"template {e.name!r} not found in {_search_path(env)}") from e
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(_syntax_message(e)) from e
    try:
        return template.render(context.template_vars())
    except jinja2.TemplateNotFound as e:  # an {% include %} or {% extends %} of a missing name
        raise TemplateError(
            f"{_where(e.__traceback__, template)}: template {e.name!r} not found"
            f" in {_search_path(env)}"
        ) from e
    except jinja2.TemplateSyntaxError as e:  # in a template that {% include %} loads late
        raise TemplateError(_syntax_message(e)) from e
    except _RUNTIME_ERRORS as e:
        message = e.message if isinstance(e, jinja2.TemplateError) else f"{type(e).__name__}: {e}"
        raise TemplateError(f"{_where(e.__traceback__, template)}: {message}") from e


def check_templates(template_dirs: Sequence[Path]) -> list[str]:
    """Every template that does not compile, as ``file:line: message``.

    Compiling (not only parsing) also catches unknown filters and tests.
    """
    env = make_environment(template_dirs)
    problems = []
    for folder in [*(d for d in template_dirs if d.is_dir()), DEFAULTS]:
        for path in sorted(folder.rglob("*.j2")):
            source = path.read_text("utf-8")
            try:
                env.compile(source, path.relative_to(folder).as_posix(), str(path))
            except jinja2.TemplateSyntaxError as e:
                problems.append(_syntax_message(e))
    return problems


def _syntax_message(e: jinja2.TemplateSyntaxError) -> str:
    return f"{e.filename or e.name}:{e.lineno}: {e.message}"


def _search_path(env: jinja2.Environment) -> str:
    """The folders a name is looked up in, for "not found" messages."""
    loaders = env.loader.loaders if isinstance(env.loader, jinja2.ChoiceLoader) else []
    searchpaths = [s.searchpath for s in loaders if isinstance(s, jinja2.FileSystemLoader)]
    return ", ".join(folder for path in searchpaths for folder in path)


def _where(tb: TracebackType | None, template: jinja2.Template) -> str:
    """``file:line`` of the innermost template frame of a render-time error.

    Jinja rewrites a render traceback so that its template frames carry the
    template's file name and line; they are the frames whose globals hold
    ``__jinja_exception__``. The innermost one is where the error happened,
    which may be a parent or included template rather than ``template``.
    """
    where = template.filename or template.name or "<template>"
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals:
            where = f"{frame.f_code.co_filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


@dataclass(frozen=True)
class TemplateSource:
    """Where a template name is found on an audience's search path, and what it shadows."""

    name: str
    path: Path
    layer: str  # "workspace:<set>", "workspace" or "packaged"
    shadows: tuple[Path, ...]


def _names_in(folder: Path) -> dict[str, Path]:
    """Templates, CSS and labels directly in ``folder`` (not in other audiences' sets)."""
    if not folder.is_dir():
        return {}
    files = [
        p
        for pattern in ("*.j2", "*.css", "labels/*.yaml")
        for p in folder.glob(pattern)
        if p.is_file()
    ]
    return {p.relative_to(folder).as_posix(): p for p in files}


def template_sources(template_dirs: Sequence[Path], layers: Sequence[str]) -> list[TemplateSource]:
    """Every name an audience's templates can use, and the file that wins for it.

    ``layers`` names each folder of ``template_dirs`` for the listing.
    """
    found: dict[str, list[tuple[Path, str]]] = {}
    for folder, layer in [*zip(template_dirs, layers, strict=True), (DEFAULTS, "packaged")]:
        for name, path in _names_in(folder).items():
            found.setdefault(name, []).append((path, layer))
    return [
        TemplateSource(name, hits[0][0], hits[0][1], tuple(p for p, _ in hits[1:]))
        for name, hits in sorted(found.items())
    ]


def override_stub(name: str) -> str:
    """A workspace override of packaged ``name`` that extends it, every block as it is.

    ``briefgen init`` writes these, so a new workspace holds each block ready to
    change while every block left alone still follows the packaged default.
    """
    env = make_environment([])
    source = (DEFAULTS / name).read_text("utf-8")
    blocks = [block.name for block in env.parse(source).find_all(nodes.Block)]
    lines = [
        f"{{#- This workspace's {name}: it extends the packaged default, and each",
        "block below renders the default ({{ super() }}). Replace a block's body to",
        "change that part of every brief; delete the blocks you leave alone. Context",
        "and filters: docs/templates.md; `briefgen templates` shows what is in effect.",
        "-#}",
        f'{{% extends "{DEFAULT_PREFIX}:{name}" %}}',
        *(f"{{% block {block} %}}{{{{ super() }}}}{{% endblock %}}" for block in blocks),
    ]
    return "\n".join(lines) + "\n"


__all__ = [
    "DEFAULTS",
    "TemplateSource",
    "audience_template_dirs",
    "check_templates",
    "make_environment",
    "md_escape",
    "override_stub",
    "render_template",
    "template_sources",
]
