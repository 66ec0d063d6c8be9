"""Writing outputs so that nothing is lost: atomic files, a whole build at a time, one at a time.

Three promises, each kept by one piece of this module:

* **Each file is whole.** A file is written to a temporary file in the same
  folder, flushed to disk, and renamed over the old one (atomic on POSIX file
  systems): a reader sees the old brief or the new one, never half of one.
* **The files of a build belong together.** ``publish`` writes every output of
  a build to temporary files first; only when all of them are on disk does it
  write a journal (``.briefgen-publish.json``) naming each temporary file and
  its target, and then rename them, the digest and the manifest last. A build
  killed before the journal exists leaves the previous outputs exactly as they
  were; one killed between two renames leaves a journal, and the next
  briefgen run in that folder finishes the renames before anything else (all
  the files it needs are complete on disk), so the folder again holds one
  build. Temporary files left by a run killed earlier are removed then too.
* **One writer at a time.** ``output_lock`` takes an exclusive ``flock`` on
  ``.briefgen.lock`` in the output folder for a whole build or render; a
  second run waits, saying so, and gives up with a clear error after
  ``output.lock_timeout`` seconds. The kernel drops the lock when the last
  descriptor of it is closed, and a process's are closed when it dies; the
  processes a build forks close their copy at once (``os.register_at_fork``),
  so a killed build never leaves the folder locked, even while its workers
  are still ending.

A publish can also remove files (``remove=``): a build with no previous
digest removes the comparison an earlier build left (see
:mod:`briefgen.digest.since`). The removals are steps of the same journal,
done before the renames, so a run killed anywhere in between leaves a
journal that the next run finishes: the stale file cannot outlive the build.

The manifest (``.briefgen-manifest.json``, see :mod:`briefgen.publish.manifest`)
records the SHA-256 of every file briefgen last wrote into the folder, and the
last build's render key. It is how a build knows that a person has edited
``digest.yaml`` since (see :func:`recorded_hash`); keeping the hash beside the
digest rather than in it leaves the digest's bytes (and its golden file) as
they were, and a hand-edited digest stays renderable as it is.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from briefgen.errors import BriefgenError, DigestEditedError, DigestError, OutputLockedError
from briefgen.paths import JOURNAL_NAME, LOCK_NAME, MANIFEST_NAME, display_path
from briefgen.publish.manifest import (
    BuildRecord,
    Manifest,
    load_manifest,
    read_manifest,
    sha256,
)

log = logging.getLogger(__name__)

# What ``tempfile.mkstemp(prefix=".NAME.", suffix=".tmp")`` makes, and nothing else.
_TEMP_NAME = re.compile(r"^\.[^/\x00]+\.[A-Za-z0-9_]{8}\.tmp$")
_POLL_SECONDS = 0.2


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_temp(folder: Path, name: str, data: bytes | Callable[[BinaryIO], None]) -> Path:
    """``data`` in a new temporary file beside ``folder/name``, flushed to disk; ``data``
    may be a function that writes the file's bytes to the stream it is given."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private; a brief gets the usual permissions.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _rename(tmp: Path, target: Path) -> None:
    """One step of a publish; a function of its own so tests can stop a build between two."""
    os.replace(tmp, target)


def _remove(target: Path) -> None:
    """One step of a publish, as ``_rename``: a stale output goes."""
    target.unlink(missing_ok=True)


def _sync_dir(folder: Path) -> None:
    """Make the renames in ``folder`` durable (a crash after this keeps them)."""
    with contextlib.suppress(OSError):  # some file systems cannot fsync a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Replace ``path`` with ``data`` (or what it writes) in one step: the old file or the
    new, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_output_name(name: str, out_dir: Path) -> None:
    """Refuse a name that is not a plain, visible file name inside ``out_dir``,
    or in one plain sub-folder of it (``analyst/brief.md``: one per audience).

    Output names come from renderers and audience names (and so possibly from
    a user): ``../x``, ``/etc/x``, ``a/b/c``, a NUL, a dot-file or dot-folder
    (which could replace the lock, manifest or journal) and names with control
    or invisible characters are all refused.
    """
    parts = name.split("/")
    if len(parts) > 2 or not all(map(_plain, parts)):
        raise BriefgenError(f"refusing to write {name!r}: not a plain file name inside {out_dir}")


def check_not_linked(name: str, out_dir: Path) -> None:
    """Refuse to write through a symbolic link at an output's sub-folder (``analyst/``):
    the brief would land wherever the link points, outside the output folder."""
    parts = name.split("/")
    if len(parts) > 1 and (out_dir / parts[0]).is_symlink():
        raise BriefgenError(
            f"{display_path(out_dir / parts[0])}: a symbolic link; briefgen writes only into"
            " real folders inside the output folder (remove the link)"
        )


