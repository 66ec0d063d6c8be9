"""Render skipping: when nothing that shapes the briefs changed, render nothing.

What a brief depends on is the digest's bytes, the config, every template that
could be in effect (the workspace's ``templates/`` and the packaged defaults,
all files under them) and the briefgen version. A build records their hash,
with the hash of every file it wrote, in ``.cache/render.json`` in the output
folder. The next build renders again unless that hash matches and every
output is still there as written -- a deleted or edited brief is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from briefgen import __version__
from briefgen.paths import CACHE_DIR_NAME, PACKAGED_TEMPLATES, RENDER_MANIFEST_NAME
from briefgen.publish import write_atomic

log = logging.getLogger(__name__)


def render_key(*, digest: bytes, config: str, template_dirs: Sequence[Path]) -> str:
    """The hash of all a build's outputs depend on (the formats are in the config)."""
    h = hashlib.sha256()
    for part in (__version__.encode(), config.encode(), digest):
        h.update(len(part).to_bytes(8, "little") + part)
    for folder in [*template_dirs, PACKAGED_TEMPLATES]:
        files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
        h.update(f"\0dir {folder}\0".encode())
        for path in files:
            data = path.read_bytes()
            h.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode() + data)
    return h.hexdigest()


def _path(out_dir: Path) -> Path:
    return out_dir / CACHE_DIR_NAME / RENDER_MANIFEST_NAME


def up_to_date(out_dir: Path, key: str) -> bool:
    """The last build had this key and every output it wrote is still as it wrote it."""
    try:
        recorded = json.loads(_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or recorded.get("key") != key:
        return False
    files = recorded.get("files")
    if not isinstance(files, dict) or not files:
        return False
    for name in files:
        try:
            data = (out_dir / name).read_bytes()
        except OSError:
            return False
        if files[name] != hashlib.sha256(data).hexdigest():
            return False
    return True


def record(out_dir: Path, key: str, outputs: Mapping[str, bytes]) -> None:
    """Remember what this build wrote; failing to is only a lost shortcut."""
    files = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(outputs.items())}
    text = json.dumps({"key": key, "files": files}, indent=1, sort_keys=True)
    try:
        write_atomic(_path(out_dir), text.encode("utf-8"))
    except OSError as e:
        log.warning("cannot record the render manifest in %s (%s)", out_dir, e.strerror or e)
