"""Facts from predicates and their arguments, one parsed sentence at a time.

A trigger word (``briefgen/data/triggers.yaml``) is a predicate: a verb
("met", "rejected") or an event noun ("talks", "row", "proposal"). Its
parties are its own arguments, never every name in the sentence:

- the subject, or the agent of a passive ("opposed by X");
- the object, or the subject of a passive;
- obliques marked "with", "between", "to", "against";
- for an infinitive ("agreed to work together"), the controller: the
  subject of the verb above it; for a shared subject ("met and agreed"), the
  first conjunct's; for a relative clause, the noun it describes;
- for a noun, its possessor ("Seoul's proposal") and the subject of the verb
  it is the object of ("held talks with").

A predicate that is negated ("did not meet", "refused to sign") states no
fact; one under a modal or a verb of planning ("will meet", "plans to
visit", "would be happy to meet") is a planned meeting, and states no
agreement. Each fact's text is the predicate's clause without its subject
and without the attribution ("..., he said").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.parse.lexicon import Lexicon, inflections
from briefgen.extract.parse.parties import Parties, Party, unique
from briefgen.extract.parse.tokens import Sentence, Token, company_of, is_clause_dash

# A meeting in an oblique with these is one the clause's subject was not in: "allowed
# into the meeting between X and Y", "briefed on the talks with X".
_ABOUT_OR_INTO = frozenset({"into", "on", "about", "over", "regarding", "concerning"})
# Possessors that name no author of a proposal: "their plans" is anyone's.
_OUR = frozenset({"their", "our", "its", "your"})
_TIME_OR_MANNER = frozenset(
    [
        "today",
        "yesterday",
        "tonight",
        "earlier",
        "later",
        "again",
        "also",
        "briefly",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "afternoon",
        "evening",
        "phone",
        "telephone",
        "video",
        "videoconference",
    ]
)
_RELATIVE = frozenset({"that", "which", "who", "whom"})
# Words of a time between a subject and its verb: "X on Sunday dismissed", "he last week
# unveiled".
_WHEN = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("week", "month", "year", "night", "weekend", "morning", "afternoon", "evening"),
        *("today", "yesterday", "tonight", "january", "february", "march", "april", "june"),
        *("july", "august", "september", "october", "november", "december"),
    }
)
# Words a text cannot end with: a possessive, an article, a preposition or a conjunction.
_DANGLING = regex.compile(
    r"(?i)[\p{L}-]*['’]s?|the|an?|of|for|to|and|or|with|by|in|on|at|from|that|its|their|his|her"
)
# Determiners that open a noun phrase of its own: "..., the jury is still out".
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Prepositions of an absolute phrase, which the parser may read as a subject: "With the
# other parties battling over taxes, X pledged ...".
_ABSOLUTE = frozenset({"with", "without"})
# The words of English auxiliaries besides the modals (``modals`` of the trigger table).
_AUXILIARIES = frozenset(
    {
        *("be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re"),
        *("'m", "have", "has", "had", "having", "'ve", "’ve", "do", "does", "did", "to"),
        *("get", "got", "gets", "getting", "ought", "need", "dare", "used"),
    }
)
# Words no phrase ends on, and the marks that end a clause's run of words.
_NO_END = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "SYM"})
_STOPS = frozenset({",", ";", ":", ".", "!", "?", "-", "–", "—"})
# Prepositions that never open a topic's own phrase.
_LEADING = frozenset({"amid", "amidst", "over", "about", "against", "despite", "of"})
# A topic that is only a pronoun tells a reader nothing: "criticised him", "it".
_PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them"}
    | {"this", "that", "these", "those"}
)
# A speaker judging these judges their own side: no disagreement with another.
_SPEAKERS_OWN = frozenset({"i", "me", "we", "us"})
_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
_NOT_CLAUSE = frozenset({"nsubj", "csubj", "parataxis", "discourse", "vocative", "expl", "orphan"})
_EDGE = frozenset({"punct", "cc", "mark"})
# Marks that set one clause beside another: "X wants A - Y wants B".
_QUOTES = "\"'“”‘’"
# Words opening an indirect question: "questioned why ...", "whether ...".
_ASKING = frozenset({"why", "whether", "how", "if"})
# Prepositions of a concession: "despite their differences, they agreed".
_CONCESSIVE = frozenset({"despite", "notwithstanding"})
# "The pair met", "the two men met": two people, the last two named.
_PAIR = frozenset({"pair", "duo"})
_TWO_OF = frozenset({"men", "women", "politicians"})


@dataclass
class Found:
    """One fact read from a sentence, before it becomes a ``Fact``."""

    kind: str
    parties: list[Party]
    what: str
    token: int  # the predicate
    status: str = "held"
    format: str | None = None
    location_tokens: tuple[int, ...] = ()
    positions: dict[str, str] | None = None
    # One of two coordinated predicates of the same parties, each a fact of its own
    # ("reaffirmed their support for X and welcomed Y"), not a second reading of one.
    conjunct: bool = False


@dataclass
class Claim:
    """What a sentence's main clause says someone said: "X said (that) A"."""

    parties: list[Party]
    text: str
    token: int
    contrasted: bool  # the sentence opens with "But" or "However"
    denies: bool = False  # "X denied (that) A": against the claim before, whatever opens it


