"""Gold files, the matching of a digest against them, and the scores."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import GoldError
from briefgen.evaluate.names import NameMatcher, contains_words, default_matcher, fold
from briefgen.model import Digest, Evidence
from briefgen.yamlsafe import safe_load

KINDS = ("people", "meetings", "agreements", "disagreements", "proposals")
FACT_KINDS = KINDS[1:]


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
    except (KeyError, TypeError, AttributeError) as e:
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


# --- scores ----------------------------------------------------------------------


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


# --- matching ----------------------------------------------------------------------


def cites(evidence: Sequence[Evidence], keys: Sequence[str]) -> bool:
    """Whether one of the quotes contains one of the keys."""
    quotes = [fold(e.quote) for e in evidence]
    return any(fold(k) in q for k in keys for q in quotes)


def names_of(kind: str, item: Any) -> list[str]:
    """The names an extracted item is matched by."""
    if kind == "people":
        return [item.name, *item.aliases]
    if kind == "meetings":
        return list(item.participants)
    if kind == "proposals":
        return [item.by] if item.by else []
    return list(item.parties)


@dataclass
class KindMatch:
    """One kind of one case: what was extracted, the gold, and who matched whom."""

    kind: str
    extracted: list[Any]
    gold: list[GoldItem]
    matches: Callable[[Any, GoldItem], bool]
    pairs: dict[int, int]  # gold index -> extracted index (optional gold included)

    @property
    def missed(self) -> list[int]:
        return [i for i, g in enumerate(self.gold) if not g.optional and i not in self.pairs]

    @property
    def unmatched(self) -> list[int]:
        used = set(self.pairs.values())
        return [i for i in range(len(self.extracted)) if i not in used]


@dataclass
class CaseMatch:
    case: str
    kinds: dict[str, KindMatch]
    score: Score


def match_case(digest: Digest, gold: Gold, matcher: NameMatcher | None = None) -> CaseMatch:
    """Match a digest against a case's gold, one to one, as the README says."""
    matcher = matcher or default_matcher()

    # People: name or alias equal to a gold form, or containing the gold name.
    def person_matches(person: Any, item: GoldItem) -> bool:
        forms = [fold(f) for f in (person.name, *person.aliases)]
        gold_forms = [fold(n) for n in item.names]
        return any(f in gold_forms or contains_words(f, gold_forms[0]) for f in forms)

    def meeting_matches(meeting: Any, item: GoldItem) -> bool:
        everyone = all(matcher.any_same(meeting.participants, [g]) for g in item.names)
        same_place = bool(item.location) and fold(meeting.location) == fold(item.location)
        return everyone and (cites(meeting.evidence, item.keys) or same_place)

    def fact_matcher(kind: str) -> Callable[[Any, GoldItem], bool]:
        def matches(fact: Any, item: GoldItem) -> bool:
            return cites(fact.evidence, item.keys) and matcher.any_same(
                names_of(kind, fact), item.names
            )

        return matches

    ignored = [GoldItem(names=(n,)) for n in gold.ignore]
    people = [p for p in digest.people if not any(person_matches(p, g) for g in ignored)]
    extracted = {"people": people, **{k: list(getattr(digest, k)) for k in FACT_KINDS}}
    tests = {"people": person_matches, "meetings": meeting_matches}
    kinds = {}
    for kind in KINDS:
        test = tests.get(kind) or fact_matcher(kind)
        pairs = _pair(extracted[kind], gold.items[kind], test)
        kinds[kind] = KindMatch(kind, extracted[kind], gold.items[kind], test, pairs)
    return CaseMatch(gold.case, kinds, _score(gold.case, kinds))


def _pair(
    extracted: Sequence[Any], gold: Sequence[GoldItem], matches: Callable[[Any, GoldItem], bool]
) -> dict[int, int]:
    """Greedy one-to-one matching: required gold items choose first, in file order,
    each taking the first unmatched extracted item in digest order."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    order = sorted(range(len(gold)), key=lambda i: gold[i].optional)
    for g in order:
        found = next(
            (i for i, fact in enumerate(extracted) if i not in used and matches(fact, gold[g])),
            None,
        )
        if found is not None:
            used.add(found)
            pairs[g] = found
    return pairs


def _score(case: str, kinds: dict[str, KindMatch]) -> Score:
    """Counts; an extracted item matched to an optional gold item counts for nothing."""
    result = Score(cases=[case])
    for kind, m in kinds.items():
        required = {g: e for g, e in m.pairs.items() if not m.gold[g].optional}
        score = result.kinds[kind]
        score.tp += len(required)
        score.fn += len(m.missed)
        score.fp += len(m.unmatched)
    for g, e in _required_pairs(kinds["people"]):
        for attr in ("role", "affiliation"):
            ours, theirs = fold(getattr(e, attr)), fold(getattr(g, attr))
            if theirs:
                result.attributes[attr].count(bool(ours) and (ours in theirs or theirs in ours))
    for g, e in _required_pairs(kinds["meetings"]):
        result.attributes["location"].count(fold(e.location) == fold(g.location))
        if g.date is not None:
            extracted_date = e.date.isoformat() if e.date else None
            result.attributes["date"].count(extracted_date == g.date)
    return result


def _required_pairs(m: KindMatch) -> list[tuple[GoldItem, Any]]:
    return [
        (m.gold[g], m.extracted[e]) for g, e in sorted(m.pairs.items()) if not m.gold[g].optional
    ]


def score_case(digest: Digest, gold: Gold, matcher: NameMatcher | None = None) -> Score:
    return match_case(digest, gold, matcher).score


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
