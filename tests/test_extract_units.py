"""The extraction modules one at a time, on small invented inputs.

``extract.facts`` (a sentence's facts from given entities), ``extract.merge``
(which facts are one), ``extract.people`` (one record per person) and
``extract.gazetteer`` (names, word lists, every data entry read). The whole
extractor on real readouts is ``tests/test_extract.py``; these pin each
module's own rule, so a failure says which module broke.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest
import regex

from briefgen.extract.facts import ArticleReader, Entity, Fact
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.mentions import Mention
from briefgen.extract.merge import (
    absorb_vague_meetings,
    merge_facts,
    participants,
    party_and_word,
    same_meeting,
    same_proposal,
    same_statement,
    similar,
)
from briefgen.extract.people import People, core_words, is_nickname_form, is_short_form
from briefgen.ingest.nlp import split_sentences
from briefgen.model import Article, Span
from briefgen.yamlsafe import safe_load

EXTRACT = Path(__file__).resolve().parent.parent / "briefgen" / "extract"


def _article(text: str, *, id: str = "a", published: dt.date | None = None) -> Article:
    return Article(
        id=id, path=f"{id}.txt", text=text, published=published, sentences=split_sentences(text)
    )


def _entities(text: str, people: list[str], parties: list[str] = ()) -> list[Entity]:
    """Each name at its first place in ``text``, in text order (as the extractor gives them)."""
    found = [
        Entity(m.start(), m.end(), name, name in people)
        for name in [*people, *parties]
        for m in [regex.search(regex.escape(name), text)]
        if m
    ]
    return sorted(found, key=lambda e: e.start)


def _facts(text: str, people: list[str], parties: list[str] = (), **kw: object) -> list[Fact]:
    article = _article(text, **kw)  # type: ignore[arg-type]
    return ArticleReader(article, _entities(text, people, parties), roles={}).facts()


# --- extract.facts ------------------------------------------------------------------


def test_a_meeting_needs_two_people_and_takes_its_place_and_date():
    text = "Anna Berg met Carl Dunn in Paris on Tuesday. Anna Berg slept."
    (fact,) = _facts(text, ["Anna Berg", "Carl Dunn"], published=dt.date(2026, 3, 5))
    assert fact.kind == "meeting"
    assert fact.parties == ["Anna Berg", "Carl Dunn"]
    assert fact.location == "Paris"
    assert fact.date == dt.date(2026, 3, 3)  # the Tuesday before a Thursday's article
    assert _facts("Anna Berg met reporters in Paris.", ["Anna Berg"]) == []


def test_a_call_has_a_format_and_no_place():
    text = "Anna Berg spoke by phone with Carl Dunn in Paris."
    (fact,) = _facts(text, ["Anna Berg", "Carl Dunn"])
    assert fact.format == "call" and fact.location is None


def test_the_two_sides_recall_the_last_group():
    text = (
        "Anna Berg met Carl Dunn in Rome. The two sides agreed to expand trade in grain."
        " Both leaders agreed on a new border crossing."
    )
    facts = _facts(text, ["Anna Berg", "Carl Dunn"])
    assert [f.kind for f in facts] == ["meeting", "agreement", "agreement"]
    assert all(f.parties == ["Anna Berg", "Carl Dunn"] for f in facts)


def test_one_side_alone_cannot_agree():
    assert [f.kind for f in _facts("Anna Berg agreed to the plan.", ["Anna Berg"])] == []


def test_he_is_the_last_subject_and_the_minister_the_last_person_with_that_role():
    text = "Anna Berg arrived in Oslo. He met Carl Dunn there."
    (fact,) = _facts(text, ["Anna Berg", "Carl Dunn"])
    assert fact.parties == ["Anna Berg", "Carl Dunn"]
    text = "Anna Berg arrived in Oslo. Erik Falk spoke. The minister met Carl Dunn there."
    people = ["Anna Berg", "Erik Falk", "Carl Dunn"]
    article = _article(text)
    roles = {"Anna Berg": "Foreign Minister", "Erik Falk": "Ambassador"}
    (fact,) = ArticleReader(article, _entities(text, people), roles=roles).facts()
    assert fact.parties == ["Anna Berg", "Carl Dunn"]


def test_a_proposal_has_an_author_and_what_was_proposed():
    text = "Anna Berg proposed a joint commission on fisheries."
    (fact,) = _facts(text, ["Anna Berg"])
    assert fact.kind == "proposal" and fact.parties == ["Anna Berg"]
    assert "joint commission on fisheries" in (fact.what or "")


def test_a_disagreement_needs_two_parties():
    text = "Anna Berg disagreed with Carl Dunn over the fishing quotas."
    (fact,) = _facts(text, ["Anna Berg", "Carl Dunn"])
    assert fact.kind == "disagreement" and fact.parties == ["Anna Berg", "Carl Dunn"]
    assert _facts("Anna Berg disagreed over the fishing quotas.", ["Anna Berg"]) == []


def test_a_speaker_is_not_a_party():
    text = "Anna Berg met Carl Dunn, Erik Falk said."
    (fact,) = _facts(text, ["Anna Berg", "Carl Dunn", "Erik Falk"])
    assert fact.parties == ["Anna Berg", "Carl Dunn"]


# --- extract.merge ------------------------------------------------------------------


def _fact(kind: str, parties: list[str], *, article: str = "a", **kw: object) -> Fact:
    fact = Fact(kind, _article("X.", id=article), Span(0, 2), parties)
    for key, value in kw.items():
        setattr(fact, key, value)
    return fact


def test_similar_compares_opening_content_words_without_stop_words():
    assert similar("the expansion of grain trade", "an expansion of the grain trade routes")
    assert not similar("the expansion of grain trade", "a ban on fishing")
    assert not similar("the of and", "the of and")  # nothing but stop words: nothing to compare
    assert not similar(None, "grain")


def test_like_statements_share_two_words_when_both_have_two():
    assert not similar("political give", "trying to score cheap political points")
    assert not similar("spending plans", "plans to cut 100,000 civil servants")
    assert similar("the Bill", "the bill when it is debated")  # one word: it must be there
    # The "s" of a possessive and a title say nothing of the topic.
    assert not similar("Mr Brown's vaccine preoccupation", "Mr Brown's Budget pledges")


def test_proposals_by_one_author_are_not_alike_for_naming_the_author():
    same, keys = same_proposal({}.get)
    first = _fact("proposal", ["government"], what="government plans to build homes")
    other = _fact("proposal", ["government"], what="government plans unveiled on Monday")
    assert merge_facts([first, other], same, keys) == [[first], [other]]


def test_proposals_alike_only_in_their_party_s_name_and_kind_are_two():
    same, keys = same_proposal({"Tom Hale": "Conservatives"}.get)
    tax = _fact("proposal", ["Conservatives"], what="Tory plans to cut £35bn tax")
    asylum = _fact("proposal", ["Tom Hale"], what="Tory plans to cut immigration", article="b")
    support = _fact("proposal", ["Tom Hale"], what="offered support", article="c")
    full = _fact("proposal", ["Tom Hale"], what="offered full support for those efforts")
    again = _fact("proposal", ["Conservatives"], what="plans to cut immigration", article="d")
    groups = merge_facts([tax, asylum, support, full, again], same, keys)
    assert groups == [[tax], [asylum, again], [support], [full]]


def test_like_proposals_a_month_apart_are_two():
    same, keys = same_proposal({}.get)

    def call(article: str, day: dt.date) -> Fact:
        fact = Fact("proposal", _article("X.", id=article, published=day), Span(0, 2), ["Ann Lee"])
        fact.what = "encouraged the leaders to continue their work"
        return fact

    july, july_again, september = (
        call("a", dt.date(2022, 7, 14)),
        call("b", dt.date(2022, 7, 16)),
        call("c", dt.date(2022, 9, 23)),
    )
    groups = merge_facts([july, july_again, september], same, keys)
    assert groups == [[july, july_again], [september]]


def test_meetings_in_two_places_or_on_two_dates_are_two():
    rome = _fact("meeting", ["A", "B"], location="Rome")
    assert same_meeting(_fact("meeting", ["B", "A"], location="Rome", article="b"), [rome])
    assert not same_meeting(_fact("meeting", ["A", "B"], location="Oslo"), [rome])
    assert not same_meeting(_fact("meeting", ["A", "C"], location="Rome"), [rome])
    day = _fact("meeting", ["A", "B"], date=dt.date(2026, 1, 1))
    assert not same_meeting(_fact("meeting", ["A", "B"], date=dt.date(2026, 1, 2)), [day])
    # Neither placed nor dated: the same only within one article.
    vague = _fact("meeting", ["A", "B"])
    assert same_meeting(_fact("meeting", ["A", "B"]), [vague])
    assert not same_meeting(_fact("meeting", ["A", "B"], article="b"), [vague])


def test_merge_facts_keeps_the_order_of_first_appearance():
    facts = [
        _fact("meeting", ["A", "B"], location="Rome"),
        _fact("meeting", ["C", "D"], location="Oslo"),
        _fact("meeting", ["A", "B"], location="Rome", article="b"),
    ]
    groups = merge_facts(facts, same_meeting, participants)
    assert [[facts.index(f) for f in g] for g in groups] == [[0, 2], [1]]


def test_a_vague_meeting_joins_the_placed_meeting_of_the_same_people():
    placed = [_fact("meeting", ["A", "B"], location="Rome", article="x")]
    other = [_fact("meeting", ["A", "B"], date=dt.date(2026, 1, 1), article="y")]
    vague = [_fact("meeting", ["A", "B"], article="y")]
    alone = [_fact("meeting", ["C", "D"])]
    groups = absorb_vague_meetings([placed, other, vague, alone])
    assert groups == [placed, other + vague, alone]  # the one reported in the same article wins


def test_statements_merge_on_a_shared_party_and_like_wording():
    a = _fact("agreement", ["A", "B"], what="to expand grain trade")
    b = _fact("agreement", ["B", "C"], what="to expand the grain trade this year")
    c = _fact("agreement", ["A", "B"], what="to ban fishing")
    assert same_statement(b, [a]) and not same_statement(c, [a])
    groups = merge_facts([a, b, c], same_statement, party_and_word)
    assert groups == [[a, b], [c]]


def test_a_state_and_its_person_make_one_proposal():
    same, keys = same_proposal({"Anna Berg": "Norway"}.get)
    by_state = _fact("proposal", ["Norway"], what="a joint fisheries commission")
    by_person = _fact("proposal", ["Anna Berg"], what="a joint fisheries commission now")
    by_other = _fact("proposal", ["Sweden"], what="a joint fisheries commission")
    assert merge_facts([by_state, by_person, by_other], same, keys) == [
        [by_state, by_person],
        [by_other],
    ]


# --- extract.people -----------------------------------------------------------------


def test_short_forms_are_first_or_last_words_or_the_name_without_initials():
    assert core_words("Joseph R. Biden, Jr.") == ["Joseph", "R.", "Biden"]
    assert is_short_form("Biden", "Joseph R. Biden, Jr.")
    assert is_short_form("Paul Ryan", "Paul D. Ryan")
    assert is_short_form("Hugh Marl", "Hugh Edward James Marl")  # the middle names left out
    assert not is_short_form("Hugh James", "Hugh Edward James Marl")
    assert not is_short_form("R.", "Joseph R. Biden")  # a middle word is no name
    assert not is_short_form("Anna Berg", "Anna Berg")


def _intro(name: str, role: str | None = None, affiliation: str | None = None, cue: str = "title"):
    return Mention(0, len(name), name, role=role, affiliation=affiliation, cue=cue)


def test_one_record_per_person_with_the_fullest_name_and_voted_role():
    people = People(
        [
            _intro("Anna Berg", role="Foreign Minister", affiliation="Norway"),
            _intro("Anna K. Berg", role="Foreign Minister"),
            _intro("Berg", role="Minister"),
            _intro("Carl Dunn", role="Ambassador", affiliation="Chile"),
        ]
    )
    assert sorted(people.records) == ["Anna K. Berg", "Carl Dunn"]
    anna = people.records["Anna K. Berg"]
    assert anna.forms == {"Anna K. Berg", "Anna Berg", "Berg"}
    assert anna.role == "Foreign Minister" and anna.affiliation == "Norway"
    assert people.canonical("Berg") == "Anna K. Berg"
    assert people.canonical("Dunn") == "Carl Dunn"  # a surname is looked for alone
    assert people.canonical("Nobody") is None


def test_a_shared_surname_goes_to_nobody_unless_one_is_introduced_twice_as_often():
    even = People([_intro("Anna Berg"), _intro("Olav Berg")])
    assert even.canonical("Berg") is None
    lopsided = People([_intro("Anna Berg"), _intro("Anna Berg"), _intro("Olav Berg")])
    assert lopsided.canonical("Berg") == "Anna Berg"


def test_two_names_run_together_are_the_second_introduced_one():
    people = People([_intro("Hillary Clinton Donald Trump", cue="entity"), _intro("Donald Trump")])
    assert sorted(people.records) == ["Donald Trump"]
    assert people.canonical("Hillary Clinton Donald Trump") == "Donald Trump"


def test_a_counterpart_role_counts_only_when_nothing_states_one():
    implied = People([_intro("Carl Dunn", role="Foreign Minister", cue="counterpart")])
    assert implied.records["Carl Dunn"].role == "Foreign Minister"
    stated = People(
        [
            _intro("Carl Dunn", role="Foreign Minister", cue="counterpart"),
            _intro("Carl Dunn", role="Ambassador"),
        ]
    )
    assert stated.records["Carl Dunn"].role == "Ambassador"


def test_a_nickname_for_the_given_name_is_the_same_person_with_that_role():
    people = People(
        [
            _intro("Joseph R. Biden, Jr.", role="President"),
            _intro("Joe Biden", role="President"),
            _intro("Jill Biden", role="First Lady"),
            _intro("Biden", role="President"),
        ]
    )
    assert sorted(people.records) == ["Jill Biden", "Joseph R. Biden, Jr."]
    assert people.canonical("Joe Biden") == people.canonical("Biden") == "Joseph R. Biden, Jr."


def test_a_nickname_without_a_shared_role_only_where_no_one_else_has_the_surname():
    pair = People([_intro("Jennifer Klein", role="Director"), _intro("Jen Klein", cue="described")])
    assert sorted(pair.records) == ["Jennifer Klein"]
    three = People(
        [
            _intro("Andrea Williams", cue="described"),
            _intro("Andy Williams", role="chief executive"),
            _intro("Rowan Williams", role="Archbishop"),
        ]
    )
    assert sorted(three.records) == ["Andrea Williams", "Andy Williams", "Rowan Williams"]
    assert not is_nickname_form("Jill Biden", "Joseph R. Biden")


def test_a_titled_name_alone_is_a_surname_but_a_king_s_is_his_given_name():
    people = People(
        [
            _intro("Kamala Harris", role="Vice President"),
            *[_intro("Harris", role="Vice President")] * 3,
            _intro("Harris", role="President"),
            _intro("Harris Rohini Kosoglu", role="Vice President"),  # a run-on
            _intro("Alun Michael", role="Minister"),
            _intro("Michael Howard", role="Leader"),
            _intro("Michael", role="King"),
            _intro("Carol", role="former Queen"),
            _intro("Ann Carol", cue="described"),
            _intro("Carol Hale", role="Leader"),
        ]
    )
    assert people.canonical("Harris") == "Kamala Harris"
    assert people.canonical("Michael") == "Michael"  # King Michael is neither
    assert people.canonical("Carol") == "Carol"  # nor a former queen


def test_an_english_given_name_after_mr_is_a_surname():
    people = People(
        [
            _intro("Howard Flight", role="MP"),
            _intro("Howard", cue="honorific"),
            _intro("Xi Jinping", role="President"),
            _intro("Xi", cue="honorific"),
        ]
    )
    assert people.canonical("Howard") == "Howard"  # Mr Howard is not Howard Flight
    assert people.canonical("Xi") == "Xi Jinping"


def test_a_party_s_name_alone_is_no_one_s_surname():
    people = People([_intro("Vote Tory", cue="entity"), _intro("Damian Green", role="MP")])
    assert people.canonical("Tory") is None  # "the Tory leader" is no "Vote Tory"
    assert people.canonical("Green") is None  # nor "Green MEP Caroline Lucas" Damian Green
    assert people.canonical("Damian Green") == "Damian Green"


def test_a_double_barrelled_surname_lends_its_first_word_to_no_one():
    people = People(
        [
            _intro("Moon Jae-in", role="President"),
            _intro("John Moore-Gillon", role="Dr"),
        ]
    )
    assert people.canonical("Moon") == "Moon Jae-in"
    assert people.canonical("Moore-Gillon") == "John Moore-Gillon"
    assert people.canonical("John") is None


def test_particles_in_either_case_and_a_family_name_first_are_one_person():
    people = People(
        [
            _intro("Tamim bin Hamad Al Thani", role="Amir"),
            _intro("Tamim Bin Hamad al Thani", role="Amir"),
            _intro("Kishida Fumio", role="Prime Minister"),
            _intro("Fumio Kishida", role="Prime Minister"),
            _intro("Mohammed bin Salman Al Saud", role="Crown Prince"),
            _intro("Mohammed Bin Salman", role="Crown Prince"),
        ]
    )
    assert len(people.records) == 3
    assert people.canonical("Fumio Kishida") == people.canonical("Kishida Fumio")
    assert people.canonical("Mohammed Bin Salman") == "Mohammed bin Salman Al Saud"


# --- extract.gazetteer --------------------------------------------------------------


def test_party_forms_resolve_to_the_state():
    gaz = gazetteer()
    assert gaz.party("France") == "France"
    assert gaz.party("the United Kingdom") == gaz.party("United Kingdom") is not None
    assert gaz.party("Paris") == "France"  # a capital stands for its state
    assert gaz.party("Atlantis") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The two sides agreed.", "The two sides"),
        ("Both Nordic ministers spoke.", "Both Nordic ministers"),
        ("They agreed.", "They"),
        ("The heads of state met.", "The heads of state"),
        ("The Ministers arrived.", None),  # group nouns keep their case
    ],
)
def test_the_group_pattern_reads_its_nouns_from_the_data(text: str, found: str | None):
    m = gazetteer().group_pattern.search(text)
    assert (m.group() if m else None) == found


def test_the_recall_pattern_names_its_noun_in_any_case():
    m = gazetteer().recall_pattern.search("Later the Foreign MINISTER left.")
    assert m is not None and m["noun"] == "MINISTER"
    assert gazetteer().recall_pattern.search("the ministry said") is None


def test_every_entry_of_the_gazetteer_is_read_by_the_extractor():
    """A table in the data file that no code reads is dead weight that looks like a rule.

    Top-level keys are read as ``data["key"]``; trigger kinds as ``triggers["kind"]``.
    (``triggers.meeting`` was compiled and never read; meetings are a pattern.)
    """
    data = safe_load(resources.files("briefgen.data").joinpath("gazetteer.yaml").read_text())
    code = "\n".join(p.read_text("utf-8") for p in sorted(EXTRACT.rglob("*.py")))
    unread = [key for key in data if f'data["{key}"]' not in code]
    unread += [f"triggers.{k}" for k in data["triggers"] if f'triggers["{k}"]' not in code]
    assert unread == []
    assert "meeting" not in data["triggers"]
