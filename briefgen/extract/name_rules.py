"""Rules of English names that the place-label component applies after the recognizer.

The entity recognizer is trained on about 4,000 named mentions, and a name
it has never seen it types by its spelling: an unknown town becomes a
person, a woman's first name a place, a college a place, and a person
after "Senator" nothing at all. Each rule here is a fact of English
names, not of any text, read from closed tables that the packaging tool
freezes into the model's folder (``tools/parser.py``):

* **A proper noun after a title is a person** ("Senator Baker", "Dr.
  Okafor"): the run of proper nouns right after a capitalised title or
  honorific, when the recognizer found nothing there or typed it a place
  no table lists. The title stays outside the name, as in the training
  data.
* **A name that opens with a given name is a person** ("Gloria Ruiz"),
  when the recognizer typed it GPE, LOC or ORG and the place tables do
  not list it ("Victoria", "Georgia" and "Austin" stay places), or found
  nothing there and it is not first in its sentence.
* **A name that ends in an organisation's head word is an organisation**
  ("Trinity College", "Labour Party"), with the capitalised adjectives and
  the parts joined by "and" before it ("Asian American Foundation", "Trade
  and Technology Council"), and so is one that opens with the head word
  before "of" ("University of Chicago", "House of Representatives").
* **A name that ends in a place's head word is a place** ("Mount" opens
  one): LOC for what the recognizer typed PERSON or ORG ("Algoa Bay").
* **An entity of plural common nouns names nothing** (the training data
  keeps only mentions headed by a proper noun): "Parents" or
  "Participants", first in a sentence and tagged a plural common noun.
  (Not every entity without a proper noun: the tagger also misreads a
  name first in a sentence, "Canada" as an adverb.)
* **A law or an event is none of the five types** ("the Constitution",
  "Cyclone Phailin", "the Olympic Games"): such an entity is dropped.

A run of proper nouns takes a hyphen written between two of them
("Sherwood-Randall": spaCy's tokenizer splits it), and no run starts
right after one. Which rules run is a set of names, so each can be
measured alone (``RULES`` lists them all).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# The tables saved in the model's folder (titles and places are the component's own).
SAVED = (
    "given_names",
    "org_heads",
    "loc_heads",
    "loc_openers",
    "demonyms",
    "law_event_heads",
    "law_event_openers",
)
# Words that join two parts of one organisation's name ("Trade and Technology Council").
_ORG_LINKS = frozenset({"and", "&", "for"})
RULES = ("title", "given_name", "org_head", "loc_head", "no_proper", "law_event")

# Words that open many names that are not people's ("May 4", "West Bank", "Green Party",
# "White House"), whatever a list of given names says.
_NOT_GIVEN_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    north south east west northern southern eastern western central
    white black red green blue brown gray grey golden""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class NameTables:
    """Lower-cased words of the rules' closed classes."""

    titles: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    loc_heads: frozenset[str] = frozenset()
    loc_openers: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    law_event_heads: frozenset[str] = frozenset()
    law_event_openers: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


