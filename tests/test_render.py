"""The render stage: context, golden briefs, PDF, template overrides, errors, escaping.

Golden files: tests/golden/render/<audience>/brief.md and brief.html are the
built-in audiences' briefs of tests/fixtures/render/digest.yaml, compared byte
for byte. The HTML is also what WeasyPrint prints, so it pins the PDF's
content too. Refresh them only when a change to the templates (or the
context) is meant to change the output (``make golden``; see
``conftest.assert_golden``). A golden diff you did not intend is a bug, not a
reason to refresh.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import io
import logging
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefgen.audiences import AudienceSettings, builtin_audiences
from briefgen.errors import DigestError, RenderError, TemplateError
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
from briefgen.render import (
    FORMATS,
    RENDERERS,
    BriefContext,
    BriefInfo,
    BriefOptions,
    build_context,
    check_templates,
    make_environment,
    render,
)
from briefgen.render.filters import md_escape
from briefgen.render.pdf import is_allowed_url, make_url_fetcher, render_pdf

from .conftest import FIXTURES, assert_golden

HERE = Path(__file__).resolve().parent / "fixtures" / "render"
DOCS = Path(__file__).resolve().parent.parent / "docs"
AUDIENCES = ("executive", "analyst", "press")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

INFO = BriefInfo(
    title="South Korea–United States: foreign ministers' talks",
    subject="Chung Eui-yong and Antony Blinken, October 2021",
    date=dt.date(2021, 11, 1),
)


def audience(name: str) -> tuple[BriefInfo, BriefOptions]:
    """A built-in audience's info (with its marking) and options, as a config gives them."""
    settings = AudienceSettings.model_validate(builtin_audiences()[name])
    info = BriefInfo(
        title=INFO.title,
        subject=INFO.subject,
        date=INFO.date,
        audience=name,
        marking=settings.marking,
    )
    return info, BriefOptions.of(name, settings)


def load_fixture() -> Digest:
    return Digest.model_validate(yaml.safe_load((HERE / "digest.yaml").read_text("utf-8")))


@pytest.fixture(scope="module")
def digest() -> Digest:
    return load_fixture()


@pytest.fixture(scope="module")
def briefs(digest: Digest) -> dict[str, bytes]:
    return render(digest, info=INFO, formats=FORMATS, template_dirs=[])


@pytest.fixture(scope="module")
def audience_briefs(digest: Digest) -> dict[str, dict[str, bytes]]:
    return {
        name: render(
            digest,
            info=audience(name)[0],
            options=audience(name)[1],
            formats=["md", "html"],
            template_dirs=[],
        )
        for name in AUDIENCES
    }


def md(digest: Digest, template_dirs: list[Path], info: BriefInfo = INFO) -> str:
    return render(digest, info=info, formats=["md"], template_dirs=template_dirs)[
        "brief.md"
    ].decode()


# --- the context ---------------------------------------------------------------


def documented_context_names() -> set[str]:
    """The names docs/templates.md lists in its context table: `| `name` | type | meaning |`."""
    text = (DOCS / "templates.md").read_text("utf-8")
    table = text.split("<!-- context-start -->")[1].split("<!-- context-end -->")[0]
    return {
        line.split("`")[1].split("(")[0] for line in table.splitlines() if line.startswith("| `")
    }


def test_context_fields_are_the_documented_contract(digest: Digest):
    # Renaming or removing one breaks users' overrides (and the Word renderer):
    # change the context, docs/templates.md and this test together, on purpose.
    context = build_context(digest, INFO)
    assert set(context.template_vars()) == documented_context_names()
    assert set(context.template_vars()) == {
        "info", "options", "labels", "digest", "sources", "people", "meetings", "agreements",
        "disagreements", "proposals", "key_points", "timeline", "omitted", "generator",
        "version", "citation_numbers", "changes", "inputs_skipped", "cite", "show",
        "source_count", "outcomes_by_meeting", "meeting_dates", "linked", "outcomes", "said",
        "when", "when_words", "outlet", "web",
    }  # fmt: skip
    assert isinstance(context, BriefContext)
    assert context.info is INFO and context.digest is digest
    assert context.generator == "briefgen 0.1.0 (rules)"
    assert len(context.people) == 3 and len(context.meetings) == 2


