"""What changed between two digests: the "since the last brief" section and ``briefgen diff``.

Facts have no ids (a digest is written to be read and edited), so two facts
are the same fact when they share a key built from what identifies them:

- a meeting: its participants, date and location;
- an agreement: its parties and what they agreed;
- a disagreement: its parties and topic;
- a proposal: who proposed it and what;
- a person: the name; a source: its input path (or URL, or id).

Keys ignore case, spacing and the order of names, so a re-extraction that
lists the same people in another order changes nothing. Facts with the same
key whose other fields differ (a meeting's occasion, a person's role, the
sentences that report a fact) are *changed*. Facts left unpaired by their
exact keys are then paired more loosely, so that a fact that gained a detail
is reported as changed rather than as one removed and one added: meetings of
the same participants whose places and dates do not conflict (the place is
now known), agreements and disagreements with the same wording or topic
that share a party (a party joined when another report was merged in), and
proposals with the same wording (the author is now known).

Everything comes out in digest order (added and changed in the new digest's,
removed in the old one's), so the same two digests always give the same
diff, byte for byte.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from briefgen.model import (
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Proposal,
    Source,
    is_hand_source,
)

T = TypeVar("T", bound=BaseModel)

KINDS: tuple[str, ...] = (
    "sources",
    "people",
    "meetings",
    "agreements",
    "disagreements",
    "proposals",
)
FACT_KINDS: tuple[str, ...] = ("meetings", "agreements", "disagreements", "proposals")


@dataclass(frozen=True)
class Changed(Generic[T]):
    """One item in both digests whose fields differ: ``fields`` names them, in model order."""

    old: T
    new: T
    fields: tuple[str, ...]


@dataclass(frozen=True)
class KindChanges(Generic[T]):
    """What was added, removed and changed among the items of one kind."""

    added: tuple[T, ...] = ()
    removed: tuple[T, ...] = ()
    changed: tuple[Changed[T], ...] = ()
    expired: tuple[T, ...] = ()
    """The removed facts whose every source has left the inputs.

    An entry that fell out of a feed's window, or an old file moved away,
    takes its facts with it: that is not news, unlike a fact that is gone
    while its article is still read (a correction, a better extraction).
    The brief lists the latter and only counts the former.
    """

    @property
    def withdrawn(self) -> tuple[T, ...]:
        """The removed facts that are not ``expired``: gone while their sources remain."""
        expired = {id(x) for x in self.expired}
        return tuple(x for x in self.removed if id(x) not in expired)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Changes:
    """The difference between a previous digest and a new one, kind by kind.

    Templates see it as ``changes`` (None when there is no previous digest):
    ``changes.meetings.added`` and so on, ``changes.facts_changed`` for
    "anything new to report", and the source counts for a line of context.
    """

    sources: KindChanges[Source] = field(default_factory=KindChanges)
    people: KindChanges[Person] = field(default_factory=KindChanges)
    meetings: KindChanges[Meeting] = field(default_factory=KindChanges)
    agreements: KindChanges[Agreement] = field(default_factory=KindChanges)
    disagreements: KindChanges[Disagreement] = field(default_factory=KindChanges)
    proposals: KindChanges[Proposal] = field(default_factory=KindChanges)
    previous_sources: int = 0
    current_sources: int = 0
    previous_order: tuple[str, ...] = ()
    """The previous digest's source ids in order, so a brief can keep their numbers."""

    @property
    def facts_changed(self) -> bool:
        """Whether any meeting, agreement, disagreement or proposal differs."""
        return any(getattr(self, kind) for kind in FACT_KINDS)

    def __bool__(self) -> bool:
        return any(getattr(self, kind) for kind in KINDS)

    def kinds(self) -> list[tuple[str, KindChanges[Any]]]:
        """``(kind, changes)`` for every kind, in digest order."""
        return [(kind, getattr(self, kind)) for kind in KINDS]

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form ``briefgen diff --json`` prints."""
        data: dict[str, Any] = {
            "summary": {
                kind: {
                    "added": len(c.added),
                    "removed": len(c.removed),
                    "changed": len(c.changed),
                }
                for kind, c in self.kinds()
            },
            "differ": bool(self),
        }
        for kind, c in self.kinds():
            data[kind] = {
                "added": [_dump(x) for x in c.added],
                "removed": [_dump(x) for x in c.removed],
                "changed": [
                    {"fields": list(ch.fields), "old": _dump(ch.old), "new": _dump(ch.new)}
                    for ch in c.changed
                ],
            }
        return data


def compare(old: Digest, new: Digest) -> Changes:
    """Every difference between ``old`` and ``new`` that a reader of the brief cares about."""
    # Corrections made by hand are cited like sources but are not sources.
    old_sources = [s for s in old.sources if not is_hand_source(s.id)]
    new_sources = [s for s in new.sources if not is_hand_source(s.id)]
    sources = _compare(old_sources, new_sources, _source_key)
    gone = frozenset(s.id for s in sources.removed)
    changes = Changes(
        sources=sources,
        people=_compare(old.people, new.people, _person_key),
        meetings=_compare(
            old.meetings, new.meetings, _meeting_key, loose=(_participants, _meetings_compatible)
        ),
        agreements=_compare(
            old.agreements, new.agreements, _agreement_key, loose=(_what, _share_a_party)
        ),
        disagreements=_compare(
            old.disagreements, new.disagreements, _disagreement_key, loose=(_topic, _share_a_party)
        ),
        proposals=_compare(old.proposals, new.proposals, _proposal_key, loose=(_what, _any)),
        previous_sources=len(old_sources),
        current_sources=len(new_sources),
        previous_order=tuple(s.id for s in old.sources),
    )
    updates: dict[str, Any] = {
        kind: replace(c, expired=tuple(x for x in c.removed if _left_with(x, gone)))
        for kind, c in changes.kinds()
        if kind in FACT_KINDS
    }
    return replace(changes, **updates)


def _left_with(fact: Any, gone: frozenset[str]) -> bool:
    """Whether every source of ``fact`` is one that left (a fact with no evidence: no)."""
    return bool(fact.evidence) and all(e.source in gone for e in fact.evidence)


# --- keys -------------------------------------------------------------------------


def norm(text: str | None) -> str:
    """Case, spacing, Unicode form and trailing full stops do not make a fact new."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split()).rstrip(" .;:")


