"""Rendering (golden files, PDF, escaping, overrides) and the CLI end to end.

Golden files: tests/golden/seeds/ holds the seeds' digest and each audience's
Markdown and HTML brief, as ``briefgen build`` writes them. Refresh them only
when a change to the extractor or the templates is meant to change the
output (``make golden``; see ``conftest.assert_golden``).
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import __version__
from briefgen.cli import cli
from briefgen.digest import dump_digest, load_digest, parse_digest
from briefgen.errors import TemplateError
from briefgen.model import Digest, Evidence, Meeting, Source
from briefgen.render import BriefInfo, render
from briefgen.render.environment import md_escape

from .conftest import assert_golden


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    import shutil

    from .conftest import ROOT, SEEDS

    ws = tmp_path_factory.mktemp("ws")
    shutil.copytree(ROOT / "config", ws / "config")
    shutil.copytree(SEEDS, ws / "seeds")
    result = CliRunner().invoke(cli, ["build", "--config", str(ws / "config" / "briefgen.yaml")])
    assert result.exit_code == 0, result.output
    return ws / "build"


AUDIENCES = ("executive", "analyst", "press")


@pytest.mark.parametrize(
    "name",
    ["digest.yaml", *(f"{who}/brief.{ext}" for who in AUDIENCES for ext in ("md", "html"))],
)
@pytest.mark.golden
def test_seeds_outputs_match_golden_files(built: Path, name: str):
    assert_golden(f"seeds/{name}", (built / name).read_bytes())


def test_digest_validates_and_round_trips(built: Path):
    digest = load_digest(built / "digest.yaml")
    assert dump_digest(digest) == (built / "digest.yaml").read_text("utf-8")


def test_pdf_has_pages_numbers_and_names(built: Path):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO((built / "analyst" / "brief.pdf").read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2
    for expected in ("Chung Eui-yong", "Antony Blinken", "Rome", "Paris", "Page 1 of"):
        assert expected in text


def test_build_makes_a_word_brief_with_the_same_facts(built: Path):
    import docx

    document = docx.Document(io.BytesIO((built / "analyst" / "brief.docx").read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for expected in ("Chung Eui-yong", "Antony Blinken", "Meetings", "Where: Rome"):
        assert expected in text
    assert "Yonhap News Agency" in cells and "[1]" in text


def test_builds_are_byte_identical(built: Path, tmp_path: Path):
    digest = load_digest(built / "digest.yaml")
    info = BriefInfo(title="T")
    first = render(digest, info=info, formats=["md", "html", "pdf", "docx"], template_dirs=[])
    second = render(digest, info=info, formats=["md", "html", "pdf", "docx"], template_dirs=[])
    assert first == second


HOSTILE = (
    "<script>alert(1)</script> [click](http://evil.example) ![x](file:///etc/passwd) "
    "<img src=x onerror=alert(1)>"
)


def _hostile_digest() -> Digest:
    quote = f"# Heading {HOSTILE}"
    return Digest(
        sources=[Source(id="s1", title=HOSTILE)],
        meetings=[
            Meeting(
                participants=[HOSTILE, "B"],
                location=HOSTILE,
                evidence=[Evidence(source="s1", quote=quote, start=0, end=len(quote))],
            )
        ],
    )


def test_article_text_cannot_inject_html_or_markdown():
    import markdown

    out = render(_hostile_digest(), info=BriefInfo(title=HOSTILE), formats=["md", "html"],
                 template_dirs=[])  # fmt: skip
    html = out["brief.html"].decode()
    assert "<script" not in html and "<img" not in html and 'href="http://evil' not in html
    md_html = markdown.markdown(out["brief.md"].decode())
    assert "<script" not in md_html and "<img" not in md_html and "<a href" not in md_html
    assert "<h1>Heading" not in md_html


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_md_escape_never_lets_markup_through(text: str):
    import markdown

    html = markdown.markdown(f"- {md_escape(text)}")
    assert "<a " not in html and "<img" not in html and "<script" not in html


def test_workspace_override_changes_one_block(tmp_path: Path):
    digest = _hostile_digest()
    base = render(digest, info=BriefInfo(title="T"), formats=["md"], template_dirs=[])
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}{% block people %}## Who\n\nNobody.\n\n{% endblock %}'
    )
    over = render(digest, info=BriefInfo(title="T"), formats=["md"], template_dirs=[tmp_path])
    assert "## Who" in over["brief.md"].decode() and "## People" not in over["brief.md"].decode()
    assert (
        base["brief.md"].decode().split("## People")[0]
        == over["brief.md"].decode().split("## Who")[0]
    )


def test_template_errors_name_file_and_line(tmp_path: Path):
    (tmp_path / "brief.md.j2").write_text("line one\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"brief\.md\.j2:2"):
        render(Digest(), info=BriefInfo(title="T"), formats=["md"], template_dirs=[tmp_path])
    (tmp_path / "brief.md.j2").write_text("ok\n{{ nothing_here }}\n")
    with pytest.raises(TemplateError, match=r"brief\.md\.j2:2.*nothing_here"):
        render(Digest(), info=BriefInfo(title="T"), formats=["md"], template_dirs=[tmp_path])


def test_pdf_fetches_nothing(tmp_path: Path):
    (tmp_path / "brief.html.j2").write_text(
        '<html><body><p>x</p><img src="file:///etc/passwd"><img src="http://example.com/t.png">'
        "</body></html>"
    )
    out = render(Digest(), info=BriefInfo(title="T"), formats=["pdf"], template_dirs=[tmp_path])
    assert out["brief.pdf"].startswith(b"%PDF")
    assert b"root:" not in out["brief.pdf"]


def test_hand_edited_digest_errors_have_paths(tmp_path: Path):
    with pytest.raises(Exception, match=r"meetings\.0\.participants"):
        parse_digest("meetings:\n  - location: Rome\n", tmp_path / "d.yaml")
    with pytest.raises(Exception, match=r"d\.yaml:2: invalid YAML"):
        parse_digest("people:\n  - name: x: y\n", tmp_path / "d.yaml")


# --- CLI ---------------------------------------------------------------------


# The commands through click, not ``briefgen.cli.main``, which ends the process after one.
_HELP_IMPORTS = """
import sys
from briefgen.cli import cli
for args in (["--help"], ["--version"], ["build", "--help"], ["eval", "--help"]):
    try:
        cli(args, prog_name="briefgen")
    except SystemExit as e:
        assert e.code in (0, None), (args, e.code)
