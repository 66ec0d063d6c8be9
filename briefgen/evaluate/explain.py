"""Why each gold item was missed and each extracted item matched nothing.

Every class is computed from the matching and the articles' sentences. For a
missed gold item, the first that holds of:

- ``key not in the articles``: no sentence of the case contains a key (a gold
  file out of step with its articles);
- ``duplicate of a matched item``: an extracted item matches it, but one to
  one it went to another gold item that it matches too;
- ``right sentence and parties, quote lacks the key``: an item of its kind
  was extracted from a key sentence and names the parties, but its quote
  does not contain a key;
- ``right sentence, parties not matched``: an item of its kind was extracted
  from a key sentence, without (all) the gold parties;
- ``parties matched, other sentence``: an item of its kind names the parties
  (for a meeting all of them), but from elsewhere and, for a meeting, not at
  the gold location;
- ``extracted as another kind``: only items of other kinds come from a key
  sentence;
- ``nothing extracted from the key sentence``.

A missed person is ``duplicate of a matched item``, ``name extracted in
another form`` (an extracted name shares a word with the gold one) or ``not
extracted``. An extracted item that matched nothing is a ``duplicate report``
(it matches a gold item already matched), ``cites a gold item, parties not
matched``, ``sentence cites only a gold item of another kind`` or ``sentence
cites no gold item``; an extracted person is a ``duplicate report`` or ``not a
gold person``.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefgen.evaluate.names import fold
from briefgen.evaluate.score import FACT_KINDS, KINDS, CaseMatch, GoldItem, KindMatch, cites
from briefgen.model import SECTION_RECORD, Article, Evidence

MISSED_CLASSES = (
    "key not in the articles",
    "duplicate of a matched item",
    "right sentence and parties, quote lacks the key",
    "right sentence, parties not matched",
    "parties matched, other sentence",
    "extracted as another kind",
    "nothing extracted from the key sentence",
    "name extracted in another form",
    "not extracted",
)
WRONG_CLASSES = (
    "duplicate report",
    "cites a gold item, parties not matched",
    "sentence cites only a gold item of another kind",
    "sentence cites no gold item",
    "not a gold person",
)


@dataclass(frozen=True)
class Sentence:
    source: str  # the article's path
    text: str


@dataclass
class Failure:
    kind: str
    names: list[str]
    cls: str
    keys: list[str] = field(default_factory=list)  # missed gold items
    text: str | None = None  # wrong extracted items: what it says
    sentences: list[Sentence] = field(default_factory=list)
    extracted_there: list[str] = field(default_factory=list)  # missed: items of any kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "names": self.names,
            "class": self.cls,
            "keys": self.keys,
            "text": self.text,
            "sentences": [{"source": s.source, "text": s.text} for s in self.sentences],
            "extracted_there": self.extracted_there,
        }


@dataclass
class CaseExplanation:
    case: str
    missed: list[Failure]
    wrong: list[Failure]

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "missed": [f.to_dict() for f in self.missed],
            "wrong": [f.to_dict() for f in self.wrong],
        }


def explain_case(match: CaseMatch, articles: Sequence[Article]) -> CaseExplanation:
    sources = {a.id: a.path for a in articles}
    missed: list[Failure] = []
    wrong: list[Failure] = []
    for kind in KINDS:
        m = match.kinds[kind]
        for g in m.missed:
            missed.append(_missed(match, m, m.gold[g], articles))
        for e in m.unmatched:
            wrong.append(_wrong(match, m, m.extracted[e], sources))
    return CaseExplanation(match.case, missed, wrong)


# --- missed gold items ---------------------------------------------------------------


def _key_sentences(item: GoldItem, articles: Sequence[Article]) -> list[tuple[Article, Any]]:
    keys = [fold(k) for k in item.keys]
    return [
        (article, span)
        for article in articles
        for span in article.sentences
        if any(k and k in fold(article.sentence_text(span)) for k in keys)
    ]


def _from_sentences(
    evidence: Sequence[Evidence], item: GoldItem, sentences: list[tuple[Article, Any]]
) -> bool:
    """Whether a quote cites the item or overlaps one of its key sentences."""
    if cites(evidence, item.keys):
        return True
    return any(
        e.source == article.id and e.start < span.end and span.start < e.end
        for e in evidence
        for article, span in sentences
    )


def _missed(match: CaseMatch, m: KindMatch, item: GoldItem, articles: Sequence[Article]) -> Failure:
    failure = Failure(SECTION_RECORD[m.kind], list(item.names), "", keys=list(item.keys))
    taken = set(m.pairs.values())
    if any(e in taken and m.matches(x, item) for e, x in enumerate(m.extracted)):
        failure.cls = "duplicate of a matched item"
        if m.kind == "people":
            return failure
    if m.kind == "people":
        words = {w for n in item.names for w in fold(n).split() if len(w) > 2}
        similar = any(
            words & {w for n in _names(m.kind, x) for w in fold(n).split()} for x in m.extracted
        )
        failure.cls = "name extracted in another form" if similar else "not extracted"
        return failure

    sentences = _key_sentences(item, articles)
    failure.sentences = [Sentence(a.path, a.sentence_text(s)) for a, s in sentences]
    there = [
        (kind, x)
        for kind in FACT_KINDS
        for x in match.kinds[kind].extracted
        if _from_sentences(x.evidence, item, sentences)
    ]
    failure.extracted_there = [_describe(kind, x) for kind, x in there]
    if failure.cls:
        return failure
    same_kind = [x for kind, x in there if kind == m.kind]
    if not sentences:
        failure.cls = "key not in the articles"
    elif any(_names_match(m, x, item) for x in same_kind):
        failure.cls = "right sentence and parties, quote lacks the key"
    elif same_kind:
        failure.cls = "right sentence, parties not matched"
    elif any(_names_match(m, x, item) for x in m.extracted):
        failure.cls = "parties matched, other sentence"
    elif there:
        failure.cls = "extracted as another kind"
    else:
        failure.cls = "nothing extracted from the key sentence"
    return failure


def _names_match(m: KindMatch, extracted: Any, item: GoldItem) -> bool:
    """The name half of the kind's rule: the test with the key as its own evidence."""
    cited = extracted.model_copy(
        update={"evidence": [Evidence(source="", quote=" ".join(item.keys), start=0, end=0)]}
    )
    return m.matches(cited, item)


