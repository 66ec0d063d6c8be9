"""The parse extractor lets each article go once its facts are out: a large corpus keeps
the quotes the digest cites, not every article's text, until the digest is built."""

from __future__ import annotations

import gc
import weakref

import pytest

from briefgen.config import ExtractionSettings
from briefgen.extract import extract
from briefgen.extract import records as records_module
from briefgen.extract.base import HandedOver
from briefgen.extract.parse import ParseExtractor
from briefgen.extract.parse.packed import pack_article, unpack_article
from briefgen.ingest import assign_ids, read_article
from briefgen.model import Article
from briefgen.runtime.run import Runtime

from .conftest import FIXTURES


def _readouts() -> list[Article]:
    folder = FIXTURES / "readouts"
    return assign_ids([read_article(p, root=folder) for p in sorted(folder.glob("*.md"))])


@pytest.fixture(scope="module")
def readouts() -> list[Article]:
    return _readouts()


def test_a_packed_article_unpacks_to_the_same_article(readouts):
    for article in readouts:
        packed = pack_article(article)
        assert unpack_article(packed) == article
        assert packed.id == article.id
        # Smaller than the text alone, as the text is kept compressed.
        assert len(packed.text) + len(packed.sentences) < len(article.text.encode("utf-8"))


def test_handed_over_articles_are_released_before_the_digest_is_built(monkeypatch):
    batch = HandedOver(_readouts())
    refs = [weakref.ref(a) for a in batch]
    alive_at_build: list[int] = []
    build_digest = records_module.build_digest

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        gc.collect()
        alive_at_build.append(sum(ref() is not None for ref in refs))
        return build_digest(*args, **kwargs)

    monkeypatch.setattr(records_module, "build_digest", watching)
    digest = ParseExtractor(ParseExtractor.Options()).extract(batch, Runtime.serial())
    assert batch == []  # handed over: the extractor took them
    assert alive_at_build == [0]
    assert digest.sources and digest.meetings


def test_borrowed_articles_are_left_as_they_were(readouts):
    articles = list(readouts)
    extract(articles, ExtractionSettings(extractor="parse"))
    assert articles == readouts


def test_every_quote_is_the_article_s_own_text_at_its_offsets(readouts):
    """The digest quotes excerpts, not articles: each quote must still be the source's text."""
    digest = extract(readouts, ExtractionSettings(extractor="parse"))
    texts = {a.id: a.text for a in readouts}
    evidence = [
        e
        for kind in (digest.people, digest.meetings, digest.agreements, digest.proposals)
        for item in kind
        for e in item.evidence
    ]
    assert len(evidence) > 20
    for e in evidence:
        assert e.quote == texts[e.source][e.start : e.end]
        assert e.quote  # every first mention and fact in these readouts is in a sentence


def test_a_batch_parsed_in_groups_gives_each_article_the_same_parse(readouts, monkeypatch):
    """Long batches are parsed a group at a time (the parser's working memory grows with
    a group's sentences); an article's parse must not depend on its group."""
    from briefgen.extract.parse import work

    batch = [pack_article(a) for a in readouts[:8]]
    whole = work.parse_texts(batch)
    assert len(work._by_length([unpack_article(p) for p in batch])) == 1
    monkeypatch.setattr(work, "_GROUP_CHARS", 1)  # each article a group of its own
    assert len(work._by_length([unpack_article(p) for p in batch])) == len(batch)
    assert work.parse_texts(batch) == whole


