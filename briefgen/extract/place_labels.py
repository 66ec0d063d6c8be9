"""The last component of briefgen's pipeline: names typed and bounded as its training data has them.

The entity layer that trains the model (``tools/parser.py``) calls a place
GPE when GeoNames lists its name as a country, capital, US state or city
(or it is a common form of a polity: "U.S.", "Britain", "EU"), and LOC
otherwise; a name ending in a word such as River, Park, Street or Airport
is always LOC; an organisation named like a country ("Japan said ...") is
GPE. The recognizer has to guess that from a word's spelling and context,
and for a name it has never seen it guesses badly. This component applies
the same tables to the names it found: a GPE or LOC entity takes the label
the tables give its text, and a PERSON or ORG entity whose text is a
country's name becomes GPE.

The same data leaves titles out of a person's name ("President" in
"President Sean Mills" is ``nmod:desc``, as in OntoNotes), and a title alone
("the Speaker") names no one; the recognizer often takes the title in. So a
PERSON entity loses the titles and honorifics it begins with ("Emperor
Norton" → "Norton"), and one made only of them is dropped.

Then the rules of English names in ``name_rules`` (a proper noun after a
title is a person, a name opening with a given name is a person, a name
ending in "College" or "Party" an organisation, one ending in "Bay" a
place, a law or an event none of the five types) add, retype and drop
entities, from closed tables of their own.

The tables come from the training tool at packaging time and are saved in
the model's folder (``briefgen_place_labels/tables.json``), so loading the
model reads them from there: no GeoNames or name-list lookup at run time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.extract import name_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

NAME = "briefgen_place_labels"
_TABLES = "tables.json"


class PlaceLabels:
    """Relabels places by the tables; takes titles out of people's names; applies the name
    rules (``rules``: the names of ``name_rules.RULES`` that run, all of them by default)."""

    def __init__(self) -> None:
        self.gpe: frozenset[str] = frozenset()
        self.countries: frozenset[str] = frozenset()
        self.loc_words: frozenset[str] = frozenset()
        self.titles: frozenset[str] = frozenset()
        self.names = name_rules.NameTables()
        self.rules: frozenset[str] = frozenset(name_rules.RULES)

    def set_tables(
        self,
        gpe: Iterable[str],
        countries: Iterable[str],
        loc_words: Iterable[str],
        titles: Iterable[str],
    ) -> None:
        """Lower-cased names of polities, of countries, the last words of LOC names, and titles."""
        self.gpe = frozenset(gpe)
        self.countries = frozenset(countries)
        self.loc_words = frozenset(loc_words)
        self.titles = frozenset(titles)
        self.names = replace(self.names, titles=self.titles, places=self.gpe)

    def set_name_tables(self, **tables: Iterable[str]) -> None:
        """The closed classes of ``name_rules`` (given names, organisations' head words, ...),
        by the field names of ``name_rules.NameTables``; titles and places are this
        component's own."""
        self.names = replace(self.names, **{key: frozenset(words) for key, words in tables.items()})

    def label(self, text: str, label: str) -> str:
        """The label of an entity of ``text`` that the recognizer labelled ``label``."""
        words = text.split()
        key = " ".join(words).lower().removeprefix("the ")
        if label in ("GPE", "LOC"):
            if words and words[-1].lower() in self.loc_words:
                return "LOC"
            return "GPE" if key in self.gpe else "LOC"
        if label in ("PERSON", "ORG") and key in self.countries:
            return "GPE"
        return label

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        ents = []
        changed = False
        for ent in doc.ents:
            start = ent.start
            if ent.label_ == "PERSON":
                while start < ent.end and doc[start].lower_ in self.titles:
                    start += 1
                if start == ent.end:  # a title alone
                    changed = True
                    continue
            label = self.label(doc[start : ent.end].text, ent.label_)
            if start == ent.start and label == ent.label_:
                ents.append(ent)
            else:
                ents.append(Span(doc, start, ent.end, label=label))
                changed = True
        if self.rules:
            ruled = name_rules.apply(doc, ents, self.names, self.rules)
            changed = changed or ruled != ents
            ents = ruled
        if changed:
            doc.ents = ents
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        tables = {
            "gpe": sorted(self.gpe),
            "countries": sorted(self.countries),
            "loc_words": sorted(self.loc_words),
            "titles": sorted(self.titles),
            "names": {key: sorted(getattr(self.names, key)) for key in name_rules.SAVED},
        }
        (path / _TABLES).write_text(json.dumps(tables, ensure_ascii=False) + "\n", encoding="utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> PlaceLabels:
        from briefgen.errors import BriefgenError

        file = Path(path) / _TABLES
        try:
            tables: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
            self.set_tables(
                tables["gpe"], tables["countries"], tables["loc_words"], tables["titles"]
            )
            names = tables.get("names", {})  # a model packaged before the name rules has none
            self.set_name_tables(**{key: names[key] for key in name_rules.SAVED if key in names})
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise BriefgenError(f"{file}: cannot read the place tables ({error})") from error
        return self


def register() -> None:
    """Make the component known to spaCy (before a model that uses it is loaded)."""
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_make)


def _make(nlp: Language, name: str) -> PlaceLabels:
    return PlaceLabels()
