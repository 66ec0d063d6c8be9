"""Nothing through: article text stays text in every format, and no name escapes the output folder.

tests/test_render.py checks the escaping of each template field by field;
these tests go end to end. A hostile article is built by ``briefgen build``
into Markdown, HTML, PDF and Word while a web server on 127.0.0.1 counts requests
and a real image sits at the ``file://`` URL the article points to: the PDF
must load neither (no image in it, no request made), the Word brief must link
nowhere outside itself (``assert_docx_inert``), and every brief must show the
markup as text. Then names: source ids, audience and format names
and output names that try to leave the output folder.
"""

from __future__ import annotations

import base64
import html.parser
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.digest import dump_digest, load_digest
from briefgen.model import Digest, Evidence, Meeting, Person, Source
from briefgen.render.filters import BIDI_CONTROLS

from .test_docx import all_text, assert_docx_inert

# A 1x1 PNG: real enough that WeasyPrint would embed it if it ever loaded it.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
)
BIDI = "\u202egnirts desrever\u202c"


class _Counter(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []  # each server gets a list of its own (see `server`)

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    requests: ClassVar[list[str]] = []  # each server gets a list of its own (see `server`)
    handler = type("Handler", (_Counter,), {"requests": requests})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


# The table of contents links to these, the ids of the brief's own sections.
SECTION_LINKS = {
    "#since-last-brief", "#key-points", "#meetings", "#agreements", "#disagreements",
    "#proposals", "#people", "#timeline", "#sources",
}  # fmt: skip


def _hostile(base: str, image: Path) -> str:
    return (
        f'{BIDI} zero\u200bwidth <script>alert(1)</script> <img src="file://{image}"> '
        f'<img src="{base}/img.png"> [a link]({base}/link) <b>bold</b> ![an image]({base}/md.png)'
    )


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


# The table of contents links to these, the ids of the brief's own sections.
SECTION_LINKS = {
    "#since-last-brief", "#key-points", "#meetings", "#agreements", "#disagreements",
    "#proposals", "#people", "#timeline", "#sources",
}  # fmt: skip


# The Markdown contents link to its headings by the ids viewers give them.
MARKDOWN_SECTION_LINKS = {
    "#since-the-last-brief", "#key-points", "#meetings", "#agreements",
    "#open-disagreements", "#proposals", "#people", "#timeline", "#sources",
}  # fmt: skip


def _assert_html_inert(page: str) -> None:
    tags = _tags(page)
    names = {name for name, _ in tags}
    assert not names & {"script", "img", "b", "iframe", "object", "link"}, names
    for name, attrs in tags:
        assert "src" not in attrs, (name, attrs)
        if name == "a":
            # a citation, or the contents' link to one of the brief's own sections
            href = attrs.get("href") or ""
            assert href.startswith("#source-") or href in SECTION_LINKS, attrs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _assert_markdown_inert(text: str) -> None:
    import markdown
    from markdown_it import MarkdownIt

    for page in (markdown.markdown(text), MarkdownIt("commonmark").render(text)):
        tags = _tags(page)
        names = {name for name, _ in tags}
        assert not names & {"script", "img", "b"}, names
        # Links only from the template: the contents' links to its own sections.
        hrefs = {attrs.get("href") for name, attrs in tags if name == "a"}
        assert hrefs <= MARKDOWN_SECTION_LINKS, hrefs
        assert "&lt;script&gt;" in page
        # Only the template's headings: the title and the section headings.
        headings = [name for name, _ in tags if name in {"h1", "h2", "h3", "h4", "h5", "h6"}]
        assert headings.count("h1") == 1 and set(headings) <= {"h1", "h2"}


def _pdf_images_links_and_text(data: bytes) -> tuple[int, list[str], str]:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    reader = PdfReader(io.BytesIO(data))
    images = 0
    uris = []
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object() if isinstance(ref, IndirectObject) else ref
            images += obj.get("/Subtype") == "/Image"
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return images, uris, text


def test_pdf_checks_can_see_an_image_and_a_link():
    """The PDF checks below would notice an image or a web link: a brief that has both."""
    from briefgen.render.pdf import render_pdf

    uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    images, uris, text = _pdf_images_links_and_text(
        render_pdf(f'<p>x <img src="{uri}"> <a href="https://example.org/">web</a></p>')
    )
    assert images == 1 and uris == ["https://example.org/"] and "web" in text


def test_a_hostile_article_stays_text_in_every_format(
    tmp_path: Path, server: tuple[str, list[str]]
):
    base, requests = server
    image = tmp_path / "secret.png"
    image.write_bytes(PNG)
    payload = _hostile(base, image)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "talks.txt").write_text(
        f"# Talks <script>alert(1)</script> ![t]({base}/title.png) in Rome\n\n"
        f"ROME -- Foreign Minister Chung Eui-yong met Secretary of State Antony Blinken in"
        f" Rome on Tuesday to discuss {payload}.\n\n"
        f"# The two ministers agreed to keep talking about the peninsula {payload}.\n\n"
        f"Chung proposed an end-of-war declaration {payload}.\n",
        encoding="utf-8",
    )
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "briefgen.yaml").write_text("inputs: [articles/]\n")
    result = CliRunner().invoke(
        cli, ["build", "--config", str(tmp_path / "config" / "briefgen.yaml")]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "build"

    # The payload did reach the renderer (else this test would prove nothing).
    digest = load_digest(out / "digest.yaml")
    assert "<script>alert(1)</script>" in digest.sources[0].title
    assert any(BIDI in (p.what or "") for p in digest.proposals)
    assert any("# The two ministers" in e.quote for a in digest.agreements for e in a.evidence)

    _assert_html_inert((out / "analyst" / "brief.html").read_text("utf-8"))
    md = (out / "analyst" / "brief.md").read_text("utf-8")
    _assert_markdown_inert(md)
    # Bidi controls are left out of the brief (they are kept in the digest); the rest stays.
    assert "gnirts desrever" in md and "\u202e" not in md

    images, uris, text = _pdf_images_links_and_text((out / "analyst" / "brief.pdf").read_bytes())
    assert images == 0 and uris == []
    assert "<script>alert(1)</script>" in text and "[a link](" in text

    word = all_text(assert_docx_inert((out / "analyst" / "brief.docx").read_bytes()))
    assert (
        "<script>alert(1)</script>" in word
        and "gnirts desrever" in word
        and "\u202e" not in word
        and "[a link](" in word
    )
    assert requests == []  # nothing was fetched from the web server


def test_an_unterminated_override_does_not_reverse_the_brief_after_it(tmp_path: Path):
    """An article's right-to-left override, never closed, in a quote: the brief drops it
    in every format, so the citation after the quote reads left to right; the digest
    keeps the article's text verbatim, offsets and all."""
    (tmp_path / "articles").mkdir()
    article = (
        "# Talks in Rome\n\n"
        "ROME -- Foreign Minister Chung Eui-yong met Secretary of State Antony Blinken in"
        " Rome on Tuesday.\n\n"
        "Chung proposed an end-of-war declaration \u202eto bring Pyongyang back to talks.\n"
    )
    (tmp_path / "articles" / "talks.txt").write_text(article, encoding="utf-8")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "briefgen.yaml").write_text("inputs: [articles/]\n")
    result = CliRunner().invoke(
        cli, ["build", "--config", str(tmp_path / "config" / "briefgen.yaml")]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "build"

    digest = load_digest(out / "digest.yaml")
    quotes = [e for p in digest.proposals for e in p.evidence if "\u202e" in e.quote]
    assert quotes, "the override reached the digest"
    from briefgen.ingest import read_article

    text = read_article(tmp_path / "articles" / "talks.txt").text
    assert all(text[e.start : e.end] == e.quote for e in quotes)  # verbatim, offsets valid

    plain = "Chung proposed an end-of-war declaration to bring Pyongyang back to talks."
    md = (out / "analyst" / "brief.md").read_text("utf-8")
    page = (out / "analyst" / "brief.html").read_text("utf-8")
    for brief in (md, page):
        assert not set(brief) & BIDI_CONTROLS
    assert f"> {plain} [1]" in md
    assert f'<blockquote>{plain} <a class="cite" href="#source-1">[1]</a></blockquote>' in page
    _, _, pdf_text = _pdf_images_links_and_text((out / "analyst" / "brief.pdf").read_bytes())
    assert f"{plain} [1]" in pdf_text and "sklat" not in pdf_text
    import docx

    word = docx.Document(str(out / "analyst" / "brief.docx"))
    word_text = "\n".join(p.text for p in word.paragraphs)
    assert plain in word_text and not set(word_text) & BIDI_CONTROLS


def test_a_hostile_hand_edited_digest_renders_inert(tmp_path: Path, server):
    base, requests = server
    image = tmp_path / "secret.png"
    image.write_bytes(PNG)
    payload = "# " + _hostile(base, image)
    quote = f"{payload} said so."
    digest = Digest(
        sources=[Source(id="s1", title=payload, outlet=payload, author=payload)],
        people=[Person(name=payload, role=payload, affiliation=payload)],
        meetings=[
            Meeting(
                participants=[payload, "B"], location=payload, when=payload,
                evidence=[Evidence(source="s1", quote=quote, start=0, end=len(quote))],
            )
        ],
    )  # fmt: skip
    path = tmp_path / "digest.yaml"
    path.write_text(dump_digest(digest), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    _assert_html_inert((out / "analyst" / "brief.html").read_text("utf-8"))
    _assert_markdown_inert((out / "analyst" / "brief.md").read_text("utf-8"))
    images, uris, text = _pdf_images_links_and_text((out / "analyst" / "brief.pdf").read_bytes())
    assert images == 0 and uris == [] and "<script>alert(1)</script>" in text
    word = all_text(assert_docx_inert((out / "analyst" / "brief.docx").read_bytes()))
    assert "<script>alert(1)</script>" in word
    assert requests == []


# --- names that try to leave the output folder -------------------------------------------

ESCAPING_NAMES = [
    "../../outside",
    "/tmp/outside",
    "a/../../outside",
    "..\\outside",
    "nul\x00byte",
    "\u202eedistuo",
    "zero\u200bwidth",
    "\u2024\u2024/outside",  # one-dot leaders that look like ".."
    "con",
]


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("source_id", ESCAPING_NAMES)
def test_source_ids_never_name_a_file(tmp_path: Path, source_id: str, monkeypatch):
    monkeypatch.chdir(tmp_path)  # outside any workspace: the default config applies
    quote = "A met B."
    digest = Digest(
        sources=[Source(id=source_id, path=source_id)],
        meetings=[
            Meeting(
                participants=["A", "B"],
                evidence=[Evidence(source=source_id, quote=quote, start=0, end=len(quote))],
            )
        ],
    )
    work = tmp_path / "work"
    work.mkdir()
    path = work / "digest.yaml"
    path.write_text(dump_digest(digest), encoding="utf-8")
    before = _files(tmp_path)
    result = CliRunner().invoke(
        cli, ["render", str(path), "--out", str(work / "out"), "--format", "md,html"]
    )
    assert result.exit_code == 0, result.output
    new = _files(tmp_path) - before
    assert {p.relative_to(work / "out").as_posix() for p in new} == {
        "analyst/brief.md", "analyst/brief.html", ".briefgen-manifest.json", ".briefgen.lock",
    }  # fmt: skip


@pytest.mark.parametrize("audience", [*ESCAPING_NAMES, "..", "."])
def test_audience_names_cannot_write_outside_the_output_folder(workspace: Path, audience: str):
    config = workspace / "config" / "briefgen.yaml"
    outside = workspace.parent
    before = {p for p in outside.rglob("*") if p.is_file() and workspace not in p.parents}
    result = CliRunner().invoke(
        cli, ["build", "--config", str(config), "--format", "md", "--audience", audience]
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code:
        assert result.output.startswith("briefgen: error: ") or "Error:" in result.output
    after = {p for p in outside.rglob("*") if p.is_file() and workspace not in p.parents}
    assert after == before
    written = {p.relative_to(workspace).parts[0] for p in _files(workspace)}
    assert written <= {"config", "seeds", "build"}


@pytest.mark.parametrize("fmt", ["../md", "md/../../x", "/etc/passwd", "md\x00", "pdf,../x"])
def test_format_names_are_only_the_known_ones(workspace: Path, fmt: str):
    config = workspace / "config" / "briefgen.yaml"
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--format", fmt])
    assert result.exit_code == 2 and "--format" in result.output
    assert not (workspace / "build").exists()


CONTROLS = "\x1b]8;;https://evil.example/\x07bell\x08\x7f\x9b"


def test_control_characters_in_metadata_reach_no_brief(tmp_path: Path):
    """ESC (an OSC 8 terminal link), BEL, BS, DEL and C1 controls in every metadata
    field an input can set: front matter, a .txt headline, a feed's and an entry's
    title. The README promises them left out of every brief, press included."""
    c = CONTROLS
    articles = tmp_path / "articles"
    articles.mkdir()
    escaped = "\\e]8;;https://evil.example/\\abell\\b\\x7f\\x9b"  # YAML cannot hold them raw
    (articles / "a.md").write_text(
        f'---\ntitle: "Talks{escaped} in Rome"\noutlet: "Wire{escaped}"\n'
        f'author: "Jane{escaped} Doe"\ndate: 2021-10-06\n---\n'
        "Foreign Minister Chung Eui-yong met Secretary of State Antony Blinken in Rome.\n",
        encoding="utf-8",
    )
    (articles / "b.txt").write_text(
        f"Moon{c} meets Biden\n\n"
        + "President Moon Jae-in met President Joe Biden in Seoul.\n" * 10,
        encoding="utf-8",
    )
    feed_title, entry_title = "Briefing&#x1b;]8;;x&#x7;Room", "Readout&#x8;&#x1b;[31m in Paris"
    (tmp_path / "feed.rss").write_text(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{feed_title}</title>"
        f"<item><title>{entry_title}</title><guid>g1</guid><description>"
        + "Prime Minister Kim Boo-kyum met President Emmanuel Macron in Paris. " * 30
        + "</description></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "briefgen.yaml").write_text(
        "inputs: [articles/]\nfeeds:\n  sources: [feed.rss]\n"
        "brief:\n  audience: [analyst, press]\noutput:\n  formats: [md, html, docx]\n"
    )
    result = CliRunner().invoke(
        cli, ["build", "--config", str(tmp_path / "config" / "briefgen.yaml")]
    )
    assert result.exit_code == 0, result.output
    digest = (tmp_path / "build" / "digest.yaml").read_text("utf-8")
    assert "Talks" in digest and "Briefing" in digest
    bad = {chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
    for audience in ("analyst", "press"):
        folder = tmp_path / "build" / audience
        page = (folder / "brief.html").read_text("utf-8")
        assert "Talks" in page and "Moon" in page and "Readout" in page, audience
        md = (folder / "brief.md").read_text("utf-8")
        import docx

        word = "\n".join(p.text for p in docx.Document(str(folder / "brief.docx")).paragraphs)
        for name, text in (("html", page), ("md", md), ("docx", word)):
            assert not set(text) & bad, (audience, name, sorted(set(text) & bad))
        # Nor as character references, which a browser would turn back into them.
        assert "&#27;" not in page and "&#x1b;" not in page.lower()
