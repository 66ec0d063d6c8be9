"""What a run loads, and loads once: templates compiled once per process, heavy
libraries imported only by the runs that use them. Speed itself is measured in
benchmarks/; these tests check that the short cuts never change an output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefgen.paths import BUILD_STAMP
from briefgen.render.environment import _COMPILED, make_environment


def test_templates_compile_once_and_again_when_edited(tmp_path: Path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.md.j2").write_text("first {{ x }}\n")
    first = make_environment([folder]).get_template("t.md.j2")
    assert first.render(x=1) == "first 1\n"
    compiled = len(_COMPILED._code)
    # Another environment (another audience) loads the compiled template.
    assert make_environment([folder]).get_template("t.md.j2").render(x=2) == "first 2\n"
    assert len(_COMPILED._code) == compiled
    # An edited template is compiled again, even with the same modification time.
    stat = (folder / "t.md.j2").stat()
    (folder / "t.md.j2").write_text("second {{ x }}\n")
    os.utime(folder / "t.md.j2", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert make_environment([folder]).get_template("t.md.j2").render(x=3) == "second 3\n"


def _build(workspace: Path, *args: str):
    from click.testing import CliRunner

    from briefgen.cli import cli

    config = str(workspace / "config" / "briefgen.yaml")
    return CliRunner().invoke(cli, ["build", "--config", config, "--format", "md,html", *args])


def test_an_unchanged_build_parses_dumps_and_compares_nothing(workspace: Path, monkeypatch):
    import briefgen.digest
    import briefgen.digest.since
    import briefgen.pipeline

    assert _build(workspace).exit_code == 0
    # A second build with a real change makes a previous digest and a comparison.
    seed = sorted((workspace / "seeds").iterdir())[0]
    seed.write_text(seed.read_text("utf-8") + "\n\nThe two ministers met again in Seoul.\n")
    assert _build(workspace).exit_code == 0
    assert (workspace / "build" / "changes.json").exists()
    before = {p: p.read_bytes() for p in (workspace / "build").rglob("*") if p.is_file()}

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged build read, wrote or compared a digest")

    monkeypatch.setattr(briefgen.digest, "parse_digest", refuse)
    monkeypatch.setattr(briefgen.digest.since, "parse_digest", refuse)
    monkeypatch.setattr(briefgen.digest.since, "compare", refuse)
    monkeypatch.setattr(briefgen.pipeline, "dump_digest_bytes", refuse)
    # Without the stamp (tests/test_stamp.py), the whole build decides it by itself.
    (workspace / "build" / BUILD_STAMP).unlink()
    again = _build(workspace)
    assert again.exit_code == 0, again.output
    assert "up to date" in again.output
    assert {p: p.read_bytes() for p in (workspace / "build").rglob("*") if p.is_file()} == before
    # A template edited: the slow way, which compares again, and renders.
    monkeypatch.undo()
    (workspace / "templates").mkdir()
    (workspace / "templates" / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}{% block people %}{% endblock %}'
    )
    rendered = _build(workspace)
    assert rendered.exit_code == 0 and "up to date" not in rendered.output
    assert (workspace / "build" / "changes.json").read_bytes() == before[
        workspace / "build" / "changes.json"
    ]


def test_an_unchanged_build_imports_no_extractor_spacy_or_weasyprint(workspace: Path):
    # (Jinja is imported with the config, which checks the formats against the renderers.)
    assert _build(workspace, "--format", "md,html,pdf").exit_code == 0
    (workspace / "build" / BUILD_STAMP).unlink()  # the whole build, not the stamp's answer
    config = str(workspace / "config" / "briefgen.yaml")
    command = [sys.executable, "-X", "importtime", "-m", "briefgen", "build", "--config", config,
               "--format", "md,html,pdf"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "up to date" in done.stdout + done.stderr
    assert "briefgen.pipeline" in imported  # the check sees imports at all
    unwanted = {"spacy", "weasyprint", "briefgen.extract.facts", "briefgen.extract.work"}
    assert not unwanted & imported, sorted(unwanted & imported)


def _fresh(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_spacy_is_imported_without_its_command_line():
    out = _fresh(
        "import sys\n"
        "from briefgen.runtime.lean import import_spacy\n"
        "import_spacy()\n"
        "import spacy\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'weasel', 'httpx')"
        " or m.startswith('spacy.cli')))\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('sentencizer')\n"
        "print([s.text for s in nlp('One here. Two there.').sents])\n"
        "import spacy.cli\n"  # the real one, when something asks for it
        "print(callable(spacy.cli.setup_cli), spacy.info.__name__)\n"
    )
    assert out.splitlines() == ["[]", "['One here.', 'Two there.']", "True _info"]


def test_a_spacy_that_needs_its_command_line_is_imported_as_usual():
    out = _fresh(
        "import sys\n"
        "from briefgen.runtime import lean\n"
        "lean._STAND_INS = ('spacy.cli', 'spacy.cli.elsewhere')  # spacy.cli.info not found\n"
        "lean.import_spacy()\n"
        "import spacy\n"
        "print('spacy.cli.info' in sys.modules, spacy.info.__module__)\n"
    )
    assert out.splitlines() == ["True spacy.cli.info"]
