"""The Jinja2 environment: search path, escaping, filters and error translation."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import jinja2
import regex

from briefgen.errors import TemplateError
from briefgen.render.context import BriefContext

DEFAULTS = Path(__file__).resolve().parent.parent / "templates"

# Characters that start Markdown syntax anywhere in a line.
_MD_SPECIAL = regex.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
# Characters that only matter at the start of a line (lists, quotes, headings).
_MD_LINE_START = regex.compile(r"^(\s*)([-=>]|\d+[.)])", regex.MULTILINE)


def md_escape(value: object) -> str:
    """Article text as literal Markdown text: no links, images, HTML, headings or emphasis."""
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def join_names(values: Sequence[object], last: str = "and") -> str:
    items = [str(v) for v in values]
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f", {last} " + items[-1]


def make_environment(template_dirs: Sequence[Path]) -> jinja2.Environment:
    workspace = [str(d) for d in template_dirs if d.is_dir()]
    loader = jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(DEFAULTS))}, delimiter=":"),
            jinja2.FileSystemLoader([*workspace, str(DEFAULTS)]),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html.j2", "html"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["names"] = join_names
    return env


def render_template(template_dirs: Sequence[Path], name: str, context: BriefContext) -> str:
    env = make_environment(template_dirs)
    try:
        template = env.get_template(name)
        return template.render(context.as_dict())
    except jinja2.TemplateNotFound as e:
        raise TemplateError(
            f"template {e.name!r} not found in {_search_path(template_dirs)}"
        ) from e
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"{e.filename or e.name}:{e.lineno}: {e.message}") from e
    except jinja2.UndefinedError as e:
        raise TemplateError(f"{_template_line(name)}: {e.message}") from e


def _search_path(template_dirs: Sequence[Path]) -> str:
    return ", ".join(str(d) for d in [*template_dirs, DEFAULTS])


def _template_line(default: str) -> str:
    """The template file and line where rendering failed, from the traceback."""
    tb = sys.exc_info()[2]
    where = default
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def check_templates(template_dirs: Sequence[Path]) -> list[str]:
    """Every template problem in the search path, as ``file:line: message``."""
    env = make_environment(template_dirs)
    problems = []
    for folder in [d for d in template_dirs if d.is_dir()] + [DEFAULTS]:
        for path in sorted(folder.rglob("*.j2")):
            try:
                env.parse(path.read_text("utf-8"), path.name, str(path))
            except jinja2.TemplateSyntaxError as e:
                problems.append(f"{path}:{e.lineno}: {e.message}")
    return problems
