from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.ingest import assign_ids, find_inputs, read_article

from .conftest import FIXTURES, ROOT, SEEDS


def _seed(name: str):
    return read_article(SEEDS / name, root=ROOT)


def test_txt_title_dateline_and_trailer_are_metadata_not_text():
    a = _seed("000_5aae6e53e3ee52b2.txt")
    assert a.title == "S. Korea, U.S. FMs discuss end-of-war declaration, bilateral ties in Rome"
    assert a.dateline == "Seoul"
    assert a.outlet == "Yonhap News Agency"
    assert a.text.startswith("The top diplomats")
    assert "Source:" not in a.text and "SEOUL" not in a.text
    assert a.path == "seeds/000_5aae6e53e3ee52b2.txt"


def test_txt_date_marker_and_unclosed_byline():
    a = _seed("001_752275d0ded06cc5.txt")
    assert a.published.isoformat() == "2021-10-06"
    assert a.author == "Ahn Sung-mi"
    assert a.text.startswith("South Korean Foreign Minister")
    assert "Ahn Sung-mi" not in a.text and "date 2021" not in a.text


def test_sentences_survive_abbreviations_and_index_the_text():
    a = _seed("000_5aae6e53e3ee52b2.txt")
    sentences = [a.sentence_text(s) for s in a.sentences]
    assert sentences[0].startswith("The top diplomats") and sentences[0].endswith("ministry said.")
    assert any(
        s.startswith("Foreign Minister Chung Eui-yong sat down with his U.S.") for s in sentences
    )
    for s in a.sentences:
        assert a.text[s.start : s.end] == a.sentence_text(s)
        assert not a.text[s.start].isspace()


def test_markdown_front_matter_wrapping_and_escapes():
    path = next(FIXTURES.glob("readouts/2021-01-22-*.md"))
    a = read_article(path)
    assert a.published.isoformat() == "2021-01-22"
    assert a.url.startswith("https://")
    assert a.outlet and "whitehouse" in a.outlet
    assert "Trudeau" in (a.title or "")
    assert "---" not in a.text and "source_url" not in a.text
    assert "\\" not in a.text and "###" not in a.text
    assert all("\n" not in a.sentence_text(s) for s in a.sentences)


def test_html_main_text_without_boilerplate(tmp_path: Path):
    page = tmp_path / "page.html"
    body = " ".join(["The two ministers met in Geneva on Monday to discuss trade."] * 8)
    page.write_text(
        "<html><head><title>Ministers meet</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>Ministers meet</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    a = read_article(page)
    assert "Geneva" in a.text
    assert "Copyright" not in a.text and "Home" not in a.text and "<" not in a.text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252", "euc-kr"])
def test_encodings_are_detected(tmp_path: Path, encoding: str):
    text = "Title\n\nForeign Minister Chung Eui-yong met Piqué in Rome on Sunday, officials said."
    if encoding == "euc-kr":
        text = text.replace("Piqué", "정의용 장관")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert read_article(path).text == text.split("\n\n", 1)[1]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bin.txt", b"\x00\x01\x02\xff\xfe\x00garbage", "binary"),
        ("empty.txt", b"   \n\n  ", "no article text"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nBody text here.", "front matter"),
    ],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as info:
        read_article(path)
    assert name in str(info.value)


def test_find_inputs_folders_globs_and_missing(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / "y.md").write_text("y")
    (tmp_path / "a" / "z.json").write_text("{}")
    found = find_inputs(["a", "a/*.txt"], root=tmp_path)
    assert [p.name for p in found] == ["x.txt", "y.md"]
    with pytest.raises(InputError, match="nothing"):
        find_inputs(["nothing/*.txt"], root=tmp_path)


def test_ids_are_readable_unique_and_stable():
    articles = [_seed(p.name) for p in sorted(SEEDS.glob("*.txt"))]
    ids = [a.id for a in assign_ids(articles)]
    assert ids == [a.id for a in assign_ids(list(reversed(articles)))]
    assert ids[0].startswith("yonhap-news-agency-s-korea")
    assert ids[1].startswith("2021-10-06-south-korean-foreign-minister")
    twice = assign_ids([articles[0], articles[0]])
    assert len({a.id for a in twice}) == 2
    assert all("/" not in i and ".." not in i for i in ids)
