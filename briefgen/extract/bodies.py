"""International bodies named as the sources name them.

The gazetteer knows each body by one name and its other forms ("European
Union": EU, E.U.), and reads every form as that body. A brief, though, should
call the EU what its sources call it: British news writes "EU" and "G8", a
White House readout "European Union" and "G7". So once the facts are read,
each body takes the form its sources use most often, in the whole batch (one
name per body across a brief); a tie keeps the gazetteer's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

import regex

from briefgen.extract.facts import Fact
from briefgen.extract.gazetteer import gazetteer
from briefgen.model import Person


@cache
def _forms() -> tuple[dict[str, str], regex.Pattern[str]]:
    """Each written form of a body -> the body's name, and a pattern finding any form."""
    owner: dict[str, str] = {}
    for name, aliases in gazetteer().data["organisations"].items():
        for form in (name, *aliases):
            # Not a shortened form ("Security Council") nor a lower-case one ("foreign
            # ministry"): an abbreviation, or the name at full length.
            full = len(form) >= len(name) or not any(c.islower() for c in form)
            if form[:1].isupper() and full:
                owner.setdefault(form, name)
    alternation = "|".join(regex.escape(f) for f in sorted(owner, key=lambda f: (-len(f), f)))
    return owner, regex.compile(rf"(?<![\p{{L}}\p{{N}}.-])(?:{alternation})(?![\p{{L}}\p{{N}}-])")


def forms_in(text: str) -> Counter[str]:
    """How often ``text`` writes each form of a body (an article's share of the count,
    which can be taken while its text is at hand and kept without it)."""
    _, pattern = _forms()
    return Counter(m.group() for m in pattern.finditer(text))


def names_counted(counted: Iterable[Counter[str]], bodies: set[str]) -> dict[str, str]:
    """Body name -> the form the articles use most, for those of ``bodies`` they write
    another way more often than by the name itself (``counted``: each article's
    ``forms_in``)."""
    owner, _ = _forms()
    counts: dict[str, Counter[str]] = {}
    for forms in counted:
        for form, n in forms.items():
            body = owner[form]
            if body in bodies:
                counts.setdefault(body, Counter())[form] += n
    chosen = {}
    for body, forms in counts.items():
        best = max(forms, key=lambda f: (forms[f], f == body, f))
        if best != body:
            chosen[body] = best
    return chosen


def as_sources_name(
    counted: Sequence[Counter[str]], persons: list[Person], facts: list[Fact]
) -> tuple[list[Person], list[Fact]]:
    """The people and facts with each body under the name its sources use most;
    ``counted`` holds each source's ``forms_in``."""
    owner, _ = _forms()
    bodies = set(owner.values())
    present = {p for f in facts for p in f.parties if p in bodies}
    present |= {p.affiliation for p in persons if p.affiliation in bodies}
    renamed = names_counted(counted, present)
    if not renamed:
        return persons, facts

    def name(n: str) -> str:
        return renamed.get(n, n)

    persons = [
        p.model_copy(update={"affiliation": name(p.affiliation)}) if p.affiliation in renamed else p
        for p in persons
    ]
    facts = [
        replace(
            f,
            parties=[name(p) for p in f.parties],
            positions={name(k): v for k, v in f.positions.items()},
        )
        if any(p in renamed for p in (*f.parties, *f.positions))
        else f
        for f in facts
    ]
    return persons, facts
