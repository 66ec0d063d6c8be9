"""The scorer follows ../shared/eval/README.md: checked on small hand-made cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.evaluate import fold, load_gold, score_case
from briefgen.model import Digest, Evidence, Meeting, Person, Proposal

GOLD = """\
case: tiny
people:
  - name: António Guterres
    aliases: [Guterres]
    role: Secretary-General
    affiliation: United Nations
  - {name: Kim Min-su, role: Minister, affiliation: South Korea, optional: true}
meetings:
  - participants: [António Guterres, United States]
    location: New York
    date: 2023-09-19
    keys: [met today with the Secretary-General]
proposals:
  - by: South Korea
    keys: [proposed a summit]
ignore: [Ahn Sung-mi]
"""


def _ev(quote: str) -> list[Evidence]:
    return [Evidence(source="s", quote=quote, start=0, end=len(quote))]


@pytest.fixture
def gold(tmp_path: Path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return load_gold(path)


def test_fold_ignores_case_accents_quotes_dashes_and_spaces():
    assert fold("  António’s  “Talks” — Today ") == 'antonio\'s "talks" - today'


def test_a_perfect_digest_scores_one(gold):
    digest = Digest(
        people=[
            Person(name="Antonio Guterres", role="Secretary-General", affiliation="United Nations")
        ],
        meetings=[
            Meeting(
                participants=["Antonio Guterres", "Washington"],  # a capital stands for its state
                location="New York",
                date="2023-09-19",
                evidence=_ev("Biden met today with the Secretary-General in New York."),
            )
        ],
        proposals=[Proposal(by="Seoul", what="a summit", evidence=_ev("Seoul proposed a summit."))],
    )
    score = score_case(digest, gold)
    assert score.micro.f1 == 1.0
    assert score.attributes["location"].value == 1.0 and score.attributes["date"].value == 1.0
    assert score.attributes["role"].value == 1.0


def test_duplicates_ignored_optional_and_misses(gold):
    meeting = Meeting(participants=["Guterres", "U.S."], location="New York",
                      evidence=_ev("Unrelated sentence."))  # fmt: skip
    digest = Digest(
        people=[Person(name="Ahn Sung-mi"), Person(name="Kim Min-su"), Person(name="Nobody Real")],
        meetings=[meeting, meeting],  # the second report of one meeting is an error
    )
    score = score_case(digest, gold)
    people, meetings, proposals = (score.kinds[k] for k in ("people", "meetings", "proposals"))
    assert (people.tp, people.fp, people.fn) == (0, 1, 1)  # ignore and optional not counted
    assert (meetings.tp, meetings.fp, meetings.fn) == (1, 1, 0)  # matched by location
    assert (proposals.tp, proposals.fn) == (0, 1)
    assert score.attributes["date"].value == 0.0


def test_eval_command_scores_a_case(tmp_path: Path):
    case = tmp_path / "case"
    (case / "articles").mkdir(parents=True)
    (case / "articles" / "a.txt").write_text(
        "Ministers meet\n\nForeign Minister Chung Eui-yong met Secretary of State Antony Blinken "
        "in Rome on Sunday.\n"
    )
    (case / "gold.yaml").write_text(
        "case: case\npeople:\n  - {name: Chung Eui-yong, role: Foreign Minister}\n"
        "  - {name: Antony Blinken, role: Secretary of State}\n"
        "meetings:\n  - {participants: [Chung Eui-yong, Antony Blinken], location: Rome, "
        "keys: [met Secretary of State]}\n"
    )
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"micro_f1": 1.0' in result.output
