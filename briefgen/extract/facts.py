"""Facts sentence by sentence: meetings, agreements, disagreements, proposals.

Each article is read in order with a little memory of what came before: who
the last subject was (for "He", "the minister") and who the last group was
(for "the two sides", "they"). A sentence yields a fact when a trigger word of
that kind meets the parties the grammar of news asks for:

- a meeting needs two or more people, named or recalled;
- an agreement needs a plural subject, since one side alone cannot agree;
- a disagreement needs two parties, people or states;
- a proposal needs an author.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field

import regex

from briefgen.extract.dates import resolve_when
from briefgen.extract.gazetteer import gazetteer
from briefgen.model import Article, Span

_SPEECH_AFTER = regex.compile(
    r"^(?:,\s*[^,]{0,80},)?\s+(?:said|says|told|added|noted|stated|wrote|explained|"
    r"was quoted|recalled)\b"
)
_SPEECH_BEFORE = regex.compile(r"(?:\b(?:said|says|told)\s+|\baccording to\s+(?:\w+\s+){0,3})$")
_CLAUSE_END = regex.compile(r"^\s*(?:[,.;]|$)")
_MEETING = regex.compile(
    r"\b(?:met|meet|meets|meeting with|(?:in|during) (?:his|her|their) talks with"
    r"|sat down with|spoke (?:with|to|by phone|by telephone|today with)|call with"
    r"|held (?:a |an |the )?(?:[\w-]+ ){0,2}?"
    r"(?:meeting|talks|call|consultations|conversation|summit)"
    r"|had (?:a |an )?(?:[\w-]+ ){0,2}?(?:meeting|call|talks|conversation)|hosted"
    r"|called(?= \p{Lu})|welcomed(?=[^.;]{1,80}? to (?:the )?\p{Lu})"
    r"|(?:talks|discussions|consultations|meetings?) (?:held )?(?:in \p{Lu}[\w-]+ )?between)\b",
    regex.IGNORECASE,
)
_MEETING_NOUN = regex.compile(r"\b(?:talks|meeting|summit|call|consultations)\b")
_PLACE = regex.compile(
    r"\b(?:in|at|to)\s+(?P<place>\p{Lu}[\p{L}\-.']+(?:\s+\p{Lu}[\p{L}\-.']+){0,2})"
)
_OCCASION = regex.compile(
    r"\b(?:on the (?:margins|sidelines) of|during|ahead of|on the occasion of)\s+"
    r"(?P<occasion>(?:the|a|an|his|her|their)\s+[^,.;]+?"
    # a list of names in it: "the Summit of the United States and Egypt, Iraq, and Jordan"
    r"(?:(?:,\s+\p{Lu}[\w'-]*(?:\s+\p{Lu}[\w'-]*)*)*,\s+and\s+\p{Lu}[\w'-]*(?:\s+\p{Lu}[\w'-]*)*)?)"
    r"(?=\s+(?:in|to|on|amid|with|last|this|when|where|which)\b|[,.;]|$)"
)
# What a meeting held "ahead of" is its occasion only when it is a gathering: "ahead of
# the NATO summit", not "ahead of a series of referendums".
_GATHERING = regex.compile(
    r"\b(?:summit|meeting|talks|conference|session|forum|assembly|council|visit|ministerial"
    r"|ceremony|celebration|reception|dinner|gathering|funeral|inauguration|G\d+|U\.?)\b",
    regex.IGNORECASE,
)


def occasion_in(text: str) -> str | None:
    """The occasion a sentence gives its meeting: "on the margins of the G20 summit"."""
    found = _OCCASION.search(text)
    if found is None:
        return None
    if found.group().lower().startswith("ahead of") and not _GATHERING.search(found["occasion"]):
        return None
    return found["occasion"]


_DURATION = regex.compile(
    r"\b(?:for|lasting)\s+(?:about|around|nearly|almost|more than|over|roughly)?\s*"
    r"(?:an?|one|two|three|half an|\d+)\s+(?:hours?|minutes)\b"
)
_CALL = regex.compile(
    r"\b(?:phone|telephone|spoke by|call with|(?:a|the|first|his|her|their)\s+(?:\w+\s+)?call)\b"
    r"|\b(?-i:called)(?= \p{Lu})",
    regex.IGNORECASE,
)
_VIRTUAL = regex.compile(r"\bvirtual(?:ly)?\b|video ?conference|videoconference|video call")
# "Seoul's proposal", "Japan's historic $1.08 billion pledge".
# Patterns anchored at a position ("$" at an entity or trigger) are searched
# only this far back: searching the whole sentence before each entity is
# quadratic in a run-on sentence, and no match is longer.
_LOOK_BACK = 300
_POSSESSOR = regex.compile(r"(?P<who>\S+(?:\s+\S+){0,3})['’]s\s+(?:\S+\s+){0,3}$")
_ATTRIBUTION_TAIL = regex.compile(
    r",?\s+(?:the\s+\w+\s+)?(?:\w+\s+){0,3}(?:said|says|added|noted)(?:\s+in\s+[^.]*)?\.?$|"
    r",?\s+according to [^.]*\.?$"
)
_CLAUSE_START = regex.compile(r"(?:[,;:]|\bthat\b)\s*(?:(?:and|but|while|with|as)\b\s*)?")
_INSTEAD = regex.compile(r"\b(?:instead|insisting|stressing|arguing)\b\s+(?P<pos>[^.;]+)")
# A meeting verb right before "in"/"to": what follows is the venue, even a small town.
_MET_IN = regex.compile(
    r"\b(?:met|meet|meets|talks|meeting|visit|visited|visits|travell?ed|arrived)"
    r"(?:\s+(?:today|yesterday|\w+day|earlier|again|there))?\s+(?:in|to)\s+$"
)
_VISIT = regex.compile(r"\b(?:visit|visits|visited|trip|travel|travels|traveled|travelled)\s+to\b")
_ALSO = regex.compile(r"\balso\b")
_BETWEEN = regex.compile(r"\bbetween\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)(?:\s+in\b|[,.;]|$)")


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or party named at characters ``start:end`` of the article."""

    start: int
    end: int
    name: str
    is_person: bool


