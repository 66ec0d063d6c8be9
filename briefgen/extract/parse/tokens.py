"""A parsed sentence as plain data: tokens, their heads and relations.

The parser's ``Doc`` is turned into these small records straight away, so a
parsed sentence can be cached and sent between processes, and the rules
that read it do not depend on spaCy's types. Relations are Universal
Dependencies labels as the treebank writes them (``nsubj:pass``,
``obl:agent``, ``nmod:poss``); a rule asks for the main label with
``Token.rel`` and for the subtype with ``Token.dep``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the sentence
    text: str
    start: int  # character offset in the article
    lemma: str
    pos: str
    dep: str  # full label, e.g. "nsubj:pass"
    head: int  # index of the head in the sentence; the root is its own head
    space: bool  # followed by white space
    ent: str  # entity label of the parser's NER ("PERSON", "GPE", ...), or ""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def rel(self) -> str:
        rel = _RELS.get(self.dep)
        if rel is None:
            rel = _RELS[self.dep] = self.dep.split(":")[0].lower()
        return rel

    @property
    def lower(self) -> str:
        return self.text.lower()


# A relation's main label by its full one ("nsubj:pass" -> "nsubj"): a parse has a
# few dozen labels, and the rules ask for them millions of times.
_RELS: dict[str, str] = {}


@dataclass(frozen=True)
class Sentence:
    """One parsed sentence: its tokens and the parser's entities (label, first, last+1)."""

    tokens: tuple[Token, ...]
    ents: tuple[tuple[str, int, int], ...]

    @cached_property
    def _dependents(self) -> list[list[Token]]:
        """Each token's dependents, in sentence order: the rules walk the tree from
        heads down many times per sentence, so it is indexed once."""
        found: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                found[t.head].append(t)
        return found

    def children(self, i: int, *rels: str) -> list[Token]:
        """The dependents of token ``i``, only those with one of ``rels`` if given
        (a main label such as "nsubj" or a full one such as "nsubj:pass")."""
        if not rels:
            return list(self._dependents[i])
        return [t for t in self._dependents[i] if t.rel in rels or t.dep in rels]

    def root(self) -> Token | None:
        """The token that is its own head: the parse's root."""
        return next((t for t in self.tokens if t.head == t.i), None)

    def head(self, i: int) -> Token | None:
        h = self.tokens[i].head
        return None if h == i else self.tokens[h]

    def ancestors(self, i: int) -> Iterator[Token]:
        seen = {i}
        while (h := self.head(i)) is not None and h.i not in seen:
            seen.add(h.i)
            yield h
            i = h.i

    def subtree(self, i: int) -> list[int]:
        """Indices of ``i`` and all it governs, in order."""
        dependents = self._dependents
        inside = {i}
        todo = [i]
        while todo:
            for t in dependents[todo.pop()]:
                if t.i not in inside:
                    inside.add(t.i)
                    todo.append(t.i)
        return sorted(inside)

    def case(self, i: int) -> str:
        """The preposition that marks token ``i`` ("with" in "with China"), or ""."""
        marks = [t.lower for t in self.children(i, "case")]
        return " ".join(marks)

    @cached_property
    def text(self) -> str:
        """The whole sentence as the text wrote it."""
        return self.text_of(list(range(len(self.tokens))))

    def text_of(self, indices: list[int]) -> str:
        """The words at ``indices`` as the text wrote them, gaps closed by one space."""
        out: list[str] = []
        previous: int | None = None
        for i in sorted(indices):
            t = self.tokens[i]
            if previous is not None and (previous + 1 != i or self.tokens[previous].space):
                out.append(" ")
            out.append(t.text)
            previous = i
        return "".join(out)


def from_spacy(doc: Doc, text: str, origin: list[tuple[int, int]], offset: int) -> Sentence:
    """A parsed ``doc`` of the sentence ``text``, whose token ``i`` stands for the
    characters ``origin[i]`` of it (a name may have been parsed as one word);
    offsets are shifted by ``offset``, the sentence's place in the article."""
    tokens = []
    for t in doc:
        start, end = origin[t.i]
        head = t.head.i
        tokens.append(
            Token(
                i=t.i,
                text=text[start:end],
                start=offset + start,
                lemma=t.lemma_ or t.text.lower(),
                pos=t.pos_ or t.tag_,
                dep=t.dep_ or "dep",
                head=head,
                space=t.i + 1 < len(doc) and origin[t.i + 1][0] > end,
                ent=t.ent_type_,
            )
        )
    ents = tuple((e.label_, e.start, e.end) for e in doc.ents)
    return Sentence(tuple(tokens), ents)


