"""Build ``briefgen/data/given_names.txt``, the given names that open an untitled name.

    python tools/build_given_names.py CENSUS_DIR TREEBANK_DIR

``CENSUS_DIR`` holds the 1990 US Census lists of first names, ``dist.male.first``
and ``dist.female.first`` (public domain; the ``names`` package on the package
index ships them as they are). ``TREEBANK_DIR`` is GUM (``../shared/treebank/gum``).

"Gordon Brown said", "Keith Vaz criticised": the nickname table knows only
names that have nicknames, so a name that opens with "Gordon" or "Keith" was
no person without a title. This list adds the first names the census counts
at 0.01% of people or more, but not:

- a word English writes in small letters (it is in GUM's text so: "Will",
  "Mark", "May", "Grant", "Hope", "Al"), or uses as anything but a name as
  often as it does as one ("Roman", "Christian");
- a word the gazetteer knows, whole, as another thing: a state or a city
  ("Jordan", "Georgia", "Austin"), a month, a title, a party or a group
  ("Tory"). Towns are not looked at: a town of every given name is somewhere.

Each name is followed by a tab and the sex that bears it ten times as often
as the other ("f", "m"), or nothing: "he" then cannot stand for "Harriet
Harman". The list is sorted, one name a line, so a change reads as a diff.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "briefgen" / "data" / "given_names.txt"
SHARE = 0.01  # percent of the census's people, for one sex
_MONTHS = "January February March April May June July August September October November December"


def census_names(census: Path) -> dict[str, str]:
    """Each first name of 0.01% of one sex or more -> "f" or "m" where that sex bears it
    ten times as often as the other ("Harriet", "Gordon"), else ""."""
    shares: dict[str, dict[str, float]] = {}
    for sex in ("male", "female"):
        for line in (census / f"dist.{sex}.first").read_text().splitlines():
            name, share, _, _ = line.split()
            shares.setdefault(name.capitalize(), {})[sex[0]] = float(share)
    found = {}
    for name, by_sex in shares.items():
        if max(by_sex.values()) < SHARE:
            continue
        m, f = by_sex.get("m", 0.0), by_sex.get("f", 0.0)
        found[name] = "m" if m >= 10 * f else "f" if f >= 10 * m else ""
    return found


def common_words(treebank: Path) -> set[str]:
    """Every word GUM writes in small letters, and every one it uses as anything but a
    proper name as often as it does as one ("Roman", "Christian")."""
    found = set()
    tags: dict[str, Counter[str]] = {}
    for path in sorted(treebank.glob("*/*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line[:1].isdigit():
                word, tag = line.split("\t")[1], line.split("\t")[3]
                if word.islower():
                    found.add(word)
                tags.setdefault(word, Counter())["PROPN" if tag == "PROPN" else "other"] += 1
    found.update(w.lower() for w, n in tags.items() if n["other"] >= n["PROPN"])
    return found


def other_things() -> set[str]:
    """Words the gazetteer gives another meaning, whole: a state, a city, a party or a
    group, a title, a word that is never a name ("June")."""
    from briefgen.extract.gazetteer import gazetteer
    from briefgen.extract.parse.lexicon import lexicon

    gaz = gazetteer()
    words: set[str] = set(_MONTHS.split())
    for names in (gaz.countries, gaz.cities, gaz.roles, gaz.parties, gaz.not_names):
        words.update(str(name) for name in names)  # (a dict's keys: the parties' forms)
    words.update(w.capitalize() for w in lexicon().words("collective"))
    return words


def build(census: Path, treebank: Path) -> list[tuple[str, str]]:
    small = common_words(treebank)
    others = other_things()
    return sorted(
        (name, sex)
        for name, sex in census_names(census).items()
        if name.lower() not in small and name not in others
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("census", type=Path)
    parser.add_argument("treebank", type=Path)
    args = parser.parse_args()
    names = build(args.census, args.treebank)
    FILE.write_text("".join(f"{n}\t{sex}\n" for n, sex in names), encoding="utf-8")
    print(f"wrote {FILE}: {len(names)} names")


if __name__ == "__main__":
    main()
