"""Audiences: who a brief is for, as a template set plus options, part of the config.

A principal, an analyst and a press office read the same digest differently,
so an audience says which sections a brief has, how many items each shows,
whether quotes and citations appear, which marking banner it carries, its
date format, paper size and the language of its fixed labels. Teams change
these in their config instead of forking the templates.

The built-in audiences (``executive``, ``analyst``, ``press``) are data, in
``briefgen/data/audiences.yaml``; a config's ``audiences:`` mapping is laid
over them key by key, so ``audiences: {executive: {paper: Letter}}`` keeps
every other executive option. ``default`` is another name for ``analyst``
(the full brief the single-audience briefgen used to build).

Audience names become output folders (``build/<audience>/``), so they are
restricted to lower-case letters, digits, ``-`` and ``_``: a name can never
reach outside the output folder.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any, Literal, get_args

import regex
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from briefgen.yamlsafe import safe_load

SectionName = Literal[
    "key_points",
    "meetings",
    "agreements",
    "disagreements",
    "proposals",
    "people",
    "timeline",
    "sources",
]
# The order sections appear in: the templates print them in this order.
SECTIONS: tuple[SectionName, ...] = get_args(SectionName)
Paper = Literal["A4", "Letter"]
NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
AudienceName = Annotated[str, StringConstraints(pattern=NAME_PATTERN)]
ALIASES: dict[str, str] = {"default": "analyst"}

# Directives ``date_format`` may use; month and weekday names come from the
# audience's labels, not the machine's locale, so a French brief reads French
# on any machine and the same config gives the same bytes everywhere.
DATE_DIRECTIVES = frozenset({"%Y", "%m", "%d", "%-d", "%-m", "%B", "%b", "%A", "%a", "%%"})
_DIRECTIVE = regex.compile(r"%-?.")


class AudienceSettings(BaseModel):
    """One audience's options. Every field has a default, so an audience can be one line."""

    model_config = ConfigDict(extra="forbid")

    templates: AudienceName | None = Field(
        default=None,
        description="template set: the folder templates/<set>/ searched first "
        "[default: the audience's name]",
    )
    title: str | None = Field(default=None, description="replaces brief.title for this audience")
    subject: str | None = Field(default=None, description="replaces brief.subject")
    marking: str | None = Field(
        default=None, description="classification or handling banner on every page; null: none"
    )
    sections: list[SectionName] = Field(
        default_factory=lambda: list(SECTIONS), description="sections to include"
    )
    limits: dict[SectionName, Annotated[int, Field(ge=1)]] = Field(
        default_factory=dict,
        description="most items a section shows (the most cited first); unlisted: all",
    )
    contents: bool = Field(
        default=False,
        description="a table of contents after the title (HTML), as the PDF's outline "
        "and as a Word TOC field",
    )
    quotes: bool = Field(default=True, description="quote each fact's evidence under it")
    citations: bool = Field(default=True, description="number each fact's sources: [1] [2]")
    sourced_only: bool = Field(
        default=False, description="leave out every fact and person no source states"
    )
    truncate: Annotated[int, Field(ge=20)] | None = Field(
        default=None, description="cut fact texts to this many characters (at a word)"
    )
    date_format: str | None = Field(
        default=None,
        description="e.g. %Y-%m-%d or %B %-d, %Y [default: the language's, from its labels]",
    )
    paper: Paper = "A4"
    max_pages: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="warn when the PDF runs longer than this"
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")] = (
        Field(default="en", description="labels file: templates/labels/<language>.yaml")
    )

    @field_validator("sections")
    @classmethod
    def _distinct(cls, sections: list[SectionName]) -> list[SectionName]:
        return list(dict.fromkeys(sections))

    @field_validator("date_format")
    @classmethod
    def _known_directives(cls, value: str | None) -> str | None:
        if value is None:
            return value
        unknown = sorted({d for d in _DIRECTIVE.findall(value) if d not in DATE_DIRECTIVES})
        if unknown:
            raise ValueError(
                f"unknown date directive {', '.join(unknown)}:"
                f" use {' '.join(sorted(DATE_DIRECTIVES))}"
            )
        return value


def builtin_audiences() -> dict[str, dict[str, Any]]:
    """The built-in audiences as raw config (validated with the config that uses them)."""
    text = resources.files("briefgen.data").joinpath("audiences.yaml").read_text("utf-8")
    data: dict[str, dict[str, Any]] = safe_load(text)
    return data


def merge_audiences(raw: object) -> object:
    """The config's ``audiences:`` laid over the built-ins, one option at a time.

    Anything that is not a mapping is returned as it is, for pydantic to
    report with its key path.
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return raw
    merged: dict[str, Any] = {name: dict(options) for name, options in builtin_audiences().items()}
    for name, options in raw.items():
        base = merged.get(name)
        if isinstance(base, dict) and isinstance(options, dict):
            merged[name] = base | options
        else:
            merged[name] = {} if options is None else options
    return merged


def resolve_name(name: str) -> str:
    """``default`` -> ``analyst``; other names as they are."""
    return ALIASES.get(name, name)
