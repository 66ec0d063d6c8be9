"""The shape of the model's answer, derived from the digest's own types.

Each kind of fact in the answer is the digest's type (``Meeting``,
``Agreement``, ...) without what briefgen fills in itself -- evidence, which
grounding builds from the quote, a meeting's ``date``, which briefgen's own
date rules resolve, a person's aliases, which come from grouping people
across articles, and an outcome's ``meeting`` link, computed after merging --
and with one field added: ``quote``, the sentence of the
article that states it, copied exactly. When a digest type gains a field, so
does the schema, and ``SCHEMA_VERSION`` changes with it, so no cached answer
of the old shape is reused.

Every field is required (nullable where the digest's is optional), because
OpenAI's strict JSON-schema mode asks for that, and every object forbids
other keys; servers with a grammar (llama.cpp, vLLM, Ollama) accept the same.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from briefgen.model import Agreement, Disagreement, Meeting, Person, Proposal

# What briefgen, not the model, fills in (``meeting``: an outcome's link to its
# meeting, computed after merging by briefgen.extract.events).
_NOT_ASKED = frozenset({"evidence", "date", "aliases", "meeting"})

_QUOTE = (
    str,
    Field(
        description="the sentence of the article that states this, copied character for "
        "character (not paraphrased, not shortened)"
    ),
)


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _asked(model: type[BaseModel], name: str) -> type[_Answer]:
    """``model`` as the answer asks for it: its own fields, all required, plus ``quote``."""
    fields: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        if field_name in _NOT_ASKED:
            continue
        fields[field_name] = (info.annotation, Field(description=info.description))
    fields["quote"] = _QUOTE
    return create_model(
        name, __base__=_Answer, __doc__=model.__doc__, __module__=__name__, **fields
    )


PersonFound = _asked(Person, "PersonFound")
MeetingFound = _asked(Meeting, "MeetingFound")
AgreementFound = _asked(Agreement, "AgreementFound")
DisagreementFound = _asked(Disagreement, "DisagreementFound")
ProposalFound = _asked(Proposal, "ProposalFound")

Answer = create_model(
    "Answer",
    __base__=_Answer,
    __module__=__name__,
    __doc__="Everything one article (or one chunk of it) states, each with its quote.",
    people=(list[PersonFound], Field(description="people the article names")),  # type: ignore[valid-type]
    meetings=(list[MeetingFound], ...),  # type: ignore[valid-type]
    agreements=(list[AgreementFound], ...),  # type: ignore[valid-type]
    disagreements=(list[DisagreementFound], ...),  # type: ignore[valid-type]
    proposals=(list[ProposalFound], ...),  # type: ignore[valid-type]
)


@lru_cache(maxsize=1)
def answer_schema() -> dict[str, Any]:
    """The JSON Schema sent to the server (and shown to the model in plain-JSON mode)."""
    return Answer.model_json_schema()


@lru_cache(maxsize=1)
def schema_version() -> str:
    """A short hash of the schema: it changes whenever the digest's types do."""
    text = json.dumps(answer_schema(), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]
