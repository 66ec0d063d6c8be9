"""Who a predicate's arguments are: named people and states, groups, pronouns.

An argument of a predicate is one token of the parse (the head of a noun
phrase). It names a party when:

- it lies inside a name the rules or the gazetteer already know (people,
  states, organisations), or inside a name the parser's NER marks as an
  organisation or a group ("the First Division Association");
- it is a collective noun ("the unions", "the Tories", "critics"), named by
  its own words;
- it is a pronoun, "the two sides", "both leaders" or "the minister",
  resolved to the nearest compatible party before it (``Memory``).

Conjuncts, appositions and "including" lists add their own parties:
"critics, including Germany and France" are Germany and France.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from briefgen.extract.facts import Entity
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.parse.lexicon import Lexicon
from briefgen.extract.parse.tokens import Sentence, Token

_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}
_SINGULAR = frozenset(_GENDER)
# "we" is the speaker's side, seldom the last group named: it is left unresolved.
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_FIRST = frozenset({"i", "me", "my"})
# The authors of a joint statement, outside any quotation in it.
_WE = frozenset({"we", "us", "our", "ours", "ourselves"})
_INCLUDING = frozenset({"including", "like", "such as", "among them", "notably"})
_GROUP_DETERMINERS = frozenset({"the", "both", "two", "three", "all", "these", "those", "their"})
# Words the parser's entities take in that are no part of a name: "A Labour Party
# spokesman", "the Foreign Office's".
_NOT_OF_A_NAME = frozenset({"the", "a", "an", "'s", "’s"})
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
# A party's adjective standing for the party ("a Tory plan"), and its plural name.
_PARTY_ADJECTIVES = {
    "tory": "Tories",
    "conservative": "Conservatives",
    "lib dem": "Lib Dems",
    "liberal democrat": "Liberal Democrats",
    "democrat": "Democrats",
    "republican": "Republicans",
}
_COUNTERPART = frozenset({"counterpart", "counterparts", "host", "guest"})
# "The unions" refers back to a group named before; "other unions" and "some MPs" do not
# name the whole of one.
_DEFINITE = frozenset({"the", "these", "those"})
_SOME = frozenset({"other", "some", "many", "several", "most", "few", "more", "all", "both"})
# Numbers that stand alone for a group named before: "the two", "both".
_COUNTS = {"two": 2, "both": 2, "three": 3}
# People of a state who do not act for it: "the British Jews", "Iraqi civilians".
_PEOPLE_OF_A_STATE = frozenset(
    {"citizens", "civilians", "nationals", "residents", "voters", "workers",
     "students", "families", "farmers", "jews",
     "muslims", "christians", "catholics", "hindus", "sikhs", "migrants", "refugees",
     "immigrants", "taxpayers", "patients", "pensioners", "fans", "tourists", "expatriates"}
)  # fmt: skip
# Plurals of bodies, never two people: "the two parties".
_BODIES = frozenset(
    {"parties", "countries", "nations", "states", "governments", "unions", "houses"}
)
# "The three NSAs", "the four leaders": a count of the last group's size.
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Words that make a role another one: the Vice President is not "the President".
_SECOND = frozenset({"vice", "deputy", "shadow", "former", "assistant", "acting", "under"})
# Words for part of a body: "members of his team" are of no party the sentence names.
_PART_OF = frozenset({"members", "member", "staff", "representatives", "delegates"})
# Words that end a person's title besides the role nouns of the trigger table.
_TITLE_ENDS = frozenset({"coordinator", "counselor", "counsellor", "aide", "officer"})
# Small words inside a body's name: "Council of Europe", "Campaign for Nuclear Disarmament".
_NAME_JOINS = frozenset({"of", "the", "and", "for"})
# Texts written with a capital that act as subjects without being anyone: "The Bill
# faces opposition", "the Budget unveiled".
_DOCUMENTS = frozenset({"Bill", "Act", "Budget", "Treaty", "Constitution", "Report", "Order"})
# Those who speak for a body, named after "for": "a spokesman for the union".
_SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# In ``Memory.people``: a person the text named only by a role no one named has.
UNNAMED = ""
_QUOTE_MARKS = frozenset(('"', "“", "”", "``", "''"))


# Words that open a sentence and are never a party, whatever the parser made of them.
_SENTENCE_ADVERBS = frozenset(
    {"meanwhile", "however", "also", "today", "yesterday", "tomorrow", "earlier", "later",
     "previously", "nevertheless", "moreover", "furthermore"}
)  # fmt: skip


@dataclass
class Memory:
    """What an article said before the current sentence, for pronouns and "the two sides"."""

    people: list[str] = field(default_factory=list)  # recent people, newest last
    # Every person named so far, newest last: whom "the Prime Minister" may be.
    named: list[str] = field(default_factory=list)
    # The last groups of two or more parties acting together, newest last.
    groups: list[list[str]] = field(default_factory=list)
    speaker: str | None = None  # the last one quoted, for "I" and "we" inside a quote
    authors: list[str] = field(default_factory=list)  # a joint statement's, for its "we"
    collectives: list[str] = field(default_factory=list)  # "public sector unions", newest last
    genders: dict[str, str] = field(default_factory=dict)  # "female" or "male", where the text says
    affiliations: dict[str, str] = field(default_factory=dict)  # the batch's people's parties
    pair: list[str] = field(default_factory=list)  # the last two people named together

    def fits(self, name: str, pronoun: str) -> bool:
        """Whether a singular pronoun can stand for ``name``: "she" not for "Mr Lee"."""
        gender = self.genders.get(name)
        return gender is None or _GENDER.get(pronoun, gender) == gender

    def saw_collective(self, phrase: str) -> None:
        self.collectives = [*[c for c in self.collectives if c != phrase], phrase][-6:]

    def saw_person(self, name: str) -> None:
        self.people = [*[p for p in self.people if p != name], name][-6:]

    def saw_named(self, names: Iterable[str]) -> None:
        fresh = list(dict.fromkeys(names))
        self.named = [*[p for p in self.named if p not in fresh], *fresh]

    @property
    def group(self) -> list[str]:
        """The last two or more parties acting together."""
        return self.groups[-1] if self.groups else []

    def saw_group(self, names: list[str]) -> None:
        if len(names) >= 2:
            group = list(names)
            self.groups = [*[g for g in self.groups if g != group], group][-6:]


@dataclass(frozen=True)
class Party:
    name: str
    is_person: bool
    token: int  # the argument's head token


class Parties:
    """The parties of one parsed sentence."""

    def __init__(
        self,
        sentence: Sentence,
        names: list[Entity],
        memory: Memory,
        roles: dict[str, str],
        lexicon: Lexicon,
    ) -> None:
        self.s = sentence
        self.memory = memory
        self.roles = roles
        self.lex = lexicon
        self.collective = lexicon.words("collective")
        self.described_collective = lexicon.words("described_collective")
        self.place_events = lexicon.words("place_events")
        self.group_nouns = lexicon.words("group_nouns")
        self.role_nouns = lexicon.words("role_nouns")
        self.speaking = lexicon.words("speech") | lexicon.words("disagreement", "judging_verbs")
        self.at: dict[int, Entity] = {}
        self.adjectives: set[int] = set()  # the parser's group adjectives, before a noun
        for named in names:
            for t in sentence.tokens:
                # A token may hold a whole name with its title ("Foreign Minister Anna Berg").
                overlaps = t.start < named.end and named.start < t.end
                better = t.i not in self.at or (named.is_person and not self.at[t.i].is_person)
                if overlaps and better:
                    self.at[t.i] = named
        self._unnamed_subjects()
        # The parser's organisations and groups, where no known name covers them.
        for label, first, last in sentence.ents:
            if label not in _ORG_LABELS or any(i in self.at for i in range(first, last)):
                continue
            words = [t for t in sentence.tokens[first:last] if t.lower not in _NOT_OF_A_NAME]
            if not words or not all(w.text[:1].isupper() for w in words):
                continue
            text = sentence.text_of([w.i for w in words])
            if text in gazetteer().not_names:
                continue  # "Mazgaon Dock Shipbuilders, Ltd.": no body called "Ltd."
            named = Entity(words[0].start, words[-1].end, text, False)
            for i in range(first, last):
                self.at[i] = named
            if label == "NORP" and last - first == 1 and words[0].rel in ("amod", "compound"):
                self.adjectives.add(first)  # "Republican" in "the Republican leaders"

    def _unnamed_subjects(self) -> None:
        """ "The President reiterated ... He encouraged ...": a subject known only by a
        role no one named has is the one a later "he" means, so it is remembered as an
        unnamed person, and "he" stays unresolved rather than taken for someone else."""
        for t in self.s.tokens:
            main = t.rel == "nsubj" and self.s.tokens[t.head].rel == "root"
            if not main or t.lower.split()[-1] not in self.role_nouns or not self._definite(t):
                continue
            if not any(j in self.at for j in self.s.subtree(t.i)) and self._role(t) is None:
                self.memory.saw_person(UNNAMED)

    # -- one token -----------------------------------------------------------------

    def of(self, i: int, *, expand: bool = True) -> list[Party]:
        """The parties token ``i`` stands for, with its conjuncts and appositions if ``expand``."""
        found: list[Party] = []
        for j in self._expanded(i) if expand else [i]:
            party = self._one(j)
            if party is not None:
                found.extend(party)
        return unique(found)

    def _expanded(self, i: int) -> list[int]:
        out = [i]
        for child in self.s.children(i):
            if child.rel != "cc" and self.s.case(child.i) in _INCLUDING:
                # "Critics, including Germany and France": the members are the parties.
                if out and out[0] == i:
                    out.pop(0)
                out.extend(self._expanded(child.i))
            elif (
                (child.rel == "conj" and child.pos in ("PROPN", "NOUN", "PRON", "X"))
                or (child.rel == "appos" and child.i in self.at)
                or (child.rel == "appos" and self._listed(child))
            ):
                if self._described(i, child) and out and out[0] == i:
                    out.pop(0)  # "No campaigner Neil Herron": the campaigner is Herron
                out.extend(self._expanded(child.i))
            elif child.dep == "nmod:unmarked" and self._state(i) and self._state(child.i):
                # "France, Germany, Italy and the United Kingdom" read as a place and
                # where it is ("Jeddah, Saudi Arabia"): no state lies in another
                out.extend(self._expanded(child.i))
        return out

    def _described(self, i: int, appos: Token) -> bool:
        """Whether token ``i`` is a common noun that only describes the person named in
        apposition to it, with no name of its own."""
        named = self.at.get(appos.i)
        t = self.s.tokens[i]
        if named is None or not named.is_person or i in self.at or t.pos != "NOUN":
            return False
        # not "the prime minister", who is someone the text named before
        own = self._one(i) or []
        return not t.lower.endswith("s") and not any(p.is_person for p in own)

    def _listed(self, t: Token) -> bool:
        """Whether an apposition is the next item of a list of parties: "Tories, Lib Dems
        and some Labour MPs" read as "Tories, [who are] Lib Dems and ...", a party that
        has its own conjunct after it."""
        if not self.s.children(t.i, "conj"):
            return False
        found = self._one(t.i) or []
        return bool(found) and not any(p.is_person for p in found)

    def _state(self, i: int) -> bool:
        named = self.at.get(i)
        return named is not None and named.name in gazetteer().countries

    def _one(self, i: int) -> list[Party] | None:
        t = self.s.tokens[i]
        if t.lower in _SENTENCE_ADVERBS:
            return None  # "Meanwhile the Tories outlined ..." with "Meanwhile" a subject
        if (counted := self._counted_group(t)) is not None:
            return counted  # before the recognizer's reading of "NSAs" as a body
        if i in self.at:
            named = self.at[i]
            if (
                t.lower.split()[-1] in _PEOPLE_OF_A_STATE
                and t.end > named.end
                and named.name in gazetteer().countries
            ):
                return [Party(self._phrase(t), False, i)]  # "the British Jews", merged
            if not named.is_person and self._titled(t) and (holder := self._holder_after_body(i)):
                return [holder]  # "the People's Republic of China Director of ... Wang Yi"
            if (
                not named.is_person
                and t.end > named.end
                and self._titled(t)
                and named.name not in gazetteer().countries
            ):
                # "Jennifer Klein, White House Gender Policy Council Director": a title,
                # of someone the sentence names elsewhere; the body in it is no party
                # (a state is: "Jordanian Deputy Prime Minister" acts for Jordan).
                return None
            return [Party(named.name, named.is_person, i)]
        # "Foreign Minister Anna Berg" headed by "Minister": the name is a flat
        # or compound part of the phrase.
        person_noun = t.lower.split()[-1] in self.role_nouns | _COUNTERPART
        state: Entity | None = None
        employer: Entity | None = None  # "a Downing Street spokesman" speaks for it
        body = t.lower.split()[-1]
        for child in self.s.children(i, "flat", "compound", "amod"):
            if child.i in self.adjectives and t.pos == "NOUN":
                # "the Republican leaders": a group the adjective describes, not a party
                # called "Republican"; never a thing ("the Liberal Democrats face" with
                # the verb read as a noun)
                if self.people_noun(t):
                    return [Party(self._phrase(t), False, i)]
                return None
            if child.i in self.at:
                named = self.at[child.i]
                if named.is_person and body in self.collective:
                    break  # "the Biden administration" is not Biden
                if body in self.place_events and self._state(child.i):
                    continue  # "the Iraq war" is no party's
                if child.i > i and _participle(t) and not person_noun:
                    # "The unions meeting Mr Prescott want ..." read as one noun phrase:
                    # the name is the participle's object, the party the noun before it.
                    before = [c.i for c in self.s.children(i, "compound") if c.i < i]
                    return self._one(before[-1]) if before else None
                if t.lower in _PEOPLE_OF_A_STATE and named.name in gazetteer().countries:
                    # "the British Jews", "Iraqi civilians": people of the state, not it
                    # ("British troops", "Chinese officials" act for it)
                    return [Party(self._phrase(t), False, i)]
                if person_noun and not named.is_person:
                    state = named  # "his U.S. counterpart" is a person, not the U.S.
                    if named.name not in gazetteer().countries:
                        employer = named  # a "South African archbishop" speaks for no state
                    if named.name in gazetteer().venues:
                        state = None  # "White House advisers" act for no state of that name
                    continue
                return [Party(named.name, named.is_person, i)]
        if t.pos == "NOUN" and not person_noun:
            # "aid charity Actionaid", "the pressure group Liberty": a name in apposition
            # to a common noun that no list knows is the body the noun describes.
            flat = [c for c in self.s.children(i, "flat") if c.i > i]
            if flat and all(c.pos == "PROPN" and c.text[:1].isupper() for c in flat):
                words = [j for c in flat for j in self.s.subtree(c.i)]
                return [Party(self.s.text_of(sorted(words)), False, i)]
        if t.pos == "PROPN" and t.text[:1].isupper():
            # The same, parsed with the name as head: "campaign group Clean Rivers".
            parts = self.s.children(i, "compound", "flat")
            described = any(c.pos == "NOUN" and c.text.islower() and c.i < i for c in parts)
            name = [c.i for c in parts if c.pos == "PROPN" and c.text[:1].isupper()]
            if described and all(c.i > i or c.pos != "PROPN" or c.i in name for c in parts):
                return [Party(self.s.text_of(sorted([*name, i])), False, i)]
        if person_noun:
            for child in self.s.children(i, "appos"):
                if child.i in self.at and self.at[child.i].is_person:
                    named = self.at[child.i]
                    return [Party(named.name, True, i)]
            # "his Italian counterpart, Luigi Di Maio": the name after the comma, however
            # the parser hung it.
            end = self.s.subtree(i)[-1]
            if end + 2 < len(self.s.tokens) and self.s.tokens[end + 1].text == ",":
                named_after = self.at.get(end + 2)
                if named_after is not None and named_after.is_person:
                    return [Party(named_after.name, True, i)]
            if (holder := self._holder_after_body(i)) is not None:
                return [holder]
            if state is not None and t.lower.endswith("s"):
                # "his EU counterparts": the ministers of the EU, who act for it.
                return [Party(state.name, False, i)]
            if employer is not None and self._indefinite(t):
                # "a Pentagon spokesman": someone the text does not name, speaking for
                # the body it does.
                return [Party(employer.name, False, i)]
            if self._indefinite(t) and t.lower in _SPEAKERS:
                # "a spokesman for UKIP": the same, the body named after "for"
                for k in self.s.children(i, "nmod"):
                    employers = self._one(k.i) if self.s.case(k.i) == "for" else None
                    if employers and not any(p.is_person for p in employers):
                        return employers
        lower = t.lower.split()[-1].removeprefix("co-")  # "Labour MPs" may be one token
        holders = lower.endswith("s") and lower[:-1] in self.role_nouns  # "the Advisors"
        if lower in self.group_nouns | self.collective | self.role_nouns or holders:
            # "representatives of the United States and Ukraine", "leaders of both parties",
            # "officials from the White House and the Department of Justice" (bodies only)
            of = [c for c in self.s.children(i, "nmod") if self.s.case(c.i) == "of"]
            if lower in self.role_nouns and not lower.endswith("s"):
                # "the chief of staff", "the head of the union": one person, not the body
                of = [c for c in of if c.i in self.at]
            members = [p for c in of for p in self.of(c.i)]
            members.extend(
                p
                for c in self.s.children(i, "nmod")
                if self.s.case(c.i) == "from"
                for p in self.of(c.i) or []
                if not p.is_person
            )
            if members:
                return members
            if of and lower in _PART_OF and t.pos == "NOUN":
                return None  # "members of his economic team": of no party named here
        if lower in _COUNTS and not self.s.children(i, "nmod", "obl"):
            # "The two agreed", "Both said": a number standing alone for the last group,
            # not "two of the leaders"
            dets = {c.lower for c in self.s.children(i, "det")}
            if self.memory.group and (lower == "both" or "the" in dets):
                last = self.memory.group[: _COUNTS[lower]]
                return [Party(name, name in self.roles, i) for name in last]
        if t.pos == "PRON" or lower in _SINGULAR | _PLURAL | _FIRST:
            return self._pronoun(t)
        if lower in self.group_nouns or t.lemma.lower() in self.group_nouns:
            group = self._group(t)
            if group is not None:
                return group
        if lower in self.role_nouns and self._definite(t):
            if (role := self._role(t)) is None and employer is not None:
                # "the Home Office spokesman" no one named: the Home Office speaks
                return [Party(employer.name, False, i)]
            return role
        if lower == "party" and not self.s.children(i, "compound", "amod", "flat"):
            return self._party_of(t)
        if lower in self.collective or t.lemma.lower() in self.collective:
            return [Party(self._collective(t), False, i)]
        if lower in self.described_collective:
            which = self._collective(t)
            return [Party(which, False, i)] if which.lower() != lower else None
        if (
            t.pos == "PROPN"
            and t.rel == "nsubj"
            and t.text[:1].isupper()
            and t.text.isalpha()
            and t.text not in gazetteer().data["page_furniture"]  # "Photo: Reuters) vowed"
            and t.text.removesuffix("s") not in _DOCUMENTS  # "The Bill now faces ...": a text
            and not self.s.children(i, "conj", "cc", "flat", "compound")
            and not any(k.i != i and k.pos == "PROPN" for k in self.s.children(t.head, "nsubj"))
        ):
            # A proper name no list knows acting as a subject ("Unison cannot accept"):
            # a body that acts, named as the text names it; not beside another name as
            # subject ("Meanwhile in Paris, Chung held talks" read with two).
            return [Party(t.text, False, i)]
        if self._unknown_body(t):
            return [Party(t.text, False, i)]
        spelled = t.text.split()
        if len(spelled) > 2 and spelled[1] == "of" and spelled[0].lower() in self.collective:
            # A body's whole name read as one token: "Council of Scottish Colonels".
            return [Party(t.text, False, i)]
        if self._party_named(t):
            return [Party(t.text, False, i)]
        return None

    def _party_named(self, t: Token) -> bool:
        """ "Labour accused the SNP of ...", "UKIP called on ...": a political party the
        gazetteer knows, named as a noun of its own, where the recognizer saw no body
        (it knows "Labour", not "UKIP"). Never one that describes the noun after it
        ("SNP leader", "Labour plans"), nor a member called by the party's adjective
        ("a Tory said")."""
        if t.text not in gazetteer().political_parties or t.rel in ("amod", "flat"):
            return False
        if t.rel == "compound" and self.s.tokens[t.head].pos != "VERB":
            return False  # but "against UKIP working with them", read as a noun, acts
        return t.pos == "PROPN" or t.text.isupper() or t.text.endswith("s")

    def _unknown_body(self, t: Token) -> bool:
        """ "Amnesty International has said ...": a name of several capitalised words that
        no list knows and the parser tagged as it pleased (an adjective, a noun), as the
        subject of a verb of saying or judging, is a body named as the text names it.
        Never a title ("the Secretary of State said"), a person the parser saw as one, a
        heading ("Digital Trade: ..."), nor the subject of any other verb, where a
        capitalised run is as often a programme or a document ("the Executive Order
        directs ...") as a body."""
        words = t.text.split()
        if t.rel != "nsubj" or len(words) < 2 or t.ent == "PERSON" or t.text[:1].islower():
            return False
        if not all(w.isalpha() and (w[:1].isupper() or w in _NAME_JOINS) for w in words):
            return False
        titles = self.role_nouns | _TITLE_ENDS
        if any(w.lower() in titles or w.lower().removesuffix("s") in titles for w in words):
            return False
        after = self.s.tokens[t.i + 1] if t.i + 1 < len(self.s.tokens) else None
        if (after is not None and after.text == ":") or self.s.children(t.i, "nmod:poss"):
            return False  # a heading; "the President's Executive Order" is his
        verb = self.s.tokens[t.head]
        said = self.lex.lemma(verb.text, verb.lemma) in self.speaking
        return said and verb.pos in ("VERB", "AUX") and t.text not in gazetteer().not_names

    def _pronoun(self, t: Token) -> list[Party] | None:
        lower = t.lower
        if lower in _SINGULAR:
            if self._told_one_like_it(t):
                return None  # "X told Y that his plan ...": X's or Y's, no rule can tell
            # Never the subject of the pronoun's own clause ("Lee attacked him").
            others = self._clause_subjects(t)
            found = self._main_subject_after(t)
            if found is None or found in others:
                found = self._person_before(t)
            if found is None and self._unnamed_subject_before(t):
                return None  # "The chancellor insisted his plans ...": not the last named
            if found is None or found in others:
                # The newest person named before; one it cannot stand for is passed.
                found = next(
                    (
                        name
                        for name in reversed(self.memory.people)
                        if name == UNNAMED or (self.memory.fits(name, lower) and name not in others)
                    ),
                    None,
                )
            if not found or (found == self.memory.speaker and self.quoted(t)):
                # The one quoted says "I": "he" in the quote is someone the rules cannot tell.
                return None
            return [Party(found, True, t.i)]
        if lower in _FIRST and self.memory.speaker:
            return [Party(self.memory.speaker, True, t.i)]
        if lower in _WE and self.memory.authors and not self.quoted(t):
            # "We reaffirm our commitment ..." in a joint statement: all who sign it
            return [Party(name, name in self.roles, t.i) for name in self.memory.authors]
        if lower in _PLURAL and (t.rel == "nsubj" or t.dep == "nmod:poss"):
            group = self._group_before(t)
            if group:
                return group
        if lower in _PLURAL and self.memory.group:
            return [Party(name, name in self.roles, t.i) for name in self.memory.group]
        return None

    def _told_one_like_it(self, t: Token) -> bool:
        """Whether a possessive "his" or "her" stands in what one person told another the
        pronoun can stand for too ("Mr Howard told Mr Blair that his plan was reckless")."""
        if t.dep != "nmod:poss":
            return False
        for above in self.s.ancestors(t.i):
            said = above.rel == "ccomp" or (
                above.rel in ("dep", "acl")
                and any(k.lower == "that" and k.rel == "mark" for k in self.s.children(above.i))
            )
            if said:
                verb = self.s.head(above.i)
                if verb is not None and above.rel == "acl":
                    verb = self.s.head(verb.i)  # "told the minister [that his ...]" hung on him
                if verb is None or verb.lower not in self.lex.speech_forms:
                    return False
                addressees = self.s.children(verb.i, "obj", "iobj")
                if len(addressees) != 1:
                    return False
                told = self.of(addressees[0].i, expand=False)
                if not told:  # "told the British minister": a person, but not named
                    return addressees[0].lower.split()[-1] in self.role_nouns
                one = len(told) == 1 and told[0].is_person
                return one and self.memory.fits(told[0].name, t.lower)
        return False

    def _clause_subjects(self, t: Token) -> set[str]:
        """The people a pronoun object cannot be: the subjects of its own verb."""
        head = self.s.head(t.i)
        if t.rel not in ("obj", "iobj", "obl") or head is None:
            return set()
        return {
            self.at[u.i].name
            for u in self.s.children(head.i, "nsubj")
            if u.i in self.at and self.at[u.i].is_person
        }

    def quoted(self, t: Token) -> bool:
        """Whether ``t`` stands inside a quotation. A sentence may begin inside one
        opened before it ('voice must be heard," he said'): its first mark then closes,
        written against the word before it."""
        tokens = self.s.tokens
        marks = [u.i for u in tokens if u.text in _QUOTE_MARKS]
        inside = bool(marks) and (
            tokens[marks[0]].text == "”"
            or (marks[0] > 0 and not tokens[marks[0] - 1].space and tokens[marks[0]].text != "“")
        )
        return inside != (sum(i < t.i for i in marks) % 2 == 1)

    def _group_before(self, t: Token) -> list[Party]:
        """ "The campaigners were so angered they threatened ...", "the unions said their
        members would strike": "they" or "their" is the subject of a clause it is said or
        felt in, named before it, when that subject is a plural group or several parties
        (never one person, nor a thing: "the administration supports the people as they
        call for ..."), before any group met earlier. Not "them": an object is seldom
        the subject above it ("officials met the makers and urged them to ...")."""
        for above in self.s.ancestors(t.i):
            for u in self.s.children(above.i, "nsubj"):
                if u.i > t.i or u.pos == "PRON" or any(a.i == u.i for a in self.s.ancestors(t.i)):
                    continue
                if self.s.children(u.i, "nummod"):
                    return []  # "the three NSAs": named before, as "they" is; the same group
                parties = self.of(u.i)
                plural = u.lower.endswith("s") and not u.lower.endswith("ss")
                if len(parties) >= 2 or (len(parties) == 1 and plural and not parties[0].is_person):
                    return [Party(p.name, p.is_person, t.i) for p in parties]
                return []  # the nearest subject is one person, one thing, or no party
        return []

    def _main_subject_after(self, t: Token) -> str | None:
        """ "After his talks with X, Y said ...": a pronoun in a phrase leading the
        sentence is the main clause's subject, named after it."""
        root = self.s.root()
        if root is None or t.i > root.i:
            return None
        for u in self.s.children(root.i, "nsubj"):
            named = self.at.get(u.i)
            inside = any(a.i == u.i for a in self.s.ancestors(t.i))
            if (
                u.i > t.i
                and named is not None
                and named.is_person
                and not inside
                and self.memory.fits(named.name, t.lower)
            ):
                return named.name
        return None

    def _person_before(self, t: Token) -> str | None:
        """The last person named earlier in this sentence, outside the pronoun's own clause
        ("Brown said he ..."): "X met Y and he ..." prefers the subject. A name the parser
        made the root, with the verb hung beside it ("X, father of Y, thanked ... he"), is
        the subject too."""
        subjects = [
            self.at[u.i].name
            for u in self.s.tokens[: t.i]
            if u.i in self.at
            and self.at[u.i].is_person
            and (u.rel == "nsubj" or (u.rel == "root" and u.pos == "PROPN"))
            and self.memory.fits(self.at[u.i].name, t.lower)
        ]
        if subjects:
            return subjects[-1]
        return None

    def _unnamed_subject_before(self, t: Token) -> bool:
        """Whether someone before ``t`` in its sentence is named by a role the rules could
        not put a name to ("The chancellor meanwhile insisted his ...", however it was
        parsed): then "he" or "his" is as likely that one, whom the rules cannot name."""
        return any(
            u.lower in self.role_nouns
            and (self._definite(u) or (u.i > 0 and self.s.tokens[u.i - 1].lower == "the"))
            and u.i not in self.at
            and not self.of(u.i)
            for u in self.s.tokens[: t.i]
        )

    def _group(self, t: Token) -> list[Party] | None:
        """ "the two sides", "both leaders", "the pair": the last group acting together."""
        dets = {c.lower for c in self.s.children(t.i) if c.rel in ("det", "nummod", "nmod")}
        if (
            not self.memory.group
            and self.memory.pair
            and dets & {"two", "both"}
            and t.lower not in _BODIES
        ):
            # "Blair and Howard spoke ... The two men clashed": no group has acted yet
            # (but "the two big parties" are no two people)
            return [Party(name, True, t.i) for name in self.memory.pair]
        if not dets & _GROUP_DETERMINERS or not self.memory.group:
            return None
        singular = ("leader", "country", "nation", "man", "woman", "side", "delegation")
        if t.lower in singular and "both" not in dets and "two" not in dets:
            return None  # "the leader" is one person
        if any(c.text.islower() and c.pos == "NOUN" for c in self.s.children(t.i, "compound")):
            # "the faith leaders", "the administration officials": those of a kind among
            # them ("the Quad leaders", "the third leaders' summit" are all of them)
            return None
        group = self.memory.group[:2] if "two" in dets or "both" in dets else self._whole_group()
        return [Party(name, name in self.roles, t.i) for name in group]

    def _whole_group(self) -> list[str]:
        """ "The Leaders" of a meeting of three after two of them acted ("Biden and Kishida
        welcome Yoon's intent to join"): all of them, the newest group of people alone
        that the last one is a part of."""
        last = set(self.memory.group)
        wider = (
            g
            for g in reversed(self.memory.groups[:-1])
            if set(g) > last and all(name in self.roles for name in g)
        )
        return next(wider, self.memory.group)

    def _counted_group(self, t: Token) -> list[Party] | None:
        """ "The three NSAs resolved ...": a plural counted as many as a group that acted
        together before is that group, whatever the noun (an acronym no list knows)."""
        dets = {c.lower for c in self.s.children(t.i, "det")}
        counts = [_NUMBERS[c.lower] for c in self.s.children(t.i, "nummod") if c.lower in _NUMBERS]
        if "the" not in dets or not counts or not t.text.endswith("s"):
            return None
        # the newest group of that size ("The three NSAs" after two of them agreed); of
        # two, only the last group (an older pair is history named in passing)
        groups = self.memory.groups if counts[0] > 2 else self.memory.groups[-1:]
        group = next((g for g in reversed(groups) if len(g) == counts[0]), None)
        if group is None:
            return None
        return [Party(name, name in self.roles, t.i) for name in group]

    def people_noun(self, t: Token) -> bool:
        """A noun that names people: a group ("voters", "leaders"), a body ("party"),
        a role ("minister")."""
        words = {t.lower.split()[-1], t.lemma.lower()}
        heads = self.lex.words("group_heads")
        return bool(words & (self.group_nouns | self.collective | self.role_nouns | heads))

    def _titled(self, t: Token) -> bool:
        """A token that ends in a role word: "White House Gender Policy Council Director"."""
        words = t.lower.split()
        titles = self.role_nouns | _TITLE_ENDS
        return len(words) > 1 and (words[-1] in titles or words[-1].removesuffix("s") in titles)

    def _holder_after_body(self, i: int) -> Party | None:
        """ "Minister of the International Liaison Department of the Central Committee ...
        Liu Jianchao": the person named at the end of a title's chain of bodies holds it
        (the parser hung the name on the last body, or as its conjunct)."""
        if self.s.tokens[i].lower.endswith("s"):
            return None  # "the Deputy Advisors of France, ...": many, none named here
        k = i
        while bodies := [
            c for c in self.s.children(k, "nmod") if self.s.case(c.i) in ("of", "for")
        ]:
            if k == i and bodies[0].i in self.at:
                return None  # "Secretary of the Interior Ann Lee": the name is the body's
            k = bodies[0].i
            # or the portfolio's ("minister for women Jacqui Smith", the name hung on it)
            for c in [*self.s.children(k, "conj"), *self.s.children(k, "flat")]:
                if c.i in self.at and self.at[c.i].is_person:
                    return Party(self.at[c.i].name, True, i)
            if k in self.at and self.at[k].is_person:
                return Party(self.at[k].name, True, i)
        return None

    def _indefinite(self, t: Token) -> bool:
        return any(c.lower in ("a", "an") for c in self.s.children(t.i, "det"))

    def _definite(self, t: Token) -> bool:
        dets = {c.lower for c in self.s.children(t.i) if c.rel in ("det", "nmod")}
        head = self.s.head(t.i)
        if not dets and t.rel == "conj" and head is not None:
            return self._definite(head)  # "The President and Prime Minister": one "the"
        return bool(dets & {"the", "his", "her", "this"})

    def _role(self, t: Token) -> list[Party] | None:
        """ "the chancellor": the latest person whose role has that word, and every word
        before it ("the shadow foreign secretary" is not the foreign secretary); "the
        President" is not the Vice President, nor "the minister" the deputy minister.
        The latest of those who acted first ("President Biden spoke with Jenny Black,
        president of ..."; "The President"), then of all those named ("President Biden
        spoke with Prime Minister Trudeau. The President and Prime Minister agreed")."""
        words = [c.lower for c in self.s.children(t.i, "amod", "compound") if c.i < t.i]
        words += t.lower.split()  # "Prime Minister" may be one token
        # "the Tory leader": a leader of that party, which is no word of the role
        parties = gazetteer().political_parties
        party = next((parties[w.title()] for w in words if w.title() in parties), None)
        words = [w for w in words if w.title() not in parties]
        for name in [*reversed(self.memory.people), *reversed(self.memory.named)]:
            role = (self.roles.get(name) or "").lower().split()
            if party is not None and self.memory.affiliations.get(name) != party:
                continue
            if all(w in role for w in words) and not (_SECOND & set(role)) - set(words):
                return [Party(name, True, t.i)]
        return None

    def _party_of(self, t: Token) -> list[Party] | None:
        """ "his party", "Mr Kennedy, whose party ...": the political party of the one
        it is said of, where the text gives it. "The party" alone names none the rules
        can tell: a brief that said "party: challenged the Tories" would tell no one."""
        for owner in self.s.children(t.i, "nmod:poss"):
            if owner.lower == "whose":
                # the relative clause's antecedent: "Mr Kennedy, whose party opposes"
                clause = next((a for a in self.s.ancestors(t.i) if a.rel == "acl"), None)
                people = [self.at[clause.head]] if clause and clause.head in self.at else []
                names = [p.name for p in people if p.is_person]
            else:
                names = [p.name for p in self._one(owner.i) or [] if p.is_person]
            parties = {self.memory.affiliations.get(name) for name in names}
            if len(parties) == 1 and (party := parties.pop()) in gazetteer().political_parties:
                return [Party(party, False, t.i)]
        return None

    def _collective(self, t: Token) -> str:
        """A group's name, the same across an article: "the unions" after "five public
        sector unions" are those unions, so both reports of what they did name one party."""
        phrase = self._phrase(t)
        words = phrase.lower().split()
        if (party := _PARTY_ADJECTIVES.get(" ".join(words))) is not None:
            return party  # "a Tory plan", "the Lib Dem motion": by the name it goes by
        if len(words) == 1:
            dets = {c.lower for c in self.s.children(t.i, "det")}
            if dets & _DEFINITE and not dets & _SOME:  # "all the unions" are not those
                for earlier in reversed(self.memory.collectives):
                    if earlier.lower().split()[-1] == words[0]:
                        return earlier
        elif not set(words) & _SOME:
            self.memory.saw_collective(phrase)
        return phrase

    def _phrase(self, t: Token) -> str:
        """A collective party's own words: "public service unions", "Tories", "critics"."""
        keep = [t.i]
        for child in self.s.children(t.i, "compound", "amod", "flat"):
            words = self.s.subtree(child.i)
            if child.pos in ("VERB", "AUX"):  # "the government shunned" misread as one
                continue
            if any(self.s.tokens[i].text == "," for i in words):
                continue  # "Yesterday, senior officials": a name has no comma inside
            keep.extend(words)
        # not "the", nor a word of how many ("some Labour MPs", "most critics"), which
        # says nothing of who they are; "other" does ("Other unions" met someone else)
        drop = {"the", "'s", "’s", *_SOME} - {"other"}
        words = [i for i in sorted(keep) if self.s.tokens[i].lower not in drop]
        return self.s.text_of(words) or t.text


def unique(parties: list[Party]) -> list[Party]:
    """``parties`` without repeats, first mention first."""
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.name not in seen:
            seen.add(p.name)
            out.append(p)
    return out


def _participle(t: Token) -> bool:
    """Whether ``t``, read as a common noun, may be an -ing participle ("meeting", "backing")."""
    return t.pos == "NOUN" and t.text.islower() and t.text.endswith("ing") and len(t.text) > 5
