"""The digest's YAML writer: libyaml's emitter writes exactly what PyYAML's pure-Python one did.

The reference is the writer briefgen used before (PyYAML's ``yaml.dump`` with
its representer for strings), kept here as it was. Both of today's paths --
libyaml's emitter with its stand-ins, and the pure-Python emitter used when
libyaml is not installed -- must give its bytes for any text, and both of
PyYAML's loaders must read the text back as the same digest.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.digest import HEADER, dump_digest, load_digest
from briefgen.digest.yamlwrite import HAS_LIBYAML
from briefgen.model import (
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Position,
    Proposal,
    Source,
)

from .conftest import GOLDEN
from .test_input_properties import PIECES

needs_libyaml = pytest.mark.skipif(not HAS_LIBYAML, reason="PyYAML built without libyaml")


class _ReferenceDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if frozenset("\r\x85\u2028\u2029").intersection(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_ReferenceDumper.add_representer(str, _represent_str)


def reference(digest: Digest) -> str:
    """The digest as the pure-Python writer of briefgen 0.x wrote it."""
    data = digest.model_dump(mode="json")
    return HEADER + yaml.dump(
        data, Dumper=_ReferenceDumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )


def _digest(texts: list[str]) -> Digest:
    """Every kind of string field at every depth, filled from ``texts`` in turn."""
    t = iter(texts * (1 + 24 // max(1, len(texts))))
    evidence = [Evidence(source=next(t), quote=next(t), start=0, end=len(texts[0]))]
    return Digest(
        generator=next(t),
        sources=[Source(id=next(t), title=next(t), dateline=next(t))],
        people=[Person(name=next(t), aliases=[next(t), next(t)], role=next(t), evidence=evidence)],
        meetings=[Meeting(participants=[next(t)], when=next(t), evidence=evidence)],
        agreements=[Agreement(parties=[next(t)], what=next(t))],
        disagreements=[
            Disagreement(parties=[next(t)], positions=[Position(party=next(t), position=next(t))])
        ],
        proposals=[Proposal(by=next(t), what=next(t), evidence=evidence)],
    )


def _check(digest: Digest) -> None:
    expected = reference(digest)
    assert dump_digest(digest, libyaml=False) == expected
    if HAS_LIBYAML:
        assert dump_digest(digest, libyaml=True) == expected
        assert Digest.model_validate(yaml.load(expected, Loader=yaml.CSafeLoader)) == digest
    assert Digest.model_validate(yaml.load(expected, Loader=yaml.SafeLoader)) == digest


LONG = "the two ministers agreed to meet again " * 4
CASES = [
    "",
    "plain words",
    "emoji 😀 in a name",
    "😀" * 150,
    "𠀀 an astral CJK character",
    f"{LONG}😀{LONG}",
    "next line\x85here",
    "line\u2028separator",
    "paragraph\u2029separator",
    f"{LONG}\u2028{LONG}",
    f"{LONG}\u2028😀 {LONG}",
    "\ufeffbyte order mark",
    "a\ttab",
    f"{LONG}\t{LONG}",
    "bell\x07 escape\x1b[31m nul\x00 del\x7f c1\x9b",
    "\ufffe\uffff noncharacters",
    "private \ue000 use \ue001",
    f"{LONG}\ue000😀\ue000",
    "two\nlines",
    "trailing breaks kept\n\n",
    "\n",
    "a space before \nthe break",
    f"{LONG}\nand a space at the end ",
    " leading space",
    "trailing space ",
    "'quoted'",
    '"double"',
    "- dash",
    "key: value",
    "a #comment",
    "true",
    "null",
    "2021-10-06",
    "12",
    "0x1f",
    "---",
    "...",
    "\\ backslash",
    "x" * 300,
    "é정 " * 60,
    "\xa0no-break space",
]


@pytest.mark.parametrize("text", CASES, ids=range(len(CASES)))
def test_each_kind_of_string_is_written_as_before(text: str):
    _check(_digest([text]))


def test_a_kept_line_break_ends_the_document_as_before():
    # libyaml marks the end of a document with "..." after any "|+" block,
    # PyYAML only after the last scalar.
    _check(Digest(proposals=[Proposal(what="kept\n\n")]))
    _check(Digest(people=[Person(name="kept\n\n")]))


def test_the_golden_digest_is_written_as_before():
    path = GOLDEN / "seeds" / "digest.yaml"
    digest = load_digest(path)
    assert reference(digest) == path.read_text("utf-8")
    _check(digest)


ALPHABET = st.sampled_from(
    [
        *" \n\n  aé정:#-'\"?,[]{}|>!&*%@`~.0\\", "\t", "\r", "\x85", "\u2028", "\u2029",
        "\ufeff", "\ue000", "😀", "\U0010fffd", "\x00", "\x1b", "\x7f", "\xa0", "\ufffe",
        "\U0010ffff", "word ", "true", " \n", "\n ",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=30).map("".join),
    st.lists(ALPHABET, max_size=160).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=8))
def test_any_text_is_written_as_before(texts: list[str]):
    _check(_digest(texts))


@needs_libyaml
def test_libyaml_is_the_default_writer(monkeypatch: pytest.MonkeyPatch):
    import briefgen.digest.yamlwrite

    used = []
    real = yaml.emit

    def emit(*args: Any, **kwargs: Any) -> Any:
        used.append(kwargs["Dumper"])
        return real(*args, **kwargs)

    monkeypatch.setattr(briefgen.digest.yamlwrite.yaml, "emit", emit)
    dump_digest(_digest(["x"]))
    assert used == [yaml.CSafeDumper]


def test_a_key_that_is_not_a_field_name_is_refused():
    from briefgen.digest.yamlwrite import dump_records

    assert dump_records([("name", "x")]) == b"name: x\n"
    with pytest.raises(ValueError, match="not a field name"):
        dump_records([("a\u2028b", "x")])


def test_large_digest_round_trips():
    many = [f"sentence {i} with 😀 and \u2028 and a long tail {LONG}" for i in range(200)]
    _check(_digest(many))


def test_the_digests_own_serializer_decides_its_keys():
    # An empty list of notices is left out of the file, a full one written.
    _check(Digest(proposals=[Proposal(what="x")]))
    _check(Digest(proposals=[Proposal(what="x")], notices=["a.txt: skipped 😀", "b\u2028c"]))
    assert "notices" not in dump_digest(Digest())


def _raw(digest: Digest) -> tuple[bytes, list[object], bool]:
    """libyaml's own output for ``digest``, with what its stand-ins stand for."""
    from briefgen.digest import _fields
    from briefgen.digest.yamlwrite import INDENT, WIDTH, _Events

    events = _Events(stand_ins=True)
    stream = io.BytesIO()
    yaml.emit(
        events.document(_fields(digest)), stream, Dumper=yaml.CSafeDumper,
        width=WIDTH, indent=INDENT, allow_unicode=True,
    )  # fmt: skip
    return stream.getvalue(), list(events.queue), events.ends_open


