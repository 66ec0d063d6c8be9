"""One article read with the parser: which sentences to parse, and their facts in order.

Only sentences that hold a trigger word form are parsed (``select``): the
parser is the slow part, and a sentence without "met", "agreed", "row" or
"proposal" states none of the facts this backend looks for. The article is
still read sentence by sentence in order, parsed or not, so that pronouns
and "the two sides" find the people named before them.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from briefgen.errors import BriefgenError
from briefgen.extract import parser
from briefgen.extract.dates import resolve_when
from briefgen.extract.facts import _DURATION, ArticleReader, Entity, Fact, occasion_in
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.mentions import (
    Mention,
    clean_name,
    find_introductions,
    from_given_name,
    given_name_sex,
    is_given_name,
    named_after_body,
    patterns,
)
from briefgen.extract.parse.lexicon import Lexicon, lexicon
from briefgen.extract.parse.parties import Memory, Parties, Party
from briefgen.extract.parse.reader import Claim, Found, SentenceReader
from briefgen.extract.parse.tokens import (
    Sentence,
    Token,
    acronyms_read_as_subjects,
    adverbs_read_as_subjects,
    clause_before_a_dash,
    clauses_read_as_objects,
    from_spacy,
    gerunds_read_as_nouns,
    infinitives_on_a_verb,
    inverted_subjects_read_as_objects,
    nouns_read_as_verbs,
    participles_after_a_possessive,
    people_joined_to_a_place,
    prepositions_on_a_modifier,
    progressives_read_as_nouns,
    reasons_on_the_verb,
    subjects_read_as_objects,
    subjects_read_as_punctuation,
    verb_after_a_companion,
    verb_after_a_nominal_root,
    verb_read_as_a_modifier,
    verb_read_as_a_noun_root,
    verb_under_a_nominal_root,
    verbs_as_verbs,
    verbs_taking_a_clause,
    verbs_with_a_subject_read_as_modifiers,
)
from briefgen.extract.people import is_short_form
from briefgen.extract.work import PeopleTable
from briefgen.ingest.conventions import credits
from briefgen.model import Article, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as Span_
    from spacy.tokens import Token as Token_

_WORD = regex.compile(r"[\p{L}][\p{L}'’-]*|n't")
_VIRTUAL = regex.compile(
    r"\bvirtual(?:ly)?\b|video ?conference|videoconference|video call", regex.I
)
_PHONE = regex.compile(r"\b(?:phone|telephone|by phone)\b", regex.I)
# A readout's title that says the meeting it reports was a call: "Readout of President
# Biden's Call with King Abdullah II", "... Phone Call Between ...".
_CALL_TITLE = regex.compile(r"\bCall[^\S\n]+(?:with|between)\b")
# Verbs of a meeting that may have been a call: "spoke with", "talked to".
_SPEAKING = frozenset({"spoke", "speaks", "speak", "spoken", "talked", "talks", "talk"})
_NAME_SHAPE = regex.compile(r"\p{Lu}[\p{L}\p{M}.'’-]*(?: (?:\p{Lu}[\p{L}\p{M}.'’-]*|[a-z]{1,3}))+")
_STATEMENT = regex.compile(
    r"Statement (?:by|from) (?:the )?(?P<who>[\p{Lu}][\p{L}.'’ -]*?)(?: on | regarding |$)",
    regex.I,
)
_JOINT = regex.compile(
    r"\bJoint[^\S\n]+(?:Leaders['’][^\S\n]+)?(?:Statement|Declaration|Communiqu[eé])", regex.I
)
# "We, the leaders of Japan, the Republic of Korea (ROK), and the United States, ...": a
# joint statement's signers, named in its first sentence.
_WE_THE_LEADERS = regex.compile(r"\bWe,[^\S\n]+the[^\S\n]+leaders[^\S\n]+of[^\S\n]+", regex.I)
# What may stand between two of them: a comma, "and", "the" (a short form in brackets
# blanked out).
_BETWEEN_SIGNERS = regex.compile(r"[\s,]*(?:and\s+)?(?:the\s+)?")
_BRACKETED = regex.compile(r"\([^)\n]*\)")
_SPOKEN = regex.compile(r"\b(?:Remarks|Press|Briefing|Interview|Transcript)\b", regex.I)
# A preposition just before a party of a title: the party is a topic there.
_TOPIC_BEFORE = regex.compile(
    r"\b(?:on|against|to|for|with|toward|towards|in|into|over)[^\S\n]+(?:the[^\S\n]+)?$", regex.I
)
_LAST_WORD = regex.compile(r"(?P<word>\p{L}+)\.?[^\S\n]+$")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Longer sentences are junk (lists, tables, run-on pastes): the parser's time
# grows with them and the facts in them are not sentences' facts.
_MAX_WORDS = 120
# Quotation marks, to follow a quotation from one sentence into the next.
_QUOTE_MARK = regex.compile(r'["“”]')
# A duty put on someone, read with a verb of speech: "said they have to act".
_HAVE_TO = regex.compile(r"\b(?:have|has|had)\s+to\b", regex.I)
# Winning office, the condition of a pledge: "if elected", "if Labour wins a third term".
_IF_WON = regex.compile(
    r"\bif\s+(?:re-?)?elected\b|\bif\b[^,.;:]{1,40}?\b(?:wins?|won|returned)\b", regex.I
)
# Two or more named together saying what they will do: "Mexico and the United States
# will convene a working group", a joint statement's commitment.
_JOINT_WILL = regex.compile(
    r"\p{Lu}[\p{L}.’'-]*,? and (?:the )?\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*)*"
    r" (?:also |further |jointly )?will\b"
)
# A stance several discuss as theirs: "The two officials discussed their serious concerns".
_DISCUSSED_THEIRS = regex.compile(
    r"\bdiscuss(?:ed|es)? (?:their|our) (?:[\p{Ll}-]+ )?"
    r"(?:concerns?|commitments?|support|determination|resolve)\b"
)
# Words opening a sentence that sets its claim against the one before.
_CONTRAST = frozenset({"but", "however", "yet"})


@dataclass(frozen=True)
class ParsedArticle:
    """The parsed sentences of one article, by their number in ``Article.sentences``."""

    sentences: dict[int, Sentence]
    people: tuple[Mention, ...]  # the parser's PERSON entities, as introductions


def select(article: Article, lex: Lexicon) -> list[int]:
    """Numbers of the sentences worth parsing: those with a trigger word form."""
    forms, refusals, negators = lex.forms, lex.refusal_forms, lex.negator_forms
    speech, duty = lex.speech_forms, lex.words("duty_modals")
    judged = duty | lex.misconduct_forms
    denials = lex.denial_forms
    pledge = _pledge(lex.words("proposal", "pledge_modals"))
    chosen: list[int] = []
    said_before = False  # the sentence before says who said what
    open_quote = False  # a quotation runs on from the sentence before
    for n, span in enumerate(article.sentences):
        found = [w.lower() for w in _WORD.findall(article.text, span.start, span.end)]
        words = set(found)
        said = not words.isdisjoint(speech)
        marks = _QUOTE_MARK.findall(article.text, span.start, span.end)
        quoted = open_quote or bool(marks)
        open_quote = _still_open(open_quote, marks)
        contrast = (said and found[0] in _CONTRAST) or not words.isdisjoint(denials)
        if contrast and said_before and len(words) <= _MAX_WORDS:
            # "X said A. But Y said B.", "X said A. Y denied A.": both sentences are read,
            # for a contrast.
            if not chosen or chosen[-1] != n - 1:
                chosen.append(n - 1)
            chosen.append(n)
            said_before = said
            continue
        said_before = said
        if len(words) > _MAX_WORDS:
            continue
        if (
            not words.isdisjoint(forms)
            or (not words.isdisjoint(refusals) and not words.isdisjoint(negators))
            or (
                said
                and (
                    not words.isdisjoint(judged)
                    or _HAVE_TO.search(article.text, span.start, span.end) is not None
                    or pledge.search(article.text, span.start, span.end) is not None
                )
            )
            or (quoted and not words.isdisjoint(duty))  # a speaker's call, quoted
            or _IF_WON.search(article.text, span.start, span.end) is not None
            or _JOINT_WILL.search(article.text, span.start, span.end) is not None
            or _DISCUSSED_THEIRS.search(article.text, span.start, span.end) is not None
        ):
            chosen.append(n)
    return chosen


@cache
def _pledge(modals: frozenset[str]) -> regex.Pattern[str]:
    """A speaker's own pledge, read with a verb of speech: "said they would abolish fees",
    '"We'll scrap it," he said'."""
    return regex.compile(
        rf"\b(?:he|she|they|we|I)(?:\s+(?:{'|'.join(sorted(modals))})\b|['’]ll\b)", regex.I
    )