def _names(names: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(sorted({norm(n) for n in names if n}))


def _source_key(s: Source) -> tuple[str, ...]:
    # The id depends on the other articles of the build (a "-2" for a twin),
    # the path or URL only on where the article came from.
    return (norm(s.path) or norm(s.url) or norm(s.id),)


def _person_key(p: Person) -> tuple[str, ...]:
    return (norm(p.name),)


def _participants(m: Meeting) -> tuple[str, ...]:
    return _names(m.participants)


def _meeting_key(m: Meeting) -> tuple[object, ...]:
    return (_participants(m), m.date.isoformat() if m.date else "", norm(m.location))


def _meetings_compatible(a: Meeting, b: Meeting) -> bool:
    """Neither place nor date differs where both are known."""
    place = not (a.location and b.location) or norm(a.location) == norm(b.location)
    return place and (a.date is None or b.date is None or a.date == b.date)


def _what(fact: Agreement | Proposal) -> str:
    return norm(fact.what)


def _topic(d: Disagreement) -> str:
    # No topic is no evidence of sameness: such facts pair only by exact key.
    return norm(d.topic) or f"(no topic {id(d)})"


def _share_a_party(a: Agreement | Disagreement, b: Agreement | Disagreement) -> bool:
    """A party joined or left (another report merged in): still the same fact."""
    return bool(set(_names(a.parties)) & set(_names(b.parties)))


def _any(a: object, b: object) -> bool:
    return True


def _agreement_key(a: Agreement) -> tuple[object, ...]:
    return (_names(a.parties), norm(a.what))


def _disagreement_key(d: Disagreement) -> tuple[object, ...]:
    return (_names(d.parties), norm(d.topic))


def _proposal_key(p: Proposal) -> tuple[object, ...]:
    return (norm(p.by), norm(p.what))


# --- matching ---------------------------------------------------------------------


def _compare(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], object],
    *,
    loose: tuple[Callable[[T], object], Callable[[T, T], bool]] | None = None,
) -> KindChanges[T]:
    pairs = _pair(old, new, key, range(len(old)), range(len(new)))
    if loose is not None:
        loose_key, compatible = loose
        taken = set(pairs.values())
        rest_old = [i for i in range(len(old)) if i not in taken]
        rest_new = [j for j in range(len(new)) if j not in pairs]
        pairs |= _pair(old, new, loose_key, rest_old, rest_new, compatible=compatible)
    matched_old = set(pairs.values())
    changed = []
    for j in sorted(pairs):
        differing = _differing_fields(old[pairs[j]], new[j])
        if differing:
            changed.append(Changed(old[pairs[j]], new[j], differing))
    return KindChanges(
        added=tuple(x for j, x in enumerate(new) if j not in pairs),
        removed=tuple(x for i, x in enumerate(old) if i not in matched_old),
        changed=tuple(changed),
    )


