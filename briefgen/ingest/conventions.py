"""Metadata that news text carries inside the body, in every input format.

Wire copy and web pages put a byline (``By NAME``, often with a cut-off
e-mail address) as the first or last line, a dateline before the first
sentence (``SEOUL--``, ``SEOUL, Oct. 31 (Yonhap) --``, ``WASHINGTON (AP) —``)
and a trailer such as ``Source: OUTLET``, ``(Reporting by NAME)``, a contact
address or an end mark (``###``, ``-30-``, ``(END)``). None of it is article
text, and sentences that start with it read wrongly, so each is moved into
its field. The rules only look at the edges of the body, where these lines
live, and each needs the line to have the whole shape of its convention.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from briefgen.yamlsafe import safe_load

# Capitalised words that follow "By" at the start of a sentence but are not
# names: "By Monday, ...", "By then ...".
NOT_NAMES = frozenset(
    word
    for line in (
        "monday tuesday wednesday thursday friday saturday sunday",
        "january february march april may june july august september october november december",
        "the this that these those then now noon midnight late early last next mid",
        "contrast comparison law order far all most some",
    )
    for word in line.split()
)
_PARTICLES = r"(?:de|da|del|della|der|den|van|von|la|le|bin|al|ibn|dos|du|di|and|&)"
_NAME = rf"\p{{Lu}}[\p{{L}}'’.-]*(?:[ \t]+(?:{_PARTICLES}[ \t]+)*\p{{Lu}}[\p{{L}}'’.-]*){{0,6}}"
_BYLINE = regex.compile(
    rf"^(?i:by)[ \t]+(?P<name>{_NAME})"
    r"(?:[ \t]*\([^()]*\)?"  # "(sahn@heraldcorp.com", "(AP)"
    r"|[ \t]*[,|/–—-][ \t]*\p{Lu}[^.!?]{0,60}"  # ", Associated Press", "| Reuters"
    r")?[ \t]*$"
)
_REPORTING = regex.compile(
    rf"^\(?(?P<extra>(?i:additional)[ \t]+)?(?i:reporting|writing)[ \t]+by[ \t]+(?P<name>{_NAME})"
    r"[^()]{0,200}\)?$"
)
_SOURCE = regex.compile(r"^(?i:source)[ \t]*:[ \t]*(?P<outlet>[^!?]{1,80}?)\.?$")
_ADDRESS = regex.compile(r"@(?P<host>[\w-]+(?:\.[\w-]+)+)")
_CONTACT = regex.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_END_MARK = regex.compile(r"(?:^|[ \t]+)(?:#(?:[ \t]*#){2,}|-30-|\((?i:end)\))$")
_PLACE_WORD = r"\p{Lu}(?:[\p{Lu}'’.-]*[\p{Lu}.])?"  # SEOUL, ST., WINSTON-SALEM
_DATELINE = regex.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:[ \t]{_PLACE_WORD}){{0,3}})"
    r"(?:,[ \t]*[^-—–()\n]{1,40}?)?"  # ", Oct. 31" or ", South Korea"
    r"(?:[ \t]*\((?P<agency>[^()\n]{1,40})\))?"  # "(Yonhap)", "(AP)"
    r"(?:[ \t]*(?:--|—|–)|[ \t]+-[ \t])[ \t]*"
    r"(?=\S)"
)
_LINE_MAX = 200  # a byline or trailer is one short line


@dataclass
class BodyMetadata:
    """What was found at the edges of the body."""

    author: str | None = None
    outlet: str | None = None
    dateline: str | None = None


def is_byline(line: str) -> bool:
    return _byline_name(line) is not None


def starts_with_dateline(line: str) -> bool:
    return _dateline(line) is not None


def take_metadata(paragraphs: list[str]) -> BodyMetadata:
    """Remove bylines, trailers and the dateline from ``paragraphs``; return what they said."""
    found = BodyMetadata()
    while paragraphs and _take_trailer(paragraphs[-1], found):
        paragraphs.pop()
    if paragraphs:
        paragraphs[-1] = _END_MARK.sub("", paragraphs[-1])  # "... ties. ###"
    if paragraphs and (name := _byline_name(paragraphs[0])):
        found.author = found.author or name
        found.outlet = found.outlet or _outlet_of_address(paragraphs[0])
        paragraphs.pop(0)
    if paragraphs and (m := _dateline(paragraphs[0])):
        found.dateline = _place_name(m["place"])
        if m["agency"] and found.outlet is None:
            found.outlet = " ".join(m["agency"].split())
        paragraphs[0] = paragraphs[0][m.end() :]
    return found


def _take_trailer(line: str, found: BodyMetadata) -> bool:
    if len(line) > _LINE_MAX:
        return False
    if _END_MARK.fullmatch(line) or _CONTACT.match(line):
        return True
    if name := _byline_name(line):
        found.author = found.author or name
        found.outlet = found.outlet or _outlet_of_address(line)
        return True
    if m := _REPORTING.match(line):
        if not m["extra"]:
            found.author = found.author or m["name"]
        return True
    if m := _SOURCE.match(line):
        found.outlet = found.outlet or m["outlet"].strip()
        return True
    return False


def _outlet_of_address(byline: str) -> str | None:
    """ "By Jane Doe (jdoe@koreaherald.com": the reporter's mail host names the outlet,
    when it is one of the reviewed known news hosts (``data/outlets.yaml``)."""
    if not (m := _ADDRESS.search(byline)):
        return None
    return known_outlets().get(registered_name(m["host"].casefold()))


def registered_name(host: str) -> str:
    """The name a host is registered under: ``www.bbc.co.uk`` -> ``bbc``."""
    labels = host.removeprefix("www.").split(".")
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


# "bbc.co.uk", "joongang.co.kr": the registered name stands before these.
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "or", "go", "ne"})


@cache
def known_outlets() -> dict[str, str]:
    """Host word -> outlet name, from the packaged, reviewed table of news hosts."""
    text = resources.files("briefgen.data").joinpath("outlets.yaml").read_text("utf-8")
    table = safe_load(text) or {}
    # A value is the name, or {name, country} (the country is the extractor's).
    return {
        str(k).casefold(): str(v["name"] if isinstance(v, dict) else v) for k, v in table.items()
    }


def _byline_name(line: str) -> str | None:
    if len(line) > _LINE_MAX or not (m := _BYLINE.match(line)):
        return None
    if m["name"].split()[0].rstrip(".,").lower() in NOT_NAMES:
        return None
    name = m["name"]
    if name.endswith(".") and len(name.split()[-1]) > 2:  # "By Jane Doe." but not "By Jane Q."
        name = name[:-1]
    return name


def _dateline(line: str) -> regex.Match[str] | None:
    m = _DATELINE.match(line)
    if m is None or sum(c.isupper() for c in m["place"]) < 2:
        return None
    return m


def _place_name(place: str) -> str:
    """``SEOUL`` -> ``Seoul``, ``WINSTON-SALEM`` -> ``Winston-Salem``: as the place is written."""
    return " ".join(place.split()).title()


# Credits that scraped pages leave inside the text: a photo's ("(Photo: Jane Doe, AP)",
# "(Jane Doe/The Washington Post)") and an embedded post's signature
# ("— Jane Doe (@janedoe) November 10, 2016"). The names in them are page
# furniture, not people of the story, and a sentence ends after each.
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # "Nov." or "November"
)
_CAPITALISED = r"\p{Lu}[\p{L}'’.-]*"
_NAME_WORD = r"\p{Lu}\p{Ll}[\p{L}'’.-]*"  # "Mara", not "US"
_CREDIT = regex.compile(
    r"\(?(?<![\p{L}])(?:Photo(?:graph)?|Picture|Image|Video)s?(?:[ \t]+by|[ \t]*:)"
    r"[ \t]*[^()\n]{1,80}\)"
    rf"|(?<![\p{{L}}/])(?!(?:The|A|An)[ \t])(?:{_NAME_WORD}[ \t]+){{1,3}}{_NAME_WORD}"
    rf"/(?:The[ \t]+)?{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,2}}\)?"
    rf"|(?:—|–|--?)[ \t]*{_NAME}[ \t]*\(@\w{{1,15}}\)[ \t]*{_MONTH}[ \t]+\d{{1,2}},[ \t]+\d{{4}}"
)


def credits(text: str) -> list[tuple[int, int]]:
    """Where ``text`` credits a photo or signs an embedded post: (start, end) of each."""
    return [m.span() for m in _CREDIT.finditer(text)]


def credit_ends(text: str, start: int, end: int) -> list[int]:
    """Where a sentence ends after a credit between ``start`` and ``end``: after one in
    parentheses or a post's signature ("Jane Doe/AP" may stand inside a sentence)."""
    return [
        m.end()
        for m in _CREDIT.finditer(text, start, end)
        if m.end() < end and (m[0].endswith(")") or m[0][-1].isdigit())
    ]