def _still_open(open_quote: bool, marks: list[str]) -> bool:
    """Whether a quotation is still open after a sentence with these quotation marks."""
    for mark in marks:
        open_quote = {"“": True, "”": False}.get(mark, not open_quote)
    return open_quote


# What the rules read from a parse: parts of speech (the morphologizer's), the
# dependencies and the entities. Lemmas come from the trigger table's forms.
_NOT_NEEDED = ("tagger", "trainable_lemmatizer", "lemmatizer")
_BATCH = 256


def parse_articles(articles: Sequence[Article], nlp: Language) -> list[ParsedArticle]:
    """Each article's trigger sentences parsed, all in one stream through the parser."""
    lex = lexicon()
    jobs = [(k, n) for k, a in enumerate(articles) for n in select(a, lex)]
    texts = [articles[k].sentence_text(articles[k].sentences[n]) for k, n in jobs]
    prepared = [_stand_ins(nlp.make_doc(text), nlp) for text in texts]
    disable = [name for name in _NOT_NEEDED if name in nlp.pipe_names]
    docs = nlp.pipe((doc for doc, _ in prepared), batch_size=_BATCH, disable=disable)
    sentences: list[dict[int, Sentence]] = [{} for _ in articles]
    for (k, n), text, (_, origin), doc in zip(jobs, texts, prepared, docs, strict=True):
        offset = articles[k].sentences[n].start
        sentences[k][n] = from_spacy(doc, text, origin, offset)
    return [_with_people(a, found) for a, found in zip(articles, sentences, strict=True)]


def _with_people(article: Article, parsed: dict[int, Sentence]) -> ParsedArticle:
    """The parser's PERSON entities, as introductions of people."""
    people: list[Mention] = []
    pats = patterns()
    credited = credits(article.text)
    for sentence in parsed.values():
        for label, first, last in sentence.ents:
            if label != "PERSON":
                continue
            words = [t for t in sentence.tokens[first:last] if t.text not in ("'s", "’s")]
            if not words or (first and sentence.tokens[first - 1].text.lower() in _DETERMINERS):
                continue  # "from the Daily Telegraph": a thing, not a person
            if any(a <= words[0].start < b for a, b in credited):
                continue  # "(Photo: Jane Doe, AP)": page furniture
            titles = _titles()
            text = article.text[words[0].start : words[-1].end]
            if office := _TO_THE_PRESIDENT.match(text):
                # "Assistant to the President for National Security Affairs Jake
                # Sullivan", parsed as one name: the name starts at its given name
                named = from_given_name(text[office.end() :])
                if named is None:
                    continue
                text = named
            if not _NAME_SHAPE.fullmatch(text) or "\n" in text or text.endswith(" Bill"):
                continue  # "the Serious and Organised Crime Bill": a law, not Bill
            while " " in text and _not_a_first_name(text.split(" ", 1)[0], titles):
                # "Lawyer Louise Christian" opening a sentence; "Tory Shadow Chancellor"
                text = text.split(" ", 1)[1]
            at = words[0].start
            # "the union Unison Dave Prentis": the body's name, then the person's
            text = named_after_body(text, article.text[max(0, at - 20) : at]) or text
            name = clean_name(text, pats, city_at_end=False)  # the model saw the whole name
            # One word alone ("Chung") is resolved by the rules, or not at all.
            if name is None or " " not in name or _is_group(name, titles, pats.role_words_lower):
                continue
            if name.rsplit(" ", 1)[1] in gazetteer().political_parties:
                continue  # '"Vote Tory and you can have it both ways"': a slogan
            # (where the name is in the text: the words before it may have been cut)
            start = article.text.find(name, words[0].start, words[-1].end)
            start = start if start >= 0 else words[0].start
            people.append(Mention(start, start + len(name), name, cue="entity"))
    return ParsedArticle(parsed, tuple(people))


# Capitalised words that are not part of a name: a run of names never starts
# or continues with them.
_NOT_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "his",
        "her",
        "their",
        "its",
        "our",
        "you",
        "in",
        "on",
        "at",
        "after",
        "before",
        "but",
        "and",
        "or",
        "meanwhile",
        "however",
        "also",
        "during",
        "among",
        "with",
        "as",
        "while",
        "when",
        "both",
        "for",
        "from",
        "by",
        "of",
        "to",
        "if",
        "so",
        "yet",
        "then",
        "there",
        "here",
    ]
)
# What follows a name after a comma and is part of it: "Joseph R. Biden, Jr.".
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr"})
_PARTICLES = frozenset({"of", "de", "da", "di", "del", "van", "von", "bin", "al", "la", "le"})


class _Words:
    """A ``Doc``'s tokens as plain lists, read once: a spaCy ``Token`` is made anew
    each time a token is looked at, and a sentence's words are looked at often."""

    __slots__ = ("alpha", "idx", "lower", "space", "text")

    def __init__(self, doc: Doc) -> None:
        self.text: list[str] = []
        self.lower: list[str] = []
        self.space: list[bool] = []
        self.alpha: list[bool] = []
        self.idx: list[int] = []
        for t in doc:
            self.text.append(t.text)
            self.lower.append(t.lower_)
            self.space.append(bool(t.whitespace_))
            self.alpha.append(t.is_alpha)
            self.idx.append(t.idx)