def test_sources_are_numbered_in_digest_order_and_cited_by_number(digest: Digest):
    context = build_context(digest, INFO)
    assert [(s.number, s.source.id) for s in context.sources] == [
        (1, "korea-herald-chung-blinken-paris"),
        (2, "yonhap-fms-discuss-end-of-war-rome"),
    ]
    assert context.cite(digest.proposals[0].evidence) == [1, 2]
    assert context.cite(digest.meetings[1].evidence) == [2]  # two quotes, one source
    assert context.cite([]) == []


def test_evidence_naming_an_unknown_source_is_refused_with_its_key_path(digest: Digest):
    broken = digest.model_copy(deep=True)
    broken.agreements[0].evidence[0].source = "no-such-source"
    with pytest.raises(DigestError, match=r"agreements\.0\.evidence\.0\.source: 'no-such-source'"):
        build_context(broken, INFO)
    twice = digest.model_copy(deep=True)
    twice.sources[1].id = twice.sources[0].id
    with pytest.raises(DigestError, match=r"sources\.1\.id"):
        build_context(twice, INFO)


# --- golden briefs and determinism ---------------------------------------------


@pytest.mark.golden
@pytest.mark.parametrize("name", ["brief.md", "brief.html"])
@pytest.mark.parametrize("who", AUDIENCES)
def test_briefs_match_golden_files(audience_briefs: dict[str, dict[str, bytes]], who, name):
    assert_golden(f"render/{who}/{name}", audience_briefs[who][name])


def test_same_digest_gives_identical_bytes(digest: Digest, briefs: dict[str, bytes]):
    again = render(digest, info=INFO, formats=FORMATS, template_dirs=[])
    assert again == briefs
    assert set(briefs) == {"brief.md", "brief.html", "brief.pdf", "brief.docx"}


def test_every_fact_shows_its_citations_and_quotes(briefs: dict[str, bytes]):
    text = briefs["brief.md"].decode()
    assert "- **South Korea**: declare a formal end to the 1950-53 Korean War" in text
    assert "talks [1] [2]\n\n    > Chung explained to Blinken" in text
    assert "    > The two agreed to closely communicate on the matter" in text
    page = briefs["brief.html"].decode()
    fixture = load_fixture()
    # Every fact's quotes; a person's only where an earlier person did not show them.
    people_quotes = {e.quote for p in fixture.people for e in p.evidence}
    assert page.count("<blockquote>") == len(people_quotes) + sum(
        len(f.evidence) for kind in ("meetings", "agreements", "disagreements", "proposals")
        for f in getattr(fixture, kind)
    )  # fmt: skip
    assert '<tr id="source-2">' in page and 'href="#source-2">[2]</a>' in page


def test_html_is_standalone_and_accessible(briefs: dict[str, bytes]):
    page = briefs["brief.html"].decode()
    assert page.startswith("<!DOCTYPE html>\n") and '<html lang="en">' in page
    assert "<style>" in page and "@page" in page and "counter(pages)" in page
    assert "<link" not in page and "src=" not in page  # nothing to fetch
    headings = [name for name, _ in HTMLTags.of(page).tags if name in HEADINGS]
    assert headings[0] == "h1" and set(headings[1:]) == {"h2"}  # no level skipped
    assert '<th scope="col">Name</th>' in page and '<th scope="col">Outlet</th>' in page


def test_empty_sections_say_none_found():
    out = render(Digest(), info=BriefInfo(title="Empty"), formats=["md", "html"], template_dirs=[])
    assert out["brief.md"].decode().count("None found.") == 8
    assert out["brief.html"].decode().count("None found.") == 8


# --- PDF -----------------------------------------------------------------------


def test_pdf_has_pages_page_numbers_title_and_names(briefs: dict[str, bytes]):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(briefs["brief.pdf"]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 1
    assert "foreign ministers' talks" in text
    assert "Antony Blinken" in text and "Chung Eui-yong" in text
    assert "Page 1 of" in text
    assert "정의용" in text  # the Hangul alias has glyphs, not boxes


def test_a_meeting_taller_than_a_page_leaves_no_page_with_a_heading_alone():
    # Three White House readouts (public domain) whose trilateral meeting, with its ten
    # agreements, is nearly a page: kept whole, it went to the next page and left one
    # holding only "Meetings".
    from pypdf import PdfReader

    from briefgen.extract import extract
    from briefgen.ingest import assign_ids, read_article

    paths = sorted((FIXTURES / "layout").glob("*.md"))
    digest = extract(assign_ids([read_article(p) for p in paths]))
    info, options = audience("analyst")
    pdf = render(digest, info=info, options=options, formats=["pdf"], template_dirs=[])
    for page in PdfReader(io.BytesIO(pdf["brief.pdf"])).pages:
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if "INTERNAL" not in line and "Page " not in line]
        assert len(body) > 1, lines


