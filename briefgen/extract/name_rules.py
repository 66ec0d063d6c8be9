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
  not list it ("Victoria", "Georgia" and "Austin" stay places).
* **A name that ends in an organisation's head word is an organisation**
  ("Trinity College", "Labour Party"), and so is one that opens with it
  before "of" ("University of Chicago", "House of Representatives").
* **A name that ends in a place's head word is a place** ("Mount" opens
  one): LOC for what the recognizer typed PERSON or ORG ("Algoa Bay").
* **An entity without a proper noun names nothing** (the training data
  keeps only mentions headed by a proper noun): "Parents", sentence-first,
  tagged a common noun.
* **A law or an event is none of the five types** ("the Constitution",
  "Cyclone Phailin", "the Olympic Games"): such an entity is dropped.

Which rules run is a set of names, so each can be measured alone
(``RULES`` lists them all).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
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
RULES = ("title", "given_name", "org_head", "loc_head", "no_proper", "law_event")

_PROPER = ("NNP", "NNPS")
_MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
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
    places: frozenset[str] = field(default=frozenset())


def apply(
    doc: Doc, ents: list[Span], tables: NameTables, rules: Collection[str] = RULES
) -> list[Span]:
    """``ents`` (the recognizer's, relabelled) after the rules: new spans, new labels, fewer."""
    from spacy.tokens import Span

    if not doc.has_annotation("TAG"):  # every rule reads the Penn tags
        return ents
    kept: list[Span] = []
    for ent in ents:
        if "no_proper" in rules and ent.label_ != "NORP" and not _has_proper(ent):
            continue
        if "law_event" in rules and _is_law_or_event(ent, tables):
            continue
        label = _relabel(ent, tables, rules)
        kept.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
    taken = [False] * len(doc)
    for ent in kept:
        taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
    added: list[Span] = []
    if "title" in rules:
        added += _after_titles(doc, taken, tables)
    if "org_head" in rules:
        added += _organisations(doc, kept, taken, tables)
    if "loc_head" in rules:
        added += _new_runs(doc, taken, "LOC", lambda run: _place_head(run, tables))
    if "given_name" in rules:
        added += _new_runs(doc, taken, "PERSON", lambda run: _opens_with_given_name(run, tables))
    if not added:
        return kept
    new = {(span.start, span.end) for span in added}
    kept = [ent for ent in kept if not _covered(ent, new)]  # "World" of "World Health ..."
    return sorted(kept + added, key=lambda span: span.start)


def _covered(ent: Span, spans: set[tuple[int, int]]) -> bool:
    return any(start <= ent.start and ent.end <= end for start, end in spans)


def _has_proper(ent: Span) -> bool:
    return any(token.tag_ in _PROPER for token in ent)


def _is_law_or_event(ent: Span, tables: NameTables) -> bool:
    words = [token.lower_ for token in ent if token.lower_ != "the"]
    return bool(words) and (
        words[-1] in tables.law_event_heads or words[0] in tables.law_event_openers
    )


def _relabel(ent: Span, tables: NameTables, rules: Collection[str]) -> str:
    label = ent.label_
    words = [token.lower_ for token in ent]
    listed = " ".join(words).removeprefix("the ") in tables.places
    if (
        "org_head" in rules
        and label in ("PERSON", "GPE", "LOC")
        and not listed
        and _org_head(words, tables)
        and not (label == "PERSON" and _is_given_name(ent[0], tables))  # "Jane House"
    ):
        return "ORG"
    if "loc_head" in rules and label in ("PERSON", "ORG") and not listed:
        if _place_head(list(ent), tables):
            return "LOC"
    if "given_name" in rules and label in ("GPE", "LOC", "ORG") and not listed:
        if _is_given_name(ent[0], tables):
            return "PERSON"
    if "title" in rules and label in ("GPE", "LOC") and not listed and ent.start > 0:
        if _is_title(ent.doc[ent.start - 1], tables):
            return "PERSON"
    return label


def _org_head(words: list[str], tables: NameTables) -> bool:
    if len(words) < 2:
        return False
    if words[-1] in tables.org_heads:
        return True
    return words[0] in tables.org_heads and words[1] == "of"


