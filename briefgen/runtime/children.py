"""Processes briefgen forks (the PDF worker, the extraction pool) die with it.

A worker that outlived a ``kill -9`` of its build would keep running for
nothing, and, holding copies of the build's file descriptors, could keep the
output folder locked for good. So each forked worker:

* holds no copy of the output folder's lock (``briefgen.publish`` closes it
  in every child at fork);
* asks the kernel to kill it when its parent dies (Linux's
  ``PR_SET_PDEATHSIG``), whatever kills the parent;
* elsewhere, and as a second line, notices its parent is gone from the end of
  file on its socket to the parent, whose other end it does not hold.

``Server`` is such a process answering jobs over a pipe (the PDF worker is
one). It is here, below the stages, so that the build can fork one before
it imports anything of the stage the server works for: the server imports
that itself, on its own core.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have this (forked) process killed when ``parent`` dies; exit now if it already has.

    Call it first thing in the child, with the parent's pid taken before the fork.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
                log.debug("prctl(PR_SET_PDEATHSIG) failed: errno %d", ctypes.get_errno())
        except (OSError, AttributeError) as e:  # no usable libc: end of file still tells
            log.debug("no PR_SET_PDEATHSIG (%s)", e)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)


class Server:
    """A forked process that serves jobs sent over a pipe: ``serve(conn, *args)`` runs there.

    ``serve`` answers each job with ``("ok", value)`` or ``("error", exception)``.
    """

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn

    @classmethod
    def fork(cls, serve: Callable[..., None], *args: Any) -> Any:
        """The server, started; None where ``fork`` is missing or fails (do the work here)."""
        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_run, args=(serve, theirs, ours, os.getpid(), *args), daemon=True
        )
        try:
            process.start()
        except OSError as e:
            log.debug("no %s (%s): its work is done in this process", cls.__name__, e)
            return None
        theirs.close()
        return cls(process, ours)

    def send(self, job: Any) -> Pending | None:
        """The job sent; None if the server is gone (do the work here)."""
        try:
            self.conn.send(job)
        except (OSError, ValueError) as e:
            log.debug("%s lost (%s): its work is done in this process", type(self).__name__, e)
            return None
        return Pending(self.conn)

    def close(self) -> None:
        self.conn.close()
        self.process.join(timeout=0.5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


class LazyServer:
    """A ``Server`` forked on the first call to ``start``, if ``wanted``."""

    def __init__(self, serve: Callable[..., None], *args: Any, wanted: bool) -> None:
        self.serve = serve
        self.args = args
        self.wanted = wanted
        self._server: Server | None = None

    def start(self) -> None:
        if self.wanted and self._server is None:
            self._server = Server.fork(self.serve, *self.args)

    def get(self) -> Server | None:
        return self._server

    def close(self) -> None:
        if self._server is not None:
            self._server.close()


class Pending:
    """A job's answer, on its way."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def result(self) -> Any:
        """The answer, the server's error raised here, or None if the server died."""
        try:
            status, value = self.conn.recv()
        except (OSError, EOFError) as e:
            log.debug("server lost (%s): its work is done in this process", e)
            return None
        if status == "error":
            raise value
        return value


def _run(
    serve: Callable[..., None], conn: Connection, parents_end: Connection, parent: int, *args: Any
) -> None:
    die_with_parent(parent)
    # Only the parent may hold its end: then a parent that is gone is an end of file here.
    parents_end.close()
    serve(conn, *args)
