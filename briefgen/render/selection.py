"""What one audience's brief holds: the facts it shows, grouped by event, ranked, summed up.

Everything here is derived from the digest by fixed rules, so the same digest
and options give the same brief, and no sentence of a brief is written by
hand:

* **Events.** An agreement, disagreement or proposal that came out of a
  meeting (its ``meeting:`` link, see ``briefgen.extract.events``) is shown under
  that meeting; the rest stand in their own sections.
* **Importance.** Items are ranked by, in order: who they involve (how many
  of the brief's focus parties: ``brief.focus`` in the config, or without it
  the ``TOP_PARTIES`` parties most present in the sources, a person counting
  for their state or organisation too); their kind (a meeting, then a
  disagreement, an agreement, a proposal); how many sources state them (a
  meeting with its outcomes' sources); how recent they are; then digest
  order. Limits keep the most important items of a section and print them
  in digest order (so meetings stay in the order the digest tells them).
* **Key points.** The most important events, each one sentence built from
  its fields (``briefgen.render.sentences``): a meeting with what came out
  of it, or an outcome on its own.
* **Dates.** A meeting the text dates by a relative word ("Sunday",
  "yesterday") is dated against its source's publication date, when the
  digest has it (``resolve_when``).
* **Timeline.** The meetings, the events of a brief: each on its date (its
  own or resolved), or, when there is none, on the date of the earliest
  source that reports it, marked as reported.
* **Sources.** Corrections made by hand are cited like a source but never
  counted as one, and under ``sourced_only`` a fact must be stated by an
  article (or by a correction marked ``public: true``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from briefgen.model import (
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Proposal,
    is_hand_source,
)
from briefgen.render.labels import Labels
from briefgen.render.sentences import (
    CLAUSE_CHARS,
    event_sentence,
    meeting_clause,
    outcome_clause,
    sentence,
)

FactKind = Literal["meeting", "agreement", "disagreement", "proposal"]
Fact = Meeting | Agreement | Disagreement | Proposal
Outcome = Agreement | Disagreement | Proposal
T = TypeVar("T")
# Without brief.focus, the brief is about this many of the most present parties.
TOP_PARTIES = 2
# A correction marked `public: true` cites this source (briefgen.digest.corrections): a
# press brief may show its fact. Kept here so rendering imports no corrections code.
PUBLIC_CORRECTIONS_SOURCE_ID = "briefgen:corrections-public"
_KIND_ORDER: dict[FactKind, int] = {"meeting": 0, "disagreement": 1, "agreement": 2, "proposal": 3}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class KeyPoint:
    """One key point: an event summed up in a sentence, with its citation numbers.

    ``text`` is plain text made of article words: escape it like any digest string.
    """

    kind: FactKind
    text: str
    citations: tuple[int, ...]


@dataclass(frozen=True)
class TimelineEvent:
    """A dated entry of the timeline.

    ``reported`` is true when the date is that of the earliest source
    reporting the fact, not a date the text gives for the fact itself.
    """

    date: dt.date
    kind: FactKind
    text: str
    reported: bool
    citations: tuple[int, ...]


@dataclass(frozen=True)
class Outcomes:
    """What came out of one meeting, each kind in digest order."""

    agreements: tuple[Agreement, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    proposals: tuple[Proposal, ...] = ()

    def all(self) -> tuple[Outcome, ...]:
        return (*self.agreements, *self.disagreements, *self.proposals)

    def __bool__(self) -> bool:
        return bool(self.agreements or self.disagreements or self.proposals)


@dataclass(frozen=True)
class Selection:
    """The facts an audience sees, and how many of each section its limits left out.

    ``agreements``, ``disagreements`` and ``proposals`` are the ones that stand
    by themselves; ``outcomes[i]`` and ``dates[i]`` belong to ``meetings[i]``.
    """

    people: tuple[Person, ...]
    meetings: tuple[Meeting, ...]
    agreements: tuple[Agreement, ...]
    disagreements: tuple[Disagreement, ...]
    proposals: tuple[Proposal, ...]
    omitted: dict[str, int]
    outcomes: tuple[Outcomes, ...] = ()
    dates: tuple[dt.date | None, ...] = ()
    linked: dict[str, int] = field(default_factory=dict)
    """Section -> how many of its facts are shown under their meetings instead."""


def _norm(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


def resolve_when(when: str | None, published: dt.date | None) -> dt.date | None:
    """The date a relative ``when`` names, counted from the source's ``published`` date.

    "Sunday" is the last Sunday on or before it; "yesterday" the day before;
    "today" the day itself. Anything vaguer ("last month") stays undated.
    """
    if not when or published is None:
        return None
    words = _norm(when).removeprefix("on ").removeprefix("last ").split()
    if len(words) != 1:
        return None
    word = words[0]
    if word in _WEEKDAYS:
        back = (published.weekday() - _WEEKDAYS.index(word)) % 7
        return published - dt.timedelta(days=back)
    return {"today": published, "yesterday": published - dt.timedelta(days=1)}.get(word)


def meeting_date(meeting: Meeting, published: Mapping[str, dt.date]) -> dt.date | None:
    """The meeting's date: its own, or its ``when`` resolved against a source that says it."""
    if meeting.date is not None:
        return meeting.date
    if not meeting.when:
        return None
    saying = [e for e in meeting.evidence if meeting.when.casefold() in e.quote.casefold()]
    for e in [*saying, *meeting.evidence]:
        resolved = resolve_when(meeting.when, published.get(e.source))
        if resolved is not None:
            return resolved
    return None