# Participles English uses as prepositions: "including X", "according to X".
_PREPOSITIONS = frozenset(
    {"including", "according", "concerning", "regarding", "following", "given", "considering",
     "excluding", "pending", "barring", "respecting", "touching", "owing"}
)  # fmt: skip


def verbs_as_verbs(sentence: Sentence, verbs: frozenset[str]) -> Sentence:
    """``sentence`` with a verb the parser hung as a preposition on the noun after it
    ("Critics opposed the plan" read as "Critics [opposed the plan]", "the lists, which
    ban sales", "Milburn accusing Mr Howard of ...") put back as the clause's verb, the
    noun its object. Only words of ``verbs`` (the trigger words' forms) are moved, and
    never a participle English uses as a preposition ("including X")."""
    tokens = list(sentence.tokens)
    for v in sentence.tokens:
        if v.dep != "case" or v.pos != "VERB" or v.lower not in verbs or v.lower in _PREPOSITIONS:
            continue
        noun = tokens[v.head]
        if noun.i <= v.i or noun.pos not in ("NOUN", "PROPN", "PRON"):
            continue
        root = noun.head == noun.i
        tokens[v.i] = replace(
            v,
            head=v.i if root else noun.head,
            dep="ROOT" if root else ("acl:relcl" if noun.dep == "acl:relcl" else "acl"),
        )
        tokens[noun.i] = replace(noun, head=v.i, dep="obj")
        for k in sentence.tokens:
            if k.head == noun.i and k.i != noun.i and k.i < v.i:
                tokens[k.i] = replace(tokens[k.i], head=v.i)  # its subject, its commas
    return Sentence(tuple(tokens), sentence.ents)


