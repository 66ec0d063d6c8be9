"""Extraction: articles in, a digest of facts with their evidence out.

Extractors are chosen by name from ``EXTRACTORS``. The default, ``rules``,
runs on spaCy's blank English pipeline (sentences come from ingestion) and the
project's gazetteers; it needs no model download. With
``extraction.spacy_model`` set, an installed trained pipeline's entities are
added (``trained``). Its steps:

1. find people where the text introduces them (titles, appositions, ...);
2. group those names into one record per person across the whole batch;
3. find every mention of a known person and of states and organisations;
4. read each article's sentences for facts (``facts.ArticleReader``);
5. merge facts that report the same thing (``merge``), keeping all evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from briefgen import __version__
from briefgen.config import ExtractionSettings
from briefgen.errors import ConfigError
from briefgen.extract.facts import Fact
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.mentions import Mention, drop_overlaps
from briefgen.extract.merge import (
    absorb_vague_meetings,
    merge_facts,
    participants,
    party_and_word,
    same_meeting,
    same_proposal,
    same_statement,
)
from briefgen.extract.people import People
from briefgen.extract.work import FactsTask, PeopleTable
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
)

if TYPE_CHECKING:
    from briefgen.batch import Batch

Extractor = Callable[[list[Article], ExtractionSettings, "Batch"], Digest]


def extract(
    articles: list[Article],
    settings: ExtractionSettings | None = None,
    *,
    batch: Batch | None = None,
) -> Digest:
    """The digest of ``articles``; ``batch`` says how the per-article work runs
    (cache, processes, progress), never what it finds."""
    from briefgen.batch import Batch

    settings = settings or ExtractionSettings()
    try:
        run = EXTRACTORS[settings.extractor]
    except KeyError:
        known = ", ".join(sorted(EXTRACTORS))
        raise ConfigError(
            f"extraction.extractor: unknown extractor {settings.extractor!r} (known: {known})"
        ) from None
    return run(articles, settings, batch or Batch.serial(settings))


def extract_rules(articles: list[Article], settings: ExtractionSettings, batch: Batch) -> Digest:
    articles = sorted(articles, key=lambda a: a.id)
    prepared = dict(zip((a.id for a in articles), batch.prepare(articles), strict=True))
    introductions = {a.id: list(prepared[a.id].introductions) for a in articles}
    if settings.spacy_model:
        for article_id, found in prepared.items():
            introductions[article_id] = drop_overlaps(
                [*introductions[article_id], *found.model_people]
            )
    people = People([m for ms in introductions.values() for m in ms])
    _add_home_government(articles, introductions, people)

    first_seen: dict[str, Evidence] = {}
    person_evidence: dict[str, list[Evidence]] = {}
    cited: set[tuple[str, str]] = set()
    facts: list[Fact] = []
    roles = {name: record.role or "" for name, record in people.records.items()}
    table = PeopleTable(known=people.known, canonical=people.table(), roles=roles)
    tasks = [
        FactsTask(a, tuple(introductions[a.id]), prepared[a.id].parties, prepared[a.id].places)
        for a in articles
    ]
    # Each article's facts are read on their own (in parallel, or from the
    # cache); what crosses articles is gathered here, in article order.
    for article, read in zip(articles, batch.read_facts(tasks, table), strict=True):
        for name, form, start in read.named:
            people.add_alias(name, form)
            if (name, article.id) not in cited:  # a person's first mention in each source
                cited.add((name, article.id))
                evidence = _evidence(article, _sentence_of(article, start))
                first_seen.setdefault(name, evidence)
                person_evidence.setdefault(name, []).append(evidence)
        facts.extend(read.facts)

    # People only the trained model found are kept when a fact names them.
    in_facts = {party for fact in facts for party in fact.parties}
    only_model = {
        name for name in first_seen if people.cues[name] == {"entity"} and name not in in_facts
    }
    first_seen = {name: e for name, e in first_seen.items() if name not in only_model}
    order = {name: i for i, name in enumerate(first_seen)}
    persons = [
        Person(
            name=name,
            aliases=sorted(people.records[name].forms - {name}),
            role=people.records[name].role,
            affiliation=people.records[name].affiliation,
            evidence=person_evidence[name],
        )
        for name in sorted(first_seen, key=order.__getitem__)
    ]
    affiliation = {p.name: p.affiliation for p in persons}
    by_kind = {kind: [f for f in facts if f.kind == kind] for kind in _KINDS}
    generator = f"rules + {settings.spacy_model}" if settings.spacy_model else "rules"
    return Digest(
        generator=f"briefgen {__version__} ({generator})",
        sources=[_source(a) for a in articles],
        people=persons,
        meetings=[
            _meeting(g)
            for g in absorb_vague_meetings(
                merge_facts(by_kind["meeting"], same_meeting, participants)
            )
        ],
        agreements=[
            _agreement(g) for g in merge_facts(by_kind["agreement"], same_statement, party_and_word)
        ],
        disagreements=[
            _disagreement(g)
            for g in merge_facts(by_kind["disagreement"], same_statement, party_and_word)
        ],
        proposals=[
            _proposal(g, affiliation)
            for g in merge_facts(by_kind["proposal"], *same_proposal(affiliation.get))
        ],
    )


_KINDS = ("meeting", "agreement", "disagreement", "proposal")

def _extract_llm(articles: list[Article], settings: ExtractionSettings, batch: Batch) -> Digest:
    from briefgen.extract.llm import extract_llm  # the optional extra: imported when chosen

    return extract_llm(articles, settings, batch)


EXTRACTORS: dict[str, Extractor] = {"rules": extract_rules, "llm": _extract_llm}


def _add_home_government(
    articles: list[Article], introductions: dict[str, list[Mention]], people: People
) -> None:
    """A government's readout opens with its own official: "President X met ..."

    When a source comes from a government's web site and the first person it
    introduces has no stated affiliation, that person acts for that government.
    """
    hosts: dict[str, str] = gazetteer().data["government_hosts"]
    for article in articles:
        host = urlparse(article.url or "").hostname or ""
        country = next((c for suffix, c in hosts.items() if host.endswith(suffix)), None)
        mentions = introductions[article.id]
        if country is None or not mentions:
            continue
        name = people.canonical(mentions[0].name)
        if name and people.records[name].affiliation is None:
            people.records[name].affiliations[country] += 1


def _sentence_of(article: Article, offset: int) -> Span:
    for span in article.sentences:
        if span.start <= offset < span.end:
            return span
    return Span(offset, offset)


def _evidence(article: Article, span: Span) -> Evidence:
    return Evidence(
        source=article.id, quote=article.sentence_text(span), start=span.start, end=span.end
    )


def _all_evidence(group: list[Fact]) -> list[Evidence]:
    seen: dict[tuple[str, int], Evidence] = {}
    for fact in group:
        for span in [*fact.extra_spans, fact.span]:
            seen.setdefault((fact.article.id, span.start), _evidence(fact.article, span))
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
        topic=group[0].what,
        positions=[Position(party=p, position=text) for p, text in positions.items()],
        evidence=_all_evidence(group),
    )


def _proposal(group: list[Fact], affiliation: dict[str, str | None]) -> Proposal:
    authors = [f.parties[0] for f in group]
    # A person is a more useful author than the state they act for.
    by = next((a for a in authors if a in affiliation), authors[0])
    return Proposal(by=by, what=group[0].what or "", evidence=_all_evidence(group))


def _source(article: Article) -> Source:
    return Source(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        author=article.author,
        published=article.published,
        dateline=article.dateline,
        url=article.url,
        path=article.path,
    )
