"""Corrections a person makes to the facts, kept in a file so that every build applies them.

Extraction runs again on every build, so an edit to ``build/digest.yaml`` is
lost the next time (which is why a build refuses to overwrite one). The
lasting place for a fix is the corrections file, ``config/corrections.yaml``
by default (``corrections:`` in the config names another). Each correction
finds its fact by what identifies the fact, not by its position in the
digest, so it still finds it after re-extraction:

* a person by a name or alias (``match: {name: Chung}``);
* a meeting by its participants, all of them (names or aliases), narrowed by
  ``date``, ``location`` or a phrase its evidence ``contains``;
* an agreement or disagreement by some of its ``parties`` and/or a phrase
  (``contains``) of its text or evidence; a proposal by its author (``by``)
  and/or a phrase.

and then does one thing: ``fix`` (set some fields), ``drop: true``, or
``add`` (a whole fact the extractor missed, with no ``match``). Every fact a
correction touches cites the corrections file as a source of its own, so a
brief never passes a person's word off as an article's. A person's name
fixed here is renamed in every fact that names them.

Corrections apply in file order, people first (so later matches may use a
corrected name). One that matches nothing is reported, with its file, line
and key, as data on the result and as a warning: the articles changed, or
the correction has a typo.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefgen.config import parse_yaml
from briefgen.errors import CorrectionsError
from briefgen.model import (
    SECTION_RECORD,
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    MeetingFormat,
    Person,
    Position,
    Proposal,
    Source,
)
from briefgen.paths import display_path
from briefgen.yamlsafe import SafeLoader

log = logging.getLogger(__name__)

DEFAULT_CORRECTIONS = Path("config") / "corrections.yaml"
# Article ids are lowercase slugs ([a-z0-9-]); the colon keeps this one apart from all of them.
CORRECTIONS_SOURCE_ID = "briefgen:corrections"
# Cited by corrections marked `public: true`, whose facts a press brief may show.
PUBLIC_CORRECTIONS_SOURCE_ID = "briefgen:corrections-public"
KINDS = ("people", "meetings", "agreements", "disagreements", "proposals")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- what a correction may say --------------------------------------------------


class PersonMatch(_Strict):
    name: str = Field(min_length=1, description="the person's name or one of their aliases")


class MeetingMatch(_Strict):
    participants: list[str] = Field(min_length=1, description="all the participants")
    date: dt.date | None = None
    location: str | None = None
    contains: str | None = Field(default=None, description="a phrase of a quote")


class PartiesMatch(_Strict):
    parties: list[str] = Field(default_factory=list, description="some of the parties")
    contains: str | None = Field(default=None, description="a phrase of the text or a quote")

    @model_validator(mode="after")
    def _says_something(self) -> PartiesMatch:
        if not self.parties and not self.contains:
            raise ValueError("give parties, contains, or both")
        return self


class ProposalMatch(_Strict):
    by: str | None = None
    contains: str | None = Field(default=None, description="a phrase of the text or a quote")

    @model_validator(mode="after")
    def _says_something(self) -> ProposalMatch:
        if not self.by and not self.contains:
            raise ValueError("give by, contains, or both")
        return self


class PersonFix(_Strict):
    name: str | None = None
    aliases: list[str] | None = None
    role: str | None = None
    affiliation: str | None = None


class MeetingFix(_Strict):
    participants: list[str] | None = None
    location: str | None = None
    date: dt.date | None = None
    when: str | None = None
    occasion: str | None = None
    format: MeetingFormat | None = None
    duration: str | None = None


class AgreementFix(_Strict):
    parties: list[str] | None = None
    what: str | None = None


class DisagreementFix(_Strict):
    parties: list[str] | None = None
    topic: str | None = None
    positions: list[Position] | None = None


class ProposalFix(_Strict):
    by: str | None = None
    what: str | None = None


class _Correction(_Strict):
    drop: Literal[True] | None = None
    note: str | None = Field(default=None, description="why; shown as the correction's quote")
    public: bool = Field(
        default=False,
        description="a fact this adds or fixes may appear in briefs that show only what "
        "sources state (the press brief); its citation then names the public corrections",
    )

    @model_validator(mode="after")
    def _one_operation(self) -> _Correction:
        ops = [op for op in ("fix", "drop", "add") if getattr(self, op) is not None]
        if len(ops) != 1:
            raise ValueError("give exactly one of fix, drop: true, or add")
        if ops[0] == "add" and getattr(self, "match", None) is not None:
            raise ValueError("add makes a new fact: it takes no match")
        if ops[0] != "add" and getattr(self, "match", None) is None:
            raise ValueError(f"{ops[0]} needs a match saying which fact")
        return self


class PersonCorrection(_Correction):
    match: PersonMatch | None = None
    fix: PersonFix | None = None
    add: Person | None = None


class MeetingCorrection(_Correction):
    match: MeetingMatch | None = None
    fix: MeetingFix | None = None
    add: Meeting | None = None


class AgreementCorrection(_Correction):
    match: PartiesMatch | None = None
    fix: AgreementFix | None = None
    add: Agreement | None = None


class DisagreementCorrection(_Correction):
    match: PartiesMatch | None = None
    fix: DisagreementFix | None = None
    add: Disagreement | None = None


class ProposalCorrection(_Correction):
    match: ProposalMatch | None = None
    fix: ProposalFix | None = None
    add: Proposal | None = None


class Corrections(_Strict):
    """The corrections file: one list per kind of fact, applied in this order."""

    people: list[PersonCorrection] = Field(default_factory=list)
    meetings: list[MeetingCorrection] = Field(default_factory=list)
    agreements: list[AgreementCorrection] = Field(default_factory=list)
    disagreements: list[DisagreementCorrection] = Field(default_factory=list)
    proposals: list[ProposalCorrection] = Field(default_factory=list)
    # Not in the file: where it came from, for messages and the brief's source list.
    path: Path = Field(default=DEFAULT_CORRECTIONS, exclude=True)
    shown_path: str = Field(default=str(DEFAULT_CORRECTIONS), exclude=True)
    lines: dict[str, int] = Field(default_factory=dict, exclude=True)

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        shown = display_path(self.path)
        return f"{shown}:{line}" if line else shown

    def __len__(self) -> int:
        return sum(len(getattr(self, kind)) for kind in KINDS)


# --- loading ---------------------------------------------------------------------


def corrections_path(configured: Path | None, workspace: Path) -> tuple[Path, bool]:
    """The corrections file and whether it must exist (it must when the config names it)."""
    if configured is None:
        return workspace / DEFAULT_CORRECTIONS, False
    return (configured if configured.is_absolute() else workspace / configured), True


def load_corrections(
    path: Path, *, required: bool = False, workspace: Path | None = None
) -> Corrections:
    """Read and validate the corrections file; none at all is an empty set unless ``required``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        if not required:
            return Corrections(path=path)
        raise CorrectionsError(f"{path}: corrections file not found (named in the config)") from e
    except (OSError, UnicodeDecodeError) as e:
        raise CorrectionsError(f"{path}: cannot read the corrections file: {e}") from e
    return parse_corrections(text, path, workspace=workspace)


