"""Finding people and parties in an article's text.

A capitalised run of words is taken for a person only when the grammar of
news says so: a title before it ("Foreign Minister Chung Eui-yong"), a role in
apposition after it ("Ned Price, spokesperson of the U.S. State Department"),
a counterpart phrase ("his Italian counterpart, Luigi Di Maio"), an honorific
("Mr Obama"), or because the same person was introduced that way elsewhere in
the batch (bare "Chung" after "Foreign Minister Chung Eui-yong").
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from itertools import accumulate
from typing import TYPE_CHECKING

import regex

from briefgen.extract import precompiled
from briefgen.extract.dates import MONTH_NAMES, WEEKDAYS
from briefgen.extract.gazetteer import Gazetteer, gazetteer
from briefgen.extract.parse.lexicon import lexicon
from briefgen.ingest.conventions import credits

if TYPE_CHECKING:
    from nicknames import NickNamer

# Names, titles and appositions never run across a paragraph break: list
# items ("Attorney General of Nevada" / "Matthew Platkin, ...") are paragraphs.
# "O'Neill", "D'Arcy" and "Murphy-O'Connor" open or join a word with a letter and an
# apostrophe.
_WORD = (
    r"(?!(?:Jr|Sr)\b)(?:(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?"
    r"(?:['’]\p{Lu}[\p{Ll}\p{M}]+)?(?:-\p{L}[\p{Ll}\p{M}]*(?:['’]\p{Lu}[\p{Ll}\p{M}]+)?)*"
    r"|\p{Lu}\.|(?:al|el|ul|ad|as|ash|at)-\p{Lu}[\p{Ll}\p{M}]+)"
)
_PARTICLE = r"(?:da|de|di|del|der|van|von|bin|al|la|le|dos|das|du)"
# A body's name, which may hold "of", "and", "for": "the Association of
# Directors of Social Services", "Unison".
_BODY = (
    r"\p{Lu}[\p{L}\p{M}&’'-]*(?:[^\S\n]+(?:(?:of|and|for|the|&)[^\S\n]+){0,2}"
    r"\p{Lu}[\p{L}\p{M}&’'-]*){0,7}(?![\p{L}/-])"
)
# A surname may open with its particles: "President von der Leyen", "Mr de Villepin".
_LEADING_PARTICLE = r"(?:da|de|di|del|der|van|von|dos|das|du|la|le)"
_NAME = (
    rf"(?:{_LEADING_PARTICLE}[^\S\n]+){{0,2}}"
    rf"{_WORD}(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+){{0,2}}{_WORD}){{0,5}}"
    r"(?:,?[^\S\n]+(?:Jr|Sr)\b\.?|[^\S\n]+(?:II|III|IV)\b)?"
)
# "co-chairman"; "Shadow Chancellor", an opposition's spokesman, is no chancellor
_ROLE_PREFIX = r"(?:(?:Acting|Deputy|Vice|Senior|Chief|First|[Ss]hadow)[^\S\n]+)?(?:[Cc]o-)?"
_POSSESSIVE = r"(?:['’]s|(?<=s)['’])?"  # "Labour's", "the Liberal Democrats'"
# Words that may open a lower-case description but are no part of a role (besides the
# stop words): "said lawyer Bo Chen", "when senator Al Roe".
_NOT_ROLE = frozenset(
    {"said", "says", "told", "when", "while", "as", "who", "whose", "which", "including"}
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a person is named, with what that place says about them."""

    start: int
    end: int
    name: str
    role: str | None = None
    affiliation: str | None = None
    # title, apposition, counterpart, described (a lower-case noun before
    # the name: "lawyer Bo Chen"), honorific, full (the full name of a
    # surname met with a title), object (of "met with"), speaker (the subject
    # of "said"), given (a full name opening with a given name), entity (a trained
    # model's) or known (a form introduced elsewhere)
    cue: str = "known"


@dataclass(frozen=True, slots=True)
class PartyMention:
    start: int
    end: int
    name: str  # canonical state or organisation


