"""Scoring a digest against gold facts, as ``../shared/eval/README.md`` defines it.

A case is a folder with ``articles/`` and ``gold.yaml``. The rules, in brief:

- text is compared after folding case, accents, curly quotes, dashes and runs
  of white space (``fold``);
- a fact *cites* a gold item when one of its quotes contains one of the
  item's keys;
- names match when a form of one equals a form of the other or contains it
  as whole words; a state's forms are its name and its common forms
  (``Seoul``, ``ROK`` and ``Republic of Korea`` for ``South Korea``), from
  evaluation's own table (``names``), not the extractor's gazetteer; people
  match as the README says for people (equal forms, or containing the gold
  name);
- each gold item is matched at most once (one to one), so a second report of
  the same meeting is a false positive;
- items marked ``optional`` are neither missed nor wrong; extracted people
  matching an ``ignore`` name are not counted.

Where the README leaves a choice open: one-to-one matching is greedy, gold
items in file order, each taking the first unmatched extracted item in digest
order (what a reader of the brief would meet first); an extracted item that
could only match optional items counts for nothing either way.

``explain`` says, for each miss and each extracted item that matched nothing,
which class of failure it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefgen.config import ExtractionSettings
from briefgen.evaluate.explain import (
    CaseExplanation,
    explain_case,
    format_explanations,
    summarize,
)
from briefgen.evaluate.names import NameMatcher, default_matcher, fold
from briefgen.evaluate.score import (
    KINDS,
    Gold,
    GoldError,
    GoldItem,
    Score,
    format_table,
    load_gold,
    match_case,
    score_case,
)

__all__ = [
    "KINDS",
    "CaseExplanation",
    "Gold",
    "GoldError",
    "GoldItem",
    "NameMatcher",
    "Score",
    "default_matcher",
    "evaluate_cases",
    "explain_case",
    "fold",
    "format_explanations",
    "format_table",
    "load_gold",
    "match_case",
    "score_case",
    "summarize",
]


def evaluate_cases(
    case_dirs: Sequence[Path], settings: ExtractionSettings | None = None, explain: bool = False
) -> tuple[Score, list[CaseExplanation]]:
    """Extract each case's ``articles/`` and score it against its ``gold.yaml``;
    with ``explain``, also say why each miss and each wrong item failed."""
    from briefgen.pipeline import extract_digest, read_articles

    total = Score()
    explanations = []
    matcher = default_matcher()
    for case in case_dirs:
        gold = load_gold(case / "gold.yaml")
        result = extract_digest(["articles"], root=case, on_error="stop", settings=settings)
        match = match_case(result.digest, gold, matcher)
        total.add(match.score)
        if explain:
            articles, _ = read_articles(["articles"], root=case, on_error="stop")
            explanations.append(explain_case(match, articles))
    return total, explanations
