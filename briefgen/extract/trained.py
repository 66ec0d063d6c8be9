"""What a trained spaCy pipeline adds, when the config names one.

``extraction.rules.spacy_model`` names an installed pipeline such as
``en_core_web_sm``. The rules find people only where the grammar of news
introduces them (a title, an apposition, a counterpart); the model's PERSON
entities add people the text names without that ("Blinken said"), and its
places (GPE, LOC, FAC) let a meeting be placed where no gazetteer city is
named ("talks in Hanoi's Metropole hotel" aside, "met in Lviv"). Roles and
affiliations still come from the rules. The pipeline is loaded with
``spacy.load``: it must be installed beforehand; briefgen never downloads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from briefgen.errors import ConfigError
from briefgen.extract.mentions import Mention, clean_name, patterns
from briefgen.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

# Venues (FAC) come from the gazetteer's table: the model's are too often
# "Truman Balcony" or an airport.
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_POSSESSIVE = regex.compile(r"['’]s$")
# Capitalised words only, as a name or a place is written.
_WORD = r"\p{Lu}(?:\.|[\p{Ll}\p{M}][\p{L}\p{M}'’-]*)"
_NAME_SHAPE = regex.compile(rf"{_WORD}(?: (?:{_WORD}|[a-z]{{1,3}}))*")


@dataclass
class Found:
    """One article's entities from the trained pipeline."""

    people: list[Mention] = field(default_factory=list)
    places: set[str] = field(default_factory=set)


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    import spacy

    try:
        # Only the components that give entities are run.
        return spacy.load(name, exclude=["lemmatizer", "attribute_ruler"])
    except (OSError, ImportError) as e:
        raise ConfigError(
            f"extraction.rules.spacy_model: cannot load {name!r} ({e}); install the pipeline "
            f"first, e.g. python -m spacy download {name} (briefgen never downloads models)"
        ) from e


def find(articles: list[Article], name: str) -> dict[str, Found]:
    """Entities of each article by its id, offsets in the article's text."""
    nlp = load(name)
    pats = patterns()
    found: dict[str, Found] = {}
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        here = found[article.id] = Found()
        for ent in doc.ents:
            text = _POSSESSIVE.sub("", ent.text)
            if not _NAME_SHAPE.fullmatch(text):
                continue  # "GETTY Obama", "-- David Nakamura": page furniture
            if ent.label_ == "PERSON":
                person = clean_name(text, pats)
                # One word alone ("Chung") is resolved by the rules, or not at all.
                if person is not None and " " in person:
                    start = ent.start_char + text.find(person)
                    here.people.append(Mention(start, start + len(person), person, cue="entity"))
            elif ent.label_ in _PLACE_LABELS:
                here.places.add(text)
    return found
