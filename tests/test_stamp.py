"""The build stamp: an unchanged build answered before anything heavy is imported, and
every kind of change the build could see taking the whole build again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import briefgen.pipeline
from briefgen.cli import cli
from briefgen.paths import BUILD_STAMP, DIGEST_NAME, JOURNAL_NAME
from briefgen.publish import stamp

UP_TO_DATE = "is up to date: nothing changed since the last build"


def _config(workspace: Path) -> Path:
    return workspace / "config" / "briefgen.yaml"


def _build(workspace: Path, *args: str) -> Any:
    command = ["build", "--config", str(_config(workspace)), "--audience", "analyst"]
    return CliRunner().invoke(cli, [*command, "--format", "md", *args])


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each call of the whole build (``pipeline.build``) the CLI makes."""
    calls: list[object] = []
    whole = briefgen.pipeline.build

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return whole(*args, **kwargs)

    monkeypatch.setattr(briefgen.pipeline, "build", counted)
    return calls


def _outputs(workspace: Path) -> dict[str, bytes]:
    """Every file of the output folder (the lock aside)."""
    out = workspace / "build"
    files = (p for p in out.rglob("*") if p.is_file() and p.name != ".briefgen.lock")
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files}


@pytest.fixture
def built(workspace: Path, builds: list[object]) -> Path:
    """The seeds built once, and stamped."""
    first = _build(workspace)
    assert first.exit_code == 0, first.output
    if not (workspace / "build" / BUILD_STAMP).is_file():  # a briefgen file saved just now
        time.sleep(stamp._RACY_NS / 1e9)
        assert _build(workspace).exit_code == 0
    assert (workspace / "build" / BUILD_STAMP).is_file()
    builds.clear()
    return workspace


def test_an_unchanged_build_takes_the_stamp_and_touches_nothing(built: Path, builds: list):
    before = _outputs(built)
    again = _build(built)
    assert again.exit_code == 0, again.output
    assert UP_TO_DATE in again.output and "wrote" not in again.output
    assert builds == []  # the whole build was never called
    assert _outputs(built) == before


def test_the_stamp_says_what_the_whole_build_says(built: Path, builds: list):
    """Same lines, warnings and corrections included, whichever way the answer came."""
    seeds = sorted((built / "seeds").iterdir())
    (built / "seeds" / "copy.txt").write_bytes(seeds[0].read_bytes())  # a duplicate: a warning
    (built / "config" / "corrections.yaml").write_text(
        "meetings:\n"
        "  - match: {participants: [Chung, Blinken], location: Rome}\n"
        "    fix: {occasion: G20 summit}\n"
        "people:\n"
        "  - match: {name: Nobody Here}\n"
        "    fix: {role: envoy}\n"
    )
    assert _build(built).exit_code == 0  # rebuilt, and stamped
    (built / "build" / BUILD_STAMP).unlink()
    whole = _build(built)  # up to date the long way (and stamped again)
    assert len(builds) == 2 and UP_TO_DATE in whole.output
    stamped = _build(built)
    assert len(builds) == 2, "the stamp was not used"
    assert stamped.exit_code == whole.exit_code == 0
    assert "duplicate" in stamped.output and "correction not applied" in stamped.output
    assert "applied 1 corrections" in stamped.output
    assert stamped.output == whole.output


def _same_size_edit(path: Path) -> None:
    """Change one letter, keeping the size and the modification time."""
    info = path.stat()
    text = path.read_text("utf-8")
    i = next(i for i, ch in enumerate(text) if ch.islower())
    path.write_text(text[:i] + ("x" if text[i] != "x" else "y") + text[i + 1 :], "utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def _first_seed(ws: Path) -> Path:
    return sorted((ws / "seeds").iterdir())[0]


def _edit_config(ws: Path) -> None:
    config = _config(ws)
    config.write_text(config.read_text().replace("foreign ministers'", "ministers'", 1))


def _template(ws: Path) -> None:
    (ws / "templates").mkdir()
    (ws / "templates" / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}{% block people %}{% endblock %}'
    )


def _journal(ws: Path) -> None:
    (ws / "build" / JOURNAL_NAME).write_text("[]")


