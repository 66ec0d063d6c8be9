"""Which reports of meetings are one meeting (``extract.merge``), on invented reports.

Each test pins one rule of ``same_meeting`` and ``absorb_vague_meetings`` as
``records.build_digest`` applies them: first ``merge_facts``, then the fold
of the groups it leaves.
"""

from __future__ import annotations

import datetime as dt

from briefgen.extract.facts import Fact
from briefgen.extract.merge import (
    absorb_vague_meetings,
    merge_facts,
    named_over_groups,
    participants,
    same_meeting,
)
from briefgen.model import Article, Span

NOV_10 = dt.date(2016, 11, 10)


def _article(id: str, published: dt.date | None) -> Article:
    return Article(id=id, path=f"{id}.txt", text="X. " * 20, published=published)


def _meeting(
    parties: list[str],
    *,
    article: str = "a",
    published: dt.date | None = NOV_10,
    at: int = 0,
    **kw: object,
) -> Fact:
    fact = Fact("meeting", _article(article, published), Span(at, at + 2), parties)
    for key, value in kw.items():
        setattr(fact, key, value)
    return fact


def _merged(facts: list[Fact]) -> list[list[int]]:
    """The groups as indexes into ``facts``."""
    groups = absorb_vague_meetings(merge_facts(facts, same_meeting, participants))
    return [[facts.index(f) for f in g] for g in groups]


def test_an_undated_report_does_not_join_a_meeting_dated_years_before_its_article():
    facts = [
        # "... as Bush did when he met Obama on November 11, 2008": history.
        _meeting(["A", "B"], date=dt.date(2008, 11, 11), location="Washington", at=0),
        _meeting(["A", "B"], location="Washington", at=3),
        _meeting(["A", "B"], at=6),
    ]
    assert _merged(facts) == [[0], [1, 2]]


def test_undated_reports_two_years_apart_are_two_meetings():
    facts = [
        _meeting(
            ["A", "B"], article="x", published=dt.date(2022, 5, 17), date=dt.date(2022, 5, 17)
        ),
        _meeting(["A", "B"], article="y", published=dt.date(2024, 5, 19)),
        _meeting(["A", "B"], article="z", published=dt.date(2024, 5, 19), location="Rome"),
        _meeting(["A", "B"], article="w", published=dt.date(2022, 5, 18), location="Rome"),
    ]
    assert _merged(facts) == [[0], [1, 2], [3]]


def test_an_undated_report_is_of_its_articles_day():
    facts = [
        _meeting(["A", "B"], article="x", location="Washington"),
        _meeting(["A", "B"], article="y", date=NOV_10),
        _meeting(["A", "B"], article="z", date=NOV_10, location="Oslo"),  # elsewhere that day
    ]
    assert _merged(facts) == [[0, 1], [2]]


def test_groups_that_reports_in_article_order_kept_apart_are_folded():
    placed = [_meeting(["A", "B"], article="x", location="Rome")]
    dated = [_meeting(["A", "B"], article="y", date=NOV_10)]
    later = [_meeting(["A", "B"], article="y", date=dt.date(2016, 12, 1))]
    groups = absorb_vague_meetings([placed, dated, later])
    assert groups == [[placed[0], dated[0]], later]


def test_a_preview_and_the_report_of_that_days_meeting_are_one_held_meeting():
    facts = [
        _meeting(["A", "B"], article="x", status="planned", date=NOV_10, when="today"),
        _meeting(["A", "B"], article="y", date=NOV_10, when="Thursday"),
        # "will meet tomorrow", the day before.
        _meeting(
            ["A", "B"], article="w", status="planned", date=NOV_10, published=dt.date(2016, 11, 9)
        ),
        # A meeting planned for the next day is another one.
        _meeting(["A", "B"], article="x", status="planned", date=dt.date(2016, 11, 11)),
    ]
    groups = absorb_vague_meetings(merge_facts(facts, same_meeting, participants))
    assert [[facts.index(f) for f in g] for g in groups] == [[1, 0, 2], [3]]
    assert groups[0][0].status == "held"  # the record takes the first report's status


