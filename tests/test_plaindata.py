"""The cache's codec: every kind of value extraction results are made of comes back equal,
and reading never builds anything but plain data and briefgen's own types."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest

from briefgen.model import Article, Digest, Evidence, Meeting, Notice, Person, Source, Span
from briefgen.runtime.plaindata import UnknownValue, dumps, loads


def _values():
    article = Article(
        id="a", path="a.txt", text="Kim met Moon.", published=dt.date(2021, 10, 6),
        sentences=(Span(0, 13),), notices=(Notice("a.txt", "repaired", "mojibake"),),
    )  # fmt: skip
    evidence = Evidence(source="a", quote="Kim met Moon", start=0, end=12)
    digest = Digest(
        sources=[Source(id="a", path="a.txt", title="T", published=dt.date(2021, 10, 6))],
        people=[Person(name="Kim", evidence=[evidence])],
        meetings=[Meeting(participants=["Kim", "Moon"], date=dt.date(2021, 10, 5))],
    )
    return [
        None, True, False, 0, -(2**70), 1.5, float("inf"), "", "naïve \\x00 $tuple",
        [1, (2, 3)], (), ("x",), {"$tuple": [1]}, {(1, "a"): frozenset({"b", "a"})},
        {1, 2}, frozenset(), dt.date(1, 1, 1), dt.datetime(2021, 10, 6, 12, 30, tzinfo=dt.UTC),
        article, digest, [article, (article, digest)],
    ]  # fmt: skip


@pytest.mark.parametrize("value", _values(), ids=lambda v: type(v).__name__)
def test_round_trip(value):
    back = loads(dumps(value))
    assert back == value and type(back) is type(value)


def test_nan_round_trips():
    assert loads(dumps(float("nan"))) != loads(dumps(float("nan")))  # NaN, as written


def test_equal_values_give_equal_text():
    assert dumps({"b", "a", "c"}) == dumps({"c", "a", "b"})


def test_a_model_keeps_which_fields_were_set():
    person = Person(name="Kim")
    assert loads(dumps(person)).model_fields_set == person.model_fields_set


@dataclass
class NotBriefgens:
    x: int


@pytest.mark.parametrize(
    "value", [object(), NotBriefgens(1), b"bytes", print], ids=["object", "foreign", "bytes", "fn"]
)
def test_values_it_cannot_write_are_refused(value):
    with pytest.raises(UnknownValue):
        dumps(value)


@pytest.mark.parametrize(
    "raw",
    [
        {"$object": "os:system", "fields": {}},
        {"$object": "subprocess:Popen", "fields": {"args": "true"}},
        {"$object": "briefgen.runtime.cache:subprocess", "fields": {}},  # not a class
        {"$object": "briefgen.pipeline:Path", "fields": {}},  # imported there, not briefgen's
        {"$object": "briefgen.model:Span", "fields": {"start": 1}},  # fields changed
        {"$object": "briefgen.model:Person", "fields": {"colour": "red"}},
        {"$pickle": "gASV"},
        {"$float": "1e999"},
        {"$tuple": 1},
        {"$dict": [[1]]},
        {"$set": [[1]]},  # unhashable
        {"a": 1, "b": 2},
        "[" * 100_000,
    ],
    ids=str,
)
def test_anything_it_did_not_write_is_refused(raw):
    data = raw.encode() if isinstance(raw, str) else json.dumps(raw).encode()
    with pytest.raises(UnknownValue):
        loads(data)