def _plain(part: str) -> bool:
    return not (
        not part
        or part in (".", "..")
        or part.startswith(".")
        or "\\" in part
        or any(not ch.isprintable() or (ch.isspace() and ch != " ") for ch in part)
        or Path(part).name != part
    )


def recorded_hash(out_dir: Path, name: str) -> str | None:
    """The SHA-256 briefgen recorded when it last wrote ``out_dir/name``, if any."""
    return read_manifest(out_dir).get(name)


def hand_edited(path: Path) -> str | None:
    """Why ``path`` is not the digest briefgen last wrote there, or None when it is (or is absent).

    Extraction would replace a person's edits without a trace, so a build
    overwrites ``digest.yaml`` only when its bytes still have the SHA-256 the
    output folder's manifest recorded when briefgen wrote it. A digest with no
    record (written by ``briefgen extract``, copied in, or left by a briefgen
    without manifests) counts as edited too: nothing says otherwise.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise DigestError(f"{path}: cannot read the digest: {e.strerror}") from e
    recorded = recorded_hash(path.parent, path.name)
    if recorded == sha256(data):
        return None
    if recorded:
        return "was edited since briefgen wrote it"
    return f"was not written by `briefgen build` (no record of it in {MANIFEST_NAME})"


def check_not_hand_edited(path: Path, *, corrections: Path) -> None:
    """Refuse to go on, saying how to keep the edits, when ``path`` was edited by hand."""
    why = hand_edited(path)
    if why is None:
        return
    shown, shown_corrections = display_path(path), display_path(corrections)
    raise DigestEditedError(
        f"{shown}: {why}; not overwriting it.\n"
        f"To keep the edits, move them into {shown_corrections} (see docs/safety.md), or render "
        f"the edited digest as it is with `briefgen render {shown}`.\n"
        "To throw them away, run `briefgen build --force`."
    )


def publish(
    outputs: Mapping[str, bytes],
    out_dir: Path,
    *,
    remove: Sequence[str] = (),
    render_key: str | None = None,
) -> list[Path]:
    """Write every output into ``out_dir`` as one set (see the module doc).

    Call it with the folder locked (``output_lock``) and recovered
    (``recover``). The files named in ``remove`` (those that exist) are
    removed first, then the renames go in the order of ``outputs``, so a
    caller puts last what marks a build as complete (the digest); the
    manifest always comes after all of them. With ``render_key`` the manifest
    records this build's key and outputs (``briefgen.publish.manifest.up_to_date``);
    without, it keeps the record it had.
    """
    for name in [*outputs, *remove]:
        check_output_name(name, out_dir)
        check_not_linked(name, out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BriefgenError(f"{out_dir}: cannot create the output folder: {e.strerror}") from e
    removals = [name for name in remove if name not in outputs and (out_dir / name).exists()]
    manifest = load_manifest(out_dir)
    hashes = {name: sha256(data) for name, data in outputs.items()}
    files = {k: v for k, v in manifest.files.items() if k not in removals} | hashes
    build = BuildRecord(render_key, hashes) if render_key is not None else manifest.build
    manifest_bytes = Manifest(dict(sorted(files.items())), build).to_bytes()
    steps: list[tuple[Path, Path]] = []
    try:
        for name, data in [*outputs.items(), (MANIFEST_NAME, manifest_bytes)]:
            # Temporary files stay in out_dir itself, where recover() looks for them.
            steps.append((_write_temp(out_dir, name.replace("/", "-"), data), out_dir / name))
        for _, target in steps:
            target.parent.mkdir(exist_ok=True)
        journal = [[None, name] for name in removals] + [
            [tmp.name, target.relative_to(out_dir).as_posix()] for tmp, target in steps
        ]
        write_atomic(out_dir / JOURNAL_NAME, json.dumps(journal).encode("utf-8"))
    except OSError as e:
        for tmp, _ in steps:
            tmp.unlink(missing_ok=True)
        raise BriefgenError(f"{out_dir}: cannot write the outputs: {e.strerror or e}") from e
    except BaseException:
        for tmp, _ in steps:
            tmp.unlink(missing_ok=True)
        raise
    # From here on the new set is complete on disk: finish it, or the next run will.
    try:
        for name in removals:
            log.info("removing %s", display_path(out_dir / name))
            _remove(out_dir / name)
        for tmp, target in steps:
            _rename(tmp, target)
        for folder in sorted({target.parent for _, target in steps}):
            _sync_dir(folder)
        (out_dir / JOURNAL_NAME).unlink()
    except OSError as e:
        raise BriefgenError(
            f"{out_dir}: publishing stopped midway ({e.strerror or e}); the next briefgen run"
            " in this folder completes it"
        ) from e
    return [target for _, target in steps[:-1]]


def recover(out_dir: Path) -> list[str]:
    """Finish a publish a killed run left midway, then remove its stray temporary files.

    Returns what was done, one line each (also logged). Run it with the folder
    locked, before anything else reads or writes there.
    """
    done: list[str] = []
    journal_path = out_dir / JOURNAL_NAME
    if journal_path.exists():
        done.extend(_replay(out_dir, journal_path))
    if out_dir.is_dir():
        for entry in sorted(out_dir.iterdir()):
            if _TEMP_NAME.match(entry.name) and entry.is_file():
                entry.unlink(missing_ok=True)
                done.append(f"removed {entry.name}, left by a run that was stopped")
    for line in done:
        log.warning("%s: %s", display_path(out_dir), line)
    return done


def _replay(out_dir: Path, journal_path: Path) -> list[str]:
    try:
        steps = json.loads(journal_path.read_text("utf-8"))
        pairs = [(None if tmp is None else str(tmp), str(target)) for tmp, target in steps]
    except (OSError, ValueError, TypeError, RecursionError) as e:
        # write_atomic never leaves a partial journal; this one was made by hand.
        raise BriefgenError(
            f"{journal_path}: unreadable publish journal ({e}); delete it and build again"
        ) from e
    for tmp_name, target_name in pairs:
        if tmp_name is not None and not _TEMP_NAME.match(tmp_name):
            raise BriefgenError(f"{journal_path}: {tmp_name!r} is not a briefgen temporary file")
        if target_name != MANIFEST_NAME:
            check_output_name(target_name, out_dir)
            check_not_linked(target_name, out_dir)
    finished, removed = [], []
    for tmp_name, target_name in pairs:
        try:
            if tmp_name is None:  # a removal
                if (out_dir / target_name).exists():
                    _remove(out_dir / target_name)
                    removed.append(target_name)
                continue
            tmp = out_dir / tmp_name
            if not os.path.lexists(tmp):
                continue  # renamed before the run stopped
            if tmp.is_symlink() or not tmp.is_file():
                raise BriefgenError(
                    f"{journal_path}: {tmp_name!r} is not a file; delete the journal"
                )
            os.replace(tmp, out_dir / target_name)
            finished.append(target_name)
        except OSError as e:
            raise BriefgenError(
                f"{journal_path}: cannot finish publishing {target_name!r} ({e.strerror or e});"
                " delete the journal and build again"
            ) from e
    _sync_dir(out_dir)
    journal_path.unlink()
    done = [f"finished publishing {', '.join(finished)}"] if finished else []
    done += [f"removed {', '.join(removed)}"] if removed else []
    return [f"{'; '.join(done)}, which a stopped run had left midway"] if done else []


# The lock descriptors this process holds, closed in every child it forks:
# a flock belongs to the open file, which a forked worker would otherwise
# keep open (and the folder locked) after this process is killed.
_held_locks: set[int] = set()


def _close_held_locks() -> None:
    for fd in _held_locks:
        with contextlib.suppress(OSError):
            os.close(fd)
    _held_locks.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_locks)


@contextlib.contextmanager
def output_lock(out_dir: Path, *, timeout: float) -> Iterator[None]:
    """Hold the output folder's lock for the ``with`` block; wait up to ``timeout`` seconds."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        # Never through a link: the lock file would be created or locked elsewhere.
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(out_dir / LOCK_NAME, flags, 0o666 & ~_umask())
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise BriefgenError(
                f"{display_path(out_dir / LOCK_NAME)}: a symbolic link; briefgen locks only a"
                " real file in the output folder (remove the link)"
            ) from e
        raise BriefgenError(f"{out_dir}: cannot lock the output folder: {e.strerror}") from e
    _held_locks.add(fd)
    try:
        _acquire(fd, out_dir, timeout)
        yield
    finally:
        _held_locks.discard(fd)
        os.close(fd)  # closing the last descriptor releases the flock


def _acquire(fd: int, out_dir: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    waited = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as e:
            if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BriefgenError(f"{out_dir}: cannot lock the output folder: {e}") from e
        if time.monotonic() >= deadline:
            raise OutputLockedError(
                f"{display_path(out_dir)}: another briefgen run is writing into this folder"
                f" and did not finish within {timeout:g} s; try again when it has, or raise"
                " output.lock_timeout"
            )
        if not waited:
            log.warning(
                "%s: another briefgen run is writing here; waiting up to %g s",
                display_path(out_dir),
                timeout,
            )
            waited = True
        time.sleep(_POLL_SECONDS)
