"""The ``parse`` extractor's per-article halves, as functions a worker process can run.

1. ``parse_texts``: what an article says on its own -- the rules'
   introductions and party mentions, its trigger sentences parsed, the
   parser's PERSON entities. Run over a few articles at once (the model is
   faster on a batch), cached article by article by the text, so a rebuild
   with one article changed parses only that one. Returned packed: the
   caller keeps every article's until the people are grouped and the
   articles read.
2. (cross-article, in the caller) people are grouped into one table for the
   whole batch.
3. ``read_parsed``: given that table, the article's names and its facts,
   read sentence by sentence from its parse, and what the digest will quote
   of it (``records.Excerpt``): the caller keeps that, not the article.
4. (cross-article, in the caller) facts are merged.

The parse travels between the two halves packed (``packed``): small to send,
to cache and to keep while the other articles are parsed; the article itself
waits and travels packed as well, and is unpacked where it is worked on. Everything here is
a pure function of its arguments and module-level, so the results are the
same in any process, in any order.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, replace

from briefgen.extract.facts import Fact
from briefgen.extract.mentions import Mention, PartyMention, drop_overlaps, find_introductions
from briefgen.extract.parse.article import NAME_SUFFIXES, parse_articles, read_article
from briefgen.extract.parse.lexicon import lexicon
from briefgen.extract.parse.packed import (
    Packed,
    PackedArticle,
    PackedParse,
    pack,
    unpack,
    unpack_article,
)
from briefgen.extract.parser import load
from briefgen.extract.records import Excerpt, excerpt, first_of_each_form
from briefgen.extract.work import (
    PeopleTable,
    names_in,
    prepare_text,
    warm_facts,
    warm_preparing,
)
from briefgen.model import Article


@dataclass(frozen=True)
class Reading:
    """What only reading an article needs of its parsing: the states and organisations
    it names, its places and its parse."""

    parties: tuple[PartyMention, ...]
    places: frozenset[str]
    parse: PackedParse


@dataclass(frozen=True)
class ArticleParse:
    """One article on its own, packed until it is read (``packed.Packed``): the people it
    introduces (the rules' and the parser's, overlaps dropped), which the caller unpacks
    to group the batch's people, and what only its reading needs."""

    introductions: Packed[tuple[Mention, ...]]
    reading: Packed[Reading]
    # The people only its title introduces ("Joint Statement by President X and Prime
    # Minister Y"), offsets in the title (``_headline_people``).
    headline: Packed[tuple[Mention, ...]]


@dataclass(frozen=True)
class ReadTask:
    """What reading one article needs besides the batch's people table."""

    article: PackedArticle
    found: ArticleParse


@dataclass
class ArticleRead:
    """One article read: its person mentions as (canonical name, form, offset), the first of
    each form only (``records.first_of_each_form``), its facts, and what the digest quotes
    of it. The facts point to the excerpt, not to the article,
    so the article (text, sentences, mentions, parse) can go once this is made."""

    excerpt: Excerpt
    named: list[tuple[str, str, int]]
    facts: list[Fact]


def parse_texts(packed: list[PackedArticle]) -> list[ArticleParse]:
    """Each article on its own, the chosen sentences of all of them parsed in one stream
    (the model runs faster on a batch; an article's parse is the same in any batch)."""
    out = []
    for articles in _by_length([unpack_article(p) for p in packed]):
        parsed = parse_articles(articles, load())
        for article, each in zip(articles, parsed, strict=True):
            prepared = prepare_text(article, spacy_model=None)
            introductions = drop_overlaps([*prepared.introductions, *each.people])
            reading = Reading(prepared.parties, prepared.places, pack(each))
            headline = Packed.of(tuple(_headline_people(article)))
            out.append(ArticleParse(Packed.of(tuple(introductions)), Packed.of(reading), headline))
    return out


def _headline_people(article: Article) -> list[Mention]:
    """The people the article's title introduces with a title ("Joint Statement by
    President X and Prime Minister Y") and its text never names, by any word of the name
    after the first. A title writes every word in capitals: the words that end such a
    name and that the text writes in small letters are no part of it ("President X Call
    with ...")."""
    titled = [m for m in find_introductions(article.title or "") if m.cue == "title"]
    if not titled:
        return []  # no need to read the text's words
    small = set(_SMALL_WORD.findall(article.text))
    found = []
    for m in titled:
        words = m.name.split()
        while len(words) > 1 and (words[-1].lower() in small or words[-1] in NAME_SUFFIXES):
            words.pop()
        words[-1] = words[-1].rstrip(",")
        # a word of it after the first in the text: the text names them ("President
        # Luiz Inácio Lula da Silva" in the title, "President Lula" in the text)
        own = [w for w in words[1:] if w[:1].isupper()] or words
        named = any(re.search(rf"\b{re.escape(w)}\b", article.text) for w in own)
        if not named:
            found.append(replace(m, name=" ".join(words)))
    return found


_SMALL_WORD = re.compile(r"\b[a-z]+\b")


# The articles of one call are parsed in groups of at most this many characters of
# text (or one longer article). The parser's working memory, and the parsed tokens
# of a group until they are packed, grow with a group's sentences: a batch of long
# articles (the same long readout under several names, say) would set the peak
# memory of the whole run. Most batches are one group.
_GROUP_CHARS = 40_000


def _by_length(articles: list[Article]) -> list[list[Article]]:
    groups: list[list[Article]] = []
    size = 0
    for article in articles:
        if not groups or size + len(article.text) > _GROUP_CHARS:
            groups.append([])
            size = 0
        groups[-1].append(article)
        size += len(article.text)
    return groups


def give_back_freed_memory() -> None:
    """Hand the heap's free pages back to the system, where the C library allows.

    glibc keeps memory freed in the middle of its heap (all the articles read
    at once, then packed) resident for later use; a worker forked from this
    process would count all of it as its own. Elsewhere this does nothing.
    """
    import ctypes

    gc.collect()
    try:
        trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # this process's C library
    except (OSError, TypeError):  # no C library to ask (Windows)
        return
    if trim is not None:
        trim(0)


def warm_parsing() -> None:
    """The name patterns and the parser, loaded before workers fork, so they start warm."""
    warm_preparing(None)
    lexicon()
    load()


def read_parsed(task: ReadTask, table: PeopleTable) -> ArticleRead:
    """The article's people (as ``named``) and its facts, in the order of its sentences."""
    article = unpack_article(task.article)
    reading = task.found.reading.unpack()
    named, names = names_in(article, task.found.introductions.unpack(), reading.parties, table)
    parsed = unpack(reading.parse, article)
    facts = read_article(article, parsed, names, table, reading.places)
    cited = excerpt(article, facts, named)
    for fact in facts:
        fact.article = cited
    return ArticleRead(cited, first_of_each_form(named), facts)


def warm_reading() -> None:
    """What ``read_parsed`` needs besides: the gazetteer's places and the trigger words."""
    warm_facts()
    lexicon()
