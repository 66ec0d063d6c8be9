"""The Word brief: contents read back with python-docx, reproducibility, untrusted text.

The .docx is checked as a reader would meet it (the text, headings, tables
and quotes python-docx reads back), as Word meets it (styles, the repeated
header row, page fields, internal links and their bookmarks), and as bytes
(two renders are identical; the zip carries no clock).

Golden file: tests/golden/render/document.xml is the body of the Word brief
of tests/fixtures/render/digest.yaml (``word/document.xml``, indented so that
a change reads as a diff). Refresh it only when a change is meant to change
the Word brief (``make golden``; see ``conftest.assert_golden``).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.cli import cli
from briefgen.errors import RenderError
from briefgen.model import (
    Agreement,
    Digest,
    Disagreement,
    Evidence,
    Meeting,
    Person,
    Proposal,
    Source,
)
from briefgen.render import BriefInfo, BriefOptions, build_context, render
from briefgen.render.docx import PAGE_SIZES, document_date, render_docx
from briefgen.render.ooxml import external_targets, inline_text, xml_text

from .conftest import assert_golden
from .test_render import HOSTILE, INFO, audience, hostile_digest, load_fixture

SECTIONS = [
    "Key points", "Meetings", "Agreements", "Open disagreements", "Proposals", "People",
    "Timeline", "Sources",
]  # fmt: skip
SDE_2021 = "1635724800"  # 2021-11-01T00:00:00Z
UTC = dt.timezone.utc


def docx_bytes(
    digest: Digest, info: BriefInfo = INFO, options: BriefOptions | None = None
) -> bytes:
    return render(digest, info=info, formats=["docx"], template_dirs=[], options=options)[
        "brief.docx"
    ]


def audience_document(name: str, **changes: object) -> docx.document.Document:
    """The Word brief of the fixture for built-in audience ``name``, its options changed."""
    info, options = audience(name)
    return load(docx_bytes(load_fixture(), info, options.model_copy(update=changes)))


def page_texts(document: docx.document.Document) -> list[str]:
    """The text of every header and footer paragraph (first page and the others)."""
    section = document.sections[0]
    parts = (section.header, section.first_page_header, section.footer, section.first_page_footer)
    return [p.text for part in parts for p in part.paragraphs]


def load(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def all_text(document: docx.document.Document) -> str:
    """Body paragraphs, then every table cell, then headers and footers."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
    return "\n".join(parts)


