"""The scorer follows ../shared/eval/README.md: checked on small hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.evaluate import (
    NameMatcher,
    default_matcher,
    explain_case,
    fold,
    format_explanations,
    load_gold,
    match_case,
    score_case,
    summarize,
)
from briefgen.ingest.nlp import split_sentences
from briefgen.model import (
    Agreement,
    Article,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Proposal,
)

GOLD = """\
case: tiny
people:
  - name: António Guterres
    aliases: [Guterres]
    role: Secretary-General
    affiliation: United Nations
  - {name: Kim Min-su, role: Minister, affiliation: South Korea, optional: true}
meetings:
  - participants: [António Guterres, United States]
    location: New York
    date: 2023-09-19
    keys: [met today with the Secretary-General]
proposals:
  - by: South Korea
    keys: [proposed a summit]
ignore: [Ahn Sung-mi]
"""


def _ev(quote: str) -> list[Evidence]:
    return [Evidence(source="s", quote=quote, start=0, end=len(quote))]


@pytest.fixture
def gold(tmp_path: Path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return load_gold(path)


def test_fold_ignores_case_accents_quotes_dashes_and_spaces():
    assert fold("  António’s  “Talks” — Today ") == 'antonio\'s "talks" - today'


def test_a_perfect_digest_scores_one(gold):
    digest = Digest(
        people=[
            Person(name="Antonio Guterres", role="Secretary-General", affiliation="United Nations")
        ],
        meetings=[
            Meeting(
                participants=["Antonio Guterres", "Washington"],  # a capital stands for its state
                location="New York",
                date="2023-09-19",
                evidence=_ev("Biden met today with the Secretary-General in New York."),
            )
        ],
        proposals=[Proposal(by="Seoul", what="a summit", evidence=_ev("Seoul proposed a summit."))],
    )
    score = score_case(digest, gold)
    assert score.micro.f1 == 1.0
    assert score.attributes["location"].value == 1.0 and score.attributes["date"].value == 1.0
    assert score.attributes["role"].value == 1.0


def test_duplicates_ignored_optional_and_misses(gold):
    meeting = Meeting(participants=["Guterres", "U.S."], location="New York",
                      evidence=_ev("Unrelated sentence."))  # fmt: skip
    digest = Digest(
        people=[Person(name="Ahn Sung-mi"), Person(name="Kim Min-su"), Person(name="Nobody Real")],
        meetings=[meeting, meeting],  # the second report of one meeting is an error
    )
    score = score_case(digest, gold)
    people, meetings, proposals = (score.kinds[k] for k in ("people", "meetings", "proposals"))
    assert (people.tp, people.fp, people.fn) == (0, 1, 1)  # ignore and optional not counted
    assert (meetings.tp, meetings.fp, meetings.fn) == (1, 1, 0)  # matched by location
    assert (proposals.tp, proposals.fn) == (0, 1)
    assert score.attributes["date"].value == 0.0


def test_eval_command_scores_a_case(tmp_path: Path):
    case = tmp_path / "case"
    (case / "articles").mkdir(parents=True)
    (case / "articles" / "a.txt").write_text(
        "Ministers meet\n\nForeign Minister Chung Eui-yong met Secretary of State Antony Blinken "
        "in Rome on Sunday.\n"
    )
    (case / "gold.yaml").write_text(
        "case: case\npeople:\n  - {name: Chung Eui-yong, role: Foreign Minister}\n"
        "  - {name: Antony Blinken, role: Secretary of State}\n"
        "meetings:\n  - {participants: [Chung Eui-yong, Antony Blinken], location: Rome, "
        "keys: [met Secretary of State]}\n"
    )
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"micro_f1": 1.0' in result.output


# --- evaluation's own name matching ----------------------------------------------


def test_states_match_their_common_forms_from_evaluations_own_table():
    matcher = default_matcher()
    assert matcher.state_of("Seoul") == matcher.state_of("ROK") == "South Korea"
    assert matcher.state_of("Republic of Korea") == "South Korea"  # official name
    assert matcher.state_of("the U.S.") == matcher.state_of("Washington") == "United States"
    assert matcher.state_of("Britain") == "United Kingdom"
    assert matcher.state_of("Seoul’s") == "South Korea"  # possessive, curly quote folded
    # Demonyms and organisations are not common forms of a state.
    assert matcher.state_of("Korean") is None and matcher.state_of("EU") is None
    assert matcher.same("ROK", "South Korea") and matcher.same("Washington", "United States")
    assert not matcher.same("Tokyo", "South Korea") and not matcher.same("Chinese", "China")


def test_a_form_claimed_by_two_states_is_dropped():
    matcher = NameMatcher.from_table({"Atlantis": ["Capitol", "AT"], "Lemuria": ["Capitol"]})
    assert matcher.state_of("AT") == "Atlantis"
    assert matcher.state_of("Capitol") is None
    assert not matcher.same("Capitol", "Lemuria")


def test_names_match_whole_words_only():
    matcher = NameMatcher.from_table({})
    assert matcher.same("Blair", "Tony Blair") and matcher.same("Tony Blair", "Blair")
    assert matcher.same("the Tories", "Tories")
    assert not matcher.same("Ann", "Kofi Annan") and not matcher.same("Tory", "Tories")
    assert matcher.same("Jose  Manuel Barroso", "José Manuel Barroso")  # accents, spaces


FACT_GOLD = """\
case: facts
agreements:
  - {parties: [South Korea, Japan], keys: [agreed to share radar data]}
  - {parties: [Canada], keys: [signed a fisheries accord], optional: true}
