"""The template context: everything a template may use, as one typed object.

Templates see the fields of ``BriefContext`` as top-level names, plus the
function ``cite``. This is the contract between briefgen and every user's
template override: adding a field is safe, renaming or removing one breaks
overrides, so ``tests/test_render.py`` pins the field list.

The numbering of sources lives here, not in the templates, so that the
Markdown, HTML and PDF briefs cite the same source with the same number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields

from briefgen import __version__
from briefgen.changes import Changes
from briefgen.errors import DigestError
from briefgen.model import (
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Proposal,
    Source,
)


@dataclass(frozen=True)
class BriefInfo:
    """What the config says about the brief itself (not taken from any article)."""

    title: str
    subject: str | None = None
    date: dt.date | None = None
    audience: str = "default"


@dataclass(frozen=True)
class CitedSource:
    """A source with the number the brief cites it by: ``[number]``."""

    number: int
    source: Source


@dataclass(frozen=True)
class BriefContext:
    """The names a template can use.

    Attributes:
        info: title, subject, date and audience from the config.
        digest: the whole digest, for what the fields below do not cover.
        sources: the digest's sources numbered 1..n in digest order.
        people, meetings, agreements, disagreements, proposals: the facts,
            in digest order. Each (but a position) has ``evidence``.
        generator: what wrote the digest (extractor and version), or this
            briefgen when the digest does not say.
        version: the version of briefgen rendering the brief.
        citation_numbers: source id -> citation number.
        changes: what is new, removed or changed since the previous digest
            (``briefgen.changes.Changes``), or None when there is none to
            compare with; the "Since the last brief" section shows it.

    ``cite(evidence)`` turns a fact's evidence into the sorted, distinct
    citation numbers of its sources.
    """

    info: BriefInfo
    digest: Digest
    sources: tuple[CitedSource, ...]
    people: tuple[Person, ...]
    meetings: tuple[Meeting, ...]
    agreements: tuple[Agreement, ...]
    disagreements: tuple[Disagreement, ...]
    proposals: tuple[Proposal, ...]
    generator: str
    version: str
    citation_numbers: dict[str, int]
    changes: Changes | None = None

    def cite(self, evidence: Iterable[Evidence]) -> list[int]:
        """The citation numbers of the sources ``evidence`` comes from, sorted."""
        return sorted({self.citation_numbers[e.source] for e in evidence})

    def template_vars(self) -> dict[str, object]:
        """The context as Jinja gets it: every field, and ``cite``."""
        names = {f.name: getattr(self, f.name) for f in fields(self)}
        return names | {"cite": self.cite}


def build_context(
    digest: Digest, info: BriefInfo, *, changes: Changes | None = None
) -> BriefContext:
    """The context for ``digest``; a dangling or ambiguous source id is an error.

    Rendering a fact whose evidence names an unknown source would print a
    claim without its citation, so a hand-edited digest with such a slip is
    refused here, with every bad reference named at once.
    """
    numbers = _number_sources(digest.sources)
    _check_evidence(digest, numbers)
    return BriefContext(
        info=info,
        digest=digest,
        sources=tuple(CitedSource(numbers[s.id], s) for s in digest.sources),
        people=tuple(digest.people),
        meetings=tuple(digest.meetings),
        agreements=tuple(digest.agreements),
        disagreements=tuple(digest.disagreements),
        proposals=tuple(digest.proposals),
        generator=digest.generator or f"briefgen {__version__}",
        version=__version__,
        citation_numbers=numbers,
        changes=changes,
    )


def _number_sources(sources: list[Source]) -> dict[str, int]:
    numbers: dict[str, int] = {}
    problems = []
    for i, source in enumerate(sources):
        if source.id in numbers:
            problems.append(
                f"sources.{i}.id: {source.id!r} is also the id of source {numbers[source.id]}"
            )
        else:
            numbers[source.id] = i + 1
    if problems:
        raise DigestError("\n".join(problems))
    return numbers


_FACT_KINDS = ("people", "meetings", "agreements", "disagreements", "proposals")


def _check_evidence(digest: Digest, numbers: dict[str, int]) -> None:
    problems = [
        f"{kind}.{i}.evidence.{j}.source: {e.source!r} is not the id of any source;"
        " add the source or correct the id"
        for kind in _FACT_KINDS
        for i, fact in enumerate(getattr(digest, kind))
        for j, e in enumerate(fact.evidence)
        if e.source not in numbers
    ]
    if problems:
        raise DigestError("\n".join(problems))
