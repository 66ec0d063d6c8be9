"""The ``rules`` extractor's per-article halves, as functions a worker process can run.

The articles arrive read and split into sentences by the ingest stage.
Extraction is then mostly per article, with two cross-article steps between:

1. ``prepare_text``: what the text says on its own -- introductions of
   people, states and organisations, a trained model's entities. Cached by
   the text.
2. (cross-article, in the caller) people are grouped into one table for the
   whole batch.
3. ``read_facts``: given that table, find the known people in one article
   and read its sentences for facts. Cached by the article and the table.
4. (cross-article, in the caller) facts are merged.

Everything here is a pure function of its arguments and module-level, so the
results are the same in any process, in any order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import accumulate

from briefgen.extract.facts import ArticleReader, Entity, Fact
from briefgen.extract.mentions import KnownForms, Mention, PartyMention, find_introductions
from briefgen.extract.mentions import find_parties as _find_parties
from briefgen.model import Article


@dataclass(frozen=True)
class Prepared:
    """What one article's text says on its own, before the batch's people are known."""

    introductions: tuple[Mention, ...]
    parties: tuple[PartyMention, ...]
    # From the trained pipeline, when one is configured.
    model_people: tuple[Mention, ...] = ()
    places: frozenset[str] = frozenset()


def prepare_text(article: Article, spacy_model: str | None) -> Prepared:
    text = article.text
    if spacy_model:
        from briefgen.extract import trained

        found = trained.find([article], spacy_model)[article.id]
        people, places = tuple(found.people), frozenset(found.places)
    else:
        people, places = (), frozenset()
    return Prepared(tuple(find_introductions(text)), tuple(_find_parties(text)), people, places)


@dataclass(frozen=True)
class PeopleTable:
    """What ``read_facts`` needs of the batch's people, small enough to send to workers."""

    known: KnownForms
    canonical: dict[str, str]
    roles: dict[str, str]
    affiliations: dict[str, str] = field(default_factory=dict)  # "Conservatives"

    @cached_property
    def shared_surnames(self) -> frozenset[str]:
        """Last words of the names of two people or more: an honorific before one ("Mrs
        Obama") may stand for either, and says nothing of the other's sex."""
        counts = Counter(name.split()[-1] for name in self.roles)
        return frozenset(word for word, n in counts.items() if n > 1)


@dataclass(frozen=True)
class FactsTask:
    article: Article
    mentions: tuple[Mention, ...]  # the article's introductions
    parties: tuple[PartyMention, ...]
    places: frozenset[str]


@dataclass
class ArticleFacts:
    """One article's facts, and each person mention as (canonical name, form, offset)."""

    named: list[tuple[str, str, int]]
    facts: list[Fact]

    def __getstate__(self) -> dict[str, object]:
        """Pickled (from a worker, into the cache) without the article's text and sentences.

        The caller links each fact to its task's article again, so sending the
        article back would only copy the text once more (and store it in every
        cache entry): the facts carry a stand-in with its id and path.
        """
        if not self.facts:
            return self.__dict__
        article = self.facts[0].article
        stand_in = Article(id=article.id, path=article.path, text="")
        facts = [replace(fact, article=stand_in) for fact in self.facts]
        return {"named": self.named, "facts": facts}


def read_facts(task: FactsTask, table: PeopleTable) -> ArticleFacts:
    named, entities = names_in(task.article, task.mentions, task.parties, table)
    reader = ArticleReader(task.article, entities, table.roles, task.places)
    return ArticleFacts(named, reader.facts())


def names_in(
    article: Article,
    introductions: Sequence[Mention],
    parties: Iterable[PartyMention],
    table: PeopleTable,
) -> tuple[list[tuple[str, str, int]], list[Entity]]:
    """The article's person mentions as (canonical name, form, offset), and every name in
    it in text order: the known people (introduced here or found by a known form), then
    its states and organisations where no person stands."""
    own = list(introductions)
    mentions = sorted([*own, *table.known.find(article.text, own)], key=lambda m: m.start)
    entities: list[Entity] = []
    named: list[tuple[str, str, int]] = []
    for mention in mentions:
        name = table.canonical.get(mention.name)
        if name is None:
            continue
        named.append((name, mention.name, mention.start))
        entities.append(Entity(mention.start, mention.end, name, is_person=True))
    taken = Intervals((e.start, e.end) for e in entities)
    for party in parties:
        if not taken.overlaps(party.start, party.end):
            entities.append(Entity(party.start, party.end, party.name, is_person=False))
    entities.sort(key=lambda e: e.start)
    return named, entities


def warm_preparing(spacy_model: str | None) -> None:
    """What ``prepare_text`` needs: the name patterns, the trained model.

    Loaded in the main process before workers fork from it, so they start warm.
    """
    from briefgen.extract.mentions import patterns

    patterns()
    if spacy_model:
        from briefgen.extract import trained

        trained.load(spacy_model)


def warm_facts() -> None:
    """What ``read_facts`` needs besides: the gazetteer's places (GeoNames) and triggers."""
    from briefgen.extract.gazetteer import gazetteer

    gaz = gazetteer()
    for table in (gaz.cities, gaz.towns, gaz.venues, gaz.triggers, gaz.countries):
        assert table is not None


class Intervals:
    """Character spans, asked whether any of them overlaps a given one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max, initial=0))

    def overlaps(self, start: int, end: int) -> bool:
        # Of the spans starting before ``end``, does the furthest-reaching pass ``start``?
        return self.reach[bisect_left(self.starts, end)] > start
