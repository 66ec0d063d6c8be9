"""The digest's YAML writer: libyaml's emitter writes exactly what PyYAML's pure-Python one did.

The reference is the writer briefgen used before (PyYAML's ``yaml.dump`` with
its representer for strings), kept here as it was. Both of today's paths --
libyaml's emitter with its stand-ins, and the pure-Python emitter used when
libyaml is not installed -- must give its bytes for any text, and both of
PyYAML's loaders must read the text back as the same digest.
"""

from __future__ import annotations

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
