"""How extraction sets Python's cyclic garbage collector, and sets it back."""

from __future__ import annotations

import gc

from briefgen.extract.parse import _YOUNG_OBJECTS, _fewer_collections


def test_extraction_collects_young_objects_less_often_and_restores_the_threshold() -> None:
    before = gc.get_threshold()
    with _fewer_collections():
        assert gc.get_threshold() == (_YOUNG_OBJECTS, *before[1:])
    assert gc.get_threshold() == before


def test_threshold_is_restored_when_extraction_fails() -> None:
    before = gc.get_threshold()
    try:
        with _fewer_collections():
            raise RuntimeError("an article could not be read")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before


def test_the_loaded_parser_is_out_of_the_collectors_sight() -> None:
    from briefgen.extract.parser import load

    nlp = load()
    assert gc.get_freeze_count() > 0
    # Frozen objects are in none of the collector's generations.
    assert all(obj is not nlp for obj in gc.get_objects())
