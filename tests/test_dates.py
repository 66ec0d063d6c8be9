"""When a sentence says something happened (``extract.dates``), on invented sentences.

``tests/test_extract.py`` pins the forms one at a time; these pin which of
several expressions in one sentence dates its event.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.dates import resolve_when


@pytest.mark.parametrize(
    ("text", "published", "date", "words"),
    [
        # The first expression in the text, whatever its form.
        (
            "A and B met for the first time Thursday, weeks before A takes office Jan. 20.",
            "2016-11-10", "2016-11-10", "Thursday",
        ),
        ("Today A met B to prepare the summit of May 5.", "2024-04-02", "2024-04-02", "Today"),
        # Two forms that start at one place: the one that fixes the date.
        ("On Saturday, December 9, A met B.", "2023-12-08", "2023-12-09", "Saturday, December 9"),
        ("On Tuesday, 4 March, A met B.", "2025-03-05", "2025-03-04", "Tuesday, 4 March"),
        # The day first, as British and European texts write it.
        ("On 23 November 2025, A and B met in Geneva.", "2025-11-24", "2025-11-23",
         "23 November 2025"),
        ("A met B on the 5th of May.", "2025-05-07", "2025-05-05", "5th of May"),
        ("A met B in Mayfair on 4 Sept. before the vote.", "2025-09-05", "2025-09-04", "4 Sept."),
        ("A will meet B tomorrow.", "2016-11-09", "2016-11-10", "tomorrow"),
        # The day the words were said, not the day of what they report.
        ("On Wednesday evening, A's aides said he would meet B.", "2016-11-10", None, None),
        ("In an interview Wednesday, the White House communications director said A met B.",
         "2016-11-10", None, None),
        ("On 4 March, officials said A met B on Monday.", "2025-03-05", "2025-03-03", "Monday"),
        # ... except "today", the article's day for both.
        ("Today, the White House announced that A met B.", "2024-01-02", "2024-01-02", "Today"),
    ],
)  # fmt: skip
def test_the_first_expression_that_dates_the_event_counts(text, published, date, words):
    got_date, got_words = resolve_when(text, dt.date.fromisoformat(published))
    assert (got_date.isoformat() if got_date else None, got_words) == (date, words)


def test_tomorrow_in_an_undated_article_is_kept_as_words():
    assert resolve_when("A will meet B tomorrow.", None) == (None, "tomorrow")
    assert resolve_when("A will meet B tomorrow.", dt.date.max) == (None, "tomorrow")