def parse_corrections(text: str, path: Path, *, workspace: Path | None = None) -> Corrections:
    shown_file = Path(display_path(path))
    raw = parse_yaml(text, shown_file, error=CorrectionsError)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise CorrectionsError(
            f"{shown_file}: corrections must be a mapping with people, meetings, agreements, "
            "disagreements and proposals lists"
        )
    lines = _item_lines(text)
    try:
        corrections = Corrections.model_validate(raw)
    except ValidationError as e:
        raise CorrectionsError(_format_errors(shown_file, e, lines)) from e
    shown = path
    if workspace is not None:
        try:
            shown = path.resolve().relative_to(workspace.resolve())
        except ValueError:
            shown = Path(path.name)  # never put an absolute path of this machine in a brief
    return corrections.model_copy(
        update={"path": path, "shown_path": shown.as_posix(), "lines": lines}
    )


def _item_lines(text: str) -> dict[str, int]:
    """``"meetings.2"`` -> the line its item starts on, from the YAML's node marks."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[f"{key.value}.{i}"] = item.start_mark.line + 1
    return lines


def _format_errors(path: Path, error: ValidationError, lines: dict[str, int]) -> str:
    """Every problem as ``file:line: key.path: message``, all at once."""
    out = []
    for problem in error.errors():
        loc = [str(part) for part in problem["loc"]]
        key = ".".join(loc) or "(top level)"
        line = lines.get(".".join(loc[:2]))
        where = f"{path}:{line}" if line else str(path)
        message = "unknown key" if problem["type"] == "extra_forbidden" else problem["msg"]
        out.append(f"{where}: {key}: {message}")
    return "\n".join(out)


# --- applying --------------------------------------------------------------------


@dataclass(frozen=True)
class Unmatched:
    """A correction that found nothing to correct (or could not be applied)."""

    where: str  # file:line
    key: str  # e.g. "meetings.2"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.key}: {self.message}"


@dataclass
class Applied:
    digest: Digest
    applied: int = 0
    unmatched: list[Unmatched] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


class _Names:
    """Whether two names are one person, by the digest's names and aliases."""

    def __init__(self, people: Iterable[Person]) -> None:
        self._canon: dict[str, set[str]] = {}
        for p in people:
            for form in [p.name, *p.aliases]:
                self._canon.setdefault(_norm(form), set()).add(_norm(p.name))

    def same(self, a: str, b: str) -> bool:
        na, nb = _norm(a), _norm(b)
        return na == nb or bool(self._canon.get(na, {na}) & self._canon.get(nb, {nb}))