class Patterns:
    """The compiled patterns, built once from the gazetteer (the big ones made from their
    compiled form when ``briefgen/data/name_patterns.json`` holds it: ``precompiled``)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        party = gaz.party_pattern
        # Before a title, a political party too: "Labour MP Ann Lee".
        member_of = rf"{party}|{gaz.political_party_pattern}"
        role = rf"{_ROLE_PREFIX}(?:{gaz.role_pattern})"
        generic_role = (
            r"(?:\p{Lu}\p{Ll}+[^\S\n]+(?:and[^\S\n]+)?){1,3}(?:Secretary|Minister|Advisor|Adviser)"
        )
        # Titles and names start a word, mostly with a capital: telling the
        # regex engine so lets it skip most positions of a text at once.
        dotted = "|".join(regex.escape(h) for h in sorted(gaz.honorifics) if h.endswith("."))
        lower_starts = sorted({w[0] for w in [*gaz.parties, *gaz.roles] if not w[0].isupper()})
        word_start = rf"(?<![\p{{L}}\p{{M}}])(?=\p{{Lu}}|[{''.join(lower_starts)}])"
        heads = "|".join(sorted(_ORGANISATION_HEADS))
        self.titled = precompiled.compile(
            rf"{word_start}(?:(?P<aff>{member_of})(?:[^\S\n]+\((?P<abbr>\p{{Lu}}{{2,6}})\))?{_POSSESSIVE}[^\S\n]+"
            # A government body between the state and a title: "ROK National Security
            # Office Director Cho" (not a company: "British Airways Chief Executive").
            rf"(?P<office>(?:\p{{Lu}}\p{{Ll}}+[^\S\n]+){{0,3}}(?:{_GOVERNMENT_BODIES})[^\S\n]+"
            rf"(?={role}[^\S\n]))?)?"
            rf"(?P<role>(?:{role}|(?P<generic>{generic_role}))(?:[^\S\n]+and[^\S\n]+{role})?)"
            # An honorific with a full stop may stand between: "Security Advisor Dr. Ann Lee".
            # An office of a body may be named without "the", and the body with "and":
            # "Secretary of Health and Human Services Ann Lee".
            # (not after a title guessed from its last word: "Maldives Minister of ...")
            rf"(?P<of_the>[^\S\n]+(?:of|(?<=(?:{_PORTFOLIO_HOLDERS})[^\S\n]+)(?P<portfolio>for))(?(generic)[^\S\n]+the|(?:[^\S\n]+the)?))?[^\S\n]+(?:(?:{dotted})[^\S\n]+)?"
            rf"(?(of_the)(?:(?P<and_body>(?:\p{{Lu}}[\p{{L}}\p{{M}}'’-]*[^\S\n]+(?:(?:of|for|the)[^\S\n]+)*)+"
            # (an "and" after a whole body's name joins the next person: "Director of the
            # Gender Policy Council and Ann Lee")
            rf"(?<!(?i:{_GOVERNMENT_BODIES}|{heads})[^\S\n]+)(?:and|&)[^\S\n]+)"
            # or a body of a body: "Director of the Office of the Foreign Affairs Commission
            # Ann Lee", the last body's name read with hers
            rf"|(?P<nested>(?:(?:\p{{Lu}}[\p{{L}}\p{{M}}'’-]*[^\S\n]+)*?(?:{_BODY_ENDS})[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?)+)))?(?P<name>{_NAME})"
            rf"(?:[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<aff2>{party})"
            # A list of delegations: "- Prime Minister Ann Lee, Commonwealth of Australia".
            rf"|,[^\S\n]+(?:the[^\S\n]+)?(?P<aff3>{party})(?=[^\S\n]*(?:\n|$)))?"
        )
        nouns = gaz.person_noun_pattern
        kinds = "|".join(regex.escape(k) for k in sorted(_BODY_KINDS))
        # The name is atomic: a comma can only follow its last word, so
        # trying shorter runs of it is wasted work.
        self.apposition = precompiled.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<name>(?>{_NAME})),[^\S\n]+(?:\d{{1,3}},[^\S\n]+)?"
            rf"(?:the[^\S\n]+|a[^\S\n]+|an[^\S\n]+)?(?:(?P<aff>{member_of}){_POSSESSIVE}[^\S\n]+)?"
            # Not "A, Republic of Korea National Security Advisor B": a role
            # followed by a name is the next person's title.
            rf"(?P<role>(?:\p{{Ll}}[\p{{Ll}}-]*[^\S\n]+){{0,2}}(?:{nouns})(?:[^\S\n]+general)?|(?i:{role}))"
            # A second description is looked past: "a Labour peer and a human rights lawyer".
            rf"(?:[^\S\n]+and[^\S\n]+(?:a|an)[^\S\n]+(?:\p{{Ll}}[\p{{Ll}}-]*[^\S\n]+){{0,2}}(?:{nouns}))?"
            rf"\b(?![^\S\n]+{_WORD})"
            rf"(?:[^\S\n]+(?:of|for|at|to)[^\S\n]+(?:the[^\S\n]+)?(?P<aff2>{party})(?![^\S\n]+\p{{Lu}}))?"
            # The body a lower-case role is of, looked at but not taken (the
            # next person's apposition may start inside it).
            # "of civil rights group Liberty": a noun for a kind of body before its name;
            # "of the Fire Brigades union": a lower-case head after it.
            rf"(?=[^\S\n]+(?P<prep>of|at|for)[^\S\n]+(?:the[^\S\n]+)?"
            rf"(?P<kind>(?:\p{{Ll}}[\p{{Ll}}-]*[^\S\n]+){{0,2}}(?:{kinds})[^\S\n]+)?"
            rf"(?P<body>{_BODY}(?:[^\S\n]+(?:{heads}))?)(?:[^\S\n]*[,.;:()]|[^\S\n]+\p{{Ll}}))?"
        )
        self.counterpart = precompiled.compile(
            rf"\b(?:his|her|their)[^\S\n]+(?:(?P<aff>{party})[^\S\n]+)?counterparts?,?[^\S\n]+(?P<name>{_NAME})"
        )
        # The one met or called, named without a title: "spoke today with
        # Ishiba Shigeru", "met yesterday with opposition leader Ana Lis".
        self.met_object = precompiled.compile(
            r"\b(?:met|meets|spoke|speaks|talks|meeting|call|called)"
            r"(?:[^\S\n]+(?:today|yesterday|\p{Ll}+day))?"
            # Lower-case words before the name may be a role ("opposition
            # leader"), never a determiner: "met with the Global Coalition".
            r"(?:[^\S\n]+(?:with|to))?[^\S\n]+"
            r"(?:(?!(?:the|a|an|its|their|our|his|her|this|these|those|all|both)\b)"
            r"\p{Ll}[\p{Ll}-]*[^\S\n]+){0,3}"
            rf"(?P<name>{_NAME})"
        )
        # A person described in lower case before the name: "shadow chancellor Ann Lee".
        # Capitalised only where it opens a sentence: "Lawyer Bo Chen said".
        opening = r"(?<=(?:^|\n|[.!?][\"”’]?[^\S\n]+))"
        # At a sentence's opening the description may start with a capital
        # ("Shadow home secretary David Davis"); a peer is named with the
        # title ("fertility expert Lord Winston").
        # A body in capitals may stand first: "PCS Union spokesman Jeff Evans".
        peers = "|".join(regex.escape(p) for p in sorted(gaz.data["peer_titles"]))
        others = "|".join(
            regex.escape(h) for h in sorted(gaz.honorifics - set(gaz.data["peer_titles"]))
        )
        # Every way in opens a word: the other positions are skipped at once.
        self.described = precompiled.compile(
            r"(?<!\p{L})(?=\p{L})"
            rf"(?:(?:(?P<aff>{member_of})|(?P<body>\b\p{{Lu}}{{2,6}}(?:[^\S\n]+Union)?)"
            # "Yes campaign chairman Ann Lee", "Fire Brigades Union official Bo Chen"
            rf"|(?P<org>\b(?:\p{{Lu}}[\p{{L}}\p{{M}}'’-]*[^\S\n]+){{1,4}}(?i:{heads}))){_POSSESSIVE}[^\S\n]+)?"
            r"(?<![\p{L}\p{M}'’-])(?P<role>(?:\p{Ll}[\p{Ll}-]*[^\S\n]+){0,2}"
            rf"(?:co-)?(?:{nouns})|{opening}(?:(?i:{nouns})|\p{{Lu}}\p{{Ll}}+[^\S\n]+"
            rf"(?:\p{{Ll}}[\p{{Ll}}-]*[^\S\n]+)?(?:{nouns})))"
            rf"[^\S\n]+(?:(?P<peer>{peers})[^\S\n]+|(?:{others})[^\S\n]+)?(?P<name>{_NAME})"
        )
        # A party before a full name, with no role: "Liberal Democrat Paul
        # Tyler", "Labour's Robin Cook", "Tory Lord Campbell".
        self.partisan = precompiled.compile(
            rf"(?P<aff>{gaz.political_party_pattern}){_POSSESSIVE}[^\S\n]+"
            rf"(?:(?P<peer>{peers})[^\S\n]+)?(?P<name>{_NAME})"
        )
        # A full name that says something: "Tony Blair has argued", "Mark
        # Serwotka warned". Companies and bodies are kept out by the words
        # that cannot be in a name ("Amnesty International", "Downing Street").
        speech = "|".join(regex.escape(v) for v in sorted(gaz.data["speech_verbs"]))
        # ... or after it, at the end of a clause: "..., said Charles Kennedy."
        self.speaker = precompiled.compile(
            rf"(?<![\p{{L}}\p{{M}}'’.-])(?P<name>(?>{_NAME}))[^\S\n]+"
            rf"(?:(?:has|had|have|also|then)[^\S\n]+)?(?:{speech})\b"
            rf"|\b(?:{speech})[^\S\n]+(?P<after>(?>{_NAME}))(?=[^\S\n]*[,.;:])"
        )
        # Any run of name words: a person's when it opens with a given name.
        self.run = precompiled.compile(rf"(?<![\p{{L}}\p{{M}}'’.-])(?P<name>(?>{_NAME}))")
        # The role first, the name set off by commas: "The shadow foreign
        # secretary, Ann Lee, said".
        self.role_first = precompiled.compile(
            # Or a possessive: "The charity's director, Ann Lee", "His party leader, Bo Chen".
            # Or a party's, alone: "Plaid Cymru's former President, Dafydd Wigley".
            rf"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[^\S\n]+"
            rf"(?:(?P<aff>{member_of}){_POSSESSIVE}[^\S\n]+|\p{{Ll}}+['’]s[^\S\n]+)?"
            rf"|(?P<owner>{gaz.political_party_pattern})['’]s[^\S\n]+)"
            # An office may be of a place: "the Bishop of Winchester", "the Mayor of London".
            rf"(?P<role>(?:\p{{Ll}}[\p{{Ll}}-]*[^\S\n]+){{0,3}}(?:{nouns})|(?:former[^\S\n]+)?{role}"
            rf"(?:[^\S\n]+of[^\S\n]+(?P<see>{_WORD}(?:[^\S\n]+{_WORD}){{0,2}}))?),[^\S\n]+"
            # A peer is named with the title, a cleric or doctor after a style.
            rf"(?:(?:the[^\S\n]+)?(?:Rt|Most)[^\S\n]+Rev(?:d|erend)?\.?[^\S\n]+|(?:Dr|Prof)\.?[^\S\n]+"
            rf"|(?P<peer>{peers})[^\S\n]+)?(?P<name>{_NAME})(?=[,.;:])"
        )
        # A description set off by dashes: "Lord Bingham - a senior law lord - said".
        self.dashed = precompiled.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:(?P<peer>{peers})[^\S\n]+)?(?P<name>(?>{_NAME}))[^\S\n]+[-–—]"
            # (the description may name a body: "- a former Yale historian,")
            rf"[^\S\n]+(?:a|an|the)[^\S\n]+(?P<role>(?:(?:\p{{Ll}}[\p{{Ll}}-]*|\p{{Lu}}\p{{Ll}}+)[^\S\n]+){{0,3}}"
            rf"(?:{nouns}))(?:[^\S\n]+[-–—]|,)"
        )
        # A member of parliament or a barrister named with the letters after the name:
        # "Ann Lee MP", "Guy Mansfield QC", "Bo Chen MEP".
        self.member_mp = precompiled.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<name>(?>{_NAME}))[^\S\n]+(?P<letters>{_POSTNOMINALS})\b"
            rf"(?![’'s])(?![^\S\n]+\p{{Lu}})"
        )
        # A full name and the body it comes from: "Mark Serwotka, from the Public and
        # Commercial Services union, said".
        # Without the comma only before a verb of saying: "Ann Lee of the CMF said".
        self.member_of = precompiled.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<name>(?>{_NAME}))(?P<comma>,)?[^\S\n]+(?:from|of|for)[^\S\n]+the[^\S\n]+"
            rf"(?P<body>{_BODY}(?:[^\S\n]+(?:union|party|campaign|group))?)"
            rf"(?(comma)(?=[^\S\n]*[,.;:]|[^\S\n]+\p{{Ll}})|(?=[^\S\n]+(?:{speech})\b))"
        )
        honorifics = "|".join(regex.escape(h.rstrip(".")) for h in sorted(gaz.honorifics))
        self.honorific = precompiled.compile(rf"\b(?:{honorifics})\.?[^\S\n]+(?P<name>{_NAME})")
        self.party = precompiled.compile(party)
        # "The Mexican delegation included", "Canada's high-level delegation was led by"
        self.delegation = precompiled.compile(
            rf"\b(?P<state>{party})(?:['’]s)?[^\S\n]+(?:[\p{{Ll}}-]+[^\S\n]+){{0,2}}delegation"
            r"[^\S\n]+(?:also[^\S\n]+)?(?:included|includes|comprised|consisted[^\S\n]+of|was[^\S\n]+led[^\S\n]+by)\b"
        )

    @cached_property
    def folded_parties(self) -> dict[str, str]:
        """States and organisations by their names without case ("European commission")."""
        return {form.casefold(): name for form, name in self.gaz.parties.items() if " " in form}

    @cached_property
    def role_words(self) -> frozenset[str]:
        return frozenset(w for r in self.gaz.roles for w in r.split())

    @cached_property
    def role_words_lower(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.role_words)

    @cached_property
    def plural_person_nouns(self) -> frozenset[str]:
        """ "officers", "leaders": words for people that name no one person."""
        return frozenset(f"{n.lower()}s" for n in self.gaz.data["person_nouns"])


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return Patterns(gazetteer())


def clean_name(
    name: str,
    pats: Patterns,
    *,
    from_end: bool = False,
    city_at_end: bool = True,
    surnames: frozenset[str] = frozenset(),
) -> str | None:
    """The run of name words in ``name``; None when nothing name-like is left.

    Words that cannot be part of a name (roles, organisation words, states,
    cities, "As", "Previously") end a name: scraped captions and titles of
    offices run names into the words around them ("Barack Obama As Trump").
    With ``from_end`` the last such run is taken instead of the first. A
    one-word city closing the run ("Richard Worley Nashville") is a place
    unless ``city_at_end`` is False ("Samia Suluhu Hassan of Tanzania").
    A title or a town that closes the run is a surname when the text calls
    someone by it with an honorific (``surnames``: "Labour MP Oona King ...
    Ms King"), and a town is one after a single given name ("Bob Wellington").
    """
    words = name.split()
    runs: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        span = _non_name_span(words, i, pats, city_at_end)
        if span == 1 and i == len(words) - 1 and _is_surname(words, runs[-1], pats, surnames):
            span = 0  # "Oona King", "Bob Wellington": a title or a town as a surname
        if span:
            if (
                runs == [words[:i]]
                and i
                and not from_end
                and _title_words(words, i, city_at_end, pats)
            ):
                return None  # "Chief Medical Advisor": the first words are the title's
            runs.append([])
            i += span
        else:
            runs[-1].append(words[i])
            i += 1
    runs = [r for r in runs if r]
    if not runs:
        return None
    run = runs[-1] if from_end else runs[0]
    while len(run) > 1 and _INITIAL.fullmatch(run[-1]):
        run.pop()  # "Ashish Jha U." is Ashish Jha of the U.S.
    cleaned = " ".join(run).rstrip(",")
    if len(cleaned) < 2 or (len(run) == 1 and _INITIAL.fullmatch(run[0])):
        return None
    return cleaned


_INITIAL = regex.compile(r"\p{Lu}\.")


def _after_body(m: regex.Match[str], name: str) -> bool:
    """Whether ``name`` ends the run after an office's bodies and follows the last
    body's own last word: "... of the Foreign Affairs Commission Ann Lee", "... of the
    Communist Party of China Ann Lee"; not "... of the Office of Public Engagement"."""
    before, _, rest = m["name"].rpartition(f" {name}")
    last = before.rsplit(" ", 1)[-1]
    return (
        not rest
        and bool(last)
        and (regex.fullmatch(_BODY_ENDS, last) is not None or last in gazetteer().countries)
    )


def from_given_name(run: str) -> str | None:
    """The name at the end of a run that an office's body runs into ("Agriculture Tom
    Vilsack" after "Secretary of"): from its first given name on (English given names
    and their short forms); None when it has none, since the body's last words would
    be taken for the name."""
    words = run.split()
    first = next((i for i, w in enumerate(words) if _given_or_short_form(w)), None)
    if first is None or first == len(words) - 1:
        return None
    return " ".join(words[first:])


def _is_surname(
    words: list[str], kept: list[str], pats: Patterns, surnames: frozenset[str]
) -> bool:
    """Whether the last of ``words``, a title or a place word, is the name's surname
    (``kept``: the name words before it)."""
    if not kept or kept != words[:-1]:
        return False  # "Lord Chancellor", "Mr President": a title, with no given name
    last = words[-1].rstrip(",")
    if last in pats.gaz.not_names:
        return False  # "Amnesty International": never a name's word
    return last in surnames or (
        len(words) == 2 and last in pats.gaz.cities and last.lower() not in pats.role_words_lower
    )


# The last word of a body of government's name, not a company's: "National Security Office".
_GOVERNMENT_BODIES = "Office|Council|Ministry|Secretariat|Agency|Cabinet|Department|Commission"
# The last words of a body's name inside an office's ("the Office of the Foreign Affairs
# Commission", "the Communist Party of China"), which a holder's name may follow.
_BODY_ENDS = f"{_GOVERNMENT_BODIES}|Committee|Party|Bureau|Assembly|Congress|Board|Security"
# Letters after a name that make it a person's: a member of a parliament, a barrister.
_POSTNOMINALS = "MP|MEP|MSP|QC|KC"
# Titles whose "for" names a portfolio ("Special Envoy for Climate John Kerry"), not
# the one spoken for ("a spokesman for Commissioner X") nor a seat ("MP for Hornsey").
_PORTFOLIO_HOLDERS = (
    "Envoy|Representative|Secretary|Advisor|Adviser|Director|Coordinator|Administrator|"
    "Minister|Commissioner|Ambassador|Assistant|Counselor|Counsellor|Secretary-General"
)
_OFFICE_OF_ANOTHER = regex.compile(r"\b(?:to|for)[^\S\n]+the[^\S\n]+$")
_TO_OR_FOR = regex.compile(r"\b(?:to|for)[^\S\n]+$")
# Capitalised words in a list before a title's "X and Y" ("Culture, " before
# "Media and Sport Secretary"): the office's name began there.
_LISTED_BEFORE = regex.compile(r"(?:\p{Lu}\p{Ll}+,[^\S\n]+)+$")
# Words before a comma that open a sentence, not a portfolio's list ("In September,
# Trade and Industry Secretary X", not "Culture, Media and Sport Secretary X").
_NOT_PORTFOLIOS = frozenset(
    {*MONTH_NAMES, *(day.title() for day in WEEKDAYS), "Meanwhile", "However", "Yesterday",
     "Today", "Earlier", "Later", "Instead", "Separately", "Also", "Now", "Then"}
)  # fmt: skip
_OWNS_NAMED_THING = regex.compile(r"['’]s\s+\p{Lu}")
_ROMAN = regex.compile(r"[IVX]+")


def _title_words(words: list[str], i: int, city_at_end: bool, pats: Patterns) -> bool:
    """Whether the words before ``i`` are part of a title: "Medical" before a role word
    that ends the name ("Chief Medical Advisor"). Not where a name goes on after the
    role word ("Hassan Sheikh Mohamud"), before a ruler's title, which is also a
    surname and comes before a given name ("Candi King", "Hussein and Princess
    Rajwa"), nor where they open with a given name ("Oona King")."""
    role = words[i].rstrip(",").lower()
    if role not in pats.role_words_lower or role in pats.gaz.given_name_titles:
        return False
    if i + 1 < len(words) and not _non_name_span(words, i + 1, pats, city_at_end):
        return False
    return not _given_or_short_form(words[0])


def _given_or_short_form(word: str) -> bool:
    """Whether ``word`` is a given name or the short form of one ("Tom"), by the nickname
    table or the census, its accents aside ("Andrés")."""
    folded = word.casefold()
    names = nicknames()
    return bool(names.nicknames_of(folded) or names.canonicals_of(folded)) or is_given_name(
        without_accents(word)
    )


def without_accents(word: str) -> str:
    """``word`` with its accents taken off ("López" -> "Lopez")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _non_name_span(words: list[str], i: int, pats: Patterns, city_at_end: bool) -> int:
    """How many words from ``i`` on are a state, city or non-name word (0 if none)."""
    for k in range(min(4, len(words) - i), 0, -1):
        phrase = " ".join(words[i : i + k]).rstrip(",")
        if pats.gaz.party(phrase):
            return k
        # A one-word city may be a given name (Ann, Florence, Austin): only
        # at the end of the run is it taken for a place ("Richard Worley Nashville").
        if phrase in pats.gaz.cities and (k > 1 or (city_at_end and i + k == len(words))):
            return k
    word = words[i].rstrip(",")
    if (
        word in pats.gaz.not_names
        or word.lower() in pats.role_words_lower
        or word.lower() in pats.plural_person_nouns  # "Association of Chief Police Officers"
    ):
        return 1
    if i == 0 and word in pats.gaz.state_tails:
        return 1  # "(Bosnia and) Herzegovina Zeljka Cvijanovic"
    if i == 0 and len(words) > 2 and word.endswith("ite"):
        return 1  # a follower's word before the name: "Blairite Alan Milburn"
    if word.rpartition("-")[2] in _OF_A_KIND:
        return 1  # "a George Bush-style campaign": a kind, not the man
    if word.isupper() and (
        word.capitalize() in pats.gaz.not_names or (i == 0 and len(word) > 3 and len(words) > 2)
    ):
        return 1  # a photo credit in capitals run into the text: "GETTY Trump", "GETTYEPA Al Gore"
    heading = [w for w in words[: i + 1] if _CAPITALS.fullmatch(w)]
    if len(heading) == i + 1 and not _CAPITALS.fullmatch(words[-1]):
        return 1  # a caption's heading in capitals before a name: "BARBRA STREISAND Streisand"
    return 1 if _ROMAN.fullmatch(word) and i == 0 else 0  # "II" alone is no name


# A word in capitals, longer than initials ("JK Rowling"): "PST", "BARBRA".
_CAPITALS = regex.compile(r"\p{Lu}{3,}")
# The last part of a hyphened word that makes a name a kind of thing: "Bush-style".
_OF_A_KIND = frozenset({"style", "era", "like", "led", "backed", "type"})

_MAJESTY = regex.compile(r"^(?:His|Her)\s+Majesty\s*")


def _normal_role(role: str) -> str:
    role = _MAJESTY.sub("", role).strip()
    return role or "King"


def find_introductions(text: str) -> list[Mention]:
    """Mentions that themselves say the name is a person's (title, apposition, ...)."""
    pats = patterns()
    found: list[Mention] = []
    # Surnames the text uses with an honorific ("Ms King"), even where they
    # are also titles or places.
    honorifics = list(pats.honorific.finditer(text))
    surnames = frozenset(m["name"] for m in honorifics if " " not in m["name"])
    for m in pats.titled.finditer(text):
        # After "Chair of the Surface Transportation Board" the name is the
        # last run of name words; after a plain title it is the first.
        # "Secretary of Agriculture Tom Vilsack": where the body's name ends is not told
        # "Special Envoy for Climate John Kerry": the same
        portfolio = bool(m["portfolio"])
        unbounded = bool(m["and_body"]) or m["of_the"] == " of" or portfolio
        name = clean_name(
            m["name"],
            pats,
            from_end=bool(m["of_the"]),
            city_at_end=not m["aff2"] and not unbounded,
            surnames=surnames,
        )
        if name is not None and unbounded:
            # "Prime Minister of Japan Fumio Kishida": after a state, the name is the rest
            before = m["name"][: m["name"].rfind(name)].strip()
            name = from_given_name(name) or (name if before and pats.gaz.party(before) else None)
        if name is None or _a_thing_titled(m, text) or (m["nested"] and not _after_body(m, name)):
            continue
        if m["generic"] and m["generic"].endswith(("Advisor", "Adviser")) and " " not in name:
            # "Domestic Policy Advisor Rice": a surname alone is too often another's of
            # that name elsewhere in the batch ("Speaker McCarthy") for a guessed title
            continue
        peer, _, rest = m["name"].strip().partition(" ")
        if rest == name and peer in pats.gaz.data["peer_titles"]:
            name = f"{peer} {name}"  # "Attorney General Lord Goldsmith": a peer keeps the title
        if m["of_the"] and (" " not in name or _OWNS_NAMED_THING.match(text, m.end("name"))):
            # After "Chair of the Central Military Commission" a one-word
            # "name" is the organisation's last word; "Co-Chair of the Poor
            # People's Campaign" names an organisation, not a person.
            continue
        start = m.start("name") + m["name"].find(name)
        if _OFFICE_OF_ANOTHER.search(text, max(0, m.start() - 8), m.start()):
            # "Advisor to the Vice President Dr. Ann Lee": the title is part of her
            # office, which names another's; she is a person, of no role read here.
            found.append(Mention(start, start + len(name), name, cue="title"))
            continue
        role = _normal_role(_strip_leading_not_names(m["role"], pats))
        if m["office"]:
            role = f"{m['office']}{role}"  # "National Security Office Director"
        listed = _LISTED_BEFORE.search(text, max(0, m.start("role") - 80), m.start("role"))
        words = listed.group().split(",") if listed else []
        if (
            words
            and " and " in m["role"]
            and not any(_a_place(w, pats) or w.strip() in _NOT_PORTFOLIOS for w in words)
        ):
            role = listed.group() + m["role"]  # "Culture, Media and Sport Secretary"
        if " and " in role and (
            text.endswith(("the ", "The "), 0, m.start()) or is_given_name(role.split()[0])
        ):
            # "the Vice President and President Marcos", "a feud between Gordon Brown
            # and Prime Minister Tony Blair": two people, the second of whom is named here.
            role = role.rsplit(" and ", 1)[1]
        aff = m["aff"] or m["aff2"] or m["aff3"]
        if m["of_the"]:
            # "Secretary of the Russian Security Council Nikolay Patrushev": the
            # words before the name complete the role and may name the state.
            body = text[m.end("of_the") : start].strip()
            role = f"{role} {' '.join(m['of_the'].split())} {body}"
            if not portfolio:  # "for the Western Hemisphere at the National Security Council"
                aff = aff or next((w for w in body.split() if pats.gaz.party(w)), None)
        found.append(
            Mention(
                start,
                start + len(name),
                name,
                role=role or None,
                affiliation=pats.gaz.affiliation(aff) if aff else None,
                cue="title",
            )
        )
    for m in pats.apposition.finditer(text):
        name = clean_name(m["name"], pats, surnames=surnames)
        if name is None or " " not in name:
            continue  # one capitalised word before ", the spokesman" is too often a place
        if m["role"].split()[0] in _NOT_ROLE:
            continue  # "Ann Lee, whose father ...": the role is someone else's
        if _after_the(text, m.start("name") + m["name"].rfind(name)):
            continue  # "writing in the Daily Telegraph, the prime minister said": a thing
        aff = m["aff2"] or m["aff"]
        affiliation = pats.gaz.affiliation(aff) if aff else _apposed_body(m, pats)
        start = m.start("name") + m["name"].rfind(name)
        found.append(
            Mention(start, start + len(name), name, m["role"], affiliation, cue="apposition")
        )
    titles = [f for f in found if f.cue == "title"]
    title_ends = [f.end for f in titles]
    for m in pats.counterpart.finditer(text):
        name = clean_name(m["name"], pats, surnames=surnames)
        if name is None:
            continue
        start = m.start("name")
        aff = pats.gaz.party(m["aff"]) if m["aff"] else None
        # A counterpart holds the same office as the last titled person before
        # (titled mentions are in text order, so their ends are too).
        before = bisect_right(title_ends, start)
        implied = titles[before - 1].role if before else None
        found.append(
            Mention(start, start + len(name), name, implied, affiliation=aff, cue="counterpart")
        )
    for m in pats.met_object.finditer(text):
        name = clean_name(m["name"], pats, surnames=surnames)
        if (
            name is None
            or " " not in name
            or not m["name"].startswith(name)  # a title first: the title rule's
            or name in pats.gaz.towns  # "met in Puerto Rico"
        ):
            continue
        start = m.start("name")
        found.append(Mention(start, start + len(name), name, cue="object"))
    for m in pats.described.finditer(text):
        if (named := _full_or_peer(m, pats, surnames, whole=False)) is None:
            continue
        name, start = named
        words = m["role"].split()
        while len(words) > 1 and (
            words[0] in pats.gaz.stop_words | _NOT_ROLE or words[0] in pats.gaz.not_names
        ):
            words.pop(0)  # "the", "when", "But": no part of the role
        if any(w in _PREPOSITIONS for w in words[:-1]):
            # "claims made in journalist Robert Peston's book": the role starts after "in"
            words = words[max(i for i, w in enumerate(words[:-1]) if w in _PREPOSITIONS) + 1 :]
        role = " ".join(words)
        if role.istitle():
            role = role.lower()  # "Lawyer" opening a sentence is a lawyer
        if m["aff"]:
            aff = pats.gaz.affiliation(m["aff"])
        elif m["org"]:
            aff = _organisation_before(m["org"], pats)
        else:
            aff = _body(m["body"], role, pats)
        found.append(Mention(start, start + len(name), name, role, aff, cue="described"))
    for m in pats.role_first.finditer(text):
        name = clean_name(m["name"], pats, surnames=surnames, city_at_end=False)
        if name is None or name != m["name"]:
            continue
        if _TO_OR_FOR.search(text, max(0, m.start() - 5), m.start()):
            continue  # "Advisor to the Prime Minister, Ann Lee": her office names another
        start = m.start("name")
        if m["peer"]:
            if " " in name:
                continue  # "Lord" before two words: no peer's name
            name, start = f"{m['peer']} {name}", m.start("peer")  # "Lord Falconer"
        elif " " not in name:
            continue
        # "the President of France" acts for France, "the Mayor of London" not for the UK
        of_state = m["see"] and pats.gaz.party(m["see"]) and m["see"] not in pats.gaz.cities
        aff = m["aff"] or m["owner"] or (m["see"] if of_state else None)
        affiliation = pats.gaz.affiliation(aff) if aff else None
        found.append(
            Mention(start, start + len(name), name, m["role"], affiliation, cue="described")
        )
    for m in pats.dashed.finditer(text):
        if (named := _full_or_peer(m, pats, surnames, whole=True)) is not None:
            name, start = named
            found.append(Mention(start, start + len(name), name, m["role"], cue="apposition"))
    for m in pats.member_mp.finditer(text):
        name = clean_name(m["name"], pats, surnames=surnames)
        if name is None or " " not in name or not m["name"].endswith(name):
            continue
        if pats.gaz.affiliation(name):
            continue  # "Plaid Cymru MP Elfyn Llwyd": the party's, not a person
        start = m.end("name") - len(name)
        if not _after_the(text, start):  # "the Glasgow Kelvin MP": a seat
            found.append(Mention(start, start + len(name), name, m["letters"], cue="apposition"))
    for m in honorifics:
        name = clean_name(m["name"], pats, surnames=surnames)
        if name is None:
            continue
        start = m.start("name")
        found.append(Mention(start, start + len(name), name, cue="honorific"))
    for m in pats.partisan.finditer(text):
        if _after_the(text, m.start()):
            continue  # "the Green Bay Packers", "the Democratic National Committee"
        if (named := _full_or_peer(m, pats, surnames, whole=True)) is None:
            continue
        name, start = named
        aff = pats.gaz.affiliation(m["aff"])
        found.append(Mention(start, start + len(name), name, affiliation=aff, cue="described"))
        # "Tories Ken Clarke and Sir George Young": the party is the second's too.
        if (more := _AND_NAME.match(text, m.end("name"))) is not None:
            second = clean_name(more["name"], pats, surnames=surnames)
            if second is not None and " " in second and more["name"].startswith(second):
                at = more.start("name")
                found.append(
                    Mention(at, at + len(second), second, affiliation=aff, cue="described")
                )
    for m in pats.member_of.finditer(text):
        # "Mark Serwotka, from the Public and Commercial Services union, said"
        member = clean_name(m["name"], pats, surnames=surnames)
        # (before a verb of saying, with no comma, any body: "Ann Lee of the CMF said")
        organisation = _organisation(m["body"], pats) or (None if m["comma"] else m["body"])
        if (
            member is None
            or " " not in member
            or organisation is None
            or not m["name"].endswith(member)
        ):
            continue
        start = m.end("name") - len(member)
        found.append(
            Mention(start, start + len(member), member, affiliation=organisation, cue="described")
        )
    for m in pats.speaker.finditer(text):
        group = "after" if m["after"] else "name"
        name = clean_name(m[group], pats, surnames=surnames)
        if (
            name is not None
            and name.count(" ") > 1
            and _ENDS_A_LIST.search(text, max(0, m.start() - 5), m.start())
            and not is_given_name(name.partition(" ")[0])
        ):
            # "Minister for Children, Young People and Families Margaret Hodge said":
            # the first word ends the office's list
            name = name.partition(" ")[2]
        if name is None or " " not in name or not m[group].endswith(name):
            continue
        start = m.end(group) - len(name)
        if _after_the(text, start) or _PERSONS_THING.search(text, max(0, start - 60), start):
            continue  # "The Weakest Link tells", "Cherie Blair's Matrix Chambers says": things
        found.append(Mention(start, start + len(name), name, cue="speaker"))
    found.extend(_given_named(text, pats, surnames))
    # (a credit widened by a character each side: it may start with the name it credits,
    # and only mentions strictly inside a span are left out)
    labels = [*_label_spans(text), *((a - 1, b + 1) for a, b in credits(text))]
    found = [
        _former(f, text) for f in found if not any(a < f.start and f.end < b for a, b in labels)
    ]
    found = _delegates(text, found, pats)
    return drop_overlaps(_with_full_names(text, found, pats))


def _given_named(text: str, pats: Patterns, surnames: frozenset[str]) -> list[Mention]:
    """Full names that open with an English given name, with no title or description:
    "the flamboyant Alan Clark", "David Blunkett has become". The whole run of
    capitalised words must be the name: "George Mason University", "California Highway
    Patrol" are not, nor is a run after another capitalised word ("Lawyers' Christian
    Fellowship") or after "the" ("the Tony Blair years")."""
    found = []
    for m in pats.run.finditer(text):
        start, run = m.start(), m["name"]
        if (after := named_after_body(run, text[max(0, start - 20) : start])) is not None:
            # "the head of the Child Support Agency Doug Smith": the name after a body's
            start, run = start + len(run) - len(after), after
        elif not _opens_a_name(text, start, run):
            continue
        name = clean_name(run, pats, surnames=surnames)
        if name is None or " " not in name or name != run:
            continue
        if _PLURAL_OWNER.match(text, m.end()):
            continue  # "Lewis Boys' School": a plural owner named with a given name is a thing
        found.append(Mention(start, start + len(name), name, cue="given"))
    return found


def _opens_a_name(text: str, start: int, run: str) -> bool:
    """Whether a run opening with a given name starts where a name may: not after "the"
    or another capitalised word."""
    return (
        is_given_name(run.partition(" ")[0])
        and not _after_the(text, start)
        and not _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    )


def named_after_body(run: str, before: str) -> str | None:
    """The end of a run of capitalised words that names a body and then a person by a
    given name: "Child Support Agency Doug Smith" -> "Doug Smith", and "the public
    services union Unison Dave Prentis" (a body's one-word name after the common noun
    for it) -> "Dave Prentis"."""
    bodies = lexicon().words("body_nouns")
    words = run.split()
    described = before.rstrip().rpartition(" ")[2] in bodies
    if described and len(words) > 2 and is_given_name(words[1]) and not is_given_name(words[0]):
        return " ".join(words[1:])
    for i in range(1, len(words) - 1):
        if words[i - 1].lower() in bodies and is_given_name(words[i]):
            return " ".join(words[i:])
    return None


# Words after which a description starts again: "(claims made) in journalist X".
_PREPOSITIONS = frozenset({"in", "of", "to", "at", "by", "for", "on", "from", "with", "as"})
# A capitalised word, or its possessive, just before a name.
_CAPITALISED_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}-]*(?:['’]s?)?[^\S\n]+$")


def _delegates(text: str, found: list[Mention], pats: Patterns) -> list[Mention]:
    """ "The Mexican delegation included Foreign Secretary A; Secretary of Defense B":
    the officials a state's delegation is said to include act for that state, to the end
    of the sentence (when nothing else states theirs)."""
    spans = []
    for m in pats.delegation.finditer(text):
        state = pats.gaz.party(m["state"])
        if state is None or state not in pats.gaz.countries:
            continue
        end = _SENTENCE_END.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text), state))
    if not spans:
        return found
    return [
        replace(f, affiliation=state)
        if f.role and f.affiliation is None and (state := _within(f.start, spans))
        else f
        for f in found
    ]


