"""Holding the model's answer to the text: every fact quoted, every party named.

A model can be wrong, and an article can try to steer it (text that reads
like instructions). Neither can put a fact in the digest that its source does
not state, because every fact must pass these checks, whatever the answer says:

1. **The quote is in the article**: exactly, or after folding runs of
   whitespace into one space and curly quotes, guillemets and primes into
   straight ones. The quote becomes evidence: the article's own sentence(s)
   that hold it, with their offsets, never the model's copy.
2. **It states something**: at least ``MIN_QUOTE_WORDS`` words, and it is not
   text addressed to a language model (``_ADDRESSED_TO_MODEL``): an
   instruction in an article is never a report of what happened.
3. **Its parties are named**: each party (participant, author) is named by
   the text up to the end of the quote (so "He met ..." and "The two
   leaders agreed ..." keep the names given before them), leaving out the
   sentences addressed to a model: an instruction cannot bring a name in.
   A name counts as itself, a person's surname, or any name the gazetteer
   gives the same state or organisation ("U.S." for "United States").

A fact that fails is dropped and counted with its reason. A fact that passes
keeps only the details the text bears out: a location, occasion, time or
duration not found in the quote or the ``CONTEXT_SENTENCES`` before it is
left empty, and a "what" the text does not contain there is replaced by the
quoted sentence itself, so every word a brief shows of a fact is the source's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from briefgen.extract.dates import resolve_when
from briefgen.extract.facts import Fact
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.mentions import Mention
from briefgen.extract.people import core_words
from briefgen.model import Article, Span

MIN_QUOTE_WORDS = 3
CONTEXT_SENTENCES = 5

_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟«»″〝〞＂"} | {c: "'" for c in "‘’‚‛′`´＇"})
_SPACE = regex.compile(r"\s+")

# Text that speaks to a model rather than about the world: prompt injection.
_ADDRESSED_TO_MODEL = regex.compile(
    r"\b(?:ignore|disregard|forget|override)\s+"
    r"(?:(?:all|any|of|the|your|my|previous|prior|above|earlier|preceding|these|those|system)"
    r"\s+){0,4}(?:instructions?|rules|prompts?|guidelines|directions|task)\b"
    r"|\b(?:system|developer)\s+(?:prompt|message|instructions?)\b"
    r"|\byou\s+are\s+(?:now\s+)?(?:an?\s+)?(?:AI|assistant|language\s+model|LLM|chatbot)\b"
    r"|\b(?:as\s+an?\s+)?(?:AI|large)\s+language\s+model\b"
    r"|\b(?:AI|LLM|language\s+model|assistant|extractor)s?\s*[,:]\s*(?:please\s+)?"
    r"(?:list|add|report|include|output|return|say|extract)\b"
    r"|<<<\s*(?:ARTICLE|END)\b",
    regex.IGNORECASE,
)


@dataclass
class Dropped:
    kind: str
    reason: str
    quote: str


@dataclass
class Grounded:
    """One article's findings that the text bears out, and what was dropped."""

    people: list[Mention] = field(default_factory=list)
    evidence: dict[str, list[Span]] = field(default_factory=dict)  # person -> sentences
    facts: list[Fact] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


class FoldedText:
    """An article's text with whitespace and quote marks folded, mapped back to offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        where: list[int] = []
        space = False
        for i, ch in enumerate(text):
            if ch.isspace():
                if not space:
                    chars.append(" ")
                    where.append(i)
                space = True
                continue
            space = False
            chars.append(ch.translate(_QUOTE_MARKS))
            where.append(i)
        self.folded = "".join(chars)
        self.where = where

    def find(self, quote: str) -> tuple[int, int] | None:
        """``[start, end)`` of ``quote`` in the original text, or None."""
        quote = quote.strip()
        if not quote:
            return None
        exact = self.text.find(quote)
        if exact >= 0:
            return exact, exact + len(quote)
        folded = fold(quote)
        at = self.folded.find(folded)
        if at < 0 or not folded:
            return None
        return self.where[at], self.where[at + len(folded) - 1] + 1

    def contains(self, words: str, start: int = 0, end: int | None = None) -> bool:
        """Whether ``words`` (folded, any case) appear within ``text[start:end]``."""
        folded = fold(words).lower()
        if not folded:
            return False
        return folded in fold(self.text[start:end]).lower()


@lru_cache(maxsize=1)
def _party_forms() -> dict[str, frozenset[str]]:
    """Each state or organisation's canonical name -> every form that names it."""
    forms: dict[str, set[str]] = {}
    for form, canonical in gazetteer().parties.items():
        forms.setdefault(canonical, {canonical}).add(form)
    return {name: frozenset(f) for name, f in forms.items()}