def _contains(phrase: str | None, texts: Iterable[str | None]) -> bool:
    if not phrase:
        return True
    wanted = _norm(phrase)
    return any(wanted in _norm(t) for t in texts if t)


def _quotes(evidence: Sequence[Evidence]) -> list[str]:
    return [e.quote for e in evidence]


def _same_set(wanted: Sequence[str], have: Sequence[str], names: _Names) -> bool:
    return len(wanted) == len(have) and all(any(names.same(w, h) for h in have) for w in wanted)


def _has_all(wanted: Sequence[str], have: Sequence[str], names: _Names) -> bool:
    return all(any(names.same(w, h) for h in have) for w in wanted)


def _matcher(kind: str, match: Any, names: _Names) -> Callable[[Any], bool]:
    """A test for the facts of ``kind`` that ``match`` picks out."""
    if kind == "people":
        return lambda p: any(names.same(match.name, form) for form in [p.name, *p.aliases])
    if kind == "meetings":
        return lambda m: (
            _same_set(match.participants, m.participants, names)
            and (match.date is None or m.date == match.date)
            and (match.location is None or _norm(m.location or "") == _norm(match.location))
            and _contains(match.contains, [m.occasion, m.when, *_quotes(m.evidence)])
        )
    if kind == "agreements":
        return lambda a: (
            _has_all(match.parties, a.parties, names)
            and _contains(match.contains, [a.what, *_quotes(a.evidence)])
        )
    if kind == "disagreements":
        return lambda d: (
            _has_all(match.parties, d.parties, names)
            and _contains(
                match.contains,
                [d.topic, *(p.position for p in d.positions), *_quotes(d.evidence)],
            )
        )
    return lambda p: (
        (match.by is None or (p.by is not None and names.same(match.by, p.by)))
        and (_contains(match.contains, [p.what, *_quotes(p.evidence)]))
    )


def apply_corrections(digest: Digest, corrections: Corrections) -> Applied:
    """``digest`` with every correction applied; what matched nothing is in ``unmatched``."""
    if not len(corrections):
        return Applied(digest)
    facts: dict[str, list[Any]] = {kind: list(getattr(digest, kind)) for kind in KINDS}
    result = Applied(digest)
    source_ids = {s.id for s in digest.sources}
    cited: set[str] = set()
    for kind in KINDS:
        renames: dict[str, str] = {}
        for i, correction in enumerate(getattr(corrections, kind)):
            key = f"{kind}.{i}"
            names = _Names(facts["people"])
            outcome = _apply_one(kind, correction, facts, names, source_ids, renames)
            if outcome:
                result.unmatched.append(Unmatched(corrections.where(key), key, outcome))
            else:
                result.applied += 1
                if not correction.drop:
                    cited.add(_source_of(correction))
        if renames:
            _rename_everywhere(facts, renames)
    for problem in result.unmatched:
        log.warning("correction not applied: %s", problem)
    sources = list(digest.sources)
    for source_id, title in (
        (CORRECTIONS_SOURCE_ID, "Corrections made by hand"),
        (PUBLIC_CORRECTIONS_SOURCE_ID, "Corrections made by hand, public"),
    ):
        if source_id in cited and all(s.id != source_id for s in sources):
            sources.append(Source(id=source_id, title=title, path=corrections.shown_path))
    result.digest = digest.model_copy(update={"sources": sources, **facts})
    return result


