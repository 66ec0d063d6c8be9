"""The name patterns made from their shipped compiled form are the patterns ``regex`` compiles."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from briefgen.extract import precompiled
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.mentions import Patterns

from .conftest import load_tool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tool():
    return load_tool("build_patterns")


def _patterns(made: Patterns) -> dict[str, regex.Pattern[str]]:
    return {k: v for k, v in vars(made).items() if isinstance(v, regex.Pattern)}


def test_the_shipped_file_holds_every_name_pattern_as_the_script_writes_it(tool):
    built = tool.build()
    assert sorted(built["patterns"]) == sorted(precompiled.shipped()), (
        "briefgen/data/name_patterns.json is out of date: run python tools/build_patterns.py"
    )
    assert precompiled.dumps(built) == tool.FILE.read_text("utf-8")


def test_no_name_pattern_is_compiled_when_the_file_is_current(monkeypatch):
    def compiled_afresh(pattern, *args, **kwargs):
        raise AssertionError(f"compiled afresh: {pattern[:60]!r}")

    monkeypatch.setattr(regex, "compile", compiled_afresh)
    made = Patterns(gazetteer())
    assert len(_patterns(made)) == len(precompiled.shipped()) >= 10


def test_the_shipped_patterns_find_what_freshly_compiled_ones_find():
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").iterdir())]
    texts += [
        "Labour MP Oona King met Foreign Minister Chung Eui-yong of South Korea. Ms King said "
        "the talks, which the U.S. Secretary of State Antony Blinken, 58, joined, went well.",
        "The shadow foreign secretary, Ann Lee, said; his Italian counterpart, Luigi Di Maio,"
        " spoke with Mr Obama. Tony Blair has argued. Liberal Democrat Lord Tyler warned.",
    ]
    for name, shipped in _patterns(Patterns(gazetteer())).items():
        fresh = regex.compile(shipped.pattern, cache_pattern=False)
        assert shipped is not fresh and shipped.flags == fresh.flags
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in shipped.finditer(text, overlapped=True)]
            expected = [(m.span(), m.groupdict()) for m in fresh.finditer(text, overlapped=True)]
            assert found == expected, name


def test_a_pattern_the_file_does_not_hold_or_cannot_give_is_compiled(monkeypatch):
    pattern = r"(?P<name>\p{Lu}\p{Ll}+)[^\S\n]+said"
    assert precompiled.key(pattern) not in precompiled.shipped()
    assert precompiled.compile(pattern).search("Then Ann said").group("name") == "Ann"
    # A damaged entry is never handed to regex's core (whose opcodes it trusts): compiled.
    shipped = precompiled.shipped()
    name = next(iter(shipped))
    damaged = [*shipped[name][:1], "AAAA", *shipped[name][2:]]
    monkeypatch.setattr(precompiled, "_shipped", lambda: {precompiled.key(pattern): damaged})
    assert precompiled.compile(pattern).search("Then Ann said").group("name") == "Ann"


def test_the_key_follows_the_pattern_and_the_regex_version(monkeypatch):
    key = precompiled.key("a|b")
    assert key != precompiled.key("a|c")
    monkeypatch.setattr(regex, "__version__", "0.0.0")
    assert precompiled.key("a|b") != key
