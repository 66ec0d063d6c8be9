"""Sentence splitting on spaCy's blank English pipeline.

The blank pipeline needs no model download: its tokenizer already keeps news
abbreviations such as ``U.S.``, ``Gen.``, ``Oct.`` and ``S. Korea``'s ``S.`` in
one token, so the rule-based sentencizer does not break sentences at them.
Three rules are added on top: a line break always ends a sentence (article
text keeps one paragraph per line), an abbreviation that ends a sentence
(``... in the U.S. The talks ...``) does too when the next word is a common
sentence opener, and a photo credit in capitals that a scraped page ran into
the text (``... his team. GETTY*EPA Donald Trump meets ...``) starts a new
one. Each article goes through the pipeline whole (one ``Doc`` an article
costs less than one a line) and its sentences are cut at line breaks
afterwards.

spaCy is imported on first use, so commands that never split text stay fast.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from briefgen.ingest.conventions import credit_ends
from briefgen.model import Span
from briefgen.yamlsafe import safe_load

if TYPE_CHECKING:
    from spacy.language import Language

_LINE = re.compile(r"[^\n]+")
_CHUNK_CHARS = 100_000
# spaCy's tokenizer takes time in the square of a run of punctuation, which
# it peels one prefix or suffix at a time (20,000 "(" took over a minute).
# Text has no such runs; junk does. The middle of a run of more than
# _RUN_CHARS punctuation marks is replaced by letters before spaCy sees it:
# same length, so offsets hold, and its first and last few marks stay, so
# "!!!...!!!" still ends a sentence.
_RUN_CHARS = 20
_KEPT_AT_ENDS = 4
_LONG_RUN = re.compile(rf"(?:[^\w\s]|_){{{_RUN_CHARS + 1},}}")


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, list[str]]:
    """The word lists of ``briefgen/data/sentences.yaml``, read once."""
    text = resources.files("briefgen.data").joinpath("sentences.yaml").read_text("utf-8")
    lists: dict[str, list[str]] = safe_load(text)
    return lists


@lru_cache(maxsize=1)
def _opener_after_abbreviation() -> re.Pattern[str]:
    """Where an abbreviation's full stop ends a sentence: before a common sentence opener
    (``openers``)."""
    openers = "|".join(map(re.escape, _word_lists()["openers"]))
    return re.compile(rf"(?<=\w\.)\s+(?=(?:{openers})\b)")


@lru_cache(maxsize=1)
def _before_credit() -> re.Pattern[str]:
    """Where a photo credit in capitals starts a caption inside a line (``credits``)."""
    credits = "|".join(map(re.escape, _word_lists()["credits"]))
    return re.compile(rf"(?<=\S)\s+(?=(?:{credits})(?:[*/][A-Za-z]+)*\s)")


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared blank English pipeline with a rule-based sentencizer."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> tuple[Span, ...]:
    """Character spans of the sentences of ``text``, without surrounding white space."""
    spans: list[Span] = []
    nlp = pipeline()
    shielded = _LONG_RUN.sub(_shield, text)
    for chunk_start, chunk_end in _chunks(text):
        for sent in nlp(shielded[chunk_start:chunk_end]).sents:
            _add_sentence(spans, text, chunk_start + sent.start_char, chunk_start + sent.end_char)
    return tuple(spans)


def _shield(m: re.Match[str]) -> str:
    run = m[0]
    middle = len(run) - 2 * _KEPT_AT_ENDS
    return run[:_KEPT_AT_ENDS] + "x" * middle + run[-_KEPT_AT_ENDS:]


def _chunks(text: str) -> list[tuple[int, int]]:
    """``text`` in pieces spaCy accepts, cut where a sentence surely ends.

    spaCy refuses texts over ``nlp.max_length`` (a million characters) and
    its memory grows with the text. An article is one piece; a pasted book
    or a 10 MB line is cut at a line break, else after a full stop and a
    space, else at a space, else anywhere: each within the last half of a
    piece, so the pieces stay large and the work linear.
    """
    pieces = []
    start = 0
    while len(text) - start > _CHUNK_CHARS:
        end, earliest = start + _CHUNK_CHARS, start + _CHUNK_CHARS // 2
        cut = text.rfind("\n", earliest, end)
        if cut < 0 and (stop := text.rfind(". ", earliest, end)) >= 0:
            cut = stop + 1
        if cut < 0:
            cut = text.rfind(" ", earliest, end)
        cut = end if cut < 0 else cut
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _add_sentence(spans: list[Span], text: str, sent_start: int, sent_end: int) -> None:
    """spaCy's sentence, cut at line breaks, at an abbreviation that ends a sentence,
    before a photo credit in capitals and after a credit in parentheses."""
    for line in _LINE.finditer(text, sent_start, sent_end):
        start = line.start()
        cuts = [
            *(m.span() for m in _opener_after_abbreviation().finditer(text, start, line.end())),
            *(m.span() for m in _before_credit().finditer(text, start, line.end())),
            *((at, at) for at in credit_ends(text, start, line.end())),
        ]
        for cut_start, cut_end in sorted(cuts):
            _add_stripped(spans, text, start, cut_start)
            start = cut_end
        _add_stripped(spans, text, start, line.end())


def _add_stripped(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "(["):
        end -= 1  # "... in Oslo. (" before "Photo: ...)": the bracket opens the next one
    if start < end:
        spans.append(Span(start, end))