def verbs_taking_a_clause(sentence: Sentence, verbs: frozenset[str]) -> Sentence:
    """``sentence`` with a verb the parser tagged a noun or an adposition put back as a
    verb where it takes a "that" clause: "Biden and Schumer [agree] that ..." read with
    "agree" the root noun of its subject, or hung on the last name of its subject
    ("Jeffries agree"); or where it is the root with a subject and an object ("Canada
    and Mexico [condemn] the attacks"). Only words of ``verbs`` (the trigger words'
    forms) in the present tense (no "-s", "-ed" or "-ing": "the deal's agreement that
    ...")."""
    tokens = list(sentence.tokens)
    for v in sentence.tokens:
        if v.pos not in ("NOUN", "ADP") or v.lower not in verbs:
            continue
        if v.lower.endswith(("s", "ed", "ing")):
            continue
        clause = [
            k
            for k in sentence.children(v.i, "ccomp")
            if k.i > v.i and any(m.lower == "that" for m in sentence.children(k.i, "mark"))
        ]
        root_with_object = v.head == v.i and any(
            o.i > v.i for o in sentence.children(v.i, "obj")
        )  # "Canada, Mexico, and the United States [condemn] the attacks" (an adposition)
        if sentence.children(v.i, "nsubj") and (clause or root_with_object):
            tokens[v.i] = replace(v, pos="VERB")
            continue
        if not clause:
            continue
        name = sentence.tokens[v.head]
        subject = sentence.tokens[name.head] if name.rel == "conj" else name
        if v.rel in ("flat", "compound") and name.i == v.i - 1 and subject.head == subject.i:
            # "Smith, Smith and Smith [agree] that": the subject is the root, the verb
            # hung on its last name
            tokens[v.i] = replace(v, pos="VERB", head=v.i, dep="ROOT")
            tokens[subject.i] = replace(subject, head=v.i, dep="nsubj")
            for k in sentence.children(subject.i, "punct"):
                if k.i > v.i:
                    tokens[k.i] = replace(tokens[k.i], head=v.i)  # the full stop
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def subjects_read_as_objects(sentence: Sentence, speech: frozenset[str]) -> Sentence:
    """``sentence`` with the subject of a reported clause put back where the parser made
    it the object of the verb of saying (or denying), as a phrase set off by commas comes
    between them: "X said the White Paper, published in 2003, [was] flawed" read as "said
    the White Paper", "X denied security services [were] involved". Only where the clause
    has no subject and opens with its auxiliary or copula after the noun."""
    tokens = list(sentence.tokens)
    for v in sentence.tokens:
        if v.lower not in speech:
            continue
        objects = sentence.children(v.i, "obj")
        clauses = sentence.children(v.i, "ccomp")
        if not clauses:
            # or read as a second verb of the speaker's: "said the plan, ..., [was] flawed",
            # or as a clause of circumstance with no word to open it: "denied the party
            # [was trying] to ..."; not one joined by "and": "denied the charges and was
            # released"
            seconds = sentence.children(v.i, "conj", "parataxis", "advcl")
            clauses = [
                k
                for k in seconds
                if k.pos in ("VERB", "ADJ") and not sentence.children(k.i, "cc", "mark")
            ][:1]
        if len(objects) != 1 or len(clauses) != 1 or objects[0].i > clauses[0].i:
            continue
        noun, clause = objects[0], clauses[0]
        if noun.pos not in ("NOUN", "PROPN") or sentence.children(clause.i, "nsubj", "csubj"):
            continue
        helpers = sentence.children(clause.i, "aux", "cop")
        if not helpers or helpers[0].i < noun.i or any(h.i > clause.i for h in helpers):
            continue
        if clause.rel == "advcl" and helpers[0].i != sentence.subtree(noun.i)[-1] + 1:
            continue  # "accused the council [of] being weak": not a clause of its own
        passive = any(h.dep == "aux:pass" for h in helpers)
        tokens[noun.i] = replace(noun, head=clause.i, dep="nsubj:pass" if passive else "nsubj")
        tokens[clause.i] = replace(clause, dep="ccomp")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def inverted_subjects_read_as_objects(sentence: Sentence, speech: frozenset[str]) -> Sentence:
    """``sentence`` with the speaker put back as the subject where the parser read "The
    councils should set their taxes at reasonable levels, says the assembly government"
    with "government" the object of "says": a verb of saying right after a comma, with
    no subject and one object after it, that hangs on the clause before it (which it
    reports, as a parataxis)."""
    tokens = list(sentence.tokens)
    for v in sentence.tokens:
        head = sentence.head(v.i)
        if (
            v.lower not in speech
            or v.i == 0
            or sentence.tokens[v.i - 1].text != ","
            or head is None
            or head.i > v.i
            or head.pos not in ("VERB", "AUX", "ADJ")
            or v.rel not in ("dep", "parataxis", "ccomp", "conj")
            or sentence.children(v.i, "nsubj", "nsubj:pass", "ccomp", "xcomp")
        ):
            continue
        objects = sentence.children(v.i, "obj")
        if len(objects) != 1 or objects[0].i < v.i or objects[0].pos not in ("NOUN", "PROPN"):
            continue
        after = sentence.tokens[sentence.subtree(objects[0].i)[-1] + 1 :]
        if any(t.pos != "PUNCT" for t in after):
            continue  # "..., discussed the crucial need to ..., and emphasized ...": a list
        tokens[objects[0].i] = replace(objects[0], dep="nsubj")
        tokens[v.i] = replace(v, dep="parataxis")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def subjects_read_as_punctuation(sentence: Sentence) -> Sentence:
    """``sentence`` with a word the parser took for punctuation put back as the subject
    of the verb right after it, where that verb has none: "In November, MPs [urged]
    ministers to ..." read with "MPs" a comma of "November"."""
    tokens = list(sentence.tokens)
    for w in sentence.tokens:
        if w.rel != "punct" or not w.text.isalpha() or w.i + 1 >= len(tokens):
            continue
        verb = sentence.tokens[w.i + 1]
        if verb.pos == "VERB" and not sentence.children(verb.i, "nsubj", "csubj"):
            tokens[w.i] = replace(w, pos="NOUN", head=verb.i, dep="nsubj")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def acronyms_read_as_subjects(sentence: Sentence) -> Sentence:
    """``sentence`` with a name's acronym in brackets put back beside the name, where the
    parser made it the subject of the words after: "condemned the Democratic People's
    Republic of Korea's (DPRK) continued destabilizing activity and highlighted ..."
    read as "DPRK continued ... and highlighted". The participle after it modifies the
    noun the name owns ("continued ... activity"), which is what the verb above acts
    on, and what was coordinated with the participle goes with that verb."""
    tokens = list(sentence.tokens)
    for a in sentence.tokens:
        # (the closing bracket may be joined to the word: "DPRK)")
        closed = a.text.endswith(")") or (a.i + 1 < len(tokens) and tokens[a.i + 1].text == ")")
        acronym = a.text.removesuffix(")")
        if not (
            a.rel == "nsubj"
            and a.head > a.i
            and len(acronym) > 1
            and acronym.isupper()
            and a.i > 1
            and tokens[a.i - 1].text == "("
            and closed
        ):
            continue
        name = a.i - 2
        if sentence.tokens[name].pos == "PART" and name > 0:
            name -= 1  # "Korea's (DPRK)"
        owner = sentence.tokens[name]
        if owner.pos != "PROPN":
            continue
        tokens[a.i] = replace(a, head=name, dep="appos")
        for bracket in (a.i - 1, a.i + 1):
            if tokens[bracket].text in "()":
                tokens[bracket] = replace(tokens[bracket], head=a.i, dep="punct")
        participle = sentence.tokens[a.head]
        objects = sentence.children(participle.i, "obj")
        if participle.rel != "parataxis" or not objects or objects[0].pos != "NOUN":
            continue
        noun = objects[0]
        tokens[noun.i] = replace(noun, head=owner.head, dep=owner.dep)
        tokens[name] = replace(owner, head=noun.i, dep="nmod:poss")
        tokens[participle.i] = replace(participle, pos="ADJ", head=noun.i, dep="amod")
        for k in sentence.children(participle.i, "conj", "cc"):
            if k.i > noun.i:
                tokens[k.i] = replace(k, head=owner.head)  # "and highlighted ..."
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def people_joined_to_a_place(sentence: Sentence) -> Sentence:
    """``sentence`` with a person the parser joined to the place of the person before put
    back beside that person: "President A of the United States and President B of
    Brazil met" read as "the United States and B"."""
    tokens = list(sentence.tokens)
    for c in sentence.tokens:
        if c.rel != "conj" or c.ent != "PERSON":
            continue
        place = sentence.tokens[c.head]
        owner = sentence.tokens[place.head]
        if place.rel == "nmod" and place.ent != "PERSON" and owner.ent == "PERSON":
            tokens[c.i] = replace(c, head=owner.i)
            for k in sentence.children(place.i, "cc", "punct"):
                if k.i < c.i and k.i > place.i:
                    tokens[k.i] = replace(tokens[k.i], head=c.i)  # its "and"
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def reasons_on_the_verb(sentence: Sentence) -> Sentence:
    """``sentence`` with a reason the parser hung on a passive's agent ("was criticised
    by the SNP [for encouraging ...]", read as the SNP's own act) put back on the verb,
    whose subject it is about."""
    tokens = list(sentence.tokens)
    for t in sentence.tokens:
        if t.dep != "acl" or t.pos != "VERB" or not t.lower.endswith("ing"):
            continue
        agent = sentence.tokens[t.head]
        if agent.dep == "obl:agent" and any(
            k.lower == "for" for k in sentence.children(t.i, "mark")
        ):
            tokens[t.i] = replace(t, head=agent.head, dep="advcl")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def verb_under_a_nominal_root(sentence: Sentence) -> Sentence:
    """``sentence`` with its verb put back at the root where the parser made the subject
    the root and hung the verb on the subject's last noun as a participle ("A spokesman
    for UKIP [called on Mr X to quit]", "UKIP [called on ...]"). Only where the root noun
    has no verb of its own to be ("is", "was"), the verb has no subject and takes
    complements other than an object, and nothing but the subject comes before it."""
    root = _nominal_root(sentence)
    if root is None:
        return sentence
    subject = set(sentence.subtree(root.i))
    for v in sentence.tokens:
        if v.dep != "acl" or v.pos != "VERB" or v.i <= root.i or not v.lower.endswith("ed"):
            continue
        if sentence.children(v.i, "nsubj", "nsubj:pass", "aux:pass", "mark"):
            break
        complements = sentence.children(v.i, "obj", "obl", "xcomp", "ccomp")
        if not complements or any(
            k.rel == "obj" or (k.rel == "xcomp" and k.pos not in ("VERB", "AUX"))
            for k in complements
        ):
            break  # ("President X called President Y" is read well as it is)
        own = set(sentence.subtree(v.i))
        if any(i not in subject or i in own for i in range(v.i) if i >= root.i) or any(
            i < root.i and sentence.tokens[i].head == i for i in range(root.i)
        ):
            break
        return _verb_at_root(sentence, v, root)
    return sentence