@lru_cache(maxsize=1)
def _title() -> regex.Pattern[str]:
    gaz = gazetteer()
    honorifics = "|".join(regex.escape(h) for h in sorted(gaz.honorifics, key=len, reverse=True))
    return regex.compile(rf"^(?:(?:{gaz.role_pattern}|{honorifics})\.?\s+)+(?=\p{{Lu}})")


def clean_name(name: str) -> str:
    """A name as the digest keeps it: folded, without a title before it ("President Biden")."""
    name = fold(name)
    bare = _title().sub("", name)
    return bare if bare.strip() else name


def name_forms(name: str) -> set[str]:
    """The forms that count as the text naming ``name``."""
    name = fold(name)
    forms = {name}
    canonical = gazetteer().party(name)
    if canonical is not None:
        forms |= _party_forms().get(canonical, {canonical})
        return forms
    words = [w for w in core_words(name) if w not in gazetteer().honorifics]
    if len(words) > 1:
        forms.add(words[-1])
        if "-" in words[-1]:  # "Chung Eui-yong": the family name comes first
            forms.add(words[0])
    return {f for f in forms if len(f) > 1}


def _names(text: str, name: str) -> bool:
    return any(
        regex.search(rf"(?<![\w]){regex.escape(form)}(?![\w])", text) for form in name_forms(name)
    )