def _parties(fact: Fact | Person) -> list[str]:
    if isinstance(fact, Person):
        return [fact.name]
    if isinstance(fact, Meeting):
        return list(fact.participants)
    if isinstance(fact, Proposal):
        return [fact.by] if fact.by else []
    return list(fact.parties)


class Importance:
    """The ranking in the module doc, for one digest and focus."""

    def __init__(
        self,
        digest: Digest,
        *,
        focus: Sequence[str],
        published: Mapping[str, dt.date],
    ) -> None:
        self._canon: dict[str, str] = {}
        self._side: dict[str, str] = {}
        for person in digest.people:
            for form in [person.name, *person.aliases]:
                self._canon[_norm(form)] = _norm(person.name)
            if person.affiliation:
                self._side[_norm(person.name)] = _norm(person.affiliation)
        self._published = published
        self.focus = (
            frozenset(self.canonical(f) for f in focus) if focus else self._most_present(digest)
        )

    def canonical(self, name: str) -> str:
        key = _norm(name)
        return self._canon.get(key, key)

    def involved(self, fact: Fact | Person) -> set[str]:
        """Everyone ``fact`` is about, and the states or organisations they belong to."""
        names = {self.canonical(n) for n in _parties(fact)}
        return names | {self._side[n] for n in names if n in self._side}

    def _most_present(self, digest: Digest) -> frozenset[str]:
        sources: dict[str, set[str]] = {}
        facts: Counter[str] = Counter()
        every: list[Fact | Person] = [
            *digest.people,
            *digest.meetings,
            *digest.agreements,
            *digest.disagreements,
            *digest.proposals,
        ]
        for fact in every:
            for name in {self.canonical(n) for n in _parties(fact)}:
                sources.setdefault(name, set()).update(
                    e.source for e in fact.evidence if not is_hand_source(e.source)
                )
                facts[name] += 1
        ranked = sorted(sources, key=lambda n: (-len(sources[n]), -facts[n], n))
        return frozenset(ranked[:TOP_PARTIES])

    def key(
        self,
        kind: FactKind | Literal["person"],
        index: int,
        fact: Fact | Person,
        *,
        evidence: Sequence[Evidence] = (),
        date: dt.date | None = None,
    ) -> tuple[int, ...]:
        """Sort key, most important first; ``evidence`` adds an event's outcomes' evidence."""
        every = [*fact.evidence, *evidence]
        sources = {e.source for e in every if not is_hand_source(e.source)}
        dates = [self._published[s] for s in sources if s in self._published]
        when = date or (max(dates) if dates else None)
        order = -1 if kind == "person" else _KIND_ORDER[kind]
        return (
            -len(self.involved(fact) & self.focus),
            order,
            -len(sources),
            -(when.toordinal() if when else 0),
            -len(every),
            index,
        )


def stated_by_a_source(evidence: Iterable[Evidence]) -> bool:
    """Whether an article (or a correction marked public) states the fact."""
    return any(
        not is_hand_source(e.source) or e.source == PUBLIC_CORRECTIONS_SOURCE_ID for e in evidence
    )


