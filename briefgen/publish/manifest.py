"""The output folder's manifest: what briefgen wrote there, and what the last build rendered from.

One file, ``.briefgen-manifest.json``, written by ``publish`` as the last step
of the same journal as the outputs, so it always describes the files beside
it. It holds:

* ``files``: the SHA-256 of every file briefgen last wrote into the folder.
  It is how a build knows that a person has edited ``digest.yaml`` since
  (``briefgen.publish.hand_edited``).
* ``build``: the render key of the last ``briefgen build`` that rendered (the
  hash of all its briefs depend on: the digest's bytes, the config, every
  template that could be in effect and the briefgen version) and the SHA-256
  of each file that build wrote. The next build renders again unless its key
  matches and every one of those files is still there as that build wrote it;
  a deleted brief, or one ``briefgen render`` replaced since, is rebuilt.

Version 1 manifests (before the build record moved here from
``.cache/render.json``) are read for their ``files``; they have no build
record, so the first build after upgrading renders again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen import __version__
from briefgen.paths import MANIFEST_NAME, PACKAGED_TEMPLATES

log = logging.getLogger(__name__)

MANIFEST_VERSION = 2


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class BuildRecord:
    """The render key of a build and the hash of each file it wrote."""

    key: str
    files: Mapping[str, str]


@dataclass(frozen=True)
class Manifest:
    files: Mapping[str, str] = field(default_factory=dict)
    build: BuildRecord | None = None

    def to_bytes(self) -> bytes:
        """Sorted, without a clock: the same outputs always give the same manifest."""
        data: dict[str, object] = {"version": MANIFEST_VERSION, "files": dict(self.files)}
        if self.build is not None:
            data["build"] = {"key": self.build.key, "files": dict(self.build.files)}
        return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


def load_manifest(out_dir: Path) -> Manifest:
    """The manifest of ``out_dir``; an empty one when it is missing or unreadable."""
    path = out_dir / MANIFEST_NAME
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Manifest()
    except (OSError, ValueError) as e:
        log.warning("%s: unreadable, treated as missing: %s", path, e)
        return Manifest()
    if not isinstance(data, dict):
        return Manifest()
    return Manifest(_hashes(data.get("files")), _build(data.get("build")))


def _hashes(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}


def _build(value: object) -> BuildRecord | None:
    if not isinstance(value, dict) or not isinstance(value.get("key"), str):
        return None
    files = _hashes(value.get("files"))
    return BuildRecord(value["key"], files) if files else None


def read_manifest(out_dir: Path) -> dict[str, str]:
    """File name -> SHA-256 of what briefgen last wrote into ``out_dir`` ({} if unknown)."""
    return dict(load_manifest(out_dir).files)


def render_key(*, digest: bytes, config: str, template_dirs: Sequence[Path]) -> str:
    """The hash of all a build's outputs depend on (the formats are in the config), the
    ``SOURCE_DATE_EPOCH`` the PDF and Word files are dated by included."""
    h = hashlib.sha256()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").encode()
    for part in (__version__.encode(), config.encode(), digest, epoch):
        h.update(len(part).to_bytes(8, "little") + part)
    for folder in [*template_dirs, PACKAGED_TEMPLATES]:
        files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
        h.update(f"\0dir {folder}\0".encode())
        for path in files:
            data = path.read_bytes()
            h.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode() + data)
    return h.hexdigest()


def up_to_date(out_dir: Path, key: str) -> bool:
    """The last build had this key and every output it wrote is still as it wrote it."""
    build = load_manifest(out_dir).build
    if build is None or build.key != key:
        return False
    for name, recorded in build.files.items():
        try:
            data = (out_dir / name).read_bytes()
        except OSError:
            return False
        if sha256(data) != recorded:
            return False
    return True
