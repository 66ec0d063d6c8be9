"""The ``parse`` extractor's per-article halves, as functions a worker process can run.

1. ``parse_texts``: what an article says on its own -- the rules'
   introductions and party mentions, its trigger sentences parsed, the
   parser's PERSON entities. Run over a few articles at once (the model is
   faster on a batch), cached article by article by the text, so a rebuild
   with one article changed parses only that one.
2. (cross-article, in the caller) people are grouped into one table for the
   whole batch.
3. ``read_parsed``: given that table, the article's names and its facts,
   read sentence by sentence from its parse.
4. (cross-article, in the caller) facts are merged.

The parse travels between the two halves packed (``packed``): small to send,
to cache and to keep while the other articles are parsed. Everything here is
a pure function of its arguments and module-level, so the results are the
same in any process, in any order.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.extract.mentions import Mention, PartyMention
from briefgen.extract.parse.article import parse_articles, read_article
from briefgen.extract.parse.lexicon import lexicon
from briefgen.extract.parse.packed import PackedParse, pack, unpack
from briefgen.extract.parser import load
from briefgen.extract.work import (
    ArticleFacts,
    PeopleTable,
    names_in,
    prepare_text,
    warm_facts,
    warm_preparing,
)
from briefgen.model import Article


@dataclass(frozen=True)
class ArticleParse:
    """One article on its own: the rules' mentions and the packed parse."""

    introductions: tuple[Mention, ...]
    parties: tuple[PartyMention, ...]
    places: frozenset[str]
    parse: PackedParse


@dataclass(frozen=True)
class ReadTask:
    """What reading one article needs besides the batch's people table."""

    article: Article
    introductions: tuple[Mention, ...]  # the rules' and the parser's, overlaps dropped
    parties: tuple[PartyMention, ...]
    places: frozenset[str]
    parse: PackedParse


def parse_texts(articles: list[Article]) -> list[ArticleParse]:
    """Each article on its own, the chosen sentences of all of them parsed in one stream
    (the model runs faster on a batch; an article's parse is the same in any batch)."""
    parsed = parse_articles(articles, load())
    out = []
    for article, each in zip(articles, parsed, strict=True):
        prepared = prepare_text(article, spacy_model=None)
        out.append(ArticleParse(prepared.introductions, prepared.parties, prepared.places,
                                pack(each)))  # fmt: skip
    return out


def warm_parsing() -> None:
    """The name patterns and the parser, loaded before workers fork, so they start warm."""
    warm_preparing(None)
    lexicon()
    load()


def read_parsed(task: ReadTask, table: PeopleTable) -> ArticleFacts:
    """The article's people (as ``named``) and its facts, in the order of its sentences."""
    named, names = names_in(task.article, task.introductions, task.parties, table)
    parsed = unpack(task.parse, task.article)
    facts = read_article(task.article, parsed, names, table.roles, task.places, table.canonical)
    return ArticleFacts(named, facts)


def warm_reading() -> None:
    """What ``read_parsed`` needs besides: the gazetteer's places and the trigger words."""
    warm_facts()
    lexicon()