def test_pdf_is_dated_only_by_source_date_epoch(briefs, monkeypatch: pytest.MonkeyPatch):
    from pypdf import PdfReader

    assert "/CreationDate" not in PdfReader(io.BytesIO(briefs["brief.pdf"])).metadata
    html = briefs["brief.html"].decode()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1635724800")
    stamped = PdfReader(io.BytesIO(render_pdf(html))).metadata
    assert stamped["/CreationDate"] == "D:20211101000000Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(RenderError, match="SOURCE_DATE_EPOCH"):
        render_pdf(html)


@pytest.mark.parametrize("font_path", ["harfbuzz", "fonttools"])
def test_pdf_is_byte_identical_whatever_the_clock_on_both_font_paths(
    briefs, monkeypatch: pytest.MonkeyPatch, caplog, font_path: str
):
    """Without libharfbuzz-subset WeasyPrint subsets fonts with fontTools, which stamps
    the time into each font unless SOURCE_DATE_EPOCH says otherwise: two builds a
    second apart must still give the same bytes, whatever the user's environment."""
    import fontTools.misc.timeTools as time_tools
    import weasyprint.pdf.fonts as fonts

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    if font_path == "fonttools":
        monkeypatch.setattr(fonts, "harfbuzz_subset", None)  # as on a system without it
    html = briefs["brief.html"].decode()
    made = []
    for now in (1_700_000_000.0, 1_800_000_000.0):
        monkeypatch.setattr(time_tools.time, "time", lambda now=now: now)
        with caplog.at_level(logging.WARNING, logger="weasyprint"):
            made.append(render_pdf(html))
    took_fonttools = any("Using fontTools" in r.getMessage() for r in caplog.records)
    assert took_fonttools == (font_path == "fonttools")
    assert made[0] == made[1]
    assert "SOURCE_DATE_EPOCH" not in os.environ  # left as it was


def test_url_fetcher_allows_data_urls_only():
    assert is_allowed_url("data:text/plain,hi") and is_allowed_url("DATA:,x")
    for url in ("file:///etc/passwd", "http://example.com/t.png", "https://x", "ftp://x/y", "x"):
        assert not is_allowed_url(url)
    fetcher = make_url_fetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/t.png"):
        with pytest.raises(ValueError, match="loads no files or web resources"):
            fetcher(url)
    assert fetcher("data:text/plain,hello").read() == b"hello"


def test_pdf_loads_nothing_an_override_points_at(tmp_path: Path, caplog):
    (tmp_path / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}{% block header %}<h1>{{ info.title }}</h1>'
        '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/t.png">'
        '<link rel="stylesheet" href="file:///etc/hostname">{% endblock %}'
    )
    with caplog.at_level(logging.WARNING):
        out = render(Digest(), info=INFO, formats=["pdf"], template_dirs=[tmp_path])
    assert out["brief.pdf"].startswith(b"%PDF-")
    refused = [r.getMessage() for r in caplog.records if r.name == "briefgen.render.pdf"]
    assert len(refused) == 3 and all("not loading" in m for m in refused)
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]


# --- templates: search path, overrides, errors -------------------------------


def test_override_extending_the_default_changes_only_its_block(digest: Digest, tmp_path: Path):
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}\n'
        "{% block agreements %}\n## Agreed\n\n{{ agreements | length }} agreement(s).\n\n"
        "{% endblock %}\n"
    )
    base, over = md(digest, []), md(digest, [tmp_path])
    head, rest = base.split("## Agreements\n")
    tail = rest[rest.index("## Open disagreements\n") :]
    # The one agreement came out of a meeting: shown under it, not in `agreements`.
    assert over == head + "## Agreed\n\n0 agreement(s).\n\n" + tail


def test_search_path_is_ordered_and_default_cannot_be_shadowed(digest: Digest, tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "brief.md.j2").write_text("first\n")
    (second / "brief.md.j2").write_text("second\n")
    (first / "default:brief.md.j2").write_text("shadow\n")
    assert md(digest, [first, second]) == "first\n"
    assert md(digest, [tmp_path / "missing", second]) == "second\n"
    env = make_environment([first])
    assert env.get_template("default:brief.md.j2").filename.endswith(
        "briefgen/templates/brief.md.j2"
    )


