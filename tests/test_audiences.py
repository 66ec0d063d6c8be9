"""Audiences: config options, what each brief holds, labels, key points, timeline, PDF pages.

The golden files (tests/test_render.py) pin the built-in audiences' output;
these tests pin the rules behind it, each on a change that must show.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.audiences import AudienceSettings, builtin_audiences
from briefgen.config import load_config
from briefgen.errors import ConfigError, TemplateError
from briefgen.model import Digest, Evidence, Meeting, Person, Proposal
from briefgen.render import BriefInfo, BriefOptions, build_context, render
from briefgen.render.filters import css_string, join_names, shorten
from briefgen.render.labels import format_date, packaged_labels

HERE = Path(__file__).resolve().parent / "fixtures" / "render"
AUDIENCES = ("executive", "analyst", "press")


def load_fixture() -> Digest:
    return Digest.model_validate(yaml.safe_load((HERE / "digest.yaml").read_text("utf-8")))


def options(name: str, **changes: object) -> tuple[BriefInfo, BriefOptions]:
    raw = builtin_audiences()[name] | changes
    settings_ = AudienceSettings.model_validate(raw)
    info = BriefInfo(title="T", date=dt.date(2021, 11, 1), audience=name, marking=settings_.marking)
    return info, BriefOptions.of(name, settings_)


def brief(digest: Digest, name: str, fmt: str = "md", dirs=(), **changes: object) -> str:
    info, opts = options(name, **changes)
    out = render(digest, info=info, options=opts, formats=[fmt], template_dirs=list(dirs))
    return out[f"brief.{fmt}"].decode()


def write_config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "config").mkdir(parents=True, exist_ok=True)
    path = tmp_path / "config" / "briefgen.yaml"
    path.write_text("inputs: [articles/]\n" + text)
    return path


# --- config ---------------------------------------------------------------------


def test_builtin_audiences_and_option_by_option_overrides(tmp_path: Path):
    config = load_config(
        write_config(
            tmp_path,
            "brief: {audience: 'default, press'}\n"
            "audiences:\n  executive: {paper: Letter}\n  desk: {language: fr}\n",
        )
    )
    assert config.brief.audience == ["analyst", "press"]  # "default" is the analyst brief
    assert {"executive", "analyst", "press", "desk"} <= set(config.audiences)
    executive = config.audiences["executive"]
    assert executive.paper == "Letter" and executive.quotes is False  # the rest kept
    assert executive.marking == builtin_audiences()["executive"]["marking"]
    assert config.audiences["desk"].sections[-1] == "sources"  # defaults for a new one


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("audiences: {executive: {paper: A5}}", "audiences.executive.paper: Input should be"),
        ("audiences: {executive: {colour: red}}", "audiences.executive.colour: unknown key"),
        ("audiences: {press: {date_format: '%H:%M'}}", "date_format: unknown date"),
        ("audiences: {press: {sections: [meetings, gossip]}}", "audiences.press.sections.1"),
        ("audiences: {press: {limits: {meetings: 0}}}", "audiences.press.limits.meetings"),
        ("audiences: {'../up': {}}", "audiences.../up.[key]: '../up' is not a valid name"),
        ("brief: {audience: '../etc'}", "brief.audience.0: '../etc' is not a valid name"),
        ("brief: {audience: nobody}", "brief.audience: unknown audience 'nobody'"),
        ("brief: {audience: []}", "brief.audience: name at least one audience"),
    ],
)
def test_bad_audience_config_is_reported_with_its_key_path(tmp_path: Path, text, message):
    with pytest.raises(ConfigError) as caught:
        load_config(write_config(tmp_path, text + "\n"))
    assert message in str(caught.value)
    assert str(tmp_path / "config" / "briefgen.yaml") in str(caught.value)


# --- what each audience's brief holds --------------------------------------------


def test_sections_follow_the_audience():
    digest = load_fixture()
    executive, analyst, press = (brief(digest, name) for name in AUDIENCES)
    assert "## People" not in executive and "## Sources" not in executive
    assert "## Timeline" in analyst and "## People" in analyst and "## Sources" in analyst
    assert "## Timeline" not in press and "## Sources" in press
    assert "    > " in analyst and "    > " not in executive and "    > " not in press
    assert "[1]" in analyst and "[1]" not in executive  # executive has no citation numbers
    no_quotes = brief(digest, "analyst", quotes=False, citations=False)
    assert "    > " not in no_quotes and "[1]" not in no_quotes


def test_marking_on_internal_briefs_only():
    digest = load_fixture()
    marking = builtin_audiences()["executive"]["marking"]
    assert brief(digest, "executive").startswith(f"**{marking}**\n")
    assert brief(digest, "executive").rstrip().endswith(f"**{marking}**")
    page = brief(digest, "executive", "html")
    # Top and bottom, outside every block an override could replace.
    assert page.count(f">{marking}</p>") == 2 and 'class="marking marking-bottom"' in page
    assert "@top-center" in page and "@bottom-center" in page
    press = brief(digest, "press", "html")
    assert 'class="marking"' not in press and "@top-center {" not in press.split("</style>")[1:]


def test_limits_keep_the_most_cited_in_digest_order_and_say_how_many_are_left_out():
    digest = load_fixture()
    text = brief(digest, "analyst", limits={"meetings": 1})
    meetings = text.split("## Meetings")[1].split("## Agreements")[0]
    # Rome is cited by one source twice, Paris by one source once: Rome ranks first.
    assert "Rome" in meetings and "Paris" not in meetings
    assert "*1 more not shown in this brief.*" in meetings
    more = digest.model_copy(deep=True)
    more.meetings[0].evidence.append(more.meetings[1].evidence[0])  # Paris: now two sources
    meetings = brief(more, "analyst", limits={"meetings": 1}).split("## Meetings")[1]
    assert "Paris" in meetings.split("## Agreements")[0]


def test_sourced_only_leaves_out_what_no_source_states():
    digest = load_fixture().model_copy(deep=True)
    digest.people.append(Person(name="Unsourced Person"))
    digest.proposals.append(Proposal(by="Nobody", what="an unsourced proposal"))
    assert "Unsourced Person" in brief(digest, "analyst")
    press = brief(digest, "press")
    assert "Unsourced Person" not in press and "unsourced proposal" not in press


def test_truncate_cuts_fact_texts_at_a_word():
    digest = load_fixture()
    text = brief(digest, "analyst", truncate=40)
    assert "\n- **South Korea**: declare a formal end to the 1950-53… [1] [2]\n" in text
    assert "kick-start the stalled denuclearization talks with Pyongyang" in text  # quotes whole


# --- key points and timeline ------------------------------------------------------


def test_key_points_are_derived_from_the_digest_not_written():
    digest = load_fixture()
    info, opts = options("analyst")
    points = build_context(digest, info, opts).key_points
    # Sentences; the events that involve the most present parties (Chung and
    # Blinken) first, meetings before other kinds, then by sources.
    # The agreement came out of the Paris meeting: it is part of that sentence.
    assert [p.kind for p in points] == ["meeting", "meeting", "disagreement", "proposal"]
    assert points[0].text == (
        "Chung Eui-yong and Antony Blinken met in Rome on 31 October 2021"
        " at the Group of 20 summit."
    )
    assert all(p.text.endswith(".") and p.text[0].isupper() for p in points)
    changed = digest.model_copy(deep=True)
    changed.meetings[1].location = "Milan"
    changed.agreements[0].what = "agreed to meet again"
    again = build_context(changed, info, opts).key_points
    assert "met in Milan" in again[0].text
    assert again[1].text.endswith("; they agreed to meet again.")
    assert build_context(Digest(), info, opts).key_points == ()


def test_timeline_lists_meetings_by_date_and_marks_reported_dates():
    digest = load_fixture().model_copy(deep=True)
    ev = digest.meetings[0].evidence
    digest.meetings.insert(0, Meeting(participants=["A", "B"], evidence=list(ev)))  # undated
    info, opts = options("analyst")
    events = build_context(digest, info, opts).timeline
    assert [(e.date.isoformat(), e.reported) for e in events] == [
        ("2021-10-05", False),  # Paris, as the text dates it
        ("2021-10-06", True),  # undated: the day its source was published
        ("2021-10-31", False),
    ]
    assert events[1].text == "A and B met."


# --- labels, dates, languages ----------------------------------------------------


def test_french_labels_and_dates():
    digest = load_fixture()
    page = brief(digest, "analyst", "html", language="fr")
    assert '<html lang="fr">' in page and "<h2>Rencontres</h2>" in page
    assert '<time datetime="2021-10-05">5 octobre 2021</time>' in page
    assert '"Page" " " counter(page) " " "sur"' in page
    text = brief(digest, "analyst", language="fr", date_format="%A %-d %B %Y")
    assert (
        "Chung Eui-yong et Antony Blinken se sont rencontrés à Rome le dimanche 31 octobre" in text
    )
    assert "Since the last brief" not in text and "Where" not in text


def test_workspace_labels_reword_a_few_and_bad_ones_name_file_and_key(tmp_path: Path):
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "en.yaml").write_text("meetings: Encounters\n")
    assert "## Encounters" in brief(load_fixture(), "analyst", dirs=[tmp_path])
    (tmp_path / "labels" / "en.yaml").write_text("meetngs: Encounters\n")
    with pytest.raises(TemplateError, match=r"labels/en\.yaml: meetngs: unknown label"):
        brief(load_fixture(), "analyst", dirs=[tmp_path])
    with pytest.raises(TemplateError, match=r"labels/de\.yaml' not found"):
        brief(load_fixture(), "analyst", language="de")


def test_format_date_and_filters():
    en, fr = packaged_labels("en"), packaged_labels("fr")
    day = dt.date(2021, 10, 5)
    assert format_date(day, "%-d %B %Y", en) == "5 October 2021"
    assert format_date(day, "%B %-d, %Y", en) == "October 5, 2021"
    assert format_date(day, "%a %d/%m/%Y %%", fr) == "mar. 05/10/2021 %"
    assert join_names(["A", "B", "C"]) == "A, B, and C"
    assert join_names(["A", "B", "C"], "et", serial=False) == "A, B et C"
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("short", None) == "short" and shorten("a  b", 10) == "a b"
    assert css_string('x"</style><b>\\') == '"x\\22 \\3c /style\\3e \\3c b\\3e \\5c "'


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(min_value=20, max_value=300))
def test_shorten_never_exceeds_its_width(text: str, width: int):
    assert len(shorten(text, width)) <= width


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_css_string_cannot_leave_its_string_or_style(text: str):
    value = css_string(text)
    inner = value[1:-1]
    assert '"' not in inner and "<" not in inner and "\n" not in inner
    assert not inner.replace("\\5c ", "").endswith("\\")


# --- per-audience template sets ---------------------------------------------------


def test_audience_folder_overrides_only_that_audience(tmp_path: Path):
    (tmp_path / "executive").mkdir()
    (tmp_path / "executive" / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}{% block key_points %}## Bottom line\n\n'
        "{{ key_points[0].text | md }}\n\n{% endblock %}"
    )
    digest = load_fixture()
    dirs = [tmp_path / "executive", tmp_path]
    executive = brief(digest, "executive", dirs=dirs)
    assert "## Bottom line\n\nChung Eui-yong and Antony Blinken met" in executive
    assert "## Key points" not in executive
    analyst_dirs = [tmp_path / "analyst", tmp_path]
    assert brief(digest, "analyst", dirs=analyst_dirs) == brief(digest, "analyst")


# --- PDF: pages, paper, outline, marking, bytes ----------------------------------


def pdf(digest: Digest, name: str, **changes: object) -> bytes:
    info, opts = options(name, **changes)
    return render(digest, info=info, options=opts, formats=["pdf"], template_dirs=[])["brief.pdf"]


def test_pdf_paper_outline_marking_and_page_numbers():
    from pypdf import PdfReader

    digest = load_fixture()
    reader = PdfReader(io.BytesIO(pdf(digest, "executive", paper="Letter")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    marking = builtin_audiences()["executive"]["marking"]
    for page in reader.pages:
        assert page.extract_text().count(marking) >= 2  # top and bottom of every page
    assert len(reader.pages) == 1  # the executive brief is one page
    analyst = PdfReader(io.BytesIO(pdf(digest, "analyst")))
    box = analyst.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    titles = [item.title for item in analyst.outline if not isinstance(item, list)]
    assert titles[0] == "T"  # the h1, then every section heading
    children = analyst.outline[1]
    assert [c.title for c in children] == [
        "Contents", "Key points", "Meetings", "Agreements", "Open disagreements", "Proposals",
        "People", "Timeline", "Sources",
    ]  # fmt: skip
    last = analyst.pages[-1].extract_text()
    assert f"Page {len(analyst.pages)} of {len(analyst.pages)}" in last


@pytest.mark.parametrize("name", AUDIENCES)
def test_every_format_is_byte_identical_on_rebuild(name: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1635724800")
    digest = load_fixture()
    info, opts = options(name)
    first = render(digest, info=info, options=opts, formats=["md", "html", "pdf"], template_dirs=[])
    second = render(
        load_fixture(), info=info, options=opts, formats=["md", "html", "pdf"], template_dirs=[]
    )
    assert first == second


# --- untrusted text in every audience and format ----------------------------------

HOSTILE = "<script>alert(1)</script> [click](http://evil.example) ![x](file:///etc/passwd)"


@pytest.mark.parametrize("name", AUDIENCES)
def test_hostile_article_text_is_text_in_every_audience(name: str):
    import markdown
    from pypdf import PdfReader

    digest = load_fixture().model_copy(deep=True)
    ev = [Evidence(source=digest.sources[0].id, quote=HOSTILE, start=0, end=1)]
    digest.meetings[0] = Meeting(participants=[HOSTILE, "B"], location=HOSTILE, evidence=ev * 3)
    digest.sources[0].title = HOSTILE
    md = brief(digest, name)
    assert "\\<script\\>" in md and "\\[click\\](http\\://evil.example)" in md
    rendered = markdown.markdown(md)
    # Links only to the brief's own headings (its contents), never from article text.
    assert "<script" not in rendered and 'href="http' not in rendered and "<img" not in rendered
    page = brief(digest, name, "html")
    assert "<script" not in page and "&lt;script&gt;" in page and "<img" not in page
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf(digest, name))).pages)
    assert "<script>alert(1)</script>" in " ".join(text.split())  # shown, as text


# --- the command line -----------------------------------------------------------


def _outputs(build: Path) -> list[Path]:
    """The briefs and the digest: not the cache, lock or manifest (dot-names)."""
    return [
        p
        for p in build.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(build).parts)
    ]


def test_build_chosen_audiences_into_their_folders(workspace: Path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    config = workspace / "config" / "briefgen.yaml"
    args = ["build", "--config", str(config), "--audience", "executive,press", "--format", "md"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    build = workspace / "build"
    assert sorted(p.relative_to(build).as_posix() for p in _outputs(build)) == [
        "digest.yaml", "executive/brief.md", "press/brief.md",
    ]  # fmt: skip
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--audience", "boss"])
    assert result.exit_code == 2
    assert "--audience: unknown audience 'boss': choose from analyst, executive" in result.output


def test_templates_lists_what_is_in_effect_and_where_from(tmp_path: Path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    config = write_config(tmp_path, "")
    (tmp_path / "templates" / "press").mkdir(parents=True)
    (tmp_path / "templates" / "press" / "brief.md.j2").write_text("press\n")
    (tmp_path / "templates" / "custom.css").write_text("h1 { color: black; }\n")
    result = CliRunner().invoke(cli, ["templates", "--config", str(config)])
    assert result.exit_code == 0, result.output
    sections = result.output.split("\n\n")[0].split("press (template set")
    assert len(sections) == 2
    press = sections[1]
    assert "brief.md.j2      workspace:press      templates/press/brief.md.j2  (overrides" in press
    assert "custom.css       workspace            templates/custom.css  (overrides" in press
    assert "brief.html.j2    packaged             briefgen/templates/brief.html.j2\n" in press
    executive = sections[0]
    assert "templates/press/" not in executive and "templates/custom.css" in executive


def test_init_gives_overrides_that_render_exactly_the_defaults(tmp_path: Path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "ws")]).exit_code == 0
    stub = (tmp_path / "ws" / "templates" / "brief.html.j2").read_text()
    assert stub.count("{% endblock %}") == 12 and '{% extends "default:brief.html.j2" %}' in stub
    digest = tmp_path / "digest.yaml"
    digest.write_text((HERE / "digest.yaml").read_text("utf-8"))
    bare = write_config(tmp_path / "bare", "brief: {audience: [executive, analyst, press]}\n")
    outputs = {}
    for name, config in (("ws", tmp_path / "ws" / "config" / "briefgen.yaml"), ("bare", bare)):
        out = tmp_path / f"out-{name}"
        args = ["render", str(digest), "--config", str(config), "--format", "md,html"]
        result = runner.invoke(cli, [*args, "--out", str(out)])
        assert result.exit_code == 0, result.output
        outputs[name] = {p.relative_to(out): p.read_bytes() for p in _outputs(out)}
    assert len(outputs["ws"]) == 6 and outputs["ws"] == outputs["bare"]
    (tmp_path / "ws" / "templates" / "labels").mkdir()
    (tmp_path / "ws" / "templates" / "labels" / "en.yaml").write_text("colour: red\n")
    result = runner.invoke(cli, ["check", "--config", str(tmp_path / "ws/config/briefgen.yaml")])
    assert result.exit_code == 1 and "labels/en.yaml: colour: unknown label" in result.output


text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))


@st.composite
def digests(draw: st.DrawFn) -> Digest:
    """Digests with any text in any field, any dates, and evidence pointing at real sources."""
    from briefgen.model import Agreement, Disagreement, Position, Source

    n = draw(st.integers(min_value=1, max_value=3))
    sources = [Source(id=f"s{i}", title=draw(text), published=draw(dates)) for i in range(n)]
    evidence = st.lists(
        st.builds(Evidence, source=st.sampled_from([s.id for s in sources]), quote=text,
                  start=st.just(0), end=st.just(1)),
        max_size=3,
    )  # fmt: skip
    names = st.lists(text, min_size=1, max_size=3)
    return Digest(
        sources=sources,
        people=draw(st.lists(st.builds(Person, name=text, role=text, evidence=evidence),
                             max_size=3)),
        meetings=draw(st.lists(st.builds(Meeting, participants=names, location=text, date=dates,
                                         when=text, evidence=evidence), max_size=3)),
        agreements=draw(st.lists(st.builds(Agreement, parties=names, what=text, evidence=evidence),
                                 max_size=3)),
        disagreements=draw(st.lists(st.builds(
            Disagreement, parties=names, topic=st.none() | text,
            positions=st.lists(st.builds(Position, party=text, position=text), max_size=2),
            evidence=evidence), max_size=2)),
        proposals=draw(st.lists(st.builds(Proposal, by=st.none() | text, what=text,
                                          evidence=evidence), max_size=3)),
    )  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(digests(), st.sampled_from(AUDIENCES), st.sampled_from(["en", "fr"]))
def test_any_digest_renders_for_every_audience(digest: Digest, name: str, language: str):
    info, opts = options(name, language=language, limits={"meetings": 1, "key_points": 2})
    out = render(digest, info=info, options=opts, formats=["md", "html"], template_dirs=[])
    page = out["brief.html"].decode()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    context = build_context(digest, info, opts)
    assert len(context.key_points) <= 2 and len(context.meetings) <= 1
    dated = [e.date for e in context.timeline]
    assert dated == sorted(dated)


def test_every_packaged_language_has_every_label():
    from briefgen.render.labels import PACKAGED

    english = set(yaml.safe_load((PACKAGED / "labels" / "en.yaml").read_text("utf-8")))
    files = sorted((PACKAGED / "labels").glob("*.yaml"))
    assert len(files) >= 2
    for path in files:
        assert set(yaml.safe_load(path.read_text("utf-8"))) == english, path.name
        packaged_labels(path.stem)  # and each validates


def test_a_pdf_over_its_max_pages_is_written_with_a_warning(caplog: pytest.LogCaptureFixture):
    import logging

    digest = load_fixture()
    with caplog.at_level(logging.WARNING, logger="briefgen.render.pdf"):
        data = pdf(digest, "analyst", max_pages=1)
    assert data.startswith(b"%PDF-")
    warnings = [r.getMessage() for r in caplog.records if r.name == "briefgen.render.pdf"]
    assert len(warnings) == 1
    assert warnings[0].startswith("the analyst brief's PDF is ")
    assert "over its max_pages of 1: lower its limits or truncate" in warnings[0]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="briefgen.render.pdf"):
        pdf(digest, "executive")  # one page, as its max_pages asks
    assert not [r for r in caplog.records if r.name == "briefgen.render.pdf"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("more_not_shown: '{counts} de plus'", "more_not_shown: unknown placeholder {counts}"),
        ("footer_plain: 'par {generator'", "footer_plain: expected '}' before end of string"),
        ("months: [janvier]", "months: Tuple should have at least 12 items"),
    ],
)
def test_bad_translations_are_named_with_file_and_key(tmp_path: Path, line: str, message: str):
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "fr.yaml").write_text(line + "\n")
    with pytest.raises(TemplateError) as caught:
        brief(load_fixture(), "analyst", dirs=[tmp_path], language="fr")
    assert str(caught.value).startswith(str(tmp_path / "labels" / "fr.yaml") + ": ")
    assert message in str(caught.value)


def test_pdf_has_glyphs_for_chinese_japanese_and_korean_names():
    from pypdf import PdfReader

    digest = load_fixture().model_copy(deep=True)
    digest.people[0].aliases = ["정의용", "习近平", "岸田文雄", "Łukasz Żółć"]
    reader = PdfReader(io.BytesIO(pdf(digest, "analyst")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for name in ("정의용", "习近平", "岸田文雄", "Łukasz Żółć"):
        assert name in text
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("CJK" in f for f in fonts), fonts  # a real CJK face, not boxes


def test_a_broken_template_in_the_last_audience_writes_nothing(workspace: Path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    config = workspace / "config" / "briefgen.yaml"
    runner = CliRunner()
    build = ["build", "--config", str(config), "--format", "md"]
    assert runner.invoke(cli, build).exit_code == 0
    before = {p: p.read_bytes() for p in _outputs(workspace / "build")}
    (workspace / "seeds" / "extra.txt").write_text(
        "Extra\n\nForeign Minister Chung Eui-yong met Foreign Minister Luigi Di Maio in Rome.\n"
    )
    (workspace / "templates" / "press").mkdir(parents=True)
    (workspace / "templates" / "press" / "brief.md.j2").write_text("{{ info.titel }}\n")
    result = runner.invoke(cli, build)
    assert result.exit_code == 1
    assert "templates/press/brief.md.j2:1: 'briefgen.render.context.BriefInfo object' has no " in (
        result.output
    )
    after = {p: p.read_bytes() for p in _outputs(workspace / "build")}
    assert after == before  # not the digest, not the executive or analyst brief either


def test_audience_title_subject_and_marking_come_from_its_options(tmp_path: Path):
    from briefgen.render import audience_brief

    config = load_config(
        write_config(
            tmp_path,
            "brief: {title: Talks, subject: Week 40, date: 2021-10-08}\n"
            "audiences:\n  press: {title: Public note, subject: '', marking: PUBLIC}\n",
        )
    )
    info, options_, dirs = audience_brief(config, "press")
    assert (info.title, info.subject, info.marking, info.audience) == (
        "Public note", "", "PUBLIC", "press",
    )  # fmt: skip
    assert info.date == dt.date(2021, 10, 8) and options_.sourced_only
    assert dirs == [tmp_path / "templates" / "press", tmp_path / "templates"]
    info, _, _ = audience_brief(config, "analyst")
    assert (info.title, info.subject, info.marking) == ("Talks", "Week 40", "INTERNAL")