def test_what_waits_for_the_reading_is_packed_and_let_go_before_the_digest(monkeypatch):
    """The parse results wait packed in the main process (not as mention objects),
    and neither they nor the read tasks outlive the reading."""
    from briefgen.extract.mentions import Mention
    from briefgen.extract.parse import work

    seen: list[int] = []
    parse_texts = work.parse_texts

    def watching_parse(batch):  # type: ignore[no-untyped-def]
        found = parse_texts(batch)
        for each in found:
            # Packed: no mention objects wait between the parsing and the reading.
            assert not any(isinstance(v, (Mention, tuple)) for v in vars(each).values())
        seen.append(len(found))
        return found

    refs: list[weakref.ref[object]] = []
    read_parsed = work.read_parsed

    def watching_read(task, table):  # type: ignore[no-untyped-def]
        refs.extend([weakref.ref(task), weakref.ref(task.found)])
        return read_parsed(task, table)

    alive: list[int] = []
    build_digest = records_module.build_digest

    def watching_build(*args, **kwargs):  # type: ignore[no-untyped-def]
        gc.collect()
        alive.append(sum(ref() is not None for ref in refs))
        return build_digest(*args, **kwargs)

    monkeypatch.setattr(work, "parse_texts", watching_parse)
    monkeypatch.setattr(work, "read_parsed", watching_read)
    monkeypatch.setattr(records_module, "build_digest", watching_build)
    ParseExtractor(ParseExtractor.Options()).extract(HandedOver(_readouts()), Runtime.serial())
    assert seen and refs
    assert alive == [0]


def test_only_each_form_s_first_mention_is_kept_and_the_people_are_the_same(monkeypatch):
    from briefgen.extract.parse import work

    digest = ParseExtractor(ParseExtractor.Options()).extract(_readouts(), Runtime.serial())
    kept: list[int] = []
    every: list[int] = []
    first_of_each_form = work.first_of_each_form

    def counting(named):  # type: ignore[no-untyped-def]
        named = list(named)
        every.append(len(named))
        kept.append(len(first_of_each_form(named)))
        return named  # all of them, as before

    monkeypatch.setattr(work, "first_of_each_form", counting)
    everything = ParseExtractor(ParseExtractor.Options()).extract(_readouts(), Runtime.serial())
    assert sum(kept) < sum(every)  # some names are mentioned again in the same form
    assert everything == digest


def test_a_large_batch_is_read_a_slice_at_a_time_and_each_slice_let_go(monkeypatch):
    import briefgen.extract.parse as parse_module
    from briefgen.extract.parse import work

    whole = ParseExtractor(ParseExtractor.Options()).extract(_readouts(), Runtime.serial())
    refs: list[weakref.ref[object]] = []
    most_alive = []
    read_parsed = work.read_parsed

    def watching_read(task, table):  # type: ignore[no-untyped-def]
        gc.collect()
        most_alive.append(sum(ref() is not None for ref in refs))
        refs.append(weakref.ref(task))
        return read_parsed(task, table)

    monkeypatch.setattr(work, "read_parsed", watching_read)
    monkeypatch.setattr(parse_module, "_READ_SLICE", 1_000_000)
    assert ParseExtractor(ParseExtractor.Options()).extract(_readouts(), Runtime.serial())
    assert max(most_alive) > 4  # in one slice, every read task waits to the end
    refs.clear()
    most_alive.clear()
    monkeypatch.setattr(parse_module, "_READ_SLICE", 5)
    sliced = ParseExtractor(ParseExtractor.Options()).extract(_readouts(), Runtime.serial())
    assert sliced == whole
    assert len(refs) > 10
    assert max(most_alive) <= 4  # the tasks of the slice being read, before this one


def test_the_facts_are_let_go_kind_by_kind_as_the_digest_is_built(monkeypatch):
    """Handed over to ``build_digest``, the facts of a kind (and the excerpts they
    quote) go once its records are made: the proposals are merged without the
    meetings' facts alive."""
    from briefgen.extract import records
    from briefgen.extract.facts import Fact

    whole = ParseExtractor(ParseExtractor.Options()).extract(_readouts(), Runtime.serial())
    refs: list[weakref.ref[Fact]] = []
    alive: dict[str, int] = {}
    merge_facts = records.merge_facts

    def watching(facts, *args, **kwargs):  # type: ignore[no-untyped-def]
        facts = list(facts)
        if not refs:  # the first kind merged: the meetings
            refs.extend(weakref.ref(f) for f in facts)
        gc.collect()
        alive[facts[0].kind if facts else "?"] = sum(ref() is not None for ref in refs)
        return merge_facts(facts, *args, **kwargs)

    monkeypatch.setattr(records, "merge_facts", watching)
    digest = ParseExtractor(ParseExtractor.Options()).extract(_readouts(), Runtime.serial())
    assert digest == whole
    assert alive["meeting"] > 5 and alive["proposal"] == 0
