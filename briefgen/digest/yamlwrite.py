"""Writing the digest's YAML: libyaml's emitter, PyYAML's bytes, no tree of nodes.

The digest was first written by PyYAML's pure-Python emitter, and its bytes
matter: the output folder's manifest records them, ``briefgen diff`` and
version control compare them, and a rebuild is "unchanged" when they are. So
the faster writer here must write exactly what that one wrote. libyaml's
emitter (PyYAML's C extension) does, for every string but two kinds:

- a character outside the Basic Multilingual Plane (an emoji, a rare CJK
  character): libyaml counts it unprintable and writes the whole string
  double-quoted with ``\\U`` escapes, where PyYAML writes it as it is;
- a string PyYAML writes double-quoted (a control character, a line break
  that YAML readers would normalise, a space before a line break): libyaml
  folds a long one at other places, and without PyYAML's escaped line ends.

Those strings are rare and are found with one regular expression. For the
first kind a private-use character of the Basic Multilingual Plane stands in
for each such character (both emitters judge a string with it exactly as
PyYAML judges the original); for the second, libyaml writes one stand-in
character as the whole scalar, and PyYAML's own routine writes the scalar at
the column and indentation libyaml reached. Both are put back in libyaml's
output. Everything else goes to libyaml as it is.

The document goes to the emitter as a stream of events, one record at a
time, rather than as a tree of nodes built first: for a large corpus that
tree cost more memory than the digest itself. The emitter's output goes on
to the file as it is written, the stand-ins put back on the way
(``_PutBack``), rather than into one buffer first: at ten times the White
House corpus the digest's bytes, and their copies, were the largest thing
made after its facts. Without libyaml the same events go to PyYAML's
pure-Python emitter.
"""

from __future__ import annotations

import io
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import yaml
from pydantic import BaseModel
from yaml.emitter import Emitter
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.resolver import Resolver

WIDTH = 100
INDENT = 2
HAS_LIBYAML = hasattr(yaml, "CSafeDumper")

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

# Line breaks YAML readers normalise away in plain, quoted and block scalars
# (PyYAML writes them raw when allow_unicode is on): only double quotes,
# which escape them, keep such a string as it was.
_FRAGILE = frozenset("\r\x85\u2028\u2029")

# Strings made only of these characters, without a space before a line break
# or at the end of a multi-line string, are written alike by both emitters
# (tests/test_yamlwrite.py compares them). Left out: control characters,
# U+0085, U+2028/9, U+FEFF, U+FFFE/F, everything beyond U+FFFF, and the
# stand-in itself.
_AGREED = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue001-\ufefe\uff00-\ufffd]")
_STAND_IN = "\ue000"
_STOOD_FOR = re.compile("[\U00010000-\U0010ffff\ue000]")

_RESOLVERS = Resolver.yaml_implicit_resolvers
_WILDCARD = _RESOLVERS.get(None, [])
_ANALYST = Emitter(io.StringIO(), allow_unicode=True)  # only its analysis is used


def dump_records(
    fields: Iterable[tuple[str, Any]], *, header: bytes = b"", libyaml: bool | None = None
) -> bytes:
    """The bytes ``write_records`` writes."""
    stream = io.BytesIO()
    write_records(fields, stream, header=header, libyaml=libyaml)
    return stream.getvalue()


def write_records(
    fields: Iterable[tuple[str, Any]],
    out: BinaryIO,
    *,
    header: bytes = b"",
    libyaml: bool | None = None,
) -> None:
    """A YAML mapping of ``fields`` in block style, in UTF-8, as PyYAML's ``yaml.dump`` wrote it,
    written to ``out`` after ``header`` as it is made.

    Values are JSON-like data (what ``model_dump(mode="json")`` gives); a list
    may hold pydantic models, each dumped only when its turn comes. Strings
    with a line break are literal blocks, those with a line break YAML
    readers would change are double-quoted. ``libyaml`` chooses the emitter
    (by default libyaml's, where installed). The emitters write UTF-8 bytes
    straight into ``out``, a few kilobytes at a time: a large digest is never
    held whole as text (which can take four bytes a character) or as bytes.
    """
    use_c = HAS_LIBYAML if libyaml is None else libyaml
    events = _Events(stand_ins=use_c)
    out.write(header)
    sink = _PutBack(out, events) if use_c else out
    yaml.emit(
        events.document(fields),
        sink,
        Dumper=yaml.CSafeDumper if use_c else yaml.SafeDumper,
        width=WIDTH,
        indent=INDENT,
        allow_unicode=True,
    )
    if isinstance(sink, _PutBack):
        sink.close()


