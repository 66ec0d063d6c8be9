"""The name rules of the pipeline's last component, on invented sentences.

Each sentence is built with its Penn tags and the entities a recognizer
might give, so a rule is tested alone, positive and negative, whatever the
packaged model predicts. The last tests check that the packaged model
carries the rules' tables as the packaging tool builds them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc, Span

from briefgen.extract import name_rules, place_labels
from briefgen.extract import parser as packaged

from .conftest import load_tool

TABLES = name_rules.NameTables(
    titles=frozenset({"senator", "president", "vice", "dr.", "mr", "professor", "earl", "king"}),
    given_names=frozenset({"gloria", "ann", "victoria", "may", "king", "dutch", "clare"}),
    org_heads=frozenset({"college", "party", "house", "university", "organisation"}),
    loc_heads=frozenset({"bay", "island", "river"}),
    loc_openers=frozenset({"mount", "lake"}),
    demonyms=frozenset({"dutch", "kenyan"}),
    law_event_heads=frozenset({"constitution", "games", "war"}),
    law_event_openers=frozenset({"cyclone", "hurricane"}),
    places=frozenset({"victoria", "kraków", "european union"}),
)

_VOCAB = spacy.blank("en").vocab


_UPOS = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "JJ": "ADJ", "JJS": "ADJ"}
_UPOS |= {"DT": "DET", "IN": "ADP", "PRP": "PRON", "RB": "ADV", "CC": "CCONJ", "MD": "AUX"}
_UPOS |= {tag: "VERB" for tag in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")}


def entities(
    tagged: str,
    ents: list[tuple[int, int, str]] = (),
    rules: tuple[str, ...] = name_rules.RULES,
    tables: name_rules.NameTables = TABLES,
    *,
    penn: bool = True,
    glued: tuple[int, ...] = (),
) -> list[tuple[str, str]]:
    """The entities after ``rules`` of a sentence written "word/TAG word/TAG ...": Penn
    tags, and the parts of speech and number they imply (without Penn tags if not ``penn``,
    as when the extractor leaves the tagger out); the words at ``glued`` have no space after
    them."""
    words, tags = zip(*(item.rsplit("/", 1) for item in tagged.split()), strict=True)
    doc = Doc(
        _VOCAB,
        words=list(words),
        spaces=[i not in glued for i in range(len(words))],
        tags=list(tags) if penn else None,
        pos=[_UPOS.get(tag, "PUNCT") for tag in tags],
        morphs=["Number=Plur" if tag in ("NNS", "NNPS") else "" for tag in tags],
    )
    spans = [Span(doc, start, end, label=label) for start, end, label in ents]
    return [(span.text, span.label_) for span in name_rules.apply(doc, spans, tables, rules)]


# --------------------------------------------------------------------------
# A proper noun after a title is a person


def test_a_name_after_a_title_is_a_person_without_the_title():
    sentence = "They/PRP met/VBD Senator/NNP Okafor/NNP today/NN ./."
    assert entities(sentence, rules=("title",)) == [("Okafor", "PERSON")]
    sentence = "Vice/NNP President/NNP Ruiz/NNP spoke/VBD ./."
    assert entities(sentence, rules=("title",)) == [("Ruiz", "PERSON")]
    sentence = "He/PRP saw/VBD Dr./NNP Ngata/NNP Hale/NNP ./."
    assert entities(sentence, rules=("title",)) == [("Ngata Hale", "PERSON")]


def test_a_place_typed_after_a_title_becomes_a_person_unless_the_tables_list_it():
    sentence = "Mr/NNP Fenwick/NNP left/VBD ./."
    assert entities(sentence, [(1, 2, "GPE")], ("title",)) == [("Fenwick", "PERSON")]
    sentence = "Mr/NNP Victoria/NNP left/VBD ./."
    assert entities(sentence, [(1, 2, "GPE")], ("title",)) == [("Victoria", "GPE")]


def test_a_title_before_of_or_a_common_word_or_in_lower_case_names_no_one():
    assert entities("The/DT President/NNP of/IN Nauru/NNP spoke/VBD", rules=("title",)) == []
    assert entities("The/DT president/NN Okafor/NNP spoke/VBD", rules=("title",)) == []
    assert entities("The/DT Senator/NNP spoke/VBD ./.", rules=("title",)) == []


def test_a_title_before_more_titles_or_an_institution_names_no_one():
    assert entities("Thank/VB you/PRP ,/, Mr/NNP Vice/NNP President/NNP", rules=("title",)) == []
    sentence = "the/DT Earl/NNP Fenwick/NNP College/NNP"  # an organisation's head ends it
    assert entities(sentence, rules=("title",)) == []


def test_a_name_after_a_title_already_found_is_left_alone():
    sentence = "Senator/NNP Ann/NNP Okafor/NNP spoke/VBD"
    assert entities(sentence, [(1, 3, "PERSON")], ("title",)) == [("Ann Okafor", "PERSON")]


# --------------------------------------------------------------------------
# A name that opens with a given name is a person


def test_a_given_name_typed_a_place_is_a_person():
    sentence = "They/PRP sent/VBD Gloria/NNP home/RB ./."
    assert entities(sentence, [(2, 3, "LOC")], ("given_name",)) == [("Gloria", "PERSON")]
    sentence = "She/PRP met/VBD Ann/NNP Fenwick/NNP ./."
    assert entities(sentence, [(2, 4, "ORG")], ("given_name",)) == [("Ann Fenwick", "PERSON")]


def test_a_given_name_found_by_no_one_is_a_person():
    sentence = "I/PRP work/VBP with/IN Ann/NNP Fenwick/NNP now/RB ./."
    assert entities(sentence, rules=("given_name",)) == [("Ann Fenwick", "PERSON")]


def test_a_listed_place_a_month_a_title_a_demonym_and_of_are_no_given_names():
    rules = ("given_name",)
    assert entities("They/PRP flew/VBD to/IN Victoria/NNP", [(3, 4, "GPE")], rules) == [
        ("Victoria", "GPE")
    ]
    assert entities("We/PRP vote/VBP in/IN May/NNP ./.", rules=rules) == []
    assert entities("They/PRP met/VBD the/DT King/NNP ./.", rules=rules) == []
    assert entities("He/PRP speaks/VBZ Dutch/NNP ./.", rules=rules) == []
    assert entities("the/DT Earl/NNP of/IN Clare/NNP", [(3, 4, "LOC")], rules) == [("Clare", "LOC")]


def test_a_compass_point_or_a_colour_opens_no_persons_name():
    tables = replace(TABLES, given_names=TABLES.given_names | {"west", "green"})
    rules = ("given_name",)
    assert entities("in/IN the/DT West/NNP Tarrow/NNP ./.", rules=rules, tables=tables) == []
    sentence = "on/IN Green/NNP Tarrow/NNP ./."
    assert entities(sentence, [(1, 3, "LOC")], rules, tables) == [("Green Tarrow", "LOC")]


def test_a_given_name_first_in_the_sentence_is_not_added():
    assert entities("Gloria/NNP Street/NNP is/VBZ long/JJ", rules=("given_name",)) == []


# --------------------------------------------------------------------------
# Organisations and places by their head words


def test_a_name_ending_in_an_organisation_head_is_an_organisation():
    rules = ("org_head",)
    sentence = "She/PRP went/VBD to/IN Fenwick/NNP College/NNP ./."
    assert entities(sentence, rules=rules) == [("Fenwick College", "ORG")]
    assert entities(sentence, [(3, 5, "LOC")], rules) == [("Fenwick College", "ORG")]
    sentence = "members/NNS of/IN the/DT Green/NNP Party/NNP"
    assert entities(sentence, rules=rules) == [("Green Party", "ORG")]


def test_an_organisation_head_before_of_opens_an_organisation():
    sentence = "the/DT House/NNP of/IN Delegates/NNPS met/VBD"
    assert entities(sentence, rules=("org_head",)) == [("House of Delegates", "ORG")]
    sentence = "the/DT University/NNP of/IN Kraków/NNP"
    assert entities(sentence, [(3, 4, "GPE")], ("org_head",)) == [("University of Kraków", "ORG")]


def test_an_organisation_name_swallows_the_entity_inside_it():
    sentence = "the/DT World/NNP Health/NNP Organisation/NNP said/VBD"
    assert entities(sentence, [(1, 2, "LOC")], ("org_head",)) == [
        ("World Health Organisation", "ORG")
    ]


def test_no_organisation_from_a_head_alone_a_listed_polity_or_a_person():
    rules = ("org_head",)
    assert entities("The/DT College/NNP opened/VBD", rules=rules) == []
    assert entities("the/DT European/NNP Union/NNP", [(1, 3, "GPE")], ("org_head",)) == [
        ("European Union", "GPE")
    ]
    sentence = "Ann/NNP House/NNP spoke/VBD"
    assert entities(sentence, [(0, 2, "PERSON")], rules) == [("Ann House", "PERSON")]


def test_an_organisation_takes_its_adjectives_and_parts_joined_by_and():
    sentence = "with/IN the/DT Asian/JJ Tarrow/NNP College/NNP ./."
    assert entities(sentence, [(2, 3, "NORP")], ("org_head",)) == [("Asian Tarrow College", "ORG")]
    sentence = "of/IN the/DT Trade/NNP and/CC Technology/NNP Party/NNP"
    assert entities(sentence, rules=("org_head",)) == [("Trade and Technology Party", "ORG")]
    sentence = "Senator/NNP Baker/NNP and/CC Tarrow/NNP College/NNP"  # a person found first
    assert entities(sentence, rules=("title", "org_head")) == [
        ("Baker", "PERSON"),
        ("Tarrow College", "ORG"),
    ]


def test_a_hyphenated_name_is_one_run_and_its_tail_no_name():
    sentence = "President/NNP Al/NNP -/HYPH Tarrow/NNP spoke/VBD"
    assert entities(sentence, rules=("title",), glued=(1, 2)) == [("Al-Tarrow", "PERSON")]
    sentence = "with/IN Liz/NNP Sherwood/NNP -/HYPH Randall/NNP ./."
    ents = [(1, 3, "PERSON")]
    assert entities(sentence, ents, ("given_name",), glued=(2, 3)) == [("Liz Sherwood", "PERSON")]
    sentence = "with/IN Ann/NNP -/HYPH Randall/NNP ./."  # spaced: two words
    assert entities(sentence, rules=("given_name",)) == [("Ann", "PERSON")]


def test_a_name_ending_in_a_place_head_is_a_place():
    rules = ("loc_head",)
    sentence = "They/PRP sailed/VBD into/IN Fenwick/NNP Bay/NNP ./."
    assert entities(sentence, rules=rules) == [("Fenwick Bay", "LOC")]
    assert entities(sentence, [(3, 5, "PERSON")], rules) == [("Fenwick Bay", "LOC")]
    sentence = "We/PRP saw/VBD Mount/NNP Tarrow/NNP ./."
    assert entities(sentence, [(2, 4, "PERSON")], rules) == [("Mount Tarrow", "LOC")]


def test_a_place_head_alone_or_a_listed_place_changes_nothing():
    assert entities("The/DT Bay/NNP was/VBD calm/JJ", rules=("loc_head",)) == []
    sentence = "Ann/NNP Lake/NNP spoke/VBD"  # a surname: "Lake" ends the name, opens none
    assert entities(sentence, [(0, 2, "PERSON")], ("loc_head",)) == [("Ann Lake", "PERSON")]


# --------------------------------------------------------------------------
# What names nothing


def test_an_entity_of_plural_common_nouns_is_dropped():
    sentence = "Parents/NNS prosecuted/VBN after/IN death/NN"
    assert entities(sentence, [(0, 1, "PERSON")], ("no_proper",)) == []
    sentence = "Canada/RB and/CC Peru/NNP agreed/VBD"  # a tagger's slip, not a common noun
    assert entities(sentence, [(0, 1, "GPE")], ("no_proper",)) == [("Canada", "GPE")]
    sentence = "Ann/NNP spoke/VBD"
    assert entities(sentence, [(0, 1, "PERSON")], ("no_proper",)) == [("Ann", "PERSON")]
    sentence = "the/DT Kenyan/JJ team/NN"  # NORP comes from adjectives
    assert entities(sentence, [(1, 2, "NORP")], ("no_proper",)) == [("Kenyan", "NORP")]


def test_laws_and_events_are_none_of_the_types():
    rules = ("law_event",)
    assert entities("under/IN the/DT Constitution/NNP", [(2, 3, "PERSON")], rules) == []
    assert entities("Cyclone/NNP Tamsin/NNP hit/VBD", [(0, 2, "PERSON")], rules) == []
    assert entities("the/DT Summer/NNP Games/NNPS", [(1, 3, "LOC")], rules) == []
    assert entities("Ann/NNP Warburton/NNP spoke/VBD", [(0, 2, "PERSON")], rules) == [
        ("Ann Warburton", "PERSON")
    ]


def test_the_parts_of_speech_alone_are_enough():
    sentence = "They/PRP met/VBD Senator/NNP Okafor/NNP at/IN Fenwick/NNP College/NNP"
    assert entities(sentence, penn=False) == [("Okafor", "PERSON"), ("Fenwick College", "ORG")]


def test_a_doc_without_parts_of_speech_is_left_as_the_recognizer_made_it():
    doc = Doc(_VOCAB, words=["Parents", "prosecuted"])
    spans = [Span(doc, 0, 1, label="PERSON")]
    assert name_rules.apply(doc, spans, TABLES) == spans


def test_no_rule_no_change():
    sentence = "They/PRP met/VBD Senator/NNP Okafor/NNP at/IN Fenwick/NNP College/NNP"
    assert entities(sentence, rules=()) == []


# --------------------------------------------------------------------------
# The packaged model


@pytest.fixture(scope="module")
def tool():
    return load_tool("parser")


def test_packaged_name_tables_are_the_tools(tool):
    component = packaged.load().get_pipe(place_labels.NAME)
    names = component.names
    assert component.rules == frozenset(name_rules.RULES)
    assert names.titles == component.titles and names.places == component.gpe
    # the package's table less the names GUM's train split writes mostly as common words
    assert names.given_names <= tool._given_names() and len(names.given_names) > 2000
    assert names.org_heads == tool._ORG_HEADS
    assert names.loc_heads == tool._LOC_HEADS and names.loc_openers == tool._LOC_OPENERS
    assert names.demonyms == tool._demonyms()
    assert names.law_event_heads == tool._LAW_EVENT_HEADS
    assert names.law_event_openers == tool._LAW_EVENT_OPENERS
    assert {"gloria", "isabel", "william"} <= names.given_names
    assert not {"january", "constitution", "paris"} & names.given_names


def test_name_tables_round_trip(tmp_path):
    component = place_labels.PlaceLabels()
    component.set_tables({"kraków"}, set(), {"river"}, {"senator"})
    component.set_name_tables(given_names={"ann"}, org_heads={"college"})
    component.to_disk(tmp_path / "tables")
    again = place_labels.PlaceLabels().from_disk(tmp_path / "tables")
    assert again.names == component.names
    assert again.names.places == frozenset({"kraków"})
    assert again.names.titles == frozenset({"senator"})


def test_the_packaged_model_finds_a_person_after_a_title():
    doc = packaged.load()("The talks were led by Senator Tamsin Okafor of Ruritania.")
    assert ("Tamsin Okafor", "PERSON") in [(ent.text, ent.label_) for ent in doc.ents]