class SentenceReader:
    """Reads one sentence's predicates for facts of every kind."""

    def __init__(self, sentence: Sentence, parties: Parties, lexicon: Lexicon) -> None:
        self.s = sentence
        self.p = parties
        self.lex = lexicon
        # Each list is made once per lexicon, not once per sentence read.
        self.meet = lexicon.words("meeting", "verbs")
        self.meet_with = lexicon.words("meeting", "verbs_with")
        self.call_verbs = lexicon.words("meeting", "call_verbs")
        self.meet_light = lexicon.words("meeting", "light_verbs")
        self.meet_nouns = lexicon.words("meeting", "nouns")
        self.welcome = lexicon.words("meeting", "welcome_verbs")
        self.invite = lexicon.words("meeting", "invite_verbs")
        self.invited_acts = lexicon.words("meeting", "invited_acts")
        self.invite_nouns = lexicon.words("meeting", "invite_nouns")
        self.call_nouns = lexicon.words("meeting", "call_nouns")
        self.group_heads = lexicon.words("group_heads")
        self.terms = lexicon.words("term_nouns")
        self.agree_joint = lexicon.words("agreement", "joint_verbs")
        self.agree_stated = lexicon.words("agreement", "stated_verbs")
        self.pledged_to = lexicon.words("proposal", "to_verbs")
        self.plan_verbs = lexicon.words("proposal", "plan_verbs")
        self.personal_acts = lexicon.words("proposal", "personal_acts")
        self.pledging = lexicon.words("proposal", "pledging_speech")
        self.pledge_modals = lexicon.words("proposal", "pledge_modals")
        self.agree_plural = lexicon.words("agreement", "plural_verbs") | self.agree_stated
        self.agree_forward = lexicon.words("agreement", "forward_verbs")
        self.agree_nouns = lexicon.words("agreement", "nouns")
        self.prospect_nouns = lexicon.words("agreement", "prospect_nouns")
        self.agree_light = lexicon.words("agreement", "light_verbs")
        self.against = lexicon.words("disagreement", "verbs")
        self.standing = lexicon.words("disagreement", "standing_verbs")
        self.offices = lexicon.words("disagreement", "offices")
        self.mutual = lexicon.words("disagreement", "mutual_verbs")
        self.against_verbs = lexicon.words("disagreement", "against_verbs")
        self.at_verbs = lexicon.words("disagreement", "at_verbs")
        self.replying = lexicon.words("disagreement", "reply_verbs")
        self.refusal = lexicon.words("disagreement", "refusal_verbs")
        self.refusal_nouns = lexicon.words("disagreement", "refusal_nouns")
        self.conflict_nouns = lexicon.words("disagreement", "conflict_nouns")
        self.negative = lexicon.words("disagreement", "negative_judgements")
        self.appraisals = lexicon.words("disagreement", "appraisals")
        self.breaking = lexicon.words("disagreement", "breaking_verbs")
        self.promises = lexicon.words("disagreement", "promise_nouns")
        self.misconduct = lexicon.words("disagreement", "misconduct_verbs")
        self.dispute_nouns = lexicon.words("disagreement", "nouns")
        self.between_nouns = lexicon.words("disagreement", "between_nouns")
        self.opponent_nouns = lexicon.words("disagreement", "opponent_nouns")
        self.doubting = lexicon.words("disagreement", "doubt_verbs")
        self.against_adjectives = lexicon.words("disagreement", "against_adjectives")
        self.displeased = lexicon.words("disagreement", "displeased_adjectives")
        self.blows = lexicon.words("disagreement", "blows")
        self.blow_verbs = lexicon.words("disagreement", "blow_verbs")
        self.facing = lexicon.words("disagreement", "facing_verbs")
        self.warning = lexicon.words("disagreement", "warning_verbs")
        self.resolving = lexicon.words("disagreement", "resolving")
        self.concern_nouns = lexicon.words("disagreement", "concern_nouns")
        self.judging = lexicon.words("disagreement", "judging_verbs")
        self.claim_nouns = lexicon.words("disagreement", "claim_nouns")
        self.owned_nouns = lexicon.words("disagreement", "owned_nouns")
        self.texts = lexicon.words("text_nouns")
        self.denial = lexicon.words("disagreement", "denial_verbs")
        self.sanction = lexicon.words("disagreement", "sanction_verbs")
        self.concern_verbs = lexicon.words("disagreement", "concern_verbs")
        self.propose = lexicon.words("proposal", "verbs")
        self.call_preps = lexicon.words("proposal", "call_preps")
        self.for_verbs = lexicon.words("proposal", "for_verbs")
        self.ask_verbs = lexicon.words("proposal", "ask_verbs")
        self.joining = lexicon.words("proposal", "joining_verbs")
        self.joined_nouns = lexicon.words("proposal", "joined_nouns")
        self.personal_plans = lexicon.words("proposal", "personal_plans")
        self.appeal_verbs = lexicon.words("proposal", "appeal_verbs")
        self.proposal_nouns = lexicon.words("proposal", "nouns")
        self.offer_adjectives = lexicon.words("proposal", "offer_adjectives")
        self.need_nouns = lexicon.words("proposal", "need_nouns")
        self.act_need_nouns = lexicon.words("proposal", "act_need_nouns")
        self.dead = lexicon.words("proposal", "dead_adjectives")
        self.expressions = lexicon.words("proposal", "expressions")
        self.presenting = lexicon.words("proposal", "presenting_verbs")
        self.presented = self.proposal_nouns | lexicon.words("proposal", "presented_nouns")
        self.speech_forms = lexicon.speech_forms
        self.need_verbs = lexicon.words("proposal", "need_verbs")
        self.negating = lexicon.words("negating")
        self.planning = lexicon.words("planning")
        self.modals = lexicon.words("modals")
        self.won_offices = lexicon.words("proposal", "won_offices")
        self.duty = lexicon.words("duty_modals")
        self.future = lexicon.words("future_words")
        self.speech = lexicon.words("speech")
        self.stance = lexicon.words("stance")

    def lemma(self, t: Token) -> str:
        if " " in t.text:  # a merged name: "the Camp David Summit" is a summit
            return self.lex.lemma(t.text.split()[-1], "")
        # the lexicon's words, then this module's, by their forms; else the parser's lemma
        return self.lex.lemma(t.text, _CODE_LEMMA_OF.get(t.lower, t.lemma))

    def facts(self) -> list[Found]:
        found: list[Found] = []
        for t in self.s.tokens:
            if t.i in self._claimed:
                continue  # "a comedian's claim that he wanted X": said of him, not done
            lemma = self.lemma(t)
            # A verb heads a clause; "shared values", "the planned reforms" modify a noun.
            verb = (t.pos in ("VERB", "AUX") or (t.pos == "ADJ" and t.rel == "root")) and (
                t.rel not in ("amod", "compound")
            )
            # "refused to back the bill" with "back" tagged an adverb: an infinitive
            # complement is a verb, whatever its tag.
            verb = verb or (
                t.rel == "xcomp"
                and any(k.lower == "to" and k.rel == "mark" for k in self.s.children(t.i))
            )
            noun = t.pos in ("NOUN", "PROPN")
            for fact in self._predicate(t, lemma, verb=verb, noun=noun):
                if fact is not None:
                    found.append(fact)
            joint = self._joint_will(t) if verb else None
            if joint is not None and not any(f.token == t.i for f in found):
                found.append(joint)
        found.extend(self._contrast())
        if not any(f.kind == "proposal" for f in found) and (call := self.quoted_call()):
            found.append(call)
        return self._filled(self._conjuncts_apart(found))

    def _conjuncts_apart(self, found: list[Found]) -> list[Found]:
        """Agreements of the same parties stated by two coordinated predicates ("The
        leaders reaffirmed their support for Iraq and welcomed the landmark agreements
        ...") are two facts: the first loses the second's clause, and the second is
        marked as one of its own."""
        agreements = [f for f in found if f.kind == "agreement"]
        for first in agreements:
            for second in agreements:
                if (
                    second is first
                    or second.token <= first.token
                    or self.s.tokens[second.token].rel != "conj"
                    or self.s.tokens[second.token].head != first.token
                    or {p.name for p in first.parties} != {p.name for p in second.parties}
                ):
                    continue
                # the first runs to the "and" before the second, whatever the parser hung
                # on either ("reaffirm support for A and urge all parties concerned to B")
                conjunct = self.s.tokens[second.token]
                ccs = [c.i for c in self.s.children(conjunct.i, "cc") if c.i < conjunct.i]
                cut = self._comma_before(min([*ccs, self.s.subtree(conjunct.i)[0]]))
                what = self.clause(self.s.tokens[first.token], until=cut)
                if " " not in what:
                    continue  # "announced and endorsed a partnership": one statement, whole
                first.what = self._in_past(self.s.tokens[first.token], what)
                second.conjunct = True
        return found

    def _filled(self, found: list[Found]) -> list[Found]:
        """Agreements and proposals whose text is their verb alone ("agreed" where the
        parser hung "that diplomacy is the best way" elsewhere) read on to the end of the
        sentence; one still a word alone ("I agree.") says nothing and is left out."""
        out = []
        for f in found:
            if f.kind in ("agreement", "proposal") and f.what and " " not in f.what.strip():
                t = self.s.tokens[f.token]
                rest = self.s.text_of(list(range(t.i, len(self.s.tokens)))).strip(
                    " ,;:.-" + _QUOTES
                )
                if " " not in rest:
                    continue
                f.what = self._in_past(t, rest) if f.kind == "agreement" else rest
            f.what = self._read_on(f.what)
            if f.positions:
                f.positions = {side: self._read_on(text) for side, text in f.positions.items()}
            out.append(f)
        return out

    def _read_on(self, text: str) -> str:
        """A text the parser cut after a word that cannot end one ("the visa for Mr
        Blunkett's", "signed up to") reads on to the end of the sentence, where the
        sentence has it as it stands; else it is left as it is."""
        words = text.rstrip(" ,;:" + _QUOTES).split()
        if not words or not _DANGLING.fullmatch(words[-1]):
            return text
        at = self.s.text.find(text)
        if at < 0:
            return text
        return self.s.text[at:].rstrip(" ,;:.-" + _QUOTES)

    def _predicate(self, t: Token, lemma: str, *, verb: bool, noun: bool) -> Iterator[Found | None]:
        if verb:
            if lemma in self.meet:
                yield self._meeting_verb(t)
            elif lemma in self.meet_with:
                yield self._meeting_with(t)
            if lemma in self.call_verbs:
                yield self._call(t)
            if lemma in self.welcome:
                yield self._welcome(t)
            if lemma in self.invite:
                yield self._invited_to_visit(t)
            if lemma in self.agree_joint or lemma in self.refusal:
                yield self._refused(t)
            if lemma in self.speech or lemma in self.judging:
                yield self._evaluation(t)
            if lemma in self.at_verbs:
                yield self._hit_at(t)
            if lemma in self.replying or (
                lemma == "hit" and any(k.lower == "back" for k in self.s.children(t.i))
            ):
                yield self._replied(t)
            if lemma in self.denial:
                yield self._denied(t)
            if lemma in self.sanction:
                yield self._sanctioned(t)
            if lemma in self.agree_joint:
                yield self._agreement_joint(t, lemma)
            elif (
                lemma in self.agree_plural
                or self._shared_object(t)
                or (t.lower in _DISCUSSED and self._shared_object(t, stance=True))
                or (lemma in self.agree_forward and self._forward(t))
            ):
                yield self._agreement_plural(t)
            if lemma in self.doubting:
                yield self._questioned(t)
            if lemma in self.warning:
                yield self._warned_unless(t)
                yield self._warned_party(t)
            if lemma in self.against:
                yield self._against(t)
            elif lemma in self.mutual:
                yield self._mutual(t)
            elif lemma in self.against_verbs:
                yield self._voted_against(t)
            if lemma in self.speech and lemma not in self.propose:
                yield self._reported_call(t)
            if lemma in self.pledging:
                yield self._pledged_by_speaker(t)
            yield self._pledged_in_office(t)
            if lemma in self.propose:
                yield self._proposal_verb(t)
            elif lemma == "call":
                yield self._call_for(t)
            if (
                (lemma in self.for_verbs and self._asked_for(t))
                or (lemma in self.appeal_verbs and self._appealed_to(t))
            ) or (
                lemma in self.ask_verbs
                and self._someone_to_act(t)
                and (lemma not in self.speech or self._told_to_act(t))
            ):
                yield self._proposal(t, self._authors(t), self.clause(t))
        if (
            not verb
            and t.rel == "amod"
            and (lemma in self.against or lemma in self.propose)
            and lemma not in self.plan_verbs  # a plan is read only as the main verb
        ):
            yield self._verb_read_as_modifier(t, lemma)
        if t.pos == "ADJ" and t.lower in self.offer_adjectives:
            yield self._offer(t)
        if t.pos == "ADJ" and t.lower in self.against_adjectives:
            yield self._critical(t)
        if t.lower in self.displeased and (t.pos == "ADJ" or self.s.children(t.i, "cop")):
            yield self._displeased(t)  # (also "is angry" read as a noun)
        if noun:
            if lemma in self.meet_nouns or t.lower in self.meet_nouns:
                yield self._meeting_noun(t)
            if lemma in self.invite_nouns:
                yield self._invitation(t)
            if lemma in self.agree_nouns or t.lower in self.agree_nouns:
                yield self._agreement_noun(t)
            if lemma in self.dispute_nouns or t.lower in self.dispute_nouns:
                yield self._dispute_noun(t)
            if lemma in self.opponent_nouns or t.lower in self.opponent_nouns:
                yield self._opponents(t)
            if lemma in self.refusal_nouns or t.lower in self.refusal_nouns:
                yield self._refusal(t)
            if lemma in self.conflict_nouns or t.lower in self.conflict_nouns:
                yield self._hostilities(t)
            if lemma in self.blows or t.lower in self.blows:
                yield self._blow(t)
            if lemma in self.concern_nouns or t.lower in self.concern_nouns:
                yield self._concern(t)
            if (lemma in self.proposal_nouns and not t.lower.endswith("ing")) or (
                t.lower in self.proposal_nouns
            ):
                # (not a gerund: "put in charge of election planning by Mr Blair")
                yield self._proposal_noun(t)
        if (noun or t.rel == "obj") and (lemma in self.need_nouns or lemma in self.act_need_nouns):
            yield self._need(t)  # ("the imperative" may be tagged an adjective)

    # -- arguments -----------------------------------------------------------------

    def subjects(self, t: Token) -> list[Party]:
        """Who does what ``t`` says: its subject, a passive's agent, or the controller."""
        s = self.s
        kids = s.children(t.i)
        passive = self.passive(t)
        # "A and B spoke by phone" with "by phone" read as an agent: an active subject
        # is the subject.
        agent = passive or not any(k.dep == "nsubj" for k in kids)
        for k in kids:
            if (agent and k.dep == "obl:agent") or (
                passive and k.rel != "nsubj" and s.case(k.i) == "by"
            ):
                return self.p.of(k.i)
        if passive:
            # "was sued for libel by X", with "by X" hung on "libel": X is the agent.
            for k in kids:
                for by in s.children(k.i, "nmod") if k.rel == "obl" else ():
                    if s.case(by.i) == "by" and (agents := self.p.of(by.i)):
                        return agents
        found: list[Party] = []
        subject = False
        for k in kids:
            if k.rel == "nsubj" and s.case(k.i) in _ABSOLUTE:
                continue  # "With the other parties battling over ..., X pledged": no subject
            if k.rel == "nsubj" and not (passive and k.dep == "nsubj:pass"):
                subject = True
                if k.lower in ("who", "that", "which") and t.rel == "acl":
                    # the noun the clause says more of, and what is listed with it before
                    # the clause ("A and B, who opposed the plan"), not after it
                    return [p for p in self.p.of(t.head) if p.token < t.i]
                if self._title_of_next(k, kids):
                    continue
                found.extend(self.p.of(k.i) or self._author_of_text(k) or self._described_group(k))
        if not subject:
            # "MPs criticised X" with "MPs" read as an auxiliary ("may") or an
            # interjection: a word hung so before the verb that is no auxiliary is its
            # subject.
            for k in kids:
                if (
                    k.rel in ("aux", "discourse")
                    and k.i < t.i
                    and not self._auxiliary(k)
                    and self.p.of(k.i)
                ):
                    subject = True
                    found.extend(self.p.of(k.i))
        if not subject:
            # "X has since criticised Y" with X hung on "has": the subject of the verb's
            # own auxiliary, before it, is the verb's; not where the parser made the
            # auxiliary a verb with an object ("X had one pack out and has ...").
            for aux in kids:
                if aux.rel == "aux" and aux.i < t.i and not s.children(aux.i, "obj"):
                    for k in s.children(aux.i, "nsubj"):
                        if k.i < aux.i and k.dep != "nsubj:pass":
                            subject = True
                            found.extend(self.p.of(k.i))
        head = s.head(t.i)
        if subject and not found:
            return []  # its own subject is no party: not the one of the clause above
        if (
            found
            and t.rel == "conj"
            and head is not None
            and head.pos in ("NOUN", "PROPN")
            and not self.s.children(head.i, "cop")  # "X would be governor and Y opposed"
            # "Prince Harry apologised, but critics have called for ...": a clause of
            # its own, set against the one before
            and not any(k.lower in _CONTRAST_WORDS for k in self.s.children(t.i, "cc"))
        ):
            # "A and B agreed" misparsed with A as the root: A is a subject too.
            found = [*self.p.of(head.i), *found]
        if found:
            return unique(found)
        if passive:
            return []
        head = s.head(t.i)
        if head is None:
            return []
        if self._infinitive(t):
            # "urged X to act": X acts; "agreed to act": the subject acts; "are poised
            # to vote", "was forced to resign": the passive's subject acts.
            objects = [k for k in s.children(head.i, "obj")]
            if objects and self.lemma(head) not in self.agree_joint:
                return self.p.of(objects[0].i)
            if self.passive(head):
                return unique(
                    [p for k in s.children(head.i) if k.dep == "nsubj:pass" for p in self.p.of(k.i)]
                )
            return self.subjects(head)
        if (
            t.rel == "conj"
            and head.rel == "root"
            and head.pos not in ("VERB", "AUX")
            and not self.s.children(head.i, "nsubj", "cop")
        ):
            # "MPs and peers have failed to agree" parsed with "MPs" as the root and the
            # verb its conjunct: the nominal root, with its conjuncts, is the subject.
            own = self.p.of(head.i)
            if own:
                return own
        if t.rel in ("conj", "advcl") and head.pos in ("VERB", "AUX", "ADJ"):
            root = s.root()
            if (
                t.rel == "conj"
                and self._marked(head, "to")
                and root is not None
                and root.i < head.i
                and t.lower == self.lemma(t)
                and _bare(root)
                and s.children(root.i, "nsubj")
            ):
                # "They reaffirm the importance of enabling Ukraine to export food ...
                # and condemn Russia's withdrawal": a statement in the present goes on
                # with the main verb's subject, not the infinitive's doer
                return self.subjects(root)
            return self.subjects(head)
        if t.dep == "acl" and head.pos == "VERB" and t.lower.endswith("ing") and head.i < t.i:
            # "X has written to Y accusing Z of ...": a clause hung as a noun's on a verb
            # is the verb's own adverbial, with its subject; not one denied or refused
            # ("he denied accusing X of ...")
            return [] if self.lemma(head) in self.negating else self.subjects(head)
        if t.rel == "acl" and t.dep != "acl":  # acl:relcl
            return self.p.of(head.i)
        if (
            t.rel == "acl"
            and head.lower in _WHEN
            and head.i < t.i
            and not t.lower.endswith("ing")
            and not self._marked(t, "to")
            and (named := s.head(head.i)) is not None
            and named.i < head.i
            and named.pos in ("PROPN", "NOUN", "PRON")
        ):
            # "Mr Blair on Sunday dismissed claims" read as a Sunday that dismissed: the
            # one named before the day is the subject
            return self.p.of(named.i)
        if t.rel == "acl":
            # "a motion opposing the bill": the noun's own party, or whoever put it forward
            own = self.p.of(head.i)
            first = s.head(head.i)
            if head.rel == "conj" and first is not None and first.pos in ("NOUN", "PROPN"):
                # "with A and B opposing the plan": the acl hangs on the last conjunct
                own = unique([*self.p.of(first.i), *own])
            if own:
                return own
            gov = self.governor(head)
            if gov is None or self.lemma(gov) in ("have", "be"):
                return []  # "X has a client opposing the plan": the client opposes it
            return self.subjects(gov)
        return []

    def _author_of_text(self, k: Token) -> list[Party]:
        """ "A report by the committee called for ...", "His report demands ...": a text
        that says or asks something speaks for its author, named as its possessor or
        "by" or "from" whom it is; a text of no one named ("The report said") is no one's."""
        if self.lemma(k) not in self.texts and k.lower not in self.texts:
            return []
        return self.possessor(k) or self.obliques(k, "by", "from")

    def _infinitive(self, t: Token) -> bool:
        """A controlled infinitive: "agreed to meet", also where the parser called it
        a clausal subject or an adverbial clause ("happy to meet")."""
        if t.rel == "xcomp":
            return True
        head = self.s.head(t.i)
        return (
            head is not None
            and t.rel in ("csubj", "advcl", "ccomp")
            and head.pos in ("ADJ", "VERB", "AUX")
            and any(k.lower == "to" and k.rel == "mark" for k in self.s.children(t.i))
            and not self.s.children(t.i, "nsubj")
        )

    def passive(self, t: Token) -> bool:
        """A passive has its auxiliary ("was rejected"); a parser's "nsubj:pass" without
        one ("has called") is a slip, and the subject is the subject."""
        kids = self.s.children(t.i)
        if any(k.dep == "aux:pass" and self._auxiliary(k) for k in kids):
            return True
        # "Habib, previously accused of ...": a bare past participle modifying a noun
        # or a clause has no subject of its own.
        bare = not any(k.rel in ("aux", "nsubj") for k in kids)
        head = self.s.head(t.i)
        if head is not None and head.rel == "root" and head.pos not in ("VERB", "AUX"):
            # "Brandt called for elections" read as a noun with a participle: the
            # sentence has no other verb, so this one is its main verb, active.
            return False
        if head is not None and head.lower in _WHEN and t.rel == "acl":
            return False  # "X on Sunday dismissed claims": a day does nothing, X does
        return t.pos == "VERB" and t.rel in ("acl", "advcl") and t.text.endswith("ed") and bare

    def _auxiliary(self, k: Token) -> bool:
        """Whether ``k`` is an auxiliary's word, not a noun the tagger took for one."""
        return k.lower in _AUXILIARIES or k.lower in self.modals

    def objects(self, t: Token) -> list[Party]:
        found: list[Party] = []
        passive = self.passive(t)
        for k in self.s.children(t.i):
            direct = k.rel in ("obj", "iobj") or (passive and k.dep == "nsubj:pass")
            if direct or self._flat_name(t, k):
                found.extend(self.p.of(k.i))
        return found

    def _flat_name(self, t: Token, k: Token) -> bool:
        """Whether ``k`` is a name the parser hung on verb ``t`` as part of a name ("The
        Lib Dems accuse Mr Blair of ..."): a verb has no name, so it is the object."""
        return k.rel == "flat" and k.i > t.i and t.pos == "VERB" and k.i in self.p.at

    def object_tokens(self, t: Token) -> list[Token]:
        """``t``'s direct objects, also a bare noun phrase the parser hung as a clausal
        complement ("rejected X's offer" with "offer" read as ``ccomp``)."""
        return [
            k
            for k in self.s.children(t.i, "obj", "ccomp", "xcomp")
            if k.rel == "obj"
            or (
                k.pos in ("NOUN", "PROPN")
                and not self.s.children(k.i, "nsubj", "aux", "cop", "mark", "obj")
            )
        ]

    def obliques(self, t: Token, *preps: str) -> list[Party]:
        found: list[Party] = []
        for k in self.oblique_tokens(t, *preps):
            found.extend(self.p.of(k.i))
        return found

    def _about(self, t: Token, *preps: str) -> list[Token]:
        """``t``'s dependents marked by one of ``preps`` that may say what it is about:
        not a day or a time ("clashed on Thursday")."""
        return [k for k in self.oblique_tokens(t, *preps) if k.lower not in _WHEN]

    def oblique_tokens(self, t: Token, *preps: str) -> list[Token]:
        """``t``'s dependents marked by one of ``preps``, also where the parser hung them
        on a word of time or manner in between ("spoke today with X", "by phone with X")."""
        found = []
        for k in self.s.children(t.i, "obl", "nmod", "obj", "advmod"):
            if self.s.case(k.i) in preps and k.rel != "obj":
                found.append(k)
            elif k.lower in _TIME_OR_MANNER or self.s.case(k.i) == "by":
                found.extend(
                    g for g in self.s.children(k.i, "obl", "nmod") if self.s.case(g.i) in preps
                )
        return found

    def possessor(self, t: Token) -> list[Party]:
        """ "X's plan": X, also where the parser hung "X's" on a compound before the
        noun ("X's bridge plan" read as "X's bridge")."""
        found: list[Party] = []
        for k in self.s.children(t.i):
            if k.dep == "nmod:poss" or (k.rel == "nmod" and self.s.case(k.i) in ("'s", "’s")):
                found.extend(self.p.of(k.i))
            elif k.rel == "compound" and k.i < t.i and k.pos == "NOUN":
                found.extend(self.possessor(k))
        return found

    def governor(self, t: Token) -> Token | None:
        """The verb a noun is the object of ("held talks"), or the verb above an oblique."""
        head = self.s.head(t.i)
        if head is not None and head.pos in ("VERB", "AUX") and t.rel in ("obj", "nsubj", "obl"):
            return head
        return None

    # -- negation, modality ----------------------------------------------------------

    def negated(self, t: Token) -> bool:
        for k in self.s.children(t.i):
            if k.lower in _NEGATORS and k.rel in ("advmod", "neg", "det", "cc"):
                return True
        head = self.s.head(t.i)
        if head is not None and t.rel == "xcomp":
            if self.lemma(head) in self.negating:
                return True
            return self.negated(head)
        return False

    def planned(self, t: Token) -> bool:
        for k in self.s.children(t.i):
            if k.rel == "aux" and k.lower in self.modals:
                return True
            if k.rel == "mark" and k.lower in ("if", "unless", "whether"):
                return True
            if k.rel in ("amod", "advmod", "obl") and k.lower in self.future:
                if k.rel == "obl" and self.s.children(k.i, "nmod"):
                    continue  # "Because the future of X is linked, ...": a thing, not a time
                return True
            if k.rel == "aux" and k.lower == "to" and t.rel not in ("xcomp",):
                continue
        head = self.s.head(t.i)
        if head is None:
            return False
        if self._infinitive(t):
            return (
                self.lemma(head) in self.planning
                or head.lower in self.planning
                or (self.planned(head))
            )
        if t.rel == "acl" and head.pos == "NOUN" and self._marked(t, "to"):
            # "a plan to agree on a deal", "the intention to work with them": intended
            return self.lemma(head) in self.planning or self.planned(head)
        if t.rel == "advcl" and any(k.lower in ("if", "unless") for k in self.s.children(t.i)):
            return True
        if t.rel in ("obj", "nsubj") and head.pos in ("VERB", "AUX"):
            return self.planned(head) or self.lemma(head) in self.planning | self.propose
        # "called for talks": talks wanted, not held
        return t.rel == "obl" and self.lemma(head) == "call" and self.s.case(t.i) == "for"

    # -- text ------------------------------------------------------------------------

    def clause(self, t: Token, *, without: tuple[int, ...] = (), until: int | None = None) -> str:
        """The predicate and its complements, without subject or attribution, as written
        (and, with ``until``, nothing from that token on)."""
        drop: set[int] = set()
        nominal = t.pos in ("NOUN", "PROPN")
        cop = min((k.i for k in self.s.children(t.i, "cop")), default=None)
        subject = min((k.i for k in self.s.children(t.i, "nsubj")), default=None)
        for k in self.s.children(t.i):
            if nominal and k.i > t.i and k.rel == "csubj" and self._marked(k, "to"):
                continue  # "a proposal to declare ..." with the infinitive read as a subject
            if not nominal and subject is not None and k.i < subject < t.i:
                # "However, backbench Labour MP Karen Buck warned ..." with "backbench" read
                # as an object: what comes before the subject is not the predicate's
                drop.update(self.s.subtree(k.i))
                continue
            if nominal and cop is not None and k.i < cop:
                # "Among the items was X's proposal ...": what leads the copula is not the
                # noun's content.
                drop.update(self.s.subtree(k.i))
            elif (
                k.rel in _NOT_CLAUSE
                or k.dep == "nsubj:pass"
                or k.i in without
                or (k.rel == "advcl" and self.lemma(k) in self.speech)
                or self._attribution_after(t, k)
            ):
                drop.update(self.s.subtree(k.i))
            elif k.rel in ("aux", "cop") and k.i < t.i and k.lower not in ("to",):
                drop.update(self.s.subtree(k.i))  # with a subject the parser hung on it
            elif k.rel == "det" and k.i < t.i and not nominal:
                drop.add(k.i)  # "The" of "The Lord Chancellor ... agreed" hung on the verb
            elif k.dep == "nmod:poss" and k.i < t.i:
                drop.update(self.s.subtree(k.i))  # "Seoul's proposal": the author, not the what
            elif nominal and k.rel == "case" and k.i < t.i and cop is None:
                # "(discussions) on the U.S. peace proposal": not the proposal's; but a
                # predicate keeps its own ("is at odds with")
                drop.add(k.i)
            elif (
                k.i < t.i
                and k.rel in ("obl", "advcl", "mark", "cc", "punct", "nmod", "advmod")
                and (t.pos not in ("NOUN", "PROPN") or k.rel != "nmod")
            ) or (k.i < t.i and k.rel == "dep" and k.lower == "that"):
                # ("that" the parser left unlabelled is the clause's mark all the same)
                # "In a rare move, (they) tabled ...": what leads the clause is not its content.
                drop.update(self.s.subtree(k.i))
        inside = self.s.subtree(t.i)
        last = inside[-1]
        if nominal and last + 2 < len(self.s.tokens) and (last == t.i or self._for_whom(t, last)):
            to, verb = self.s.tokens[last + 1], self.s.tokens[last + 2]
            if to.lower == "to" and to.head == verb.i and verb.pos == "VERB":
                # "Moon's proposal to declare an end ...", "an invitation for him to visit
                # ..." with the infinitive hung on a word further on: it is still the noun's
                extra = self.s.subtree(verb.i)
                # up to the verb of a clause the parser hung inside it ("... would be")
                ends = [
                    k.i
                    for d in extra
                    if d != verb.i
                    for k in self.s.children(d, "aux", "cop")
                    if k.i > verb.i
                ]
                end = min(ends, default=len(self.s.tokens))
                inside = sorted([*inside, *(i for i in extra if i < end)])
        if self._after_dash(t):
            # "... - Y wants B": Y's clause starts after the dash, whatever the parser
            # hung on it from before
            subject = next(c.i for c in self.s.children(t.i, "nsubj"))
            dash = max(i for i in range(subject) if self._dash(i))
            drop.update(i for i in inside if i <= dash)
        for k in self.s.children(t.i, "conj"):
            if (cut := self._own_clause(t, k)) is not None:
                # "Germany proposed a freeze and Canada has begun its own moratorium":
                # a clause of another subject is not this one's; it runs to the end
                drop.update(i for i in inside if i >= cut)
            elif (
                not nominal
                and k.i > t.i
                and k.pos in ("NOUN", "PROPN")
                and self.s.children(k.i, "case")
                and any(
                    p.i > k.i and self.s.children(p.i, "nsubj")
                    for p in self.s.children(t.i, "parataxis")
                )
            ):
                # "criticised by Mr Bell, and in a speech ..., he warned": a phrase the
                # parser joined to the verb opens the next clause, not part of this one
                start = min([self.s.subtree(k.i)[0], *(c.i for c in self.s.children(k.i, "cc"))])
                drop.update(i for i in inside if i >= self._comma_before(start))
        if until is not None:
            drop.update(i for i in inside if i >= until)
        for i in inside:
            k = self.s.tokens[i]
            if k.i > t.i and self._after_dash(k):
                # "X wants A - Y wants B": X's clause ends at the dash (wherever the parser
                # hung Y's: "want the age to stay at 60 - Y has urged ...").
                subject = next(c.i for c in self.s.children(k.i, "nsubj"))
                dash = max(i for i in range(t.i, subject) if self._dash(i))
                drop.update(i for i in inside if i >= dash)
        for i in inside:
            if i != t.i and self.s.case(i).startswith("according"):
                drop.update(self.s.subtree(i))  # "..., according to the ministry"
            if self._subject_read_as_conjunct(i):
                # "Whilst Labour has rejected the idea of quotas on asylum, the jury is
                # still out ...": the main clause's subject hung on the object
                comma = self._comma_before(self.s.subtree(i)[0])
                drop.update(j for j in inside if j >= comma)
            first = self.s.subtree(i)[0]
            if i != t.i and self.s.tokens[i].dep == "acl:relcl" and first > t.i:
                comma = first if self.s.tokens[first].text == "," else first - 1
                if self.s.tokens[comma].text == ",":
                    # "to end the war, which began in 1950, ...": a relative clause set
                    # off by a comma says more of a noun, not what was proposed; with no
                    # comma to close it, it runs to the end ("bills for pensioners, who
                    # they say have been hardest hit by increases in council tax")
                    closed = any(self.s.tokens[j].text == "," for j in inside if j > comma)
                    drop.update([comma, *self.s.subtree(i)])
                    if not closed:
                        drop.update(j for j in inside if j > comma)
        indices = [i for i in inside if i not in drop]
        if t.pos in ("NOUN", "PROPN"):
            indices = [i for i in indices if i >= t.i or self.s.tokens[i].rel != "det"]
        indices = sorted([*indices, *self._given_up_tail(indices)])
        while indices and (
            self.s.tokens[indices[0]].rel in _EDGE or self.s.tokens[indices[0]].text in _QUOTES
        ):
            indices.pop(0)
        while indices and (
            self.s.tokens[indices[-1]].rel in _EDGE or self.s.tokens[indices[-1]].text in _QUOTES
        ):
            indices.pop()
        # A clause runs until a gap: what follows a dropped attribution is not its own.
        text = self.s.text_of(indices).strip(" ,;:" + _QUOTES)
        return text.replace(" ,", ",").replace(" ;", ";")  # a gap closed before a comma

    def _subject_read_as_conjunct(self, i: int) -> bool:
        """Whether ``i`` is a noun the parser joined to the clause by a comma alone, right
        before a verb outside it: the subject of the next clause ("..., the jury is")."""
        k = self.s.tokens[i]
        if (
            k.rel != "conj"
            or k.pos != "NOUN"
            or self.s.children(i, "cc")
            or not any(d.lower in _DETERMINERS for d in self.s.children(i, "det"))
        ):
            return False  # not an item of a list ("AI, biotechnology, medical products")
        words = self.s.subtree(i)
        after = words[-1] + 1
        comma = words[0] if self.s.tokens[words[0]].text == "," else words[0] - 1
        if comma < 0 or self.s.tokens[comma].text != "," or after >= len(self.s.tokens):
            return False
        verb = self.s.tokens[after]
        clause = self.s.tokens[verb.head] if verb.rel in ("aux", "cop") else verb
        return (
            verb.pos in ("AUX", "VERB")
            and verb.head not in words
            and not self.s.children(clause.i, "nsubj")
        )

    def _given_up_tail(self, indices: list[int]) -> list[int]:
        """The rest of the sentence, when the clause ends on a word the parser could not
        attach ("for an index-linked, unblighted price", with "linked" left as ``dep``
        and "price" as a sentence of its own) and the rest says nothing more (no verb):
        without it the clause would end mid-phrase."""
        words = [i for i in indices if self.s.tokens[i].rel != "punct"]
        if not words:
            return []
        last = self.s.tokens[words[-1]]
        if last.pos in _NO_END and last.dep not in ("compound:prt", "prt"):
            # "plans to welcome up to" with the number and the rest hung elsewhere: the
            # words after it, up to the next stop, complete the phrase
            rest = []
            for i in range(last.i + 1, len(self.s.tokens)):
                if self.s.tokens[i].text in _STOPS:
                    break
                rest.append(i)
            return [i for i in rest if i not in indices]
        if last.rel != "dep":
            return []
        rest = [i for i in range(words[-1] + 1, len(self.s.tokens)) if i not in indices]
        if not rest or any(self.s.tokens[i].pos in ("VERB", "AUX") for i in rest):
            return []
        return rest

    def topic(self, t: Token) -> str | None:
        for k in self.s.children(t.i):
            if (
                k.dep in ("nsubj:pass", "obj")
                and self.p.of(k.i, expand=False)
                and self.lemma(k) not in self.owned_nouns
            ):
                # "The Telegraph was sued by X", "criticised Tony Blair": a side, not what
                # they differ over (but "the US peace plan was rejected" is over the plan)
                continue
            if k.dep == "nsubj:pass" and t.dep == "acl:relcl" and k.lower in _RELATIVE:
                return self._antecedent(t)
            if k.rel in ("obj", "ccomp", "xcomp") or k.dep == "nsubj:pass":
                return self._phrase(k)
        for k in self._about(t, "over", "about", "on", "against", "of"):
            return self._phrase(k)
        return None

    def _antecedent(self, t: Token) -> str | None:
        """The noun a relative clause says more of, without the clause: "goals that are
        opposed by X" is about "goals"."""
        noun = self.s.head(t.i)
        if noun is None or noun.pos not in ("NOUN", "PROPN"):
            return None
        inside = set(self.s.subtree(t.i))
        words = [i for i in self.s.subtree(noun.i) if i not in inside and i <= noun.i]
        while words and self.s.tokens[words[0]].rel in ("cc", "case", "punct", "mark"):
            words.pop(0)
        return self.s.text_of(words).strip(" ,;:" + _QUOTES) or None

    def _thing(self, t: Token) -> str | None:
        """What ``t`` is about: its object's noun phrase without the clause that says
        what should become of it ("want the pension age to stay at 60": "the pension age")."""
        for k in self.s.children(t.i, "obj"):
            drop = {
                i
                for c in self.s.children(k.i, "acl", "relcl", "xcomp")
                for i in self.s.subtree(c.i)
            }
            words = [i for i in self.s.subtree(k.i) if i not in drop]
            if k.pos in ("NOUN", "PROPN"):
                return self.s.text_of(words).strip(" ,;:" + _QUOTES) or None
        return None

    def _for_whom(self, t: Token, last: int) -> bool:
        """Whether ``t``'s phrase ends with whom it is for: "an invitation [for him]"."""
        return any(
            self.s.case(k.i) == "for" and self.s.subtree(k.i)[-1] == last
            for k in self.s.children(t.i, "nmod")
        )

    def _phrase(self, k: Token) -> str | None:
        """The words of ``k``'s phrase up to the first comma after it ("the measures, saying")."""
        indices: list[int] = []
        for i in self.s.subtree(k.i):
            if i > k.i and self.s.tokens[i].text in (",", ";", ":"):
                break
            first = self.s.tokens[i]
            if i < k.i and not indices and (first.rel == "case" or first.lower in _LEADING):
                # "(the kind) of innovation proposed": the phrase starts after "of", also
                # where the parser took the preposition for a word of the phrase ("amid")
                continue
            indices.append(i)
        indices = sorted([*indices, *self._given_up_tail(indices)])
        return self.s.text_of(indices).strip(" ,;:" + _QUOTES) or None

    # -- meetings ----------------------------------------------------------------------

    def _meeting(
        self, t: Token, parties: list[Party], *, call: bool = False, invited: bool = False
    ) -> Found | None:
        """A meeting ``t`` states of ``parties``: planned where ``t`` is, or where it is an
        invitation (``invited``), else held."""
        parties = unique(
            [
                p
                for p in parties
                if not self._own_people(p) and not self._venue(p) and not self._populace(p)
            ]
        )
        opening, listed, unnamed = self._listed_with(t)
        if listed:
            kept = [p for p in parties if p.token < opening or p.token in unnamed]
            parties = unique([*kept, *listed])
        if len(parties) >= 2:
            parties = unique([*parties, *self._companions(t)])
        if len(parties) < 2 or self.negated(t):
            return None
        head = self.s.head(t.i)
        if t.dep == "acl:relcl" and head is not None and self.negated(head):
            return None  # "This is not a situation where they've had many conversations"
        status = "planned" if invited or self.planned(t) else "held"
        places = tuple(
            k.i for k in self.s.children(t.i, "obl", "nmod") if self.s.case(k.i) in ("in", "at")
        )
        return Found(
            "meeting", parties, self.clause(t), t.i, status, "call" if call else None, places
        )

    def _companions(self, t: Token) -> list[Party]:
        """Who came with the subject: "President X, joined by Vice President Y, spoke
        with Z" has Y in the call too."""
        found: list[Party] = []
        for subject in self.s.children(t.i, "nsubj"):
            for p in company_of(self.s, subject.i):
                for agent in self.s.children(p.i, "obl:agent"):
                    found.extend(self.p.of(agent.i))
        return found

    def _listed_with(self, t: Token) -> tuple[int, list[Party], set[int]]:
        """The people a meeting ``t`` is "with", read as the list they are written in:
        "met with French Diplomatic Counselor to the President Emmanuel Bonne, German
        Chancellery Foreign and Security Policy Advisor Jens Ploetner, and Head of the
        Office of the President of Ukraine Andriy Yermak". A parser trained on a small
        treebank loses its way in such a run of titles, and hangs the names on the
        titles' places and bodies. Each item is a title in capitals (with "of the",
        "to the" ...; "and" may join two titles of one person) and a person's name, set
        off by commas or "and"; a title after a comma may describe the person before
        it. The list ends at the first word that is neither ("to discuss", "in
        Jeddah", ", as well as other officials").

        Returns where the list opens ("with"), the people named in it, and the tokens
        of its items in capitals that name no person ("the Crown Prince", "the World
        Bank"), whose parties the parse tells; not of a title set off after a person's
        name, which describes them ("Justin Trudeau, Prime Minister of Canada")."""
        tokens = self.s.tokens
        opening = next(
            (
                k
                for k in tokens[t.i + 1 : t.i + _SETTING_WORDS]
                if k.lower == "with" and k.rel == "case"
            ),
            None,
        )
        if opening is None or any(
            k.pos == "VERB" and k.i not in self.p.at for k in tokens[t.i + 1 : opening.i]
        ):
            return 0, [], set()
        found: list[Party] = []
        unnamed: set[int] = set()
        item: list[int] = []  # the item's tokens so far
        named = False  # the item so far has a person's name
        apposed = False  # the item follows a person's, after a comma: it may describe them
        for k in tokens[opening.i + 1 :]:
            person = self.p.at.get(k.i)
            if person is not None and person.is_person:
                after = tokens[k.i + 1] if k.i + 1 < len(tokens) else None
                owner = k.text.endswith(person.name.split()[-1])  # not "X of Iraq's ..."
                if owner and after is not None and after.lower in ("'s", "’s"):
                    return 0, [], set()  # "with Trump's wife, Melania": someone else
                found.append(Party(person.name, True, k.i))
                named = True
            elif k.lower == "," or (k.lower == "and" and named):
                if not named and not apposed:
                    unnamed.update(item)
                apposed = named and k.lower == ","
                item, named = [], False
                continue
            elif k.lower == "and" or k.text in _TITLE_PUNCTUATION or k.text[:1].isupper():
                pass  # a word of a title ("Coordinator and Counselor"), or of a name
            elif (k.lower in _POSSESSIVES and not item) or (
                k.pos == "NOUN" and self._names_next(k)
            ):
                pass  # "and her husband Kambiz Foroohar", "War Cabinet members Benny Gantz"
            elif not self._title_link(k):
                break
            item.append(k.i)
        if not named and not apposed:
            unnamed.update(item)
        return opening.i, found, unnamed

    def _names_next(self, k: Token) -> bool:
        """Whether the word after ``k`` is a person's name ("members Benny Gantz")."""
        after = self.p.at.get(k.i + 1)
        return after is not None and after.is_person

    def _title_link(self, k: Token) -> bool:
        """Whether ``k`` is a small word inside a title, before words in capitals:
        "Secretary of the Interior", "Counselor to the President"."""
        after = self.s.tokens[k.i + 1 : k.i + 3]
        if k.lower in _TITLE_LINKS and after:
            if after[0].lower == "the":
                return len(after) > 1 and after[1].text[:1].isupper()
            return after[0].text[:1].isupper()
        return k.lower == "the" and bool(after) and after[0].text[:1].isupper()

    def _venue(self, party: Party) -> bool:
        """ "visited the Oval Office to meet X", "at the White House": a seat of
        government visited or stayed at is a place, not a party (the White House
        that convenes a meeting is one)."""
        if party.name not in gazetteer().venues:
            return False
        t = self.s.tokens[party.token]
        head = self.s.head(t.i)
        visited = t.rel == "obj" and head is not None and self.lemma(head) in _VISITING
        return visited or self.s.case(t.i) in ("at", "in", "to", "inside", "outside")

    def _populace(self, party: Party) -> bool:
        """ "hosting U.S. forces", "met Ukrainian refugees": people of a state who are
        no one's envoys (no word for people in a role, a body or a delegation) do not
        meet for it."""
        t = self.s.tokens[party.token]
        return not party.is_person and t.pos == "NOUN" and not self.p.people_noun(t)

    def _own_people(self, party: Party) -> bool:
        """ "talked with his staff", "met their members": a group that belongs to
        someone in the meeting is on that one's side, no other party to it."""
        t = self.s.tokens[party.token]
        if party.is_person or t.i in self.p.at or t.lower not in _OWN_GROUPS:
            return False
        return any(
            k.dep == "nmod:poss" and k.lower in _OUR | {"his", "her", "my"}
            for k in self.s.children(t.i)
        )

    def _meeting_verb(self, t: Token) -> Found | None:
        if t.lower == "meeting" and t.pos != "VERB":
            return None
        lemma = self.lemma(t)
        objects = self.objects(t) or [
            p for k in self.s.children(t.i, "obj") for p in self._described_group(k)
        ]
        things = [k for k in self.s.children(t.i, "obj") if k.lower not in _TIME_OR_MANNER]
        if lemma in ("visit", "receive"):
            # "visited Paris" names a place, not a participant.
            objects = [o for o in objects if o.is_person]
        if not objects and things:
            # "meet our goals", "A and B received briefings", "hosted a dinner": no one is
            # met, and those who did it together did not meet each other by it
            return None
        if not objects and self._met_thing(t):
            return None  # "a moment we intend to meet": the thing met is the noun's
        subjects = self.subjects(t) or self._the_two(t)
        others = [*objects, *self._meeting_others(t)]
        if not subjects and self.s.children(t.i, "nsubj"):
            return None  # "When I welcomed A and B": A and B did not meet each other
        return self._meeting(t, [*subjects, *others])

    def _met_thing(self, t: Token) -> bool:
        """Whether ``t`` is in a relative clause on a noun no party is ("a challenge
        we will meet", "a moment we intend to meet"), which is the thing met."""
        clause = next((a for a in [t, *self.s.ancestors(t.i)] if a.dep == "acl:relcl"), None)
        if clause is None or (clause.i != t.i and not self.s.children(clause.i, "xcomp")):
            return False
        if any(k.lower in ("where", "when", "why") for k in self.s.children(clause.i)):
            return False  # "the White House, where the delegations met"
        noun = self.s.head(clause.i)
        return noun is not None and noun.pos == "NOUN" and not self.p.of(noun.i)

    def _meeting_with(self, t: Token) -> Found | None:
        lemma = self.lemma(t)
        if lemma == "sit" and not any(k.lower == "down" for k in self.s.children(t.i)):
            return None
        others = self.obliques(t, "with", "to")
        phone = any(k.lower in ("phone", "telephone") for k in self.s.children(t.i))
        phone = phone or any(
            k.lower in ("phone", "telephone") for o in self.oblique_tokens(t, "by") for k in [o]
        )
        if not others and not phone:
            return None  # "A and B spoke" may be two speeches; "spoke by phone" is a call
        return self._meeting(t, [*self.subjects(t), *others], call=phone)

    def _call(self, t: Token) -> Found | None:
        """ "called Prime Minister X": the one called is a person; not "called for",
        "called on", "called it excellent", "called the meeting"."""
        named = self._named_as(t)
        kids = [k for k in self.s.children(t.i) if k not in named]
        if any(k.rel in ("xcomp", "ccomp") for k in kids):
            return None
        if any(k.dep == "compound:prt" or k.rel == "prt" for k in kids):
            return None
        for k in kids:
            if k.rel != "obl":
                continue
            case = self.s.case(k.i)
            if case == "for" and not self.s.children(k.i, "nummod"):
                return None  # "called for talks", not "for two hours"
            if case in ("on", "upon") and self.p.of(k.i):
                return None  # "called on X to", not "on Tuesday"
        called = [o for o in self.objects(t) if o.is_person]
        # a name hung flat on the verb is an object too: "calling Obama 'a very good
        # man'" has two, and names him
        objs = [k for k in kids if k.rel == "obj" or self._flat_name(t, k)]
        if named and not objs:
            called, objs = [p for k in named for p in self.p.of(k.i)], named
        if not called or len(objs) != 1:
            return None
        return self._meeting(t, [*self.subjects(t), *called], call=True)

    def _named_as(self, t: Token) -> list[Token]:
        """ "X called Prime Minister Y" parsed as a naming ("a man called Y"), with X the
        root and the verb hung on it: the person after the verb is its object."""
        head = self.s.head(t.i)
        if t.rel != "acl" or head is None or head.rel != "root" or head.pos != "PROPN":
            return []
        return [
            k
            for k in self.s.children(t.i, "xcomp")
            if k.pos == "PROPN"
            and not self.s.children(k.i, "mark", "cop", "case")
            and any(p.is_person for p in self.p.of(k.i, expand=False))
        ]

    def _welcome(self, t: Token) -> Found | None:
        """ "welcomed President X to the White House", "welcomed X for a meeting": a
        visit received."""
        guests = [o for o in self.objects(t) if o.is_person]
        hosts = self.subjects(t)
        occasions = [k for k in self.oblique_tokens(t, "for") if self._names_a_meeting(k)]
        if not guests or not hosts or not (self.oblique_tokens(t, "to") or occasions):
            return None
        return self._meeting(t, [*hosts, *guests])

    def _invited_to_visit(self, t: Token) -> Found | None:
        """ "X invited Y to visit Brazil", "invited Y to the White House": a visit planned
        between X and Y (where they will meet is Y's to say, so no place is taken)."""
        if self.planned(t):
            return None  # "the United States can invite X to ...": no invitation yet
        guests = self.objects(t)
        acts = [k for k in self.s.children(t.i, "xcomp") if self._marked(k, "to")]
        to_place = self.oblique_tokens(t, "to")
        for k in to_place:
            if self._invited_to(k):
                # "invite him to a meeting at the White House on May 9 with A, B and C"
                # (the parser may hang "with A" on the date or the place)
                also = [j for j in self.s.subtree(t.i) if j > k.i and self.s.case(j) == "with"]
                guests = [*guests, *(p for j in also for p in self.p.of(j))]
        if not guests or not (
            any(self.lemma(k) in self.invited_acts for k in acts) or (to_place and not acts)
        ):
            return None
        return self._meeting(t, [*self._authors(t), *guests], invited=True)

    def _invited_to(self, t: Token) -> bool:
        """Whether ``t`` is a meeting someone is invited to: "invite him to a meeting"."""
        head = self.s.head(t.i)
        return (
            self._names_a_meeting(t)
            and self.s.case(t.i) == "to"
            and head is not None
            and self.lemma(head) in self.invite
        )

    def _names_a_meeting(self, k: Token) -> bool:
        """Whether ``k`` is a meeting noun ("meeting", "talks", "summit")."""
        return k.lower in self.meet_nouns or self.lemma(k) in self.meet_nouns

    def _invitation(self, t: Token) -> Found | None:
        """ "X accepted an invitation to visit Israel": a visit planned between X and
        Israel; "X extended an invitation for Y to visit": one between X and Y."""
        gov = self.governor(t)
        if gov is None or t.rel != "obj":
            return None
        acts = [
            k
            for k in [*self.s.children(t.i, "acl"), *self.s.children(gov.i, "xcomp")]
            if self._marked(k, "to") and self.lemma(k) in self.invited_acts
        ]
        if not acts:
            return None
        if self.lemma(gov) == "accept":
            others = self.objects(acts[0])
        else:
            others = [*self.obliques(t, "for"), *self.objects(gov)]  # "extended Y an invitation"
        found = self._meeting(gov, [*self.subjects(gov), *others], invited=True)
        if found is not None:
            found.token = t.i  # a visit named in passing: not whom "the two leaders" means
        return found

    def _meeting_noun(self, t: Token) -> Found | None:
        lemma = self.lemma(t)
        kids = self.s.children(t.i)
        call = lemma in self.call_nouns or any(
            k.lower in self.call_nouns for k in kids if k.rel in ("compound", "amod")
        )
        if lemma == "call" and not call:
            return None  # "calls for", "a call to action"
        if lemma == "call" and self.oblique_tokens(t, "for", "on"):
            return None
        if lemma == "talk" and not t.lower.endswith("s"):
            return None  # "talk of a deal"
        if self._invited_to(t):
            return None  # the invitation's meeting, read there with those it is "with"
        # "two calls with A and B", "separate calls with A, B and C": one meeting of all
        # only with whoever made each of them
        several = t.lower.endswith("s") and any(
            k.lower in _SEVERAL for k in self.s.children(t.i, "nummod", "amod")
        )
        head = self.s.head(t.i)
        if (
            head is not None
            and head.pos == "VERB"
            and (
                (self.lemma(head) in self.propose and t.rel == "obj")
                or (self.lemma(head) in self.for_verbs | {"call"} and self.s.case(t.i) == "for")
            )
        ):
            return None  # "called for talks", "proposed a summit": asked for, not held
        if (
            head is not None
            and self.s.case(t.i) == "during"
            and self.lemma(head) in self.meet | self.meet_nouns
        ):
            return None  # "met X in a bilateral meeting during the Summit of ...": the occasion
        # "discussions held in Reykjavik between A and B", "talks were held with X", also
        # with "between" hung on the place
        gov = self.governor(t)
        holding = self.s.children(t.i, "acl")
        if gov is not None and t.dep == "nsubj:pass" and self.lemma(gov) in self.meet_light:
            holding = [*holding, gov]
        held = [p for v in holding for p in self.obliques(v, "with", "between")]
        held.extend(p for v in holding for k in self._with_on_setting(v) for p in self.p.of(k.i))
        others = self._meeting_others(t)
        if lemma == "discussion" and not others and not held:
            return None
        parties = [*self.possessor(t), *others, *held]
        if gov is not None and self.lemma(gov) in self.meet_light and t.rel == "obj":
            doers = self._doers(gov)
            if several and not doers:
                return None
            named = [*parties, *self._meeting_others(gov)]
            the = any(k.lower == "the" for k in self.s.children(t.i, "det"))
            if self.lemma(gov) == "join" and not named and the:
                return None  # "X and Y also joined the meeting": the one told of before
            parties = [*doers, *named]
            fact = self._meeting(gov, parties, call=call)
            if fact is not None and (self.planned(t) or self._planned_above(gov)):
                fact.status = "planned"
            return fact
        head = self.s.head(t.i)
        if (
            head is not None
            and t.rel == "obl"
            and parties
            and not self.possessor(t)
            and self.s.case(t.i) not in ("", *_ABOUT_OR_INTO)
        ):
            # "During the meeting with X, Biden said": the clause's subject took part; so
            # did a passive's ("Brown has been locked in talks with X"); not those
            # "allowed into the meeting between X and Y" or "briefed on" it, nor those
            # who "lauded ..., the summit with X" (an object the parser hung as obl), nor
            # one "never present at meetings between X and Y".
            doers = [] if self.negated(head) else self.subjects(head)
            if not doers and self.passive(head):
                doers = [p for k in self.s.children(head.i, "nsubj") for p in self.p.of(k.i)]
            parties = [*doers, *parties]
        elif self.s.children(t.i, "cop") and self.s.case(t.i) and parties:
            # "X is in talks with Y": the predicate's subject; but "Today's summit is
            # the fourth meeting between A and B" names the meeting, no one in it
            parties = [
                *(p for k in self.s.children(t.i, "nsubj") for p in self.p.of(k.i)),
                *parties,
            ]
        if several:
            return None  # no one named made all of them
        fact = self._meeting(t, parties, call=call)
        future = any(k.lower in self.future for k in kids)
        if fact is not None and (future or (gov is not None and self.planned(gov))):
            fact.status = "planned"
        return fact

    # -- meetings: parties beyond the noun's own "with" and "between" -------------------

    def _meeting_others(self, t: Token) -> list[Party]:
        """Who a meeting is with: its "with" and "between" obliques, a group described by
        its members' role among them ("with senior union figures"); for a noun, also
        its members ("a meeting of the Commission", "talks of the two leaders")."""
        found = []
        for k in self.oblique_tokens(t, "with", "between"):
            found.extend(self.p.of(k.i) or self._described_group(k) or self._body_named(k))
        for k in self._with_on_setting(t):
            found.extend(self.p.of(k.i) or self._described_group(k))
        if t.pos in ("NOUN", "PROPN") and self.lemma(t) not in ("visit", "call"):
            # "the visit of X" is X's visit, not a meeting among its visitors
            for k in self.s.children(t.i, "nmod"):
                # not a term of office: "the fourth meeting of the X Administration"
                if self.s.case(k.i) == "of" and k.lower.split()[-1] not in self.terms:
                    found.extend(p for p in self.p.of(k.i) if self._named_whole(p))
        return found

    def _with_on_setting(self, t: Token) -> list[Token]:
        """ "met today at the White House with X", "met on August 29 with X": the "with"
        the parser hung on the place or the date before it. A place or a day is not
        met with; the one who is met is the verb's. Not for a noun, whose date may open
        a phrase of its own ("the President's meeting on May 2 with X")."""
        if t.pos not in ("VERB", "AUX"):
            return []
        return [
            k
            for setting in self.oblique_tokens(t, "at", "in", "on")
            for k in self.s.children(setting.i, "nmod")
            if self.s.case(k.i) in ("with", "between") and k.i > setting.i
        ]

    def _named_whole(self, party: Party) -> bool:
        """A party named by its phrase's own head: "the Commission", "the Council of
        Europe"; not a name inside a longer one that no list knows ("the White House
        Competition Council" is no meeting of the White House)."""
        words = self.s.tokens[party.token].text.split()
        name = party.name.lower()
        return name in " ".join(words).lower() and words[-1].lower() in name.split()

    def _the_two(self, t: Token) -> list[Party]:
        """ "The pair met", "the two men met": with no group met or agreed before, the
        two people named last."""
        people = self.p.memory.people
        for k in self.s.children(t.i, "nsubj"):
            dets = {c.lower for c in self.s.children(k.i, "det", "nummod")}
            two = k.lower in _PAIR or (k.lower in _TWO_OF and dets & {"two", "both"})
            if two and dets & {"the", "both"} and len(people) >= 2:
                return [Party(name, True, k.i) for name in people[-2:]]
        return []

    def _described_group(self, k: Token) -> list[Party]:
        """A group no list names, described by who its members are: "senior union
        figures", "Labour party officials", "business leaders". Only a plural of a word
        for people in a role (``group_heads``) with a word before it that says whose."""
        if k.pos != "NOUN" or k.lower not in self.group_heads:
            return []
        described = [c for c in self.s.children(k.i, "compound", "amod") if c.i < k.i]
        if not described:
            return []
        words = [i for c in described for i in self.s.subtree(c.i)] + [k.i]
        if any(
            self.s.tokens[i].lower in self.p.role_nouns
            or (i in self.p.at and self.p.at[i].is_person)
            for i in words
            if i != k.i
        ):
            return []  # "The President and House leaders": a person and a group
        return [Party(self.s.text_of(sorted(words)), False, k.i)]

    def _body_named(self, k: Token) -> list[Party]:
        """A body no list knows, met as "the" and a name in capitals of two words or
        more: "met with the Circle of Protection", "a call with the Business
        Roundtable". Not a place, a seat of government ("the White House") or a title
        ("the Foreign Secretary": someone the text has not named)."""
        words = k.text.split()
        if (
            k.pos != "PROPN"
            or len(words) < 2
            or self.p.people_noun(k)
            or words[-1].lower().removesuffix("s") in self.p.role_nouns  # "Black Speakers"
            or not any(c.lower == "the" for c in self.s.children(k.i, "det"))
            or not all(w[:1].isupper() or w in _NAME_LINKS for w in words)
        ):
            return []
        places = gazetteer()
        if k.text in places.venues or k.text in places.cities or places.party(k.text):
            return []
        if any(k.text.lower() == role.lower() for role in places.roles):
            return []  # "talks with the current First Lady": a title, someone not named
        return [Party(k.text, False, k.i)]

    def _doers(self, verb: Token) -> list[Party]:
        """The subjects of a verb, also of one the parser hung on a noun ("visit a school
        before chairing a meeting" with "chairing" under "school"): those of the verb
        above the noun."""
        found = self.subjects(verb)
        head = self.s.head(verb.i)
        if found or verb.rel != "advcl" or head is None or head.pos in ("VERB", "AUX"):
            return found
        above = next((a for a in self.s.ancestors(verb.i) if a.pos in ("VERB", "AUX")), None)
        return self.subjects(above) if above is not None else []

    def _planned_above(self, verb: Token) -> bool:
        """ "will visit X before chairing a meeting": a clause that says when, under a
        verb still to come, is still to come, however the parser hung it."""
        if verb.rel != "advcl" or self._marked(verb, "if", "unless"):
            return False
        above = next((a for a in self.s.ancestors(verb.i) if a.pos in ("VERB", "AUX")), None)
        return above is not None and self.planned(above)

    # -- agreements --------------------------------------------------------------------

    def _agreement(
        self, t: Token, parties: list[Party], what: str, *, least: int = 2
    ) -> Found | None:
        parties = unique(parties)
        if len(parties) < least or self.negated(t) or self.planned(t):
            return None
        return Found("agreement", parties, self._in_past(t, what), t.i)

    def _in_past(self, t: Token, what: str) -> str:
        """A joint statement's "The leaders reaffirm their commitment" as "reaffirmed
        their commitment": a fact's text opening with its verb reads after its
        parties, in a brief that reports what was agreed."""
        first, space, rest = what.partition(" ")
        if first.endswith(","):  # "express, as original signatories, support for ..."
            first, rest = first[:-1], f", {rest}"
            space = ""
        lemma = self.lemma(t)
        if (
            first != t.text
            or t.pos != "VERB"
            or first.lower() not in inflections(lemma)
            or first.lower() not in self.lex.lemma_of
        ):
            return what  # (a verb no list knows: "faces" would become "facesed")
        if self._marked(t, "to") or any(
            a.lower in self.modals for a in self.s.children(t.i, "aux")
        ):
            # "(are working) to finalize", "will ask": not done, so not in the past, and
            # read as what is meant ("agreed to finalize the Agreement")
            return f"to {what}" if first.lower() == lemma else what
        if first.lower() == self.lex.past(lemma) or first.lower().endswith("ed"):
            return what
        return f"{self.lex.past(lemma)}{space}{rest}".strip()

    def _refused(self, t: Token) -> Found | None:
        """ "failed to agree", "refuses to accept Syria's denials", "would not back the
        plan": a refused agreement is a disagreement with the other party or the thing."""
        if not self.negated(t) or self._conditional(t):
            return None
        sides = self.subjects(t)
        others = [*self.objects(t), *self.obliques(t, "with", "on", "over")]
        for o in self.s.children(t.i, "obj"):
            others.extend(self.possessor(o))
        others = [o for o in others if o.name not in {p.name for p in sides}]
        if not sides:
            return None
        what = self.clause(t)
        head = self.s.head(t.i)
        if head is not None and t.rel == "xcomp" and self.lemma(head) in self.negating:
            what = self.clause(head)  # "refuses to accept ..."
        elif not what.lower().startswith(tuple(_NEGATORS)):
            # "Ministers do not support a lower limit": their position keeps its "not"
            lead = [
                k.i
                for k in self.s.children(t.i)
                if k.i < t.i and (k.rel == "aux" or k.lower in _NEGATORS)
            ]  # the words from there to the verb: "does not, and will never, recognize"
            what = f"{self.s.text_of(list(range(min(lead), t.i))) if lead else ''} {what}"
            what = what.strip()
        return self._stance(t, sides, others, self.topic(t) or what, what)

    def _refusal(self, t: Token) -> Found | None:
        """ "X's refusal to accept Y's proposals", "X's refusal to sign the treaty": as
        "X refused to accept ...", X against the party whose proposal it is, or the thing."""
        after = self.s.tokens[t.i + 2] if t.i + 2 < len(self.s.tokens) else None
        # its infinitive, also where the parser hung it on a word further on
        refused = [
            k
            for k in [*self.s.children(t.i, "acl", "xcomp"), *([after] if after else [])]
            if self._marked(k, "to")
            and self.s.tokens[k.i - 1].lower == "to"
            and self.lemma(k) in self.agree_joint | self.refusal
        ]
        sides = [*self.possessor(t), *self.obliques(t, "by")]
        if not refused or not sides:
            return None
        k = refused[0]
        if not self.topic(k):
            return None  # "refusal to accept" with what is refused hung elsewhere
        others = [*self.objects(k), *self.obliques(k, "with")]
        for o in self.object_tokens(k):
            others.extend(self.possessor(o))
        others = [o for o in others if o.name not in {p.name for p in sides}]
        topic = self.topic(k) or self.clause(k)
        # the noun, its infinitive and what that takes, not a clause the parser hung on it
        words = [t.i, *range(t.i + 1, k.i + 1)]
        for c in self.s.children(k.i, "obj", "obl", "iobj", "compound:prt", "prt"):
            words.extend(self.s.subtree(c.i))
        what = self.s.text_of(words).strip(" ,;:" + _QUOTES)
        return self._stance(t, sides, others, topic, what)

    def _hostilities(self, t: Token) -> Found | None:
        """ "Russia's war against Ukraine", "X's attack on Y's record": the one who wages
        it (the possessor, or "by" X) against the one it is waged on. Not where a verb
        over it states its own fact ("condemned Russia's war"), nor a war of no one's."""
        gov = self.governor(t)
        if gov is not None and self.lemma(gov) in self.against | self.mutual | self.propose:
            return None  # read as the verb's own fact
        sides = self.possessor(t)
        if not sides and gov is not None and t.rel == "obj" and self.lemma(gov) in _WAGING:
            sides = self.subjects(gov)  # "X launched an attack on Y"
        on = self.oblique_tokens(t, "against", "on", "upon", "of", "in")
        others = [
            p
            for k in on
            for c in [k, *self.s.children(k.i, "compound", "amod")]
            # not what is joined to it: "against Ukraine, DPRK, and Burma" lists topics
            for p in [*self.p.of(c.i, expand=False), *self.possessor(c)]
        ]
        others = [o for o in others if o.name not in {s.name for s in sides}]
        if not sides or not others:
            return None
        # the noun's own phrase: not what is joined to it ("... and cross-Strait issues"),
        # nor what it is "for" ("for transatlantic security")
        joined = [
            i
            for k in self.s.children(t.i, "conj", "cc", "acl", "punct", "nsubj", "cop", "mark")
            for i in self.s.subtree(k.i)
        ]
        joined.extend(
            i
            for k in self.s.children(t.i, "nmod")
            if self.s.case(k.i) not in ("against", "on", "upon", "of", "in")
            and k.dep != "nmod:poss"
            for i in self.s.subtree(k.i)
        )
        for k in on:  # "against Ukraine and its implications ...": not the war's
            for c in self.s.children(k.i, "conj"):
                joined.extend([*self.s.subtree(c.i), *(x.i for x in self.s.children(c.i, "cc"))])
                joined.extend(x.i for x in self.s.children(c.i, "punct") if x.i < c.i)
        words = [
            i
            for i in self.s.subtree(t.i)
            if i not in self._cases(t)
            and i not in joined
            and (i >= t.i or self.s.tokens[i].lower not in _LEADING | {"as", "among"})
        ]
        topic = self.s.text_of(words).strip(" ,;:" + _QUOTES)
        owners = [k for k in self.s.children(t.i, "nmod") if k.dep == "nmod:poss"]
        words = [i for i in words if not any(i in self.s.subtree(o.i) for o in owners)]
        what = self.s.text_of(words).strip(" ,;:" + _QUOTES)
        found = self._disagreement(t, sides, others, topic)
        if found is not None:
            found.positions = {sides[0].name: what}
        return found

    def _conditional(self, t: Token) -> bool:
        """Whether ``t`` is said only on a condition: "if the government did not accept
        the ruling", "if it were not to accept", also with the infinitive under it."""
        for k in [t, *self.s.ancestors(t.i)]:
            if self._marked(k, "if", "unless"):
                return True
            if k.rel != "xcomp":  # "were not to accept": the infinitive's verb above
                return False
        return False

    def _evaluation(self, t: Token) -> Found | None:
        """ "X said Y's view was flawed", "X called Camp Delta a scandal": a speaker's
        negative judgement of a party's act or of a thing is X's side against it. Not
        when X did not say it, nor said it on a condition ("even if they think it
        inappropriate")."""
        if self.negated(t) or self._marked(t, "if", "unless", "whether"):
            return None
        if self.lemma(t) in self.judging and self.passive(t):
            return self._judged_passive(t)
        judged: Token | None = None
        word: Token | None = None  # the adjective that judges a noun ``judged``
        for k in self.s.children(t.i, "ccomp", "xcomp"):
            if self._judgement(k):
                judged = k
            elif k.pos == "NOUN" and self.s.children(k.i, "cop"):
                # "said it was a totally unacceptable way to behave": the noun judged by
                # its adjective is the judgement
                for c in self.s.children(k.i, "amod"):
                    if self._judgement(c):
                        judged, word = k, c
            nominal = k.pos in ("NOUN", "PROPN") and self.lemma(t) in self.judging
            for c in self.s.children(k.i):
                if c.rel in ("obj", "xcomp", "advmod") and self._judgement(c, lemma=False):
                    # "branded the plan a disgrace" with "the plan" read as the complement:
                    # the noun is what is judged, read below
                    judged, word = (None, None) if nominal else (k, c)
        judged_object: Token | None = None
        if judged is None and self.lemma(t) in self.judging:
            # "branded X's plan a disgrace" with "a disgrace" hung on the object
            for o in self.s.children(t.i, "obj", "xcomp"):
                for c in self.s.children(o.i, "obj", "xcomp", "appos"):
                    if c.i > o.i and self._judgement(c):
                        judged, judged_object = c, o
        if judged is None and self.lemma(t) in self.speech:
            return self._deep_judgement(t)
        if judged is None or self._marked(judged, "if", "unless", "whether"):
            return None  # "if they have done something wrong" judges nobody
        if self.negated(judged):
            return None  # "the plan was not wrong"
        speakers = self.subjects(t)
        if not speakers:
            return None
        targets: list[Party] = []
        topic = None
        if judged_object is not None:
            targets.extend(self.p.of(judged_object.i, expand=False))
            targets.extend(self.possessor(judged_object))
            start = self.s.subtree(judged.i)[0]
            words = [i for i in self.s.subtree(judged_object.i) if i < start]
            topic = self.s.text_of(words).strip(" ,;:" + _QUOTES) or None
        for k in self.s.children(judged.i):
            if k.rel == "nsubj" or (k.rel == "obj" and judged.i != t.i):
                targets.extend(self.p.of(k.i))
                targets.extend(self.possessor(k))
                targets.extend(self._named_owner(k))  # "the Labour plan was flawed"
                topic = topic or self._phrase(k)
        if judged.rel == "xcomp":
            for k in self.s.children(t.i, "obj"):
                targets.extend(self.p.of(k.i))
                topic = topic or self._phrase(k)
        before = [k for k in self.s.children(judged.i, "compound", "amod") if k.i < judged.i]
        if self.lemma(t) in self.judging and before and not targets:
            # "called the UK's rebate unjustified" with the rebate read as the adjective's
            # modifier: the thing judged is the noun, its owner the party judged
            targets = [*self.possessor(judged), *(p for k in before for p in self.possessor(k))]
            words = [i for i in self.s.subtree(judged.i) if i < judged.i]
            topic = self.s.text_of(words).strip(" ,;:" + _QUOTES) or None
            judged_object = before[0]
        targets = [p for p in targets if p.name not in {s.name for s in speakers}]
        if not self._judges_a_party(word or judged, targets):
            return None
        pronoun = topic is not None and topic.lower() in _PRONOUNS
        if pronoun and topic is not None and topic.lower() in _SPEAKERS_OWN:
            return None  # "we have made a terrible mistake": the speaker's own side
        if not targets and not topic:
            return None
        what = self.s.text_of(self.s.subtree(judged.i)).strip(" ,;:" + _QUOTES)
        if pronoun:
            topic = None  # "It is utterly unacceptable": the judgement says what it is about
        if judged_object is not None:
            what = self.clause(t)  # "branded the plan a disgrace", not "a disgrace"
        return self._stance(t, speakers, targets, topic or what, what)

    def _judged_passive(self, t: Token) -> Found | None:
        """ "X's plans were branded 'deeply irresponsible' by the Liberal Democrats", "the
        scheme has been described as a disgraceful waste by MPs": the agent judges the
        passive's subject, and the party whose it is."""
        said = [
            k
            for k in self.s.children(t.i, "obj", "xcomp", "obl")
            if k.rel != "obl" or self.s.case(k.i) == "as"
        ]
        judged = next(
            (
                k
                for k in said
                if self._judgement(k)
                or any(self._judgement(c) for c in self.s.children(k.i, "amod"))
            ),
            None,
        )
        if judged is None:
            return None
        agents = self.subjects(t)
        for k in [judged, *self.s.children(judged.i, "conj"), *self.s.children(t.i, "conj")]:
            for by in self.s.children(k.i, "obl", "nmod"):
                if not agents and self.s.case(by.i) == "by":
                    agents = self.p.of(by.i)  # "by X" hung on the judgement
        subjects = [k for k in self.s.children(t.i, "nsubj") if k.dep == "nsubj:pass"]
        if not agents or not subjects:
            return None
        targets = [p for k in subjects for p in [*self.p.of(k.i), *self.possessor(k)]]
        targets = [p for p in targets if p.name not in {a.name for a in agents}]
        word = judged if self._judgement(judged) else self.s.children(judged.i, "amod")[0]
        if not self._judges_a_party(word, targets):
            return None
        topic = self._phrase(subjects[0])
        if not targets and (not topic or topic.lower() in _PRONOUNS):
            return None
        named_by = tuple(k.i for k in self.s.children(t.i) if self.s.case(k.i) == "by")
        what = self.clause(t, without=named_by)  # "branded a disgrace", not "... by X" again
        return self._stance(t, agents, targets, topic or what, what)

    def _agreement_joint(self, t: Token, lemma: str) -> Found | None:
        """ "A and B agreed", "A agreed with B"; "A agreed to withdraw" agrees with someone
        the sentence need not name ("agreed" says a second party exists)."""
        signers = self.subjects(t)
        parties = [*signers, *self.obliques(t, "with", "between")]
        if lemma == "sign":
            if not signers and not self.oblique_tokens(t, "between"):
                return None  # "agreements signed with A, B and C": each with someone unnamed
            for o in self.s.children(t.i, "obj"):
                parties.extend(self.obliques(o, "with", "between"))
            return self._agreement(t, parties, self.clause(t))
        views = [k for k in self.oblique_tokens(t, "with") if not self.p.of(k.i)]
        if views:
            # "agreed with Dr Fox's view" shares the view's holder's; "agreed with
            # everything she's done" or "with the report", no one's: not a bargain
            parties.extend(p for k in views for p in self.possessor(k))
            return self._agreement(t, parties, self.clause(t))
        return self._agreement(t, parties, self.clause(t), least=1)

    def _agreement_plural(self, t: Token) -> Found | None:
        if self.lemma(t) in self.agree_stated and (
            t.lower.endswith("ing")
            or t.dep == "acl:relcl"
            or not (self.s.children(t.i, "nsubj") or t.rel == "conj")
        ):
            return None  # "visiting Kenya to highlight ...", "noting that ...", "a moment
            # we intend to meet"
        if self.passive(t) and (t.dep == "acl" or self._marked(t, "as")):
            return None  # "(as) directed by the leaders": said of something, not stated
        parties = self.subjects(t) or self._committed(t)
        group = self.p.memory.group
        if len(parties) == 1 and parties[0].name in group and self._shared_object(t):
            # "The President reaffirmed our shared goal to see Hamas defeated": the goal
            # of those who met, whoever states it
            parties = unique([*parties, *(Party(n, n in self.p.roles, t.i) for n in group)])
        if not {p.name for p in parties} <= set(self.p.memory.group) and any(
            self._faction(p) for p in parties
        ):
            # "Opposition members and some Labour MPs called for ...": factions that
            # never met take a stance each, and agree on nothing with one another;
            # leaders, states and bodies who say it together ("The United States and
            # Canada committed ...") speak jointly.
            return None
        head = self.s.head(t.i)
        if (
            self._marked(t, "to")
            and not t.lower.endswith("ing")  # "looked forward to welcoming": read as it was
            and t.rel in ("xcomp", "advcl")
            and head is not None
            and head.pos == "VERB"
            and head.lower not in self.lex.forms  # "agreed to work ...": read there
        ):
            # "We are working together to achieve our shared goals": what they do for it
            # is the statement, not the bare infinitive ("agreed on achieve ..."); "deny
            # conspiring to commit fraud" states none
            above = [*self.s.ancestors(t.i), *self.s.children(head.i, "compound")]
            if self.negated(head) or any(self.lemma(a) in self.negating for a in above):
                return None  # (also "deny" read as the compound of "conspiring")
            return self._agreement(head, parties, self.clause(head))
        return self._agreement(t, parties, self.clause(t))

    def _joint_will(self, t: Token) -> Found | None:
        """ "Mexico and the United States will also convene a working group to ...": what
        states or bodies named together as the subject say they will do is a commitment
        they make together, a joint statement's way of agreeing. Not people, not a
        meeting (a planned one), nor what is said, refused or hoped for, nor what
        factions will do."""
        if t.pos != "VERB" or not any(a.lower == "will" for a in self.s.children(t.i, "aux")):
            return None
        lemma = self.lemma(t)
        if lemma in self.meet or lemma in self.meet_with or lemma in self.speech:
            return None
        if self.negated(t) or self._hypothetical(t) or t.rel.startswith("acl"):
            return None  # "the challenges Japan and the United States will face together"
        if self.s.tokens[-1].text in ("?", ":"):
            return None  # a question, or a list to follow ("will work together to:")
        subjects = self.s.children(t.i, "nsubj")
        if len(subjects) != 1 or not self.s.children(subjects[0].i, "conj"):
            return None
        parties = unique(self.p.of(subjects[0].i))
        if len(parties) < 2 or any(
            p.is_person or self._faction(p) or self.s.tokens[p.token].pos == "PRON" for p in parties
        ):
            # states and bodies: two officials of one government "will represent the
            # United States" together, which is no agreement
            return None
        what = self.clause(t)
        if " " not in what:
            return None  # "will co-lead" with what they lead hung elsewhere
        if what.split(" ", 1)[0] == t.text:
            what = f"will {what}"  # a commitment, not an order: "will convene a group"
        return Found("agreement", parties, what, t.i)

    def _forward(self, t: Token) -> bool:
        """ "looked forward to working together": "forward" is the verb's."""
        return any(k.lower == "forward" for k in self.s.children(t.i, "advmod", "compound"))

    def _shared_object(self, t: Token, *, stance: bool = False) -> bool:
        """ "The leaders discussed their shared concerns about X": what several say is
        theirs in common, whatever they did with it, they agree on. Not "the shared
        challenges" (a thing that befalls them both), nor what they "will reinforce".
        With ``stance``, a stance they hold is theirs in common without "shared"
        ("The two officials discussed their serious concerns about X")."""
        if not any(
            (
                any(a.lower == "shared" for a in self.s.children(o.i, "amod"))
                or (stance and self.lemma(o) in _STANCES)
            )
            and any(p.lower in _OURS for p in self.s.children(o.i, "nmod:poss"))
            for o in self.s.children(t.i, "obj")
        ):
            return False  # (asked of every verb: the object first, it rules most out)
        verbs = [t]
        while verbs[-1].rel == "conj" and (head := self.s.head(verbs[-1].i)) is not None:
            verbs.append(head)  # "will continue ..., take stock ... and reinforce"
        return not any(a.lower in self.modals for k in verbs for a in self.s.children(k.i, "aux"))

    def _committed(self, t: Token) -> list[Party]:
        """Who "are committed" or "remain determined" to act, or committed to a cause
        ("to a free and open Indo-Pacific"): a state, not a passive with someone else as
        the doer ("troops were committed to the region by X")."""
        if t.lower not in _STATES_OF_RESOLVE or not self.passive(t):
            return []
        if any(k.dep == "obl:agent" for k in self.s.children(t.i)):
            return []
        cause = t.lower == "committed" and any(
            k.pos != "VERB" or k.i in self.p.at for k in self.oblique_tokens(t, "to")
        )
        if not cause and not any(
            self._marked(k, "to") for k in self.s.children(t.i, "xcomp", "advcl")
        ):
            return []
        return [p for k in self.s.children(t.i, "nsubj:pass") for p in self.p.of(k.i)]

    def _faction(self, party: Party) -> bool:
        """A political party or a group named by a plural ("critics", "Labour MPs")."""
        if party.is_person or party.name in gazetteer().parties:
            return False
        word = self.s.tokens[party.token].lower.split()[-1]
        plural = word.endswith("s") and not word.endswith(("ss", "us", "is", "as"))
        return plural or party.name in gazetteer().political_parties

    def _agreement_noun(self, t: Token) -> Found | None:
        parties = [*self.possessor(t), *self.obliques(t, "with", "between")]
        gov = self.governor(t)
        if gov is not None and self.lemma(gov) in self.agree_light and t.rel == "obj":
            parties = [*self.subjects(gov), *parties, *self.obliques(gov, "with", "between")]
            if self.negated(gov) or self.planned(gov):
                return None
            return self._agreement(gov, parties, self.clause(gov))
        if gov is not None:
            return None  # "criticised the deal": another predicate's object
        head = self.s.head(t.i)
        if (
            head is not None
            and t.rel.startswith("nmod")
            and self.lemma(head) in self.prospect_nouns
            and any(k.lower in ("a", "an") for k in self.s.children(t.i, "det"))
        ):
            return None  # "the importance of a peace agreement": one hoped for, not made
        return self._agreement(t, parties, self.clause(t))

    # -- disagreements -----------------------------------------------------------------

    def _disagreement(
        self, t: Token, sides: list[Party], others: list[Party], topic: str | None
    ) -> Found | None:
        if self.negated(t) or not sides or self._hypothetical(t):
            return None
        if topic is not None and topic.lower() in _PRONOUNS:
            topic = None  # "criticised him" unresolved: no topic a reader can use
        parties = unique([*sides, *others])
        if len(parties) < 2 and not topic:
            return None
        # "after a battle with X": the noun's phrase, not the preposition that hangs it
        predicate = bool(self.s.children(t.i, "cop"))  # "is at odds with": keep its "at"
        cases = tuple(self._cases(t)) if t.pos in ("NOUN", "PROPN") and not predicate else ()
        # "(plans) opposed by X": X's position is the predicate, not X named again
        agents = tuple(k.i for k in self.s.children(t.i) if k.dep == "obl:agent")
        what = self.clause(t, without=cases + agents)
        if agents and topic and self.passive(t) and what.split(" ", 1)[0] == t.text:
            # "The plan was rejected by X on Monday": X's position is "rejected the plan
            # on Monday"; "He was criticised by X for encouraging Y": "criticised Jack
            # McConnell for encouraging Y", not the reason twice
            judged = [
                p for k in self.s.children(t.i) if k.dep == "nsubj:pass" for p in self.p.of(k.i)
            ]
            thing = self._inside(topic, topic.startswith(self.s.tokens[0].text))
            if topic.lower() in what.lower():
                thing = judged[0].name if judged else ""
            what = f"{t.text} {thing} {what.removeprefix(t.text).strip()}".strip()
            what = " ".join(what.split())
        # Every side holds the clause: "A and B oppose X" is one stance they share.
        stance = self._in_past(t, what) if what else ""
        positions = {side.name: stance for side in unique(sides)} if stance else {}
        return Found("disagreement", parties, topic or what, t.i, positions=positions)

    def _against(self, t: Token) -> Found | None:
        charged = self.s.head(t.i)
        if (
            charged is not None
            and self.lemma(charged) in self.against
            and (self._marked(t, "of", "for") or self.s.case(t.i) in ("of", "for"))
        ):
            return None  # "accused it of betraying its supporters": the charge, read there
        if self.lemma(t) in self.standing and any(
            self.lemma(o) in self.offices for o in self.s.children(t.i, "obj")
        ):
            return None  # "contested the Sheffield Hallam seat": standing for it
        # '"We oppose the scheme," said X': "we" is the side of the one quoted
        sides = self.subjects(t) or self._we_quoted(t)
        others = self.objects(t)
        for o in self.object_tokens(t):
            if o.rel != "obj":
                others.extend(self.p.of(o.i))
            others.extend(self.possessor(o))
            others.extend(self.obliques(o, "of", "by", "from"))
            if not others:
                others.extend(self._named_owner(o))
        if self.lemma(t) in _LAID_ON:
            # "blamed her defeat by Y on X", "on X's letters", "on interventions by X": X is
            # blamed, not Y (the parser may hang "on X" on the object)
            blamed = [
                p
                for k in (t, *self.object_tokens(t))
                for on in self.oblique_tokens(k, "on")
                for p in self.p.of(on.i) or self.possessor(on) or self.obliques(on, "by", "of")
            ]
            others = blamed or others
        others = [o for o in others if o.name not in {s.name for s in sides}]
        if not sides and others and self.passive(t) and not self.negated(t):
            # "X has been accused of ...", "X was criticised over ...": whoever did it
            # is unnamed, but X is a party to the dispute, on the topic of the complement.
            topic = None
            agent = [k for k in self.s.children(t.i) if k.dep == "obl:agent"]
            agents = {i for k in agent for i in self.s.subtree(k.i)}
            for k in self.oblique_tokens(t, "of", "over", "for", "about"):
                if k.i not in agents:  # not "by one of Labour's senior Asians"
                    topic = self._phrase(k)
            for k in self.s.children(t.i, "advcl", "xcomp"):
                topic = topic or self._phrase(k)
            if topic is not None and not self._hypothetical(t):
                return Found("disagreement", unique(others), topic, t.i, positions={})
            return None
        found = self._disagreement(t, sides, others, self._charge(t) or self.topic(t))
        head = self.s.head(t.i)
        if found is not None and self.passive(t) and head is not None and t.rel == "ccomp":
            # "X claims he has been betrayed by Y": the position is X's claim, not Y's
            speakers = self.subjects(head) if self.lemma(head) in self.speech else []
            wronged = [p for p in speakers if p.name in {o.name for o in others}]
            if wronged:
                found.positions = {wronged[0].name: self._phrase(t) or found.what}
        return found

    def _verb_read_as_modifier(self, t: Token, lemma: str) -> Found | None:
        """ "Lib Dem Jane Hale accused ministers of ...", "X, a Tory MP, accused Mr Lee of
        ...": a past tense read as an adjective of the name after it (as in "the accused
        man"). It is the verb where a party ends right before it (a name, or an
        apposition closed by a comma) and a party follows it: the one before acts on
        the one after. Never after a determiner, a possessive or a preposition ("the
        proposed ban", "its disputed region"), which make it an adjective."""
        if not t.lower.endswith("ed") or t.i == 0 or t.head <= t.i:
            return None
        before = self.s.tokens[t.i - 1]
        if before.text == "," and t.i > 1 and self.s.tokens[t.i - 2].rel == "appos":
            before = self.s.tokens[t.i - 2]  # "..., Mark Oaten, accused"
        elif before.pos not in ("PROPN", "NOUN", "PRON") or before.rel == "amod":
            return None
        sides = self.p.of(before.i, expand=False)
        if before.rel == "appos" and not any(p.is_person for p in sides):
            # "Dr Lena Cole, a Labour MP, accused": the one the apposition describes
            named = [p for p in self.p.of(before.head, expand=False) if p.is_person]
            sides = named or sides
        if before.rel == "compound" and not all(p.is_person for p in sides):
            sides = []  # "the Labour proposed changes" may be a noun's modifiers
        target: list[Party] = []
        for k in self.s.tokens[t.i + 1 : t.i + 5]:
            if k.lower in ("of", "for", "to") or k.text in _STOPS or k.pos == "VERB":
                break
            if k.pos in ("PROPN", "NOUN"):
                # "accused shadow chancellor Oliver Letwin": the name, not the title
                named = self.p.of(k.i, expand=False)
                if any(t.text in p.name.split() for p in named):
                    # a group's name read with all the parser hung on it, the verb too
                    named = [Party(k.text, False, k.i)]
                target = [p for p in named if p.name not in {s.name for s in sides}]
                if target:
                    break
        if not sides or self.negated(t) or not (target or lemma in self.propose):
            return None
        end = len(self.s.tokens)
        for k in self.s.tokens[t.i + 1 :]:
            if k.text == "," and k.i + 1 < end and self.s.tokens[k.i + 1].lower.endswith("ing"):
                end = k.i  # ", saying ...": the clause ends before its own aside
                break
        text = self.s.text_of(list(range(t.i, end))).strip(" ,;:." + _QUOTES)
        text = text + '"' if text.count('"') % 2 else text
        if lemma in self.propose:
            if not any(self._marked(k, "to") for k in self.s.tokens[t.i + 1 : end]):
                return None  # "urged students to act" asks someone to act; nothing else does
            return self._proposal(t, sides, text)
        charged = text.split(" of ", 1)[1] if lemma in _CHARGING and " of " in text else None
        return self._stance(t, sides, target, charged or text, text)

    def _named_owner(self, o: Token) -> list[Party]:
        """ "attacked Tory plans", "rejected the Conservative compromise offer": a party
        named as a modifier of a plan, claim or act (``owned_nouns``) is the one whose it
        is, as "the Tories' plans" would say; "Tory MPs" are no plan of anyone's. So is
        one named after it by "by" or "from": "the claims by Labour". "The way X handled
        it" is X's."""
        if o.lower in _MANNER:
            return self._doers_of(o)
        if self.lemma(o) not in self.owned_nouns and o.lower not in self.owned_nouns:
            return []
        found: list[Party] = []
        for c in self.s.children(o.i, "compound", "amod"):
            if c.i < o.i:
                found.extend(self.p.of(c.i, expand=False) or self._named_owner(c))
        by = [k for k in self.s.children(o.i, "nmod") if self.s.case(k.i) in ("by", "from")]
        return [
            *(p for p in found if not p.is_person),
            *(p for k in by for p in self.p.of(k.i)),
        ]

    def _doers_of(self, way: Token) -> list[Party]:
        """ "(criticised) the way Mr Blunkett introduced the rules": the subject of the
        clause that says how something was done, not a thing or a pronoun's guess."""
        return [
            p
            for c in self.s.children(way.i, "acl")
            for k in self.s.children(c.i, "nsubj")
            if k.pos != "PRON"
            for p in self.p.of(k.i)
        ]

    def _charge(self, t: Token) -> str | None:
        """What ``t``'s object is accused, blamed or criticised of or for: "accused the
        ministers of wasting money" is over "wasting money", not over "the ministers"."""
        for k in self.s.children(t.i, "obj"):
            for d in [k, *self.s.children(k.i, "conj")]:
                for c in self.s.children(d.i, "acl", "advcl", "nmod"):
                    if (c.pos == "VERB" and self.s.case(c.i) in ("of", "for")) or self._marked(
                        c, "of", "for"
                    ):
                        return self._clause_of(c)  # "accused X of wasting money", "of being lax"
                    if c.rel == "nmod" and self.s.case(c.i) == "for" and self.p.of(d.i):
                        return self._object_of(c)  # "criticised the council for its failure"
        party = any(self.p.of(k.i) for k in self.s.children(t.i, "obj"))
        for c in self.s.children(t.i, "advcl", "obl"):
            if c.i < t.i or not (
                self._opens_with(c, "of", "for") or self.s.case(c.i) in ("of", "for")
            ):
                continue
            if c.pos == "VERB" or self._opens_with(c, "of", "for"):
                return self._clause_of(c)  # also 'of being "pathetic"', headed by the adjective
            if party:  # "criticised the council for its failure", not "the plans for a stadium"
                return self._object_of(c)
        return None

    def _opens_with(self, c: Token, *words: str) -> bool:
        """``c``'s clause starts with one of ``words`` as its marker, hung on ``c`` or, in
        "of being weak", on the copula."""
        first = self.s.tokens[self.s.subtree(c.i)[0]]
        return self._marked(c, *words) or (
            first.lower in words and first.rel == "mark" and bool(self.s.children(c.i, "cop"))
        )

    def _clause_of(self, c: Token) -> str:
        """A clause without its marker: "of wasting money" is "wasting money"."""
        marks = {k.i for k in self.s.children(c.i, "mark", "case")}
        for cop in self.s.children(c.i, "cop"):
            marks |= {k.i for k in self.s.children(cop.i, "mark")}
        words = [i for i in self.s.subtree(c.i) if i not in marks]
        if words == [c.i]:
            # "of telling lies" with "lies" hung on the verb above: the words after it
            # up to a comma are its own.
            for i in range(c.i + 1, len(self.s.tokens)):
                if self.s.tokens[i].text in (",", ";", ":"):
                    break
                words.append(i)
        text = self.s.text_of(words).strip(" ,;:." + _QUOTES)
        if text.count('"') % 2 == 0:
            return text
        if " " not in text[: text.index('"')]:
            return '"' + text  # 'of "misrepresenting" the plans', its opening mark stripped
        return text + '"'  # 'of being "pathetic"', its closing one

    def _denied(self, t: Token) -> Found | None:
        """ "X denied Y's claims", "X denied the allegations": a claim denied is a dispute
        with whoever made it (named or not)."""
        claims = [
            o
            for o in self.s.children(t.i, "obj")
            if self.lemma(o) in self.claim_nouns or o.lower in self.claim_nouns
        ]
        if self.passive(t):
            return self._denied_by(t)
        if not claims:
            return self._denied_claim(t)
        sides = self.subjects(t)
        others = [p for o in claims for p in [*self.possessor(o), *self.obliques(o, "by", "from")]]
        others = [o for o in others if o.name not in {s.name for s in sides}]
        return self._disagreement(t, sides, others, self._phrase(claims[0]))

    def _denied_claim(self, t: Token) -> Found | None:
        """ "X denied the party was trying to hide him": the claim X denies, stated as a
        clause with a subject of its own, is X's side against whoever made it; so is
        "X denied being leant on by Y", against Y (not "denied having experience": X's
        own life). Not what one is deprived of ("denied a visa", "denied entry"), nor
        "denied if"."""
        if self.s.children(t.i, "obj", "iobj"):
            return None
        for k in self.s.children(t.i, "ccomp", "xcomp"):
            if self._marked(k, "if", "whether", "to"):
                continue
            # "denied being leant on by X": X is the other side
            being = any(c.lower == "being" for c in self.s.children(k.i, "aux", "cop"))
            ing = k.pos in ("VERB", "AUX") and k.lower.endswith("ing")
            gerund = k.rel == "xcomp" and (ing or being)
            # a clause with a subject of its own, not "there was" alone nor "that quote"
            clause = (
                k.rel == "ccomp"
                and (k.pos in ("VERB", "AUX", "ADJ") or self.s.children(k.i, "cop"))
                and self.s.children(k.i, "nsubj")
            )
            if not gerund and not clause:
                continue
            others = [
                p
                for c in self.s.children(k.i, "obl")
                if being and any(x.lower == "by" for x in self.s.children(c.i, "case"))
                for p in self.p.of(c.i)
            ]  # "by" X, also after another preposition: "leant on by X"
            if gerund and not others:
                continue  # "denied having personal experience": one's own life, no dispute
            # what is denied, without "that" or what is joined after it ("and said ...",
            # "- but refused to ...")
            conjuncts = self.s.children(k.i, "conj")
            ends = [self._comma_before(self.s.subtree(c.i)[0]) for c in conjuncts]
            ends.extend(i for i in self.s.subtree(k.i) if i > k.i and self._dash(i))
            cut = min(ends, default=len(self.s.tokens))
            words = [
                i
                for i in self.s.subtree(k.i)
                if i < cut and not (self.s.tokens[i].rel == "mark" and i < k.i)
            ]
            topic = self.s.text_of(words).strip(" ,;:.-" + _QUOTES)
            return self._disagreement(t, self.subjects(t), others, topic or None)
        return None

    def _denied_by(self, t: Token) -> Found | None:
        """ "claims denied by Labour", "the claim was denied by a spokesman": the agent's
        side against the claim."""
        sides = self.obliques(t, "by")
        head = self.s.head(t.i)
        claim = next(iter(self.s.children(t.i, "nsubj")), head if t.rel == "acl" else None)
        if not sides or claim is None:
            return None
        if self.lemma(claim) not in self.claim_nouns and claim.lower not in self.claim_nouns:
            return None
        others = [p for p in self.possessor(claim) if p.name not in {s.name for s in sides}]
        # the claim's own words: "his claims", "a claim", not what the parser hung on it
        words = [claim.i] + [
            i
            for c in self.s.children(claim.i, "det", "amod", "nmod", "compound")
            if c.i < claim.i
            for i in self.s.subtree(c.i)
        ]
        topic = self.s.text_of(sorted(words)).strip(" ,;:." + _QUOTES)
        topic = self._inside(topic, min(words) == 0)  # "His claims were denied by X"
        return self._disagreement(t, sides, others, topic or None)

    def _inside(self, phrase: str, opens: bool) -> str:
        """``phrase`` as it reads inside a sentence when it ``opens`` this one ("The plan
        was rejected" -> "rejected the plan"): its first letter small, unless the
        sentence opens with a name."""
        if opens and self.s.tokens[0].pos != "PROPN":
            return phrase[:1].lower() + phrase[1:]
        return phrase

    def _sanctioned(self, t: Token) -> Found | None:
        """ "X suspended Y for refusing to ...", "Y was expelled from X over his stance",
        "Y was deselected by X because of ...": a party punished for what it did is at
        odds with the one who punished it (the subject, the agent, or the body it was
        put out of). Only with a reason given: "X sacked Y" alone may be a reshuffle."""
        if self.passive(t):
            actors = self.subjects(t) or self.obliques(t, "from")
            objects = self.s.children(t.i, "nsubj")
        else:
            actors = self.subjects(t)
            # also an object the parser hung as an apposition of the verb
            objects = self.s.children(t.i, "obj", "appos")
        # the reason hung on the verb, on the one punished ("suspended X for ..."), or on
        # the body put out of ("expelled from the party over ...")
        hosts = [
            t,
            *objects,
            *(c for o in objects for c in self.s.children(o.i, "appos")),
            *self.oblique_tokens(t, "from"),
        ]
        reasons = [
            k
            for h in hosts
            for k in self.s.children(h.i, "obl", "advcl", "acl", "nmod")
            if k.i > t.i
            and not self.s.children(k.i, "nummod")  # "for two weeks": how long, not why
            and (
                self.s.case(k.i) in _REASONS
                or self._marked(k, *_REASONS)
                or self.s.case(k.i).startswith("because")
            )
        ]
        if not reasons or self.negated(t) or self._hypothetical(t):
            return None
        punished = [p for k in objects for p in self.p.of(k.i) or self._described_body(k)]
        head = self.s.head(t.i)
        if t.dep == "acl:relcl" and head is not None and any(k.lower in _RELATIVE for k in objects):
            # "X, who was expelled from Labour over ...": the one the clause is about, not
            # what the parser hung beside it
            punished = self.p.of(head.i, expand=False)
        punished = [p for p in punished if p.name not in {a.name for a in actors}]
        if not actors or not punished:
            return None
        reason = reasons[0]
        topic = (
            self._clause_of(reason) if reason.pos in ("VERB", "AUX") else self._object_of(reason)
        ).removeprefix("of ")  # "because of his stance"
        return self._stance(t, actors, punished, topic or self.clause(t), self.clause(t))

    def _described_body(self, k: Token) -> list[Party]:
        """A body no list names, described by whose it is: "Slough's constituency
        Conservative association", "the party's local branch". Only a word for a body
        (``body_nouns``) with a possessor that says whose."""
        bodies = self.lex.words("body_nouns")
        # also where the parser split the phrase at a noun before its head (as "appos")
        body = next(
            (
                h
                for h in [k, *self.s.children(k.i, "appos")]
                if h.pos == "NOUN" and h.lower in bodies
            ),
            None,
        )
        if body is None:
            return []
        words = [i for i in self.s.subtree(k.i) if i <= body.i]
        if not any(
            self.s.tokens[i].dep == "nmod:poss" and self.s.tokens[i].pos != "PRON" for i in words
        ):
            return []
        return [Party(self.s.text_of(words), False, k.i)]

    def _mutual(self, t: Token) -> Found | None:
        sides = self.subjects(t)
        others = self.obliques(t, "with", "against", "between")
        for k in self.oblique_tokens(t, "with", "against"):
            others.extend(self.possessor(k))  # "disagreed with X's views"
        if len(unique([*sides, *others])) < 2:
            return None
        topic = None
        for k in self._about(t, "over", "about", "on"):
            topic = self._object_of(k)
        found = self._disagreement(t, sides, others, topic)
        named = tuple(k.i for k in self.oblique_tokens(t, "with", "against", "between"))
        named += tuple(k.i for k in self.oblique_tokens(t, "on") if k.lower in _WHEN)
        if found is not None and topic is None and " " not in self.clause(t, without=named):
            # "X disagreed with Y" says who, not over what: no topic, and no position
            # that only repeats the other side's name.
            found.what, found.positions = "", {}
        return found

    def _hit_at(self, t: Token) -> Found | None:
        """ "hit back at X's claim", "lashed out at X"."""
        at = self.oblique_tokens(t, "at")
        if not at:
            return None
        others = [
            *self.obliques(t, "at"),
            *(p for k in at for p in self.possessor(k) or self._named_owner(k)),
        ]
        return self._disagreement(t, self.subjects(t), others, self._phrase(at[0]))

    def _replied(self, t: Token) -> Found | None:
        """ "X hit back by saying Tory attitudes had kept the party out of power", "X
        retorted that voters remembered ...": a reply takes issue with a party it names,
        else with the one who spoke before ("hit back at" is read by ``_hit_at``)."""
        if self.oblique_tokens(t, "at") or self.negated(t):
            return None
        said = [
            c
            for k in self.s.children(t.i, "ccomp", "advcl", "xcomp")
            for c in [k, *self.s.children(k.i, "ccomp")]
            if c.pos in ("VERB", "AUX", "ADJ", "NOUN")
        ]
        if not said:
            return None
        sides = [p for p in self.subjects(t) if self.s.tokens[p.token].pos != "PRON"]
        named = {p.name for p in sides}
        others = [
            p
            for c in said
            for k in self.s.children(c.i, "nsubj")
            for i in self.s.subtree(k.i)
            for p in self.p.of(i, expand=False)
            if p.name not in named
        ]
        last = self.p.memory.speaker
        if not others and last is not None and last not in named:
            others = [Party(last, True, t.i)]
        what = self.s.text_of(self.s.subtree(said[-1].i)).strip(" ,;:." + _QUOTES)
        found = self._disagreement(t, sides, others, what) if others else None
        if found is not None:
            # the reply as said: "hit back by saying ...", not "hit back"
            words = [i for i in self.s.subtree(t.i) if i >= t.i]
            reply = self.s.text_of(words).strip(" ,;:." + _QUOTES)
            found.positions = {side: reply for side in found.positions or {}}
        return found

    def _voted_against(self, t: Token) -> Found | None:
        against = self.oblique_tokens(t, "against")
        if not against:
            return None
        # "voted against X's plan", "against Tory plans": X; "stood with Y against X": Y
        # on the subject's side
        others = [
            *self.obliques(t, "against"),
            *(p for k in against for p in self.possessor(k) or self._named_owner(k)),
        ]
        for k in against:
            if k.pos == "VERB":
                # "argued against UKIP working with them": the one who would do it (hung
                # as the -ing word's subject or, as if it were a noun, its compound)
                doers = self.s.children(k.i, "nsubj", "compound")
                others.extend(p for d in doers for p in self.p.of(d.i))
        subjects = self.subjects(t) or self._we_quoted(t)
        allies = self.obliques(t, "with", "alongside")
        if self.lemma(t) in self.warning:
            # "warned X against raising taxes": X is warned; "warned his supporters
            # against complacency" warns the speaker's own, and takes no side
            own = [
                k
                for k in self.s.children(t.i, "obj")
                if any(c.pos == "PRON" for c in self.s.children(k.i, "nmod:poss"))
            ]
            if own and not others:
                return None
            others.extend(
                p for k in self.s.children(t.i, "obj") if k not in own for p in self.p.of(k.i)
            )
        topic = self.s.text_of(self.s.subtree(against[0].i))
        if {o.name for o in others} & {a.name for a in allies}:
            return None  # "stand with X against ... against X": one phrase hung twice
        others = [o for o in others if o.name not in {s.name for s in subjects}]
        return self._disagreement(t, subjects, unique([*allies, *others]), topic)

    def _dispute_noun(self, t: Token) -> Found | None:
        head = self.s.head(t.i)
        if head is not None and self.lemma(head) in self.resolving:
            return None  # "settled the dispute", "the settlement of the dispute": over
        first = self.s.subtree(t.i)[0]
        if (
            first > 0
            and self.s.tokens[first].lower == "of"
            and self.lemma(self.s.tokens[first - 1]) in self.resolving
        ):
            return None  # the same, with "of the dispute" hung on the verb
        gov = self.governor(t)
        if gov is not None and t.rel == "obj" and self.lemma(gov) in self.against | self.propose:
            return None  # read as the verb's own fact
        if gov is not None and (
            self.lemma(gov) in self.negating or self.negated(gov) or self.planned(gov)
        ):
            return None  # "to avoid a confrontation", "would spark a row": none yet
        sides = [*self.possessor(t), *self.obliques(t, "between", "from", "by")]
        if self.s.children(t.i, "cop") and self.s.case(t.i) in ("at", "in"):
            # "X is at odds with Y", "the union is in dispute with the council"
            sides.extend(p for k in self.s.children(t.i, "nsubj") for p in self.p.of(k.i))
        own = self.oblique_tokens(t, "with", "of", "against", "to")
        if gov is not None and t.rel == "obj":
            # "restated her opposition to X's plan" with "to X's plan" hung on the verb:
            # the phrase right after the noun is the noun's own.
            end = self.s.subtree(t.i)[-1]
            own.extend(
                k
                for k in self.oblique_tokens(gov, "of", "against", "to")
                if self.s.subtree(k.i)[0] == end + 1
            )
        others = [p for k in own for p in self.p.of(k.i)]
        for k in own:
            others.extend(self.possessor(k))  # "opposition to X's plan"
            if k.lower in _MANNER:
                others.extend(self._doers_of(k))  # "criticism of the way X did it"
        if gov is not None and t.rel == "obj":
            sides = [*self.subjects(gov), *sides]
        engaged = self._engaged_in(t)
        if engaged:
            # "X is locked in a row with Y": X is a side, Y the other.
            sides = [*engaged, *sides]
            others.extend(self.obliques(self.s.tokens[t.head], "with"))
        if gov is not None and self.lemma(gov) in self.facing:
            # "X faces criticism from Y": Y is the side that acts.
            sides, others = self.obliques(gov, "from") or sides, self.subjects(gov)
            if sides and not others:
                # "the plans faced opposition from Y": what is opposed is the subject, and
                # whose plans they are ("X's plans") the other side
                for k in self.s.children(gov.i, "nsubj"):
                    if self.p.of(k.i):
                        break
                    acting = {p.name for p in sides}
                    owners = [p for p in self.possessor(k) if p.name not in acting]
                    found = self._disagreement(gov, sides, owners, self._phrase(k))
                    if found is not None:
                        found.positions = {}  # "faced criticism from Y" is no one's stance
                    return found
        if not sides and not others and self.s.case(t.i) in _CONCESSIVE:
            return self._despite(t)
        if len(unique([*sides, *others])) < 2:
            return None
        topic = None
        for k in self._about(t, "over", "about", "on"):
            topic = self._object_of(k)
        end = self.s.subtree(t.i)[-1]
        if topic is None and end + 1 < len(self.s.tokens):
            # "X's battle with Y over Z" with "over Z" hung on a word before: the phrase
            # right after the noun's is still the noun's
            after_noun = self.s.tokens[end + 1]
            if after_noun.lower in ("over", "about") and after_noun.rel == "case":
                topic = self._object_of(self.s.tokens[after_noun.head])
        if topic is None and engaged:
            # "in a row with ministers over pensions", "over ..." hung anywhere after it
            after = [i for i in self.s.subtree(t.head) if i > t.i]  # however it was hung
            over = [i for i in after if self.s.case(i) in ("over", "about")]
            topic = self._object_of(self.s.tokens[over[0]]) if over else None
        if topic is None and own and not self.p.of(own[0].i):
            # "opposition to X's plan": the plan, without its preposition
            words = [i for i in self.s.subtree(own[0].i) if i not in self._cases(own[0])]
            topic = self.s.text_of(words).strip(" ,;:" + _QUOTES) or None
        # "restated her opposition to ...": the side's position is the verb's clause
        stated = gov if gov is not None and t.rel == "obj" else t
        if engaged:
            stated = self.s.tokens[t.head]  # "are locked in a row with ..."
        found = self._disagreement(stated, sides or others[:1], others, topic)
        between = {p.name for p in self.obliques(t, "between")}
        if found is not None and between and {p.name for p in found.parties} <= between:
            found.positions = {}  # "a row between A and B about X" gives neither's stance
        if found is not None and gov is not None and self.lemma(gov) in self.facing:
            found.positions = {}  # nor "X faced criticism from Y"
        return found

    def _opponents_say(self, t: Token) -> Found | None:
        """ "Critics, including Germany and France, believe the plan would ...": the named
        members of the opponents who say it hold what they say against it."""
        gov = self.s.head(t.i)
        if t.rel != "nsubj" or gov is None or self.lemma(gov) not in self.speech:
            return None
        said = self._said(gov)
        sides = [p for p in self.p.of(t.i) if p.token != t.i]
        if not said or not sides or self.negated(gov):
            return None
        sides = unique(sides)
        return Found("disagreement", sides, said, t.i, positions={p.name: said for p in sides})

    def _opponents(self, t: Token) -> Found | None:
        """ "opponents of the bill, including X and Y, said ...", "X, a critic of the war":
        the parties named as the opponents (never the bare word "critics") against what
        follows "of"."""
        of = [k for k in self.s.children(t.i, "nmod") if self.s.case(k.i) == "of"]
        if any(k.lower in ("former", "ex") for k in self.s.children(t.i, "amod")):
            return None  # "a former critic of the Lords" is one no more
        if not of:
            return self._opponents_say(t)
        # The named members ("including X"), never "critics" itself nor the party of
        # "critics of the government" (a group noun's "of" names its members elsewhere).
        inside = set(self.s.subtree(of[0].i))
        sides = [p for p in self.p.of(t.i) if p.token != t.i and p.token not in inside]
        head = self.s.head(t.i)
        if t.rel == "appos" and head is not None:
            sides.extend(self.p.of(head.i, expand=False))  # "X, a critic of Y"
        if self.s.children(t.i, "cop"):
            for k in self.s.children(t.i, "nsubj"):
                sides.extend(self.p.of(k.i))  # "X is a critic of Y"
        others = [*self.p.of(of[0].i), *self.possessor(of[0])]
        others = [o for o in others if o.name not in {p.name for p in sides}]
        if not sides or self.negated(t):
            return None
        phrase = self._words_upto_comma(of[0])  # "of the bill", not the list after it
        cases = self._cases(of[0])
        topic = self.s.text_of([i for i in phrase if i not in cases]).strip(" ,;:" + _QUOTES)
        before = [k.i for k in self.s.children(t.i, "amod") if k.i < t.i]
        what = self.s.text_of([*before, t.i, *phrase])
        gov = head if t.rel == "nsubj" and head is not None else None
        if gov is not None and self.lemma(gov) in self.speech and self._said(gov):
            what = self._said(gov)  # "opponents of the bill said it would ..."
        parties = unique([*sides, *others])
        if len(parties) < 2 and not topic:
            return None
        return Found(
            "disagreement",
            parties,
            topic or what,
            t.i,
            positions={side.name: what for side in unique(sides)},
        )

    def _words_upto_comma(self, k: Token) -> list[int]:
        indices = []
        for i in self.s.subtree(k.i):
            if i > k.i and self.s.tokens[i].text in (",", ";", ":"):
                break
            indices.append(i)
        return indices

    def _questioned(self, t: Token) -> Found | None:
        """ "X questioned why there was such a rush", "questioned how Y would fund its
        plans", "questioned the timing of the rules": X doubts what the complement says,
        and is against the party it names as acting. Never a person questioned ("police
        questioned a man") nor someone who was questioned."""
        if self.passive(t):
            return self._questioned_by(t)
        owned = [k for k in self.s.children(t.i, "obj") if self._owned(k)]
        if self.objects(t) and not owned:
            return None
        head = self.s.head(t.i)
        if head is not None and head.pos == "NOUN" and self.negated(head):
            return None  # "had no reason to doubt the plan"
        asked = [
            k
            for k in self.s.children(t.i, "ccomp")
            if any(
                c.lower in _ASKING
                for c in self.s.children(k.i)
                if c.rel in ("mark", "advmod") and c.i < k.i
            )
        ]
        things = [
            k
            for k in self.s.children(t.i, "obj")
            if k.pos == "NOUN" and k.lower not in _QUESTIONED_PEOPLE
        ]  # (not "police questioned a man")
        if not asked and not things:
            return None
        others: list[Party] = []
        if asked:
            for k in self.s.children(asked[0].i, "nsubj"):
                if k.dep != "nsubj:pass":  # "why Y had been held": Y is no one doubted
                    others.extend(self.p.of(k.i))
                    others.extend(self.possessor(k))
            topic = self.s.text_of(self.s.subtree(asked[0].i))
        else:
            topic = self.s.text_of(self._words_upto_comma(things[0]))
            if owned:
                others.extend(self.possessor(things[0]))  # "questioned X's claims"
            for k in self.s.children(things[0].i, "nmod"):
                others.extend(self.possessor(k))  # "the timing of X's rules"
        sides = self.subjects(t)
        others = [o for o in others if o.name not in {s.name for s in sides}]
        if topic.count('"') % 2:
            topic = topic.replace('"', "")  # a quote the complement's words end inside
        return self._disagreement(t, sides, others, topic.strip(" ,;:" + _QUOTES) or None)

    def _questioned_by(self, t: Token) -> Found | None:
        """ "X's theory has been questioned by Y": Y against X, over the theory. Only a
        thing a party puts forward, with its owner and the one who doubts it named."""
        agents = [p for k in self.s.children(t.i) if k.dep == "obl:agent" for p in self.p.of(k.i)]
        things = [k for k in self.s.children(t.i, "nsubj:pass") if self._owned(k)]
        if not agents or not things or self.negated(t):
            return None
        owners = self.possessor(things[0])
        if not owners:
            return None
        topic = self.s.text_of(self._words_upto_comma(things[0])).strip(" ,;:" + _QUOTES)
        return self._disagreement(t, agents, owners, topic or None)

    def _owned(self, k: Token) -> bool:
        """A noun for what a party puts forward or does ("claims", "theory", "plans")."""
        return k.pos == "NOUN" and (
            self.lemma(k) in self.owned_nouns or k.lower in self.owned_nouns
        )

    def _warned_unless(self, t: Token) -> Found | None:
        """ "X warned there could be further walkouts unless there was a government
        rethink", "warned that unless ministers backed down, ...": a warning on a
        condition another party is to meet is X's pressure on that party."""
        if self.passive(t):
            return None  # "parents were warned they would be fined unless ..."
        speakers = self.subjects(t)
        if not speakers:
            return None
        for i in self.s.subtree(t.i):
            c = self.s.tokens[i]
            opening = self.s.tokens[self.s.subtree(i)[0]].lower
            if c.pos not in ("VERB", "AUX") or i == t.i or opening not in ("if", "unless"):
                continue  # the condition's clause opens with its "if", however it was hung
            if self._said_between(c, t):
                continue  # "X warned that Y said Z would go unless ...": Y's condition
            others: list[Party] = []
            for k in self.s.children(c.i, "nsubj"):
                others.extend(self.p.of(k.i))
                others.extend(self.possessor(k))
                for m in self.s.children(k.i, "compound"):
                    others.extend(self.p.of(m.i, expand=False))  # "a government rethink"
            others = [o for o in others if o.name not in {s.name for s in speakers}]
            if others:
                return self._disagreement(t, speakers, others, None)
        return None

    def _warned_party(self, t: Token) -> Found | None:
        """ "X warned Y not to use the money on bribes", "warned the BBC to steer away
        from ...", "warned the BBC that attacking him had brought it trouble": a warning
        addressed to a party is the speaker's pressure on it, over what it is warned
        of. Never the speaker's own people ("warned his supporters"), one warned by
        someone unnamed ("Y was warned"), nor a warning by "he" or "they"."""
        if self.passive(t):
            return None
        warned = [
            k
            for k in self.s.children(t.i, "obj", "iobj")
            if not any(c.pos == "PRON" for c in self.s.children(k.i, "nmod:poss"))
        ]
        said = [
            c
            for c in self.s.children(t.i, "xcomp", "ccomp", "advcl")
            if c.i > t.i
            and (
                self._marked(c, "to", "that")
                or (c.rel != "advcl" and self.s.children(c.i, "nsubj"))
            )
        ]
        if not warned or not said:
            return None
        # As for "critical of": a pronoun's antecedent is too often wrong to hang pressure
        # on ("He warned the BBC ..." in a report quoting several men).
        speakers = [p for p in self.subjects(t) if self.s.tokens[p.token].pos != "PRON"]
        others = [p for k in warned for p in self.p.of(k.i)]
        others = [o for o in others if o.name not in {s.name for s in speakers}]
        if not speakers or not others:
            return None
        what = self.s.text_of(self.s.subtree(said[0].i)).strip(" ,;:." + _QUOTES)
        what = what + '"' if what.count('"') % 2 else what  # 'should "prepare ..."'
        return self._disagreement(t, speakers, others, what.removeprefix("that "))

    def _said_between(self, c: Token, t: Token) -> bool:
        """Whether another verb of saying stands between ``c`` and ``t`` above it."""
        for a in self.s.ancestors(c.i):
            if a.i == t.i:
                return False
            if self.lemma(a) in self.speech:
                return True
        return False

    def _critical(self, t: Token) -> Found | None:
        """ "X has been highly critical of Y's budget", "X is opposed to the plan": the
        subject against what follows "of", "to" or "about" (and its possessor)."""
        about = self.oblique_tokens(t, "of", "to", "about")
        if not about or t.rel in ("amod", "compound"):
            return None  # "a critical report", "critical of" nothing
        sides = self._holders(t)
        others = [*self.p.of(about[0].i), *self.possessor(about[0])]
        if others and all(o.name in {s.name for s in sides} for o in others):
            return None  # "critical of his own record": no second party
        others = [o for o in others if o.name not in {s.name for s in sides}]
        return self._disagreement(t, sides, others, self._object_of(about[0]))

    def _holders(self, t: Token) -> list[Party]:
        """Who an adjective of stance is said of: its subject, or the subject of the
        verb it completes ("remains critical of"); never a pronoun, whose antecedent is
        too often wrong to hang a stance on ("he is scathing of ..." in a profile of
        someone the article does not name as a subject)."""
        sides = self.subjects(t)
        head = self.s.head(t.i)
        if not sides and t.rel == "xcomp" and head is not None:
            sides = self.subjects(head)
        return [p for p in sides if self.s.tokens[p.token].pos != "PRON"]

    def _displeased(self, t: Token) -> Found | None:
        """ "Ministers are unhappy about plans to ...", "peers angry at the house arrest
        proposals": a party's feeling against a plan, policy or act ("at", "with",
        "about", "over") sets it against whoever's the plan is."""
        about = [
            k
            for k in self.oblique_tokens(t, "at", "with", "about", "over")
            if self.lemma(k) in self.owned_nouns
        ]
        if not about or self.negated(t):
            return None
        head = self.s.head(t.i)
        if t.rel in ("amod", "acl") and head is not None and head.i < t.i:
            # "peers angry at ...": the noun before
            sides = [p for p in self.p.of(head.i) if self.s.tokens[p.token].pos != "PRON"]
        else:
            sides = self._holders(t)
        others = [*self.possessor(about[0]), *self._named_owner(about[0])]
        others = [o for o in others if o.name not in {s.name for s in sides}]
        return self._disagreement(t, sides, others, self._object_of(about[0]))

    def _blow(self, t: Token) -> Found | None:
        """ "The Lords ruled ... - dealing a major blow to the government's policy",
        "inflicted a defeat on the government": the subject acts against the party hit
        (the one "to" or "on", or its possessor). Only with a verb that deals the blow
        ("suffered a defeat" is the loser's)."""
        gov = self.governor(t)
        if gov is None or t.rel != "obj" or self.lemma(gov) not in self.blow_verbs:
            return None
        hit = [*self.oblique_tokens(t, "to", "on"), *self.oblique_tokens(gov, "to", "on")]
        others = [p for k in hit for p in [*self.p.of(k.i), *self.possessor(k)]]
        sides = self.subjects(gov)
        others = [o for o in others if o.name not in {s.name for s in sides}]
        if not others or not hit:
            return None
        found = self._disagreement(gov, sides, others, self._object_of(hit[0]))
        if found is not None:
            # "..., dealing a blow to X": the words from the verb on, whatever the parser
            # hung on it from before (", by the men -")
            words = [i for i in self.s.subtree(gov.i) if i >= gov.i]
            what = self.s.text_of(words).strip(" ,;:." + _QUOTES)
            found.positions = {side: what for side in found.positions or {}}
        return found

    def _stance(
        self, t: Token, sides: list[Party], others: list[Party], topic: str, what: str
    ) -> Found:
        """The first of ``sides`` holding ``what`` against ``others``, on ``topic``."""
        return Found(
            "disagreement", unique([*sides, *others]), topic, t.i, positions={sides[0].name: what}
        )

    def _deep_judgement(self, t: Token) -> Found | None:
        """ "X believes pressure is growing and the government's position is
        unsustainable": a negative judgement with its copula ("is unsustainable") further
        down what X said, or with X's verb hung on it as its clausal subject (a parser's
        slip), is X's side against the party whose act or view it judges."""
        speakers = self.subjects(t)
        if not speakers:
            return None
        head = self.s.head(t.i)
        candidates = [head] if t.rel == "csubj" and head is not None else []
        fronted = self._fronted_claim(t)
        if fronted is not None and fronted is head:
            candidates.append(head)  # "The plans are flawed, X said"
        candidates.extend(self.s.tokens[i] for i in self.s.subtree(t.i) if i != t.i)
        for j in candidates:
            if (broken := self._broken_promise(j, t, speakers)) is not None:
                return broken
            if (misconduct := self._misconduct(j, t, speakers)) is not None:
                return misconduct
            if not self._judgement(j):
                continue
            # "the plans are flawed" with "flawed" read as a passive: its "are" is the copula
            be = [k.i for k in self.s.children(j.i, "aux") if k.dep == "aux:pass"]
            cop = min([k.i for k in self.s.children(j.i, "cop")] or be, default=None)
            if cop is None or self.negated(j) or not self._reported_by(j, t):
                continue
            subject = self._subject_of_copula(j, cop)
            if subject is None:
                continue
            targets = [*self.p.of(subject.i), *self.possessor(subject)]
            targets.extend(self._named_owner(subject))  # "the claims by Labour are baseless"
            targets = [p for p in targets if p.name not in {s.name for s in speakers}]
            if not targets or not self._judges_a_party(j, targets):
                continue  # a thing judged with no party's name: nobody's side
            words = self._copula_clause(j, subject)
            what = self.s.text_of(words).strip(" ,;:" + _QUOTES)
            judged = [i for i in self.s.subtree(subject.i) if i in words]
            topic = self.s.text_of(judged).strip(" ,;:" + _QUOTES)
            return self._stance(t, speakers, targets, topic or what, what)
        return None

    def _misconduct(self, j: Token, t: Token, speakers: list[Party]) -> Found | None:
        """ "X said the government had wasted billions": misconduct (``j``) that ``t``'s
        speakers say a party they name did, as a fact, sets them against it. Not "could
        harm" (a possibility), not "failed to" under "if", not "he" or "they" (a
        pronoun is most often the speaker's own side)."""
        if (
            self.lemma(j) not in self.misconduct
            or j.pos != "VERB"
            or self.s.children(j.i, "cop")  # "was waste deep in quicksand": no verb
            or self.passive(j)
            or self.negated(j)
            or self._hypothetical(j)
            or self._marked(j, "to")
            or not self._reported_by(j, t)
        ):
            return None
        named = {s.name for s in speakers}
        targets = [
            p
            for k in self.s.children(j.i, "nsubj")
            # a name or people, not a thing named for one: "the Iraq war had undermined him"
            if k.i in self.p.at or k.pos == "PROPN" or self.p.people_noun(k)
            for p in self.p.of(k.i)
            if p.name not in named and self.s.tokens[p.token].pos != "PRON"
        ]
        if not targets:
            return None
        what = self._claim_clause(j, t)
        return self._stance(t, speakers, targets, what, what) if what else None

    def _claim_clause(self, j: Token, t: Token) -> str:
        """The text of ``j``'s clause, without the speaker's own words where ``t`` is hung
        inside it, or the "and" that joins it to another; with the subject it shares
        with that other ("Mr Blair has forgotten ... and has broken the pledges he
        made"), so that the stance never reads as the speaker's own deed."""
        said = set(self.s.subtree(t.i)) if t.i in self.s.subtree(j.i) else set()
        words = [i for i in self.s.subtree(j.i) if i not in said]
        while words and self.s.tokens[words[0]].rel in ("cc", "punct", "mark"):
            words.pop(0)  # "... and has broken the pledges he made"
        head = self.s.head(j.i)
        if j.rel == "conj" and head is not None and not self.s.children(j.i, "nsubj"):
            shared = [i for k in self.s.children(head.i, "nsubj") for i in self.s.subtree(k.i)]
            words = [*(i for i in shared if i < j.i and i not in said), *words]
        while words and self.s.tokens[words[-1]].rel == "punct":
            words.pop()
        return self.s.text_of(words).strip(" ,;:" + _QUOTES)

    def _broken_promise(self, j: Token, t: Token, speakers: list[Party]) -> Found | None:
        """ "X said Y has broken the pledges he made": what ``t``'s speakers say of a
        party that broke its promise (``j``, "broken") sets them against it."""
        if self.lemma(j) not in self.breaking or self.negated(j) or not self._reported_by(j, t):
            return None
        promised = [o for o in self.s.children(j.i, "obj") if self.lemma(o) in self.promises]
        targets = [p for p in self.subjects(j) if p.name not in {s.name for s in speakers}]
        if not promised or not targets:
            return None
        what = self._claim_clause(j, t)
        return self._stance(t, speakers, targets, self._phrase(promised[0]) or what, what)

    def _judgement(self, k: Token, *, lemma: bool = True) -> bool:
        """Whether ``k`` is a word of negative judgement, of either list."""
        words = self.negative | self.appraisals
        return k.lower in words or (lemma and self.lemma(k) in words)

    def _judges_a_party(self, judged: Token, targets: list[Party]) -> bool:
        """An appraisal ("inadequate", "arrogant") sets its speaker against a party only
        where the text names the party judged, or whose act or plan it is: "the
        government's plans were inadequate", not "his remarks" nor "a delay"."""
        if judged.lower not in self.appraisals and self.lemma(judged) not in self.appraisals:
            return True
        if judged.lower in self.negative or self.lemma(judged) in self.negative:
            return True
        return any(self.s.tokens[p.token].pos != "PRON" for p in targets)

    def _reported_by(self, j: Token, t: Token) -> bool:
        """Whether ``t``'s speaker says ``j``: no other verb of saying, no "if" or
        "whether" in between ("X said that if Y were wrong ...")."""
        if self.s.head(t.i) is j:
            return True
        for a in [j, *self.s.ancestors(j.i)]:
            if a.i == t.i:
                return True
            if a is not j and self.lemma(a) in self.speech:
                return False
            if self._marked(a, "if", "unless", "whether") or a.rel == "acl":
                return False
        return False

    def _subject_of_copula(self, j: Token, cop: int) -> Token | None:
        """The subject of "... is unsustainable": its own, or the noun phrase that ends
        right before the copula where the parser hung it elsewhere."""
        for k in self.s.children(j.i, "nsubj"):
            return k if k.pos in ("NOUN", "PROPN") else None
        before = self.s.tokens[cop - 1] if cop > 0 else None
        if before is None or before.pos not in ("NOUN", "PROPN"):
            return None
        return before if self.s.subtree(before.i)[-1] == before.i else None

    def _copula_clause(self, j: Token, subject: Token) -> list[int]:
        """ "the government's current position is unsustainable": the subject's words to
        the judgement and what the judgement governs after it, not what is joined to it."""
        words = [
            i
            for i in self.s.subtree(subject.i)
            if not (i < subject.i and self.s.tokens[i].rel in ("cc", "punct"))
        ]
        words.extend(range(subject.i + 1, j.i + 1))
        for k in self.s.children(j.i):
            if k.i == j.i + 1 and k.text in _QUOTES:
                words.append(k.i)  # 'an "embarrassment"'
            elif k.i > j.i and k.rel not in ("conj", "cc", "parataxis", "punct", "csubj"):
                joined = [
                    i for c in self.s.children(k.i, "conj", "cc") for i in self.s.subtree(c.i)
                ]
                words.extend(i for i in self.s.subtree(k.i) if i not in joined)
        return sorted(set(words))

    def _despite(self, t: Token) -> Found | None:
        """ "The talks were constructive and, despite outstanding differences, ...": a
        difference named in a concession is between the parties the sentence is about,
        its subjects or, for "the talks" or "the two sides", the last group that met."""
        if self.lemma(t) not in self.between_nouns and t.lower not in self.between_nouns:
            return None
        if self.negated(t) or self.s.children(t.i, "nmod:poss"):
            return None  # "despite no differences"; "despite their differences" is resolved
        root = self.s.root()
        if root is None:
            return None
        parties: list[Party] = []
        for k in self.s.children(root.i, "nsubj"):
            parties.extend(self.p.of(k.i))
            if not self.p.of(k.i) and self._names_a_meeting(k):
                group = self.p.memory.group
                parties.extend(Party(name, name in self.p.roles, k.i) for name in group)
        parties = unique(parties)
        if len(parties) < 2:
            return None
        topic = None
        for k in self._about(t, "over", "about", "on"):
            topic = self._object_of(k)
        lead = {k.i for k in self.s.children(t.i, "case", "cc", "punct") if k.i < t.i}
        words = [i for i in self.s.subtree(t.i) if i not in lead]
        what = self.s.text_of(words).strip(" ,;:" + _QUOTES)
        # No position: the differences are both sides', and the sentence says of neither.
        return Found("disagreement", parties, topic or what, t.i, positions={})

    def _object_of(self, k: Token) -> str:
        """A preposition's object as a topic: "over the bridge" is "the bridge"."""
        words = [i for i in self.s.subtree(k.i) if i not in self._cases(k)]
        return self.s.text_of(words).strip(" ,;:" + _QUOTES)

    def _title_of_next(self, k: Token, kids: list[Token]) -> bool:
        """ "Former welfare minister Frank Field criticised ...", "Aid charity Oxfam
        criticised ..." parsed with two subjects side by side: the common noun right
        before a name describes what the name names, and is no second party; one
        before an apostrophe owns the other."""
        if k.pos != "NOUN":
            return False
        nxt = self.s.tokens[k.i + 1] if k.i + 1 < len(self.s.tokens) else None
        if nxt is not None and nxt.text in ("'", "’", "'s", "’s"):
            # "The nurses' unions want ..." with both nouns as subjects: the first owns
            # the second, which is the party.
            return any(j.i == k.i + 2 and j.rel == "nsubj" for j in kids)
        # right after it, or after its portfolio ("deputy minister for women Jacqui Smith")
        after = next(
            (j for j in kids if j.rel == "nsubj" and self.s.subtree(j.i)[0] == k.i + 1), None
        )
        if after is None:
            return False
        if after.pos == "PROPN" and self.p.of(after.i, expand=False):
            return True
        return k.lower.split()[-1] in self.p.role_nouns and any(
            p.is_person for p in self.p.of(after.i, expand=False)
        )

    def _engaged_in(self, t: Token) -> list[Party]:
        """ "X is locked / embroiled / engaged in a row": the passive's subject, who is in
        the event the noun names (the verb names no one else doing it)."""
        head = self.s.head(t.i)
        if head is None or t.rel != "obl" or self.s.case(t.i) != "in" or not self.passive(head):
            return []
        if self.negated(head) or any(k.dep == "obl:agent" for k in self.s.children(head.i)):
            return []
        return [p for k in self.s.children(head.i, "nsubj") for p in self.p.of(k.i)]

    def _cases(self, k: Token) -> set[int]:
        return {c.i for c in self.s.children(k.i, "case")}

    def _concern(self, t: Token) -> Found | None:
        """ "X expressed concern over Y's actions", "X raised objections to Y's plan": X's
        side against Y, only when Y is a party the phrase names."""
        gov = self.governor(t)
        if gov is None or t.rel != "obj" or self.lemma(gov) not in self.concern_verbs:
            return None
        about = [
            *self.oblique_tokens(t, "about", "over", "regarding", "at", "to", "with", "on"),
            *self.oblique_tokens(gov, "about", "over", "regarding", "at", "with"),
        ]
        others: list[Party] = []
        for k in about:
            others.extend(self.p.of(k.i))
            others.extend(self.possessor(k))
            for c in self.s.children(k.i, "conj"):
                others.extend(self.possessor(c))
        sides = self.subjects(gov)
        others = [o for o in others if o.name not in {s.name for s in sides}]
        if not others or not about or self._hypothetical(gov):
            return None
        return self._disagreement(gov, sides, others, self._phrase(about[0]))

    def _contrast(self) -> list[Found]:
        """ "X wants A, but Y insists B": two parties' stances on one thing."""
        found = []
        for t in self.s.tokens:
            dashed = self._after_dash(t)
            if (
                t.rel != "conj"
                and not (t.rel == "advcl" and self._marked(t, "while", "whereas"))
                and not dashed
            ):
                continue
            head = self.s.head(t.i)
            while dashed and head is not None and head.rel in ("xcomp", "ccomp"):
                if self.lemma(head) in self.stance:
                    break
                head = self.s.head(head.i)  # "X wants A to stay - Y urged B", on "stay"
            if (
                head is None
                or self.lemma(t) not in self.stance
                or self.lemma(head) not in self.stance
            ):
                continue
            if dashed and "say" in (self.lemma(t), self.lemma(head)):
                continue  # "X says A; Y says B" may say the same thing twice
            if (
                t.rel == "conj"
                and not dashed
                and not any(
                    k.lower in ("but", "while", "whereas") for k in self.s.children(t.i, "cc")
                )
            ):
                continue
            first, second = self.subjects(head), self.subjects(t)
            if not first or not second or self._one_side(first, second):
                continue
            if dashed:
                positions = {first[0].name: self.clause(head), second[0].name: self.clause(t)}
            else:
                positions = {first[0].name: self._said(head), second[0].name: self._said(t)}
            found.append(
                Found(
                    "disagreement",
                    unique([*first, *second]),
                    self._thing(head) or positions[first[0].name] if dashed else self._said(head),
                    head.i,
                    positions={k: v for k, v in positions.items() if v},
                )
            )
        return found

    def _attribution_after(self, t: Token, k: Token) -> bool:
        """'"We want A," said X, head of Y': a verb of speech the parser hung on the
        clause it reports, after a comma (or the quote closing it), with its own
        subject: who said it, not what was said."""
        if k.i <= t.i or self.lemma(k) not in self.speech or not self.s.children(k.i, "nsubj"):
            return False
        before = self.s.subtree(k.i)[0] - 1
        while before > t.i and self.s.tokens[before].text in _QUOTES:
            before -= 1
        return self.s.tokens[before].text == ","

    def _after_dash(self, t: Token) -> bool:
        """ "X wants A - Y wants B": a clause whose subject comes after a dash or a
        semicolon, beside another, however the parser hung it (``parataxis``,
        ``ccomp``, ``conj``, or an ``advcl`` with no word marking it as one)."""
        if t.pos not in ("VERB", "AUX"):
            return False
        unmarked = t.rel == "advcl" and not self.s.children(t.i, "mark", "advmod")
        if t.rel not in ("parataxis", "ccomp", "conj") and not unmarked:
            return False
        head = self.s.head(t.i)
        subject = next((k.i for k in self.s.children(t.i, "nsubj")), None)
        if head is None or subject is None or not head.i < subject < t.i:
            return False
        return any(self._dash(i) for i in range(head.i + 1, subject))

    def _dash(self, i: int) -> bool:
        """A mark setting clauses apart, not the hyphen inside "kick-start"."""
        return is_clause_dash(self.s, i)

    def claim(self) -> Claim | None:
        """The main clause's claim, when its verb is one of saying with a party as subject,
        or denies a clause ("X denied (that) A": set against the claim before it)."""
        root = self.s.root()
        if root is None or root.pos not in ("VERB", "AUX"):
            return None
        denied = self.lemma(root) in self.denial and bool(self.s.children(root.i, "ccomp"))
        if self.lemma(root) not in self.speech and not denied:
            return None
        if self.negated(root) or self._hypothetical(root):
            return None
        speakers = self.subjects(root)
        text = self._said(root)
        if not speakers or not text:
            return None
        first = next((t for t in self.s.tokens if t.pos != "PUNCT"), None)
        contrasted = first is not None and first.lower in ("but", "however", "yet")
        if denied:
            text = self.clause(root)  # "denied security services were involved"
        return Claim(speakers, text, root.i, contrasted, denies=denied)

    def _one_side(self, first: list[Party], second: list[Party]) -> bool:
        """Whether two speakers set side by side are one side: a party in both, or a
        political party and its own member ("The Lib Dems are believed to have gained
        ... But Mr Kennedy believes ...")."""
        forms = gazetteer().political_parties
        names = [{forms.get(p.name, p.name) for p in side} for side in (first, second)]
        parties = [{self.p.memory.affiliations.get(n) for n in side} for side in names]
        return bool(names[0] & names[1] or names[0] & parties[1] or names[1] & parties[0])

    def contrast_with(self, before: Claim, claim: Claim) -> list[Found]:
        """ "X said A. But Y said B.": the two parties' claims set against each other."""
        if self._one_side(before.parties, claim.parties):
            return []
        if any(self.s.tokens[p.token].pos == "PRON" for p in claim.parties):
            return []  # "X said A. But he said B." is most often X again
        positions = {before.parties[0].name: before.text, claim.parties[0].name: claim.text}
        return [
            Found(
                "disagreement",
                unique([*before.parties, *claim.parties]),
                before.text,
                claim.token,
                positions=positions,
            )
        ]

    def _hypothetical(self, t: Token) -> bool:
        """ "would reject", "could oppose", "able to reject": a possibility, not a stance;
        "deciding whether to recommend": a question still open."""
        if self._marked(t, "whether"):
            return True
        for k in self.s.children(t.i, "aux"):
            if k.lower in ("would", "could", "might", "may", "'d"):
                return True
        head = self.s.head(t.i)
        if head is not None and t.rel == "xcomp":
            return head.lower in ("able", "unable", "likely", "expected") or self._hypothetical(
                head
            )
        if head is not None and t.rel == "acl" and head.lemma.lower() in _LEAVE_NOUNS:
            return True  # "had a right to criticise Arab states": free to, not done
        if head is not None and t.rel == "acl" and self._marked(t, "to"):
            # "would lead an effort to attack Iran": as hypothetical as the effort's verb
            above = self.governor(head)
            return above is not None and self._hypothetical(above)
        return t.rel == "advcl" and self._marked(t, "if", "unless")

    def _marked(self, t: Token, *words: str) -> bool:
        return any(k.lower in words for k in self.s.children(t.i, "mark"))

    def _said(self, t: Token) -> str:
        for k in self.s.children(t.i, "ccomp", "xcomp", "obj"):
            return self.s.text_of(self.s.subtree(k.i)).strip(" ,;:" + _QUOTES)
        return ""

    # -- proposals ---------------------------------------------------------------------

    def _charged(self, t: Token) -> bool:
        """Whether ``t`` is in what someone is accused or blamed of ("accused him of
        encouraging young people to drink"): a charge, not a proposal of anyone's."""
        below, seen = t, False
        for above in self.s.ancestors(t.i):
            charge = self.s.case(below.i) in ("of", "for") or self._marked(below, "of", "for")
            # the charge may hang on the one accused ("accused the Greens [of offering]")
            seen = seen or charge
            if seen and self.lemma(above) in _CHARGING:
                return True
            if below.rel == "advcl" and not charge:
                return False  # "after Labour unveiled its plans": an event of its own
            below = above
        return False

    def _proposal(self, t: Token, authors: list[Party], what: str) -> Found | None:
        if not authors or self.negated(t) or not what or self._hypothetical(t):
            return None
        if len(authors) > 1 and {a.name for a in authors} <= set(self.p.memory.authors):
            return None  # "We call on all states to ..." of a joint statement: an agreement
        head = self.s.head(t.i)
        asking = self.propose | self.ask_verbs | {"call"}
        if self._marked(t, "to") and any(self.lemma(a) in asking for a in self.s.ancestors(t.i)):
            # "urged Serbia to withdraw ... and to urge protesters to stay calm": what one
            # is asked to do is the asker's proposal, not a proposal of the one asked
            return None
        if self._charged(t):
            return None
        if t.rel == "ccomp" and head is not None and self.lemma(head) in _WISHING:
            # "We would hope that the government will table a bill": the speaker's wish,
            # not the government's proposal
            return None
        if authors[0].name in {p.name for p in self.objects(t)}:
            # "He urged the chancellor to act" with "he" read as the chancellor: no one
            # urges themselves, so the author is unknown.
            return None
        return Found("proposal", authors[:1], self._in_past(t, what), t.i)

    def _authors(self, t: Token) -> list[Party]:
        """Who puts forward what ``t`` says: its subjects, with two repairs.

        "X said workers did not want to strike and called for talks": a finite verb
        (called) cannot be the conjunct of an infinitive (to strike), so the parser
        hung it too low; it goes with the verb of saying above, and X calls. Where no
        verb of saying is above, the author is unknown.

        "We are ready to talk", quoted from X: "we" is the speaker's side, and the
        speaker puts it forward.
        """
        head = self.s.head(t.i)
        if (
            head is not None
            and t.rel == "conj"
            and self._marked(head, "to")
            and t.lower != self.lemma(t)
            and t.lower.endswith(("ed", "s"))
        ):
            said = (a for a in self.s.ancestors(head.i) if self.lemma(a) in self.speech)
            root = self.s.root()
            above = next(said, root)
            return self.subjects(above) if above is not None and above.i != t.i else []
        if (
            head is not None
            and t.rel == "advcl"
            and t.lower.endswith("ing")
            and head.dep == "acl:relcl"
            and any(k.lower in ("which", "that") for k in self.s.children(head.i, "nsubj"))
            and not self.s.children(t.i, "nsubj")
        ):
            # "X affirmed Israel's right to protect its citizens from Hezbollah, which has
            # fired rockets, while emphasizing the need to ...": the "-ing" clause hung on
            # the relative clause goes with the main clause, and X emphasizes
            root = self.s.root()
            main = self.subjects(root) if root is not None and root.i != t.i else []
            if main:
                return main
        if (
            head is not None
            and t.rel == "acl"
            and t.lower.endswith("ing")
            and head.rel == "obl"
            and self.s.case(head.i) == "to"
            and (above := self.s.head(head.i)) is not None
            and above.pos == "VERB"
        ):
            # "X has written to Y demanding an explanation": the "-ing" clause hung on
            # the one written to is the writer's
            return self.subjects(above)
        if (
            head is not None
            and t.lower.endswith("ing")
            and not self.s.children(t.i, "nsubj")
            and self.s.children(head.i, "cop")
        ):
            # "(While) encouraging industry to act is important": the "-ing" clause is
            # what is judged, whoever does it; the judged thing's subject is no author.
            return []
        if any(k.lower == "which" for k in self.s.children(t.i, "nsubj")) and any(
            p.is_person for p in self.subjects(t)
        ):
            # "claims by journalist X, which suggested ...": "which" is never a person,
            # so the clause was hung on the wrong noun, and what suggests is a thing
            return []
        return self.subjects(t) or self._we_quoted(t, going_on=True)

    def _we_quoted(self, t: Token, *, going_on: bool = False) -> list[Party]:
        """The one quoted, where ``t``'s subject is "we": '"We are asking ...," the
        chancellor said' is the chancellor's side; with ``going_on``, in a quote going on
        from the sentence before, the one quoted there too (a joint statement's or a
        briefing's "we" is everyone who speaks in it: never a side on its own)."""
        we = [k for k in self.s.children(t.i, "nsubj") if k.lower == "we"]
        if not we:
            return []
        saying = [
            k
            for k in self.s.tokens
            if k.pos == "VERB" and k.i != t.i and self.lemma(k) in self.speech
        ]
        if saying:
            speakers = [p for p in self.subjects(saying[0]) if p.is_person]
            return [Party(speakers[0].name, True, we[0].i)] if speakers else []
        speaker = self.p.memory.speaker if going_on else None
        return [Party(speaker, True, we[0].i)] if speaker else []

    def _proposal_verb(self, t: Token) -> Found | None:
        pledged = self.lemma(t) in self.pledged_to  # "committed to cutting ..."
        if pledged:
            if not self._pledged_alone(t):
                return None
            if self.passive(t):
                # "the Conservatives are committed to cutting ...": a state of the subject
                # (not one who acts on it, as ``_proposal`` reads a passive's subject)
                held = [p for k in self.s.children(t.i, "nsubj") for p in self.p.of(k.i)]
                what = self.clause(t)
                if not held or not what or self.negated(t) or self._hypothetical(t):
                    return None
                return Found("proposal", held[:1], what, t.i)
        if self.lemma(t) in self.plan_verbs and not self._plans_an_act(t):
            return None
        if self._adjective_read_as_verb(t):
            return None
        kids = self.s.children(t.i)
        agent = any(k.dep == "obl:agent" or self.s.case(k.i) == "by" for k in kids)
        if self.passive(t) and agent and self.subjects(t):
            # "the changes proposed by X", "a deal was offered by X": X proposed them
            what = self.clause(t)
            if t.rel == "acl":
                what = self._phrase(self.s.tokens[t.head]) or what
            elif proposed := [
                k
                for k in kids
                if k.dep == "nsubj:pass"
                and k.pos == "NOUN"
                and not any(self._dash(i) for i in range(k.i, t.i))
                and not self._after_a_preposition(k)
            ]:
                # "A new deal was offered by the employers": the deal, not "offered by
                # the employers" (not across a dash, nor the object of a preposition the
                # parser took for the subject: "Changes to [the scheme] were proposed")
                what = self._phrase(proposed[0]) or what
            return self._proposal(t, self.subjects(t), what)
        if t.rel == "acl" and self._marked(t, "to"):
            return None  # "a scheme to offer courses": the noun's content, read with the noun
        relative = [o for o in self.s.children(t.i, "obj") if o.lower in _RELATIVE]
        if t.rel == "acl" and relative:  # (also where the parser left out ":relcl")
            # "the change that Labour proposed": what is proposed is the noun the clause
            # is of; "the accountability that we want to see" is a wish
            head = self.s.tokens[t.head]
            if self.lemma(t) == "want":
                return None
            if self.s.children(t.i, "xcomp"):
                # "savings which X has pledged to plough back into services": the act
                # pledged says what, whatever noun the clause hangs on
                what = self.clause(t, without=tuple(o.i for o in relative))
                return self._proposal(t, self._authors(t), what)
            if self.lemma(head) not in self.presented and self.lemma(head) not in self.owned_nouns:
                return None  # "the road that X suggests": no measure named
            noun = self._phrase_before(head, relative[0])
            return self._proposal(t, self._authors(t), f"{t.text} {noun}") if noun else None
        # Only a verb with no object or clause of its own reports one before it.
        own = self.s.children(t.i, "obj", "xcomp", "ccomp")
        fronted = None if own else self._fronted_claim(t)
        auxes = {a.lower for a in self.s.children(fronted.i, "aux")} if fronted else set()
        if fronted is not None and auxes & (self.duty | {"could"}) and "have" not in auxes:
            # "Teachers could get more powers, X has suggested": X's proposal; not "the
            # services could have been involved, X has suggested"
            return self._proposal(t, self._authors(t), self._claim_words(t, fronted))
        # "demanded that X spell out ...": a that-clause of a verb of directing is what
        # is asked for, modal or not (one "suggested" may only be reported)
        directed = self.lemma(t) in _DIRECTING and any(
            self._marked(k, "that") and k.i > t.i for k in kids if k.rel == "ccomp"
        )
        if (
            not directed
            and not pledged
            and not any(k.rel in ("obj", "xcomp") for k in kids)
            and not any(self._modal_clause(k) for k in kids if k.rel == "ccomp")
        ) or self._foretold(t):
            # "suggested (that) the Tories planned cuts" reports; "suggested they
            # should meet" proposes.
            return None
        if self._clause_as_objects(t):
            return None  # the same report, read as an object
        if any(o.lower in self.expressions for o in self.s.children(t.i, "obj")):
            return None  # "offered his condolences": an expression, nothing put to anyone
        if self.lemma(t) in self.presenting and not any(
            self.lemma(o) in self.presented
            for k in self.s.children(t.i, "obj")
            for o in [k, *(n for n in self.s.children(k.i, "nmod") if self.s.case(n.i) == "of")]
        ):
            # "unveiled a huge poster": shown, not put to anyone; "unveiled the first
            # part of the manifesto" puts one
            return None
        if self.lemma(t) == "want" and not (
            self._someone_to_act(t)
            or any(k.rel == "ccomp" for k in kids)
            or self._wanted_measure(t)
        ):
            # "wants to stay on", "wanted no part of it": wishes; "wants the government
            # to act" is a demand
            return None
        authors = self._authors(t)
        if any(k.lower in ("jointly", "together") for k in kids):
            # "A and B jointly tabled a motion": a joint act, read as an agreement
            return self._agreement(t, authors, self.clause(t))
        if len(authors) > 1 and self.lemma(t) in self.agree_plural:
            return None  # "the leaders pledged": a joint statement, read as an agreement
        return self._proposal(t, authors, self.clause(t))

    def _adjective_read_as_verb(self, t: Token) -> bool:
        """ "recognized promising steps by X", "set demanding targets": an "-ing" form
        English also uses as an adjective ("promising", "demanding", "inviting"), with
        no subject of its own nor a party it describes, before a bare noun it was read
        as taking for its object."""
        if t.lower not in _ING_ADJECTIVES or self.s.children(t.i, "nsubj", "aux"):
            return False
        if t.rel == "acl" and self.p.of(t.head):
            return False  # "Tories promising tax cuts": the party's own act
        return any(
            o.i == t.i + 1 or self.s.subtree(o.i)[0] == t.i + 1
            for o in self.s.children(t.i, "obj")
            if not self.s.children(o.i, "det", "nmod:poss")
        )

    def _puts_forward(self, t: Token) -> bool:
        """Whether ``t`` is a verb of putting something forward ("unveiled", "issued"):
        by its form, as most of them are no trigger words, whose lemmas alone are known."""
        return t.lower in _PUT_FORWARD_FORMS or self.lemma(t) in _PUT_FORWARD

    @staticmethod
    def _participle(t: Token) -> bool:
        return t.pos == "VERB" and t.lower.endswith("ing")

    def _phrase_before(self, noun: Token, relative: Token) -> str | None:
        """The words of ``noun``'s phrase before its relative clause ("the change")."""
        not_its = {
            i
            for k in self.s.children(noun.i)
            if k.rel in ("nsubj", "cop", "aux", "mark", "cc", "punct", "advmod", "case")
            for i in self.s.subtree(k.i)
        }  # "this was [the change] that ...": the noun as a predicate
        words = [i for i in self.s.subtree(noun.i) if i < relative.i and i not in not_its]
        return self.s.text_of(words).strip(" ,;:" + _QUOTES) or None

    def _plans_an_act(self, t: Token) -> bool:
        """Whether ``t`` ("plans") is the main verb and plans an act put to others, after
        "to": "plans to axe 100,000 jobs"; not "planned the attack", a meeting ("plans to
        visit Oslo", read as one that has not happened yet) or a step of one's own ("plans
        to stand down")."""
        if self.passive(t) or self.s.children(t.i, "obj", "cop", "det", "amod"):
            return False
        if t.rel != "root":
            return False  # nor another's plan told ("the union said the government planned")
        acts = [k for k in self.s.children(t.i, "xcomp") if self._marked(k, "to")]
        meeting = self.meet | self.meet_with | self.call_verbs | {"visit"}
        return bool(acts) and self.lemma(acts[0]) not in meeting | self.personal_acts

    def _pledged_alone(self, t: Token) -> bool:
        """Whether ``t`` ("committed") is one named party's pledge: with what is pledged
        after "to" ("committed to invest", "to raising taxes"; not "committed a crime"),
        and a subject of its own that is one name, neither a pronoun nor a plural nor a
        list, which may be several who committed together ("the two leaders", "the U.S.
        and Mexican delegations"): those are read as an agreement."""
        kids = self.s.children(t.i)
        agent = any(k.dep == "obl:agent" or self.s.case(k.i) == "by" for k in kids)
        if t.rel != "root" or agent or any(k.rel == "obj" for k in kids):
            return False  # "war crimes committed by X", "committed troops", "which X committed"
        if not any(
            (k.rel in ("xcomp", "advcl") and self._marked(k, "to"))
            or (k.rel == "obl" and self.s.case(k.i) == "to")
            for k in kids
        ):
            return False
        subjects = [k for k in kids if k.dep in ("nsubj", "nsubj:pass")]
        if len(subjects) != 1 or subjects[0].pos not in ("PROPN", "NOUN"):
            return False
        subject = subjects[0]
        opening = self.s.subtree(subject.i)[0]
        parties = self.p.of(subject.i)
        # "the Conservatives are committed to ...": one party, whatever its name's number
        one_party = len(parties) == 1 and parties[0].name in gazetteer().political_parties
        return (
            (one_party or not subject.lower.endswith("s"))
            and not any(self.s.tokens[i].lower == "and" for i in range(opening, t.i))
            and len(parties) == 1
        )

    def _clause_as_objects(self, t: Token) -> bool:
        """ "suggesting the board planned job cuts" read with "the board" as the object:
        a verb right after the object's noun is the verb of a reported clause where it is
        hung on a word further on (as an adjective), or where it has an object of its own
        and is no "-ing" form (a participle after a noun, "the cuts planned", has none)."""
        objects = self.s.children(t.i, "obj")
        if not objects:
            return False
        after = objects[0].i + 1
        if after >= len(self.s.tokens):
            return False
        if self.lemma(t) in self.speech and any(
            v.i > objects[0].i and self.s.children(v.i, "nsubj", "cop")
            for v in self.s.children(t.i, "parataxis")
        ):
            return True  # "suggests rogue states such as Iran are less of a problem"
        if self.lemma(t) in self.speech and self.lemma(t) not in _DIRECTING:
            for v in self.s.children(t.i, "xcomp"):
                if (
                    v.pos == "VERB"
                    and v.i > objects[0].i
                    and not self._marked(v, "to")
                    and not v.lower.endswith(("ing", "ed"))
                    and not any(a.lower in self.modals for a in self.s.children(v.i, "aux"))
                ):
                    # "Research suggests 81% of the young feel strongly about crime", with
                    # "81%" read as the object: what it finds, not what anyone should do
                    return True
        for v in [*self.s.children(objects[0].i, "nmod", "acl"), *self.s.children(t.i, "xcomp")]:
            if (
                v.pos == "VERB"
                and v.i > objects[0].i
                and v.dep != "acl:relcl"
                and not self._marked(v, "to")
                and not v.lower.endswith(("ing", "ed"))
                and self.s.children(v.i, "ccomp")
            ):
                return True  # "suggests 69% of voters say they ...": the clause is the report
        end = self.s.subtree(objects[0].i)[-1] + 1
        if end < len(self.s.tokens):
            v = self.s.tokens[end]
            if v.pos == "VERB" and self.s.children(v.i, "ccomp") and v.lower in self.speech_forms:
                return True  # the same, with the verb of saying hung elsewhere
        verb = self.s.tokens[after]
        if verb.pos != "VERB":
            return False
        if verb.rel == "amod" and verb.head > verb.i:
            return True
        return (
            verb.rel == "acl"
            and verb.head == objects[0].i
            and not verb.lower.endswith("ing")
            and bool(self.s.children(verb.i, "obj"))
        )

    def _reported_call(self, t: Token) -> Found | None:
        """ "X said the government should act", "X stressed talks must resume": what a
        speaker says someone should or must do is the speaker's call."""
        if any(k.lower == "to" for k in self.s.children(t.i, "mark", "aux")):
            return None  # "for the minister to claim that ...": no one said it here
        fronted = self._fronted_claim(t)
        clauses = [k for k in self.s.children(t.i, "ccomp") if k.i > t.i]
        for k in [*clauses, *([fronted] if fronted is not None else [])]:
            auxes = self._duty(k)
            if auxes is None:
                continue
            what = self._claim_words(t, k)
            if "have" in auxes:
                # "X said the government should have acted sooner": a reproach, X's side
                # against the one who should have acted, not a call.
                speakers = self.subjects(t)
                blamed = [p for c in self.s.children(k.i, "nsubj") for p in self.p.of(c.i)]
                blamed = [p for p in blamed if p.name not in {s.name for s in speakers}]
                if not speakers or not blamed or self.negated(t):
                    return None
                return self._stance(t, speakers, blamed, what, what)
            return self._proposal(t, self._authors(t), what)
        return None

    def _pledged_by_speaker(self, t: Token) -> Found | None:
        """ "X said he would introduce an amendment", "the Tories say they will abolish
        tuition fees", '"We will scrap the tax," X said': what speakers say they themselves
        will do to something is their pledge. Not what someone else will do ("said the
        plan would fail"), a step of their own life ("said he would stand down"), a
        stance read elsewhere ("would back the plan", "will vote against it"), what one
        would do in another's place ("I would send him"), nor what is hedged or on a
        condition."""
        if self.negated(t) or self._marked(t, "to") or self._hypothetical(t):
            return None
        speakers = self.subjects(t)
        if not speakers:
            return None
        fronted = self._fronted_claim(t)
        said = self.s.children(t.i, "ccomp")
        for k in [*said, fronted] if fronted is not None and fronted not in said else said:
            modal = self._pledged_act(k)
            if modal is None:
                continue
            subjects = self.s.children(k.i, "nsubj")
            if any(c.lower in _FIRST_PERSON for c in subjects):
                doers = speakers  # quoted: the speaker's own word
            elif k.i < t.i:
                continue  # "The plan will fail, X said": not an act of the speaker's
            else:
                doers = [p for c in subjects for p in self.p.of(c.i)]
            if not doers or {p.name for p in doers} != {p.name for p in speakers}:
                continue
            auxes = [a for a in self.s.children(k.i, "aux") if modal.i <= a.i < k.i]
            verb = " ".join("will" if a.lower in _WILL else a.text for a in auxes)
            return Found("proposal", speakers[:1], f"{verb} {self.clause(k)}", k.i)
        return None

    def _pledged_in_office(self, t: Token) -> Found | None:
        """ "If elected, his party would institute an annual limit", "Labour will pursue
        the reforms if it wins a third term": what a party will do once it wins office is
        its pledge, as a manifesto puts it. Not what befalls others if it wins ("taxes
        will rise if Labour wins", said by its opponent), nor acts of mind or fortune."""
        won = [
            c
            for c in self.s.children(t.i, "advcl")
            if self._marked(c, "if") and self._wins_office(c)
        ]
        if not won:
            return None  # (asked of every verb: the condition first, it rules most out)
        head = self.s.head(t.i)
        # "will continue to pursue reforms if it wins": the modal is the verb's above
        verb = head if t.rel == "xcomp" and head is not None else t
        words = [k for k in self.s.children(verb.i) if k.i < verb.i and k.rel in ("aux", "advmod")]
        modal = next((k for k in words if k.lower in self.pledge_modals | _WILL), None)
        if (
            modal is None
            or t.pos != "VERB"
            or self.passive(t)
            or self.lemma(t) in _not_pledged(self.lex)
            or not self.s.children(t.i, "obj", "xcomp")
        ):
            return None
        doers = self.subjects(t)
        winners = [p for k in self.s.children(won[0].i, "nsubj") for p in self.p.of(k.i)]
        if not doers or (winners and {p.name for p in winners} != {p.name for p in doers}):
            return None
        said = " ".join(
            "will" if k.lower in _WILL else k.text
            for k in words
            if k.i >= modal.i and (k.rel == "aux" or k.lower in _NEGATORS)
        )
        return Found("proposal", doers[:1], f"{said} {self.clause(verb)}", verb.i)

    def _wins_office(self, c: Token) -> bool:
        """ "(if) elected", "(if) re-elected", "(if) it wins the election", "(if) they
        win a third term", "(if) returned to power"."""
        if c.lower in ("elected", "re-elected", "reelected"):
            return True
        lemma = self.lemma(c)
        won = [*self.s.children(c.i, "obj"), *self.s.children(c.i, "obl")]
        return lemma in ("win", "return") and any(self.lemma(k) in self.won_offices for k in won)

    def _pledged_act(self, k: Token) -> Token | None:
        """The modal of ``k`` where ``k`` says what its subject will or would do to
        something, as a fact and on no condition; else None."""
        auxes = [a for a in self.s.children(k.i, "aux") if a.i < k.i]
        modal = next((a for a in auxes if a.lower in self.pledge_modals | _WILL), None)
        if (
            modal is None
            or k.pos != "VERB"
            or self.passive(k)
            or self.negated(k)
            or self.lemma(k) in _not_pledged(self.lex)
            or not self.s.children(k.i, "obj")
            or self._marked(k, "if", "unless", "whether")
            or any(self._marked(c, *_CONDITIONS) for c in self.s.children(k.i, "advcl"))
            or any(c.lower in _HEDGES for c in self.s.children(k.i, "advmod"))
        ):
            return None
        if modal.lower == "would" and any(c.lower == "i" for c in self.s.children(k.i, "nsubj")):
            return None  # "I would send him": in another's place
        return modal

    def _duty(self, k: Token) -> list[str] | None:
        """The auxiliaries of the clause ``k`` when it says what someone should, must or
        needs to do ("the government should act", "they need to rethink the bill"), or
        None: not on a condition, not what one should know, nor what something should be
        ("Britain should be a safe place")."""
        if self._marked(k, "if", "unless", "whether"):
            return None
        if any(
            c.i < k.i and (self._marked(c, *_CONDITIONS) or self._first_word(c) in _CONDITIONS)
            for c in self.s.children(k.i, "advcl")
        ):
            # "if they did wrong, they should be punished", "where an offender is
            # convicted, the court must pass a life sentence": a condition or a rule, no call
            return None
        auxes = [a.lower for a in self.s.children(k.i, "aux")]
        act = k  # what should be done
        if not any(a in self.duty for a in auxes):
            if (needed := self._needed(k)) is None:
                return None
            act = needed  # "X said they need to rethink the bill": the rethinking
        if any(self.s.children(o.i, "cop") for o in self.s.children(act.i, "obj")):
            # "the issues Muslims should consider were X": the modal is in a relative
            # clause of the subject, and the clause says what the issues are
            return None
        if self.lemma(act) in self.lex.words("knowing"):
            return None  # "the minister should know by now": a judgement, no call
        if any(
            n.lower == "not" and n.i < c.i and self.s.tokens[n.i - 1].text == ","
            for c in self.s.children(k.i, "nsubj")
            for n in self.s.children(c.i)
        ):
            return None  # "only judges, not politicians, should ...": the parser kept the "not"
        if self.lemma(act) in self.speech and any(
            c.lower in _FIRST_PERSON for c in self.s.children(k.i, "nsubj")
        ):
            return None  # "I should tell you that ...": a way of saying it, no call
        existential = any(c.lower == "there" for c in self.s.children(k.i, "nsubj", "expl"))
        nominal = act.pos in ("NOUN", "PROPN", "ADJ") and self.s.children(act.i, "cop")
        # "shop workers should be able to enjoy a break": what someone should be free to do
        able = act.pos == "ADJ" and any(
            self._marked(c, "to") for c in self.s.children(act.i, "xcomp")
        )
        if nominal and not existential and not able:
            # "X argued that Britain should be a safe place": a view of what something
            # should be, not a call for anyone to act ("should be scrapped" is one, and
            # so is "there should be a strike").
            return None
        return auxes

    def _first_word(self, c: Token) -> str:
        """The first word of ``c``'s phrase, after any quotation mark, in lower case."""
        return next(
            (
                self.s.tokens[i].lower
                for i in self.s.subtree(c.i)
                if self.s.tokens[i].rel != "punct"
            ),
            "",
        )

    def quoted_call(self) -> Found | None:
        """'X said: "..." "The first minister should withdraw these remarks."': a
        sentence of the quotation of the one speaking that says what someone should or
        must do is the speaker's call, as if "X said" stood before it. Not "I", "we" or
        "you" (the speaker's own resolve: "we must win"), not a reproach ("should have
        acted"), nor a sentence with its own verb of saying (read as reported)."""
        speaker = self.p.memory.speaker
        root = self.s.root()
        first = next((t for t in self.s.tokens if t.text not in _QUOTES), None)
        if speaker is None or root is None or first is None or not self.p.quoted(first):
            return None  # not a sentence of a quotation ('Any plan must "augment" ...')
        if any(self.lemma(t) in self.speech for t in self.s.tokens if t.pos in ("VERB", "AUX")):
            return None
        modal = next((t for t in self.s.tokens if t.lower in self.modals), None)
        if modal is not None and (modal.lower not in self.duty or modal.head != root.i):
            return None  # "there could be a debate about where it should go"
        auxes = self._duty(root)
        if auxes is None or "have" in auxes or self.negated(root):
            return None
        subjects = self.s.children(root.i, "nsubj", "expl")
        if not subjects or any(
            (c.pos == "PRON" and c.lower != "there") or c.lower in _SELF_OR_YOU for c in subjects
        ):
            return None  # "must look forward", "we must win", "he should do it": whose?
        if any(self._first_word(c) == "as" for c in subjects):
            return None  # "As our manifesto should make clear, ...": an aside, read as the root
        words = [i for i in self.s.subtree(root.i) if self.s.tokens[i].text not in _QUOTES]
        what = self.s.text_of(words).strip(" ,;:." + _QUOTES)
        return self._proposal(root, [Party(speaker, True, root.i)], what)

    def _needed(self, k: Token) -> Token | None:
        """What ``k`` ("need", "have") says someone must do: "they need to rethink the
        bill", "the government have to start again". Not "do not need to", not of the
        speaker alone ("I have to go", "he said he had to leave"), nor "have" with an
        object ("have plans to")."""
        if self.lemma(k) not in _NEEDING or self.negated(k) or self.s.children(k.i, "obj"):
            return None
        if any(c.lower == "yet" for c in self.s.children(k.i, "advmod")):
            return None  # "a decision had yet to be taken": not done, and no one's call
        if self.passive(k) or any(a.lower in self.modals for a in self.s.children(k.i, "aux")):
            return None  # "care was needed to ...", "Brown would have to raise taxes"
        if any(c.lower in _ONE_PERSON for c in self.s.children(k.i, "nsubj")):
            return None
        act = next((c for c in self.s.children(k.i, "xcomp") if self._marked(c, "to")), None)
        if act is None or self.lemma(act) in self.speech:
            return None  # "we have to say ...": a way of speaking
        if k.lower == "had" and self._in_the_past(k):
            return None  # "the government, last week, had to publish ...": what it did
        return act

    def _in_the_past(self, k: Token) -> bool:
        """Whether ``k``'s clause, not counting the clauses hung on it, is dated in the
        past: "last week", "two years ago", "yesterday"."""
        inner = {
            i
            for c in self.s.children(k.i, "ccomp", "advcl", "parataxis", "conj")
            for i in self.s.subtree(c.i)
        }
        words = [self.s.tokens[i].lower for i in self.s.subtree(k.i) if i not in inner]
        return any(
            w in ("yesterday", "ago") or (w == "last" and after in _WHEN)
            for w, after in zip(words, [*words[1:], ""], strict=True)
        )

    def _fronted_claim(self, t: Token) -> Token | None:
        """ "The government should change the law, the TUC has said": the clause a verb of
        saying (with a subject of its own) reports from before it, parsed as the verb's
        head with the verb hung on it (parataxis), or as a clause of its own (with its
        subject, and no "if" or "when") hung on the verb; "The plan, he said, should be
        scrapped" too."""
        if not self.s.children(t.i, "nsubj"):
            return None
        head = self.s.head(t.i)
        if (
            t.rel == "parataxis"
            and head is not None
            and head.pos in ("VERB", "AUX")
            and not self.s.children(head.i, "mark")  # "recognizes that we must ..."
        ):
            return head
        before = [
            k
            for k in self.s.children(t.i, "ccomp", "dep", "advcl")
            if k.i < t.i and not self.s.children(k.i, "mark") and self.s.children(k.i, "nsubj")
        ]
        if before and before[0].pos in ("VERB", "AUX"):
            # a whole clause, not "If it fails, he said, ..." nor "Asked about it, he said"
            return before[0]
        return None

    def _claim_words(self, t: Token, k: Token) -> str:
        """The clause ``k`` that ``t`` reports, without "..., the TUC has said" where the
        verb of saying hangs on it."""
        said = set(self.s.subtree(t.i)) if t.head == k.i and t.i != k.i else set()
        words = [i for i in self.s.subtree(k.i) if i not in said]
        while words and self.s.tokens[words[-1]].rel == "punct":
            words.pop()  # the quote's full stop: 'said: "They should act."'
        # Without the attribution, the sentence's full stop is left after a comma.
        return self.s.text_of(words).strip(" ,;:" + ("." if said else "") + _QUOTES)

    def _offer(self, t: Token) -> Found | None:
        """ "We are ready to negotiate with X", "willing to sign a deal": an offer to
        meet or to agree is a proposal of its subject."""
        offered = [
            k
            for k in self.s.children(t.i, "xcomp", "advcl", "ccomp")
            if self._marked(k, "to")
            and self.lemma(k) in self.meet | self.meet_with | self.agree_joint
        ]
        if not offered or self.negated(t) or self._hypothetical(t):
            return None
        return self._proposal(t, self._authors(t), self.clause(t))

    def _someone_to_act(self, t: Token) -> bool:
        """ "wants the government to act", also with the infinitive parsed as the object's
        own clause ("the government" + acl "to act")."""
        objects = self.s.children(t.i, "obj", "iobj")
        if not objects:
            return False
        if self.s.children(t.i, "xcomp"):
            return True
        if any(self._marked(a, "to") and a.i > objects[0].i for a in self.s.children(t.i, "advcl")):
            return True  # "asking Parliament to renew the law" with the infinitive as adverbial
        return any(self._marked(a, "to") for o in objects for a in self.s.children(o.i, "acl"))

    def _wanted_measure(self, t: Token) -> bool:
        """ "Liberals wanted electoral reform", "the unions want a £6 rate": a measure a
        party demands, named by a noun of its own. Not a pronoun ("wanted it frozen"),
        nothing ("wanted no part of it"), nor the wish of "I" or "we"."""
        objects = self.s.children(t.i, "obj")
        if len(objects) != 1 or objects[0].pos != "NOUN" or self.s.children(t.i, "xcomp"):
            return False
        if any(
            k.lower in ("no", "nothing", "more", "some", "any")
            for k in self.s.children(objects[0].i)
        ):
            return False
        return not any(k.lower in _SELF_OR_YOU for k in self.s.children(t.i, "nsubj"))

    def _told_to_act(self, t: Token) -> bool:
        """ "told councils to find more sites": a verb of saying directs only with its own
        infinitive, no "that" before it ("told activists that ... desire to help" reports)."""
        objects = self.s.children(t.i, "obj", "iobj")
        infinitives = [
            *self.s.children(t.i, "xcomp", "advcl"),
            *(a for o in objects for a in self.s.children(o.i, "acl")),
        ]
        return any(
            self._marked(x, "to")
            and not any(self.s.tokens[i].lower == "that" for i in range(t.i + 1, x.i))
            for x in infinitives
        )

    def _foretold(self, t: Token) -> bool:
        """ "anything to suggest it would be in February": with only a clause of what
        will be (a copula, no "there"), a verb that may report ("suggest") foretells;
        one that binds the speaker ("promised it would not be a threat") pledges."""
        clauses = [k for k in self.s.children(t.i, "ccomp") if self._modal_clause(k)]
        return (
            self.lemma(t) not in _PROMISING
            and not self.s.children(t.i, "obj", "xcomp")
            and bool(clauses)
            and all(
                self.s.children(k.i, "cop") and not self.s.children(k.i, "expl") for k in clauses
            )
        )

    def _modal_clause(self, k: Token) -> bool:
        """Whether ``k``'s clause says what may or should be done ("they should meet"),
        not what may have been ("the services could have been involved")."""
        auxes = {a.lower for a in self.s.children(k.i) if a.rel == "aux"}
        return bool(auxes & self.modals) and not auxes & {"have", "'ve"}

    def _call_for(self, t: Token) -> Found | None:
        """ "called for X", "called on Y to ..."; not "called it a revenge attack for
        X", a name given to a thing (a predicate after the object)."""
        objects = self.s.children(t.i, "obj")
        predicates = [k for k in self.s.children(t.i, "xcomp") if k.pos in ("NOUN", "ADJ")]
        if objects and (predicates or len(objects) > 1):
            return None  # (the name also read as a second object: "called the attack a X")
        named = self._named_as(t)
        kids = [k for k in self.s.children(t.i) if k not in named]
        marked = [
            k
            for k in self.oblique_tokens(t, *self.call_preps)
            # "called on X to", not "on Tuesday"; "called for talks", not "for an hour"
            # nor "For the Liberal Democrats, X called the target unambitious"
            if k.i > t.i
            and (
                (self.s.case(k.i) == "for" and not self.s.children(k.i, "nummod"))
                or self.p.of(k.i)
                or any(c.rel in ("xcomp", "advcl", "acl") for c in [*kids, *self.s.children(k.i)])
            )
        ]
        particle = [k for k in kids if k.lower in self.call_preps and k.rel in ("compound", "prt")]
        if not marked and not particle:
            return None
        return self._proposal(t, self._authors(t), self.clause(t))

    def _asked_for(self, t: Token) -> bool:
        """ "argued for a coalition", "pressed for talks": not "argued (that) it would
        result in increases for some", a report with "for" hung on its verb."""
        return bool(self.oblique_tokens(t, "for")) and not self.s.children(t.i, "ccomp")

    @cached_property
    def _claimed(self) -> frozenset[int]:
        """The words of what a claim, an allegation or a report says ("the claim that he
        wanted fewer black people", "a comedian claiming he wanted ..."), which no one
        here asserts as done: found once for the sentence, not walked up from each word."""
        return frozenset(
            i for a in self.s.tokens if self._states_a_claim(a) for i in self.s.subtree(a.i)
        )

    def _states_a_claim(self, a: Token) -> bool:
        """Whether the clause ``a`` heads is what a claim says of another party."""
        head = self.s.head(a.i)
        if head is None or a.rel not in ("acl", "ccomp"):
            return False
        told = self.s.children(a.i, "nsubj")
        if self.lemma(head) in _CONTESTED and (a.rel == "ccomp" or head.pos == "VERB"):
            # (or a clause the parser hung on the verb as a relative one); but what one
            # claims of oneself is one's position ("X claims she was snubbed")
            claimer = {p.name for p in self.subjects(head)}
            if not {p.name for k in told for p in self.p.of(k.i)} & claimer:
                return True
        # a claim noun's own clause, also where the parser read the noun as a verb
        # ("rejected [claims] that ..."); not "a claim denied by X"
        nominal = head.pos == "NOUN" or head.rel in ("obj", "xcomp")
        claim = self.lemma(head) in self.claim_nouns or head.lower in self.claim_nouns
        return claim and nominal and bool(told or self._marked(a, "that"))

    def _parted(self, k: Token, t: Token) -> bool:
        """Whether a word between ``k``, a name before a noun, and the noun ``t`` parts
        them: a verb, a dash, or an article ("extended [President Biden] an invitation":
        his, not its author)."""
        return any(
            self._participle(w)
            or w.pos == "VERB"
            or w.text in ("-", "–", "—")
            or w.lower in _ARTICLES
            for w in self.s.tokens[k.i + 1 : t.i]
        )

    def _asked_to(self, t: Token, gov: Token | None) -> Token | None:
        """The infinitive a call asks for: "calls from X to resign", also where the parser
        hung it on the verb right after the call's phrase ("faced a call by X [to
        publish ...]"). Not one call from someone: "took a call from X to discuss Y"
        was on the phone."""
        if not t.lower.endswith("s") and not self.oblique_tokens(t, "by"):
            return None
        if self.oblique_tokens(t, "to", "with") or (gov is not None and self.lemma(gov) == "make"):
            return None  # "made separate calls to the mayors to let them know ...": phoned
        for k in self.s.children(t.i, "acl", "xcomp"):
            if self._marked(k, "to") and k.pos == "VERB":
                return k
        if gov is None:
            return None
        end = self.s.subtree(t.i)[-1]
        for k in self.s.children(gov.i, "advcl", "xcomp"):
            if self._marked(k, "to") and k.pos == "VERB" and self.s.subtree(k.i)[0] == end + 1:
                return k
        return None

    def _for_after(self, t: Token, gov: Token | None) -> list[Token]:
        """What the object ``t`` is "for" where the parser hung the "for" phrase on the
        verb ``gov``: "repeated his call [for a pause]"."""
        if gov is None or t.rel != "obj":
            return []
        return [k for k in self.oblique_tokens(gov, "for") if k.i > t.i and k.rel == "obl"]

    def _owners(self, k: Token, gov: Token | None) -> list[Party]:
        """Whose a plan is, by its possessor ``k``: "his party's plan", outlined by Mr
        Kennedy, is his (the bare "party" would name no one)."""
        own = any(c.lower in _HIS_OR_HER for c in self.s.children(k.i, "nmod:poss"))
        if own and gov is not None and k.lower in self.p.collective:
            people = [p for p in self.subjects(gov) if p.is_person]
            if people:
                return people
        return self.p.of(k.i)

    def _after_a_preposition(self, k: Token) -> bool:
        """Whether ``k``'s phrase opens with a preposition or follows one."""
        first = self.s.subtree(k.i)[0]
        return self.s.tokens[first].rel == "case" or (
            first > 0 and self.s.tokens[first - 1].rel == "case"
        )

    def _own_clause(self, t: Token, k: Token) -> int | None:
        """Where ``k``, a conjunct of ``t``, opens a clause with a subject of its own
        after "and" or "but" ("..., and President Biden confirmed ..."): the index of
        that "and" (or the comma before it); None for a clause marked "that", one whose
        subject is a relative word or comes after its verb, or one with other words
        between "and" and its subject."""
        if k.i < t.i or k.pos not in ("VERB", "AUX") or self.s.children(k.i, "mark"):
            return None
        joins = [c for c in self.s.children(k.i, "cc") if c.i < k.i]
        if (
            joins
            and not self.s.children(k.i, "nsubj")
            and (
                (self.lemma(k) in self.speech and k.lower != self.lemma(k))
                or joins[0].lower == "but"
            )
            and all(
                self.s.tokens[i].rel in ("cc", "punct", "advmod") for i in range(joins[0].i, k.i)
            )
        ):
            # "promised a fair policy and said they hoped to ...", "said X needed to act
            # but defended Y": another statement, or an act set against this one
            return self._comma_before(joins[0].i)
        for n in self.s.children(k.i, "nsubj"):
            ccs = [c.i for c in self.s.children(k.i, "cc") if c.i < n.i]
            if n.i > k.i or n.lower in _RELATIVE or not ccs:
                continue
            words = set(self.s.subtree(n.i))
            if all(i in words for i in range(ccs[0] + 1, n.i)) and not self._listed_name(ccs[0], n):
                return self._comma_before(ccs[0])
        return None

    def _comma_before(self, i: int) -> int:
        """Where a clause that opens at ``i`` ("and ...") starts, with its comma."""
        return i - 1 if i > 0 and self.s.tokens[i - 1].text == "," else i

    def _listed_name(self, cc: int, subject: Token) -> bool:
        """Whether the "and" at ``cc`` may join names rather than clauses: "the United
        States and the European Union recall ..." (a name before "and", no comma), or
        "Canada, Mexico, and the United States maintain ..." (a list of names)."""
        tokens = self.s.tokens
        before = tokens[cc - 1]
        if before.text != ",":
            return before.pos == "PROPN" and subject.pos in ("PROPN", "NOUN")
        return cc >= 3 and tokens[cc - 2].pos == "PROPN" and tokens[cc - 3].text == ","

    def _appealed_to(self, t: Token) -> bool:
        """ "appealed to the council to allow ...", "pleaded with ministers to think
        again": someone appealed to, and what they are to do (the parser hangs the
        infinitive on the verb or on the one appealed to)."""
        for k in self.oblique_tokens(t, "to", "with"):
            infinitives = [*self.s.children(t.i, "xcomp", "advcl"), *self.s.children(k.i, "acl")]
            if any(x.i > k.i and self._marked(x, "to") for x in infinitives):
                return True
        return False

    def _need(self, t: Token) -> Found | None:
        """ "X underscored the need to act", "X made clear the need for Y to act": a need
        pressed by its subject, with what is needed, is X's call. Not "discussed the
        need" (a topic), nor a need with nothing said of what is needed."""
        gov = self.governor(t)
        if gov is None or t.rel != "obj" or self.lemma(gov) not in self.need_verbs:
            return None
        if self.lemma(gov) == "make" and not any(
            k.lower == "clear" for k in self.s.children(gov.i)
        ):
            return None  # "made the need plain" is rare; "make" presses a need only "clear"
        if self.lemma(t) in self.act_need_nouns:
            # "the importance of including X", however the parser hung the act
            after = self.s.tokens[t.i + 1 : t.i + 3]
            act = len(after) == 2 and after[0].lower == "of" and after[1].lower.endswith("ing")
            needed = [after[1]] if act else []
        else:
            needed = [
                k
                for k in [*self.s.children(t.i, "acl", "nmod"), *self.s.children(gov.i, "xcomp")]
                if k.i > t.i and (self._marked(k, "to") or self.s.case(k.i) == "for")
            ]
        if not needed:
            return None
        authors = self._authors(gov)
        if len(authors) > 1 and self.lemma(gov) in self.agree_plural:
            return None  # "the leaders underscored the need ...": their joint statement
        return self._proposal(gov, authors, self.clause(gov))

    def _proposal_noun(self, t: Token) -> Found | None:
        gov = self.governor(t)
        lemma = self.lemma(t)
        called_for = self._for_after(t, gov)
        joined = (
            gov is not None
            and t.rel == "obj"
            and self.lemma(gov) in self.joining
            and lemma in self.joined_nouns
        )
        asked = None
        if (
            lemma == "appeal"
            and not self.oblique_tokens(t, "for", "to")
            and not called_for
            and not any(self._marked(k, "to") for k in self.s.children(t.i, "acl"))
        ):
            return None  # "subject to a court appeal", "lodged an appeal": no call
        if lemma == "call" and not self.oblique_tokens(t, "for", "on") and not called_for:
            asked = self._asked_to(t, gov)
            if asked is None:
                return None  # a phone call
        if any(c.lower in self.personal_plans for c in self.s.children(t.i, "compound", "amod")):
            return None  # "Prince Charles's marriage plans": put to no one
        if any(
            self._marked(k, "to")
            and self.lemma(k) in self.personal_acts
            and not self.s.children(k.i, "obj")
            for k in self.s.children(t.i, "acl")
        ):
            # "his intention to stand down": a step of one's own ("plans to leave the
            # EU" may be put to others)
            return None
        if (
            t.i > 0
            and t.text[:1].isupper()
            and self.s.tokens[t.i - 1].text not in _QUOTES
            and not any(k.lower in _HIS_OR_HER for k in self.s.children(t.i, "nmod:poss"))
        ):
            # "the President's Emergency Plan for AIDS Relief", "the Marshall Plan": the
            # name of a programme, proposed by no one in this sentence ("her Criminal
            # Justice Plan" is hers)
            return None
        verb = self.s.head(t.i)
        if (
            verb is not None
            and verb.pos in ("VERB", "AUX")
            and any(o.i == t.i for o in self.object_tokens(verb))
            and self.lemma(verb) in self.against | self.propose
        ):
            # "rejected the plan", "proposed a plan": the verb's fact, also with the noun
            # read as a clausal complement
            return None
        if gov is not None and t.rel == "obj" and self._evaluation(gov) is not None:
            return None  # "branded the plan a disgrace": read as the judgement
        owners = [
            k for k in self.s.children(t.i, "nmod") if k.dep == "nmod:poss" and k.lower not in _OUR
        ]
        together = self.subjects(gov) if gov is not None and t.rel == "obj" else []
        if (
            gov is not None
            and len(together) > 1
            and (self._puts_forward(gov) or self.lemma(gov) in self.agree_plural)
            and any(k.lower == "their" for k in self.s.children(t.i, "nmod:poss"))
            and not any(self._faction(p) for p in together)
        ):
            # "The leaders announced their intent to ...": said together, an agreement (not
            # "Labour and the Tories have signalled their intention": each its own)
            return self._agreement(gov, together, self.clause(gov))
        authors = [p for k in owners for p in self._owners(k, gov)]
        authors.extend(self.obliques(t, "by", "from"))
        for c in self.s.children(t.i, "acl"):
            if c.i > t.i and self.passive(c) and self._puts_forward(c):
                authors.extend(self.subjects(c))  # "new proposals announced by X"
        if not authors:
            # "the U.S. peace proposal", "the Labour plan": a named author before the noun
            # (not across a verb or a dash: "homes in south Wales [opposing] plans", "a
            # safe Tory seat - [prompted] calls")
            authors = [
                p
                for k in self.s.children(t.i, "compound", "amod")
                if not self._parted(k, t)
                for p in self.p.of(k.i)
            ]
        if (
            not authors
            and not owners
            and gov is not None
            and (t.rel == "obj" or (t.dep == "nsubj:pass" and self.passive(gov)))
        ):
            # "X unveiled a plan"; "a plan was put forward by X"; not "X backed the
            # minister's plans" (the minister's, whoever that is), nor "X would not back
            # the plan" (no plan of X's)
            authors = self.subjects(gov)
            if not (self._puts_forward(gov) or joined) or self.negated(gov):
                authors = []
        if any(k.lower in self.dead for k in self.s.children(t.i, "amod")):
            return None  # "a failed government scheme", "the scrapped plan": none stands
        if self.s.case(t.i) == "under" and gov is not None and gov.pos in ("VERB", "AUX"):
            # "Under government plans, people would choose ...": what the plan would do
            # is the clause it frames, subject and all (up from "how it is spent").
            main = gov
            while (up := self.s.head(main.i)) is not None and self.lemma(up) not in self.speech:
                main = up
            framed = set(self.s.subtree(main.i)) - set(self.s.subtree(t.i))
            what = self.s.text_of(sorted(framed)).strip(" ,;:." + _QUOTES)
            return self._proposal(t, authors, what)
        # not a name the parser hung on the noun across an article: "extended [President
        # Biden] an invitation to ..."
        apart = tuple(k.i for k in self.s.children(t.i, "compound") if self._parted(k, t))
        what = self.clause(t, without=apart)
        if asked is not None and asked.head != t.i:
            # "faced a call by X to publish the advice" with the infinitive hung on the verb
            words = sorted({*self.s.subtree(t.i), *self.s.subtree(asked.i)})
            what = self.s.text_of(words).strip(" ,;:-–—")
        elif gov is not None and lemma in self.joined_nouns and (called_for or joined):
            # "joined calls for intercept evidence [to be allowed]", "repeated his call
            # for a pause [in considering the bill]": the parser hangs the call's ends on
            # the verb, so the verb's clause says what is called for
            what = self.clause(gov)
        elif what.lower() == t.lower and called_for:
            # "put forward proposals for a new tax" with "for" hung on the verb: still
            # what the proposals are for
            what = self.s.text_of([t.i, *self.s.subtree(called_for[0].i)])
        named = {
            f"{k.lower} {t.lower}"
            for k in self.s.children(t.i, "compound", "amod")
            if self.p.of(k.i, expand=False)
        }
        if what.lower() in {t.lower, *named}:
            # "his proposals were a new Marshall Plan", "an examination of Tory plans":
            # names one, says nothing of it
            return None
        return self._proposal(t, authors, what)


