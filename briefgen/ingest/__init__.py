"""Ingestion: one reader per input format, each producing the same ``Article``.

A reader gets the decoded text of a file and returns its metadata and body;
``read_article`` picks the reader by suffix, decodes the bytes, splits the
body into sentences and reports any failure as an ``InputError`` that names
the file.
"""

from __future__ import annotations

import dataclasses
import glob
import unicodedata
from collections.abc import Callable
from pathlib import Path

import regex

from briefgen.errors import InputError
from briefgen.ingest.html import read_html
from briefgen.ingest.markdown import read_markdown
from briefgen.ingest.text import read_text
from briefgen.ingest.types import Parsed
from briefgen.model import Article
from briefgen.nlp import split_sentences

Reader = Callable[[str, str], Parsed]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}

MAX_BYTES = 20_000_000


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first; otherwise the encoding charset-normalizer detects."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise InputError(f"{name}: binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding")
    return str(best)


def read_article(path: Path, *, root: Path | None = None) -> Article:
    name = _relative(path, root)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{name}: unsupported file type {path.suffix or '(none)'!r} ({known})")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot read: {e.strerror or e}") from e
    text = unicodedata.normalize("NFC", decode(data, name))
    parsed = reader(text, name)
    body = _tidy(parsed.body)
    if not body:
        raise InputError(f"{name}: no article text")
    return Article(
        id=path.stem,
        path=name,
        text=body,
        title=parsed.title,
        outlet=parsed.outlet,
        author=parsed.author,
        published=parsed.published,
        dateline=parsed.dateline,
        url=parsed.url,
        sentences=split_sentences(body),
    )


def _tidy(body: str) -> str:
    """One paragraph per line, a blank line between, white space folded."""
    paragraphs = (" ".join(p.replace("\u00a0", " ").split()) for p in body.split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def find_inputs(patterns: list[str], *, root: Path) -> list[Path]:
    """Files named by paths, folders (searched recursively) or globs, relative to ``root``."""
    found: set[Path] = set()
    for pattern in patterns:
        target = root / pattern
        if target.is_dir():
            matches = [p for p in target.rglob("*") if p.suffix.lower() in READERS]
        elif target.exists():
            matches = [target]
        else:
            matches = [Path(p) for p in glob.glob(str(target), recursive=True)]
            matches = [p for p in matches if p.is_file()]
        if not matches:
            raise InputError(f"{pattern}: no input files match (looked in {root})")
        found.update(p for p in matches if p.is_file() and not p.name.startswith("."))
    return sorted(found)


_SLUG_DROP = regex.compile(r"[^a-z0-9]+")


def slug(text: str, *, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _SLUG_DROP.sub("-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0]
    return words


def assign_ids(articles: list[Article]) -> list[Article]:
    """Readable ids (outlet, date, first words of the title or text), unique in path order."""
    result: list[Article] = []
    used: dict[str, int] = {}
    for article in sorted(articles, key=lambda a: a.path):
        title_words = " ".join((article.title or article.text).split()[:6])
        parts = [article.outlet or "", str(article.published or ""), title_words]
        base = slug(" ".join(p for p in parts if p)) or slug(Path(article.path).stem) or "article"
        used[base] = used.get(base, 0) + 1
        article_id = base if used[base] == 1 else f"{base}-{used[base]}"
        result.append(dataclasses.replace(article, id=article_id))
    return result
