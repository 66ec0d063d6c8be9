"""What makes a cold build shorter changes nothing it makes: the templates compiled
ahead, the imports left out. Speed itself is measured in benchmarks/, never here."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.pipeline import extract_digest
from briefgen.render import FORMATS, environment, prepare, render_briefs

from .conftest import SEEDS


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


def _fresh(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_spacys_registries_are_given_every_entry_point_once_grouped():
    out = _fresh(
        "import importlib.metadata as md\n"
        "from briefgen.runtime.lean import import_spacy\n"
        "import_spacy()\n"
        "import catalogue, spacy\n"
        "grouped = catalogue.AVAILABLE_ENTRY_POINTS\n"
        "every = md.entry_points()\n"
        "print(type(grouped).__name__, sorted(grouped) == sorted(every.groups))\n"
        "print(all(grouped[g] == list(every.select(group=g)) for g in every.groups))\n"
        "print(callable(spacy.registry.architectures.get('spacy-legacy.Tok2Vec.v1')))\n"
        "print(sorted(spacy.registry.loggers.get_entry_points()) == sorted(\n"
        "    e.name for e in every.select(group='spacy_loggers')))\n"
    )
    assert out.splitlines() == ["dict True", "True", "True", "True"]


def test_the_format_names_a_build_starts_with_are_the_renderers():
    from briefgen import paths, render

    assert paths.FORMATS == render.FORMATS == tuple(render.RENDERERS)


_BUILD = r"""
import json, sys
import briefgen.pipeline as pipeline

seen = {}
extract = pipeline.extract_digest


def extract_and_look(*args, **kwargs):
    result = extract(*args, **kwargs)
    seen["extracted"] = sorted(sys.modules)
    return result


pipeline.extract_digest = extract_and_look
sys.argv = ["briefgen", "build", "-q", "--audience", "analyst", "--format", "md,html,pdf",
            "--jobs", "2"]
from briefgen.cli import main
import atexit


def at_exit():
    seen["end"] = sorted(sys.modules)
    print(json.dumps(seen))


atexit.register(at_exit)
main()  # ends the process, after the exit handlers
"""


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the PDF worker is forked"
)
def test_a_cold_build_imports_only_what_it_uses_when_it_uses_it(workspace: Path):
    import json

    done = subprocess.run(
        [sys.executable, "-c", _BUILD], cwd=workspace, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    seen = {k: set(v) for k, v in json.loads(done.stdout.splitlines()[-1]).items()}
    assert (workspace / "build" / "analyst" / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert {"spacy", "briefgen.extract.mentions"} <= seen["extracted"]  # the check sees imports
    # Rendering code loads in the PDF worker during extraction, here only once it is over.
    assert not {"jinja2", "briefgen.render"} & seen["extracted"]
    assert {"jinja2", "briefgen.render"} <= seen["end"]
    # Never here: the PDF (the worker's), the Word brief (not asked for), spaCy's command line.
    unused = {"weasyprint", "docx", "spacy.cli", "typer", "weasel", "httpx", "requests"}
    assert not unused & seen["end"], sorted(unused & seen["end"])


def test_the_parser_loaded_without_the_default_tokenizer_is_the_same_pipeline():
    import spacy

    from briefgen.extract.parser import MODEL_DIR, load

    ours, plain = load(), spacy.load(MODEL_DIR)
    assert ours.config["nlp"]["tokenizer"] != plain.config["nlp"]["tokenizer"]  # bare, then read
    for part in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        a, b = getattr(ours.tokenizer, part), getattr(plain.tokenizer, part)
        assert (a and a.__self__.pattern) == (b and b.__self__.pattern), part
    assert ours.tokenizer.rules == plain.tokenizer.rules
    assert ours.tokenizer.faster_heuristics == plain.tokenizer.faster_heuristics
    assert ours.pipe_names == plain.pipe_names
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.iterdir())]
    assert [_annotations(d) for d in ours.pipe(texts)] == [
        _annotations(d) for d in plain.pipe(texts)
    ]


def _annotations(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc
    ]


_EXIT = r"""
import atexit, sys
atexit.register(lambda: print("the exit handlers ran"))
sys.argv = ["briefgen", *sys.argv[1:]]
from briefgen.cli import main
main()
print("never here")
"""


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["build", "--audience", "analyst", "--format", "md"], 0, "wrote build/analyst/brief.md"),
        (["build", "--format", "nope"], 2, "'nope' is not a format"),
        (["render"], 2, "Missing argument"),
    ],
)
def test_the_command_ends_with_its_code_its_output_and_the_exit_handlers(
    workspace: Path, args: list[str], code: int, said: str
):
    done = subprocess.run(
        [sys.executable, "-c", _EXIT, *args], cwd=workspace, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == code, done.stderr
    assert said in done.stdout + done.stderr  # through pipes: flushed before the end
    assert done.stdout.rstrip().endswith("the exit handlers ran")
    assert "never here" not in done.stdout
