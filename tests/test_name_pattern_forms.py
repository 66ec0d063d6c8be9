"""The name patterns' faster forms find what their plain forms find.

``Gazetteer.person_noun_pattern`` is a trie, which prefers the longest noun
("chairman" before "chair"); the plain alternation, sorted, tries the
shortest first. The two give the same matches only because every pattern
closes the word after the noun; the ``described`` pattern opens with a
check that a match starts a word. Both claims are checked here against
the plain forms, on a text with every person noun in every place.
"""

from __future__ import annotations

import regex

from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.mentions import patterns


def _plain(pattern: str) -> regex.Pattern[str]:
    gaz = gazetteer()
    flat = "|".join(regex.escape(n) for n in sorted(gaz.data["person_nouns"]))
    assert gaz.person_noun_pattern in pattern
    return regex.compile(pattern.replace(gaz.person_noun_pattern, flat))


def _text() -> str:
    lines = []
    for noun in sorted(gazetteer().data["person_nouns"]):
        lines += [
            f"The party's {noun} Ann Lee said so. {noun.capitalize()} Bo Chen agreed.",
            f"Mark Serwotka, the {noun} of the Union, spoke; the {noun}, Ann Lee, said.",
            f"Labour {noun} Ann Lee and {noun}man Ed Ray met union {noun}-elect Al Roe.",
            f"PCS Union {noun} Jeff Evans, xx{noun} Ed Ray, former {noun} Lord Winston.",
        ]
    return "\n".join(lines)


def _found(pattern: regex.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_trie_of_person_nouns_matches_as_the_plain_alternation() -> None:
    pats, text = patterns(), _text()
    for pattern in (pats.described, pats.apposition, pats.role_first):
        found = _found(pattern, text)
        assert found, pattern.pattern[:40]
        assert found == _found(_plain(pattern.pattern), text)


def test_described_finds_what_it_found_without_the_word_start_check() -> None:
    pats, text = patterns(), _text()
    check = r"(?<!\p{L})(?=\p{L})"
    assert pats.described.pattern.startswith(check)
    unchecked = regex.compile(pats.described.pattern.removeprefix(check))
    assert _found(pats.described, text) == _found(unchecked, text)
    assert [m["name"] for m in pats.described.finditer("said chairman Ann Lee.")] == ["Ann Lee"]
