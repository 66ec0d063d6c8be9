"""Article ids: short, readable, stable, and safe as file names.

An id names a source in the digest, which people read and edit, and in the
brief's source list; it may also name a file. So it is built from what a
reader recognises (outlet, date, the headline's first words) rather than a
hash. It depends on the set of articles, never on the order they are given
in: when two share a base, the one whose path sorts first keeps it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata

import regex

from briefgen.model import Article

ID_MAX_CHARS = 60
OUTLET_MAX_CHARS = 20  # "bidenwhitehouse.archives.gov" must leave room for the headline
TITLE_WORDS = 6
_NOT_SLUG = regex.compile(r"[^a-z0-9]+")


def slug(text: str, *, limit: int = ID_MAX_CHARS) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a hyphen to at most ``limit`` chars."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        cut = words[: limit + 1]
        words = cut.rsplit("-", 1)[0] if "-" in cut else words[:limit]
    return words


def base_id(article: Article) -> str:
    """Outlet, date and the title's first words; parts missing are skipped.

    An article without a title is named by the first words of its text, which
    serve as its headline. With nothing usable (a text without ASCII letters
    or digits and no outlet or date) it is ``article-`` and a hash of its text:
    never its file name, which may say what a brief for outsiders must not
    ("draft-leaked-by-kim-from-ministry.txt").
    """
    parts = [
        slug(article.outlet or "", limit=OUTLET_MAX_CHARS),
        article.published.isoformat() if article.published else "",
        " ".join((article.title or article.text).split()[:TITLE_WORDS]),
    ]
    text_hash = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    return slug(" ".join(p for p in parts if p)) or f"article-{text_hash[:10]}"


def assign_ids(articles: list[Article]) -> list[Article]:
    """The articles, in the same order, with unique ids; repeats get -2, -3 by path."""
    by_path = sorted(range(len(articles)), key=lambda i: articles[i].path)
    ids: dict[int, str] = {}
    taken: set[str] = set()
    bases = {i: base_id(articles[i]) for i in by_path}
    reserved = set(bases.values())
    for i in by_path:
        candidate, n = bases[i], 1
        while candidate in taken or (n > 1 and candidate in reserved):
            n += 1
            candidate = f"{bases[i]}-{n}"
        taken.add(candidate)
        ids[i] = candidate
    return [dataclasses.replace(a, id=ids[i]) for i, a in enumerate(articles)]