class _Words:
    """What the rules read of each token, read once per ``Doc``."""

    def __init__(self, doc: Doc, tables: NameTables) -> None:
        self.doc = doc
        self.tables = tables
        self.lower: list[str] = []
        self.proper: list[bool] = []
        self.plural_noun: list[bool] = []
        self.title: list[bool] = []
        self.adjective: list[bool] = []
        self.hyphen: list[bool] = []
        # One pass: spaCy makes a new ``Token`` each time one is looked at.
        space_before = True
        for token in doc:
            text, lower, pos, space = token.text, token.lower_, token.pos_, token.whitespace_
            capital = text[:1].isupper()
            self.lower.append(lower)
            # a proper noun by the morphologizer or, when it ran, the tagger ("United" of
            # "United States" is VERB and NNP in the training data)
            self.proper.append(capital and (pos == "PROPN" or token.tag_ in ("NNP", "NNPS")))
            self.plural_noun.append(pos == "NOUN" and token.morph.get("Number", []) == ["Plur"])
            self.title.append(capital and lower in tables.titles)
            # capitalised adjectives ("Asian" of "Asian American Foundation")
            self.adjective.append(pos == "ADJ" and capital)
            # a hyphen written between two words ("Sherwood-Randall", "Al-Sisi")
            self.hyphen.append(text == "-" and not space and not space_before)
            space_before = bool(space)
        self.taken = [False] * len(doc)

    def run_end(self, start: int) -> int:
        """One past the last capitalised proper noun of the run that starts at ``start``
        (a hyphenated name is one run: "Liz Sherwood-Randall")."""
        end = start
        size = len(self.proper)
        while end < size and (
            self.proper[end]
            or (end > start and self.hyphen[end] and end + 1 < size and self.proper[end + 1])
        ):
            end += 1
        return end

    def run_start(self, index: int) -> bool:
        """Whether a run may start at ``index``: a proper noun not glued to a hyphen before it
        ("Randall" of "Sherwood-Randall" is no name of its own)."""
        return self.proper[index] and not (index > 0 and self.hyphen[index - 1])

    def org_start(self, start: int) -> int:
        """Where an organisation's name that ends in a run starting at ``start`` begins: back
        over capitalised adjectives ("Asian American Foundation") and over proper nouns
        joined by "and", "&" or "for" ("Legal Defense and Education Fund")."""
        while True:
            if start > 0 and self.adjective[start - 1]:
                start -= 1
            elif start > 1 and self.lower[start - 1] in _ORG_LINKS and self.proper[start - 2]:
                start -= 2
                while start > 0 and (self.proper[start - 1] or self.adjective[start - 1]):
                    start -= 1
            else:
                return start

    def key(self, start: int, end: int) -> str:
        return " ".join(self.lower[start:end]).removeprefix("the ")

    def given_name(self, index: int) -> bool:
        """A given name, not a month, a compass point, a colour, a title ("King") or a demonym
        ("Dutch"), nor the place of "of" ("the Earl of Clare")."""
        word = self.lower[index]
        return (
            self.proper[index]
            and word in self.tables.given_names
            and word not in _NOT_GIVEN_NAMES
            and word not in self.tables.titles
            and word not in self.tables.demonyms
            and not (index > 0 and self.lower[index - 1] == "of")
        )

    def org_name(self, start: int, end: int) -> bool:
        """Ends in an organisation's head word, or opens with one before "of"."""
        heads = self.tables.org_heads
        return end - start > 1 and (
            self.lower[end - 1] in heads
            or (self.lower[start] in heads and self.lower[start + 1] == "of")
        )

    def place_name(self, start: int, end: int) -> bool:
        """Ends in a place's head word ("Algoa Bay"), or opens with one ("Mount Hood")."""
        return end - start > 1 and (
            self.lower[end - 1] in self.tables.loc_heads
            or self.lower[start] in self.tables.loc_openers
        )

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = [True] * (end - start)


def apply(
    doc: Doc, ents: list[Span], tables: NameTables, rules: Collection[str] = RULES
) -> list[Span]:
    """``ents`` (the recognizer's, relabelled) after the rules: new spans, new labels, fewer."""
    from spacy.tokens import Span

    if not doc.has_annotation("POS"):  # every rule reads the parts of speech
        return ents
    words = _Words(doc, tables)
    kept: list[Span] = []
    for ent in ents:
        if (
            "no_proper" in rules
            and ent.label_ != "NORP"
            and all(words.plural_noun[ent.start : ent.end])
        ):
            continue
        if "law_event" in rules and _law_or_event(words, ent.start, ent.end):
            continue
        label = _relabel(words, ent, rules)
        kept.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
        words.take(ent.start, ent.end)
    added: list[Span] = []
    if "title" in rules:
        added += _after_titles(words)
    if "org_head" in rules:
        added += _organisations(words, kept)
    if "loc_head" in rules:
        added += _new_runs(words, "LOC", words.place_name)
    if "given_name" in rules:
        added += _new_runs(words, "PERSON", lambda start, end: _new_person(words, start, end))
    if not added:
        return kept
    new = [(span.start, span.end) for span in added]
    kept = [ent for ent in kept if not _inside(ent, new)]  # "World" of "World Health ..."
    return sorted(kept + added, key=lambda span: span.start)


def _inside(ent: Span, spans: list[tuple[int, int]]) -> bool:
    return any(start <= ent.start and ent.end <= end for start, end in spans)