@dataclass
class Fact:
    kind: str  # meeting, agreement, disagreement, proposal
    article: Article
    span: Span
    parties: list[str]
    what: str | None = None
    location: str | None = None
    date: dt.date | None = None
    when: str | None = None
    occasion: str | None = None
    format: str | None = None
    status: str = "held"  # or "planned": "will meet", "plans to visit"
    duration: str | None = None
    positions: dict[str, str] = field(default_factory=dict)
    extra_spans: list[Span] = field(default_factory=list)
    # Named in passing ("the discussions held in Reykjavik between A and B"),
    # not the sentence's own event: it does not become "the two sides".
    background: bool = False


@dataclass
class _Context:
    subject: str | None = None
    subjects: list[str] = field(default_factory=list)  # recent singular subjects, newest last
    group: list[str] = field(default_factory=list)
    pending: Fact | None = None
    last_meeting: Fact | None = None
    proposals: dict[str, str] = field(default_factory=dict)  # author -> their latest proposal


class ArticleReader:
    """Walks one article's sentences, turning entities and triggers into facts."""

    def __init__(
        self,
        article: Article,
        entities: list[Entity],
        roles: dict[str, str],
        places: Collection[str] = (),
    ) -> None:
        self.article = article
        # Places a trained model found in the article, beside the gazetteer's cities.
        self.places = frozenset(places) - gazetteer().countries
        self.entities = entities
        self.roles = roles
        gaz = gazetteer()
        self.triggers = gaz.triggers
        self.group_pattern = gaz.group_pattern
        self.recall_pattern = gaz.recall_pattern
        self.cities = gaz.cities
        self.towns = gaz.towns
        self.venues = gaz.venues
        self.venue_pattern = gaz.venue_pattern
        self.countries = gaz.countries
        self.party_of = gaz.party
        # Where each sentence starts: a sentence's number by bisection, since
        # an article (a 10 MB paste) may have a hundred thousand of them.
        self._sentence_starts = [s.start for s in article.sentences]

    def facts(self) -> list[Fact]:
        found: list[Fact] = []
        ctx = _Context()
        starts = [e.start for e in self.entities]  # sorted, as the entities are
        for span in self.article.sentences:
            text = self.article.text[span.start : span.end]
            here = [
                Entity(e.start - span.start, e.end - span.start, e.name, e.is_person)
                for e in self.entities[
                    bisect_left(starts, span.start) : bisect_left(starts, span.end)
                ]
            ]
            found.extend(self._sentence(span, text, here, ctx))
        return found

    def _sentence(self, span: Span, text: str, here: list[Entity], ctx: _Context) -> list[Fact]:
        actors = [e for e in here if not self._is_speaker(text, e)]
        people = _unique(e.name for e in actors if e.is_person)
        group = self._group(text, ctx)
        singular = self._singular(text, ctx)
        facts: list[Fact] = []

        meeting = self._meeting(span, text, people, group, singular, ctx)
        if meeting:
            facts.append(meeting)
        if m := self.triggers["agreement"].search(text):
            before = [e.name for e in actors if e.is_person and e.start < m.start()]
            parties = group if group and self.group_pattern.search(text[: m.start()]) else []
            if not parties and len(before) >= 2:
                parties = _unique(before)
            if not parties and "agree" in m.group().lower() and len(people) >= 2:
                parties = people
            if len(parties) >= 2:
                facts.append(Fact("agreement", self.article, span, parties, self._what(text, m)))
                ctx.group = parties
        if m := self.triggers["disagreement"].search(text):
            parties = self._disagreement_parties(text, actors, m, group, singular)
            if len(parties) >= 2:
                fact = Fact("disagreement", self.article, span, parties, self._what(text, m))
                if pos := _INSTEAD.search(text, m.end()):
                    fact.positions[parties[0]] = pos["pos"].strip()
                for party in parties[1:]:
                    if party in ctx.proposals:
                        fact.positions[party] = ctx.proposals[party]
                facts.append(fact)
        if m := self.triggers["proposal"].search(text):
            author = self._author(text, actors, m, singular)
            if author:
                what = self._what(text, m)
                facts.append(Fact("proposal", self.article, span, [author], what))
                ctx.proposals[author] = what

        self._remember(text, actors, people, singular, meeting, ctx)
        return facts

    def _meeting(
        self,
        span: Span,
        text: str,
        people: list[str],
        group: list[str],
        singular: str | None,
        ctx: _Context,
    ) -> Fact | None:
        verb = _MEETING.search(text)
        if not verb and not (group and _MEETING_NOUN.search(text)):
            return None
        participants = list(people)
        if singular and singular not in participants:
            participants.insert(0, singular)
        if len(participants) < 2 and group:
            participants = _unique([*group, *participants])
        fact = Fact("meeting", self.article, span, participants)
        fact.background = bool(verb and verb.group().lower().endswith("between"))
        fact.date, fact.when = resolve_when(text, self.article.published)
        fact.format = _format(text)
        fact.location = None if fact.format in ("call", "virtual") else self._place(text)
        fact.occasion = occasion_in(text)
        if dur := _DURATION.search(text):
            fact.duration = dur.group()
        if len(participants) < 2:
            # "The top diplomats of A and B met in Rome": keep where and when
            # for the next meeting that names them.
            if verb and (fact.location or fact.when):
                ctx.pending = fact
            return None
        previous = ctx.last_meeting
        if (
            fact.location is None
            and fact.format is None
            and previous is not None
            and previous.location
            and _ALSO.search(text)
            and self._near(previous.span, span)
        ):
            # "Meanwhile in Paris, A met B. ... He also met C.": the same trip.
            fact.location = previous.location
        if ctx.pending is not None:
            pending, ctx.pending = ctx.pending, None
            if self._near(pending.span, span):
                fact.location = fact.location or pending.location
                if fact.when is None:
                    fact.date, fact.when = pending.date, pending.when
                fact.extra_spans.append(pending.span)
        return fact

    def _group(self, text: str, ctx: _Context) -> list[str]:
        m = self.group_pattern.search(text)
        if not m:
            return []
        return ctx.group[:2] if regex.search(r"\btwo\b", m.group()) else ctx.group

    def _near(self, earlier: Span, later: Span) -> bool:
        starts = self._sentence_starts
        return bisect_left(starts, later.start) - bisect_left(starts, earlier.start) <= 2

    def _place(self, text: str) -> str | None:
        """The first city after in/at/to, else a known venue's place ("at the
        White House"); a country only as the end of a visit ("a visit to
        Qatar"), since "support to Ukraine" names no venue."""
        venue = self.venue_pattern.search(text)
        fallback = self.venues[venue["venue"]] if venue else None
        for m in _PLACE.finditer(text):
            words = m["place"].rstrip(".,").split()
            for n in range(len(words), 0, -1):
                candidate = " ".join(words[:n])
                if candidate in self.cities or candidate in self.places:
                    return candidate
                if candidate in self.towns and _MET_IN.search(text, 0, m.start() + 3):
                    return candidate
                if (
                    fallback is None
                    and candidate in self.countries
                    and _VISIT.search(text[max(0, m.start() - 30) : m.start() + 3])
                ):
                    fallback = candidate
        return fallback

    def _is_speaker(self, text: str, e: Entity) -> bool:
        """ "X said ...", "..., said X." and "according to X" name a source, not an actor."""
        if _SPEECH_AFTER.match(text[e.end :]):
            return True
        before = _SPEECH_BEFORE.search(text, max(0, e.start - _LOOK_BACK), e.start)
        return bool(
            before and (before.group().startswith("according") or _CLAUSE_END.match(text[e.end :]))
        )

    def _singular(self, text: str, ctx: _Context) -> str | None:
        m = self.recall_pattern.search(text)
        if not m:
            return None
        noun = m["noun"]
        if noun is None:
            return ctx.subject
        for name in reversed(ctx.subjects):
            if noun.lower() in (self.roles.get(name) or "").lower():
                return name
        return None

    def _disagreement_parties(
        self, text: str, actors: list[Entity], m: regex.Match[str], group: list[str],
        singular: str | None,
    ) -> list[str]:  # fmt: skip
        if between := _BETWEEN.search(text, m.end()):
            sides = [self._party_name(between["a"]), self._party_name(between["b"])]
            if all(sides):
                return _unique(s for s in sides if s)
        before = [e.name for e in actors if e.end <= m.start()]
        after = [e.name for e in actors if e.start >= m.end()]
        subject = before[-1] if before else (group[0] if group else singular)
        parties = [*group] if group and not before else ([subject] if subject else [])
        if after:
            parties.append(after[0])
        return _unique(parties)

    def _party_name(self, words: str) -> str | None:
        words = regex.sub(r"\s+(?:officials|governments?|authorities)$", "", words.strip())
        return self.party_of(words)

    def _author(
        self, text: str, actors: list[Entity], m: regex.Match[str], singular: str | None
    ) -> str | None:
        if poss := _POSSESSOR.search(text, max(0, m.start() - _LOOK_BACK), m.start()):
            owner = [e for e in actors if e.end == poss.end("who")]
            if owner:
                return owner[0].name
        # The subject of the clause that holds the trigger: in "A, with B
        # having called on C" B calls; in "The President thanked A and
        # pledged ..." nobody named in the clause does, and the sentence's
        # opening "The President" (or "He") is the author.
        before = [e for e in actors if e.end <= m.start()]
        clause = max((c.end() for c in _CLAUSE_START.finditer(text, 0, m.start())), default=0)
        in_clause = [e for e in before if e.start >= clause]
        if in_clause:
            return in_clause[0].name
        if singular and self.recall_pattern.match(text):
            return singular
        return before[-1].name if before else singular

    def _what(self, text: str, m: regex.Match[str]) -> str:
        what = _ATTRIBUTION_TAIL.sub("", text[m.start() :]).strip(' ,;."“”')
        return what or text

    def _remember(
        self,
        text: str,
        actors: list[Entity],
        people: list[str],
        singular: str | None,
        meeting: Fact | None,
        ctx: _Context,
    ) -> None:
        subject = next((e.name for e in actors if e.is_person), None) or singular
        if subject:
            ctx.subject = subject
            ctx.subjects = [*[s for s in ctx.subjects if s != subject], subject][-5:]
        if meeting and not meeting.background:
            ctx.group = meeting.parties
            ctx.last_meeting = meeting


def _format(text: str) -> str | None:
    if _VIRTUAL.search(text):
        return "virtual"
    if _CALL.search(text):
        return "call"
    if regex.search(r"\bin person\b", text):
        return "in person"
    return None


def _unique(names: object) -> list[str]:
    return list(dict.fromkeys(names))  # type: ignore[call-overload]