# Articles, which open a noun phrase of their own: no name before one is of the noun after.
_ARTICLES = frozenset({"a", "an", "the"})
# Verbs of saying that leave what is said in doubt: "X claimed (that) Y wanted Z",
# "a comment suggesting he wants Z".
_CONTESTED = frozenset({"claim", "allege", "suggest"})
# Conjunctions that set a clause against the one before: "X apologised, but Y ...".
_CONTRAST_WORDS = frozenset({"but", "yet", "while", "whereas"})
# Words that make a meeting noun several meetings, each with some of those named.
_SEVERAL = frozenset({"separate", "two", "three", "four", "several", "multiple", "individual"})
# People one questions (interviews), not things one doubts.
_QUESTIONED_PEOPLE = frozenset(
    {"man", "men", "woman", "women", "person", "people", "suspect", "suspects", "boy", "girl",
     "teenager", "teenagers", "youth", "witness", "witnesses", "driver", "passenger"}
)  # fmt: skip
# Participles that say a party is resolved to act: "are committed to", "remain determined to".
_STATES_OF_RESOLVE = frozenset({"committed", "determined", "resolved"})
# Verbs of directing whose that-clause is always what is asked for (the mandative
# subjunctive): "demanded that X spell out", "urged that the men receive".
_DIRECTING = frozenset({"demand", "urge", "propose", "recommend"})
# Nouns of how something is done: "the way X handled it" is X's conduct.
_MANNER = frozenset({"way", "manner"})
# Verbs that bind their subject to what they say: "promised it would not be a threat".
_PROMISING = frozenset({"promise", "pledge", "vow", "commit"})
# Verbs that wage hostilities named by their object: "X launched an attack on Y".
_WAGING = frozenset({"launch", "wage", "mount", "step", "escalate", "intensify", "continue"})
# What a punishment is given for: "suspended X for refusing", "expelled over his stance".
_REASONS = frozenset({"for", "over"})
# Verbs whose "of"/"for" phrase is a charge: "accused him of urging ...".
# Nouns of leave and possibility: what one has "a right to" or "the chance to" do is
# not done by saying so.
_LEAVE_NOUNS = frozenset(
    {"right", "freedom", "chance", "opportunity", "ability", "power", "permission", "liberty"}
)
_CHARGING = frozenset({"accuse", "blame", "criticise", "criticize", "condemn", "attack", "fault"})
# Verbs that lay a thing on the one they charge: "blamed the defeat on X".
_LAID_ON = frozenset({"blame"})
# A clause under these is wished for, not stated: "hope that X will table a bill".
_WISHING = frozenset({"hope", "wish", "expect", "doubt", "imagine", "assume"})
# Verbs whose object is a place gone to: "visited the Oval Office to meet X".
_VISITING = frozenset({"visit", "tour", "enter", "leave", "arrive", "reach"})
# Words between a meeting's verb and its "with": "met today in Washington with".
_SETTING_WORDS = 10
# Small words inside a title before a word in capitals: "Secretary of the Interior".
_TITLE_LINKS = frozenset({"of", "for", "to", "on", "de", "del", "da"})
_TITLE_PUNCTUATION = frozenset({"(", ")", ".", "-", "–", "’", "'"})
# "-ing" forms of verbs of proposing that English also uses as adjectives.
_ING_ADJECTIVES = frozenset({"promising", "demanding", "inviting"})
# Verbs of necessity: "they need to act", "the government have to start again".
_NEEDING = frozenset({"need", "have"})
# Small words inside a body's name: "Circle of Protection", "Food and Drug Administration".
_NAME_LINKS = frozenset({"of", "and", "for", "on", "the"})
# Whose a shared view is: "their shared concerns", "our shared commitment".
_OURS = frozenset({"their", "our"})
# "discussed" is no trigger word (the parser's lemma of it is not always "discuss").
_DISCUSSED = frozenset({"discuss", "discusses", "discussed"})
# What several hold, whose "their" makes it theirs together: "discussed their concerns".
_STANCES = frozenset({"concern", "commitment", "support", "determination", "resolve"})
_ONE_PERSON = frozenset({"i", "he", "she"})
# Words that open a condition or a rule: "if they did wrong, they should ...".
_CONDITIONS = ("if", "where", "unless")
# Words that make a clause a guess, not a pledge: "he would probably take the title".
_HEDGES = frozenset({"probably", "possibly", "perhaps", "maybe", "likely"})
_FIRST_PERSON = frozenset({"i", "we"})
_WILL = frozenset({"'ll", "’ll"})  # "we'll"
# The speaker's own side and the one spoken to: "we must win", "you should vote".
_SELF_OR_YOU = frozenset({"i", "we", "you"})
# "and her husband X": who X is to the one before.
_POSSESSIVES = frozenset({"his", "her", "their"})
# One person's: "his party's plan", "her Criminal Justice Plan".
_HIS_OR_HER = frozenset({"his", "her"})
# Groups that "his", "their" make someone's own people: "talked with his staff".
_OWN_GROUPS = frozenset(
    {"staff", "team", "aides", "advisers", "advisors", "officials", "members", "ministers",
     "supporters", "family", "cabinet", "colleagues", "officers", "employees"}
)  # fmt: skip
# Verbs that put a proposal to others: "X made an offer", "X unveiled plans".
_PUT_FORWARD = frozenset(
    {"make", "put", "unveil", "table", "submit", "present", "announce", "issue", "launch",
     "outline", "set", "lay", "float", "extend", "renew", "repeat", "reiterate",
     "convey", "send", "deliver", "confirm"}
)  # fmt: skip
_PUT_FORWARD_FORMS = frozenset(
    {*(f for w in _PUT_FORWARD for f in inflections(w)), "made", "put", "set", "laid", "sent"}
)

