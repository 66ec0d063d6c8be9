"""The ``rules`` extractor: hand-written patterns over spaCy's blank English pipeline.

It runs on the sentences the ingest stage found and the project's gazetteers;
it needs no model download. With ``extraction.rules.spacy_model`` set, an
installed trained pipeline's entities are added (``trained``). Its steps:

1. find people where the text introduces them (titles, appositions, ...),
   and states and organisations (``work.prepare_text``, per article);
2. group those names into one record per person across the whole batch (``people``);
3. find every mention of a known person and read each article's sentences
   for facts (``work.read_facts``, per article, ``facts.ArticleReader``);
4. merge facts that report the same thing and build the digest's records
   (``records``, shared with every backend), keeping all evidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field

from briefgen import __version__
from briefgen.extract.base import Extractor
from briefgen.model import Article, Digest

if TYPE_CHECKING:
    from briefgen.extract.facts import Fact
    from briefgen.extract.mentions import Mention
    from briefgen.extract.people import People
    from briefgen.extract.work import ArticleFacts, FactsTask, PeopleTable
    from briefgen.runtime.run import Runtime


class RulesOptions(BaseModel):
    """``extraction.rules:``"""

    model_config = ConfigDict(extra="forbid")

    spacy_model: str | None = Field(
        default=None,
        description="an installed trained spaCy pipeline (e.g. en_core_web_sm) whose "
        "entities add to the rules; none by default, and nothing is ever downloaded",
    )


class RulesExtractor(Extractor):
    name = "rules"
    Options = RulesOptions

    def fingerprint(self) -> str:
        assert isinstance(self.options, RulesOptions)
        return f"rules|{self.options.spacy_model or ''}"

    def extract(self, articles: Sequence[Article], run: Runtime) -> Digest:
        assert isinstance(self.options, RulesOptions)
        return extract_rules(list(articles), self.options, run)


def extract_rules(articles: list[Article], options: RulesOptions, run: Runtime) -> Digest:
    # Imported here, not with the class: choosing the backend (for the cache's
    # key) must not load the rules, which a run with nothing to extract never uses.
    from briefgen.extract.mentions import drop_overlaps
    from briefgen.extract.people import People
    from briefgen.extract.records import build_digest, person_records
    from briefgen.extract.work import FactsTask, PeopleTable, prepare_text, warm_preparing

    articles = sorted(articles, key=lambda a: a.id)
    model = options.spacy_model
    found = run.map(
        "preparing",
        partial(prepare_text, spacy_model=model),
        articles,
        key=lambda a: hashlib.sha256(a.text.encode()).hexdigest(),
        warm=partial(warm_preparing, model),
    )
    prepared = dict(zip((a.id for a in articles), found, strict=True))
    introductions = {a.id: list(prepared[a.id].introductions) for a in articles}
    if model:
        for article_id, each in prepared.items():
            introductions[article_id] = drop_overlaps(
                [*introductions[article_id], *each.model_people]
            )
    people = People([m for ms in introductions.values() for m in ms])
    _add_home_government(articles, introductions, people)

    facts: list[Fact] = []
    named: dict[str, list[tuple[str, str, int]]] = {}
    roles = {name: record.role or "" for name, record in people.records.items()}
    table = PeopleTable(known=people.known, canonical=people.table(), roles=roles)
    tasks = [
        FactsTask(a, tuple(introductions[a.id]), prepared[a.id].parties, prepared[a.id].places)
        for a in articles
    ]
    # Each article's facts are read on their own (in parallel, or from the
    # cache); what crosses articles is gathered here, in article order.
    for article, read in zip(articles, _read_facts(tasks, table, run), strict=True):
        named[article.id] = read.named
        facts.extend(read.facts)
    persons = person_records(articles, people, named, facts)
    generator = f"rules + {options.spacy_model}" if options.spacy_model else "rules"
    return build_digest(articles, persons, facts, generator=f"briefgen {__version__} ({generator})")


def _add_home_government(
    articles: list[Article], introductions: dict[str, list[Mention]], people: People
) -> None:
    """A government's readout opens with its own official: "President X met ..."

    When a source comes from a government's web site and the first person it
    introduces opens a sentence (``_opens_sentence``) with no stated affiliation, that person acts
    for that government -- unless the text itself names someone as that
    government's ("Prime Minister Modi welcomed United States President
    Biden": the statement is joint, and the first person is the guest's
    host). A person the text only addresses ("working with President Lula")
    does not open a sentence and is nobody's official by this rule.
    """
    from briefgen.extract.gazetteer import gazetteer

    gaz = gazetteer()
    hosts: dict[str, str] = gaz.data["government_hosts"]
    for article in articles:
        people.add_title(article.title)  # first: a heading's "X of Y" says more than a host
        host = urlparse(article.url or "").hostname or ""
        country = next((c for suffix, c in hosts.items() if host.endswith(suffix)), None)
        mentions = introductions[article.id]
        home = gaz.home_state(article.url, article.outlet)
        if (
            country is not None
            and mentions
            and _opens_sentence(article, mentions[0])
            and not any(m.affiliation == country for m in mentions)
        ):
            name = people.canonical(mentions[0].name)
            if name and people.records[name].affiliation is None:
                people.records[name].affiliations[country] += 1
        people.add_described_subjects(mentions, article)
        if home is not None:
            people.add_home_offices(home, mentions, article)  # and a home outlet's officials


def _opens_sentence(article: Article, mention: Mention) -> bool:
    """The mention and its title open its sentence, or follow only an opening phrase set
    off by a comma ("On Saturday, December 9, National Security Advisor X met ...")."""
    from briefgen.extract.records import sentence_of

    sentence = sentence_of(article, mention.start)
    if sentence.start == sentence.end:
        return False  # in no sentence
    before = article.text[sentence.start : mention.start].rstrip()
    if mention.role and before.endswith(mention.role):
        before = before[: -len(mention.role)].rstrip()
    return before == "" or before.endswith(",")


def _read_facts(tasks: list[FactsTask], table: PeopleTable, run: Runtime) -> list[ArticleFacts]:
    """Each article's facts given the batch's people table, in the order of ``tasks``."""
    from briefgen.extract.work import read_facts, warm_facts
    from briefgen.runtime.cache import cache_key

    table_key = cache_key(repr(_table_state(table)))
    results = run.map(
        "extracting",
        partial(read_facts, table=table),
        tasks,
        key=lambda task: _facts_key(table_key, task),
        warm=warm_facts,
    )
    for task, result in zip(tasks, results, strict=True):
        for fact in result.facts:  # one Article object per article, as in a serial run
            fact.article = task.article
    return results


def _facts_key(table_key: str, task: FactsTask) -> str:
    # repr, not pickle: equal values always give equal text (pickle's output
    # depends on which equal strings happen to be one object).
    from briefgen.runtime.cache import cache_key

    return cache_key(
        table_key, "facts", repr(task.article), repr(task.mentions), repr(task.parties),
        repr(sorted(task.places)),
    )  # fmt: skip


def _table_state(table: PeopleTable) -> tuple[Any, ...]:
    """The table as sorted plain data, so equal tables hash alike in every run."""
    return (
        sorted((k, tuple(v)) for k, v in table.known.by_first.items()),
        sorted(table.canonical.items()),
        sorted(table.roles.items()),
    )
