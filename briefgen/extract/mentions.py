"""Finding people and parties in an article's text.

A capitalised run of words is taken for a person only when the grammar of
news says so: a title before it ("Foreign Minister Chung Eui-yong"), a role in
apposition after it ("Ned Price, spokesperson of the U.S. State Department"),
a counterpart phrase ("his Italian counterpart, Luigi Di Maio"), an honorific
("Mr Obama"), or because the same person was introduced that way elsewhere in
the batch (bare "Chung" after "Foreign Minister Chung Eui-yong").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from briefgen.extract.gazetteer import Gazetteer, gazetteer

_WORD = (
    r"(?:\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:['’]\p{Lu}[\p{Ll}\p{M}]+)?"
    r"(?:-\p{L}[\p{Ll}\p{M}]*)*|\p{Lu}\.)"
)
_PARTICLE = r"(?:da|de|di|del|der|van|von|bin|al|la|le|dos|das|du)"
_NAME = (
    rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{0,5}}"
    r"(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV)\b)?"
)
_ROLE_PREFIX = r"(?:(?:Acting|Deputy|Vice|Senior|Chief|First)\s+)?"
_POSSESSIVE = r"(?:['’]s)?"


@dataclass(frozen=True)
class Mention:
    """One place where a person is named, with what that place says about them."""

    start: int
    end: int
    name: str
    role: str | None = None
    affiliation: str | None = None
    cue: str = "known"  # title, apposition, counterpart, honorific or known


@dataclass(frozen=True)
class PartyMention:
    start: int
    end: int
    name: str  # canonical state or organisation


class Patterns:
    """The compiled patterns, built once from the gazetteer."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        party = gaz.party_pattern
        role = rf"{_ROLE_PREFIX}(?:{gaz.role_pattern})"
        generic_role = r"(?:\p{Lu}\p{Ll}+\s+(?:and\s+)?){1,3}(?:Secretary|Minister)"
        self.titled = regex.compile(
            rf"(?:(?P<aff>{party})(?:\s+\((?P<abbr>\p{{Lu}}{{2,6}})\))?{_POSSESSIVE}\s+)?"
            rf"(?P<role>(?:{role}|{generic_role})(?:\s+and\s+{role})?)"
            rf"(?P<of_the>\s+of\s+the)?\s+(?P<name>{_NAME})"
            rf"(?:\s+of\s+(?:the\s+)?(?P<aff2>{party}))?"
        )
        self.apposition = regex.compile(
            rf"(?P<name>{_NAME}),\s+(?:the\s+|a\s+)?(?:(?P<aff>{party}){_POSSESSIVE}\s+)?"
            rf"(?P<role>(?i:{role}))\b"
            rf"(?:\s+(?:of|for|at|to)\s+(?:the\s+)?(?P<aff2>{party}))?"
        )
        self.counterpart = regex.compile(
            rf"\b(?:his|her|their)\s+(?:(?P<aff>{party})\s+)?counterparts?,?\s+(?P<name>{_NAME})"
        )
        honorifics = "|".join(regex.escape(h.rstrip(".")) for h in sorted(gaz.honorifics))
        self.honorific = regex.compile(rf"\b(?:{honorifics})\.?\s+(?P<name>{_NAME})")
        self.party = regex.compile(party)

    @cached_property
    def role_words(self) -> frozenset[str]:
        return frozenset(w for r in self.gaz.roles for w in r.split())


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return Patterns(gazetteer())


def clean_name(name: str, pats: Patterns) -> str | None:
    """Trim words that cannot be part of a name; None when nothing name-like is left."""
    words = name.split()
    bad = pats.gaz.not_names | pats.role_words
    while words:
        # Leading words that are a role, a non-name or a state ("United States").
        party_words = next(
            (k for k in range(len(words), 0, -1) if pats.gaz.party(" ".join(words[:k]))), 0
        )
        if party_words:
            del words[:party_words]
        elif words[0] in bad:
            words.pop(0)
        else:
            break
    # A name ends where a word that cannot be part of one begins: scraped
    # captions run names into each other ("Barack Obama As Trump ...").
    cut = next((i for i, w in enumerate(words[1:], 1) if w.rstrip(",") in bad), len(words))
    words = words[:cut]
    if not words:
        return None
    cleaned = " ".join(words).rstrip(",")
    if pats.gaz.party(cleaned) or cleaned in pats.gaz.cities or len(cleaned) < 2:
        return None
    if cleaned.endswith(".") and len(words[-1]) == 2 and len(words) == 1:
        return None  # a lone initial
    return cleaned


def _normal_role(role: str) -> str:
    role = regex.sub(r"^(?:His|Her)\s+Majesty\s*", "", role).strip()
    return role or "King"