def _nominal_root(sentence: Sentence) -> Token | None:
    """The sentence's root when the parser made a noun of it with no verb of its own
    to be and no subject: a subject the parser took for the root."""
    root = sentence.root()
    if root is None or root.pos not in ("NOUN", "PROPN"):
        return None
    if sentence.children(root.i, "cop", "nsubj", "nsubj:pass"):
        return None
    return root


def _verb_at_root(sentence: Sentence, verb: Token, subject: Token) -> Sentence:
    """``sentence`` with ``verb`` its root and ``subject`` the verb's subject."""
    tokens = list(sentence.tokens)
    tokens[verb.i] = replace(verb, head=verb.i, dep="ROOT")
    tokens[subject.i] = replace(subject, head=verb.i, dep="nsubj")
    return Sentence(tuple(tokens), sentence.ents)


def verb_read_as_a_modifier(sentence: Sentence) -> Sentence:
    """``sentence`` with its verb put back at the root where the parser read "X
    reiterated calls for ..." as a noun phrase ("[reiterated] calls") with X its
    subject (or a compound of it: "The three NSAs [confirmed] plans"): a root noun with
    no verb of its own to be, and right before it a past verb hung on it as a
    modifier, after the subject. The noun becomes the verb's object."""
    root = sentence.root()
    if root is None or root.pos != "NOUN" or root.i == 0 or sentence.children(root.i, "cop"):
        return sentence
    verb = sentence.tokens[root.i - 1]
    # or the subject read as a compound of the noun: "The three NSAs [confirmed] plans"
    subjects = sentence.children(root.i, "nsubj") or [
        k
        for k in sentence.children(root.i, "compound")
        if k.i == verb.i - 1 and (k.pos == "PROPN" or k.lower.endswith("s"))
    ]
    if (
        verb.head != root.i
        or verb.rel != "amod"
        or verb.pos != "VERB"
        or not verb.lower.endswith("ed")
        or not subjects
        or subjects[0].i > verb.i
    ):
        return sentence
    repaired = _verb_at_root(sentence, verb, subjects[0])
    tokens = list(repaired.tokens)
    tokens[root.i] = replace(root, head=verb.i, dep="obj")
    for k in sentence.children(root.i):
        if k.rel == "det" and k.i < subjects[0].i:
            tokens[k.i] = replace(k, head=subjects[0].i)  # "The" of "The three NSAs"
        elif k.i < verb.i and k.i != subjects[0].i:
            tokens[k.i] = replace(k, head=verb.i)  # the subject's commas, "But"
    return Sentence(tuple(tokens), sentence.ents)