def test_syntax_error_names_file_and_line(tmp_path: Path):
    (tmp_path / "brief.md.j2").write_text("# {{ info.title }}\n\n{% if sources %}\nno endif\n")
    with pytest.raises(TemplateError) as caught:
        render(Digest(), info=INFO, formats=["md"], template_dirs=[tmp_path])
    assert f"{tmp_path / 'brief.md.j2'}:4" in str(caught.value)
    assert check_templates([tmp_path]) == [str(caught.value)]


def test_undefined_name_names_file_and_line_even_inside_a_block(tmp_path: Path):
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}\n{% block people %}\n## People\n\n'
        "{{ people_by_country }}\n{% endblock %}\n"
    )
    with pytest.raises(TemplateError, match=r"brief\.md\.j2:5: 'people_by_country' is undefined"):
        render(Digest(), info=INFO, formats=["md"], template_dirs=[tmp_path])


def test_unknown_filter_and_missing_include_are_template_errors(tmp_path: Path):
    (tmp_path / "brief.md.j2").write_text("ok\n{{ info.title | shout }}\n")
    with pytest.raises(TemplateError, match=r"brief\.md\.j2:2: .*shout"):
        render(Digest(), info=INFO, formats=["md"], template_dirs=[tmp_path])
    (tmp_path / "brief.md.j2").write_text('{% include "nowhere.j2" %}\n')
    with pytest.raises(TemplateError, match=r"brief\.md\.j2:1: template 'nowhere\.j2' not found"):
        render(Digest(), info=INFO, formats=["md"], template_dirs=[tmp_path])


def test_packaged_templates_compile():
    assert check_templates([]) == []


def test_unknown_format_is_named_before_anything_renders(tmp_path: Path):
    (tmp_path / "brief.md.j2").write_text("{% if %}")  # would fail if rendered
    with pytest.raises(RenderError, match=r"'odt'.*choose from md, html, pdf, docx"):
        render(Digest(), info=INFO, formats=["md", "odt"], template_dirs=[tmp_path])


def test_output_formats_come_from_the_registry_and_unknown_ones_are_config_errors(
    tmp_path: Path, monkeypatch
):
    from briefgen.config import Config
    from briefgen.errors import ConfigError
    from briefgen.render import Renderer, output_formats

    config = Config.model_validate({"inputs": ["articles"], "workspace": tmp_path})
    assert output_formats(config) == list(RENDERERS) == list(FORMATS)
    config.output.formats = ["html", "md"]
    assert output_formats(config) == ["html", "md"]
    config.output.formats = ["md", "odt"]
    with pytest.raises(ConfigError, match=r"^output.formats: unknown format 'odt' \(choose from"):
        output_formats(config)
    # A format registered in the render stage is known everywhere at once.
    monkeypatch.setitem(RENDERERS, "odt", Renderer("brief.odt", lambda job: b""))
    assert output_formats(config) == ["md", "odt"]


# --- untrusted article text ----------------------------------------------------

HOSTILE = (
    "# heading <script>alert(1)</script> [click](http://evil.example) "
    "![x](file:///etc/passwd) <img src=x onerror=alert(1)> http://bare.example "
    "www.evil.example `code` *em* __strong__ &lt;b&gt; | a | b |\n\n## injected\n- item"
)


def hostile_digest() -> Digest:
    """Every free-text field of every fact set to HOSTILE: no field escapes the test."""
    ev = [Evidence(source=HOSTILE, quote=HOSTILE, start=0, end=1)]
    return Digest(
        generator=HOSTILE,
        sources=[Source(id=HOSTILE, title=HOSTILE, outlet=HOSTILE, author=HOSTILE,
                        dateline=HOSTILE, url=HOSTILE, path=HOSTILE)],
        people=[Person(name=HOSTILE, aliases=[HOSTILE, HOSTILE], role=HOSTILE,
                       affiliation=HOSTILE, evidence=ev)],
        meetings=[Meeting(participants=[HOSTILE, HOSTILE], location=HOSTILE, when=HOSTILE,
                          occasion=HOSTILE, duration=HOSTILE, evidence=ev)],
        agreements=[Agreement(parties=[HOSTILE], what=HOSTILE, evidence=ev)],
        disagreements=[Disagreement(parties=[HOSTILE], topic=HOSTILE,
                                    positions=[Position(party=HOSTILE, position=HOSTILE)],
                                    evidence=ev)],
        proposals=[Proposal(by=HOSTILE, what=HOSTILE, evidence=ev)],
    )  # fmt: skip


