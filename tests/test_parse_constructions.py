"""The parse extractor, one construction at a time, on invented sentences.

These need the trained parser (``briefgen.extract.parser.load()``); they are
skipped, each with the reason, when no model can be loaded.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.config import ExtractionSettings
from briefgen.extract import extract
from briefgen.extract.parse.tokens import Sentence, Token, verb_after_a_nominal_root
from briefgen.ingest.nlp import split_sentences
from briefgen.model import Article, Digest


@pytest.fixture(scope="module", autouse=True)
def _parser() -> None:
    from briefgen.extract import parser

    try:
        parser.load()
    except Exception as e:  # no model here: nothing to test against
        pytest.skip(f"no parser model: {e}")


def digest_of(*texts: str, titles: tuple[str, ...] = ()) -> Digest:
    articles = [
        Article(
            id=f"a{n}",
            path=f"a{n}.txt",
            text=text,
            title=titles[n] if n < len(titles) else None,
            published=dt.date(2024, 3, 8),
            sentences=split_sentences(text),
        )
        for n, text in enumerate(texts)
    ]
    return extract(articles, ExtractionSettings(extractor="parse"))


def parsed(words: list[tuple[str, str, str, int]]) -> Sentence:
    """A sentence given as its parse, (text, tag, relation, head) a word, as a rule reads
    one: for the slips of the packaged parser a test needs whatever the parser does."""
    tokens, at = [], 0
    for i, (text, pos, dep, head) in enumerate(words):
        tokens.append(Token(i, text, at, text.lower(), pos, dep, head, True, ""))
        at += len(text) + 1
    return Sentence(tuple(tokens), ())


def pairs(items: list[object], attr: str) -> list[frozenset[str]]:
    return [frozenset(getattr(i, attr)) for i in items]


def test_subject_and_object_meet():
    d = digest_of("Foreign Minister Anna Berg met Prime Minister Tom Hale in Oslo on Monday.")
    assert pairs(d.meetings, "participants") == [frozenset({"Anna Berg", "Tom Hale"})]
    assert d.meetings[0].location == "Oslo"
    assert d.meetings[0].status == "held"


def test_coordinated_subjects_agree():
    d = digest_of(
        "President Lena Cole and Chancellor Otto Brandt agreed to expand trade between "
        "their countries."
    )
    assert pairs(d.agreements, "parties") == [frozenset({"Lena Cole", "Otto Brandt"})]
    assert "expand trade" in d.agreements[0].what


def test_agreeing_in_the_present_tense_with_a_that_clause():
    # The parser tags "agree" a noun here, the subject's root or its last name's part.
    for text in (
        "President Lena Cole and Leader Otto Brandt agree that they won't negotiate.",
        "President Lena Cole, Leader Otto Brandt, and Leader Ann Vale agree that we won't "
        "negotiate over default.",
    ):
        d = digest_of(text)
        assert len(d.agreements) == 1 and {"Lena Cole", "Otto Brandt"} <= set(
            d.agreements[0].parties
        ), text
        assert "negotiate" in d.agreements[0].what


def test_a_guessed_advisor_title_before_a_full_name():
    d = digest_of(
        "National Security Advisor Tom Hale hosted Brazilian Presidential Advisor Celso "
        "Amaro for a meeting yesterday."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Celso Amaro"})]
    assert {p.name: p.role for p in d.people}["Celso Amaro"] == "Presidential Advisor"


def test_an_office_to_the_president_before_the_name_is_its_title():
    # The parser took "Assistant" for the clause's head and "met" for its modifier.
    d = digest_of(
        "Assistant to the President for Maritime Affairs Tom Halloway met with Foreign "
        "Minister Anna Berg of Norway in Oslo."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Halloway", "Anna Berg"})]
    d = digest_of(
        "Today, Assistant to the President and Principal Deputy Trade Advisor Lena Voss "
        "spoke with Foreign Minister Anna Berg of Norway."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Lena Voss", "Anna Berg"})]


def test_who_joined_the_subject_is_in_the_meeting_and_the_subject_stays_its_subject():
    # The parser hung "met" on "joined" and made the subject the sentence's root.
    d = digest_of(
        "President Tom Hale, joined by Secretary of State Lena Cole, met today with "
        "Chancellor Anna Berg of Germany."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Lena Cole", "Anna Berg"})]


def test_a_title_in_small_letters_before_a_name_is_part_of_it():
    # The parser took "deputy" for a verb and the name for its object.
    d = digest_of("PCSU deputy general secretary Tom Hale criticised the pay offer.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Tom Hale"})]
    d = digest_of("Ministers met the Italian finance minister Anna Berg in Rome.")
    assert pairs(d.meetings, "participants") == [frozenset({"Ministers", "Anna Berg"})]


def test_a_group_described_by_whose_it_is_acts_as_a_subject():
    d = digest_of("Union leaders met Mayor Tom Hale on Monday.")
    assert pairs(d.meetings, "participants") == [frozenset({"Union leaders", "Tom Hale"})]
    d = digest_of("Business leaders criticised the levy.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Business leaders"})]


def test_an_untitled_name_with_a_hyphened_surname_is_a_person_subject():
    d = digest_of("Jen Hollis-Brandt met with President Tom Hale of Ghana at the United Nations.")
    assert pairs(d.meetings, "participants") == [frozenset({"Jen Hollis-Brandt", "Tom Hale"})]


def test_two_coordinated_agreements_of_the_same_parties_are_two_facts():
    d = digest_of(
        "President Tom Hale met Chancellor Anna Berg. The two leaders reaffirmed their "
        "support for the river treaty and welcomed the new agreement on fishing quotas."
    )
    assert sorted(a.what for a in d.agreements) == [
        "reaffirmed their support for the river treaty",
        "welcomed the new agreement on fishing quotas",
    ]
    # the first ends at the "and", whatever the parser hung on the second
    d = digest_of(
        "President Tom Hale met President Anna Berg. The United States and Indonesia "
        "reaffirm support for the establishment of a durable peace on, and the complete "
        "denuclearization of, the Korean peninsula and urge all parties concerned to fully "
        "and strictly fulfill their international obligations."
    )
    assert (
        "reaffirmed support for the establishment of a durable peace on, and the complete "
        "denuclearization of, the Korean peninsula"
    ) in [a.what for a in d.agreements]
    # one predicate read twice is still one fact
    d = digest_of("President Tom Hale and Chancellor Anna Berg held talks on trade.")
    assert len(d.meetings) == 1


def test_a_clause_of_another_subject_after_and_is_not_the_fact_s_text():
    d = digest_of("Germany proposed a freeze last week and Canada has begun its own moratorium.")
    assert [(p.by, p.what) for p in d.proposals] == [("Germany", "proposed a freeze last week")]
    # names joined by "and" are no new clause
    d = digest_of(
        "Senator Anna Berg recommended Canada, Mexico, and Norway maintain their commitment to "
        "the accord."
    )
    assert [p.what for p in d.proposals] == [
        "recommended Canada, Mexico, and Norway maintain their commitment to the accord"
    ]


def test_a_count_of_a_group_that_gathered_names_the_group():
    d = digest_of(
        "Advisor Tom Hale of Norway, Advisor Anna Berg of Japan, and Advisor Lena Cole of "
        "Chile gathered in Tokyo. Mr. Hale and Ms. Berg welcomed Ms. Cole's offer. "
        "The three NSAs resolved to deepen cooperation on fisheries."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Anna Berg", "Lena Cole"})]
    assert frozenset({"Tom Hale", "Anna Berg", "Lena Cole"}) in pairs(d.agreements, "parties")


def test_leaders_of_their_states_joined_by_and_meet_and_agree():
    # The parser joins the second leader to the first one's state.
    d = digest_of(
        "Today, President Lena Cole of the United States and President Otto Brandt of the "
        "Federative Republic of Brazil met in Washington, D.C. During the meeting, the two "
        "leaders reaffirmed the vital and enduring nature of the relationship."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Lena Cole", "Otto Brandt"})]
    assert pairs(d.agreements, "parties") == [frozenset({"Lena Cole", "Otto Brandt"})]


def test_states_that_condemn_together_agree_even_with_the_verb_read_as_a_preposition():
    d = digest_of("Canada, Mexico, and the United States condemn the January 8 attacks.")
    assert pairs(d.agreements, "parties") == [frozenset({"Canada", "Mexico", "United States"})]


def test_parties_committed_or_determined_to_act_together_agree():
    d = digest_of(
        "The United States and Mexico are committed to completing a joint border effort. "
        "President Lena Cole met President Otto Brandt. Both leaders are determined to place "
        "urgent priority on climate change. Troops were committed to the region by Russia. "
        "Norway and Italy are firmly committed to a free and open Arctic."
    )
    assert [sorted(a.parties) for a in d.agreements] == [
        ["Mexico", "United States"],
        ["Lena Cole", "Otto Brandt"],
        ["Italy", "Norway"],
    ]


def test_an_intention_is_put_forward_by_its_owner_or_agreed_by_those_announcing_theirs():
    d = digest_of(
        "President Lena Cole informed the Amir of her intention to designate Qatar as an "
        "ally. President Lena Cole met President Otto Brandt. The leaders also confirmed "
        "their intention to increase cooperation. Meanwhile the Tories outlined their plans "
        "to tackle crime."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Lena Cole", "intention to designate Qatar as an ally"),
        ("Conservatives", "plans to tackle crime"),
    ]
    assert [sorted(a.parties) for a in d.agreements] == [["Lena Cole", "Otto Brandt"]]


def test_an_invitation_for_someone_to_visit_is_the_inviter_s_whole_offer():
    d = digest_of(
        "President Lena Cole thanked President Otto Brandt and conveyed an invitation for him "
        "to visit Oslo later this year."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Lena Cole", "invitation for him to visit Oslo later this year")
    ]


def test_participants_listed_after_a_meeting_join_it():
    d = digest_of(
        "President Lena Cole held a secure video call with transatlantic leaders today. "
        "Participants in the call included Prime Minister Tom Hale of Canada and President "
        "Anna Berg of France."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Lena Cole", "transatlantic leaders", "Tom Hale", "Anna Berg"})
    ]
    d = digest_of(
        "This morning, Secretary Ann Lee held the council's inaugural meeting with "
        "Secretary Bo Chen.\n\nParticipants in today's meeting included:\n\n"
        "Secretary of the Treasury Dana Kell\n\nAttorney General Omar Farouk\n\n"
        "The council will meet again next month, with Governor Rita Lund."
    )
    [meeting] = [m for m in d.meetings if m.status == "held"]
    assert {"Ann Lee", "Bo Chen", "Dana Kell", "Omar Farouk"} <= set(meeting.participants)
    assert "Rita Lund" not in meeting.participants  # after the list, in a sentence
    assert any("Participants in today" in e.quote for e in meeting.evidence)
    d = digest_of(
        "President Lena Cole hosted a call today with allies. Joining President Cole on the "
        "call were Prime Minister Tom Hale of Canada and President von der Berg of the "
        "European Commission."
    )
    [meeting] = d.meetings
    assert {"Lena Cole", "Tom Hale", "von der Berg"} <= set(meeting.participants)


def test_the_one_a_first_sentence_describes_is_the_one_the_next_names():
    d = digest_of(
        "A former Home Office minister has called for an independent body to monitor "
        "immigration. Ann Lee said the figures could not be trusted."
    )
    assert [p.by for p in d.proposals] == ["Ann Lee"]
    # Someone named in the first sentence is not the one it describes.
    d = digest_of("A Tory MP has attacked Tom Hale over the war. Tom Hale said he was right.")
    assert [set(x.parties) for x in d.disagreements] == [{"Tory MP", "Tom Hale"}]
    # Named later than the opening of the next sentence: not identified.
    d = digest_of(
        "A former Home Office minister has called for an independent body to monitor "
        "immigration. The proposal, which is to be debated next week in the Commons, was "
        "welcomed by Ann Lee."
    )
    assert [p.by for p in d.proposals] == ["former Home Office minister"]


def test_wanting_a_measure_is_a_demand_wanting_it_done_or_nothing_is_not():
    d = digest_of(
        "The Liberals wanted electoral reform. Businesses wanted it frozen, but the unions "
        "want a higher rate. We want more time. Labour wanted no part of it."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Liberals", "wanted electoral reform"),
        ("unions", "wanted a higher rate"),
    ]


def test_a_party_s_theory_questioned_by_another_sets_them_apart_a_man_questioned_does_not():
    d = digest_of(
        "Elfyn Llwyd's theory has also been questioned by his former leader, Dafydd Wigley. "
        "Police questioned a man."
    )
    assert [(sorted(x.parties), x.topic) for x in d.disagreements] == [
        (["Dafydd Wigley", "Elfyn Llwyd"], "Elfyn Llwyd's theory")
    ]


def test_a_gerund_of_a_proposal_noun_is_no_proposal():
    d = digest_of(
        "Governor Paul Dorn was joined by Ann Lee, the woman put in charge of election "
        "planning by Senator Bo Chen."
    )
    assert d.proposals == []


def test_passive_agent_is_the_side_that_acts():
    d = digest_of("The tax plan was rejected by Governor Paul Dorn on Tuesday.")
    assert [dis.parties for dis in d.disagreements] == [["Paul Dorn"]]
    assert "tax plan" in (d.disagreements[0].topic or "")


def test_a_passive_rejection_is_over_the_owned_plan_and_reads_as_an_act():
    d = digest_of("The US peace plan was rejected by Iran on Monday.")
    [dis] = d.disagreements
    assert set(dis.parties) == {"Iran", "United States"}
    assert dis.topic == "the US peace plan"
    assert [p.position for p in dis.positions] == ["rejected the US peace plan on Monday"]


def test_a_reported_subject_set_off_by_commas_is_the_clause_s_not_the_speaker_s_object():
    for text in (
        "Amnesty International said the White Paper, published in December 2003, was "
        "fundamentally flawed.",
        'Amnesty International said the White Paper, published in 2003, was "fundamentally '
        'flawed" and did not follow the process.',
    ):
        d = digest_of(text)
        assert [(x.parties, x.topic) for x in d.disagreements] == [
            (["Amnesty International"], "the White Paper")
        ], text


def test_telling_someone_to_act_is_a_call_telling_them_that_is_a_report():
    d = digest_of("Ministers are telling councils to find more sites for travellers.")
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Ministers", "told councils to find more sites for travellers")
    ]
    d = digest_of(
        "Governor Paul Dorn is expected to tell activists in Kent that voters' tolerance and "
        "desire to help others are being abused."
    )
    assert d.proposals == []


def test_a_subject_the_parser_took_for_punctuation_is_the_verb_s():
    d = digest_of(
        "In November, MPs urged ministers to make councils create sites because 3,500 "
        "travellers have no place to stop."
    )
    assert [p.by for p in d.proposals] == ["MPs"]


def test_a_proposal_in_a_relative_clause_is_of_the_noun_it_says_more_of():
    d = digest_of("Governor Paul Dorn said this was the change that Labour proposed.")
    assert [(p.by, p.what) for p in d.proposals] == [("Labour", "proposed the change")]
    # a wish of the speaker's own side is no one's proposal
    d = digest_of(
        "Governor Paul Dorn said the police lacked the accountability that we want to see."
    )
    assert d.proposals == []
    # nor is a way that names no measure
    d = digest_of("The council is not going down the road that Mayor Tom Hale suggests.")
    assert d.proposals == []
    # but an act pledged in the clause says what, whatever noun it hangs on
    d = digest_of(
        "The big idea is his savings on waste, which Mayor Tom Hale has pledged to spend "
        "on schools."
    )
    assert [(p.by, p.what) for p in d.proposals] == [("Tom Hale", "pledged to spend on schools")]


def test_a_place_before_a_participle_owns_no_plan_after_it():
    d = digest_of(
        "Police are investigating a leaflet posted to homes in south Wales opposing plans "
        "for a new mosque."
    )
    assert d.proposals == []


def test_a_state_s_adjective_in_a_body_s_name_is_no_party():
    d = digest_of(
        "But the Confederation of British Industry (CBI) called for a pause year. The "
        "President of the United States Joe Biden called for talks."
    )
    assert [p.by for p in d.proposals] == ["Confederation of British Industry (CBI)", "Joe Biden"]


def test_reported_speech_gives_the_claim_to_its_subject_not_the_speaker():
    d = digest_of("Prime Minister Tom Hale said that President Lena Cole had proposed a ceasefire.")
    assert [p.by for p in d.proposals] == ["Lena Cole"]
    assert "ceasefire" in d.proposals[0].what
    assert "said" not in d.proposals[0].what


def test_a_quote_s_speaker_after_it_is_not_part_of_what_was_proposed():
    d = digest_of(
        '"We want these prisoners to be returned to their families," said Tom Hale, '
        "secretary general of the council."
    )
    assert [p.by for p in d.proposals] == ["Tom Hale"]
    assert d.proposals[0].what == "wanted these prisoners to be returned to their families"


def test_negation_states_no_meeting_and_no_agreement():
    d = digest_of(
        "President Lena Cole did not meet Prime Minister Tom Hale in Oslo. "
        "Ms Cole refused to sign the agreement with Mr Hale."
    )
    assert d.meetings == [] and d.agreements == []


def test_future_and_hypothetical_meetings_are_planned():
    d = digest_of(
        "President Lena Cole will meet Prime Minister Tom Hale in Oslo next week. "
        "Chancellor Otto Brandt said he would be happy to meet Foreign Minister Anna Berg."
    )
    status = {frozenset(m.participants): m.status for m in d.meetings}
    assert status == {
        frozenset({"Lena Cole", "Tom Hale"}): "planned",
        frozenset({"Otto Brandt", "Anna Berg"}): "planned",
    }


def test_called_is_a_call_only_when_someone_is_called():
    d = digest_of(
        "President Lena Cole called Prime Minister Tom Hale on Tuesday. "
        "Chancellor Otto Brandt called for new elections. "
        "Foreign Minister Anna Berg called the talks excellent."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Lena Cole", "Tom Hale"})]
    assert d.meetings[0].format == "call"
    assert [p.by for p in d.proposals] == ["Otto Brandt"]


def test_spoke_only_with_someone():
    d = digest_of(
        "President Lena Cole spoke with Prime Minister Tom Hale by phone. "
        "Chancellor Otto Brandt spoke at a rally in Bonn."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Lena Cole", "Tom Hale"})]
    assert d.meetings[0].format == "call"


def test_possessor_is_the_author():
    d = digest_of("Norway's proposal for a truce was welcomed by aid groups.")
    assert [p.by for p in d.proposals] == ["Norway"]


def test_collective_parties_and_including_lists():
    d = digest_of(
        "The unions rejected the offer of a two percent rise. "
        "Critics, including Germany and France, opposed the plan."
    )
    parties = [set(dis.parties) for dis in d.disagreements]
    assert {"unions"} in parties
    assert {"Germany", "France"} in parties


def test_the_two_sides_and_pronouns_resolve_to_the_last_group_and_person():
    d = digest_of(
        "President Lena Cole met Prime Minister Tom Hale in Oslo. "
        "The two sides agreed to expand trade. "
        "Chancellor Otto Brandt spoke later. He urged both leaders to cut tariffs."
    )
    assert pairs(d.agreements, "parties") == [frozenset({"Lena Cole", "Tom Hale"})]
    assert [p.by for p in d.proposals] == ["Otto Brandt"]


def test_a_pronoun_object_is_not_its_own_subject_nor_a_quoted_he_the_speaker():
    d = digest_of(
        "Prime Minister Tom Hale spoke on Monday. Senator Ann Lee attacked him. "
        "Professor Bo Chen was an adviser. "
        '"This is like letting a thief go because he promised to catch some jay-walkers," '
        "he says."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Ann Lee", "Tom Hale"})]
    assert d.proposals == []


def test_the_president_whom_only_the_headline_names_is_the_headline_s():
    d = digest_of(
        "President Lena Cole spoke with Prime Minister Tom Hale.",
        "This afternoon, the President and Speaker Ann Lee spoke by phone about the budget.",
        titles=("", "Readout of President Cole's Call with Speaker Lee"),
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Lena Cole", "Tom Hale"}),
        frozenset({"Lena Cole", "Ann Lee"}),
    ]
    assert d.meetings[1].format == "call"


def test_he_after_a_role_subject_is_that_subject_not_the_one_met():
    d = digest_of(
        "President Lena Cole met Chancellor Otto Brandt on Monday. "
        "The Chancellor spoke with Prime Minister Tom Hale. He urged Italy to cut tariffs."
    )
    assert [(p.by, p.what) for p in d.proposals] == [("Otto Brandt", "urged Italy to cut tariffs")]


def test_a_party_a_quantifier_or_a_nationality_read_into_a_name_is_no_first_name():
    from briefgen.extract.parse.article import _not_a_first_name, _titles

    titles = _titles()
    assert all(
        _not_a_first_name(w, titles)
        for w in ("Tory", "Labour", "Shadow", "Lawyer", "Most", "Asian", "British", "SNP's")
    )
    names = ("Oliver", "Ann", "Shadwell", "Jordan", "Paris", "Christian")
    assert not any(_not_a_first_name(w, titles) for w in names)


def test_what_one_writes_to_another_demanding_is_the_writer_s():
    d = digest_of(
        "Tory leader Ann Lee has written to Prime Minister Tom Hale demanding an "
        "explanation of the new rules."
    )
    assert [p.by for p in d.proposals] == ["Ann Lee"]


def test_a_meeting_reported_twice_in_one_article_is_one_meeting():
    d = digest_of(
        "President Lena Cole met Prime Minister Tom Hale in Oslo on Monday. "
        "Trade was high on the agenda. "
        "Ms Cole and Mr Hale met for two hours, officials said."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Lena Cole", "Tom Hale"})]
    assert len(d.meetings[0].evidence) == 2


def test_a_name_after_a_participle_read_as_a_noun_is_its_object_not_the_party():
    d = digest_of(
        "Five unions will hold talks with Deputy Prime Minister Tom Hale on Friday. "
        "The unions meeting Mr Hale want the government to drop the new rules."
    )
    assert [p.by for p in d.proposals] == ["unions"]
    # reported in the past, as an agreement is: a brief's "unions wanted ...", never
    # "unions proposed to want ..."
    assert d.proposals[0].what == "wanted the government to drop the new rules"


def test_a_name_hung_on_the_verb_as_part_of_a_name_is_its_object():
    d = digest_of(
        "Tom Hale spoke in Leeds. "
        'The Lib Dems accuse Mr Hale of making a "touchy-feely" speech to delegates.'
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Liberal Democrats", "Tom Hale"})]
    # the side's position in the past, as a brief reports it
    assert d.disagreements[0].positions[0].position.startswith("accused Mr Hale of making")


def test_agreeing_with_a_thing_is_no_agreement_with_someones_view_is_one_with_them():
    d = digest_of(
        'Dr Tom Hale praised the work of Ms Ann Lee, saying he "agreed with '
        "everything she's done\" to change the health service."
    )
    assert d.agreements == []
    d = digest_of("Peer Lord Tom Hale said he agreed with Dr Ann Lee's view.")
    assert pairs(d.agreements, "parties") == [frozenset({"Tom Hale", "Ann Lee"})]


def test_unveiling_a_thing_is_no_proposal_unveiling_a_plan_or_a_measure_is():
    assert (
        digest_of("The Green Party unveiled a huge billboard opposite Parliament.").proposals == []
    )
    d = digest_of(
        "Chancellor Tom Hale unveiled a rise in child tax credit. "
        "Labour unveiled the first part of its election manifesto."
    )
    assert sorted(p.by for p in d.proposals) == ["Labour", "Tom Hale"]


def test_warning_ones_own_supporters_against_an_attitude_takes_no_side():
    d = digest_of("Prime Minister Tom Hale warned his supporters against complacency.")
    assert d.disagreements == []
    d = digest_of("Prime Minister Tom Hale warned the Greens against raising taxes.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Tom Hale", "Greens"})]


def test_a_right_or_a_chance_to_oppose_is_no_opposition():
    d = digest_of(
        "Mr Tom Hale had a right to criticise the Greens. "
        "MPs would get another chance to vote against the plans."
    )
    assert d.disagreements == []


def test_a_row_between_parties_gives_no_side_a_stance():
    d = digest_of("The film showed a row between Mr Tom Hale and Ann Lee about the party whip.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Tom Hale", "Ann Lee"})]
    assert d.disagreements[0].positions == []


def test_an_accusation_is_over_the_charge_without_its_of():
    d = digest_of("Party leader Ann Lee accused Mr Tom Hale of failing to serve his constituents.")
    assert [x.topic for x in d.disagreements] == ["failing to serve his constituents"]


def test_which_never_stands_for_a_person_who_suggests():
    d = digest_of(
        "Speculation was sparked by claims by journalist Tom Hale, which suggested "
        "Mr Ann Lee went back on a pledge."
    )
    assert d.proposals == []


def test_a_passives_topic_is_not_inside_its_agent():
    d = digest_of(
        "A call for ethnic minority shortlists to boost the number of black and Asian MPs "
        "has been rejected by one of Labour's most senior Asians."
    )
    assert all("senior Asians" not in (x.topic or "") for x in d.disagreements)


def test_an_act_only_hoped_for_stays_hypothetical_and_out_of_the_past():
    d = digest_of("Mr Tom Hale asked whether the Greens would lead an effort to attack Labour.")
    assert d.disagreements == []
    d = digest_of("Chancellor Ann Lee will urge the Greens to back the budget.")
    assert [p.what for p in d.proposals] == ["to urge the Greens to back the budget"]


def test_calling_someone_something_is_no_call_however_the_name_is_hung():
    d = digest_of(
        "President-elect Tom Hale and President Okafor met on Thursday. "
        '"So Mr. President, it was a great honor being with you, and I look forward to '
        'being with you many more times," he added, calling Okafor "a very good man."'
    )
    assert [m.format for m in d.meetings] == [None]


def test_a_summit_praised_in_a_list_is_not_the_praisers_meeting_nor_their_group():
    d = digest_of(
        "President Lena Cole met today with Prime Minister Tom Hale of Iraq. "
        "They lauded the historic visit of Pope Leo to Iraq earlier this year, the "
        "trilateral summit with Egypt and Jordan, and the role Iraq plays in the region. "
        "They agreed that Iraq's stability was central to the region."
    )
    meetings = pairs(d.meetings, "participants")
    assert frozenset({"Lena Cole", "Tom Hale"}) in meetings
    assert not any("Egypt" in m and "Lena Cole" in m for m in meetings)
    # what they lauded together and what they agreed: both theirs, not Egypt's or Jordan's
    assert [(set(a.parties), a.what.split()[0]) for a in d.agreements] == [
        ({"Lena Cole", "Tom Hale"}, "lauded"),
        ({"Lena Cole", "Tom Hale"}, "agreed"),
    ]


def test_factions_calling_for_the_same_thing_make_no_agreement_leaders_do():
    d = digest_of(
        "Opposition members and some Labour MPs had long called for Ms Ann Lee's removal "
        "after sustained criticism over waiting times."
    )
    assert d.agreements == []
    assert [p.by for p in d.proposals] == ["Opposition members"]
    d = digest_of("The United States and Canada committed to fight climate change.")
    assert pairs(d.agreements, "parties") == [frozenset({"United States", "Canada"})]


def test_called_on_and_argued_for_are_proposals():
    d = digest_of(
        "Chancellor Otto Brandt has called on rich nations to fund a vaccine. "
        "Senator Mia Lund argued for a grand coalition."
    )
    assert sorted(p.by for p in d.proposals) == ["Mia Lund", "Otto Brandt"]


def test_a_refused_agreement_is_a_disagreement():
    d = digest_of("Prime Minister Tom Hale refused to accept President Lena Cole's offer.")
    assert d.agreements == []
    assert [set(x.parties) for x in d.disagreements] == [{"Tom Hale", "Lena Cole"}]


def test_an_accused_party_without_an_accuser_is_still_a_party():
    d = digest_of("Governor Paul Dorn has been accused of hiding the cost of the bridge.")
    assert [dis.parties for dis in d.disagreements] == [["Paul Dorn"]]
    assert "hiding the cost" in (d.disagreements[0].topic or "")


def test_disagreeing_with_someones_views_sets_them_apart():
    d = digest_of("Senator Mia Lund said she disagreed with Governor Paul Dorn's views.")
    assert [set(dis.parties) for dis in d.disagreements] == [{"Mia Lund", "Paul Dorn"}]


def test_a_body_named_after_a_common_noun_is_a_party():
    d = digest_of("Campaign group Clean Rivers criticised Governor Paul Dorn's water plan.")
    assert [set(dis.parties) for dis in d.disagreements] == [{"Clean Rivers", "Paul Dorn"}]


def test_what_a_speaker_says_someone_should_do_is_a_proposal():
    d = digest_of(
        "Senator Mia Lund said the council should reopen the library. "
        "Governor Paul Dorn said the library had closed in May."
    )
    assert [p.by for p in d.proposals] == ["Mia Lund"]
    assert "reopen the library" in d.proposals[0].what


def test_a_proposal_put_forward_by_someone_is_theirs():
    d = digest_of(
        "A new blueprint had been put forward by Senator Mia Lund. "
        "The changes proposed by Governor Paul Dorn were debated on Monday."
    )
    assert sorted(p.by for p in d.proposals) == ["Mia Lund", "Paul Dorn"]


def test_a_named_author_before_a_proposal_noun():
    d = digest_of("Envoys from Norway and Chile met in Geneva to discuss the Norwegian peace plan.")
    assert [p.by for p in d.proposals] == ["Norway"]


def test_what_someone_should_have_done_is_a_reproach_not_a_call():
    d = digest_of("Senator Mia Lund said Governor Paul Dorn should have closed the bridge sooner.")
    assert d.proposals == []
    assert [set(dis.parties) for dis in d.disagreements] == [{"Mia Lund", "Paul Dorn"}]


def test_with_coordinated_parties_opposing_names_them_all():
    d = digest_of(
        "The bridge tolls caused an outcry, with Labour councillors and local charities "
        "opposing the plan."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [
        {"Labour councillors", "local charities"}
    ]


def test_a_claim_answered_by_another_party_after_but_is_a_disagreement():
    d = digest_of(
        "Governor Paul Dorn said the new bridge would pay for itself. "
        "But Senator Mia Lund said the tolls would never cover the cost."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"Paul Dorn", "Mia Lund"}]
    positions = {p.party: p.position for p in d.disagreements[0].positions}
    assert "pay for itself" in positions["Paul Dorn"]
    assert "never cover the cost" in positions["Mia Lund"]


def test_a_meeting_with_a_list_of_titled_people_has_each_of_them():
    d = digest_of(
        "Foreign Minister Anna Berg met on May 3 with French Diplomatic Counselor to the "
        "President Paul Dorn, German Chancellery Foreign and Security Policy Advisor Jens "
        "Ploetner, and Chief Medical Advisor and Health Director Dr. Ann Lee. "
        "Senator Tom Hale spoke with activist Mia Lund and her husband Bo Chen. "
        "President Bo Chen spoke today with Erik Olsen, Prime Minister of Norway."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Anna Berg", "Paul Dorn", "Jens Ploetner", "Ann Lee"}),
        frozenset({"Tom Hale", "Mia Lund", "Bo Chen"}),
        frozenset({"Bo Chen", "Erik Olsen"}),
    ]


def test_a_person_named_as_another_s_kin_is_met_not_the_other():
    d = digest_of(
        "Senator Mia Lund met with Governor Ann Berg's husband, Bo Chen, in the residence. "
        "Senator Mia Lund held talks with the current First Lady about the East Wing."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Mia Lund", "Bo Chen"})]


def test_a_list_with_an_item_that_names_no_person_is_left_to_the_parse():
    d = digest_of(
        "Senator Tom Hale met with Governor Ann Berg and the World Bank. "
        "Governor Ann Berg met with the Governor, Senator Mia Lund and Mayor Bo Chen."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Tom Hale", "Ann Berg", "World Bank"}),
        frozenset({"Ann Berg", "Mia Lund", "Bo Chen"}),
    ]


def test_a_body_no_list_knows_is_met_by_its_name_in_capitals():
    d = digest_of(
        "Senior Advisor Cedric Hale hosted a meeting with the Circle of Protection. "
        "The faith leaders stressed the importance of the tax credit. "
        "Governor Ann Berg held talks with the Foreign Secretary. "
        "Senator Bo Chen met with the five Black Speakers of the House."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Cedric Hale", "Circle of Protection"})]
    assert d.agreements == []


def test_one_never_present_at_a_meeting_took_no_part_in_it():
    d = digest_of(
        "Union leader Ann Lee was never present at meetings between Tom Hale and Bo Chen. "
        "During the meeting with Bo Chen, Tom Hale said he would stay."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Bo Chen"})]


def test_promising_as_an_adjective_promises_nothing():
    d = digest_of(
        "Senator Mia Lund recognized promising steps by the council to reassert control in "
        "the city. "
        "The survey found Tories promising tax cuts."
    )
    assert [(p.by, p.what) for p in d.proposals] == [("Conservatives", "promised tax cuts")]


def test_denying_what_another_party_said_just_before_is_a_disagreement():
    d = digest_of(
        "Senator Mia Lund said the police had been told of the plot. "
        "Minister Paul Dorn denied the police were told. "
        "However, Mayor Ann Berg predicted the inquiry would end soon."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"Mia Lund", "Paul Dorn"}]
    positions = {p.party: p.position for p in d.disagreements[0].positions}
    assert positions == {
        "Mia Lund": "the police had been told of the plot",
        "Paul Dorn": "denied the police were told",
    }


def test_a_denial_with_nothing_claimed_before_it_sets_no_one_apart():
    d = digest_of(
        "Senator Mia Lund visited the port. Minister Paul Dorn denied the charges and was released."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"Paul Dorn"}]


def test_a_speaker_who_says_a_named_party_misbehaved_is_against_it():
    d = digest_of(
        "Senator Mia Lund said the government had wasted billions on the scheme. "
        "Minister Paul Dorn said the Tories had failed to oppose it. "
        "Mayor Ann Berg said the war had undermined him. "
        "Governor Tom Hale said the plan could harm the Greens. "
        "Senator Mia Lund said they had misled voters."
    )
    assert [(frozenset(x.parties), x.topic) for x in d.disagreements] == [
        (frozenset({"Mia Lund", "government"}), "the government had wasted billions on the scheme"),
        (frozenset({"Paul Dorn", "Conservatives"}), "the Tories had failed to oppose it"),
    ]


def test_suggesting_what_may_have_happened_is_no_proposal():
    d = digest_of(
        "Senator Mia Lund suggested the security services could have been involved. "
        "Minister Paul Dorn suggested the council should hold an inquiry."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Paul Dorn", "suggested the council should hold an inquiry")
    ]


def test_the_same_speaker_after_but_is_no_disagreement():
    d = digest_of(
        "Governor Paul Dorn said the new bridge would pay for itself. "
        "But he said the tolls would rise next year."
    )
    assert d.disagreements == []


def test_refusing_to_back_a_bill_is_a_disagreement():
    d = digest_of("But the council refused to back Senator Mia Lund's Water Rights Bill.")
    assert d.disagreements and "council" in d.disagreements[0].parties[0]


def test_a_row_to_be_avoided_has_not_happened():
    d = digest_of("Senator Mia Lund wants to avoid a row with Governor Paul Dorn over the bridge.")
    assert d.disagreements == []


def test_a_bodys_whole_name_read_as_one_word_is_a_party():
    d = digest_of("In May, the Council of Coastal Mayors proposed the closure of the old pier.")
    assert [p.by for p in d.proposals] == ["Council of Coastal Mayors"]


def test_wanting_someone_to_act_is_a_proposal():
    d = digest_of("The nurses' unions want the government to scrap the new pay scales.")
    assert [p.by for p in d.proposals] == ["unions"]
    assert "scrap the new pay scales" in d.proposals[0].what


def test_concern_voiced_about_a_partys_acts_is_a_disagreement():
    d = digest_of(
        "President Lena Cole expressed concern over Norway's new fishing quotas. "
        "Prime Minister Tom Hale expressed concern about the weather."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"Lena Cole", "Norway"}]


def test_ready_to_meet_is_an_offer_and_a_planned_meeting():
    d = digest_of("President Lena Cole said she was ready to meet Prime Minister Tom Hale in Oslo.")
    assert [p.by for p in d.proposals] == ["Lena Cole"]
    assert [m.status for m in d.meetings] == ["planned"]


def test_opposition_to_a_partys_plan_sets_the_two_apart():
    d = digest_of("Senator Mia Lund restated her opposition to Governor Paul Dorn's bridge plan.")
    assert [set(dis.parties) for dis in d.disagreements] == [{"Mia Lund", "Paul Dorn"}]
    assert "bridge plan" in (d.disagreements[0].topic or "")
    positions = {p.party: p.position for p in d.disagreements[0].positions}
    assert "restated her opposition" in positions["Mia Lund"]


def test_an_unknown_proper_name_as_subject_is_a_party():
    d = digest_of("Nursewell rejected Governor Paul Dorn's offer.")
    assert [set(dis.parties) for dis in d.disagreements] == [{"Nursewell", "Paul Dorn"}]


def test_denying_a_partys_claims_is_a_disagreement():
    d = digest_of(
        "Governor Paul Dorn denied Senator Mia Lund's claims. "
        "Prime Minister Tom Hale denied entry to the reporters."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"Paul Dorn", "Mia Lund"}]


def test_branding_a_partys_plan_a_disgrace_is_a_disagreement():
    d = digest_of("Senator Mia Lund branded Governor Paul Dorn's bridge plan a disgrace.")
    assert [set(dis.parties) for dis in d.disagreements] == [{"Mia Lund", "Paul Dorn"}]
    assert d.proposals == []  # the plan judged is not read as a proposal here


def test_a_persons_name_reaches_the_parser_as_a_common_surname():
    from briefgen.extract import parser
    from briefgen.extract.parse.article import _stand_ins

    nlp = parser.load()
    text = (
        "Chancellor Otto Brandt met the Lord Chancellor, Ilse Quandtberg "
        "and the Nordvik Shipping Group in Oslo."
    )
    doc, origin = _stand_ins(nlp.make_doc(text), nlp)
    # A person's name by its title or by a surname the parser never saw; a title
    # alone and a body keep their last word.
    assert [t.text for t in doc] == [
        "Smith", "met", "the", "Chancellor", ",", "Smith", "and", "the", "Group", "in", "Oslo", ".",
    ]  # fmt: skip
    assert text[slice(*origin[0])] == "Chancellor Otto Brandt"


def test_a_title_before_a_name_makes_it_a_persons_and_stays_out_of_the_name():
    d = digest_of(
        "Lawyer Anna Berg said the council should reopen the library. "
        "Union spokesman Otto Brandt rejected the council's offer."
    )
    assert sorted(p.name for p in d.people) == ["Anna Berg", "Otto Brandt"]
    assert [p.by for p in d.proposals] == ["Anna Berg"]
    assert [set(dis.parties) for dis in d.disagreements] == [{"Otto Brandt", "council"}]


def test_two_parties_wanting_different_things_either_side_of_a_dash_disagree():
    d = digest_of(
        "The unions want the pension age to stay at 60 - the government wants it to rise to 65."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"unions", "government"}]


def test_a_call_for_a_thing_with_modifiers_is_a_call_for_it():
    # (parsed with "for" hung on "urgent", and "steps" the object of "called")
    d = digest_of(
        "Mayor Dan Ross also called for urgent and specific steps to increase the supply of "
        "clean water to local families."
    )
    assert [p.by for p in d.proposals] == ["Dan Ross"]
    assert d.proposals[0].what.startswith("called for urgent and specific steps to increase")


def test_a_warning_whose_clause_the_parser_read_as_an_object_is_still_pressure():
    d = digest_of(
        'The Greens have warned Labour and the Tories they were "in danger of pandering to '
        'prejudice rather than challenging it".'
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Greens", "Labour", "Conservatives"})]


def test_a_clash_on_a_day_is_over_no_topic_and_a_described_person_is_one_side():
    d = digest_of("Mayor Ray Dunn clashed on Thursday with campaigner Neil Hart.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Ray Dunn", "Neil Hart"})]
    assert d.disagreements[0].topic is None
    d = digest_of("Governor Paul Dorn attacked Senate leader Mia Lund on Monday.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Paul Dorn", "Mia Lund"})]
    assert d.disagreements[0].topic != "Monday"
    d = digest_of("Mayor Ray Dunn clashed with No campaigner Neil Hart over the vote.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Ray Dunn", "Neil Hart"})]


def test_the_two_leaders_are_the_two_people_named_together_before_them():
    d = digest_of(
        "Governor Paul Dorn and Senator Mia Lund spoke in the chamber. "
        "The two leaders later clashed over the budget."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Paul Dorn", "Mia Lund"})]
    assert d.disagreements[0].topic == "the budget"
    # "they" is not resolved that way, nor are "the two parties" two people
    for then in ("They later clashed over the budget.", "The two parties clashed."):
        d = digest_of(f"Governor Paul Dorn and Senator Mia Lund spoke in the chamber. {then}")
        assert d.disagreements == []


def test_a_plan_of_an_act_is_a_proposal_but_not_a_visit_a_step_of_ones_own_or_anothers():
    d = digest_of(
        "Chancellor Tom Hale spoke on Monday. He plans to axe 10,000 jobs to free up money "
        "for schools."
    )  # parsed with "to axe" hung on "plans" as a noun's modifier
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Tom Hale", "planned to axe 10,000 jobs to free up money for schools")
    ]
    for text in (
        "President Ann Lee plans to visit Oslo next week.",
        "Mayor Tom Hale plans to stand as an independent.",
        "The union said the government was planning to cut benefits.",
        "The rebels planned the attack for months.",
    ):
        assert digest_of(text).proposals == [], text


def test_a_partys_plans_facing_criticism_set_the_critic_against_the_party():
    # the parser lemmatises "faced" as "faced": the verb's forms come from the lexicon
    d = digest_of("Home Secretary Ann Berg's plans have faced fierce criticism from the Greens.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Greens", "Ann Berg"})]
    assert d.disagreements[0].positions == []  # facing criticism is no one's stance


def test_a_verb_the_rules_name_is_known_by_its_forms_whatever_the_parsers_lemma():
    from types import SimpleNamespace

    from briefgen.extract.parse.lexicon import lexicon
    from briefgen.extract.parse.reader import SentenceReader
    from briefgen.extract.parse.tokens import Token

    reader = SimpleNamespace(lex=lexicon())
    for form, lemma in (("continued", "continue"), ("assuming", "assume"), ("faced", "face")):
        # as the packaged model lemmatises some forms: the form itself
        t = Token(0, form, 0, form, "VERB", "ROOT", 0, False, "")
        assert SentenceReader.lemma(reader, t) == lemma


def test_after_meeting_a_named_person_is_a_meeting_with_them():
    # parsed as a noun, "meeting", whose name is the person's
    d = digest_of("After meeting Governor Paul Dorn, Senator Mia Lund said she was happy.")
    assert pairs(d.meetings, "participants") == [frozenset({"Mia Lund", "Paul Dorn"})]
    assert digest_of("The meeting Governor Paul Dorn chaired went well.").meetings == []


def test_an_american_party_has_one_name_as_a_side_and_as_an_affiliation():
    d = digest_of(
        "Republican Senator Ann Lee spoke. The Republican Party and the Democrats clashed "
        "over the budget."
    )
    assert [(p.name, p.affiliation) for p in d.people] == [("Ann Lee", "Republicans")]
    assert pairs(d.disagreements, "parties") == [frozenset({"Republicans", "Democrats"})]


def test_a_relative_clause_is_of_its_noun_not_of_what_the_parser_joined_after_it():
    # parsed with "Muslims" a conjunct of "MAB", after the clause
    d = digest_of(
        "Last year MAB, which opposed the war in Iraq, urged Muslims not to vote for Labour "
        "in the European elections."
    )
    assert [dis.parties for dis in d.disagreements] == [["MAB"]]
    d = digest_of("The Greens and the SNP, who opposed the plan, walked out.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Greens", "SNP"})]


def test_what_a_partys_client_opposes_is_not_the_partys_stance():
    d = digest_of("Ann Berg was a partner at Lee Brandt, which has a client opposing the road.")
    assert d.disagreements == []


def test_a_call_after_but_is_its_own_subjects_and_a_states_people_are_not_the_state():
    # parsed with "called" a conjunct of "Harry", the root
    d = digest_of(
        "Prince Harry, 20, apologised, but critics have called for him to go to Auschwitz "
        "for the commemoration."
    )
    assert [p.by for p in d.proposals] == ["critics"]
    d = digest_of("Iraqi civilians protested against the plan.")
    assert [dis.parties for dis in d.disagreements] == [["Iraqi civilians"]]
    d = digest_of("Chinese officials rejected the plan.")
    assert [dis.parties for dis in d.disagreements] == [["China"]]  # officials act for it


def test_a_title_with_its_portfolio_before_a_name_is_no_second_side():
    d = digest_of(
        "Labour's deputy minister for women Ann Berg accused the Greens of offering false "
        "promises to women."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Ann Berg", "Greens"})]
    # what the Greens are accused of (hung on "Greens") is no proposal of theirs
    assert d.proposals == []


def test_a_meeting_ahead_of_a_gathering_has_it_as_its_occasion_but_not_of_anything_else():
    d = digest_of("President Ann Lee met Prime Minister Bo Chen ahead of the NATO summit in Oslo.")
    assert [m.occasion for m in d.meetings] == ["the NATO summit"]
    d = digest_of(
        "President Ann Lee met Prime Minister Bo Chen ahead of a series of referendums on the "
        "treaty."
    )
    assert [m.occasion for m in d.meetings] == [None]


def test_a_call_set_against_what_another_wants_across_a_dash_is_a_disagreement():
    d = digest_of(
        "The unions want the pension age to stay at 60 - the government has urged a rise to 65."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"unions", "government"}]
    positions = {p.party: p.position for p in d.disagreements[0].positions}
    assert positions == {
        "unions": "want the pension age to stay at 60",
        "government": "urged a rise to 65",
    }


def test_a_first_clause_hung_on_the_clause_after_a_dash_is_put_back_at_the_root():
    from dataclasses import replace

    from briefgen.extract.parse.tokens import Sentence, clause_before_a_dash

    # "Oslo and Bern want a cap - the Commission has urged a rise.", parsed as the
    # packaged model parsed a real one: the first verb an unmarked ``advcl`` of the second.
    words = [
        ("Oslo", "PROPN", "nsubj", 3), ("and", "CCONJ", "cc", 2), ("Bern", "PROPN", "conj", 0),
        ("want", "VERB", "advcl", 10), ("a", "DET", "det", 5), ("cap", "NOUN", "obj", 3),
        ("-", "PUNCT", "punct", 3), ("the", "DET", "det", 8),
        ("Commission", "PROPN", "nsubj", 10), ("has", "AUX", "aux", 10),
        ("urged", "VERB", "ROOT", 10), ("a", "DET", "det", 12), ("rise", "NOUN", "obj", 10),
    ]  # fmt: skip
    sentence = parsed(words)
    tokens = list(sentence.tokens)
    repaired = clause_before_a_dash(sentence)
    assert (repaired.tokens[3].dep, repaired.tokens[3].head) == ("ROOT", 3)
    assert (repaired.tokens[10].dep, repaired.tokens[10].head) == ("parataxis", 3)
    # a hyphen inside a word ("cap-the") sets no clauses apart
    hyphen = [*tokens[:5], replace(tokens[5], space=False), *tokens[6:]]
    assert clause_before_a_dash(Sentence(tuple(hyphen), ())).tokens == tuple(hyphen)


def test_downing_street_is_a_party_by_any_of_its_names():
    d = digest_of(
        "Lord Emsworth has denied being pressured by Downing Street. Number 10 rejected the claims."
    )
    assert {p for dis in d.disagreements for p in dis.parties} >= {"Downing Street"}
    assert not any("Number 10" in dis.parties for dis in d.disagreements)


def test_disagreeing_with_someone_names_no_topic_and_repeats_no_party():
    d = digest_of(
        "The Foreign Ministry seemed to disagree with Governor Paul Dorn. "
        "Senator Mia Lund disagreed with Governor Paul Dorn over the bridge."
    )
    bare, over = d.disagreements
    assert set(bare.parties) == {"Foreign Ministry", "Paul Dorn"}
    assert bare.topic is None and bare.positions == []
    assert over.topic == "the bridge"


def test_a_joint_statement_in_the_present_is_reported_in_the_past():
    d = digest_of(
        "President Lena Cole and Chancellor Otto Brandt reaffirm their commitment to open "
        "trade. Norway and Sweden share the view that the quota is too low."
    )
    assert sorted(a.what for a in d.agreements) == [
        "reaffirmed their commitment to open trade",
        "shared the view that the quota is too low",
    ]
    # two statements coordinated, each in the past, a comma after the verb kept
    d = digest_of(
        "President Lena Cole and Chancellor Otto Brandt met today. Both reaffirm their "
        "partnership on space exploration and express, as original signatories, support "
        "for the Artemis Accords."
    )
    assert [a.what for a in d.agreements] == [
        "reaffirmed their partnership on space exploration",
        "expressed, as original signatories, support for the Artemis Accords",
    ]


def test_a_statement_in_the_present_goes_on_with_its_own_subject_after_an_infinitive():
    d = digest_of(
        "President Lena Cole met Prime Minister Tom Hale today. They reaffirm the importance "
        "of enabling Ukraine to export food and condemn Russia's withdrawal from the deal."
    )
    # the leaders condemn, not Ukraine
    assert [set(x.parties) for x in d.disagreements] == [{"Lena Cole", "Tom Hale", "Russia"}]


def test_a_name_s_acronym_in_brackets_is_no_subject():
    d = digest_of(
        "President Lena Cole met Chancellor Otto Brandt today. The two condemned the "
        "Democratic People's Republic of Korea's (DPRK) continued destabilizing activity "
        "and highlighted the need to limit its missile program."
    )
    assert d.proposals == []  # not a call by North Korea
    assert [a.what for a in d.agreements] == [
        "condemned the Democratic People's Republic of Korea's (DPRK) continued "
        "destabilizing activity",
        "highlighted the need to limit its missile program",
    ]


def test_a_bodys_name_coordinated_inside_stays_whole():
    d = digest_of(
        "Norway's Ministry of Fisheries and Coastal Affairs signed an accord with Iceland."
    )
    assert [set(a.parties) for a in d.agreements] == [
        {"Ministry of Fisheries and Coastal Affairs", "Iceland"}
    ]


def test_a_title_before_a_common_word_is_a_bodys_name_not_a_persons():
    from briefgen.extract import parser
    from briefgen.extract.parse.article import _stand_ins

    nlp = parser.load()
    text = "Mr Brown spoke at the General Assembly with Chancellor Gordon Brown."
    doc, _ = _stand_ins(nlp.make_doc(text), nlp)
    words = ["Brown", "spoke", "at", "the", "Assembly", "with", "Smith", "."]
    assert [t.text for t in doc] == words


def test_a_party_locked_in_a_row_with_another_disagrees_with_it():
    d = digest_of("The unions are locked in a row with ministers over pensions.")
    assert [set(dis.parties) for dis in d.disagreements] == [{"unions", "ministers"}]
    assert d.disagreements[0].topic == "pensions"


def test_an_accusation_is_over_what_the_accused_did():
    d = digest_of(
        "Senator Mia Lund accused Governor Paul Dorn of wasting money on the bridge. "
        "The union criticised the council for its failure to consult staff. "
        "Mayor Anna Berg ridiculed the plans for a new stadium."
    )
    topics = [dis.topic or "" for dis in d.disagreements]
    assert topics[:2] == ["wasting money on the bridge", "its failure to consult staff"]
    assert topics[2].startswith("the plans")  # what is ridiculed, not what they are for


def test_a_title_before_a_name_is_not_a_second_party():
    d = digest_of("Former trade minister Otto Brandt criticised the new fishing quotas.")
    assert [dis.parties for dis in d.disagreements] == [["Otto Brandt"]]


def test_what_should_happen_on_a_condition_is_no_call():
    d = digest_of(
        'Senator Mia Lund said: "If the council broke the rules, it should be fined." '
        "Governor Paul Dorn said the council should reopen the library."
    )
    assert [p.by for p in d.proposals] == ["Paul Dorn"]


def test_talks_called_for_are_a_proposal_not_a_meeting():
    d = digest_of("Senator Mia Lund called for talks between the unions and the government.")
    assert d.meetings == []
    assert [p.by for p in d.proposals] == ["Mia Lund"]


def test_an_accusation_of_being_something_is_over_that():
    d = digest_of('Senator Mia Lund accused the council of being "lazy" about the bridge.')
    assert [(dis.topic or "")[:12] for dis in d.disagreements] == ['being "lazy"']


def test_a_common_noun_before_a_name_describes_it():
    d = digest_of(
        "But aid group Brightwater criticised Governor Paul Dorn's focus on dams and "
        "called on rich nations to pay for wells."
    )
    assert [p.by for p in d.proposals] == ["Brightwater"]
    assert d.agreements == []


def test_he_is_the_name_the_sentence_opens_with():
    d = digest_of(
        "Senator Mia Lund said the men had been freed. "
        "Azra Kell, father of Tomas, thanked his lawyers for the support he had received "
        "while pressing for his son's release."
    )
    assert [p.by for p in d.proposals] == ["Azra Kell"]


def test_an_accusation_of_being_something_is_over_that_without_the_of():
    d = digest_of(
        'Senator Mia Lund accused the council of being "weak" when it came to its policy on roads.'
    )
    assert [dis.topic for dis in d.disagreements] == ['being "weak"']


def test_a_proposal_after_a_fronted_copula_is_the_noun_and_its_whole_infinitive():
    d = digest_of(
        "Among their summit topics was Norway's proposal to open a ferry link to improve "
        "travel and fast-track trade with Sweden, it noted."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        (
            "Norway",
            "proposal to open a ferry link to improve travel and fast-track trade with Sweden",
        )
    ]


def test_what_something_should_be_is_a_view_and_what_should_be_done_a_call():
    d = digest_of(
        "The Greens have long argued that Norway should be a haven for refugees. "
        "Senator Mia Lund said Norway must be a fairer country. "
        "Governor Paul Dorn said the road tax should be scrapped."
    )
    assert [p.by for p in d.proposals] == ["Paul Dorn"]


def test_what_a_speaker_says_others_need_or_have_to_do_is_a_call():
    d = digest_of(
        'Senator Mia Lund said: "They need to rethink the bill." '
        "Governor Paul Dorn said the council had to start all over again. "
        "Mayor Ann Berg said she had to leave early. "
        "Minister Bo Chen said the state would have to raise taxes. "
        "Senator Tom Hale said ministers did not need to act. "
        "Governor Erik Olsen said more care was needed to protect voters."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Mia Lund", "they need to rethink the bill"),
        ("Paul Dorn", "the council had to start all over again"),
    ]


def test_arguing_for_something_is_a_call_but_a_report_with_for_in_it_is_not():
    d = digest_of(
        "Senator Mia Lund argued for a coalition with the Greens. "
        'Governor Paul Dorn said the chancellor had failed to deal with the "looming problems" '
        'of revaluation of council tax bands which he argued would result in "massive '
        'increases" for some.'
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Mia Lund", "argued for a coalition with the Greens")
    ]


def test_a_party_s_adjective_names_the_party_as_its_plural_does():
    d = digest_of(
        "Senator Mia Lund attacked the Tory plans. The Tories criticised Senator Mia Lund's budget."
    )
    assert {p for x in d.disagreements for p in x.parties} == {"Mia Lund", "Conservatives"}


def test_a_body_named_after_an_article_is_named_without_it():
    d = digest_of("A Labour Party spokesman criticised Paul Dorn's record on police numbers.")
    assert [set(x.parties) for x in d.disagreements] == [{"Labour", "Paul Dorn"}]


def test_what_several_discuss_as_theirs_in_common_they_agree_on():
    d = digest_of(
        "President Anna Berg spoke with President Paul Dorn of Norway. The leaders discussed "
        "their shared concerns about the election. They discussed the shared challenges "
        "of the region. They will meet again, take stock and reinforce our shared interests."
    )
    assert [(frozenset(a.parties), a.what) for a in d.agreements] == [
        (
            frozenset({"Anna Berg", "Paul Dorn"}),
            "discussed their shared concerns about the election",
        )
    ]


def test_the_clause_after_a_dash_starts_after_it():
    d = digest_of(
        "The unions want the bonus to stay at 50 pounds - the council wants it to fall to 30."
    )
    positions = {p.party: p.position for dis in d.disagreements for p in dis.positions}
    assert positions == {
        "unions": "want the bonus to stay at 50 pounds",
        "council": "wants it to fall to 30",
    }


def test_a_relative_clause_set_off_by_commas_is_not_what_was_proposed():
    d = digest_of(
        "Last week, Governor Paul Dorn again proposed to reopen the old pier, which closed "
        "in 1990 after a storm, as a first step toward reviving the harbour."
    )
    assert [p.what for p in d.proposals] == [
        "proposed to reopen the old pier, as a first step toward reviving the harbour"
    ]


def test_suggesting_that_something_happened_is_no_proposal():
    d = digest_of(
        "Senator Mia Lund stepped down after suggesting the board planned deep job cuts. "
        "Governor Paul Dorn suggested a meeting with the unions."
    )
    assert [p.by for p in d.proposals] == ["Paul Dorn"]


def test_an_opening_adverb_read_as_a_second_subject_is_no_party():
    d = digest_of(
        "Foreign Minister Anna Berg arrived on Monday. "
        "Meanwhile in Oslo, Berg also held talks with her Danish counterpart, Otto Brandt."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Anna Berg", "Otto Brandt"})]


def test_a_proposal_keeps_its_infinitive_wherever_the_parser_hung_it():
    d = digest_of(
        "Dorn explained to reporters that Senator Mia Lund’s recent proposal to close the "
        "East Bridge would be a “meaningful” step to calm the voters."
    )
    assert [p.by for p in d.proposals] == ["Mia Lund"]
    assert d.proposals[0].what.startswith("recent proposal to close")
    assert "would be" not in d.proposals[0].what


def test_a_dispute_settled_resolved_or_ended_is_no_open_disagreement():
    settled = digest_of(
        "The leaders lauded the settlement of the last outstanding trade dispute between "
        "Norway and Chile."
    )
    ended = digest_of("Norway and Chile ended the row over fishing.")
    named = digest_of(
        "The leaders lauded the settlement of the seventh and last outstanding World Fishing "
        "Organisation (WFO) dispute between Norway and Chile."
    )
    assert settled.disagreements == ended.disagreements == named.disagreements == []
    still = digest_of("Norway and Chile are locked in a dispute over fishing.")
    assert pairs(still.disagreements, "parties") == [frozenset({"Norway", "Chile"})]


def test_an_agreement_only_hoped_for_is_none():
    hoped = digest_of("They stressed the importance of a peace agreement between Norway and Chile.")
    assert hoped.agreements == []
    signed = digest_of("Norway and Chile signed an agreement on fishing.")
    assert pairs(signed.agreements, "parties") == [frozenset({"Norway", "Chile"})]


def test_parties_that_agree_in_a_sentence_do_not_also_disagree_among_themselves():
    d = digest_of(
        "The two leaders, Anna Berg and Tom Hale, reaffirmed their opposition to any attempt "
        "to change borders by force."
    )
    assert d.disagreements == []


def test_a_pronoun_is_no_topic_and_a_speaker_judging_we_judges_their_own_side():
    own = digest_of('Culture Secretary Anna Berg said: "I think that we have made a mistake."')
    assert own.disagreements == []
    criticised = digest_of("Senator Tom Hale criticised him.")
    assert [d.topic for d in criticised.disagreements] in ([], [None])


# -- disagreements: more constructions --------------------------------------------------


def test_differences_conceded_in_a_report_of_talks_are_between_those_who_met():
    d = digest_of(
        "Foreign Minister Anna Berg met Prime Minister Tom Hale in Oslo on Monday. "
        "The talks were constructive and, despite outstanding differences over fishing, "
        "allowed for a better understanding of each other's positions."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Tom Hale"})]
    assert "fishing" in (d.disagreements[0].topic or "")


def test_differences_conceded_beside_no_parties_are_nobodys():
    d = digest_of(
        "Foreign Minister Anna Berg met Prime Minister Tom Hale in Oslo on Monday. "
        "Despite outstanding differences over the design, the museum opened on time."
    )
    assert d.disagreements == []


def test_opponents_of_a_bill_named_in_an_including_list_oppose_it():
    d = digest_of(
        "But opponents of the bill, including Senator Mia Lund and Governor Paul Dorn, "
        "said it would raise taxes for farmers."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "Paul Dorn"})]
    assert d.disagreements[0].topic == "the bill"
    assert "raise taxes" in d.disagreements[0].positions[0].position


def test_critics_named_by_no_one_and_a_former_critic_are_no_side():
    d = digest_of(
        "Critics of the government say it has announced too many initiatives. "
        "A former critic of the council, Senator Mia Lund now chairs its budget committee."
    )
    assert d.disagreements == []


def test_a_judgement_further_down_what_a_speaker_says_sets_them_against_its_author():
    d = digest_of(
        "Senator Mia Lund believes that support is growing and that Governor Paul Dorn's "
        "budget is unworkable."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "Paul Dorn"})]
    assert d.disagreements[0].positions[0].position == "Governor Paul Dorn's budget is unworkable"


def test_a_judgement_further_down_that_is_negated_or_asked_judges_nobody():
    d = digest_of(
        "Senator Mia Lund believes that support is growing and that Governor Paul Dorn's "
        "budget is not unworkable. "
        "Senator Mia Lund asked whether support is growing and whether Governor Paul Dorn's "
        "budget is unworkable."
    )
    assert d.disagreements == []


def test_questioning_how_a_party_would_act_sets_the_speaker_against_it():
    d = digest_of(
        "Senator Mia Lund questioned how Governor Paul Dorn would fund his plans. "
        "The unions have questioned the timing of the new rules."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Mia Lund", "Paul Dorn"}),
        frozenset({"unions"}),
    ]
    assert d.disagreements[1].topic == "the timing of the new rules"


def test_a_person_questioned_and_a_doubt_with_no_reason_are_no_disagreement():
    d = digest_of(
        "Police questioned Senator Mia Lund on Monday. "
        "Governor Paul Dorn was questioned by police on Tuesday. "
        "Senator Mia Lund said she had no reason to doubt the council's figures."
    )
    assert d.disagreements == []


def test_a_battle_with_another_party_is_a_disagreement_over_what_follows_it():
    d = digest_of(
        "The budget passed after Minister Anna Berg's battle with Governor Paul Dorn "
        "over farm subsidies."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Paul Dorn"})]
    assert d.disagreements[0].topic == "farm subsidies"
    assert d.disagreements[0].positions[0].position.startswith("battle with")


def test_a_battle_against_a_thing_sets_no_party_apart():
    d = digest_of("Minister Anna Berg vowed to continue the battle against crime.")
    assert d.disagreements == []


def test_a_judgement_unfair_for_a_party_does_not_set_the_speaker_against_it():
    d = digest_of("Senator Mia Lund said the new rules were unfair for the unions.")
    assert all("unions" not in dis.parties for dis in d.disagreements)


def test_a_warning_on_a_condition_another_party_is_to_meet_is_pressure_on_it():
    d = digest_of(
        "Senator Mia Lund warned that there could be strikes unless Governor Paul Dorn "
        "withdrew the plan."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "Paul Dorn"})]
    assert "unless Governor Paul Dorn withdrew the plan" in d.disagreements[0].topic


def test_a_warning_received_or_on_no_partys_condition_is_no_disagreement():
    d = digest_of(
        "Senator Mia Lund warned that councils would struggle unless funding was increased. "
        "Teachers were warned they would be fined unless Governor Paul Dorn approved the budget."
    )
    assert d.disagreements == []


def test_a_negated_judgement_judges_nobody():
    d = digest_of("Senator Mia Lund said the Tories were wrong over Europe.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "Conservatives"})]
    d = digest_of(
        "Senator Mia Lund said the Tories were not wrong. "
        "Governor Paul Dorn said the plan was not unfair."
    )
    assert d.disagreements == []


def test_a_blow_dealt_to_a_partys_plan_sets_the_one_dealing_it_against_the_party():
    d = digest_of(
        "The Supreme Court ruled in favour of the farmers, dealing a major blow to "
        "Governor Paul Dorn's tax plan."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Supreme Court", "Paul Dorn"})]
    assert d.disagreements[0].topic == "Governor Paul Dorn's tax plan"


def test_a_defeat_suffered_names_no_one_who_dealt_it():
    d = digest_of("The government suffered a defeat on the bill.")
    assert d.disagreements == []


def test_warning_another_party_against_something_sets_it_apart_but_not_ones_own():
    d = digest_of("Senator Mia Lund warned Governor Paul Dorn against raising taxes.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "Paul Dorn"})]
    d = digest_of("Senator Mia Lund warned her supporters against complacency.")
    assert all(dis.parties == ["Mia Lund"] for dis in d.disagreements)


def test_a_party_at_odds_or_in_dispute_with_another_disagrees_with_it():
    d = digest_of(
        "Senator Mia Lund is at odds with Governor Paul Dorn over the budget. "
        "The union is in dispute with the council over pay."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Mia Lund", "Paul Dorn"}),
        frozenset({"union", "council"}),
    ]
    assert d.disagreements[0].topic == "the budget"
    assert d.disagreements[0].positions[0].position.startswith("at odds with")


def test_a_reply_takes_issue_with_a_party_it_names_or_the_one_answered():
    d = digest_of(
        "The foreign secretary Tom Hale hit back by saying Tory attitudes to Europe had "
        "kept the party out of power."
    )
    assert [set(x.parties) for x in d.disagreements] == [{"Tom Hale", "Conservatives"}]
    assert [p.position for p in d.disagreements[0].positions] == [
        "hit back by saying Tory attitudes to Europe had kept the party out of power"
    ]
    d = digest_of(
        "Labour leader Tom Hale said the tax was unfair. The Tory leader Ann Lee countered "
        "that such agreements had been struck twice."
    )
    assert {"Ann Lee", "Tom Hale"} in [set(x.parties) for x in d.disagreements]


def test_a_party_angry_at_another_s_plans_disagrees_with_it():
    d = digest_of("The GMB union is angry at the government's plans.")
    assert [set(x.parties) for x in d.disagreements] == [{"GMB union", "government"}]
    d = digest_of("Labour MPs are unhappy about the Tory plans to cut tuition fees.")
    assert [set(x.parties) for x in d.disagreements] == [{"Labour MPs", "Conservatives"}]
    # a feeling about no one's plan or act is no stance
    assert not digest_of("Governor Tom Hale said he was worried about their safety.").disagreements


def test_a_named_party_critical_of_another_disagrees_with_it():
    d = digest_of("Senator Mia Lund has been strongly critical of Governor Paul Dorn's budget.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "Paul Dorn"})]
    d = digest_of(
        "Senator Mia Lund published a critical report on the budget. "
        "It is critical to the success of the plan."
    )
    assert d.disagreements == []


def test_one_who_claims_to_have_been_snubbed_holds_that_position():
    d = digest_of("Senator Mia Lund claims she has been snubbed by Governor Paul Dorn.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "Paul Dorn"})]
    positions = d.disagreements[0].positions
    assert [(p.party, p.position) for p in positions] == [
        ("Mia Lund", "she has been snubbed by Governor Paul Dorn")
    ]


def test_the_charge_of_an_accusation_is_no_second_dispute_with_its_object():
    d = digest_of("Senator Mia Lund accused the council of snubbing its voters.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Mia Lund", "council"})]


# -- proposals: who puts them forward ----------------------------------------------------


def test_campaigning_for_something_is_an_activity_not_a_proposal():
    d = digest_of(
        "Tom Hale thanked his lawyers for the support he had received while campaigning "
        "for his brother's release."
    )
    assert d.proposals == []
    d = digest_of("Tom Hale pressed for his brother's release.")
    assert [p.by for p in d.proposals] == ["Tom Hale"]


def test_no_one_urges_themselves_so_a_pronoun_read_as_the_addressee_is_no_author():
    d = digest_of(
        "Chancellor Otto Brandt spoke on Monday. "
        "He urged the chancellor to admit he had been responsible for the rise."
    )
    assert d.proposals == []
    d = digest_of(
        "Chancellor Otto Brandt spoke on Monday. "
        "Mr Lind urged the chancellor to admit he had been responsible for the rise."
    )
    assert [p.by for p in d.proposals] == ["Lind"]


def test_a_finite_verb_hung_on_an_infinitive_goes_with_the_verb_of_saying():
    d = digest_of(
        "Union leader Dave Prent said workers did not want to go on strike and called for "
        "talks with the government."
    )
    assert [p.by for p in d.proposals] == ["Dave Prent"]
    assert d.proposals[0].what.startswith("called for talks")


def test_we_in_a_quote_is_the_speakers_side():
    d = digest_of('President Mahmud Abel said: "We are ready to negotiate with Israel."')
    assert [p.by for p in d.proposals] == ["Mahmud Abel"]
    assert "negotiate with Israel" in d.proposals[0].what


def test_we_in_a_quote_attributed_to_someone_unnamed_is_not_the_last_speaker():
    d = digest_of(
        'President Thabo Mbeko said: "This is a good day." '
        '"We are now asking other countries to join us," the chancellor said.'
    )
    assert d.proposals == []


def test_he_after_a_subject_known_only_by_an_unnamed_role_is_unresolved():
    d = digest_of(
        "The President spoke today with Israeli Prime Minister Tom Hale. The President "
        "reiterated his support for Israel. He urged Israel to protect civilians."
    )
    assert [p.by for p in d.proposals] == []
    d = digest_of(
        "Israeli Prime Minister Tom Hale spoke today. He urged Israel to protect civilians."
    )
    assert [p.by for p in d.proposals] == ["Tom Hale"]


def test_asking_someone_to_act_with_the_infinitive_read_as_adverbial_is_a_proposal():
    d = digest_of(
        'Home Secretary Charles Clark said: "I will be asking Parliament to renew this '
        'legislation in the New Year."'
    )
    assert [p.by for p in d.proposals] == ["Charles Clark"]
    assert "renew this legislation" in d.proposals[0].what


def test_asking_someone_to_act_as_the_thing_judged_has_no_author():
    d = digest_of(
        'Charity head Simon Wrighte said: "While encouraging the drug industry to find an '
        'HIV vaccine is important, it is not enough."'
    )
    assert d.proposals == []


def test_a_proposal_named_without_what_it_proposes_is_no_fact():
    d = digest_of("Minister Jack Strew said the commission's proposal would mean a 35% rise.")
    assert d.proposals == []
    d = digest_of("Minister Jack Strew said the commission's proposal to cap the budget was late.")
    assert [p.what for p in d.proposals] == ["proposal to cap the budget"]


def test_the_group_named_again_is_the_same_party_so_its_meeting_is_reported_once():
    d = digest_of(
        "Five public sector unions met Deputy Prime Minister Joan Prest in Leeds. "
        "They want the government to withdraw the regulations. "
        "The five unions which met Ms Prest want the government to withdraw these regulations."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"public sector unions", "Joan Prest"})]
    assert [p.by for p in d.proposals] == ["public sector unions"]


def test_other_members_of_a_group_are_not_the_group_named_before():
    d = digest_of(
        "Five public sector unions met Deputy Prime Minister Joan Prest in Leeds. "
        "Other public sector unions met Ms Prest in York."
    )
    assert sorted(sorted(m.participants) for m in d.meetings) == [
        ["Joan Prest", "Other public sector unions"],
        ["Joan Prest", "public sector unions"],
    ]


def test_pressing_the_need_for_someone_to_act_is_a_call():
    d = digest_of(
        "President Lena Cole spoke today with Prime Minister Tom Hale. She made clear the "
        "need for Ruritania to open the border crossings."
    )
    assert [p.by for p in d.proposals] == ["Lena Cole"]
    assert "need for Ruritania to open" in d.proposals[0].what
    d = digest_of("President Lena Cole underscored the need to hold the regime accountable.")
    assert [p.by for p in d.proposals] == ["Lena Cole"]


def test_discussing_a_need_or_two_leaders_stressing_it_is_no_ones_call():
    d = digest_of("President Lena Cole discussed the need for more investment in ports.")
    assert d.proposals == []
    d = digest_of(
        "President Lena Cole and Prime Minister Tom Hale stressed the need to expand trade."
    )
    assert d.proposals == []
    assert pairs(d.agreements, "parties") == [frozenset({"Lena Cole", "Tom Hale"})]


# -- meetings: participants that are parties ---------------------------------------------


def test_a_body_inside_a_persons_title_is_no_participant():
    d = digest_of(
        "Today, Jennifer Klane, White House Gender Policy Council Director, and Julia Chavez, "
        "White House Intergovernmental Affairs Director, met with Governor Tom Hale."
    )
    assert [sorted(m.participants) for m in d.meetings] == [
        ["Jennifer Klane", "Julia Chavez", "Tom Hale"]
    ]


def test_a_state_inside_a_title_is_the_party_the_official_acts_for():
    d = digest_of("President Lena Cole met with the Jordanian Deputy Prime Minister in Amman.")
    assert pairs(d.meetings, "participants") == [frozenset({"Lena Cole", "Jordan"})]


def test_a_group_described_by_a_party_adjective_is_the_group_not_the_adjective():
    d = digest_of(
        "Later today, Mr Trump will hold separate meetings with the Republican leaders in Congress."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Trump", "Republican leaders"})]


def test_the_chief_of_staff_is_a_person_not_the_staff():
    d = digest_of(
        "Her meeting with the current chief of staff suggests a change of plans, "
        "Senator Mia Lund said."
    )
    assert d.meetings == []


def test_talking_with_ones_own_staff_is_no_meeting_but_meeting_counterparts_is():
    d = digest_of(
        "Spokeswoman Jane Pask said President Tom Hale has talked privately with his staff "
        "about the transition."
    )
    assert d.meetings == []
    d = digest_of("Interior Minister Tom Hale met his EU counterparts in Luxembourg on Monday.")
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "EU"})]  # as written


def test_a_meeting_in_a_clause_of_a_negated_noun_did_not_happen():
    d = digest_of(
        "Donald Trimp and Hilary Clanton agreed to cooperate. This is not a situation where "
        "they've had many conversations or played golf together."
    )
    assert d.meetings == []
    d = digest_of(
        "Donald Trimp and Hilary Clanton agreed to cooperate. This is a situation where "
        "they've had many conversations."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Donald Trimp", "Hilary Clanton"})]


def test_pressing_someone_to_act_is_a_call_but_pressing_a_point_is_not():
    d = digest_of("Governor Tom Hale pressed the council to rethink the plan.")
    assert [p.by for p in d.proposals] == ["Tom Hale"]
    d = digest_of("Governor Tom Hale pressed the point in a speech.")
    assert d.proposals == []


# -- proposals: what is not one ----------------------------------------------------------


def test_an_infinitive_describing_a_noun_is_not_the_verbs_own_proposal():
    d = digest_of(
        "A failed government scheme to offer university courses online has been branded a "
        '"disgraceful waste" by MPs.'
    )
    assert d.proposals == []
    d = digest_of("The government scheme to offer university courses online was launched.")
    assert [p.by for p in d.proposals] == ["government"]


def test_a_survey_suggesting_what_people_say_is_no_proposal():
    d = digest_of(
        "A survey for the charity suggests 69% of over-65s say they always vote in a "
        "general election."
    )
    assert d.proposals == []


def test_suggesting_things_are_so_read_with_an_object_is_no_proposal():
    d = digest_of(
        "Professor Bo Chen spoke. He suggests so-called rogue states such as Iran and North "
        'Korea are less of a problem than "failed and failing states", which are more '
        "likely to be a source of nuclear materials."
    )
    assert d.proposals == []


def test_a_modal_inside_a_relative_clause_of_the_subject_is_no_call():
    d = digest_of(
        "Dr Azam Tamin said the main issues voters should consider were the war and the "
        "erosion of civil liberties."
    )
    assert d.proposals == []
    d = digest_of("Dr Azam Tamin said voters should consider the war.")
    assert [p.by for p in d.proposals] == ["Azam Tamin"]


def test_what_a_speaker_hopes_someone_will_propose_is_not_proposed():
    d = digest_of(
        'Paul Tyle said: "We would hope that the government will table a bill that is broad '
        'enough."'
    )
    assert d.proposals == []
    d = digest_of("Paul Tyle said the government will table a bill on Monday.")
    assert [p.by for p in d.proposals] == ["government"]


def test_a_seat_of_government_visited_is_a_place_not_a_participant():
    d = digest_of("Michelle Obema visited the Oval Office to meet President Tom Hale.")
    assert all("Oval Office" not in m.participants for m in d.meetings)
    d = digest_of("The White House convened a meeting with Governor Tom Hale on Monday.")
    assert pairs(d.meetings, "participants") == [frozenset({"White House", "Tom Hale"})]


def test_a_plural_title_with_a_body_in_it_is_no_party():
    d = digest_of(
        "President Joe Bidan met yesterday with White House Senior Advisors and outside "
        "experts to discuss voting rights."
    )
    assert d.meetings == []


def test_a_proposal_nouns_text_does_not_open_with_its_preposition():
    d = digest_of(
        "Senator Mia Lund held talks with Governor Tom Hale over the council's plans to "
        "close the bridge."
    )
    assert [p.what for p in d.proposals] == ["plans to close the bridge"]


def test_what_someone_is_urged_to_urge_is_the_urgers_proposal_only():
    d = digest_of(
        "Jon Finnar urged the government of Serbia to withdraw its forces and to urge "
        "protesters to remain peaceful."
    )
    assert [p.by for p in d.proposals] == ["Jon Finnar"]


def test_offering_condolences_is_an_expression_not_a_proposal():
    d = digest_of("President Lena Cole offered her condolences on the recent flooding.")
    assert d.proposals == []
    d = digest_of("President Lena Cole offered assistance after the recent flooding.")
    assert [p.by for p in d.proposals] == ["Lena Cole"]


def test_committed_and_concurred_are_read_like_commit_and_concur():
    d = digest_of(
        "President Lena Cole met Prime Minister Tom Hale on Monday. The leaders committed to "
        "deepen economic cooperation in the region."
    )
    assert [a.what for a in d.agreements] == [
        "committed to deepen economic cooperation in the region"
    ]


def test_the_president_is_not_the_vice_president_nor_the_chancellor_the_shadow_one():
    d = digest_of(
        "On Monday, Vice President Kamala Haris spoke first. The President pledged to "
        "continue economic stability in a third term."
    )
    assert d.proposals == []
    d = digest_of(
        "On Monday, Tory shadow chancellor Oliver Letwan spoke first. The chancellor pledged "
        "to continue economic stability in a third term."
    )
    assert d.proposals == []
    d = digest_of(
        "On Monday, Chancellor Gordon Browne spoke first. The chancellor pledged to continue "
        "economic stability in a third term."
    )
    assert [p.by for p in d.proposals] == ["Gordon Browne"]


def test_an_ing_clause_hung_on_a_relative_clause_goes_with_the_main_clause():
    d = digest_of(
        "President Joe Bidan and Vice President Kamala Haris spoke with Prime Minister Tom Hale. "
        "The President affirmed Israel's right to protect its citizens from Hezbollah, which "
        "has fired missiles into Israel, while emphasizing the need to minimize harm to civilians."
    )
    assert [p.by for p in d.proposals] == ["Joe Bidan"]


# -- meetings: parties beyond a meeting's own "with" (issue 12) ----------------------


def test_a_meeting_with_a_group_described_by_its_members_role():
    held = digest_of("Prime Minister Tom Hale held a private meeting with senior union figures.")
    assert pairs(held.meetings, "participants") == [frozenset({"Tom Hale", "senior union figures"})]
    met = digest_of("Prime Minister Tom Hale met business leaders in Leeds.")
    assert pairs(met.meetings, "participants") == [frozenset({"Tom Hale", "business leaders"})]


def test_a_group_without_a_word_for_whose_is_no_party():
    assert digest_of("Prime Minister Tom Hale met two leaders in Leeds.").meetings == []
    assert digest_of("The new stadium met the demands of union members.").meetings == []


def test_a_meeting_between_teams_is_no_meeting_between_parties():
    d = digest_of("A meeting between the two cities' football teams took place on Sunday.")
    assert d.meetings == []


def test_a_meeting_of_a_body_has_the_body_and_its_chair():
    d = digest_of(
        "Prime Minister Tom Hale chaired a meeting of the Council of Europe in Strasbourg."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Council of Europe"})]
    assert d.meetings[0].status == "held"


def test_a_meeting_chaired_after_a_visit_still_to_come_is_planned():
    d = digest_of(
        "President Lena Cole will visit a school in Lagos before chairing a meeting of the "
        "Council of Europe in Accra."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Lena Cole", "Council of Europe"})]
    assert d.meetings[0].status == "planned"


def test_a_meeting_of_a_term_of_office_or_of_minds_names_no_member():
    term = digest_of(
        "Minister Tom Hale met Minister Anna Berg for the fourth meeting of the Cole "
        "administration."
    )
    assert pairs(term.meetings, "participants") == [frozenset({"Tom Hale", "Anna Berg"})]
    assert digest_of("Minister Tom Hale called it a meeting of minds.").meetings == []


def test_a_hypothetical_meeting_is_none_held():
    d = digest_of('Senator Tom Hale said: "If I met President Lena Cole, I would say so."')
    assert [m.status for m in d.meetings] in ([], ["planned"])


def test_the_pair_met_is_the_two_people_named_last():
    pair = digest_of(
        "Mayor Ray Holt toured the city on Monday. Campaigner Jo Penn was waiting at the "
        "station. The pair met on the platform."
    )
    assert pairs(pair.meetings, "participants") == [frozenset({"Ray Holt", "Jo Penn"})]
    men = digest_of(
        "Mayor Ray Holt toured the city on Monday. Campaigner Jo Penn was waiting at the "
        "station. The two men met on the platform."
    )
    assert pairs(men.meetings, "participants") == [frozenset({"Ray Holt", "Jo Penn"})]


def test_the_pair_met_needs_two_people_named_before():
    one = digest_of("Mayor Ray Holt toured the city on Monday. The pair met on the platform.")
    assert one.meetings == []
    some = digest_of(
        "Mayor Ray Holt toured the city on Monday. Campaigner Jo Penn was waiting at the "
        "station. A pair met on the platform."
    )
    assert some.meetings == []


def test_met_at_a_place_or_on_a_day_with_someone():
    at = digest_of(
        "Foreign Minister Anna Berg met today at the White House with Prime Minister Tom Hale "
        "of Norway."
    )
    assert pairs(at.meetings, "participants") == [frozenset({"Anna Berg", "Tom Hale"})]
    on = digest_of("Foreign Minister Anna Berg met on August 29 with President Lena Cole.")
    assert pairs(on.meetings, "participants") == [frozenset({"Anna Berg", "Lena Cole"})]


def test_a_meeting_noun_dated_before_its_with_is_not_the_subjects():
    d = digest_of(
        "Foreign Minister Anna Berg spoke today with Jo Penn, Secretary General of Norway's "
        "Security Secretariat, to prepare for the President's meeting on January 21 with "
        "Prime Minister Tom Hale and to discuss regional issues."
    )
    assert frozenset({"Anna Berg", "Tom Hale"}) not in pairs(d.meetings, "participants")


def test_a_group_named_again_by_its_noun_alone_is_one_meeting():
    d = digest_of(
        "Five public sector unions met Deputy Prime Minister Tom Hale in Leeds on Monday. "
        "The five unions which met Mr Hale want the government to withdraw the rules."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"public sector unions", "Tom Hale"})]


def test_a_group_noun_shared_by_two_fuller_names_stays_apart():
    from briefgen.extract.facts import Fact
    from briefgen.extract.merge import fuller_groups
    from briefgen.model import Span

    text = "Three sentences."
    article = Article(id="a", path="a.txt", text=text, sentences=split_sentences(text))
    facts = [
        Fact("meeting", article, Span(0, 5), parties)
        for parties in (
            ["Tom Hale", "public sector unions"],
            ["Anna Berg", "transport unions"],
            ["Tom Hale", "unions"],
        )
    ]
    assert [f.parties for f in fuller_groups(facts)][2] == ["Tom Hale", "unions"]
    assert [f.parties for f in fuller_groups(facts[::2])][1] == ["Tom Hale", "public sector unions"]


# -- the lead's fixes from reading a mixed workspace ------------------------------------


def test_a_company_suffix_is_no_party():
    d = digest_of("The deal was signed by the Nordvik Navy and Ostby Shipbuilders, Ltd. in June.")
    assert all("Ltd." not in a.parties for a in d.agreements)


def test_knowing_is_a_judgement_not_a_call():
    d = digest_of(
        "Mr Berg said that the first minister should know by now that such remarks come "
        "back to bite him. Mr Hale said the council should reopen the library."
    )
    assert [p.what for p in d.proposals] == ["the council should reopen the library"]


def test_a_passive_s_agent_hung_on_its_oblique_is_still_the_agent():
    d = digest_of(
        "Union spokesman Otto Brandt met Ms Berg. The European Commission was sued for "
        "libel by Mr Brandt after it claimed he took money."
    )
    assert [set(dis.parties) for dis in d.disagreements] == [{"Otto Brandt", "European Commission"}]
    assert "European Commission" not in (d.disagreements[0].topic or "")  # a side, no topic


def test_a_verb_misread_as_part_of_a_name_stays_out_of_the_party():
    d = digest_of("But the government shunned opponents' calls for free long-term care.")
    assert [p.by for p in d.proposals] in ([], ["opponents"])


def test_what_someone_is_accused_of_urging_is_no_proposal():
    d = digest_of(
        "The Nordvik party accused Mr Berg of encouraging young people to drink. "
        "Mr Hale accused the board of delay after the council urged it to act."
    )
    assert all(p.by != "Nordvik party" for p in d.proposals)
    assert [p.by for p in d.proposals] == ["council"]


def test_under_a_party_s_plans_the_plan_is_the_clause_it_frames():
    d = digest_of(
        "Elderly people would choose how their own budget was spent under government plans."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("government", "Elderly people would choose how their own budget was spent")
    ]


def test_a_clause_the_parser_gave_up_on_runs_to_the_end_of_the_sentence():
    from types import SimpleNamespace

    from briefgen.extract.parse.reader import SentenceReader

    # "Ostby offers to buy homes for an index-linked, fair price.", parsed as the
    # packaged model parsed a real one: "linked" left as ``dep``, "price" a parataxis.
    words = [
        ("Ostby", "PROPN", "nsubj", 1), ("offers", "VERB", "ROOT", 1), ("to", "PART", "mark", 3),
        ("buy", "VERB", "xcomp", 1), ("homes", "NOUN", "obj", 3), ("for", "ADP", "case", 8),
        ("an", "DET", "det", 8), ("index", "NOUN", "compound", 8), ("linked", "VERB", "dep", 1),
        (",", "PUNCT", "punct", 11), ("fair", "ADJ", "amod", 11), ("price", "NOUN", "parataxis", 1),
        (".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    reader = SimpleNamespace(s=parsed(words))
    kept = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12]  # up to "linked", and the full stop
    assert SentenceReader._given_up_tail(reader, kept) == [9, 10, 11]
    assert SentenceReader._given_up_tail(reader, [1, 2, 3, 4]) == []  # it ends on a word it holds


# -- who "he" and "she" stand for ------------------------------------------------


def test_she_does_not_stand_for_a_man_the_text_calls_mr():
    d = digest_of(
        "Foreign Minister Anna Berg called for calm. Ms Berg flew to Oslo. "
        "Mayor Dan Ross welcomed the plan. Mr Ross said nothing more. "
        "She met Prime Minister Tom Hale on Monday."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Anna Berg", "Tom Hale"})]


def test_a_determiner_the_parser_hangs_on_the_verb_is_not_in_the_clause():
    d = digest_of(
        "The Lord Chancellor, Lord Emsworth, agreed the 1701 Act of Settlement was unfair."
    )
    assert all(not a.what.startswith("The ") for a in d.agreements)


def test_a_passive_relative_clause_is_about_its_noun_and_the_agent_opposes_it():
    d = digest_of(
        "Governor Paul Dorn said they would work on Republican goals that are opposed by "
        "Senator Ann Lee."
    )
    assert [(x.parties, x.topic) for x in d.disagreements] == [(["Ann Lee"], "Republican goals")]
    assert [(p.party, p.position) for p in d.disagreements[0].positions] == [
        ("Ann Lee", "opposed Republican goals")
    ]


def test_a_spokesman_the_text_does_not_name_speaks_for_the_body_that_employs_him():
    d = digest_of(
        "Foreign Secretary Ann Lee met a State Department spokesman in London on Monday. "
        "The Pentagon spokesman criticised Ms Lee over the plan."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Ann Lee", "State Department"})]
    assert [x.parties for x in d.disagreements] == [["Pentagon", "Ann Lee"]]


def test_a_nationality_before_a_role_makes_no_state_a_side():
    d = digest_of("The South African archbishop said detentions without trial were unacceptable.")
    assert d.disagreements == []


def test_proposals_put_forward_for_something_the_parser_hung_on_the_verb():
    d = digest_of("Chancellor Gordon Brown put forward proposals for a new tax.")
    assert [(p.by, p.what) for p in d.proposals] == [("Gordon Brown", "proposals for a new tax")]


def test_there_should_be_is_a_call_but_should_be_a_thing_is_a_view():
    d = digest_of(
        "Union leader Mark Serwotka said there should be a national strike. "
        "Party leader Ann Lee said Britain should be a safe place."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Mark Serwotka", "there should be a national strike")
    ]


def test_the_last_word_of_a_state_named_with_and_is_no_part_of_the_name_after_it():
    from pathlib import Path

    from briefgen.ingest import read_article

    # A White House readout of 2023-01-31 (public domain): "Members of the Presidency of
    # Bosnia and Herzegovina Zeljka Cvijanovic, ..."
    path = Path(__file__).parent / "fixtures/people/2023-01-31-readout-bosnia-and-herzegovina.md"
    digest = extract([read_article(path)], ExtractionSettings(extractor="parse"))
    names = {p.name for p in digest.people}
    assert {"Zeljka Cvijanovic", "Zeljko Komsic", "Denis Becirovic"} <= names
    assert not any(n.startswith("Herzegovina") for n in names)


def test_a_meeting_named_in_passing_is_one_but_not_the_sides_that_come_after():
    d = digest_of(
        "National Security Advisor Jake Sullivan and Security Council Secretary Nikolay "
        "Patrushev held consultations on relations. The meeting was a continuation of the "
        "recent discussions held in Reykjavik between Secretary of State Antony Blinken and "
        "Foreign Minister Sergey Lavrov. The sides expressed confidence that solutions could "
        "be found. Talks were held in Geneva between Foreign Minister Ann Lee and Foreign "
        "Minister Bo Chen."
    )
    assert [(set(m.participants), m.location) for m in d.meetings] == [
        ({"Jake Sullivan", "Nikolay Patrushev"}, None),
        ({"Antony Blinken", "Sergey Lavrov"}, "Reykjavik"),
        ({"Ann Lee", "Bo Chen"}, "Geneva"),
    ]
    assert pairs(d.agreements, "parties") == [frozenset({"Jake Sullivan", "Nikolay Patrushev"})]


def test_a_topic_or_a_proposal_phrase_starts_after_its_preposition():
    d = digest_of(
        "Party leader Ann Lee hit out at the new tax plans. Agencies worked on the kind of "
        "innovation proposed by the government."
    )
    assert [x.topic for x in d.disagreements] == ["the new tax plans"]
    assert [p.what for p in d.proposals] == ["innovation proposed by the government"]


def test_those_who_receive_or_host_a_thing_together_do_not_meet_each_other():
    d = digest_of(
        "Governor Ann Lee and Senator Bo Chen had been receiving security briefings. "
        "Mayor Dan Ross and Governor Eve Hart hosted a dinner. "
        "President Tom Hale received Prime Minister Kim Yoon at the palace."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Kim Yoon"})]


def test_those_let_into_or_briefed_on_a_meeting_between_two_are_not_in_it():
    d = digest_of(
        "Journalists were allowed into the meeting between President Tom Hale and Prime "
        "Minister Kim Yoon. Advisor Ann Lee briefed on the talks between Mr Hale and Mr Yoon. "
        "During the meeting with Mr Hale, Senator Bo Chen said trade was vital."
    )
    assert sorted(map(sorted, pairs(d.meetings, "participants"))) == [
        ["Bo Chen", "Tom Hale"],
        ["Kim Yoon", "Tom Hale"],
    ]


def test_a_state_s_forces_or_refugees_hosted_are_no_party_to_a_meeting():
    d = digest_of(
        "President Tom Hale thanked Norway for hosting U.S. forces. "
        "Prime Minister Kim Yoon welcomed Ukrainian refugees. "
        "Prime Minister Kim Yoon hosted a Japanese delegation in Seoul."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Kim Yoon", "Japan"})]


def test_a_side_criticised_is_no_topic_and_a_named_plan_alone_is_no_proposal():
    d = digest_of(
        "Labour MPs have angrily criticised Prime Minister Tony Blair and Chancellor Gordon "
        "Brown over their plans for the economy. "
        "Adviser Ed Balls said an examination of Tory plans for the economy showed a gap."
    )
    assert [x.topic for x in d.disagreements] == ["their plans for the economy"]
    assert d.proposals == []


def test_the_two_and_both_standing_alone_are_the_group_named_before():
    d = digest_of(
        "Foreign Minister Ann Lee met Secretary of State Bo Chen in Seoul. The two agreed to "
        "communicate closely. Both committed to deeper ties. Two of the officials agreed to "
        "resign."
    )
    assert pairs(d.agreements, "parties") == [frozenset({"Ann Lee", "Bo Chen"})] * 2


def test_being_in_talks_with_someone_is_a_meeting_with_them():
    d = digest_of(
        "Chancellor Ann Lee has been locked in talks with finance ministers of the G8. "
        "Prime Minister Bo Chen is in talks with President Dan Ross. "
        "The issue was raised in talks with Governor Eve Hart."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Ann Lee", "G8"}),
        frozenset({"Bo Chen", "Dan Ross"}),
    ]


def test_a_clause_the_parser_cut_on_a_preposition_or_a_currency_sign_is_completed():
    d = digest_of(
        "Today, the United States is announcing plans to welcome up to 100,000 Ukrainians "
        "fleeing Russia's aggression through the full range of legal pathways. "
        "Party leader Ann Lee has dismissed fears from some Conservatives that his plans "
        "for £4bn tax cuts are too modest."
    )
    welcome = next(p.what for p in d.proposals if p.by == "United States")
    fears = next(x.topic or "" for x in d.disagreements if "Ann Lee" in x.parties)
    assert welcome.endswith("through the full range of legal pathways")
    assert fears.endswith("£4bn tax cuts are too modest")


def test_i_in_a_statement_is_the_one_it_is_published_by():
    text = (
        "President Tom Hale spoke to reporters on Monday. When I welcomed President Ann Lee "
        "and Prime Minister Bo Chen to the White House last month, I told them we support "
        "their membership."
    )
    article = Article(
        id="a0",
        path="a0.md",
        text=text,
        title="Statement by President Hale on the Alliance",
        published=dt.date(2024, 3, 8),
        sentences=split_sentences(text),
    )
    d = extract([article], ExtractionSettings(extractor="parse"))
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Ann Lee", "Bo Chen"})]


def test_a_clause_that_ends_inside_a_quotation_closes_it():
    d = digest_of(
        'Finance minister Carl Dunn suggested it would "demand a response". '
        'Union leader Anna Berg dismissed the plan as "desperate", and said it would fail.'
    )
    assert [p.what for p in d.proposals] == ['suggested it would "demand a response"']
    (position,) = d.disagreements[0].positions
    # "and said it would fail" is another statement: the stance ends with its quote
    assert position.position == 'dismissed the plan as "desperate"'


def test_a_day_in_a_relative_clause_is_not_the_day_of_the_meeting():
    d = digest_of(
        "President Ann Lee, who won the election on Wednesday, met Prime Minister Bo Chen "
        "at the palace."
    )
    assert [(m.date, m.when) for m in d.meetings] == [(None, None)]


def test_a_day_in_a_clause_of_its_own_is_not_the_day_of_the_meeting():
    d = digest_of(
        "President Ann Lee met Prime Minister Bo Chen at the palace. Their meeting was far "
        "from how President Tom Hale greeted them on Wednesday."
    )
    assert [(m.date, m.when) for m in d.meetings] == [(None, None)]
    d = digest_of(
        "When President Ann Lee met Prime Minister Bo Chen on Wednesday, they agreed to talk."
    )
    assert [m.when for m in d.meetings] == ["Wednesday"]  # the clause of the meeting


def test_a_summit_that_is_a_meeting_between_leaders_is_not_one_of_them():
    d = digest_of(
        "Today's Summit is the fourth meeting between President Tom Hale, Prime Minister "
        "Bo Chen, and President Ann Lee. Finance minister Carl Dunn is in talks with Ann Lee."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Tom Hale", "Bo Chen", "Ann Lee"}),
        frozenset({"Carl Dunn", "Ann Lee"}),
    ]


def test_a_word_before_a_comma_is_no_part_of_a_group_s_name():
    d = digest_of(
        # A White House readout's sentence (public domain).
        "Yesterday, senior officials from the White House and the Department of Justice met "
        "with Black leaders of Civil Rights organizations to discuss police reform."
    )
    # (officials from a body the text names act for it)
    assert pairs(d.meetings, "participants") == [frozenset({"White House", "Black leaders"})]
    d = digest_of("Yesterday, senior officials met with Black leaders to discuss police reform.")
    assert pairs(d.meetings, "participants") == [frozenset({"senior officials", "Black leaders"})]
    d = digest_of("Senior officials from Japan and Australia met in Tokyo on Monday.")
    assert pairs(d.meetings, "participants") == [frozenset({"Japan", "Australia"})]


def test_the_president_and_prime_minister_are_the_two_the_text_named_so():
    d = digest_of(
        "President Tom Hale spoke today with Prime Minister Ann Lee of Norland. "
        "The President and Prime Minister agreed to stay in close collaboration."
    )
    assert pairs(d.agreements, "parties") == [frozenset({"Tom Hale", "Ann Lee"})]


def test_a_group_adjective_names_a_party_only_before_a_noun_of_people():
    d = digest_of(
        "The trouble the Social Democrats face is that many of their own voters do not "
        "agree with their policies."
    )
    assert all("Social Democrats face" not in x.parties for x in d.disagreements)


def test_a_word_split_at_its_hyphen_is_read_whole():
    d = digest_of(
        "Finance minister Carl Dunn said the plans should be re-examined and co-ordinated "
        "with the unions. The two leaders re-affirmed their commitment to the treaty."
    )
    assert [p.what for p in d.proposals] == [
        "the plans should be re-examined and co-ordinated with the unions"
    ]


def test_a_plan_or_an_intention_to_agree_is_no_agreement():
    d = digest_of("Ann Lee and Bo Chen plan to agree on a deal next week.")
    assert d.agreements == []


def test_a_quoted_call_reads_on_from_the_name_of_the_one_who_made_it():
    d = digest_of('Anna Berg said: "We should scrap the tax on books."')
    assert [p.what for p in d.proposals] == ["we should scrap the tax on books"]


# -- disagreements: bodies that speak, "they", standing against, warnings to a party ----


def test_an_unknown_body_that_speaks_is_a_party_whatever_its_tag():
    d = digest_of("Open Courts Watch has called the camp a scandal.")
    assert [dis.parties for dis in d.disagreements] == [["Open Courts Watch"]]
    assert d.disagreements[0].topic == "the camp"
    d = digest_of(
        "Interior Minister Karl Vos said the report was wrong. "
        "But Open Courts Watch said the report was accurate."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Karl Vos", "Open Courts Watch"})]


def _parties_of(words: list[tuple[str, str, str, int]]) -> object:
    """The parties of a sentence given as its parse: (text, tag, relation, head)."""
    from briefgen.extract.parse.lexicon import lexicon
    from briefgen.extract.parse.parties import Memory, Parties

    return Parties(parsed(words), [], Memory(), {}, lexicon())


def test_a_capitalised_run_is_no_body_as_a_title_a_heading_or_someone_s_document():
    said = ("said", "VERB", "ROOT", 1)
    body = _parties_of([("Open Courts Watch", "ADJ", "nsubj", 1), said])
    assert [p.name for p in body.of(0)] == ["Open Courts Watch"]
    title = _parties_of([("Secretary of State", "PROPN", "nsubj", 1), said])
    assert title.of(0) == []
    heading = _parties_of(
        [("Digital Trade", "PROPN", "nsubj", 2), (":", "PUNCT", "punct", 0), said]
    )
    assert heading.of(0) == []
    owned = _parties_of(
        [("Cole", "PROPN", "nmod:poss", 2), ("'s", "PART", "case", 0),
         ("Executive Order", "PROPN", "nsubj", 3), ("calls", "VERB", "ROOT", 3)]
    )  # fmt: skip
    assert owned.of(2) == []
    acting = _parties_of([("Open Courts Watch", "ADJ", "nsubj", 1), ("opened", "VERB", "ROOT", 1)])
    assert acting.of(0) == []  # only a speaker: a run before another verb is as often a thing


def test_they_is_the_plural_group_that_says_it():
    d = digest_of("The Greens say they also oppose the new tax.")
    assert [dis.parties for dis in d.disagreements] == [["Greens"]]
    assert d.disagreements[0].topic == "the new tax"
    d = digest_of("The nurses' unions say they will vote against the pension bill.")
    assert [dis.parties for dis in d.disagreements] == [["unions"]]


def test_they_is_not_one_person_nor_one_body_named_before():
    d = digest_of("Governor Paul Dorn said they would vote against the pension bill.")
    assert not any("Paul Dorn" in dis.parties for dis in d.disagreements)
    d = digest_of("The Bremland government backs the farmers as they call for fair prices.")
    assert not any("government" in p.by for p in d.proposals)


def test_standing_against_is_a_stand_against_the_party_or_its_plan():
    d = digest_of("The campaigners were so angered they threatened to stand against Labour.")
    assert pairs(d.disagreements, "parties") == [frozenset({"campaigners", "Labour"})]
    d = digest_of("The Greens voted against Governor Paul Dorn's budget.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Greens", "Paul Dorn"})]
    assert not digest_of("The Tories stood by the plan.").disagreements


def test_against_what_one_stands_with_is_a_phrase_hung_twice_not_a_side():
    from briefgen.extract.facts import Entity
    from briefgen.extract.parse.lexicon import lexicon
    from briefgen.extract.parse.parties import Memory, Parties
    from briefgen.extract.parse.reader import SentenceReader

    # "Lund stood with Bremland against the war against Bremland", with the second
    # "against Bremland" hung on the verb, as the packaged model hung a readout's.
    words = [
        ("Lund", "PROPN", "nsubj", 1), ("stood", "VERB", "ROOT", 1), ("with", "ADP", "case", 3),
        ("Bremland", "PROPN", "obl", 1), ("against", "ADP", "case", 6), ("the", "DET", "det", 6),
        ("war", "NOUN", "obl", 1), ("against", "ADP", "case", 8), ("Bremland", "PROPN", "obl", 1),
    ]  # fmt: skip
    s = parsed(words)
    names = [Entity(t.start, t.end, t.text, t.text == "Lund") for t in s.tokens if t.pos == "PROPN"]
    reader = SentenceReader(s, Parties(s, names, Memory(), {}, lexicon()), lexicon())
    assert reader._voted_against(s.tokens[1]) is None


def test_a_warning_addressed_to_a_party_is_pressure_on_it():
    d = digest_of("Governor Paul Dorn warned Foreign Minister Anna Berg that the plan would fail.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Paul Dorn", "Anna Berg"})]
    assert d.disagreements[0].topic == "the plan would fail"
    d = digest_of('Governor Paul Dorn warned ministers that they should "rewrite the bill".')
    assert pairs(d.disagreements, "parties") == [frozenset({"Paul Dorn", "ministers"})]
    assert d.disagreements[0].topic == 'they should "rewrite the bill"'


def test_a_warning_to_ones_own_people_or_by_he_is_no_pressure_on_a_party():
    d = digest_of("Governor Paul Dorn warned his ministers not to cut the budget.")
    assert not d.disagreements
    d = digest_of(
        "Governor Paul Dorn spoke in Oslo. "
        "He warned Foreign Minister Anna Berg that the plan would fail."
    )
    assert not d.disagreements


# -- recall of disagreements and proposals: quotes, judgements, calls --------------------


def test_we_in_a_quote_is_the_side_of_the_one_quoted():
    d = digest_of('"We strongly oppose the scheme," said Anna Berg of the Clean Rivers Trust.')
    assert [dis.parties for dis in d.disagreements] == [["Anna Berg"]]
    assert d.disagreements[0].topic == "the scheme"
    d = digest_of('"We will vote against the bill," Governor Paul Dorn said.')
    assert [dis.parties for dis in d.disagreements] == [["Paul Dorn"]]


def test_we_with_no_one_quoted_in_the_sentence_is_no_side():
    d = digest_of("We strongly oppose the scheme. The plan is due to start in May.")
    assert not d.disagreements
    # A statement's or a briefing's "we" goes on past the one quoted before it.
    d = digest_of('Anna Berg said: "The talks went well." We strongly oppose the scheme.')
    assert not d.disagreements


def test_an_appraisal_of_a_party_s_plan_sets_the_speaker_against_the_party():
    d = digest_of("Senator Anna Berg said the government's plans were inadequate.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "government"})]
    assert d.disagreements[0].topic == "the government's plans"
    d = digest_of("Senator Anna Berg branded Governor Paul Dorn arrogant.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Paul Dorn"})]


def test_a_noun_said_to_be_judged_by_its_adjective_is_the_judgement():
    d = digest_of("Labour leader Tom Hale said the council's decision was a disgraceful act.")
    assert [set(x.parties) for x in d.disagreements] == [{"Tom Hale", "council"}]
    d = digest_of('Tom Hale said it was "a totally unacceptable way to behave".')
    assert [x.parties for x in d.disagreements] == [["Tom Hale"]]
    # an appraisal of a day, of no party, judges no one
    assert not digest_of("Labour leader Tom Hale said it was a terrible day.").disagreements


def test_an_appraisal_of_a_thing_or_of_his_remarks_judges_no_party():
    assert not digest_of("Senator Anna Berg said a delay would be disastrous.").disagreements
    d = digest_of("Senator Anna Berg met Tom Hale. Ms Berg said his remarks were inadequate.")
    assert not d.disagreements


def test_a_judgement_not_said_or_said_on_a_condition_is_no_stance():
    d = digest_of("Senator Anna Berg did not think the government's plans were offensive.")
    assert not d.disagreements
    d = digest_of(
        "Church groups say the law could mean doctors withholding food even if they think "
        "the government's rules wrong."
    )
    assert not d.disagreements


def test_a_call_reported_before_its_speaker_is_the_speaker_s():
    d = digest_of(
        "The government should change the law on pensions, the Clean Rivers Trust has said."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Clean Rivers Trust", "the government should change the law on pensions")
    ]
    d = digest_of(
        "Governor Paul Dorn should set out a proper exit strategy, Senator Anna Berg has said."
    )
    assert [p.by for p in d.proposals] == ["Anna Berg"]
    d = digest_of("Teachers could get more powers, Education Secretary Anna Berg has suggested.")
    assert [p.by for p in d.proposals] == ["Anna Berg"]


def test_a_report_before_its_speaker_that_calls_on_no_one_is_no_proposal():
    d = digest_of("If the talks fail, the unions should strike, Senator Anna Berg said.")
    assert not d.proposals
    d = digest_of(
        "The security services could have been involved, Senator Anna Berg has suggested."
    )
    assert not d.proposals
    d = digest_of("Support for the party has been falling, Senator Anna Berg has suggested.")
    assert not d.proposals


def test_a_judgement_reported_before_its_speaker_is_the_speaker_s():
    d = digest_of("The government's plans are fundamentally flawed, Senator Anna Berg has said.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "government"})]


def test_a_passive_judgement_is_its_agent_s_against_the_subject_s_party():
    d = digest_of('Governor Paul Dorn\'s plans were branded "deeply irresponsible" by Tory MPs.')
    assert pairs(d.disagreements, "parties") == [frozenset({"Tory MPs", "Paul Dorn"})]
    assert d.disagreements[0].topic == "Governor Paul Dorn's plans"
    assert d.disagreements[0].positions[0].position == 'branded "deeply irresponsible"'


def test_a_passive_judgement_with_no_agent_or_of_praise_is_no_stance():
    assert not digest_of("Governor Paul Dorn's plans were branded inadequate.").disagreements
    d = digest_of("Governor Paul Dorn's plans were described as ambitious by Tory MPs.")
    assert not d.disagreements


def test_a_that_clause_before_a_proposal_is_no_call_of_its_author():
    # A White House readout's sentence (public domain), parsed with "proposed" hung on
    # the "that" clause.
    d = digest_of(
        "Because President Biden recognizes that our countries must cooperate to have "
        "resilient, secure supply chains that can support the future energy landscape, the "
        "United States proposed launching a C5+1 Critical Minerals Dialogue to develop "
        "Central Asia’s vast mineral wealth and advance critical minerals security."
    )
    assert [p.by for p in d.proposals] == ["United States"]
    assert d.proposals[0].what.startswith("proposed launching")


# -- disagreements: sanctions, refusals; proposals: another's plan ------------------------


def test_a_party_punished_for_what_it_did_is_at_odds_with_the_one_who_punished_it():
    d = digest_of(
        "Governor Paul Dorn has suspended Senator Anna Berg for refusing to publish her accounts."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Paul Dorn", "Anna Berg"})]
    assert d.disagreements[0].topic == "refusing to publish her accounts"
    # a body no list names, described by whose it is
    d = digest_of(
        "Governor Paul Dorn has suspended Leeds's local party association for its spending."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Paul Dorn", "Leeds's local party association"})
    ]
    d = digest_of(
        "Senator Anna Berg was expelled from the Labour party over her stance on the war."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Labour"})]
    assert d.disagreements[0].topic == "her stance on the war"


def test_a_sanction_without_a_reason_or_of_a_plan_or_for_a_time_is_no_dispute():
    assert not digest_of("President Lena Cole sacked Paul Dorn on Monday.").disagreements
    assert not digest_of(
        "The Clean Rivers Trust suspended its plan for a new dam over the cost."
    ).disagreements
    assert not digest_of(
        "Senator Anna Berg was suspended from the Senate for two weeks."
    ).disagreements


def test_a_refusal_named_by_a_noun_is_a_stand_against_the_party_refused():
    d = digest_of(
        "Governor Paul Dorn's refusal to accept the Tories' budget proposals angered MPs."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Paul Dorn", "Conservatives"})]


def test_a_refusal_of_nothing_an_agreement_would_settle_is_no_stance():
    assert not digest_of("Governor Paul Dorn's refusal to resign angered the Tories.").disagreements


def test_backing_another_s_plan_or_not_backing_one_proposes_nothing():
    d = digest_of(
        "Senator Anna Berg said she would not back the Home Secretary's plans for curfews."
    )
    assert not d.proposals
    d = digest_of("Senator Anna Berg unveiled plans for curfews.")
    assert [p.by for p in d.proposals] == ["Anna Berg"]


def test_hostilities_one_party_wages_on_another_set_them_against_each_other():
    d = digest_of("The leaders discussed Freedonia's brutal war against Sylvania.")
    assert [sorted(x.parties) for x in d.disagreements] == [["Freedonia", "Sylvania"]]
    assert d.disagreements[0].topic == "Freedonia's brutal war against Sylvania"
    d = digest_of("They discussed the consequences of Russia's invasion of Ukraine for trade.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Russia", "Ukraine"})]
    assert d.disagreements[0].topic == "Russia's invasion of Ukraine"


def test_hostilities_of_no_one_or_on_no_party_or_in_a_list_of_topics_are_no_dispute():
    assert not digest_of("The attacks on the World Trade Center shocked America.").disagreements
    assert not digest_of("Israel's offensive in the north continued.").disagreements
    d = digest_of("They discussed Russia's war against Ukraine, North Korea and Burma.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Russia", "Ukraine"})]


def test_a_that_clause_of_a_verb_of_directing_is_what_is_asked_for():
    d = digest_of("The unions demanded that the government withdraw the regulations.")
    assert [(p.by, p.what) for p in d.proposals] == [
        ("unions", "demanded that the government withdraw the regulations")
    ]


def test_a_that_clause_of_suggesting_without_a_modal_is_a_report_not_a_call():
    assert not digest_of("Senator Anna Berg suggested that the government had lied.").proposals


def test_a_refusal_on_a_condition_is_no_stance():
    d = digest_of("It would be troubling if the government did not accept the ruling, she said.")
    assert not d.disagreements
    assert not digest_of(
        "If Governor Paul Dorn were not to accept the ruling, MPs would act."
    ).disagreements
    d = digest_of("Governor Paul Dorn said he would not accept the ruling.")
    assert [x.parties for x in d.disagreements] == [["Paul Dorn"]]


# -- recall3: subjects the parser hung elsewhere, judgements, calls ---------------------


def test_a_subject_hung_on_the_auxiliary_is_the_verb_s():
    # "has since" read with "since" as a conjunction: the subject goes to "has"
    d = digest_of("Dr Anna Berg has since criticised the council over its budget.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "council"})]
    assert d.disagreements[0].positions[0].position == "criticised the council over its budget"


def test_a_past_tense_read_as_an_adjective_of_the_name_after_it_is_the_verb():
    # "accused Mr Dorn" read as "the accused man": the apposition before it acts
    d = digest_of(
        "Minister Paul Dorn spoke on Monday. But the Tory spokesman, Tom Lark, accused "
        "Mr Dorn of avoiding the main issue."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Tom Lark", "Paul Dorn"})]
    assert d.disagreements[0].topic == "avoiding the main issue"
    d = digest_of(
        "Minister Paul Dorn spoke on Monday. Dr Lena Cole, a Labour MP, accused Mr Dorn "
        "of misleading voters."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Lena Cole", "Paul Dorn"})]


def test_a_participle_after_a_determiner_modifies_its_noun():
    assert not digest_of("The proposed ban was lawful, Judge Tom Hale said.").proposals
    d = digest_of("Minister Paul Dorn said the disputed region was calm.")
    assert not d.disagreements


def test_a_party_named_before_a_plan_or_claim_is_whose_it_is():
    d = digest_of("Senator Anna Berg attacked Tory plans for annual limits on numbers.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Conservatives"})]
    d = digest_of("Senator Anna Berg criticised the Labour policy on crime.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Labour"})]


def test_a_party_adjective_of_one_member_names_the_party():
    d = digest_of("Ministers rejected a Lib Dem proposal to scrap the levy.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Ministers", "Liberal Democrats"})]
    d = digest_of("Senator Anna Berg attacked a Republican plan for new tariffs.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Republicans"})]


def test_appealing_or_pleading_with_someone_to_act_is_a_call():
    d = digest_of("Mayor Tom Hale appealed to the council to keep the library open.")
    assert [p.by for p in d.proposals] == ["Tom Hale"]
    d = digest_of("Mayor Tom Hale pleaded with ministers to think again.")
    assert [p.by for p in d.proposals] == ["Tom Hale"]
    # a court appealed to, or appealing with nothing to do, is no call
    assert not digest_of("Mayor Tom Hale appealed to the High Court last week.").proposals
    assert not digest_of("Mayor Tom Hale appealed to voters in the north.").proposals
    # an appeal to a court is no call, an appeal for something or to someone is
    d = digest_of("The orders would be subject to a court appeal within 14 days.")
    assert d.proposals == []
    d = digest_of("The charity Mercy Aid made an appeal for calm.")
    assert [(p.by, p.what) for p in d.proposals] == [("Mercy Aid", "appeal for calm")]


def test_a_speaker_named_in_a_sentence_without_a_trigger_speaks_in_the_quotes_after_it():
    text = (
        "Mayor Tom Hale said the plan would be reviewed. Earlier, Anna Berg, chief "
        'executive of the trust, had said: "It is with regret that we took this step. '
        '"We appeal to the council to let patients choose the hospital."'
    )
    assert [p.by for p in digest_of(text).proposals] == ["Anna Berg"]


def test_a_transcript_s_next_speaker_is_not_the_one_quoted_before():
    text = (
        "Mayor Tom Hale said after the summit: Freedom is something you fight to win.\n\n"
        "PRESIDENT BERG: Thank you. We ask the council to keep the library open."
    )
    assert [p.by for p in digest_of(text).proposals] == []


def test_what_is_proposed_in_the_passive_is_its_subject():
    d = digest_of(
        "Union leader Tom Hale said some concessions had already been offered by the "
        "government during last-minute negotiations."
    )
    assert [(p.by, p.what) for p in d.proposals] == [("government", "some concessions")]


def test_backing_a_plan_is_no_proposal_of_one_s_own():
    d = digest_of(
        "Chancellor Tom Hale earlier backed a plan to freeze the foreign debts of all the "
        "affected nations."
    )
    assert not d.proposals


def test_a_plan_named_as_a_programme_is_no_proposal_unless_someone_s():
    # A White House readout of 2022-09-16 (public domain)
    d = digest_of(
        "Vice President Kamala Harris hosted President Cyril Ramaphosa of South Africa "
        "today. Vice President Harris and President Ramaphosa had a wide-ranging "
        "conversation about steps each government is taking to strengthen global health "
        "and global health security, including our significant and longstanding "
        "collaboration through the President’s Emergency Plan for AIDS Relief (PEPFAR)."
    )
    assert not d.proposals
    d = digest_of(
        "Justice Minister Anna Berg will announce the move in her Criminal Justice Plan on Monday."
    )
    assert [p.by for p in d.proposals] == ["Anna Berg"]


def test_a_possessor_before_a_gerund_and_its_noun_owns_the_noun():
    # "Hale's spending plans" had been read as "Hale's spending (of) plans"
    d = digest_of("The Tories attacked Chancellor Tom Hale's spending plans.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Conservatives", "Tom Hale"})]


def test_a_plan_of_one_s_own_life_is_no_proposal():
    d = digest_of("Officials confirmed Prince Tom Hale's wedding plans on Monday.")
    assert not d.proposals


def test_a_party_named_before_what_is_hit_at_or_voted_against_is_the_other_side():
    d = digest_of("Labour hit back at the Tory proposals on Monday.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Labour", "Conservatives"})]


def test_his_party_s_plan_outlined_by_him_is_his():
    d = digest_of("Senator Anna Berg outlined her party's plan to impose a levy on airlines.")
    assert [p.by for p in d.proposals] == ["Anna Berg"]


def test_a_party_named_before_a_thing_that_is_no_act_owns_nothing_disputed():
    d = digest_of("Senator Anna Berg attacked Tory heartlands in her speech.")
    assert [x.parties for x in d.disagreements] == [["Anna Berg"]]


def test_a_noun_the_tagger_took_for_an_auxiliary_is_the_subject():
    # "MPs" read as an auxiliary, like "may": the verb is active and "MPs" act
    d = digest_of("MPs criticised Minister Paul Dorn last year for introducing the new rules.")
    assert pairs(d.disagreements, "parties") == [frozenset({"MPs", "Paul Dorn"})]
    d = digest_of("MPs urged the government to redraft the bill.")
    assert [(p.by, p.what) for p in d.proposals] == [
        ("MPs", "urged the government to redraft the bill")
    ]


def test_a_real_auxiliary_still_makes_a_passive():
    d = digest_of("The plan was criticised by MPs last year.")
    assert [x.parties for x in d.disagreements] == [["MPs"]]


def test_a_text_speaks_for_its_author_named_as_possessor_or_by_whom():
    d = digest_of("A report by the Audit Commission called for a ban on the scheme.")
    assert [p.by for p in d.proposals] == ["Audit Commission"]
    d = digest_of(
        "Professor Anna Berg spoke on Monday. Her report demands a major overhaul of the rules."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Anna Berg", "demanded a major overhaul of the rules")
    ]


def test_a_text_of_no_one_named_is_no_one_s_call():
    assert not digest_of("The report called for a ban on the scheme.").proposals


def test_a_day_between_the_subject_and_its_verb_does_not_act():
    # "dismissed" read as a participle of "Sunday": the one named before the day acts
    d = digest_of("Mr Dorn on Sunday dismissed claims of broken promises.")
    assert [(x.parties, x.topic) for x in d.disagreements] == [
        (["Dorn"], "claims of broken promises")
    ]


def test_a_participle_of_a_plan_is_still_no_one_s_act():
    assert not digest_of("The plan unveiled on Sunday angered Governor Paul Dorn.").proposals


def test_an_ing_clause_hung_on_a_verb_shares_its_subject():
    d = digest_of(
        "Senator Anna Berg has written to the regulator accusing Labour of a breach of the rules."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Anna Berg", "Labour"})]


def test_an_accusation_denied_is_no_accusation():
    d = digest_of("Senator Anna Berg denied accusing Labour of a breach of the rules.")
    assert not d.disagreements


def test_a_party_the_recognizer_does_not_know_is_named_by_the_gazetteer():
    d = digest_of(
        "Labour accused the SNP of lying. UKIP called on Mr Hale to quit. "
        "The SNP leader praised Labour plans."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Labour", "SNP"})]
    assert [p.by for p in d.proposals] == ["UKIP"]  # not "SNP leader", not "Labour plans"


def test_a_reason_hung_on_a_passive_s_agent_is_the_one_criticised_s():
    d = digest_of(
        "First Minister Tom Hale has been criticised by the SNP for encouraging young "
        "people to get drunk."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Tom Hale", "SNP"})]
    assert d.disagreements[0].topic == "encouraging young people to get drunk"
    assert d.proposals == []  # the SNP encouraged no one


def test_arguing_against_a_party_doing_something_is_against_that_party():
    d = digest_of("MEP Ann Lee said she had argued against UKIP working with such groups.")
    assert pairs(d.disagreements, "parties") == [frozenset({"Ann Lee", "UKIP"})]


def test_a_joint_statement_s_we_is_those_who_sign_it():
    text = (
        "President Ann Lee and Prime Minister Bo Chen met in Oslo on Monday. We reaffirm "
        "our commitment to the treaty. We call on all parties to end the fighting. "
        '"We will not give in," Lee told reporters.'
    )
    d = digest_of(text, titles=("Joint Statement by President Lee and Prime Minister Chen",))
    assert pairs(d.agreements, "parties") == [frozenset({"Ann Lee", "Bo Chen"})] * 2
    assert "reaffirmed their commitment to the treaty" in [a.what for a in d.agreements]
    # the same text under another title, or as remarks, has no one's "we"
    for title in ("Readout of the Meeting", "Remarks by President Lee in Joint Statement"):
        assert digest_of(text, titles=(title,)).agreements == []


def test_the_authors_a_joint_statement_names_only_in_its_title_are_its_people():
    text = "We reaffirm our commitment to the treaty. We call on all parties to end the fighting."
    d = digest_of(text, titles=("Joint Statement by President Ann Lee and Prime Minister Bo Chen",))
    assert [p.name for p in d.people] == ["Ann Lee", "Bo Chen"]
    evidence = d.people[0].evidence[0]
    assert (evidence.quote, evidence.start, evidence.end) == (
        "Joint Statement by President Ann Lee and Prime Minister Bo Chen",
        0,
        0,
    )  # the title, which is not in the text
    assert pairs(d.agreements, "parties") == [frozenset({"Ann Lee", "Bo Chen"})] * 2


def test_a_title_s_person_the_text_names_by_another_word_of_the_name_is_not_added():
    d = digest_of(
        "President Lula welcomed the agreement.",
        titles=("Joint Statement by President Ann Lee and President Luiz Inácio Lula da Silva",),
    )
    assert sorted(p.name for p in d.people) == ["Ann Lee", "Lula"]


def test_a_title_s_capitals_after_a_name_are_no_part_of_it_nor_is_the_text_s_person_added():
    d = digest_of(
        "The President spoke with the Prime Minister. The leaders discussed the call for "
        "talks. President Lee also met Mayor Dan Ross.",
        titles=("Readout of President Ann Lee Call with Prime Minister Bo Chen Jr.",),
    )
    # "Call" is a word the text writes in small letters, "Jr." no surname; Lee is in the
    # text, so she is the text's own person, neither added again nor renamed by the title
    assert sorted(p.name for p in d.people) == ["Bo Chen", "Dan Ross", "Lee"]
    assert [p.evidence[0].start > 0 for p in d.people if p.name == "Lee"] == [True]


def test_a_state_a_joint_statement_s_title_names_as_its_topic_does_not_sign_it():
    text = "We condemn the attacks on shipping. We commit to keeping the strait open."
    signed = digest_of(text, titles=("United States-France Joint Statement",))
    assert pairs(signed.agreements, "parties") == [frozenset({"United States", "France"})] * 2
    topic = digest_of(text, titles=("Joint Statement by the G7 Announcing Costs on Russia",))
    assert topic.agreements == []


def test_a_thing_met_in_a_relative_clause_is_no_meeting():
    d = digest_of(
        "President Ann Lee and Prime Minister Bo Chen agreed on Monday that this was a "
        "moment they intend to meet together."
    )
    assert d.meetings == []


def test_leaders_who_highlight_note_or_intend_together_agree():
    d = digest_of(
        "President Lena Cole and Chancellor Otto Brandt met in Oslo on Monday. The two "
        "leaders highlighted their growing trade. They intend to expand it and decided to "
        "meet again in May."
    )
    assert pairs(d.agreements, "parties") == [frozenset({"Lena Cole", "Otto Brandt"})] * 2


def test_a_stated_verb_without_its_own_subject_is_no_agreement():
    d = digest_of(
        "Chancellor Otto Brandt is visiting Norway and Sweden to highlight the plight of "
        "refugees. President Lena Cole praised Norway and Sweden, noting their aid."
    )
    assert d.agreements == []


def test_a_joint_statement_s_signer_named_only_in_its_title_still_signs():
    d = digest_of(
        "President Ann Lee met him in Oslo on Monday. We commit to tackle methane "
        "emissions from oil and gas.",
        titles=("President Lee and Prime Minister Chen Joint Statement",),
    )
    assert pairs(d.agreements, "parties") == [frozenset({"Ann Lee", "Chen"})]


def test_deciding_whether_to_propose_is_no_proposal_yet():
    d = digest_of("MPs are deciding whether to recommend a new system of quotas.")
    assert d.proposals == []


def test_a_call_hung_on_its_caller_s_name_and_a_spokesman_for_a_body():
    d = digest_of(
        "A spokesman for UKIP called on Mr Hale to quit the assembly. The Countryside "
        "Alliance called on its supporters to meet as normal."
    )
    assert [p.by for p in d.proposals] == ["UKIP", "Countryside Alliance"]


def test_one_party_committing_to_act_pledges_it_and_a_crime_committed_is_no_pledge():
    d = digest_of(
        "Mexico has committed to invest $1.5 billion on border infrastructure. "
        "He said war crimes committed by Russian forces were documented. "
        "Ann Lee, a lawyer, committed the fraud in 2004. "
        "The United States, Japan and Korea committed to reinvigorate cooperation."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Mexico", "committed to invest $1.5 billion on border infrastructure")
    ]


def test_a_participle_after_a_possessive_describes_the_noun_after_it():
    d = digest_of(
        "President Lena Cole expressed deep concern over the PRC's continued support for "
        "Russia's defense industrial base."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Lena Cole", "China"})]


def test_a_speaker_who_says_a_party_broke_its_promise_is_against_it():
    d = digest_of(
        'MP John Redwood said: "Prime Minister Tony Blair has forgotten the taxpayers, and '
        'has broken the pledges he made." Labour has broken its promise on immigration, '
        "the Tories have claimed. He said the boy broke a window."
    )
    assert [(frozenset(x.parties), x.topic) for x in d.disagreements] == [
        (frozenset({"John Redwood", "Tony Blair"}), "the pledges he made"),
        (frozenset({"Conservatives", "Labour"}), "its promise on immigration"),
    ]
    # the doer it shares with the conjunct before it: never read as the speaker's deed
    assert d.disagreements[0].positions[0].position == (
        "Prime Minister Tony Blair has broken the pledges he made"
    )


def test_his_after_a_role_no_one_is_named_by_is_not_the_last_named_person():
    d = digest_of(
        "Lib Dem spokesman Vince Cable spoke on Monday. The chancellor meanwhile insisted "
        'his spending plans were "affordable".'
    )
    assert d.proposals == []  # the plans are the chancellor's, not Cable's


def test_a_joint_statement_s_facts_are_told_in_the_third_person():
    d = digest_of(
        "President Ann Lee and Prime Minister Bo Chen met in Oslo on Monday. We reaffirm "
        "our commitment to the treaty and call on all nations to join us.",
        titles=("Joint Statement by President Lee and Prime Minister Chen",),
    )
    assert [a.what for a in d.agreements] == [
        "reaffirmed their commitment to the treaty and call on all nations to join them"
    ]


def test_a_document_is_no_party_and_an_unknown_verb_keeps_its_tense():
    d = digest_of(
        "The Bill now faces opposition from peers angry at house arrest proposals. "
        "Labour now faces opposition from peers over the plan."
    )
    # the Bill is what the peers oppose, not a side
    assert [(frozenset(x.parties), x.topic) for x in d.disagreements] == [
        (frozenset({"peers"}), "the Bill"),
        (frozenset({"Labour", "peers"}), "faces opposition from peers over the plan"),
    ]  # "faces" keeps its tense; facing opposition is no one's stated position
    assert [x.positions for x in d.disagreements] == [[], []]


def test_a_joint_statement_s_call_is_its_signers_agreement_not_one_signer_s_proposal():
    d = digest_of(
        "We call on all UN Member States to fully implement the resolutions. Our two "
        "countries announce today that we intend to hold annual exercises.",
        titles=("United States-France Joint Statement",),
    )
    assert d.proposals == []
    assert [a.what for a in d.agreements] == [
        "called on all UN Member States to fully implement the resolutions",
        "intended to hold annual exercises",
    ]


def test_joining_or_repeating_calls_for_something_is_a_call_of_ones_own():
    d = digest_of(
        "Campaigner Sara Lund joined calls for intercept evidence to be allowed in trials. "
        "Opposition leader Tom Hale reiterated calls for the publication of the full advice. "
        "Mr Hale repeated his call for a pause in considering the bill. "
        "Mayor Ann Berg joined the talks on Monday."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Sara Lund", "joined calls for intercept evidence to be allowed in trials"),
        ("Tom Hale", "calls for the publication of the full advice"),
        ("Tom Hale", "repeated his call for a pause in considering the bill"),
    ]


def test_denying_a_claim_stated_as_a_clause_is_the_deniers_side():
    d = digest_of(
        "Party chief Alan Moss denied the party was trying to hide the leader. "
        "Minister Paul Dorn denied that the security services played any role and said "
        "the inquiry was over. "
        "Governor Tom Hale has again denied being leant on by Mayor Ann Berg. "
        "Senator Mia Lund said refugees were denied a visa."
    )
    assert [(set(x.parties), x.topic) for x in d.disagreements] == [
        ({"Alan Moss"}, "the party was trying to hide the leader"),
        ({"Paul Dorn"}, "the security services played any role"),
        ({"Tom Hale", "Ann Berg"}, "being leant on by Mayor Ann Berg"),
    ]


def test_a_claim_denied_by_a_party_is_its_side_against_the_claims_owner():
    d = digest_of(
        "Senator Mia Lund said the plan was a fraud. "
        "Her claims were denied by Governor Paul Dorn, who was in Oslo."
    )
    assert [(set(x.parties), x.topic) for x in d.disagreements] == [
        ({"Paul Dorn", "Mia Lund"}, "her claims")
    ]


def test_a_sentence_of_a_quotation_saying_what_someone_must_do_is_the_speakers_call():
    d = digest_of(
        'Party leader Ann Berg said: "This is a disgrace. The first minister should withdraw '
        'these remarks immediately." She left. '
        '"We welcome the report," said campaign chief Tom Hale. '
        '"In lieu of any other plan, the government must permit that to happen." '
        "Minister Paul Dorn said the report was late. "
        '"We must win the next election. Where an offender is convicted, the court must pass '
        'a life sentence. Then there could be a debate about where the runway should go."'
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Ann Berg", "the first minister should withdraw these remarks immediately"),
        ("Tom Hale", "in lieu of any other plan, the government must permit that to happen"),
    ]


def test_he_said_after_a_quotation_makes_the_last_person_named_its_speaker():
    d = digest_of(
        "Minister Ann Berg set out the new targets. "
        "Dr Tom Hale, of the doctors' union, welcomed them. "
        '"Much remains to be done," he said. '
        '"Capacity must be built into the system."'
    )
    assert [p.by for p in d.proposals] == ["Tom Hale"]


def test_an_honorific_tells_a_persons_sex_where_the_article_names_only_them_so():
    d = digest_of(
        "Senator Gordon Howard and Mayor Tom Robinson opened the new bridge in Leeds.",
        "On Monday, TV presenter Anne Robinson praised Michael Howard. Ms Robinson said Mr "
        "Howard was kind, although she urged ministers to cut the tax on fuel.",
    )
    assert [p.by for p in d.proposals] == ["Anne Robinson"]


def test_an_adverb_read_as_the_subject_leaves_the_subject_its_own():
    d = digest_of(
        "President Lena Cole met Prime Minister Otto Brandt of Norway. The President and "
        "Prime Minister further committed to continue strengthening the relationship."
    )
    assert [(set(a.parties), a.what) for a in d.agreements] == [
        ({"Lena Cole", "Otto Brandt"}, "committed to continue strengthening the relationship")
    ]


def test_holders_of_a_title_of_named_countries_meet_for_them():
    d = digest_of(
        "Today, the National Security Advisors of the United States, Norway, Chile, and the "
        "United Arab Emirates met to discuss regional trade."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"United States", "Norway", "Chile", "United Arab Emirates"})
    ]


def test_a_refusals_position_keeps_its_not_and_a_reason_is_said_once():
    d = digest_of(
        "Ministers do not support a lower limit. "
        "Labour MPs would not back the plan. "
        "First Minister Tom Hale has been criticised by the SNP for encouraging young "
        "people to get drunk."
    )
    assert [p.position for x in d.disagreements for p in x.positions] == [
        "do not support a lower limit",
        "would not back the plan",
        "criticised Tom Hale for encouraging young people to get drunk",
    ]


def test_a_call_is_for_something_after_the_verb_not_for_whom_one_speaks():
    d = digest_of(
        'For the Liberal Democrats, Senator Ann Berg called the new target "unambitious". '
        "Governor Tom Hale called for talks."
    )
    assert [(p.by, p.what) for p in d.proposals] == [("Tom Hale", "called for talks")]


def test_a_passive_judgement_names_what_was_judged_without_the_next_clause():
    d = digest_of(
        "Ofsted chief David Bell spoke on Monday. Badly-taught citizenship lessons have "
        "previously been criticised by Mr Bell, and in a speech to the Hansard Society, he "
        "warned that it was failing."
    )
    assert [p.position for x in d.disagreements for p in x.positions] == [
        "criticised badly-taught citizenship lessons"
    ]


def test_a_summit_during_which_two_met_is_its_occasion_not_a_meeting_of_its_members():
    d = digest_of(
        "President Tom Hale met today with President Bo Chen in Jeddah, in a bilateral meeting "
        "during the Summit of the United States and Egypt, Iraq, and Jordan."
    )
    assert pairs(d.meetings, "participants") == [frozenset({"Tom Hale", "Bo Chen"})]
    assert d.meetings[0].occasion == "the Summit of the United States and Egypt, Iraq, and Jordan"


def test_the_one_named_after_a_title_s_chain_of_bodies_is_the_party_not_the_state():
    d = digest_of(
        "Tom Hale met today with People's Republic of China Director of the Office of the "
        "Foreign Affairs Commission and Foreign Minister Tao Lin. Ann Lee met today with "
        "Chinese Communist Party Politburo Member and Director of the Office of the Foreign "
        "Affairs Commission Liu Tao in Zurich."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Tom Hale", "Tao Lin"}),
        frozenset({"Ann Lee", "Liu Tao"}),
    ]


def test_states_listed_with_commas_are_each_a_party():
    d = digest_of(
        "Tom Hale met virtually with the Deputy National Security Advisors of France, "
        "Germany, Italy and the United Kingdom."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Tom Hale", "France", "Germany", "Italy", "United Kingdom"})
    ]


def test_a_state_before_an_event_of_a_place_is_no_party_to_a_judgement_of_it():
    d = digest_of(
        "Lord Hale warned Ann Lee that the Iraq war could be illegal. "
        "Bo Chen said the US plan was flawed."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Hale", "Ann Lee"}),
        frozenset({"Bo Chen", "United States"}),  # a plan is its maker's
    ]


def test_a_meeting_going_on_is_a_meeting_however_the_parser_read_is_meeting():
    d = digest_of(
        "Tom Hale is meeting Bo Chen today. Prime Minister Ann Lee is meeting his EU "
        "counterparts to finalise the deal. The meeting was a meeting of minds."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Tom Hale", "Bo Chen"}),
        frozenset({"Ann Lee", "EU"}),
    ]


def test_an_untitled_name_with_a_census_given_name_is_a_person_and_a_party():
    d = digest_of(
        "Gordon Hale will meet Irish premier Bo Chen next week. Keith Lane criticised the "
        "plan. He attended Lewis Boys' School, and wants heirs free to marry Roman Catholics."
    )
    assert {p.name for p in d.people} == {"Gordon Hale", "Bo Chen", "Keith Lane"}
    assert pairs(d.meetings, "participants") == [frozenset({"Gordon Hale", "Bo Chen"})]
    assert pairs(d.disagreements, "parties") == [frozenset({"Keith Lane"})]


def test_a_call_by_or_from_someone_to_act_is_their_proposal_but_a_phone_call_is_not():
    d = digest_of(
        "The minister faced a call by Lord Drummond to publish the full text of the advice. "
        "There were calls from Labour MP Ann Lee for an inquiry. Bo Chen faced calls from "
        "the Tories to resign. Ann Lee took a call from Bo Chen to discuss the budget. "
        "President Tom Hale made separate calls to the mayors to let them know help is coming."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Drummond", "a call by Lord Drummond to publish the full text of the advice"),
        ("Ann Lee", "calls from Labour MP Ann Lee for an inquiry"),
        ("Conservatives", "calls from the Tories to resign"),
    ]


def test_calls_tagged_a_verb_are_a_meeting_but_separate_calls_only_with_who_made_them():
    d = digest_of(
        "This morning, Director Cedric Hale convened calls with Governor Eve Hart of Alabama. "
        "We just finished two calls with President Ann Lee of Egypt and Sheikh Bo Chen of "
        "Qatar. President Tom Rand held separate calls today with Mayor Eve Hart of Tampa "
        "and Mayor Dan Ross of Miami."
    )
    assert pairs(d.meetings, "participants") == [
        frozenset({"Cedric Hale", "Eve Hart"}),
        frozenset({"Tom Rand", "Eve Hart", "Dan Ross"}),
    ]


def test_an_agreement_is_never_its_verb_alone():
    d = digest_of(
        "The G7 and the Government of Ukraine announced and endorsed a Clean Energy "
        "Partnership. Tom Hale and Bo Chen called on Russia to de-escalate tensions and "
        'agreed that diplomacy is the best way to make progress. Dan Ross said: "I agree."'
    )
    assert [a.what for a in d.agreements] == [
        "announced and endorsed a Clean Energy Partnership",
        "called on Russia to de-escalate tensions",  # a joint call
        "agreed that diplomacy is the best way to make progress",
    ]


def test_a_party_before_a_judged_plan_is_judged_and_a_party_is_named_one_way():
    d = digest_of(
        "Ann Lee said the Labour plan was flawed. Tom Hale was expelled from the Labour "
        "party because of his opposition to the war. The speech by Bo Chen - elected in a "
        "safe Tory seat - prompted calls for a lower voting age."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Ann Lee", "Labour"}),
        frozenset({"Labour", "Tom Hale"}),
    ]
    assert d.proposals == []  # the calls are no one's named here


def test_what_a_claim_says_of_a_party_is_not_asserted_as_its_act():
    d = digest_of(
        "Ann Lee rejected claims that she wanted fewer teachers. Bo Chen denied an earlier "
        "report that he planned to make a direct appeal to the kidnappers. The union was "
        "accused by a comment suggesting it wants to resist the reforms. "
        "Tom Hale said the claim was denied by the chancellor."
    )
    assert [(p.by, p.what) for p in d.proposals] == []
    assert pairs(d.disagreements, "parties") == [frozenset({"Ann Lee"}), frozenset({"Bo Chen"})]


def test_the_party_leader_is_the_leader_of_that_party_named_before():
    d = digest_of(
        "Tory leader Michael Howard and Labour leader Tony Blair spoke. The Labour leader "
        "criticised the plans. Tory co-chairman Liam Fox spoke. The Tory co-chairman "
        'attacked Labour\'s pledges as "vacuous".'
    )
    assert {p.name: p.role for p in d.people}["Liam Fox"] == "co-chairman"
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Tony Blair"}),
        frozenset({"Liam Fox", "Labour"}),
    ]


def test_a_subject_he_stays_the_one_the_text_is_about_not_the_one_he_named():
    d = digest_of(
        "Tory leader Michael Hale attacked the Budget. He went on to accuse Mr Brown of "
        "giving with one hand while taking away with the other. He urged the chancellor "
        "to admit he had been responsible for the rise."
    )
    assert [(p.by, p.what.split()[0]) for p in d.proposals] == [("Michael Hale", "urged")]
    assert pairs(d.disagreements, "parties")[-1] == frozenset({"Michael Hale", "Brown"})


def test_he_is_never_a_person_whose_given_name_only_women_bear():
    d = digest_of(
        "Lord Drummond spoke to the press on Monday. Solicitor General Harriet Hale said "
        "the answer was hers. He urged ministers to publish the advice."
    )
    assert [p.by for p in d.proposals] == ["Drummond"]


def test_agreements_signed_with_several_by_no_one_named_are_none_among_them():
    d = digest_of(
        "He welcomed the UAE's initiatives, including its recent Free Trade Agreements "
        "signed with Israel, India, and Indonesia. President Tom Hale extended President "
        "Bo Chen an invitation to attend the summit."
    )
    assert d.agreements == []
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Tom Hale", "invitation to attend the summit")
    ]


def test_a_group_s_name_leaves_out_how_many_of_them():
    d = digest_of("Many public sector unions have pledged to follow.")
    assert [p.by for p in d.proposals] == ["public sector unions"]


def test_parties_listed_with_commas_are_each_a_side_and_joining_the_meeting_is_no_new_one():
    d = digest_of(
        "Tories, Lib Dems and some Labour MPs are poised to vote against the plans. "
        "Ann Lee met Bo Chen on Monday. Tom Hale and Eve Hart also joined the meeting."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Conservatives", "Liberal Democrats", "Labour MPs"})
    ]
    assert pairs(d.meetings, "participants") == [frozenset({"Ann Lee", "Bo Chen"})]


# -- proposals: a speaker's own pledge -------------------------------------------------


def test_what_a_party_says_it_will_do_is_its_pledge():
    d = digest_of("The Tories say they would abolish university tuition fees.")
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Conservatives", "would abolish university tuition fees")
    ]
    # quoted, before or after its speaker: "we" and "I" are the speaker's own
    d = digest_of('"We\'ll scrap the regional assemblies," Governor Paul Dorn said.')
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Paul Dorn", "will scrap the regional assemblies")
    ]
    d = digest_of('Governor Paul Dorn said: "We will make commitments on tax in the manifesto."')
    assert [p.by for p in d.proposals] == ["Paul Dorn"]


def test_a_guess_a_step_of_one_s_own_or_another_s_act_is_no_pledge():
    d = digest_of(
        "Tom Hale said he would probably take the title of Lord Hale. Tom Hale said he "
        "would stand down. Tom Hale said the plan would hurt the poor. Tom Hale said: "
        '"I would send him to prison." Tom Hale said he would back the plan. "The plan '
        'will hurt the poor," Tom Hale said. "We will study the ruling," Tom Hale said.'
    )
    assert d.proposals == []


def test_a_decision_yet_to_be_taken_is_no_one_s_call():
    d = digest_of("Tom Hale said a decision had yet to be taken over how the vote would be run.")
    assert d.proposals == []


def test_an_intention_to_stand_down_is_no_proposal():
    d = digest_of("Tom Hale announced his intention to stand down as leader.")
    assert d.proposals == []


def test_suggesting_what_will_be_foretells_and_promising_it_pledges():
    d = digest_of(
        "Tom Hale was unaware of anything to suggest the vote would be in February. "
        "Ann Lee promised that the commission would not be a talking shop."
    )
    assert [p.by for p in d.proposals] == ["Ann Lee"]


def test_his_party_is_the_political_party_of_the_one_it_is_said_of():
    d = digest_of(
        "Tory leader Tom Hale said his party's plans to cut immigration were fair. "
        "The party challenged Labour to publish the report. The opposition party "
        "urged ministers to think again."
    )
    # "the party" alone names no one: no brief says "party: challenged Labour ..."
    assert [p.by for p in d.proposals] == ["Conservatives", "opposition party"]


def test_names_with_an_apostrophe_are_whole():
    d = digest_of(
        "Labour MP Sean O'Neill said the plan was wrong. Poverty must end, Cardinal "
        "Cormac Murphy-O'Connor has said. First Minister Michelle O’Neill spoke."
    )
    assert {p.name for p in d.people} == {
        "Sean O'Neill",
        "Cormac Murphy-O'Connor",
        "Michelle O’Neill",
    }


def test_the_way_a_party_did_something_is_that_party_s_conduct():
    d = digest_of("Labour criticised the way the government handled the crisis.")
    assert [a.parties for a in d.disagreements] == [["Labour", "government"]]


def test_plans_unveiled_by_a_party_are_its_proposal():
    d = digest_of(
        "Teenagers will be able to stand for Parliament under plans unveiled by ministers."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("ministers", "teenagers will be able to stand for Parliament")
    ]


def test_a_subject_read_as_an_interjection_is_the_subject():
    d = digest_of("MPs want research into the issue.")
    assert [p.by for p in d.proposals] == ["MPs"]


def test_contesting_a_seat_is_standing_for_it_not_a_dispute():
    d = digest_of(
        "Labour MP Tom Hale contested the Sheffield Hallam seat in 1974. Ann Lee, a Tory "
        "MP, contested the claims."
    )
    assert [a.parties for a in d.disagreements] == [["Ann Lee"]]


def test_they_are_the_main_clause_s_group_not_one_named_in_a_leading_phrase():
    d = digest_of(
        "Following President Joe Biden's call with Prime Minister Tom Hale, National "
        "Security Advisor Jake Sullivan met Foreign Minister Ann Lee. They agreed to stay in "
        "close touch."
    )
    assert [a.parties for a in d.agreements] == [["Jake Sullivan", "Ann Lee"]]


def test_a_participle_opening_the_sentence_is_no_part_of_a_name():
    d = digest_of(
        "Tory leader Tom Hale spoke on Monday. Saying Britain must change direction, Mr "
        "Hale argues government is too big."
    )
    assert not any(p.what.startswith("Saying") for p in d.proposals)


def test_i_should_tell_you_is_a_way_of_saying_it_not_a_call():
    d = digest_of(
        'Labour MP Tom Hale said: "I should tell you that Ann has decided to stand aside." '
        "Ann Lee said the government should tell parents the truth."
    )
    assert [p.by for p in d.proposals] == ["Ann Lee"]


def test_a_word_the_parser_left_as_an_orphan_is_no_part_of_a_fact_s_text():
    from briefgen.extract.parse.lexicon import lexicon
    from briefgen.extract.parse.parties import Memory, Parties
    from briefgen.extract.parse.reader import SentenceReader

    # "... and under Green plans pupils would have to study near home", as the packaged
    # model parses such a clause after "and": "pupils" an orphan of "plans"
    words = [("Green", "PROPN", "compound", 1), ("plans", "NOUN", "ROOT", 1),
             ("pupils", "NOUN", "orphan", 1)]  # fmt: skip
    sentence = parsed(words)
    reader = SentenceReader(sentence, Parties(sentence, [], Memory(), {}, lexicon()), lexicon())
    assert reader.clause(sentence.tokens[1]) == "Green plans"


def test_a_verb_with_its_own_subject_read_as_a_modifier_is_a_clause():
    d = digest_of("Tom Hale said the government had wasted billions of pounds on consultants.")
    assert [a.topic for a in d.disagreements] == [
        "the government had wasted billions of pounds on consultants"
    ]


def test_one_party_committed_to_an_act_pledges_it():
    d = digest_of(
        "The Conservatives are committed to cutting public spending. Ruritania commits to "
        "protecting internationally recognized labor rights. War crimes were committed by "
        "the army. Labour is not committed to abolishing tuition fees."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Conservatives", "committed to cutting public spending"),
        ("Ruritania", "committed to protecting internationally recognized labor rights"),
    ]


def test_a_fact_s_text_ends_before_another_statement_or_an_act_set_against_it():
    d = digest_of(
        "Tom Hale promised a firm but fair policy on immigration and said they hoped to win "
        "most seats. The Ruritanian Union pledged to work towards lifting the ban but said it "
        "was not ready to do so yet."
    )
    assert [p.what for p in d.proposals] == [
        "promised a firm but fair policy on immigration",
        "pledged to work towards lifting the ban",
    ]


def test_what_research_suggests_people_feel_is_a_finding_not_a_proposal():
    d = digest_of(
        "Research undertaken for the watchdog the Ruritanian Electoral Board suggests 81% of "
        "16 to 20-year-olds feel strongly about issues like crime and housing. Tom Hale "
        "demanded the minister resign."
    )
    assert [p.by for p in d.proposals] == ["Tom Hale"]


def test_a_claim_or_plan_called_groundless_or_a_failure_judges_its_owner():
    d = digest_of(
        'President Anna Berg has called Ruritania\'s rebate "unjustified". Tom Hale said '
        "the claims by Labour were baseless. Bo Chen said the council's plan was a failure."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Anna Berg", "Ruritania"}),
        frozenset({"Tom Hale", "Labour"}),
        frozenset({"Bo Chen", "council"}),
    ]
    # a mess one inherited, or a failure of no party's, judges no one
    d = digest_of(
        'Tom Hale complained he had inherited a "giant mess". Ann Lee said the launch was '
        "a failure."
    )
    assert d.disagreements == []


def test_parties_or_agencies_are_a_side_only_when_the_text_says_which():
    d = digest_of(
        "Opposition parties have attacked the government's plans. All the parties have "
        "criticised the council's budget. Refugee agencies condemned the Tory proposals."
    )
    assert pairs(d.disagreements, "parties") == [
        frozenset({"Opposition parties", "government"}),
        frozenset({"Refugee agencies", "Conservatives"}),
    ]


def test_a_noun_after_with_is_no_subject_of_the_verb():
    from briefgen.extract.facts import Entity
    from briefgen.extract.parse.lexicon import lexicon
    from briefgen.extract.parse.parties import Memory, Parties
    from briefgen.extract.parse.reader import SentenceReader

    # "With the other parties battling, Hale is going into the election pledged to ...",
    # with the packaged model's reading of a readout: "parties" the subject of "pledged".
    words = [
        ("With", "ADP", "case", 3), ("the", "DET", "det", 3), ("other", "ADJ", "amod", 3),
        ("parties", "NOUN", "nsubj", 10), ("battling", "VERB", "acl", 3),
        (",", "PUNCT", "punct", 7), ("Hale", "PROPN", "nsubj", 7), ("going", "VERB", "conj", 4),
        ("into", "ADP", "case", 9), ("election", "NOUN", "obl", 7),
        ("pledged", "VERB", "ROOT", 10), ("to", "PART", "mark", 12),
        ("increase", "VERB", "xcomp", 10), ("taxation", "NOUN", "obj", 12),
    ]  # fmt: skip
    s = parsed(words)
    names = [Entity(t.start, t.end, t.text, True) for t in s.tokens if t.pos == "PROPN"]
    reader = SentenceReader(s, Parties(s, names, Memory(), {}, lexicon()), lexicon())
    assert reader.subjects(s.tokens[10]) == []
    assert [p.name for p in reader.subjects(s.tokens[7])] == ["Hale"]


def test_what_a_party_will_do_if_it_wins_office_is_its_pledge():
    d = digest_of(
        "Tory leader Tom Hale spoke on Monday. If elected, his party would institute an "
        "annual limit on asylum. Mr Brown said Labour would not raise income tax if it won "
        "the election."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Conservatives", "would institute an annual limit on asylum"),
        ("Labour", "would not raise income tax if it won the election"),
    ]
    # what befalls others if a party wins, or what it will win, is no pledge of its own
    d = digest_of(
        "National Insurance will be raised if Labour wins the next election, Tory leader "
        "Tom Hale has claimed. The Tories will win the election if they cut taxes. If Mr "
        "Hale wins the next election, he will surpass the record of his predecessor."
    )
    assert d.proposals == []


def test_a_party_and_its_own_member_set_side_by_side_are_one_side():
    d = digest_of(
        "Lib Dem leader Tom Hale spoke on Monday. The Lib Dems will hope to have made "
        "advances because of their stand against the war. But Mr Hale believes his new "
        "manifesto will also offer sensible, costed and achievable policies on the council tax."
    )
    assert d.disagreements == []
    d = digest_of(
        "Lib Dem leader Tom Hale spoke on Monday. The Tories will hope to have made "
        "advances because of their stand against the war. But Mr Hale believes his new "
        "manifesto will also offer sensible, costed and achievable policies on the council tax."
    )
    assert pairs(d.disagreements, "parties") == [frozenset({"Conservatives", "Tom Hale"})]


def test_he_is_the_one_who_said_the_sentence_before_not_one_named_in_it():
    d = digest_of(
        "In a speech on the re-election of President George Bush, Lib Dem leader Tom Hale "
        'said Iraq had become a "crucible of militant terrorism". He wants to see a phased '
        'withdrawal of UK troops "as soon as the situation allows", he said in London. '
        "The gap between the two big parties was so narrow - as proved, he claimed, by the "
        "defection of Bo Chen - that only his party offered an alternative. He was also "
        "happy to offer a pledge that he would do no deals after the election."
    )
    assert {p.by for p in d.proposals} == {"Tom Hale"}


def test_the_speaker_of_a_sentence_not_parsed_is_not_one_named_in_its_relative_clause():
    from briefgen.extract.facts import Entity
    from briefgen.extract.parse.article import _remember_plain
    from briefgen.extract.parse.parties import Memory

    text = "Mr Blair, who returned Mr Livingstone to the party, insisted it was time."
    names = [Entity(3, 8, "Tony Blair", True), Entity(29, 39, "Ken Livingstone", True)]
    memory = Memory()
    _remember_plain(text, 0, names, memory)
    assert memory.speaker == "Tony Blair" and memory.people[-1] == "Tony Blair"
    text = "In a speech on President Bush, Mr Hale said Iraq had changed."
    names = [Entity(25, 29, "George Bush", True), Entity(34, 38, "Tom Hale", True)]
    _remember_plain(text, 0, names, memory)
    assert memory.speaker == "Tom Hale" and memory.people[-1] == "Tom Hale"


def test_a_text_cut_after_a_possessive_or_preposition_reads_on_to_the_sentence_end():
    from types import SimpleNamespace

    from briefgen.extract.parse.reader import SentenceReader

    words = "He was criticised for failing to recall how the visa for Mr Hale 's nanny came ."
    reader = SimpleNamespace(s=parsed([(w, "X", "dep", 0) for w in words.split()]))
    cut = "for failing to recall how the visa for Mr Hale 's"
    assert SentenceReader._read_on(reader, cut).endswith("nanny came")
    assert SentenceReader._read_on(reader, "for failing to recall") == "for failing to recall"
    # a text the sentence does not have as it stands is left as it is
    assert SentenceReader._read_on(reader, "criticised for the") == "criticised for the"


def test_a_joint_statement_names_its_signers_in_its_first_words_when_its_title_does_not():
    d = digest_of(
        "We, the leaders of Japan, the Republic of Korea (ROK), and the United\nStates "
        "(U.S.), commemorate the progress of our cooperation. We are resolved to maintain "
        "peace and stability in the region.",
        titles=("Joint Leaders’ Statement on the Anniversary of the Summit",),
    )
    assert [set(a.parties) for a in d.agreements] == [{"Japan", "South Korea", "United States"}]
    # only in a joint statement: "we" of a speech is the one speaking
    d = digest_of(
        "We, the leaders of Japan, the Republic of Korea (ROK), and the United States "
        "(U.S.), commemorate the progress of our cooperation. We are resolved to maintain "
        "peace and stability in the region.",
        titles=("Remarks on the Anniversary of the Summit",),
    )
    assert d.agreements == []


def test_what_parties_do_to_reach_a_goal_is_their_statement_not_the_bare_goal():
    d = digest_of(
        "Japan and Korea are working together to achieve their shared goals of advancing "
        "security. Mr Afzal, Mr Islam and Mr Kazi deny conspiring to commit election fraud "
        "to deceive the returning officer."
    )
    assert [a.what for a in d.agreements] == [
        "working together to achieve their shared goals of advancing security"
    ]


def test_the_next_clause_s_subject_hung_on_the_object_is_no_part_of_the_stance():
    d = digest_of(
        'Tom Hale said: "Whilst it is good that Labour has rejected the Tory idea of quotas '
        "on asylum, the jury is still out on the Home Office's ability to deliver a fair and "
        'efficient asylum system."'
    )
    assert [x.positions[0].position for x in d.disagreements] == [
        "rejected the Tory idea of quotas on asylum"
    ]
    # the items of a list stay whole
    d = digest_of("They also noted cooperation on artificial intelligence, biotechnology, and AI.")
    assert all("biotechnology" in a.what for a in d.agreements)


def test_words_before_the_subject_are_no_part_of_the_predicate():
    d = digest_of(
        "However, backbench Labour MP Ann Lee warned against proposed changes in such "
        "benefits. Conservative co-chairman Tom Hale derided the photo call."
    )
    assert [x.positions[0].position for x in d.disagreements] == [
        "warned against proposed changes in such benefits",
        "derided the photo call",
    ]


def test_a_person_the_parser_runs_into_a_body_s_name_is_named_without_it():
    d = digest_of(
        "But general secretary of the public services union Unison Dave Prentis criticised "
        "the plans."
    )
    assert [p.name for p in d.people] == ["Dave Prentis"]


def test_a_place_in_what_a_meeting_was_to_discuss_is_not_where_it_was_held():
    d = digest_of(
        "President Joe Biden spoke with Prime Minister Yair Lapid to discuss the horrific "
        "terror attack tonight in Jerusalem. President Joe Biden met Prime Minister Fumio "
        "Kishida in Tokyo to discuss trade."
    )
    assert [(set(m.participants), m.location) for m in d.meetings] == [
        ({"Joe Biden", "Yair Lapid"}, None),
        ({"Joe Biden", "Fumio Kishida"}, "Tokyo"),
    ]


def test_a_quotation_cut_at_its_start_is_opened_again_only_where_it_starts_there():
    d = digest_of(
        'Tory shadow chancellor Oliver Letwin accused Mr Blair of "misrepresenting" the '
        'party\'s proposals. Commissioner Ann Lee "totally condemned" the deletion of e-mails.'
    )
    assert next(x.topic for x in d.disagreements) == '"misrepresenting" the party\'s proposals'
    positions = [p.position for x in d.disagreements for p in x.positions]
    assert all(p.count('"') % 2 == 0 for p in positions)
    assert not any(p.startswith('"condemned') for p in positions)


def test_a_relative_clause_no_comma_closes_runs_to_the_end_of_the_sentence():
    d = digest_of(
        "The Tories have promised a reduction on bills for pensioners, who they say have been "
        "hardest hit by year-on-year increases in council tax."
    )
    assert [p.what for p in d.proposals] == ["promised a reduction on bills for pensioners"]


def test_spoke_with_in_the_readout_of_a_call_is_a_call():
    text = "President Joe Biden spoke today with King Abdullah II of Jordan."
    call = digest_of(text, titles=("Readout of President Biden’s Call with King Abdullah II",))
    assert [m.format for m in call.meetings] == ["call"]
    visit = digest_of(text, titles=("Readout of President Biden’s Meeting with King Abdullah",))
    assert [m.format for m in visit.meetings] == [None]


def test_names_in_photo_credits_and_post_signatures_are_no_people():
    d = digest_of(
        "Anna Lee greets Boris Chen in Oslo. (Photo: Cyril Dorn, AP) OSLO -- Anna Lee met "
        "Boris Chen. Diane Eckert/The Daily Post) Anna Lee smiled. "
        "-- Edward Fay (@edfay) November 10, 2016 Boris Chen pledged aid to Anna Lee."
    )
    assert [p.name for p in d.people] == ["Anna Lee", "Boris Chen"]
    assert [p.by for p in d.proposals] == ["Boris Chen"]  # not the post's author


def test_an_auxiliary_opening_a_question_is_no_part_of_a_name():
    d = digest_of(
        "MADAME PRESIDENT Did Hillary Clinton just fire the starting gun on Michelle Obama's "
        "bid? Hillary Clinton has blamed her defeat on James Comey."
    )
    assert [p.name for p in d.people] == ["Hillary Clinton", "Michelle Obama", "James Comey"]


def test_the_one_a_thing_is_blamed_on_is_the_other_side():
    d = digest_of(
        "Mr Howard blamed the crisis on Labour. Ms Lee blamed her defeat on Tom Reed. "
        "Jane Hale blamed her defeat by Ann Ray on Bob Lowe's decision to reopen the probe."
    )
    assert [sorted(x.parties) for x in d.disagreements] == [
        ["Howard", "Labour"],
        ["Lee", "Tom Reed"],
        ["Bob Lowe", "Jane Hale"],  # not Ann Ray, who defeated her
    ]


def test_the_named_members_of_critics_hold_what_the_critics_say():
    d = digest_of(
        "Critics, including Germany and France, believe the directive would undermine "
        "the social model. Critics said the plan was flawed."
    )
    first = d.disagreements[0]
    assert first.parties == ["Germany", "France"]
    assert first.topic == "the directive would undermine the social model"
    assert [p.party for p in first.positions] == ["Germany", "France"]


def test_calling_a_thing_a_name_for_something_is_no_call_for_it():
    d = digest_of(
        'The Taliban called it a "revenge attack" for US airstrikes in Kunduz. '
        "Their spokesman, Ali Zahed, called the attack a reprisal for airstrikes. "
        "The unions called for a strike."
    )
    assert [(p.by, p.what) for p in d.proposals] == [("unions", "called for a strike")]


def test_a_telephone_call_named_in_passing_is_a_call_of_its_own():
    d = digest_of(
        "President Biden met President Xi Jinping of China in Lima on Saturday. "
        "The meeting follows their telephone call in April."
    )
    assert [(m.participants, m.location) for m in d.meetings] == [
        (["Biden", "Xi Jinping"], "Lima"),
        (["Biden", "Xi Jinping"], None),
    ]


def test_an_invitation_to_visit_is_a_planned_meeting_of_the_two():
    d = digest_of(
        "President Lula invited President Biden to visit Brazil. "
        "Chancellor Anna Weber accepted an invitation to visit Japan in the coming months. "
        "The United States can invite President Marcos to the summit."
    )
    assert [(m.participants, m.status) for m in d.meetings] == [
        (["Lula", "Biden"], "planned"),
        (["Anna Weber", "Japan"], "planned"),
    ]
    assert [p.by for p in d.proposals][:1] == ["Lula"]  # the invitation is also a proposal


def test_what_leaders_recognized_acknowledged_or_applauded_together_is_agreed():
    d = digest_of(
        "President Biden met Prime Minister Albanese of Australia in Phnom Penh. The leaders "
        "recognized the imperative of maintaining peace. Both leaders acknowledged 75 years "
        "of diplomatic relations. President Biden acknowledged the concerns. They confirmed "
        "the deal offers a roadmap. The two leaders applauded the progress. They praised "
        "the work of their staff. The leaders hailed the new accord on fishing. They "
        "underlined their commitment to the alliance."
    )
    assert [(a.parties, a.what.split()[0]) for a in d.agreements] == [
        (["Biden", "Albanese"], "recognized"),
        (["Biden", "Albanese"], "acknowledged"),
        (["Biden", "Albanese"], "confirmed"),
        (["Biden", "Albanese"], "applauded"),
        (["Biden", "Albanese"], "praised"),
        (["Biden", "Albanese"], "hailed"),
        (["Biden", "Albanese"], "underlined"),
    ]


def test_leaders_looking_forward_together_agree_but_looking_alone_does_not():
    d = digest_of(
        "President Biden met Prime Minister Starmer in Washington. They looked forward to "
        "working together to deepen cooperation. President Biden looked forward to seeing "
        "him again. They looked at the map."
    )
    assert [(a.parties, a.what) for a in d.agreements] == [
        (["Biden", "Starmer"], "looked forward to working together to deepen cooperation")
    ]


def test_the_future_of_something_is_a_thing_not_a_time_to_come():
    d = digest_of(
        "President Biden met Prime Minister Albanese in Phnom Penh. Because the future of the "
        "United States and Australia is linked, the two leaders emphasized the importance of "
        "the new initiative. The two leaders agreed to meet again in the future."
    )
    assert [a.what for a in d.agreements] == [
        "emphasized the importance of the new initiative",
        "agreed to meet again in the future",
    ]


def test_leaders_who_task_their_teams_together_agree_on_it():
    d = digest_of(
        "President Biden met President Mohamed bin Zayed in Jeddah. They asked their climate "
        "envoys to explore new opportunities. The leaders directed their teams to deepen "
        "cooperation. The two sides reviewed trade, as directed by the leaders."
    )
    assert [a.what for a in d.agreements] == [
        "asked their climate envoys to explore new opportunities",
        "directed their teams to deepen cooperation",
    ]


def test_stressing_the_importance_of_an_act_or_the_imperative_to_act_is_a_call():
    d = digest_of(
        "Senator Ann Cole stressed the importance of including the tax credit in the bill. "
        "President Biden emphasized the imperative to protect civilians. Senator Ann Cole "
        "stressed the importance of the alliance for the region."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Ann Cole", "stressed the importance of including the tax credit in the bill"),
        ("Biden", "emphasized the imperative to protect civilians"),
    ]


def test_his_in_what_one_man_told_another_is_neither_of_theirs():
    d = digest_of(
        "Mr Howard told Mr Blair that his plan to cut taxes was reckless. Foreign Minister "
        "Ken Sato told the British minister that his plan to lift the embargo was worrying. "
        "Mr Howard told Ms Lee that his plan to cut taxes would work. "
        "Mr Blair told reporters that his plan to reform the NHS would work."
    )
    # Not Mr Howard's plan nor Mr Sato's: his own, to a woman or to reporters, is his
    assert [p.by for p in d.proposals] == ["Howard", "Blair"]
    assert [p.evidence[0].quote.split()[3] for p in d.proposals] == ["Ms", "reporters"]


def test_a_list_of_those_present_joins_the_days_meeting_whatever_its_opening_words():
    text = (
        "Today, Director Ann Lee chaired a meeting with state legislative leaders. In May, "
        "Ann Lee met with Governor Rita Lund.\n\nState legislative leaders included:\n\n"
        "New York State Senator Dana Kell\n\nIllinois State Representative Omar Farouk\n\n"
        "Their priorities include:\n\nPaid leave\n\nChild care"
    )
    d = digest_of(text)
    [today] = [m for m in d.meetings if m.date == dt.date(2024, 3, 8)]
    assert {"Ann Lee", "Dana Kell", "Omar Farouk"} <= set(today.participants)
    [may] = [m for m in d.meetings if m is not today]
    assert "Dana Kell" not in may.participants
    assert not any("priorities" in e.quote for m in d.meetings for e in m.evidence)


def test_what_one_had_to_do_at_a_time_gone_by_is_no_call():
    d = digest_of(
        '"The council, last week, had to close the school," Senator Mia Lund said. '
        "Senator Bo Chen said the council had to sell the hall two years ago. "
        "Governor Paul Dorn said the council had to reopen it."
    )
    assert [(p.by, p.what) for p in d.proposals] == [("Paul Dorn", "the council had to reopen it")]


def test_a_joint_statement_s_present_verb_after_the_signers_names_is_their_agreement():
    # The parser reads "reaffirm" and "intend" after "and the X" as nouns of a name.
    d = digest_of(
        "The United States and the ROK reaffirm support for ASEAN centrality. "
        "The United States and the European Union intend to expand their coordination."
    )
    assert [(sorted(a.parties), a.what) for a in d.agreements] == [
        (["South Korea", "United States"], "reaffirmed support for ASEAN centrality"),
        (["European Union", "United States"], "intended to expand their coordination"),
    ]


def test_the_leaders_of_a_meeting_are_all_of_them_after_two_acted():
    d = digest_of(
        "President Lena Cole, Prime Minister Otto Brandt and President Mia Lund met in "
        "Oslo. President Cole and Prime Minister Brandt welcome President Lund's intent to "
        "join the partnership. The Leaders commit to cooperate closely on trade."
    )
    assert pairs(d.agreements, "parties") == [
        frozenset({"Lena Cole", "Otto Brandt"}),
        frozenset({"Lena Cole", "Otto Brandt", "Mia Lund"}),
    ]


def test_a_commitment_others_report_leaves_them_the_group_that_acts():
    d = digest_of(
        "Director Ann Lee met with senior officials. Director Lee and Advisor Bo Chen "
        "emphasized that President Tom Hale and Secretary Mia Lund are committed to "
        "increasing transparency. They also highlighted the commitment to the new order."
    )
    assert frozenset({"Tom Hale", "Mia Lund"}) in pairs(d.agreements, "parties")
    assert d.agreements[-1].what == "highlighted the commitment to the new order"
    assert "Tom Hale" not in d.agreements[-1].parties


def test_a_guest_welcomed_for_a_meeting_meets_the_host():
    d = digest_of(
        "President Tom Hale welcomed President Ann Lee and Prime Minister Bo Chen of Norway "
        "for a joint meeting at the White House on March 12. "
        "President Mia Lund will welcome Chancellor Otto Brandt for a meeting next week. "
        "President Erik Olsen welcomed the plan for a meeting next year."
    )
    assert [(sorted(m.participants), m.status) for m in d.meetings] == [
        (["Ann Lee", "Bo Chen", "Tom Hale"], "held"),
        (["Mia Lund", "Otto Brandt"], "planned"),
    ]


def test_encouraging_an_act_is_a_call_of_one_and_an_agreement_of_several():
    d = digest_of(
        "Vice President Ann Lee met President Tom Hale. The Vice President encouraged "
        "continued work to counter corruption. Minister Bo Chen met Minister Mia Lund. "
        "The two ministers encouraged the expansion of student exchanges. "
        "He said he was encouraged by the progress. "
        "They committed to continue consultations with a view to ensuring those Acts "
        "encourage corporate investment."
    )
    # "Acts" is a law's name, not a party that calls for anything
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Ann Lee", "encouraged continued work to counter corruption")
    ]
    assert [(sorted(a.parties), a.what) for a in d.agreements][:1] == [
        (["Bo Chen", "Mia Lund"], "encouraged the expansion of student exchanges")
    ]


def test_a_verb_the_parser_hung_on_its_subject_or_object_after_an_aside_is_the_clause_s():
    d = digest_of(
        "Senator Tom Hale, writing in The Times, accused some critics of spreading false "
        "fears. Mayor Ann Lee spoke on Monday. The mayor accused Bo Chen, of the Evening "
        "Post, of harassing him at a party."
    )
    assert [(sorted(x.parties), x.topic) for x in d.disagreements] == [
        (["Tom Hale", "critics"], "spreading false fears"),
        (["Ann Lee", "Bo Chen"], "harassing him at a party"),
    ]


def test_the_verb_of_a_nominal_root_is_moved_only_from_the_subject_s_own_phrase():
    mayor = parsed(
        [
            ("The", "DET", "det", 1),
            ("mayor", "NOUN", "ROOT", 1),
            ("accused", "VERB", "amod", 3),
            ("Finegold", "PROPN", "appos", 1),
            ("of", "SCONJ", "mark", 5),
            ("harassing", "VERB", "acl", 1),
            ("him", "PRON", "obj", 5),
            (".", "PUNCT", "punct", 1),
        ]
    )
    repaired = verb_after_a_nominal_root(mayor)
    assert [(t.dep, t.head) for t in repaired.tokens][1:6] == [
        ("nsubj", 2),
        ("ROOT", 2),
        ("obj", 2),
        ("mark", 5),
        ("advcl", 2),
    ]
    # a modifier inside another verb's clause stays one: "hoping to drive focused efforts"
    members = parsed(
        [
            ("Members", "NOUN", "ROOT", 0),
            ("hoping", "VERB", "acl", 0),
            ("to", "PART", "mark", 3),
            ("drive", "VERB", "xcomp", 1),
            ("focused", "VERB", "amod", 5),
            ("efforts", "NOUN", "obj", 3),
            (".", "PUNCT", "punct", 0),
        ]
    )
    assert verb_after_a_nominal_root(members) == members


def test_what_someone_should_be_able_to_do_is_a_call_but_not_with_a_contrast_cut_off():
    d = digest_of(
        "Senator Mia Lund said shop workers should be able to enjoy a break. "
        "Governor Paul Dorn said Norway should be a safe place. "
        "Mayor Ann Berg said only judges, not politicians, should be able to order detention."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("Mia Lund", "shop workers should be able to enjoy a break")
    ]


def test_a_speaker_named_after_says_is_the_one_who_calls():
    d = digest_of(
        "Welsh councils should set their taxes at reasonable levels, says the assembly "
        "government. The leaders reaffirmed their commitment to peace, discussed the need "
        "to prevent escalation, and emphasized their shared view."
    )
    assert [(p.by, p.what) for p in d.proposals] == [
        ("assembly government", "Welsh councils should set their taxes at reasonable levels")
    ]


def test_what_states_named_together_will_do_is_their_commitment():
    d = digest_of(
        "Mexico and the United States will also convene a working group on child "
        "migration. President Tom Hale and Senator Ann Lee will represent Norway at the "
        "summit. Labour and the Tories will fight the election on the economy. "
        "The leaders discussed the challenges Japan and Norway will face together. "
        "If elected, Norway and Sweden will sign the deal. "
        "To that end, the United States and Canada will work together to:"
    )
    assert [(sorted(a.parties), a.what) for a in d.agreements] == [
        (["Mexico", "United States"], "will convene a working group on child migration")
    ]


def test_one_who_met_stating_our_shared_goal_states_it_for_those_who_met():
    d = digest_of(
        "President Lena Cole spoke with Prime Minister Tom Hale. The President reaffirmed "
        "our shared goal to see the ceasefire hold. President Cole reaffirmed her support "
        "for the talks."
    )
    assert [(sorted(a.parties), a.what) for a in d.agreements] == [
        (["Lena Cole", "Tom Hale"], "reaffirmed our shared goal to see the ceasefire hold")
    ]


def test_a_month_before_a_day_is_no_one_of_that_surname_in_another_article():
    d = digest_of(
        "Former minister Theresa May spoke in Leeds.",
        "President Tom Hale invited Senator Ann Lee to a meeting on May 9 with Leader Bo Chen.",
    )
    [may] = [p for p in d.people if p.name == "Theresa May"]
    assert all(e.source == "a0" for e in may.evidence)


def test_a_name_in_the_speaker_s_quotation_is_not_whom_the_next_he_means():
    d = digest_of(
        'Party leader Tom Hale spoke in London. Mr Hale said: "The parties must be '
        'straightforward about their plans. "With the stealth taxes of Paul Dorn, trust is '
        'breaking down." He challenged the Treasury to open up its books. The report was '
        'welcomed by Senator Bo Chen. "The voice of pensioners must be heard," he said.'
    )
    assert [(p.by, p.what.split()[0]) for p in d.proposals] == [
        ("Tom Hale", "challenged"),
        ("Bo Chen", "the"),
    ]


def test_a_meeting_someone_is_invited_to_is_planned_with_those_it_is_with():
    d = digest_of(
        "President Tom Hale invited President Ann Lee to a meeting with Prime Minister Bo Chen."
    )
    assert [(sorted(m.participants), m.status) for m in d.meetings] == [
        (["Ann Lee", "Bo Chen", "Tom Hale"], "planned")
    ]


def test_a_stance_those_who_met_discussed_as_theirs_is_their_agreement():
    d = digest_of(
        "President Lena Cole spoke with Chancellor Otto Brandt. They discussed their "
        "commitment to support Norway. The President discussed his concerns about the war."
    )
    assert [(sorted(a.parties), a.what) for a in d.agreements] == [
        (["Lena Cole", "Otto Brandt"], "discussed their commitment to support Norway")
    ]
