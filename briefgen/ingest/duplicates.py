"""The same article twice: counted once.

Feeds re-deliver items and colleagues save the same story under two names.
Counting it twice would double its evidence and make one outlet's report look
like two sources agreeing. Two articles are the same when their bodies are
the same once case, spacing and punctuation are set aside (a re-save that
changed curly quotes to straight ones is still the same text); titles and
metadata do not count, since re-saving often changes them.
"""

from __future__ import annotations

import hashlib

import regex

from briefgen.ingest.notices import warn
from briefgen.model import Article, Notice

_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def drop_duplicates(articles: list[Article]) -> tuple[list[Article], list[Notice]]:
    """The first article of each text (by path) and a ``duplicate`` notice for each other one."""
    kept: dict[str, Article] = {}
    notices: list[Notice] = []
    for article in sorted(articles, key=lambda a: a.path):
        key = body_key(article.text)
        first = kept.get(key)
        if first is None:
            kept[key] = article
            continue
        notices.append(
            warn(
                article.path,
                "duplicate",
                f"same text as {first.path}; counted once",
            )
        )
    return list(kept.values()), notices


def body_key(text: str) -> str:
    """A digest of the text's letters and digits, case folded: equal for the same article."""
    normal = _NOT_ALNUM.sub(" ", text).casefold().strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()