def _runs_of(doc: Doc, w: _Words) -> list[tuple[int, int]]:
    """Token ranges of runs of capitalised words in ``doc`` (``w`` its words): one
    name, with its title.

    A run goes on over "of" ("Secretary of State"), a hyphen inside a word
    ("Eui-yong"), an acronym in brackets and ", Jr.".
    """
    runs = []
    start: int | None = None
    text, lower, space, alpha = w.text, w.lower, w.space, w.alpha
    n = len(text)
    for i in range(n):
        word, low = text[i], lower[i]
        capital = word[:1].isupper() and low not in _NOT_NAME and not _opening_participle(i, w)
        if start is None:
            if capital:
                start = i
            continue
        after = text[i + 1] if i + 1 < n else ""
        previous = i - 1
        joins = (
            capital
            or (low in _PARTICLES and after[:1].isupper() and after.lower() not in _NOT_NAME)
            or (word == "," and after in NAME_SUFFIXES)  # "Joseph R. Biden, Jr."
            or (word == "-" and not space[previous] and not space[i])
            or (word == "(" and after.isupper() and i + 2 < n and text[i + 2] == ")")
            or (text[previous] == "-" and not space[previous] and alpha[i])
            or (word == ")" and text[previous].isupper())
            or (low == "the" and lower[previous] == "of" and after[:1].isupper())
            or (
                low == "and"
                and _body_of(doc[start:i])
                and after[:1].isupper()
                and after.lower() not in _NOT_NAME
            )
        )
        if not joins:
            runs.append((start, i))
            start = i if capital else None
    if start is not None:
        runs.append((start, n))
    trimmed = []
    for first, last in runs:
        while last - first > 1 and lower[last - 1] in _PARTICLES | {"the", "(", ",", "-"}:
            last -= 1
        if last - first > 1:
            trimmed.append((_title_start(_office_start(first, w), w), last))
    return trimmed


def _opening_participle(i: int, w: _Words) -> bool:
    """ "Saying Britain must change direction, ...", "Speaking on Tuesday, ...": a verb
    ending in -ing that opens the sentence is no part of the name after it (but
    "Channing Tatum" and "King Charles" are names)."""
    word = w.text[i]
    return i == 0 and len(word) > 5 and word.endswith("ing") and not is_given_name(word)


# Nouns that end a title in small letters before a name, beside ``_titles()``.
_TITLE_NOUNS = frozenset({"executive", "officer", "commissioner", "secretary-general"})
# Words of titles that are also words of the clause around them.
_NOT_TITLE_WORDS = frozenset(
    {"the", "of", "to", "her", "his", "first", "second", "house", "state", "staff", "press",
     "under", "member", "high", "trade", "security", "national", "crown"}
)  # fmt: skip
# An office to the President, before a name and the rest of its title.
_TO_THE_PRESIDENT = regex.compile(r".*\bto the (?:Vice )?President (?:for|and|on) ")


def _title_start(first: int, w: _Words) -> int:
    """Where a run starts when a title in small letters comes before it: "deputy
    general secretary Hugh Lanning", "shadow home secretary David Davis" are one name
    with its title (the parser took "deputy" and "shadow" for verbs). The title ends
    in a title's noun ("secretary", "executive") and opens with words of titles."""
    lower = w.lower
    ends, words = _small_title_words()
    if first == 0 or lower[first - 1] not in ends:
        return first
    start = first - 1
    while start > 0 and lower[start - 1] in words and w.text[start - 1].islower():
        start -= 1
    if not w.text[start].islower() or (
        start > 0
        and w.text[start - 1].islower()
        and w.alpha[start - 1]
        and lower[start - 1] not in _NOT_NAME
    ):
        return first  # "influential senator John McCain", "media chief Alastair Campbell"
    # and the names of the body or party before it: "Liberal Democrat leader Charles
    # Kennedy", "PCSU deputy general secretary Hugh Lanning"
    while (
        start > 0
        and w.text[start - 1][:1].isupper()
        and w.alpha[start - 1]
        and lower[start - 1] not in _NOT_NAME
    ):
        start -= 1
    return start


@cache
def _small_title_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that end a title in small letters before a name, and those it may
    have: made once, as ``_title_start`` asks for them for every run of names."""
    ends = _titles() | _TITLE_NOUNS
    words = (patterns().role_words_lower | _TITLE_NOUNS | {"shadow"}) - _NOT_TITLE_WORDS
    return ends, words


def _office_start(first: int, w: _Words) -> int:
    """Where a run starts when an office to the President comes before it: "Assistant
    to the President for National Security Affairs Jake Sullivan" is one name with its
    title (the parser took "Assistant" for the clause's head)."""
    lower = w.lower
    at = first - 1
    if at < 0 or lower[at] not in ("for", "and", "on"):
        return first
    at -= 1
    if at >= 0 and lower[at] == "president":
        at -= 1
        if at >= 0 and lower[at] == "vice":
            at -= 1
    else:
        return first
    if at < 1 or lower[at] != "the" or lower[at - 1] != "to":
        return first
    start = at - 1
    while start > 0 and w.text[start - 1][:1].isupper() and w.alpha[start - 1]:
        start -= 1
    return start if start < at - 1 else first


# The word that stands for a titled person's name in the parser's input.
_PERSON_STAND_IN = "Smith"


def _titled(span: Span_, head: Token_) -> bool:
    """Whether a run of names is a person's, by a title or honorific before its last word,
    inside the run ("Senator Mia Lund") or just before it ("spokesman Mark Oaten")."""
    titles = _titles()
    if head.lower_ in titles:  # "the Lord Chancellor" is a title, not a name
        return False
    if head.lower_ in _known_words(parser.MODEL_DIR):
        # "Mr Brown", "the General Assembly": a word the parser knows is a name only
        # with a first name before it ("Gordon Brown").
        first = span.doc[head.i - 1] if head.i > span.start else None
        if first is None or first.lower_.rstrip(".") in titles or not first.is_alpha:
            return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.lower_ in titles and head.i > span.start:
        return True
    return any(t.lower_.rstrip(".") in titles for t in span[: head.i - span.start])


def _surname_like(span: Span_, head: Token_) -> bool:
    """Whether an untitled run of names reads as a person's ("Mark Serwotka"): two or
    three capitalised words, the last one a word the parser never saw in lower case
    (a body's name ends in a word it knows: "Amnesty International", "Cabinet Office")."""
    # A hyphened surname is one word of the name: "Liz Sherwood-Randall".
    words = [t for t in span if not (t.text == "-" and t.i > span.start and _joined(t))]
    hyphened = len(span) - len(words)
    if head.lower_ in _titles() or head.lower_ in lexicon().words("collective"):
        return False  # "the Lord Chancellor", "the Lib Dems"
    if head.lower_.endswith("s") and head.lower_[:-1] in _titles():
        return False  # "the National Security Advisors": holders of a title, no name
    if not 2 <= len(words) - hyphened <= 3 or head.i != span.end - 1:
        return False
    if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words):
        return False
    return head.lower_ not in _known_words(parser.MODEL_DIR)


def _joined(hyphen: Token_) -> bool:
    """Whether a hyphen joins the words either side of it, with no space."""
    before = hyphen.doc[hyphen.i - 1]
    return not before.whitespace_ and not hyphen.whitespace_ and hyphen.i + 1 < len(hyphen.doc)


