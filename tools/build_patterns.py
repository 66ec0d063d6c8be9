"""Build ``briefgen/data/name_patterns.json``, the name patterns in their compiled form.

    python tools/build_patterns.py            # write the file
    python tools/build_patterns.py --check    # exit 1 if the shipped file is out of date

The name patterns (``briefgen.extract.mentions.Patterns``) hold the
gazetteer's alternations of a few thousand names, which the ``regex`` module
takes about a third of a second to compile, in every process that extracts.
This script compiles them once, from the installed gazetteer and ``regex``,
and writes what the compiler hands its C core for each
(``briefgen.extract.precompiled``). Run it after changing the gazetteer
(``briefgen/data/gazetteer.yaml``, ``places.json``), a name pattern, or
upgrading ``regex``; until then the changed patterns are compiled on each run
as before (same results, slower) and ``tests/test_precompiled.py`` fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import regex

FILE = Path(__file__).resolve().parent.parent / "briefgen" / "data" / "name_patterns.json"


def build() -> dict[str, Any]:
    """The file's content, from the installed gazetteer and ``regex``; the forms of
    patterns that did not change are kept as they are in the file."""
    from briefgen.extract import precompiled
    from briefgen.extract.gazetteer import gazetteer
    from briefgen.extract.mentions import Patterns

    made = Patterns(gazetteer())
    compiled = [v for v in vars(made).values() if isinstance(v, regex.Pattern)]
    return precompiled.table(compiled, kept=precompiled.shipped())


def main() -> int:
    from briefgen.extract import precompiled

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    text = precompiled.dumps(build())
    if args.check:
        if not FILE.is_file() or FILE.read_text("utf-8") != text:  # a pattern or regex changed
            print(f"{FILE} is out of date: run python tools/build_patterns.py", file=sys.stderr)
            return 1
        return 0
    FILE.write_text(text, "utf-8")
    print(f"wrote {FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
