"""The held-out readout cases of ``eval/heldout``: each gold file loads, names the
articles its folder holds, and quotes them: a key no article contains could never
be matched, and the case would measure nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.evaluate.names import fold
from briefgen.evaluate.score import load_gold

HELDOUT = Path(__file__).resolve().parent.parent / "eval" / "heldout"
CASES = sorted(p.parent for p in HELDOUT.glob("batch*/*/gold.yaml"))


def test_there_are_eight_batches_of_readout_cases():
    assert {case.parent.name for case in CASES} == {f"batch{n}" for n in range(1, 9)}
    assert len(CASES) == 72


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.parent.name}/{c.name}")
def test_a_case_s_gold_loads_and_every_key_is_in_its_articles(case: Path):
    gold = load_gold(case / "gold.yaml")
    assert gold.case == case.name
    raw = yaml.safe_load((case / "gold.yaml").read_text("utf-8"))
    listed = sorted(raw["articles"])
    assert listed == sorted(p.name for p in (case / "articles").iterdir())
    texts = [fold(p.read_text("utf-8")) for p in (case / "articles").iterdir()]
    for kind, items in gold.items.items():
        for item in items:
            for key in item.keys:
                assert any(fold(key) in text for text in texts), (kind, key)