def select(
    digest: Digest,
    *,
    limits: Mapping[str, int],
    sourced_only: bool,
    focus: Sequence[str] = (),
) -> tuple[Selection, Importance]:
    """Each section's facts for an audience: unsourced ones dropped if asked, grouped, limited."""
    published = {s.id: s.published for s in digest.sources if s.published is not None}
    dates = {i: meeting_date(m, published) for i, m in enumerate(digest.meetings)}
    importance = Importance(digest, focus=focus, published=published)
    omitted: dict[str, int] = {}

    def shown(fact: Fact | Person) -> bool:
        return stated_by_a_source(fact.evidence) or not sourced_only

    def limit(section: str, ranked: list[tuple[tuple[int, ...], int, T]]) -> list[tuple[int, T]]:
        """The ``cap`` most important (first by key), back in digest order."""
        cap = limits.get(section)
        if cap is not None and len(ranked) > cap:
            omitted[section] = len(ranked) - cap
            ranked = sorted(ranked, key=lambda item: item[0])[:cap]
        return sorted(((i, f) for _, i, f in ranked), key=lambda pair: pair[0])

    # Meetings first: an outcome goes under its meeting only if the meeting is shown.
    meetings = [(i, m) for i, m in enumerate(digest.meetings) if shown(m)]
    by_meeting: dict[int, list[tuple[FactKind, Outcome]]] = {}
    loose: dict[str, list[tuple[int, Outcome]]] = {
        "agreements": [],
        "disagreements": [],
        "proposals": [],
    }
    kinds: list[tuple[FactKind, str, Sequence[Outcome]]] = [
        ("agreement", "agreements", digest.agreements),
        ("disagreement", "disagreements", digest.disagreements),
        ("proposal", "proposals", digest.proposals),
    ]
    candidate = {i for i, _ in meetings}
    for kind, section, facts in kinds:
        for i, fact in enumerate(facts):
            if not shown(fact):
                continue
            if fact.meeting is not None and fact.meeting in candidate:
                by_meeting.setdefault(fact.meeting, []).append((kind, fact))
            else:
                loose[section].append((i, fact))

    def event_evidence(index: int) -> list[Evidence]:
        return [e for _, o in by_meeting.get(index, []) for e in o.evidence]

    kept_meetings = limit(
        "meetings",
        [
            (importance.key("meeting", i, m, evidence=event_evidence(i), date=dates[i]), i, m)
            for i, m in meetings
        ],
    )
    kept = {i for i, _ in kept_meetings}
    # Outcomes of a meeting the limit left out stand by themselves.
    for index, items in sorted(by_meeting.items()):
        if index not in kept:
            for kind, fact in items:
                section = kind + "s"
                position = next(j for j, f in enumerate(getattr(digest, section)) if f is fact)
                loose[section].append((position, fact))
    for section in loose:
        loose[section].sort(key=lambda pair: pair[0])

    def standalone(kind: FactKind, section: str) -> list[tuple[int, Outcome]]:
        return limit(section, [(importance.key(kind, i, f), i, f) for i, f in loose[section]])

    people = limit(
        "people",
        [(importance.key("person", i, p), i, p) for i, p in enumerate(digest.people) if shown(p)],
    )
    alone_agreements = standalone("agreement", "agreements")
    alone_disagreements = standalone("disagreement", "disagreements")
    alone_proposals = standalone("proposal", "proposals")

    def under(index: int, kind: FactKind, section: str) -> tuple[Any, ...]:
        """A meeting's outcomes of one kind; the section's limit applies under each meeting."""
        items = [(j, f) for j, (k, f) in enumerate(by_meeting.get(index, [])) if k == kind]
        cap = limits.get(section)
        if cap is not None and len(items) > cap:
            omitted[section] = omitted.get(section, 0) + len(items) - cap
            ranked = sorted(items, key=lambda pair: importance.key(kind, pair[0], pair[1]))
            items = sorted(ranked[:cap], key=lambda pair: pair[0])
        return tuple(f for _, f in items)

    outcomes = tuple(
        Outcomes(
            agreements=under(i, "agreement", "agreements"),
            disagreements=under(i, "disagreement", "disagreements"),
            proposals=under(i, "proposal", "proposals"),
        )
        for i, _ in kept_meetings
    )
    selection = Selection(
        people=tuple(p for _, p in people),
        meetings=tuple(m for _, m in kept_meetings),
        agreements=tuple(f for _, f in alone_agreements),  # type: ignore[misc]
        disagreements=tuple(f for _, f in alone_disagreements),  # type: ignore[misc]
        proposals=tuple(f for _, f in alone_proposals),  # type: ignore[misc]
        omitted=omitted,
        outcomes=outcomes,
        dates=tuple(dates[i] for i, _ in kept_meetings),
        linked={
            section: n
            for section in ("agreements", "disagreements", "proposals")
            if (n := sum(len(getattr(o, section)) for o in outcomes))
        },
    )
    return selection, importance