_END = b"\n...\n"


class _PutBack:
    """libyaml's output on its way to ``out``, with each stand-in replaced by what it stands
    for (``events.queue``, in order) and the document's final "..." dropped where PyYAML
    writes none.

    libyaml writes its buffer whenever it fills, so a write may end inside a
    character or inside that final "...": the last few bytes are held back
    until the next write, or until ``close``.
    """

    def __init__(self, out: BinaryIO, events: _Events) -> None:
        self.out = out
        self.events = events
        self.held = b""
        self.column = 0  # of the output written so far, in characters

    def write(self, data: bytes) -> None:
        data = self.held + data
        cut = max(0, len(data) - len(_END))
        while 0 < cut < len(data) and data[cut] & 0xC0 == 0x80:  # a character's inner byte
            cut -= 1
        self.held = data[cut:]
        self._put_back(data[:cut])

    def close(self) -> None:
        data, self.held = self.held, b""
        if data.endswith(_END) and not self.events.ends_open:
            # libyaml ends the document with "..." once any scalar kept its final
            # line breaks ("|+"); PyYAML only when the last scalar did.
            data = data[: -len(_END) + 1]
        self._put_back(data)
        if self.events.queue:
            raise AssertionError(f"{len(self.events.queue)} stand-ins never written")

    def _put_back(self, data: bytes) -> None:
        """``data`` (whole characters) written, each stand-in replaced."""
        parts = data.split(_STAND_IN_UTF8)  # UTF-8: no other character holds these bytes
        queue = self.events.queue
        for i, part in enumerate(parts):
            if i:
                if not queue:
                    raise AssertionError("a stand-in written for nothing")
                meant = queue.popleft()
                piece = meant if isinstance(meant, str) else _double_quoted(meant, self.column)
                encoded = piece.encode()
                self.out.write(encoded)
                self.column = _column_after(encoded, self.column)
            self.out.write(part)
            self.column = _column_after(part, self.column)


@dataclass(frozen=True)
class _Quoted:
    """A scalar PyYAML writes double-quoted; ``indent`` is where its folded lines start."""

    text: str
    indent: int