@cache
def _known_words(model: Path) -> frozenset[str]:
    """The words the parser saw in training: its string table as saved (the table in
    memory grows with every text the process reads)."""
    path = model / "vocab" / "strings.json"
    try:
        return frozenset(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        raise BriefgenError(f"{path}: the parser model's word table cannot be read ({e})") from e


def _not_a_first_name(word: str, titles: frozenset[str]) -> bool:
    """A word read into a name that no name starts with: a title, "Shadow", a political
    party ("Tory Shadow Chancellor"), a quantifier ("Most Gibraltarians"), a
    nationality ("Asian Britons", "British Council"), a body's head word or a
    possessive."""
    lower = word.lower().rstrip(".")
    gaz = gazetteer()
    if lower in titles or lower in _NOT_FIRST or word in _REGIONAL:
        return True
    if lower in lexicon().words("body_nouns"):
        return True  # "(Health and Human) Services Xavier Becerra": the office's last word
    if word.endswith(("'s", "’s")):
        return True  # "SNP's Nicola Sturgeon": whose she is, not her name
    if word in gaz.political_parties:
        return True
    # "British" -> the United Kingdom; not a state's own name ("Jordan") nor a city's
    # ("Paris"), which are given names too
    state = gaz.party(word)
    return state not in (None, word) and word not in gaz.cities and word not in gaz.towns


_NOT_FIRST = frozenset(
    {"shadow", "most", "many", "some", "all", "several", "few", "both", "each", "other", "fellow"}
)
_REGIONAL = frozenset({"Asian", "African", "European", "Arab", "Latin"})


def _is_group(name: str, titles: frozenset[str], role_words: frozenset[str]) -> bool:
    """Whether a name ends in a plural title: "the five Black Speakers of the House"."""
    last = name.rsplit(" ", 1)[-1].lower()
    return last.endswith("s") and (last[:-1] in titles or last[:-1] in role_words)


@cache
def _titles() -> frozenset[str]:
    honorifics = {h.lower().rstrip(".") for h in gazetteer().honorifics}
    return lexicon().words("role_nouns") | honorifics


def _body_of(run: Span_) -> bool:
    """Whether a run of names is a body's "X of Y" ("Ministry of Environment"), whose
    name may go on with "and" ("... and Forestry")."""
    words = [t.lower_ for t in run]
    if "of" not in words or "and" in words:
        return False
    bodies = lexicon().words("body_nouns")
    return any(w in bodies for w in words[: words.index("of")])


def _stand_ins(doc: Doc, nlp: Language) -> tuple[Doc, list[tuple[int, int]]]:
    """The sentence with each long name replaced by one word of it, for the parser.

    A parser trained on a small treebank loses its way in a long proper name
    ("Republic of Korea (ROK) President Yoon Suk Yeol"); with the name's last
    word standing for it ("Yeol") the clause around it parses as a clause.
    A titled person's name stands as a common surname the parser knows as a
    name (``_PERSON_STAND_IN``): a rare surname alone at the head of a sentence
    ("Brandt called for ...") is read as a verb or an adverb by one model or
    another, while "Smith called for ..." parses as a subject with any of them.
    Returns the new ``Doc`` and, per token, the character range it stands for
    in the sentence. The parser keeps ingestion's sentence: it may not split it.
    """
    from spacy.tokens import Doc

    w = _Words(doc)
    runs = dict(_runs_of(doc, w))
    hyphened = _hyphened(w, runs)
    words: list[str] = []
    spaces: list[bool] = []
    origin: list[tuple[int, int]] = []
    past_said = False  # a joint statement's verb stood in for by its past
    i = 0
    while i < len(w.text):
        if w.lower[i] in _CALL_MEDIA and i + 1 < len(w.text) and w.lower[i + 1] in _CALLS:
            # "their telephone call": "call" alone, which the parser reads as a noun
            words.append(w.text[i + 1])
            spaces.append(w.space[i + 1])
            origin.append((w.idx[i], w.idx[i + 1] + len(w.text[i + 1])))
            i += 2
            continue
        if (last := hyphened.get(i)) is not None:
            words.append("".join(w.text[i:last]))
            spaces.append(w.space[last - 1])
            origin.append((w.idx[i], w.idx[last - 1] + len(w.text[last - 1])))
            i = last
            continue
        last = runs.get(i)
        if last is None:
            # "... reaffirm support for X and urge all parties to ...": the verbs joined
            # to the first one too
            joint = _joint_present(i, w, runs) or (
                past_said and w.lower[i - 1] == "and" and w.lower[i] in _joint_verbs()
            )
            past_said = past_said or joint
            words.append(lexicon().past(w.lower[i]) if joint else w.text[i])
            spaces.append(w.space[i])
            origin.append((w.idx[i], w.idx[i] + len(w.text[i])))
            i += 1
            continue
        span = doc[i:last]
        head = next(
            (
                t
                for t in reversed(span)
                if t.is_alpha and t.text[:1].isupper() and t.text not in NAME_SUFFIXES
            ),
            span[-1],
        )
        person = _titled(span, head) or _surname_like(span, head)
        words.append(_PERSON_STAND_IN if person else head.text)
        spaces.append(bool(span[-1].whitespace_))
        origin.append((span.start_char, span.end_char))
        i = last
    # One sentence: set here at once, since setting it token by token makes spaCy look
    # over the whole Doc for a parse each time (time in the square of its length).
    starts: list[bool | int | None] = [True, *[False] * (len(words) - 1)] if words else []
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts), origin


def _joint_present(i: int, w: _Words, runs: dict[int, int]) -> bool:
    """Whether word ``i`` is a joint statement's verb in the present after the names of
    its signers: "The United States and the ROK reaffirm support ...". The parser,
    which saw few such sentences, reads "reaffirm", "intend", "share" there as nouns of
    one long name, and their past forms as verbs: it parses the past form instead."""
    if w.lower[i] != w.text[i] or w.lower[i] not in _joint_verbs():
        return False
    name = next((start for start, end in runs.items() if end == i), None)
    if name is None and i > 0 and w.text[i - 1][:1].isupper():
        name = i - 1
    if name is None or name < 2:
        return False
    before = w.lower[name - 1]
    return before == "and" or (before == "the" and w.lower[name - 2] == "and")


@cache
def _joint_verbs() -> frozenset[str]:
    """The base forms of the verbs of joint statements ("reaffirm", "agree", "intend")."""
    lex = lexicon()
    verbs = lex.words("agreement", "plural_verbs") | lex.words("agreement", "stated_verbs")
    return verbs | lex.words("agreement", "joint_verbs")


# "a telephone call", "their phone calls": the parser read "call" after these as a verb.
_CALL_MEDIA = frozenset({"phone", "telephone", "video"})
_CALLS = frozenset({"call", "calls"})