@needs_libyaml
@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 7, 64, 10**6])
def test_the_output_is_the_same_in_writes_of_any_size(size: int):
    """libyaml hands its output on whenever its buffer fills: a write may end inside a
    character, a stand-in or the final "...", and the file must not change with it."""
    from collections import deque

    from briefgen.digest.yamlwrite import _Events, _PutBack

    texts = [f"{LONG}\u2028😀 {LONG}", "emoji 😀 é정", "kept\n\n", "a\x85b", "\ue000😀\ue000"]
    digest = _digest(texts)
    raw, queue, ends_open = _raw(digest)
    assert raw.endswith(b"\n...\n") and len(queue) > 3  # the cases to get right are there
    expected = dump_digest(digest).encode()
    events = _Events(stand_ins=True)
    events.queue, events.ends_open = deque(queue), ends_open
    out = io.BytesIO()
    out.write(HEADER.encode())
    sink = _PutBack(out, events)
    for at in range(0, len(raw), size):
        sink.write(raw[at : at + size])
    sink.close()
    assert out.getvalue() == expected


def test_the_digest_is_written_to_a_file_as_to_bytes(tmp_path):
    from briefgen.pipeline import ExtractResult

    digest = _digest([f"{LONG}\u2028😀 {LONG}", "kept\n\n", "é정"])
    made = ExtractResult(digest)
    made.write_digest(tmp_path / "digest.yaml")
    assert made._bytes is None  # streamed to the file, not held as bytes as well
    expected = dump_digest(digest).encode()
    assert (tmp_path / "digest.yaml").read_bytes() == expected
    read = ExtractResult(None, digest_bytes=expected)  # from the cache: its bytes as they are
    read.write_digest(tmp_path / "again.yaml")
    assert (tmp_path / "again.yaml").read_bytes() == expected