def _within(at: int, spans: list[tuple[int, int, str]]) -> str | None:
    return next((state for start, end, state in spans if start <= at < end), None)


# A sentence's end inside a list of titled names: not after "Gen.", "Dr." or an initial.
_SENTENCE_END = regex.compile(
    r"\n\s*\n|(?<!\b(?:Gen|Adm|Dr|Mr|Mrs|Ms|Lt|Col|Sen|Rep|Gov|St|Jr|Sr|Amb|\p{Lu}))\.(?=\s|$)"
)


def _former(mention: Mention, text: str) -> Mention:
    """ "Former Tory chancellor Ken Clarke", "Former President Bill Clinton": the role is
    a former one, though the words between kept "former" out of the role's match."""
    role = mention.role
    if not role or role.lower().startswith(("former", "ex-")):
        return mention
    before = text[max(0, mention.start - 120) : mention.start].rstrip()
    if not before.endswith(role):
        return mention
    if _FORMER.search(before, 0, len(before) - len(role)) is None:
        return mention
    return replace(mention, role=f"former {role}")


# "former", then up to three words of party or body (no possessive: "the former Soviet
# republic's President" is a president now), then the role.
_FORMER = regex.compile(r"(?i:\bformer|\bex)[-\s]+(?:(?!\S*['’]s\b)\S+\s+){0,3}$")


