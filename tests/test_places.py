"""The gazetteer's places table is what ``tools/build_places.py`` builds from the installed data."""

from __future__ import annotations

import json

import pytest

from .conftest import load_tool


@pytest.fixture(scope="module")
def tool():
    return load_tool("build_places")


def test_the_shipped_table_is_what_the_script_builds(tool):
    built = tool.build()
    shipped = json.loads(tool.TABLE.read_text("utf-8"))
    # The versions named in "about" may differ from the installed ones; the names may not.
    assert {k: v for k, v in shipped.items() if k != "about"} == {
        k: v for k, v in built.items() if k != "about"
    }, "briefgen/data/places.json is out of date: run python tools/build_places.py"
    assert tool.dumps(shipped) == tool.TABLE.read_text("utf-8")  # as the script writes it


def test_the_table_holds_what_the_gazetteer_reads(tool):
    from briefgen.extract.gazetteer import gazetteer

    gaz = gazetteer()
    assert gaz.party("Republic of Korea") == "South Korea"  # pycountry's official name
    assert gaz.party("Seoul") == "South Korea"  # GeoNames' capital
    assert "Busan" in gaz.cities and "Busan" not in gaz.towns
    assert "Ramallah" in gaz.towns
