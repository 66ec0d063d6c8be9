"""The name patterns compiled when briefgen is built, not on every run.

The ``regex`` module compiles a pattern in Python, and the gazetteer's
alternations of a few thousand names (states, capitals, organisations,
roles) make the name patterns of :mod:`briefgen.extract.mentions` cost about
a third of a second of CPU in every process that extracts: an eighth of a
cold build of the seeds, all of it before the first fact. What the compiler
hands its C core at the end is plain data (the pattern's opcodes as bytes,
its group tables, its flags), the same data a pickled pattern carries;
``briefgen/data/name_patterns.json`` keeps it for every name pattern, under
a key made of the pattern's text and the ``regex`` version, and ``compile``
makes the pattern from it with the call that unpickling one makes.

A pattern the file does not hold (the gazetteer or a pattern changed since
the file was built, or another version of ``regex`` is installed) is
compiled as usual: the file makes a run faster, never different. Rebuild it
with ``python tools/build_patterns.py`` after such a change;
``tests/test_precompiled.py`` fails while it is out of date.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
from regex import _regex  # the C core that unpickling a pattern calls

log = logging.getLogger(__name__)

FILE_NAME = "name_patterns.json"


def compile(pattern: str) -> regex.Pattern[str]:
    """``regex.compile(pattern)``, made from the shipped compiled form when the file holds it."""
    form = _checked(_shipped().get(key(pattern)))
    if form is not None:
        try:
            made: regex.Pattern[str] = _regex.compile(pattern, *_decoded(form))
        except Exception as e:  # a form this regex cannot take: compile as usual
            log.debug("name pattern %s compiled afresh (%s: %s)", key(pattern), type(e).__name__, e)
        else:
            return made
    return regex.compile(pattern)


def key(pattern: str) -> str:
    """The file's key for ``pattern`` under the installed ``regex``."""
    return hashlib.sha256(f"{regex.__version__}\0{pattern}".encode()).hexdigest()[:32]


def table(
    patterns: Iterable[regex.Pattern[str]], *, kept: dict[str, list[Any]] | None = None
) -> dict[str, Any]:
    """The file's content for ``patterns`` (tools/build_patterns.py): each one's form from
    ``kept`` when it is there, else compiled now.

    ``regex`` does not compile a pattern to the same bytes twice (the
    characters that may open a match are a set, written in no fixed order),
    so a form already in the file is kept: the file changes only where a
    pattern did.
    """
    kept = kept or {}
    forms = {}
    for compiled in patterns:
        k = key(compiled.pattern)
        form = _checked(kept.get(k))
        if form is None:  # compiled now, not taken from regex's cache
            form = _encoded(regex.compile(compiled.pattern, cache_pattern=False))
        forms[k] = [*form, _checksum(form)]
    return {"regex": regex.__version__, "patterns": dict(sorted(forms.items()))}


def shipped() -> dict[str, list[Any]]:
    """The forms in the installed file, by key (none when it is missing or unreadable)."""
    return dict(_shipped())


def dumps(content: dict[str, Any]) -> str:
    """The file's text: one line per pattern."""
    lines = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in content["patterns"].items()]
    body = ",\n".join(lines)
    return f'{{"regex": {json.dumps(content["regex"])}, "patterns": {{\n{body}\n}}}}\n'


@lru_cache(maxsize=1)
def _shipped() -> dict[str, list[Any]]:
    try:
        text = resources.files("briefgen.data").joinpath(FILE_NAME).read_text("utf-8")
        forms: dict[str, list[Any]] = json.loads(text)["patterns"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        log.debug("no compiled name patterns (%s): compiling them", e)
        return {}
    return forms


def _checked(entry: list[Any] | None) -> list[Any] | None:
    """The form in a file entry, if the entry is whole. The C core trusts its opcodes as
    ``pickle`` does: a damaged form could crash it, so none is used unchecked."""
    if not isinstance(entry, list) or not entry:
        return None
    *form, checksum = entry
    return form if checksum == _checksum(form) else None


def _checksum(form: list[Any]) -> str:
    text = json.dumps(form, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _encoded(compiled: regex.Pattern[str]) -> list[Any]:
    """What unpickling ``compiled`` passes to the C core, but its text, as JSON data."""
    data = compiled._pickled_data
    _, flags, code, group_index, index_group, named_lists, named_list_indexes, *rest = data
    if named_lists or named_list_indexes:
        raise ValueError(f"{compiled.pattern[:60]!r}: named lists are not kept")
    req_offset, req_chars, req_flags, group_count = rest
    return [
        flags,
        base64.b64encode(code).decode("ascii"),
        group_index,
        sorted(index_group.items()),
        req_offset,
        list(req_chars),
        req_flags,
        group_count,
    ]


def _decoded(form: list[Any]) -> tuple[Any, ...]:
    """The C core's arguments after the pattern's text, from ``_encoded``'s data."""
    flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count = form
    return (
        int(flags),
        base64.b64decode(code),
        {str(k): int(v) for k, v in group_index.items()},
        {int(k): str(v) for k, v in index_group},
        {},
        [],
        int(req_offset),
        tuple(int(c) for c in req_chars),
        int(req_flags),
        int(group_count),
    )
