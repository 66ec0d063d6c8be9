"""Nothing lost: atomic publishing, recovery after a killed build, the output lock, hand edits.

The kill and two-builds tests run real ``python -m briefgen build`` processes.
They are stopped at a point of our choosing, not after a delay: a small
wrapper (``_RUNNER``) patches one function to announce itself through a file
and then wait, and the test kills the process with SIGKILL when the file
appears. So the tests are exact about where the kill lands, whatever the
machine's speed.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefgen.cli import cli
from briefgen.errors import BriefgenError
from briefgen.publish import (
    JOURNAL_NAME,
    LOCK_NAME,
    MANIFEST_NAME,
    OutputLockedError,
    check_output_name,
    output_lock,
    publish,
    read_manifest,
    recover,
    sha256,
)

from .conftest import ROOT

WAIT_SECONDS = 180  # generous: the machine is shared; the tests do not wait on a clock


def _snapshot(folder: Path) -> dict[str, bytes]:
    # Files only: the extraction cache (.cache/) may grow even when a build fails.
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != LOCK_NAME
    }


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- publish and recover, in process -----------------------------------------------


def test_publish_writes_all_files_and_a_manifest(tmp_path: Path):
    written = publish({"a.md": b"A", "digest.yaml": b"D"}, tmp_path)
    assert [p.name for p in written] == ["a.md", "digest.yaml"]
    assert read_manifest(tmp_path) == {"a.md": sha256(b"A"), "digest.yaml": sha256(b"D")}
    assert not _temps(tmp_path) and not (tmp_path / JOURNAL_NAME).exists()


def test_publish_is_byte_identical_for_the_same_outputs(tmp_path: Path):
    publish({"a.md": b"A"}, tmp_path / "one")
    publish({"a.md": b"A"}, tmp_path / "two")
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")


def test_a_failing_rename_is_finished_by_the_next_run(tmp_path: Path, monkeypatch):
    import briefgen.publish as pub

    publish({"a.md": b"old A", "digest.yaml": b"old D"}, tmp_path)
    real = pub._rename
    calls = []

    def failing(tmp: Path, target: Path) -> None:
        calls.append(target.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(tmp, target)

    monkeypatch.setattr(pub, "_rename", failing)
    with pytest.raises(BriefgenError, match="next briefgen run in this folder completes it"):
        publish({"a.md": b"new A", "digest.yaml": b"new D"}, tmp_path)
    # A mix, for now, and the journal says so.
    assert (tmp_path / "a.md").read_bytes() == b"new A"
    assert (tmp_path / "digest.yaml").read_bytes() == b"old D"
    assert (tmp_path / JOURNAL_NAME).exists()
    monkeypatch.setattr(pub, "_rename", real)
    done = recover(tmp_path)
    assert done and "finished publishing digest.yaml" in done[0]
    assert (tmp_path / "digest.yaml").read_bytes() == b"new D"
    assert read_manifest(tmp_path)["digest.yaml"] == sha256(b"new D")
    assert not _temps(tmp_path) and not (tmp_path / JOURNAL_NAME).exists()


def test_publish_removes_stale_files_in_the_same_journal(tmp_path: Path, monkeypatch):
    """A removal is a step of the publish: stopped right after it, the next run finishes."""
    import briefgen.publish as pub

    publish({"previous-digest.yaml": b"P", "changes.json": b"C", "digest.yaml": b"old D"}, tmp_path)
    real = pub._rename

    def failing(tmp: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pub, "_rename", failing)
    with pytest.raises(BriefgenError, match="next briefgen run in this folder completes it"):
        publish(
            {"digest.yaml": b"new D"},
            tmp_path,
            remove=["previous-digest.yaml", "changes.json", "never-there.md"],
        )
    journal = json.loads((tmp_path / JOURNAL_NAME).read_text())
    assert [step for step in journal if step[0] is None] == [
        [None, "previous-digest.yaml"],
        [None, "changes.json"],
    ]  # a file that is not there is not a step
    assert not (tmp_path / "previous-digest.yaml").exists()  # removed before the renames
    monkeypatch.setattr(pub, "_rename", real)
    recover(tmp_path)
    assert (tmp_path / "digest.yaml").read_bytes() == b"new D"
    assert read_manifest(tmp_path) == {"digest.yaml": sha256(b"new D")}
    assert not (tmp_path / JOURNAL_NAME).exists()


def test_recover_replays_a_removal_that_was_stopped(tmp_path: Path, monkeypatch):
    import briefgen.publish as pub

    publish({"changes.json": b"C", "digest.yaml": b"old D"}, tmp_path)

    def killed(target: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(pub, "_remove", killed)
    with pytest.raises(BriefgenError, match="publishing stopped midway"):
        publish({"digest.yaml": b"new D"}, tmp_path, remove=["changes.json"])
    assert (tmp_path / "changes.json").exists() and (tmp_path / JOURNAL_NAME).exists()
    monkeypatch.undo()
    done = recover(tmp_path)
    assert done == [
        "finished publishing digest.yaml, .briefgen-manifest.json; removed changes.json,"
        " which a stopped run had left midway"
    ]
    assert not (tmp_path / "changes.json").exists()
    assert (tmp_path / "digest.yaml").read_bytes() == b"new D"


def test_recover_removes_stray_temp_files_only(tmp_path: Path):
    (tmp_path / ".brief.pdf.k2j4h5g6.tmp").write_bytes(b"half a pdf")
    (tmp_path / "notes.tmp").write_text("a user's file")
    (tmp_path / ".hidden").write_text("a user's file")
    assert recover(tmp_path) == ["removed .brief.pdf.k2j4h5g6.tmp, left by a run that was stopped"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden", "notes.tmp"]


def test_recover_refuses_a_journal_that_points_outside(tmp_path: Path):
    (tmp_path / JOURNAL_NAME).write_text(json.dumps([[".a.md.abcdefgh.tmp", "../escape"]]))
    with pytest.raises(BriefgenError, match="not a plain file name"):
        recover(tmp_path)
    (tmp_path / JOURNAL_NAME).write_text(json.dumps([["../../etc/passwd", "a.md"]]))
    with pytest.raises(BriefgenError, match="not a briefgen temporary file"):
        recover(tmp_path)
    (tmp_path / JOURNAL_NAME).write_text("{not json")
    with pytest.raises(BriefgenError, match="unreadable publish journal"):
        recover(tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        "../brief.md",
        "/etc/passwd",
        "a/b/brief.md",
        "sub/.brief.md",
        ".sub/brief.md",
        "..",
        ".",
        "",
        ".briefgen-manifest.json",
        ".bashrc",
        "brief\x00.md",
        "brief\u202e.md",  # right-to-left override: shows as a different name
        "brief\u200b.md",  # zero-width space
        "brief\n.md",
        "..\\brief.md",
    ],
)
def test_output_names_cannot_escape_or_hide(tmp_path: Path, name: str):
    out = tmp_path / "out"
    with pytest.raises(BriefgenError, match="refusing to write"):
        publish({name: b"x"}, out)
    with pytest.raises(BriefgenError):
        check_output_name(name, out)
    assert not (tmp_path / "brief.md").exists()
    assert not out.exists() or not [p for p in out.iterdir() if p.name != LOCK_NAME]


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=0, max_size=12))
@example("0/0")  # one plain sub-folder, as an audience's briefs have
@example("0/0/0")
def test_any_output_name_lands_inside_the_folder_or_is_refused(name: str):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        out = root / "a" / "out"
        try:
            written = publish({name: b"x"}, out)
        except BriefgenError:
            written = []
        files = {p for p in root.rglob("*") if p.is_file()}
        assert files <= {out / name, out / MANIFEST_NAME}
        # In the folder, or in one sub-folder of it: never deeper, never outside.
        assert all(p == out / name and len(p.relative_to(out).parts) <= 2 for p in written)


def test_lock_times_out_with_a_clear_message(tmp_path: Path):
    with open(tmp_path / LOCK_NAME, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(OutputLockedError, match="another briefgen run is writing"):  # noqa: SIM117
            with output_lock(tmp_path, timeout=0.3):
                pass
    with output_lock(tmp_path, timeout=0):  # released: free at once
        pass


def test_build_waits_for_the_lock_and_says_so(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    out = workspace / "build"
    out.mkdir()
    with open(out / LOCK_NAME, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        config.write_text(
            config.read_text().replace("dir: build", "dir: build\n  lock_timeout: 0.5")
        )
        result = CliRunner().invoke(cli, ["build", "--config", str(config), "--format", "md"])
    assert result.exit_code == 1
    assert "waiting up to 0.5 s" in result.output
    assert "another briefgen run is writing into this folder" in result.output
    assert not (out / "analyst" / "brief.md").exists()


# --- a hand-edited digest ---------------------------------------------------------


def _build(config: Path, *args: str):
    return CliRunner().invoke(cli, ["build", "--config", str(config), "--format", "md", *args])


def test_a_hand_edited_digest_is_never_overwritten_without_force(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    assert _build(config).exit_code == 0
    assert _build(config).exit_code == 0  # unedited: rebuilt freely
    digest = workspace / "build" / "digest.yaml"
    edited = digest.read_text().replace("Rome", "Roma")
    digest.write_text(edited)
    before = _snapshot(workspace / "build")

    result = _build(config)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        lines[0]
        == f"briefgen: error: {digest}: was edited since briefgen wrote it; not overwriting it."
    )
    assert "corrections.yaml" in lines[1] and f"briefgen render {digest}" in lines[1]
    assert "briefgen build --force" in lines[2]
    assert _snapshot(workspace / "build") == before

    # The way out the message offers: render the edited digest as it is...
    result = CliRunner().invoke(
        cli, ["render", str(digest), "--config", str(config), "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert "Roma" in (workspace / "build" / "analyst" / "brief.md").read_text()
    assert digest.read_text() == edited
    assert _build(config).exit_code == 1  # ...which still does not make the edit the build's

    result = _build(config, "--force")
    assert result.exit_code == 0, result.output
    assert "Roma" not in digest.read_text()


def test_a_digest_briefgen_did_not_write_counts_as_edited(workspace: Path):
    config = workspace / "config" / "briefgen.yaml"
    out = workspace / "build"
    result = CliRunner().invoke(
        cli, ["extract", str(workspace / "seeds"), "-o", str(out / "digest.yaml")]
    )
    assert result.exit_code == 0, result.output
    result = _build(config)
    assert result.exit_code == 1
    assert "was not written by `briefgen build`" in result.output


# --- real processes: killed midway, and two at once ------------------------------------

_RUNNER = r"""
import os, sys, time
from pathlib import Path