def verb_after_a_nominal_root(sentence: Sentence) -> Sentence:
    """``sentence`` with its verb put back at the root where the parser made the subject,
    set off by an aside, the root and hung the verb on it ("Mr Clarke, writing in The
    Times, [accused] some critics of ...", read as a parataxis) or on the object after
    it as a modifier ("The mayor [accused] Oliver Finegold of ...", "Oliver Letwin, for
    the Tories, [attacked] government red tape"). Only a past verb with no subject of
    its own, after the root noun and its asides, in a sentence with no verb at its
    root; the object becomes the verb's, and a clause hung on the subject or the object
    with "of" or "for" ("of doorstepping him") the verb's."""
    root = _nominal_root(sentence)
    if root is None:
        return sentence
    subject = set(sentence.subtree(root.i))
    for v in sentence.tokens:
        if v.pos != "VERB" or v.i <= root.i or not v.lower.endswith("ed") or v.i not in subject:
            continue
        if sentence.children(v.i, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "cop"):
            break
        noun = sentence.head(v.i)
        if v.rel == "parataxis" and noun is root:
            obj = None
        elif v.rel == "amod" and noun is not None and noun.i > v.i:
            obj = noun
        else:
            continue
        if any(a.pos not in ("NOUN", "PROPN") for a in sentence.ancestors(v.i)):
            continue  # "plan to drive [focused] regional efforts": inside another clause
        if any(sentence.tokens[i].head == i for i in range(root.i)):
            break
        repaired = _verb_at_root(sentence, v, root)
        tokens = list(repaired.tokens)
        if obj is not None:
            tokens[obj.i] = replace(obj, head=v.i, dep="obj")
        for owner in [root, *([obj] if obj else [])]:
            for k in sentence.children(owner.i, "acl", "advcl"):
                marks = {m.lower for m in sentence.children(k.i, "mark")}
                if k.i > v.i and marks & {"of", "for"}:
                    tokens[k.i] = replace(k, head=v.i, dep="advcl")
        return Sentence(tuple(tokens), sentence.ents)
    return sentence