class HTMLTags(html.parser.HTMLParser):
    """The start tags of a document, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    @classmethod
    def of(cls, document: str) -> HTMLTags:
        parser = cls()
        parser.feed(document)
        return parser


def assert_no_injected_markup(page: str, *, title_h1: int) -> None:
    tags = HTMLTags.of(page).tags
    names = [name for name, _ in tags]
    assert "<script" not in page and "<img" not in page and "<a href" not in page
    assert "script" not in names and "img" not in names and "code" not in names
    assert names.count("h1") == title_h1
    assert "<em>em</em>" not in page and "<strong>strong</strong>" not in page
    hrefs = [attrs.get("href") or "" for name, attrs in tags if name == "a"]
    assert all(h.startswith("#source-") for h in hrefs), hrefs


def test_article_text_cannot_inject_html():
    out = render(hostile_digest(), info=INFO, formats=["html"], template_dirs=[])
    page = out["brief.html"].decode()
    assert_no_injected_markup(page, title_h1=1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, not run


@pytest.mark.parametrize("title", [INFO.title, HOSTILE])
def test_article_text_cannot_inject_markdown(title: str):
    import markdown

    text = md(hostile_digest(), [], BriefInfo(title=title, subject=HOSTILE))
    assert "\\<script\\>" in text
    for page in (markdown.markdown(text), commonmark(text)):
        assert_no_injected_markup(page, title_h1=1)
        assert "<h2>injected" not in page and page.count("<h2>") == 8
        assert "<table" not in page


def commonmark(text: str) -> str:
    """The Markdown as GitHub-like renderers read it (CommonMark, with tables)."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable("table").render(text)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("[click](http://evil)", "\\[click\\](http\\://evil)"),
        ("![x](file:///etc/passwd)", "!\\[x\\](file\\:///etc/passwd)"),
        ("# heading", "\\# heading"),
        ("1. item", "1\\. item"),
        ("=====", "\\====="),
        ("a\n\n- b", "a - b"),
        ("- b", "\\- b"),
        ("+ b", "\\+ b"),
        ("---", "\\---"),
        ("AT&T &amp; co", "AT&T \\&amp; co"),
        ("Moon Jae-in (1953-), 정의용", "Moon Jae-in (1953-), 정의용"),
        # Control characters go before the leading marker is escaped: a renderer
        # drops them, which would leave "#" at the start of the line.
        ("\x03#", "\\#"),
        ("\x00\x7f\x9f- b", "\\- b"),
        ("\x1f 1. x\x85", "1\\. x"),
        # GFM links bare e-mail addresses (and mailto: with one): not after "\\@".
        ("write to kim.jh@example.org", "write to kim.jh\\@example.org"),
        ("mailto:press+x@mofa.go.kr", "mailto:press+x\\@mofa.go.kr"),
        ("@POTUS said @ noon", "@POTUS said @ noon"),
    ],
)
def test_md_escape(raw: str, escaped: str):
    assert md_escape(raw) == escaped


def test_an_escaped_address_reads_as_it_is_in_commonmark():
    page = commonmark(md_escape("Write to kim.jh@example.org or mailto:press@example.org"))
    assert page == "<p>Write to kim.jh@example.org or mailto:press@example.org</p>\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
@example("\x03#")  # found by hypothesis: a dropped control character left a heading
@example("\x08\x0e1. x")
def test_md_escape_leaves_no_markup_in_either_renderer(text: str):
    import markdown

    # The places a value takes in the packaged template: inside a line, and
    # first on a quote line, where a leading "-", "#" or "1." would start a block.
    value = md_escape(text)
    item = f"- **{value}**: {value} [1]\n\n    > {value} [1]\n"
    for page in (markdown.markdown(item), commonmark(item)):
        tags = {name for name, _ in HTMLTags.of(page).tags}
        assert tags <= {"ul", "li", "strong", "p", "br", "blockquote"}, (text, page)


def test_an_unknown_format_in_the_config_stops_check_and_build_before_any_work(workspace: Path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    config = workspace / "config" / "briefgen.yaml"
    text = config.read_text()
    config.write_text(text.replace("formats: [md, html, pdf, docx]", "formats: [md, odt]"))
    for command in ("check", "build"):
        result = CliRunner().invoke(cli, [command, "--config", str(config)])
        assert result.exit_code == 2, result.output
        assert "briefgen.yaml: output.formats: unknown format 'odt' (choose" in result.output
    assert not (workspace / "build" / "digest.yaml").exists()
