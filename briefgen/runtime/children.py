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
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys

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