def _hyphened(w: _Words, runs: dict[int, int]) -> dict[int, int]:
    """Token ranges of words the tokenizer split at a hyphen ("re-examined",
    "co-ordinated"), outside names: one word again for the parser, which read the
    pieces as verbs of their own and cut clauses at "re"."""
    found: dict[int, int] = {}
    inside = {j for start, end in runs.items() for j in range(start, end)}
    i = 0
    while i + 2 < len(w.text):
        end = i + 1
        while (
            end + 1 < len(w.text)
            and w.text[end] == "-"
            and not w.space[end - 1]
            and not w.space[end]
            and w.alpha[end + 1]
        ):
            end += 2
        if end > i + 1 and w.alpha[i] and w.text[i].islower() and not inside & {i, end - 1}:
            found[i] = end
            i = end
        else:
            i += 1
    return found


def read_article(
    article: Article,
    parsed: ParsedArticle,
    names: Sequence[Entity],
    people: PeopleTable,
    places: Collection[str] = (),
) -> list[Fact]:
    """The facts of one article, sentence by sentence, with a memory of what came before."""
    lex = lexicon()
    roles = people.roles
    memory = Memory(
        genders=_genders(article.text, names, people),
        speaker=_author(article, people.canonical),
        affiliations=people.affiliations,
    )
    titled = find_introductions(article.title or "")  # the headline's people, read once
    memory.saw_named(_titled_in_title(titled, people))
    memory.authors = _joint_authors(article.title or "", titled, people)
    if not memory.authors and _JOINT.search(article.title or ""):
        memory.authors = _leaders_of(article.text)
    placer = ArticleReader(article, [], roles, places)
    starts = [n.start for n in names]
    facts: list[Fact] = []
    before: Claim | None = None  # the claim of the sentence just before
    listing: Fact | None = None  # the meeting whose participants a list names
    for number, span in enumerate(article.sentences):
        here = list(names[bisect_left(starts, span.start) : bisect_left(starts, span.end)])
        listing = _listed_participants(article, span, here, facts, listing)
        sentence = parsed.sentences.get(number)
        if _SPEAKER_LABEL.match(article.text, span.start, span.end):
            memory.speaker = None  # "PRESIDENT BIDEN: Thank you.": a transcript's next turn
        if sentence is None:
            _remember_plain(article.text[span.start : span.end], span.start, here, memory)
            before = None
            continue
        sentence = _repaired(sentence, lex)
        parties = Parties(sentence, here, memory, roles, lex)
        reader = SentenceReader(sentence, parties, lex)
        _remember_speaker(reader, memory)
        found = reader.facts()
        claim = reader.claim()
        if before is not None and claim is not None and (claim.contrasted or claim.denies):
            contrasts = reader.contrast_with(before, claim)
            if claim.denies:
                found = [f for f in found if not _part_of(f, contrasts)]
            found.extend(contrasts)
        before = None if claim is not None and claim.denies else claim
        found = _one_each(found)
        for item in found:
            fact = _fact(article, span, item, sentence, placer)
            facts.append(_in_third_person(fact) if memory.authors else fact)
        _remember(reader, here, found, memory)
    _identify_lede(article, names, facts)
    return facts


def _identify_lede(article: Article, names: Sequence[Entity], facts: list[Fact]) -> None:
    """ "A former Home Office minister has called for ... . Barbara Roche said ...": news
    often describes the one its first sentence is about ("a", "an") and names them at
    the start of the next. The description in the first sentence's facts becomes that
    person, where the person is named nowhere before."""
    if len(article.sentences) < 2:
        return
    first, second = article.sentences[0], article.sentences[1]
    lede = [f for f in facts if f.span == first]
    named = next((n for n in names if n.is_person and first.start <= n.start < second.end), None)
    if not lede or named is None or not 0 <= named.start - second.start < _OPENING_CHARS:
        return  # someone named in the first sentence, or no one early in the next
    text = article.sentence_text(first)
    known = {n.name for n in names}
    for fact in lede:
        for p in fact.parties:
            if p not in known and regex.search(rf"\b[Aa]n?\s+{regex.escape(p)}\b", text):
                fact.parties = list(
                    dict.fromkeys(named.name if q == p else q for q in fact.parties)
                )
                if p in fact.positions:
                    fact.positions[named.name] = fact.positions.pop(p)
                break


# How far into the second sentence the person the first described is named.
_OPENING_CHARS = 60


def _listed_participants(
    article: Article, span: Span, here: list[Entity], facts: list[Fact], listing: Fact | None
) -> Fact | None:
    """Readouts list who took part after the meeting: "Participants in the call included
    Prime Minister A of Canada, President B of France, ..." or, as a list,
    "Participants in today's meeting included:" and one person a line. The people named
    join the meeting held the day the article was published (else its last meeting),
    whose evidence the listing sentence becomes too. Returns the meeting while a list of
    it goes on."""
    text = article.sentence_text(span)
    if listing is not None and text.count(" ") < _LIST_ITEM_WORDS and not text.endswith("."):
        _join(listing, span, [n.name for n in here if n.is_person])
        return listing
    opening = _PARTICIPANTS.match(text)
    if opening is None:
        return None
    held = [f for f in reversed(facts) if f.kind == "meeting" and f.status == "held"]
    # the meeting of the day the readout was published, not one "in May" told of after it
    meeting = next((f for f in held if f.date and f.date == article.published), None)
    meeting = meeting or next(iter(held), None)
    if meeting is None:
        return None
    if text.endswith(":"):  # the people are on the lines after
        if opening["named"]:
            meeting.extra_spans.append(span)
        return meeting
    after = span.start + opening.end()
    _join(meeting, span, [n.name for n in here if n.is_person and n.start >= after])
    return None


def _join(meeting: Fact, span: Span, people: list[str]) -> None:
    if people:
        meeting.parties.extend(p for p in dict.fromkeys(people) if p not in meeting.parties)
        meeting.extra_spans.append(span)


# "Participants in the call included", "Attendees at the meeting were", "Participants:",
# "Joining President Biden on the call were", "Leaders from today's meeting included:"
_PARTICIPANTS = regex.compile(
    r"(?P<named>(?:Other\s+)?(?:Participants|Attendees)\b[^.:;]{0,60}?"
    r"(?:\b(?:included|include|were)\b|:)"
    r"|Joining\b[^.:;]{0,80}?\bwere\b:?)"
    # "State legislative leaders from today's meeting included:", a list on the lines after
    # (of people or not: it says so only if people follow)
    r"|[^.:;]{0,80}?\b(?:included|include|were)\s*:$",
)
# A list item names one participant with a title: a few words, no full stop.
_LIST_ITEM_WORDS = 25


