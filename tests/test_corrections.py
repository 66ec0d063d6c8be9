"""Corrections: loading with file, line and key in every error; matching that survives
re-extraction; fix, drop and add; reports of what matched nothing; the build applying them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.cli import cli
from briefgen.digest import load_digest
from briefgen.digest.corrections import (
    CORRECTIONS_SOURCE_ID,
    CorrectionsError,
    apply_corrections,
    parse_corrections,
)
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

PATH = Path("config/corrections.yaml")


def _ev(quote: str) -> list[Evidence]:
    return [Evidence(source="s1", quote=quote, start=0, end=len(quote))]


def _digest() -> Digest:
    return Digest(
        sources=[Source(id="s1", title="Talks")],
        people=[
            Person(
                name="Chung Eui-yong",
                aliases=["Chung"],
                role="Foreign Minister",
                evidence=_ev("Foreign Minister Chung Eui-yong met Antony Blinken."),
            ),
            Person(
                name="Antony Blinken",
                aliases=["Blinken"],
                role="Secretary of State",
                evidence=_ev("Foreign Minister Chung Eui-yong met Antony Blinken."),
            ),
            Person(name="Truman Balcony", evidence=_ev("from the Truman Balcony")),
        ],
        meetings=[
            Meeting(
                participants=["Chung Eui-yong", "Antony Blinken"],
                location="Rome",
                date=dt.date(2021, 10, 6),
                evidence=_ev("Foreign Minister Chung Eui-yong met Antony Blinken in Rome."),
            ),
            Meeting(
                participants=["Chung Eui-yong", "Antony Blinken"],
                location="Paris",
                evidence=_ev("They met again in Paris."),
            ),
        ],
        agreements=[
            Agreement(
                parties=["Chung Eui-yong", "Antony Blinken"],
                what="to keep talking",
                evidence=_ev("The two agreed to keep talking about the peninsula."),
            ),
        ],
        disagreements=[
            Disagreement(
                parties=["Chung Eui-yong", "Antony Blinken"],
                topic="sanctions",
                positions=[Position(party="Antony Blinken", position="keep them")],
                evidence=_ev("They differed on sanctions."),
            ),
        ],
        proposals=[
            Proposal(
                by="Chung Eui-yong",
                what="an end-of-war declaration",
                evidence=_ev("Chung proposed an end-of-war declaration."),
            ),
        ],
    )


def _apply(text: str):
    return apply_corrections(_digest(), parse_corrections(text, PATH))


def test_no_corrections_change_nothing():
    assert _apply("").digest == _digest()
    assert _apply("people: []\n").digest == _digest()


def test_fix_a_meeting_keyed_by_participants_and_date():
    result = _apply(
        "meetings:\n"
        "  - match: {participants: [Blinken, Chung], date: 2021-10-06}\n"
        "    fix: {location: Seoul}\n"
        "    note: The meeting was in Seoul; Rome was the dateline.\n"
    )
    rome, paris = result.digest.meetings
    assert rome.location == "Seoul" and paris.location == "Paris"
    assert rome.evidence[-1].source == CORRECTIONS_SOURCE_ID
    assert rome.evidence[-1].quote == "The meeting was in Seoul; Rome was the dateline."
    assert rome.evidence[0] == _digest().meetings[0].evidence[0]  # the article is still cited
    assert result.applied == 1 and not result.unmatched
    assert result.digest.sources[-1].id == CORRECTIONS_SOURCE_ID
    assert result.digest.sources[-1].path == "config/corrections.yaml"


def test_participant_sets_must_match_whole():
    result = _apply("meetings:\n  - match: {participants: [Chung]}\n    drop: true\n")
    assert len(result.digest.meetings) == 2
    assert [str(u) for u in result.unmatched] == [
        "config/corrections.yaml:2: meetings.0: matches no meeting in this build; fix or remove it"
    ]


def test_drop_by_name_alias_and_by_phrase():
    result = _apply(
        "people:\n"
        "  - match: {name: truman balcony}\n"
        "    drop: true\n"
        "proposals:\n"
        "  - match: {by: Chung, contains: END-OF-WAR}\n"
        "    drop: true\n"
        "disagreements:\n"
        "  - match: {contains: keep them}\n"
        "    drop: true\n"
    )
    assert [p.name for p in result.digest.people] == ["Chung Eui-yong", "Antony Blinken"]
    assert not result.digest.proposals and not result.digest.disagreements
    assert result.applied == 3
    assert all(s.id != CORRECTIONS_SOURCE_ID for s in result.digest.sources)  # drops cite nothing


def test_fixing_a_name_renames_it_in_every_fact():
    result = _apply("people:\n  - match: {name: Blinken}\n    fix: {name: Tony Blinken}\n")
    blinken = result.digest.people[1]
    assert blinken.name == "Tony Blinken" and "Antony Blinken" in blinken.aliases
    assert result.digest.meetings[0].participants == ["Chung Eui-yong", "Tony Blinken"]
    assert result.digest.agreements[0].parties == ["Chung Eui-yong", "Tony Blinken"]
    assert result.digest.disagreements[0].positions[0].party == "Tony Blinken"
    assert blinken.evidence[-1].quote == "corrected by hand: name"


def test_add_a_missing_fact_cited_to_the_corrections_and_optionally_an_article():
    result = _apply(
        "agreements:\n"
        "  - add:\n"
        "      parties: [Chung Eui-yong, Antony Blinken]\n"
        "      what: to meet again in December\n"
        "      evidence:\n"
        "        - {source: s1, quote: They will meet in December., start: 0, end: 28}\n"
        "people:\n"
        "  - add: {name: Chung, role: minister}\n"
    )
    added = result.digest.agreements[-1]
    assert added.what == "to meet again in December"
    assert [e.source for e in added.evidence] == ["s1", CORRECTIONS_SOURCE_ID]
    assert added.evidence[-1].quote == "added by hand"
    assert [str(u).split(": ", 1)[1] for u in result.unmatched] == [
        "people.0: 'Chung' is already in the digest; use match and fix instead of add"
    ]
    out = render(result.digest, info=BriefInfo(title="T"), formats=["md"], template_dirs=[])
    text = out["brief.md"].decode()
    assert "to meet again in December" in text and "Corrections made by hand" in text


def test_an_add_citing_an_unknown_source_is_reported_not_applied():
    result = _apply(
        "proposals:\n"
        "  - add:\n"
        "      what: talks\n"
        "      evidence: [{source: gone, quote: q, start: 0, end: 1}]\n"
    )
    assert len(result.digest.proposals) == 1
    assert "proposals.0: add.evidence.0.source: 'gone' is not a source" in str(result.unmatched[0])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("meetings:\n  - fix: {location: X}\n", "meetings.0: Value error, fix needs a match"),
        (
            "people:\n  - match: {name: A}\n    drop: true\n    fix: {role: B}\n",
            ":2: people.0: Value error, give exactly one of fix, drop: true, or add",
        ),
        (
            "people:\n  - match: {name: A}\n    fix: {colour: red}\n",
            ":2: people.0.fix.colour: unknown key",
        ),
        (
            "meetings:\n  - match: {participants: [A, B]}\n    fix: {date: soon}\n",
            ":2: meetings.0.fix.date",
        ),
        ("agreements:\n  - match: {}\n    drop: true\n", "give parties, contains, or both"),
        ("people:\n  - add: {role: x}\n", ":2: people.0.add.name: Field required"),
        ("meeting: []\n", "meeting: unknown key"),
        ("- a\n- b\n", "corrections must be a mapping"),
        ("people:\n  - match: x: y\n", "corrections.yaml:2: invalid YAML"),
        ("people:\n  - match: !!python/object/apply:os.system [echo hi]\n", "invalid YAML"),
    ],
)
def test_bad_corrections_name_file_line_and_key(text: str, message: str):
    with pytest.raises(CorrectionsError) as e:
        parse_corrections(text, PATH)
    assert message in str(e.value)
    assert str(e.value).startswith("config/corrections.yaml")


# --- through the build -------------------------------------------------------------


def test_build_applies_corrections_every_time_and_reports_stale_ones(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    (workspace / "config" / "corrections.yaml").write_text(
        "meetings:\n"
        "  - match: {participants: [Chung, Blinken], location: Rome}\n"
        "    fix: {occasion: G20 summit}\n"
        "    note: Both readouts place the meeting at the G20.\n"
        "people:\n"
        "  - match: {name: Nobody Here}\n"
        "    fix: {role: envoy}\n"
    )
    runner = CliRunner()
    for _ in range(2):  # and again: corrections survive re-extraction
        result = runner.invoke(cli, ["build", "--config", str(config), "--format", "md"])
        assert result.exit_code == 0, result.output
        assert "applied 1 corrections" in result.output
        assert (
            "correction not applied: "
            + str(workspace / "config" / "corrections.yaml")
            + ":6: people.0: matches no person in this build"
        ) in result.output, result.output
        digest = load_digest(workspace / "build" / "digest.yaml")
        assert [m.occasion for m in digest.meetings if m.location == "Rome"] == ["G20 summit"]
        brief = (workspace / "build" / "analyst" / "brief.md").read_text()
        assert "G20 summit" in brief and "Both readouts place the meeting at the G20" in brief


def test_build_result_carries_unmatched_corrections(workspace: Path):
    from briefgen.config import load_config
    from briefgen.pipeline import build

    (workspace / "config" / "corrections.yaml").write_text(
        "proposals:\n  - match: {contains: nothing like this}\n    drop: true\n"
    )
    config = load_config(
        workspace / "config" / "briefgen.yaml", overrides={"output.formats": ["md"]}
    )
    result = build(config)
    assert [u.key for u in result.unmatched] == ["proposals.0"]
    assert result.unmatched[0].where.endswith("corrections.yaml:2")


def test_bad_corrections_stop_the_build_before_any_work(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    (workspace / "config" / "corrections.yaml").write_text("people:\n  - drop: yes please\n")
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 1
    assert "corrections.yaml:2: people.0.drop" in result.output
    assert not (workspace / "build").exists()


def test_a_corrections_file_named_in_the_config_must_exist(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    config.write_text(config.read_text() + "corrections: config/fixes.yaml\n")
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 1
    assert "fixes.yaml: corrections file not found (named in the config)" in result.output


def test_the_documented_example_applies_to_the_seeds(workspace: Path):
    """docs/safety.md's example is a real corrections file: it loads, and applies to the seeds."""
    from .conftest import ROOT

    doc = (ROOT / "docs" / "safety.md").read_text("utf-8")
    example = doc.split("```yaml\n# config/corrections.yaml\n", 1)[1].split("```", 1)[0]
    (workspace / "config" / "corrections.yaml").write_text(example, encoding="utf-8")
    config = workspace / "config" / "briefgen.yaml"
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--format", "md"])
    assert result.exit_code == 0, result.output
    digest = load_digest(workspace / "build" / "digest.yaml")
    assert "correction not applied" not in result.output  # every example finds its fact
    assert "applied 8 corrections" in result.output
    names = [p.name for p in digest.people]
    assert "Kim Ha-na" in names and "Ned Price" not in names
    assert [m.location for m in digest.meetings if m.date == dt.date(2021, 10, 31)] == ["Rome"]
    assert any(p.what == "a working group on humanitarian aid" for p in digest.proposals)


