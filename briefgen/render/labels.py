"""The fixed words of a brief ("Meetings", "Page 1 of 3"), in the audience's language.

Labels are data: ``briefgen/templates/labels/<language>.yaml``, found through
the same search path as templates, so a workspace can add a language or
reword a label by putting ``templates/labels/<language>.yaml`` (or
``templates/<audience>/labels/...``) next to its templates. Keys a file
leaves out are taken from the packaged English file, so a reworded label or
two is a two-line file; unknown keys are errors, since a misspelt key would
otherwise be silently ignored.

Dates are formatted here too, with month and weekday names from the labels
rather than the machine's locale: the same config gives the same bytes on
every machine.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefgen.errors import TemplateError
from briefgen.yamlsafe import safe_load

PACKAGED = Path(__file__).resolve().parent.parent / "templates"
FALLBACK_LANGUAGE = "en"
DEFAULT_PREFIX = "default"  # `default:NAME` reaches the packaged file (see environment)


class Labels(BaseModel):
    """Every fixed word a packaged template prints; templates use ``labels.<key>``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str = Field(description="BCP 47 code for the HTML lang attribute")
    briefing: str
    key_points: str
    meetings: str
    agreements: str
    disagreements: str
    proposals: str
    people: str
    timeline: str
    event: str
    sources: str
    inputs_skipped: str
    none_found: str
    more_not_shown: str
    date: str
    audience: str
    marking: str
    source_count_one: str
    source_count_many: str
    colon: str = ":"
    date_format: str = "%-d %B %Y"
    and_: str = Field(alias="and")
    or_: str = Field(alias="or")
    where: str
    when: str
    occasion: str
    format: str
    duration: str
    name: str
    role: str
    affiliation: str
    also_called: str
    cited_in: str
    number: str
    outlet: str
    published: str
    author: str
    title: str
    untitled: str
    unattributed: str
    position: str
    page: str
    page_of: str
    meeting_summary: str
    meeting_place: str
    meeting_date: str
    agreement_summary: str
    disagreement_summary: str
    disagreement_no_topic: str
    proposal_summary: str
    reported: str
    sentence_meeting: str
    sentence_meeting_planned: str
    sentence_call: str
    sentence_virtual: str
    sentence_call_planned: str
    sentence_occasion: str
    sentence_agreement: str
    sentence_on: str
    sentence_fact: str
    sentence_disagreement: str
    sentence_disagreement_no_topic: str
    sentence_proposal: str
    sentence_proposal_unattributed: str
    sentence_for: str
    sentence_they: str
    sentence_join: str
    sentence_end: str
    under_meetings: str
    planned: str
    agreed: str
    disagree: str
    proposed: str
    contents: str
    since_last: str
    since_sources: str
    since_nothing: str
    since_counts: str
    since_new: str
    since_updated: str
    since_withdrawn: str
    since_expired: str
    field_names: dict[str, str] = Field(default_factory=dict)
    audience_names: dict[str, str] = Field(default_factory=dict)
    meeting_formats: dict[str, str] = Field(default_factory=dict)
    footer_quotes: str
    footer_citations: str
    footer_plain: str
    months: tuple[str, ...] = Field(min_length=12, max_length=12)
    months_short: tuple[str, ...] = Field(min_length=12, max_length=12)
    weekdays: tuple[str, ...] = Field(min_length=7, max_length=7)
    weekdays_short: tuple[str, ...] = Field(min_length=7, max_length=7)

    @model_validator(mode="after")
    def _known_placeholders(self) -> Labels:
        # A translation's "{counts}" would otherwise fail mid-render, far from its file.
        for key, allowed in PLACEHOLDERS.items():
            try:
                fields = list(string.Formatter().parse(getattr(self, key)))
            except ValueError as e:
                raise ValueError(f"{key}: {e}; write a literal brace as {{{{ or }}}}") from e
            used = {name for _, name, _, _ in fields if name is not None}
            if used - allowed:
                unknown = ", ".join(sorted("{" + name + "}" for name in used - allowed))
                accepted = ", ".join(sorted("{" + name + "}" for name in allowed)) or "none"
                raise ValueError(f"{key}: unknown placeholder {unknown} (accepted: {accepted})")
        return self

    def audience_name(self, name: str) -> str:
        """The audience's name in this language (a configured audience: as it is)."""
        return self.audience_names.get(name, name)

    def meeting_format(self, value: str) -> str:
        """``pull-aside``, ``call``, ... in this language."""
        return self.meeting_formats.get(value, value)

    def field_name(self, name: str) -> str:
        """A fact's field as "Since the last brief" names it ("wording" for ``what``)."""
        return self.field_names.get(name, name)

    def source_count(self, count: int) -> str:
        """``1 source``, ``2 sources``."""
        pattern = self.source_count_one if count == 1 else self.source_count_many
        return pattern.format(count=count)


