"""The template context: everything a template may use, as one typed object.

Templates see the fields of ``BriefContext`` as top-level names. Changing a
field here changes what every template (and every user's override) can use:
update docs/templates.md and tests/test_render.py's context test with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
    """What the config says about the brief itself."""

    title: str
    subject: str | None = None
    date: dt.date | None = None
    audience: str = "default"


@dataclass(frozen=True)
class BriefContext:
    info: BriefInfo
    generator: str | None
    sources: list[Source]
    people: list[Person]
    meetings: list[Meeting]
    agreements: list[Agreement]
    disagreements: list[Disagreement]
    proposals: list[Proposal]
    citation_numbers: dict[str, int] = field(default_factory=dict)  # source id -> [n]

    def cite(self, evidence: list[Evidence]) -> list[int]:
        """The citation numbers of the sources a fact's evidence comes from."""
        numbers = {
            self.citation_numbers[e.source] for e in evidence if e.source in self.citation_numbers
        }
        return sorted(numbers)

    def as_dict(self) -> dict[str, object]:
        names = self.__dataclass_fields__
        return {name: getattr(self, name) for name in names} | {"cite": self.cite}


def build_context(digest: Digest, info: BriefInfo) -> BriefContext:
    return BriefContext(
        info=info,
        generator=digest.generator,
        sources=digest.sources,
        people=digest.people,
        meetings=digest.meetings,
        agreements=digest.agreements,
        disagreements=digest.disagreements,
        proposals=digest.proposals,
        citation_numbers={s.id: i for i, s in enumerate(digest.sources, start=1)},
    )