# A short quoted phrase with every word capitalised is a label, not a person:
# a programme's title ('No More Mr Nasty'), a nickname (dubbed "Sir Wastealot").
_QUOTED_LABEL = regex.compile(
    r"(?<![\p{L}\p{M}])[\"“‘']\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+(?:\p{Lu}[\p{L}.'’-]*|of|the|and)){0,4}"
    r"[\"”’'](?![\p{L}\p{M}])"
)


def _label_spans(text: str) -> list[tuple[int, int]]:
    """Where the text quotes a label, and where it names the label again without the
    quotation marks ("- Michael Howard: No More Mr Nasty is being shown on BBC2")."""
    spans: list[tuple[int, int]] = []
    for words in dict.fromkeys(m.group()[1:-1] for m in _QUOTED_LABEL.finditer(text)):
        again = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(words)}(?![\p{{L}}\p{{M}}])")
        spans.extend((m.start() - 1, m.end() + 1) for m in again.finditer(text))
    return spans


_AND_NAME = regex.compile(
    rf"[^\S\n]+and[^\S\n]+(?:(?:Sir|Dame|Lord|Lady|Baroness)[^\S\n]+)?(?P<name>{_NAME})"
)
# Nouns for a kind of body, before its name: "civil rights group Liberty", "the charity Oxfam".
_BODY_KINDS = frozenset(
    {"group", "organisation", "organization", "charity", "think-tank", "lobby", "campaign"}
)
# Words that end an organisation's name written with a lower-case head ("the Public
# and Commercial Services union", "the Yes campaign").
_ORGANISATION_HEADS = frozenset(
    {
        "union",
        "party",
        "campaign",
        "group",
        "association",
        "council",
        "committee",
        "commission",
        "institute",
        "foundation",
        "federation",
        "society",
        "trust",
        "charity",
    }
)

