"""Property tests: whatever bytes or text arrive, only briefgen's own errors escape.

Ingestion gets arbitrary bytes and text, and text shaped like each format
(front matter, markup, news conventions), through ``read_article`` on real
files. Extraction gets arbitrary text and text built from the words its
rules look for. Either a result comes back that keeps its invariants, or a
``BriefgenError`` with a message naming the file.
"""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.digest import dump_digest, parse_digest
from briefgen.errors import BriefgenError
from briefgen.extract import extract
from briefgen.ingest import assign_ids, read_article
from briefgen.ingest.nlp import split_sentences
from briefgen.model import Article

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = (".txt", ".md", ".html")
_counter = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("props")


def _read(folder: Path, data: bytes, suffix: str) -> Article | None:
    path = folder / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    try:
        article = read_article(path, root=folder)
    except BriefgenError as e:
        message = str(e)
        assert message.startswith(path.name + ":"), message
        assert len(message) > len(path.name) + 5 and "\n" not in message
        return None
    finally:
        path.unlink()
    _check_article(article)
    return article


def _check_article(article: Article) -> None:
    assert article.text.strip() == article.text and article.text
    # No control characters (they could drive a terminal or break a format) and no surrogates.
    assert all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cs") for c in article.text)
    for span in article.sentences:
        assert 0 <= span.start < span.end <= len(article.text)
        assert article.sentence_text(span).strip() == article.sentence_text(span)
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)


# Text shaped like the inputs: the pieces the readers and conventions look for.
PIECES = st.sampled_from(
    [
        "---\n", "title: ", "date: ", "2021-10-06", "[", "]", "{", "}", "&a ", "*a", ": ", "- ",
        "\n", "\n\n", "\r\n", " ", "\t", "\u00a0", "\ufeff", "\u200b", "<p>", "</p>", "<br>",
        "<html>", "<body>", "<article>", "<script>", "<!--", "-->", "<![CDATA[", "&amp;",
        "&#233;", "&#xD800;", "By ", "SEOUL--", "WASHINGTON (AP) — ", "Source: ", "\\###",
        "###", "> ", "**", "_", "`", "Minister ", "President ", "Kim Jong", "met ", "with ",
        "agreed ", "Seoul", "on Monday", ".", ",", "“", "”", "Ã©", "â€œ", "é", "정의용",
        "\x00", "\x1b[31m", "\ud7ff", "A" * 200, "(" * 100, "Minister Kim, " * 20,
    ]
)  # fmt: skip
SHAPED = st.lists(PIECES, max_size=40).map("".join)


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes(folder, data, suffix):
    _read(folder, data, suffix)


@SETTINGS
@given(
    text=st.one_of(st.text(max_size=2000), SHAPED),
    suffix=st.sampled_from(SUFFIXES),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "euc-kr"]),
)
def test_any_text_in_any_encoding(folder, text, suffix, encoding):
    data = (
        text.encode(encoding, errors="replace")
        if encoding != "utf-8"
        else text.encode("utf-8", errors="surrogatepass")
    )
    _read(folder, data, suffix)


@SETTINGS
@given(
    meta=st.dictionaries(
        st.sampled_from(["title", "date", "source_url", "url", "outlet", "author", "x"]),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=5), inner, max_size=3)
            ),
            max_leaves=8,
        ),
        max_size=6,
    ),
    body=SHAPED,
)
def test_markdown_with_any_front_matter(folder, meta, body):
    import yaml

    front = yaml.safe_dump(meta, allow_unicode=True)
    article = _read(folder, f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass"), ".md")
    if article is not None:
        for value in (article.title, article.outlet, article.author, article.url):
            assert value is None or (isinstance(value, str) and "\n" not in value)


WORDS = st.sampled_from(
    [
        "President", "Foreign", "Minister", "Secretary", "of", "State", "Moon", "Jae-in", "Chung",
        "Eui-yong", "Antony", "Blinken", "Kim", "his", "her", "counterpart", ",", ".", "met",
        "with", "called", "agreed", "disagreed", "proposed", "to", "on", "in", "at", "Seoul",
        "Rome", "the", "White", "House", "Monday", "last", "week", "they", "two", "sides",
        "both", "\n\n", "U.S.", "S.", "Korea", "Mr.", "Gen.", "“", "”", "said", "'s", "and",
        "Ms", "Di", "Maio", "Italian", "spokesperson", "Ned", "Price",
    ]
)  # fmt: skip


@SETTINGS
@given(
    texts=st.lists(
        st.one_of(
            st.text(min_size=1, max_size=500),
            st.lists(WORDS, min_size=1, max_size=80).map(" ".join),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_extraction_of_any_text(texts):
    articles = []
    for i, raw in enumerate(texts):
        text = "\n\n".join(" ".join(p.split()) for p in raw.split("\n\n") if p.strip())
        if not text:
            continue
        articles.append(
            Article(id=f"a{i}", path=f"a{i}.txt", text=text, sentences=split_sentences(text))
        )
    if not articles:
        return
    articles = assign_ids(articles)
    try:
        digest = extract(articles)
    except BriefgenError as e:
        assert str(e)
        return
    # What comes out is a digest that survives its own file format.
    assert parse_digest(dump_digest(digest), Path("d.yaml")) == digest
    for fact in [*digest.meetings, *digest.agreements, *digest.disagreements, *digest.proposals]:
        for evidence in fact.evidence:
            source = next(a for a in articles if a.id == evidence.source)
            assert source.text[evidence.start : evidence.end] == evidence.quote
