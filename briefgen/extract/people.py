"""One person per real person, across all articles of a batch.

Introductions ("Foreign Minister Chung Eui-yong", "President Biden") are
grouped by name: a shorter name that is the first or last words of exactly one
longer name is the same person ("Biden" in "Joseph R. Biden, Jr.", "Di Maio"
in "Luigi Di Maio"), and so is a name that gives a nickname for the given name
("Joe Biden", "Liz Sherwood-Randall"), writes a particle in another case ("bin",
"Bin") or puts the family name first ("Kishida Fumio"). The fullest form
becomes the person's name; the others are aliases, and every form is then
looked for as a bare mention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.mentions import (
    KnownForms,
    Mention,
    core_words,
    find_introductions,
    find_parties,
    is_given_name,
    nicknames,
    without_accents,
)

if TYPE_CHECKING:
    from briefgen.model import Article

_INITIAL = regex.compile(r"\p{Lu}\.")


# Military ranks, held beside an office ("General Zhang", the vice chairman).
_RANKS = frozenset({"general", "gen.", "admiral", "adm.", "colonel", "col.", "lieutenant general"})
# One seat in a legislature, by its several names.
_LEGISLATOR = frozenset({"representative", "congressman", "congresswoman", "rep."})


def is_short_form(short: str, full: str) -> bool:
    """``short`` names the same person as ``full``: its first or last words, all
    of it but the middle initials ("Paul Ryan", "Paul D. Ryan"), or its first and
    last words ("Anthony Meyer", "Anthony John Charles Meyer")."""
    s, f = _folded(core_words(short)), core_words(full)
    if not s or len(s) >= len(f):
        return False
    bare = _folded([w for w in f if not _INITIAL.fullmatch(w)])
    f = _folded(f)
    return f[: len(s)] == s or f[-len(s) :] == s or bare == s or s == [f[0], f[-1]]


def _may_share(roles: set[str], others: set[str]) -> bool:
    """Whether two people's roles may be one person's: either has none, or two of
    them share a word ("Secretary", "Secretary of State"); "King" and "Minister"
    do not."""
    if not roles or not others:
        return True
    return not _words_of(roles).isdisjoint(_words_of(others))


def _role_words(roles: set[str]) -> set[str]:
    """The words of a person's roles, without "of", "the" and "for"."""
    return _words_of(roles) - {"of", "the", "for"}


def _words_of(roles: set[str]) -> set[str]:
    """The words of a person's roles, in small letters."""
    return {w for r in roles for w in r.lower().split()}


def _offices(roles: set[str]) -> set[str]:
    """``roles`` that say what office one holds, each with its synonyms: a royal or
    tribal title or a military rank says nothing of it ("Sheikh Tahnoon" is the
    national security adviser), and a member of Congress is a representative."""
    titles = {t.casefold() for t in gazetteer().given_name_titles} | _RANKS
    out = {r for r in roles if r.casefold() not in titles}
    if any(w in _LEGISLATOR for r in out for w in r.casefold().split()):
        out |= _LEGISLATOR
    return out


def _ends_in(full: str, surname: str) -> bool:
    """Whether ``surname`` is the last word of ``full``, whatever their case."""
    return _folded(core_words(full))[-1] == _folded([surname])[0]


def _folded(words: list[str]) -> list[str]:
    """Words compared without their case or accents: "bin" and "Bin", "López" and "Lopez"."""
    return [without_accents(w).casefold() for w in words]


def is_nickname_form(name: str, full: str) -> bool:
    """``name`` is ``full`` with a nickname for the given name and without its
    middle initials ("Joe Biden", "Joseph R. Biden, Jr."; "Liz Sherwood-Randall",
    "Elizabeth Sherwood-Randall")."""
    s = _folded(core_words(name))
    f = _folded([w for w in core_words(full) if not _INITIAL.fullmatch(w)])
    return (
        len(s) == len(f) > 1
        and s[1:] == f[1:]
        and s[0] != f[0]
        and (_is_nickname(s[0], f[0]) or _is_nickname(f[0], s[0]))
    )


def _is_nickname(short: str, given: str) -> bool:
    return given in nicknames().canonicals_of(short)