# A plural's possessive before an institution's name: "(Lewis Boys)' School"; not a
# person's name that ends in "s" ("Charles Dickens' Oliver Twist").
_PLURAL_OWNER = regex.compile(
    r"(?<=s)['’][^\S\n]+(?i:school|college|academy|hospital|club|"
    + "|".join(sorted(_ORGANISATION_HEADS))
    + r")\b"
)


def _organisation(body: str, pats: Patterns) -> str | None:
    """The organisation ``body`` names, if it is one by the gazetteer or by its last
    word ("Unison" is not known to be, "the Fire Brigades Union" is; "the West
    Midlands" is a place)."""
    known = pats.gaz.affiliation(body)
    if known:
        return known
    return body if body.split()[-1].lower() in _ORGANISATION_HEADS else None


def is_given_name(word: str) -> bool:
    """Whether ``word`` is an English given name: one with nicknames ("Howard", "Ann") or
    one the census counts often that is no word of English or the gazetteer ("Gordon",
    "Keith"; ``tools/build_given_names.py``)."""
    return word in _census_given_names() or bool(nicknames().nicknames_of(word.casefold()))


def given_name_sex(word: str) -> str | None:
    """ "female" or "male" for a given name the census finds that sex bears ten times as
    often as the other ("Harriet", "Gordon"); None for one it does not ("Kim")."""
    return {"f": "female", "m": "male"}.get(_census_given_names().get(word, ""))


