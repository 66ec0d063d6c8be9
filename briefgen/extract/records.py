"""Building the digest's records from facts: shared by every extraction backend.

A backend finds ``Fact``s (each with its evidence spans) and people; the
facts that report the same thing are merged (``merge``) and each group
becomes one record here, with every sentence that supports it as evidence.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from briefgen.extract.bodies import as_sources_name, forms_in
from briefgen.extract.events import link_outcomes
from briefgen.extract.facts import Fact
from briefgen.extract.merge import (
    absorb_vague_meetings,
    fuller_groups,
    merge_facts,
    named_over_groups,
    participants,
    party_and_word,
    same_agreement,
    same_meeting,
    same_proposal,
    same_statement,
)
from briefgen.extract.people import People
from briefgen.model import (
    Agreement,
    Article,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Position,
    Proposal,
    Source,
    Span,
    metadata_of,
)

KINDS = ("meeting", "agreement", "disagreement", "proposal")


def build_digest(
    articles: Sequence[Article],
    persons: list[Person],
    facts: list[Fact],
    *,
    generator: str,
    handed_over: bool = False,
) -> Digest:
    """The digest of ``articles``: their people, and their facts merged into records.

    ``handed_over`` says the caller keeps no other reference to the lists
    ``articles`` and ``facts``: they are emptied, and each kind's facts (and with
    the last of them their articles) let go once that kind's records are made,
    so a large batch never holds every fact and every record at once.
    """
    sources = [_source(a) for a in articles]
    counted = [_forms_of(a) for a in articles]
    persons, renamed = as_sources_name(counted, persons, facts)
    # A new list: ``renamed`` may be ``facts`` itself, which is emptied below.
    dated = [_undated_if_after_report(f) for f in renamed]
    del counted, renamed
    if handed_over:
        assert isinstance(articles, list)
        articles.clear()
        facts.clear()
    del facts
    affiliation = {p.name: p.affiliation for p in persons}
    by_kind = {kind: [f for f in dated if f.kind == kind] for kind in KINDS}
    del dated
    # Each kind's facts go from ``by_kind`` as its records are made.
    meetings = [
        _meeting(g)
        for g in absorb_vague_meetings(
            merge_facts(
                named_over_groups(fuller_groups(by_kind.pop("meeting"))),
                same_meeting,
                participants,
            )
        )
    ]
    agreements = [
        _agreement(g)
        for g in merge_facts(
            by_kind.pop("agreement"), same_agreement, party_and_word, statement=True
        )
    ]
    disagreements = [
        _disagreement(g)
        for g in merge_facts(
            by_kind.pop("disagreement"), same_statement, party_and_word, statement=True
        )
    ]
    proposals = [
        _proposal(g, affiliation)
        for g in merge_facts(
            by_kind.pop("proposal"), *same_proposal(affiliation.get), statement=True
        )
    ]
    digest = Digest(
        generator=generator,
        sources=sources,
        people=persons,
        meetings=meetings,
        agreements=agreements,
        disagreements=disagreements,
        proposals=proposals,
    )
    del sources, persons, meetings, agreements, disagreements, proposals
    # After merging: each outcome's meeting (briefgen.extract.events).
    return link_outcomes(digest)


def _undated_if_after_report(fact: Fact) -> Fact:
    """A meeting held after the day the article reporting it was published is misdated:
    the date came from other words in its sentence (a caption's date stamp, "sworn in
    on Jan. 20"). It keeps no date rather than a wrong one."""
    published = fact.article.published
    if fact.kind != "meeting" or fact.status != "held" or fact.date is None or published is None:
        return fact
    if fact.date <= published + dt.timedelta(days=1):  # a day ahead: time zones
        return fact
    return replace(fact, date=None, when=None)


@dataclass(frozen=True)
class Excerpt(Article):
    """An article as the digest quotes it once its facts are read: its id, path and
    metadata, and the sentences its facts and its people's first mentions cite.

    The digest needs nothing else of an article, so a backend can let the text,
    its sentence index, mentions and parse go article by article and keep
    these: a large corpus then holds quotes until the digest is built, not
    articles. ``sentences`` are the cited sentences only, so ``sentence_of``
    finds a first mention's sentence here as in the whole article.
    """

    quotes: dict[tuple[int, int], str] = field(default_factory=dict, compare=False)
    # How often the text writes each form of an international body (``bodies``).
    body_forms: Counter[str] = field(default_factory=Counter, compare=False)

    def sentence_text(self, span: Span) -> str:
        if span.start == span.end:  # a mention in no sentence (``sentence_of``)
            return ""
        return self.quotes[span.start, span.end]


def excerpt(
    article: Article, facts: Iterable[Fact], named: Iterable[tuple[str, str, int]]
) -> Excerpt:
    """What the digest will quote of ``article``: the spans of its ``facts`` and the
    sentence of each person's first mention in ``named`` (as ``person_records`` reads it)."""
    spans = {span for fact in facts for span in (fact.span, *fact.extra_spans)}
    first: dict[str, int] = {}
    for name, _, start in named:
        first.setdefault(name, start)
    cited = {s for start in first.values() if (s := sentence_of(article, start)).start != s.end}
    return Excerpt(
        id=article.id,
        path=article.path,
        text="",
        sentences=tuple(sorted(cited, key=lambda s: s.start)),
        quotes={(s.start, s.end): article.sentence_text(s) for s in spans | cited},
        body_forms=forms_in(article.text),
        **metadata_of(article),
    )


def first_of_each_form(named: Iterable[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """An article's person mentions (as ``person_records`` takes them) with only the first of
    each (person, form): all that it reads of them, each person's first mention and every
    form used, in a fraction of the room (a name is mentioned again and again)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for mention in named:
        if (pair := mention[:2]) not in seen:
            seen.add(pair)
            kept.append(mention)
    return kept


def _forms_of(article: Article) -> Counter[str]:
    return article.body_forms if isinstance(article, Excerpt) else forms_in(article.text)


def sentence_of(article: Article, offset: int) -> Span:
    for span in article.sentences:
        if span.start <= offset < span.end:
            return span
    return Span(offset, offset)


def evidence(article: Article, span: Span) -> Evidence:
    return Evidence(
        source=article.id, quote=article.sentence_text(span), start=span.start, end=span.end
    )


def title_evidence(article: Article) -> Evidence:
    """The article's title as the evidence of a person only it names: the title is not in
    the text, so the quote has no offsets there (``start`` and ``end`` are 0)."""
    return Evidence(source=article.id, quote=article.title or "", start=0, end=0)


def _all_evidence(group: list[Fact]) -> list[Evidence]:
    seen: dict[tuple[str, int], Evidence] = {}
    for fact in group:
        for span in [*fact.extra_spans, fact.span]:
            seen.setdefault((fact.article.id, span.start), evidence(fact.article, span))
    return list(seen.values())


def _first(values: Iterable[object]) -> object:
    return next((v for v in values if v), None)


def _meeting(group: list[Fact]) -> Meeting:
    return Meeting(
        participants=group[0].parties,
        location=_first(f.location for f in group),  # type: ignore[arg-type]
        date=_first(f.date for f in group),  # type: ignore[arg-type]
        when=_first(f.when for f in group),  # type: ignore[arg-type]
        occasion=_first(f.occasion for f in group),  # type: ignore[arg-type]
        format=_first(f.format for f in group),  # type: ignore[arg-type]
        status=group[0].status,  # type: ignore[arg-type]
        duration=_first(f.duration for f in group),  # type: ignore[arg-type]
        evidence=_all_evidence(group),
    )


def _parties(group: list[Fact]) -> list[str]:
    return list(dict.fromkeys(p for f in group for p in f.parties))


def _agreement(group: list[Fact]) -> Agreement:
    return Agreement(
        parties=_parties(group), what=group[0].what or "", evidence=_all_evidence(group)
    )


def _disagreement(group: list[Fact]) -> Disagreement:
    positions: dict[str, str] = {}
    for fact in group:
        for party, position in fact.positions.items():
            positions.setdefault(party, position)
    return Disagreement(
        parties=_parties(group),
        topic=next((f.what for f in group if f.what), None),
        positions=[Position(party=p, position=text) for p, text in positions.items()],
        evidence=_all_evidence(group),
    )


def _proposal(group: list[Fact], affiliation: dict[str, str | None]) -> Proposal:
    authors = [f.parties[0] for f in group]
    # A person is a more useful author than the state they act for.
    by = next((a for a in authors if a in affiliation), authors[0])
    return Proposal(by=by, what=group[0].what or "", evidence=_all_evidence(group))


def _source(article: Article) -> Source:
    return Source(id=article.id, path=article.path, **metadata_of(article))


def person_records(
    articles: list[Article],
    people: People,
    named: dict[str, list[tuple[str, str, int]]],
    facts: list[Fact],
    headlined: dict[str, list[str]] | None = None,
) -> list[Person]:
    """One record per person, in order of first mention, with each source's first mention
    as evidence. People only a trained model's entities found are kept when a fact names them:
    a caption's or a photo credit's name is tagged too.

    ``named`` holds each article's person mentions as (canonical name, form, offset);
    every backend that finds people hands them over this way. Only the first mention
    of each (name, form) counts: the rest may be left out (``first_of_each_form``).
    ``headlined`` holds the people each article's title introduces: one its text never
    names is cited by the title (``title_evidence``)."""

    # Each person's evidence, people in order of first mention: a person's first mention
    # in each source, then the title of a source that names them only there.
    person_evidence: dict[str, list[Evidence]] = {}
    cited: set[tuple[str, str]] = set()
    for article in articles:
        for name, form, _ in named[article.id]:
            people.add_alias(name, form)
        mentioned: list[tuple[str, int | None]] = [
            *((name, start) for name, _, start in named[article.id]),
            *((name, None) for name in (headlined or {}).get(article.id, [])),
        ]
        for name, start in mentioned:
            if (name, article.id) in cited:
                continue
            cited.add((name, article.id))
            found_in = (
                title_evidence(article)
                if start is None
                else evidence(article, sentence_of(article, start))
            )
            person_evidence.setdefault(name, []).append(found_in)
    in_facts = {party for fact in facts for party in fact.parties}
    # not those only a trained model's entities found, unless a fact names them
    kept = [name for name in person_evidence if people.cues[name] != {"entity"} or name in in_facts]
    return [
        Person(
            name=name,
            aliases=sorted(people.records[name].forms - {name}),
            role=people.records[name].role,
            affiliation=people.records[name].affiliation,
            evidence=person_evidence[name],
        )
        for name in kept
    ]
