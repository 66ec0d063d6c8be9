"""An article's parse packed (to wait, travel to a worker and be cached) reads back the same."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.extract.parse.article import ParsedArticle, parse_articles
from briefgen.extract.parse.packed import pack, unpack
from briefgen.extract.parser import load
from briefgen.ingest import read_article
from briefgen.model import Article
from briefgen.runtime.plaindata import dumps, loads

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def parsed() -> list[tuple[Article, ParsedArticle]]:
    folder = FIXTURES / "readouts"
    articles = [read_article(p, root=folder) for p in sorted(folder.glob("*.md"))]
    return list(zip(articles, parse_articles(articles, load()), strict=True))


def test_a_packed_parse_unpacks_to_the_same_tokens_entities_and_people(parsed):
    stood_in = 0
    for article, each in parsed:
        assert each.sentences, article.path  # every readout has a sentence worth parsing
        assert unpack(pack(each), article) == each
        # Names parsed as one word keep that word's lemma, not the whole name's.
        stood_in += sum(
            t.lemma != t.text.lower() for s in each.sentences.values() for t in s.tokens
        )
    assert stood_in > 0


def test_a_packed_parse_is_plain_data_for_the_cache(parsed):
    article, each = parsed[0]
    packed = pack(each)
    assert loads(dumps(packed)) == packed
    assert unpack(loads(dumps(packed)), article) == each


def test_a_changed_token_changes_the_packed_parse(parsed):
    article, each = parsed[0]
    number, sentence = next(iter(each.sentences.items()))
    token = sentence.tokens[0]
    changed = replace(sentence, tokens=(replace(token, dep="obj"), *sentence.tokens[1:]))
    other = ParsedArticle({**each.sentences, number: changed}, each.people)
    assert token.dep != "obj" and pack(other) != pack(each)
    assert unpack(pack(other), article) == other


def _tagged(text: str, ents: list[tuple[int, int]]):
    """``text`` as one parsed sentence of an article, with PERSON entities over the given
    token ranges (what the parser's NER would say)."""
    from briefgen.extract.parse.tokens import Sentence, Token

    tokens, at = [], 0
    for i, word in enumerate(text.split()):
        at = text.index(word, at)
        tokens.append(Token(i, word, at, word.lower(), "PROPN", "dep", i, True, ""))
        at += len(word)
    article = Article(id="a", path="a.txt", text=text)
    sentence = Sentence(tuple(tokens), tuple(("PERSON", a, b) for a, b in ents))
    return article, {0: sentence}


def test_the_parser_s_people_are_not_things_groups_or_laws():
    from briefgen.extract.parse.article import _with_people

    text = "Ann Lee sued the Daily Telegraph and met five Black Speakers and backed its Crime Bill"
    article, parsed = _tagged(text, [(0, 2), (4, 6), (9, 11), (14, 16)])
    people = _with_people(article, parsed).people
    assert [m.name for m in people] == ["Ann Lee"]


def test_an_article_s_mentions_pack_small_and_unpack_the_same(parsed):
    from briefgen.extract.parse.packed import Packed
    from briefgen.extract.work import prepare_text

    for article, _ in parsed:
        prepared = prepare_text(article, spacy_model=None)
        value = (prepared.introductions, prepared.parties, frozenset({"Rome", "Paris"}))
        packed = Packed.of(value)
        assert packed.unpack() == value
        assert loads(dumps(packed)) == packed  # plain data for the cache
        if len(prepared.parties) > 10:
            assert len(packed.data) < len(dumps(value)) / 3
