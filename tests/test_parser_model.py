"""briefgen's own pipeline: the packaged model, and the treebank conversion that trains it.

The model tests use the model shipped in ``briefgen/data/parser`` (no
network, no treebank). The conversion tests feed ``tools/parser.py`` an
invented CoNLL-U snippet.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from briefgen.errors import BriefgenError
from briefgen.extract import parser as packaged
from briefgen.extract import place_labels

from .conftest import load_tool


@pytest.fixture(scope="module")
def tool():
    return load_tool("parser")


@pytest.fixture(scope="module")
def nlp():
    return packaged.load()


# --------------------------------------------------------------------------
# The packaged model


def test_model_is_package_data_and_small():
    files = [path for path in packaged.MODEL_DIR.rglob("*") if path.is_file()]
    assert (packaged.MODEL_DIR / "meta.json") in files
    assert sum(path.stat().st_size for path in files) <= 25 * 1024 * 1024


def test_load_is_cached_and_has_every_component(nlp):
    assert packaged.load() is nlp
    for name in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "NORP", "ORG", "GPE", "LOC"}
    assert nlp.pipe_names[-1] == place_labels.NAME


def test_packaged_place_tables_are_the_conversions(tool, nlp):
    component = nlp.get_pipe(place_labels.NAME)
    tool._load_gpe_names()
    assert component.gpe == tool._GPE_NAMES
    assert component.countries == tool._COUNTRY_NAMES
    assert component.loc_words == tool._LOC_WORDS
    assert component.titles == tool._TITLES | tool._HONORIFICS


# --------------------------------------------------------------------------
# The place-label component


@pytest.fixture
def places():
    component = place_labels.PlaceLabels()
    component.set_tables(
        {"kraków", "poland", "united states"},
        {"poland"},
        {"river", "park"},
        {"president", "mr."},
    )
    return component


def test_places_take_the_label_of_the_tables(places):
    assert places.label("Kraków", "LOC") == "GPE"
    assert places.label("the United States", "LOC") == "GPE"
    assert places.label("Vistula", "GPE") == "LOC"  # not a polity of the tables
    assert places.label("Kraków Park", "GPE") == "LOC"  # a park, whatever the city
    assert places.label("Poland", "ORG") == "GPE"  # a country's name, as the conversion has it
    assert places.label("Poland", "PERSON") == "GPE"
    assert places.label("Kraków", "PERSON") == "PERSON"  # only countries change type
    assert places.label("Polish", "NORP") == "NORP"


def test_the_component_relabels_places_and_leaves_titles_out(places):
    from spacy.tokens import Doc, Span

    words = [
        "President",
        "Ann",
        "Lee",
        "left",
        "Kraków",
        "for",
        "Vistula",
        ",",
        "Mr.",
        "Poland",
        "and",
        "the",
        "President",
    ]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [
        Span(doc, 0, 3, label="PERSON"),
        Span(doc, 4, 5, label="LOC"),
        Span(doc, 6, 7, label="GPE"),
        Span(doc, 8, 10, label="PERSON"),
        Span(doc, 12, 13, label="PERSON"),
    ]
    places(doc)
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("Ann Lee", "PERSON"),  # the title is not part of the name
        ("Kraków", "GPE"),
        ("Vistula", "LOC"),
        ("Poland", "GPE"),  # what is left is a country's name
    ]  # "President" alone names no one


def test_place_tables_round_trip_and_a_broken_file_is_named(places, tmp_path):
    places.to_disk(tmp_path / "tables")
    again = place_labels.PlaceLabels().from_disk(tmp_path / "tables")
    assert (again.gpe, again.countries, again.loc_words) == (
        places.gpe,
        places.countries,
        places.loc_words,
    )
    (tmp_path / "tables" / "tables.json").write_text("{}", encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"tables\.json: cannot read the place tables"):
        place_labels.PlaceLabels().from_disk(tmp_path / "tables")


def test_model_version_is_a_stable_hash_of_meta():
    version = packaged.model_version()
    assert len(version) == 16
    assert int(version, 16) >= 0
    assert version == packaged.model_version()


def test_load_works_without_network(monkeypatch, nlp):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the parser model must not touch the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = spacy.load(packaged.MODEL_DIR)
    assert fresh("The talks ended.")[0].text == "The"


def test_subject_and_object(nlp):
    doc = nlp("The minister signed the agreement on Tuesday.")
    signed = next(token for token in doc if token.text == "signed")
    assert signed.dep_ == "ROOT"
    assert signed.lemma_ == "sign"
    assert signed.tag_ == "VBD" and signed.pos_ == "VERB"
    deps = {child.dep_: child.text for child in signed.children}
    assert deps.get("nsubj") == "minister"
    assert deps.get("obj") == "agreement"


def test_passive_subject(nlp):
    doc = nlp("The bill was rejected by the committee.")
    subject = next(token for token in doc if token.text == "bill")
    assert subject.dep_ == "nsubj:pass"
    assert subject.head.text == "rejected"


def test_finds_a_person_and_a_place(nlp):
    doc = nlp("President Joe Biden spoke with Prime Minister Boris Johnson in London on Monday.")
    people = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    places = {ent.text for ent in doc.ents if ent.label_ in ("GPE", "LOC")}
    assert "Joe Biden" in people or "Biden" in people
    assert "London" in places


def test_meta_credits_gum():
    meta = json.loads((packaged.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    source = meta["sources"][0]
    assert "GUM" in source["name"]
    assert "CC BY 4.0" in source["license"]
    assert "https://gucorpling.org/gum/" in source["credit"]
    assert source["citation"].startswith("Amir Zeldes (2017). The GUM Corpus")
    assert "Language Resources and Evaluation 51(3)" in source["citation"]
    figures = meta["performance_gum_test"]
    for key in ("uas", "las", "pos", "ents_p", "ents_r", "ents_f", "words_per_second"):
        assert isinstance(figures[key], (int, float))


# --------------------------------------------------------------------------
# The conversion of CoNLL-U

SNIPPET = """\
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# newdoc id = invented
# newpar
# sent_id = invented-1
# text = Mayor Ann Lee didn't visit the Polish town of Kraków.
1\tMayor\tmayor\tNOUN\tNN\tNumber=Sing\t3\tnmod:desc\t3:nmod:desc\tEntity=(1-person-new-sssss-cf1-1,2,3-coref-Ann_Lee
2\tAnn\tAnn\tPROPN\tNNP\tNumber=Sing\t3\tcompound\t3:compound\t_
3\tLee\tLee\tPROPN\tNNP\tNumber=Sing\t6\tnsubj\t6:nsubj\tEntity=1)
4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
4\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t6\taux\t6:aux\t_
5\tn't\tnot\tPART\tRB\tPolarity=Neg\t6\tadvmod\t6:advmod\t_
6\tvisit\tvisit\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\t_
7\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t9\tdet\t9:det\tEntity=(2-place-new-sssss-cf2-3-coref
8\tPolish\tPolish\tADJ\tJJ\tDegree=Pos\t9\tamod\t9:amod\t_
9\ttown\ttown\tNOUN\tNN\tNumber=Sing\t6\tobj\t6:obj\t_
10\tof\tof\tADP\tIN\t_\t11\tcase\t11:case\t_
11\tKraków\tKraków\tPROPN\tNNP\tNumber=Sing\t9\tnmod\t9:nmod:of\tEntity=(3-place-new-sssss-cf3-1-sgl-Kraków)2)|SpaceAfter=No
12\t.\t.\tPUNCT\t.\t_\t6\tpunct\t6:punct\t_

