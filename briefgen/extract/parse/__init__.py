"""The ``parse`` extractor: facts from the predicate-argument structure of a parse.

It shares with ``rules`` everything that is not reading a sentence: people
introduced by titles and appositions (joined by the parser's PERSON
entities), one record per person across the batch, states and
organisations from the gazetteer, places, dates, and merging facts across
articles. What differs is how a sentence yields a fact: the trigger word is
a predicate of the dependency parse, and the parties are its own arguments
(``reader``), resolved to names, groups and antecedents (``parties``).

Steps:

1. the rules' introductions and party mentions of each article (``Batch.prepare``);
2. the sentences with a trigger word parsed (``article.parse_article``), and
   the parser's PERSON entities added to the introductions;
3. people grouped into one record per person for the whole batch;
4. each article read in order for facts (``article.read_article``);
5. facts that report the same thing merged, keeping all evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.config import ExtractionSettings
from briefgen.extract.parse.article import parse_articles, read_article
from briefgen.extract.parse.parties import Named
from briefgen.model import Article, Digest

if TYPE_CHECKING:
    from briefgen.batch import Batch


def extract_parse(articles: list[Article], settings: ExtractionSettings, batch: Batch) -> Digest:
    from briefgen.extract import _add_home_government, build_digest
    from briefgen.extract.mentions import drop_overlaps
    from briefgen.extract.parser import load, model_version
    from briefgen.extract.people import People
    from briefgen.extract.work import Intervals

    articles = sorted(articles, key=lambda a: a.id)
    prepared = dict(zip((a.id for a in articles), batch.prepare(articles), strict=True))
    nlp = load()
    parsed = dict(zip((a.id for a in articles), parse_articles(articles, nlp), strict=True))
    introductions = {
        a.id: drop_overlaps([*prepared[a.id].introductions, *parsed[a.id].people])
        for a in articles
    }
    people = People([m for ms in introductions.values() for m in ms])
    _add_home_government(articles, introductions, people)
    roles = {name: record.role or "" for name, record in people.records.items()}
    canonical = people.table()

    named_by_article = {}
    facts = []
    for article in articles:
        own = introductions[article.id]
        mentions = sorted([*own, *people.known.find(article.text, own)], key=lambda m: m.start)
        names: list[Named] = []
        named: list[tuple[str, str, int]] = []
        for mention in mentions:
            name = canonical.get(mention.name)
            if name is None:
                continue
            named.append((name, mention.name, mention.start))
            names.append(Named(mention.start, mention.end, name, is_person=True))
        taken = Intervals((n.start, n.end) for n in names)
        for party in prepared[article.id].parties:
            if not taken.overlaps(party.start, party.end):
                names.append(Named(party.start, party.end, party.name, is_person=False))
        names.sort(key=lambda n: n.start)
        named_by_article[article.id] = named
        facts.extend(
            read_article(article, parsed[article.id], names, roles, prepared[article.id].places)
        )
    return build_digest(
        articles,
        people,
        named_by_article,
        facts,
        generator=f"briefgen {__version__} (parse, parser {model_version()})",
    )