@pytest.fixture(scope="module", autouse=True)
def _no_source_date_epoch():
    """The tests set SOURCE_DATE_EPOCH where they mean to; a CI that exports it must not leak in."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        yield


@pytest.fixture(scope="module")
def brief() -> bytes:
    return docx_bytes(load_fixture())


@pytest.fixture(scope="module")
def document(brief: bytes) -> docx.document.Document:
    return load(brief)


# --- what a reader sees --------------------------------------------------------------


@pytest.mark.golden
def test_body_matches_golden_file(brief: bytes):
    with zipfile.ZipFile(io.BytesIO(brief)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    etree.indent(body, space=" ")
    produced = etree.tostring(body, encoding="unicode") + "\n"
    assert_golden("render/document.xml", produced.encode("utf-8"))


def test_sections_are_word_headings_in_order_under_a_title(document):
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.style.name != "Normal"]
    assert styles[0] == ("Title", INFO.title)
    assert styles[1] == ("Subtitle", INFO.subject)
    headings = [text for style, text in styles if style.startswith("Heading")]
    assert headings == SECTIONS
    assert {style for style, _ in styles if style.startswith("Heading")} == {"Heading 1"}
    assert "Date: 1 November 2021 · Audience: analyst · 2 sources" in [
        p.text for p in document.paragraphs
    ]


def test_every_fact_is_there_with_its_citations(document):
    lines = [p.text for p in document.paragraphs]
    assert "Chung Eui-yong and Antony Blinken [1]" in lines  # the Paris meeting
    # Under the meeting it came out of, as a sentence.
    assert "They agreed to closely communicate on the matter. [1]" in lines
    proposal = next(line for line in lines if line.startswith("South Korea: declare a formal end"))
    assert proposal.endswith("stalled denuclearization talks [1] [2]")
    assert "South Korea and United States: sanctions on North Korea [1]" in lines
    # Each side's position sits under its disagreement.
    assert "South Korea: easing sanctions could induce Pyongyang back to the nuclear talks" in lines
    assert "Where: Rome" in lines and "When: 31 October 2021 (Sunday)" in lines
    assert "Duration: about 30 minutes" in lines


def test_quotes_use_the_quote_style_with_their_source_number(document):
    digest = load_fixture()
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    people_table = document.tables[0]
    in_table = [
        p for p in people_table._tbl.iter(qn("w:p")) if p.style == "Quote"
    ]  # quotes of people sit in the table
    facts = [f for kind in ("meetings", "agreements", "disagreements", "proposals")
             for f in getattr(digest, kind)]  # fmt: skip
    assert len(quotes) == sum(len(f.evidence) for f in facts)
    # A quote already under an earlier person is not repeated.
    assert len(in_table) == len({e.quote for p in digest.people for e in p.evidence})
    assert quotes[0].text.startswith("The two envoys held a pull-aside meeting")
    assert quotes[0].text.endswith("in Paris. [1]")
    assert document.styles["Quote"].paragraph_format.left_indent > 0


def test_people_and_sources_are_tables_with_repeated_header_rows(document):
    people, timeline, sources = document.tables
    for table in (people, timeline, sources):
        header = table.rows[0]._tr
        assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in people.rows[0].cells] == [
        "Name", "Role", "Affiliation", "Also called", "Sources",
    ]  # fmt: skip
    assert [c.text for c in people.rows[1].cells] == [
        "Chung Eui-yong", "Foreign Minister", "South Korea", "Chung, 정의용", " [1]",
    ]  # fmt: skip
    quote_row = people.rows[2]
    assert len({id(c._tc) for c in quote_row.cells}) == 1  # one cell across the table
    assert people.rows[1]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert quote_row._tr.trPr.find(qn("w:cantSplit")) is None  # may run past a page
    assert all(p.paragraph_format.keep_with_next for p in people.rows[1].cells[0].paragraphs)
    assert quote_row.cells[0].text.startswith("South Korean Foreign Minister Chung Eui-yong")
    assert [c.text for c in sources.rows[0].cells] == [
        "No.", "Outlet", "Published", "Author", "Title",
    ]  # fmt: skip
    assert [c.text for c in sources.rows[1].cells] == [
        "[1]", "The Korea Herald", "6 October 2021", "Ahn Sung-mi",
        "Chung, Blinken discuss end-of-war declaration in Paris\nkorea-herald-chung-blinken-paris",
    ]  # fmt: skip
    assert sources.rows[2].cells[3].text == ""  # no author: an empty cell, not "None"


def test_citations_link_to_bookmarks_on_the_source_rows(document):
    body = document.element.body
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert bookmarks == {"source_1", "source_2"}
    assert anchors and set(anchors) == bookmarks
    assert all(h.get(qn("r:id")) is None for h in body.iter(qn("w:hyperlink")))


def test_empty_sections_say_none_found():
    document = load(docx_bytes(Digest(), BriefInfo(title="Empty")))
    assert [p.text for p in document.paragraphs].count("None found.") == 8
    assert document.tables == []


def test_a_fact_without_evidence_has_no_citation_and_no_author_is_said():
    digest = Digest(
        agreements=[Agreement(parties=["A", "B", "C"], what="to meet again")],
        proposals=[Proposal(what="a summit")],
    )
    lines = [p.text for p in load(docx_bytes(digest)).paragraphs]
    assert "A, B, and C: to meet again" in lines
    assert "Unattributed: a summit" in lines


def test_a_disagreement_with_nothing_but_its_parties_says_they_disagree():
    digest = Digest(disagreements=[Disagreement(parties=["A", "B"])])
    assert "A and B disagree" in [p.text for p in load(docx_bytes(digest)).paragraphs]


# --- following the audience ------------------------------------------------------------


def test_executive_brief_has_key_points_and_no_quotes_citations_or_sources():
    document = audience_document("executive")
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [text for style, text in styles if style == "Heading 1"]
    assert headings == ["Key points", "Meetings", "Agreements", "Open disagreements"]
    key_points = [text for style, text in styles if style == "List Number"]
    # Sentences, the most important event first (the most present parties, then kind).
    assert key_points and key_points[0].startswith("Chung Eui-yong and Antony Blinken met in")
    assert all(k.endswith((".", "…")) and ": " not in k for k in key_points)
    assert not [text for style, text in styles if style == "Quote"]
    assert "[1]" not in all_text(document) and document.tables == []
    assert next(document.element.body.iter(qn("w:hyperlink")), None) is None
    # The tool's name is for the analyst brief only; no word on citations either.
    assert "briefgen" not in all_text(document)


def test_a_french_audience_gets_french_words_and_dates():
    document = audience_document("analyst", language="fr")
    text = all_text(document)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Sommaire", "Points clés", "Rencontres"] and "Chronologie" in headings
    assert "Date : 1 novembre 2021 · Destinataires : analyste · 2 sources" in text
    assert "Nom" in [c.text for c in document.tables[0].rows[0].cells]
    assert document.sections[0].footer.paragraphs[0].text == "Page 1 sur 1"
    assert "Meetings" not in text and "November" not in text


def test_the_marking_is_on_every_page_and_under_the_title():
    document = audience_document("analyst")
    assert page_texts(document).count("INTERNAL") == 4  # header and footer, first page and others
    assert document.sections[0].header.paragraphs[-1].text == INFO.title
    assert [p.text for p in document.paragraphs[:2]] == [INFO.title, "INTERNAL"]
    assert document.paragraphs[1].style.name == "Brief Marking"


def test_the_press_brief_has_no_marking_and_no_timeline():
    document = audience_document("press")
    assert "INTERNAL" not in all_text(document)
    assert not [p for p in document.paragraphs if p.style.name == "Brief Marking"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Timeline" not in headings and headings[-1] == "Sources"
    assert not [p for p in document.paragraphs if p.style.name == "Quote"]


def test_the_page_is_the_audiences_paper():
    section = audience_document("executive", paper="Letter").sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (12240, 15840)
    section = audience_document("executive").sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)


def test_a_limit_says_how_many_were_left_out():
    document = audience_document("analyst", limits={"meetings": 1})
    lines = [p.text for p in document.paragraphs]
    meetings = lines.index("Meetings")
    assert "1 more not shown in this brief." in lines[meetings : lines.index("Agreements")]


# --- what Word uses: page, footer, properties ----------------------------------------


def test_a4_pages_with_page_numbers_and_a_running_title(document):
    section = document.sections[0]
    # Word's own A4, in twentieths of a point.
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    footer = section.footer._element
    fields = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text == "Page 1 of 1"  # until Word counts the pages
    assert section.first_page_footer.paragraphs[0].text == "Page 1 of 1"
    assert section.header.paragraphs[0].text == INFO.title
    assert section.different_first_page_header_footer


def test_letter_pages_on_request_and_unknown_sizes_refused():
    context = build_context(Digest(), INFO)
    letter = load(render_docx(context, page_size="Letter")).sections[0]
    assert (letter.page_width.twips, letter.page_height.twips) == (12240, 15840)
    assert set(PAGE_SIZES) == {"A4", "Letter"}
    with pytest.raises(RenderError, match="unknown page size 'A5': choose from A4, Letter"):
        render_docx(context, page_size="A5")


def test_core_properties_name_the_brief_and_carry_no_clock(document):
    props = document.core_properties
    assert props.title == INFO.title and props.subject == INFO.subject
    assert props.author == props.last_modified_by == "briefgen"
    assert props.revision == 1
    # No SOURCE_DATE_EPOCH: the brief's own date, at midnight UTC.
    assert props.created == props.modified == dt.datetime(2021, 11, 1, tzinfo=dt.timezone.utc)
    undated = load(docx_bytes(Digest(), BriefInfo(title="T"))).core_properties
    assert undated.created is None and undated.modified is None


def test_no_template_leftovers(brief: bytes):
    package = zipfile.ZipFile(io.BytesIO(brief))
    names = package.namelist()
    assert not any("thumbnail" in name or "stylesWithEffects" in name for name in names)
    settings = package.read("word/settings.xml").decode()
    assert (
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"'
        in (settings)
    )  # Word 2013 and later: no "Compatibility Mode"
    app = package.read("docProps/app.xml").decode()
    assert "<Application>briefgen</Application>" in app and "Macintosh" not in app


# --- reproducibility -------------------------------------------------------------------


def test_two_renders_are_byte_identical(brief: bytes):
    assert docx_bytes(load_fixture()) == brief


def test_renders_in_another_process_are_byte_identical(brief: bytes, tmp_path: Path):
    """A fresh interpreter with another hash seed: no set or dict order leaks into the file."""
    script = (
        "import sys\n"
        "from tests.test_docx import docx_bytes\n"
        "from tests.test_render import load_fixture\n"
        "sys.stdout.buffer.write(docx_bytes(load_fixture()))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = "12345"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, check=True
    )
    assert out.stdout == brief


def test_zip_has_fixed_times_order_and_compression(brief: bytes):
    with zipfile.ZipFile(io.BytesIO(brief)) as package:
        assert package.testzip() is None
        infos = package.infolist()
    names = [i.filename for i in infos]
    assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
    assert {i.date_time for i in infos} == {(2021, 11, 1, 0, 0, 0)}  # the brief's date
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert {(i.create_system, i.external_attr >> 16) for i in infos} == {(3, 0o100644)}
    undated = docx_bytes(Digest(), BriefInfo(title="T"))
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(undated)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }


def test_source_date_epoch_dates_the_document(brief: bytes, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    stamped = docx_bytes(load_fixture())
    assert stamped != brief and stamped == docx_bytes(load_fixture())
    props = load(stamped).core_properties
    assert props.created == props.modified == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    infos = zipfile.ZipFile(io.BytesIO(stamped)).infolist()
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SDE_2021)
    assert load(docx_bytes(Digest(), BriefInfo(title="T"))).core_properties.created == (
        dt.datetime(2021, 11, 1, tzinfo=dt.timezone.utc)
    )


@pytest.mark.parametrize("value", ["yesterday", "1.5", "99999999999999999999"])
def test_bad_source_date_epoch_is_named(value: str):
    with pytest.raises(RenderError, match=rf"SOURCE_DATE_EPOCH='{value}'"):
        document_date(None, {"SOURCE_DATE_EPOCH": value})


def test_document_date_prefers_source_date_epoch_then_the_brief():
    day = dt.date(2026, 12, 1)
    assert document_date(day, {"SOURCE_DATE_EPOCH": SDE_2021}) == dt.datetime(
        2021, 11, 1, tzinfo=dt.timezone.utc
    )
    assert document_date(day, {"SOURCE_DATE_EPOCH": " "}) == dt.datetime(
        2026, 12, 1, tzinfo=dt.timezone.utc
    )
    assert document_date(None, {}) is None


# --- untrusted article text ------------------------------------------------------------

LITERALS = ("<script>alert(1)</script>", "[click](http://evil.example)", "![x](file:///etc/passwd)")


TOC_FIELD = ' TOC \\o "1-1" \\h \\z \\u '


def assert_docx_inert(data: bytes) -> docx.document.Document:
    """A Word brief that links nowhere outside itself, embeds nothing and computes nothing.

    For any hostile input: no external relationship (web address, file), no
    image, object or embedded file, no field in the body but the table of
    contents (and the footer's page numbers), and no link but citations to the sources.
    Other tests (end-to-end injection) can call it on a built brief.docx.
    """
    document = load(data)
    assert external_targets(document.part.package) == []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        rels = b"".join(package.read(n) for n in names if n.endswith(".rels"))
    assert b'TargetMode="External"' not in rels
    assert not [n for n in names if n.startswith(("word/media/", "word/embeddings/"))], names
    body = document.element.body
    for tag in ("w:drawing", "w:pict", "w:object", "w:fldSimple", "w:altChunk"):
        assert next(body.iter(qn(tag)), None) is None, tag
    # The only field in the body: the table of contents, with briefgen's fixed instruction.
    fields = [i.text for i in body.iter(qn("w:instrText"))]
    assert fields in ([], [TOC_FIELD]), fields
    anchors = [h.get(qn("w:anchor")) or "" for h in body.iter(qn("w:hyperlink"))]
    assert all(a.startswith("source_") for a in anchors), anchors
    return document


def test_hostile_text_is_literal_text_and_links_nowhere():
    data = docx_bytes(hostile_digest(), BriefInfo(title=HOSTILE, subject=HOSTILE))
    document = assert_docx_inert(data)
    text = all_text(document)
    for literal in LITERALS:
        assert literal in text
    assert text.count("<script>alert(1)</script>") >= 20  # every field, not just one
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = b"".join(package.read(name) for name in package.namelist() if name.endswith(".xml"))
        rels = b"".join(package.read(n) for n in package.namelist() if n.endswith(".rels"))
    assert b"<script" not in xml and b"&lt;script&gt;" in xml
    assert b"evil.example" not in rels and b"file:" not in rels
    anchors = {h.get(qn("w:anchor")) for h in document.element.body.iter(qn("w:hyperlink"))}
    assert anchors == {"source_1"}  # the one source's citations, and nothing else
    title = document.core_properties.title  # one line, within the 255 characters allowed
    assert title.startswith("# heading <script>alert(1)</script>") and "\n" not in title
    # A line break in article text is a space, as in the HTML and Markdown briefs.
    assert "| a | b | ## injected - item" in document.paragraphs[0].text


def test_inertness_check_would_see_a_web_link_and_a_field(brief: bytes):
    """assert_docx_inert is not vacuous: each thing it forbids, added to a brief, is caught."""
    document = load(brief)
    paragraph = document.add_paragraph()
    r_id = document.part.relate_to("http://evil.example", RT.HYPERLINK, is_external=True)
    link = paragraph._p.makeelement(qn("w:hyperlink"), {qn("r:id"): r_id})
    paragraph._p.append(link)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(AssertionError):
        assert_docx_inert(buffer.getvalue())
    document = load(brief)
    instr = document.add_paragraph().add_run()._r.makeelement(qn("w:instrText"), {})
    instr.text = 'INCLUDEPICTURE "file:///etc/passwd"'
    document.paragraphs[-1].runs[0]._r.append(instr)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(AssertionError, match="INCLUDEPICTURE"):
        assert_docx_inert(buffer.getvalue())


def test_characters_xml_cannot_hold_are_replaced_not_fatal():
    bad = "Kim\x00 Jong\x07-un\ud800 \x1b[31m\ufffe"
    ev = [Evidence(source="s", quote=bad, start=0, end=1)]
    digest = Digest(
        sources=[Source(id="s", title=bad, outlet=bad)],
        people=[Person(name=bad, aliases=[bad], evidence=ev)],
        meetings=[Meeting(participants=[bad, "B"], location=bad, evidence=ev)],
        proposals=[Proposal(by=bad, what=bad, evidence=ev)],
    )
    text = all_text(load(docx_bytes(digest, BriefInfo(title=bad))))
    # Control characters are left out, as in every brief; the rest XML cannot hold is replaced.
    assert xml_text(bad) == "Kim Jong-un\ufffd [31m\ufffd"
    assert text.count(xml_text(bad)) >= 6


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=60), where=st.text(max_size=20))
def test_any_text_renders_and_reads_back(text: str, where: str):
    ev = [Evidence(source="s", quote=text, start=0, end=1)]
    digest = Digest(
        sources=[Source(id="s", title=text)],
        meetings=[Meeting(participants=[text, "B"], location=where or None, evidence=ev)],
        people=[Person(name=text, evidence=ev)],
    )
    document = load(render_docx(build_context(digest, BriefInfo(title=text))))
    assert inline_text(text) in all_text(document)


# --- through the CLI -------------------------------------------------------------------


def test_render_a_digest_to_word_and_refuse_unknown_formats(
    workspace: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # outside any workspace: the default config applies
    digest = tmp_path / "digest.yaml"
    digest.write_text((Path(__file__).parent / "fixtures/render/digest.yaml").read_text("utf-8"))
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["render", str(digest), "--format", "docx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert load((out / "analyst" / "brief.docx").read_bytes()).tables
    result = runner.invoke(cli, ["render", str(digest), "--format", "odt", "--out", str(out)])
    assert result.exit_code == 2 and "choose one or more of md, html, pdf, docx" in result.output


def test_a_bad_source_date_epoch_fails_the_render_and_keeps_the_last_brief(
    tmp_path: Path, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # outside any workspace: the default config applies
    digest = tmp_path / "digest.yaml"
    digest.write_text((Path(__file__).parent / "fixtures/render/digest.yaml").read_text("utf-8"))
    out = tmp_path / "out"
    args = ["render", str(digest), "--format", "docx", "--out", str(out)]
    runner = CliRunner()
    first = runner.invoke(cli, args, env={"SOURCE_DATE_EPOCH": SDE_2021})
    assert first.exit_code == 0, first.output
    before = (out / "analyst" / "brief.docx").read_bytes()
    again = runner.invoke(cli, args, env={"SOURCE_DATE_EPOCH": SDE_2021})
    assert again.exit_code == 0 and (out / "analyst" / "brief.docx").read_bytes() == before
    bad = runner.invoke(cli, args, env={"SOURCE_DATE_EPOCH": "next tuesday"})
    assert bad.exit_code == 1
    assert "briefgen: error: SOURCE_DATE_EPOCH='next tuesday': not a whole number" in bad.output
    assert (out / "analyst" / "brief.docx").read_bytes() == before
