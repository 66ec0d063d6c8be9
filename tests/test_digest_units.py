"""The digest's modules and the brief's selection one at a time, on small invented digests.

``digest.since`` (which digest a brief compares with, and what it publishes or
removes), ``render.selection`` (importance, limits, key points, timeline) and
``render.context`` (numbering, evidence checks, options). The golden briefs
pin the whole; these pin each rule, so a failure says which one broke.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefgen.config import Config
from briefgen.digest import dump_digest
from briefgen.digest.since import (
    Previous,
    changes_json,
    load_previous,
    previous_for_build,
    previous_for_render,
    since_outputs,
    stale_outputs,
)
from briefgen.errors import DigestError
from briefgen.model import Agreement, Digest, Evidence, Meeting, Person, Proposal, Source
from briefgen.paths import CHANGES_NAME, DIGEST_NAME, PREVIOUS_NAME
from briefgen.render.context import BriefInfo, BriefOptions, build_context
from briefgen.render.labels import packaged_labels
from briefgen.render.selection import key_points, select, timeline

LABELS = packaged_labels("en")
DAY = dt.date(2026, 2, 1)


def _ev(*sources: str) -> list[Evidence]:
    return [Evidence(source=s, quote="Q.", start=0, end=2) for s in sources]


def _digest(*agreements: Agreement, meetings: tuple[Meeting, ...] = ()) -> Digest:
    return Digest(
        sources=[
            Source(id="s1", published=DAY),
            Source(id="s2", published=DAY + dt.timedelta(days=1)),
            Source(id="s3"),
        ],
        people=[Person(name="Anna Berg", evidence=_ev("s1"))],
        meetings=list(meetings),
        agreements=list(agreements),
    )


NUMBERS = {"s1": 1, "s2": 2, "s3": 3}


# --- digest.since ---------------------------------------------------------------------


def _config(tmp_path: Path, **brief: object) -> Config:
    return Config.model_validate(
        {"inputs": ["x"], "brief": brief, "output": {"dir": "out"}, "workspace": tmp_path}
    )


def _write(path: Path, digest: Digest) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dump_digest(digest).encode("utf-8")
    path.write_bytes(data)
    return data


def test_a_build_compares_with_the_digest_it_replaces(tmp_path: Path):
    config = _config(tmp_path)
    old = _digest(Agreement(parties=["A", "B"], what="old", evidence=_ev("s1")))
    new = _digest(Agreement(parties=["A", "B"], what="new", evidence=_ev("s1")))
    assert previous_for_build(new, config) is None  # nothing to compare with yet
    data = _write(tmp_path / "out" / DIGEST_NAME, old)
    previous = previous_for_build(new, config)
    assert previous is not None and previous.data == data and previous.digest == old
    changes, files = since_outputs(previous, new)
    assert changes is not None and set(files) == {PREVIOUS_NAME, CHANGES_NAME}
    assert files[PREVIOUS_NAME] == data
    assert json.loads(files[CHANGES_NAME]) == changes.to_dict()


def test_an_unchanged_rebuild_keeps_the_comparison_before_it(tmp_path: Path):
    config = _config(tmp_path)
    same = _digest(Agreement(parties=["A", "B"], what="same", evidence=_ev("s1")))
    _write(tmp_path / "out" / DIGEST_NAME, same)
    assert previous_for_build(same, config) is None  # no previous-digest.yaml: none
    older = _digest()
    data = _write(tmp_path / "out" / PREVIOUS_NAME, older)
    found = previous_for_build(same, config)
    assert found is not None and found.data == data


def test_since_last_off_and_since_given(tmp_path: Path):
    new = _digest()
    _write(tmp_path / "out" / DIGEST_NAME, _digest(Agreement(parties=["A", "B"], what="x")))
    assert previous_for_build(new, _config(tmp_path, since_last=False)) is None
    given = tmp_path / "given.yaml"
    _write(given, new)
    found = previous_for_build(new, _config(tmp_path, since_last=False), since=given)
    assert found is not None and found.path == given


def test_a_broken_previous_digest_is_a_warning_unless_named(tmp_path: Path, caplog):
    config = _config(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / DIGEST_NAME).write_text("people: [")
    assert previous_for_build(_digest(), config) is None
    assert "not comparing with the previous digest" in caplog.text
    (tmp_path / "given.yaml").write_bytes(b"\xff\xfe")
    with pytest.raises(DigestError, match=r"given\.yaml: the previous digest is not UTF-8"):
        load_previous(tmp_path / "given.yaml")
    with pytest.raises(DigestError, match="cannot read the previous digest"):
        load_previous(tmp_path / "missing.yaml")


def test_render_compares_with_the_previous_digest_beside_a_build_digest(tmp_path: Path):
    older = _digest()
    _write(tmp_path / PREVIOUS_NAME, older)
    assert previous_for_render(tmp_path / DIGEST_NAME) == older
    assert previous_for_render(tmp_path / "other.yaml") is None  # not a build's digest


def test_a_build_without_a_previous_digest_removes_the_old_comparison():
    assert stale_outputs(None) == (PREVIOUS_NAME, CHANGES_NAME)
    assert since_outputs(None, _digest()) == (None, {})


def test_changes_json_is_stable_text():
    old, new = _digest(), _digest(Agreement(parties=["A", "B"], what="x", evidence=_ev("s1")))
    changes, _ = since_outputs(_previous(old), new)
    assert changes is not None
    text = changes_json(changes)
    assert text.endswith(b"}\n") and text == changes_json(changes)
    assert json.loads(text)["agreements"]["added"][0]["what"] == "x"


def _previous(digest: Digest) -> Previous:  # for a digest that was never a file
    return Previous(Path("previous.yaml"), dump_digest(digest).encode(), digest)


# --- render.selection -----------------------------------------------------------------


def test_limits_keep_the_most_important_in_digest_order_and_count_the_rest():
    # Same parties, same kind: the ones more sources state are more important.
    first = Agreement(parties=["A", "B"], what="once", evidence=_ev("s1"))
    second = Agreement(parties=["A", "B"], what="twice", evidence=_ev("s1", "s2"))
    third = Agreement(parties=["A", "B"], what="thrice", evidence=_ev("s1", "s2", "s3"))
    digest = _digest(first, second, third)
    chosen, _ = select(digest, limits={"agreements": 2}, sourced_only=False)
    assert chosen.agreements == (second, third)  # the best two, printed in digest order
    assert chosen.omitted == {"agreements": 1}
    assert select(digest, limits={}, sourced_only=False)[0].omitted == {}


def test_sourced_only_drops_what_no_source_states():
    unsourced = Agreement(parties=["A", "B"], what="said nowhere")
    sourced = Agreement(parties=["A", "B"], what="said", evidence=_ev("s1"))
    digest = _digest(unsourced, sourced)
    assert select(digest, limits={}, sourced_only=True)[0].agreements == (sourced,)
    assert len(select(digest, limits={}, sourced_only=False)[0].agreements) == 2


def test_key_points_lead_with_the_events_of_the_most_present_parties():
    # A and B are in all three sources, Berg and Dunn in one: A and B lead,
    # then (same parties, same kind) the one more sources state.
    meeting = Meeting(participants=["Anna Berg", "Carl Dunn"], location="Oslo", evidence=_ev("s1"))
    strong = Agreement(parties=["A", "B"], what="grain", evidence=_ev("s1", "s2"))
    weak = Agreement(parties=["A", "B"], what="fish", evidence=_ev("s3"))
    chosen, importance = select(
        _digest(strong, weak, meetings=(meeting,)), limits={}, sourced_only=False
    )
    points = key_points(chosen, importance, NUMBERS, LABELS, "%-d %B %Y", limit=None)
    assert [(p.kind, p.text, p.citations) for p in points] == [
        ("agreement", "A and B agreed on grain.", (1, 2)),
        ("agreement", "A and B agreed on fish.", (3,)),
        ("meeting", "Anna Berg and Carl Dunn met in Oslo.", (1,)),
    ]
    assert len(key_points(chosen, importance, NUMBERS, LABELS, "%-d %B %Y", limit=1)) == 1


def test_limited_key_points_take_each_source_s_best_before_any_second():
    # s1, a long joint statement, has the three most important events; s2 and s3 one
    # each: with room for three, s1 gives its best and s2, s3 theirs.
    statement = [Agreement(parties=["A", "B"], what=w, evidence=_ev("s1")) for w in ("x", "y", "z")]
    other = Agreement(parties=["C", "D"], what="grain", evidence=_ev("s2"))
    third = Agreement(parties=["E", "F"], what="fish", evidence=_ev("s3"))
    chosen, importance = select(_digest(*statement, other, third), limits={}, sourced_only=False)
    every = key_points(chosen, importance, NUMBERS, LABELS, "%-d %B %Y", limit=None)
    assert [p.citations for p in every] == [(1,), (1,), (1,), (2,), (3,)]
    three = key_points(chosen, importance, NUMBERS, LABELS, "%-d %B %Y", limit=3)
    assert [(p.text, p.citations) for p in three] == [
        ("A and B agreed on x.", (1,)),
        ("C and D agreed on grain.", (2,)),
        ("E and F agreed on fish.", (3,)),
    ]


def test_a_planned_meeting_with_nothing_under_it_ranks_as_a_plan():
    planned = Meeting(participants=["A", "B"], status="planned", evidence=_ev("s1", "s2"))
    agreed = Agreement(parties=["A", "B"], what="grain", evidence=_ev("s1"))
    chosen, importance = select(_digest(agreed, meetings=(planned,)), limits={}, sourced_only=False)
    points = key_points(chosen, importance, NUMBERS, LABELS, "%-d %B %Y", limit=None)
    assert [p.kind for p in points] == ["agreement", "meeting"]


def test_the_timeline_dates_a_meeting_by_its_text_or_else_by_its_first_report():
    dated = Meeting(participants=["A", "B"], date=DAY + dt.timedelta(days=5), evidence=_ev("s1"))
    reported = Meeting(participants=["C", "D"], evidence=_ev("s2", "s1"))
    undated = Meeting(participants=["E", "F"], evidence=_ev("s3"))  # s3 has no date
    chosen, _ = select(_digest(meetings=(dated, reported, undated)), limits={}, sourced_only=False)
    published = {"s1": DAY, "s2": DAY + dt.timedelta(days=1)}
    events = timeline(chosen, published, NUMBERS, LABELS, "%-d %B %Y")
    assert [(e.date, e.text, e.reported) for e in events] == [
        (DAY, "C and D met.", True),
        (DAY + dt.timedelta(days=5), "A and B met.", False),
    ]


# --- render.context -------------------------------------------------------------------


def test_sources_are_numbered_in_digest_order_and_cited_by_number():
    agreement = Agreement(parties=["A", "B"], what="x", evidence=_ev("s3", "s1", "s3"))
    context = build_context(_digest(agreement), BriefInfo(title="T"))
    assert [(c.number, c.source.id) for c in context.sources] == [(1, "s1"), (2, "s2"), (3, "s3")]
    assert context.cite(agreement.evidence) == [1, 3]
    assert context.generator.startswith("briefgen ")


def test_a_dangling_or_repeated_source_id_is_refused_with_every_place_named():
    bad = _digest(Agreement(parties=["A", "B"], what="x", evidence=_ev("s9")))
    bad.proposals.append(Proposal(by="A", what="y", evidence=_ev("s8")))
    with pytest.raises(DigestError) as e:
        build_context(bad, BriefInfo(title="T"))
    assert str(e.value).splitlines() == [
        "agreements.0.evidence.0.source: 's9' is not the id of any source;"
        " add the source or correct the id",
        "proposals.0.evidence.0.source: 's8' is not the id of any source;"
        " add the source or correct the id",
    ]
    twice = _digest()
    twice.sources.append(Source(id="s1"))
    with pytest.raises(DigestError, match=r"sources.3.id: 's1' is also the id of source 1"):
        build_context(twice, BriefInfo(title="T"))


def test_options_are_the_audiences_settings_in_template_order():
    from briefgen.audiences import AudienceSettings

    settings = AudienceSettings(sections=["sources", "key_points"], limits={"key_points": 1})
    options = BriefOptions.of("press", settings)
    assert options.sections == ["key_points", "sources"]  # the order templates print them
    assert options.template_set == "press"
    assert BriefOptions.of("press", AudienceSettings(templates="plain")).template_set == "plain"
    context = build_context(_digest(), BriefInfo(title="T"), options)
    assert context.show("key_points") and not context.show("people")
    with pytest.raises(ValueError, match="no section 'summary'"):
        context.show("summary")
    # Every audience option reaches the brief, under the same name.
    assert set(AudienceSettings.model_fields) < set(BriefOptions.model_fields)
