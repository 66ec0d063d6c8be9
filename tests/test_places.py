"""The gazetteer's places table is what ``tools/build_places.py`` builds from the installed data."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "build_places.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_places", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