def _edit_brief(ws: Path) -> None:
    (ws / "build" / "analyst" / "brief.md").write_text("edited by hand\n")


def _stray_package_dir(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = ws / "lib"
    lib.mkdir()
    monkeypatch.syspath_prepend(str(lib))


def _not_utf8(ws: Path) -> None:
    """A file whose name is not UTF-8 (Latin-1 "café"), as old archives have them."""
    name = os.fsdecode(b"caf\xe9.txt")
    (ws / "seeds" / name).write_text("The two ministers met again in Seoul on Friday.\n")


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


CHANGES: dict[str, Callable[[Path, pytest.MonkeyPatch], Any]] = {
    "an article edited, same size and time": lambda ws, mp: _same_size_edit(_first_seed(ws)),
    "an article added": lambda ws, mp: (ws / "seeds" / "new.txt").write_text(
        "The two ministers met again in Seoul on Friday.\n"
    ),
    "an article removed": lambda ws, mp: sorted((ws / "seeds").iterdir())[-1].unlink(),
    "a folder of articles added": lambda ws, mp: (ws / "seeds" / "more").mkdir(),
    "the config edited": lambda ws, mp: _edit_config(ws),
    "corrections added": lambda ws, mp: (ws / "config" / "corrections.yaml").write_text(
        "people: []\n"
    ),
    "a template added": lambda ws, mp: _template(ws),
    "an empty templates folder added": lambda ws, mp: (ws / "templates").mkdir(),
    "a brief deleted": lambda ws, mp: (ws / "build" / "analyst" / "brief.md").unlink(),
    "a brief edited": lambda ws, mp: _edit_brief(ws),
    "the digest deleted": lambda ws, mp: (ws / "build" / DIGEST_NAME).unlink(),
    "a publish left midway": lambda ws, mp: _journal(ws),
    "SOURCE_DATE_EPOCH set": lambda ws, mp: mp.setenv("SOURCE_DATE_EPOCH", "86400"),
    "the locale changed": lambda ws, mp: mp.setenv("LC_ALL", "C.UTF-8"),
    "a library installed": lambda ws, mp: _stray_package_dir(ws, mp),
    "the stamp damaged": lambda ws, mp: (ws / "build" / BUILD_STAMP).write_text("{"),
    "an article replaced by a named pipe": lambda ws, mp: _fifo(_first_seed(ws)),
    "an article named in no encoding": lambda ws, mp: _not_utf8(ws),
}
OPTIONS = {
    "another extractor": ["--extractor", "rules"],
    "another format": ["--format", "html"],
    "another audience": ["--audience", "press"],
    "another output folder": ["--out", "elsewhere"],
    "--no-cache": ["--no-cache"],
    "--strict": ["--strict"],
    "--force": ["--force"],
    "--jobs": ["--jobs", "1"],
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_each_change_takes_the_whole_build(
    built: Path, builds: list, monkeypatch: pytest.MonkeyPatch, change: str
):
    assert UP_TO_DATE in _build(built).output and not builds  # before: the stamp answers
    CHANGES[change](built, monkeypatch)
    again = _build(built)
    assert builds, f"{change}: answered from the stamp"
    assert again.exit_code == 0, again.output
    if change.startswith(("a brief", "the digest", "SOURCE_DATE_EPOCH")):
        assert "wrote" in again.output  # the output is made again


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_each_other_option_takes_the_whole_build(built: Path, builds: list, option: str):
    assert UP_TO_DATE in _build(built).output and not builds  # before: the stamp answers
    options = [str(built / o) if o == "elsewhere" else o for o in OPTIONS[option]]
    again = _build(built, *options)
    assert again.exit_code == 0, again.output
    assert builds, f"{option}: answered from the stamp"


def test_since_takes_the_whole_build(built: Path, builds: list):
    assert UP_TO_DATE in _build(built).output and not builds  # before: the stamp answers
    again = _build(built, "--since", str(built / "build" / DIGEST_NAME))
    assert again.exit_code == 0, again.output
    assert builds


def test_a_hand_edited_digest_still_stops_the_build(built: Path, builds: list):
    assert UP_TO_DATE in _build(built).output and not builds  # before: the stamp answers
    digest = built / "build" / DIGEST_NAME
    digest.write_text(digest.read_text() + "# mine\n")
    again = _build(built)
    assert again.exit_code == 1 and "was edited since briefgen wrote it" in again.output


def test_an_edit_made_while_the_build_ran_is_seen_by_the_next(
    workspace: Path, builds: list, monkeypatch: pytest.MonkeyPatch
):
    """The stamp holds what the build read before reading it, not what is there after."""
    whole = briefgen.pipeline.extract_digest

    def edit_then_extract(*args: Any, **kwargs: Any) -> Any:
        result = whole(*args, **kwargs)
        seed = _first_seed(workspace)
        seed.write_text(seed.read_text("utf-8") + "\nThe ministers met again in Seoul.\n")
        return result

    monkeypatch.setattr(briefgen.pipeline, "extract_digest", edit_then_extract)
    assert _build(workspace).exit_code == 0
    monkeypatch.setattr(briefgen.pipeline, "extract_digest", whole)
    builds.clear()
    assert UP_TO_DATE not in _build(workspace).output and builds


def test_a_feed_is_never_stamped(workspace: Path, builds: list):
    feed = Path(__file__).parent / "fixtures" / "feeds" / "briefing-room.rss"
    config = _config(workspace)
    sources = f"feeds:\n  sources: [{json.dumps(str(feed))}]\n  fetch_pages: false\n"
    config.write_text(config.read_text() + sources)
    assert _build(workspace).exit_code == 0
    assert not (workspace / "build" / BUILD_STAMP).exists()
    assert _build(workspace).exit_code == 0 and len(builds) == 2


def test_a_package_file_modified_a_moment_ago_is_never_trusted():
    assert stamp._package(racy_after=None) is not None
    assert stamp._package(racy_after=0) is None  # every file "modified" after 1970


def test_the_stamp_imports_no_pydantic_jinja_spacy_or_weasyprint(workspace: Path):
    script = (
        "import atexit, sys\n"
        "from briefgen.cli import main\n"
        "sys.argv = ['briefgen', *sys.argv[1:]]\n"
        "heavy = ('pydantic', 'jinja2', 'spacy', 'weasyprint', 'briefgen.pipeline',\n"
        "         'briefgen.config', 'briefgen.render', 'briefgen.extract')\n"
        "atexit.register(lambda: print('imported:',\n"
        "                              sorted(m for m in sys.modules if m.startswith(heavy))))\n"
        "main()  # ends the process: the exit handler prints\n"
    )
    args = ["build", "--audience", "analyst", "--format", "md"]
    command = [sys.executable, "-c", script, *args]
    for _ in range(2):  # cold, then stamped (again, if a package file was just saved)
        done = subprocess.run(command, cwd=workspace, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    done = subprocess.run(command, cwd=workspace, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert UP_TO_DATE in done.stdout
    assert "imported: []" in done.stdout, done.stdout


def test_only_what_import_could_find_on_sys_path_counts(
    workspace: Path, builds: list, monkeypatch: pytest.MonkeyPatch
):
    """A folder on sys.path (the current one, for ``python -m briefgen``) may gain a
    plain folder, such as the build's own ``build/``, without undoing the stamp; a
    module there could shadow a library, and takes the whole build."""
    lib = workspace / "lib"
    lib.mkdir()
    monkeypatch.syspath_prepend(str(lib))
    assert _build(workspace).exit_code == 0
    if not (workspace / "build" / BUILD_STAMP).is_file():  # a briefgen file saved just now
        time.sleep(stamp._RACY_NS / 1e9)
        assert _build(workspace).exit_code == 0
    (lib / "build").mkdir()
    (lib / "notes").mkdir()
    (lib / "notes" / "README.txt").write_text("not Python\n")
    builds.clear()
    assert UP_TO_DATE in _build(workspace).output and not builds
    (lib / "yaml.py").write_text("raise ImportError('shadowed')\n")
    assert _build(workspace).exit_code == 0 and builds
