"""The census given names briefgen ships (``tools/build_given_names.py``) and the YAML
word lists: what each keeps out."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from briefgen.extract.mentions import given_name_sex, is_given_name
from tests.conftest import load_tool

_CONLLU = (
    "1\tWill\twill\tAUX\tMD\t_\t2\taux\t_\t_\n"
    "2\tgrant\tgrant\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "3\tRoman\tRoman\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
    "4\tGordon\tGordon\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
)


def _census(tmp_path: Path) -> Path:
    rows = {
        "male": [
            "GORDON 0.050 0.050 1",
            "GRANT 0.040 0.090 2",
            "ROMAN 0.030 0.120 3",
            "JORDAN 0.030 0.150 4",
            "KEITH 0.020 0.170 5",
            "RARE 0.005 0.175 6",
        ],
        "female": ["TORY 0.020 0.020 1", "JUNE 0.020 0.040 2", "KIRSTEN 0.010 0.050 3"],
    }
    for sex, lines in rows.items():
        (tmp_path / f"dist.{sex}.first").write_text("\n".join(lines) + "\n")
    (tmp_path / "gum" / "train").mkdir(parents=True)
    (tmp_path / "gum" / "train" / "doc.conllu").write_text(_CONLLU)
    return tmp_path


def test_the_census_names_kept_are_frequent_and_no_word_or_place(tmp_path: Path) -> None:
    tool = load_tool("build_given_names")
    root = _census(tmp_path)
    assert tool.build(root, root / "gum") == [("Gordon", "m"), ("Keith", "m"), ("Kirsten", "f")]
    # not "Grant" (a word in small letters), "Roman" (an adjective as often as a name),
    # "Jordan" (a state), "Tory" (a party), "June" (a month), "Rare" (too rare)


def test_the_shipped_list_is_sorted_and_read_as_given_names() -> None:
    text = resources.files("briefgen.data").joinpath("given_names.txt").read_text("utf-8")
    names = [line.split("\t")[0] for line in text.splitlines()]
    assert names == sorted(set(names)) and len(names) > 1000
    assert is_given_name("Gordon") and is_given_name("Howard")  # census, nicknames
    assert not any(is_given_name(w) for w in ("Tory", "Jordan", "Roman", "Grant"))
    assert [given_name_sex(w) for w in ("Harriet", "Gordon", "Kim")] == ["female", "male", None]


def test_every_word_of_the_shipped_yaml_lists_is_text() -> None:
    # YAML 1.1 reads a bare On, Yes or No as true or false: a word lost from its list.
    def walk(value: object) -> list[object]:
        if isinstance(value, dict):
            return [b for v in value.values() for b in walk(v)]
        if isinstance(value, list):
            return [b for v in value for b in ([v] if isinstance(v, bool) else walk(v))]
        return []

    for name in ("gazetteer.yaml", "triggers.yaml", "sentences.yaml", "outlets.yaml"):
        text = resources.files("briefgen.data").joinpath(name).read_text("utf-8")
        assert walk(yaml.safe_load(text)) == [], name