def test_a_preview_joins_the_held_meeting_only_when_it_names_its_day_or_place():
    held = _meeting(["A", "B"], article="x", date=NOV_10, location="Washington")
    at_the_white_house = _meeting(["A", "B"], article="x", status="planned", location="Washington")
    again = _meeting(["A", "B"], article="x", status="planned")  # "agreed to meet again"
    old_preview = _meeting(
        ["A", "B"],
        article="y",
        status="planned",
        location="Washington",
        published=dt.date(2016, 11, 8),
    )
    assert _merged([held, at_the_white_house, again]) == [[0, 1], [2]]
    assert _merged([held, old_preview]) == [[0], [1]]  # a preview of days before


def test_a_meeting_run_together_with_another_in_one_sentence_goes_to_its_own():
    # "A arrived for a meeting with B and to meet with C", read as A–B–C beside A–C,
    # in an article that reports A–B on its own.
    facts = [
        _meeting(["A", "B"], at=0, location="Washington"),
        _meeting(["A", "B", "C"], at=3),
        _meeting(["A", "C"], at=3),
    ]
    assert _merged(facts) == [[0, 1], [2]]
    # Without A–B on its own, A–B–C may be one meeting ("A and B met, then met C").
    assert _merged(facts[1:]) == [[0], [1]]
    # A–B on its own on another day is another meeting.
    facts[0].date = dt.date(2016, 10, 1)
    assert _merged(facts) == [[0], [1], [2]]


def test_a_call_and_a_meeting_somewhere_are_two():
    # "A spoke by phone with B today ... and invited him to the White House."
    call = _meeting(["A", "B"], date=NOV_10, format="call")
    visit = _meeting(["A", "B"], status="planned", location="Washington", at=3)
    held_there = _meeting(["A", "B"], date=NOV_10, location="Washington", article="y")
    assert _merged([call, visit]) == [[0], [1]]
    assert _merged([call, held_there]) == [[0], [1]]
    assert _merged([call, _meeting(["A", "B"], at=3)]) == [[0, 1]]


def test_a_meeting_held_after_its_report_was_published_keeps_no_date():
    from briefgen.extract.records import build_digest

    later = _meeting(["Ann", "Bo"], date=NOV_10 + dt.timedelta(days=20), when="November 30")
    planned = _meeting(
        ["Cy", "Di"], status="planned", date=NOV_10 + dt.timedelta(days=5), when="next week"
    )
    digest = build_digest([later.article], [], [later, planned], generator="test")
    assert [(m.date, m.when) for m in digest.meetings] == [
        (None, None),
        (NOV_10 + dt.timedelta(days=5), "next week"),
    ]


def test_criticisms_of_one_party_are_not_one_because_they_name_it():
    from briefgen.extract.merge import party_and_word, same_statement

    def dispute(parties: list[str], what: str, article: str) -> Fact:
        return Fact("disagreement", _article(article, NOV_10), Span(0, 2), parties, what=what)

    facts = [
        dispute(["Ann Lee", "government"], "the government", "a"),
        dispute(["Bo Chen", "government"], "a government rethink", "b"),
        dispute(["Dan Ross", "government"], "the government's tax plans", "c"),
        dispute(["Eve Hart", "government"], "its tax plans", "d"),
    ]
    groups = merge_facts(facts, same_statement, party_and_word)
    assert [[facts.index(f) for f in g] for g in groups] == [[0], [1], [2, 3]]


def test_a_statement_group_weighs_each_wording_once_and_groups_the_same():
    from briefgen.extract.merge import party_and_word, same_statement

    def said(parties: list[str], what: str, article: str) -> Fact:
        return Fact("agreement", _article(article, NOV_10), Span(0, 2), parties, what=what)

    wordings = [
        (["Ann Lee", "Bo Chen"], "agreed to expand trade"),
        (["Ann Lee", "Bo Chen"], "agreed to expand trade and investment"),
        (["Ann Lee", "Dan Ross"], "agreed to cut tariffs"),
    ]
    facts = [said(p, w, f"copy{n}") for n in range(5) for p, w in wordings]
    asked: list[int] = []

    def counting(fact: Fact, group: list[Fact]) -> bool:
        asked.append(len(group))
        return same_statement(fact, group)

    weighed = merge_facts(facts, counting, party_and_word, statement=True)
    assert weighed == merge_facts(facts, same_statement, party_and_word)
    assert [len(g) for g in weighed] == [10, 5]
    assert max(asked) == 2  # never more than the group's two wordings


