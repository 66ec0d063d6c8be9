"""The digest file: the YAML between extraction and rendering.

A person reads it, corrects it and renders it again, so it is written for
reading (keys in model order, one fact after another, no YAML tags or
anchors) and read back strictly: every problem is reported with its path in
the document.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel, ValidationError

from briefgen.config import format_validation_error, parse_yaml
from briefgen.digest.yamlwrite import write_records
from briefgen.errors import DigestError
from briefgen.model import DIGEST_VERSION, Digest

HEADER = (
    "# briefgen digest: the facts extracted from the sources, each with its evidence.\n"
    "# Edit it and run `briefgen render` to rebuild the briefs from it.\n"
)
_HEADER = HEADER.encode("utf-8")


def dump_digest(digest: Digest, *, libyaml: bool | None = None) -> str:
    """The digest file's text; see ``dump_digest_bytes``."""
    return dump_digest_bytes(digest, libyaml=libyaml).decode("utf-8")


def dump_digest_bytes(digest: Digest, *, libyaml: bool | None = None) -> bytes:
    """The digest file's bytes; see ``write_digest``."""
    stream = io.BytesIO()
    write_digest(digest, stream, libyaml=libyaml)
    return stream.getvalue()


def write_digest(digest: Digest, out: BinaryIO, *, libyaml: bool | None = None) -> None:
    """The digest file written to ``out`` as it is made; ``libyaml`` chooses the emitter
    (:mod:`.yamlwrite`).

    Each record is turned into plain data only when its turn comes, and the
    text goes on to ``out`` a few kilobytes at a time, so the whole digest
    never exists twice over.
    """
    write_records(_fields(digest), out, header=_HEADER, libyaml=libyaml)


def _fields(digest: Digest) -> Iterator[tuple[str, Any]]:
    """The digest's top-level keys and values, as ``model_dump(mode="json")`` gives them.

    Lists of records (sources, people, facts) are handed over as models, each
    dumped when the writer reaches it; everything else comes from one dump of
    the digest without them, so the digest's own serializer (which leaves out
    empty ``notices``) still decides what is written.
    """
    names = list(type(digest).model_fields)
    records = {name for name in names if _is_records(getattr(digest, name))}
    rest = digest.model_dump(mode="json", exclude=records)
    for name in names:
        if name in records:
            yield name, getattr(digest, name)
        elif name in rest:
            yield name, rest.pop(name)
    yield from rest.items()  # keys a serializer added


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], BaseModel)


def parse_digest(text: str, path: Path) -> Digest:
    raw = parse_yaml(text, path, error=DigestError)
    if not isinstance(raw, dict):
        raise DigestError(f"{path}: a digest must be a mapping with sources, people, meetings, ...")
    version = raw.get("version", DIGEST_VERSION)
    if version != DIGEST_VERSION:
        raise DigestError(
            f"{path}: digest version {version!r} is not supported (this briefgen reads "
            f"version {DIGEST_VERSION})"
        )
    try:
        return Digest.model_validate(raw)
    except ValidationError as e:
        raise DigestError(format_validation_error(path, e)) from e


def load_digest(path: Path) -> Digest:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DigestError(f"{path}: cannot read the digest: {e}") from e
    return parse_digest(text, path)


def digest_schema() -> str:
    """The digest's JSON Schema, as printed by ``briefgen schema``."""
    schema = Digest.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefgen digest"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
