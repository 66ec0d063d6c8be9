"""The PDF made in a second process, started when extraction starts.

A cold build spends most of its time in two libraries that have nothing to
do with each other: spaCy (extraction) and WeasyPrint (the PDF), each about a
second to import and set up. With two cores they need not wait for each
other: when a build has extraction to do and wants a PDF, a process is
forked that imports WeasyPrint and lays out a tiny page (loading fonts)
while this one extracts; once the digest exists it renders the PDF there,
with the same ``briefgen.render.render`` as ever, while this process renders
the other formats. Same inputs, same function: the same bytes.

With several audiences, the worker forks once more when the digest arrives
and the copy lays out half of the PDFs: WeasyPrint is imported and its fonts
loaded already, so the copy starts at once, and the two cores that extracted
and set up now print (laying out a PDF takes about half a second a brief,
the other formats a tenth of that). Every PDF is still made by the same
function from the same inputs, each in one process.

Only where ``fork`` exists and more than one job is allowed; if the worker
fails to start or dies, the PDF is rendered here as before (and if its copy
dies, the worker makes that copy's PDFs). The worker dies
with this process, however it ends, and never holds the output folder's lock
(``briefgen.runtime.children``): a ``kill -9`` of a build leaves nothing running.
The build forks it (``serve``) before importing any rendering code: the worker
imports that itself, on its own core, while extraction runs.
"""

from __future__ import annotations

import logging
import os
import pickle
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError, RenderError
from briefgen.runtime.children import Pending, Server, die_with_parent

if TYPE_CHECKING:
    from briefgen.config import Config

log = logging.getLogger(__name__)

_WARM_UP = "<!doctype html><html><body><p>Briefing ブリーフィング 브리핑</p></body></html>"


class PdfWorker(Server):
    @classmethod
    def start(cls, config: Config | None = None) -> PdfWorker | None:
        """The worker, warming up; with ``config``, it also compiles the templates of
        that config's PDFs while it waits (``briefgen.render.prepare``)."""
        worker: PdfWorker | None = cls.fork(serve, config)
        return worker


# The PDFs' answer: ``{<audience>/brief.pdf: bytes}``, the worker's error raised, or None if
# the worker died (the caller then renders the PDFs itself).
PendingPdf = Pending


def serve(conn: Connection, config: Config | None = None) -> None:
    """The worker (``briefgen.runtime.children.Server``): warm up, then make the PDFs of
    the one job it is sent."""
    try:
        from briefgen.render.pdf import render_pdf

        render_pdf(_WARM_UP)
        if config is not None:  # the core is idle until the digest arrives
            from briefgen.render import prepare

            prepare(config, formats=["pdf"])
    except Exception as e:  # the real render below will report it properly
        log.debug("PDF warm-up failed: %s", e)
    try:
        job = conn.recv()
    except (EOFError, OSError):
        return  # nothing to render after all
    audiences = list(job["config"].brief.audience)
    half = (len(audiences) + 1) // 2
    helper = _Helper.start(job, audiences[half:]) if len(audiences) > 1 else None
    reply = _render(job, audiences[:half] if helper else audiences)
    if helper is not None:
        theirs = helper.result()
        if theirs is None:  # the copy died: its PDFs are made here
            theirs = _render(job, audiences[half:])
        reply = _joined(reply, theirs)
    try:
        conn.send(reply)
    except Exception:
        conn.send(("error", RenderError(str(reply[1]))))


def _render(job: dict[str, Any], audiences: list[str]) -> tuple[str, Any]:
    """``("ok", {<audience>/brief.pdf: bytes})`` for ``audiences``, or ``("error", e)``."""
    try:
        from briefgen.render import render_briefs

        return ("ok", render_briefs(formats=["pdf"], audiences=audiences, **job))
    except BriefgenError as e:
        return ("error", e)
    except Exception as e:
        return ("error", RenderError(f"cannot make the PDF: {type(e).__name__}: {e}"))


def _joined(first: tuple[str, Any], second: tuple[str, Any]) -> tuple[str, Any]:
    """Both halves' PDFs in audience order, or the first error (the first half's first)."""
    for reply in (first, second):
        if reply[0] == "error":
            return reply
    return ("ok", first[1] | second[1])


class _Helper:
    """A copy of the worker, forked with WeasyPrint loaded, making some audiences' PDFs."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd

    @classmethod
    def start(cls, job: dict[str, Any], audiences: list[str]) -> _Helper | None:
        read, write = os.pipe()
        worker = os.getpid()
        try:
            pid = os.fork()
        except OSError as e:
            log.debug("no second PDF process (%s); the worker makes every PDF", e)
            os.close(read)
            os.close(write)
            return None
        if pid == 0:  # the copy: render, answer, and leave without running any cleanup
            os.close(read)
            code = 1
            try:
                die_with_parent(worker)
                data = pickle.dumps(_render(job, audiences))
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        return cls(pid, read)

    def result(self) -> tuple[str, Any] | None:
        """The copy's reply; None if it died without one."""
        with os.fdopen(self.fd, "rb") as f:
            data = f.read()
        os.waitpid(self.pid, 0)
        try:
            reply: tuple[str, Any] = pickle.loads(data)
        except Exception as e:  # nothing, or half an answer: it died
            log.debug("second PDF process lost (%s); making its PDFs in the worker", e)
            return None
        return reply
