"""Ingestion: every format to the same plain ``Article``, metadata out of the text.

Fixtures live in tests/fixtures/ingest/: three White House readouts copied
from the shared corpus (public domain; chosen for a ``\\###`` glued to the
last paragraph, a title repeated as the first paragraph, and backslash
escapes with non-breaking-space "blank" lines), a hand-written web page with
navigation, sidebar, footer and script, and a hand-written hard-wrapped wire
story. Everything else is written to ``tmp_path`` by the test that needs it.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
from pathlib import Path

import pytest
import regex

from briefgen.errors import InputError
from briefgen.ingest import (
    READERS,
    Parsed,
    Reader,
    assign_ids,
    find_inputs,
    read_article,
    register,
    registry,
)
from briefgen.model import Article

from .conftest import FIXTURES, ROOT, SEEDS

INGEST = FIXTURES / "ingest"
SEED_000 = SEEDS / "000_5aae6e53e3ee52b2.txt"
SEED_001 = SEEDS / "001_752275d0ded06cc5.txt"
YOON = next(INGEST.glob("whitehouse/2022-09-29-*.md"))
AREVALO = next(INGEST.glob("whitehouse/2023-09-01-*.md"))
FENTANYL = next(INGEST.glob("whitehouse/2024-02-08-*.md"))
PAGE = INGEST / "page.html"
WIRE = INGEST / "wire_wrapped.txt"
ALL_FIXTURES = [SEED_000, SEED_001, YOON, AREVALO, FENTANYL, PAGE, WIRE]
ID_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _sentences(article: Article) -> list[str]:
    return [article.sentence_text(s) for s in article.sentences]


# --- The text convention, for every format ---------------------------------


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name[:40])
def test_text_is_plain_paragraphs_and_spans_index_it(path: Path):
    a = read_article(path, root=ROOT)
    assert a.text and a.text == a.text.strip()
    for paragraph in a.text.split("\n\n"):
        assert paragraph and "\n" not in paragraph
        assert paragraph == " ".join(paragraph.split()), "white space is single spaces"
    assert "\u00a0" not in a.text and "\r" not in a.text and "\n\n\n" not in a.text
    assert not re.search(r"<[A-Za-z/!]", a.text), "no markup"
    assert a.sentences
    previous_end = 0
    for span in a.sentences:
        sentence = a.text[span.start : span.end]
        assert sentence == a.sentence_text(span) == sentence.strip()
        assert "\n" not in sentence
        assert previous_end <= span.start < span.end <= len(a.text)
        previous_end = span.end
    if a.title:
        assert a.title not in a.text


# --- Plain text: the seeds --------------------------------------------------


def test_seed_with_title_dateline_and_source_trailer():
    a = read_article(SEED_000, root=ROOT)
    assert a.path == "seeds/000_5aae6e53e3ee52b2.txt"
    assert a.title == "S. Korea, U.S. FMs discuss end-of-war declaration, bilateral ties in Rome"
    assert a.dateline == "Seoul"
    assert a.outlet == "Yonhap News Agency"
    assert a.author is None and a.published is None and a.url is None
    assert a.text.startswith("The top diplomats of South Korea")
    assert a.text.endswith("humanitarian aid to the North.")
    for leak in ("SEOUL", "Source", "Yonhap", "FMs discuss"):
        assert leak not in a.text


def test_seed_with_date_marker_and_unclosed_byline():
    a = read_article(SEED_001, root=ROOT)
    assert a.title is None
    assert a.published == dt.date(2021, 10, 6)
    assert a.author == "Ahn Sung-mi"
    assert a.text.startswith("South Korean Foreign Minister Chung Eui-yong stressed")
    assert a.text.endswith("a swift vaccine supply.")
    for leak in ("Ahn Sung-mi", "date 2021", "2021-10-06", "heraldcorp", "By "):
        assert leak not in a.text
    # One paragraph per line in the file: long lines are paragraphs, not wraps.
    assert a.text.count("\n\n") == 13  # 14 paragraph lines, then the byline


def test_seed_sentences_begin_and_end_where_the_text_does():
    first = _sentences(read_article(SEED_000))
    assert first[0].startswith("The top diplomats") and first[0].endswith("foreign ministry said.")
    assert first[-1].startswith("Their talks came amid") and first[-1].endswith("to the North.")
    assert any(
        s.startswith("Foreign Minister Chung Eui-yong sat down with his U.S.") for s in first
    )
    second = _sentences(read_article(SEED_001))
    assert second[0].startswith("South Korean Foreign Minister")
    assert second[0].endswith("their approach on Pyongyang.")
    assert second[-1].startswith("He also said that Seoul") and second[-1].endswith("supply.")


def test_an_abbreviation_ends_a_sentence_before_a_common_opener():
    from briefgen.ingest.nlp import split_sentences

    text = (
        "The leaders met in Washington, D.C. During the meeting, they spoke. Both sides met "
        "in the U.S. Today they left. Gen. Smith stayed."
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "The leaders met in Washington, D.C.",
        "During the meeting, they spoke.",
        "Both sides met in the U.S.",
        "Today they left.",
        "Gen. Smith stayed.",
    ]


def test_a_photo_credit_run_into_the_text_starts_a_caption_sentence():
    from briefgen.ingest.nlp import split_sentences

    text = (
        "He said he was encouraged by the talks. GETTY*EPA Ann Lee meets Bo Chen in Oslo "
        "REUTERS Ann Lee looks on. The AP reported it, and Getty Images too."
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "He said he was encouraged by the talks.",
        "GETTY*EPA Ann Lee meets Bo Chen in Oslo",
        "REUTERS Ann Lee looks on.",
        "The AP reported it, and Getty Images too.",
    ]


def test_a_credit_in_parentheses_or_a_posts_signature_ends_a_sentence():
    from briefgen.ingest.nlp import split_sentences

    text = (
        "Ann Lee greets Bo Chen in Oslo. (Photo: Cy Dorn, AP) OSLO -- The two leaders met. "
        "They spoke at length (Di Eck/The Daily Post) Ann Lee smiled. "
        "pic.twitter.com/x1 -- Ed Fay (@edfay) November 10, 2016 Bo Chen pledged aid. "
        "The Labour Party/Unison pact holds."
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "Ann Lee greets Bo Chen in Oslo.",
        "Photo: Cy Dorn, AP)",
        "OSLO -- The two leaders met.",
        "They spoke at length (Di Eck/The Daily Post)",
        "Ann Lee smiled.",
        "pic.twitter.com/x1 -- Ed Fay (@edfay) November 10, 2016",
        "Bo Chen pledged aid.",
        "The Labour Party/Unison pact holds.",  # a slash inside a sentence cuts nothing
    ]


def test_wire_story_byline_dateline_agency_hard_wraps_and_end_mark():
    a = read_article(WIRE)
    assert a.title == "Allies agree to expand air defence aid to Ukraine"
    assert a.author == "Jane Doe and Piet van der Berg"
    assert a.dateline == "Brussels"
    assert a.outlet == "Example Wire"
    assert a.text.startswith("Defence ministers of the 31 allies agreed on Tuesday to send")
    assert "allies agreed" in a.text, "wrapped lines are joined with a space"
    assert a.text.count("\n\n") == 2
    assert a.text.endswith("budget for next year.")
    for leak in ("BRUSSELS", "By Jane", "jdoe@", "(END)", "Example Wire"):
        assert leak not in a.text


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet", "text_starts"),
    [
        ("SEOUL, Oct. 31 (Yonhap) -- North Korea fired", "Seoul", "Yonhap", "North Korea fired"),
        ("WASHINGTON (AP) — The Senate voted", "Washington", "AP", "The Senate voted"),
        ("NEW YORK (Reuters) - Stocks rose", "New York", "Reuters", "Stocks rose"),
        ("ST. LOUIS — The mayor said", "St. Louis", None, "The mayor said"),
        ("SEOUL-- The talks resumed", "Seoul", None, "The talks resumed"),
        ("NATO allies met in Brussels", None, None, "NATO allies met"),
        ("U.N. officials said the vote", None, None, "U.N. officials said"),
    ],
)
def test_datelines(tmp_path, opening, dateline, outlet, text_starts):
    a = read_article(_write(tmp_path, "a.txt", f"{opening} on Monday, officials said."))
    assert (a.dateline, a.outlet) == (dateline, outlet)
    assert a.text.startswith(text_starts)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By JANE DOE, Associated Press", "JANE DOE"),
        ("By Kim Min-ji (kmj@example.co.kr)", "Kim Min-ji"),
        ("By Kim Min-ji (kmj@exam", "Kim Min-ji"),
        ("By Monday, the talks had collapsed.", None),
        ("By then the ministers had left.", None),
    ],
)
def test_bylines_at_either_end_and_sentences_that_only_look_like_one(tmp_path, line, author):
    body = "The ministers met in Rome on Sunday, officials said."
    for text in (f"{line}\n\n{body}", f"{body}\n\n{line}"):
        a = read_article(_write(tmp_path, "a.txt", text))
        assert a.author == author
        assert (line in a.text) is (author is None)


def test_trailers_and_end_marks(tmp_path):
    text = (
        "The ministers met in Rome on Sunday, officials said.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)\n\n"
        "jdoe@example.com\n\n(END)"
    )
    a = read_article(_write(tmp_path, "a.txt", text))
    assert a.text == "The ministers met in Rome on Sunday, officials said."
    assert a.author == "Jane Doe"


@pytest.mark.parametrize(
    ("first_line", "is_title"),
    [
        ("Will the talks resume?", True),
        ("Minister: 'We will meet again'", True),
        ("The ministers met in Rome on Sunday.", False),
        ('"We will meet again," the minister said.', False),
        ("By Jane Doe", False),
    ],
)
def test_title_is_a_short_first_line_that_is_not_a_sentence(tmp_path, first_line, is_title):
    body = "The ministers met in Rome on Sunday, officials said."
    a = read_article(_write(tmp_path, "a.txt", f"{first_line}\n\n{body}"))
    assert (a.title == first_line) is is_title
    assert a.text.startswith(body if is_title or first_line.startswith("By ") else first_line)


def test_plain_text_spaces_entities_and_leftover_tags(tmp_path):
    text = (
        "Title\r\n\r\nPresident\u00a0Macron met Piqu&#233; and Smith &amp; Co \u200bin "
        "<b>Paris</b> on Monday.<br>It was&nbsp;brief.\r\n"
    )
    a = read_article(_write(tmp_path, "a.txt", text))
    assert a.text == "President Macron met Piqué and Smith & Co in Paris on Monday. It was brief."


# --- Markdown with front matter -----------------------------------------------


def test_readout_front_matter_and_glued_end_mark():
    a = read_article(YOON, root=ROOT)
    assert (
        a.title
        == "Readout of Vice President Harris’s Meeting with President Yoon of the Republic of Korea"
    )
    assert a.published == dt.date(2022, 9, 29)
    assert a.outlet == "bidenwhitehouse.archives.gov"
    assert a.url and a.url.startswith("https://bidenwhitehouse.archives.gov/briefing-room/")
    assert a.text.startswith("Vice President Kamala Harris today met with President Yoon")
    assert a.text.endswith("Japan-Republic of Korea bilateral ties.")
    # Lines of non-breaking spaces are blank lines: the paragraphs stay apart.
    assert a.text.count("\n\n") >= 7
    for leak in ("###", "\\", "---", "source_url", "published_time", "tags:", "Readout of"):
        assert leak not in a.text


def test_readout_title_repeated_in_the_body_is_dropped():
    a = read_article(AREVALO)
    assert (
        a.title
        == "Readout of Vice President Harris’s Call with President-Elect Arévalo of Guatemala"
    )
    assert a.text.startswith(
        "Vice President Kamala Harris spoke today with Bernardo Arévalo de León"
    )
    assert "**" not in a.text and "Readout" not in a.text


def test_readout_backslash_escapes_and_hard_line_breaks():
    a = read_article(FENTANYL)
    assert "\\" not in a.text and "###" not in a.text and "**" not in a.text
    assert "* * * Begin text * * *" in a.text.split("\n\n")
    assert a.text.endswith("and Counsellor Daniel Hallman.")
    assert "North America. President Joe Biden" not in a.text, "paragraphs are not run together"


def test_markdown_structure_becomes_paragraphs(tmp_path):
    text = """---