def verbs_with_a_subject_read_as_modifiers(sentence: Sentence) -> Sentence:
    """``sentence`` with a verb put back over the noun after it where the parser read
    "said the government had [wasted] billions" with "wasted" a modifier of "billions":
    a modifier with a subject and an auxiliary of its own is a clause's verb, and the
    noun after it is its object."""
    tokens = list(sentence.tokens)
    for v in sentence.tokens:
        noun = sentence.head(v.i)
        if (
            v.rel != "amod"
            or v.pos != "VERB"
            or noun is None
            or noun.i != v.i + 1
            or not sentence.children(v.i, "nsubj")
            or not sentence.children(v.i, "aux")
        ):
            continue
        if noun.head == noun.i:
            tokens[v.i] = replace(v, head=v.i, dep="ROOT")
        else:
            tokens[v.i] = replace(v, head=noun.head, dep="ccomp" if noun.rel == "obj" else noun.dep)
        tokens[noun.i] = replace(noun, head=v.i, dep="obj")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


_BE = frozenset({"is", "are", "was", "were", "be", "been", "'s", "'re", "’s", "’re"})


def progressives_read_as_nouns(sentence: Sentence, verbs: frozenset[str]) -> Sentence:
    """``sentence`` with a verb in "-ing" after "is" put back as a verb, and what it
    takes as its object: "X is [meeting] Y today" read as "X is a meeting" with Y a
    name of it, "X is meeting his counterparts" with them a clause of their own. Only
    words of ``verbs`` (the trigger words' forms) with no article or possessive of
    their own, and a noun that starts right after the verb."""
    tokens = list(sentence.tokens)
    for t in sentence.tokens:
        if t.lower not in verbs or not t.lower.endswith("ing"):
            continue
        be = [k for k in sentence.children(t.i, "cop", "aux") if k.lower in _BE]
        if not be or sentence.children(t.i, "det", "nmod:poss", "obj"):
            continue
        taken = next(
            (
                k
                for k in sentence.children(t.i, "flat", "compound", "appos", "parataxis")
                if k.i > t.i and k.pos in ("NOUN", "PROPN") and sentence.subtree(k.i)[0] == t.i + 1
            ),
            None,
        )
        if taken is None:
            continue
        tokens[t.i] = replace(t, pos="VERB")
        tokens[be[0].i] = replace(be[0], dep="aux")
        tokens[taken.i] = replace(taken, head=t.i, dep="obj")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def nouns_read_as_verbs(sentence: Sentence, nouns: frozenset[str]) -> Sentence:
    """``sentence`` with a noun the parser tagged a verb put back as a noun where it
    stands as one, a subject or an object with no subject, auxiliary, mark or object
    of its own: "There were [calls] from X for an inquiry". Only words of ``nouns``."""
    tokens = list(sentence.tokens)
    for t in sentence.tokens:
        if (
            t.pos == "VERB"
            and t.lower in nouns
            and t.dep in ("nsubj", "nsubj:pass", "obj")
            and not sentence.children(t.i, "nsubj", "aux", "mark", "obj")
        ):
            tokens[t.i] = replace(t, pos="NOUN")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def adverbs_read_as_subjects(sentence: Sentence) -> Sentence:
    """``sentence`` with an adverb the parser made the subject put back as the verb's
    adverb, and the noun it hung on the adverb made the subject: "The President and
    Prime Minister [further] committed to ..." read with "further" the subject and the
    two leaders its possessor."""
    tokens = list(sentence.tokens)
    for adverb in sentence.tokens:
        if adverb.rel != "nsubj" or adverb.pos != "ADV":
            continue
        nouns = [
            k
            for k in sentence.children(adverb.i)
            if k.i < adverb.i and k.pos in ("NOUN", "PROPN") and k.rel in ("nmod", "compound")
        ]
        if not nouns:
            continue
        tokens[nouns[-1].i] = replace(nouns[-1], head=adverb.head, dep=adverb.dep)
        tokens[adverb.i] = replace(adverb, head=adverb.head, dep="advmod")
        for k in sentence.children(adverb.i):
            if k.i < nouns[-1].i:
                tokens[k.i] = replace(k, head=nouns[-1].i)  # "The" of "The President"
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


# Participles that set off who comes with the subject: "X, joined by Y, met Z".
_COMPANY = frozenset({"joined", "accompanied", "flanked"})


def company_of(sentence: Sentence, i: int) -> list[Token]:
    """The participles hung on token ``i`` that say who came with it, each with its
    agent: "joined by Y" of "President X, joined by Y, met Z"."""
    return [
        p
        for p in sentence.children(i, "acl")
        if p.lower in _COMPANY and sentence.children(p.i, "obl:agent")
    ]


