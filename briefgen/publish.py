"""Writing outputs so that a failed build never leaves a half-written file.

Each file is written to a temporary file in the same folder and renamed over
the old one, which is atomic on POSIX file systems: a reader sees the old
brief or the new one, never a mix, and a build that dies midway leaves the
previous outputs exactly as they were.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from briefgen.errors import BriefgenError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private; a brief gets the usual permissions.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish(outputs: Mapping[str, bytes], out_dir: Path) -> list[Path]:
    """Write every output into ``out_dir`` only once all of them exist in memory."""
    written = []
    for name, data in outputs.items():
        target = out_dir / name
        if target.parent != out_dir or name.startswith("."):
            raise BriefgenError(f"refusing to write {name!r} outside {out_dir}")
        try:
            write_atomic(target, data)
        except OSError as e:
            raise BriefgenError(f"{target}: cannot write: {e.strerror or e}") from e
        written.append(target)
    return written