def _repaired(sentence: Sentence, lex: Lexicon) -> Sentence:
    """The parse with the slips the rules know how to mend put right (``tokens``)."""
    sentence = verbs_as_verbs(sentence, lex.forms)
    sentence = verbs_taking_a_clause(sentence, lex.forms)
    sentence = subjects_read_as_objects(sentence, lex.speech_forms | lex.denial_forms)
    sentence = inverted_subjects_read_as_objects(sentence, lex.speech_forms)
    sentence = subjects_read_as_punctuation(sentence)
    sentence = adverbs_read_as_subjects(sentence)
    sentence = acronyms_read_as_subjects(sentence)
    sentence = progressives_read_as_nouns(sentence, lex.forms)
    sentence = gerunds_read_as_nouns(sentence, lex.forms)
    sentence = nouns_read_as_verbs(sentence, lex.noun_forms)
    sentence = people_joined_to_a_place(sentence)
    sentence = verb_under_a_nominal_root(sentence)
    sentence = verb_after_a_companion(sentence)
    sentence = verb_read_as_a_modifier(sentence)
    sentence = verb_after_a_nominal_root(sentence)
    sentence = verbs_with_a_subject_read_as_modifiers(sentence)
    sentence = verb_read_as_a_noun_root(sentence, lex.forms)
    sentence = infinitives_on_a_verb(sentence)
    sentence = participles_after_a_possessive(sentence)
    sentence = prepositions_on_a_modifier(sentence)
    sentence = clauses_read_as_objects(sentence)
    sentence = clause_before_a_dash(sentence)
    return reasons_on_the_verb(sentence)


def _titled_in_title(titled: list[Mention], people: PeopleTable) -> list[str]:
    """The people the batch knows whom a headline names with a title ("Readout of
    President Biden's Call with Speaker Pelosi"): whom "the President" means in a text
    that never names him (``titled``: the headline's introductions). The text's own
    people come after them, so they go first."""
    found = [people.canonical.get(m.name) for m in titled]
    return [name for name in found if name and name in people.roles]


def _joint_authors(title: str, titled: list[Mention], people: PeopleTable) -> list[str]:
    """Who signs a joint statement, by its title ("Joint Statement by President A and
    Prime Minister B", "United States-France Joint Statement", "Joint Statement on
    United States-Ukraine Meeting"): the people it names with a title (as the batch
    names them, or as the title does: a statement in the first person may name its
    signers nowhere else), or else the states and bodies; two at least. Not a party
    the title names as a topic after a later preposition ("... Announcing Further
    Economic Costs on Russia"), nor the speakers of remarks or a press call about a
    joint statement, whose "we" is the one speaking."""
    joint = _JOINT.search(title)
    if joint is None or _SPOKEN.search(title):
        return []
    named = [_known(m.name, people) or m.name for m in titled]
    if len(set(named)) >= 2:
        return list(dict.fromkeys(named))
    gaz = gazetteer()
    states = [
        state
        for m in patterns().party.finditer(title)
        if (state := gaz.party(m.group())) is not None
        and not (m.start() > joint.end() + 4 and _TOPIC_BEFORE.search(title, 0, m.start()))
    ]
    states = list(dict.fromkeys(states))
    return states if len(states) >= 2 else []


def _leaders_of(text: str) -> list[str]:
    """The states or bodies a joint statement names as its signers where its title does
    not: "We, the leaders of Japan, the Republic of Korea (ROK), and the United States
    (U.S.), commemorate ..." (two at least, in a row)."""
    opening = _WE_THE_LEADERS.search(text)
    if opening is None:
        return []
    gaz = gazetteer()
    signers: list[str] = []
    at = opening.end()
    # "the United\nStates" wrapped in the source; "(ROK)" no signer of its own
    text = _BRACKETED.sub(lambda m: " " * len(m[0]), text[: at + 300].replace("\n", " "))
    for m in patterns().party.finditer(text, at):
        if not _BETWEEN_SIGNERS.fullmatch(text, at, m.start()):
            break
        if (party := gaz.party(m.group())) is None:
            break
        signers.append(party)
        at = m.end()
    signers = list(dict.fromkeys(signers))
    return signers if len(signers) >= 2 else []


def _known(form: str, people: PeopleTable) -> str | None:
    """The person of the batch a title's name is: by a form the batch knows, or the one
    whose full name it is short for ("Lopez Obrador" of "Andres Manuel Lopez Obrador")."""
    name = people.canonical.get(form)
    if name is None:
        longer = [r for r in people.roles if is_short_form(form, r)]
        name = longer[0] if len(longer) == 1 else None
    return name if name in people.roles else None


def _author(article: Article, canonical: Mapping[str, str]) -> str | None:
    """The one who speaks as "I" in a statement published under their name ("Statement
    by President Biden on ..."): the person the batch knows by that surname."""
    m = _STATEMENT.match(article.title or "")
    return canonical.get(m["who"].split()[-1]) if m else None


def _genders(text: str, names: Sequence[Entity], people: PeopleTable) -> dict[str, str]:
    """ "female" or "male" for each person the article marks as one, by an honorific or
    title just before a mention ("Mr Brown", "Queen Rania") or the last word of the role
    ("spokeswoman"), or a given name the census finds one sex bears ("Harriet"); a
    person marked both ways is left out.

    An honorific counts only for a surname no other person of the batch has ("Mrs Obama"
    may have been resolved to Barack, whose wife the brief also names), or for a person
    this article names in full and no other person of it shares the surname with: a
    brief of many articles names many Browns, but "Ms Robinson" after "Anne Robinson"
    is she.
    """
    words = gazetteer().sex_of
    marks: dict[str, set[str]] = {}
    here = Counter(n.split()[-1] for n in {e.name for e in names if e.is_person})
    for named in names:
        if not named.is_person:
            continue
        said = people.roles.get(named.name, "").split()[-1:]
        before = _LAST_WORD.search(text, max(0, named.start - 12), named.start)
        surname = named.name.split()[-1]
        alone = surname not in people.shared_surnames or (
            here[surname] == 1 and " " in named.name and named.name in text
        )
        if before and alone:
            said.append(before["word"])
        for word in said:
            if word in words:
                marks.setdefault(named.name, set()).add(words[word])
        if " " in named.name and (sex := given_name_sex(named.name.split()[0])):
            marks.setdefault(named.name, set()).add(sex)  # "Harriet Harman" is no "he"
    return {name: kinds.pop() for name, kinds in marks.items() if len(kinds) == 1}


def _part_of(item: Found, contrasts: list[Found]) -> bool:
    """Whether ``item`` is one side of a contrast with the sentence before: "X denied
    the police were told" is X's side of the dispute with the one who said they were."""
    names = {p.name for p in item.parties}
    return item.kind == "disagreement" and any(
        names < {p.name for p in c.parties} for c in contrasts
    )


def _one_each(found: list[Found]) -> list[Found]:
    """One fact per kind and set of parties in a sentence ("held talks" is read twice).

    Parties that agree in a sentence do not also disagree among themselves in it:
    "A, B and C condemn the attacks" is their joint statement, not a dispute.
    """
    agreed = {frozenset(p.name for p in i.parties) for i in found if i.kind == "agreement"}
    seen: set[tuple[str, frozenset[str]]] = set()
    out = []
    for item in found:
        key = (item.kind, frozenset(p.name for p in item.parties))
        if (key in seen and not item.conjunct) or (
            item.kind == "disagreement" and key[1] in agreed
        ):
            continue
        seen.add(key)
        out.append(item)
    return out