# sent_id = invented-2
# text = He said: "I'm sorry."
1\tHe\the\tPRON\tPRP\tCase=Nom\t2\tnsubj\t2:nsubj\tEntity=(1-person-giv:act-sssss-cf1-1-coref-Ann_Lee)
2\tsaid\tsay\tVERB\tVBD\tTense=Past\t0\troot\t0:root\tSpaceAfter=No
3\t:\t:\tPUNCT\t:\t_\t2\tpunct\t2:punct\t_
4\t"\t"\tPUNCT\t``\t_\t7\tpunct\t7:punct\tSpaceAfter=No
5-6\tI'm\t_\t_\t_\t_\t_\t_\t_\t_
5\tI\tI\tPRON\tPRP\tCase=Nom\t7\tnsubj\t7:nsubj\tEntity=(1-person-giv:act-sssss-cf1-1-coref-Ann_Lee)
6\t'm\tbe\tAUX\tVBP\tMood=Ind\t7\tcop\t7:cop\t_
7\tsorry\tsorry\tADJ\tJJ\tDegree=Pos\t2\tccomp\t2:ccomp\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t7:punct\tSpaceAfter=No
9\t"\t"\tPUNCT\t''\t_\t7\tpunct\t7:punct\t_
"""


@pytest.fixture(scope="module")
def doc(tool):
    sentences = tool.read_conllu(Path("invented.conllu"), SNIPPET)
    (group,) = list(tool.paragraphs(sentences))
    return tool.to_doc(spacy.blank("en").vocab, group)


def test_multi_word_tokens_keep_the_text(doc):
    text = "Mayor Ann Lee didn't visit the Polish town of Kraków. He said: \"I'm sorry.\""
    assert doc.text == text
    assert [t.text for t in doc[:7]] == ["Mayor", "Ann", "Lee", "did", "n't", "visit", "the"]
    assert [t.text for t in doc][-6:] == ['"', "I", "'m", "sorry", ".", '"']
    assert [t.whitespace_ for t in doc][-6:] == ["", "", " ", "", "", ""]


def test_tags_lemmas_morphs_and_sentences(doc):
    did = doc[3]
    assert (did.tag_, did.pos_, did.lemma_) == ("VBD", "AUX", "do")
    assert did.morph.get("Tense") == ["Past"]
    assert doc[4].lemma_ == "not"
    assert [sent.text for sent in doc.sents] == [
        "Mayor Ann Lee didn't visit the Polish town of Kraków.",
        'He said: "I\'m sorry."',
    ]


def test_dependencies(doc):
    visit = doc[5]
    assert visit.dep_ == "ROOT" and visit.head.i == visit.i
    assert doc[2].dep_ == "nsubj" and doc[2].head.i == visit.i
    assert doc[0].dep_ == "nmod:desc" and doc[0].head.i == 2
    assert doc[8].dep_ == "obj"
    said = next(token for token in doc if token.text == "said")
    assert said.dep_ == "ROOT"
    sorry = next(token for token in doc if token.text == "sorry")
    assert sorry.dep_ == "ccomp" and sorry.head.i == said.i


def test_named_mentions_become_entities(doc):
    # "Mayor" is a title outside the name; pronouns of the same person are not
    # names; the common-noun place mention is not a name but "Kraków" inside it
    # is; a capitalised adjective of nationality is NORP.
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("Ann Lee", "PERSON"),
        ("Polish", "NORP"),
        ("Kraków", "GPE"),
    ]


def test_bad_conllu_names_the_file_and_line(tool):
    with pytest.raises(tool.TreebankError, match=r"broken\.conllu:2"):
        tool.read_conllu(Path("broken.conllu"), "# text = x\n1\tx\tx\n")


# --------------------------------------------------------------------------
# Entity mapping: coordinated names, "of" phrases, titles, possessives

_UPOS = {"NNP": "PROPN", "NN": "NOUN", "IN": "ADP", "CC": "CCONJ", "DT": "DET", "POS": "PART"}


def _sentence(tool, rows):
    """One invented CoNLL-U sentence: rows of (form, xpos, head, deprel, entity) and a verb."""
    lines = ["# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity"]
    lines.append("# text = " + " ".join(row[0] for row in rows) + " spoke")
    verb = len(rows) + 1
    for number, (form, xpos, head, deprel, entity) in enumerate(rows, start=1):
        upos = _UPOS.get(xpos, "X")
        misc = f"Entity={entity}" if entity else "_"
        head = head or verb
        lines.append(f"{number}\t{form}\t{form}\t{upos}\t{xpos}\t_\t{head}\t{deprel}\t_\t{misc}")
    lines.append(f"{verb}\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_")
    (sentence,) = tool.read_conllu(Path("invented.conllu"), "\n".join(lines) + "\n")
    return [
        (" ".join(w.form for w in sentence.words[start:end]), label)
        for start, end, label in tool.named_entities(sentence)
    ]


def test_coordinated_people_and_their_organisation_are_three_entities(tool):
    # "Ann Lee and Bo Chen of Acme Games": one GUM mention of two people with
    # their organisation; OntoNotes has two PERSON and one ORG.
    rows = [
        ("Ann", "NNP", 2, "compound", "(1-person-new-s-c-1,2-sgl(2-person-new-s-c-1,2-sgl"),
        ("Lee", "NNP", 0, "nsubj", "2)"),
        ("and", "CC", 5, "cc", ""),
        ("Bo", "NNP", 5, "compound", "(3-person-new-s-c-1,2-sgl"),
        ("Chen", "NNP", 2, "conj", "3)"),
        ("of", "IN", 8, "case", ""),
        ("Acme", "NNP", 8, "compound", "(4-organization-new-s-c-1,2-sgl"),
        ("Games", "NNP", 5, "nmod", "4)1)"),
    ]
    assert _sentence(tool, rows) == [
        ("Ann Lee", "PERSON"),
        ("Bo Chen", "PERSON"),
        ("Acme Games", "ORG"),
    ]


def test_a_person_of_an_organisation_stops_before_of(tool):
    rows = [
        ("Bo", "NNP", 2, "compound", "(1-person-new-s-c-1,2-sgl"),
        ("Chen", "NNP", 0, "nsubj", ""),
        ("of", "IN", 5, "case", ""),
        ("the", "DT", 5, "det", "(2-organization-new-s-c-1,2-sgl"),
        ("Farmers", "NNP", 2, "nmod", "2)1)"),
    ]
    assert _sentence(tool, rows) == [("Bo Chen", "PERSON"), ("Farmers", "ORG")]


def test_a_title_of_a_place_is_not_a_person(tool):
    # "the Emperor of Mexico" names a role: no PERSON, the place keeps its name.
    rows = [
        ("the", "DT", 2, "det", "(1-person-new-s-c-1,2-sgl"),
        ("Emperor", "NNP", 0, "nsubj", ""),
        ("of", "IN", 4, "case", ""),
        ("Mexico", "NNP", 2, "nmod", "(2-place-new-s-c-1-sgl)1)"),
    ]
    assert _sentence(tool, rows) == [("Mexico", "GPE")]


def test_a_title_alone_is_not_a_person(tool):
    # "Madam Speaker" addresses a person by her office: no name to keep.
    rows = [
        ("Madam", "NNP", 2, "compound", "(1-person-new-s-c-1,2-sgl"),
        ("Speaker", "NNP", 0, "vocative", "1)"),
        ("Ann", "NNP", 4, "compound", "(2-person-new-s-c-1,2-sgl"),
        ("Lee", "NNP", 0, "nsubj", "2)"),
    ]
    assert _sentence(tool, rows) == [("Ann Lee", "PERSON")]


def test_a_name_with_of_inside_an_organisation_stays_whole(tool):
    rows = [
        ("the", "DT", 2, "det", "(1-organization-new-s-c-1,2-sgl"),
        ("University", "NNP", 0, "nsubj", ""),
        ("of", "IN", 4, "case", ""),
        ("Leeds", "NNP", 2, "nmod", "(2-place-new-s-c-1-sgl)1)"),
    ]
    assert _sentence(tool, rows) == [("University of Leeds", "ORG")]


def test_coordinated_places_are_two_entities_but_one_name_with_and_is_one(tool):
    two = [
        ("Poland", "NNP", 0, "nsubj", "(1-place-new-s-c-1,3-sgl(2-place-new-s-c-1-sgl)"),
        ("and", "CC", 3, "cc", ""),
        ("Norway", "NNP", 1, "conj", "(3-place-new-s-c-1-sgl)1)"),
    ]
    assert _sentence(tool, two) == [("Poland", "GPE"), ("Norway", "GPE")]
    one = [
        ("Bosnia", "NNP", 0, "nsubj", "(1-place-new-s-c-1,3-sgl"),
        ("and", "CC", 3, "cc", ""),
        ("Herzegovina", "NNP", 1, "conj", "1)"),
    ]
    assert _sentence(tool, one) == [("Bosnia and Herzegovina", "GPE")]


def test_a_possessive_organisation_is_not_part_of_the_name(tool):
    # "Acme 's Bo Chen": the organisation and the person, not one span.
    rows = [
        ("Acme", "NNP", 4, "nmod:poss", "(1-person-new-s-c-1,2-sgl(2-organization-new-s-c-1-sgl)"),
        ("'s", "POS", 1, "case", ""),
        ("Bo", "NNP", 4, "compound", ""),
        ("Chen", "NNP", 0, "nsubj", "1)"),
    ]
    assert _sentence(tool, rows) == [("Acme", "ORG"), ("Bo Chen", "PERSON")]


def test_a_name_hung_on_the_title_before_it_is_a_person(tool):
    # GUM heads "nominee Ann Lee" by the title, the name its flat dependents.
    rows = [
        ("nominee", "NN", 0, "nsubj", "(1-person-new-s-c-1,2-sgl-Ann_Lee"),
        ("Ann", "NNP", 1, "flat", ""),
        ("Lee", "NNP", 1, "flat", "1)"),
    ]
    assert _sentence(tool, rows) == [("Ann Lee", "PERSON")]


def test_a_place_named_otherwise_than_its_identity_is_still_named(tool):
    rows = [("America", "NNP", 0, "nsubj", "(1-place-new-s-c-1-sgl-United_States)")]
    assert _sentence(tool, rows) == [("America", "GPE")]
    # but a head word standing for the name ("the Group" of an archipelago) is none
    rows = [
        ("the", "DT", 2, "det", "(1-place-new-s-c-1,2-sgl-Tonga_Islands"),
        ("Group", "NNP", 0, "nsubj", "1)"),
    ]
    assert _sentence(tool, rows) == []


# --------------------------------------------------------------------------
# Raw text for pretraining the tok2vec

_ONE_WORD = (
    "1\t{word}\t{word}\tPROPN\tNNP\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
)


def _treebank(root: Path) -> Path:
    """An invented treebank whose three splits each hold one sentence of one word."""
    for split, word in (("train", "Trainword"), ("dev", "Devword"), ("test", "Testword")):
        (root / split).mkdir(parents=True)
        conllu = "# newpar\n# text = " + word + ".\n" + _ONE_WORD.format(word=word)
        (root / split / f"invented_{split}.conllu").write_text(conllu, encoding="utf-8")
    return root


READOUT = """\
---
title: "Readout of an invented call"
source_url: https://example.org/frontmatterword
---