def same_words_key(name: str) -> tuple[str, ...]:
    """What two spellings of one name share: its words without their case ("Al
    Thani", "al Thani"), a two-word name in either order ("Kishida Fumio",
    "Fumio Kishida")."""
    words = _folded(core_words(name))
    return tuple(sorted(words)) if len(words) == 2 else tuple(words)


@dataclass
class PersonRecord:
    name: str
    forms: set[str] = field(default_factory=set)
    roles: Counter[str] = field(default_factory=Counter)
    affiliations: Counter[str] = field(default_factory=Counter)
    # Roles only implied ("his counterpart"): used when nothing states one.
    implied_roles: Counter[str] = field(default_factory=Counter)

    @property
    def role(self) -> str | None:
        return _best(self.roles) or _best(self.implied_roles)

    @property
    def affiliation(self) -> str | None:
        return _best(self.affiliations)


def _overruns(names: set[str]) -> dict[str, str]:
    """Names that ran into the next person's surname -> the name itself (the shortest).

    Scraped news loses the full stop between a caption and the text, so
    "Mitch McConnell" becomes "Mitch McConnell Trump" once: a name that is
    another introduced name plus the last word of a third person's name, or
    two words or more before another introduced name of two words or more.
    """
    surnames = {words[-1] for n in names if len(words := core_words(n)) > 1}
    found = {}
    for name in names:
        words = core_words(name)
        shorter = " ".join(words[:-1])
        if len(words) > 2 and shorter in names and words[-1] in surnames - {words[-2]}:
            found[name] = shorter
        elif len(words) > 3:
            # "Hillary Clinton Donald Trump": two names run together, the
            # second introduced on its own.
            found.update(
                (name, tail)
                for k in range(len(words) - 2, 1, -1)
                if (tail := " ".join(words[-k:])) in names
            )
    for name, shorter in found.items():
        while shorter in found:  # "A B C D" -> "A B C" -> "A B"
            shorter = found[shorter]
        found[name] = shorter
    return found


def _best(votes: Counter[str]) -> str | None:
    """The most common value; among equals the longest (the most specific)."""
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


# A sentence that opens with its subject: the name first, or after an opening phrase set
# off by a comma ("At a news conference, Mr Howard insisted"), a conjunction or a quote.
_SUBJECT_OPENING = regex.compile(
    r"[\s\"“”']*(?:(?:And|Then|Later|Earlier)\s+|[^,\"“”]{0,60},\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s+)?"
)
# A sentence about the person before: "He said ...", '"...," he told MPs.'
_RECALLED = regex.compile(
    r"^[\s\"“”']*(?:He|She)\b|[,\"“”’]\s+(?:he|she)\s+(?:said|told|added|argued|insisted|"
    r"warned|claimed|explained|stressed|replied)\b"
)
# A sentence whose subject is an office, as a definite description: "The foreign
# secretary insisted", "During the debate, the Labour peer and former minister said".
_DESCRIBED_SUBJECT = regex.compile(
    r"[\s\"“”']*(?:(?:During|At|In|On|Later|Earlier)\b[^,\"“”]{0,50},\s+)?[Tt]he\s+"
    r"(?P<role>(?:\p{Lu}\p{Ll}+\s+)?\p{Ll}+(?:\s+\p{Ll}+)?)"
    r"(?=,|\s+(?:and\s+\p{Ll}|(?:said|told|also|has|had|\p{Ll}+ed|\p{Ll}+s)\b))"
)
# What a political party's member is called by, after the party: "the Tory leader".
_PARTY_OFFICES = frozenset({"leader", "peer", "chairman", "spokesman", "spokeswoman"})


