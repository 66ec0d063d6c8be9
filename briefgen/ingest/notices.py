"""Warnings about inputs, kept as data as well as logged.

A build that runs unattended must be able to say afterwards what it did not
read as given: a file skipped, a duplicate counted once, an encoding repaired,
a date ignored. Logging alone cannot be counted, shown in the brief or turned
into a failure under ``--strict``, so every such warning is a ``Notice``.

Readers have a fixed signature (``read(text, name)``) and plugins implement
it, so they cannot be handed a list to append to. Instead ``read_article``
opens a ``collecting()`` scope and anything below it calls ``warn``; the
notices of one file end up on its ``Article``. The scope is a context
variable, so it is per thread and per task, and nothing leaks between files.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from briefgen.model import Notice, NoticeKind

log = logging.getLogger(__name__)

_current: ContextVar[list[Notice] | None] = ContextVar("briefgen_notices", default=None)


@contextmanager
def collecting() -> Iterator[list[Notice]]:
    """Collect the notices ``warn`` gives inside the block (and still log them)."""
    notices: list[Notice] = []
    token = _current.set(notices)
    try:
        yield notices
    finally:
        _current.reset(token)


def warn(path: str, kind: NoticeKind, reason: str) -> Notice:
    """Log a warning about ``path`` and keep it for the run's result."""
    notice = Notice(path, kind, reason)
    log.warning("%s", notice)
    collected = _current.get()
    if collected is not None:
        collected.append(notice)
    return notice
