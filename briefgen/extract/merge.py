"""Folding facts that report the same thing into one, with evidence from each.

Two meetings are the same when they have the same participants, nothing
tells them apart (no two different places, no two different dates), and
something ties them: the same place, the same day or the same article. A
report that gives no date is of its article's day, give or take a week (news
tells what happened lately): it never joins a meeting dated years before
(history named in passing). A preview ("will meet today") and the report of
the meeting held that day are one meeting, held. One sentence read as A–B–C
beside A–C reports A–B when its article does.

Agreements, disagreements and proposals are the same when their parties
match and their wording mostly overlaps. A proposal credited to a state
("Seoul's proposal") joins the same proposal credited to one of that state's
people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from functools import lru_cache

import regex

from briefgen.extract.facts import Fact
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.parse.lexicon import lexicon

# Statements are compared on their opening words: reports of one proposal
# agree on what it is and differ in what they add after it.
_HEAD_WORDS = 8
# Two sentences of one article say one thing only when worded nearly alike: a readout's
# "committed to deepen economic cooperation ..., including through" and "pledged to
# deepen cooperation in science ..., including through" are two commitments.
_ONE_ARTICLE = 0.75
_ALIKE = 0.5  # elsewhere: the same statement reported again


_WORD = regex.compile(r"\w+")
# Words of one letter (the "s" of "Brown's", the "U" of "U-turn") and the
# honorifics before a name say nothing of what a statement is about.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir"})


@lru_cache(maxsize=65536)
def _content_words(text: str | None) -> frozenset[str]:
    stop = _stop_words()
    words = [w for w in _WORD.findall((text or "").lower()) if len(w) > 1 and w not in stop]
    return frozenset(words[:_HEAD_WORDS])


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # Made once, not for each of the thousands of statements a corpus compares.
    return gazetteer().stop_words | _HONORIFICS


def similar(
    a: str | None,
    b: str | None,
    threshold: float = _ALIKE,
    *,
    names: frozenset[str] = frozenset(),
    least: int = 1,
) -> bool:
    """Whether two statements share enough of their opening content words; words of
    ``names`` (the parties both name) do not count: "the government" is not like every
    other criticism of the government. Statements of fewer than ``least`` words left
    are alike only when they are the same words."""
    wa, wb = _content_words(a) - names, _content_words(b) - names
    if not wa or not wb:
        return False
    # Two words at least where both have two: "political give" is not like
    # "cheap political points", nor "spending plans" like every other plan.
    shared, fewer = len(wa & wb), min(len(wa), len(wb))
    if fewer < least:
        return wa == wb
    return shared >= min(2, fewer) and shared / fewer >= threshold


# How far from its article's day an undated report's meeting may lie: "on
# Tuesday" reaches six days back, and a report may come out days after.
RECENT = dt.timedelta(days=7)
_REMOTE = ("call", "virtual")


def one_meeting(facts: list[Fact]) -> bool:
    """Whether nothing tells these reports of the same people apart."""
    dates = {f.date for f in facts if f.date}
    places = {f.location for f in facts if f.location}
    if len(dates) > 1 or len(places) > 1:
        return False
    # A call has no place: a report placed somewhere ("invited him to visit
    # the White House") is of another meeting.
    if places and any(f.format in _REMOTE for f in facts):
        return False
    # The days of the articles whose reports give no date.
    published = {f.article.published for f in facts if not f.date and f.article.published}
    day = next(iter(dates), None)
    if day is not None and any(abs(day - p) > RECENT for p in published):
        return False
    if day is None and published and max(published) - min(published) > RECENT:
        return False
    if len({f.status for f in facts}) > 1:
        # A preview and a report of the meeting held on its day are one meeting.
        return day is not None and all(_previews(f, day) for f in facts if f.status == "planned")
    return True


def _previews(planned: Fact, day: dt.date) -> bool:
    """Whether a planned meeting's report is of the meeting held on ``day``: it
    names that day before it came ("will meet on Thursday"), or it names the
    place in an article of that day ("will meet at the White House");
    "agreed to meet again" names neither."""
    published = planned.article.published
    if planned.date == day:
        return published is None or published <= day
    return planned.date is None and bool(planned.location) and published == day


def _tied(facts: list[Fact], others: list[Fact]) -> bool:
    """Something says two sets of reports are of one meeting, not merely that
    nothing tells them apart: the same place, the same day (an undated report's
    is its article's) or the same article."""
    return bool(
        {f.location for f in facts if f.location} & {f.location for f in others if f.location}
        or _days(facts) & _days(others)
        or {f.article.id for f in facts} & {f.article.id for f in others}
    )


def _days(facts: list[Fact]) -> set[dt.date]:
    return {day for f in facts if (day := f.date or f.article.published)}


# "Other public sector unions" are not the public sector unions named before.
_PART_ONLY = frozenset({"other", "some", "many", "several", "most", "few", "more"})


def fuller_groups(facts: list[Fact]) -> list[Fact]:
    """ "The unions which met X" after "five public sector unions met X": in one
    article, a group named by its common noun alone is the group named in full in
    another of its meetings, when only one is. Names of people, states and bodies
    (capitalised) are left as they are."""
    names: dict[str, set[str]] = {}
    for fact in facts:
        names.setdefault(fact.article.id, set()).update(fact.parties)
    out = []
    for fact in facts:
        here = names[fact.article.id]
        parties: list[str] = []
        for party in fact.parties:
            fuller = [
                n
                for n in here
                if party.islower()
                and n.lower().endswith(" " + party)
                and n.split()[0].lower() not in _PART_ONLY
            ]
            name = fuller[0] if len(fuller) == 1 else party
            if name not in parties:
                parties.append(name)
        out.append(replace(fact, parties=parties) if parties != fact.parties else fact)
    return out


def named_over_groups(facts: list[Fact]) -> list[Fact]:
    """ "A call with Allies and partners ... Joining President Biden on the call were
    Prime Minister Trudeau, President Macron, ...": a group named by a common noun alone
    ("Allies", "officials") beside three or more parties named is those parties, not one
    more."""
    words = _group_words()
    out = []
    for fact in facts:
        groups = [p for p in fact.parties if " " not in p and p.lower() in words]
        if groups and len(fact.parties) - len(groups) >= 3:
            fact = replace(fact, parties=[p for p in fact.parties if p not in groups])
        out.append(fact)
    return out


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    lex = lexicon()
    return lex.words("group_nouns") | lex.words("collective")


def same_meeting(fact: Fact, group: list[Fact]) -> bool:
    """Compare with what the group knows so far, so no member bridges two others."""
    return (
        set(fact.parties) == set(group[0].parties)
        and one_meeting([*group, fact])
        and _tied([fact], group)
    )


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
    """Fold groups of one meeting that reports in article order kept apart.

    A meeting with neither place nor date ("in his talks with B") joins a
    meeting of the same people that is placed or dated and that nothing tells
    apart from it: the one reported in the same article if there is one, else
    the one most reported. Other groups of the same people join an earlier
    one they are tied to (``same_meeting``'s rule, group to group): a report
    placed in Washington found its group before the report dated that day
    that would have joined both. Held reports come first in each group, so a
    meeting that a preview and a report both tell of is held.
    """
    groups = _split_run_together(groups)
    by_people: dict[frozenset[str], list[list[Fact]]] = {}
    for group in groups:
        by_people.setdefault(participants(group[0])[0], []).append(group)
    absorbed: set[int] = set()
    changed = True
    while changed:
        changed = False
        for same_people in by_people.values():
            for group in same_people:
                if id(group) in absorbed:
                    continue
                home = _home(group, [g for g in same_people if id(g) not in absorbed])
                if home is not None:
                    home.extend(group)
                    absorbed.add(id(group))
                    changed = True
    return [sorted(g, key=lambda f: f.status != "held") for g in groups if id(g) not in absorbed]


def _split_run_together(groups: list[list[Fact]]) -> list[list[Fact]]:
    """ "A arrived for a meeting with B and to meet with C" is read as A–B–C
    beside A–C: the sentence's third meeting is A–B. It goes there when its
    article reports A–B on its own, and stays as it is otherwise (in "A and B
    met, then they met C", A–B–C is a meeting)."""
    by_people: dict[frozenset[str], list[list[Fact]]] = {}
    for group in groups:
        by_people.setdefault(participants(group[0])[0], []).append(group)
    by_sentence: dict[tuple[str, int], list[frozenset[str]]] = {}
    for group in groups:
        for fact in group:
            key = (fact.article.id, fact.span.start)
            by_sentence.setdefault(key, []).append(frozenset(fact.parties))
    moves: list[tuple[Fact, list[Fact]]] = []
    for group in groups:
        if len(group[0].parties) < 3:
            continue
        for fact in group:
            home = _rest_of(fact, by_sentence[(fact.article.id, fact.span.start)], by_people)
            if home is not None:
                moves.append((fact, home))
    moved = {id(fact) for fact, _ in moves}
    kept = [[f for f in g if id(f) not in moved] for g in groups]
    position = {id(g): i for i, g in enumerate(groups)}
    for fact, home in moves:
        kept[position[id(home)]].append(fact)
    return [g for g in kept if g]


def _rest_of(
    fact: Fact,
    in_sentence: list[frozenset[str]],
    by_people: dict[frozenset[str], list[list[Fact]]],
) -> list[Fact] | None:
    """The group of the meeting ``fact`` names beside another one of its sentence."""
    everyone = frozenset(fact.parties)
    subject = fact.parties[0]
    for other in in_sentence:
        if other < everyone and subject in other:
            for home in by_people.get((everyone - other) | {subject}, []):
                if any(f.article.id == fact.article.id for f in home) and one_meeting(
                    [*home, fact]
                ):
                    return home
    return None


def _home(group: list[Fact], same_people: list[list[Fact]]) -> list[Fact] | None:
    """The group that ``group`` is part of, if any."""
    if any(f.location or f.date for f in group):
        earlier = same_people[: same_people.index(group)]
        return next((g for g in earlier if _tied(group, g) and one_meeting([*g, *group])), None)
    candidates = [
        g
        for g in same_people
        if g is not group and any(f.location or f.date for f in g) and one_meeting([*g, *group])
    ]
    articles = {f.article.id for f in group}
    in_article = [g for g in candidates if articles & {f.article.id for f in g}]
    return max(in_article or candidates, key=len, default=None)


def merge_facts(
    facts: list[Fact], same: Same, keys: Keys, *, statement: bool = False
) -> list[list[Fact]]:
    """Groups of facts that are one; the order of first appearance is kept.

    A fact joins the first group, in order of appearance, that shares one of
    its ``keys`` and that ``same`` accepts. For a ``statement`` (``same`` looks
    at no more than each report's parties and words), a group is weighed by one
    report of each wording: another copy of the same words answers as its first
    did, and a corpus that repeats itself does not make each new fact cost more.
    """
    groups: list[list[Fact]] = []
    weighed: list[list[Fact]] = []  # the reports ``same`` is asked about, per group
    wordings: list[set[tuple[str | None, tuple[str, ...]]]] = []
    by_key: dict[Hashable, set[int]] = {}
    for fact in facts:
        fact_keys = set(keys(fact))
        candidates = sorted(set().union(*(by_key.get(k, ()) for k in fact_keys)))
        home = next((i for i in candidates if same(fact, weighed[i])), None)
        if home is None:
            home = len(groups)
            groups.append([])
            weighed.append([])
            wordings.append(set())
        groups[home].append(fact)
        wording = (fact.what, tuple(fact.parties))
        if not statement or wording not in wordings[home]:
            weighed[home].append(fact)
            wordings[home].add(wording)
        for key in fact_keys:
            by_key.setdefault(key, set()).add(home)
    return groups


def same_statement(fact: Fact, group: list[Fact]) -> bool:
    """Reports that share a party and most of their opening words, from one
    article or from articles that came out within days of each other (``_near``).
    Critics of one policy in several articles are one dispute."""
    return _alike(fact, group, nested=True)


def same_agreement(fact: Fact, group: list[Fact]) -> bool:
    """``same_statement``, and from another article naming the sides the group
    names, or some of them: readouts word each call alike ("The leaders agreed to
    stay in close touch"), and a president's calls with two leaders are two
    agreements, not one of three."""
    mine = frozenset(fact.parties)
    theirs = frozenset(p for g in group for p in g.parties)
    return _alike(fact, group, nested=mine <= theirs or theirs <= mine)


def _alike(fact: Fact, group: list[Fact], *, nested: bool) -> bool:
    mine = frozenset(fact.parties)
    for g in group:
        shared = mine.intersection(g.parties)
        one_article = fact.article.id == g.article.id
        if (
            shared
            and (one_article or (nested and _near(fact, g)))
            and similar(
                fact.what, g.what, _ONE_ARTICLE if one_article else _ALIKE, names=_words_of(shared)
            )
        ):
            return True
    return False


def _near(a: Fact, b: Fact) -> bool:
    """Whether two articles came out close enough to report one statement: a
    week apart at most, as for an undated meeting. Later ones that word it
    alike report it again (a second call, a second summit's communiqué)."""
    day, other = a.article.published, b.article.published
    return day is None or other is None or abs(day - other) <= RECENT


@lru_cache(maxsize=4096)
def _words_of(names: frozenset[str]) -> frozenset[str]:
    """The words of these parties' names, and of the other names a political party
    goes by: "Tory plans to cut tax" names the Conservatives as much as their author."""
    forms = gazetteer().party_forms
    return frozenset(
        w
        for name in names
        for alias in forms.get(name, (name,))
        for w in _WORD.findall(alias.lower())
    )


def same_proposal(affiliation: Callable[[str], str | None]) -> tuple[Same, Keys]:
    """Proposals by one author, or by a state and one of its people, with like wording,
    from one article or articles that came out within days of each other (``_near``):
    "encouraged the leaders to continue" at two events a month apart is two calls."""

    def keys(fact: Fact) -> list[tuple[str, str]]:
        author = fact.parties[0]
        authors = [k for k in (author, affiliation(author)) if k]
        return [(k, word) for k in authors for word in _content_words(fact.what)]

    def related(a: str, b: str) -> bool:
        return a == b or affiliation(a) == b or affiliation(b) == a

    def same(fact: Fact, group: list[Fact]) -> bool:
        return any(
            related(fact.parties[0], g.parties[0])
            and (fact.article.id == g.article.id or _near(fact, g))
            and similar(
                fact.what,
                g.what,
                # the words that state a proposal ("plans", "urged") say what kind of
                # statement it is, not what it proposes
                names=_words_of(frozenset((fact.parties[0], g.parties[0])))
                | lexicon().proposal_forms,
                least=2,
            )
            for g in group
        )

    return same, keys
