"""Folding facts that report the same thing into one, with evidence from each.

Two meetings are the same when they have the same participants and nothing
tells them apart: no two different places, no two different dates, and, when
neither gives a place or a date, the same article. Agreements, disagreements
and proposals are the same when their parties match and their wording mostly
overlaps. A proposal credited to a state ("Seoul's proposal") joins the same
proposal credited to one of that state's people.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache

import regex

from briefgen.extract.facts import Fact
from briefgen.extract.gazetteer import gazetteer

# Statements are compared on their opening words: reports of one proposal
# agree on what it is and differ in what they add after it.
_HEAD_WORDS = 8


_WORD = regex.compile(r"\w+")


@lru_cache(maxsize=65536)
def _content_words(text: str | None) -> frozenset[str]:
    stop = gazetteer().stop_words
    words = [w for w in _WORD.findall((text or "").lower()) if w not in stop]
    return frozenset(words[:_HEAD_WORDS])


def similar(a: str | None, b: str | None, threshold: float = 0.5) -> bool:
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def same_meeting(fact: Fact, group: list[Fact]) -> bool:
    """Compare with what the group knows so far, so no member bridges two others."""
    if set(fact.parties) != set(group[0].parties):
        return False
    location = next((g.location for g in group if g.location), None)
    date = next((g.date for g in group if g.date), None)
    if fact.location and location and fact.location != location:
        return False
    if fact.date and date and fact.date != date:
        return False
    if (fact.location and fact.location == location) or (fact.date and fact.date == date):
        return True
    return any(g.article.id == fact.article.id for g in group)


Same = Callable[[Fact, list[Fact]], bool]
# What two facts must share to be compared at all (a party, or the set of
# participants): a thousand readouts then cost a thousand look-ups, not a
# million comparisons.
Keys = Callable[[Fact], Iterable[Hashable]]


def participants(fact: Fact) -> list[frozenset[str]]:
    return [frozenset(fact.parties)]


def party_and_word(fact: Fact) -> list[tuple[str, str]]:
    """Like statements share a party and, being alike, at least one content word."""
    return [(party, word) for party in fact.parties for word in _content_words(fact.what)]


def absorb_vague_meetings(groups: list[list[Fact]]) -> list[list[Fact]]:
    """A meeting with neither place nor date ("in his talks with B") joins a
    meeting of the same people that is placed or dated: the one reported in
    the same article if there is one, else the one most reported."""
    placed: dict[frozenset[str], list[list[Fact]]] = {}
    vague: list[list[Fact]] = []
    for group in groups:
        if any(f.location or f.date for f in group):
            placed.setdefault(participants(group[0])[0], []).append(group)
        else:
            vague.append(group)
    absorbed: set[int] = set()
    for group in vague:
        same_people = placed.get(participants(group[0])[0], [])
        articles = {f.article.id for f in group}
        in_article = [g for g in same_people if articles & {f.article.id for f in g}]
        candidates = in_article or same_people
        if candidates:
            max(candidates, key=len).extend(group)
            absorbed.add(id(group))
    return [g for g in groups if id(g) not in absorbed]


def merge_facts(facts: list[Fact], same: Same, keys: Keys) -> list[list[Fact]]:
    """Groups of facts that are one; the order of first appearance is kept.

    A fact joins the first group, in order of appearance, that shares one of
    its ``keys`` and that ``same`` accepts.
    """
    groups: list[list[Fact]] = []
    by_key: dict[Hashable, set[int]] = {}
    for fact in facts:
        fact_keys = set(keys(fact))
        candidates = sorted(set().union(*(by_key.get(k, ()) for k in fact_keys)))
        home = next((i for i in candidates if same(fact, groups[i])), None)
        if home is None:
            home = len(groups)
            groups.append([fact])
        else:
            groups[home].append(fact)
        for key in fact_keys:
            by_key.setdefault(key, set()).add(home)
    return groups


def same_statement(fact: Fact, group: list[Fact]) -> bool:
    return any(set(fact.parties) & set(g.parties) and similar(fact.what, g.what) for g in group)


def same_proposal(affiliation: Callable[[str], str | None]) -> tuple[Same, Keys]:
    """Proposals by one author, or by a state and one of its people, with like wording."""

    def keys(fact: Fact) -> list[tuple[str, str]]:
        author = fact.parties[0]
        authors = [k for k in (author, affiliation(author)) if k]
        return [(k, word) for k in authors for word in _content_words(fact.what)]

    def related(a: str, b: str) -> bool:
        return a == b or affiliation(a) == b or affiliation(b) == a

    def same(fact: Fact, group: list[Fact]) -> bool:
        return any(
            related(fact.parties[0], g.parties[0]) and similar(fact.what, g.what) for g in group
        )

    return same, keys