signal_file, mode = Path(sys.argv[1]), sys.argv[2]

def announce_and_wait():
    signal_file.write_text(str(os.getpid()))
    go = signal_file.with_suffix(".go")
    while not go.exists():
        time.sleep(0.05)

import briefgen.publish as pub
if mode == "pdf":
    import briefgen.render.pdf as pdf
    real_pdf = pdf.render_pdf
    def render_pdf(html, **options):
        data = real_pdf(html, **options)
        announce_and_wait()
        return data
    pdf.render_pdf = render_pdf
elif mode == "rename":
    real_rename, count = pub._rename, []
    def _rename(tmp, target):
        real_rename(tmp, target)
        count.append(target)
        if len(count) == 2:
            announce_and_wait()
    pub._rename = _rename
elif mode == "locked":
    real_lock = pub.output_lock
    import contextlib
    @contextlib.contextmanager
    def output_lock(out_dir, *, timeout):
        with real_lock(out_dir, timeout=timeout):
            announce_and_wait()
            yield
    pub.output_lock = output_lock

from briefgen.cli import main
sys.argv = ["briefgen", *sys.argv[3:]]
main()
"""


def _start(tmp_path: Path, tag: str, mode: str, config: Path) -> tuple[subprocess.Popen, Path]:
    signal_file = tmp_path / f"{tag}.signal"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stderr = open(tmp_path / f"{tag}.stderr", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [sys.executable, "-c", _RUNNER, str(signal_file), mode, "build", "--config", str(config)],
        env=env, stdout=subprocess.DEVNULL, stderr=stderr, cwd=tmp_path,
    )  # fmt: skip
    stderr.close()
    return process, signal_file


def _wait_for(predicate, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not predicate():
        if process.poll() is not None:
            stderr = Path(process.args[2 + 1]).with_suffix(".stderr")
            raise AssertionError(
                f"the build ended (exit {process.returncode}) before {what}: "
                + (stderr.read_text() if stderr.exists() else "")
            )
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"no {what} within {WAIT_SECONDS} s")
        time.sleep(0.05)


def _kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL


@pytest.fixture
def built_once(workspace: Path) -> Path:
    config = workspace / "config" / "briefgen.yaml"
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.output
    # A different second build, so "previous" and "new" outputs can be told apart.
    config.write_text(config.read_text().replace('title: "', 'title: "Revised '))
    return config


def test_a_build_killed_while_rendering_leaves_the_previous_outputs(built_once, tmp_path: Path):
    out = built_once.parent.parent / "build"
    before = _snapshot(out)
    process, signal_file = _start(tmp_path, "pdf", "pdf", built_once)
    _wait_for(signal_file.exists, process, "the PDF")
    _kill(process)
    assert _snapshot(out) == before  # byte for byte, digest, briefs and manifest
    assert not _temps(out)  # rendering is in memory: nothing half-written on disk

    result = CliRunner().invoke(cli, ["build", "--config", str(built_once)])
    assert result.exit_code == 0, result.output
    assert b"Revised" in (out / "analyst" / "brief.html").read_bytes()


def test_a_build_killed_between_two_renames_is_finished_by_the_next_run(built_once, tmp_path: Path):
    out = built_once.parent.parent / "build"
    before = _snapshot(out)
    process, signal_file = _start(tmp_path, "rename", "rename", built_once)
    _wait_for(signal_file.exists, process, "the second rename")
    _kill(process)
    # Killed midway: two briefs are new, but the digest and manifest, renamed last, are not,
    # and the journal says what is left to do.
    assert (out / "digest.yaml").read_bytes() == before["digest.yaml"]
    assert (out / MANIFEST_NAME).read_bytes() == before[MANIFEST_NAME]
    assert (out / JOURNAL_NAME).exists() and _temps(out)

    # Any next run in the folder completes the publish first; here a render of another digest.
    result = CliRunner().invoke(
        cli, ["check", "--config", str(built_once)]
    )  # check reads only: it must not trip over the leftovers
    assert result.exit_code == 0, result.output
    other = tmp_path / "other"
    other.mkdir()
    result = CliRunner().invoke(
        cli, ["render", str(out / "digest.yaml"), "--config", str(built_once), "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert "finished publishing" in result.output
    assert not _temps(out) and not (out / JOURNAL_NAME).exists()
    manifest = read_manifest(out)
    for name in ("digest.yaml", "analyst/brief.html", "analyst/brief.pdf", "analyst/brief.md"):
        assert manifest[name] == sha256((out / name).read_bytes()), name
    assert b"Revised" in (out / "analyst" / "brief.html").read_bytes()
    # ...and the next build sees a digest it wrote itself, not a hand edit.
    assert CliRunner().invoke(cli, ["build", "--config", str(built_once)]).exit_code == 0


def test_two_builds_at_once_run_one_after_the_other(built_once, tmp_path: Path):
    out = built_once.parent.parent / "build"
    first, first_signal = _start(tmp_path, "first", "locked", built_once)
    _wait_for(first_signal.exists, first, "the first build's lock")
    second, _ = _start(tmp_path, "second", "none", built_once)
    second_err = tmp_path / "second.stderr"
    _wait_for(lambda: "waiting" in second_err.read_text(), second, "the second build waiting")
    first_signal.with_suffix(".go").touch()
    assert first.wait(timeout=WAIT_SECONDS) == 0, (tmp_path / "first.stderr").read_text()
    assert second.wait(timeout=WAIT_SECONDS) == 0, second_err.read_text()
    assert "another briefgen run is writing here" in second_err.read_text()
    manifest = read_manifest(out)
    # The second build also compares with the first (previous-digest.yaml, changes.json).
    assert {"digest.yaml", "analyst/brief.md", "executive/brief.html", "press/brief.pdf"} <= set(
        manifest
    )
    for name, digest in manifest.items():
        assert sha256((out / name).read_bytes()) == digest, name
    assert not _temps(out) and not (out / JOURNAL_NAME).exists()


def test_one_plain_sub_folder_per_audience_is_allowed(tmp_path: Path):
    out = tmp_path / "out"
    written = publish({"analyst/brief.md": b"a", "digest.yaml": b"d"}, out)
    assert written == [out / "analyst" / "brief.md", out / "digest.yaml"]
    assert read_manifest(out) == {"analyst/brief.md": sha256(b"a"), "digest.yaml": sha256(b"d")}
    assert not _temps(out) and not _temps(out / "analyst")


_HOLDER = r"""
import os, sys, time
from pathlib import Path
from briefgen.render.pdfworker import PdfWorker
from briefgen.publish import output_lock

