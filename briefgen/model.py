"""The data that passes between stages.

``Article`` is what ingestion hands to extraction. The digest types (``Digest``
and the facts inside it) are what extraction hands to rendering; they are
pydantic models because the digest is also a file people read and edit, so it
is validated on the way in and has a JSON Schema.

Field order here is the key order of the YAML digest: keep it readable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

DIGEST_VERSION = 1
# Sources whose ids start with this are people's corrections, not articles
# (``briefgen.digest.corrections``): cited, but never counted as a source.
HAND_SOURCE_PREFIX = "briefgen:"


def is_hand_source(source_id: str) -> bool:
    """Whether ``source_id`` names corrections made by hand rather than an article."""
    return source_id.startswith(HAND_SOURCE_PREFIX)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Article.text``."""

    start: int
    end: int


NoticeKind = Literal["skipped", "duplicate", "repaired", "ignored"]
"""``skipped``: a file not read at all; ``duplicate``: read, but counted once;
``repaired``: read after fixing its text (encoding, mojibake); ``ignored``: read,
but a part of it (a date, a field) was left out."""


@dataclass(frozen=True)
class Notice:
    """One warning about one input file, in words a user can act on.

    Runs keep these as data (not only as log lines) so they can be counted,
    shown in the brief's sources and turned into a failure under ``--strict``.
    """

    path: str
    kind: NoticeKind
    reason: str

    @property
    def left_out(self) -> bool:
        """Whether the file is not among the brief's sources (skipped, or a duplicate)."""
        return self.kind in ("skipped", "duplicate")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, kw_only=True)
class Metadata:
    """What an article says about itself besides its text; its fields are written here once.

    A reader returns them (``briefgen.ingest.types.Parsed``), ingestion completes
    them from the text (``Article``), and the digest keeps them for each source
    (``Source``, built from ``metadata_of``, so a field added here and not to
    the digest's schema fails the first build that has it).
    """

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    url: str | None = None


METADATA_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Metadata))


def metadata_of(item: Metadata) -> dict[str, Any]:
    """The metadata fields of ``item`` (an ``Article`` or ``Parsed``) by name."""
    return {name: getattr(item, name) for name in METADATA_FIELDS}


@dataclass(frozen=True)
class Article(Metadata):
    """One input document, cleaned of its metadata.

    ``text`` holds only the body of the article (paragraphs separated by a
    blank line); the title, dateline, byline and source trailer are kept in
    their own fields (``Metadata``) and never appear in it. ``sentences``
    index ``text``.
    """

    id: str
    path: str
    text: str
    sentences: tuple[Span, ...] = field(default=())
    notices: tuple[Notice, ...] = field(default=(), compare=False)
    """What was repaired or left out while reading it (see ``briefgen.ingest.notices``)."""

    def sentence_text(self, span: Span) -> str:
        return self.text[span.start : span.end]


class _Model(BaseModel):
    # Unknown keys in a hand-edited digest are mistakes, not extensions.
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a fact is stated: the sentence of a source that says it. A person only a
    source's title names is cited by the title, with ``start`` and ``end`` both 0 (the
    title is not in the text)."""

    source: str = Field(description="id of the source in `sources`")
    quote: str = Field(description="the sentence that states the fact, verbatim")
    start: int = Field(ge=0, description="offset of the quote in the source's text")
    end: int = Field(ge=0, description="end offset (exclusive) of the quote")


# An article as the digest cites it: its id, its ``Metadata`` and its input file.
# (A comment, not a docstring: pydantic would put a docstring in the digest's schema.)
class Source(_Model):
    id: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    url: str | None = None
    path: str | None = Field(default=None, description="the input file, relative to the workspace")


class Person(_Model):
    name: str = Field(description="the fullest form of the name the sources give")
    aliases: list[str] = Field(default_factory=list, description="other forms used for them")
    role: str | None = None
    affiliation: str | None = Field(default=None, description="country or organisation")
    evidence: list[Evidence] = Field(default_factory=list)


MeetingFormat = Literal["in person", "pull-aside", "call", "virtual"]
MeetingStatus = Literal["held", "planned"]


class Meeting(_Model):
    participants: list[str] = Field(description="names of people (or parties) who met")
    location: str | None = None
    date: dt.date | None = Field(default=None, description="ISO date where the text fixes it")
    when: str | None = Field(default=None, description="the text's own words for the time")
    occasion: str | None = None
    format: MeetingFormat | None = None
    status: MeetingStatus = Field(
        default="held", description="held, or planned (announced, proposed, hypothetical)"
    )
    duration: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class _Outcome(_Model):
    """An agreement, disagreement or proposal: its ``meeting`` link is written only when set."""

    @model_serializer(mode="wrap")
    def _without_empty_link(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if data.get("meeting", 0) is None:
            data.pop("meeting")
        return data


class Agreement(_Outcome):
    parties: list[str]
    what: str
    meeting: int | None = Field(
        default=None,
        ge=0,
        description="index (from 0) in `meetings` of the meeting this came out of;"
        " set by briefgen.extract.events.link_outcomes",
    )
    evidence: list[Evidence] = Field(default_factory=list)


class Position(_Model):
    party: str
    position: str


class Disagreement(_Outcome):
    parties: list[str]
    topic: str | None = None
    positions: list[Position] = Field(default_factory=list)
    meeting: int | None = Field(
        default=None,
        ge=0,
        description="index (from 0) in `meetings` of the meeting this came out of;"
        " set by briefgen.extract.events.link_outcomes",
    )
    evidence: list[Evidence] = Field(default_factory=list)


class Proposal(_Outcome):
    by: str | None = None
    what: str
    meeting: int | None = Field(
        default=None,
        ge=0,
        description="index (from 0) in `meetings` of the meeting this came out of;"
        " set by briefgen.extract.events.link_outcomes",
    )
    evidence: list[Evidence] = Field(default_factory=list)


class Digest(_Model):
    """Everything extracted from one set of articles: the middle of the pipeline."""

    version: int = Field(default=DIGEST_VERSION, description="digest format version")
    generator: str | None = Field(default=None, description="the briefgen that wrote it")
    sources: list[Source] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    notices: list[str] = Field(
        default_factory=list,
        description="what extraction left out and why: articles it skipped, facts it dropped "
        "because their source does not state them",
    )

    @model_serializer(mode="wrap")
    def _without_empty_notices(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Most digests have none: they stay as they were, with no empty list.
        data: dict[str, Any] = handler(self)
        if not data.get("notices"):
            data.pop("notices", None)
        return data


SECTION_RECORD = {
    "people": "person",
    "meetings": "meeting",
    "agreements": "agreement",
    "disagreements": "disagreement",
    "proposals": "proposal",
}
"""Each list of the digest, by its key, and what one of its records is called."""