@lru_cache(maxsize=1)
def _census_given_names() -> dict[str, str]:
    """Each census given name -> "f", "m" or "" (``tools/build_given_names.py``)."""
    text = resources.files("briefgen.data").joinpath("given_names.txt").read_text("utf-8")
    return dict(line.partition("\t")[::2] for line in text.splitlines())


@lru_cache(maxsize=1)
def nicknames() -> NickNamer:
    # A curated table of English given names and their nicknames, read only when a
    # batch needs it (two names that differ in a given name, a name after "Mr").
    from nicknames import NickNamer

    return NickNamer()


def _body(body: str | None, role: str, pats: Patterns) -> str | None:
    """The body a person's lower-case role is of ("general secretary of Unison"), if it
    names one: not a relative ("father of Moazzam"), a place or a date."""
    if not body or not role[0].islower() or role.split()[-1] in pats.gaz.data["kin_nouns"]:
        return None  # "Secretary of Education" names an office, not a body
    if body in pats.gaz.cities or body in pats.gaz.towns or body in pats.gaz.not_names:
        return None
    return pats.gaz.affiliation(body) or body


def _organisation_before(org: str, pats: Patterns) -> str:
    """The organisation named before a role ("Yes campaign chairman"): the one the
    gazetteer knows at its end, in any case ("New European commission president" is the
    European Commission's), else the words less those that only open the sentence."""
    words = org.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if known := pats.gaz.affiliation(tail) or pats.folded_parties.get(tail.casefold()):
            return known
    while len(words) > 2 and words[0].casefold() in _OPENERS | pats.gaz.stop_words:
        words.pop(0)
    return " ".join(words)