def _pair(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], object],
    old_indexes: Iterable[int],
    new_indexes: Iterable[int],
    *,
    compatible: Callable[[T, T], bool] | None = None,
) -> dict[int, int]:
    """New index -> old index, first come first paired among items of equal key.

    Two facts with one key in the same digest (extraction did not merge them)
    pair with their counterparts in order, so a repeat is reported once.
    """
    waiting: dict[object, list[int]] = defaultdict(list)
    for i in old_indexes:
        waiting[key(old[i])].append(i)
    pairs: dict[int, int] = {}
    for j in new_indexes:
        candidates = waiting.get(key(new[j]), [])
        for n, i in enumerate(candidates):
            if compatible is None or compatible(old[i], new[j]):
                pairs[j] = candidates.pop(n)
                break
    return pairs


def _differing_fields(old: BaseModel, new: BaseModel) -> tuple[str, ...]:
    """The fields that differ, with evidence compared by the sentences quoted.

    Offsets and source ids move when an article is re-read or a twin arrives;
    the quoted sentences are what a reader sees.
    """
    names = []
    for name in type(new).model_fields:
        if name == "meeting":  # a link to a position in the digest, not a fact
            continue
        a, b = getattr(old, name), getattr(new, name)
        if name == "evidence":
            a, b = _quotes(a), _quotes(b)
        elif isinstance(a, list) and all(isinstance(x, str) for x in [*a, *b]):
            a, b = _names(a), _names(b)
        elif isinstance(a, str) or isinstance(b, str):
            a, b = norm(a), norm(b)
        if a != b:
            names.append(name)
    return tuple(names)


def _quotes(evidence: Sequence[Evidence]) -> frozenset[str]:
    return frozenset(norm(e.quote) for e in evidence)


def _dump(item: BaseModel) -> dict[str, Any]:
    return item.model_dump(mode="json")


# --- the readable form ------------------------------------------------------------


def summary(item: BaseModel) -> str:
    """One line that says which fact or item this is, for ``briefgen diff``."""
    if isinstance(item, Source):
        parts = [item.title or "(untitled)", item.outlet, _iso(item.published), item.id]
        return " · ".join(p for p in parts if p)
    if isinstance(item, Person):
        return ", ".join(p for p in (item.name, item.role, item.affiliation) if p)
    if isinstance(item, Meeting):
        place = [item.location, _iso(item.date) or item.when]
        return " · ".join([", ".join(item.participants), *(p for p in place if p)])
    if isinstance(item, Agreement):
        return f"{', '.join(item.parties)}: {item.what}"
    if isinstance(item, Disagreement):
        return ", ".join(item.parties) + (f": {item.topic}" if item.topic else "")
    if isinstance(item, Proposal):
        return f"{item.by or 'Unattributed'}: {item.what}"
    raise TypeError(f"no summary for {type(item).__name__}")


def format_changes(changes: Changes) -> str:
    """``briefgen diff`` for people: a count per kind, then ``+``, ``-`` and ``~`` lines."""
    lines = []
    for kind, c in changes.kinds():
        lines.append(
            f"{kind}: {len(c.added)} added, {len(c.removed)} removed, {len(c.changed)} changed"
        )
        lines.extend(f"  + {_line(summary(x))}" for x in c.added)
        lines.extend(f"  - {_line(summary(x))}" for x in c.removed)
        lines.extend(f"  ~ {_line(summary(ch.new))} ({', '.join(ch.fields)})" for ch in c.changed)
    if not changes:
        lines.append("no differences")
    return "\n".join(lines) + "\n"


def _iso(date: object) -> str | None:
    return date.isoformat() if hasattr(date, "isoformat") else None


def _line(text: str) -> str:
    """Article text on one line: a line break in a quote must not forge a ``+`` line."""
    return " ".join(text.split())