class Grounding:
    """The checks above, for one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = FoldedText(article.text)
        self.starts = [s.start for s in article.sentences]
        self.ends = [s.end for s in article.sentences]
        # The text as a report: sentences addressed to a model blanked out, offsets kept.
        reported = list(article.text)
        for span in article.sentences:
            if _ADDRESSED_TO_MODEL.search(article.text, span.start, span.end):
                reported[span.start : span.end] = " " * (span.end - span.start)
        self.reported = FoldedText("".join(reported))

    # -- where a quote is ---------------------------------------------------------------

    def sentences(self, start: int, end: int) -> list[Span]:
        """The article's sentences that hold ``[start, end)`` (the quote itself if none)."""
        spans = self.article.sentences
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        found = list(spans[first:last])
        return found or [Span(start, end)]

    def window(self, spans: Sequence[Span]) -> str:
        """The quoted sentences and the ``CONTEXT_SENTENCES`` before them, folded."""
        first = bisect_left(self.starts, spans[0].start)
        begin = self.starts[max(0, first - CONTEXT_SENTENCES)] if self.starts else spans[0].start
        return fold(self.article.text[begin : spans[-1].end])

    def told_before(self, spans: Sequence[Span]) -> str:
        """The report up to the end of the quote, folded: where its parties must be named."""
        return self.reported.folded[: bisect_left(self.reported.where, spans[-1].end)]

    def locate(self, kind: str, quote: str, dropped: list[Dropped]) -> list[Span] | None:
        where = self.text.find(quote)
        if where is None:
            dropped.append(Dropped(kind, "its quote is not in the article", quote))
            return None
        if len(quote.split()) < MIN_QUOTE_WORDS:
            dropped.append(Dropped(kind, "its quote is too short to state a fact", quote))
            return None
        spans = self.sentences(*where)
        said = self.article.text[spans[0].start : spans[-1].end]
        if _ADDRESSED_TO_MODEL.search(said):
            dropped.append(Dropped(kind, "its quote is addressed to a model, not a report", quote))
            return None
        return spans

    # -- the checks, kind by kind -------------------------------------------------------

    def ground(self, answers: Iterable[dict[str, Any]]) -> Grounded:
        out = Grounded()
        seen: set[tuple[Any, ...]] = set()
        for answer in answers:
            for person in answer.get("people", []):
                self._person(person, out)
            for kind in ("meetings", "agreements", "disagreements", "proposals"):
                for item in answer.get(kind, []):
                    fact = self._fact(kind.removesuffix("s"), item, out.dropped)
                    if fact is None:
                        continue
                    key = (fact.kind, fact.span, tuple(fact.parties), fact.what)
                    if key not in seen:  # chunks overlap: the same fact twice
                        seen.add(key)
                        out.facts.append(fact)
        return out

    def _person(self, item: dict[str, Any], out: Grounded) -> None:
        name = clean_name(item.get("name") or "")
        spans = self.locate("person", item.get("quote") or "", out.dropped)
        if spans is None:
            return
        said = self.article.text[spans[0].start : spans[-1].end]
        found = _first_form(said, name)
        if found is None:
            out.dropped.append(Dropped("person", "the person is not named in its quote", said))
            return
        role = item.get("role")
        if role and not self.text.contains(role, spans[0].start, spans[-1].end):
            role = None
        affiliation = item.get("affiliation")
        if affiliation and not _names(self.text.folded, affiliation):
            affiliation = None
        start = spans[0].start + found[0]
        out.people.append(
            Mention(start, start + found[1] - found[0], name, role, affiliation, cue="llm")
        )
        out.evidence.setdefault(name, []).append(spans[0])

    def _fact(self, kind: str, item: dict[str, Any], dropped: list[Dropped]) -> Fact | None:
        quote = item.get("quote") or ""
        spans = self.locate(kind, quote, dropped)
        if spans is None:
            return None
        raw = item.get("participants") if kind == "meeting" else item.get("parties")
        if kind == "proposal":
            raw = [item["by"]] if item.get("by") else []
        parties = list(dict.fromkeys(clean_name(p) for p in raw or [] if p and p.strip()))
        if len(parties) < (1 if kind == "proposal" else 2):
            dropped.append(Dropped(kind, "it names too few parties", quote))
            return None
        told = self.told_before(spans)
        unnamed = [p for p in parties if not _names(told, p)]
        if unnamed:
            # Counted, not named: an invented name stays out of every file.
            dropped.append(Dropped(kind, "the text up to its quote does not name a party", quote))
            return None
        sentence = self.article.text[spans[0].start : spans[-1].end]
        window = self.window(spans)
        fact = Fact(kind, self.article, spans[0], parties, extra_spans=list(spans[1:]))

        def near(value: Any) -> str | None:
            """``value`` when the text around the quote has it, else nothing."""
            if not isinstance(value, str) or not value.strip():
                return None
            return fold(value) if fold(value).lower() in window.lower() else None

        if kind == "meeting":
            fact.format = item.get("format")
            fact.status = "planned" if item.get("status") == "planned" else "held"
            if fact.format not in ("call", "virtual"):
                fact.location = _place(near(item.get("location")))
            fact.occasion = near(item.get("occasion"))
            fact.duration = near(item.get("duration"))
            when = near(item.get("when"))
            if when is not None:
                fact.date, fact.when = resolve_when(when, self.article.published)[0], when
            else:
                fact.date, fact.when = resolve_when(sentence, self.article.published)
        elif kind == "disagreement":
            fact.what = near(item.get("topic"))
            for position in item.get("positions") or []:
                party = clean_name(position.get("party") or "")
                words = near(position.get("position"))
                if party in parties and words:
                    fact.positions.setdefault(party, words)
        else:
            fact.what = near(item.get("what")) or fold(sentence)
        return fact


def _place(location: str | None) -> str | None:
    """A seat of government as the place it is in ("the White House" is Washington),
    as the gazetteer says for every extractor."""
    if location is None:
        return None
    venue = regex.sub(r"^(?:the|The)\s+", "", location)
    return gazetteer().venues.get(venue, location)


def _first_form(sentence: str, name: str) -> tuple[int, int] | None:
    """Where ``sentence`` names ``name`` (the fullest form first), as offsets in it."""
    text = sentence.translate(_QUOTE_MARKS)
    for form in sorted(name_forms(name), key=len, reverse=True):
        pattern = r"(?<![\w])" + r"\s+".join(map(regex.escape, form.split())) + r"(?![\w])"
        if m := regex.search(pattern, text):
            return m.start(), m.end()
    return None
