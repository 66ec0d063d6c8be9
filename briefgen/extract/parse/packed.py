"""An article's parsed sentences packed into one string, and unpacked for reading;
the article itself packed while it waits between the steps.

Between parsing an article and reading its facts the batch's people are
grouped, so every article's parse waits in the main process, is sent to a
worker and may be cached. As ``Token`` records a parse costs some 600 bytes a
token, which grows with the corpus; packed it is JSON (written and read by
the C codec), compressed, in ASCII: about 8 bytes a token. A token's text
is not stored: it is the article's own text at the token's offsets.

``unpack(pack(p), article) == p`` for every parse of ``article``.

The article waits too, for its parse and then for its reading: as a ``str``
(two bytes a character as soon as one curly quote is in it) and a ``Span``
for each sentence it costs some 6 KB, every article of the corpus at once.
``pack_article`` keeps its text compressed and its sentences as one array
of offsets, about a fifth of that; ``unpack_article(pack_article(a)) == a``.

So do the article's mentions (people introduced, states and organisations
named): as slotted objects, each with its own copy of every name, they cost
more than the packed parse. ``Packed.of`` keeps any value the cache can
store as base64 of zlib of its plain-data JSON (``runtime.plaindata``),
about a tenth of that, and plain data itself; ``Packed.of(v).unpack() == v``.
"""

from __future__ import annotations

import base64
import json
import zlib
from array import array
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from briefgen.extract.mentions import Mention
from briefgen.extract.parse.article import ParsedArticle
from briefgen.extract.parse.tokens import Sentence, Token
from briefgen.model import Article, Span
from briefgen.runtime import plaindata

T = TypeVar("T")


@dataclass(frozen=True)
class PackedParse:
    """A ``ParsedArticle`` of one article: its sentences as one string (base64 of zlib of JSON)."""

    sentences: str
    people: tuple[Mention, ...]


# A token is these fields, in this order; its lemma is stored only when it is not
# the lower-cased text (a name parsed as one word keeps the lemma of that word).
_FIELDS = 8


def pack(parsed: ParsedArticle) -> PackedParse:
    rows = []
    for number, sentence in parsed.sentences.items():
        flat: list[object] = []
        for t in sentence.tokens:
            lemma = None if t.lemma == t.text.lower() else t.lemma
            flat.extend((t.start, len(t.text), t.head, int(t.space), t.pos, t.dep, t.ent, lemma))
        rows.append([number, flat, [list(e) for e in sentence.ents]])
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return PackedParse(base64.b64encode(zlib.compress(data)).decode("ascii"), parsed.people)


def unpack(packed: PackedParse, article: Article) -> ParsedArticle:
    text = article.text
    sentences: dict[int, Sentence] = {}
    rows = json.loads(zlib.decompress(base64.b64decode(packed.sentences)))
    for number, flat, ents in rows:
        tokens = []
        for i, at in enumerate(range(0, len(flat), _FIELDS)):
            start, length, head, space, pos, dep, ent, lemma = flat[at : at + _FIELDS]
            word = text[start : start + length]
            lemma = word.lower() if lemma is None else lemma
            tokens.append(Token(i, word, start, lemma, pos, dep, head, bool(space), ent))
        sentences[number] = Sentence(tuple(tokens), tuple((e[0], e[1], e[2]) for e in ents))
    return ParsedArticle(sentences, packed.people)


@dataclass(frozen=True)
class PackedArticle:
    """An ``Article`` waiting between the steps: its text as zlib of UTF-8, its sentences'
    offsets as one array, the rest (id, path, metadata) in ``shell``, an article without
    text or sentences."""

    shell: Article
    text: bytes
    sentences: bytes

    @property
    def id(self) -> str:
        return self.shell.id


def pack_article(article: Article) -> PackedArticle:
    offsets = array("q", [at for span in article.sentences for at in (span.start, span.end)])
    text = zlib.compress(article.text.encode("utf-8"))
    return PackedArticle(replace(article, text="", sentences=()), text, offsets.tobytes())


def unpack_article(packed: PackedArticle) -> Article:
    offsets = array("q")
    offsets.frombytes(packed.sentences)
    sentences = tuple(Span(offsets[i], offsets[i + 1]) for i in range(0, len(offsets), 2))
    text = zlib.decompress(packed.text).decode("utf-8")
    return replace(packed.shell, text=text, sentences=sentences)


@dataclass(frozen=True)
class Packed(Generic[T]):
    """A value waiting between the steps, packed: base64 of zlib of its plain-data JSON."""

    data: str

    @classmethod
    def of(cls, value: T) -> Packed[T]:
        return cls(base64.b64encode(zlib.compress(plaindata.dumps(value))).decode("ascii"))

    def unpack(self) -> T:
        return plaindata.loads(zlib.decompress(base64.b64decode(self.data)))
