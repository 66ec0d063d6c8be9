"""The rule-based extractor on the seeds and on readouts it must handle."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.config import ExtractionSettings as _Settings
from briefgen.extract import extract as _extract
from briefgen.extract.dates import resolve_when
from briefgen.extract.mentions import find_introductions
from briefgen.ingest import assign_ids, read_article

from .conftest import FIXTURES, SEEDS

# These tests are the rules extractor's: they name it, whatever the default is.
RULES = _Settings(extractor="rules")


def extract(articles, settings=None):
    return _extract(articles, settings or RULES)


@pytest.fixture(scope="module")
def seeds_digest():
    return extract(assign_ids([read_article(p) for p in sorted(SEEDS.glob("*.txt"))]))


def _person(digest, name):
    return next(p for p in digest.people if p.name == name)


def test_people_with_roles_affiliations_and_one_record_each(seeds_digest):
    names = [p.name for p in seeds_digest.people]
    assert len(names) == len(set(names))
    chung = _person(seeds_digest, "Chung Eui-yong")
    assert (chung.role, chung.affiliation) == ("Foreign Minister", "South Korea")
    assert "Chung" in chung.aliases
    blinken = _person(seeds_digest, "Antony Blinken")
    assert (blinken.role, blinken.affiliation) == ("Secretary of State", "United States")
    price = _person(seeds_digest, "Ned Price")
    assert price.role == "spokesperson" and "State Department" in price.affiliation
    assert _person(seeds_digest, "Gordan Grlic Radman").affiliation == "Croatia"
    assert "Ahn Sung-mi" not in names  # a byline is not an actor


def test_each_meeting_once_with_place_and_date(seeds_digest):
    by_place = {}
    for m in seeds_digest.meetings:
        by_place.setdefault((m.location, frozenset(m.participants[:2])), []).append(m)
    pair = frozenset({"Chung Eui-yong", "Antony Blinken"})
    for place in ("Rome", "Paris", "New York"):
        assert len(by_place[(place, pair)]) == 1, place
    paris = by_place[("Paris", pair)][0]
    assert paris.date.isoformat() == "2021-10-05"
    assert {e.source for e in paris.evidence} == {s.id for s in seeds_digest.sources}
    rome = by_place[("Rome", pair)][0]
    assert rome.date is None and rome.when == "Sunday"
    assert rome.occasion == "the Group of 20 summit"


def test_agreements_disagreements_and_proposals_are_attributed(seeds_digest):
    assert any(
        set(a.parties) == {"Chung Eui-yong", "Antony Blinken"} and "stably manage" in a.what
        for a in seeds_digest.agreements
    )
    assert any(
        "State Department" in d.parties and "Chung Eui-yong" in d.parties
        for d in seeds_digest.disagreements
    )
    assert any(p.by == "Moon Jae-in" and "end to the" in p.what for p in seeds_digest.proposals)


def test_every_fact_has_evidence_that_quotes_its_source(seeds_digest):
    texts = {
        a.id: a.text for a in assign_ids([read_article(p) for p in sorted(SEEDS.glob("*.txt"))])
    }
    facts = [
        *seeds_digest.people, *seeds_digest.meetings, *seeds_digest.agreements,
        *seeds_digest.disagreements, *seeds_digest.proposals,
    ]  # fmt: skip
    for fact in facts:
        assert fact.evidence
        for e in fact.evidence:
            assert texts[e.source][e.start : e.end] == e.quote


def test_readouts_extract_without_error_and_find_the_principal():
    articles = assign_ids([read_article(p) for p in sorted((FIXTURES / "readouts").glob("*.md"))])
    digest = extract(articles)
    names = {p.name for p in digest.people}
    assert "Joseph R. Biden, Jr." in names or "Biden" in names
    trudeau_call = [m for m in digest.meetings if "Justin Trudeau" in m.participants]
    assert trudeau_call and trudeau_call[0].format == "call" and trudeau_call[0].location is None


@pytest.mark.parametrize(
    ("text", "published", "date", "words"),
    [
        ("met on Tuesday in Paris", "2021-10-06", "2021-10-05", "Tuesday"),
        ("spoke today with", "2024-12-14", "2024-12-14", "today"),
        ("On Saturday, December 9, he met", "2023-12-08", "2023-12-09", "Saturday, December 9"),
        ("met last month", "2021-10-06", None, "last month"),
        ("met on Sunday", None, None, "Sunday"),
        ("met in Rome", "2021-10-06", None, None),
    ],
)
def test_dates_resolve_against_the_article_date(text, published, date, words):
    import datetime as dt

    pub = dt.date.fromisoformat(published) if published else None
    got_date, got_words = resolve_when(text, pub)
    assert (got_date.isoformat() if got_date else None, got_words) == (date, words)


@pytest.mark.parametrize(
    ("text", "published", "words"),
    [
        ("met yesterday", "0001-01-01", "yesterday"),
        ("met on Tuesday", "0001-01-01", "Tuesday"),
        ("met on Sunday", "0001-01-01", "Sunday"),
        ("met on December 31", "0001-01-01", "December 31"),
        ("met on January 1", "9999-12-31", "January 1"),
        ("met today", "9999-12-31", "today"),
    ],
)
def test_relative_words_at_the_calendars_edge_are_kept_as_words(text, published, words):
    import datetime as dt

    got_date, got_words = resolve_when(text, dt.date.fromisoformat(published))
    assert got_words == words
    assert got_date is None or dt.date.min <= got_date <= dt.date.max


def _people_of(text: str):
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    article = Article(id="a", path="a.txt", text=text, sentences=split_sentences(text))
    return {p.name: p for p in extract([article]).people}


def test_names_end_where_a_non_name_word_begins():
    people = _people_of(
        "President Barack Obama As Trump arrived, House Speaker Paul Ryan Previously said. "
        "Senate Majority Leader Mitch McConnell met reporters."
    )
    assert {"Barack Obama", "Paul Ryan", "Mitch McConnell"} <= set(people)


def test_a_shared_surname_goes_to_the_person_with_that_title():
    people = _people_of(
        "President Barack Obama met First Lady Michelle Obama. President Obama then left. "
        "Mr Obama said little."
    )
    assert "Obama" in people["Barack Obama"].aliases
    assert "Obama" not in people["Michelle Obama"].aliases
    assert "Obama" not in people


def test_middle_initials_and_meetings_named_in_passing():
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    text = (
        "National Security Advisor Jane Roe and Secretary Ivan Petrov held consultations in "
        "Geneva today. The meeting followed the talks held in Oslo between Foreign Minister "
        "Anna Berg and Secretary of State John Q. Public. The sides agreed to meet again. "
        "Secretary of State John Public left."
    )
    article = Article(
        id="a",
        path="a.txt",
        text=text,
        sentences=split_sentences(text),
        published=__import__("datetime").date(2024, 5, 2),
    )
    digest = extract([article])
    names = {p.name for p in digest.people}
    assert "John Q. Public" in names and "John Public" not in names
    places = {m.location: m.participants for m in digest.meetings}
    assert places["Oslo"] == ["Anna Berg", "John Q. Public"]
    assert set(places["Geneva"]) == {"Jane Roe", "Ivan Petrov"}
    agreement = digest.agreements[0]
    assert set(agreement.parties) == {"Jane Roe", "Ivan Petrov"}  # not the pair met in passing


def test_name_variants_and_office_titles():
    people = _people_of(
        "President Joseph R. Biden Jr met Chair of the Surface Transportation Board Ann Lee "
        "in Denver. President Joseph R. Biden, Jr. thanked her. "
        "Secretary of the Russian Security Council Nikolay Patrushev spoke."
    )
    assert "Joseph R. Biden Jr" in people or "Joseph R. Biden, Jr." in people
    assert len([n for n in people if "Biden" in n]) == 1
    assert people["Ann Lee"].role == "Chair of the Surface Transportation Board"
    assert people["Nikolay Patrushev"].affiliation == "Russia"


def test_names_do_not_run_across_paragraphs_or_into_places():
    people = _people_of(
        "Participants:\n\nAttorney General Dana Kell of Nevada\n\nMaria Ostrova, Senator\n\n"
        "President Anna von der Berg of the European Commission spoke with "
        "President Omar el-Farouk and President Amina Kola Hassan of Tanzania. "
        "New Mexico Senator Rita Lund attended. "
        "Lee Park, National Co-Chair of the Green Valley’s Campaign, spoke."
    )
    assert {"Dana Kell", "Anna von der Berg", "Omar el-Farouk", "Amina Kola Hassan"} <= set(people)
    assert people["Amina Kola Hassan"].affiliation == "Tanzania"
    assert people["Rita Lund"].affiliation != "Mexico"
    assert not any("Nevada" in name or "Green Valley" in name for name in people)


def test_parties_in_either_apostrophe():
    from briefgen.extract.mentions import find_parties

    for text in ("the Democratic People’s Republic of Korea", "the Democratic People's Republic"
                 " of Korea"):  # fmt: skip
        assert [p.name for p in find_parties(text)] == ["North Korea"]


def test_proposal_author_is_the_subject_of_its_clause():
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    text = (
        "President Jane Roe spoke today with Prime Minister Ivan Petrov of Colombia. "
        "The President reaffirmed the partnership between the United States and Colombia, "
        "and pledged support for Colombia’s recovery. "
        "Prime Minister Petrov thanked President Roe for Japan’s historic $1.08 billion pledge "
        "to the fund."
    )
    article = Article(id="a", path="a.txt", text=text, sentences=split_sentences(text))
    authors = [p.by for p in extract([article]).proposals]
    assert authors == ["Jane Roe", "Japan"]


def test_a_name_run_into_the_next_persons_surname_is_cut_back():
    people = _people_of(
        "Senate Majority Leader Jane Holt Smith met President-elect Tom Smith. "
        "Senate Majority Leader Jane Holt Photo: AP. Majority Leader Ann Lee Holt spoke."
    )
    assert "Jane Holt Smith" not in people  # "Jane Holt" + "Smith" from the next name
    assert "Jane Holt" in people and "Jane Holt Smith" not in people["Jane Holt"].aliases
    assert "Ann Lee Holt" in people  # a surname of her own, not an overrun


def test_a_surname_alone_takes_the_full_name_its_article_gives_without_a_title():
    people = _people_of(
        "Labour backbencher Stephen Pound labelled the plan a mistake. Mr Pound said so twice. "
        "GETTY Ryan arrived. Ms Vale met Mr Ryan."
    )
    assert "Stephen Pound" in people and "Pound" not in people
    assert "GETTY Ryan" not in people  # a photo credit is no given name
    assert "Vale" in people  # no full name given: the surname stays


def test_a_full_name_opening_with_a_given_name_is_a_person_without_a_title():
    people = _people_of(
        "He was replaced by the flamboyant Alan Clark. David Hale has become an adviser. "
        "Lawyers' Christian Fellowship objected. George Mason University and the "
        "California Highway Patrol took part, beside the Tony Blair years."
    )
    assert set(people) == {"Alan Clark", "David Hale"}


def test_a_surname_alone_is_the_one_full_name_its_article_introduces():
    people = _people_of(
        "Tory leader Michael Howard spoke. Andrew Howard disagreed. Mr Howard said no. "
        "Labour MP Ann Vale spoke. Mr Vale replied."
    )
    # Two Howards introduced: "Mr Howard" is the one named last before it, not a third.
    assert {"Michael Howard", "Andrew Howard"} <= set(people) and "Howard" not in people
    assert "Vale" not in people and "Ann Vale" in people
    # Beside a titled surname alone, the one full name is not taken for it.
    people = _people_of("President Roe spoke. First lady Ann Roe smiled. Mr Roe left.")
    assert "Roe" in people


def test_mr_x_beside_two_of_that_surname_is_the_one_named_last_of_that_sex():
    people = _people_of(
        "The head of the Child Support Agency Doug Smith earns an honour. Mr Smith, whose "
        "retirement was announced by Work Secretary Alan Smith, is made a CB."
    )
    assert set(people) == {"Doug Smith", "Alan Smith"}  # one name after a body's
    text = "President Barack Obama spoke. First lady Michelle Obama smiled. Mr Obama was glad."
    said = [m.name for m in find_introductions(text) if m.start == text.index("Obama was")]
    assert said == ["Barack Obama"]


def test_a_body_named_after_its_common_noun_is_no_part_of_the_name_after_it():
    text = "Later, the public services union Unison Dave Prentis criticised the plans."
    assert [m.name for m in find_introductions(text)] == ["Dave Prentis"]


def test_an_emeritus_title_names_no_one():
    people = _people_of(
        "Participants:\n\nRev. David Beckmann, President Emeritus, Bread for the World"
    )
    assert set(people) == {"David Beckmann"}


def test_a_description_starts_after_a_preposition_run_into_it():
    people = _people_of(
        "He faced claims made in journalist Robert Peston's new book. "
        "Masih Alinejad, journalist and activist, spoke. Iranian journalist and activist "
        "Ann Vale spoke."
    )
    assert people["Robert Peston"].role == "journalist"
    assert people["Ann Vale"].role == "journalist and activist"


def test_a_state_assemblymember_is_titled():
    people = _people_of("Participants:\n\nCalifornia State Assemblymember Rebecca Kahan")
    assert people["Rebecca Kahan"].role == "Assemblymember"


def test_a_knight_named_again_by_the_given_name_is_the_full_name_of_the_text():
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    texts = [
        "The auditor general, Sir Tom Bourn, published the report. Sir Tom said the "
        "department had paid. Sir Alan Vale met Labour MP Alan Price. Sir Alan disagreed.",
        "Labour MP Tom Price spoke in the debate.",  # another Tom in the batch
    ]
    articles = [
        Article(id=f"a{n}", path=f"a{n}.txt", text=text, sentences=split_sentences(text))
        for n, text in enumerate(texts)
    ]
    people = {p.name: p for p in extract(articles).people}
    assert "Tom Bourn" in people and "Tom" not in people
    # Two full names of the text start with it: "Sir Alan" is neither.
    assert "Alan" not in people["Alan Vale"].aliases + people["Alan Price"].aliases


def test_a_shadow_minister_keeps_shadow_and_a_name_before_and_is_no_part_of_a_title():
    people = _people_of(
        "Tory Shadow Chancellor Hugh Marl spoke. Reports told of a feud between Gordon "
        "Brown and Prime Minister Tony Blair."
    )
    assert people["Hugh Marl"].role == "Shadow Chancellor"
    assert people["Tony Blair"].role == "Prime Minister"


def test_a_knight_named_in_full_twice_is_one_person_named_again_by_the_given_name():
    people = _people_of(
        "Sir Hugh Marl, the Tory backbencher, has died. Sir Hugh Edward James Marl was "
        "born in 1920. Sir Hugh said he had no regrets."
    )
    assert list(people) == ["Hugh Edward James Marl"]  # no "Hugh" of his own
    assert "Hugh Marl" in people["Hugh Edward James Marl"].aliases


def test_a_lower_case_description_before_a_full_name_makes_a_person_with_that_role():
    people = _people_of(
        "Union shadow chancellor Ann Lee said no. Lawyer Bo Chen, who acts for them, agreed. "
        "The BBC's political editor Dan Ross said when senior official Kim Yoon spoke. "
        "A senior official said the plan was a leader Plan."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Ann Lee": "shadow chancellor",
        "Bo Chen": "lawyer",
        "Dan Ross": "political editor",
        "Kim Yoon": "senior official",
    }


def test_a_capitalised_description_opening_a_sentence_and_a_peer_s_title_are_kept():
    people = _people_of(
        "Shadow home secretary Ann Lee said no. But fertility expert Lord Emsworth said yes. "
        "Labour peer Baroness Hartley agreed. Their former minister Lord Chancellor said so."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Ann Lee": ("Shadow home secretary", None),
        "Lord Emsworth": ("fertility expert", None),
        "Baroness Hartley": ("peer", "Labour"),
    }  # "Lord Chancellor" is an office


def test_a_title_or_a_town_closing_a_name_is_its_surname_where_the_text_says_so():
    people = _people_of(
        "Labour MP Ann King said no. Ms King left. Party spokesman Bob Wellington, of Leeds, "
        "agreed. Mr President, said Dan Ross, you are wrong. Rosa Hill Wellington spoke."
    )
    assert {"Ann King", "Bob Wellington"} <= set(people)
    assert {"Ann", "Bob", "President", "Rosa Hill Wellington"}.isdisjoint(people)


def test_a_title_and_one_word_after_the_name_a_thing_not_a_person():
    people = _people_of(
        "Chancellor Ann Lee will speak before the General Election. The Queen Mother "
        "came. The Attorney General Lord Emsworth agreed, and the Vice President and "
        "President Ross met."
    )
    assert {"Ann Lee", "Lord Emsworth", "Ross"} <= set(people)
    assert {"Election", "Mother"}.isdisjoint(people)


def test_a_counted_thing_and_a_quoted_label_are_no_people():
    people = _people_of(
        "India will buy 31 General Atomics drones. On June 21, Attorney General Ann Lee "
        "spoke. He starred in a show called 'No More Mr Nasty'. Senator Bo Chen attacked waste, "
        'dubbing Mr Ross "Sir Wastealot". "I met Mr Kim in Paris," she said. They met '
        "at King Cross station. Ms Ann Hale may become Princess Consort. The SNP's Eve "
        "Tay spoke. Ms Tay said. Minister for Children, Young People and Families Jo Rook "
        "said so, and Mary Ann Vale said so too."
    )
    named = {"Ann Lee", "Bo Chen", "Ross", "Kim", "Ann Hale", "Eve Tay", "Jo Rook"}
    assert named | {"Mary Ann Vale"} <= set(people)
    assert {"Atomics", "Nasty", "Wastealot", "Cross", "Consort"}.isdisjoint(people)


def test_a_label_named_again_unquoted_and_a_person_s_thing_are_no_people():
    people = _people_of(
        "Tom Hale starred in a show called 'No More Mr Grim'.\n"
        "- Tom Hale: No More Mr Grim is shown on Saturday. A book by Ann Lee, a member of "
        "Cherie Blair's Matrix Chambers says the war was illegal. Solicitor General Eve "
        "Hart agreed."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Tom Hale": None,
        "Ann Lee": None,
        "Cherie Blair": None,
        "Eve Hart": "Solicitor General",
    }


def test_a_body_a_person_comes_from_or_a_party_before_two_names_is_their_affiliation():
    people = _people_of(
        "Bo Chen, from the Public and Commercial Services union, said pay was low. "
        "Dan Ross, of the Fire Brigades Union, agreed. Eve Hart, from the West Midlands, "
        "spoke. The group, including Tories Ken Lee and Sir Tom Hale, Labour's Ann Cole "
        "and Jim Fox, met. Liberal leader Jeremy Thorpe spoke."
    )
    affiliations = {name: p.affiliation for name, p in people.items() if p.affiliation}
    assert affiliations == {  # the West Midlands are a place
        "Bo Chen": "Public and Commercial Services union",
        "Dan Ross": "Fire Brigades Union",
        "Ken Lee": "Conservatives",
        "Tom Hale": "Conservatives",
        "Ann Cole": "Labour",
        "Jim Fox": "Labour",
        "Jeremy Thorpe": "Liberals",
    }


def test_a_former_office_stays_former_whatever_stands_between():
    people = _people_of(
        "Former Tory chancellor Ken Lee says so. Former President Bo Chen spoke. The "
        "former Soviet republic's President Tom Hale spoke."
    )
    roles = {name: p.role for name, p in people.items()}
    assert roles == {
        "Ken Lee": "former chancellor",
        "Bo Chen": "former President",
        "Tom Hale": "President",
    }


def test_an_office_named_by_a_list_keeps_the_whole_list():
    people = _people_of(
        "It was backed by Culture, Media and Sport Secretary Ann Lee. In London, Foreign and "
        "Commonwealth Secretary Bo Chen agreed."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Ann Lee": "Culture, Media and Sport Secretary",
        "Bo Chen": "Foreign and Commonwealth Secretary",
    }


def test_a_union_s_or_a_prison_s_name_is_no_person_s():
    people = _people_of(
        "Members of the Transport and General Workers' Union will strike. A detainee in "
        "Woodhill Prison said he was ill. Union leader Ann Lee said so."
    )
    assert set(people) == {"Ann Lee"}


def test_a_party_before_a_full_name_introduces_a_member_of_it():
    people = _people_of(
        "The plan, backed by Tories Ann Lee, Labour's Dan Ross and Liberal "
        "Democrat Eve Hart, failed. Tory Lord Emsworth agreed. The Green Bay Rovers lost."
    )
    assert {n: p.affiliation for n, p in people.items()} == {
        "Ann Lee": "Conservatives",
        "Dan Ross": "Labour",
        "Eve Hart": "Liberal Democrats",
        "Lord Emsworth": "Conservatives",
    }


def test_a_full_name_that_speaks_is_a_person_and_a_body_that_speaks_is_not():
    people = _people_of(
        "Ann Lee has argued there must be a deal. Bo Chen warned last week. "
        "Amnesty International said it was worried. Downing Street said nothing. "
        "The Evening Standard says so. Mr Chen agreed."
    )
    assert set(people) == {"Ann Lee", "Bo Chen"}


def test_a_role_before_a_name_set_off_by_commas_introduces_the_person():
    people = _people_of(
        "The shadow foreign secretary, Ann Lee, welcomed it. The Tory leader, Bo Chen, did not. "
        "The plan, London Bridge, was dropped."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Ann Lee": ("shadow foreign secretary", None),
        "Bo Chen": ("leader", "Conservatives"),
    }


def test_a_lower_case_role_after_a_name_set_off_by_a_comma_introduces_the_person():
    people = _people_of(
        "Ann Lee, father of Bo, thanked his lawyers. Dan Ross, 50, a teacher, said so. "
        "Eve Hart, whose father was a minister, spoke."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Ann Lee": "father",
        "Dan Ross": "teacher",
        "Eve Hart": None,  # a person by her given name; the role is her father's
    }


def test_a_party_or_an_owner_before_the_role_still_introduces_the_person():
    people = _people_of(
        "Ann Lee, a Labour peer and a human rights lawyer, said so. Bo Chen, the Liberal "
        "Democrats' foreign affairs spokesman, agreed. Dan Ross, for the Liberal Democrats, "
        "said no. The charity's director, Eve Hart, said yes. His party leader, Tom Hale, "
        "argued. The plan, London Bridge, was dropped."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Ann Lee": ("peer", "Labour"),
        "Bo Chen": ("foreign affairs spokesman", "Liberal Democrats"),
        "Dan Ross": (None, "Liberal Democrats"),
        "Eve Hart": ("director", None),
        "Tom Hale": ("party leader", None),
    }


def test_a_plural_word_for_people_is_no_part_of_a_name():
    people = _people_of(
        "National Security Advisors Hale and Chen met. Association of Chief Police Officers "
        "president Ann Lee said so. Senators Bo Chen and Tom Hale spoke."
    )
    assert "Officers" not in people
    assert not any(n.startswith(("Advisors", "Senators")) for n in people)
    assert "Ann Lee" in people


def test_british_short_titles_are_no_part_of_the_name():
    people = _people_of(
        "Deputy PM Bo Chen met the unions. Gen Ann Lee held talks with Tom Hale on Monday. "
        "Green MSP Mark Ballard and Judge Ruth Dale agreed. Prof Etzioni said so. "
        "A Downing St spokesman and Scotland Yard said nothing."
    )
    assert {"Bo Chen", "Ann Lee", "Mark Ballard", "Ruth Dale", "Etzioni"} <= set(people)
    assert not any(n.startswith(("PM", "Gen", "Green", "Judge", "Prof")) for n in people)
    assert not {"Downing St", "Scotland Yard"} & set(people)


def test_a_follower_s_word_or_a_kind_made_of_a_name_is_no_part_of_it():
    people = _people_of(
        "Blairite Alan Milburn said so. He ran a Tom Hale-style campaign, said Ann Lee. "
        "The Secretary-led Dialogue met."
    )
    assert {"Alan Milburn", "Ann Lee"} <= set(people)
    assert not any(n.startswith("Blairite") for n in people)
    assert not {"Tom Hale-style", "Dialogue", "Secretary-led"} & set(people)


def test_offices_of_legislatures_and_the_white_house_are_titles():
    people = _people_of(
        "President Pro Tempore Toni Atkins and Ranking Member Chuck Grassley met Second "
        "Gentleman Douglas Emhoff, White House Counsel Dana Remus, Chief Operating Officer "
        "Ann Lee and Majority Whip Jim Clyburn."
    )
    assert {
        "Toni Atkins",
        "Chuck Grassley",
        "Douglas Emhoff",
        "Dana Remus",
        "Ann Lee",
        "Jim Clyburn",
    } <= set(people)
    assert not {"Pro Tempore", "Operating", "Counsel", "Whip"} & set(people)


def test_words_of_an_office_or_of_a_plural_title_are_no_name():
    people = _people_of(
        "Governor Ann Lee spoke with Louisiana Congressmembers Bo Chen, Tom Hale and Ray "
        "Dunn. Ed Mills, Acting Chief of Response and Recovery, Federal Emergency "
        "Management Agency, met her. He said he will consult the Director of Public "
        "Prosecutions and the police."
    )
    assert not {"Recovery", "Public Prosecutions"} & set(people)
    assert not any(n.startswith("Louisiana") for n in people)


def test_a_word_before_a_role_that_ends_the_run_is_the_title_s():
    people = _people_of(
        "President Bo Chen met Chief Medical Advisor and Health Director Dr. Ann Lee. "
        "Delegate Candi King spoke. Crown Prince Hussein and Princess Rajwa came."
    )
    assert "Medical" not in people
    assert {"Ann Lee", "Candi", "Hussein", "Rajwa"} <= set(people)


def test_a_speaker_named_after_the_verb_or_of_a_body_and_a_party_s_officer():
    people = _people_of(
        "Voters have a clear choice, said Ann Lee. Bo Chen of the CMF said it was wrong. "
        "It was questioned by Plaid Cymru's former President, Dan Ross. Plaid Cymru MP "
        "Eve Hart said so. The Bank of Tomorrow said nothing."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Ann Lee": (None, None),
        "Bo Chen": (None, "CMF"),
        "Dan Ross": ("former President", "Plaid Cymru"),
        "Eve Hart": ("MP", "Plaid Cymru"),
    }


def test_an_office_of_a_body_named_without_the_ends_where_a_given_name_begins():
    people = _people_of(
        "Secretary of Agriculture Tom Hale met Minister of Trade and Industry Ann Lee. "
        "Secretary of Health and Human Services Zorba Quist spoke. Maldives Minister of "
        "Foreign Affairs Bo Chen and Director of the Policy Council and Eve Hart agreed."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Tom Hale": "Secretary of Agriculture",
        "Ann Lee": "Minister of Trade and Industry",
        # no given name to tell where "Health and Human Services" ends: no one
        "Bo Chen": "Minister of Foreign Affairs",
        "Eve Hart": None,  # an "and" after a whole body's name is no part of it
    }


def test_a_month_before_a_comma_is_no_part_of_a_portfolio():
    people = _people_of(
        "In September, Trade and Industry Secretary Ann Lee spoke. Culture, Media and "
        "Sport Secretary Bo Chen replied."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Ann Lee": "Trade and Industry Secretary",
        "Bo Chen": "Culture, Media and Sport Secretary",
    }


def test_an_office_of_a_state_is_held_by_the_name_after_the_state():
    people = _people_of(
        "The Prime Minister of Japan Sato Kenji spoke. The President of Mexico Andrés "
        "Manuel Ortiz Ruiz replied."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Sato Kenji": ("Prime Minister of Japan", "Japan"),  # no English given name
        "Andrés Manuel Ortiz Ruiz": ("President of Mexico", "Mexico"),  # an accented one
    }


def test_an_office_in_a_body_of_a_body_is_held_by_the_name_after_the_last_body():
    people = _people_of(
        "Director of the Office of the Foreign Affairs Commission Tao Lin spoke. Minister of "
        "the Liaison Department of the Central Committee of the Communist Party of China Liu "
        "Tao left. Director of the Office of Public Engagement\nAnn Lee spoke.\n"
        "Chairman of the National Assembly Tran Van Hai of Vietnam met them."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Tao Lin": ("Director of the Office of the Foreign Affairs Commission", None),
        "Liu Tao": (
            "Minister of the Liaison Department of the Central Committee of the Communist "
            "Party of China",
            "China",
        ),
        # no name after the last body: "Public Engagement" is none
        "Ann Lee": (None, None),
        "Tran Van Hai": ("Chairman of the National Assembly", "Vietnam"),
    }


def test_an_office_for_a_portfolio_ends_where_a_given_name_begins():
    people = _people_of(
        "President Dan Ross met Special Envoy for Climate Tom Hale. Director for "
        "Western Hemisphere Affairs Ann Lee spoke. Director for the Western Hemisphere Eve "
        "Hart left. The delegation:\n"
        "- Bo Chen, Senior Director, National Security Council\n"
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Dan Ross": ("President", None),
        "Tom Hale": ("Special Envoy for Climate", None),
        "Ann Lee": ("Director for Western Hemisphere Affairs", None),
        "Eve Hart": ("Director for the Western Hemisphere", None),
        "Bo Chen": ("Senior Director", None),  # a state's council, not the UN's
    }


def test_a_surname_with_an_office_its_one_full_namesake_does_not_hold_is_someone_else():
    people = _people_of(
        "President-elect Dan Ross and President Hart met on Thursday. "
        "At the White House, first lady Eve Hart and Ann Ross met for tea."
    )
    assert {n: p.role for n, p in people.items() if "Hart" in n} == {
        "Hart": "President",
        "Eve Hart": "first lady",
    }
    # a royal title or a rank is no office: "Sheikh Tahnoon" is the adviser
    people = _people_of(
        "National Security Advisor Tahnoon bin Zayed met Ann Lee. Sheikh Tahnoon thanked her."
    )
    assert "Tahnoon" not in people


def test_a_police_rank_is_a_role_not_part_of_the_name():
    people = _people_of(
        "Assistant Chief Constable Dan Ross met protesters. Chief Constable Eve Hart agreed."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Dan Ross": "Assistant Chief Constable",
        "Eve Hart": "Chief Constable",
    }


def test_a_body_in_capitals_before_a_role_and_an_honorific_before_a_name_are_read():
    people = _people_of(
        "PCS Union spokesman Dan Ross said no. The BBC's political editor Eve Hart agreed. "
        "Lib Dem health expert Sir Bo Chen said so."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Dan Ross": ("spokesman", "PCS Union"),
        "Eve Hart": ("political editor", "BBC"),
        "Bo Chen": ("health expert", "Liberal Democrats"),
    }


def test_the_body_a_lower_case_role_is_of_is_the_person_s_affiliation():
    people = _people_of(
        "Dan Ross, general secretary of Unison, said no. Ann Lee, leader of the Liberal "
        "Democrats in the assembly, claimed so. Eve Hart, director general of the British "
        "Chambers of Commerce, warned them. Bo Chen, father of Kim Yoon, spoke."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Dan Ross": ("general secretary", "Unison"),
        "Ann Lee": ("leader", "Liberal Democrats"),
        "Eve Hart": ("director general", "British Chambers of Commerce"),
        "Bo Chen": ("father", None),
        "Kim Yoon": (None, None),
    }


def test_a_body_named_before_a_role_or_by_its_kind_is_the_person_s_affiliation():
    people = _people_of(
        "Yes campaign chairman Ann Lee said so. New European commission president Bo Chen "
        "agreed. Dan Ross, director of civil rights group Liberty, spoke. Eve Hart, spokesman "
        "for the Fire Brigades union, warned. Kim Yoon, general secretary of the Fire Brigades "
        "union, agreed."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Ann Lee": ("chairman", "Yes campaign"),
        "Bo Chen": ("president", "European Commission"),
        "Dan Ross": ("director", "Liberty"),  # a town's name too, but named as a group
        "Eve Hart": ("spokesman", "Fire Brigades union"),
        "Kim Yoon": ("general secretary", "Fire Brigades union"),
    }


def test_a_portfolio_after_for_or_a_town_before_a_role_is_no_affiliation():
    people = _people_of(
        "Ann Lee, spokesman for Home Affairs, said so. Middlesbrough mayor Bo Chen agreed. "
        "Dan Ross, father of campaign group founder Eve Hart, spoke."
    )
    assert {n: p.affiliation for n, p in people.items()} == {
        "Ann Lee": None,
        "Bo Chen": None,
        "Dan Ross": None,
        "Eve Hart": None,
    }


def test_titles_of_the_lords_and_the_church_and_members_of_parliament():
    people = _people_of(
        "The Lord Chancellor, Lord Emsworth, agreed. Critics included the Bishop of Leeds, "
        "the Rt Rev Ann Lee. Rt Rev Lee argued. Lord Hale - a senior law lord - disagreed. "
        "Bo Chen MP said so. "
        "The President of Peru, Dan Ross, spoke. The Mayor of Lima, Eve Hart, agreed."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Lord Emsworth": ("Lord Chancellor", None),
        "Ann Lee": ("Bishop of Leeds", None),
        "Lord Hale": ("senior law lord", None),
        "Bo Chen": ("MP", None),
        "Dan Ross": ("President of Peru", "Peru"),
        "Eve Hart": ("Mayor of Lima", None),  # of a capital: the city's, not the state's
    }


def test_a_description_after_a_dash_may_name_a_body_and_end_at_a_comma():
    people = _people_of(
        "It was backed by Ann Lee - a former Yale historian, and an expert on codes. "
        "Bo Chen, agent for the local party, said so. Dan Ross - the Labour leader said so."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Ann Lee": "former Yale historian",
        "Bo Chen": "agent",
        "Dan Ross": None,  # a person by his given name, not "the Labour leader"
    }


def test_a_role_before_a_peer_of_two_words_or_a_group_of_mps_introduces_no_one():
    people = _people_of(
        "The Lord Chancellor, Lord Bo Chen, agreed. The Tory MPs said so. A rally - the "
        "biggest protest - was held. The Leeds North MP, who was expelled, spoke. An adviser "
        "to the Prime Minister, Ann Lee; and Dan Ross said so."
    )
    assert all(p.role is None for p in people.values())
    assert "Leeds North" not in people


def test_a_political_party_before_a_role_is_the_person_s_affiliation():
    people = _people_of(
        "Tory shadow chancellor Ann Lee met Labour MP Bo Chen. "
        "Liberal Democrat spokesman Dan Ross said no."
    )
    assert {n: p.affiliation for n, p in people.items()} == {
        "Ann Lee": "Conservatives",
        "Bo Chen": "Labour",
        "Dan Ross": "Liberal Democrats",
    }


def test_a_full_name_with_a_suffix_is_not_completed_again():
    people = _people_of("President Joseph R. Biden, Jr. spoke today. President Biden said.")
    assert set(people) == {"Joseph R. Biden, Jr."}


def test_a_caption_that_runs_two_names_together_completes_neither():
    people = _people_of(
        "Ally Hillary Clinton Donald Trump in numbers. Donald Trump landed. Mr Trump spoke."
    )
    assert "Donald Trump" in people
    assert "Hillary Clinton Donald Trump" not in people


def test_a_name_written_with_and_without_its_accents_is_one_person_named_with_them():
    people = _people_of(
        "President Pedro Sanchez of Spain spoke. Later President Pedro Sánchez met the press."
    )
    assert "Pedro Sanchez" not in people
    assert "Pedro Sanchez" in people["Pedro Sánchez"].aliases


def test_a_name_alone_that_is_an_inner_word_of_one_full_name_of_its_office_is_that_person():
    people = _people_of(
        "President Luiz Inácio Lula da Silva spoke. Later President Lula met the press. "
        "Sultan Ahmed al-Jaber spoke. Emir Nawaf Al-Ahmad Al-Jaber Al-Sabah replied."
    )
    assert "Lula" in people["Luiz Inácio Lula da Silva"].aliases
    assert "Lula" not in people
    # a word of another's name, but of no office of his: two people
    assert {"Ahmed al-Jaber", "Nawaf Al-Ahmad Al-Jaber Al-Sabah"} <= set(people)


def test_two_full_names_with_one_surname_leave_the_surname_alone():
    people = _people_of("Anna Berg met Olav Berg in Oslo. Ms Berg said little.")
    assert "Anna Berg" not in people or "Berg" not in people["Anna Berg"].aliases


def _readout(
    text: str, url: str = "https://www.whitehouse.gov/briefings/readout/", title: str | None = None
):
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    return Article(
        id="a", path="a.md", text=text, url=url, title=title, sentences=split_sentences(text)
    )


def test_a_readout_s_title_gives_the_state_its_text_leaves_out():
    title = "Readout of President Jane Roe’s Call with Prime Minister Ivan Petrov of Peru"
    text = "President Roe spoke with Prime Minister Petrov and Foreign Minister Ola Berg of Chile."
    digest = extract([_readout(text, title=title)])
    assert {p.name: p.affiliation for p in digest.people} == {
        "Roe": "United States",
        "Petrov": "Peru",  # the title's full name ends in the text's surname
        "Ola Berg": "Chile",
    }


def test_a_title_neither_overrides_the_text_nor_introduces_anyone():
    # The text's own "of Chile" stands; the title's Tom Hale is named nowhere in the text.
    title = "Readout of a Call with Prime Minister Ivan Petrov of Peru and President Tom Hale"
    text = "President Jane Roe spoke today with Prime Minister Ivan Petrov of Chile."
    digest = extract([_readout(text, title=title)])
    assert {p.name: p.affiliation for p in digest.people} == {
        "Jane Roe": "United States",
        "Ivan Petrov": "Chile",
    }


def test_a_state_that_closes_a_listed_delegate_s_line_is_their_affiliation():
    people = _people_of(
        "The leaders included:\n\n-   President Ann Lee, Argentine Republic\n\n"
        "-   Prime Minister Bo Chen, Republic of Korea\n\n"
        "President Dan Ross, Peru and Chile agreed to meet."
    )
    assert {n: p.affiliation for n, p in people.items()} == {
        "Ann Lee": "Argentina",
        "Bo Chen": "South Korea",
        "Dan Ross": None,  # a state in a list that goes on is no one's
    }


def test_the_officials_a_state_s_delegation_included_act_for_it():
    people = _people_of(
        "The Peruvian delegation included Foreign Minister Ann Lee; Gen. Bo Chen, the army "
        "chief; and Ambassador Dan Ross. Secretary of State Eve Hart met them. The "
        "delegation of teachers included Principal Kim Yoon."
    )
    assert {n: p.affiliation for n, p in people.items()} == {
        "Ann Lee": "Peru",
        "Bo Chen": "Peru",
        "Dan Ross": "Peru",
        "Eve Hart": None,  # the next sentence
    }


def test_a_government_body_between_the_state_and_the_title():
    people = _people_of(
        "He met ROK National Security Office Director Ann Lee. British Airways Chief "
        "Executive Bo Chen said so. Israeli Defense Minister Dan Ross agreed."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Ann Lee": ("National Security Office Director", "South Korea"),
        "Bo Chen": ("Chief Executive", None),  # a company's, not the state's
        "Dan Ross": ("Defense Minister", "Israel"),
    }


def test_an_honorific_with_a_full_stop_between_title_and_name():
    people = _people_of(
        "Israeli National Security Advisor Dr. Ann Lee met Health Minister Dr Bo Chen. "
        "Dr. Eve Hart, a doctor, spoke."
    )
    assert {n: (p.role, p.affiliation) for n, p in people.items()} == {
        "Ann Lee": ("National Security Advisor", "Israel"),
        "Bo Chen": ("Health Minister", None),
        "Eve Hart": ("doctor", None),
    }


def test_a_title_inside_another_office_is_not_the_person_s_role():
    people = _people_of(
        "National Security Advisor to the Vice President Dr. Ann Lee met Chief of Staff to "
        "the President Bo Chen."
    )
    assert {n: p.role for n, p in people.items()} == {"Ann Lee": None, "Bo Chen": None}


def test_a_readout_s_opening_official_acts_for_the_government_that_publishes_it():
    digest = extract(
        [_readout("On Monday, President Jane Roe spoke with Prime Minister Ivan Petrov of Peru.")]
    )
    assert {p.name: p.affiliation for p in digest.people} == {
        "Jane Roe": "United States",
        "Ivan Petrov": "Peru",
    }


@pytest.mark.parametrize(
    "text",
    [
        # A joint statement that names the publisher's own official.
        "Prime Minister Ivan Petrov welcomed United States President Jane Roe to Lima.",
        # The person the statement addresses, not its speaker.
        "We look forward to working with President Ivan Petrov on trade.",
    ],
)
def test_a_person_the_readout_does_not_open_with_is_not_the_publisher_s(text):
    affiliations = {p.name: p.affiliation for p in extract([_readout(text)]).people}
    assert affiliations["Ivan Petrov"] != "United States"


def _sourced(text: str, *, outlet: str | None = None, url: str | None = None):
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    article = Article(
        id="a", path="a.md", text=text, url=url, outlet=outlet, sentences=split_sentences(text)
    )
    return {p.name: p.affiliation for p in extract([article]).people}


def test_a_home_outlet_s_unqualified_minister_acts_for_its_state():
    text = (
        "Foreign Secretary Ann Lee met Israeli Prime Minister Bo Chen. Prime Minister Dan "
        "Ross agreed. President Eve Hart of Chile and President Kim Yoon spoke."
    )
    assert _sourced(text, outlet="BBC News") == {
        "Ann Lee": "United Kingdom",
        "Bo Chen": "Israel",
        "Dan Ross": "United Kingdom",  # the one unqualified Prime Minister
        "Eve Hart": "Chile",
        "Kim Yoon": None,  # no British office
    }
    assert _sourced(text, url="https://news.bbc.co.uk/1/hi/uk_politics/1.stm")["Ann Lee"] == (
        "United Kingdom"
    )
    # An outlet with no stated home, or none: nothing is assumed.
    assert _sourced(text, outlet="Reuters")["Ann Lee"] is None
    assert _sourced(text)["Ann Lee"] is None


def test_shadow_former_shared_or_foreign_offices_take_no_home_state():
    text = (
        "The shadow foreign secretary, Ann Lee, spoke. Former Prime Minister Bo Chen agreed. "
        "Home Secretary Dan Ross met Home Secretary Eve Hart. The Peruvian delegation "
        "included Foreign Secretary Kim Yoon. Labour leader Tom Hale said so."
    )
    affiliations = _sourced(text, outlet="BBC News")
    assert "United Kingdom" not in affiliations.values()
    assert affiliations["Kim Yoon"] == "Peru"  # the delegation's


def test_a_readout_s_unqualified_cabinet_officer_acts_for_its_government():
    text = (
        "The meeting followed talks in Lima between Secretary of State Ann Lee and Foreign "
        "Minister Bo Chen. President Dan Ross and President Eve Hart spoke."
    )
    affiliations = _sourced(text, url="https://www.whitehouse.gov/briefings/readout/")
    assert affiliations == {"Ann Lee": "United States", "Bo Chen": None, "Dan Ross": None,
                            "Eve Hart": None}  # fmt: skip


def test_an_office_as_subject_goes_on_from_the_person_the_sentences_are_about():
    people = _people_of(
        "Ann Lee attacked the ruling. Mr Lee told MPs it was wrong. He said so twice. "
        '"It is wrong," he said. The foreign secretary insisted Parliament must decide. '
        "Bo Chen said the plan would fail. During the debate, the Tory leader said so."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Ann Lee": "foreign secretary",
        "Bo Chen": "Tory leader",
    }


def test_an_office_after_but_or_held_by_another_or_after_no_one_is_no_one_s():
    people = _people_of(
        "Ann Lee said it was wrong. But the chancellor said it was right. Bo Chen said so. "
        "Prime Minister Dan Ross agreed. Eve Hart said no. The prime minister said so. "
        "The weather was bad. The home secretary said so. Kim Yoon, a lawyer, spoke. "
        "The foreign secretary said so."
    )
    assert {n: p.role for n, p in people.items()} == {
        "Ann Lee": None,
        "Bo Chen": None,
        "Dan Ross": "Prime Minister",
        "Eve Hart": None,
        "Kim Yoon": "lawyer",
    }
    # a new paragraph may turn to someone the one before only mentioned
    people = _people_of(
        "Ann Lee said Mr Ross's speech was vacuous. She would not discuss it.\n\n"
        "The prime minister toured the country at the weekend."
    )
    assert people["Ann Lee"].role is None


def test_seats_of_government_place_a_meeting_in_their_city():
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    text = "President Jane Roe met Prime Minister Ivan Petrov at the Blue House on Monday."
    article = Article(id="a", path="a.txt", text=text, sentences=split_sentences(text))
    assert [m.location for m in extract([article]).meetings] == ["Seoul"]


def test_a_trained_pipeline_adds_people_and_places_named_in_facts(tmp_path):
    """A pipeline saved to disk stands in for an installed one such as en_core_web_sm."""
    import spacy

    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [
            {"label": "PERSON", "pattern": "Olav Nordmann"},
            {"label": "PERSON", "pattern": "Torunn Holm"},
            {"label": "PERSON", "pattern": "Per Hansen"},
            {"label": "GPE", "pattern": "Tromsdal"},
        ]
    )
    nlp.to_disk(tmp_path / "pipeline")
    text = (
        "Olav Nordmann and Torunn Holm held talks in Tromsdal on Monday. "
        "Photo: Per Hansen. The two agreed to meet again."
    )
    article = Article(id="a", path="a.txt", text=text, sentences=split_sentences(text))

    plain = extract([article])
    assert plain.meetings == [] and plain.people == []  # no titles: the rules see no one
    digest = extract(
        [article], _Settings(extractor="rules", rules={"spacy_model": str(tmp_path / "pipeline")})
    )
    assert [p.name for p in digest.people] == ["Olav Nordmann", "Torunn Holm"]  # not the credit
    assert [(m.participants, m.location) for m in digest.meetings] == [
        (["Olav Nordmann", "Torunn Holm"], "Tromsdal")
    ]
    assert digest.generator.endswith("(rules + " + str(tmp_path / "pipeline") + ")")


def test_a_missing_trained_pipeline_is_a_config_error_naming_it():
    from briefgen.errors import ConfigError
    from briefgen.model import Article

    article = Article(id="a", path="a.txt", text="Text.", sentences=())
    with pytest.raises(
        ConfigError, match=r"extraction\.rules\.spacy_model: cannot load 'no_such_model'"
    ):
        extract([article], _Settings(extractor="rules", rules={"spacy_model": "no_such_model"}))


def test_overruns_of_overruns_resolve_to_the_shortest_name():
    people = _people_of(
        "Prince Ali bin Omar met Sheikh Hamad Al. Sheikh Hamad Al Sabah left. "
        "Crown Prince Hamad Al Sabah Lee met President Kim Lee and Sheikh Tariq Sabah."
    )
    assert "Hamad Al Sabah Lee" not in people


_VOCABULARY = [
    "President",
    "Foreign Minister",
    "Secretary of State",
    "Sheikh",
    "Mr",
    "Chair of the",
    "Al",
    "bin",
    "von",
    "der",
    "el-Sisi",
    "Lee",
    "Kim",
    "Sabah",
    "Holt",
    "Ann",
    "Jr.",
    "J.",
    "met",
    "held talks with",
    "agreed",
    "pledged",
    "rejected",
    "his counterpart,",
    "the two",
    "The President",
    "He",
    "in",
    "Seoul",
    "Paris",
    "on Monday",
    "at the White House",
    "'s",
    "’s",
    ",",
    ".",
    ";",
    "\n\n",
    "(",
    ")",
    "United States",
    "People’s Republic of China",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_VOCABULARY) | st.text(max_size=12), max_size=40),
        min_size=1,
        max_size=3,
    )
)
def test_extraction_never_fails_on_arbitrary_name_like_text(texts):
    """Whatever words come in, and in whatever order, extraction returns a valid digest."""
    from briefgen.digest import dump_digest, parse_digest
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    articles = []
    for i, words in enumerate(texts):
        text = " ".join(words).strip() or "Empty."
        articles.append(
            Article(id=f"a{i}", path=f"a{i}.txt", text=text, sentences=split_sentences(text))
        )
    digest = extract(articles)
    assert parse_digest(dump_digest(digest), Path("digest.yaml")) == digest
    for evidence in (
        e for kind in (digest.people, digest.meetings) for f in kind for e in f.evidence
    ):
        source = next(a for a in articles if a.id == evidence.source)
        assert source.text[evidence.start : evidence.end] == evidence.quote


def test_the_one_met_or_called_is_a_person_even_without_a_title():
    from briefgen.ingest.nlp import split_sentences
    from briefgen.model import Article

    text = (
        "President Jane Roe called Aki Tanaka today to congratulate him. "
        "Secretary John Poe met yesterday with opposition leader Ana Lis of Ruritania. "
        "Prime Minister Ivan Petrov welcomed President Kim Lee to the White House."
    )
    article = Article(
        id="a", path="a.txt", text=text, sentences=split_sentences(text),
        published=__import__("datetime").date(2024, 6, 12),
    )  # fmt: skip
    meetings = [(m.participants, m.format, m.location) for m in extract([article]).meetings]
    assert meetings == [
        (["Jane Roe", "Aki Tanaka"], "call", None),
        (["John Poe", "Ana Lis"], None, None),
        (["Ivan Petrov", "Kim Lee"], None, "Washington"),
    ]


def test_professor_before_a_name_is_an_honorific():
    people = _people_of(
        "However, Professor Ann Lee, of the University of Leeds, is sceptical. "
        "But Professor Lee said the vote could be split. The Professor of History left."
    )
    assert list(people) == ["Ann Lee"]


def test_letters_after_a_name_make_it_a_persons():
    people = _people_of(
        "The chairman of the Bar Council, Guy Mansard QC warned of a risk. Ann Lee MSP "
        "agreed. The East Midlands MEP said nothing."
    )
    assert {n: p.role for n, p in people.items()} == {"Guy Mansard": "QC", "Ann Lee": "MSP"}


def test_a_heading_in_capitals_before_a_name_is_no_part_of_it():
    from briefgen.extract.mentions import clean_name, patterns

    pats = patterns()
    assert clean_name("PST Gaga", pats) == "Gaga"  # "at 1:57am PST Gaga's protest"
    assert clean_name("BARBRA STREISAND Streisand", pats) == "Streisand"
    assert clean_name("JK Rowling", pats) == "JK Rowling"  # initials stay
    assert clean_name("Ann LEE", pats) == "Ann LEE"