disagreements:
  - {parties: [United States, Iran], keys: [rejected the demand]}
proposals:
  - {by: Mary Okafor, keys: [proposed a ceasefire]}
"""


@pytest.fixture
def fact_gold(tmp_path: Path):
    path = tmp_path / "gold.yaml"
    path.write_text(FACT_GOLD, encoding="utf-8")
    return load_gold(path)


def test_facts_match_states_by_common_forms_and_longer_names(fact_gold):
    digest = Digest(
        agreements=[
            Agreement(parties=["ROK"], what="share radar data",
                      evidence=_ev("Seoul and Tokyo agreed to share radar data."))
        ],
        disagreements=[
            Disagreement(parties=["Washington"], evidence=_ev("Washington rejected the demand."))
        ],
        proposals=[
            Proposal(by="Okafor", what="a ceasefire", evidence=_ev("Okafor proposed a ceasefire."))
        ],
    )  # fmt: skip
    score = score_case(digest, fact_gold)
    assert [score.kinds[k].tp for k in ("agreements", "disagreements", "proposals")] == [1, 1, 1]
    assert score.micro.fp == 0 and score.micro.fn == 0


def test_optional_items_are_neither_missed_nor_wrong(fact_gold):
    accord = Agreement(parties=["Canada"], what="fisheries",
                       evidence=_ev("Canada signed a fisheries accord."))  # fmt: skip
    with_it = score_case(Digest(agreements=[accord]), fact_gold).kinds["agreements"]
    without = score_case(Digest(), fact_gold).kinds["agreements"]
    assert (with_it.tp, with_it.fp, with_it.fn) == (0, 0, 1)
    assert (without.tp, without.fp, without.fn) == (0, 0, 1)


def test_one_to_one_a_second_report_is_an_error(fact_gold):
    proposal = Proposal(by="Mary Okafor", what="a ceasefire",
                        evidence=_ev("Mary Okafor proposed a ceasefire."))  # fmt: skip
    score = score_case(Digest(proposals=[proposal, proposal]), fact_gold).kinds["proposals"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_a_fact_must_cite_a_key_and_name_a_party(fact_gold):
    elsewhere = Proposal(by="Mary Okafor", what="x", evidence=_ev("Okafor spoke."))
    stranger = Proposal(by="Ivan Petrov", what="x", evidence=_ev("Petrov proposed a ceasefire."))
    score = score_case(Digest(proposals=[elsewhere, stranger]), fact_gold).kinds["proposals"]
    assert (score.tp, score.fp, score.fn) == (0, 2, 1)


# --- --explain ---------------------------------------------------------------------

ARTICLE = (
    "Ministers meet\n\n"
    "Mary Okafor proposed a ceasefire on Monday. "  # proposal: extracted under another name
    "Seoul and Tokyo agreed to share radar data. "  # agreement: extracted as a proposal
    "Washington rejected the demand. "  # disagreement: nothing extracted
    "Ivan Petrov praised the weather. "  # cites nothing
    "Mary Okafor later spoke to reporters."  # the proposer, from another sentence
)

EXPLAIN_GOLD = """\
case: explain
people:
  - {name: Mary Okafor, aliases: [Okafor]}
  - {name: Ivan Petrov}
