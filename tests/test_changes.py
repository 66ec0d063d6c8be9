"""What changed between digests: ``compare``, ``briefgen diff``, and the brief's
"Since the last brief" section, down to building twice from a feed that
gained an entry.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefgen.cli import cli
from briefgen.digest import dump_digest, load_digest
from briefgen.digest.changes import compare, format_changes
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
from briefgen.render import BriefInfo, render

from .conftest import FIXTURES

FEEDS = FIXTURES / "feeds"


def ev(source: str, quote: str) -> Evidence:
    return Evidence(source=source, quote=quote, start=0, end=len(quote))


def digest(**kinds: object) -> Digest:
    base: dict[str, object] = {"sources": [Source(id="s1", title="One", path="a/one.txt")]}
    return Digest.model_validate(base | kinds)


MEETING = Meeting(
    participants=["Chung Eui-yong", "Antony Blinken"],
    location="Paris",
    date=dt.date(2021, 10, 5),
    evidence=[ev("s1", "Chung met Blinken in Paris.")],
)


# --- compare --------------------------------------------------------------------------


def test_same_facts_in_another_spelling_and_order_are_no_change():
    old = digest(meetings=[MEETING], agreements=[Agreement(parties=["A", "B"], what="to talk.")])
    new = digest(
        meetings=[
            MEETING.model_copy(
                update={"participants": ["antony  blinken", "Chung Eui-yong"], "location": "PARIS"}
            )
        ],
        agreements=[Agreement(parties=["B", "A"], what="To talk")],
    )
    changes = compare(old, new)
    assert not changes and not changes.facts_changed
    assert format_changes(changes).endswith("no differences\n")


def test_added_removed_and_changed_per_kind_in_digest_order():
    seoul = Meeting(participants=["Moon Jae-in", "Joe Biden"], location="Washington")
    rome = Meeting(participants=["Chung Eui-yong", "Luigi Di Maio"], location="Rome")
    old = digest(
        meetings=[MEETING, rome],
        proposals=[Proposal(by="Chung Eui-yong", what="an end-of-war declaration")],
        people=[Person(name="Antony Blinken", role="Secretary of State")],
    )
    new = digest(
        meetings=[seoul, MEETING.model_copy(update={"occasion": "an OECD meeting"})],
        proposals=[Proposal(by="Chung Eui-yong", what="an end-of-war declaration")],
        people=[Person(name="Antony Blinken", role="Secretary")],
        disagreements=[
            Disagreement(
                parties=["A", "B"], topic="tariffs", positions=[Position(party="A", position="no")]
            )
        ],
        sources=[Source(id="s1", path="a/one.txt"), Source(id="s2", path="a/two.txt")],
    )
    changes = compare(old, new)
    assert changes.meetings.added == (seoul,)
    assert changes.meetings.removed == (rome,)
    [changed] = changes.meetings.changed
    assert changed.fields == ("occasion",) and changed.new.occasion == "an OECD meeting"
    assert not changes.proposals and not changes.agreements
    assert len(changes.disagreements.added) == 1
    assert changes.people.changed[0].fields == ("role",)
    assert [s.id for s in changes.sources.added] == ["s2"]
    assert changes.sources.changed[0].fields == ("title",)  # "One" -> none
    assert (changes.previous_sources, changes.current_sources) == (1, 2)
    text = format_changes(changes)
    assert "meetings: 1 added, 1 removed, 1 changed" in text
    assert "  + Moon Jae-in, Joe Biden · Washington" in text
    assert "  - Chung Eui-yong, Luigi Di Maio · Rome" in text
    assert "  ~ Chung Eui-yong, Antony Blinken · Paris · 2021-10-05 (occasion)" in text


def test_a_meeting_whose_place_is_now_known_is_changed_not_replaced():
    unplaced = MEETING.model_copy(update={"location": None, "date": None})
    changes = compare(digest(meetings=[unplaced]), digest(meetings=[MEETING]))
    assert not changes.meetings.added and not changes.meetings.removed
    assert changes.meetings.changed[0].fields == ("location", "date")
    # A different place where both are known is a different meeting.
    rome = MEETING.model_copy(update={"location": "Rome"})
    changes = compare(digest(meetings=[rome]), digest(meetings=[MEETING]))
    assert changes.meetings.added == (MEETING,) and changes.meetings.removed == (rome,)


def test_a_new_report_of_a_fact_changes_its_evidence_but_moved_offsets_do_not():
    moved = MEETING.model_copy(
        update={
            "evidence": [
                Evidence(source="s9", quote="Chung met Blinken in Paris.", start=50, end=77)
            ]
        }
    )
    assert not compare(digest(meetings=[MEETING]), digest(meetings=[moved]))
    reported = MEETING.model_copy(update={"evidence": [*MEETING.evidence, ev("s1", "They met.")]})
    changes = compare(digest(meetings=[MEETING]), digest(meetings=[reported]))
    assert changes.meetings.changed[0].fields == ("evidence",)


def test_repeated_facts_pair_one_to_one():
    a = Agreement(parties=["A", "B"], what="x")
    changes = compare(digest(agreements=[a]), digest(agreements=[a, a]))
    assert changes.agreements.added == (a,) and not changes.agreements.removed


names = st.sampled_from(["Ana Lis", "Tom Berg", "Chung Eui-yong", "Joe Biden"])
meetings = st.builds(
    Meeting,
    participants=st.lists(names, min_size=2, max_size=3, unique=True),
    location=st.sampled_from([None, "Paris", "Rome"]),
    date=st.sampled_from([None, dt.date(2021, 10, 5)]),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(meetings, max_size=6), st.lists(meetings, max_size=6))
def test_compare_accounts_for_every_meeting_and_is_deterministic(old_list, new_list):
    old, new = digest(meetings=old_list), digest(meetings=new_list)
    changes = compare(old, new)
    c = changes.meetings
    assert len(c.added) + len(c.changed) <= len(new_list)
    assert len(new_list) - len(c.added) == len(old_list) - len(c.removed)  # the rest are pairs
    assert compare(old, new).to_dict() == changes.to_dict()
    assert not compare(new, new)


# --- briefgen diff ----------------------------------------------------------------------


@pytest.fixture
def two_digests(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(dump_digest(digest(meetings=[MEETING])), encoding="utf-8")
    seoul = Meeting(participants=["Moon Jae-in", "Joe Biden"], location="Seoul")
    new.write_text(dump_digest(digest(meetings=[MEETING, seoul])), encoding="utf-8")
    return old, new


def test_diff_prints_readable_and_json_forms(two_digests):
    old, new = two_digests
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert (
        "meetings: 1 added, 0 removed, 0 changed\n  + Moon Jae-in, Joe Biden · Seoul\n"
        in result.output
    )
    result = CliRunner().invoke(cli, ["diff", "--json", str(old), str(new)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["differ"] is True
    assert data["summary"]["meetings"] == {"added": 1, "removed": 0, "changed": 0}
    assert data["meetings"]["added"][0]["participants"] == ["Moon Jae-in", "Joe Biden"]
    assert data["people"] == {"added": [], "removed": [], "changed": []}
    assert list(data) == sorted(data)  # stable key order


def test_diff_exit_code_says_whether_they_differ(two_digests, tmp_path):
    old, new = two_digests
    runner = CliRunner()
    assert runner.invoke(cli, ["diff", "--exit-code", str(old), str(new)]).exit_code == 1
    assert runner.invoke(cli, ["diff", "--exit-code", str(old), str(old)]).exit_code == 0
    assert runner.invoke(cli, ["diff", str(old), str(new)]).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("meetings: [{location: Paris}]\n", encoding="utf-8")
    result = runner.invoke(cli, ["diff", "--exit-code", str(old), str(bad)])
    assert result.exit_code == 2
    assert f"briefgen: error: {bad}: meetings.0.participants: Field required" in result.output
    assert runner.invoke(cli, ["diff", str(old), str(bad)]).exit_code == 1


# --- the brief's section ------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> [x](http://evil.example) # **bold**"


def test_the_section_escapes_article_text_in_markdown_and_html():
    hostile = Meeting(
        participants=[HOSTILE, "Tom Berg"], location=HOSTILE, evidence=[ev("s1", "q")]
    )
    old = digest()
    new = digest(meetings=[hostile], proposals=[Proposal(by=HOSTILE, what=HOSTILE)])
    out = render(
        new, info=BriefInfo(title="T"), formats=["md", "html"], template_dirs=[],
        changes=compare(old, new),
    )  # fmt: skip
    md, html = out["brief.md"].decode(), out["brief.html"].decode()
    section = md.split("## Since the last brief", 1)[1].split("\n## ", 1)[0]
    assert "- New: **\\<script\\>" in section and "[x](http://" not in section
    rendered = MarkdownIt("commonmark").render(section)
    assert "<script" not in rendered and "<a " not in rendered and "<strong>**" not in rendered
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<section id="since-last-brief">' in html


def test_no_previous_digest_means_no_section():
    new = digest(meetings=[MEETING])
    plain = render(new, info=BriefInfo(title="T"), formats=["md", "html"], template_dirs=[])
    assert b"Since the last brief" not in plain["brief.md"] + plain["brief.html"]


# --- building twice ---------------------------------------------------------------------


@pytest.fixture
def feed_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from briefgen.ingest.fetch import Fetcher

    def refuse(self: Fetcher, url: str, **kwargs: object) -> None:
        raise AssertionError(f"unexpected fetch of {url}")

    monkeypatch.setattr(Fetcher, "get", refuse)
    (tmp_path / "config").mkdir()
    (tmp_path / "feeds").mkdir()
    shutil.copy(FEEDS / "briefing-room.rss", tmp_path / "feeds" / "briefing-room.rss")
    (tmp_path / "config" / "briefgen.yaml").write_text(
        "brief:\n  title: Morning brief\nfeeds:\n  sources: [feeds/briefing-room.rss]\n"
        "output:\n  formats: [md, html]\n",
        encoding="utf-8",
    )
    return tmp_path


def build(ws: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["build", "--config", str(ws / "config" / "briefgen.yaml"), *args]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_building_twice_from_a_feed_with_a_new_entry_reports_it(feed_workspace):
    ws = feed_workspace
    first = build(ws)
    assert "previous-digest.yaml" not in first
    assert "Since the last brief" not in (ws / "build" / "analyst" / "brief.md").read_text("utf-8")

    shutil.copy(FEEDS / "briefing-room-next.rss", ws / "feeds" / "briefing-room.rss")
    second = build(ws)
    assert "previous-digest.yaml" in second and "changes.json" in second
    md = (ws / "build" / "analyst" / "brief.md").read_text("utf-8")
    section = md.split("## Since the last brief\n\n", 1)[1].split("\n## ", 1)[0]
    assert section.startswith("3 sources now, 2 then: 1 new, 0 no longer included.\n")
    assert "- New: **Joseph R. Biden, Jr. and Joko Widodo**, 1 November 2021 [3]" in section
    assert "Trudeau" not in section and "Merkel" not in section
    html = (ws / "build" / "analyst" / "brief.html").read_text("utf-8")
    assert "New: <strong>Joseph R. Biden, Jr. and Joko Widodo</strong>" in html

    changes = json.loads((ws / "build" / "changes.json").read_text("utf-8"))
    assert changes["summary"]["sources"]["added"] == 1
    assert changes["summary"]["meetings"] == {"added": 1, "removed": 0, "changed": 0}
    diff = CliRunner().invoke(
        cli,
        [
            "diff",
            "--json",
            str(ws / "build" / "previous-digest.yaml"),
            str(ws / "build" / "digest.yaml"),
        ],
    )
    assert json.loads(diff.output) == changes

    # A rebuild with nothing new keeps the comparison, byte for byte.
    before = {p: p.read_bytes() for p in (ws / "build").rglob("brief.*")}
    build(ws)
    after = {p: p.read_bytes() for p in (ws / "build").rglob("brief.*")}
    assert after == before

    # Rendering the build's digest again (after a hand edit, say) gives the same section.
    out = ws / "again"
    result = CliRunner().invoke(
        cli,
        ["render", str(ws / "build" / "digest.yaml"), "--out", str(out), "--format", "md",
         "--config", str(ws / "config" / "briefgen.yaml")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (out / "analyst" / "brief.md").read_bytes() == before[
        ws / "build" / "analyst" / "brief.md"
    ]


def test_since_names_the_digest_to_compare_with(feed_workspace, tmp_path):
    ws = feed_workspace
    old = tmp_path / "old-digest.yaml"
    old.write_text(dump_digest(Digest()), encoding="utf-8")
    build(ws, "--since", str(old))
    md = (ws / "build" / "analyst" / "brief.md").read_text("utf-8")
    assert "2 sources now, 0 then: 2 new, 0 no longer included." in md
    assert (ws / "build" / "previous-digest.yaml").read_bytes() == old.read_bytes()

    digest_path = str(ws / "build" / "digest.yaml")
    result = CliRunner().invoke(
        cli, ["render", digest_path, "--since", digest_path, "--out", str(tmp_path / "r"),
              "--format", "md", "--config", str(ws / "config" / "briefgen.yaml")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "No new meetings, agreements, disagreements or proposals." in (
        tmp_path / "r" / "analyst" / "brief.md"
    ).read_text("utf-8")


def test_a_broken_previous_digest_is_a_warning_but_a_broken_since_an_error(feed_workspace):
    ws = feed_workspace
    (ws / "build").mkdir()
    (ws / "build" / "digest.yaml").write_text("meetings: [oops\n", encoding="utf-8")
    # --force: a digest briefgen did not write is otherwise kept (see test_publish.py).
    result = CliRunner().invoke(
        cli, ["build", "--force", "--config", str(ws / "config" / "briefgen.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert "not comparing with the previous digest:" in result.output
    assert "Since the last brief" not in (ws / "build" / "analyst" / "brief.md").read_text("utf-8")
    assert not (ws / "build" / "previous-digest.yaml").exists()

    bad = ws / "bad.yaml"
    bad.write_text("meetings: [oops\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["build", "--config", str(ws / "config" / "briefgen.yaml"), "--since", str(bad)]
    )
    assert result.exit_code == 1
    assert f"briefgen: error: {bad}:2: invalid YAML" in result.output


def test_since_last_off_builds_plain_briefs_and_drops_a_stale_comparison(feed_workspace):
    ws = feed_workspace
    build(ws)
    # An unchanged rebuild makes no comparison of its own; --since asks for one.
    build(ws, "--since", str(ws / "build" / "digest.yaml"))
    assert (ws / "build" / "previous-digest.yaml").exists()
    config = ws / "config" / "briefgen.yaml"
    config.write_text(
        config.read_text("utf-8").replace(
            "title: Morning brief", "title: Morning brief\n  since_last: false"
        )
    )
    build(ws)
    assert "Since the last brief" not in (ws / "build" / "analyst" / "brief.md").read_text("utf-8")
    assert not (ws / "build" / "previous-digest.yaml").exists()
    assert not (ws / "build" / "changes.json").exists()
    assert load_digest(ws / "build" / "digest.yaml").sources


def test_an_agreement_a_party_joined_is_changed_and_unrelated_ones_are_not_paired():
    two = Agreement(parties=["Joe Biden", "Olaf Scholz"], what="reaffirmed their support")
    three = Agreement(parties=["Joe Biden", "Olaf Scholz", "Andrzej Duda"], what=two.what)
    changes = compare(digest(agreements=[two]), digest(agreements=[three]))
    assert changes.agreements.changed[0].fields == ("parties",)
    assert not changes.agreements.added and not changes.agreements.removed
    other = Agreement(parties=["Ana Lis", "Tom Berg"], what=two.what)
    changes = compare(digest(agreements=[two]), digest(agreements=[other]))
    assert changes.agreements.added == (other,) and changes.agreements.removed == (two,)
    unknown = Proposal(by=None, what="a summit in June")
    known = Proposal(by="Ana Lis", what="a summit in June")
    changes = compare(digest(proposals=[unknown]), digest(proposals=[known]))
    assert changes.proposals.changed[0].fields == ("by",)


# --- the CI example ---------------------------------------------------------------------


def test_the_nightly_workflow_example_uses_real_commands_and_options():
    import re

    import yaml

    from .conftest import ROOT

    workflow = yaml.safe_load((ROOT / "docs" / "ci-nightly.yml").read_text("utf-8"))
    runs = "\n".join(step.get("run", "") for step in workflow["jobs"]["brief"]["steps"])
    used = re.findall(r"\bbriefgen (\w+)((?: --?[\w-]+)*)", runs)
    assert {command for command, _ in used} >= {"check", "build", "diff"}
    for command, options in used:
        help_text = CliRunner().invoke(cli, [command, "--help"]).output
        for option in options.split():
            # --strict comes with the bad-input work (inputs branch).
            assert option in help_text or option == "--strict", (command, option)


texts = st.text(min_size=1, max_size=40)
any_meetings = st.builds(
    Meeting,
    participants=st.lists(texts, min_size=1, max_size=3),
    location=st.none() | texts,
    when=st.none() | texts,
    evidence=st.just([ev("s1", "q")]),
)
any_proposals = st.builds(Proposal, by=st.none() | texts, what=texts)
any_disagreements = st.builds(
    Disagreement, parties=st.lists(texts, max_size=2), topic=st.none() | texts
)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(any_meetings, max_size=3),
    st.lists(any_meetings, max_size=3),
    st.lists(any_proposals, max_size=2),
    st.lists(any_disagreements, max_size=2),
)
def test_any_changes_render_and_stay_inert(old_meetings, new_meetings, proposals, disagreements):
    old = digest(meetings=old_meetings, disagreements=disagreements)
    new = digest(meetings=new_meetings, proposals=proposals)
    out = render(
        new, info=BriefInfo(title="T"), formats=["md", "html"], template_dirs=[],
        changes=compare(old, new),
    )  # fmt: skip
    md = out["brief.md"].decode()
    section = md.split("## Since the last brief", 1)[1].split("\n## ", 1)[0]
    rendered = MarkdownIt("commonmark").render(section)
    assert "<a " not in rendered and "<script" not in rendered.replace("&lt;script", "")
    headings = [line for line in section.splitlines() if line.startswith("#")]
    assert all(h.startswith("### ") for h in headings)


def test_facts_that_left_with_their_sources_are_counted_not_listed():
    kept = Source(id="s1", path="a/one.txt")
    old_only = Source(id="s2", path="feed.rss#old-entry")
    paris = MEETING.model_copy(update={"evidence": [ev("s2", "They met in Paris.")]})
    rome = Meeting(participants=["Ana Lis", "Tom Berg"], location="Rome", evidence=[ev("s1", "x")])
    old = Digest(sources=[kept, old_only], meetings=[paris, rome])
    new = Digest(sources=[kept])
    changes = compare(old, new)
    assert changes.meetings.removed == (paris, rome)
    assert changes.meetings.expired == (paris,) and changes.meetings.withdrawn == (rome,)
    md = render(new, info=BriefInfo(title="T"), formats=["md"], template_dirs=[], changes=changes)[
        "brief.md"
    ].decode()
    section = md.split("## Since the last brief", 1)[1].split("\n## Meetings", 1)[0]
    assert "- No longer reported: **Ana Lis and Tom Berg**, Rome\n" in section
    assert "- 1 no longer reported: their sources are no longer included\n" in section
    assert "Chung" not in section
