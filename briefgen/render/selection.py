"""What one audience's brief holds: the facts it shows, its key points and its timeline.

Everything here is derived from the digest by fixed rules, so the same digest
and options give the same brief, and no sentence of a brief is written by
hand:

* **Rank.** A fact matters more the more sources state it; ties go to the
  one with more quotes, then to the digest's order. Limits keep the highest
  ranked items of a section and print them in the digest's order (so
  meetings stay in the order the digest tells them).
* **Key points.** The highest ranked meeting, agreement, disagreement and
  proposal first (so a principal sees each kind of news), then the next
  highest ranked facts of any kind, each summed up in one line from its own fields through the
  audience's labels ("Chung Eui-yong and Antony Blinken met in Paris on 5
  October 2021").
* **Timeline.** The meetings, the events of a brief: each on its date, or,
  when the text gives none, on the date of the earliest source that reports
  it, marked as reported (the meeting may be older than the report).
  Agreements, disagreements and proposals are outcomes of meetings rather
  than dated events; dated by their reports they filled the timeline with
  one day's news, so they stay in their own sections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from briefgen.model import Agreement, Digest, Disagreement, Evidence, Meeting, Person, Proposal
from briefgen.render.filters import join_names, shorten
from briefgen.render.labels import Labels, format_date

FactKind = Literal["meeting", "agreement", "disagreement", "proposal"]
Fact = Meeting | Agreement | Disagreement | Proposal
F = TypeVar("F", Person, Meeting, Agreement, Disagreement, Proposal)
# A key point is one line: longer fact texts are cut at a word.
KEY_POINT_CHARS = 160


@dataclass(frozen=True)
class KeyPoint:
    """One line of the key points: a fact summed up, with its citation numbers.

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
class Selection:
    """The facts an audience sees, and how many of each section its limits left out."""

    people: tuple[Person, ...]
    meetings: tuple[Meeting, ...]
    agreements: tuple[Agreement, ...]
    disagreements: tuple[Disagreement, ...]
    proposals: tuple[Proposal, ...]
    omitted: dict[str, int]


def rank_key(numbers: Mapping[str, int]) -> Callable[[tuple[int, Fact | Person]], tuple[int, ...]]:
    """Sort key for ``(digest index, fact)``: most sources, then most quotes, then first."""

    def key(item: tuple[int, Fact | Person]) -> tuple[int, ...]:
        index, fact = item
        sources = {numbers[e.source] for e in fact.evidence}
        return (-len(sources), -len(fact.evidence), index)

    return key


def select(
    digest: Digest,
    numbers: Mapping[str, int],
    *,
    limits: Mapping[str, int],
    sourced_only: bool,
) -> Selection:
    """Each section's facts for an audience: unsourced ones dropped if asked, then limited."""
    omitted: dict[str, int] = {}

    def pick(section: str, facts: Sequence[F]) -> tuple[F, ...]:
        indexed = [(i, f) for i, f in enumerate(facts) if f.evidence or not sourced_only]
        limit = limits.get(section)
        if limit is not None and len(indexed) > limit:
            omitted[section] = len(indexed) - limit
            indexed = sorted(sorted(indexed, key=rank_key(numbers))[:limit])
        return tuple(f for _, f in indexed)

    return Selection(
        people=pick("people", digest.people),
        meetings=pick("meetings", digest.meetings),
        agreements=pick("agreements", digest.agreements),
        disagreements=pick("disagreements", digest.disagreements),
        proposals=pick("proposals", digest.proposals),
        omitted=omitted,
    )


def _citations(evidence: Sequence[Evidence], numbers: Mapping[str, int]) -> tuple[int, ...]:
    return tuple(sorted({numbers[e.source] for e in evidence}))


def summarize(
    kind: FactKind, fact: Fact, labels: Labels, date_format: str, *, with_date: bool = True
) -> str:
    """One line, in the labels' words, that says what ``fact`` is."""

    def names(values: Sequence[str]) -> str:
        return join_names(values, labels.and_, serial=labels.lang.startswith("en"))

    if isinstance(fact, Meeting):
        place = labels.meeting_place.format(location=fact.location) if fact.location else ""
        date = (
            labels.meeting_date.format(date=format_date(fact.date, date_format, labels))
            if fact.date and with_date
            else ""
        )
        return labels.meeting_summary.format(
            participants=names(fact.participants), place=place, date=date
        )
    if isinstance(fact, Agreement):
        what = shorten(fact.what, KEY_POINT_CHARS)
        return labels.agreement_summary.format(parties=names(fact.parties), what=what)
    if isinstance(fact, Disagreement):
        if fact.topic:
            topic = shorten(fact.topic, KEY_POINT_CHARS)
            return labels.disagreement_summary.format(parties=names(fact.parties), topic=topic)
        return labels.disagreement_no_topic.format(parties=names(fact.parties))
    what = shorten(fact.what, KEY_POINT_CHARS)
    return labels.proposal_summary.format(by=fact.by or labels.unattributed, what=what)


def _facts(selection: Selection) -> list[tuple[FactKind, int, Fact]]:
    kinds: list[tuple[FactKind, Sequence[Fact]]] = [
        ("meeting", selection.meetings),
        ("agreement", selection.agreements),
        ("disagreement", selection.disagreements),
        ("proposal", selection.proposals),
    ]
    return [(kind, i, fact) for kind, facts in kinds for i, fact in enumerate(facts)]


_KIND_ORDER: dict[FactKind, int] = {"meeting": 0, "agreement": 1, "disagreement": 2, "proposal": 3}


def key_points(
    selection: Selection,
    numbers: Mapping[str, int],
    labels: Labels,
    date_format: str,
    *,
    limit: int | None,
) -> tuple[KeyPoint, ...]:
    """The most-cited facts the brief shows, one line each: the best of each kind first."""

    def rank(item: tuple[FactKind, int, Fact]) -> tuple[int, ...]:
        kind, index, fact = item
        sources = {numbers[e.source] for e in fact.evidence}
        return (-len(sources), -len(fact.evidence), _KIND_ORDER[kind], index)

    ranked = sorted(_facts(selection), key=rank)
    leaders: dict[FactKind, tuple[FactKind, int, Fact]] = {}
    for item in ranked:
        leaders.setdefault(item[0], item)
    firsts = list(leaders.values())
    ranked = firsts + [item for item in ranked if item not in firsts]
    if limit is not None:
        ranked = ranked[:limit]
    return tuple(
        KeyPoint(
            kind, summarize(kind, fact, labels, date_format), _citations(fact.evidence, numbers)
        )
        for kind, _, fact in ranked
    )


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
    for index, fact in enumerate(selection.meetings):
        kind: FactKind = "meeting"
        if fact.date is not None:
            date, reported = fact.date, False
        else:
            dates = [published[e.source] for e in fact.evidence if e.source in published]
            if not dates:
                continue
            date, reported = min(dates), True
        text = summarize(kind, fact, labels, date_format, with_date=False)
        event = TimelineEvent(date, kind, text, reported, _citations(fact.evidence, numbers))
        events.append(((date.toordinal(), int(reported), _KIND_ORDER[kind], index), event))
    if limit is not None and len(events) > limit:
        by_rank = sorted(events, key=lambda pair: (-len(pair[1].citations), pair[0]))
        events = by_rank[:limit]
    return tuple(event for _, event in sorted(events, key=lambda pair: pair[0]))
