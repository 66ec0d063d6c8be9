"""Scoring a digest against gold facts, as ``../shared/eval/README.md`` defines it.

A case is a folder with ``articles/`` and ``gold.yaml``. The rules, in brief:

- text is compared after folding case, accents, curly quotes, dashes and runs
  of white space (``fold``);
- a fact *cites* a gold item when one of its quotes contains one of the
  item's keys;
- names match when equal (over name and aliases), when the extracted name
  contains the gold name, when one is a longer name containing the other as
  whole words, or when both are forms of the same state (``Seoul`` and
  ``South Korea``);
- each gold item is matched at most once (one to one), so a second report of
  the same meeting is a false positive;
- items marked ``optional`` are neither missed nor wrong; extracted people
  matching an ``ignore`` name are not counted.

Where the README leaves a choice open: one-to-one matching is greedy, gold
items in file order, each taking the first unmatched extracted item in digest
order (what a reader of the brief would meet first); an extracted item that
could only match optional items counts for nothing either way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from briefgen.config import ExtractionSettings
from briefgen.errors import GoldError
from briefgen.model import Digest, Evidence
from briefgen.yamlsafe import safe_load

KINDS = ("people", "meetings", "agreements", "disagreements", "proposals")

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032"} | {
    ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033"
}


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.translate(_DASHES).translate(_QUOTES).casefold().split())


@dataclass(frozen=True)
class GoldItem:
    names: tuple[str, ...]  # person: name and aliases; fact: parties (or author)
    keys: tuple[str, ...] = ()
    optional: bool = False
    location: str | None = None
    date: str | None = None
    role: str | None = None
    affiliation: str | None = None


@dataclass
class Gold:
    case: str
    items: dict[str, list[GoldItem]]
    ignore: list[str]


def load_gold(path: Path) -> Gold:
    try:
        raw = safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise GoldError(f"{path}: cannot read the gold file: {e}") from e
    if not isinstance(raw, dict):
        raise GoldError(f"{path}: a gold file is a mapping (case, people, meetings, ...)")
    try:
        items = {
            "people": [
                GoldItem(
                    names=(p["name"], *p.get("aliases", [])),
                    optional=p.get("optional", False),
                    role=p.get("role"),
                    affiliation=p.get("affiliation"),
                )
                for p in raw.get("people") or []
            ],
            "meetings": [_fact(m, m["participants"]) for m in raw.get("meetings") or []],
            "agreements": [_fact(a, a["parties"]) for a in raw.get("agreements") or []],
            "disagreements": [_fact(d, d["parties"]) for d in raw.get("disagreements") or []],
            "proposals": [_fact(p, [p["by"]]) for p in raw.get("proposals") or []],
        }
    except (KeyError, TypeError) as e:
        raise GoldError(f"{path}: malformed gold item: missing or wrong {e}") from e
    return Gold(str(raw.get("case", path.parent.name)), items, list(raw.get("ignore") or []))


def _fact(raw: dict[str, Any], names: Sequence[str]) -> GoldItem:
    date = raw.get("date")
    return GoldItem(
        names=tuple(str(n) for n in names),
        keys=tuple(str(k) for k in raw.get("keys") or []),
        optional=bool(raw.get("optional", False)),
        location=raw.get("location"),
        date=str(date) if date is not None else None,
    )


# --- name matching -------------------------------------------------------------


@dataclass(frozen=True)
class NameMatcher:
    """Names as the README compares them, with states known by their common forms."""

    state_of: Callable[[str], str | None]

    def same(self, extracted: str, gold: str) -> bool:
        a, b = fold(extracted), fold(gold)
        if not a or not b:
            return False
        if a == b or _contains_words(a, b) or _contains_words(b, a):
            return True
        state_a, state_b = self.state_of(extracted), self.state_of(gold)
        return state_a is not None and state_a == state_b

    def any_same(self, extracted: Iterable[str], gold: Iterable[str]) -> bool:
        gold = list(gold)
        return any(self.same(e, g) for e in extracted for g in gold)


def _contains_words(longer: str, shorter: str) -> bool:
    return bool(regex.search(rf"(?<!\w){regex.escape(shorter)}(?!\w)", longer))


def default_matcher() -> NameMatcher:
    # TODO(evalx): scoring should not read the extractor's gazetteer (an edit to it
    # moves both sides of the measurement); evaluation's own name matching replaces this.
    from briefgen.extract.gazetteer import gazetteer

    return NameMatcher(gazetteer().party)


# --- scoring ---------------------------------------------------------------------


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: KindScore) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def count(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def add(self, other: Accuracy) -> None:
        self.right, self.total = self.right + other.right, self.total + other.total


@dataclass
class Score:
    cases: list[str] = field(default_factory=list)
    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    attributes: dict[str, Accuracy] = field(
        default_factory=lambda: {k: Accuracy() for k in ("role", "affiliation", "location", "date")}
    )

    @property
    def micro(self) -> KindScore:
        total = KindScore()
        for score in self.kinds.values():
            total.add(score)
        return total

    def add(self, other: Score) -> None:
        self.cases.extend(other.cases)
        for kind, score in other.kinds.items():
            self.kinds[kind].add(score)
        for name, acc in other.attributes.items():
            self.attributes[name].add(acc)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "kinds": {
                k: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                }
                for k, s in self.kinds.items()
            },
            "attributes": {
                k: {"accuracy": None if a.value is None else round(a.value, 4), "of": a.total}
                for k, a in self.attributes.items()
            },
            "micro_f1": round(self.micro.f1, 4),
        }


def _cites(evidence: Sequence[Evidence], keys: Sequence[str]) -> bool:
    quotes = [fold(e.quote) for e in evidence]
    return any(fold(k) in q for k in keys for q in quotes)


def score_case(digest: Digest, gold: Gold, matcher: NameMatcher | None = None) -> Score:
    matcher = matcher or default_matcher()
    result = Score(cases=[gold.case])

    # People: name or alias equal to a gold form, or containing the gold name.
    def person_matches(person: Any, item: GoldItem) -> bool:
        forms = [fold(f) for f in (person.name, *person.aliases)]
        gold_forms = [fold(n) for n in item.names]
        return any(f in gold_forms or _contains_words(f, gold_forms[0]) for f in forms)

    people = [
        p
        for p in digest.people
        if not any(person_matches(p, GoldItem(names=(n,))) for n in gold.ignore)
    ]
    pairs = _match(people, gold.items["people"], person_matches, result.kinds["people"])
    for person, item in pairs:
        for attr in ("role", "affiliation"):
            ours, theirs = fold(getattr(person, attr)), fold(getattr(item, attr))
            if theirs:
                result.attributes[attr].count(bool(ours) and (ours in theirs or theirs in ours))

    def meeting_matches(meeting: Any, item: GoldItem) -> bool:
        everyone = all(matcher.any_same(meeting.participants, [g]) for g in item.names)
        same_place = bool(item.location) and fold(meeting.location) == fold(item.location)
        return everyone and (_cites(meeting.evidence, item.keys) or same_place)

    meetings = result.kinds["meetings"]
    pairs = _match(digest.meetings, gold.items["meetings"], meeting_matches, meetings)
    for meeting, item in pairs:
        result.attributes["location"].count(fold(meeting.location) == fold(item.location))
        if item.date is not None:
            extracted_date = meeting.date.isoformat() if meeting.date else None
            result.attributes["date"].count(extracted_date == item.date)

    for kind, names_of in (
        ("agreements", lambda f: f.parties),
        ("disagreements", lambda f: f.parties),
        ("proposals", lambda f: [f.by] if f.by else []),
    ):

        def matches(
            fact: Any, item: GoldItem, names_of: Callable[..., list[str]] = names_of
        ) -> bool:
            cites = _cites(fact.evidence, item.keys)
            return cites and matcher.any_same(names_of(fact), item.names)

        _match(getattr(digest, kind), gold.items[kind], matches, result.kinds[kind])
    return result


def _match(
    extracted: Sequence[Any],
    gold: Sequence[GoldItem],
    matches: Callable[[Any, GoldItem], bool],
    score: KindScore,
) -> list[tuple[Any, GoldItem]]:
    """Greedy one-to-one matching; optional gold items absorb matches without counting."""
    used: set[int] = set()
    pairs = []
    for item in sorted(gold, key=lambda g: g.optional):  # required items choose first
        found = next(
            (i for i, fact in enumerate(extracted) if i not in used and matches(fact, item)), None
        )
        if found is not None:
            used.add(found)
            if not item.optional:
                pairs.append((extracted[found], item))
                score.tp += 1
        elif not item.optional:
            score.fn += 1
    score.fp += len(extracted) - len(used)
    return pairs


def format_table(score: Score) -> str:
    lines = [f"{'kind':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for kind, s in [*score.kinds.items(), ("overall", score.micro)]:
        lines.append(
            f"{kind:<15}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
        )
    lines.append("")
    for name, acc in score.attributes.items():
        value = "n/a" if acc.value is None else f"{acc.value:.3f}"
        lines.append(f"{name + ' accuracy':<22}{value:>7}  (of {acc.total})")
    return "\n".join(lines)


def evaluate_cases(case_dirs: Sequence[Path], settings: ExtractionSettings | None = None) -> Score:
    """Extract each case's ``articles/`` and score it against its ``gold.yaml``."""
    from briefgen.pipeline import extract_digest

    total = Score()
    matcher = default_matcher()
    for case in case_dirs:
        gold = load_gold(case / "gold.yaml")
        result = extract_digest(["articles"], root=case, on_error="stop", settings=settings)
        total.add(score_case(result.digest, gold, matcher))
    return total