def _law_or_event(words: _Words, start: int, end: int) -> bool:
    if words.lower[start] == "the":
        start += 1
    return start < end and (
        words.lower[end - 1] in words.tables.law_event_heads
        or words.lower[start] in words.tables.law_event_openers
    )


def _relabel(words: _Words, ent: Span, rules: Collection[str]) -> str:
    label = ent.label_
    start, end = ent.start, ent.end
    if label == "NORP" or words.key(start, end) in words.tables.places:
        return label
    if (
        "org_head" in rules
        and label != "ORG"
        and words.org_name(start, end)
        and not (label == "PERSON" and words.given_name(start))  # "Jane House"
    ):
        return "ORG"
    if "loc_head" in rules and label in ("PERSON", "ORG") and words.place_name(start, end):
        return "LOC"
    if "given_name" in rules and label != "PERSON" and words.given_name(start):
        return "PERSON"
    if "title" in rules and label in ("GPE", "LOC") and start > 0 and words.title[start - 1]:
        return "PERSON"
    return label


def _new_person(words: _Words, start: int, end: int) -> bool:
    """A run of proper nouns that opens with a given name, not first in its sentence."""
    return (
        words.given_name(start)
        and not words.doc[start].is_sent_start
        and words.key(start, end) not in words.tables.places
    )


def _after_titles(words: _Words) -> list[Span]:
    """The run of proper nouns right after a title ("Vice President Mondale"), not before "of"
    ("President of ...": a role), when nothing was found there."""
    from spacy.tokens import Span

    found = []
    size = len(words.lower)
    index = 0
    while index < size - 1:
        if not words.title[index]:
            index += 1
            continue
        start = index + 1
        while start < size and words.title[start]:
            start += 1
        end = words.run_end(start)
        index = max(end, index + 1)
        if end == start or any(words.taken[start:end]) or any(words.title[start:end]):
            continue  # "Mr. Prime Minister": a title, no name
        if end < size and words.lower[end] == "of":
            continue
        if words.lower[end - 1] in words.tables.org_heads | words.tables.loc_heads:
            continue  # "the General Assembly", "Prince Edward Island"
        found.append(Span(words.doc, start, end, label="PERSON"))
        words.take(start, end)
    return found


def _organisations(words: _Words, ents: list[Span]) -> list[Span]:
    """Runs of proper nouns that name an organisation by its head word; entities inside such
    a run give way to it ("World" of "World Health Organization")."""
    from spacy.tokens import Span

    found: list[Span] = []
    size = len(words.lower)
    index = 0
    kept = [False] * size
    for ent in ents:
        kept[ent.start : ent.end] = [True] * (ent.end - ent.start)
    while index < size:
        if not words.run_start(index):
            index += 1
            continue
        start, end = index, words.run_end(index)
        if (
            words.lower[start] in words.tables.org_heads
            and end + 1 < size
            and words.lower[end] == "of"
            and words.proper[end + 1]
        ):
            end = words.run_end(end + 1)  # "University of Chicago"
        index = end
        if not words.org_name(start, end):
            continue
        wider = words.org_start(start)
        if not any(words.taken[i] and not kept[i] for i in range(wider, start)):
            start = wider  # not over a name another rule found
        if any(words.taken[i] and not kept[i] for i in range(start, end)):
            continue
        if any(
            ent.start < end
            and start < ent.end
            and (
                ent.label_ == "ORG"  # an organisation already
                or (ent.start, ent.end) == (start, end)  # judged by relabelling
                or not (start <= ent.start and ent.end <= end)  # crossing the run's edge
            )
            for ent in ents
        ):
            continue
        found.append(Span(words.doc, start, end, label="ORG"))
        words.take(start, end)
    return found


def _new_runs(words: _Words, label: str, accept: Callable[[int, int], bool]) -> list[Span]:
    """Runs of proper nouns that no entity touches and ``accept`` takes, as ``label``."""
    from spacy.tokens import Span

    found = []
    size = len(words.lower)
    index = 0
    while index < size:
        if words.taken[index] or not words.run_start(index):
            index += 1
            continue
        end = words.run_end(index)
        if not any(words.taken[index:end]) and accept(index, end):
            found.append(Span(words.doc, index, end, label=label))
            words.take(index, end)
        index = end
    return found