# The labels briefgen fills in with str.format, and the names each may use.
PLACEHOLDERS: dict[str, set[str]] = {
    "more_not_shown": {"count"},
    "source_count_one": {"count"},
    "source_count_many": {"count"},
    "meeting_summary": {"participants", "place", "date"},
    "meeting_place": {"location"},
    "meeting_date": {"date"},
    "agreement_summary": {"parties", "what"},
    "disagreement_summary": {"parties", "topic"},
    "disagreement_no_topic": {"parties"},
    "proposal_summary": {"by", "what"},
    "sentence_meeting": {"participants", "place", "date", "occasion"},
    "sentence_meeting_planned": {"participants", "place", "date", "occasion"},
    "sentence_call": {"participants", "place", "date", "occasion"},
    "sentence_virtual": {"participants", "place", "date", "occasion"},
    "sentence_call_planned": {"participants", "place", "date", "occasion"},
    "sentence_occasion": {"occasion"},
    "sentence_agreement": {"parties", "what"},
    "sentence_on": {"what"},
    "sentence_fact": {"parties", "what"},
    "sentence_disagreement": {"parties", "topic"},
    "sentence_disagreement_no_topic": {"parties"},
    "sentence_proposal": {"by", "what"},
    "sentence_proposal_unattributed": {"what"},
    "sentence_for": {"what"},
    "since_sources": {"now", "then", "added", "removed"},
    "since_expired": {"count"},
    "since_counts": {"new", "updated", "gone"},
    "footer_quotes": {"generator"},
    "footer_citations": {"generator"},
    "footer_plain": {"generator"},
}


def load_labels(env: jinja2.Environment, language: str) -> Labels:
    """The labels for ``language`` found through ``env``'s search path, over packaged English."""
    data, _ = _read(env, f"{DEFAULT_PREFIX}:labels/{FALLBACK_LANGUAGE}.yaml")
    own, where = _read(env, f"labels/{language}.yaml")
    data = data | own
    try:
        return Labels.model_validate(data)
    except ValidationError as e:
        raise TemplateError("\n".join(_problem(where, p) for p in e.errors())) from e


@cache
def packaged_labels(language: str = FALLBACK_LANGUAGE) -> Labels:
    """A packaged language's labels, without a template search path (for tests and tools)."""
    path = PACKAGED / "labels" / f"{language}.yaml"
    data = safe_load((PACKAGED / "labels" / f"{FALLBACK_LANGUAGE}.yaml").read_text("utf-8"))
    return Labels.model_validate(data | safe_load(path.read_text("utf-8")))


def _problem(where: str, problem: Any) -> str:
    key = ".".join(str(part) for part in problem["loc"])
    if problem["type"] == "extra_forbidden":
        message = "unknown label"
    else:
        message = str(problem["msg"]).removeprefix("Value error, ")
    return f"{where}: {key}: {message}" if key else f"{where}: {message}"


def _read(env: jinja2.Environment, name: str) -> tuple[dict[str, Any], str]:
    assert env.loader is not None
    try:
        text, filename, _ = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound as e:
        raise TemplateError(
            f"labels file {name!r} not found in the template search path;"
            " add it or choose another audience language"
        ) from e
    where = filename or name
    try:
        data = safe_load(text)
    except yaml.YAMLError as e:
        raise TemplateError(f"{where}: invalid YAML: {e}") from e
    if not isinstance(data, dict):
        raise TemplateError(f"{where}: a labels file is a mapping of label names to text")
    return data, where


def format_date(value: dt.date, pattern: str, labels: Labels) -> str:
    """``value`` as ``pattern`` says (``%-d %B %Y`` -> ``5 October 2021``), in the labels' words.

    Only the directives ``briefgen.audiences.DATE_DIRECTIVES`` lists exist; the
    config refuses others at load.
    """
    parts = {
        "%Y": f"{value.year:04d}",
        "%m": f"{value.month:02d}",
        "%-m": str(value.month),
        "%d": f"{value.day:02d}",
        "%-d": str(value.day),
        "%B": labels.months[value.month - 1],
        "%b": labels.months_short[value.month - 1],
        "%A": labels.weekdays[value.weekday()],
        "%a": labels.weekdays_short[value.weekday()],
        "%%": "%",
    }
    out = []
    i = 0
    while i < len(pattern):
        for size in (3, 2):
            token = pattern[i : i + size]
            if token in parts:
                out.append(parts[token])
                i += size
                break
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)