class People:
    """The people of a batch, built from all introductions before any fact is read."""

    def __init__(self, introductions: list[Mention]) -> None:
        introduced = {m.name for m in introductions}
        overruns = self._overruns = _overruns(introduced)
        # The fullest form first; of two spellings, the one with its accents ("López").
        names = sorted(
            introduced - overruns.keys(),
            key=lambda n: (-len(core_words(n)), -len(n), n.isascii(), n),
        )
        self.records: dict[str, PersonRecord] = {}
        self._canonical: dict[str, str] = {}
        # Full names by their first and by their last word: a short form
        # shares one of the two, so only those few are compared.
        by_end: dict[str, list[str]] = {}
        by_inner: dict[str, list[str]] = {}  # full names by their inner words in capitals
        roles_of: dict[str, set[str]] = {}
        role_votes: dict[str, Counter[str]] = {}  # how often each name comes with each role
        for m in introductions:
            if m.role:
                roles_of.setdefault(m.name, set()).add(m.role)
                role_votes.setdefault(m.name, Counter())[m.role] += 1
        # Names the text gives only after "Mr", "Mrs", "Dr" ...: surnames.
        surnames = {m.name for m in introductions if m.cue == "honorific"} - {
            m.name for m in introductions if m.cue != "honorific"
        }
        same_core: dict[tuple[str, ...], str] = {}
        given_names: dict[str, set[str]] = {}  # surname -> the first words it comes with
        for name in names:
            if len(words := _folded(core_words(name))) > 1:
                given_names.setdefault(words[-1], set()).add(words[0])
        for name in names:
            words = core_words(name)
            if (twin := same_core.get(same_words_key(name))) is not None:
                # "Joseph R. Biden Jr" and "Joseph R. Biden, Jr.": one person.
                self._canonical[name] = twin
                self.records[twin].forms.add(name)
                continue
            ends = set(_folded([words[0], words[-1]])) if words else set()
            candidates = {full for end in ends for full in by_end.get(end, ())}
            if name in surnames and is_given_name(name):
                # "Mr Howard" is not Howard Flight (but "Mr Xi" is Xi Jinping: a given
                # name before a surname is told by the table of English given names)
                candidates = {f for f in candidates if _ends_in(f, name)}
            longer = self._longer_forms(name, candidates, roles_of, role_votes)
            if not longer:
                # "Joe Biden" is "Joseph R. Biden, Jr." (not "Jill Biden") when
                # they share a role, or when no one else has the surname.
                roles = roles_of.get(name, set())
                longer = sorted(
                    full
                    for full in candidates
                    if is_nickname_form(name, full)
                    and (
                        roles & self._roles(full, roles_of)
                        or len(given_names[words[-1].casefold()]) == 2
                    )
                )
            if not longer and len(words) == 1:
                # "President Lula" is "Luiz Inácio Lula da Silva": a name alone that is an
                # inner word of one full name only, with a word of its role
                inner = by_inner.get(_folded(words)[0], [])
                if len(inner) == 1 and _role_words(roles_of.get(name, set())) & _role_words(
                    self._roles(inner[0], roles_of)
                ):
                    longer = inner
            if len(longer) == 1:
                self._canonical[name] = longer[0]
                self.records[longer[0]].forms.add(name)
            else:
                self._canonical[name] = name
                self.records[name] = PersonRecord(name, {name})
                same_core[same_words_key(name)] = name
                for end in ends:
                    by_end.setdefault(end, []).append(name)
                for word in words[1:-1]:
                    if word[:1].isupper():
                        by_inner.setdefault(_folded([word])[0], []).append(name)
        for overrun, name in overruns.items():
            self._canonical[overrun] = self._canonical[name]
        self.introduced: Counter[str] = Counter()
        self.cues: dict[str, set[str]] = {}  # how each person was introduced
        for m in introductions:
            record = self.records[self._canonical[m.name]]
            self.introduced[record.name] += 1
            self.cues.setdefault(record.name, set()).add(m.cue)
            if m.role:
                votes = record.implied_roles if m.cue == "counterpart" else record.roles
                votes[m.role] += 1
            if m.affiliation:
                record.affiliations[m.affiliation] += 1
        self._index_bare_forms()

    def _longer_forms(
        self,
        name: str,
        candidates: set[str],
        roles_of: dict[str, set[str]],
        role_votes: dict[str, Counter[str]],
    ) -> list[str]:
        """The full names ``name`` may be short for: one, or it is a person of its own.
        Where several are, the one with its role, then the one it is the surname of,
        then the one whose roles it comes with most; never one whose roles share no
        word with its own."""
        longer = sorted(full for full in candidates if is_short_form(name, full))
        roles = roles_of.get(name, set())
        if len(longer) < 2:
            # "President Obama" in an article that names only "first lady Michelle
            # Obama" in full is not her: roles that share no word are two people's
            if longer and not _may_share(
                _offices(roles), _offices(self._roles(longer[0], roles_of))
            ):
                return []
            return longer
        # "President Obama" is Barack, not Michelle: the one with that role.
        longer = [f for f in longer if roles & self._roles(f, roles_of)] or longer
        # (a former king too is named by his given name: "former King Michael")
        titles = {r.lower().removeprefix("former ") for r in roles} - gazetteer().given_name_titles
        if len(longer) > 1 and " " not in name and titles:
            # A titled name alone is a surname: "Vice President Harris" is not the
            # "Harris Rohini Kosoglu" of a run-on "to Vice President Harris Rohini Kosoglu";
            # but "King Michael" names a king by his given name.
            longer = [f for f in longer if _ends_in(f, name)] or longer
        if len(longer) > 1:
            # "Vice President Harris" 65 times and "President Harris" 5 times: the one
            # whose roles the name comes with at least twice as often as the next's.
            votes = role_votes.get(name, Counter())
            ranked = sorted(
                ((sum(votes[r] for r in self._roles(f, roles_of)), f) for f in longer),
                reverse=True,
            )
            if ranked[0][0] >= 2 * ranked[1][0] > 0 or ranked[0][0] > ranked[1][0] == 0:
                longer = [ranked[0][1]]
        if len(longer) == 1 and not _may_share(roles, self._roles(longer[0], roles_of)):
            return []  # of several Michaels, "King Michael" is not Alun Michael, a minister
        return longer

    def _roles(self, name: str, roles_of: dict[str, set[str]]) -> set[str]:
        return {r for form in self.records[name].forms for r in roles_of.get(form, ())}

    def _index_bare_forms(self) -> None:
        parties = gazetteer().political_parties
        owners: dict[str, set[str]] = {}
        for record in self.records.values():
            words = core_words(record.name)
            forms = set(record.forms)
            if len(words) > 1:
                forms.add(words[-1])
                if regex.search(r"-\p{Ll}", words[-1]):
                    # "Chung Eui-yong", "Moon Jae-in": a hyphenated given name
                    # follows the family name, which is used on its own (a
                    # double-barrelled surname, "Moore-Gillon", does not).
                    forms.add(words[0])
            for form in forms:
                # A party's name is never a person's surname alone: "Tory" is not the
                # "Vote Tory" of a quoted slogan, nor "Green" only Damian Green.
                if len(form) > 2 and form not in parties:
                    owners.setdefault(form, set()).add(record.name)
        unique = {}
        for form, names in owners.items():
            # A surname shared by two people goes to the one the sources
            # introduce at least twice as often; otherwise to nobody.
            ranked = sorted(names, key=lambda n: (-self.introduced[n], n))
            counts = [self.introduced[n] for n in ranked]
            if len(ranked) == 1 or counts[0] >= 2 * counts[1]:
                unique[form] = ranked[0]
        self._canonical.update(unique)
        self.known = KnownForms(list(unique))

    def add_title(self, title: str | None) -> None:
        """What an article's title says of people its text introduces: a readout's
        heading often gives the state its text leaves out ("Readout of President X's Call
        with Prime Minister Y of Z"). Fills a person's role or affiliation only where
        the texts state none; a title's people the texts never introduce are left out."""
        if not title:
            return
        for m in find_introductions(title):
            # The title may give the full name of one the text names by surname alone.
            named = {self.canonical(m.name)} - {None} or {
                r for r in self.records if is_short_form(r, m.name)
            }
            if len(named) != 1 or (name := named.pop()) not in self.records:
                continue
            record = self.records[name]
            if m.affiliation and not record.affiliations:
                record.affiliations[m.affiliation] += 1
            if m.role and not record.roles and m.cue != "counterpart":
                record.roles[m.role] += 1

    def add_described_subjects(self, mentions: list[Mention], article: Article) -> None:
        """ "Mr Straw told MPs ... He said ... The foreign secretary insisted": a sentence
        whose subject is an office held by no one the article names ("the foreign
        secretary", "the Tory leader") goes on from the one person the sentences before it
        are about, named as their subject and then recalled only by "he" or "she". Never
        after "But" ("Ann Lee said so. But the chancellor said": another person), nor when
        the one before is about no person, nor for an office someone else of the article
        holds, nor for a person who has another role."""
        gaz = gazetteer()
        offices = {o for each in gaz.home_offices.values() for o in each}
        held = {m.role.casefold() for m in mentions if m.role}
        spans = [s for s in article.sentences if s.end > s.start]
        subjects: list[str | None] = []  # each sentence's named subject, "he" or None
        at = 0
        ordered = sorted(mentions, key=lambda m: m.start)
        for span in spans:
            while at < len(ordered) and ordered[at].start < span.start:
                at += 1
            text = article.text[span.start : span.end]
            first = ordered[at] if at < len(ordered) and ordered[at].start < span.end else None
            before = article.text[span.start : first.start] if first is not None else ""
            if first is not None and first.role and before.rstrip().endswith(first.role):
                before = before.rstrip()[: -len(first.role)]  # "Home Secretary Ann Lee said"
            if first is not None and _SUBJECT_OPENING.fullmatch(before):
                subjects.append(self.canonical(first.name))
            elif _RECALLED.search(text):
                subjects.append("he")
            else:
                subjects.append(None)
        for i, span in enumerate(spans):
            m = _DESCRIBED_SUBJECT.match(article.text, span.start, span.end)
            if m is None or (role := m["role"]).casefold() in held:
                continue
            party, _, noun = role.rpartition(" ")
            if role.casefold() not in offices and not (
                party in gaz.political_parties and noun in _PARTY_OFFICES
            ):
                continue
            k = i - 1
            while k >= 0 and subjects[k] == "he":
                k -= 1
            name = subjects[k] if k >= 0 else None
            if name is None or name not in self.records:
                continue
            if "\n\n" in article.text[spans[k].start : span.start]:
                continue  # a new paragraph: "The prime minister" may be someone else

            record = self.records[name]
            if all(r.casefold() == role.casefold() for r in record.roles):
                record.roles[role] += 1

    def add_home_offices(self, state: str, mentions: list[Mention], article: Article) -> None:
        """A source from a state's government or national news names that state's officials
        by their office alone ("Foreign Secretary Jack Straw" in the BBC, "Secretary Blinken"
        in a White House readout): the one person of the article who holds such an office
        (``home_offices``), unqualified, and has no state of their own, acts for ``state``.
        Two such holders of one office ("President Biden, President Yoon") tell nothing, nor
        one after another state in the sentence ("The Mexican delegation included Secretary
        of Defense X")."""
        gaz = gazetteer()
        offices = gaz.home_offices.get(state, frozenset())
        holders: dict[str, set[str]] = {}
        for m in mentions:
            name = self.canonical(m.name)
            if not m.role or m.cue == "counterpart" or m.affiliation or name not in self.records:
                continue
            office = m.role.casefold()
            if office not in offices or self.records[name].affiliations:
                continue
            opening = next((s.start for s in article.sentences if s.start <= m.start < s.end), 0)
            before = article.text[opening : m.start]
            # a state by its name or people ("Mexican"), not a venue ("in Reykjavik")
            if not any(
                p.name in gaz.countries
                and p.name != state
                and before[p.start : p.end] not in gaz.cities
                for p in find_parties(before)
            ):
                holders.setdefault(office, set()).add(name)
        for names in holders.values():
            if len(names) == 1:
                self.records[names.pop()].affiliations[state] += 1

    def table(self) -> dict[str, str]:
        """Every known form -> the canonical name (a copy, to hand to workers)."""
        return dict(self._canonical)

    def canonical(self, name: str) -> str | None:
        return self._canonical.get(name)

    def add_alias(self, canonical: str, form: str) -> None:
        if form != canonical and form not in self._overruns:
            self.records[canonical].forms.add(form)