print(" ".join(sorted(sys.modules)))
"""
# What --help must not load: the NLP and PDF libraries and the extractor.
_HEAVY = ("spacy", "thinc", "weasyprint", "briefgen.extract", "briefgen.pipeline")


def test_help_and_version_answer_without_importing_anything_heavy():
    runner = CliRunner()
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "Usage:" in result.output and "build" in result.output
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    # In a fresh interpreter: this one has imported everything the other tests use.
    run = subprocess.run(
        [sys.executable, "-c", _HELP_IMPORTS], capture_output=True, text=True, check=True
    )
    imported = run.stdout.split("\n")[-2].split()
    assert "briefgen.cli" in imported  # the check sees what was imported
    heavy = [m for m in imported if any(m == h or m.startswith(f"{h}.") for h in _HEAVY)]
    assert heavy == []


def test_bad_config_is_one_line_with_key_path(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    config.write_text("inputs: [seeds/]\noutput:\n  formats: [md, odt]\n  colour: red\n")
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 2
    assert "output.formats: unknown format 'odt' (choose from md, html, pdf, docx)" in result.output
    assert "output.colour: unknown key" in result.output
    assert "Traceback" not in result.output


def test_bad_format_flag_is_a_usage_error(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--format", "md,doc"])
    assert result.exit_code == 2 and "doc" in result.output


def test_extract_then_render_a_hand_edited_digest(workspace: Path, tmp_path: Path):
    runner = CliRunner()
    digest_path = tmp_path / "d.yaml"
    result = runner.invoke(cli, ["extract", str(workspace / "seeds"), "-o", str(digest_path)])
    assert result.exit_code == 0, result.output
    edited = digest_path.read_text().replace("Rome", "Roma")
    digest_path.write_text(edited)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["render", str(digest_path), "--format", "md", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Roma" in (out / "analyst" / "brief.md").read_text()


def test_extract_a_folder_of_readouts(tmp_path: Path):
    from .conftest import FIXTURES

    result = CliRunner().invoke(
        cli, ["extract", str(FIXTURES / "readouts"), "-o", str(tmp_path / "d.yaml")]
    )
    assert result.exit_code == 0, result.output
    readouts = list((FIXTURES / "readouts").glob("*.md"))
    assert len(load_digest(tmp_path / "d.yaml").sources) == len(readouts) > 0


def test_check_and_init(tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(cli, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    config = tmp_path / "ws" / "config" / "briefgen.yaml"
    assert config.exists() and (tmp_path / "ws" / "articles").is_dir()
    assert runner.invoke(cli, ["init", str(tmp_path / "ws")]).exit_code == 1  # never overwrites
    assert runner.invoke(cli, ["check", "--config", str(config)]).exit_code == 0
    (tmp_path / "ws" / "templates" / "brief.md.j2").write_text("{% for %}")
    result = runner.invoke(cli, ["check", "--config", str(config)])
    assert result.exit_code == 1 and "brief.md.j2:1" in result.output


def test_schema_is_json_schema():
    import json

    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert {"sources", "people", "meetings"} <= set(schema["properties"])


def test_missing_input_keeps_previous_outputs(workspace: Path):
    runner = CliRunner()
    config = workspace / "config" / "briefgen.yaml"
    assert runner.invoke(cli, ["build", "--config", str(config)]).exit_code == 0

    def outputs() -> dict[Path, bytes]:  # the extraction cache (.cache/) aside
        build = workspace / "build"
        files = (p for p in build.rglob("*") if p.is_file() and ".cache" not in p.parts)
        return {p: p.read_bytes() for p in files if p.name != ".briefgen.lock"}

    before = outputs()
    assert len(before) == 14  # the digest, the manifest, three audiences' md, html, pdf, docx
    config.write_text(config.read_text().replace("seeds/", "nowhere/"))
    result = runner.invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 1 and "nowhere/" in result.output
    assert before == outputs()


def test_digest_validates_against_its_json_schema(built: Path):
    import json

    import jsonschema
    import yaml

    from briefgen.digest import digest_schema

    data = yaml.safe_load((built / "digest.yaml").read_text("utf-8"))
    jsonschema.validate(data, json.loads(digest_schema()))
    facts = [f for kind in ("people", "meetings", "agreements", "disagreements", "proposals")
             for f in data[kind]]  # fmt: skip
    assert facts and all(f["evidence"] for f in facts)


def test_a_skipped_input_is_named_in_the_briefs_sources(workspace: Path):
    """STYLE.md: skipping is fine when it is visible in the brief's sources section."""
    config = workspace / "config" / "briefgen.yaml"
    build = ["build", "--config", str(config), "--format", "md,html"]
    assert CliRunner().invoke(cli, build).exit_code == 0
    # Same digest as the first build, but a new file left out: the briefs are made again.
    (workspace / "seeds" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00 not text")
    result = CliRunner().invoke(cli, build)
    assert result.exit_code == 0, result.output
    reason = "a binary file (it contains NUL bytes), not text"

    md = (workspace / "build" / "analyst" / "brief.md").read_text("utf-8")
    sources = md.split("## Sources")[1]
    assert f"Files read but not among the sources:\n\n- seeds/scan.txt: {reason}\n" in sources
    page = (workspace / "build" / "analyst" / "brief.html").read_text("utf-8")
    sources = page.split('<section id="sources">')[1].split("</section>")[0]
    assert f'<li><span class="source-id">seeds/scan.txt</span>: {reason}</li>' in sources
    # The executive brief has no sources section, so no list either.
    assert "scan.txt" not in (workspace / "build" / "executive" / "brief.md").read_text("utf-8")


def test_the_inputs_left_out_are_the_skipped_and_duplicate_ones(tmp_path: Path):
    from briefgen.model import Notice
    from briefgen.render import build_context

    notices = [
        Notice("a.txt", "skipped", "no article text"),
        Notice("b.txt", "repaired", "mojibake repaired"),
        Notice("c.txt", "duplicate", "same text as a2.txt; counted once"),
        Notice("d.md", "ignored", "date 'x' is not an ISO date (YYYY-MM-DD); ignored"),
    ]
    digest = Digest(sources=[Source(id="s")])
    context = build_context(digest, BriefInfo(title="T"), notices=notices)
    assert [n.path for n in context.inputs_skipped] == ["a.txt", "c.txt"]
    assert build_context(digest, BriefInfo(title="T")).inputs_skipped == ()
    # Article-derived text in the list is escaped in Markdown like any other.
    hostile = [Notice("# x.txt", "skipped", "<script>[a](http://e)")]
    marked = BriefInfo(title="T", marking="INTERNAL")
    md = render(digest, info=marked, formats=["md", "html"], template_dirs=[], notices=hostile)
    assert "- \\# x.txt: \\<script\\>\\[a\\](http\\://e)\n" in md["brief.md"].decode()
    assert "&lt;script&gt;" in md["brief.html"].decode()
    # Workspace paths are internal: a brief with no marking (press) lists none.
    public = render(
        digest, info=BriefInfo(title="T"), formats=["md", "html"], template_dirs=[],
        notices=hostile,
    )  # fmt: skip
    assert "x.txt" not in public["brief.md"].decode() + public["brief.html"].decode()
