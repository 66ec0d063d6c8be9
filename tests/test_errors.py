"""The error catalogue, as a user meets it: each mistake through the CLI, with its exit code
and the exact lines printed, naming the file and the line or key at fault.

Each failing build also has to leave the previous outputs as they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli

from .test_publish import _snapshot


@pytest.fixture
def built(workspace: Path) -> Path:
    """The example workspace, built once (Markdown only, to keep it quick)."""
    config = workspace / "config" / "briefgen.yaml"
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--format", "md"])
    assert result.exit_code == 0, result.output
    return workspace


def _build(workspace: Path, *args: str):
    config = workspace / "config" / "briefgen.yaml"
    return CliRunner().invoke(cli, ["build", "--config", str(config), "--format", "md", *args])


def _errors(output: str) -> list[str]:
    assert "Traceback" not in output
    return [line for line in output.splitlines() if line.startswith("briefgen: error: ")]


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "line one\n{% if %}\n",
            "brief.md.j2:2: Expected an expression, got 'end of statement block'",
        ),
        ("line one\n{{ nothing_here }}\n", "brief.md.j2:2: 'nothing_here' is undefined"),
        (
            "one\ntwo\n{% include 'missing.j2' %}\n",
            "brief.md.j2:3: template 'missing.j2' not found in ",
        ),
        ('{% extends "default:nope.md.j2" %}\n', "template 'default:nope.md.j2' not found in "),
        ("{{ info.title | no_such_filter }}\n", "brief.md.j2:1: No filter named 'no_such_filter'."),
    ],
)
def test_template_mistakes_name_file_and_line(built: Path, template: str, expected: str):
    before = _snapshot(built / "build")
    (built / "templates").mkdir()
    (built / "templates" / "brief.md.j2").write_text(template)
    result = _build(built)
    assert result.exit_code == 1
    errors = _errors(result.output)
    assert len(errors) == 1 and expected in errors[0], result.output
    assert _snapshot(built / "build") == before


def test_check_reports_templates_corrections_and_digest_at_once(built: Path):
    (built / "templates").mkdir()
    (built / "templates" / "brief.md.j2").write_text("{% for %}\n")
    (built / "config" / "corrections.yaml").write_text("people:\n  - match: {name: X}\n")
    digest = built / "build" / "digest.yaml"
    digest.write_text(digest.read_text().replace("  role: Foreign Minister", "  rank: Minister", 1))
    result = CliRunner().invoke(cli, ["check", "--config", str(built / "config" / "briefgen.yaml")])
    assert result.exit_code == 1
    errors = _errors(result.output)
    assert len(errors) == 3, result.output
    assert errors[0].endswith(
        "templates/brief.md.j2:1: Expected an expression, got 'end of statement block'"
    )
    assert errors[1].endswith(
        "config/corrections.yaml:2: people.0: Value error, give exactly one of fix, drop: true,"
        " or add"
    )
    assert errors[2].endswith("build/digest.yaml: people.0.rank: unknown key")


def test_a_digest_that_no_longer_matches_the_schema_lists_every_problem(built: Path):
    digest = built / "build" / "digest.yaml"
    text = digest.read_text()
    text = text.replace("  role: Foreign Minister", "  role: [Foreign, Minister]", 1)
    text = text.replace("  location: Rome", "  place: Rome", 1)
    text = text.replace("disagreements:", "disagreements: maybe\nx:", 1)
    digest.write_text(text)
    result = CliRunner().invoke(cli, ["render", str(digest), "--format", "md"])
    assert result.exit_code == 1
    errors = _errors(result.output)
    assert [e.split("digest.yaml: ", 1)[1] for e in errors] == [
        "people.0.role: Input should be a valid string",
        "meetings.3.place: unknown key",
        "disagreements: Input should be a valid list",
        "x: unknown key",
    ], result.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "people:\n  - name: !!python/object/apply:os.system [touch pwned]\n",
            "d.yaml:2: invalid YAML",
        ),
        ("people: [\n", "d.yaml:2: invalid YAML"),
        ("version: 7\n", "d.yaml: digest version 7 is not supported"),
        ("- a list\n", "d.yaml: a digest must be a mapping"),
        (
            "sources: [{id: a}]\nmeetings:\n  - participants: [A, B]\n"
            "    evidence: [{source: b, quote: q, start: 0, end: 1}]\n",
            "meetings.0.evidence.0.source: 'b' is not the id of any source",
        ),
    ],
)
def test_an_unusable_digest_is_one_clear_line(tmp_path: Path, text: str, expected: str):
    path = tmp_path / "d.yaml"
    path.write_text(text)
    result = CliRunner().invoke(cli, ["render", str(path), "--format", "md"])
    assert result.exit_code == 1
    errors = _errors(result.output)
    assert len(errors) == 1 and expected in errors[0], result.output
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "brief.md").exists()


def test_rendering_a_missing_digest_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "nope.yaml")])
    assert (
        result.exit_code == 2 and "nope.yaml" in result.output and "does not exist" in result.output
    )


def test_check_says_what_the_next_build_will_find(built: Path):
    config = built / "config" / "briefgen.yaml"
    result = CliRunner().invoke(cli, ["check", "--config", str(config)])
    assert result.exit_code == 0 and "note:" not in result.output
    digest = built / "build" / "digest.yaml"
    digest.write_text(digest.read_text().replace("Rome", "Roma"))
    (built / "build" / ".briefgen-publish.json").write_text("[]")
    result = CliRunner().invoke(cli, ["check", "--config", str(config)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("note: ")]
    assert len(notes) == 2
    assert "a stopped run left its outputs half published" in notes[0]
    assert notes[1].endswith(
        "digest.yaml: was edited since briefgen wrote it; `briefgen build` will stop rather"
        " than overwrite it (see docs/safety.md)"
    )


def test_an_alias_bomb_in_the_config_is_refused_at_once(tmp_path: Path):
    import signal

    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefg", "bcdefgh", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    (tmp_path / "config").mkdir()
    config = tmp_path / "config" / "briefgen.yaml"
    config.write_text("\n".join([*lines, "inputs: *h"]) + "\n")

    def hung(*_: object) -> None:
        raise AssertionError("the config's alias bomb hangs briefgen")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    try:
        result = CliRunner().invoke(cli, ["check", "--config", str(config)])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.exit_code == 2, result.output
    errors = _errors(result.output)
    assert any("briefgen.yaml: inputs.0: Input should be a valid string" in e for e in errors)
    assert len(errors) < 30


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_line_and_paragraph_separators_in_a_hand_edited_digest_render(tmp_path: Path, fmt: str):
    path = tmp_path / "d.yaml"
    path.write_text(
        'sources: [{id: a, title: "Head\\Pline \\u2029 \\u2028 one", outlet: "Out\\Lx"}]\n'
        'people:\n  - name: "Kim\\u2029 Jong"\n'
        '    evidence: [{source: a, quote: "q\\u2029\\u2028uote", start: 0, end: 1}]\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["render", str(path), "--format", fmt, "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    brief = next((tmp_path / "out").rglob(f"brief.{fmt}")).read_bytes()
    assert "\u2029".encode() not in brief and "\u2028".encode() not in brief
