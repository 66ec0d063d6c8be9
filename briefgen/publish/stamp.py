"""The build stamp: a build that would change nothing, known before anything heavy is imported.

An unchanged ``briefgen build`` already extracts, renders and writes nothing
(the whole-batch cache and the manifest's render key), but finding that out
meant importing pydantic, the config model and the renderers, scanning the
inputs and hashing the digest: most of the time a rebuild of a small
workspace took. The stamp answers the same question from the standard
library alone.

Each build that succeeds writes ``.cache/build-stamp.json`` into its output
folder, last and atomically (``--no-cache`` neither reads nor writes it). It
holds a digest of everything the build read and of what it left there:

* the request: the folder the command ran in, the config file's path and the
  command line's options (``StampRequest``);
* the config file's bytes, the corrections file's (or that there is none),
  every file under the workspace's ``templates/``, and every input file's;
* the listing of every folder the inputs were looked for in, so that an
  article added or removed is seen (hidden names are never inputs and are
  left out);
* the briefgen version, every file of the installed package (size and
  modification time: code, data, templates, the parser), the Python, the
  modules and packages in each folder on ``sys.path`` (an installed or
  removed library)
  and the environment variables a build reads (``SOURCE_DATE_EPOCH``, the
  locale, ``BRIEFGEN*`` ...);
* the SHA-256 of every output the build recorded in the manifest, and the
  warnings it gave, to give them again.

``check`` recomputes each of these and answers with the stamp only when all
match, every output is as the build wrote it and no publish was left midway.
Any doubt takes the whole build, which decides by itself and writes a new
stamp: a build with feeds (their entries change on the server), with
``--since`` or ``--no-cache``, one that skipped an input or left an article
out, and a package file modified within the last seconds (a modification
time may not yet tell two versions apart) are never stamped. A stamp left
by an earlier build stays true after a later one failed or wrote other
outputs: it says which outputs those inputs give, and ``check`` finds them
in the folder or not.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import logging
import os
import stat
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.paths import BUILD_STAMP, JOURNAL_NAME

log = logging.getLogger(__name__)

STAMP_VERSION = 1
# A package file modified this recently may be modified again within the same
# tick of the file system's clock, leaving its modification time as it was.
_RACY_NS = 2_000_000_000
# The environment variables a build (or a library it uses) reads to decide its
# output; names are matched exactly or, ending in "*", as a prefix.
_ENVIRONMENT = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LANGUAGE", "LC_*", "BRIEFGEN*", "PYTHON*",
                "FONTCONFIG*", "SPACY*", "WEASYPRINT*")  # fmt: skip
_DEFAULT_CONFIG = Path("config") / "briefgen.yaml"
# What a folder on sys.path can hold that ``import`` finds (see ``_importable``).
_SOURCES = tuple(importlib.machinery.all_suffixes())
_MODULES = (*_SOURCES, ".pth", ".egg-link", ".dist-info", ".egg-info")


@dataclass(frozen=True)
class StampRequest:
    """What ``briefgen build`` was asked: where it ran, which config, which options,
    and what it ran with.

    ``options`` are the command line's values as given (``None`` for a flag
    not given), so that the build that writes the stamp and the one that
    checks it compare exactly what the user typed; ``out`` is already
    resolved against the current folder. The config file, the package's
    files and the environment are read once, here, before the build loads
    any of them: the stamp records what the build ran with, never a change
    made while it ran (or waited for the output folder's lock).
    """

    cwd: str
    config: str
    options: Mapping[str, Any]
    config_digest: str | None  # None: the file cannot be read
    out_dir: Path | None  # None: not known without the config model
    environment: str
    package: str | None  # None: a file of it was modified a moment ago

    @classmethod
    def of(cls, config: Path | None, options: Mapping[str, Any]) -> StampRequest:
        path = os.path.abspath(config if config is not None else _DEFAULT_CONFIG)
        try:
            data: bytes | None = Path(path).read_bytes()
        except OSError:
            data = None
        return cls(
            cwd=os.getcwd(),
            config=path,
            options=dict(options),
            config_digest=_sha(data) if data is not None else None,
            out_dir=_output_dir(path, options, data) if data is not None else None,
            environment=_environment(),
            package=_package(racy_after=time.time_ns() - _RACY_NS),
        )

    def digest(self) -> str:
        data = {"cwd": self.cwd, "config": self.config, "options": dict(self.options)}
        return _sha(json.dumps(data, sort_keys=True, default=str).encode())


@dataclass(frozen=True)
class Stamped:
    """What an up-to-date build reports: the folder, the corrections it applied, its warnings."""

    out_dir: Path
    corrections_applied: int
    warnings: list[str]  # each line as the build logged it
    notices: int  # how many of them were about the inputs


@dataclass(frozen=True)
class Snapshot:
    """What a build is about to read, taken before it reads it (see ``snapshot``)."""

    out_dir: Path
    read: dict[str, Any]


def check(request: StampRequest) -> Stamped | None:
    """The last build's report when nothing it read or wrote has changed since; else None."""
    out_dir = request.out_dir
    if out_dir is None or request.config_digest is None or request.package is None:
        return None
    try:
        stamp = json.loads((out_dir / BUILD_STAMP).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("version") != STAMP_VERSION:
        return None
    expected = {
        "request": request.digest(),
        "out_dir": str(out_dir),
        "config": request.config_digest,
        "environment": request.environment,
        "package": request.package,
    }
    if any(stamp.get(key) != value for key, value in expected.items()):
        return None
    if os.path.lexists(out_dir / JOURNAL_NAME):  # a publish to finish: the build does it
        return None
    try:
        if not _same(stamp["folders"], _listing) or not _same(stamp["files"], _file_digest):
            return None
        if not _same({str(out_dir / k): v for k, v in stamp["outputs"].items()}, _file_digest):
            return None
        report = stamp["report"]
        warnings = [str(line) for line in report["warnings"]]
        applied, notices = int(report["corrections_applied"]), int(report["notices"])
        return Stamped(out_dir, applied, warnings, notices)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def snapshot(
    request: StampRequest,
    *,
    out_dir: Path,
    workspace: Path,
    inputs: Sequence[str],
    input_files: Iterable[Path],
    corrections: Path,
) -> Snapshot | None:
    """What the build is about to read: the inputs' folders and files, the corrections
    and the templates (the package and the environment as ``request`` found them);
    taken before the build reads them, so that a file edited while it runs is seen as
    changed by the next check.

    None when the stamp could not be trusted: the request's output folder is not
    the config's (``StampRequest.of`` read the config otherwise), or a package file
    was modified a moment ago (its modification time may not tell two versions apart).
    """
    package = request.package
    if request.config_digest is None or request.out_dir != out_dir or package is None:
        return None
    folders: dict[str, str | None] = {}
    seen: set[tuple[int, int]] = set()
    excluded = _key(out_dir)
    for pattern in inputs:
        _walk(workspace / _glob_base(pattern), folders, seen, excluded)
    templates: dict[str, str | None] = {}
    _walk(workspace / "templates", templates, set(), excluded)
    files = {str(p): _file_digest(str(p)) for p in input_files}
    files[str(corrections)] = _file_digest(str(corrections))
    for folder, listing in templates.items():
        if listing is not None and listing != "not a folder":
            for name in _names(folder):
                if not name.endswith("/"):
                    files[os.path.join(folder, name)] = _file_digest(os.path.join(folder, name))
    read = {
        "version": STAMP_VERSION,
        "request": request.digest(),
        "out_dir": str(out_dir),
        "config": request.config_digest,
        "environment": request.environment,
        "package": package,
        "folders": dict(sorted((folders | templates).items())),
        "files": dict(sorted(files.items())),
    }
    return Snapshot(out_dir, read)


def write(
    taken: Snapshot,
    *,
    outputs: Mapping[str, str],
    corrections_applied: int,
    warnings: Sequence[str],
    notices: int,
) -> None:
    """Stamp the output folder: what the build read (``taken`` before it read it) and
        what it left there (``outputs``: the SHA-256 of each file by name, as the manifest
        records them), with the warnings it gave, one line each, ``notices`` of them about
    the inputs."""
    from briefgen.publish import write_atomic

    stamp = taken.read | {
        "outputs": dict(sorted(outputs.items())),
        "report": {
            "corrections_applied": corrections_applied,
            "warnings": list(warnings),
            "notices": notices,
        },
    }
    data = (json.dumps(stamp, indent=1) + "\n").encode("utf-8")
    write_atomic(taken.out_dir / BUILD_STAMP, data)


def _output_dir(config: str, options: Mapping[str, Any], data: bytes) -> Path | None:
    """The output folder, as the config and ``--out`` name it; None when in doubt.

    Read here without the config model. The stamp records the folder the
    build really wrote to (``snapshot`` refuses a request whose folder is
    not the config's), so a config this reading gets wrong can only cost the
    short cut, never give a wrong answer.
    """
    out = options.get("out")
    if out is not None:
        return Path(str(out))
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(data.decode("utf-8"), Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    section = raw.get("output") if isinstance(raw, dict) else None
    folder = section.get("dir", "build") if isinstance(section, dict) else "build"
    if not isinstance(folder, str):
        return None
    where = Path(config).resolve().parent
    workspace = where.parent if where.name == "config" else where
    return workspace / folder


def _same(recorded: Mapping[str, str | None], now: Any) -> bool:
    return all(now(path) == value for path, value in recorded.items())


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: str) -> str | None:
    """The file's SHA-256; None when there is no such file.

    Opened without blocking and read only when it is a regular file: a named
    pipe put in an input's place must not stop the check (the build then
    says what is wrong with it).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as e:  # unreadable: never equal to what a build read
        return f"error {e.errno}"
    with open(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return "not a regular file"
        try:
            return _sha(f.read())
        except OSError as e:
            return f"error {e.errno}"


def _names(folder: str) -> list[str]:
    """The visible entries of ``folder``, sorted, each with ``/`` when it is a folder."""
    with os.scandir(folder) as entries:
        return sorted(
            e.name + ("/" if _is_dir(e) else "") for e in entries if not e.name.startswith(".")
        )


def _listing(folder: str) -> str | None:
    """A digest of ``folder``'s visible entries; None when it is no folder."""
    try:
        return _sha("\0".join(_names(folder)).encode("utf-8", "surrogateescape"))
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return "not a folder"
    except OSError as e:
        return f"error {e.errno}"


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows links, as the input scan does
    except OSError:
        return False


def _key(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _walk(
    top: Path,
    folders: dict[str, str | None],
    seen: set[tuple[int, int]],
    excluded: tuple[int, int] | None,
) -> None:
    """Record the listing of ``top`` and of every visible folder under it, each real one
    entered once, the output folder never (a superset of what the input scan reads)."""
    stack = [top]
    while stack:
        folder = stack.pop()
        key = _key(folder)
        if key is not None and (key == excluded or key in seen):
            continue
        folders[str(folder)] = _listing(str(folder))
        if key is None or not folder.is_dir():
            continue
        seen.add(key)
        stack.extend(folder / name.rstrip("/") for name in _names(str(folder)) if name[-1] == "/")


def _glob_base(pattern: str) -> str:
    """The part of an input pattern before its first glob character's folder."""
    parts = Path(pattern).parts
    first = next((i for i, part in enumerate(parts) if set(part) & set("*?[")), len(parts))
    return str(Path(*parts[:first])) if first else "."


def _environment() -> str:
    """The briefgen version, the Python, what is installed beside it, and the variables read."""
    wanted = {
        name: value
        for name, value in os.environ.items()
        if any(name == w or (w.endswith("*") and name.startswith(w[:-1])) for w in _ENVIRONMENT)
    }
    installed = []
    for entry in sys.path:
        folder = entry or os.getcwd()
        if os.path.isdir(folder):
            installed.append((folder, _importable(folder)))
    data = [__version__, sys.version, sys.executable, sorted(wanted.items()), installed]
    return _sha(json.dumps(data).encode())


def _importable(folder: str) -> list[str]:
    """What ``folder`` on ``sys.path`` offers to ``import``: modules, packages with an
    ``__init__``, ``.pth`` files and the records of installed distributions.

    A folder without ``__init__`` is left out: as a namespace package it never
    stands in for a module found anywhere on the path, so the build's own
    ``build/`` beside a ``python -m briefgen`` run changes nothing here.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        return [f"error {e.errno}"]
    names = []
    for entry in entries:
        if entry.name.endswith(_MODULES):
            names.append(entry.name)
        elif _is_dir(entry) and any(
            os.path.exists(os.path.join(entry.path, "__init__" + suffix)) for suffix in _SOURCES
        ):
            names.append(entry.name + "/")
    return names


def _package(*, racy_after: int | None) -> str | None:
    """A digest of every file of the installed package (its path, size and modification
    time); None when one was modified after ``racy_after`` (nanoseconds)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            if entry.name == "__pycache__":
                continue
            info = entry.stat()
            if stat.S_ISDIR(info.st_mode):
                stack.append(entry.path)
                continue
            if racy_after is not None and info.st_mtime_ns > racy_after:
                return None
            line = f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\n"
            h.update(line.encode("utf-8", "surrogateescape"))
    return h.hexdigest()