def test_readouts_worded_alike_are_one_agreement_only_of_the_same_sides_within_days():
    from briefgen.extract.merge import party_and_word, same_agreement

    def agreed(parties: list[str], article: str, published: dt.date) -> Fact:
        what = "agreed to stay in close touch"
        return Fact("agreement", _article(article, published), Span(0, 2), parties, what=what)

    facts = [
        agreed(["Ann Lee", "Bo Chen"], "call-with-chen", NOV_10),
        agreed(["Ann Lee", "Dan Ross"], "call-with-ross", NOV_10),  # another call
        agreed(["Ann Lee", "Bo Chen"], "chen-again", NOV_10 + dt.timedelta(days=30)),
        agreed(["Ann Lee"], "chen-next-day", NOV_10 + dt.timedelta(days=1)),  # fewer sides
        agreed(["Bo Chen", "Ann Lee"], "chen-report", NOV_10 + dt.timedelta(days=2)),
    ]
    groups = merge_facts(facts, same_agreement, party_and_word, statement=True)
    assert [[facts.index(f) for f in g] for g in groups] == [[0, 3, 4], [1], [2]]


def test_a_condemnation_repeated_a_month_later_is_another_statement():
    from briefgen.extract.merge import party_and_word, same_statement

    def condemned(article: str, published: dt.date) -> Fact:
        what = "the missile launches"
        parties = ["Ann Lee", "Northland"]
        return Fact("disagreement", _article(article, published), Span(0, 2), parties, what=what)

    facts = [
        condemned("a", NOV_10),
        condemned("b", NOV_10 + dt.timedelta(days=3)),
        condemned("c", NOV_10 + dt.timedelta(days=40)),
    ]
    groups = merge_facts(facts, same_statement, party_and_word, statement=True)
    assert [[facts.index(f) for f in g] for g in groups] == [[0, 1], [2]]


def test_two_sentences_of_one_article_are_one_agreement_only_when_worded_nearly_alike():
    from briefgen.extract.merge import party_and_word, same_agreement

    def agreed(what: str, start: int) -> Fact:
        sides = ["Ann Lee", "Bo Chen"]
        return Fact("agreement", _article("a", NOV_10), Span(start, start + 2), sides, what=what)

    facts = [
        agreed(
            "committed to deepen economic cooperation in the Americas, including through a bank", 0
        ),
        agreed(
            "pledged to deepen cooperation in science and technology, including through a pact", 10
        ),
        agreed(
            "committed to deepen economic cooperation in the Americas, including through it", 20
        ),
    ]
    groups = merge_facts(facts, same_agreement, party_and_word, statement=True)
    assert [[facts.index(f) for f in g] for g in groups] == [[0, 2], [1]]


def test_a_group_named_by_a_common_noun_beside_the_parties_named_is_them():
    listed = _meeting(["Joe Biden", "Allies", "Justin Trudeau", "Olaf Scholz", "Mario Draghi"])
    few = _meeting(["Joe Biden", "Emmanuel Macron", "Allies"])
    described = _meeting(["Jennifer Klein", "diverse group", "Ann Lee", "Bo Chen"])
    out = named_over_groups([listed, few, described])
    assert [f.parties for f in out] == [
        ["Joe Biden", "Justin Trudeau", "Olaf Scholz", "Mario Draghi"],
        ["Joe Biden", "Emmanuel Macron", "Allies"],  # Allies beside two: others still
        ["Jennifer Klein", "diverse group", "Ann Lee", "Bo Chen"],  # described, kept
    ]