def verb_after_a_companion(sentence: Sentence) -> Sentence:
    """``sentence`` with its verb put back at the root where the parser made the subject
    the root and hung the verb on the participle that names who came with it
    ("President X, [joined by Y, met with Z]"). Only where the root noun has no verb of
    its own and the verb no subject, mark or "to" of its own."""
    root = _nominal_root(sentence)
    if root is None:
        return sentence
    for p in company_of(sentence, root.i):
        for v in sentence.children(p.i, "advcl"):
            if v.pos == "VERB" and not sentence.children(v.i, "nsubj", "nsubj:pass", "mark", "aux"):
                return _verb_at_root(sentence, v, root)
    return sentence


def participles_after_a_possessive(sentence: Sentence) -> Sentence:
    """``sentence`` with a possessive's participle put back as a modifier of the noun
    after it: "concern over the PRC's continued support" read as a clause ("the PRC
    continued support") becomes "the PRC's [continued] support", and "attacked
    Gordon Brown's spending plans" read as "Brown's spending (of) plans" becomes
    "Brown's [spending] plans"; the owner and the preposition are the noun's."""
    tokens = list(sentence.tokens)
    for v in sentence.tokens:
        if v.pos != "VERB" or not v.lower.endswith(("ed", "ing")) or v.i + 1 >= len(tokens):
            continue
        noun = sentence.tokens[v.i + 1]
        owners = [
            s
            for s in sentence.children(v.i, "nsubj", "nmod:poss")
            if s.i == v.i - 2 and sentence.tokens[s.i + 1].lower in ("'s", "’s")
        ]
        if not owners or noun.head != v.i or noun.rel != "obj" or noun.pos != "NOUN":
            continue
        if sentence.children(v.i, "mark") or v.rel == "advcl":
            dep = "obl"  # "concern over the PRC's continued support"
        elif v.rel == "ccomp":
            dep = "obj"  # "attacked Brown's spending plans"
        else:
            dep = v.dep
        tokens[noun.i] = replace(noun, head=v.head if v.head != v.i else noun.i, dep=dep)
        tokens[v.i] = replace(v, head=noun.i, dep="amod" if v.lower.endswith("ed") else "compound")
        tokens[owners[0].i] = replace(owners[0], head=noun.i, dep="nmod:poss")
        for k in sentence.children(v.i):
            if k.i in (noun.i, owners[0].i):
                continue
            if k.rel == "mark":
                dep = "case"  # "over" of "concern over the PRC's ..."
            elif k.rel == "obl" and k.i > v.i:
                dep = "nmod"  # "... support for Russia's base"
            else:
                dep = k.dep
            tokens[k.i] = replace(k, head=noun.i, dep=dep)
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


_CLAUSE_DASHES = frozenset({"-", "–", "—", ";"})


def is_clause_dash(sentence: Sentence, i: int) -> bool:
    """Whether token ``i`` is a mark setting clauses apart (a dash, a semicolon), not the
    hyphen inside "kick-start"."""
    t = sentence.tokens[i]
    if t.text != "-":
        return t.text in _CLAUSE_DASHES
    return i > 0 and sentence.tokens[i - 1].space and t.space


def clause_before_a_dash(sentence: Sentence) -> Sentence:
    """``sentence`` with its first clause put back at the root where the parser hung it,
    unmarked, on the clause after a dash or a semicolon: "X wants A - Y has urged B",
    read as if X's wanting were said of Y's urging. X's clause becomes the root and
    Y's a ``parataxis`` of it, as the parser reads "X wants A - Y wants B" when it
    reads it well. Only where every word before the dash is X's clause's."""
    root = sentence.root()
    if root is None or root.pos not in ("VERB", "AUX"):
        return sentence
    subject = next((k for k in sentence.children(root.i, "nsubj")), None)
    if subject is None:
        return sentence
    for first in sentence.children(root.i, "advcl", "csubj", "ccomp", "parataxis"):
        if (
            first.i > subject.i
            or first.pos not in ("VERB", "AUX")
            or sentence.children(first.i, "mark")
            or not sentence.children(first.i, "nsubj")
        ):
            continue
        dash = next(
            (i for i in range(subject.i - 1, first.i, -1) if is_clause_dash(sentence, i)), None
        )
        own = set(sentence.subtree(first.i))
        if dash is None or any(i not in own for i in range(dash)):
            continue
        tokens = list(sentence.tokens)
        tokens[first.i] = replace(first, head=first.i, dep="ROOT")
        tokens[root.i] = replace(root, head=first.i, dep="parataxis")
        return Sentence(tuple(tokens), sentence.ents)
    return sentence


