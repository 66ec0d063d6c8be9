"""The ``parse`` extractor: facts from the predicate-argument structure of a parse.

It shares with ``rules`` everything that is not reading a sentence: people
introduced by titles and appositions (joined by the parser's PERSON
entities), one record per person across the batch, states and
organisations from the gazetteer, places, dates, and merging facts across
articles. What differs is how a sentence yields a fact: the trigger word is
a predicate of the dependency parse, and the parties are its own arguments
(``reader``), resolved to names, groups and antecedents (``parties``).

Steps:

1. the rules' introductions and party mentions of each article (``work.prepare_text``);
2. the sentences with a trigger word parsed (``article.parse_articles``), and
   the parser's PERSON entities added to the introductions;
3. people grouped into one record per person for the whole batch;
4. each article read in order for facts (``article.read_article``);
5. facts that report the same thing merged into records (``records``).

Steps 1 and 2 are per article, through the runtime: cached, in parallel.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.extract.base import Extractor
from briefgen.model import Article, Digest

# The backend's machinery is imported when it runs: choosing it (for a cache
# key) on a build with nothing to do must not load spaCy or the patterns.
if TYPE_CHECKING:
    from briefgen.extract.facts import Fact
    from briefgen.extract.parse.article import ParsedArticle
    from briefgen.extract.people import People
    from briefgen.extract.work import Prepared
    from briefgen.runtime.run import Runtime


class ParseExtractor(Extractor):
    name = "parse"

    def fingerprint(self) -> str:
        from briefgen.extract.parser import model_version

        return f"parse|{model_version()}"

    def extract(self, articles: Sequence[Article], run: Runtime) -> Digest:
        return extract_parse(list(articles), run)


def parse_one(article: Article) -> ParsedArticle:
    """One article's trigger sentences parsed (a worker loads the parser once)."""
    from briefgen.extract.parse.article import parse_articles
    from briefgen.extract.parser import load

    return parse_articles([article], load())[0]


def warm_parsing() -> None:
    from briefgen.extract.parser import load

    load()


def extract_parse(articles: list[Article], run: Runtime) -> Digest:
    from briefgen.extract.mentions import drop_overlaps
    from briefgen.extract.parse.article import read_article
    from briefgen.extract.parse.parties import Named
    from briefgen.extract.parser import model_version
    from briefgen.extract.people import People
    from briefgen.extract.records import build_digest, person_records
    from briefgen.extract.rules import _add_home_government
    from briefgen.extract.work import Intervals, prepare_text, warm_preparing

    articles = sorted(articles, key=lambda a: a.id)

    def text_key(article: Article) -> str:
        return hashlib.sha256(article.text.encode()).hexdigest()

    found: list[Prepared] = run.map(
        "preparing",
        partial(prepare_text, spacy_model=None),
        articles,
        key=text_key,
        warm=partial(warm_preparing, None),
    )
    parsed_list: list[ParsedArticle] = run.map(
        "parsing", parse_one, articles, key=text_key, warm=warm_parsing
    )
    prepared = dict(zip((a.id for a in articles), found, strict=True))
    parsed = dict(zip((a.id for a in articles), parsed_list, strict=True))
    introductions = {
        a.id: drop_overlaps([*prepared[a.id].introductions, *parsed[a.id].people]) for a in articles
    }
    people = People([m for ms in introductions.values() for m in ms])
    _add_home_government(articles, introductions, people)
    roles = {name: record.role or "" for name, record in people.records.items()}
    canonical = people.table()

    facts: list[Fact] = []
    named: dict[str, list[tuple[str, str, int]]] = {}
    for article in articles:
        own = introductions[article.id]
        mentions = sorted([*own, *people.known.find(article.text, own)], key=lambda m: m.start)
        names: list[Named] = []
        named[article.id] = []
        for mention in mentions:
            name = canonical.get(mention.name)
            if name is None:
                continue
            named[article.id].append((name, mention.name, mention.start))
            names.append(Named(mention.start, mention.end, name, is_person=True))
        taken = Intervals((n.start, n.end) for n in names)
        for party in prepared[article.id].parties:
            if not taken.overlaps(party.start, party.end):
                names.append(Named(party.start, party.end, party.name, is_person=False))
        names.sort(key=lambda n: n.start)
        facts.extend(
            read_article(article, parsed[article.id], names, roles, prepared[article.id].places)
        )
    facts = _states_into_people(facts, people)
    persons = person_records(articles, people, named, facts)
    generator = f"briefgen {__version__} (parse, parser {model_version()})"
    return build_digest(articles, persons, facts, generator=generator)


def _states_into_people(facts: list[Fact], people: People) -> list[Fact]:
    """ "The top diplomats of A and B met in Rome" and "X of A met Y of B in Rome" in one
    article are one meeting: the states' report joins the people's as evidence."""

    def affiliations(fact: Fact) -> set[str]:
        return {
            a for p in fact.parties if p in people.records and (a := people.records[p].affiliation)
        }

    kept: list[Fact] = []
    for fact in facts:
        if fact.kind == "meeting" and not any(p in people.records for p in fact.parties):
            home = next(
                (
                    g
                    for g in facts
                    if g.kind == "meeting"
                    and g is not fact
                    and g.article.id == fact.article.id
                    and g.status == fact.status
                    and (g.location == fact.location or not (g.location and fact.location))
                    and set(fact.parties) <= affiliations(g)
                ),
                None,
            )
            if home is not None:
                home.extra_spans.append(fact.span)
                home.location = home.location or fact.location
                if home.when is None:
                    home.date, home.when = fact.date, fact.when
                continue
        kept.append(fact)
    return kept
