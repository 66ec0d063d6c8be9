"""What makes a cold build shorter changes nothing it makes: the templates compiled
ahead, the imports left out. Speed itself is measured in benchmarks/, never here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.pipeline import extract_digest
from briefgen.render import FORMATS, environment, prepare, render_briefs


@pytest.fixture
def job(workspace: Path) -> dict:
    config = load_config(workspace / "config" / "briefgen.yaml", formats=FORMATS)
    digest = extract_digest(config.inputs, root=config.workspace).digest
    return {"digest": digest, "config": config, "changes": None, "notices": ()}


def test_prepared_templates_are_not_compiled_again_and_give_the_same_briefs(
    job: dict, monkeypatch: pytest.MonkeyPatch
):
    environment._COMPILED._code.clear()
    plain = render_briefs(formats=["md", "html"], **job)
    environment._COMPILED._code.clear()
    prepare(job["config"], formats=["md", "html"])
    compiled: list[str] = []
    monkeypatch.setattr(environment._COMPILED, "dump_bytecode", lambda b: compiled.append(b.key))
    prepared = render_briefs(formats=["md", "html"], **job)
    assert compiled == []  # every template the briefs use was compiled ahead
    assert prepared == plain


def test_prepare_for_the_pdf_compiles_no_markdown_template(job: dict):
    environment._COMPILED._code.clear()
    prepare(job["config"], formats=["pdf"])
    names = {key for key in environment._COMPILED._code}
    environment._COMPILED._code.clear()
    prepare(job["config"], formats=["md"])
    assert names and names.isdisjoint(environment._COMPILED._code)
