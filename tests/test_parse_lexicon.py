"""The parse extractor's word lists and sentence selection: no parser model needed."""

from __future__ import annotations

import pytest

from briefgen.extract.parse.article import select
from briefgen.extract.parse.lexicon import _check, inflections, lexicon
from briefgen.ingest.nlp import split_sentences
from briefgen.model import Article, Meeting


def test_inflections_follow_english_spelling():
    assert {"meets", "meeting"} <= inflections("meet")
    assert {"agreed", "agrees", "agreeing"} <= inflections("agree")
    assert {"criticised", "criticising"} <= inflections("criticise")
    assert {"plans", "planned", "planning"} <= inflections("plan")
    assert {"denied", "denies"} <= inflections("deny")


def test_irregular_forms_and_lemmas():
    lex = lexicon()
    assert lex.lemma("met", "") == "meet"
    assert lex.lemma("spoke", "") == "speak"
    assert lex.lemma("Agreed", "") == "agree"
    assert "on" in lex.words("proposal", "call_preps")  # quoted: YAML reads on as true


def test_the_past_of_a_listed_verb_is_written_as_english_writes_it():
    # A fact's text opening with its verb is put in the past: "has hit out at" reads
    # "hit out at", never "hited"
    lex = lexicon()
    assert [lex.past(v) for v in ("hit", "plan", "say", "snub", "agree", "criticise")] == [
        "hit",
        "planned",
        "said",
        "snubbed",
        "agreed",
        "criticised",
    ]


def test_a_verb_done_again_or_jointly_is_that_verb():
    lex = lexicon()
    assert lex.lemma("re-affirmed", "") == "reaffirm"
    assert lex.lemma("co-hosted", "") == "host"
    assert lex.lemma("ex-minister", "ex-minister") == "ex-minister"  # no such prefix


def test_a_word_list_entry_that_is_no_word_is_an_error():
    with pytest.raises(ValueError, match="quote it"):
        _check({"proposal": {"call_preps": ["for", True]}}, "triggers.yaml")


def test_only_sentences_with_a_trigger_are_parsed():
    text = (
        "The weather was fine. The two leaders met in Oslo. "
        "Officials did not accept the figures. Prices rose."
    )
    article = Article(id="a", path="a.txt", text=text, sentences=split_sentences(text))
    chosen = [article.sentence_text(article.sentences[n]) for n in select(article, lexicon())]
    assert chosen == ["The two leaders met in Oslo.", "Officials did not accept the figures."]


def test_a_meeting_is_held_unless_said_otherwise():
    assert Meeting(participants=["A", "B"]).status == "held"
    assert Meeting(participants=["A", "B"], status="planned").status == "planned"
