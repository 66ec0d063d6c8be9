"""The packaged parser multiplies its matrices with NumPy's BLAS, on one thread, and
parses as it did with thinc's default (BLIS)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from threadpoolctl import threadpool_info

from briefgen.extract import parser as packaged
from briefgen.extract import place_labels

READOUTS = Path(__file__).resolve().parent / "fixtures" / "readouts"


@pytest.fixture(scope="module")
def nlp():
    return packaged.load()


def _layers(nlp):
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            yield from model.walk()


def test_every_layer_multiplies_with_numpy(nlp):
    layers = list(_layers(nlp))
    assert len(layers) > 20  # tok2vec, tagger, morphologizer, lemmatizer, parser, ner
    assert all(not layer.ops.use_blis for layer in layers)


def test_blas_runs_on_one_thread_once_the_parser_is_loaded(nlp):
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "NumPy's BLAS was not found"
    assert all(pool["num_threads"] == 1 for pool in blas)


def _annotations(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
        for t in doc
    ]


def test_the_parses_are_those_of_blis(nlp):
    place_labels.register()
    blis = spacy.load(packaged.MODEL_DIR)  # thinc's default products
    assert all(layer.ops.use_blis for layer in _layers(blis))
    texts = [p.read_text("utf-8") for p in sorted(READOUTS.glob("*.md"))]
    assert len(texts) >= 10
    assert [_annotations(d) for d in nlp.pipe(texts)] == [_annotations(d) for d in blis.pipe(texts)]
