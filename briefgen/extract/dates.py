"""When something happened: the text's own words, and a date where they fix one.

Relative words are resolved against the article's publication date: "today"
is that day, "tomorrow" the next, "on Tuesday" the last Tuesday on or before
it, "December 9" (or "9 December") the nearest such day to it. Words that do
not fix a day ("last month", "recently") are kept with a null date, and so
is everything in an undated article, and a day that would fall outside the
calendar (``datetime.date``'s years 1 to 9999: "yesterday" in an article
dated 0001-01-01).

Of several expressions in a sentence the first that fixes a day counts: "met
Thursday ... until he is sworn in Jan. 20" was met on Thursday. A named day
that dates the saying is passed over ("On Wednesday, aides said he would
meet ...": they spoke on Wednesday, the meeting is another day's).

Small rules of our own instead of dateparser: news uses a handful of forms,
and a full date search over every sentence is both slower and more eager to
read dates into ordinary words.
"""

from __future__ import annotations

import datetime as dt

import regex

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTHS = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTHS.update({name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)})
_MONTHS["sept"] = 9
_SHORT_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MONTH = "(?:" + "|".join([*MONTH_NAMES, _SHORT_MONTH]) + ")"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_EXPLICIT = regex.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<year>\d{{4}}))?"
)
# "On 23 November 2025", as British and European texts write it.
_DAY_FIRST = regex.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH})(?!\w)"
    rf"(?:,?\s+(?P<year>\d{{4}}))?"
)
_ISO = regex.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_TODAY = regex.compile(r"\b(?:[Tt]oday|[Tt]his (?:morning|afternoon|evening)|[Tt]onight)\b")
_YESTERDAY = regex.compile(r"\b[Yy]esterday\b")
_TOMORROW = regex.compile(r"\b[Tt]omorrow\b")
_WEEKDAY_REF = regex.compile(rf"\b(?:(?:on|last|this)\s+)?(?P<weekday>{_WEEKDAY})(?:['’]s)?\b")
# The expressions that fix a day, in the order they are preferred when two
# start at one place ("Saturday, December 9" is the date, not the weekday).
_FIXING = (_ISO, _EXPLICIT, _DAY_FIRST, _TODAY, _YESTERDAY, _TOMORROW, _WEEKDAY_REF)
# "On Wednesday evening, Trump aides said ...": the time of the saying, and
# what they said may have happened on another day.
_SPEECH_TIME = regex.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?,\s+(?:[\w.'’-]+\s+){0,6}?"
    r"(?:said|says|told|announced|added|wrote)\b"
)
# ... for a named day only: "today" in "Today, the White House announced that
# the President met ..." is the article's day, the default for both.
_DAY_NAMES = (_EXPLICIT, _DAY_FIRST, _WEEKDAY_REF)
_VAGUE = regex.compile(
    r"\b(?:last|next|earlier this|later this|this|past) (?:week|month|year)\b|\brecently\b"
    r"|\bearlier (?:this )?(?:week|month|year)\b|\bupcoming\b"
)


def resolve_when(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """``(date, words)`` for the first time expression in ``text`` that fixes a day,
    else for words that name a time without fixing one ("last month")."""
    matches = [
        m
        for pattern in _FIXING
        for m in pattern.finditer(text)
        if not (pattern in _DAY_NAMES and _SPEECH_TIME.match(text, m.end()))
    ]
    if matches:
        # min() keeps the first of equals: _FIXING's order breaks a tie.
        return _reading(min(matches, key=_position), published)
    if m := _VAGUE.search(text):
        return None, m.group()
    return None, None


def _position(m: regex.Match[str]) -> int:
    """Where the expression starts: "on Tuesday" at its weekday, as "Tuesday, May 5" does."""
    return m.start("weekday") if m.re is _WEEKDAY_REF else m.start()


def _reading(m: regex.Match[str], published: dt.date | None) -> tuple[dt.date | None, str]:
    if m.re is _ISO:
        return _safe_date(int(m["year"]), int(m["month"]), int(m["day"])), m.group()
    if m.re is _EXPLICIT or m.re is _DAY_FIRST:
        month = _MONTHS[m["month"].rstrip(".").lower()]
        day_of_month = int(m["day"])
        if m["year"]:
            return _safe_date(int(m["year"]), month, day_of_month), m.group()
        if published is None:
            return None, m.group()
        return _nearest(published, month, day_of_month), m.group()
    if m.re is _WEEKDAY_REF:
        if published is None or m.group().lower().startswith("this"):
            return None, m["weekday"]
        back = (published.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7
        return _days_before(published, back), m["weekday"]
    if published is None:
        return None, m.group()
    if m.re is _YESTERDAY:
        return _days_before(published, 1), m.group()
    if m.re is _TOMORROW:
        return _days_after(published, 1), m.group()
    return published, m.group()  # today, this morning, tonight


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _days_before(day: dt.date, days: int) -> dt.date | None:
    """``days`` before ``day``; None before the calendar's first day (the words stay)."""
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return None


def _days_after(day: dt.date, days: int) -> dt.date | None:
    """``days`` after ``day``; None past the calendar's last day (the words stay)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _nearest(published: dt.date, month: int, day: int) -> dt.date | None:
    candidates = [_safe_date(published.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    if not valid:
        return None
    return min(valid, key=lambda c: abs((c - published).days))