def _source_of(correction: Any) -> str:
    return PUBLIC_CORRECTIONS_SOURCE_ID if correction.public else CORRECTIONS_SOURCE_ID


def _correction_evidence(correction: Any, default: str) -> Evidence:
    quote = correction.note or default
    return Evidence(source=_source_of(correction), quote=quote, start=0, end=len(quote))


def _apply_one(
    kind: str,
    correction: Any,
    facts: dict[str, list[Any]],
    names: _Names,
    source_ids: set[str],
    renames: dict[str, str],
) -> str | None:
    """Apply one correction in place; a message when it could not be."""
    items = facts[kind]
    if correction.add is not None:
        return _add(kind, correction, items, names, source_ids)
    hits = [i for i, fact in enumerate(items) if _matcher(kind, correction.match, names)(fact)]
    if not hits:
        return f"matches no {SECTION_RECORD[kind]} in this build; fix or remove it"
    if correction.drop:
        facts[kind] = [fact for i, fact in enumerate(items) if i not in set(hits)]
        return None
    changes = correction.fix.model_dump(exclude_unset=True)
    if not changes:
        return "fix sets no field"
    evidence = _correction_evidence(correction, "corrected by hand: " + ", ".join(changes))
    for i in hits:
        old = items[i]
        data = old.model_dump() | changes
        if kind == "people" and "name" in changes and _norm(changes["name"]) != _norm(old.name):
            renames[old.name] = changes["name"]
            if "aliases" not in changes and old.name not in data["aliases"]:
                data["aliases"] = [*data["aliases"], old.name]
        data["evidence"] = [*old.evidence, evidence]
        items[i] = type(old).model_validate(data)
    return None


def _add(
    kind: str, correction: Any, items: list[Any], names: _Names, source_ids: set[str]
) -> str | None:
    fact = correction.add
    if kind == "people" and any(
        names.same(form, p.name) for p in items for form in [fact.name, *fact.aliases]
    ):
        return f"{fact.name!r} is already in the digest; use match and fix instead of add"
    for j, e in enumerate(fact.evidence):
        if e.source not in source_ids:
            return (
                f"add.evidence.{j}.source: {e.source!r} is not a source of this build;"
                " correct the id (see the digest's sources) or remove the evidence"
            )
    evidence = [*fact.evidence, _correction_evidence(correction, "added by hand")]
    items.append(fact.model_copy(update={"evidence": evidence}))
    return None


def without_dropped(digest: Digest, corrections: Corrections) -> Digest:
    """``digest`` less the facts the ``drop`` corrections match, silently.

    For comparing a previous digest with this build's: a fact a person drops
    is their decision, not news, so "Since the last brief" must not report it
    as no longer reported. Matching is as in ``apply_corrections``.
    """
    facts: dict[str, list[Any]] = {kind: list(getattr(digest, kind)) for kind in KINDS}
    for kind in KINDS:
        for correction in getattr(corrections, kind):
            if correction.drop:
                match = _matcher(kind, correction.match, _Names(facts["people"]))
                facts[kind] = [fact for fact in facts[kind] if not match(fact)]
    return digest.model_copy(update=facts)


def _rename_everywhere(facts: dict[str, list[Any]], renames: dict[str, str]) -> None:
    """A person's corrected name replaces the old one in every fact that names them."""

    def new(name: str | None) -> str | None:
        return renames.get(name, name) if name is not None else None

    for kind in ("meetings", "agreements", "disagreements"):
        field_name = "participants" if kind == "meetings" else "parties"
        for i, fact in enumerate(facts[kind]):
            update: dict[str, Any] = {field_name: [new(n) for n in getattr(fact, field_name)]}
            if kind == "disagreements":
                update["positions"] = [
                    p.model_copy(update={"party": new(p.party)}) for p in fact.positions
                ]
            facts[kind][i] = fact.model_copy(update=update)
    facts["proposals"] = [p.model_copy(update={"by": new(p.by)}) for p in facts["proposals"]]