def _fact(
    article: Article, span: Span, item: Found, sentence: Sentence, placer: ArticleReader
) -> Fact:
    text = article.sentence_text(span)
    named = {p.name: _party_name(p) for p in item.parties}
    names = list(dict.fromkeys(named.values()))
    fact = Fact(item.kind, article, span, names, what=as_printed(item.what, sentence))
    if item.kind == "meeting":
        fact.status = item.status
        fact.date, fact.when = resolve_when(
            _without_asides(text, span, sentence, item.token), article.published
        )
        if item.format:
            fact.format = item.format
        elif _VIRTUAL.search(text):
            fact.format = "virtual"
        elif _PHONE.search(text) or (
            sentence.tokens[item.token].lower in _SPEAKING
            and _CALL_TITLE.search(article.title or "")
        ):
            fact.format = "call"  # (also "spoke with X" in the readout of a call with X)
        where = _without_purpose(text, span, sentence, item.token)
        fact.location = None if fact.format in ("call", "virtual") else placer._place(where)
        fact.occasion = occasion_in(text)
        if duration := _DURATION.search(text):
            fact.duration = duration.group()
    if item.positions:
        # A position is printed after its party's name and a colon: its capital stays.
        fact.positions = {
            named.get(k, k): _paired_quotes(v, text) for k, v in item.positions.items() if v
        }
    return fact


def _party_name(party: Party) -> str:
    """A party's name in a brief: a political party by one name however the text names
    it ("the Tories", "the Conservative Party": "Conservatives")."""
    if party.is_person:
        return party.name  # "Mr Green" is no Green Party
    parties = gazetteer().political_parties
    return parties.get(party.name) or parties.get(
        party.name.replace(" party", " Party"), party.name
    )


def _in_third_person(fact: Fact) -> Fact:
    """A joint statement's fact told of its signers, as a brief prints it: "Biden and
    Lopez Obrador reaffirmed their commitment", not "... reaffirmed our commitment"."""
    fact.what = _third_person(fact.what) if fact.what else fact.what
    fact.parties = [_third_person(p) for p in fact.parties]
    if fact.positions:
        fact.positions = {_third_person(k): _third_person(v) for k, v in fact.positions.items()}
    return fact


_FIRST_PLURAL = {
    "we": "they", "We": "They", "us": "them", "our": "their", "Our": "Their",
    "ours": "theirs", "ourselves": "themselves",
}  # fmt: skip
_FIRST_PLURAL_WORD = regex.compile(r"\b(?:" + "|".join(_FIRST_PLURAL) + r")\b")


def _third_person(text: str) -> str:
    return _FIRST_PLURAL_WORD.sub(lambda m: _FIRST_PLURAL[m[0]], text)


def _without_asides(text: str, span: Span, sentence: Sentence, predicate: int) -> str:
    """The sentence with its relative clauses, and the clauses with a subject of their
    own, blanked, but those that hold the predicate: "Mr Trump, who won the election on
    Wednesday, said it was an honour to meet Mr Obama" and "Their meeting is a far cry
    from how Mr Bush greeted the Obamas in November 2008" say nothing of the day they
    met."""
    asides = [
        sentence.subtree(t.i)
        for t in sentence.tokens
        if t.dep == "acl:relcl"
        or (t.pos in ("VERB", "AUX") and t.rel != "root" and sentence.children(t.i, "nsubj"))
    ]
    return _blanked(text, span, sentence, [a for a in asides if predicate not in a])


def _without_purpose(text: str, span: Span, sentence: Sentence, predicate: int) -> str:
    """The sentence with the purpose of its meeting blanked: "spoke with X to discuss the
    terror attack tonight in Jerusalem" was not held in Jerusalem."""
    purposes = [
        sentence.subtree(k.i)
        for k in sentence.children(predicate, "advcl", "xcomp")
        if k.i > predicate and any(c.lower == "to" for c in sentence.children(k.i, "mark"))
    ]
    return _blanked(text, span, sentence, purposes)


def _blanked(text: str, span: Span, sentence: Sentence, parts: list[list[int]]) -> str:
    """The sentence's ``text`` with the words of each part (token indices), and the
    space after them, blanked."""
    chars = list(text)
    tokens = sentence.tokens
    for inside in parts:
        last = max(inside)
        end = tokens[last + 1].start if last + 1 < len(tokens) else span.end
        for c in range(tokens[min(inside)].start - span.start, end - span.start):
            chars[c] = " "
    return "".join(chars)


# Words whose capital only says that a sentence or a quotation starts with them.
_CAPITALISED_BY_PLACE = frozenset(
    {"NOUN", "VERB", "AUX", "DET", "PRON", "ADV", "ADP", "SCONJ", "CCONJ", "PART", "NUM"}
)


def as_printed(text: str, sentence: Sentence) -> str:
    """A fact's clause as a brief prints it after a name: its quotation marks
    paired ('suggested it would "demand a response"', where the clause ended inside
    the quote) and, when it opens a quotation or the sentence, its first word in
    lower case ("Patricia Hewitt proposed adults should be treated as adults")."""
    text = _paired_quotes(text, sentence.text)
    word = text.split(" ", 1)[0]
    first = next((t for t in sentence.tokens if t.text == word), None)
    if (
        first is not None
        and first.text[:1].isupper()
        and not first.text.isupper()
        and first.pos in _CAPITALISED_BY_PLACE
        and (first.i == 0 or sentence.tokens[first.i - 1].text in _OPENERS)
    ):
        text = text[0].lower() + text[1:]
    return text


_OPENERS = frozenset({'"', "“", "'", "‘", ":", "(", "-", "–", "—"})


def _paired_quotes(text: str, source: str = "") -> str:
    """A quotation the clause opened is closed; a closing mark whose opening the
    clause left out is dropped, or opened again where the source's quotation starts
    with the text ('misrepresenting" the plans' -> '"misrepresenting" the plans', but
    'condemned" the deletion' of '"totally condemned" the deletion' loses its mark)."""
    if text.count('"') % 2:
        first = text.index('"')
        if first > 0 and '"' + text[: first + 1] in source:
            return _paired_quotes('"' + text)
        last = text.rindex('"')
        opens = last == 0 or text[last - 1] in " (["
        text = text + '"' if opens else text[:last] + text[last + 1 :]
    opened, closed = text.count("“"), text.count("”")
    if opened > closed:
        text += "”" * (opened - closed)
    elif closed > opened:
        text = text.replace("”", "", closed - opened)
    return text


# A verb of saying after its speaker ("David Rose, chief executive of the trust, had
# said", "Mr Hayman acknowledged that"), at most _SPEAKER_GAP characters after the name.
_SAYING = regex.compile(
    r"\b(?:said|says|added|adds|told|tells|insisted|insists|warned|warns|explained|declared|"
    r"stated|acknowledged|admitted|argued|argues|claimed|claims|stressed|maintained|replied)\b"
)
_SPEAKER_GAP = 80
# '..., said X' after a quotation: X is named within a title's length after the verb.
_AFTER_A_QUOTE = regex.compile(r'[,"”]\s*$')
_INVERTED_GAP = 40
_INVERTED_WORDS = 6
# "he said", "she added": a pronoun right before the verb of saying.
_SAID_BY_PRONOUN = regex.compile(r"\b(he|she|He|She)\s+$")
# A transcript's speaker label: "PRESIDENT YOON:", "Q:", "MS. JEAN-PIERRE:".
_SPEAKER_LABEL = regex.compile(r"[^\S\n]*\p{Lu}[\p{Lu}\p{M} .'’-]*:")


