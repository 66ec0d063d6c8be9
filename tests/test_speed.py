"""Incremental and parallel extraction: the cache, process pools, Dask, progress,
render skipping. Speed itself is measured in benchmarks/, never here; these
tests check that going faster never changes a byte of the output."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.config import ExtractionSettings
from briefgen.digest import dump_digest
from briefgen.errors import ConfigError
from briefgen.paths import CACHE_DIR_NAME
from briefgen.pipeline import extract_digest
from briefgen.runtime.cache import Cache, cache_key
from briefgen.runtime.executors import DaskExecutor, LocalExecutor, make_executor
from briefgen.runtime.progress import (
    MIN_ITEMS,
    BarProgress,
    LogProgress,
    NoProgress,
    for_terminal,
)
from briefgen.runtime.run import Runtime

from .conftest import FIXTURES, SEEDS

READOUTS = FIXTURES / "readouts"


def _copy_articles(folder: Path) -> Path:
    shutil.copytree(READOUTS, folder)
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """The seeds and the readouts in one folder: 26 articles, people shared across them."""
    return _copy_articles(tmp_path / "articles")


def _digest(folder: Path, run: Runtime, on_error: str = "skip") -> bytes:
    result = extract_digest(["."], root=folder, run=run, on_error=on_error)
    return dump_digest(result.digest).encode()


@pytest.fixture(scope="module")
def serial_digest(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The digest of ``articles`` made the plain way (paths in it are relative, so any copy)."""
    return _digest(_copy_articles(tmp_path_factory.mktemp("serial") / "articles"), Runtime.serial())


# -- the same digest whichever way it is made ---------------------------------------------


def test_two_jobs_give_the_serial_digest_byte_for_byte(articles: Path, serial_digest: bytes):
    batch = Runtime(executor=LocalExecutor(2))
    assert _digest(articles, batch) == serial_digest


def test_cached_builds_give_the_serial_digest(articles: Path, serial_digest: bytes, tmp_path):
    cold = Runtime(cache=Cache(tmp_path / "cache"))
    assert _digest(articles, cold) == serial_digest
    # batch; per article: reading the file, parsing (facts are read again, from the parse)
    assert cold.cache.hits == 0 and cold.cache.misses == 1 + 2 * 26
    # Nothing changed: one entry answers for the whole batch.
    warm = Runtime(cache=Cache(tmp_path / "cache"))
    assert _digest(articles, warm) == serial_digest
    assert warm.cache.misses == 0 and warm.cache.hits == 1
    # Another batch of the same articles: every article's entries, none computed again.
    other = Runtime(cache=Cache(tmp_path / "cache"), executor=LocalExecutor(2))
    assert _digest(articles, other, on_error="stop") == serial_digest
    assert other.cache.misses == 1 and other.cache.hits == 2 * 26


def test_one_changed_article_is_the_only_one_read_again(articles: Path, tmp_path, monkeypatch):
    import briefgen.extract.parse.work as parse_work
    import briefgen.ingest

    _digest(articles, Runtime(cache=Cache(tmp_path / "cache")))
    changed = sorted(articles.glob("*.md"))[3]
    changed.write_text(changed.read_text("utf-8") + "\n\nThe two leaders met again.\n", "utf-8")
    read, parsed = [], []
    real = briefgen.ingest.read_article
    monkeypatch.setattr(
        briefgen.ingest, "read_article", lambda path, **kw: read.append(path) or real(path, **kw)
    )
    parse_real = parse_work.parse_articles
    monkeypatch.setattr(
        parse_work,
        "parse_articles",
        lambda batch, nlp: parsed.extend(a.path for a in batch) or parse_real(batch, nlp),
    )
    again = _digest(articles, Runtime(cache=Cache(tmp_path / "cache")))
    assert read == [changed]
    assert parsed == [changed.name]  # the parser, the slow part, ran for that article alone
    monkeypatch.undo()
    assert again == _digest(articles, Runtime.serial())  # with the change: not serial_digest
    # The changed article's old entries are gone: the cache does not grow by the day.
    assert len([p for p in (tmp_path / "cache").rglob("*") if p.is_file()]) == 1 + 2 * 26