# --- extracted items that matched nothing --------------------------------------------


def _wrong(match: CaseMatch, m: KindMatch, item: Any, sources: dict[str, str]) -> Failure:
    names = _names(m.kind, item)
    evidence = list(getattr(item, "evidence", []))
    failure = Failure(
        SECTION_RECORD[m.kind],
        names,
        "",
        text=_describe(m.kind, item),
        sentences=[Sentence(sources.get(e.source, e.source), e.quote) for e in evidence[:1]],
    )
    if any(m.matches(item, g) for g in m.gold):  # unmatched, yet matching: its gold was taken
        failure.cls = "duplicate report"
    elif m.kind == "people":
        failure.cls = "not a gold person"
    elif any(cites(evidence, g.keys) for g in m.gold):
        failure.cls = "cites a gold item, parties not matched"
    elif any(cites(evidence, g.keys) for k in FACT_KINDS for g in match.kinds[k].gold):
        failure.cls = "sentence cites only a gold item of another kind"
    else:
        failure.cls = "sentence cites no gold item"
    return failure


def _names(kind: str, item: Any) -> list[str]:
    from briefgen.evaluate.score import names_of

    return [n for n in names_of(kind, item) if n]


def _describe(kind: str, item: Any) -> str:
    names = ", ".join(_names(kind, item)) or "nobody"
    if kind == "people":
        return f"{names}" + (f" ({item.role})" if item.role else "")
    if kind == "meetings":
        return f"meeting [{names}]" + (f" in {item.location}" if item.location else "")
    if kind == "proposals":
        return f"proposal by {names}: {item.what}"
    if kind == "disagreements":
        return f"disagreement [{names}]" + (f" over {item.topic}" if item.topic else "")
    return f"agreement [{names}]: {item.what}"


# --- summary and text ----------------------------------------------------------------


def summarize(explanations: Sequence[CaseExplanation]) -> dict[str, dict[str, dict[str, int]]]:
    """Class -> kind -> count, for missed gold items and for wrong extracted items."""
    summary: dict[str, dict[str, dict[str, int]]] = {}
    for side, classes in (("missed", MISSED_CLASSES), ("wrong", WRONG_CLASSES)):
        counts = Counter((f.cls, f.kind) for x in explanations for f in getattr(x, side))
        summary[side] = {
            cls: {
                SECTION_RECORD[k]: counts[cls, SECTION_RECORD[k]]
                for k in KINDS
                if counts[cls, SECTION_RECORD[k]]
            }
            for cls in classes
            if any(counts[cls, SECTION_RECORD[k]] for k in KINDS)
        }
    return summary


def format_explanations(explanations: Sequence[CaseExplanation], width: int = 100) -> str:
    lines: list[str] = []
    for x in explanations:
        if not x.missed and not x.wrong:
            continue
        lines.append(f"== {x.case}: {len(x.missed)} missed, {len(x.wrong)} matched nothing")
        for f in x.missed:
            keys = "; ".join(f'"{k}"' for k in f.keys)
            lines.append(
                f"missed {f.kind} [{', '.join(f.names)}]" + (f" keys: {keys}" if keys else "")
            )
            lines.append(f"  class: {f.cls}")
            lines += _sentence_lines(f.sentences, width)
            if f.kind != "person":
                there = "; ".join(f.extracted_there) or "nothing"
                lines += _wrap(f"extracted there: {there}", width)
        for f in x.wrong:
            lines.append(f"matched nothing: {f.text}")
            lines.append(f"  class: {f.cls}")
            lines += _sentence_lines(f.sentences, width)
        lines.append("")
    lines += format_summary(summarize(explanations), len(explanations))
    return "\n".join(lines)


def format_summary(summary: dict[str, dict[str, dict[str, int]]], cases: int) -> list[str]:
    lines = [f"Failure classes over {cases} cases"]
    for side, title in (
        ("missed", "missed gold items"),
        ("wrong", "extracted items matching nothing"),
    ):
        classes = summary[side]
        total = sum(sum(by_kind.values()) for by_kind in classes.values())
        lines.append(f"{title}: {total}")
        for cls, by_kind in classes.items():
            kinds = ", ".join(f"{k} {n}" for k, n in by_kind.items())
            lines.append(f"{sum(by_kind.values()):>5}  {cls} ({kinds})")
    return lines


def _sentence_lines(sentences: Sequence[Sentence], width: int) -> list[str]:
    return [line for s in sentences for line in _wrap(f'{s.source}: "{s.text}"', width)]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), width, initial_indent="  ", subsequent_indent="    "
    )