meetings:
  - {participants: [Mary Okafor, Ivan Petrov], keys: [not a phrase of the article]}
agreements:
  - {parties: [South Korea, Japan], keys: [agreed to share radar data]}
  - {parties: [Japan], keys: [agreed to share radar]}
disagreements:
  - {parties: [United States, Iran], keys: [rejected the demand]}
proposals:
  - {by: Mary Okafor, keys: [proposed a ceasefire]}
  - {by: Mary Okafor, keys: [spoke to reporters]}
"""


def _article() -> Article:
    return Article(id="a", path="articles/a.txt", text=ARTICLE, sentences=split_sentences(ARTICLE))


def _quote(article: Article, phrase: str) -> list[Evidence]:
    span = next(s for s in article.sentences if phrase in article.sentence_text(s))
    quote = article.sentence_text(span)
    return [Evidence(source=article.id, quote=quote, start=span.start, end=span.end)]


def test_explain_classes_every_miss_and_every_wrong_item(tmp_path: Path):
    (tmp_path / "gold.yaml").write_text(EXPLAIN_GOLD, encoding="utf-8")
    gold = load_gold(tmp_path / "gold.yaml")
    a = _article()
    digest = Digest(
        people=[
            Person(name="Mary Okafor"),
            Person(name="Okafor"),  # a second report of her
            Person(name="Carl Stone"),
            Person(name="I. Petrov"),  # Ivan Petrov in a form that does not match
        ],
        agreements=[
            # one report for two gold agreements: the second is a duplicate of the first
            Agreement(parties=["Japan"], what="radar", evidence=_quote(a, "radar")),
            Agreement(parties=["Petrov"], what="weather", evidence=_quote(a, "weather")),
        ],
        proposals=[
            Proposal(by="Ivan Petrov", what="a ceasefire", evidence=_quote(a, "ceasefire")),
            Proposal(by="Seoul", what="radar data", evidence=_quote(a, "radar")),
            Proposal(by="Mary Okafor", what="x", evidence=_quote(a, "praised")),
        ],
    )
    match = match_case(digest, gold)
    x = explain_case(match, [a])
    missed = {(f.kind, f.keys[0] if f.keys else f.names[0]): f.cls for f in x.missed}
    assert missed == {
        ("person", "Ivan Petrov"): "name extracted in another form",
        ("meeting", "not a phrase of the article"): "key not in the articles",
        ("agreement", "agreed to share radar"): "duplicate of a matched item",
        ("disagreement", "rejected the demand"): "nothing extracted from the key sentence",
        ("proposal", "proposed a ceasefire"): "right sentence, parties not matched",
        ("proposal", "spoke to reporters"): "parties matched, other sentence",
    }
    wrong = {f.text: f.cls for f in x.wrong}
    assert wrong == {
        "Okafor": "duplicate report",
        "Carl Stone": "not a gold person",
        "I. Petrov": "not a gold person",
        "agreement [Petrov]: weather": "sentence cites no gold item",
        "proposal by Ivan Petrov: a ceasefire": "cites a gold item, parties not matched",
        "proposal by Seoul: radar data": "sentence cites only a gold item of another kind",
        "proposal by Mary Okafor: x": "sentence cites no gold item",
    }
    disagreement = next(f for f in x.missed if f.kind == "disagreement")
    assert disagreement.sentences[0].text == "Washington rejected the demand."
    assert disagreement.extracted_there == []
    ceasefire = next(f for f in x.missed if f.keys == ["proposed a ceasefire"])
    assert ceasefire.extracted_there == ["proposal by Ivan Petrov: a ceasefire"]
    # The summary counts exactly the misses and wrong items the scores count.
    summary = summarize([x])
    counted = {side: sum(sum(k.values()) for k in summary[side].values()) for side in summary}
    assert counted == {"missed": match.score.micro.fn, "wrong": match.score.micro.fp}
    text = format_explanations([x])
    assert "class: nothing extracted from the key sentence" in text
    assert '"Washington rejected the demand."' in text


def test_explain_sees_another_kind_from_the_key_sentence(tmp_path: Path):
    (tmp_path / "gold.yaml").write_text(EXPLAIN_GOLD, encoding="utf-8")
    gold = load_gold(tmp_path / "gold.yaml")
    a = _article()
    proposal = Proposal(by="Seoul", what="radar", evidence=_quote(a, "radar"))
    x = explain_case(match_case(Digest(proposals=[proposal]), gold), [a])
    radar = next(f for f in x.missed if f.keys == ["agreed to share radar data"])
    assert radar.cls == "extracted as another kind"
    assert radar.extracted_there == ["proposal by Seoul: radar"]
    assert radar.sentences[0].source == "articles/a.txt"


def test_eval_command_explains_in_text_and_json(tmp_path: Path):
    case = tmp_path / "case"
    (case / "articles").mkdir(parents=True)
    (case / "articles" / "a.txt").write_text(
        "Ministers meet\n\nForeign Minister Chung Eui-yong met Secretary of State Antony Blinken "
        "in Rome on Sunday. The weather was mild and the harbour calm.\n"
    )
    (case / "gold.yaml").write_text(
        "case: case\npeople:\n  - {name: Chung Eui-yong}\n  - {name: Antony Blinken}\n"
        "agreements:\n  - {parties: [Chung Eui-yong], keys: [the harbour calm]}\n"
    )
    result = CliRunner().invoke(cli, ["eval", str(case), "--explain"])
    assert result.exit_code == 0, result.output
    assert "== case: 1 missed, 1 matched nothing" in result.output
    assert "missed agreement [Chung Eui-yong]" in result.output
    assert "class: nothing extracted from the key sentence" in result.output
    assert "Failure classes over 1 cases" in result.output
    assert "agreements" in result.output.split("Failure classes")[1]  # the table follows
    result = CliRunner().invoke(cli, ["eval", str(case), "--explain", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (explained,) = data["explain"]["cases"]
    assert [f["class"] for f in explained["missed"]] == ["nothing extracted from the key sentence"]
    assert [f["class"] for f in explained["wrong"]] == ["sentence cites no gold item"]
    assert data["explain"]["summary"]["missed"] == {
        "nothing extracted from the key sentence": {"agreement": 1}
    }
    assert data["kinds"]["agreements"]["fn"] == 1


def test_eval_without_explain_prints_no_classes(tmp_path: Path):
    case = tmp_path / "case"
    (case / "articles").mkdir(parents=True)
    (case / "articles" / "a.txt").write_text("Talks\n\nNothing happened today at all.\n")
    (case / "gold.yaml").write_text("case: case\nproposals:\n  - {by: X, keys: [happened]}\n")
    result = CliRunner().invoke(cli, ["eval", str(case)])
    assert result.exit_code == 0, result.output
    assert "Failure classes" not in result.output and "proposals" in result.output
