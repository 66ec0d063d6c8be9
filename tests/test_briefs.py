"""What a brief says and how it is arranged: events, sentences, ranking, sources, press, layout.

Each test pins one rule of issue #13 on a change that must show in the output.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.digest import dump_digest, parse_digest
from briefgen.digest.changes import compare
from briefgen.digest.corrections import apply_corrections, parse_corrections, without_dropped
from briefgen.extract.events import CHAIN_GAP, link_outcomes
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
from briefgen.render import build_context
from briefgen.render.labels import packaged_labels
from briefgen.render.outlets import outlet_name, web_url
from briefgen.render.selection import resolve_when
from briefgen.render.sentences import meeting_clause, outcome_clause, sentence
from tests.test_audiences import brief, load_fixture, options

EN = packaged_labels("en")


def ev(source: str, start: int, quote: str = "A sentence.") -> Evidence:
    return Evidence(source=source, quote=quote, start=start, end=start + len(quote))


def two_meetings() -> Digest:
    return Digest(
        sources=[Source(id="a"), Source(id="b")],
        people=[
            Person(name="Chung Eui-yong", aliases=["Chung"], affiliation="South Korea"),
            Person(name="Antony Blinken", aliases=["Blinken"], affiliation="United States"),
            Person(name="Luigi Di Maio", affiliation="Italy"),
        ],
        meetings=[
            Meeting(participants=["Chung Eui-yong", "Antony Blinken"], evidence=[ev("a", 0)]),
            Meeting(participants=["Chung Eui-yong", "Luigi Di Maio"], evidence=[ev("a", 2000)]),
        ],
        agreements=[
            # right after the first meeting's sentence, by its participants (aliases)
            Agreement(parties=["Chung", "Blinken"], what="agreed to talk", evidence=[ev("a", 40)]),
            # right after the second meeting, by the first meeting's parties: no link
            Agreement(
                parties=["Chung", "Blinken"], what="agreed to meet", evidence=[ev("a", 2030)]
            ),
            # another article
            Agreement(parties=["Chung", "Luigi Di Maio"], what="to trade", evidence=[ev("b", 0)]),
            # same article and parties, too far from the meeting's sentences
            # (and from the proposal at 2020 that continues its chain)
            Agreement(
                parties=["Chung", "Luigi Di Maio"],
                what="to invest",
                evidence=[ev("a", 2020 + 11 + CHAIN_GAP + 1)],
            ),
        ],
        proposals=[
            # a state counts as its minister's side; no author: place alone decides
            Proposal(by="South Korea", what="a summit", evidence=[ev("a", 60)]),
            Proposal(what="talks", evidence=[ev("a", 2020)]),
        ],
    )


# --- facts grouped by event ------------------------------------------------------------


def test_outcomes_link_to_the_meeting_of_their_article_sentences_and_parties():
    linked = link_outcomes(two_meetings())
    assert [a.meeting for a in linked.agreements] == [0, None, None, None]
    assert [p.meeting for p in linked.proposals] == [0, 1]


def test_the_chain_grows_with_the_outcomes_that_join_it():
    digest = two_meetings()
    gap = CHAIN_GAP - 10
    digest.agreements[0].evidence = [ev("a", 11 + gap)]  # ends at 11 + gap + 11
    digest.proposals[0].evidence = [ev("a", 11 + gap + 11 + gap)]  # after the agreement
    linked = link_outcomes(digest)
    assert linked.agreements[0].meeting == 0 and linked.proposals[0].meeting == 0


def test_links_are_recomputed_and_follow_a_dropped_meeting():
    digest = link_outcomes(two_meetings())
    digest = digest.model_copy(update={"meetings": digest.meetings[1:]})
    again = link_outcomes(digest)
    # Article a now reports one meeting: its outcomes of the same parties are that
    # meeting's wherever they stand (a readout); Blinken's are no one's.
    assert [a.meeting for a in again.agreements] == [None, None, None, 0]
    assert again.proposals[1].meeting == 0


def test_the_digest_writes_a_link_only_where_there_is_one_and_reads_it_back():
    digest = link_outcomes(two_meetings())
    text = dump_digest(digest)
    assert text.count("meeting: 0") == 2 and text.count("meeting: 1") == 1
    assert "meeting: null" not in text
    assert parse_digest(text, Path("d.yaml")) == digest


def test_a_link_to_no_meeting_is_refused_with_its_key():
    digest = two_meetings()
    digest.agreements[0].meeting = 5
    with pytest.raises(Exception, match=r"agreements\.0\.meeting: 5 is not the index"):
        build_context(digest, options("analyst")[0])


def test_outcomes_show_under_their_meeting_in_every_format():
    digest = load_fixture()  # its agreement came out of the Paris meeting
    md = brief(digest, "analyst")
    meetings = md.split("## Meetings")[1].split("## Agreements")[0]
    assert "    - They agreed to closely communicate on the matter. [1]" in meetings
    agreements = md.split("## Agreements")[1].split("## ")[0]
    assert "agreed to closely" not in agreements
    assert "Those that came out of a meeting are listed under it." in agreements
    html = brief(digest, "analyst", "html")
    assert '<ul class="outcomes">\n<li class="agreement"><p class="lead">They agreed' in html


# --- sentences ----------------------------------------------------------------------


def test_outcomes_read_as_sentences_whatever_their_text_starts_with():
    def said(fact: Any, participants: tuple[str, ...] = ()) -> str:
        return sentence([outcome_clause(fact, EN, participants=participants)], EN)

    parties = ["A", "B"]
    assert said(Agreement(parties=parties, what="agreed to talk")) == "A and B agreed to talk."
    assert said(Agreement(parties=parties, what="to talk,")) == "A and B agreed to talk."
    assert said(Agreement(parties=parties, what="the need for calm")) == (
        "A and B agreed on the need for calm."
    )
    assert said(Agreement(parties=parties, what="reaffirmed the alliance")) == (
        "A and B reaffirmed the alliance."
    )
    assert said(Agreement(parties=parties, what="agreed to talk"), ("B", "A")) == (
        "They agreed to talk."
    )
    assert (
        said(Proposal(by="C", what="proposal to declare peace")) == "C proposed to declare peace."
    )
    assert said(Proposal(by="C", what="a summit")) == "C proposed a summit."
    assert said(Proposal(by="C", what="talks")) == "C proposed talks."
    assert said(Proposal(by="C", what="declare an end")) == "C proposed to declare an end."
    assert said(Proposal(by="C", what="invitation for him to visit")) == (
        "C proposed invitation for him to visit."  # a noun by its ending, not "to invitation"
    )
    assert said(Proposal(by="C", what="intent to work with Congress")) == (
        "C proposed intent to work with Congress."  # a noun of no telling ending
    )
    assert said(Proposal(by="C", what="pledge to donate $2")) == "C pledged to donate $2."
    assert said(Proposal(by="C", what="would abolish tuition fees")) == (
        "C would abolish tuition fees."  # a pledge, with its own modal
    )
    assert said(Proposal(what="to meet")) == "A proposal was made to meet."
    clash = Disagreement(parties=parties, topic="disagreed on sanctions")
    assert said(clash) == "A and B disagreed on sanctions."
    assert (
        said(Disagreement(parties=parties, topic="sanctions")) == "A and B differ over sanctions."
    )
    assert said(Proposal(what="talks")) == "A proposal was made for talks."


def test_a_stance_every_party_holds_is_said_as_that_stance_not_as_a_difference():
    def said(fact: Any) -> str:
        return sentence([outcome_clause(fact, EN)], EN)

    shared = [Position(party=p, position="oppose terrorism in all its forms") for p in "AB"]
    together = Disagreement(parties=["A", "B"], topic="terrorism", positions=shared)
    assert said(together) == "A and B oppose terrorism in all its forms."
    one_side = Disagreement(parties=["A", "B"], topic="the plan", positions=shared[:1])
    assert said(one_side) == "A and B differ over the plan."
    # One side's act that names the other reads as that act, by that side.
    accused = [Position(party="A", position="accused B of telling lies")]
    charge = Disagreement(parties=["A", "B"], topic="telling lies", positions=accused)
    assert said(charge) == "A accused B of telling lies."
    # A stance of one word ("rejected", of a passive) says what it is about.
    rejected = [Position(party="Commons", position="rejected")]
    vote = Disagreement(parties=["Commons"], topic="an amendment", positions=rejected)
    assert said(vote) == "Commons rejected an amendment."


def test_a_meeting_sentence_leaves_out_an_occasion_that_needs_its_article():
    meeting = Meeting(participants=["A", "B"], location="Paris", occasion="his visit")
    assert meeting_clause(meeting, EN, "%-d %B %Y", date=None) == "A and B met in Paris"
    meeting.occasion = "the G20 summit"
    day = dt.date(2021, 10, 31)
    assert meeting_clause(meeting, EN, "%-d %B %Y", date=day) == (
        "A and B met in Paris on 31 October 2021 at the G20 summit"
    )


def test_a_planned_meeting_reads_as_planned():
    planned: Any = SimpleNamespace(
        participants=["A", "B"], location=None, occasion=None, format=None, status="planned"
    )
    assert meeting_clause(planned, EN, "%Y", date=None) == "A and B will meet"


def test_relative_days_resolve_against_the_source_date():
    monday = dt.date(2021, 11, 1)
    assert resolve_when("Sunday", monday) == dt.date(2021, 10, 31)
    assert resolve_when("on Monday", monday) == monday
    assert resolve_when("yesterday", monday) == dt.date(2021, 10, 31)
    assert resolve_when("last month", monday) is None
    assert resolve_when("Sunday", None) is None


# --- importance -----------------------------------------------------------------------


def test_focus_decides_which_events_lead_the_key_points():
    digest = link_outcomes(two_meetings())
    info, opts = options("analyst")
    # Without a focus, the parties most present in the sources lead: Chung and
    # Di Maio are each in both articles, Blinken in one.
    first = build_context(digest, info, opts).key_points[0].text
    assert first.startswith("Chung Eui-yong and Luigi Di Maio met")
    # A focus on a state counts its people: Blinken for the United States.
    focus = info.__class__(title="T", focus=("United States", "Chung"))
    focused = build_context(digest, focus, opts)
    assert focused.key_points[0].text.startswith("Chung Eui-yong and Antony Blinken met")


def test_limits_keep_the_most_important_not_the_most_cited():
    digest = two_meetings()
    # The Di Maio meeting is cited by two sources, the Blinken one by one; the
    # focus is on Blinken's side, so his meeting is kept.
    digest.meetings[1].evidence.append(ev("b", 5))
    info, opts = options("analyst", limits={"meetings": 1})
    info = info.__class__(title="T", focus=("United States",))
    kept = build_context(digest, info, opts).meetings
    assert [m.participants[1] for m in kept] == ["Antony Blinken"]


# --- sources ------------------------------------------------------------------------


def test_outlets_from_metadata_or_the_table_of_known_hosts():
    assert outlet_name(Source(id="x", outlet="bbc")) == "BBC News"
    assert outlet_name(Source(id="x", url="https://www.bbc.co.uk/news/1")) == "BBC News"
    assert outlet_name(Source(id="x", url="https://washingtonpost.com/a")) == (
        "The Washington Post"
    )
    assert outlet_name(Source(id="x", outlet="Yonhap News Agency")) == "Yonhap News Agency"
    assert outlet_name(Source(id="x", url="https://news.example.org/a")) == "news.example.org"
    assert outlet_name(Source(id="x", url="javascript:alert(1)")) is None
    assert web_url("javascript:alert(1)") is None and web_url("file:///etc/passwd") is None


def test_sources_list_titles_outlets_and_only_web_urls():
    digest = load_fixture().model_copy(deep=True)
    digest.sources[0].url = "https://www.koreaherald.com/view?ud=1&x=<b>"
    digest.sources[1].url = "javascript:alert(1)"
    html = brief(digest, "analyst", "html")
    assert 'href="https://www.koreaherald.com/view?ud=1&amp;x=&lt;b&gt;"' in html
    assert "javascript:" not in html
    md = brief(digest, "analyst")
    assert "<https://www.koreaherald.com/view?ud=1&x=%3Cb%3E>" in md
    assert "The Korea Herald" in md or "Korea Herald" in md


def test_source_numbers_follow_the_previous_edition():
    digest = load_fixture()
    reordered = digest.model_copy(update={"sources": digest.sources[::-1]})
    info, opts = options("analyst")
    alone = build_context(reordered, info, opts)
    assert alone.sources[0].source.id == digest.sources[1].id
    kept = build_context(reordered, info, opts, changes=compare(digest, reordered))
    assert [s.source.id for s in kept.sources] == [s.id for s in digest.sources]


# --- press and corrections ----------------------------------------------------------


CORRECTIONS = """\
agreements:
  - add: {parties: [Chung Eui-yong, Antony Blinken], what: agreed to meet in Seoul}
  - add: {parties: [Chung Eui-yong, Antony Blinken], what: agreed to a hotline}
    public: true
