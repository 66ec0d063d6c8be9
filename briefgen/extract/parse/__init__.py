"""The ``parse`` extractor: facts from the predicate-argument structure of a parse.

It shares with ``rules`` everything that is not reading a sentence: people
introduced by titles and appositions (joined by the parser's PERSON
entities), one record per person across the batch, states and
organisations from the gazetteer, places, dates, and merging facts across
articles. What differs is how a sentence yields a fact: the trigger word is
a predicate of the dependency parse, and the parties are its own arguments
(``reader``), resolved to names, groups and antecedents (``parties``).

Steps:

1. per article (``work.parse_texts``): the rules' introductions and party
   mentions, the sentences with a trigger word parsed
   (``article.parse_articles``), the parser's PERSON entities;
2. people grouped into one record per person for the whole batch;
3. per article (``work.read_parsed``): its people found and its sentences
   read in order for facts (``article.read_article``);
4. facts that report the same thing merged into records (``records``).

Steps 1 and 3 run through the runtime, in parallel with ``--jobs``; step 1
is cached by the article's text. Each article, its mentions and its parse
wait for step 3 packed (``packed``: compressed strings, unpacked only to
group the people and to read the article); a large batch is read a slice
at a time, and once an article's facts are read the article, its mentions
and parse are let go, and only what the digest quotes of it is kept
(``records.Excerpt``). Its facts go kind by kind as the digest's records
are made (``records.build_digest``).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.extract.base import Extractor, HandedOver
from briefgen.model import Article, Digest

# The backend's machinery is imported when it runs: choosing it (for a cache
# key) on a build with nothing to do must not load spaCy or the patterns.
if TYPE_CHECKING:
    from briefgen.extract.facts import Fact
    from briefgen.extract.parse.packed import PackedArticle
    from briefgen.extract.parse.work import ArticleParse
    from briefgen.extract.people import People
    from briefgen.runtime.run import Runtime


# Articles read in one call of the runtime (one pool of workers): a large batch is read
# a slice at a time, so that its tasks go as their results come.
_READ_SLICE = 2_000

# Articles parsed together in one worker call: about a hundred sentences, enough for
# the model's batching to pay, few enough to keep both cores busy on a small run.
_PARSE_BATCH = 16


class ParseExtractor(Extractor):
    name = "parse"

    def fingerprint(self) -> str:
        from briefgen.extract.parser import model_version

        return f"parse|{model_version()}"

    def extract(self, articles: Sequence[Article], run: Runtime) -> Digest:
        batch = list(articles)
        if isinstance(articles, HandedOver):
            articles.clear()  # each article goes once it is read (``extract_parse``)
        with _fewer_collections():
            return extract_parse(batch, run)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The cyclic collector run less often while extracting (workers forked meanwhile
    inherit it). Extraction makes and drops millions of small objects (tokens, mentions,
    matches), nearly all freed by their reference counts; at Python's default of a
    young collection every 700 new objects, collecting took about 0.4 s of CPU over the
    White House readouts that it no longer does."""
    threshold = gc.get_threshold()
    gc.set_threshold(_YOUNG_OBJECTS, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


_YOUNG_OBJECTS = 10_000


def extract_parse(articles: list[Article], run: Runtime) -> Digest:
    """The digest of ``articles``, a list this takes the articles out of (it ends empty)."""
    from briefgen.extract.parse.packed import pack_article
    from briefgen.extract.parse.work import (
        ArticleRead,
        ReadTask,
        give_back_freed_memory,
        parse_texts,
        read_parsed,
        warm_parsing,
        warm_reading,
    )
    from briefgen.extract.parser import model_version
    from briefgen.extract.records import build_digest, person_records
    from briefgen.extract.work import PeopleTable

    articles.sort(key=lambda a: a.id)
    # Each article waits packed, the text compressed (``packed``): the caller's list is
    # emptied, so that the only whole article is the one being worked on.
    text_keys = {
        a.id: hashlib.sha256(f"{a.title or ''}\0{a.text}".encode()).hexdigest() for a in articles
    }
    waiting = [pack_article(a) for a in articles]
    articles.clear()
    give_back_freed_memory()  # before the parser's workers fork from this process

    found = run.map_batches(
        "parsing",
        parse_texts,
        waiting,
        key=lambda w: text_keys[w.id],
        size=_PARSE_BATCH,
        warm=warm_parsing,
    )
    people = _people(waiting, found)
    roles = {name: record.role or "" for name, record in people.records.items()}
    affiliations = {
        name: record.affiliation for name, record in people.records.items() if record.affiliation
    }
    table = PeopleTable(
        known=people.known, canonical=people.table(), roles=roles, affiliations=affiliations
    )
    headlined = {
        w.id: [name for m in each.headline.unpack() if (name := table.canonical.get(m.name))]
        for w, each in zip(waiting, found, strict=True)
    }
    tasks = [ReadTask(w, each) for w, each in zip(waiting, found, strict=True)]
    # From here the articles, their mentions and parses live, packed, in the tasks alone.
    del found, waiting
    # Not cached: its key would be the whole people table, which a changed article
    # changes, and a run with no input changed is answered whole before this. Read a
    # slice of the batch at a time, each slice's tasks (and with them its articles) let
    # go once read: what is read grows as what waits shrinks.
    results: list[ArticleRead] = []
    while tasks:
        part = tasks[:_READ_SLICE]
        del tasks[:_READ_SLICE]
        read = partial(read_parsed, table=table)
        results += run.map("reading", read, part, key=lambda _: "", warm=warm_reading)
        del part
    give_back_freed_memory()
    excerpts: list[Article] = [read.excerpt for read in results]
    named = {read.excerpt.id: read.named for read in results}
    facts: list[Fact] = [fact for read in results for fact in read.facts]
    del results
    facts = _states_into_people(facts, people)
    persons = person_records(excerpts, people, named, facts, headlined)
    del named  # not needed to build the digest, which is made while the facts are held
    generator = f"briefgen {__version__} (parse, parser {model_version()})"
    # Handed over: each kind's facts, and the excerpts they quote, go once its records are made.
    return build_digest(excerpts, persons, facts, generator=generator, handed_over=True)


def _people(waiting: list[PackedArticle], found: list[ArticleParse]) -> People:
    """The batch's people: every article's introductions unpacked at once to group them,
    then one article at a time again to find its government's own official."""
    from briefgen.extract.parse.packed import unpack_article
    from briefgen.extract.people import People
    from briefgen.extract.rules import _add_home_government

    people = People(
        [m for each in found for m in [*each.introductions.unpack(), *each.headline.unpack()]]
    )
    for w, each in zip(waiting, found, strict=True):
        introductions = {w.id: list(each.introductions.unpack())}
        _add_home_government([unpack_article(w)], introductions, people)
    return people


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