def test_dask_cluster_gives_the_serial_digest(articles: Path, serial_digest: bytes, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        executor = DaskExecutor(jobs=2, scheduler=cluster.scheduler_address)
        assert _digest(articles, Runtime(executor=executor)) == serial_digest
        # ... and from the command line, as a user runs it.
        out = tmp_path / "digest.yaml"
        result = CliRunner().invoke(
            cli, ["extract", str(articles), "-o", str(out), "--executor", "dask",
                  "--scheduler", cluster.scheduler_address],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    serial = CliRunner().invoke(cli, ["extract", str(articles), "-o", str(tmp_path / "s.yaml")])
    assert serial.exit_code == 0 and out.read_bytes() == (tmp_path / "s.yaml").read_bytes()


# -- the cache never trusts a damaged entry -------------------------------------------------


def test_prune_keeps_what_the_run_used_and_fresh_temporary_files(tmp_path: Path):
    import os

    cache = Cache(tmp_path)
    used, old = cache_key("used"), cache_key("old")
    cache.put(used, 1)
    Cache(tmp_path).put(old, 2)
    fresh = tmp_path / used[:2] / f".{used[:16]}.k2j4h5g6.tmp"  # as put names them
    fresh.write_bytes(b"being written")
    stale = tmp_path / old[:2] / f".{old[:16]}.a1b2c3d4.tmp"
    stale.write_bytes(b"left by a killed build")
    os.utime(stale, (0, 0))
    (tmp_path / "render.json").write_text("{}")
    assert cache.prune() == 2
    assert cache.get(used) == 1 and Cache(tmp_path).get(old) is None
    assert fresh.exists() and not stale.exists()
    assert (tmp_path / "render.json").exists()


def test_prune_removes_only_what_the_cache_wrote_and_says_so(tmp_path: Path, caplog):
    cache = Cache(tmp_path)
    old = cache_key("old")
    Cache(tmp_path).put(old, 2)
    # --out into a folder where another tool keeps its own .cache/ (two-letter folders too).
    (tmp_path / "uv").mkdir()
    (tmp_path / "uv" / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55")
    (tmp_path / "uv" / ".lock").write_text("")
    (tmp_path / old[:2] / "notes.txt").write_text("mine")
    impostor = tmp_path / old[:2] / cache_key("impostor")  # a key's name, not the key's folder
    impostor.write_text("not an entry")
    named_like_one = tmp_path / cache_key("x")[:2] / cache_key("x")
    named_like_one.parent.mkdir(exist_ok=True)
    named_like_one.write_text("someone else's file with a key for a name")
    (tmp_path / "zz" / "sub").mkdir(parents=True)  # a folder inside .cache/xx/
    with caplog.at_level(logging.WARNING, logger="briefgen.runtime.cache"):
        assert cache.prune() == 1
    assert Cache(tmp_path).get(old) is None
    for kept in ("uv/CACHEDIR.TAG", "uv/.lock", f"{old[:2]}/notes.txt", "zz/sub"):
        assert (tmp_path / kept).exists(), kept
    assert impostor.exists() and named_like_one.exists()
    [warning] = [r.message for r in caplog.records]
    assert "not written by briefgen's cache" in warning and "and 5 more" in warning


def test_cache_entries_are_plain_data_and_a_planted_pickle_runs_nothing(tmp_path: Path):
    import hashlib
    import pickle

    from briefgen.runtime.cache import _MAGIC

    cache = Cache(tmp_path)
    key = cache_key("planted")
    cache.put(key, ("value", 1))
    entry = tmp_path / key[:2] / key
    assert entry.read_bytes().startswith(_MAGIC)
    assert b"\x80" not in entry.read_bytes()[len(_MAGIC) + 32 :][:1]  # no pickle protocol mark

    class Plant:
        def __reduce__(self):
            return (Path.touch, (tmp_path / "ran",))

    payload = pickle.dumps(Plant())
    for magic in (_MAGIC, b"briefgen-cache\n"):  # this format's header, and the old one
        entry.write_bytes(magic + hashlib.sha256(payload).digest() + payload)
        assert Cache(tmp_path).get(key) is None
    assert not (tmp_path / "ran").exists()


def test_cache_round_trip_and_keys(tmp_path: Path):
    cache = Cache(tmp_path)
    key = cache_key("a", b"b")
    assert cache.get(key) is None
    cache.put(key, {"x": [1, 2]})
    assert cache.get(key) == {"x": [1, 2]}
    assert cache_key("a", b"b") == key != cache_key("ab", b"") != cache_key("a", "b", "")
    assert Cache(None).get(key) is None and not Cache(None).enabled


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated: a build killed while copying
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
        lambda data: b"",
        lambda data: b"not a cache entry at all",
        lambda data: data[:40],  # the header only
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(
    articles: Path, serial_digest: bytes, tmp_path: Path, damage
):
    folder = tmp_path / "cache"
    _digest(articles, Runtime(cache=Cache(folder)))
    entries = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(entries) == 1 + 2 * 26
    for entry in entries:
        entry.write_bytes(damage(entry.read_bytes()))
    again = Runtime(cache=Cache(folder))
    assert _digest(articles, again) == serial_digest
    assert again.cache.hits == 0
    # ... and rebuilt: the next run finds every entry whole.
    third = Runtime(cache=Cache(folder))
    assert _digest(articles, third) == serial_digest and third.cache.misses == 0


def test_an_unwritable_cache_is_reported_once_and_the_build_goes_on(
    articles: Path, serial_digest: bytes, tmp_path: Path, caplog
):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING, logger="briefgen.runtime.cache"):
        assert _digest(articles, Runtime(cache=Cache(blocker))) == (serial_digest)
    assert len([r for r in caplog.records if "cannot write" in r.message]) == 1


def test_other_settings_do_not_share_entries():
    from briefgen.extract.registry import make_extractor

    def fingerprint(raw: dict) -> str:
        return make_extractor(ExtractionSettings.model_validate(raw)).fingerprint()

    plain = fingerprint({"extractor": "rules"})
    assert plain != fingerprint({"extractor": "rules", "rules": {"spacy_model": "xx_model"}})
    assert plain == fingerprint({"extractor": "rules", "jobs": 4})  # jobs change nothing extracted
    assert plain != fingerprint({})  # the default backend, parse


# -- executors ------------------------------------------------------------------------------


def test_executor_registry_errors_name_the_key():
    with pytest.raises(ConfigError, match=r"extraction\.executor: unknown executor 'cloud'"):
        make_executor("cloud")
    with pytest.raises(ConfigError, match=r"extraction\.scheduler"):
        make_executor("dask", jobs=2)
    assert make_executor("local").jobs >= 1
    assert make_executor("local", jobs=3) == LocalExecutor(3)


def test_local_pool_keeps_item_order_and_counts_progress():
    done = []
    results = LocalExecutor(2).map(_square_plus, list(range(100)), 7, done.append)
    assert results == [i * i + 7 for i in range(100)] and sum(done) == 100


def _square_plus(item: int, shared: int) -> int:
    return item * item + shared


def test_a_worker_that_dies_is_a_clear_error():
    from briefgen.errors import BriefgenError

    with pytest.raises(BriefgenError, match="a worker process died"):
        LocalExecutor(2).map(_die, list(range(20)), None, lambda n: None)


def _die(item: int, shared: None) -> int:
    import os

    os._exit(1)


# -- progress -------------------------------------------------------------------------------


def test_log_progress_lines_at_start_periodically_and_at_the_end():
    lines: list[str] = []
    now = [0.0]
    progress = LogProgress(lines.append, every=10, clock=lambda: now[0])
    progress.start("reading", 40)
    for _ in range(4):
        now[0] += 6
        progress.advance(10)
    progress.finish()
    assert lines[0] == "reading: 40 articles"
    assert lines[1] == "reading: 20/40 articles, 1.7/s, about 12 s left"
    assert lines[2] == "reading: 40/40 articles in 24.0 s" and len(lines) == 3


def test_small_runs_show_no_progress():
    lines: list[str] = []
    progress = LogProgress(lines.append)
    progress.start("reading", 3)
    progress.advance(3)
    progress.finish()
    assert lines == []


def test_progress_kind_follows_the_terminal():
    assert isinstance(for_terminal(quiet=True, is_tty=True, write=print), NoProgress)
    assert isinstance(for_terminal(quiet=False, is_tty=True, write=print), BarProgress)
    assert isinstance(for_terminal(quiet=False, is_tty=False, write=print), LogProgress)


def test_bar_progress_counts_shows_a_rate_and_goes_away():
    bar = BarProgress()
    bar.start("reading", 30)
    bar.advance(12)
    task = bar._bar.tasks[0]
    assert (task.description, task.completed, task.total) == ("reading", 12, 30)
    assert task.fields["rate"].endswith(" articles/s")
    bar.finish()
    assert bar._bar is None  # stopped, and finishing twice is harmless
    bar.finish()
    small = BarProgress()
    small.start("reading", MIN_ITEMS - 1)
    small.advance(1)
    assert small._bar is None  # a small run shows no bar, as it logs no progress


# -- the CLI: --jobs, skipping, messages ----------------------------------------------------


@pytest.fixture
def big_workspace(workspace: Path, articles: Path) -> Path:
    shutil.rmtree(workspace / "seeds")
    shutil.move(articles, workspace / "seeds")
    return workspace


def _build(workspace: Path, *args: str):
    config = str(workspace / "config" / "briefgen.yaml")
    return CliRunner().invoke(cli, ["build", "--config", config, "--format", "md", *args])


def test_cli_jobs_1_and_2_write_identical_digests(big_workspace: Path, tmp_path: Path):
    one = _build(big_workspace, "--jobs", "1", "--no-cache", "--out", str(tmp_path / "one"))
    two = _build(big_workspace, "--jobs", "2", "--out", str(tmp_path / "two"))
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    assert (tmp_path / "one" / "digest.yaml").read_bytes() == (
        tmp_path / "two" / "digest.yaml"
    ).read_bytes()
    assert not (tmp_path / "one" / CACHE_DIR_NAME).exists()
    assert (tmp_path / "two" / CACHE_DIR_NAME).is_dir()
    # Not a terminal: plain progress lines on stderr, none with -q.
    assert "briefgen: reading: 26 articles" in two.output
    quiet = CliRunner().invoke(
        cli, ["-q", "build", "--config", str(big_workspace / "config" / "briefgen.yaml"),
              "--format", "md", "--no-cache", "--out", str(tmp_path / "three")],
    )  # fmt: skip
    assert quiet.exit_code == 0 and quiet.output == ""


def test_unchanged_build_renders_nothing_and_says_so(workspace: Path):
    first = _build(workspace)
    assert first.exit_code == 0 and "wrote build/analyst/brief.md" in first.output.replace(
        str(workspace) + "/", ""
    )
    brief = workspace / "build" / "analyst" / "brief.md"
    mtime = brief.stat().st_mtime_ns
    second = _build(workspace)
    assert second.exit_code == 0
    assert "is up to date: nothing changed since the last build" in second.output
    assert "wrote" not in second.output and brief.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("change", ["delete brief", "edit brief", "template", "config", "article"])
def test_any_change_renders_again(workspace: Path, change: str):
    assert _build(workspace).exit_code == 0
    build = workspace / "build"
    if change == "delete brief":
        (build / "analyst" / "brief.md").unlink()
    elif change == "edit brief":
        (build / "analyst" / "brief.md").write_text("edited by hand\n")
    elif change == "template":
        (workspace / "templates").mkdir()
        (workspace / "templates" / "brief.md.j2").write_text(
            '{% extends "default:brief.md.j2" %}{% block people %}{% endblock %}'
        )
    elif change == "config":
        config = workspace / "config" / "briefgen.yaml"
        config.write_text(config.read_text().replace("foreign ministers'", "ministers'", 1))
    else:
        seed = sorted((workspace / "seeds").iterdir())[0]
        seed.write_text(seed.read_text("utf-8") + "\n\nThe two ministers met again in Seoul.\n")
    again = _build(workspace)
    assert again.exit_code == 0 and "up to date" not in again.output
    assert (
        "brief.md" in again.output
        and (build / "analyst" / "brief.md").read_text() != "edited by hand\n"
    )


def test_no_cache_renders_again(workspace: Path):
    assert _build(workspace).exit_code == 0
    again = _build(workspace, "--no-cache")
    assert again.exit_code == 0 and "wrote" in again.output


def test_bad_jobs_and_executor_flags_are_usage_errors(workspace: Path):
    assert _build(workspace, "--jobs", "0").exit_code == 2
    result = _build(workspace, "--executor", "dask")
    assert result.exit_code == 2
    assert "extraction.scheduler: the dask executor needs a scheduler address" in result.output
    config = workspace / "config" / "briefgen.yaml"
    config.write_text(config.read_text().replace("extractor: parse", "extractor: parse\n  jobs: 0"))
    result = _build(workspace)
    assert result.exit_code == 2 and "extraction.jobs" in result.output


def test_extract_with_jobs_and_a_cache_dir(articles: Path, tmp_path: Path, serial_digest: bytes):
    out = tmp_path / "digest.yaml"
    cache = tmp_path / "cache"
    for _ in range(2):
        result = CliRunner().invoke(
            cli, ["extract", str(articles), "-o", str(out), "--jobs", "2", "--cache-dir",
                  str(cache)],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    assert any(cache.rglob("*"))
    serial = CliRunner().invoke(cli, ["extract", str(articles), "-o", str(tmp_path / "s.yaml")])
    assert serial.exit_code == 0
    assert out.read_bytes() == (tmp_path / "s.yaml").read_bytes()


# -- the PDF made in a second process ------------------------------------------------------


def test_pdf_from_the_worker_is_byte_identical(workspace: Path, tmp_path: Path):
    here = _build(workspace, "--format", "pdf", "--jobs", "1", "--out", str(tmp_path / "here"))
    there = _build(workspace, "--format", "pdf", "--jobs", "2", "--out", str(tmp_path / "there"))
    assert here.exit_code == 0 and there.exit_code == 0, here.output + there.output
    # Three audiences: the worker makes two PDFs, the copy it forks the third.
    for audience in ("executive", "analyst", "press"):
        pdf = f"{audience}/brief.pdf"
        assert (tmp_path / "here" / pdf).read_bytes() == (tmp_path / "there" / pdf).read_bytes()
    assert "analyst/brief.pdf" in there.output
    order = [line for line in there.output.splitlines() if line.startswith("wrote")]
    assert [line.replace("/there/", "/here/") for line in order] == [
        line for line in here.output.splitlines() if line.startswith("wrote")
    ]


def _pdf_job(workspace: Path) -> dict:
    from briefgen.config import load_config

    config = load_config(workspace / "config" / "briefgen.yaml")
    digest = extract_digest(config.inputs, root=config.workspace).digest
    return {"digest": digest, "config": config, "changes": None, "notices": ()}


def test_the_pdf_workers_copy_answers_with_its_audiences_pdfs(workspace: Path):
    from briefgen.render import render_briefs
    from briefgen.render.pdfworker import _Helper

    job = _pdf_job(workspace)
    helper = _Helper.start(job, ["press"])
    assert helper is not None
    status, pdfs = helper.result()
    assert status == "ok" and list(pdfs) == ["press/brief.pdf"]
    assert pdfs == render_briefs(formats=["pdf"], audiences=["press"], **job)


def test_a_dead_copy_of_the_pdf_worker_says_so(workspace: Path, monkeypatch: pytest.MonkeyPatch):
    import os

    from briefgen.render import pdfworker

    monkeypatch.setattr(pdfworker, "_render", lambda job, audiences: os._exit(3))
    helper = pdfworker._Helper.start(_pdf_job(workspace), ["press"])
    assert helper is not None and helper.result() is None  # the worker then makes them itself


def test_a_dead_pdf_worker_means_the_pdf_is_made_here(workspace: Path, tmp_path: Path):
    from briefgen.config import load_config
    from briefgen.pipeline import render_outputs
    from briefgen.render.pdfworker import PdfWorker

    config = load_config(workspace / "config" / "briefgen.yaml")
    digest = extract_digest(config.inputs, root=config.workspace).digest
    worker = PdfWorker.start()
    assert worker is not None
    worker.process.kill()
    worker.process.join()
    try:
        outputs = render_outputs(digest, config, formats=["md", "pdf"], pdf_worker=worker)
    finally:
        worker.close()
    audiences = config.brief.audience
    assert sorted(outputs) == sorted(f"{a}/brief.{f}" for a in audiences for f in ("md", "pdf"))
    assert all(outputs[f"{a}/brief.pdf"].startswith(b"%PDF") for a in audiences)


def test_pdf_worker_errors_are_raised_in_the_build():
    from briefgen.errors import RenderError
    from briefgen.render.pdfworker import PendingPdf

    class Conn:
        def recv(self):
            return ("error", RenderError("cannot make the PDF: no fonts"))

    with pytest.raises(RenderError, match="no fonts"):
        PendingPdf(Conn()).result()  # type: ignore[arg-type]


def test_two_runs_at_once_share_a_cache_safely(articles: Path, tmp_path: Path):
    import subprocess
    import sys

    cache = tmp_path / "cache"

    def start(name: str) -> subprocess.Popen[str]:
        out = str(tmp_path / name)
        command = [sys.executable, "-m", "briefgen", "-q", "extract", str(articles),
                   "-o", out, "--jobs", "1", "--cache-dir", str(cache)]  # fmt: skip
        return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)

    runs = [start("a.yaml"), start("b.yaml")]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert len(entries) == 1 + 2 * 26 and not [p for p in entries if p.suffix == ".tmp"]
    third = start("c.yaml")
    assert third.communicate(timeout=300)[1] == "" and third.returncode == 0
    assert (tmp_path / "c.yaml").read_bytes() == (tmp_path / "a.yaml").read_bytes()