def _remember_plain(text: str, offset: int, here: list[Entity], memory: Memory) -> None:
    """What a sentence the parser did not read leaves behind: the people it names, and
    who speaks in the quotes after it ("Earlier, David Rose, chief executive of the
    trust, had said: "It is with real regret ...", a sentence with no trigger)."""
    person = next((n.name for n in here if n.is_person), None)
    if person and not _quoting_the_speaker(text, memory):
        memory.saw_person(person)
    memory.saw_named(n.name for n in here if n.is_person)
    if (saying := _SAYING.search(text)) is not None:
        at = offset + saying.start()
        before = [n for n in here if n.is_person and n.end <= at]
        after = [n for n in here if n.is_person and n.start >= offset + saying.end()]
        pronoun = _SAID_BY_PRONOUN.search(text, 0, saying.start())
        if pronoun is not None:
            # '"...," he said.': the newest person "he" can stand for, or no one known
            word = pronoun[1].lower()
            memory.speaker = next(
                (p for p in reversed(memory.people) if memory.fits(p, word)), None
            )
        elif before and at - before[-1].end <= _SPEAKER_GAP:
            # "In a speech on the re-election of George W Bush, Mr Kennedy said ...": the
            # one who says it is whom the next "he" means; but "Mr Blair, who returned Mr
            # Livingstone to the party, insisted": the one before the relative clause
            between = text[before[-1].end - offset : saying.start()]
            memory.speaker = (before[0] if "," in between else before[-1]).name
            memory.saw_person(memory.speaker)
        elif (
            _AFTER_A_QUOTE.search(text, 0, saying.start())
            and after
            and after[0].start - (offset + saying.end()) <= _INVERTED_GAP
        ):
            # '"We believe ...," said co-ordinator Peter Facey.'
            memory.speaker = after[0].name
            memory.saw_person(memory.speaker)


def _quoting_the_speaker(text: str, memory: Memory) -> bool:
    """Whether a sentence is a quotation going on from the last speaker's words ('Mr
    Kennedy said: "..." "With the stealth tax strategy of Gordon Brown, ..."'): the
    people it names are talked about, not whom the next "he" means."""
    text = text.strip()
    marks = sum(text.count(m) for m in ('"', "“", "”"))
    # 'breaking down."': a mark closing at the end, right after the full stop (one after
    # a space, 'Mr Willetts. "', opens the next sentence's quotation)
    opened_before = marks % 2 == 1 and text[-1:] in ('"', "”") and text[-2:-1] in ".!?,"
    return memory.speaker is not None and (text[:1] in ('"', "“") or opened_before)


def _reported_by_others(reader: SentenceReader, item: Found) -> bool:
    """Whether ``item`` is said in a clause that others, named as the subject of the verb
    it hangs on, report: "A and B emphasized that C and D are committed to ..."."""
    names = {p.name for p in item.parties}
    t = reader.s.tokens[item.token]
    for a in reader.s.ancestors(item.token):
        if t.rel == "ccomp":
            speakers = [p for k in reader.s.children(a.i, "nsubj") for p in reader.p.of(k.i)]
            if speakers and not names & {p.name for p in speakers}:
                return True
        t = a
    return False


def _remember_speaker(reader: SentenceReader, memory: Memory) -> None:
    """ "X said: ..." makes X the one speaking in the quotes that follow."""
    for t in reader.s.tokens:
        if reader.lemma(t) in reader.speech and t.pos in ("VERB", "AUX"):
            speakers = [p.name for p in reader.subjects(t) if p.is_person]
            if not speakers and t.i > 0 and reader.s.tokens[t.i - 1].rel == "punct":
                # '"We welcome it," said campaign chief X.': X, however the parser hung it
                speakers = [
                    reader.p.at[i].name
                    for i in reader.s.subtree(t.i)
                    if t.i < i <= t.i + _INVERTED_WORDS
                    and i in reader.p.at
                    and reader.p.at[i].is_person
                ]
            if speakers:
                memory.speaker = speakers[0]
                return


def _person_subject(reader: SentenceReader, t: Token) -> str | None:
    """The person ``t`` names if it is a subject: by name, or by a role ("The President
    spoke with Prime Minister X": the President, not X, is whom the next "he" means), or
    the one who says it ("- as proved, he claimed, by the defection of X -": he, not X)."""
    if t.rel != "nsubj":
        return None
    named = reader.p.at.get(t.i)
    if named is not None:
        return named.name if named.is_person else None
    head = reader.s.tokens[t.head]
    main = head.rel == "root" or reader.lemma(head) in reader.speech
    if t.pos == "PRON" and (t.lower not in ("he", "she") or not main):
        return None  # but "He went on to accuse Mr Brown": still he, not Mr Brown, next
    parties = reader.p.of(t.i, expand=False)
    return parties[0].name if len(parties) == 1 and parties[0].is_person else None


def _remember(
    reader: SentenceReader, here: list[Entity], found: list[Found], memory: Memory
) -> None:
    subject = next(filter(None, (_person_subject(reader, t) for t in reader.s.tokens)), None)
    if subject is None and not _quoting_the_speaker(reader.s.text, memory):
        subject = next((n.name for n in here if n.is_person), None)
    if subject:
        memory.saw_person(subject)
    memory.saw_named(n.name for n in here if n.is_person)
    groups = []
    for item in found:
        # "The leaders", "they": the people who last met, or agreed; not a meeting named
        # in passing ("a continuation of the discussions held in Reykjavik between A and B",
        # "They lauded the visit ..., the summit with X").
        people = [p for p in item.parties if p.is_person]
        t = reader.s.tokens[item.token]
        if t.pos == "NOUN" and not (
            t.rel in ("root", "nsubj") or (t.rel == "obl" and reader.s.case(t.i))
        ):
            continue
        if _reported_by_others(reader, item):
            continue  # "A and B emphasized that C and D are committed to ...": A and B's
        if (item.kind == "meeting" and len(item.parties) >= 2) or (
            item.kind == "agreement" and len(people) >= 2
        ):
            groups.append(item)
    if groups:
        # "Following A's call with B, C met D": the main clause's group, not the one
        # of a phrase leading up to it
        main = min(groups, key=lambda item: sum(1 for _ in reader.s.ancestors(item.token)))
        memory.saw_group([p.name for p in main.parties])
        return
    # "Tony Blair and Michael Howard spoke ...": two people named together as the main
    # verb's subject, for "the two leaders" where no meeting or agreement names a group
    root = reader.s.root()
    head = next((k for k in reader.s.children(root.i, "nsubj")), None) if root else None
    if head is not None and reader.s.children(head.i, "conj"):
        together = reader.p.of(head.i)
        if len(together) == 2 and all(p.is_person for p in together):
            memory.pair = [p.name for p in together]