def prepositions_on_a_modifier(sentence: Sentence) -> Sentence:
    """``sentence`` with a preposition before a verb's object put back on the object,
    which becomes an oblique: "called for urgent and specific steps", read with "for"
    the case of "urgent" and "steps" the object of "called". A noun with a preposition
    before it is no object; the parser hung the preposition on the first word after it."""
    tokens = list(sentence.tokens)
    for p in sentence.tokens:
        modifier = sentence.head(p.i)
        if p.pos != "ADP" or p.rel != "case" or modifier is None or modifier.rel != "amod":
            continue
        noun = sentence.head(modifier.i)
        verb = sentence.head(noun.i) if noun is not None else None
        if (
            noun is None
            or verb is None
            or noun.rel != "obj"
            or sentence.subtree(noun.i)[0] != p.i
            or p.i < verb.i
            or any(t.rel != "advmod" for t in sentence.tokens[verb.i + 1 : p.i])
        ):
            continue
        tokens[p.i] = replace(p, head=noun.i)
        tokens[noun.i] = replace(noun, dep="obl")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def clauses_read_as_objects(sentence: Sentence) -> Sentence:
    """``sentence`` with an object that has a subject and a copula of its own made the
    clause it is: "warned Labour they were "in danger of ..."", with "danger" read as a
    second object of "warned". A noun with a subject and a verb to be is a clause."""
    tokens = list(sentence.tokens)
    for t in sentence.tokens:
        if t.dep == "obj" and sentence.children(t.i, "nsubj") and sentence.children(t.i, "cop"):
            tokens[t.i] = replace(t, dep="ccomp")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def verb_read_as_a_noun_root(sentence: Sentence, verbs: frozenset[str]) -> Sentence:
    """``sentence`` with its root put back as the verb it is where the parser read "The
    Tories [plan] to scrap the tax" as a noun with a subject: a root noun that is a form
    of a verb of ``verbs``, after its subject, with no determiner or modifier of its own
    and an infinitive after it, which becomes the verb's complement."""
    root = sentence.root()
    if root is None or root.pos != "NOUN" or root.lower not in verbs:
        return sentence
    kids = sentence.children(root.i)
    subject = [k for k in kids if k.dep == "nsubj" and k.i < root.i]
    infinitive = [
        k for k in kids if k.rel == "acl" and k.i > root.i and sentence.children(k.i, "mark")
    ]
    if (
        not subject
        or not infinitive
        or sentence.children(root.i, "det", "amod", "cop", "nmod:poss")
        or sentence.children(infinitive[0].i, "mark")[0].lower != "to"
    ):
        return sentence
    tokens = list(sentence.tokens)
    tokens[root.i] = replace(root, pos="VERB")
    tokens[infinitive[0].i] = replace(infinitive[0], dep="xcomp")
    return Sentence(tuple(tokens), sentence.ents)


def infinitives_on_a_verb(sentence: Sentence) -> Sentence:
    """``sentence`` with an infinitive the parser hung on a verb as a noun's modifier
    (``acl``) made the verb's complement: "He plans [to axe] 10,000 jobs". A verb takes
    no ``acl``."""
    tokens = list(sentence.tokens)
    for t in sentence.tokens:
        head = sentence.head(t.i)
        if (
            t.dep == "acl"
            and t.pos == "VERB"
            and head is not None
            and head.pos == "VERB"
            and head.i < t.i
            and any(k.lower == "to" for k in sentence.children(t.i, "mark"))
        ):
            tokens[t.i] = replace(t, dep="xcomp")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)


def gerunds_read_as_nouns(sentence: Sentence, verbs: frozenset[str]) -> Sentence:
    """``sentence`` with a gerund put back as a verb where the parser read "after
    [meeting] Tony Blair" as a noun whose name is Tony Blair: an "-ing" form of a verb of
    ``verbs`` after a preposition, with a name hung on it as ``flat`` right after it. The
    gerund becomes a clause on what the noun hung on, the name its object and the
    preposition its mark."""
    tokens = list(sentence.tokens)
    for t in sentence.tokens:
        if t.pos != "NOUN" or not t.lower.endswith("ing") or t.lower not in verbs:
            continue
        names = [k for k in sentence.children(t.i, "flat") if k.i == t.i + 1]
        cases = [k for k in sentence.children(t.i, "case") if k.i == t.i - 1]
        if not names or not cases or names[0].pos != "PROPN" or t.rel not in ("obl", "nmod"):
            continue
        tokens[t.i] = replace(t, pos="VERB", dep="advcl")
        tokens[names[0].i] = replace(names[0], dep="obj")
        tokens[cases[0].i] = replace(cases[0], dep="mark")
    return sentence if tokens == list(sentence.tokens) else Sentence(tuple(tokens), sentence.ents)