def _citations(evidence: Iterable[Evidence], numbers: Mapping[str, int]) -> tuple[int, ...]:
    return tuple(sorted({numbers[e.source] for e in evidence}))


def _ranked_outcomes(outcomes: Outcomes, importance: Importance) -> list[Outcome]:
    kinds: dict[type, FactKind] = {
        Agreement: "agreement",
        Disagreement: "disagreement",
        Proposal: "proposal",
    }
    items = list(enumerate(outcomes.all()))
    items.sort(key=lambda pair: importance.key(kinds[type(pair[1])], pair[0], pair[1]))
    return [f for _, f in items]


def key_points(
    selection: Selection,
    importance: Importance,
    numbers: Mapping[str, int],
    labels: Labels,
    date_format: str,
    *,
    limit: int | None,
    width: int = CLAUSE_CHARS,
) -> tuple[KeyPoint, ...]:
    """The most important events the brief shows, one sentence each.

    Each clause quotes at most ``width`` characters of article text.
    """
    events: list[tuple[tuple[int, ...], KeyPoint]] = []
    for i, (meeting, outcomes, date) in enumerate(
        zip(selection.meetings, selection.outcomes, selection.dates, strict=True)
    ):
        ranked = _ranked_outcomes(outcomes, importance)
        evidence = [e for o in ranked for e in o.evidence]
        text = event_sentence(meeting, ranked, labels, date_format, date=date, width=width)
        # A meeting only planned, with nothing yet to show for it, is a plan:
        # "A and B will meet." leads no brief.
        kind: FactKind = "proposal" if meeting.status == "planned" and not ranked else "meeting"
        key = importance.key(kind, i, meeting, evidence=evidence, date=date)
        events.append(
            (key, KeyPoint("meeting", text, _citations([*meeting.evidence, *evidence], numbers)))
        )
    loose: list[tuple[FactKind, Sequence[Outcome]]] = [
        ("agreement", selection.agreements),
        ("disagreement", selection.disagreements),
        ("proposal", selection.proposals),
    ]
    for kind, facts in loose:
        for i, fact in enumerate(facts):
            text = sentence([outcome_clause(fact, labels, width=width)], labels)
            point = KeyPoint(kind, text, _citations(fact.evidence, numbers))
            events.append((importance.key(kind, i, fact), point))
    events.sort(key=lambda pair: pair[0])
    points = [point for _, point in events]
    return tuple(points if limit is None else _spread(points, limit))


def _spread(points: list[KeyPoint], limit: int) -> list[KeyPoint]:
    """The ``limit`` most important of ``points`` (in order of importance), taking
    each source's best before any source's second: a joint statement of twenty
    commitments does not fill the key points of a brief of seven sources."""
    seen: dict[int | None, int] = {}
    rounds = []
    for point in points:
        source = point.citations[0] if point.citations else None
        rounds.append(seen.get(source, 0))
        seen[source] = rounds[-1] + 1
    chosen = sorted(range(len(points)), key=lambda i: (rounds[i], i))[:limit]
    return [points[i] for i in sorted(chosen)]


def timeline(
    selection: Selection,
    published: Mapping[str, dt.date],
    numbers: Mapping[str, int],
    labels: Labels,
    date_format: str,
    *,
    limit: int | None = None,
) -> tuple[TimelineEvent, ...]:
    """Meetings by date, oldest first; one with no date of its own at its first report.

    With ``limit``, the most-cited events are kept (still oldest first).
    """
    events: list[tuple[tuple[int, ...], TimelineEvent]] = []
    for index, (fact, own) in enumerate(zip(selection.meetings, selection.dates, strict=True)):
        if own is not None:
            date, reported = own, False
        else:
            dates = [published[e.source] for e in fact.evidence if e.source in published]
            if not dates:
                continue
            date, reported = min(dates), True
        text = sentence([meeting_clause(fact, labels, date_format, date=None)], labels)
        event = TimelineEvent(date, "meeting", text, reported, _citations(fact.evidence, numbers))
        events.append(((date.toordinal(), int(reported), index), event))
    if limit is not None and len(events) > limit:
        by_rank = sorted(events, key=lambda pair: (-len(pair[1].citations), pair[0]))
        events = by_rank[:limit]
    return tuple(event for _, event in sorted(events, key=lambda pair: pair[0]))
