"""The digest file: the YAML between extraction and rendering.

A person reads it, corrects it and renders it again, so it is written for
reading (keys in model order, one fact after another, no YAML tags or
anchors) and read back strictly: every problem is reported with its path in
the document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from briefgen.config import format_validation_error, parse_yaml
from briefgen.errors import DigestError
from briefgen.model import DIGEST_VERSION, Digest

HEADER = (
    "# briefgen digest: the facts extracted from the sources, each with its evidence.\n"
    "# Edit it and run `briefgen render` to rebuild the briefs from it.\n"
)


class _Dumper(yaml.SafeDumper):
    """Block style everywhere; multi-line strings as literal blocks; no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# Line breaks YAML readers normalise away in plain, quoted and block scalars
# (PyYAML writes them raw when allow_unicode is on): only double quotes,
# which escape them, keep such a string as it was.
_FRAGILE = frozenset("\r\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _FRAGILE.intersection(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


# Optional links written only when set, so a digest without them reads as before.
_LINKS = ("meeting",)
_OUTCOMES = ("agreements", "disagreements", "proposals")


def dump_digest(digest: Digest) -> str:
    data = digest.model_dump(mode="json")
    for kind in _OUTCOMES:
        for fact in data[kind]:
            for key in _LINKS:
                if fact.get(key) is None:
                    fact.pop(key, None)
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    return HEADER + body


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