out, signal_file = Path(sys.argv[1]), Path(sys.argv[2])
with output_lock(out, timeout=5):
    worker = PdfWorker.start()
    signal_file.write_text(str(worker.process.pid))
    time.sleep(600)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_build_leaves_no_pdf_worker_and_no_lock(tmp_path: Path):
    out, signal_file = tmp_path / "build", tmp_path / "worker.pid"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(out), str(signal_file)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        _wait_for(lambda: signal_file.exists() and signal_file.read_text(), holder, "the worker")
        worker = int(signal_file.read_text())
        assert _running(worker)
        _kill(holder)
        # The lock is free at once: the worker never held it.
        with output_lock(out, timeout=0):
            pass
        deadline = time.monotonic() + 20
        while _running(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(worker), "the PDF worker outlived its killed build"
    finally:
        if holder.poll() is None:
            holder.kill()
        if (
            signal_file.exists()
            and signal_file.read_text()
            and _running(w := int(signal_file.read_text()))
        ):
            os.kill(w, signal.SIGKILL)


def test_a_symbolic_link_at_an_audience_folder_or_the_lock_is_refused(tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "build"
    out.mkdir()
    (out / "analyst").symlink_to(elsewhere)
    with pytest.raises(BriefgenError, match=r"analyst: a symbolic link"):
        publish({"analyst/brief.md": b"x"}, out)
    assert list(elsewhere.iterdir()) == []
    (out / "analyst").unlink()
    (out / LOCK_NAME).symlink_to(elsewhere / "lock")
    locking = output_lock(out, timeout=1)
    with pytest.raises(BriefgenError, match=r"\.briefgen\.lock: a symbolic link"), locking:
        pass
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    ("journal", "temp"),
    [
        ("[" * 100_000 + "]" * 100_000, None),
        ('[[".x.abcdefgh.tmp", "digest.yaml"]]', "folder"),
        ('[[".x.abcdefgh.tmp", "analyst"]]', "file"),
        ('[[".x.abcdefgh.tmp", "nosuch/brief.md"]]', "file"),
        ('[[".x.abcdefgh.tmp", "analyst/brief.md"]]', "link"),
        ('{"files": 5}', None),
        ("\udcff", None),
    ],
    ids=[
        "nested",
        "temp-is-folder",
        "target-is-folder",
        "no-sub-folder",
        "linked",
        "dict",
        "bytes",
    ],
)
def test_a_tampered_journal_is_an_error_not_a_traceback(tmp_path: Path, journal: str, temp):
    out = tmp_path / "build"
    (out / "analyst").mkdir(parents=True)
    if temp == "folder":
        (out / ".x.abcdefgh.tmp").mkdir()
    elif temp in ("file", "link"):
        (out / ".x.abcdefgh.tmp").write_text("x")
    if temp == "link":
        (out / "analyst").rmdir()
        (out / "analyst").symlink_to(tmp_path)
    (out / JOURNAL_NAME).write_bytes(journal.encode("utf-8", "surrogateescape"))
    with pytest.raises(BriefgenError, match=rf"{JOURNAL_NAME}|analyst: a symbolic link"):
        recover(out)