_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=12)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "match",
                    "fix",
                    "drop",
                    "add",
                    "note",
                    "name",
                    "participants",
                    "by",
                    "parties",
                    "contains",
                    "what",
                    "date",
                    "location",
                    "evidence",
                    "x",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["people", "meetings", "agreements", "disagreements",
                                        "proposals", "other"]),
                       st.lists(_VALUES, max_size=3), max_size=3))  # fmt: skip
def test_any_corrections_file_is_applied_or_refused_never_crashes(data: dict):
    import yaml

    try:
        corrections = parse_corrections(yaml.safe_dump(data), PATH)
    except CorrectionsError as e:
        assert str(e).startswith("config/corrections.yaml")
        return
    result = apply_corrections(_digest(), corrections)
    assert result.applied + len(result.unmatched) == len(corrections)
    render(result.digest, info=BriefInfo(title="T"), formats=["md"], template_dirs=[])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_as_a_corrections_file_is_applied_or_refused(text: str):
    try:
        corrections = parse_corrections(text, PATH)
    except CorrectionsError:
        return
    apply_corrections(_digest(), corrections)


def test_the_hand_edit_workflow_edit_refuse_move_into_corrections_rebuild(workspace: Path):
    """What docs/safety.md tells a user to do when a build refuses their edited digest."""
    config = workspace / "config" / "briefgen.yaml"
    runner = CliRunner()

    def build(*args: str):
        return runner.invoke(cli, ["build", "--config", str(config), "--format", "md", *args])

    assert build().exit_code == 0
    digest_path = workspace / "build" / "digest.yaml"
    digest_path.write_text(
        digest_path.read_text().replace("location: Paris", "location: Paris, France")
    )
    refused = build()
    assert refused.exit_code == 1 and "was edited since briefgen wrote it" in refused.output

    (workspace / "config" / "corrections.yaml").write_text(
        "meetings:\n"
        "  - match: {participants: [Chung Eui-yong, Antony Blinken], location: Paris}\n"
        "    fix: {location: 'Paris, France'}\n"
    )
    assert build("--force").exit_code == 0
    for _ in range(2):  # and every later build, with no --force: the edit is now the build's own
        result = build()
        assert result.exit_code == 0, result.output
        digest = load_digest(digest_path)
        places = {m.location for m in digest.meetings if "Antony Blinken" in m.participants}
        assert "Paris, France" in places and "Paris" not in places
        assert "Paris, France" in (workspace / "build" / "analyst" / "brief.md").read_text()