def _place_head(run: list, tables: NameTables) -> bool:  # type: ignore[type-arg]
    if len(run) < 2:
        return False
    return run[-1].lower_ in tables.loc_heads or run[0].lower_ in tables.loc_openers


def _opens_with_given_name(run: list, tables: NameTables) -> bool:  # type: ignore[type-arg]
    key = " ".join(token.lower_ for token in run)
    return not run[0].is_sent_start and key not in tables.places and _is_given_name(run[0], tables)


def _is_given_name(token, tables: NameTables) -> bool:  # type: ignore[no-untyped-def]
    """A given name, not a month, a title ("King") or a demonym ("Dutch"), nor the place
    of "of" ("the Earl of Clare")."""
    word = token.lower_
    return (
        token.tag_ in _PROPER
        and word in tables.given_names
        and word not in _MONTHS_AND_DAYS
        and word not in tables.titles
        and word not in tables.demonyms
        and not (token.i > 0 and token.doc[token.i - 1].lower_ == "of")
    )


def _is_title(token, tables: NameTables) -> bool:  # type: ignore[no-untyped-def]
    return token.lower_ in tables.titles and token.text[:1].isupper()


def _proper_run(doc: Doc, start: int) -> int:
    """One past the last proper noun of the run that starts at ``start``."""
    end = start
    while end < len(doc) and doc[end].tag_ in _PROPER and doc[end].text[:1].isupper():
        end += 1
    return end


def _after_titles(doc: Doc, taken: list[bool], tables: NameTables) -> list[Span]:
    from spacy.tokens import Span

    found = []
    index = 0
    while index < len(doc) - 1:
        token = doc[index]
        index += 1
        if not _is_title(token, tables):
            continue
        start = index
        while start < len(doc) and _is_title(doc[start], tables):  # "Vice President Mondale"
            start += 1
        end = _proper_run(doc, start)
        if end == start or any(taken[start:end]):
            continue
        if end < len(doc) and doc[end].lower_ == "of":  # "President of ...": a role
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        taken[start:end] = [True] * (end - start)
        index = end
    return found


def _organisations(
    doc: Doc, ents: list[Span], taken: list[bool], tables: NameTables
) -> list[Span]:
    """Runs of proper nouns that end in an organisation's head word, or open with one before
    "of"; entities inside such a run give way to it ("World" of "World Health Organization")."""
    from spacy.tokens import Span

    found: list[Span] = []
    index = 0
    while index < len(doc):
        if doc[index].tag_ not in _PROPER or not doc[index].text[:1].isupper():
            index += 1
            continue
        end = _proper_run(doc, index)
        start = index
        index = end
        words = [token.lower_ for token in doc[start:end]]
        if (
            words[0] in tables.org_heads
            and end + 1 < len(doc)
            and doc[end].lower_ == "of"
            and doc[end + 1].tag_ in _PROPER
        ):
            end = _proper_run(doc, end + 1)
            index = end
        elif not (len(words) > 1 and words[-1] in tables.org_heads):
            continue
        if any(
            ent.start < end
            and start < ent.end
            and (ent.label_ == "ORG" or (ent.start, ent.end) == (start, end))
            for ent in ents
        ):
            continue  # an organisation already, or an entity that relabelling has judged
        if any(
            ent.start < end and start < ent.end and not (start <= ent.start and ent.end <= end)
            for ent in ents
        ):
            continue  # crosses an entity's edge
        found.append(Span(doc, start, end, label="ORG"))
        taken[start:end] = [True] * (end - start)
    return found


def _new_runs(doc: Doc, taken: list[bool], label: str, accept) -> list[Span]:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    found = []
    index = 0
    while index < len(doc):
        if taken[index] or doc[index].tag_ not in _PROPER or not doc[index].text[:1].isupper():
            index += 1
            continue
        end = _proper_run(doc, index)
        if not any(taken[index:end]) and accept(list(doc[index:end])):
            found.append(Span(doc, index, end, label=label))
            taken[index:end] = [True] * (end - index)
        index = end
    return found
