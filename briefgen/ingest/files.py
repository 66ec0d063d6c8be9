"""Getting a file's bytes safely: bounded, regular files only, and consistent.

Inputs are whatever a feed or a colleague dropped into a folder, so reading
one must never hang, never take all the memory and never read half a file:

* Only regular files are read. A named pipe would block the run forever and
  a device (``/dev/zero``) never ends; the file is opened without blocking
  and checked before a byte is read.
* A file over the size limit is refused from its size, and the read itself
  stops one byte past the limit, so a file that grows meanwhile cannot slip
  through whole.
* A file that changes while it is read (another program still writing it)
  is read once more; if it changes again it is skipped with that reason
  rather than read half old and half new.

File names are untrusted too: ``display_name`` makes one printable on one
line (no control characters, undecodable bytes escaped), since it goes into
warnings, error messages and the digest.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import unicodedata
from pathlib import Path
from typing import BinaryIO

from briefgen.errors import InputError

log = logging.getLogger(__name__)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)
_ATTEMPTS = 2


def read_bytes(path: Path, name: str, *, max_bytes: int) -> bytes:
    """The whole content of ``path``, or an ``InputError`` naming ``name`` and why not."""
    for attempt in range(1, _ATTEMPTS + 1):
        data, changed = _read_once(path, name, max_bytes)
        if not changed:
            return data
        log.info("%s: changed while being read (attempt %d)", name, attempt)
    raise InputError(
        f"{name}: changed while being read, twice; is another program still writing it? "
        "Run again once it is complete"
    )


def _read_once(path: Path, name: str, max_bytes: int) -> tuple[bytes, bool]:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise InputError(f"{name}: {_why(path, e)}") from e
    with os.fdopen(fd, "rb") as f:
        before = os.fstat(fd)
        _check_regular(before, name)
        _check_size(before.st_size, name, max_bytes)
        try:
            data = read_limited(f, max_bytes + 1)
        except OSError as e:
            raise InputError(f"{name}: cannot be read ({e.strerror or e})") from e
        _check_size(len(data), name, max_bytes)
        after = os.fstat(fd)
    changed = (
        len(data) != after.st_size
        or before.st_size != after.st_size
        or before.st_mtime_ns != after.st_mtime_ns
    )
    return data, changed


def read_limited(f: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``f`` (a seam for tests of files that change)."""
    return f.read(limit)


def _check_regular(info: os.stat_result, name: str) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    kind = next((what for test, what in _KINDS if test(info.st_mode)), "a special file")
    raise InputError(f"{name}: {kind}, not a regular file")


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        shown = f"over {max_bytes:,}" if size == max_bytes + 1 else f"{size:,}"
        raise InputError(
            f"{name}: {shown} bytes is over the size limit of {max_bytes:,} bytes "
            "(limits.max_file_bytes)"
        )


def _why(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops back on itself"
    if error.errno == errno.ENOENT and path.is_symlink():
        return (
            f"a broken symbolic link (to {display_name(os.readlink(path))}, which does not exist)"
        )
    if error.errno == errno.ENOENT:
        return "cannot be read: it does not exist (any more)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    return f"cannot be read ({error.strerror or error})"


def display_name(name: str) -> str:
    """``name`` printable on one line: bad bytes as ``\\xe9``, control characters escaped."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(
        c
        if c.isprintable() and unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")
        else _escape(c)
        for c in text
    )


def _escape(c: str) -> str:
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
