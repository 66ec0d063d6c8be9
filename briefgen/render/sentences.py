"""Key points as sentences, built from a fact's fields through the audience's labels.

A key point is the bottom line for a reader with two minutes, so it must
read as a sentence ("Chung Eui-yong and Antony Blinken met in Paris on 5
October 2021 at the OECD meeting; they agreed to ..."), never as a field
dump ("Moon Jae-in proposed: proposal to ..."). Each kind of fact has one
label pattern (``sentence_meeting``, ``sentence_agreement``, ...), and a
meeting's outcomes (``briefgen.extract.events``) join its sentence as clauses.

The patterns are filled with article text, which is English whatever the
brief's language. For an English brief the text is fitted to the pattern's
verb: ``agreed to X`` after "agreed" loses its own "agreed", ``proposal to
X`` becomes "proposed to X", and a text that starts with its own verb
("reaffirmed the alliance") follows the parties directly. Other languages
get the text as it is, after the pattern's own words.

Adding a meeting status (held, planned) is one pattern per status: see
``MEETING_PATTERNS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex

from briefgen.model import Agreement, Disagreement, Meeting, Proposal
from briefgen.render.filters import join_names, shorten
from briefgen.render.labels import Labels, format_date

# Longest article text one clause quotes, cut at a word.
CLAUSE_CHARS = 140
# A key point's meeting sentence names at most this many of its outcomes (the
# most important); the meeting's entry lists them all.
MAX_CLAUSES = 2

# Label pattern of a meeting's sentence by its status and format; a status the
# digest does not give reads as held, a format it does not give as in person.
# A call has no place in its sentence (two offices, one line).
MEETING_PATTERNS = {
    ("held", None): "sentence_meeting",
    ("held", "call"): "sentence_call",
    ("held", "virtual"): "sentence_virtual",
    ("planned", None): "sentence_meeting_planned",
    ("planned", "call"): "sentence_call_planned",
    ("planned", "virtual"): "sentence_call_planned",
}

# Words that end in -ed without being a past-tense verb.
_NOT_VERBS = frozenset({"need", "needed", "speed", "seed", "feed", "deed", "creed", "breed", "red"})
_LEADING = {
    "agreement": regex.compile(r"^(?:agree(?:d|s|ment)?)\b\s*", regex.IGNORECASE),
    "proposal": regex.compile(r"^(?:propos(?:al|als|ed|es|e))\b\s*", regex.IGNORECASE),
}
_LINKING = ("to ", "that ", "on ", "with ", "upon ")
# A disagreement's topic that carries its own verb: "A and B disagree over disagree with ..." no.
_DISAGREE_VERBS = frozenset({"disagree", "disagreed", "differ", "differed", "clashed", "disputed"})
# A pledge's text opens with its modal: "Tony Blair will put Africa at the top of ...".
_MODALS = frozenset({"will", "would", "shall"})
# "pledge to donate" reads "pledged to donate": nouns of intent before "to",
# as their verbs. English grammar, not any article's words.
_INTENT = {
    "pledge": "pledged",
    "plan": "planned",
    "plans": "planned",
    "offer": "offered",
    "promise": "promised",
    "commitment": "committed",
    "bid": "sought",
    "call": "called",
    "calls": "called",
    "push": "pushed",
}
_PRONOUN_START = regex.compile(r"^(?:his|her|their|its|this|that|the latter's)\b", regex.I)
_TRAILING = regex.compile(r"[\s,;:]+$")


def _clean(text: str) -> str:
    return _TRAILING.sub("", " ".join(text.split()))


def _fit(text: str, kind: str, labels: Labels, width: int | None) -> tuple[str, bool]:
    """``text`` fitted after the pattern's verb, and whether it carries its own verb.

    Only English text in an English brief is reworded (see the module doc).
    """
    text = shorten(_clean(text), width)
    if not labels.lang.startswith("en"):
        return text, False
    stripped = _LEADING[kind].sub("", text, count=1)
    if stripped != text and stripped:
        return stripped, False
    first, _, rest = text.partition(" ")
    if first.casefold() in _INTENT and rest.casefold().startswith(("to ", "for ", "on ")):
        return f"{_INTENT[first.casefold()]} {rest}", True
    if _opens_with_past(text, labels) or first.casefold() in _MODALS:
        # "accused X of ...", "would abolish tuition fees": the text's own verb
        return text, True
    if text.casefold().startswith(_LINKING):
        return text, False
    if kind == "proposal":
        return (text if _noun_phrase(text) else "to " + text), False
    return labels.sentence_on.format(what=text), False


def _with_topic(position: str, topic: str | None) -> str:
    """A stance of one word ("rejected", of "an amendment was rejected by the Commons")
    with what it is about, so that it reads as a sentence: "rejected an amendment"."""
    if " " in position.strip() or not topic:
        return position
    return f"{position} {topic}"


def _opens_with_past(text: str, labels: Labels) -> bool:
    """Whether English ``text`` opens with a verb in the past ("accused X of ...")."""
    first = text.split(" ", 1)[0].casefold()
    return (
        labels.lang.startswith("en")
        and first.endswith("ed")
        and len(first) > 4
        and first not in _NOT_VERBS
    )


# First words that open a noun phrase: "proposed a summit", not "proposed to a summit".
_DETERMINERS = frozenset({
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "that", "those",
    "new", "more", "further", "another", "some", "any", "each", "every", "one", "two",
    "three", "joint",
    # nouns of no English ending that tells them: "proposed intent to work with ..."
    "intent",
})  # fmt: skip


def _noun_phrase(text: str) -> bool:
    """Whether a proposal's text names a thing ("a summit", "talks") rather than an act.

    Without a part-of-speech tagger at render time, English form decides: a
    determiner or number, a capital (a name), a plural, an -ing form or a noun's
    ending ("invitation", "agreement") opens a noun phrase; anything else ("declare
    an end to ...") is a bare verb.
    """
    first = text.split(" ", 1)[0]
    word = first.casefold()
    return (
        word in _DETERMINERS
        or first[:1].isupper()
        or first[:1].isdigit()
        or first[:1] in "$€£"
        or word.endswith(("ing", *_NOUN_ENDINGS))
        or (word.endswith("s") and not word.endswith("ss"))
    )


# Endings of English nouns, never of a bare verb: "proposed an invitation for him ...",
# "proposed a ... agreement", read as "proposed [to] invitation" before.
_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ship", "ness", "ity")


def occasion_phrase(occasion: str | None, labels: Labels) -> str:
    """`` at the G20 summit``; empty for none, or for one that needs its sentence ("his visit")."""
    if not occasion or _PRONOUN_START.match(occasion.strip()):
        return ""
    return labels.sentence_occasion.format(occasion=shorten(_clean(occasion), CLAUSE_CHARS))


def _names(values: Sequence[str], labels: Labels) -> str:
    return join_names(values, labels.and_, serial=labels.lang.startswith("en"))


def meeting_clause(
    meeting: Meeting, labels: Labels, date_format: str, *, date: dt.date | None
) -> str:
    """ "A and B met in Paris on 5 October 2021 at the OECD meeting" (no full stop)."""
    status = getattr(meeting, "status", None) or "held"
    remote = meeting.format if meeting.format in ("call", "virtual") else None
    key = MEETING_PATTERNS.get((status, remote)) or MEETING_PATTERNS[(status, None)]
    pattern = getattr(labels, key)
    place = ""
    if meeting.location and remote != "call":
        place = labels.meeting_place.format(location=meeting.location)
    when = labels.meeting_date.format(date=format_date(date, date_format, labels)) if date else ""
    return str(
        pattern.format(
            participants=_names(meeting.participants, labels),
            place=place,
            date=when,
            occasion=occasion_phrase(meeting.occasion, labels),
        )
    )


def _same_parties(parties: Sequence[str], participants: Sequence[str]) -> bool:
    return {p.casefold() for p in parties} == {p.casefold() for p in participants}


def outcome_clause(
    fact: Agreement | Disagreement | Proposal,
    labels: Labels,
    *,
    participants: Sequence[str] = (),
    width: int | None = CLAUSE_CHARS,
) -> str:
    """One outcome as a clause: "they agreed to ...", "A proposed to ..." (no full stop).

    Parties that are exactly the meeting's ``participants`` read as "they";
    the article's text is cut to ``width`` characters at a word (None: whole).
    """

    def who(names: Sequence[str]) -> str:
        if participants and names and _same_parties(names, participants):
            return labels.sentence_they
        return _names(names, labels)

    if isinstance(fact, Agreement):
        what, own_verb = _fit(fact.what, "agreement", labels, width)
        if own_verb:
            return labels.sentence_fact.format(parties=who(fact.parties), what=what)
        return labels.sentence_agreement.format(parties=who(fact.parties), what=what)
    if isinstance(fact, Disagreement):
        shared = {_with_topic(p.position, fact.topic) for p in fact.positions}
        holders = [p.party for p in fact.positions]
        if len(shared) == 1 and set(holders) == set(fact.parties):
            # Every party holds the one stance: they stand together against the
            # topic, so "A and B differ over X" would misstate it.
            what = shorten(_clean(shared.pop()), width)
            return labels.sentence_fact.format(parties=who(fact.parties), what=what)
        position = _with_topic(fact.positions[0].position, fact.topic) if holders else ""
        if len(holders) == 1 and _opens_with_past(position, labels):
            # One side's act names the other ("accused Mr Blair of ..."): the act, by
            # its side, says more than "A and B differ over ...".
            what = shorten(_clean(position), width)
            return labels.sentence_fact.format(parties=who(holders), what=what)
        if fact.topic:
            topic = shorten(_clean(fact.topic), width)
            first = topic.split(" ", 1)[0].casefold()
            if labels.lang.startswith("en") and first in _DISAGREE_VERBS:  # its own verb
                return labels.sentence_fact.format(parties=who(fact.parties), what=topic)
            return labels.sentence_disagreement.format(parties=who(fact.parties), topic=topic)
        return labels.sentence_disagreement_no_topic.format(parties=who(fact.parties))
    what, own_verb = _fit(fact.what, "proposal", labels, width)
    if fact.by is None:
        if labels.lang.startswith("en") and not what.casefold().startswith(_LINKING):
            what = labels.sentence_for.format(what=what)
        return labels.sentence_proposal_unattributed.format(what=what)
    if own_verb:
        return labels.sentence_fact.format(parties=who([fact.by]), what=what)
    return labels.sentence_proposal.format(by=who([fact.by]), what=what)


def sentence(clauses: Sequence[str], labels: Labels) -> str:
    """Clauses joined into one sentence: capital first letter, one full stop."""
    text = labels.sentence_join.join(c for c in clauses if c)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] in ".!?…。":
        return text
    return text + labels.sentence_end


def event_sentence(
    meeting: Meeting,
    outcomes: Sequence[Agreement | Disagreement | Proposal],
    labels: Labels,
    date_format: str,
    *,
    date: dt.date | None,
    width: int = CLAUSE_CHARS,
) -> str:
    """A meeting and (up to ``MAX_CLAUSES`` of) what came out of it, as one sentence."""
    clauses = [meeting_clause(meeting, labels, date_format, date=date)]
    clauses += [
        outcome_clause(o, labels, participants=meeting.participants, width=width)
        for o in outcomes[:MAX_CLAUSES]
    ]
    return sentence(clauses, labels)