def find_introductions(text: str) -> list[Mention]:
    """Mentions that themselves say the name is a person's (title, apposition, ...)."""
    pats = patterns()
    found: list[Mention] = []
    for m in pats.titled.finditer(text):
        name = clean_name(m["name"], pats)
        if name is None:
            continue
        start = m.start("name") + m["name"].find(name)
        role = _normal_role(_strip_leading_not_names(m["role"], pats))
        aff = m["aff"] or m["aff2"]
        if m["of_the"]:
            # "Secretary of the Russian Security Council Nikolay Patrushev": the
            # words before the name complete the role and may name the state.
            body = text[m.end("of_the") : start].strip()
            role = f"{role} of the {body}"
            aff = aff or next((w for w in body.split() if pats.gaz.party(w)), None)
        found.append(
            Mention(
                start,
                start + len(name),
                name,
                role=role or None,
                affiliation=pats.gaz.party(aff) if aff else None,
                cue="title",
            )
        )
    for m in pats.apposition.finditer(text):
        name = clean_name(m["name"], pats)
        if name is None or " " not in name:
            continue  # one capitalised word before ", the spokesman" is too often a place
        aff = m["aff2"] or m["aff"]
        start = m.start("name") + m["name"].rfind(name)
        found.append(
            Mention(
                start,
                start + len(name),
                name,
                role=m["role"],
                affiliation=pats.gaz.party(aff) if aff else None,
                cue="apposition",
            )
        )
    for m in pats.counterpart.finditer(text):
        name = clean_name(m["name"], pats)
        if name is None:
            continue
        start = m.start("name")
        aff = pats.gaz.party(m["aff"]) if m["aff"] else None
        # A counterpart holds the same office as the last titled person before.
        implied = next(
            (f.role for f in reversed(found) if f.cue == "title" and f.end <= start), None
        )
        found.append(
            Mention(start, start + len(name), name, implied, affiliation=aff, cue="counterpart")
        )
    for m in pats.honorific.finditer(text):
        name = clean_name(m["name"], pats)
        if name is None:
            continue
        start = m.start("name")
        found.append(Mention(start, start + len(name), name, cue="honorific"))
    return _drop_overlaps(found)


def _strip_leading_not_names(role: str, pats: Patterns) -> str:
    words = role.split()
    while len(words) > 1 and words[0] in pats.gaz.not_names and words[0] not in pats.role_words:
        words.pop(0)
    return " ".join(words)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the most informative mention where two cover the same characters."""
    rank = {"title": 0, "apposition": 1, "counterpart": 2, "honorific": 3, "known": 4}
    ordered = sorted(mentions, key=lambda m: (rank[m.cue], m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in ordered:
        clash = next((k for k in kept if mention.start < k.end and k.start < mention.end), None)
        if clash is None:
            kept.append(mention)
        elif clash.role is None and mention.role:
            kept[kept.index(clash)] = Mention(
                clash.start, clash.end, clash.name, mention.role,
                clash.affiliation or mention.affiliation, clash.cue,
            )  # fmt: skip
        elif clash.affiliation is None and mention.affiliation:
            kept[kept.index(clash)] = Mention(
                clash.start, clash.end, clash.name, clash.role, mention.affiliation, clash.cue
            )
    return sorted(kept, key=lambda m: m.start)


_WORD_START = regex.compile(
    r"(?<![\p{L}\-.’'])\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+|[’'](?!s\b)[\p{L}\p{M}]+)*"
)
_FORM_END = regex.compile(r"(?![\p{L}\-])(?!\s+\p{Lu}\p{Ll})")


class KnownForms:
    """Name forms known to be people, found as whole words in any text.

    Forms are indexed by their first word, so finding them costs one look-up
    per capitalised word however many people a batch knows. A form counts
    only where it is not the start of a longer capitalised run
    ("Price" but not "Price Waterhouse").
    """

    def __init__(self, forms: list[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for form in sorted(set(forms), key=lambda f: (-len(f), f)):
            first = _WORD_START.match(form)
            if first:
                self.by_first.setdefault(first.group(), []).append(form)

    def find(self, text: str, taken: list[Mention]) -> list[Mention]:
        found = []
        position = 0
        for word in _WORD_START.finditer(text):
            if word.start() < position:
                continue
            for form in self.by_first.get(word.group(), ()):
                end = word.start() + len(form)
                if text.startswith(form, word.start()) and _FORM_END.match(text, end):
                    if not any(word.start() < t.end and t.start < end for t in taken):
                        found.append(Mention(word.start(), end, form))
                    position = end
                    break
        return found


def find_parties(text: str) -> list[PartyMention]:
    pats = patterns()
    found = []
    for m in pats.party.finditer(text):
        canonical = pats.gaz.party(m.group())
        if canonical:
            found.append(PartyMention(m.start(), m.end(), canonical))
    return found