disagreements:
  - match: {contains: sanctions}
    drop: true
"""


def corrected() -> Digest:
    corrections = parse_corrections(CORRECTIONS, Path("config/corrections.yaml"))
    return apply_corrections(load_fixture(), corrections).digest


def test_press_shows_a_hand_added_fact_only_when_public():
    press = brief(corrected(), "press")
    assert "agreed to a hotline" in press and "agreed to meet in Seoul" not in press
    analyst = brief(corrected(), "analyst")
    assert "agreed to a hotline" in analyst and "agreed to meet in Seoul" in analyst


def test_hand_corrections_are_cited_but_never_counted_as_sources():
    digest = corrected()
    assert len(digest.sources) == 4  # two articles, the corrections, the public ones
    for name in ("press", "analyst"):
        assert "· 2 sources" in brief(digest, name)
    changes = compare(load_fixture(), digest)
    assert changes.current_sources == 2 and not changes.sources.added


def test_a_fact_dropped_by_hand_is_not_reported_as_no_longer_reported():
    corrections = parse_corrections(CORRECTIONS, Path("config/corrections.yaml"))
    previous = without_dropped(load_fixture(), corrections)
    changes = compare(previous, corrected())
    assert not changes.disagreements.removed


# --- layout and languages -----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_footer_override_cannot_drop_the_marking(tmp_path: Path, fmt: str):
    (tmp_path / f"brief.{fmt}.j2").write_text(
        f'{{% extends "default:brief.{fmt}.j2" %}}{{% block footer %}}{{% endblock %}}'
        "{% block header %}{% endblock %}{% block page_style %}{% endblock %}"
    )
    text = brief(load_fixture(), "executive", fmt, dirs=[tmp_path])
    assert text.count("INTERNAL — NOT FOR DISTRIBUTION") >= 2
    if fmt == "html":
        assert '@top-center { content: "INTERNAL — NOT FOR DISTRIBUTION";' in text
        assert '@bottom-center { content: "INTERNAL — NOT FOR DISTRIBUTION";' in text


def test_the_tool_is_named_in_the_analyst_brief_only():
    digest = load_fixture()
    assert "briefgen" in brief(digest, "analyst")
    for name in ("executive", "press"):
        assert "briefgen" not in brief(digest, name)
        assert "briefgen" not in brief(digest, name, "html")


def test_korean_and_french_briefs_have_no_english_fixed_words():
    digest = load_fixture()
    ko = brief(digest, "analyst", language="ko")
    assert "## 핵심 요약" in ko and "장소: Paris" in ko and "2021년 10월 5일" in ko
    for word in ("Key points", "Where", "October", "Sources", "analyst"):
        assert word not in ko
    fr = brief(digest, "analyst", "html", language="fr")
    assert "<dt>Lieu :</dt>" in fr and "analyste" in fr and "aparté" in fr


def test_since_the_last_brief_speaks_the_audience_language():
    digest = load_fixture()
    previous = digest.model_copy(update={"meetings": digest.meetings[:1]})
    info, opts = options("analyst")
    from briefgen.render import render

    opts = opts.__class__(**{**opts.__dict__, "language": "fr", "date_format": ""})
    out = render(
        digest,
        info=info,
        options=opts,
        formats=["md"],
        template_dirs=[],
        changes=compare(previous, digest),
    )["brief.md"].decode()
    since = out.split("## Depuis la dernière note")[1].split("\n## ")[0]
    assert "Nouveau : " in since or "Nouveau: " in since
    assert "31 octobre 2021" in since and "2021-10-31" not in since


# --- check ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _briefgen_logging_restored():
    """The CLI sets up the "briefgen" logger (-q sets it to errors): undo it for later tests."""
    import logging

    logger = logging.getLogger("briefgen")
    saved = (logger.level, list(logger.handlers), logger.propagate)
    yield
    logger.level, logger.handlers[:], logger.propagate = saved[0], saved[1], saved[2]


def run(workspace: Path, *args: str) -> Any:
    import os

    old = os.getcwd()
    os.chdir(workspace)
    try:
        return CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)


def test_check_passes_a_good_workspace_by_rendering_a_sample(workspace: Path):
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert "rendered as md, html, pdf, docx against a sample digest" in result.output


def test_check_lays_out_the_pdf_and_reports_one_over_its_page_limit(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    config.write_text(
        config.read_text()
        + "audiences:\n  executive: {limits: {key_points: 30, meetings: 30, agreements: 30}}\n"
    )
    (workspace / "build").mkdir()
    shutil.copy(Path(__file__).parent / "golden" / "seeds" / "digest.yaml", workspace / "build")
    result = run(workspace, "check", "--audience", "executive", "--format", "pdf")
    assert result.exit_code == 1, result.output
    assert "audience executive: the executive brief's PDF is 2 pages, over its max_pages of 1" in (
        result.output
    )


def test_check_reports_every_problem_at_once_each_with_its_source(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    config.write_text(
        config.read_text().replace("  - seeds/\n", "  - seeds/\n  - missing/\n")
        + "audiences:\n  executiv: {marking: SECRET}\n"
    )
    templates = workspace / "templates"
    templates.mkdir()
    (templates / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        "{% block header %}{{ info.titel }}{% endblock %}\n"
        "{% block peple %}{% endblock %}\n"
    )
    (workspace / "config" / "corrections.yaml").write_text(
        "meetings:\n  - match: {participants: [Nobody]}\n    drop: true\n"
    )
    (workspace / "build").mkdir()
    shutil.copy(Path(__file__).parent / "golden" / "seeds" / "digest.yaml", workspace / "build")
    result = run(workspace, "check", "--format", "docxx")
    assert result.exit_code == 2  # a bad flag: a usage error, reported with the rest
    lines = result.output.splitlines()
    expected = [
        "--format: 'docxx' is not a format (did you mean 'docx'?)",
        "config/briefgen.yaml: inputs.1: missing/: no such file or folder",
        "config/briefgen.yaml: audiences.executiv: no built-in audience has this name"
        " and brief.audience does not build it (did you mean 'executive'?)",
        "templates/brief.html.j2:3: block 'peple' is not a block of brief.html.j2"
        " (did you mean 'people'?)",
        "correction matches nothing: config/corrections.yaml:2: meetings.0",
        "has no attribute 'titel'",
    ]
    for part in expected:
        assert any(part in line for line in lines), (part, result.output)
    assert all(line.startswith("briefgen: ") for line in lines if line.strip())


def test_check_blames_a_flag_on_the_flag(workspace: Path):
    result = run(workspace, "check", "--audience", "executiv")
    assert result.exit_code == 2
    assert "briefgen: error: --audience: unknown audience 'executiv' (did you mean" in (
        result.output
    )
    result = run(workspace, "check", "--audience", "Executive")
    assert "--audience: 'Executive' is not a valid name (did you mean 'executive'?)" in (
        result.output
    )
    assert "pattern" not in result.output and "^[a-z" not in result.output


def test_check_reports_config_and_label_problems_together(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    config.write_text(config.read_text() + "audiences:\n  analyst: {paper: A3, language: de}\n")
    result = run(workspace, "check")
    assert result.exit_code == 2
    assert "audiences.analyst.paper: Input should be 'A4' or 'Letter'" in result.output
    assert "labels file 'labels/de.yaml' not found" in result.output


def test_global_options_work_after_the_subcommand(workspace: Path):
    quiet = run(workspace, "check", "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
    assert run(workspace, "-q", "check").output == ""


def test_help_is_whole_sentences_with_an_example_and_exit_codes():
    result = CliRunner().invoke(cli, ["--help"])
    assert "..." not in result.output.split("Commands:")[1]
    assert "Example" in result.output and "Exit codes" in result.output


def test_a_proposal_reported_at_two_meetings_carries_neither_articles_outcomes_away():
    # Article b reports the Paris meeting; article a the Rome one first, and Paris later.
    # One proposal is quoted from both; a's agreement right after it stays with Rome.
    digest = two_meetings()
    digest.meetings = [
        Meeting(
            participants=["Chung Eui-yong", "Antony Blinken"],
            location="Paris",
            evidence=[ev("b", 0), ev("a", 3000)],
        ),
        Meeting(
            participants=["Chung Eui-yong", "Antony Blinken"],
            location="Rome",
            evidence=[ev("a", 0)],
        ),
    ]
    digest.proposals = [Proposal(by="Chung", what="an end", evidence=[ev("b", 20), ev("a", 40)])]
    digest.agreements = [Agreement(parties=["Chung", "Blinken"], what="x", evidence=[ev("a", 70)])]
    linked = link_outcomes(digest)
    assert linked.proposals[0].meeting == 0
    assert linked.agreements[0].meeting == 1