title: Leaders meet
date: 2024-03-05
outlet: Example Wire
source_url: https://www.example.com/a
author: Jane Doe
unknown_key: [1, 2]
---

# Leaders meet

The leaders met
in Geneva.

    An indented paragraph is text, not code, with a\\_b.

- First *item*
- Second **item**

> A quoted line.

<script>alert("x")</script>

**Heading with a stray space **

\\###
"""
    a = read_article(_write(tmp_path, "a.md", text))
    assert (a.title, a.published, a.outlet, a.author, a.url) == (
        "Leaders meet",
        dt.date(2024, 3, 5),
        "Example Wire",
        "Jane Doe",
        "https://www.example.com/a",
    )
    assert a.text.split("\n\n") == [
        "The leaders met in Geneva.",
        "An indented paragraph is text, not code, with a_b.",
        "First item",
        "Second item",
        "A quoted line.",
        "Heading with a stray space",
    ]


def test_markdown_outlet_from_url_host_and_no_front_matter(tmp_path):
    meta = "---\ntitle: T\ndate: '2021-01-22'\nsource_url: https://www.whitehouse.gov/x/\n---\n"
    a = read_article(_write(tmp_path, "a.md", meta + "Body text here."))
    assert a.outlet == "whitehouse.gov" and a.published == dt.date(2021, 1, 22)
    b = read_article(_write(tmp_path, "b.markdown", "Just a body, no front matter."))
    assert (b.title, b.outlet, b.text) == (None, None, "Just a body, no front matter.")


# --- HTML -------------------------------------------------------------------


def test_html_main_text_and_metadata_without_page_furniture():
    a = read_article(PAGE)
    assert a.title == "Ministers agree on grain corridor"
    assert a.author == "Jane Doe"
    assert a.outlet == "Example News"
    assert a.published == dt.date(2024, 3, 5)
    assert a.url == "https://news.example.com/world/2024/03/05/grain-corridor"
    assert a.dateline == "Geneva"
    assert a.text.startswith("The foreign ministers of Turkey and Ukraine met in Geneva")
    assert "the talks had been difficult at times" in a.text, "escaped markup is not kept"
    assert a.text.count("\n\n") == 2
    for furniture in ("Home", "Subscribe", "Most read", "Celebrity", "Privacy", "©", "tracking"):
        assert furniture not in a.text


def test_html_is_read_without_touching_the_network(monkeypatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingestion tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert read_article(PAGE).text


def test_html_fragment(tmp_path):
    fragment = "<p>The ministers met in Geneva on Tuesday and agreed to talk again.</p>"
    a = read_article(_write(tmp_path, "fragment.htm", fragment))
    assert a.text == "The ministers met in Geneva on Tuesday and agreed to talk again."


def test_html_without_an_article(tmp_path):
    page = "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>"
    path = _write(tmp_path, "menu.html", page)
    with pytest.raises(InputError, match=r"menu\.html: no article text found in the HTML"):
        read_article(path)


# --- Encodings ----------------------------------------------------------------

SAMPLE = "Title\n\n“We will meet again,” said François Piqué — in Zürich — on Monday. It cost €5."


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8-sig", SAMPLE),
        ("utf-16", SAMPLE),
        ("cp1252", SAMPLE),
        # charset-normalizer alone takes this for a Baltic code page.
        ("latin-1", "Titre\n\nLe président français a rencontré son homologue à Berlin. Café."),
        ("euc-kr", "Title\n\n정의용 외교부 장관은 블링컨 국무장관과 로마에서 만났다."),
    ],
)
def test_encodings(tmp_path, encoding, text):
    a = read_article(_write(tmp_path, "a.txt", text.encode(encoding)))
    assert a.text == text.split("\n\n", 1)[1]
    assert "\ufeff" not in a.text


def test_utf8_with_a_few_stray_windows_1252_bytes(tmp_path):
    data = "Title\n\nMoon’s “end-of-war” plan — discussed.".encode() + " Piqué agreed.".encode(
        "cp1252"
    )
    a = read_article(_write(tmp_path, "a.txt", data))
    assert a.text == "Moon’s “end-of-war” plan — discussed. Piqué agreed."


def test_html_declared_charset(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>T</title></head><body><article>'
        "<p>“The ministers met in Zürich on Monday and agreed to meet again,” officials said.</p>"
        "</article></body></html>"
    )
    a = read_article(_write(tmp_path, "a.html", page.encode("cp1252")))
    assert "“The ministers met in Zürich" in a.text


# --- Errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
        ("empty.txt", b"", "no article text"),
        ("blank.md", b"---\ntitle: Only a title\n---\n \n\n\\###\n", "no article text"),
        ("spaces.txt", b"  \n\n \t \n", "no article text"),
        ("only-byline.txt", b"By Jane Doe", "no article text"),
        ("doc.pdf", b"%PDF-1.4", r"unsupported file type '\.pdf'"),
        ("README", b"text", "unsupported file type"),
        ("bad.md", b"---\ntitle: ok\ndate: [unclosed\n---\nBody.", r"bad\.md:3: front matter"),
        (
            "open.md",
            b"---\ntitle: never closed\nBody.",
            r"open\.md:1: front matter .* never closed",
        ),
        ("list.md", b"---\n- a\n- b\n---\nBody.", r"list\.md:2: front matter"),
    ],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path, name, data, reason):
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError, match=reason) as info:
        read_article(path, root=tmp_path)
    assert str(info.value).startswith(f"{name}:")


def test_wrapped_errors_keep_their_cause(tmp_path):
    with pytest.raises(InputError, match=r"missing\.txt: cannot be read") as info:
        read_article(tmp_path / "missing.txt", root=tmp_path)
    assert isinstance(info.value.__cause__, OSError)
    bad = _write(tmp_path, "bad.md", "---\ntitle: [\n---\nBody.")
    with pytest.raises(InputError) as info:
        read_article(bad)
    assert info.value.__cause__ is not None


# --- Finding inputs -------------------------------------------------------------


def test_find_inputs_files_folders_globs(tmp_path):
    for name in (
        "a/x.txt",
        "a/b/y.md",
        "a/b/z.HTML",
        "a/notes.json",
        "a/.hidden.txt",
        "a/.git/c.md",
    ):
        _write(tmp_path, name, "text")
    found = find_inputs(["a", "a/*.txt", "a/b/y.md", "./a/x.txt"], root=tmp_path)
    assert found == sorted(found)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/b/y.md",
        "a/b/z.HTML",
        "a/x.txt",
    ]
    assert find_inputs(["**/*.md"], root=tmp_path) == [tmp_path / "a/b/y.md"]
    # A file named outright is returned; reading it says what is wrong with it.
    assert find_inputs(["a/notes.json"], root=tmp_path) == [tmp_path / "a/notes.json"]


@pytest.mark.parametrize("pattern", ["nothing/*.txt", "missing.txt", "empty"])
def test_find_inputs_pattern_matching_nothing(tmp_path, pattern):
    (tmp_path / "empty").mkdir()
    _write(tmp_path, "empty/data.json", "{}")
    with pytest.raises(InputError, match=re.escape(pattern)):
        find_inputs([pattern], root=tmp_path)


def test_a_registered_reader_is_chosen_by_its_suffix(tmp_path):
    def read_csv(text: str, name: str) -> Parsed:
        return Parsed(paragraphs=tuple(line.replace(",", " ") for line in text.splitlines()))

    saved = dict(READERS)
    register(Reader("csv", (".CSV",), read_csv))
    try:
        a = read_article(_write(tmp_path, "a.csv", "Talks,resumed,in,Rome."))
        assert a.text == "Talks resumed in Rome."
        with pytest.raises(ValueError, match="already registered"):
            register(Reader("csv", (".tsv",), read_csv))
    finally:
        READERS.clear()
        READERS.update(saved)
        registry._by_suffix.cache_clear()
    assert registry.reader_for(".csv") is None


def test_path_is_relative_to_root_in_posix_form(tmp_path):
    path = _write(tmp_path, "in/sub/a.txt", "Talks resumed in Rome on Sunday.")
    assert read_article(path, root=tmp_path).path == "in/sub/a.txt"
    assert read_article(tmp_path / "in/../in/sub/a.txt", root=tmp_path / "in").path == "sub/a.txt"
    assert read_article(path, root=tmp_path / "elsewhere").path == path.as_posix()
    assert read_article(path).path == path.as_posix()


def test_readers_are_registered_by_name_and_chosen_by_suffix(tmp_path):
    assert set(READERS) >= {"text", "markdown", "html"}
    assert {s for r in READERS.values() for s in r.suffixes} >= {
        ".txt",
        ".md",
        ".markdown",
        ".html",
        ".htm",
    }
    a = read_article(_write(tmp_path, "UPPER.TXT", "Talks resumed in Rome on Sunday."))
    assert a.text == "Talks resumed in Rome on Sunday."


# --- Ids ------------------------------------------------------------------------


def test_seed_ids_are_readable():
    ids = [a.id for a in assign_ids([read_article(SEED_000), read_article(SEED_001)])]
    assert ids == [
        "yonhap-news-agency-s-korea-u-s-fms-discuss-end-of-war",
        "the-korea-herald-2021-10-06-south-korean-foreign-minister",
    ]


def test_ids_are_unique_stable_and_safe():
    articles = [read_article(p, root=ROOT) for p in ALL_FIXTURES]
    forward = assign_ids(articles)
    backward = assign_ids(list(reversed(articles)))
    assert [a.path for a in forward] == [a.path for a in articles], "order is kept"
    assert {a.path: a.id for a in forward} == {a.path: a.id for a in backward}
    ids = [a.id for a in forward]
    assert len(set(ids)) == len(ids)
    for article_id in ids:
        assert ID_SHAPE.fullmatch(article_id) and len(article_id) <= 60
    assert "bidenwhitehouse-2022-09-29-readout-of-vice-president-harriss" in ids


def test_colliding_ids_are_numbered_in_path_order():
    def article(path: str, title: str = "Talks resume") -> Article:
        return Article(id="", path=path, text="Body.", title=title)

    articles = [
        article("c.txt"),
        article("a.txt"),
        article("b.txt"),
        article("d.txt", "Talks resume 2"),
    ]
    ids = {a.path: a.id for a in assign_ids(articles)}
    assert ids == {
        "a.txt": "talks-resume",
        "b.txt": "talks-resume-3",  # -2 is the base id of d.txt
        "c.txt": "talks-resume-4",
        "d.txt": "talks-resume-2",
    }


def test_ids_without_usable_words_never_name_the_file():
    korean = Article(id="", path="in/기사.txt", text="정의용 장관은 로마에서 만났다.")
    stem = Article(id="", path="in/draft-leaked-by-kim.txt", text="정의용 장관은 만났다.")
    same = Article(id="", path="in/copy.txt", text="정의용 장관은 만났다.")
    long_title = Article(id="", path="x.txt", text="Body.", title="word " * 40)
    ids = [a.id for a in assign_ids([korean, stem, same, long_title])]
    assert regex.fullmatch(r"article-[0-9a-f]{10}", ids[0])
    assert regex.fullmatch(r"article-[0-9a-f]{10}-2", ids[1])  # same text, by path
    assert ids[2] == ids[1][: -len("-2")] and ids[0] != ids[2]
    assert ids[3] == "word-word-word-word-word-word"
    assert not any("draft" in i or "leaked" in i for i in ids)


def test_the_press_brief_names_no_workspace_file_through_an_id(tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "draft-leaked-by-kim-from-ministry.txt").write_text(
        "정의용 외교부 장관은 블링컨 국무장관과 로마에서 만났다.\n", encoding="utf-8"
    )
    (tmp_path / "articles" / "anchor.txt").write_text(
        "Talks\n\nForeign Minister Chung Eui-yong met Secretary Antony Blinken in Rome.\n"
    )
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "briefgen.yaml").write_text(
        "inputs: [articles/]\nbrief:\n  audience: [press]\noutput:\n  formats: [md, html]\n"
    )
    result = CliRunner().invoke(cli, ["build", "--config", str(tmp_path / "config/briefgen.yaml")])
    assert result.exit_code == 0, result.output
    for name in ("brief.md", "brief.html"):
        brief = (tmp_path / "build" / "press" / name).read_text("utf-8")
        assert "leaked" not in brief and "ministry" not in brief, name


def test_markdown_emphasis_left_unpaired_is_dropped_escaped_stars_kept():
    from briefgen.ingest.markdown import markdown_paragraphs

    assert markdown_paragraphs("National Palace*,* the delegations met*.*") == [
        "National Palace, the delegations met."
    ]
    paragraphs = markdown_paragraphs("*\\* \\* Begin text \\* \\**\n\n5 * 3\n\n\\*\\*\\*\n\nEnd")
    assert [p for p in paragraphs if p] == ["* * Begin text * *", "5 * 3", "End"]


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("By Jane Roe (jroe@koreaherald.com", "The Korea Herald"),
        ("By Jane Roe (jroe@news.bbc.co.uk)", "BBC News"),
        ("By Jane Roe (jroe@example.com", None),  # not a known news host: no guess
        ("By Jane Roe", None),
    ],
)
def test_a_bylines_mail_host_names_a_known_outlet(byline: str, outlet: str | None) -> None:
    from briefgen.ingest.conventions import take_metadata

    found = take_metadata(["First paragraph of the story.", byline])
    assert (found.author, found.outlet) == ("Jane Roe", outlet)