# The forms of the verbs the rules above name in code, each to its lemma: the parser's
# lemmatiser leaves some forms as they are ("faced", "toured").
_CODE_LEMMA_OF = {
    form: lemma
    for lemma in sorted(
        _VISITING | _WAGING | _CHARGING | _WISHING | _DIRECTING | _PUT_FORWARD | _CONTESTED
    )
    for form in inflections(lemma)
}


def _bare(t: Token) -> bool:
    """Whether a verb has the bare form of a present-tense statement ("reaffirm",
    "discuss"), not a past or third-person one ("discussed", "supports")."""
    return not t.lower.endswith("ed") and (not t.lower.endswith("s") or t.lower.endswith("ss"))


@lru_cache(maxsize=1)
def _not_pledged(lexicon: Lexicon) -> frozenset[str]:
    """Verbs no pledge is made with: acts of mind or fortune (``not_acts``), steps of
    one's own life, speech, and the verbs other facts are read from."""
    return lexicon.words("proposal", "not_acts") | frozenset().union(
        lexicon.words("proposal", "personal_acts"),
        lexicon.words("speech"),
        *(lexicon.words("disagreement", part) for part in _STANCE_PARTS),
        *(lexicon.words("meeting", part) for part in ("verbs", "verbs_with", "call_verbs")),
        lexicon.words("agreement", "joint_verbs"),
    )


_STANCE_PARTS = ("verbs", "refusal_verbs", "against_verbs", "mutual_verbs")