class _Events:
    """The events ``yaml.dump`` would emit for the data, with libyaml's stand-ins."""

    def __init__(self, *, stand_ins: bool) -> None:
        self.stand_ins = stand_ins
        # What each stand-in in the output stands for, in order (each let go once written).
        self.queue: deque[str | _Quoted] = deque()
        # Whether the last scalar was a literal block that keeps its final line breaks.
        self.ends_open = False

    def document(self, fields: Iterable[tuple[str, Any]]) -> Iterator[Event]:
        yield StreamStartEvent(encoding="utf-8")
        yield DocumentStartEvent(explicit=False)
        yield MappingStartEvent(None, _MAP, True, flow_style=False)
        for key, value in fields:
            yield self._key(key)
            yield from self._node(value, indent=0, in_mapping=True)
        yield MappingEndEvent()
        yield DocumentEndEvent(explicit=False)
        yield StreamEndEvent()

    def _node(self, value: Any, *, indent: int, in_mapping: bool) -> Iterator[Event]:
        """``indent`` is the emitter's indentation of the collection holding ``value``.

        PyYAML's rules: a block collection is indented two more than its
        parent, except a sequence that is a mapping's value (which starts at
        the key's column); a scalar's folded lines are two in from its parent.
        """
        if isinstance(value, BaseModel):
            value = value.model_dump(mode="json")
        if isinstance(value, str):
            yield self._str(value, indent + INDENT)
            return
        self.ends_open = False  # a number, or the "[]" or "{}" of an empty collection
        if isinstance(value, dict):
            yield MappingStartEvent(None, _MAP, True, flow_style=False)
            inner = indent + INDENT
            for key, item in value.items():
                yield self._key(key)
                yield from self._node(item, indent=inner, in_mapping=True)
            yield MappingEndEvent()
        elif isinstance(value, list):
            yield SequenceStartEvent(None, _SEQ, True, flow_style=False)
            inner = indent if in_mapping else indent + INDENT
            for item in value:
                yield from self._node(item, indent=inner, in_mapping=False)
            yield SequenceEndEvent()
        elif isinstance(value, int) and not isinstance(value, bool):
            yield ScalarEvent(None, _INT, (True, False), str(value))
        else:
            node = _REPRESENTER.represent_data(value)
            assert isinstance(node, yaml.ScalarNode), value
            implicit = (node.tag == _resolve(node.value), node.tag == _STR)
            yield ScalarEvent(None, node.tag, implicit, node.value, style=node.style)

    def _key(self, key: str) -> ScalarEvent:
        # Keys are field names: plain words that both emitters write alike.
        if not isinstance(key, str) or _AGREED.search(key) or "\n" in key:
            raise ValueError(f"not a field name: {key!r}")
        return ScalarEvent(None, _STR, (_resolve(key) == _STR, True), key)

    def _str(self, value: str, indent: int) -> ScalarEvent:
        style = '"' if _FRAGILE.intersection(value) else ("|" if "\n" in value else None)
        implicit = (_resolve(value) == _STR, True)
        self.ends_open = (
            style == "|"
            and value.endswith("\n")
            and (len(value) == 1 or value[-2] == "\n")
            and _pyyaml_style(value, style, plain=implicit[0]) == "|"
        )
        if self.stand_ins and _needs_care(value):
            if _pyyaml_style(value, style, plain=implicit[0]) == '"':
                self.queue.append(_Quoted(value, indent))
                return ScalarEvent(None, _STR, (True, True), _STAND_IN)
            self.queue.extend(_STOOD_FOR.findall(value))
            value = _STOOD_FOR.sub(_STAND_IN, value)
        return ScalarEvent(None, _STR, implicit, value, style=style)


_REPRESENTER = yaml.SafeDumper(io.StringIO())


def _resolve(value: str) -> str:
    """The tag a plain scalar ``value`` would be read as (``Resolver.resolve``, inlined)."""
    for tag, regexp in _RESOLVERS.get(value[:1], []) + _WILDCARD:
        if regexp.match(value):
            return tag
    return _STR


def _needs_care(value: str) -> bool:
    return bool(_AGREED.search(value)) or (
        "\n" in value and (value.endswith(" ") or " \n" in value)
    )


def _pyyaml_style(value: str, requested: str | None, *, plain: bool) -> str:
    """The style PyYAML's emitter writes ``value`` in, as a block collection's item or value."""
    if requested == '"':
        return '"'
    analysis = _ANALYST.analyze_scalar(value)
    if not requested and plain and analysis.allow_block_plain:
        return ""
    if requested == "|" and analysis.allow_block:
        return "|"
    if not requested and analysis.allow_single_quoted:
        return "'"
    return '"'


_STAND_IN_UTF8 = _STAND_IN.encode()


def _column_after(data: bytes, column: int) -> int:
    """The column (in characters) after writing ``data`` from ``column``."""
    newline = data.rfind(b"\n")
    line = data if newline < 0 else data[newline + 1 :]
    width = len(line.decode())
    return column + width if newline < 0 else width


def _double_quoted(scalar: _Quoted, column: int) -> str:
    """``scalar`` as PyYAML writes it double-quoted, starting at ``column``."""
    stream = io.StringIO()
    emitter = Emitter(stream, width=WIDTH, indent=INDENT, allow_unicode=True)
    emitter.column = column
    emitter.indent = scalar.indent
    emitter.whitespace = True  # libyaml wrote the space before the stand-in
    emitter.indention = False
    emitter.write_double_quoted(scalar.text, split=True)
    return stream.getvalue()
