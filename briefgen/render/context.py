"""The template context: everything a template may use, as one typed object.

Templates see the fields of ``BriefContext`` as top-level names, plus the
functions ``cite`` and ``show``. This is the contract between briefgen and
every user's template override (and the Word renderer, which reads the same
object): adding a field is safe, renaming or removing one breaks overrides,
so ``tests/test_render.py`` pins the field list against the list documented
in the README's Templates section.

Every field is plain data (dataclasses, tuples, the digest's pydantic
models), so a template or renderer needs nothing from briefgen to read it.

The numbering of sources lives here, not in the templates, so that every
format of a brief cites the same source with the same number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from pydantic import ConfigDict, Field

from briefgen import __version__
from briefgen.audiences import SECTIONS, AudienceSettings
from briefgen.digest.changes import Changes
from briefgen.errors import DigestError
from briefgen.model import (
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Notice,
    Person,
    Proposal,
    Source,
    is_hand_source,
)
from briefgen.render.labels import Labels, packaged_labels
from briefgen.render.outlets import outlet_name, web_url
from briefgen.render.selection import (
    KeyPoint,
    Outcomes,
    TimelineEvent,
    key_points,
    select,
    timeline,
)
from briefgen.render.sentences import CLAUSE_CHARS, outcome_clause, sentence


@dataclass(frozen=True)
class BriefInfo:
    """What the config says about the brief itself (not taken from any article)."""

    title: str
    subject: str | None = None
    date: dt.date | None = None
    audience: str = "analyst"
    marking: str | None = None
    focus: tuple[str, ...] = ()
    """``brief.focus``: the people, states or organisations the brief is about."""


class BriefOptions(AudienceSettings):
    """The audience's options as a brief sees them.

    Every option is declared once, in ``briefgen.audiences.AudienceSettings``;
    here the sections are in the order the templates print them and the
    template set is resolved (the audience's name when ``templates`` is unset).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    template_set: str = "analyst"
    date_format: str = Field(
        default="%-d %B %Y",
        description="resolved: the audience's own, or its language's (the labels')",
    )

    @classmethod
    def of(cls, name: str, settings: AudienceSettings) -> BriefOptions:
        return cls.model_validate(
            settings.model_dump()
            | {
                "sections": [s for s in SECTIONS if s in settings.sections],
                "template_set": settings.templates or name,
                # "": the labels' date_format, filled in when the labels are known
                "date_format": settings.date_format or "",
            }
        )


@dataclass(frozen=True)
class CitedSource:
    """A source with the number the brief cites it by: ``[number]``."""

    number: int
    source: Source


@dataclass(frozen=True)
class BriefContext:
    """The names a template can use.

    Attributes:
        info: title, subject, date, audience and marking, from the config.
        options: the audience's options (``BriefOptions``: every field of
            ``AudienceSettings``, and template_set).
        labels: the fixed words of the brief in the audience's language.
        digest: the whole digest, for what the fields below do not cover.
        sources: the digest's sources numbered 1..n in digest order.
        people, meetings, agreements, disagreements, proposals: the facts this
            audience sees, in digest order. Each (but a position) has ``evidence``.
        key_points: the most-cited facts, one line each (``KeyPoint``).
        timeline: dated events, oldest first (``TimelineEvent``).
        omitted: section -> how many items its limit left out.
        generator: what wrote the digest (extractor and version), or this
            briefgen when the digest does not say.
        version: the version of briefgen rendering the brief.
        citation_numbers: source id -> citation number.
        changes: what is new, removed or changed since the previous digest
            (``briefgen.digest.changes.Changes``), or None when there is none to
            compare with; the "Since the last brief" section shows it.
        inputs_skipped: the build's inputs that are not among the sources
            (``Notice`` of kind ``skipped`` or ``duplicate``: path and
            reason), shown under the sources; empty when rendering a digest.

    ``cite(evidence)`` turns a fact's evidence into the sorted, distinct
    citation numbers of its sources; ``show(section)`` says whether the
    audience's brief has that section.
    """

    info: BriefInfo
    options: BriefOptions
    labels: Labels
    digest: Digest
    sources: tuple[CitedSource, ...]
    people: tuple[Person, ...]
    meetings: tuple[Meeting, ...]
    agreements: tuple[Agreement, ...]
    disagreements: tuple[Disagreement, ...]
    proposals: tuple[Proposal, ...]
    key_points: tuple[KeyPoint, ...]
    timeline: tuple[TimelineEvent, ...]
    omitted: dict[str, int]
    generator: str
    version: str
    citation_numbers: dict[str, int]
    changes: Changes | None = None
    inputs_skipped: tuple[Notice, ...] = ()
    source_count: int = 0
    outcomes_by_meeting: tuple[Outcomes, ...] = ()
    meeting_dates: tuple[dt.date | None, ...] = ()
    linked: dict[str, int] = field(default_factory=dict)

    def cite(self, evidence: Iterable[Evidence]) -> list[int]:
        """The citation numbers of the sources ``evidence`` comes from, sorted."""
        return sorted({self.citation_numbers[e.source] for e in evidence})

    def outcomes(self, meeting: Meeting) -> Outcomes:
        """What came out of ``meeting`` (one of ``meetings``): shown under it."""
        for shown, outcomes in zip(self.meetings, self.outcomes_by_meeting, strict=False):
            if shown is meeting:
                return outcomes
        return Outcomes()

    def said(self, fact: Agreement | Disagreement | Proposal, meeting: Meeting) -> str:
        """An outcome of ``meeting`` as a sentence: "They agreed to ..." (plain text)."""
        clause = outcome_clause(
            fact, self.labels, participants=meeting.participants, width=self.options.truncate
        )
        return sentence([clause], self.labels)

    def when_words(self, meeting: Meeting) -> str | None:
        """The text's own words for a dated meeting's time, when they add something.

        "Tuesday" beside 5 October 2021 does; "today" does not (it is the
        article's day, not the reader's).
        """
        words = (meeting.when or "").strip()
        if not words or words.casefold() in _SAYS_NOTHING:
            return None
        return words

    def when(self, meeting: Meeting) -> dt.date | None:
        """``meeting``'s date: its own, or its relative ``when`` resolved against its source."""
        for shown, date in zip(self.meetings, self.meeting_dates, strict=False):
            if shown is meeting:
                return date
        return meeting.date

    def outlet(self, source: Source) -> str | None:
        """The outlet's name for ``source`` (metadata, else the table of known news hosts)."""
        return outlet_name(source)

    def web(self, url: str | None) -> str | None:
        """``url`` if it is an http(s) URL, else None: only those are shown or linked."""
        return web_url(url)

    def show(self, section: str) -> bool:
        """Whether this audience's brief has ``section`` (one of ``audiences.SECTIONS``)."""
        if section not in SECTIONS:
            raise ValueError(f"no section {section!r}: sections are {', '.join(SECTIONS)}")
        return section in self.options.sections

    def template_vars(self) -> dict[str, object]:
        """The context as Jinja gets it: every field, ``cite`` and ``show``."""
        names = {f.name: getattr(self, f.name) for f in fields(self)}
        return names | {
            "cite": self.cite,
            "show": self.show,
            "outcomes": self.outcomes,
            "when": self.when,
            "when_words": self.when_words,
            "said": self.said,
            "outlet": self.outlet,
            "web": self.web,
        }


def build_context(
    digest: Digest,
    info: BriefInfo,
    options: BriefOptions | None = None,
    labels: Labels | None = None,
    *,
    changes: Changes | None = None,
    notices: Sequence[Notice] = (),
) -> BriefContext:
    """The context for ``digest``; a dangling or ambiguous source id is an error.

    Rendering a fact whose evidence names an unknown source would print a
    claim without its citation, so a hand-edited digest with such a slip is
    refused here, with every bad reference named at once. ``notices`` are
    the build's warnings about its inputs; the brief lists the inputs they
    left out (skipped, or counted once as a duplicate).
    """
    options = options or BriefOptions()
    labels = labels or packaged_labels(options.language)
    if not options.date_format:  # the audience leaves it to its language
        options = options.model_copy(update={"date_format": labels.date_format})
    order = changes.previous_order if changes is not None else ()
    numbers = _number_sources(digest.sources, order)
    _check_evidence(digest, numbers)
    limits = {str(section): most for section, most in options.limits.items()}
    chosen, importance = select(
        digest, limits=limits, sourced_only=options.sourced_only, focus=info.focus
    )
    # The bottom line weighs every event, not only those the sections' limits keep.
    everything, _ = select(digest, limits={}, sourced_only=options.sourced_only, focus=info.focus)
    published = {s.id: s.published for s in digest.sources if s.published is not None}
    return BriefContext(
        info=info,
        options=options,
        labels=labels,
        digest=digest,
        sources=tuple(
            sorted((CitedSource(numbers[s.id], s) for s in digest.sources), key=lambda c: c.number)
        ),
        people=chosen.people,
        meetings=chosen.meetings,
        agreements=chosen.agreements,
        disagreements=chosen.disagreements,
        proposals=chosen.proposals,
        key_points=key_points(
            everything,
            importance,
            numbers,
            labels,
            options.date_format,
            limit=options.limits.get("key_points"),
            width=min(options.truncate or CLAUSE_CHARS, CLAUSE_CHARS),
        ),
        timeline=timeline(
            chosen,
            published,
            numbers,
            labels,
            options.date_format,
            limit=options.limits.get("timeline"),
        ),
        omitted=chosen.omitted,
        generator=digest.generator or f"briefgen {__version__}",
        version=__version__,
        citation_numbers=numbers,
        changes=changes,
        inputs_skipped=tuple(n for n in notices if n.left_out),
        source_count=sum(1 for s in digest.sources if not is_hand_source(s.id)),
        outcomes_by_meeting=chosen.outcomes,
        meeting_dates=chosen.dates,
        linked=chosen.linked,
    )


def _number_sources(sources: list[Source], previous: Sequence[str] = ()) -> dict[str, int]:
    """Source id -> citation number, stable between editions of a brief.

    Sources the previous digest had keep its order; new ones follow in digest
    order; corrections made by hand come last, after every article.
    """
    problems = []
    seen: dict[str, int] = {}
    for i, source in enumerate(sources):
        if source.id in seen:
            first = seen[source.id] + 1
            problems.append(f"sources.{i}.id: {source.id!r} is also the id of source {first}")
        else:
            seen[source.id] = i
    if problems:
        raise DigestError("\n".join(problems))
    rank = {source_id: i for i, source_id in enumerate(previous)}
    ordered = sorted(
        seen,
        key=lambda sid: (is_hand_source(sid), sid not in rank, rank.get(sid, 0), seen[sid]),
    )
    return {sid: n for n, sid in enumerate(ordered, start=1)}


# Relative words that, beside a date, say nothing to the brief's reader.
_SAYS_NOTHING = frozenset({"today", "yesterday", "tonight", "this morning", "this afternoon"})
_FACT_KINDS = ("people", "meetings", "agreements", "disagreements", "proposals")
_OUTCOME_KINDS = ("agreements", "disagreements", "proposals")


def _check_evidence(digest: Digest, numbers: dict[str, int]) -> None:
    problems = [
        f"{kind}.{i}.evidence.{j}.source: {e.source!r} is not the id of any source;"
        " add the source or correct the id"
        for kind in _FACT_KINDS
        for i, fact in enumerate(getattr(digest, kind))
        for j, e in enumerate(fact.evidence)
        if e.source not in numbers
    ]
    problems += [
        f"{kind}.{i}.meeting: {fact.meeting} is not the index of a meeting"
        f" (there are {len(digest.meetings)}, from 0); correct or remove it"
        for kind in _OUTCOME_KINDS
        for i, fact in enumerate(getattr(digest, kind))
        if fact.meeting is not None and fact.meeting >= len(digest.meetings)
    ]
    if problems:
        raise DigestError("\n".join(problems))