# Words that open a sentence before a name: "But", "New", "Former" are no part of a body's.
_OPENERS = frozenset(
    {"but", "and", "however", "meanwhile", "also", "now", "then", "today", "new", "former"}
)


def _apposed_body(m: regex.Match[str], pats: Patterns) -> str | None:
    """The body an apposition's role is of, at or for: after "for" only a body the
    gazetteer knows or one named as a body ("spokesman for the Fire Brigades Union", "for
    campaign group Vote No"): "spokesman for Home Affairs" names a portfolio."""
    kin = m["role"].split()[-1] in pats.gaz.data["kin_nouns"]
    if m["kind"] and m["body"] and m["role"][0].islower() and not kin:
        return pats.gaz.affiliation(m["body"]) or m["body"]  # named as a body: no place
    body = _body(m["body"], m["role"], pats)
    if body is None or m["prep"] != "for":
        return body
    named = pats.gaz.affiliation(m["body"]) or m["body"].split()[-1].lower() in _ORGANISATION_HEADS
    return body if named else None


def _full_or_peer(
    m: regex.Match[str], pats: Patterns, surnames: frozenset[str], *, whole: bool
) -> tuple[str, int] | None:
    """The name a description or a party introduces, and where it starts: a full name
    (the whole run if ``whole``, else its start), or a peer by title and one word
    ("Labour peer Baroness Kennedy"); None for anything else."""
    if m["peer"] and " " not in m["name"]:
        if clean_name(m["name"], pats, city_at_end=False) is None:
            return None
        return f"{m['peer']} {m['name']}", m.start("peer")
    name = clean_name(m["name"], pats, surnames=surnames)
    if name is None or " " not in name or not m["name"].startswith(name):
        return None
    if whole and name != m["name"]:
        return None
    return name, m.start("name")


def _a_place(word: str, pats: Patterns) -> bool:
    word = word.strip()
    return bool(pats.gaz.party(word)) or word in pats.gaz.cities


def _a_thing_titled(m: regex.Match[str], text: str) -> bool:
    """Whether a title and one word name a thing: after "the" ("the General Election",
    "the Queen Mother": a person's title takes "the" only before a full name), after a
    count, or before a word for a place."""
    if " " in m["name"].strip() or " and " in m["role"]:
        return False  # "the Vice President and President Marcos": two people
    if m["role"].split()[0].lower() == "the" or _after_the(text, m.start()):
        return True
    # "31 General Atomics MQ-9B aircraft": things are counted, a person's title is not;
    # "King Cross station" names a place.
    return bool(
        _COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start())
        or _PLACE_AFTER.match(text, m.end("name"))
    )


_PLACE_AFTER = regex.compile(
    r"[^\S\n]+(?i:station|street|road|square|airport|hospital|bridge|park|stadium|avenue|"
    r"college|school|university|cathedral|church|palace|barracks|prison)\b"
)
_COUNT_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\d,])\d+(?:,\d{3})*[^\S\n]+$")


# A person's possessive just before a name: "Cherie Blair's", "Mr Blair's".
_PERSONS_THING = regex.compile(
    r"(?:\p{Lu}[\p{Ll}\p{M}]+[^\S\n]+\p{Lu}[\p{Ll}\p{M}]+|(?:Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+"
    r"\p{Lu}[\p{Ll}\p{M}]+)['’]s[^\S\n]+$"
)


def _after_the(text: str, start: int) -> bool:
    """Whether the word before ``start`` is "the": what follows names a thing."""
    return text[max(0, start - 4) : start].lower() in ("the ", "\nthe")


_SUFFIX = regex.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")


def core_words(name: str) -> list[str]:
    """The words of a name without its generational suffix ("Jr.", "III")."""
    return _SUFFIX.sub("", name).split()


# One to three capitalised words or initials just before a surname: "Stephen", "Donald J."
# (not a possessive: "The SNP's Nicola Sturgeon" is Nicola Sturgeon).
_BEFORE = regex.compile(r"(?:\p{Lu}(?:[\p{L}’'-]*(?<!['’]s)|\.)[^\S\n]+){1,3}$")


def _with_full_names(text: str, found: list[Mention], pats: Patterns) -> list[Mention]:
    """The mentions, with the full name a text gives, without a title, to a person it
    names by surname alone.

    "Labour backbencher Stephen Pound labelled ... Mr Pound said": "Stephen
    Pound" is introduced, and "Mr Pound" is he; so is "Stephen Pound" of a text that
    introduces no one but names him in full. Only when the text gives one full name
    ending in that surname: with "Barack Obama" and "Michelle Obama" both there,
    "Mr Obama" stays as he is, for the batch's people to resolve.
    """
    introduced: dict[str, set[str]] = {}  # surname -> the full names introduced
    for m in found:
        if len(words := core_words(m.name)) > 1:
            introduced.setdefault(words[-1], set()).add(m.name)
    surnames = set(introduced)
    titled_alone = {m.name for m in found if " " not in m.name and m.cue != "honorific"}
    full_name: dict[str, str] = {}
    completed: list[Mention] = []
    for surname in sorted({m.name for m in found if " " not in m.name}):
        if surname in introduced:
            # "Mr Obama" beside "President Obama" and "first lady Michelle Obama" in
            # full may be the President: left for the batch's people to resolve.
            if len(introduced[surname]) == 1 and surname not in titled_alone:
                [full_name[surname]] = introduced[surname]
            continue
        fulls: dict[str, int] = {}
        for m in regex.finditer(rf"\b{regex.escape(surname)}\b", text):
            run = _BEFORE.search(text, max(0, m.start() - 60), m.start())
            name = clean_name(text[run.start() : m.end()], pats, from_end=True) if run else None
            if name is not None and name.endswith(" " + surname):
                fulls.setdefault(name, m.end() - len(name))
        # "Hillary Clinton Donald Trump" in a caption is "Donald Trump" run on.
        fulls = {n: at for n, at in fulls.items() if not any(n.endswith(" " + f) for f in fulls)}
        if len(fulls) == 1:
            [(name, start)] = fulls.items()
            full_name[surname] = name
            completed.append(Mention(start, start + len(name), name, cue="full"))
    full_name.update(_knights(text, found, surnames))
    # A titled surname keeps its own name: "President Obama" is not the
    # "first lady Michelle Obama" of the same article.
    renamed = [
        replace(m, name=name)
        if m.cue == "honorific"
        and (name := full_name.get(m.name) or _named_last(text, m, found, introduced)) is not None
        else m
        for m in found
    ]
    return [*renamed, *completed]


