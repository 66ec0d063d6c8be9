"""The extractor interface, its registry and the generic runtime under it."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import EntryPoint
from pathlib import Path

import pydantic
import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.config import ExtractionSettings, load_config
from briefgen.errors import ConfigError
from briefgen.extract import Extractor, extract
from briefgen.extract.registry import ENTRY_POINT_GROUP, make_extractor
from briefgen.model import Article, Digest, Meeting, Source
from briefgen.runtime.cache import Cache
from briefgen.runtime.executors import LocalExecutor
from briefgen.runtime.run import Runtime


class ToyOptions(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    place: str = "Rome"


def _first_sentence(article: Article) -> str:
    return article.sentence_text(article.sentences[0]) if article.sentences else ""


class ToyExtractor(Extractor):
    """Every article is one meeting of nobody, at the configured place."""

    name = "toy"
    Options = ToyOptions

    def extract(self, articles: Sequence[Article], run: Runtime) -> Digest:
        assert isinstance(self.options, ToyOptions)
        firsts = run.map("toy", _first_sentence, articles, key=lambda a: a.text)
        run.warn(f"toy: {len(firsts)} articles, first sentences only")
        return Digest(
            generator="toy",
            sources=[Source(id=a.id, path=a.path) for a in articles],
            meetings=[Meeting(participants=[], location=self.options.place) for _ in firsts],
        )


@pytest.fixture
def toy_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """``toy`` installed as a third-party package would: through the entry point group."""
    entry = EntryPoint(name="toy", value=f"{__name__}:ToyExtractor", group=ENTRY_POINT_GROUP)
    monkeypatch.setattr(
        "briefgen.extract.registry.entry_points",
        lambda group: [entry] if group == ENTRY_POINT_GROUP else [],
    )


def _article(text: str = "Ministers met. They talked.") -> Article:
    from briefgen.ingest.nlp import split_sentences

    return Article(id="a", path="a.txt", text=text, sentences=tuple(split_sentences(text)))


def test_an_unknown_extractor_is_a_config_error_listing_the_known_ones(toy_plugin: None):
    with pytest.raises(ConfigError, match=r"extraction\.extractor: unknown extractor 'nope' "
                                          r"\(known: (.*, )?rules, toy\)"):  # fmt: skip
        make_extractor(ExtractionSettings(extractor="nope"))


def test_backend_options_are_validated_with_their_key_paths(toy_plugin: None):
    with pytest.raises(ConfigError) as e:
        make_extractor(ExtractionSettings(extractor="rules", rules={"spacy_model": 3, "typo": 1}))
    assert str(e.value).splitlines() == [
        "extraction.rules.spacy_model: Input should be a valid string",
        "extraction.rules.typo: unknown key",
    ]
    with pytest.raises(ConfigError, match=r"^extraction\.nobody: unknown key \(no extractor"):
        make_extractor(ExtractionSettings(nobody={"x": 1}))
    toy = make_extractor(ExtractionSettings(extractor="toy", toy={"place": "Seoul"}))
    assert isinstance(toy, ToyExtractor) and toy.fingerprint() == 'toy|{"place":"Seoul"}'


def test_the_old_spacy_model_key_says_where_it_went(tmp_path: Path):
    config = tmp_path / "briefgen.yaml"
    config.write_text("inputs: [a]\nextraction:\n  spacy_model: en_core_web_sm\n")
    with pytest.raises(ConfigError, match=r"extraction: .*now extraction\.rules\.spacy_model"):
        load_config(config)
    config.write_text("inputs: [a]\nextraction:\n  rules: {spacy_model: en_core_web_sm}\n")
    assert load_config(config).extraction.options_for("rules") == {"spacy_model": "en_core_web_sm"}


def test_a_plugin_extractor_runs_through_eval_and_extract(toy_plugin: None, tmp_path: Path):
    case = tmp_path / "cases" / "case"
    (case / "articles").mkdir(parents=True)
    (case / "articles" / "a.txt").write_text("Ministers meet\n\nThe ministers met in Rome.\n")
    (case / "gold.yaml").write_text(
        "case: case\nmeetings:\n  - {participants: [], location: Rome, keys: [met]}\n"
    )
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "cases"), "--extractor", "toy"])
    assert result.exit_code == 0, result.output
    assert "1 cases: case" in result.output
    out = tmp_path / "digest.yaml"
    args = ["extract", str(case / "articles"), "-o", str(out), "--extractor", "toy"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "generator: toy" in out.read_text() and "location: Rome" in out.read_text()
    result = CliRunner().invoke(cli, [*args[:-1], "unknown"])
    assert result.exit_code == 2 and "rules, toy)" in result.output


def test_the_spacy_model_flag_is_the_rules_option(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Ministers met.\n")
    result = CliRunner().invoke(
        cli,
        ["extract", str(tmp_path), "-o", str(tmp_path / "d.yaml"), "--extractor", "rules",
         "--spacy-model", "nope"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "extraction.rules.spacy_model: cannot load 'nope'" in result.output


def test_runtime_map_keeps_order_caches_by_backend_and_stage(tmp_path: Path):
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    run = Runtime(cache=Cache(tmp_path))
    items = ["b", "a", "c"]
    assert run.map("s", upper, items, key=str) == ["B", "A", "C"]
    assert run.map("s", upper, items, key=str) == ["B", "A", "C"] and len(calls) == 3
    assert run.map("other stage", upper, items, key=str) and len(calls) == 6
    assert run.for_backend("x").map("s", upper, items, key=str) and len(calls) == 9
    assert run.map("s", upper, ["d"], key=lambda _: "") == ["D"]  # an empty key: not cached
    assert run.map("s", upper, ["d"], key=lambda _: "") == ["D"] and len(calls) == 11


def _upper_all(texts: list[str]) -> list[str]:
    return [t.upper() for t in texts]


def test_runtime_map_batches_caches_item_by_item_and_keeps_order(tmp_path: Path):
    batches: list[list[str]] = []

    def upper_all(texts: list[str]) -> list[str]:
        batches.append(texts)
        return _upper_all(texts)

    run = Runtime(cache=Cache(tmp_path))
    items = [f"w{i}" for i in range(40)]
    want = [t.upper() for t in items]
    assert run.map_batches("s", upper_all, items, key=str, size=16) == want
    assert max(len(b) for b in batches) <= 16 and len(batches) >= 3
    assert [t for b in batches for t in b] == items
    # Cached item by item: a new item is the only one computed, in a batch of its own.
    batches.clear()
    assert run.map_batches("s", upper_all, [*items, "new"], key=str, size=16) == [*want, "NEW"]
    assert batches == [["new"]]
    # In worker processes, the same results in the same order.
    pooled = Runtime(executor=LocalExecutor(2))
    assert pooled.map_batches("s", _upper_all, items, key=str, size=4) == want


def test_runtime_map_batches_refuses_a_batch_answered_short():
    run = Runtime.serial()
    with pytest.raises(ValueError, match="0 results for 1 items"):
        run.map_batches("s", lambda texts: texts[1:], ["a", "b", "c"], key=str, size=8)


def test_the_parse_backend_is_the_default_and_warnings_are_kept():
    digest = extract([_article()])
    assert "(parse, parser " in digest.generator
    run = Runtime.serial()
    toy = ToyExtractor(ToyOptions())
    toy.extract([_article()], run)
    assert run.warnings == ["toy: 1 articles, first sentences only"]