## Heading **words**

The President spoke with *Prime Minister* Ann Lee of
[Examplestan](https://example.org/linkword) today.
<img src="imageword.png" />

-   Secretary of Examples Bo Chen

*\\###*
"""


def test_pretraining_text_is_train_split_and_plain_markdown(tool, tmp_path):
    treebank = _treebank(tmp_path / "gum")
    (tmp_path / "readouts").mkdir()
    (tmp_path / "readouts" / "invented.md").write_text(READOUT, encoding="utf-8")
    (tmp_path / "readouts" / "ignored.txt").write_text("Txtword only.", encoding="utf-8")
    out = tmp_path / "pretrain" / "raw_text.jsonl"
    counts = tool.write_raw_text(treebank, tmp_path / "readouts", out)
    lines = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        "Trainword.",
        "Heading words",
        "The President spoke with Prime Minister Ann Lee of Examplestan today.",
        "Secretary of Examples Bo Chen",
    ]
    assert counts == {"paragraphs": 4, "words": sum(len(line.split()) for line in lines)}
    text = out.read_text(encoding="utf-8")
    for unwanted in ("Devword", "Testword", "Txtword", "title", "frontmatterword", "linkword"):
        assert unwanted not in text


def test_pretraining_text_needs_markdown_files(tool, tmp_path):
    treebank = _treebank(tmp_path / "gum")
    (tmp_path / "empty").mkdir()
    with pytest.raises(tool.TreebankError, match=r"empty: no \.md files"):
        tool.write_raw_text(treebank, tmp_path / "empty", tmp_path / "raw_text.jsonl")


def test_ner_only_training_freezes_every_other_component(tool, tmp_path):
    from spacy.util import load_config

    model = tmp_path / "model"
    config = load_config(tool.ner_only_config(model, tmp_path / "run"))
    frozen = ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser")
    for name in frozen:
        assert config["components"][name] == {"source": str(model.resolve())}
    assert "source" not in config["components"]["ner"]  # a new recognizer
    assert config["training"]["frozen_components"] == list(frozen)
    assert config["training"]["annotating_components"] == ["tok2vec"]
    weights = config["training"]["score_weights"]
    assert weights["ents_f"] == 1.0
    assert all(not value for key, value in weights.items() if key != "ents_f")
    kept = load_config(tool.ner_only_config(model, tmp_path / "run", keep_ner=True))
    assert kept["components"]["ner"] == {"source": str(model.resolve())}


def test_ner_only_training_needs_a_model_and_no_other_start(tool, tmp_path):
    treebank = _treebank(tmp_path / "gum")
    with pytest.raises(tool.TreebankError, match=r"nomodel: not a trained model folder"):
        tool.train(treebank, tmp_path / "run", {}, ner_only=tmp_path / "nomodel")
    with pytest.raises(tool.TreebankError, match=r"neither --resume nor --init-tok2vec"):
        tool.train(treebank, tmp_path / "run", {}, resume=tmp_path, ner_only=tmp_path)
    with pytest.raises(tool.TreebankError, match=r"--keep-ner goes with --ner-only"):
        tool.train(treebank, tmp_path / "run", {}, keep_ner=True)


def test_train_rejects_missing_pretrained_weights(tool, tmp_path):
    with pytest.raises(tool.TreebankError, match=r"missing\.bin: no such pretrained weights"):
        tool.train(
            _treebank(tmp_path / "gum"), tmp_path / "run", {}, None, tmp_path / "missing.bin"
        )