def _named_last(
    text: str, m: Mention, found: list[Mention], introduced: dict[str, set[str]]
) -> str | None:
    """Of two people of one surname the text names in full ("Child Support Agency head
    Doug Smith ... Secretary Alan Smith"), the one "Mr Smith" is: the last named in
    full before it whose given name is not the other sex's ("Mr Obama" after "Barack
    Obama" and "Michelle Obama" is Barack)."""
    fulls = introduced.get(m.name, set())
    if len(fulls) < 2:
        return None
    title = text[max(0, m.start - 6) : m.start].split()[-1:]
    sex = gazetteer().sex_of.get(title[0]) if title else None
    before = [
        f
        for f in found
        if f.name in fulls and f.end <= m.start and given_name_sex(f.name.split()[0]) in (None, sex)
    ]
    return max(before, key=lambda f: f.start).name if before else None


_ENDS_A_LIST = regex.compile(r"\b(?:and|&)[^\S\n]+$")
_KNIGHTED = regex.compile(r"\b(?:Sir|Dame)[^\S\n]+$")


def _knights(text: str, found: list[Mention], surnames: set[str]) -> dict[str, str]:
    """ "Sir John Bourn ... Sir John said": a knight or dame is named again by the
    given name after the title, which is the one person of the text whose full name
    starts with it (never a surname of the text). Full names of one given name and
    one surname are one person's ("Anthony Meyer", "Anthony John Charles Meyer"):
    the longest stands for them."""
    fulls: dict[str, dict[str, set[str]]] = {}  # given name -> surname -> full names
    for m in found:
        if len(words := core_words(m.name)) > 1:
            fulls.setdefault(words[0], {}).setdefault(words[-1], set()).add(m.name)
    out = {}
    for m in found:
        given = m.name
        if (
            m.cue == "honorific"
            and " " not in given
            and given not in surnames
            and len(fulls.get(given, ())) == 1
            and _KNIGHTED.search(text, max(0, m.start - 6), m.start)
        ):
            [names] = fulls[given].values()
            out[given] = max(names, key=lambda n: (len(core_words(n)), len(n), n))
    return out


def _strip_leading_not_names(role: str, pats: Patterns) -> str:
    words = role.split()
    while len(words) > 1 and words[0] in pats.gaz.not_names and words[0] not in pats.role_words:
        words.pop(0)
    return " ".join(words)


def drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the most informative mention where two cover the same characters."""
    rank = {
        "title": 0, "apposition": 1, "counterpart": 2, "described": 3, "honorific": 4, "full": 5,
        "object": 6, "speaker": 6, "entity": 7, "given": 7, "known": 8,
    }  # fmt: skip
    ordered = sorted(mentions, key=lambda m: (rank[m.cue], m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    # Kept mentions never overlap, so sorted by start they are sorted by end
    # too: the ones a mention clashes with are found by bisection, not by
    # scanning them all (a 10 MB article has tens of thousands).
    starts: list[int] = []
    order: list[int] = []  # index into kept, by start
    for mention in ordered:
        at = _first_clash(mention, starts, order, kept)
        if at is None:
            slot = bisect_left(starts, mention.start)
            starts.insert(slot, mention.start)
            order.insert(slot, len(kept))
            kept.append(mention)
            continue
        clash = kept[at]
        if clash.role is None and mention.role:
            kept[at] = Mention(
                clash.start, clash.end, clash.name, mention.role,
                clash.affiliation or mention.affiliation, clash.cue,
            )  # fmt: skip
        elif clash.affiliation is None and mention.affiliation:
            kept[at] = Mention(
                clash.start, clash.end, clash.name, clash.role, mention.affiliation, clash.cue
            )
    return sorted(kept, key=lambda m: m.start)


def _first_clash(
    mention: Mention, starts: list[int], order: list[int], kept: list[Mention]
) -> int | None:
    """The earliest kept mention (in keeping order) that overlaps ``mention``, or None."""
    slot = bisect_left(starts, mention.end)  # kept[order[:slot]] start before it ends
    clashes = []
    while slot > 0 and kept[order[slot - 1]].end > mention.start:
        slot -= 1
        clashes.append(order[slot])
    return min(clashes) if clashes else None


_WORD_START = regex.compile(
    r"(?<![\p{L}\-.’'])\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+|[’'](?!s\b)[\p{L}\p{M}]+)*"
)
_FORM_END = regex.compile(r"(?![\p{L}\-])(?![^\S\n]+\p{Lu}\p{Ll})")


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
        is_taken = _Taken(taken)
        for word in _WORD_START.finditer(text):
            if word.start() < position:
                continue
            for form in self.by_first.get(word.group(), ()):
                end = word.start() + len(form)
                if text.startswith(form, word.start()) and _FORM_END.match(text, end):
                    if not is_taken.overlaps(word.start(), end) and not _a_date(text, form, end):
                        found.append(Mention(word.start(), end, form))
                    position = end
                    break
        return found


def _a_date(text: str, form: str, end: int) -> bool:
    """Whether ``form``, a surname that is also a month ("May"), is the month of a date
    there: "on May 9", "May 9, 2023"."""
    return form in _MONTH_NAMES and _DAY_AFTER.match(text, end) is not None


_MONTH_NAMES = frozenset(MONTH_NAMES)
_DAY_AFTER = regex.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\b")


class _Taken:
    """Whether a range overlaps any of some mentions, in log time (they may overlap each other)."""

    def __init__(self, mentions: list[Mention]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in ordered]
        self.max_end = list(accumulate((m.end for m in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # those that start before the range ends
        return before > 0 and self.max_end[before - 1] > start


def find_parties(text: str) -> list[PartyMention]:
    pats = patterns()
    found = []
    for m in pats.party.finditer(text):
        canonical = pats.gaz.party(m.group())
        if canonical and not _inside_a_body_s_name(text, m, canonical, pats):
            found.append(PartyMention(m.start(), m.end(), canonical))
    return found


def _inside_a_body_s_name(text: str, m: regex.Match[str], canonical: str, pats: Patterns) -> bool:
    """Whether a state named by ``m`` is a word of a body's name: "the Confederation of
    British Industry", "the Board of Deputies of British Jews", "the Nuclear Power
    Corporation of India Limited" speak for themselves, not for the state. Only its
    adjective, or its name after a body's head word: "the Presidency of Bosnia and
    Herzegovina Denis Becirovic", "the President of the United States Joe Biden" are
    the state's."""
    before = _OF_A_NAME.search(text, max(0, m.start() - 40), m.start())
    if before is None or _NAME_GOES_ON.match(text, m.end()) is None:
        return False
    if before["word"].lower() in pats.role_words_lower:
        return False
    adjective = m.group() != canonical and m.group().endswith(_ADJECTIVE_ENDINGS)
    return adjective or before["word"] in pats.gaz.not_names


_ADJECTIVE_ENDINGS = ("ish", "an", "ese", "i", "ic", "ch")
_OF_A_NAME = regex.compile(
    r"(?<![\p{L}\p{M}])(?P<word>\p{Lu}\p{Ll}+)[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?$"
)
_NAME_GOES_ON = regex.compile(r"[^\S\n]+\p{Lu}\p{Ll}")
