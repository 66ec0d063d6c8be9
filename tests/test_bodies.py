"""International bodies are named in a brief as its sources name them."""

from __future__ import annotations

from briefgen.extract import extract
from briefgen.extract.bodies import forms_in, names_counted
from briefgen.ingest.nlp import split_sentences
from briefgen.model import Article


def names_used(articles: list[Article], bodies: set[str]) -> dict[str, str]:
    return names_counted([forms_in(a.text) for a in articles], bodies)


def _article(n: int, text: str) -> Article:
    return Article(id=f"a{n}", path=f"a{n}.txt", text=text, sentences=split_sentences(text))


def test_a_body_takes_the_form_its_sources_use_most():
    articles = [
        _article(0, "The EU and the G8 met. EU ministers agreed. The European Union said so."),
        _article(1, "The Group of Seven and the G7 spoke. The United Nations and the U.N. met."),
    ]
    assert names_used(articles, {"European Union", "Group of Eight", "Group of Seven"}) == {
        "European Union": "EU",
        "Group of Eight": "G8",
    }  # a tie keeps the gazetteer's name; the UN was not asked for


def test_a_shortened_form_never_names_a_body():
    articles = [
        _article(
            0, "The Security Council met. The Security Council voted. The UN Security Council."
        )
    ]
    assert names_used(articles, {"UN Security Council"}) == {}


def test_a_brief_names_the_eu_as_its_british_sources_do():
    text = (
        "Home Secretary Ann Lee met her EU counterparts in Luxembourg on Monday. "
        "The EU has opted to adopt majority voting. Mr Lee said the EU was wrong."
    )
    digest = extract([_article(0, text)])
    named = {p for m in digest.meetings for p in m.participants}
    assert "EU" in named and "European Union" not in named
