"""Progress of long runs: a bar on a terminal, plain lines in CI, nothing with ``-q``.

The library reports progress through a ``Progress`` it is handed; the CLI
chooses which (``for_terminal``). A run with little to do (fewer than
``MIN_ITEMS`` articles left to extract) shows nothing, so small builds and
rebuilds stay quiet. The terminal bar is rich's: it draws articles done,
rate and time left in one line and redraws in place, which hand-written
carriage returns do badly once warnings interleave.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

MIN_ITEMS = 20
LOG_EVERY_SECONDS = 10.0


class Progress(Protocol):
    def start(self, label: str, total: int) -> None: ...
    def advance(self, n: int) -> None: ...
    def finish(self) -> None: ...


class NoProgress:
    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def finish(self) -> None:
        pass


class LogProgress:
    """A line at the start, one every ``every`` seconds, and one at the end."""

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        every: float = LOG_EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.write = write
        self.every = every
        self.clock = clock
        self.active = False

    def start(self, label: str, total: int) -> None:
        self.active = total >= MIN_ITEMS
        self.label, self.total, self.done = label, total, 0
        self.began = self.last = self.clock()
        if self.active:
            self.write(f"{label}: {total} articles")

    def advance(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if self.active and now - self.last >= self.every and self.done < self.total:
            self.last = now
            elapsed = now - self.began
            rate = self.done / elapsed if elapsed else 0.0
            left = (self.total - self.done) / rate if rate else 0.0
            self.write(
                f"{self.label}: {self.done}/{self.total} articles, "
                f"{rate:.1f}/s, about {left:.0f} s left"
            )

    def finish(self) -> None:
        if self.active:
            elapsed = self.clock() - self.began
            self.write(f"{self.label}: {self.done}/{self.total} articles in {elapsed:.1f} s")
        self.active = False


class BarProgress:
    """rich's progress bar on stderr, removed when done."""

    def __init__(self) -> None:
        self._bar: Any = None

    def start(self, label: str, total: int) -> None:
        if total < MIN_ITEMS:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        self._began = time.monotonic()
        self._task = self._bar.add_task(label, total=total, rate="")

    def advance(self, n: int) -> None:
        if self._bar is not None:
            task = self._bar.tasks[0]
            elapsed = time.monotonic() - self._began
            rate = (task.completed + n) / elapsed if elapsed else 0.0
            self._bar.update(self._task, advance=n, rate=f"{rate:.1f} articles/s")

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def for_terminal(*, quiet: bool, is_tty: bool, write: Callable[[str], None]) -> Progress:
    """The right progress for where the output goes: see the module's docstring."""
    if quiet:
        return NoProgress()
    return BarProgress() if is_tty else LogProgress(write)
