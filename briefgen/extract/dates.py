"""When something happened: the text's own words, and a date where they fix one.

Relative words are resolved against the article's publication date: "today"
is that day, "on Tuesday" the last Tuesday on or before it, "December 9" the
nearest such day to it. Words that do not fix a day ("last month", "recently")
are kept with a null date, and so is everything in an undated article, and
a day that would fall outside the calendar (``datetime.date``'s years 1 to
9999: "yesterday" in an article dated 0001-01-01).

Small rules of our own instead of dateparser: news uses a handful of forms,
and a full date search over every sentence is both slower and more eager to
read dates into ordinary words.
"""

from __future__ import annotations

import datetime as dt

import regex

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTHS = {name.lower(): i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTHS.update({name[:3].lower(): i + 1 for i, name in enumerate(_MONTH_NAMES)})
_MONTHS["sept"] = 9
_SHORT_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MONTH = "(?:" + "|".join([*_MONTH_NAMES, _SHORT_MONTH]) + ")"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_EXPLICIT = regex.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<year>\d{{4}}))?"
)
_ISO = regex.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_TODAY = regex.compile(r"\b(?:[Tt]oday|[Tt]his (?:morning|afternoon|evening)|[Tt]onight)\b")
_YESTERDAY = regex.compile(r"\b[Yy]esterday\b")
_WEEKDAY_REF = regex.compile(rf"\b(?:(?:on|last|this)\s+)?(?P<weekday>{_WEEKDAY})(?:['’]s)?\b")
_VAGUE = regex.compile(
    r"\b(?:last|next|earlier this|later this|this|past) (?:week|month|year)\b|\brecently\b"
    r"|\bearlier (?:this )?(?:week|month|year)\b|\bupcoming\b"
)


def resolve_when(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """``(date, words)`` for the first time expression in ``text``."""
    if m := _ISO.search(text):
        day = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        return day, m.group()
    if m := _EXPLICIT.search(text):
        month = _MONTHS[m["month"].rstrip(".").lower()]
        day_of_month = int(m["day"])
        if m["year"]:
            return _safe_date(int(m["year"]), month, day_of_month), m.group()
        if published is None:
            return None, m.group()
        return _nearest(published, month, day_of_month), m.group()
    if m := _TODAY.search(text):
        return published, m.group()
    if m := _YESTERDAY.search(text):
        return (_days_before(published, 1) if published else None), m.group()
    if m := _WEEKDAY_REF.search(text):
        if published is None or m.group().lower().startswith("this"):
            return None, m["weekday"]
        target = _WEEKDAYS.index(m["weekday"].lower())
        back = (published.weekday() - target) % 7
        return _days_before(published, back), m["weekday"]
    if m := _VAGUE.search(text):
        return None, m.group()
    return None, None


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


def _nearest(published: dt.date, month: int, day: int) -> dt.date | None:
    candidates = [_safe_date(published.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    if not valid:
        return None
    return min(valid, key=lambda c: abs((c - published).days))
